"""Shared options: where the server's store is (admin, serve, demo) and how a client reaches Gong."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar, cast

import click
from sqlalchemy.engine import make_url

from gongkit.db import Database, migrate
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.redaction import RedactingFormatter

F = TypeVar("F", bound=Callable[..., Any])


def store_options(fn: F) -> F:
    """``--database`` and ``--data-dir`` (defaults: ``GONGKIT_DATABASE_URL``, ``GONGKIT_DATA_DIR``, ``.gongkit``)."""
    fn = click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Data directory (embedded SQLite store, media, logs). Default: $GONGKIT_DATA_DIR or .gongkit",
    )(fn)
    fn = click.option(
        "--database",
        "database_url",
        default=None,
        metavar="URL",
        help="SQLAlchemy database URL (sqlite:///... or postgresql+psycopg://...). "
        "Default: $GONGKIT_DATABASE_URL, else SQLite in the data directory.",
    )(fn)
    return fn


def settings_for(data_dir: Path | None, database_url: str | None, **overrides: Any) -> ServerSettings:
    return ServerSettings.from_env(data_dir=data_dir, database_url=database_url, **overrides)


def open_store(settings: ServerSettings, *, create: bool = True) -> Database:
    """The database of ``settings``, migrated to the newest schema. With ``create=False`` an embedded store that
    does not exist yet is an error naming where it was looked for, rather than a new empty one (a command run in
    the wrong directory must not answer from a store it just made)."""
    path = _sqlite_file(settings.database_url)
    if not create and path is not None and not path.exists():
        raise click.UsageError(
            f"no gongkit store at {path} (give --data-dir or --database, or create one with `gongkit migrate`)"
        )
    migrate(settings.database_url)
    return Database(settings.database_url)


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record comes (a test runner may swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def client_logging() -> None:
    """Route every log record of a client command (the SDK's, httpx's and httpcore's request lines, the MCP
    SDK's) to stderr through the redacting formatter, at ``$GONGKIT_LOG_LEVEL`` (default: warning). The
    command owns its process, so this replaces whatever the root logger had: no record leaves unmasked, and
    stdout (``gongkit mcp``'s protocol channel) stays clean."""
    handler = _StderrHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(os.environ.get("GONGKIT_LOG_LEVEL", "warning").upper())


def _with_client_logging(fn: F) -> F:
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        client_logging()
        return fn(*args, **kwargs)

    return cast(F, run)


_CREDENTIALS = (
    (
        "--base-url",
        "GONG_BASE_URL",
        "Base URL of the API (default https://api.gong.io; a gongkit server: http://127.0.0.1:8080).",
    ),
    ("--access-key", "GONG_ACCESS_KEY", "Access key."),
    ("--access-key-secret", "GONG_ACCESS_KEY_SECRET", "Access key secret."),
    ("--bearer-token", "GONG_BEARER_TOKEN", "OAuth Bearer token (instead of an access key)."),
)
_CREDENTIAL_NAMES = ("base_url", "access_key", "access_key_secret", "bearer_token")


def _credential_options(fn: F, *, from_env: bool) -> F:
    for flag, env, text in reversed(_CREDENTIALS):
        if from_env:
            fn = click.option(flag, envvar=env, default=None, show_envvar=True, help=text)(fn)
        else:
            fn = click.option(flag, default=None, help=f"{text} Overrides the group's option and ${env}.")(fn)
    return fn


def client_options(fn: F) -> F:
    """How a client command (or group) reaches Gong (or a gongkit server): base URL and credentials, from the
    options or the environment. The command's logging goes through :func:`client_logging`."""
    return _credential_options(_with_client_logging(fn), from_env=True)


#: What a client command is given: base URL, access key, secret, Bearer token.
ClientArgs = tuple[str | None, str | None, str | None, str | None]


def pass_client(fn: F) -> F:
    """A client command under a group with :func:`client_options`: the same options are accepted after the
    command's name too (``gongkit calls list --base-url ...``), and win over the group's; the command gets the
    merged :data:`ClientArgs` as its first argument."""

    @functools.wraps(fn)
    @click.pass_context
    def run(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        given = [kwargs.pop(name) for name in _CREDENTIAL_NAMES]
        group = ctx.obj if isinstance(ctx.obj, tuple) else (None,) * len(given)
        merged = tuple(own if own is not None else inherited for own, inherited in zip(given, group, strict=True))
        return fn(merged, *args, **kwargs)

    return _credential_options(cast(F, run), from_env=False)


def make_client(
    base_url: str | None, access_key: str | None, access_key_secret: str | None, bearer_token: str | None
) -> Any:
    from gongkit.sdk import Gong, GongError

    try:
        return Gong(access_key, access_key_secret, bearer_token=bearer_token, base_url=base_url)
    except GongError as exc:
        raise click.UsageError(str(exc)) from exc


C = TypeVar("C", bound=click.Command)


def operations(*operation_ids: str) -> Callable[[C], C]:
    """Mark a command with the Gong operations it calls (read by ``gongkit.coverage`` for its CLI column)."""
    from gongkit.spec import operation

    for op_id in operation_ids:
        operation(op_id)  # fails loudly on a typo

    def mark(command: C) -> C:
        command.gong_operations = operation_ids  # type: ignore[attr-defined]
        return command

    return mark


class DateTimeType(click.ParamType):  # type: ignore[type-arg]
    """An ISO-8601 date-time on the command line (``2024-01-17T16:20:05-03:00``, ``...Z``, or a date); a bad one is
    a usage error that names the option, as Gong would answer it with a 400."""

    name = "DATETIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        try:
            datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in ("z", "Z") else text)
        except ValueError:
            self.fail(f"{value!r} is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)", param, ctx)
        return text


DATETIME = DateTimeType()
