"""Tenant isolation (one company's credentials never reach another's data, by any route or cursor) and the
scopes Bearer tokens need."""

from __future__ import annotations

from typing import Any

import pytest

from gongkit.db import Database
from gongkit.paging import INVALID_CURSOR
from gongkit.services.admin import all_scopes
from gongkit.spec import operation
from tests.conftest import Company, make_company
from tests.server.conftest import assert_error, bearer, set_page_size
from tests.support import factories as f
from tests.support.contract import ContractClient

T0 = 1_717_236_000_000


def populate(db: Database, company: Company) -> dict[str, Any]:
    with db.write() as conn:
        ws = f.make_workspace(conn, company.id)
        users = [f.make_user(conn, company.id) for _ in range(3)]
        f.make_settings_change(conn, company.id, users[0], "active", True, T0)
        calls = [
            f.make_call(
                conn,
                company.id,
                primary_user_id=users[0],
                workspace_id=ws,
                started_ms=T0 + i * 60_000,
                transcript=True,
                context=True,
            )
            for i in range(3)
        ]
    return {"ws": ws, "users": users, "calls": [c.id for c in calls]}


def test_one_company_never_sees_anothers_data(client: ContractClient, db: Database) -> None:
    a, b = make_company(db, "A"), make_company(db, "B")
    da, db_ = populate(db, a), populate(db, b)
    set_page_size(client, db, a, 2)
    set_page_size(client, db, b, 2)
    ha = a.basic
    mine_calls = {str(c) for c in da["calls"]}
    mine_users = {str(u) for u in da["users"]}

    calls = client.get("/v2/calls", headers=ha).json()
    assert calls["records"]["totalRecords"] == 3
    assert {c["id"] for c in calls["calls"]} <= mine_calls
    ext = client.post("/v2/calls/extensive", json={"filter": {}}, headers=ha).json()
    assert ext["records"]["totalRecords"] == 3
    tr = client.post("/v2/calls/transcript", json={"filter": {}}, headers=ha).json()
    assert tr["records"]["totalRecords"] == 3
    users = client.get("/v2/users", headers=ha).json()
    assert users["records"]["totalRecords"] == 3
    assert {u["id"] for u in users["users"]} <= mine_users
    assert client.post("/v2/users/extensive", json={"filter": {}}, headers=ha).json()["records"]["totalRecords"] == 3
    assert [w["id"] for w in client.get("/v2/workspaces", headers=ha).json()["workspaces"]] == [str(da["ws"])]

    # B's ids through A's key: not found, or filtered out
    theirs_call, theirs_user = db_["calls"][0], db_["users"][0]
    assert_error(client.get(f"/v2/calls/{theirs_call}", headers=ha), 404, "Call ID was not found")
    assert_error(client.get(f"/v2/users/{theirs_user}", headers=ha), 404, "User not found")
    assert_error(client.get(f"/v2/users/{theirs_user}/settings-history", headers=ha), 404, "User not found")
    for path in ("/v2/calls/extensive", "/v2/calls/transcript"):
        r = client.post(path, json={"filter": {"callIds": [str(theirs_call)]}}, headers=ha)
        assert_error(r, 404, "No calls found corresponding to the provided filters")
    r = client.post("/v2/calls/extensive", json={"filter": {"primaryUserIds": [str(theirs_user)]}}, headers=ha)
    assert_error(r, 404, "No calls found corresponding to the provided filters")
    r = client.post("/v2/users/extensive", json={"filter": {"userIds": [str(theirs_user)]}}, headers=ha)
    assert_error(r, 404, "No users found corresponding to the provided filters")
    r = client.get("/v2/calls", params={"workspaceId": str(db_["ws"])}, headers=ha)
    assert_error(r, 404, "No calls found for the specified period")

    # B's cursors through A's key, for the same query: refused
    for method, path, kw in (
        ("GET", "/v2/calls", {}),
        ("GET", "/v2/users", {}),
        ("POST", "/v2/calls/extensive", {"json": {"filter": {}}}),
        ("POST", "/v2/calls/transcript", {"json": {"filter": {}}}),
        ("POST", "/v2/users/extensive", {"json": {"filter": {}}}),
    ):
        first = client.request(method, path, headers=b.basic, **kw).json()
        cursor = first["records"]["cursor"]
        if method == "GET":
            r = client.get(path, params={"cursor": cursor}, headers=ha)
        else:
            r = client.post(path, json={**kw["json"], "cursor": cursor}, headers=ha)
        assert_error(r, 400, INVALID_CURSOR)

    # and a Bearer token of A is A
    token = bearer(db, a, "api:calls:read:basic")
    assert_error(client.get(f"/v2/calls/{theirs_call}", headers=token), 404, "Call ID was not found")


# operationId -> (method, path, json body or None)
OPS: dict[str, tuple[str, str, Any]] = {
    "listCalls": ("GET", "/v2/calls", None),
    "getCall": ("GET", "/v2/calls/{call}", None),
    "addCall": ("POST", "/v2/calls", "new-call"),
    "listCallsExtensive": ("POST", "/v2/calls/extensive", {"filter": {}}),
    "getCallTranscripts": ("POST", "/v2/calls/transcript", {"filter": {}}),
    "listUsers": ("GET", "/v2/users", None),
    "listMultipleUsers": ("POST", "/v2/users/extensive", {"filter": {}}),
    "getUser": ("GET", "/v2/users/{user}", None),
    "getUserHistory": ("GET", "/v2/users/{user}/settings-history", None),
    "listWorkspaces": ("GET", "/v2/workspaces", None),
}


@pytest.mark.parametrize("operation_id", sorted(OPS))
def test_bearer_tokens_need_the_operations_scope(
    client: ContractClient, company: Company, db: Database, operation_id: str
) -> None:
    data = populate(db, company)
    op = operation(operation_id)
    method, path, body = OPS[operation_id]
    path = path.format(call=data["calls"][0], user=data["users"][0])
    if body == "new-call":
        user = str(data["users"][1])
        body = {
            "clientUniqueId": "scope-test",
            "actualStart": "2024-06-01T10:00:00Z",
            "direction": "Inbound",
            "primaryUser": user,
            "parties": [{"userId": user}],
        }
    others = [s for s in all_scopes() if s != op.scope]
    r = client.request(method, path, json=body, headers=bearer(db, company, *others))
    status = 403 if operation_id in ("listUsers", "listWorkspaces") else 401
    assert_error(r, status, f"Access denied: this request needs the scope '{op.scope}'")
    r = client.request(method, path, json=body, headers=bearer(db, company, op.scope))
    assert r.status_code == 200, r.text
