"""``gongkit mcp`` as an agent runs it: a process of its own spoken to over stdio by the official ``mcp`` client,
against a real gongkit server process (tools listed, one tool called per group, an error checked)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from gongkit.kernel.config import ServerSettings
from gongkit.mcp_server import select_actions
from tests.conftest import Company, Seed
from tests.support.factories import make_call, make_user
from tests.support.server_process import REPO, ServerProcess

GROUPS = "calls,users,data_privacy"


def _gongkit_mcp(base_url: str, company: Company, *options: str) -> StdioServerParameters:
    """The command line an MCP client configuration would hold, run with this checkout's sources."""
    return StdioServerParameters(
        command=sys.executable,
        args=["-c", "from gongkit.cli.main import main; main()", "mcp", *options],
        env={
            "GONG_BASE_URL": base_url,
            "GONG_ACCESS_KEY": company.access_key,
            "GONG_ACCESS_KEY_SECRET": company.secret,
            "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)]),
        },
        cwd=str(REPO),
    )


async def _session(params: StdioServerParameters, calls: list[tuple[str, dict[str, Any]]]) -> tuple[Any, list[Any]]:
    """(the listed tools, the result of each call) over one stdio session."""
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        listed = await session.list_tools()
        results = [await session.call_tool(name, arguments) for name, arguments in calls]
    return listed, results


def _envelope(result: Any) -> Any:
    [block] = result.content
    return json.loads(block.text)


@pytest.mark.parametrize("engine", ["sqlite"])
def test_an_mcp_client_drives_gongkit_mcp_over_stdio(
    settings: ServerSettings, company: Company, seed: Seed, tmp_path: Path
) -> None:
    user_id = seed(make_user, company.id, email_address="ada.lovelace@acme.example")
    call = seed(make_call, company.id, primary_user_id=user_id)
    calls = [
        ("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID", {"id": str(call.id)}),
        ("GONG_RETRIEVE_USER_V2_USERS_ID", {"id": str(user_id)}),
        ("GONG_RETRIEVE_DATA_PRIVACY_INFO_FOR_EMAIL_ADDRESS", {"emailAddress": "ada.lovelace@acme.example"}),
        ("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID", {"id": "1"}),
        ("GONG_RETRIEVE_USER_V2_USERS_ID", {}),
    ]
    with ServerProcess(settings.database_url, tmp_path / "data") as server:
        params = _gongkit_mcp(server.url, company, "--groups", GROUPS, "--read-only")
        listed, results = asyncio.run(_session(params, calls))

    names = {t.name for t in listed.tools}
    assert names == {a.name for a in select_actions(GROUPS.split(","), read_only=True)}
    got_call, got_user, got_privacy, missing, invalid = (_envelope(r) for r in results)
    assert [r.is_error for r in results] == [False, False, False, True, True]
    assert got_call["data"]["call"]["id"] == str(call.id)
    assert got_user["data"]["user"]["emailAddress"] == "ada.lovelace@acme.example"
    assert [c["id"] for c in got_privacy["data"]["calls"]] == [str(call.id)]
    assert missing["successful"] is False and missing["error"].startswith("404: Call ID was not found")
    assert missing["data"]["status"] == 404 and missing["data"]["errors"] == ["Call ID was not found"]
    assert invalid == {"data": {}, "error": "Invalid input: id: required", "successful": False}
