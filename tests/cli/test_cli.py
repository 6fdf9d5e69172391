"""The command line: help everywhere, the control plane on both engines, the client commands against a live
server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from gongkit import control as svc
from gongkit.cli.main import cli
from gongkit.db import Database
from gongkit.kernel.config import ServerSettings
from tests.cli.conftest import LiveServer


def walk(group: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, group
    if isinstance(group, click.Group):
        for name, sub in sorted(group.commands.items()):
            yield from walk(sub, (*path, name))


COMMANDS = [path for path, _ in walk(cli)]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "gongkit")
def test_help(runner: CliRunner, path: tuple[str, ...]) -> None:
    result = runner.invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: gongkit" in result.output
    command = dict(walk(cli))[path]
    assert command.help, f"{' '.join(path)} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help text"


def test_expected_commands() -> None:
    paths = {" ".join(p) for p in COMMANDS}
    assert {
        "serve",
        "demo",
        "admin company create",
        "admin company list",
        "admin company set",
        "admin key create",
        "admin key revoke",
        "admin token create",
        "admin demo",
        "calls list",
        "calls get",
        "calls transcript",
        "users list",
        "actions list",
        "actions run",
        "mcp",
    } <= paths


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and "gongkit" in result.output


# --- admin ----------------------------------------------------------------------------------------------


def _admin(runner: CliRunner, settings: ServerSettings, *args: str) -> Any:
    result = runner.invoke(
        cli, ["admin", "--database", settings.database_url, "--data-dir", str(settings.data_dir), *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_admin_companies_keys_tokens(runner: CliRunner, settings: ServerSettings, db: Database) -> None:
    made = _admin(runner, settings, "company", "create", "Initech", "--rate-per-second", "7", "--with-key")
    cid = made["id"]
    assert made["name"] == "Initech" and made["rate_per_second"] == 7
    assert made["accessKey"] and made["accessKeySecret"]
    listed = _admin(runner, settings, "company", "list")
    assert [c["id"] for c in listed] == [cid]
    changed = _admin(runner, settings, "company", "set", cid, "--page-size", "25", "--name", "Initrode")
    assert (changed["page_size"], changed["name"]) == (25, "Initrode")

    key = _admin(runner, settings, "key", "create", cid, "--name", "ci")
    assert key["companyId"] == cid and len(key["accessKeySecret"]) > 20
    with db.read() as conn:
        assert svc.get_company(conn, int(cid))["page_size"] == 25
    revoked = _admin(runner, settings, "key", "revoke", key["accessKey"])
    assert revoked == {"accessKey": key["accessKey"], "revoked": True}

    tok = _admin(
        runner, settings, "token", "create", cid, "--scope", "api:calls:read:basic", "--scope", "api:users:read",
        "--expires-in", "60",
    )  # fmt: skip
    assert tok["token"].startswith("gk_") and tok["scopes"] == ["api:calls:read:basic", "api:users:read"]
    scopes = _admin(runner, settings, "token", "scopes")
    assert "api:calls:read:basic" in scopes


def test_admin_errors(runner: CliRunner, settings: ServerSettings) -> None:
    base = ["admin", "--database", settings.database_url]
    result = runner.invoke(cli, [*base, "key", "create", "999"])
    assert result.exit_code == 1 and "not found" in result.output
    result = runner.invoke(cli, [*base, "key", "revoke", "NOPE"])
    assert result.exit_code == 1
    result = runner.invoke(cli, [*base, "company", "set", "abc", "--page-size", "3"])
    assert result.exit_code == 2
    cid = _admin(runner, settings, "company", "create", "X")["id"]
    result = runner.invoke(cli, [*base, "company", "set", cid])
    assert result.exit_code == 2 and "nothing to set" in result.output
    result = runner.invoke(cli, [*base, "token", "create", cid, "--scope", "api:nope"])
    assert result.exit_code == 1 and "unknown scopes" in result.output


def test_admin_table_output(runner: CliRunner, settings: ServerSettings) -> None:
    base = ["admin", "--database", settings.database_url]
    runner.invoke(cli, [*base, "company", "create", "Tabled"])
    result = runner.invoke(cli, [*base, "company", "list", "--table"])
    assert result.exit_code == 0 and "Tabled" in result.output and "rate_per_second" in result.output


def test_admin_demo(runner: CliRunner, settings: ServerSettings) -> None:
    info = _admin(runner, settings, "demo", "--calls", "8", "--seed", "11")
    assert info["created"] is True and info["counts"]["calls"] == 8
    assert info["accessKey"] and info["privacySubjects"]
    again = runner.invoke(cli, ["admin", "--database", settings.database_url, "demo", "--seed", "11"])
    assert again.exit_code == 1 and "already exists" in again.output


# --- client commands against a live server --------------------------------------------------------------


def _client(runner: CliRunner, live: LiveServer, group: str, *args: str) -> Any:
    result = runner.invoke(cli, [group, *live.options, *args])
    assert result.exit_code == 0, result.output + (result.stderr if result.stderr_bytes else "")
    return json.loads(result.stdout)


def test_users_list(runner: CliRunner, live: LiveServer) -> None:
    users = _client(runner, live, "users", "list", "--all")
    assert users and all("emailAddress" in u for u in users)
    some = runner.invoke(cli, ["users", *live.options, "list", "--limit", "1"])
    assert len(json.loads(some.stdout)) == 1 and "more users" in some.stderr
    table = runner.invoke(cli, ["users", *live.options, "list", "--table"])
    assert table.exit_code == 0 and users[0]["emailAddress"] in table.output


def test_calls_commands(runner: CliRunner, live: LiveServer) -> None:
    calls = _client(runner, live, "calls", "list", "--from", "2000-01-01T00:00:00Z", "--to", "2100-01-01T00:00:00Z")
    assert len(calls) == 8
    call_id = calls[0]["id"]
    assert _client(runner, live, "calls", "get", call_id)["id"] == call_id
    transcripts = _client(runner, live, "calls", "transcript", call_id)
    assert [t["callId"] for t in transcripts] == [call_id]
    table = runner.invoke(cli, ["calls", *live.options, "transcript", call_id, "--table"])
    assert table.exit_code == 0 and call_id in table.output
    missing = runner.invoke(cli, ["calls", *live.options, "get", "12345"])
    assert missing.exit_code == 1 and "404" in missing.output


def test_a_wrong_base_url_fails_instead_of_listing_nothing(runner: CliRunner, live: LiveServer) -> None:
    wrong = ["--base-url", live.base_url + "/v2", *live.options[2:]]
    result = runner.invoke(cli, ["users", *wrong, "list"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "404" in result.output and f"{live.base_url}/v2/v2/users" in result.output


def test_client_needs_credentials(runner: CliRunner, live: LiveServer) -> None:
    result = runner.invoke(cli, ["users", "--base-url", live.base_url, "list"])
    assert result.exit_code == 2 and "No Gong credentials" in result.output


def test_actions_commands(runner: CliRunner, live: LiveServer) -> None:
    listed = json.loads(runner.invoke(cli, ["actions", "list"]).output)
    assert len(listed) == 71
    tools = json.loads(runner.invoke(cli, ["actions", "list", "--kind", "tool"]).output)
    assert len(tools) == 18
    shown = json.loads(runner.invoke(cli, ["actions", "show", "GONG_LIST_ALL_COACHING_METRICS_V2_COACHING"]).output)
    assert shown["inputs"]["workspace__id"] == "query:workspace-id"
    assert sorted(shown["inputSchema"]["required"]) == ["from", "manager__id", "to", "workspace__id"]

    ran = runner.invoke(cli, ["actions", "run", "GONG_LIST_ALL_USERS_V2_USERS", *live.options, "--input", "{}"])
    assert ran.exit_code == 0, ran.output
    out = json.loads(ran.output)
    assert out["successful"] is True and out["data"]["users"]
    uid = out["data"]["users"][0]["id"]
    tool_input = json.dumps({"accessKey": live.access_key, "accessKeySecret": live.secret, "userId": uid})
    result = runner.invoke(
        cli,
        [
            "actions",
            "run",
            "gong_retrieve_details_for_a_specific_user",
            "--base-url",
            live.base_url,
            "--input",
            tool_input,
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["data"]["id"] == uid
    failed = runner.invoke(cli, ["actions", "run", "GONG_RETRIEVE_USER_V2_USERS_ID", *live.options, "--input", "{}"])
    assert failed.exit_code == 1 and json.loads(failed.output)["error"] == "Invalid input: id: required"
    bad = runner.invoke(cli, ["actions", "run", "NOPE"])
    assert bad.exit_code == 2
    not_json = runner.invoke(cli, ["actions", "run", "GONG_LIST_ALL_USERS_V2_USERS", "--input", "{"])
    assert not_json.exit_code == 2 and "not JSON" in not_json.output


@pytest.mark.parametrize(
    ("option", "value"),
    [("--page-size", "0"), ("--page-size", "101"), ("--rate-per-second", "0"), ("--time-zone", "Nowhere")],
)
def test_admin_refuses_company_settings_that_cannot_work(
    runner: CliRunner, settings: ServerSettings, db: Database, option: str, value: str
) -> None:
    cid = _admin(runner, settings, "company", "create", "Initech")["id"]
    store = ["--database", settings.database_url, "--data-dir", str(settings.data_dir)]
    result = runner.invoke(cli, ["admin", *store, "company", "set", cid, option, value])
    assert result.exit_code != 0
    assert option in result.output or "time_zone" in result.output, result.output
    with db.read() as conn:
        assert svc.get_company(conn, int(cid))["page_size"] == 100


def test_migrate_creates_a_fresh_store(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    result = runner.invoke(cli, ["migrate", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "store migrated: sqlite:///" in result.output
    with Database(ServerSettings(data_dir=data).database_url).read() as conn:
        assert svc.list_companies(conn) == []


def test_admin_and_audit_refuse_to_make_an_empty_store_silently(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "elsewhere"
    for args in (
        ["admin", "--data-dir", str(missing), "company", "list"],
        ["admin", "--data-dir", str(missing), "key", "revoke", "ABC"],
        ["data-privacy", "audit", "--email", "a@b.example", "--data-dir", str(missing)],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert f"no gongkit store at {missing / 'gongkit.db'}" in result.output
    assert not missing.exists()
    made = runner.invoke(cli, ["admin", "--data-dir", str(missing), "company", "create", "Initech"])
    assert made.exit_code == 0, made.output  # creating a company may start a store


def test_a_bad_date_is_a_usage_error_and_a_connection_error_names_the_url(runner: CliRunner) -> None:
    client = ["--base-url", "http://127.0.0.1:9", "--access-key", "k", "--access-key-secret", "s"]
    bad = runner.invoke(cli, ["calls", *client, "list", "--from", "yesterday"])
    assert bad.exit_code == 2
    assert "Invalid value for '--from': 'yesterday' is not an ISO-8601 date-time" in bad.output
    refused = runner.invoke(cli, ["calls", *client, "list", "--from", "2024-01-01T00:00:00Z"])
    assert refused.exit_code == 1
    assert "(GET http://127.0.0.1:9/v2/calls)" in refused.output
    assert "fromDateTime" not in refused.output  # the query is left out
