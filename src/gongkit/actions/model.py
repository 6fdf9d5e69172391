"""The declarations: an action is data (a name, a description, the operation it calls, its inputs).

:class:`Param` states one input (from which the JSON Schema is built) and, when the operation does not say
it, where it goes (:class:`Target`); :class:`Reshape` states how a tool turns Gong's answer into its output.
:func:`action` and :func:`tool` declare the two kinds; the catalogue modules call them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from gongkit.actions import validation, wire
from gongkit.actions.flatten import body_keys, query_name
from gongkit.actions.upload import FILE_INPUT_SCHEMA
from gongkit.actions.validation import ActionInputError
from gongkit.spec import Operation, operation

__all__ = [
    "CREDENTIAL_PARAMS",
    "Action",
    "Kind",
    "Location",
    "Param",
    "Reshape",
    "Target",
    "action",
    "expand_enum",
    "tool",
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
    #: Set where the catalogue marks the input required but the operation does not need it and the input's own
    #: description says it may be left out: the schema follows the operation (``required``), this keeps what the
    #: catalogue said.
    catalogue_required: bool | None = None
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
    #: Where each input goes, by input name (derived at declaration, so a wrong declaration fails on import).
    targets: Mapping[str, Target] = field(init=False, repr=False, compare=False)
    #: The constants with their keys parsed.
    constant_targets: tuple[tuple[Target, Any], ...] = field(init=False, repr=False, compare=False)

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
        constant_targets = tuple((Target.parse(key), value) for key, value in self.constants.items())
        object.__setattr__(self, "constant_targets", constant_targets)

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

    def validate(self, inputs: Mapping[str, Any] | None) -> dict[str, Any]:
        """The input without ``None`` values, checked against :meth:`input_schema` (raises ActionInputError)."""
        if inputs is None:
            inputs = {}
        if not isinstance(inputs, Mapping):
            raise ActionInputError(["the input must be a JSON object"])
        clean = {k: v for k, v in inputs.items() if v is not None}
        problems = validation.check(self.input_schema(), clean)
        if problems:
            raise ActionInputError(problems)
        return clean

    def build_request(self, inputs: Mapping[str, Any]) -> wire.WireRequest:
        """The HTTP request for validated ``inputs`` (see :func:`gongkit.actions.wire.build_request`)."""
        return wire.build_request(self, inputs)

    def shape(self, data: Any) -> Any:
        """Gong's answer as this action outputs it."""
        return self.output.apply(data) if self.output is not None else data


def _target_for(op: Operation, param: Param) -> Target:
    """Where ``param`` goes: as stated, else a file part, a parameter of the operation, or a body field."""
    if param.to is not None:
        return Target.parse(param.to)
    if param.is_file:
        return Target("file", name=param.name)
    for p in op.parameters:
        if p["name"] in (param.name, query_name(param.name)):
            return Target("path" if p["in"] == "path" else "query", name=p["name"])
    return Target("body", keys=body_keys(param.name))


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
        name, operation, description, (*CREDENTIAL_PARAMS, *params), title, "tool", dict(constants or {}), output
    )
