"""docs/CLI.md from the commands' own help: ``python -m gongkit.cli._docs --write docs/CLI.md``.

A test compares the file with :func:`render`, so the reference never drifts from the code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

WIDTH = 100

INTRO = """# gongkit command line

`gongkit` is installed with the package (`pip install -e .`, or `make install`). Every command prints JSON on
stdout (for scripts and agents); `--table` prints a table for people instead. Errors go to stderr with exit
status 1 (2 for a usage error).

- **Server**: `serve` runs the Gong-compatible server; `demo` (what `make demo` runs) starts it with a demo
  company and tours it with the SDK; `admin` manages companies, keys and tokens directly on the database.
- **Client**: `calls`, `users` and `actions` call Gong's API (or a gongkit server) through the SDK. The base URL
  and credentials come from `--base-url`/`--access-key`/`--access-key-secret`/`--bearer-token` or from
  `GONG_BASE_URL`, `GONG_ACCESS_KEY`, `GONG_ACCESS_KEY_SECRET`, `GONG_BEARER_TOKEN`.
- **Agents**: `mcp` serves every action and tool over MCP (stdio).

This reference is generated from the commands' help (`python -m gongkit.cli._docs --write docs/CLI.md`).
"""


def _walk(cmd: click.Command, ctx: click.Context) -> Iterator[tuple[click.Command, click.Context]]:
    yield cmd, ctx
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            sub = cmd.commands[name]
            yield from _walk(
                sub, click.Context(sub, info_name=name, parent=ctx, terminal_width=WIDTH, max_content_width=WIDTH)
            )


def render() -> str:
    from gongkit.cli.main import cli

    settings = {**cli.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    root = click.Context(cli, info_name="gongkit", **settings)
    parts = [INTRO]
    for cmd, ctx in _walk(cli, root):
        title = ctx.command_path
        level = "#" * min(2 + title.count(" "), 4)
        parts.append(f"{level} `{title}`\n\n```text\n{cmd.get_help(ctx).rstrip()}\n```\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if len(args) == 2 and args[0] == "--write":
        Path(args[1]).write_text(text, encoding="utf-8")
        print(f"wrote {args[1]}")
        return 0
    if args:
        print("usage: python -m gongkit.cli._docs [--write FILE]", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
