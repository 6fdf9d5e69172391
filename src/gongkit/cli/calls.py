"""``gongkit calls``: calls through the SDK, against Gong or a gongkit server."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

import click

from gongkit.cli._context import DATETIME, client_options, make_client, operations, pass_client
from gongkit.cli._output import emit, fail, table_option
from gongkit.sdk import GongError

_CALL_COLUMNS = ("id", "title", "started", "duration", "direction", "primaryUserId", "workspaceId")


def dump(model: Any) -> dict[str, Any]:
    out: dict[str, Any] = model.model_dump(mode="json", exclude_none=True)
    return out


def take(items: Iterable[Any], limit: int | None) -> tuple[list[Any], bool]:
    """Up to ``limit`` items (all when ``None``) and whether more remain."""
    if limit is None:
        return list(items), False
    got = list(islice(iter(items), limit + 1))
    return got[:limit], len(got) > limit


@click.group()
@client_options
@click.pass_context
def calls(
    ctx: click.Context,
    base_url: str | None,
    access_key: str | None,
    access_key_secret: str | None,
    bearer_token: str | None,
) -> None:
    """Calls: list by date range, get one, read transcripts."""
    ctx.obj = (base_url, access_key, access_key_secret, bearer_token)


@operations("listCalls")
@calls.command("list")
@click.option("--from", "from_", type=DATETIME, default=None, help="Start of the range (ISO-8601, inclusive).")
@click.option("--to", type=DATETIME, default=None, help="End of the range (ISO-8601, exclusive).")
@click.option("--workspace-id", default=None, help="Only calls of this workspace.")
@click.option("--cursor", default=None, help="Resume a listing from this cursor.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="At most this many calls.")
@click.option("--all", "all_", is_flag=True, help="Every call (follows the cursors to the end).")
@table_option
@pass_client
def calls_list(
    obj: tuple[Any, ...],
    from_: str | None,
    to: str | None,
    workspace_id: str | None,
    cursor: str | None,
    limit: int,
    all_: bool,
    as_table: bool,
) -> None:
    """List calls in a date range (page after page)."""
    with make_client(*obj) as gong:
        try:
            pager = gong.calls.list(from_date_time=from_, to_date_time=to, workspace_id=workspace_id, cursor=cursor)
            items, more = take(pager, None if all_ else limit)
        except GongError as exc:
            fail(str(exc))
    rows = [dump(c) for c in items]
    emit(rows, as_table, columns=_CALL_COLUMNS, title=f"{len(rows)} calls")
    if more:
        click.echo("(more calls: raise --limit or use --all)", err=True)


@operations("getCall")
@calls.command("get")
@click.argument("call_id")
@table_option
@pass_client
def calls_get(obj: tuple[Any, ...], call_id: str, as_table: bool) -> None:
    """Show the call CALL_ID."""
    with make_client(*obj) as gong:
        try:
            call = dump(gong.calls.get(call_id))
        except GongError as exc:
            fail(str(exc))
    emit(call, as_table, rows=[{"field": k, "value": v} for k, v in call.items()])


def _clock(ms: Any) -> str:
    if not isinstance(ms, int | float):
        return ""
    seconds = int(ms) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


@operations("getCallTranscripts")
@calls.command("transcript")
@click.argument("call_ids", nargs=-1, required=True)
@table_option
@pass_client
def calls_transcript(obj: tuple[Any, ...], call_ids: tuple[str, ...], as_table: bool) -> None:
    """Print the transcripts of one or more calls (CALL_IDS)."""
    with make_client(*obj) as gong:
        try:
            transcripts = [dump(t) for t in gong.calls.transcripts(call_ids=list(call_ids))]
        except GongError as exc:
            fail(str(exc))
    rows = [
        {
            "callId": t["callId"],
            "at": _clock(sentence.get("start")),
            "speakerId": mono.get("speakerId"),
            "topic": mono.get("topic"),
            "text": sentence.get("text"),
        }
        for t in transcripts
        for mono in t.get("transcript") or []
        for sentence in mono.get("sentences") or []
    ]
    emit(transcripts, as_table, rows=rows, columns=("callId", "at", "speakerId", "topic", "text"))
