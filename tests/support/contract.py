"""Holds every answer the server gives in tests to Gong's official contract.

``ContractClient`` is Starlette's TestClient; after each request it finds the operation the request was for
and validates the answer's status and body against that operation's response schema, in the newest contract
that holds it (2026, else 2024). Answers of gongkit's own routes (``/admin``) and 501s of operations not yet
implemented are checked only for Gong's error envelope.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import httpx
import jsonschema
import orjson
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from starlette.testclient import TestClient

from gongkit.spec import Operation, json_schema_document, operations, request_schema, response_schema

ENVELOPE = {
    "type": "object",
    "required": ["requestId", "errors"],
    "properties": {"requestId": {"type": "string"}, "errors": {"type": "array", "items": {"type": "string"}}},
    "additionalProperties": False,
}


@cache
def _registry(answers: bool) -> Registry:  # type: ignore[type-arg]
    reg: Registry = Registry()  # type: ignore[type-arg]
    for name in ("openapi-2024.json", "openapi-2026.json"):
        doc = json_schema_document(name)
        if answers:
            doc = _nullable_properties(doc)
        reg = reg.with_resource(f"urn:gong:{name}", Resource.from_contents(doc, default_specification=DRAFT202012))
    return reg


#: Objects whose every field an answer must carry (``null`` where there is no value), as Gong sends them and as
#: clients written against Gong expect; the fields a content selector adds are left out of the requirement.
ALWAYS_SENT: dict[str, frozenset[str]] = {
    "CallBasicData": frozenset(),
    "Party": frozenset({"context"}),
    "UserMetadata": frozenset(),
    "Monologue": frozenset(),
    "Sentence": frozenset(),
    "WorkspaceMetadata": frozenset(),
    "KeywordTracker": frozenset(),
    "TrackerLanguageKeyword": frozenset(),
    "Records": frozenset({"cursor"}),  # a cursor only while more pages remain
    "PermissionProfileDTO": frozenset(),
    "CallAccessWithPermissionLevel": frozenset(),
    "LibraryFolderAccess": frozenset(),
    "ForecastPermissions": frozenset(),
    "UserSimpleMetadata": frozenset(),
    "CallAccessDetails": frozenset(),
}


def _nullable_properties(node: Any) -> Any:
    """The contract as answers are held to it: a property (or map value) of an object may be ``null`` (Gong's answers carry
    fields without a value as ``null``, which the contract's schemas do not say), and the objects of
    :data:`ALWAYS_SENT` must carry every field."""
    if isinstance(node, list):
        return [_nullable_properties(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: _nullable_properties(v) for k, v in node.items()}
    props = out.get("properties")
    if isinstance(props, dict):
        out["properties"] = {k: _or_null(v) for k, v in props.items()}
    extra = out.get("additionalProperties")
    if isinstance(extra, dict):  # a map's values too (getCrmObjects: null for an id not found, as Gong documents)
        out["additionalProperties"] = _or_null(extra)
    schemas = out.get("components", {}).get("schemas", {}) if "components" in out else {}
    for name, optional in ALWAYS_SENT.items():
        if name in schemas:
            schema = schemas[name]
            schema["required"] = sorted(set(schema.get("properties", {})) - optional)
    return out


def _or_null(schema: Any) -> Any:
    if isinstance(schema, dict):
        kind = schema.get("type")
        if isinstance(kind, str) and kind != "null":
            return {**schema, "type": [kind, "null"], **({"enum": [*schema["enum"], None]} if "enum" in schema else {})}
        if "$ref" in schema or "allOf" in schema or "oneOf" in schema:
            return {"anyOf": [schema, {"type": "null"}]}
    return schema


def _validator(spec_file: str, schema: dict[str, Any], *, answer: bool = False) -> jsonschema.protocols.Validator:
    wrapped = {"$id": f"urn:gong:{spec_file}#/x", **_rebase(schema, spec_file)}
    return jsonschema.Draft202012Validator(wrapped, registry=_registry(answer))


def _rebase(node: Any, spec_file: str) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                f"urn:gong:{spec_file}{v}"
                if k == "$ref" and isinstance(v, str) and v.startswith("#")
                else _rebase(v, spec_file)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebase(x, spec_file) for x in node]
    return node


_PATTERNS: list[tuple[re.Pattern[str], dict[str, Operation]]] = []


def find_operation(method: str, path: str) -> Operation | None:
    if not _PATTERNS:
        by_path: dict[str, dict[str, Operation]] = {}
        for op in operations():
            by_path.setdefault(op.path, {})[op.method] = op
        for p in sorted(by_path, key=lambda p: ("{" in p, p)):
            _PATTERNS.append((re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", p) + "$"), by_path[p]))
    for pattern, ops in _PATTERNS:
        if pattern.match(path):
            return ops.get(method)
    return None


class ContractViolation(AssertionError):
    pass


def check_response(method: str, path: str, status: int, body: bytes) -> None:
    """Raise ContractViolation if the answer does not hold to the contract."""
    try:
        data = orjson.loads(body) if body else None
    except orjson.JSONDecodeError as exc:
        raise ContractViolation(f"{method} {path} -> {status}: body is not JSON: {body[:200]!r}") from exc
    op = find_operation(method, path)
    if status >= 400 or op is None:
        if status >= 400:
            _validate(ENVELOPE, data, f"{method} {path} -> {status} (error envelope)")
        return
    if status not in op.statuses:
        raise ContractViolation(f"{method} {path}: status {status} is not declared by {op.operation_id}")
    found = response_schema(op, status)
    assert found is not None
    spec_file, schema = found
    if not schema:
        return
    try:
        _validator(spec_file, schema, answer=True).validate(data)
    except jsonschema.ValidationError as exc:
        raise ContractViolation(
            f"{method} {path} -> {status} ({op.operation_id}, {spec_file}): {exc.message} "
            f"at {'/'.join(map(str, exc.absolute_path))}"
        ) from exc
    if isinstance(data, dict) and "requestId" not in data and op.operation_id != "deleteMeeting":
        raise ContractViolation(f"{method} {path}: no requestId in the answer")


def check_request(method: str, path: str, body: Any) -> None:
    """Raise ContractViolation if a JSON request body does not hold to the operation's request schema."""
    op = find_operation(method, path)
    if op is None:
        raise ContractViolation(f"{method} {path} is not an operation of Gong's API")
    found = request_schema(op)
    if found is None or body is None:
        return
    spec_file, schema = found
    try:
        _validator(spec_file, schema).validate(body)
    except jsonschema.ValidationError as exc:
        raise ContractViolation(f"request {method} {path} ({op.operation_id}): {exc.message}") from exc


def _validate(schema: dict[str, Any], data: Any, what: str) -> None:
    try:
        jsonschema.Draft202012Validator(schema).validate(data)
    except jsonschema.ValidationError as exc:
        raise ContractViolation(f"{what}: {exc.message}; body={data!r}") from exc


class ContractClient(TestClient):
    """Starlette's TestClient, checking each answer against the contract."""

    def request(self, method: str, url: httpx._types.URLTypes, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        response = super().request(method, url, **kwargs)
        if response.request.url.path.startswith("/v2"):
            check_response(method.upper(), response.request.url.path, response.status_code, response.content)
        return response
