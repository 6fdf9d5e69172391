"""The HTTP request of an action: its validated inputs put where the operation takes them.

Pure: no I/O except reading a file input's path. The runner sends the result through the SDK.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from gongkit.actions.flatten import set_nested, split_ids
from gongkit.actions.upload import file_part
from gongkit.actions.validation import ActionInputError
from gongkit.spec import operation, request_schema

if TYPE_CHECKING:
    from gongkit.actions.model import Action, Target

__all__ = ["WireRequest", "build_request"]


@dataclass(frozen=True)
class WireRequest:
    """One request, in the terms of the SDK's ``request(method, path, params=, json=, files=, headers=)``."""

    method: str
    path: str
    params: dict[str, Any] | None = None
    json: Any = None
    files: dict[str, tuple[str, bytes, str]] | None = None
    #: A tool's own credentials (its ``accessKey``/``accessKeySecret`` inputs).
    access_key: str | None = None
    access_key_secret: str | None = None

    @property
    def headers(self) -> dict[str, str] | None:
        """The ``Authorization`` of a tool's own credentials; ``None`` for the client's."""
        if self.access_key is None:
            return None
        token = base64.b64encode(f"{self.access_key}:{self.access_key_secret or ''}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}

    def send_options(self) -> dict[str, Any]:
        """The keyword arguments of the SDK's ``request`` for this request (only those it sets)."""
        options = {"params": self.params, "json": self.json, "files": self.files, "headers": self.headers}
        return {k: v for k, v in options.items() if v is not None}


def build_request(act: Action, inputs: Mapping[str, Any]) -> WireRequest:
    """The request of ``act`` for validated ``inputs``: constants first, then each input at its target."""
    op = act.operation
    path_values: dict[str, str] = {}
    query: dict[str, Any] = {}
    body: Any = None
    files: dict[str, tuple[str, bytes, str]] = {}
    credentials: dict[str, str] = {}

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
            set_nested(body, target.keys, value)

    for target, value in act.constant_targets:
        put(target, value)
    params = {p.name: p for p in act.params}
    for name, value in inputs.items():
        if params[name].split and isinstance(value, str):
            value = split_ids(value)
        put(act.targets[name], value)
    if body is None and not files and _takes_json(act.operation_id):
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


@cache
def _takes_json(operation_id: str) -> bool:
    """Whether the operation has a JSON body (sent as ``{}`` when no input fills it)."""
    return request_schema(operation(operation_id)) is not None


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return [_query_value(v) for v in value]
    if isinstance(value, dict):
        raise ActionInputError(["an object cannot be sent as a query parameter"])
    return str(value)
