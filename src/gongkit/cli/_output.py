"""Output of the CLI: JSON on stdout by default (for scripts and agents), ``--table`` for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NoReturn, TypeVar

import click
from rich.console import Console
from rich.table import Table

F = TypeVar("F", bound=Callable[..., Any])


def table_option(fn: F) -> F:
    """The ``--table`` flag: print a table instead of JSON."""
    return click.option("--table", "as_table", is_flag=True, help="Print a table for people instead of JSON.")(fn)


def emit_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def emit_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, title: str | None = None
) -> None:
    cols = list(columns or dict.fromkeys(k for row in rows for k in row))
    table = Table(title=title, show_lines=False)
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in cols))
    console().print(table)


def emit(
    value: Any,
    as_table: bool,
    *,
    rows: Iterable[Mapping[str, Any]] | None = None,
    columns: Sequence[str] | None = None,
    title: str | None = None,
) -> None:
    """``value`` as JSON, or ``rows`` (default: ``value`` itself, or its items when a list) as a table."""
    if not as_table:
        emit_json(value)
        return
    if rows is None:
        rows = value if isinstance(value, list) else [value]
    emit_table([r if isinstance(r, Mapping) else {"value": r} for r in rows], columns, title)


#: The most columns :func:`emit_answer` shows: a table wider than a terminal folds into nothing readable.
ANSWER_COLUMNS = 8


def emit_answer(answer: Any, as_table: bool, title: str | None = None) -> None:
    """A Gong answer as JSON, or for people: a table of its records (the first list of objects in it, e.g.
    ``calls``, ``users``, ``folders``: their first few plain fields; the JSON has them all), else one row of
    its fields."""
    if not as_table:
        emit_json(answer)
        return
    if isinstance(answer, Mapping):
        for key, value in answer.items():
            if isinstance(value, list) and value and all(isinstance(item, Mapping) for item in value):
                plain = [k for k, v in value[0].items() if not isinstance(v, Mapping | list)]
                emit_table(value, plain[:ANSWER_COLUMNS] or None, title=f"{len(value)} {key}")
                return
        emit_table([{k: v for k, v in answer.items() if k != "requestId"}], title=title)
        return
    emit(answer, True, title=title)


def console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(file=stream, soft_wrap=False, width=None if tty else 160)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``message`` on stderr and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(code)
