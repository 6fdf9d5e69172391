"""The first hour's frictions, each fixed and held: credential options after any client command, --table
everywhere a person reads, `--calls` below the demo's minimum said plainly, `make demo PORT=...`."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from gongkit.cli.main import cli
from tests.cli.conftest import LiveServer

ROOT = Path(__file__).resolve().parents[2]
#: Commands that talk to Gong (or a gongkit server) through the SDK.
CLIENT_COMMANDS = [
    ("calls", "list"),
    ("calls", "get"),
    ("calls", "transcript"),
    ("users", "list"),
    ("data-privacy", "lookup"),
    ("data-privacy", "erase"),
    ("data-privacy", "batch"),
    ("data-privacy", "status"),
    ("actions", "run"),
]
#: Commands that are not for people reading a table: servers, and the store migration (one line on stderr).
NO_TABLE = {("serve",), ("demo",), ("mcp",), ("migrate",)}


def _commands(group: click.Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    if isinstance(group, click.Group):
        return [found for name, sub in group.commands.items() for found in _commands(sub, (*path, name))]
    return [(path, group)]


@pytest.mark.parametrize("path", CLIENT_COMMANDS, ids=" ".join)
def test_every_client_command_takes_the_credential_options(path: tuple[str, ...]) -> None:
    command = dict(_commands(cli))[path]
    names = {p.name for p in command.params}
    assert {"base_url", "access_key", "access_key_secret", "bearer_token"} <= names


@pytest.mark.parametrize("path", [p for p, _ in _commands(cli) if p not in NO_TABLE], ids=lambda p: " ".join(p))
def test_every_command_for_people_has_table(path: tuple[str, ...]) -> None:
    command = dict(_commands(cli))[path]
    assert "as_table" in {p.name for p in command.params}, f"gongkit {' '.join(path)} has no --table"


def test_options_after_the_command_win_over_the_groups(runner: CliRunner, live: LiveServer) -> None:
    wrong = ["--base-url", "http://127.0.0.1:1", "--access-key", "nobody", "--access-key-secret", "nothing"]
    result = runner.invoke(cli, ["users", *wrong, "list", "--limit", "1", *live.options])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 1
    # and only the given ones: the rest still come from the group
    partial = runner.invoke(cli, ["users", *live.options[2:], "list", "--limit", "1", "--base-url", live.base_url])
    assert partial.exit_code == 0, partial.output


def test_lookup_prints_a_table(runner: CliRunner, live: LiveServer) -> None:
    result = runner.invoke(cli, ["data-privacy", "lookup", "--email", "nobody@example.com", "--table", *live.options])
    assert result.exit_code == 0, result.output
    assert "References to nobody@example.com: 0" in result.stdout
    assert "CRM leads/contacts" in result.stdout


def test_actions_run_and_show_print_tables(runner: CliRunner, live: LiveServer) -> None:
    result = runner.invoke(cli, ["actions", "run", "GONG_LIST_ALL_USERS_V2_USERS", "--table", *live.options])
    assert result.exit_code == 0, result.output
    assert " users" in result.stdout and "emailAddress" in result.stdout
    shown = runner.invoke(cli, ["actions", "show", "GONG_LIST_FOLDER_CALLS", "--table"])
    assert shown.exit_code == 0 and "folderId" in shown.stdout and "/v2/library/folder-content" in shown.stdout


def test_demo_calls_below_the_minimum_says_why(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["admin", "--data-dir", str(tmp_path), "demo", "--calls", "1"])
    assert result.exit_code == 2
    assert "1 is too few: a demo company has at least 8 calls" in result.output
    assert not (tmp_path / "gongkit.db").exists()


def test_make_demo_passes_port_and_host() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}  # under make test
    dry = subprocess.run(
        ["make", "--no-print-directory", "-n", "demo", "PORT=9000", "HOST=0.0.0.0", "ARGS=--no-tour"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    [command] = [line for line in dry if "gongkit demo" in line]
    assert command.endswith("gongkit demo --port 9000 --host 0.0.0.0 --no-tour")
