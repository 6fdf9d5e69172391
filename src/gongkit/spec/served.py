"""The contract as a gongkit server serves it (``GET /openapi.json``): the union of Gong's two contracts, with
this server's own URL, its authentication schemes, and each operation marked as implemented or not.

The newest contract's text of an operation wins; an operation only the 2024 contract has is taken from it, with
the component schemas it refers to that the 2026 contract lacks. Every operation carries
``x-gongkit-implemented``; one that is not implemented also declares the 501 it answers.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from typing import Any

from gongkit.spec import SPEC_FILES, load_spec, operations

_REF = re.compile(r'"\$ref":\s*"#/components/schemas/([^"]+)"')
NOT_IMPLEMENTED = "Not implemented by this gongkit server yet (Gong's error envelope)."


def served_document(base_url: str, implemented: Iterable[str]) -> dict[str, Any]:
    """The OpenAPI document of the server at ``base_url`` whose handled operations are ``implemented``."""
    done = set(implemented)
    newest, older = load_spec(SPEC_FILES[-1]), load_spec(SPEC_FILES[0])
    doc = copy.deepcopy(newest)
    schemas: dict[str, Any] = doc.setdefault("components", {}).setdefault("schemas", {})
    for path, item in older["paths"].items():
        for method, op in item.items():
            if method in doc["paths"].get(path, {}):
                continue
            doc["paths"].setdefault(path, {})[method] = copy.deepcopy(op)
            _add_schemas(op, older["components"]["schemas"], schemas)
    doc["servers"] = [{"url": base_url.rstrip("/"), "description": "This gongkit server"}]
    doc["components"]["securitySchemes"] = {
        "BasicAuth": {"type": "http", "scheme": "basic", "description": "An access key and its secret."},
        "BearerAuth": {"type": "http", "scheme": "bearer", "description": "A token with scopes."},
    }
    doc["security"] = [{"BasicAuth": []}, {"BearerAuth": []}]
    info = doc.setdefault("info", {})
    info["title"] = "Gong API v2, as served by gongkit"
    info["x-gongkit-implemented"] = f"{len(done & {op.operation_id for op in operations()})} of {len(operations())}"
    for op in operations():
        entry = doc["paths"][op.path][op.method.lower()]
        entry["x-gongkit-implemented"] = op.operation_id in done
        if op.operation_id not in done:
            entry.setdefault("responses", {})["501"] = {"description": NOT_IMPLEMENTED}
    return doc


def _add_schemas(node: Any, source: dict[str, Any], target: dict[str, Any]) -> None:
    """Copy into ``target`` every schema of ``source`` that ``node`` refers to, transitively, unless present."""
    pending = list(_REF.findall(_dump(node)))
    while pending:
        name = pending.pop()
        if name in target or name not in source:
            continue
        target[name] = copy.deepcopy(source[name])
        pending.extend(_REF.findall(_dump(source[name])))


def _dump(node: Any) -> str:
    return json.dumps(node)
