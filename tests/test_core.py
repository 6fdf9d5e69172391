"""Cross-cutting behaviour every operation shares: requestId, Gong's error envelope, authentication,
scopes, per-company rate limits and 501 for operations not implemented yet."""

from __future__ import annotations

import base64

import pytest
import time_machine

from gongkit import control as admin
from gongkit.db import Database
from gongkit.kernel.clock import SystemClock
from gongkit.server.core import routing
from tests.conftest import Company, make_company
from tests.support.contract import ContractClient

LIBRARY = "/v2/library/folders"  # served, but its handler is taken away in these tests (see below)


@pytest.fixture(autouse=True)
def library_not_served(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every operation is served now: these tests take one handler away, so the app they build answers it 501
    (the cheapest answer that still passes through authentication, scopes and rate limits)."""
    monkeypatch.delitem(routing.load_all(), "getLibraryStructure")


def envelope(r: object, *errors: str) -> dict[str, object]:
    return {"requestId": r.headers["x-request-id"], "errors": list(errors)}  # type: ignore[attr-defined]


def bearer(db: Database, company: Company, *scopes: str, expires_in: int | None = None) -> dict[str, str]:
    with db.write() as conn:
        token = admin.create_token(conn, SystemClock(), company.id, list(scopes), expires_in_seconds=expires_in)
    return {"Authorization": f"Bearer {token}"}


def test_unknown_route_is_a_404_in_gongs_envelope(client: ContractClient, company: Company) -> None:
    r = client.get("/v2/nope", headers=company.basic)
    assert r.status_code == 404
    assert r.json() == envelope(r, "No such API route: GET /v2/nope")
    assert len(r.headers["x-request-id"]) == 19


def test_wrong_method_is_a_405_in_gongs_envelope(client: ContractClient, company: Company) -> None:
    r = client.patch("/v2/calls", headers=company.basic)
    assert r.status_code == 405
    assert r.json() == envelope(r, "Method PATCH is not allowed here")


def test_every_answer_has_a_distinct_request_id(client: ContractClient, company: Company) -> None:
    ids = {client.get(LIBRARY, headers=company.basic).json()["requestId"] for _ in range(5)}
    assert len(ids) == 5


def test_operation_not_implemented_answers_501(client: ContractClient, company: Company) -> None:
    r = client.get(LIBRARY, headers=company.basic)
    assert r.status_code == 501
    assert r.json() == envelope(
        r, "GET /v2/library/folders (getLibraryStructure) is not implemented by this gongkit server yet"
    )


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "Access denied: missing Authorization header (Basic or Bearer)"),
        ("Basic !!!not-base64", "Access denied: malformed Basic credentials"),
        ("Basic " + base64.b64encode(b"no-colon").decode(), "Access denied: malformed Basic credentials"),
        ("Basic " + base64.b64encode(b"KEY:SECRET").decode(), "Access denied: invalid access key or secret"),
        ("Bearer not-a-token", "Access denied: invalid bearer token"),
        ("Digest abc", "Access denied: unsupported authorization scheme (use Basic or Bearer)"),
    ],
)
def test_refused_credentials_get_401(
    client: ContractClient, company: Company, header: str | None, message: str
) -> None:
    headers = {"Authorization": header} if header else {}
    r = client.get(LIBRARY, headers=headers)
    assert r.status_code == 401
    assert r.json() == envelope(r, message)


def test_wrong_secret_is_refused(client: ContractClient, company: Company) -> None:
    token = base64.b64encode(f"{company.access_key}:wrong".encode()).decode()
    r = client.get(LIBRARY, headers={"Authorization": f"Basic {token}"})
    assert r.status_code == 401
    assert r.json() == envelope(r, "Access denied: invalid access key or secret")


def test_operations_that_declare_403_refuse_with_403(client: ContractClient) -> None:
    r = client.get("/v2/coaching", params={"workspace-id": 1, "manager-id": 1, "from": "x", "to": "y"})
    assert r.status_code == 403
    assert r.json() == envelope(r, "Access denied: missing Authorization header (Basic or Bearer)")


def test_revoked_key_is_refused(settings: object, db: Database) -> None:
    from gongkit.server import create_app

    company = make_company(db)
    with db.write() as conn:
        admin.revoke_api_key(conn, SystemClock(), company.access_key)
    with ContractClient(create_app(settings, db=db)) as c:  # type: ignore[arg-type]
        r = c.get(LIBRARY, headers=company.basic)
    assert r.status_code == 401
    assert r.json() == envelope(r, "Access denied: invalid access key or secret")


def test_bearer_token_needs_the_operations_scope(client: ContractClient, db: Database, company: Company) -> None:
    r = client.get(LIBRARY, headers=bearer(db, company, "api:calls:read:basic"))
    assert r.status_code == 401
    assert r.json() == envelope(r, "Access denied: this request needs the scope 'api:library:read'")
    r = client.get(LIBRARY, headers=bearer(db, company, "api:library:read"))
    assert r.status_code == 501


def test_scope_refusal_is_403_where_the_operation_declares_it(
    client: ContractClient, db: Database, company: Company
) -> None:
    r = client.get("/v2/workspaces", headers=bearer(db, company, "api:logs:read"))
    assert r.status_code == 403
    assert r.json() == envelope(r, "Access denied: this request needs the scope 'api:workspaces:read'")


def test_expired_bearer_token_is_refused(client: ContractClient, db: Database, company: Company) -> None:
    headers = bearer(db, company, "api:logs:read", expires_in=60)
    with time_machine.travel(SystemClock().now_ms() / 1000 + 61):
        r = client.get(LIBRARY, headers=headers)
    assert r.status_code == 401
    assert r.json() == envelope(r, "Access denied: the bearer token has expired")


def test_unknown_scope_cannot_be_minted(db: Database, company: Company) -> None:
    from gongkit.kernel.errors import InvalidRequest

    with pytest.raises(InvalidRequest, match="unknown scopes: api:nope"), db.write() as conn:
        admin.create_token(conn, SystemClock(), company.id, ["api:nope"])


def test_rate_limit_per_second_answers_429_with_retry_after(client: ContractClient, db: Database) -> None:
    company = make_company(db, rate_per_second=3, rate_per_day=100)
    with time_machine.travel(1_800_000_000.25, tick=False) as traveller:
        statuses = [client.get(LIBRARY, headers=company.basic).status_code for _ in range(3)]
        assert statuses == [501, 501, 501]
        r = client.get(LIBRARY, headers=company.basic)
        assert r.status_code == 429
        assert r.headers["retry-after"] == "1"
        assert r.json() == envelope(r, "API request limit exceeded: too many requests per second")
        traveller.shift(1.01)
        assert client.get(LIBRARY, headers=company.basic).status_code == 501


def test_daily_quota_answers_429_with_hours_to_wait(client: ContractClient, db: Database) -> None:
    company = make_company(db, rate_per_second=100, rate_per_day=5)
    with time_machine.travel(1_800_000_000, tick=False):
        assert [client.get(LIBRARY, headers=company.basic).status_code for _ in range(5)] == [501] * 5
        r = client.get(LIBRARY, headers=company.basic)
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) > 3600
    assert r.json() == envelope(r, "API request limit exceeded: the daily quota is spent")


def test_rate_limits_are_per_company(client: ContractClient, db: Database) -> None:
    first = make_company(db, "First", rate_per_second=2, rate_per_day=100)
    second = make_company(db, "Second", rate_per_second=2, rate_per_day=100)
    with time_machine.travel(1_800_000_000.5, tick=False):
        assert [client.get(LIBRARY, headers=first.basic).status_code for _ in range(3)] == [501, 501, 429]
        assert [client.get(LIBRARY, headers=second.basic).status_code for _ in range(2)] == [501, 501]
