"""Routes of the calls group: Gong's call operations, recording uploads and the media links."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio.to_thread
import orjson
from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from gongkit.db.media import MediaStore
from gongkit.kernel.errors import Forbidden, InvalidRequest, NotFound
from gongkit.kernel.media_links import MediaLinkInvalid, media_url_signer, verify_media_token
from gongkit.kernel.wire import wire_id
from gongkit.server.core import observe
from gongkit.server.core.context import AppState, Ctx, model_params
from gongkit.server.core.routing import handles
from gongkit.server.groups.calls import admin_routes, queries, recordings, upload, writes
from gongkit.server.groups.calls.fetch_worker import POLL_SECONDS, MediaFetcher
from gongkit.server.groups.calls.models import ExtensiveRequest, NewCallIn, TranscriptRequest


@handles("listCalls")
async def list_calls(ctx: Ctx) -> Response:
    from_ms = ctx.query_datetime_ms("fromDateTime")
    to_ms = ctx.query_datetime_ms("toDateTime")
    if from_ms is not None and to_ms is not None and to_ms < from_ms:
        raise InvalidRequest("toDateTime: must not be earlier than fromDateTime")
    ws = ctx.query("workspaceId")
    workspace_id = None if ws is None else wire_id(ws, "workspaceId")
    page_query = ctx.page_query([from_ms, to_ms, workspace_id], ctx.query("cursor"))
    # A first page also counts totalRecords (a range scan of the whole window): that one goes to a thread.
    page = await ctx.read_direct(
        queries.list_calls,
        page_query,
        bounded=page_query.cursor is not None,
        company_id=ctx.company_id,
        from_ms=from_ms,
        to_ms=to_ms,
        workspace_id=workspace_id,
    )
    if not page.complete:
        page = await ctx.read(queries.complete_calls_page, page)
    # The calls are stored as JSON already (read as UTF-8 bytes): the page is assembled, not re-serialized.
    body = b"".join(
        (
            b'{"requestId":"',
            ctx.request_id.encode(),
            b'","records":',
            orjson.dumps(page.records),
            b',"calls":[',
            b",".join(page.calls_json),  # type: ignore[arg-type]  # complete: no None left
            b"]}",
        )
    )
    return Response(body, media_type="application/json")


@handles("getCall")
async def get_call(ctx: Ctx) -> dict[str, Any]:
    call_id = wire_id(ctx.path_param("id"), "id")
    return await ctx.read_bounded(queries.get_call, company_id=ctx.company_id, call_id=call_id)


@handles("addCall")
async def add_call(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(NewCallIn)
    call_id = await ctx.write(
        writes.add_call,
        ctx.clock,
        company_id=ctx.company_id,
        app_url=ctx.state.settings.app_url,
        call=body.to_new_call(),
    )
    if body.downloadMediaUrl is not None:
        fetcher: MediaFetcher | None = ctx.state.extras.get(FETCHER)
        if fetcher is not None:
            fetcher.wake()
    return {"callId": str(call_id)}


@handles("listCallsExtensive")
async def list_calls_extensive(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(ExtensiveRequest)
    selection = body.contentSelector.to_selection() if body.contentSelector else queries.Selection()
    signer = None
    if selection.media:
        ctx.require_scope("api:calls:read:media-url")
        signer = media_url_signer(ctx.state.secret, ctx.state.settings.app_url, ctx.company_id, ctx.clock.now_ms())
    page_query = ctx.page_query(model_params(body), body.cursor)
    return await ctx.read(
        queries.list_calls_extensive,
        page_query,
        company_id=ctx.company_id,
        flt=body.filter.to_filter(),
        sel=selection,
        media_url=signer,
    )


@handles("getCallTranscripts")
async def get_call_transcripts(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(TranscriptRequest)
    page_query = ctx.page_query(model_params(body), body.cursor)
    return await ctx.read(queries.get_transcripts, page_query, company_id=ctx.company_id, flt=body.filter.to_filter())


@handles("addCallRecording")
async def add_call_recording(ctx: Ctx) -> dict[str, Any]:
    """Multipart ``mediaFile``; answers 201 ``{callId, url}`` (the 2026 contract's NewCallRecordingResponse).

    The call is checked first, then the file is streamed to the media store, recognised from its bytes, and
    moved into place in the transaction that records it.
    """
    call_id = wire_id(ctx.path_param("id"), "id")
    await ctx.read(recordings.recording_target, ctx.company_id, call_id)
    store = MediaStore(ctx.state.settings.media_dir)
    incoming, size = await upload.receive_media_file(
        ctx.request.stream(), ctx.request.headers.get("content-type"), store, ctx.state.settings.max_media_bytes
    )
    added: list[recordings.RecordingAdded] = []

    def add(conn: Connection) -> None:
        added.append(
            recordings.add_recording(
                conn,
                ctx.clock,
                store,
                company_id=ctx.company_id,
                call_id=call_id,
                incoming=incoming,
                size=size,
                facts=facts,
            )
        )

    try:
        facts = await anyio.to_thread.run_sync(recordings.recognise_upload, incoming)
        await ctx.write(add)
    except Exception:
        await anyio.to_thread.run_sync(store.discard, incoming)  # refused, or not moved into place
        for stored in added:  # stored, but the transaction did not commit
            store.delete(stored.stored_key)
        raise
    for key in added[0].replaced_keys:  # the replaced recording's files go once the new one is committed
        store.delete(key)
    return added[0].body


#: An upload not written to for this long was cut off (its process died): the startup sweep removes it.
STALE_UPLOAD_SECONDS = 3600.0


#: Where the app state keeps this process's media fetcher.
FETCHER = "calls.media_fetcher"


async def startup(state: AppState) -> Callable[[], Awaitable[None]]:
    """Remove the half-received uploads a crashed process left behind, and start fetching the recordings of calls
    added with a ``downloadMediaUrl`` (those a stopped process left unfinished included)."""
    store = MediaStore(state.settings.media_dir)
    await anyio.to_thread.run_sync(store.sweep_incoming, STALE_UPLOAD_SECONDS)
    # Polled at least as often as a retry falls due, so a short retry wait is kept.
    poll = min(POLL_SECONDS, state.settings.media_fetch_retry_seconds)
    fetcher = MediaFetcher(state.db, state.clock, state.settings, poll_seconds=poll)
    state.extras[FETCHER] = fetcher
    fetcher.start()

    async def stop() -> None:
        state.extras.pop(FETCHER, None)
        await anyio.to_thread.run_sync(fetcher.stop)

    return stop


def extra_routes(state: AppState) -> list[Route]:
    """``GET /media/{token}``: recording downloads, outside ``/v2``; and the state of media fetches for
    administrators (:mod:`.admin_routes`).

    ``POST /v2/calls/extensive`` hands out these links (``media.audioUrl`` / ``media.videoUrl``) to callers holding
    the ``api:calls:read:media-url`` scope. The token is the credential (:mod:`gongkit.kernel.media_links`). A
    recording erased since the link was made is gone: the link then answers 404.
    """
    store = MediaStore(state.settings.media_dir)

    async def download(request: Request) -> Response:
        try:
            company_id, media_id = verify_media_token(
                state.secret, str(request.path_params["token"]), state.clock.now_ms()
            )
        except MediaLinkInvalid as exc:
            raise Forbidden(str(exc)) from None
        found = await state.read(recordings.find_media, company_id, media_id)
        if found is None or not store.exists(found.storage_key):
            raise NotFound("Media not found")
        observe.publish(
            state,
            "call_played",
            company_id=company_id,
            call_id=found.call_id,
            kind=found.kind,
            time_ms=state.clock.now_ms(),
        )
        # The type is the recognised format's; the file is a download, never a page rendered from this origin
        # (every answer also carries ``nosniff``).
        return FileResponse(
            store.path(found.storage_key),
            media_type=found.content_type,
            filename=found.download_name,
            content_disposition_type="attachment",
        )

    return [Route("/media/{token}", download, methods=["GET"]), *admin_routes.routes(state)]
