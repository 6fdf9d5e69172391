"""The agent toolkit: Gong's API v2 as declarative actions for agents.

Two catalogues are declared in :mod:`gongkit.actions.catalogue` (one module per resource group):

- the 53 ``GONG_*`` *actions* of the connector catalogue: inputs are the operation's parameters and body
  fields, nested body fields flattened with ``__`` (``filter__fromDate`` is ``{"filter": {"fromDate": ...}}``),
  hyphenated query names written with ``__`` (``workspace__id`` is the query parameter ``workspace-id``),
  arrays of objects passed as they are;
- the 18 read-only ``gong_*`` *tools*: credentials come in as ``accessKey``/``accessKeySecret`` inputs, id lists
  as comma-separated strings, and ``records`` (and a few other wrappers) are lifted into top-level fields.

An action is data: a name, a description, the ``operationId`` it calls, its inputs (:class:`Param`, from
which the JSON Schema is built) and where each input goes on the wire (derived from the operation, or stated
with ``to=``). Running one validates the input against that schema, builds one request, sends it through the
SDK's generic ``client.request(...)`` and answers ``{"data": ..., "error": None | str, "successful": bool}``.
Adding an action is a declaration in a catalogue module's ``ACTIONS`` list; there is no per-action code.
"""

from __future__ import annotations

import base64
import importlib
import mimetypes
import pkgutil
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import quote

from gongkit.spec import Operation, operation, request_schema

__all__ = [
    "Action",
    "ActionInputError",
    "Param",
    "Reshape",
    "Target",
    "WireRequest",
    "action",
    "all_actions",
    "arun",
    "flatten",
    "get",
    "run",
    "tool",
    "unflatten",
]

Kind = Literal["action", "tool"]
Location = Literal["path", "query", "body", "file", "credential"]

#: JSON Schema types of the type names the catalogues use (``string[]`` is an array of strings).
_JSON_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "object": "object",
    "array": "array",
    "json": "object",
}

#: Inputs that carry a file (``format: binary``) accept this object, or a plain path string.
FILE_INPUT_SCHEMA: dict[str, Any] = {
    "type": ["object", "string"],
    "properties": {
        "path": {"type": "string", "description": "Path of a local file to upload."},
        "content": {"type": "string", "description": "The file's bytes, base64-encoded (instead of path)."},
        "name": {"type": "string", "description": "File name sent with the upload (default: from path)."},
        "mimetype": {"type": "string", "description": "Content type (default: guessed from the name)."},
    },
}


class ActionInputError(ValueError):
    """The input does not satisfy the action's schema."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


# --- declarations --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where one input goes on the wire.

    ``path``/``query``: the parameter ``name``; ``body``: the nested ``keys`` (empty = the whole JSON body);
    ``file``: the multipart field ``name``; ``credential``: ``access_key`` or ``access_key_secret``.
    """

    location: Location
    name: str = ""
    keys: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Target:
        """``"query:workspace-id"``, ``"path:id"``, ``"body:filter.callIds"``, ``"body"``, ``"file:mediaFile"``,
        ``"credential:access_key"``."""
        location, _, rest = text.partition(":")
        if location == "body":
            return cls("body", keys=tuple(rest.split(".")) if rest else ())
        if location not in ("path", "query", "file", "credential") or not rest:
            raise ValueError(f"bad target {text!r}")
        return cls(cast(Location, location), name=rest)

    def __str__(self) -> str:
        if self.location == "body":
            return "body" + (":" + ".".join(self.keys) if self.keys else "")
        return f"{self.location}:{self.name}"


@dataclass(frozen=True)
class Param:
    """One input, as the catalogue states it (name, type, description, required, format, enum)."""

    name: str
    type: str = "string"
    description: str = ""
    required: bool = False
    format: str | None = None
    #: The values exactly as the catalogue lists them (a defect literal such as ``"a / b / c"`` is expanded
    #: into its values in the JSON Schema).
    enum: tuple[str, ...] = ()
    #: Where the value goes (``Target.parse`` syntax); default: derived from the operation.
    to: str | None = None
    #: A comma-separated string sent as an array of strings.
    split: bool = False

    @property
    def is_file(self) -> bool:
        return self.format == "binary"

    def json_schema(self) -> dict[str, Any]:
        if self.is_file:
            schema = dict(FILE_INPUT_SCHEMA)
        else:
            base, is_array = (self.type[:-2], True) if self.type.endswith("[]") else (self.type, False)
            item: dict[str, Any] = {"type": _JSON_TYPES[base]}
            if self.format:
                item["format"] = self.format
            if self.enum:
                item["enum"] = expand_enum(self.enum)
            schema = {"type": "array", "items": item} if is_array else item
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass(frozen=True)
class Reshape:
    """How a tool turns Gong's answer into its documented output (applied in this order).

    ``lift``: objects whose fields move to the top level (``records``, ``call``, ``user``); ``rename``:
    top-level keys renamed; ``merge``: for a list key, an object inside each item whose fields move into the
    item; ``keep``: the top-level keys returned (all when empty).
    """

    lift: tuple[str, ...] = ()
    rename: Mapping[str, str] = field(default_factory=dict)
    merge: Mapping[str, str] = field(default_factory=dict)
    keep: tuple[str, ...] = ()

    def apply(self, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        out: dict[str, Any] = dict(data)
        for key in self.lift:
            inner = out.pop(key, None)
            if isinstance(inner, dict):
                for k, v in inner.items():
                    out.setdefault(k, v)
        for old, new in self.rename.items():
            if old in out:
                out[new] = out.pop(old)
        for list_key, inner_key in self.merge.items():
            items = out.get(list_key)
            if isinstance(items, list):
                out[list_key] = [_merge_item(item, inner_key) for item in items]
        if self.keep:
            out = {k: out[k] for k in self.keep if k in out}
        return out


def _merge_item(item: Any, inner_key: str) -> Any:
    if not isinstance(item, dict):
        return item
    merged = {k: v for k, v in item.items() if k != inner_key}
    inner = item.get(inner_key)
    if isinstance(inner, dict):
        for k, v in inner.items():
            merged.setdefault(k, v)
    return merged


@dataclass(frozen=True)
class Action:
    """One action (seed-002 ``GONG_*``) or tool (seed-004 ``gong_*``) over one operation."""

    name: str
    operation_id: str
    description: str
    params: tuple[Param, ...] = ()
    title: str = ""
    kind: Kind = "action"
    #: Fixed values sent with every call, by target (e.g. the content selector of a tool).
    constants: Mapping[str, Any] = field(default_factory=dict)
    #: How the answer is reshaped (tools); ``None`` returns Gong's answer as it is.
    output: Reshape | None = None
    targets: Mapping[str, Target] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        op = operation(self.operation_id)  # KeyError on a typo
        names = [p.name for p in self.params]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: duplicate inputs")
        targets = {p.name: _target_for(op, p) for p in self.params}
        missing = [
            p["name"]
            for p in op.parameters
            if p["in"] == "path" and not any(t.location == "path" and t.name == p["name"] for t in targets.values())
        ]
        if missing:
            raise ValueError(f"{self.name}: no input for the path parameter(s) {missing}")
        object.__setattr__(self, "targets", targets)
        for key in self.constants:
            Target.parse(key)

    # --- views ---

    @property
    def operation(self) -> Operation:
        return operation(self.operation_id)

    @property
    def group(self) -> str:
        return self.operation.group

    @property
    def required(self) -> list[str]:
        return [p.name for p in self.params if p.required]

    def input_schema(self) -> dict[str, Any]:
        """The JSON Schema of the input (an object; unknown inputs are refused)."""
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {p.name: p.json_schema() for p in self.params},
            "additionalProperties": False,
        }
        if self.required:
            schema["required"] = self.required
        return schema

    # --- running ---

    def validate(self, inputs: Mapping[str, Any] | None) -> dict[str, Any]:
        """The input without ``None`` values, checked against :meth:`input_schema` (raises ActionInputError)."""
        if inputs is None:
            inputs = {}
        if not isinstance(inputs, Mapping):
            raise ActionInputError(["the input must be a JSON object"])
        clean = {k: v for k, v in inputs.items() if v is not None}
        problems = check(self.input_schema(), clean)
        if problems:
            raise ActionInputError(problems)
        return clean

    def build_request(self, inputs: Mapping[str, Any]) -> WireRequest:
        """The HTTP request for validated ``inputs`` (pure: no I/O except reading a file input's path)."""
        op = self.operation
        path_values: dict[str, str] = {}
        query: dict[str, Any] = {}
        body: Any = None
        files: dict[str, tuple[str, bytes, str]] = {}
        credentials: dict[str, str] = {}
        by_name = {p.name: p for p in self.params}

        def put(target: Target, value: Any) -> None:
            nonlocal body
            if target.location == "path":
                path_values[target.name] = str(value)
            elif target.location == "query":
                query[target.name] = _query_value(value)
            elif target.location == "file":
                files[target.name] = file_part(value)
            elif target.location == "credential":
                credentials[target.name] = str(value)
            elif not target.keys:
                body = value
            else:
                if body is None:
                    body = {}
                _set_nested(body, target.keys, value)

        for key, value in self.constants.items():
            put(Target.parse(key), value)
        for name, value in inputs.items():
            param = by_name[name]
            if param.split and isinstance(value, str):
                value = split_ids(value)
            put(self.targets[name], value)
        if body is None and not files and _has_json_body(op):
            body = {}
        path = op.path
        for name, value in path_values.items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        return WireRequest(
            method=op.method,
            path=path,
            params=query or None,
            json=body,
            files=files or None,
            access_key=credentials.get("access_key"),
            access_key_secret=credentials.get("access_key_secret"),
        )

    def shape(self, data: Any) -> Any:
        return self.output.apply(data) if self.output is not None else data


def _has_json_body(op: Operation) -> bool:
    return _takes_json(op.operation_id)


@cache
def _takes_json(operation_id: str) -> bool:
    return request_schema(operation(operation_id)) is not None


def _target_for(op: Operation, param: Param) -> Target:
    if param.to is not None:
        return Target.parse(param.to)
    if param.is_file:
        return Target("file", name=param.name)
    wire_name = param.name.replace("__", "-")
    for p in op.parameters:
        if p["name"] in (param.name, wire_name):
            return Target("path" if p["in"] == "path" else "query", name=p["name"])
    return Target("body", keys=tuple(param.name.split("__")))


def action(
    name: str,
    operation: str,
    description: str,
    params: Iterable[Param] = (),
    *,
    title: str = "",
    constants: Mapping[str, Any] | None = None,
    output: Reshape | None = None,
) -> Action:
    """Declare a seed-002 ``GONG_*`` action."""
    return Action(name, operation, description, tuple(params), title, "action", dict(constants or {}), output)


#: The credential inputs every tool takes.
CREDENTIAL_PARAMS = (
    Param("accessKey", "string", "Gong API Access Key", required=True, to="credential:access_key"),
    Param("accessKeySecret", "string", "Gong API Access Key Secret", required=True, to="credential:access_key_secret"),
)


def tool(
    name: str,
    operation: str,
    description: str,
    params: Iterable[Param] = (),
    *,
    title: str = "",
    constants: Mapping[str, Any] | None = None,
    output: Reshape | None = None,
) -> Action:
    """Declare a seed-004 tool: the credential inputs come first, then ``params``."""
    return Action(
        name,
        operation,
        description,
        (*CREDENTIAL_PARAMS, *params),
        title,
        "tool",
        dict(constants or {}),
        output,
    )


# --- wire helpers ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WireRequest:
    method: str
    path: str
    params: dict[str, Any] | None = None
    json: Any = None
    files: dict[str, tuple[str, bytes, str]] | None = None
    access_key: str | None = None
    access_key_secret: str | None = None


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return [_query_value(v) for v in value]
    if isinstance(value, dict):
        raise ActionInputError(["an object cannot be sent as a query parameter"])
    return str(value)


def _set_nested(body: Any, keys: tuple[str, ...], value: Any) -> None:
    if not isinstance(body, dict):
        raise ActionInputError(["a whole-body input cannot be combined with body fields"])
    node = body
    for key in keys[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise ActionInputError([f"{'__'.join(keys)} conflicts with the input {key}"])
        node = child
    last = keys[-1]
    if isinstance(node.get(last), dict) and isinstance(value, dict):
        node[last] = {**value, **node[last]}
    else:
        node[last] = value


def split_ids(text: str) -> list[str]:
    """``"1, 2,3"`` -> ``["1", "2", "3"]`` (empty items dropped)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def file_part(value: Any) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of a file input: a path, or ``{"path"|"content", "name", "mimetype"}``."""
    if isinstance(value, str):
        value = {"path": value}
    if not isinstance(value, Mapping):
        raise ActionInputError(["a file input must be a path or an object with 'path' or 'content'"])
    name = value.get("name")
    if value.get("content") is not None:
        try:
            data = base64.b64decode(str(value["content"]), validate=True)
        except ValueError as exc:
            raise ActionInputError(["the file 'content' is not valid base64"]) from exc
        name = name or "upload.bin"
    elif value.get("path"):
        path = Path(str(value["path"])).expanduser()
        if not path.is_file():
            raise ActionInputError([f"no such file: {path}"])
        data = path.read_bytes()
        name = name or path.name
    else:
        raise ActionInputError(["a file input needs 'path' or 'content'"])
    mimetype = value.get("mimetype") or mimetypes.guess_type(str(name))[0] or "application/octet-stream"
    return str(name), data, str(mimetype)


_DEFECT_SEPARATORS = re.compile(r"\s*(?:,|/)\s*")


def expand_enum(values: Iterable[str]) -> list[str]:
    """The catalogue's enum with defect literals (``"all / own / none"``, ``"Windows, Linux"``) expanded."""
    out: list[str] = []
    for value in values:
        parts = _DEFECT_SEPARATORS.split(value) if (", " in value or " / " in value) else [value]
        for part in parts:
            if part and part not in out:
                out.append(part)
    return out


# --- flattening -----------------------------------------------------------------------------------------


def flatten(obj: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"filter": {"fromDate": x}}`` -> ``{"filter__fromDate": x}``. Lists (of objects too) stay values."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            out.update(flatten(value, name + "__"))
        else:
            out[name] = value
    return out


def unflatten(flat: Mapping[str, Any]) -> dict[str, Any]:
    """``{"filter__fromDate": x, "cursor": c}`` -> ``{"filter": {"fromDate": x}, "cursor": c}``."""
    out: dict[str, Any] = {}
    for name, value in flat.items():
        _set_nested(out, tuple(name.split("__")), value)
    return out


# --- a small JSON Schema checker (the subset the catalogues use) ----------------------------------------

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list, tuple),
    "null": (type(None),),
}


def _is_type(value: Any, json_type: str) -> bool:
    if json_type in ("integer", "number") and isinstance(value, bool):
        return False
    if json_type == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _PY_TYPES[json_type])


def check(schema: Mapping[str, Any], value: Any, where: str = "input") -> list[str]:
    """Problems of ``value`` against ``schema`` (type, enum, items, properties, required, additionalProperties)."""
    problems: list[str] = []
    types = schema.get("type")
    if types is not None:
        allowed = [types] if isinstance(types, str) else list(types)
        if not any(_is_type(value, t) for t in allowed):
            return [f"{where}: expected {' or '.join(allowed)}, got {type(value).__name__}"]
    enum = schema.get("enum")
    if enum is not None and value not in enum:
        return [f"{where}: {value!r} is not one of {', '.join(map(repr, enum))}"]
    if isinstance(value, list | tuple) and "items" in schema:
        for i, item in enumerate(value):
            problems += check(schema["items"], item, f"{where}[{i}]")
    if isinstance(value, dict) and "properties" in schema:
        props: Mapping[str, Any] = schema["properties"]
        for name in schema.get("required", ()):
            if name not in value:
                problems.append(f"{name}: required")
        for name, item in value.items():
            sub = f"{name}" if where == "input" else f"{where}.{name}"
            if name in props:
                problems += check(props[name], item, sub)
            elif schema.get("additionalProperties") is False:
                problems.append(f"{sub}: unknown input")
    return problems


# --- the catalogue --------------------------------------------------------------------------------------


@cache
def _catalogue() -> dict[str, Action]:
    from gongkit.actions import catalogue

    found: dict[str, Action] = {}
    for info in sorted(pkgutil.iter_modules(catalogue.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{catalogue.__name__}.{info.name}")
        for act in getattr(module, "ACTIONS", ()):
            if act.name in found:
                raise RuntimeError(f"action {act.name} declared twice")
            found[act.name] = act
    return dict(sorted(found.items()))


def all_actions(kind: Kind | None = None) -> list[Action]:
    """Every declared action and tool (or one kind), by name."""
    return [a for a in _catalogue().values() if kind is None or a.kind == kind]


def get(name: str) -> Action:
    try:
        return _catalogue()[name]
    except KeyError:
        raise KeyError(f"no action named {name!r}") from None


def envelope(data: Any = None, error: str | None = None) -> dict[str, Any]:
    """The output of every action: ``{"data", "error", "successful"}``."""
    return {"data": {} if data is None else data, "error": error, "successful": error is None}


def _failure(exc: Exception) -> dict[str, Any]:
    from gongkit.sdk.errors import GongError

    if isinstance(exc, ActionInputError):
        return envelope({}, f"Invalid input: {exc}")
    if isinstance(exc, GongError):
        data: dict[str, Any] = {}
        if exc.status_code is not None:
            data["status"] = exc.status_code
        if exc.request_id:
            data["requestId"] = exc.request_id
        if exc.errors:
            data["errors"] = list(exc.errors)
        return envelope(data, str(exc) or type(exc).__name__)
    raise exc


def _kwargs(req: WireRequest) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if req.params is not None:
        kwargs["params"] = req.params
    if req.json is not None:
        kwargs["json"] = req.json
    if req.files is not None:
        kwargs["files"] = req.files
    return kwargs


def _resolve(name_or_action: str | Action) -> Action:
    return name_or_action if isinstance(name_or_action, Action) else get(name_or_action)


def run(name_or_action: str | Action, inputs: Mapping[str, Any] | None = None, *, client: Any = None) -> dict[str, Any]:
    """Run an action with the SDK client ``client`` (default: ``gongkit.Gong()`` from the environment).

    Tools use their ``accessKey``/``accessKeySecret`` inputs as the credentials, against the client's base URL
    and transport. Never raises for invalid input or an API error: those answer ``successful: false``.
    """
    from gongkit.sdk import Gong

    act = _resolve(name_or_action)
    try:
        req = act.build_request(act.validate(inputs))
        sdk, owned = _client_for(Gong, client, req)
        try:
            data = sdk.request(req.method, req.path, **_kwargs(req))
        finally:
            if owned:
                sdk.close()
        return envelope(act.shape(data))
    except Exception as exc:
        return _failure(exc)


async def arun(
    name_or_action: str | Action, inputs: Mapping[str, Any] | None = None, *, client: Any = None
) -> dict[str, Any]:
    """:func:`run` with the async SDK client (default: ``gongkit.AsyncGong()`` from the environment)."""
    from gongkit.sdk import AsyncGong

    act = _resolve(name_or_action)
    try:
        req = act.build_request(act.validate(inputs))
        sdk, owned = _client_for(AsyncGong, client, req)
        try:
            data = await sdk.request(req.method, req.path, **_kwargs(req))
        finally:
            if owned:
                await sdk.close()
        return envelope(act.shape(data))
    except Exception as exc:
        return _failure(exc)


def _client_for(cls: Any, client: Any, req: WireRequest) -> tuple[Any, bool]:
    """(client, created here). A tool's credentials make a client like ``client`` (same base URL, transport,
    pacing) that authenticates with them; otherwise ``client`` itself, or one from the environment."""
    if req.access_key is None:
        return (client, False) if client is not None else (cls(), True)
    if client is None:
        return cls(req.access_key, req.access_key_secret or ""), True
    return (
        cls(
            req.access_key,
            req.access_key_secret or "",
            base_url=client.base_url,
            timeout=client.timeout,
            max_retries=client.max_retries,
            pace=client.pace,
            http_client=client._http,
        ),
        False,  # shares the caller's transport: closing it is a no-op either way
    )
