"""``gongkit admin``: the control plane of a gongkit server (companies, keys, tokens, the demo company).

These commands work on the server's database directly (they bring its schema up to date first), not over HTTP.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlalchemy import Connection

from gongkit import control as svc
from gongkit.cli._context import open_store, settings_for, store_options
from gongkit.cli._output import emit, fail, table_option
from gongkit.cli.demo import calls_option
from gongkit.db import Database
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.errors import ApiError

T = TypeVar("T")

pass_settings = click.make_pass_decorator(ServerSettings)

_TEXT_SETTINGS = ("name", "time_zone")
_COMPANY_COLUMNS = ("id", "name", "time_zone", "rate_per_second", "rate_per_day", "page_size")


def _company_view(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if k == "id" else v) for k, v in row.items()}


def _write(settings: ServerSettings, fn: Callable[[Connection], T], *, create: bool = False) -> T:
    """Run ``fn`` in a write transaction on the store; only commands that create one may start a new store."""
    db = open_store(settings, create=create)
    try:
        with db.write() as conn:
            return fn(conn)
    except ApiError as exc:
        fail("; ".join(exc.messages))
    finally:
        db.dispose()


def _write_db(settings: ServerSettings, fn: Callable[[Database], T]) -> T:
    db = open_store(settings)
    try:
        return fn(db)
    except ApiError as exc:
        fail("; ".join(exc.messages))
    finally:
        db.dispose()


def _company_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a company id") from None


@click.group()
@store_options
@click.pass_context
def admin(ctx: click.Context, data_dir: Path | None, database_url: str | None) -> None:
    """Manage a gongkit server's companies, access keys and tokens (directly on its database)."""
    ctx.obj = settings_for(data_dir, database_url)


# --- companies ------------------------------------------------------------------------------------------


@admin.group()
def company() -> None:
    """Companies (tenants): each has its own data, keys, rate limits and erasure limits."""


def _setting_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    for name in reversed(svc.COMPANY_SETTINGS):
        if name == "name":
            continue
        opt = "--" + name.replace("_", "-")
        if name in svc.SETTING_RANGES:
            low, high = svc.SETTING_RANGES[name]
            kind: Any = click.IntRange(min=low, max=high)
        else:
            kind = str
        fn = click.option(opt, name, type=kind, default=None, help=f"Company setting {name}.")(fn)
    return fn


@company.command("create")
@click.argument("name")
@_setting_options
@click.option("--with-key", is_flag=True, help="Also create an access key and print it.")
@table_option
@pass_settings
def company_create(settings: ServerSettings, /, name: str, with_key: bool, as_table: bool, **options: Any) -> None:
    """Create a company named NAME (rate limits default to Gong's: 3/s, 10,000/day)."""
    values = {k: v for k, v in options.items() if v is not None}

    def create(conn: Connection) -> dict[str, Any]:
        clock = SystemClock()
        cid = svc.create_company(conn, clock, name, **values)
        svc.create_workspace(conn, cid, "Default", is_default=True)
        out = _company_view(svc.get_company(conn, cid))
        if with_key:
            pair = svc.create_api_key(conn, clock, cid)
            out["accessKey"], out["accessKeySecret"] = pair.access_key, pair.secret
        return out

    emit(_write(settings, create, create=True), as_table)


@company.command("list")
@table_option
@pass_settings
def company_list(settings: ServerSettings, as_table: bool) -> None:
    """List the companies."""
    rows = [_company_view(r) for r in _write(settings, svc.list_companies)]
    emit(rows, as_table, columns=_COMPANY_COLUMNS)


@company.command("set")
@click.argument("company_id")
@click.option("--name", default=None, help="Company name.")
@_setting_options
@table_option
@pass_settings
def company_set(settings: ServerSettings, /, company_id: str, as_table: bool, **options: Any) -> None:
    """Change settings of company COMPANY_ID, e.g. ``--rate-per-second 10 --page-size 50``."""
    cid = _company_id(company_id)
    values = {k: v for k, v in options.items() if v is not None}
    if not values:
        raise click.UsageError("nothing to set: give at least one --<setting> option")

    def update(conn: Connection) -> dict[str, Any]:
        svc.update_company(conn, cid, **values)
        return _company_view(svc.get_company(conn, cid))

    emit(_write(settings, update), as_table)


# --- keys and tokens ------------------------------------------------------------------------------------


@admin.group()
def key() -> None:
    """Access keys (Basic authentication: access key + secret)."""


@key.command("create")
@click.argument("company_id")
@click.option("--name", default="", help="A label for the key.")
@table_option
@pass_settings
def key_create(settings: ServerSettings, company_id: str, name: str, as_table: bool) -> None:
    """Create an access key for COMPANY_ID; the secret is shown only now."""
    cid = _company_id(company_id)
    pair = _write(settings, lambda conn: svc.create_api_key(conn, SystemClock(), cid, name=name))
    emit({"companyId": str(cid), "accessKey": pair.access_key, "accessKeySecret": pair.secret}, as_table)


@key.command("revoke")
@click.argument("access_key")
@table_option
@pass_settings
def key_revoke(settings: ServerSettings, access_key: str, as_table: bool) -> None:
    """Revoke ACCESS_KEY: servers refuse it within one second (they trust a verified key that long)."""
    _write(settings, lambda conn: svc.revoke_api_key(conn, SystemClock(), access_key))
    emit({"accessKey": access_key, "revoked": True}, as_table)


@admin.group()
def token() -> None:
    """Scoped Bearer tokens (as an OAuth app would get)."""


@token.command("create")
@click.argument("company_id")
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    required=True,
    help="A scope, e.g. api:calls:read:basic (repeat the option for more; see `admin token scopes`).",
)
@click.option("--expires-in", type=click.IntRange(min=1), default=None, metavar="SECONDS", help="Lifetime.")
@click.option("--name", default="", help="A label for the token.")
@table_option
@pass_settings
def token_create(
    settings: ServerSettings,
    company_id: str,
    scopes: tuple[str, ...],
    expires_in: int | None,
    name: str,
    as_table: bool,
) -> None:
    """Create a Bearer token for COMPANY_ID limited to the given scopes; shown only now."""
    cid = _company_id(company_id)
    tok = _write(
        settings,
        lambda conn: svc.create_token(conn, SystemClock(), cid, list(scopes), name=name, expires_in_seconds=expires_in),
    )
    emit({"companyId": str(cid), "token": tok, "scopes": list(scopes), "expiresIn": expires_in}, as_table)


@token.command("scopes")
@table_option
def token_scopes(as_table: bool) -> None:
    """List every scope an operation can require."""
    scopes = svc.all_scopes()
    emit(scopes, as_table, rows=[{"scope": s} for s in scopes])


# --- demo -----------------------------------------------------------------------------------------------


@admin.command("demo")
@calls_option("Number of calls to generate.")
@click.option("--seed", type=int, default=None, help="Random seed (the same seed makes the same company).")
@table_option
@pass_settings
def admin_demo(settings: ServerSettings, calls: int | None, seed: int | None, as_table: bool) -> None:
    """Create a demo company with generated users, calls and transcripts; print its credentials."""
    from gongkit.cli.demo import create_demo

    info = _write_db(settings, lambda db: create_demo(db, settings, calls=calls, seed=seed))
    emit(info, as_table, rows=[{k: v for k, v in info.items() if k in ("companyId", "accessKey", "accessKeySecret")}])
