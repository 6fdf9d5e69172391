"""The cross-cutting behaviour every operation shares: envelope, requestId, auth, 404/405, 501."""

from __future__ import annotations

from tests.conftest import Company
from tests.support.contract import ContractClient


def test_unknown_route_is_a_404_in_gongs_envelope(client: ContractClient, company: Company) -> None:
    r = client.get("/v2/nope", headers=company.basic)
    assert r.status_code == 404
    body = r.json()
    assert body == {"requestId": r.headers["x-request-id"], "errors": ["No such API route: GET /v2/nope"]}


def test_missing_credentials_are_refused(client: ContractClient) -> None:
    r = client.get("/v2/calls", params={"fromDateTime": "2024-01-01T00:00:00Z"})
    assert r.status_code == 401
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "errors": ["Access denied: missing Authorization header (Basic or Bearer)"],
    }
