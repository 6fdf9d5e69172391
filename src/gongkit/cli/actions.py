"""``gongkit actions``: the agent toolkit's actions and tools, listed and run from the shell."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from gongkit.cli._context import client_options
from gongkit.cli._output import emit, emit_answer, emit_json, emit_table, fail, table_option


@click.group()
def actions() -> None:
    """The 53 GONG_* actions and the 18 gong_* tools (the same ones the MCP server exposes)."""


@actions.command("list")
@click.option("--kind", type=click.Choice(["action", "tool"]), default=None, help="Only actions or only tools.")
@click.option("--group", default=None, help="Only one resource group (calls, users, stats, ...).")
@table_option
def actions_list(kind: str | None, group: str | None, as_table: bool) -> None:
    """List the actions and tools with the operation each one calls."""
    from gongkit.actions import all_actions

    rows = [
        {
            "name": a.name,
            "kind": a.kind,
            "group": a.group,
            "operation": a.operation_id,
            "method": a.operation.method,
            "path": a.operation.path,
            "description": a.description,
        }
        for a in all_actions(kind)  # type: ignore[arg-type]
        if group is None or a.group == group
    ]
    emit(rows, as_table, columns=("name", "kind", "operation", "method", "path"), title=f"{len(rows)} actions")


@actions.command("show")
@click.argument("name")
@table_option
def actions_show(name: str, as_table: bool) -> None:
    """Show the action NAME: its description, operation and input JSON Schema (--table: its inputs)."""
    from gongkit.actions import get

    act = _lookup(get, name)
    if as_table:
        schema = act.input_schema()
        required = set(schema.get("required", ()))
        rows = [
            {"input": n, "type": p.get("type"), "required": n in required, "description": p.get("description")}
            for n, p in schema.get("properties", {}).items()
        ]
        emit_table(rows, title=f"{act.name}: {act.operation.method} {act.operation.path}")
        return
    emit_json(
        {
            "name": act.name,
            "kind": act.kind,
            "title": act.title,
            "description": act.description,
            "operation": act.operation_id,
            "method": act.operation.method,
            "path": act.operation.path,
            "inputSchema": act.input_schema(),
            "inputs": {n: str(t) for n, t in act.targets.items()},
        }
    )


def _lookup(get: Any, name: str) -> Any:
    try:
        return get(name)
    except KeyError:
        raise click.BadParameter(f"no action named {name!r} (see `gongkit actions list`)", param_hint="NAME") from None


def _read_input(text: str) -> Any:
    if text == "-":
        text = sys.stdin.read()
    elif text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    try:
        return json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as exc:
        raise click.BadParameter(f"not JSON: {exc}", param_hint="--input") from None


@actions.command("run")
@click.argument("name")
@click.option(
    "--input",
    "input_text",
    default="{}",
    show_default=True,
    metavar="JSON",
    help="The input: a JSON object, @FILE to read it from a file, or - for stdin.",
)
@client_options
@table_option
def actions_run(
    name: str,
    input_text: str,
    as_table: bool,
    base_url: str | None,
    access_key: str | None,
    access_key_secret: str | None,
    bearer_token: str | None,
) -> None:
    """Run the action NAME; print its {data, error, successful} output (exit status 1 when unsuccessful).

    Tools (gong_*) authenticate with their accessKey/accessKeySecret inputs; actions with the credentials
    options or environment.
    """
    from gongkit.actions import get, run
    from gongkit.sdk import Gong, GongError

    act = _lookup(get, name)
    inputs = _read_input(input_text)
    client: Any = None
    try:
        if act.kind == "tool":
            # the tool brings its own credentials; this client only carries the base URL
            client = Gong("", "", bearer_token="unused", base_url=base_url)
        else:
            client = Gong(access_key, access_key_secret, bearer_token=bearer_token, base_url=base_url)
    except GongError as exc:
        out: dict[str, Any] = {"data": {}, "error": str(exc), "successful": False}
    else:
        with client:
            out = run(act, inputs, client=client)
    if as_table:
        if out["successful"]:
            emit_answer(out["data"], True, title=act.name)
        else:
            fail(str(out["error"]))
        return
    emit_json(out)
    if not out["successful"]:
        raise SystemExit(1)
