"""The ASGI application: Gong's 62 operations, with Gong's cross-cutting behaviour, beside the pages, the admin API
and the media links.

A request whose method and path name an operation is answered by the operation pipeline
(:mod:`gongkit.server.core.operations`: requestId, body limit, authentication, scope, rate limit, handler, access
line), ahead of any framework layer. Every other request goes through Starlette, under the same rules: a
``requestId`` (body and ``X-Request-Id`` header), the body limit, one access line, and every failure (unknown
routes, wrong methods, malformed bodies, crashes) rendered in Gong's envelope ``{"requestId", "errors": [...]}``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Connection, text
from starlette._utils import get_route_path
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gongkit.control import instance_secret
from gongkit.db import Database
from gongkit.db.paging import CursorCodec
from gongkit.kernel.clock import Clock, SystemClock
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.errors import ApiError, MethodNotAllowed, NotFound
from gongkit.server import pages
from gongkit.server.core import logs, routing
from gongkit.server.core.answers import error_of_http_exception, error_response, json_response, stamped
from gongkit.server.core.auth import Authenticator
from gongkit.server.core.context import AppState, request_id
from gongkit.server.core.limits import BodyLimitMiddleware
from gongkit.server.core.operations import OperationPipeline, OperationTable, Served
from gongkit.server.core.ratelimit import RateLimiter
from gongkit.spec import Operation, operations
from gongkit.spec.served import served_document

log = logging.getLogger("gongkit.server")


class GongServer(Starlette):
    """Starlette, with Gong's operations answered by their pipeline before its middleware and router."""

    def __init__(self, pipeline: OperationPipeline, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pipeline = pipeline

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            found = self.pipeline.table.match(scope["method"], get_route_path(scope))  # as the router reads it
            if found is not None:
                scope["app"] = self
                await self.pipeline.answer(scope, receive, send, *found)
                return
        await super().__call__(scope, receive, send)


class RequestIdAndLogMiddleware:
    """For the requests Starlette routes: assigns the requestId, stamps it and
    :data:`~gongkit.server.core.answers.ANSWER_HEADERS` on the response, logs one redacted access line,
    renders crashes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message["headers"] = stamped(message.get("headers", []), rid)
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            log.exception("unhandled error (requestId %s)", rid)
            if not response_started:
                await error_response(rid, ApiError())(scope, receive, send_wrapper)
        finally:
            logs.log_access(scope, rid, status, (time.perf_counter() - started) * 1000)


def _wrong_method(ops: dict[str, Operation]) -> Callable[[Request], Awaitable[Response]]:
    """The router's endpoint of an operation path: reached only with a method the path does not serve (the
    pipeline answers the others), e.g. ``HEAD``, which the router lets through wherever ``GET`` is."""
    allow = ", ".join(sorted(ops))

    async def endpoint(request: Request) -> Response:
        raise MethodNotAllowed(f"Method {request.method} is not allowed on {request.url.path} (allowed: {allow})")

    return endpoint


async def _gong_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    response = error_response(request_id(request.scope), exc)
    if isinstance(exc, MethodNotAllowed):
        _add_allow(request, response, None)
    return response


def _add_allow(request: Request, response: Response, fallback: str | None) -> None:
    """``Allow`` on a 405: the route's operations (a Gong route), else what the router said (``fallback``)."""
    ops: dict[str, Operation] | None = getattr(request.scope.get("route"), "gong_ops", None)
    methods = sorted(ops) if ops else sorted(m.strip() for m in (fallback or "").split(",") if m.strip())
    allow = ", ".join(methods)  # sorted: the router's own list is a set, in no stable order
    if allow:
        response.headers["Allow"] = allow


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    rid = request_id(request.scope)
    if exc.status_code == 404:
        return error_response(rid, NotFound(f"No such API route: {request.method} {request.url.path}"))
    if exc.status_code == 405:
        response = error_response(rid, MethodNotAllowed(f"Method {request.method} is not allowed here"))
        _add_allow(request, response, (exc.headers or {}).get("Allow"))
        return response
    return error_response(rid, error_of_http_exception(exc))


#: Operations whose body is an upload, and the setting that limits their file (the body may add multipart framing).
_UPLOAD_LIMITS = {"addCallRecording": "max_media_bytes", "uploadCrmData": "max_crm_upload_bytes"}
_MULTIPART_FRAMING_BYTES = 1024 * 1024


def body_limit(settings: ServerSettings, op: Operation) -> int:
    """The body limit of an operation: an upload's file limit (plus framing), else ``max_body_bytes``."""
    setting = _UPLOAD_LIMITS.get(op.operation_id)
    if setting is None:
        return settings.max_body_bytes
    return int(getattr(settings, setting)) + _MULTIPART_FRAMING_BYTES


def _render_error(scope: Scope, exc: ApiError) -> Response:
    return error_response(request_id(scope), exc)


def _health(state: AppState) -> Callable[[Request], Awaitable[Response]]:
    """``GET /healthz``: 200 when the store answers a query (no credential needed; it says nothing of any
    company), 503 otherwise; for load balancers and process managers."""

    def ping(conn: Connection) -> None:
        conn.execute(text("SELECT 1"))

    async def health(request: Request) -> Response:
        rid = request_id(request.scope)
        try:
            await state.read(ping)
        except Exception as exc:
            log.warning("health check: the store does not answer (%s)", type(exc).__name__)
            return json_response({"requestId": rid, "errors": ["The store does not answer"]}, 503)
        return json_response({"requestId": rid, "status": "ok"})

    return health


def _contract(state: AppState) -> Callable[[Request], Awaitable[Response]]:
    """``GET /openapi.json``: the union contract as this server serves it (no credential needed)."""
    # The contracts hold integers past 64 bits in their examples: the standard library writes them.
    body = json.dumps(served_document(state.settings.app_url, routing.HANDLERS)).encode()

    async def contract(request: Request) -> Response:
        return Response(body, media_type="application/json")

    return contract


def build_routes() -> list[Route]:
    """The router's routes of the operations' paths, which answer the methods those paths do not serve."""
    by_path: dict[str, dict[str, Operation]] = {}
    for op in operations():
        by_path.setdefault(op.path, {})[op.method] = op
    routes = []
    # Literal paths before templated ones, so /v2/calls/extensive is never read as /v2/calls/{id}.
    for path in sorted(by_path, key=lambda p: ("{" in p, p)):
        ops = by_path[path]
        route = Route(path, _wrong_method(ops), methods=sorted(ops))
        route.gong_ops = ops  # type: ignore[attr-defined]
        routes.append(route)
    return routes


def build_pipeline(state: AppState) -> OperationPipeline:
    handlers = routing.HANDLERS
    served = [Served(op, handlers.get(op.operation_id), body_limit(state.settings, op)) for op in operations()]
    return OperationPipeline(state, OperationTable(served))


def create_app(
    settings: ServerSettings | None = None,
    *,
    db: Database | None = None,
    clock: Clock | None = None,
    limiter: RateLimiter | None = None,
) -> Starlette:
    """The Gong-compatible ASGI app over an already migrated database."""
    settings = settings or ServerSettings.from_env()
    db = db or Database(settings.database_url)
    clock = clock or SystemClock()
    routing.load_all()
    with db.write() as conn:
        secret = instance_secret(conn)
    state = AppState(
        settings=settings,
        db=db,
        clock=clock,
        limiter=limiter or RateLimiter(settings.rate_limit_storage),
        auth=Authenticator(db, settings.credential_cache_seconds),
        codec=CursorCodec(secret),
        secret=secret,
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        cleanups = [await startup(state) for startup in routing.startups()]
        try:
            yield
        finally:
            for cleanup in reversed(cleanups):
                await cleanup()
            state.close()

    app = GongServer(
        build_pipeline(state),
        routes=[
            *build_routes(),
            *routing.extra_routes(state),
            Route("/healthz", _health(state), methods=["GET"]),
            Route("/openapi.json", _contract(state), methods=["GET"]),
            *pages.routes(state),
        ],
        exception_handlers={ApiError: _gong_error, HTTPException: _http_error},
        middleware=[
            Middleware(RequestIdAndLogMiddleware),
            Middleware(BodyLimitMiddleware, limit=settings.max_body_bytes, render=_render_error),
        ],
        lifespan=lifespan,
    )
    app.state.gong = state
    return app
