"""Gong's official API v2 contracts and the catalogue of the 62 operations gongkit serves and calls.

Two snapshots ship with the package (``openapi-2024.json`` and ``openapi-2026.json``). The surface is the
union of both. The 2026 file was serialized with ``types: [...]`` instead of JSON Schema's ``type``; the
helpers here normalize both files into plain JSON Schema so that one validator reads them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

SPEC_FILES = ("openapi-2024.json", "openapi-2026.json")

#: The resource groups: one vocabulary for the server, services, SDK, CLI, actions and tests.
GROUPS = (
    "calls",
    "users",
    "stats",
    "settings",
    "library",
    "logs",
    "permissions",
    "meetings",
    "crm",
    "data_privacy",
    "flows",
    "engagement",
    "coaching",
    "tasks",
)

# Path prefix -> group (longest prefix wins).
_GROUP_BY_PREFIX = {
    "/v2/calls": "calls",
    "/v2/call-outcomes": "calls",
    "/v2/calls/users-access": "permissions",
    "/v2/users": "users",
    "/v2/stats": "stats",
    "/v2/settings": "settings",
    "/v2/workspaces": "settings",
    "/v2/integration-settings": "settings",
    "/v2/library": "library",
    "/v2/logs": "logs",
    "/v2/all-permission-profiles": "permissions",
    "/v2/permission-profile": "permissions",
    "/v2/meetings": "meetings",
    "/v2/crm": "crm",
    "/v2/data-privacy": "data_privacy",
    "/v2/flows": "flows",
    "/v2/digital-interaction": "engagement",
    "/v2/customer-engagement": "engagement",
    "/v2/coaching": "coaching",
    "/v2/tasks": "tasks",
}

# The permission-profile operations state no scope in either contract. Third-party integrations use these.
_SCOPE_FALLBACK = {
    "listPermissionProfile": "api:permission-profile:read",
    "getPermissionProfile": "api:permission-profile:read",
    "createPermissionProfile": "api:permission-profile:write",
    "updatePermissionProfile": "api:permission-profile:write",
}

_SCOPE_RE = re.compile(r"api:[a-z][a-z:\-]*[a-z]")

#: POST operations that only read: they take a filter in the body because it does not fit in a query.
_READ_ONLY_POSTS = frozenset(
    {
        "listCallsExtensive",
        "getCallTranscripts",
        "listMultipleUsers",
        "listMultipleUsersAggregateActivity",
        "listMultipleUsersAggregateByPeriod",
        "listMultipleUsersDayByDayActivity",
        "listAnsweredScorecards",
        "listInteractionStats",
        "getUsersAccessToCalls",
        "getFlowsForProspects",
        "integrationStatus",
    }
)

#: Writes beyond DELETE that lose data: the data-privacy erasures, and the profile update that replaces every
#: permission of a profile.
_DESTRUCTIVE_WRITES = frozenset({"purgeEmailAddress", "purgePhoneNumber", "updatePermissionProfile"})


@dataclass(frozen=True)
class Operation:
    """One operation of Gong's public API v2."""

    method: str
    path: str
    operation_id: str
    summary: str
    group: str
    scope: str
    extra_scopes: tuple[str, ...]
    specs: tuple[str, ...]
    statuses: tuple[int, ...]
    paged: bool
    #: Only reads: every GET, and the POSTs that take a read's filter in the body.
    read_only: bool
    #: Loses data that cannot be had back: every DELETE, the data-privacy erasures, a whole-profile update.
    destructive: bool
    parameters: tuple[dict[str, Any], ...] = field(repr=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)

    @property
    def auth_failure_status(self) -> int:
        """The status this operation declares for a refused credential (401, or 403 where Gong says so)."""
        return 401 if 401 in self.statuses else 403

    @property
    def scope_failure_status(self) -> int:
        return 403 if 403 in self.statuses else 401

    @cached_property  # asked on every answer
    def success_status(self) -> int:
        return min(s for s in self.statuses if s < 300)


@cache
def load_spec(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def _group_for(path: str) -> str:
    best = ""
    for prefix in _GROUP_BY_PREFIX:
        if (path == prefix or path.startswith(prefix + "/")) and len(prefix) > len(best):
            best = prefix
    if not best:
        raise ValueError(f"no group for {path}")
    return _GROUP_BY_PREFIX[best]


@cache
def operations() -> tuple[Operation, ...]:
    """The union of both contracts: 62 operations, newest contract's wording first."""
    found: dict[tuple[str, str], Operation] = {}
    for name in reversed(SPEC_FILES):  # 2026 first, so its text wins
        spec = load_spec(name)
        year = name[8:12]
        for path, item in spec["paths"].items():
            for method, op in item.items():
                if method not in ("get", "post", "put", "delete", "patch"):
                    continue
                key = (method.upper(), path)
                if key in found:
                    prev = found[key]
                    found[key] = Operation(**{**prev.__dict__, "specs": (*prev.specs, year)})
                    continue
                scopes = list(dict.fromkeys(_SCOPE_RE.findall(op.get("description") or "")))
                op_id = op["operationId"]
                if not scopes:
                    scopes = [_SCOPE_FALLBACK[op_id]]
                params = tuple(op.get("parameters", []))
                body = _request_schema_of(spec, op)
                paged = any(p.get("name") == "cursor" for p in params) or bool(
                    body and "cursor" in (body.get("properties") or {})
                )
                found[key] = Operation(
                    method=method.upper(),
                    path=path,
                    operation_id=op_id,
                    summary=op.get("summary", ""),
                    group=_group_for(path),
                    scope=scopes[0],
                    extra_scopes=tuple(scopes[1:]),
                    specs=(year,),
                    statuses=tuple(sorted(int(s) for s in op.get("responses", {}) if s.isdigit())),
                    paged=paged,
                    read_only=method == "get" or op_id in _READ_ONLY_POSTS,
                    destructive=method == "delete" or op_id in _DESTRUCTIVE_WRITES,
                    parameters=params,
                )
    ops = tuple(sorted(found.values(), key=lambda o: (o.path, o.method)))
    return ops


@cache
def operation(operation_id: str) -> Operation:
    for op in operations():
        if op.operation_id == operation_id:
            return op
    raise KeyError(operation_id)


def _deref(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        parts = node["$ref"].removeprefix("#/").split("/")
        target: Any = spec
        for part in parts:
            target = target[part]
        node = target
    return node


def _request_schema_of(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, Any] | None:
    body = op.get("requestBody")
    if not body:
        return None
    body = _deref(spec, body)
    content = body.get("content", {})
    for media in ("application/json", *content):
        if media in content and "schema" in content[media]:
            return _deref(spec, content[media]["schema"])
    return None


# --- JSON Schema views of the contracts ---------------------------------------------------------------


def _normalize(node: Any) -> Any:
    """Turn an OpenAPI 3.0/3.1 schema node (either file's dialect) into JSON Schema 2020-12."""
    if isinstance(node, list):
        return [_normalize(x) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("example", "examples", "exampleSetFlag", "xml", "externalDocs", "discriminator"):
            continue
        if key == "types":
            out["type"] = value[0] if len(value) == 1 else value
        elif key == "$ref" and isinstance(value, str):
            out["$ref"] = value
        elif key == "properties" and isinstance(value, dict):
            out[key] = {k: _normalize(v) for k, v in value.items()}
        else:
            out[key] = _normalize(value)
    if out.pop("nullable", False) and "type" in out:
        t = out["type"]
        out["type"] = [*t, "null"] if isinstance(t, list) else [t, "null"]
    enum = out.get("enum")
    # Known contract defects: enums written as one literal that lists the values ("a / b / c", "Lead,Contact").
    if isinstance(enum, list) and any(isinstance(e, str) and ("," in e or " / " in e) for e in enum):
        del out["enum"]
    return out


@cache
def json_schema_document(name: str) -> dict[str, Any]:
    """The whole contract, normalized, usable as a JSON Schema resource for ``$ref`` resolution."""
    spec = load_spec(name)
    doc: dict[str, Any] = _normalize(spec)
    return doc


def response_schema(op: Operation, status: int) -> tuple[str, dict[str, Any]] | None:
    """(spec file, schema) for the response body of ``op`` with ``status``, from the newest contract holding it."""
    for name in reversed(SPEC_FILES):
        year = name[8:12]
        if year not in op.specs:
            continue
        raw = load_spec(name)["paths"][op.path][op.method.lower()]
        resp = raw.get("responses", {}).get(str(status))
        if resp is None:
            continue
        resp = _deref(load_spec(name), resp)
        content = resp.get("content") or {}
        for media in ("application/json", "*/*", *content):
            if media in content and "schema" in content[media]:
                return name, _normalize(content[media]["schema"])
        return name, {}
    return None


def request_schema(op: Operation) -> tuple[str, dict[str, Any]] | None:
    """(spec file, schema) of the JSON request body of ``op``, from the newest contract holding it."""
    for name in reversed(SPEC_FILES):
        if name[8:12] not in op.specs:
            continue
        raw = load_spec(name)["paths"][op.path][op.method.lower()]
        body = raw.get("requestBody")
        if not body:
            return None
        body = _deref(load_spec(name), body)
        content = body.get("content") or {}
        if "application/json" in content and "schema" in content["application/json"]:
            return name, _normalize(content["application/json"]["schema"])
        return None
    return None
