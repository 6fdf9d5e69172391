"""The MCP server: every action as a tool, with its schema; results and errors as one JSON envelope, sent once."""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

import httpx
from mcp import Client

from gongkit.actions import all_actions, get
from gongkit.mcp_server import LIMIT_SCHEMA, build_server
from gongkit.sdk import AsyncGong


def _server(handler: Any, **options: Any) -> Any:
    def factory() -> AsyncGong:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        return AsyncGong("key", "secret", base_url="http://gong.test", http_client=http, pace=None, max_retries=0)

    return build_server(client_factory=factory, **options)


def _ok(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/v2/users/42":
        return httpx.Response(200, json={"requestId": "r", "user": {"id": "42", "firstName": "Ada"}})
    if request.url.path == "/v2/calls/404":
        return httpx.Response(404, json={"requestId": "r404", "errors": ["Call 404 not found"]})
    return httpx.Response(200, json={"requestId": "r", "echo": request.url.path})


async def _list_tools() -> Any:
    async with Client(_server(_ok)) as client:
        return await client.list_tools()


def test_every_action_is_a_tool_with_its_schema() -> None:
    listed = asyncio.run(_list_tools())
    tools = {t.name: t for t in listed.tools}
    assert set(tools) == {a.name for a in all_actions()}
    for act in all_actions():
        tool = tools[act.name]
        assert tool.description == act.description
        schema = dict(tool.input_schema, properties=dict(tool.input_schema["properties"]))
        if any(p.name == "cursor" for p in act.params):
            assert schema["properties"].pop("limit") == LIMIT_SCHEMA
        assert schema == act.input_schema()
        assert tool.output_schema is None
    assert tools["GONG_RETRIEVE_USER_V2_USERS_ID"].annotations.read_only_hint is True
    assert tools["GONG_ERASE_DATA_FOR_EMAIL_ADDRESS"].annotations.destructive_hint is True
    for act in all_actions():
        hints = tools[act.name].annotations
        assert (hints.read_only_hint, hints.destructive_hint) == (act.operation.read_only, act.operation.destructive)
        assert hints.title == (act.title or None)


async def _call(name: str, arguments: dict[str, Any], handler: Any = _ok, **options: Any) -> Any:
    async with Client(_server(handler, **options)) as client:
        return await client.call_tool(name, arguments)


def _envelope(result: Any) -> Any:
    """The one JSON text a tool result carries (nothing else is sent)."""
    assert result.structured_content is None
    [block] = result.content
    return json.loads(block.text)


def test_a_successful_call_returns_the_envelope() -> None:
    result = asyncio.run(_call("GONG_RETRIEVE_USER_V2_USERS_ID", {"id": "42"}))
    assert result.is_error is False
    expected = {"data": {"requestId": "r", "user": {"id": "42", "firstName": "Ada"}}, "error": None, "successful": True}
    assert _envelope(result) == expected
    assert ", " not in result.content[0].text  # compact JSON


def test_a_tool_reshapes_and_uses_its_own_credentials() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _ok(request)

    result = asyncio.run(
        _call(
            "gong_retrieve_details_for_a_specific_user",
            {"accessKey": "A", "accessKeySecret": "B", "userId": "42"},
            handler,
        )
    )
    assert _envelope(result) == {"data": {"id": "42", "firstName": "Ada"}, "error": None, "successful": True}
    assert seen[0].headers["authorization"] == "Basic " + base64.b64encode(b"A:B").decode()


def test_failures_are_tool_errors() -> None:
    result = asyncio.run(_call("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID", {"id": "404"}))
    assert result.is_error is True
    failed = _envelope(result)
    assert failed["successful"] is False and "Call 404 not found" in failed["error"]
    assert failed["data"] == {"status": 404, "requestId": "r404", "errors": ["Call 404 not found"]}
    bad = asyncio.run(_call("GONG_RETRIEVE_LOGS_DATA_BY_TYPE_AND_TIME_RANGE_V2_LOGS", {"logType": "Nope"}))
    assert bad.is_error is True
    invalid = _envelope(bad)
    assert invalid["error"].startswith("Invalid input") and "fromDateTime: required" in invalid["error"]
    assert invalid["data"] == {} and invalid["successful"] is False
    unknown = asyncio.run(_call("GONG_RETRIEVE_USER_V2_USERS_ID", {"id": "42", "bogus": 1}))
    assert unknown.is_error is True and _envelope(unknown)["error"].startswith("Invalid input")


def test_arrays_sent_as_json_text_are_decoded() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _ok(request)

    result = asyncio.run(
        _call("GONG_LIST_USERS_BY_FILTER_V2_USERS_EXTENSIVE", {"filter__userIds": '["1", "2"]'}, handler)
    )
    assert result.is_error is False
    assert json.loads(seen[0].content) == {"filter": {"userIds": ["1", "2"]}}


def test_an_unknown_tool_is_a_tool_error() -> None:
    result = asyncio.run(_call("GONG_NO_SUCH_TOOL", {}))
    assert result.is_error is True
    assert _envelope(result) == {"data": {}, "error": "Unknown tool: GONG_NO_SUCH_TOOL", "successful": False}


def test_without_configured_credentials(monkeypatch: Any) -> None:
    for name in ("GONG_ACCESS_KEY", "GONG_ACCESS_KEY_SECRET", "GONG_BEARER_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    server = build_server(base_url="http://127.0.0.1:9", actions=[get("GONG_LIST_ALL_USERS_V2_USERS")])

    async def go() -> Any:
        async with Client(server) as client:
            return await client.call_tool("GONG_LIST_ALL_USERS_V2_USERS", {})

    result = asyncio.run(go())
    assert result.is_error is True and "No Gong credentials" in _envelope(result)["error"]


def test_tools_can_use_the_configured_credentials() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _ok(request)

    name = "gong_retrieve_details_for_a_specific_user"
    strict = asyncio.run(_call(name, {"userId": "42"}, handler))
    assert strict.is_error is True and "accessKey: required" in _envelope(strict)["error"] and not seen
    result = asyncio.run(_call(name, {"userId": "42"}, handler, tools_use_configured_credentials=True))
    assert _envelope(result) == {"data": {"id": "42", "firstName": "Ada"}, "error": None, "successful": True}
    assert seen[0].headers["authorization"] == "Basic " + base64.b64encode(b"key:secret").decode()
    own = asyncio.run(
        _call(
            name,
            {"userId": "42", "accessKey": "A", "accessKeySecret": "B"},
            handler,
            tools_use_configured_credentials=True,
        )
    )
    assert own.is_error is False
    assert seen[1].headers["authorization"] == "Basic " + base64.b64encode(b"A:B").decode()


def test_configured_credentials_make_only_the_tool_keys_optional() -> None:
    async def listed() -> Any:
        async with Client(_server(_ok, tools_use_configured_credentials=True)) as client:
            return await client.list_tools()

    tools = {t.name: t for t in asyncio.run(listed()).tools}
    assert tools["gong_retrieve_details_for_a_specific_user"].input_schema["required"] == ["userId"]
    assert (
        "gongkit mcp is run with" in tools["gong_list_all_users"].input_schema["properties"]["accessKey"]["description"]
    )
    assert tools["GONG_RETRIEVE_USER_V2_USERS_ID"].input_schema == get("GONG_RETRIEVE_USER_V2_USERS_ID").input_schema()


def test_every_tool_fails_in_the_one_shape() -> None:
    """An input no tool takes, sent to every tool: each answers the same failure envelope, never a dump."""

    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"requestId": "r400", "errors": ["Bad request"]})

    async def sweep() -> list[tuple[str, Any]]:
        async with Client(_server(refuse)) as client:
            return [(a.name, await client.call_tool(a.name, {"bogus": 1})) for a in all_actions()]

    for name, result in asyncio.run(sweep()):
        assert result.is_error is True, name
        failed = _envelope(result)
        assert set(failed) == {"data", "error", "successful"} and failed["successful"] is False, name
        assert failed["error"].startswith("Invalid input: ") and "bogus: unknown input" in failed["error"], name
        assert "pydantic" not in failed["error"], name
