"""The tool list an agent is handed: chosen by group and read-only, and measured (the sizes are printed)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from click.testing import CliRunner
from mcp import Client

from gongkit.actions import all_actions
from gongkit.cli.main import cli
from gongkit.mcp_server import build_server, select_actions

TYPICAL = ("calls", "users", "data_privacy")


def _listed(**selection: Any) -> tuple[list[Any], int]:
    """The tools ``tools/list`` answers for a selection, and the size in bytes of that answer as JSON."""

    async def go() -> Any:
        async with Client(build_server(actions=select_actions(**selection))) as client:
            return await client.list_tools()

    result = asyncio.run(go())
    wire = result.model_dump_json(by_alias=True, exclude_none=True)
    return result.tools, len(wire.encode())


def test_the_tool_list_is_measured_and_a_selection_shrinks_it(capsys: pytest.CaptureFixture[str]) -> None:
    every, every_size = _listed()
    chosen, chosen_size = _listed(groups=TYPICAL, read_only=True)
    with capsys.disabled():
        print(f"\nMCP tools/list: default {len(every)} tools, {every_size} bytes; ", end="")
        print(f"--groups {','.join(TYPICAL)} --read-only {len(chosen)} tools, {chosen_size} bytes")
    assert len(every) == len(all_actions())
    assert {t.name for t in chosen} == {a.name for a in all_actions() if a.group in TYPICAL and a.operation.read_only}
    assert all(t.annotations.read_only_hint for t in chosen)
    assert chosen_size < every_size / 2


def test_groups_and_read_only_choose_independently() -> None:
    calls = {a.name for a in select_actions(["calls"])}
    assert calls == {a.name for a in all_actions() if a.group == "calls"}
    assert any(not a.operation.read_only for a in select_actions(["calls"]))
    readers = select_actions(read_only=True)
    assert readers and all(a.operation.read_only for a in readers)
    assert {a.group for a in readers} > {"calls", "users"}


def test_an_unknown_group_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unknown group\(s\) callz; the groups are calls, users"):
        select_actions(["calls", "callz"])
    result = CliRunner().invoke(cli, ["mcp", "--groups", "calls,callz"])
    assert result.exit_code == 2
    assert "Invalid value for '--groups': callz; the groups are calls, users" in result.output


def test_the_wire_size_counts_every_tool() -> None:
    tools, size = _listed(groups=["logs"])
    assert size > len(json.dumps([t.name for t in tools]))
