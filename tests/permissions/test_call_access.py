"""Individual access to calls: addUsersAccessToCalls (PUT), getUsersAccessToCalls (POST),
deleteUsersAccessToCalls (DELETE)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from gongkit.db import Database
from gongkit.db.schema import call_access
from tests.conftest import Company, Seed, make_company
from tests.permissions.support import USERS_ACCESS
from tests.support import factories as f
from tests.support.api import assert_error, bearer
from tests.support.contract import ContractClient


def listed(client: ContractClient, company: Company, *call_ids: int) -> list[dict[str, Any]]:
    r = client.post(USERS_ACCESS, json={"filter": {"callIds": [str(c) for c in call_ids]}}, headers=company.basic)
    assert r.status_code == 200, r.text
    return list(r.json()["callAccessList"])


def grant(client: ContractClient, company: Company, items: list[dict[str, Any]], method: str = "PUT") -> Any:
    return client.request(method, USERS_ACCESS, json={"callAccessList": items}, headers=company.basic)


def test_grant_list_and_remove(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    a = seed(f.make_call, company.id).id
    b = seed(f.make_call, company.id).id
    u1, u2, u3 = (seed(f.make_user, company.id) for _ in range(3))
    r = grant(
        client, company, [{"callId": str(a), "userIds": [str(u1), str(u2)]}, {"callId": str(b), "userIds": [str(u3)]}]
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"requestId": r.headers["x-request-id"]}
    r = client.post(USERS_ACCESS, json={"filter": {"callIds": [str(b), str(a)]}}, headers=company.basic)
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "callAccessList": [
            {"callId": str(b), "users": [{"userId": str(u3)}]},
            {
                "callId": str(a),
                "users": sorted([{"userId": str(u1)}, {"userId": str(u2)}], key=lambda u: int(u["userId"])),
            },
        ],
    }
    # Granting again changes nothing (idempotent), nor does a call given twice.
    again = grant(client, company, [{"callId": str(a), "userIds": [str(u1)]}, {"callId": str(a), "userIds": [str(u1)]}])
    assert again.status_code == 200
    with db.read() as conn:
        rows = conn.execute(select(call_access.c.user_id, call_access.c.granted_via, call_access.c.granted_by)).all()
    assert sorted(rows) == sorted((u, "api", company.access_key) for u in (u1, u2, u3))
    r = grant(client, company, [{"callId": str(a), "userIds": [str(u1), "999"]}], "DELETE")
    assert r.status_code == 200 and r.json() == {"requestId": r.headers["x-request-id"]}
    assert listed(client, company, a, b) == [
        {"callId": str(a), "users": [{"userId": str(u2)}]},
        {"callId": str(b), "users": [{"userId": str(u3)}]},
    ]


def test_only_api_grants_are_listed_or_removed(
    client: ContractClient, company: Company, seed: Seed, db: Database
) -> None:
    host = seed(f.make_user, company.id)
    call = seed(f.make_call, company.id, primary_user_id=host).id
    shared, legacy, other = (seed(f.make_user, company.id) for _ in range(3))
    with db.write() as conn:
        conn.execute(
            insert(call_access),
            [
                {"call_id": call, "company_id": company.id, "user_id": shared, "granted_ms": 1, "granted_via": "share"},
                {"call_id": call, "company_id": company.id, "user_id": legacy, "granted_ms": 2, "granted_via": None},
            ],
        )
    # A user with access already (a share, an older grant, the call's host) gains no API grant.
    r = grant(client, company, [{"callId": str(call), "userIds": [str(shared), str(legacy), str(host), str(other)]}])
    assert r.status_code == 200
    assert listed(client, company, call) == [{"callId": str(call), "users": [{"userId": str(other)}]}]
    r = grant(client, company, [{"callId": str(call), "userIds": [str(shared), str(legacy), str(other)]}], "DELETE")
    assert r.status_code == 200
    assert listed(client, company, call) == [{"callId": str(call), "users": []}]
    with db.read() as conn:
        kept = set(conn.execute(select(call_access.c.user_id)).scalars())
    assert kept == {shared, legacy}


def test_unknown_and_foreign_ids(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    call = seed(f.make_call, company.id).id
    user = seed(f.make_user, company.id)
    other = make_company(db, "Initech")
    their_call = seed(f.make_call, other.id).id
    their_user = seed(f.make_user, other.id)
    for method in ("PUT", "DELETE"):
        r = grant(
            client,
            company,
            [{"callId": str(call), "userIds": [str(user)]}, {"callId": str(their_call), "userIds": [str(user)]}],
            method,
        )
        assert_error(r, 404, f"callAccessList[1].callId: call {their_call} was not found")
    r = grant(client, company, [{"callId": str(call), "userIds": [str(user), str(their_user)]}])
    assert_error(r, 404, f"callAccessList[0].userIds: user {their_user} was not found")
    assert listed(client, company, call) == [{"callId": str(call), "users": []}]  # nothing granted at all
    r = client.post(USERS_ACCESS, json={"filter": {"callIds": [str(call), "123"]}}, headers=company.basic)
    assert_error(r, 404, "filter.callIds[1]: call 123 was not found")
    r = client.post(USERS_ACCESS, json={"filter": {"callIds": [str(their_call)]}}, headers=company.basic)
    assert_error(r, 404, f"filter.callIds[0]: call {their_call} was not found")


def test_bad_bodies(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    call = seed(f.make_call, company.id).id
    assert_error(
        grant(client, company, []), 400, "callAccessList: List should have at least 1 item after validation, not 0"
    )
    r = client.put(USERS_ACCESS, json={}, headers=company.basic)
    assert_error(r, 400, "callAccessList: is required")
    r = grant(client, company, [{"callId": str(call)}])
    assert_error(r, 400, "callAccessList.0.userIds: is required")
    r = grant(client, company, [{"callId": 5, "userIds": []}])
    assert_error(r, 400, "callAccessList.0.callId: must be a string holding a numeric id")
    r = client.post(USERS_ACCESS, json={"filter": {"callIds": []}}, headers=company.basic)
    assert_error(r, 400, "filter.callIds: List should have at least 1 item after validation, not 0")
    r = client.post(USERS_ACCESS, json={}, headers=company.basic)
    assert_error(r, 400, "filter: is required")
    reader = bearer(db, company, "api:call-user-access:read")
    r = client.put(USERS_ACCESS, json={"callAccessList": [{"callId": str(call), "userIds": []}]}, headers=reader)
    assert_error(r, 401, "Access denied: this request needs the scope 'api:call-user-access:write'")
    assert client.post(USERS_ACCESS, json={"filter": {"callIds": [str(call)]}}, headers=reader).status_code == 200
