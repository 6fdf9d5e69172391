"""Routes of the calls group."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import orjson
from starlette.datastructures import UploadFile
from starlette.responses import Response

from gongkit.db import Database
from gongkit.errors import InvalidRequest, PayloadTooLarge
from gongkit.media import MediaStore
from gongkit.server.context import Ctx, model_params
from gongkit.server.models_calls import ExtensiveRequest, NewCallIn, TranscriptRequest, wire_id
from gongkit.server.routes import handles
from gongkit.services import calls as svc

T = TypeVar("T")


def write(db: Database, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn(conn, ...)`` in one write transaction."""
    with db.write() as conn:
        return fn(conn, *args, **kwargs)


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
    reader = ctx.read_bounded if page_query.cursor else ctx.read
    page = await reader(
        svc.list_calls,
        page_query,
        company_id=ctx.company_id,
        from_ms=from_ms,
        to_ms=to_ms,
        workspace_id=workspace_id,
    )
    # The calls are stored as JSON text already: the page is assembled, not re-serialized.
    body = "".join(
        (
            '{"requestId":"',
            ctx.request_id,
            '","records":',
            orjson.dumps(page.records).decode(),
            ',"calls":[',
            ",".join(page.calls_json),
            "]}",
        )
    )
    return Response(body.encode(), media_type="application/json")


@handles("getCall")
async def get_call(ctx: Ctx) -> dict[str, Any]:
    call_id = wire_id(ctx.path_param("id"), "id")
    return await ctx.read_bounded(svc.get_call, company_id=ctx.company_id, call_id=call_id)


@handles("addCall")
async def add_call(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(NewCallIn)
    call_id = await ctx.run(
        write,
        ctx.db,
        svc.add_call,
        ctx.clock,
        company_id=ctx.company_id,
        app_url=ctx.state.settings.app_url,
        call=body.to_new_call(),
    )
    return {"callId": str(call_id)}


@handles("listCallsExtensive")
async def list_calls_extensive(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(ExtensiveRequest)
    selection = body.contentSelector.to_selection() if body.contentSelector else svc.Selection()
    signer = None
    if selection.media:
        ctx.require_scope("api:calls:read:media-url")
        signer = svc.media_url_signer(ctx.state.secret, ctx.state.settings.app_url, ctx.company_id, ctx.clock.now_ms())
    page_query = ctx.page_query(model_params(body), body.cursor)
    return await ctx.read(
        svc.list_calls_extensive,
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
    return await ctx.read(svc.get_transcripts, page_query, company_id=ctx.company_id, flt=body.filter.to_filter())


@handles("addCallRecording")
async def add_call_recording(ctx: Ctx) -> dict[str, Any]:
    """Multipart ``mediaFile``; answers 201 ``{callId, url}`` (the 2026 contract's NewCallRecordingResponse)."""
    call_id = wire_id(ctx.path_param("id"), "id")
    limit = ctx.state.settings.max_media_bytes
    too_large = PayloadTooLarge(f"mediaFile: the file is larger than the limit ({limit} bytes)")
    length = ctx.request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit + 1024 * 1024:  # the file plus the multipart framing
        raise too_large
    async with ctx.request.form(max_files=1, max_fields=20) as form:
        upload = form.get("mediaFile")
        if upload is None:
            raise InvalidRequest("mediaFile: is required (multipart/form-data file field)")
        if not isinstance(upload, UploadFile):
            raise InvalidRequest("mediaFile: must be a file part, not a text field")
        if upload.size is not None and upload.size > limit:
            raise too_large
        data = await upload.read()
        content_type, filename = upload.content_type, upload.filename
    return await ctx.run(
        _add_recording,
        ctx,
        MediaStore(ctx.state.settings.media_dir),
        call_id=call_id,
        data=data,
        content_type=content_type,
        filename=filename,
    )


def _add_recording(
    ctx: Ctx, store: MediaStore, *, call_id: int, data: bytes, content_type: str | None, filename: str | None
) -> dict[str, Any]:
    """Store the file and its row; the file is removed again if the transaction does not commit, and the
    replaced recording's files only once it has."""
    added: svc.RecordingAdded | None = None
    try:
        with ctx.db.write() as conn:
            added = svc.add_recording(
                conn,
                ctx.clock,
                store,
                company_id=ctx.company_id,
                call_id=call_id,
                data=data,
                content_type=content_type,
                filename=filename,
            )
    except Exception:
        if added is not None:  # stored, but the commit failed
            store.delete(added.stored_key)
        raise
    for key in added.replaced_keys:
        store.delete(key)
    return added.body
