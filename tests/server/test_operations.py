"""The operation pipeline: which requests it answers, and that they are answered as through the router."""

from __future__ import annotations

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from gongkit.db import Database
from gongkit.kernel.config import ServerSettings
from gongkit.server.app import build_routes, create_app
from gongkit.server.core.operations import OperationTable, Served
from gongkit.server.core.ratelimit import RateLimiter
from gongkit.spec import operation, operations
from tests.conftest import Company
from tests.support.api import assert_error
from tests.support.contract import ContractClient


def _table() -> OperationTable:
    return OperationTable(Served(op, None, 1) for op in operations())


@pytest.mark.parametrize(
    ("method", "path", "operation_id", "params"),
    [
        ("GET", "/v2/calls", "listCalls", {}),
        ("POST", "/v2/calls", "addCall", {}),
        ("POST", "/v2/calls/extensive", "listCallsExtensive", {}),  # literal, never /v2/calls/{id}
        ("GET", "/v2/calls/extensive", "getCall", {"id": "extensive"}),  # as the router reads it
        ("GET", "/v2/calls/7782342274025937895", "getCall", {"id": "7782342274025937895"}),
        ("PUT", "/v2/calls/1/media", "addCallRecording", {"id": "1"}),
    ],
)
def test_the_table_names_the_operation_and_its_path_parameters(
    method: str, path: str, operation_id: str, params: dict[str, str]
) -> None:
    found = _table().match(method, path)
    assert found is not None
    served, got = found
    assert (served.op.operation_id, got) == (operation_id, params)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("DELETE", "/v2/calls"),  # a method the path does not serve: the router's 405
        ("HEAD", "/v2/calls"),
        ("GET", "/v2/calls/"),  # the router's redirect
        ("GET", "/v2/calls/1/2"),  # a parameter is one segment
        ("GET", "/v2/nowhere"),
        ("GET", "/healthz"),
    ],
)
def test_the_table_leaves_everything_else_to_the_router(method: str, path: str) -> None:
    assert _table().match(method, path) is None


def test_the_table_and_the_router_agree_on_every_operation() -> None:
    """Each operation's path as a client sends it (parameters filled in) is matched by the table to that
    operation, and by the router to that path's route."""
    table = _table()
    routes: list[Route] = build_routes()
    for op in operations():
        path = "/".join("12345" if part.startswith("{") else part for part in op.path.split("/"))
        found = table.match(op.method, path)
        assert found is not None and found[0].op == op, op.operation_id
        scope = {"type": "http", "method": op.method, "path": path, "root_path": ""}
        full = [r.path for r in routes if r.matches(scope)[0].name == "FULL"]
        assert full and full[0] == op.path, op.operation_id


def test_an_app_behind_a_path_prefix_answers_operations(
    settings: ServerSettings, db: Database, company: Company
) -> None:
    app = create_app(settings, db=db, limiter=RateLimiter("memory://"))
    with TestClient(app, root_path="/gong") as prefixed:
        r = prefixed.get("/gong/v2/calls", headers=company.basic)
        assert_error(r, 404, "No calls found for the specified period")
        assert_error(
            prefixed.get("/gong/v2/nowhere", headers=company.basic), 404, "No such API route: GET /gong/v2/nowhere"
        )


def test_head_on_a_listing_is_refused_by_the_router(settings: ServerSettings, db: Database, company: Company) -> None:
    """``HEAD`` is no operation of Gong's (the contract has none): the router lets it through wherever ``GET``
    is, and the path's endpoint refuses it."""
    app = create_app(settings, db=db, limiter=RateLimiter("memory://"))
    with TestClient(app) as plain:
        r = plain.request("HEAD", "/v2/calls", headers=company.basic)
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, POST"
    assert r.headers["x-request-id"]


def test_a_crash_in_a_handler_is_a_500_in_the_envelope(
    client: ContractClient, company: Company, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def crash(ctx: object) -> dict[str, object]:
        raise RuntimeError("boom")

    app = client.app
    pipeline = app.pipeline  # type: ignore[attr-defined]
    found = pipeline.table.match("GET", "/v2/users")
    assert found is not None
    served = found[0]
    monkeypatch.setitem(pipeline.table._literal, ("GET", "/v2/users"), Served(served.op, crash, 1024))
    r = client.get("/v2/users", headers=company.basic)
    assert_error(r, 500, "Failed to complete the operation due to an unexpected error")
    assert r.headers["x-request-id"] == r.json()["requestId"]


def test_an_operation_without_a_credential_gets_its_declared_status(client: ContractClient) -> None:
    # listUsers declares 403 for a refused credential, listCalls 401.
    assert operation("listUsers").auth_failure_status == 403
    assert_error(client.get("/v2/users"), 403, "Access denied: missing Authorization header (Basic or Bearer)")
    assert_error(client.get("/v2/calls"), 401, "Access denied: missing Authorization header (Basic or Bearer)")


def test_every_answer_of_the_pipeline_carries_the_request_id(client: ContractClient, company: Company) -> None:
    answers = [
        client.get("/v2/calls", headers=company.basic),  # 404: no calls
        client.get("/v2/users", headers=company.basic),
        client.post("/v2/calls/extensive", content=b"[", headers=company.basic),
    ]
    for r in answers:
        assert r.headers["x-request-id"] == r.json()["requestId"]
