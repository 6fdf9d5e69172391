"""``GET /openapi.json``: the union contract as this server serves it."""

from __future__ import annotations

import json
import re
from typing import Any

from gongkit.server.core.routing import load_all
from gongkit.spec import operations
from tests.support.contract import ContractClient


def _refs(doc: dict[str, Any]) -> set[str]:
    return set(re.findall(r'"\$ref":\s*"#/components/schemas/([^"]+)"', json.dumps(doc)))


def test_the_served_contract_names_this_server_and_marks_what_it_implements(client: ContractClient) -> None:
    r = client.get("/openapi.json")  # no credential needed
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    doc = r.json()
    assert doc["servers"] == [{"url": "http://localhost:8080", "description": "This gongkit server"}]
    handled = set(load_all())
    served = {
        (method.upper(), path): op
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "put", "delete", "patch")
    }
    assert set(served) == {(op.method, op.path) for op in operations()}  # all 62, from both contracts
    for op in operations():
        entry = served[(op.method, op.path)]
        assert entry["operationId"] == op.operation_id
        assert entry["x-gongkit-implemented"] is (op.operation_id in handled)
        assert ("501" in entry["responses"]) is (op.operation_id not in handled)
    assert _refs(doc) <= set(doc["components"]["schemas"])  # every schema it refers to is in it
    assert doc["info"]["x-gongkit-implemented"] == f"{len(handled)} of 62"
