"""Routes of the data_privacy group: the two lookups, the two erasure requests, and the erasure worker.

The subject travels in the query string (Gong's contract, which asks clients to URL-encode it). A client that
forgot to encode a ``+`` (``?phoneNumber=+14255552671``, ``?emailAddress=a+b@x.com``) is still understood: when
the standard reading (``+`` is a space) is not a valid subject but the literal one is, the literal one is taken.
The access log redacts these parameters (:mod:`gongkit.kernel.redaction`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote, unquote_plus

import anyio.to_thread
from starlette.routing import Route

from gongkit.db.media import MediaStore
from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.subjects import EMAIL, PHONE, parse_subject
from gongkit.server.core.context import AppState, Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.data_privacy import admin_routes, jobs, lookup
from gongkit.server.groups.data_privacy.jobs import ErasureConfig
from gongkit.server.groups.data_privacy.worker import ErasureWorker

WORKER = "erasure_worker"
CONFIG = "erasure_config"  # an ErasureConfig put in AppState.extras before startup overrides the environment


def subject_param(ctx: Ctx, name: str, kind: str) -> str:
    """The subject from the query string. Read the standard way first (``+`` is a space); when that is not a
    valid subject but reading ``+`` literally is, the client forgot to encode its ``+``: take that reading."""
    raw: str | None = None
    for part in ctx.request.scope.get("query_string", b"").decode("latin-1").split("&"):
        key, _, value = part.partition("=")
        if unquote_plus(key) == name:
            raw = value
            break
    standard = unquote_plus(raw, errors="replace").strip() if raw is not None else ""
    if not standard:
        raise InvalidRequest(f"{name}: is required")
    try:
        parse_subject(kind, standard)
    except InvalidRequest as invalid:
        literal = unquote(raw or "", errors="replace").strip()
        if literal != standard:
            try:
                parse_subject(kind, literal)
            except InvalidRequest:
                pass
            else:
                return literal
        raise invalid from None
    return standard


@handles("findAllReferencesToEmailAddress")
async def references_for_email(ctx: Ctx) -> dict[str, Any]:
    address = subject_param(ctx, "emailAddress", EMAIL)
    return await ctx.read(lookup.references_for_email, ctx.company_id, address)


@handles("findAllReferencesToPhoneNumber")
async def references_for_phone(ctx: Ctx) -> dict[str, Any]:
    number = subject_param(ctx, "phoneNumber", PHONE)
    return await ctx.read(lookup.references_for_phone, ctx.company_id, number)


async def _request_erasure(ctx: Ctx, kind: str, value: str) -> dict[str, Any]:
    await ctx.write(
        jobs.request_erasure,
        ctx.clock,
        ctx.state.secret,
        job_id=ctx.request_id,
        company_id=ctx.company_id,
        kind=kind,
        value=value,
        credential=ctx.principal.credential,
    )
    running = ctx.state.extras.get(WORKER)
    if isinstance(running, ErasureWorker):
        running.wake()
    return {}  # Gong's BaseResponse: the requestId, which is also the erasure's id


@handles("purgeEmailAddress")
async def erase_email(ctx: Ctx) -> dict[str, Any]:
    return await _request_erasure(ctx, EMAIL, subject_param(ctx, "emailAddress", EMAIL))


@handles("purgePhoneNumber")
async def erase_phone(ctx: Ctx) -> dict[str, Any]:
    return await _request_erasure(ctx, PHONE, subject_param(ctx, "phoneNumber", PHONE))


async def startup(state: AppState) -> Callable[[], Awaitable[None]]:
    """Resumes unfinished erasures and runs new ones in a thread (``settings.erasure_workers = 0``: no thread;
    ``worker.run_pending()`` then runs them on demand)."""
    config = state.extras.get(CONFIG)
    running = ErasureWorker(
        state.db,
        MediaStore(state.settings.media_dir),
        state.clock,
        config if isinstance(config, ErasureConfig) else ErasureConfig.from_env(),
    )
    state.extras[WORKER] = running
    if state.settings.erasure_workers > 0:
        running.start()

    async def stop() -> None:
        await anyio.to_thread.run_sync(running.stop)

    return stop


def extra_routes(state: AppState) -> list[Route]:
    """The erasures' status for company administrators, under ``/admin/v1``."""
    return admin_routes.routes(state)
