"""``gongkit users``: the company's users through the SDK."""

from __future__ import annotations

from typing import Any

import click

from gongkit.cli._context import client_options, make_client, operations, pass_client
from gongkit.cli._output import emit, fail, table_option
from gongkit.cli.calls import dump, take
from gongkit.sdk import GongError

_USER_COLUMNS = ("id", "firstName", "lastName", "emailAddress", "title", "active", "managerId")


@click.group()
@client_options
@click.pass_context
def users(
    ctx: click.Context,
    base_url: str | None,
    access_key: str | None,
    access_key_secret: str | None,
    bearer_token: str | None,
) -> None:
    """Users of the company."""
    ctx.obj = (base_url, access_key, access_key_secret, bearer_token)


@operations("listUsers")
@users.command("list")
@click.option("--include-avatars", is_flag=True, help="Include Gong's avatar users (support staff).")
@click.option("--cursor", default=None, help="Resume a listing from this cursor.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="At most this many users.")
@click.option("--all", "all_", is_flag=True, help="Every user (follows the cursors to the end).")
@table_option
@pass_client
def users_list(
    obj: tuple[Any, ...], include_avatars: bool, cursor: str | None, limit: int, all_: bool, as_table: bool
) -> None:
    """List the users."""
    with make_client(*obj) as gong:
        try:
            pager = gong.users.list(include_avatars=include_avatars or None, cursor=cursor)
            items, more = take(pager, None if all_ else limit)
        except GongError as exc:
            fail(str(exc))
    rows = [dump(u) for u in items]
    emit(rows, as_table, columns=_USER_COLUMNS, title=f"{len(rows)} users")
    if more:
        click.echo("(more users: raise --limit or use --all)", err=True)
