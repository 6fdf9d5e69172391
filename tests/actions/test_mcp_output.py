"""What one answer costs an agent: a page of 100 calls from a real (in-process) server, as sent and compact, and
in pages of any ``limit`` whose cursors go on where the last one stopped."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from mcp import Client

from gongkit.db import Database
from gongkit.kernel.config import ServerSettings
from gongkit.mcp_server import build_server, compact
from gongkit.sdk import AsyncGong
from gongkit.server import create_app
from gongkit.server.core.ratelimit import RateLimiter
from tests.conftest import Company, Seed
from tests.support.factories import make_call, make_user

PAGE = {"fromDateTime": "2024-01-01T00:00:00Z", "toDateTime": "2025-01-01T00:00:00Z"}


def _server(settings: ServerSettings, db: Database, company: Company, **options: Any) -> Any:
    """An MCP server whose tools talk to an in-process gongkit server."""
    app = create_app(settings, db=db, limiter=RateLimiter("memory://"))

    def factory() -> AsyncGong:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
        return AsyncGong(company.access_key, company.secret, base_url="http://gong.test", http_client=http, pace=None)

    return build_server(client_factory=factory, **options)


def _page(settings: ServerSettings, db: Database, company: Company, **options: Any) -> Any:
    async def go() -> Any:
        async with Client(_server(settings, db, company, **options)) as client:
            return await client.call_tool("GONG_RETRIEVE_CALL_DATA_BY_DATE_RANGE_V2_CALLS", PAGE)

    return asyncio.run(go())


def _envelope(result: Any) -> Any:
    [block] = result.content
    return json.loads(block.text)


@pytest.mark.parametrize("engine", ["sqlite"])
@pytest.mark.parametrize("limit", [1, 40, 100, 150])
def test_pages_of_any_limit_concatenate_to_every_call(
    settings: ServerSettings, db: Database, company: Company, seed: Seed, limit: int
) -> None:
    user_id = seed(make_user, company.id)
    made = [seed(make_call, company.id, primary_user_id=user_id).id for _ in range(150)]

    async def walk() -> list[Any]:
        answers = []
        async with Client(_server(settings, db, company)) as client:
            arguments: dict[str, Any] = {**PAGE, "limit": limit}
            while True:
                result = await client.call_tool("GONG_RETRIEVE_CALL_DATA_BY_DATE_RANGE_V2_CALLS", arguments)
                answers.append(_envelope(result)["data"])
                cursor = answers[-1]["records"].get("cursor")
                if cursor is None:
                    return answers
                arguments = {**PAGE, "limit": limit, "cursor": cursor}

    answers = asyncio.run(walk())
    seen = [call["id"] for answer in answers for call in answer["calls"]]
    assert sorted(seen) == sorted(str(i) for i in made) and len(set(seen)) == 150
    assert all(1 <= len(a["calls"]) <= limit and a["records"]["currentPageSize"] == len(a["calls"]) for a in answers)
    assert len(answers) == (2 if limit >= 100 else sum(-(-n // limit) for n in (100, 50)))


def test_a_bad_limit_or_a_forged_cursor_is_invalid_input() -> None:
    async def go(arguments: dict[str, Any]) -> Any:
        async with Client(build_server(client_factory=lambda: AsyncGong("k", "s", base_url="http://gong.test"))) as c:
            return await c.call_tool("GONG_LIST_ALL_USERS_V2_USERS", arguments)

    for arguments, message in (
        ({"limit": 0}, "Invalid input: limit: expected an integer of at least 1"),
        ({"limit": True}, "Invalid input: limit: expected an integer of at least 1"),
        ({"cursor": "gongkit-mcp.%%%"}, "Invalid input: cursor: not a cursor this server gave"),
        ({"cursor": "gongkit-mcp.eyJza2lwIjotMX0="}, "Invalid input: cursor: not a cursor this server gave"),
    ):
        result = asyncio.run(go(arguments))
        assert result.is_error is True
        assert _envelope(result) == {"data": {}, "error": message, "successful": False}


@pytest.mark.parametrize("engine", ["sqlite"])
def test_a_page_of_100_calls_is_much_smaller_compact(
    settings: ServerSettings, db: Database, company: Company, seed: Seed, capsys: pytest.CaptureFixture[str]
) -> None:
    user_id = seed(make_user, company.id)
    for _ in range(100):
        seed(make_call, company.id, primary_user_id=user_id)
    full = _page(settings, db, company)
    small = _page(settings, db, company, compact_output=True)
    full_text, small_text = full.content[0].text, small.content[0].text
    with capsys.disabled():
        print(f"\nMCP page of 100 calls: {len(full_text.encode())} bytes; compact {len(small_text.encode())} bytes")
    data = json.loads(full_text)["data"]
    assert len(data["calls"]) == 100
    small_data = json.loads(small_text)["data"]
    assert {**small_data, "requestId": ""} == {**compact(data), "requestId": ""}  # each request has its own id
    assert len(small_data["calls"]["rows"]) == 100
    assert len(small_text.encode()) < len(full_text.encode()) * 0.6


def test_compact_drops_empty_fields_and_tabulates_records() -> None:
    data = {
        "requestId": "r",
        "records": {"totalRecords": 2, "cursor": None},
        "calls": [{"id": "1", "title": "A", "workspaceId": None}, {"id": "2", "tags": [], "isPrivate": False}],
        "one": [{"id": "3", "note": ""}],
        "ids": ["1", "2"],
    }
    assert compact(data) == {
        "requestId": "r",
        "records": {"totalRecords": 2},
        "calls": {"columns": ["id", "title", "isPrivate"], "rows": [["1", "A", None], ["2", None, False]]},
        "one": [{"id": "3"}],
        "ids": ["1", "2"],
    }


def test_failures_are_never_compacted() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"requestId": "r", "errors": ["Call 1 not found"]})

    def factory() -> AsyncGong:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        return AsyncGong("k", "s", base_url="http://gong.test", http_client=http, pace=None, max_retries=0)

    async def go() -> Any:
        async with Client(build_server(client_factory=factory, compact_output=True)) as client:
            return await client.call_tool("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID", {"id": "1"})

    result = asyncio.run(go())
    assert result.is_error is True
    assert json.loads(result.content[0].text)["data"] == {
        "status": 404,
        "requestId": "r",
        "errors": ["Call 1 not found"],
    }
