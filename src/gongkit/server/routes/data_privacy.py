"""Routes of the data_privacy group: the two lookups, the two erasure requests, and the erasure worker.

The subject travels in the query string (Gong's contract, which asks clients to URL-encode it). A client that
forgot to encode a ``+`` (``?phoneNumber=+14255552671``, ``?emailAddress=a+b@x.com``) is still understood: when
the standard reading (``+`` is a space) is not a valid subject but the literal one is, the literal one is taken.
The access log redacts these parameters (``server/logs.py``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote, unquote_plus

import anyio.to_thread

from gongkit.errors import InvalidRequest
from gongkit.media import MediaStore
from gongkit.server import admin_privacy
from gongkit.server.context import AppState, Ctx
from gongkit.server.routes import STARTUP_HOOKS, handles
from gongkit.services import data_privacy, erasure

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
        data_privacy.normalize(kind, standard)
    except InvalidRequest as invalid:
        literal = unquote(raw or "", errors="replace").strip()
        if literal != standard:
            try:
                data_privacy.normalize(kind, literal)
            except InvalidRequest:
                pass
            else:
                return literal
        raise invalid from None
    return standard


@handles("findAllReferencesToEmailAddress")
async def references_for_email(ctx: Ctx) -> dict[str, Any]:
    address = subject_param(ctx, "emailAddress", data_privacy.EMAIL)

    def run() -> dict[str, Any]:
        with ctx.db.read() as conn:
            return data_privacy.references_for_email(conn, ctx.company_id, address)

    return await ctx.run(run)


@handles("findAllReferencesToPhoneNumber")
async def references_for_phone(ctx: Ctx) -> dict[str, Any]:
    number = subject_param(ctx, "phoneNumber", data_privacy.PHONE)

    def run() -> dict[str, Any]:
        with ctx.db.read() as conn:
            return data_privacy.references_for_phone(conn, ctx.company_id, number)

    return await ctx.run(run)


async def _request_erasure(ctx: Ctx, kind: str, value: str) -> dict[str, Any]:
    def run() -> None:
        with ctx.db.write() as conn:
            erasure.request_erasure(
                conn,
                ctx.clock,
                ctx.state.secret,
                job_id=ctx.request_id,
                company_id=ctx.company_id,
                kind=kind,
                value=value,
                credential=ctx.principal.credential,
            )

    await ctx.run(run)
    worker = ctx.state.extras.get(WORKER)
    if isinstance(worker, erasure.ErasureWorker):
        worker.wake()
    return {}  # Gong's BaseResponse: the requestId, which is also the erasure's id


@handles("purgeEmailAddress")
async def erase_email(ctx: Ctx) -> dict[str, Any]:
    return await _request_erasure(ctx, data_privacy.EMAIL, subject_param(ctx, "emailAddress", data_privacy.EMAIL))


@handles("purgePhoneNumber")
async def erase_phone(ctx: Ctx) -> dict[str, Any]:
    return await _request_erasure(ctx, data_privacy.PHONE, subject_param(ctx, "phoneNumber", data_privacy.PHONE))


async def start_erasure_worker(state: AppState) -> Callable[[], Awaitable[None]]:
    """Resumes unfinished erasures and runs new ones in a thread (``settings.erasure_workers = 0``: no thread;
    ``worker.run_pending()`` then runs them on demand)."""
    config = state.extras.get(CONFIG)
    worker = erasure.ErasureWorker(
        state.db,
        MediaStore(state.settings.media_dir),
        state.clock,
        config if isinstance(config, erasure.ErasureConfig) else erasure.ErasureConfig.from_env(),
    )
    state.extras[WORKER] = worker
    if state.settings.erasure_workers > 0:
        worker.start()

    async def stop() -> None:
        await anyio.to_thread.run_sync(worker.stop)

    return stop


STARTUP_HOOKS.append(start_erasure_worker)
admin_privacy.register()
