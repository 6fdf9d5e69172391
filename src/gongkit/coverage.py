"""What each face of gongkit covers: the 62 operations × server / SDK / action / tool / CLI.

Everything is derived from the code, never kept by hand:

- **Server**: a handler registered with ``@handles(operationId)`` (``gongkit.server.core.routing.load_all()``);
  operations without one answer 501.
- **SDK**: a method of a resource group of :class:`gongkit.Gong` that sends the operation's request. If
  ``gongkit.sdk`` exports ``OPERATION_METHODS`` (``{operationId: "group.method"}``) that mapping is used; else
  the resource modules are read (each method's ``client.request(...)`` / ``client._paginate(...)`` call, its
  HTTP method and path matched to the operation).
- **Action** / **Tool**: the declarations of :mod:`gongkit.actions`.
- **CLI**: commands that mark the operations they call (``gong_operations`` on the click command), and
  ``actions run`` for every operation an action or tool calls.

``python -m gongkit.coverage`` prints the Markdown table; ``--write README.md`` rewrites the block between
``<!-- coverage:start -->`` and ``<!-- coverage:end -->``; ``--check README.md`` fails if that block is stale.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkit.spec import Operation, operations

START = "<!-- coverage:start -->"
END = "<!-- coverage:end -->"


@dataclass
class Row:
    op: Operation
    server: bool = False
    sdk: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    cli: list[str] = field(default_factory=list)


# --- server ---------------------------------------------------------------------------------------------


def server_operations() -> set[str]:
    from gongkit.server.core.routing import load_all

    return set(load_all())


# --- SDK ------------------------------------------------------------------------------------------------


def _path_pattern(node: ast.expr, names: dict[str, str] | None = None) -> str | None:
    """``"/v2/calls"`` -> itself; ``f"/v2/calls/{x}/media"`` -> ``/v2/calls/{}/media``; a module-level constant
    (``EMAIL_LOOKUP``) -> its value; else None."""
    if isinstance(node, ast.Name) and names is not None:
        return names.get(node.id)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            elif (
                isinstance(value, ast.FormattedValue)
                and isinstance(value.value, ast.Name)
                and names is not None
                and value.value.id in names
            ):
                parts.append(names[value.value.id])  # a constant prefix: f"{PROFILE}/users"
            else:
                parts.append("{}")
        return "".join(parts)
    return None


def _match_operation(method: str, pattern: str) -> Operation | None:
    for op in operations():
        if op.method == method.upper() and re.sub(r"\{[^}]+\}", "{}", op.path) == pattern:
            return op
    return None


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "..."`` (or f-string) assignments."""
    found: dict[str, str] = {}
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        pattern = _path_pattern(value) if value is not None else None
        for target in targets:
            if isinstance(target, ast.Name) and pattern is not None:
                found[target.id] = pattern
    return found


def _requests_in(fn: ast.AST, names: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The (method, path pattern) of every request the function sends; a path may be a module constant or a
    local variable assigned a path first (``path = f"/v2/meetings/{...}"``)."""
    local = dict(names)
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            pattern = _path_pattern(node.value, names)
            if pattern is not None and pattern.startswith("/"):
                local[node.targets[0].id] = pattern
    names = local
    for node in ast.walk(fn):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in ("request", "_paginate") or len(node.args) < 2:
            continue
        method, path = node.args[0], _path_pattern(node.args[1], names)
        if isinstance(method, ast.Constant) and isinstance(method.value, str) and path is not None:
            yield method.value, path


def _resource_groups() -> dict[type, str]:
    """Resource class -> attribute on the sync client (``Calls`` -> ``calls``). Groups are made on first access,
    so every public attribute is read."""
    from gongkit.sdk import Gong

    gong = Gong("coverage", "coverage", base_url="http://localhost")
    try:
        attributes = ((name, getattr(gong, name)) for name in dir(gong) if not name.startswith("_"))
        return {
            type(value): name
            for name, value in attributes
            if type(value).__module__.startswith("gongkit.sdk.resources")
        }
    finally:
        gong.close()


def sdk_operations() -> dict[str, list[str]]:
    """operationId -> ``gong.<group>.<method>()`` names."""
    sdk = importlib.import_module("gongkit.sdk")
    declared = getattr(sdk, "OPERATION_METHODS", None)
    found: dict[str, list[str]] = {}
    if isinstance(declared, dict):
        for op_id, method in declared.items():
            found.setdefault(str(op_id), []).append(f"gong.{method}()")
        return found
    for cls, group in _resource_groups().items():
        source = inspect.getsource(inspect.getmodule(cls))  # type: ignore[arg-type]
        tree = ast.parse(source)
        names = _module_strings(tree)
        for node in tree.body:
            if not (isinstance(node, ast.ClassDef) and node.name == cls.__name__):
                continue
            for item in node.body:
                if not isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) or item.name.startswith("_"):
                    continue
                for method, pattern in _requests_in(item, names):
                    op = _match_operation(method, pattern)
                    if op is not None:
                        name = f"gong.{group}.{item.name}()"
                        if name not in found.setdefault(op.operation_id, []):
                            found[op.operation_id].append(name)
    return found


# --- actions, CLI ---------------------------------------------------------------------------------------


def action_operations() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    from gongkit.actions import all_actions

    acts: dict[str, list[str]] = {}
    tools: dict[str, list[str]] = {}
    for a in all_actions():
        (tools if a.kind == "tool" else acts).setdefault(a.operation_id, []).append(a.name)
    return acts, tools


def cli_operations() -> dict[str, list[str]]:
    """operationId -> commands that call it (``gong_operations`` on a click command)."""
    import click

    from gongkit.cli.main import cli

    found: dict[str, list[str]] = {}

    def walk(cmd: click.Command, path: tuple[str, ...]) -> None:
        for op_id in getattr(cmd, "gong_operations", ()):
            found.setdefault(op_id, []).append("gongkit " + " ".join(path))
        if isinstance(cmd, click.Group):
            for name, sub in sorted(cmd.commands.items()):
                walk(sub, (*path, name))

    walk(cli, ())
    return found


# --- the table ------------------------------------------------------------------------------------------


def rows() -> list[Row]:
    server = server_operations()
    sdk = sdk_operations()
    acts, tools = action_operations()
    commands = cli_operations()
    out = []
    for op in sorted(operations(), key=lambda o: (o.group, o.path, o.method)):
        cli = list(commands.get(op.operation_id, []))
        if op.operation_id in acts or op.operation_id in tools:
            cli.append("gongkit actions run")
        out.append(
            Row(
                op=op,
                server=op.operation_id in server,
                sdk=sdk.get(op.operation_id, []),
                actions=sorted(acts.get(op.operation_id, [])),
                tools=sorted(tools.get(op.operation_id, [])),
                cli=cli,
            )
        )
    return out


def _cell(names: Sequence[str]) -> str:
    return "<br>".join(f"`{n}`" for n in names) if names else "—"


def render(table: list[Row] | None = None) -> str:
    table = rows() if table is None else table
    total = len(table)

    def count(pred: Any) -> int:
        return sum(1 for r in table if pred(r))

    lines = [
        f"{total} operations (the union of Gong's 2024 and 2026 contracts). "
        f"Server: {count(lambda r: r.server)} · SDK: {count(lambda r: r.sdk)} · "
        f"actions: {count(lambda r: r.actions)} · tools: {count(lambda r: r.tools)} · "
        f"CLI: {count(lambda r: r.cli)}. "
        "An operation the server does not implement yet answers 501 in Gong's error envelope.",
        "",
        "| Group | Operation | operationId | Server | SDK | Action | Tool | CLI |",
        "|---|---|---|:-:|---|---|---|---|",
    ]
    for r in table:
        lines.append(
            f"| {r.op.group} | `{r.op.method} {r.op.path}` | `{r.op.operation_id}` | {'✅' if r.server else '501'} "
            f"| {_cell(r.sdk)} | {_cell(r.actions)} | {_cell(r.tools)} | {_cell(r.cli)} |"
        )
    return "\n".join(lines) + "\n"


def replace_block(text: str, table: str) -> str:
    if START not in text or END not in text:
        raise ValueError(f"no {START} ... {END} block")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}{END}{tail}"


def current_block(text: str) -> str:
    return text.split(START, 1)[1].split(END, 1)[0].lstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkit.coverage", description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", metavar="FILE", type=Path, help="rewrite the coverage block of FILE")
    group.add_argument("--check", metavar="FILE", type=Path, help="exit 1 if the coverage block of FILE is stale")
    args = parser.parse_args(argv)
    table = render()
    if args.write:
        path: Path = args.write
        path.write_text(replace_block(path.read_text(encoding="utf-8"), table), encoding="utf-8")
        print(f"wrote the coverage table to {path}")
        return 0
    if args.check:
        if current_block(args.check.read_text(encoding="utf-8")) != table:
            print(f"{args.check}: the coverage table is stale; run `make coverage-table`", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
