"""The ASGI application: Gong's 62 routes with Gong's cross-cutting behaviour.

Every request gets a ``requestId`` (body and ``X-Request-Id`` header). Every failure, including unknown
routes, wrong methods, malformed bodies and crashes, is rendered once, here, in Gong's envelope
``{"requestId", "errors": [...]}``. On each operation, in this order: authentication (401, or the 403 the
operation declares), scope (Bearer only), the company's rate limit (429 + Retry-After), then the handler;
operations without a handler answer 501.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import orjson
from sqlalchemy import Connection, text
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
from gongkit.kernel.errors import (
    ApiError,
    Forbidden,
    MethodNotAllowed,
    NotFound,
    NotImplementedYet,
    RateLimited,
    Unauthenticated,
)
from gongkit.server import pages
from gongkit.server.core import logs, observe, routing
from gongkit.server.core.auth import Authenticator
from gongkit.server.core.context import AppState, Ctx, check_scope, request_id
from gongkit.server.core.limits import BodyLimitMiddleware
from gongkit.server.core.ratelimit import RateLimiter
from gongkit.spec import Operation, operations
from gongkit.spec.served import served_document

log = logging.getLogger("gongkit.server")


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(payload), status_code=status, media_type="application/json", headers=headers)


def error_response(request_id: str, exc: ApiError) -> Response:
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return json_response({"requestId": request_id, "errors": exc.messages}, exc.status, headers)


#: Headers on every answer: the requestId's, and no content sniffing or caching (answers hold a company's data).
_ANSWER_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store"))


class RequestIdAndLogMiddleware:
    """Assigns the requestId, stamps it and :data:`_ANSWER_HEADERS` on the response, logs one redacted access
    line, renders crashes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        started = time.perf_counter()
        status = 500
        header = (b"x-request-id", rid.encode())
        response_started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [h for h in _ANSWER_HEADERS if h[0] not in present]
                message["headers"] = [*headers, header]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            log.exception("unhandled error (requestId %s)", rid)
            if not response_started:
                await error_response(rid, ApiError())(scope, receive, send_wrapper)
        finally:
            observe.access_ended(scope, status, rid)
            if logs.access_logger.isEnabledFor(logging.INFO):
                logs.access_logger.info(
                    "%s %s %s %d %.1fms",
                    rid,
                    scope["method"],
                    logs.access_target(scope),
                    status,
                    (time.perf_counter() - started) * 1000,
                )


def _endpoint(state: AppState, ops: dict[str, Operation]) -> Callable[[Request], Awaitable[Response]]:
    handlers: dict[str, routing.Handler | None] = {m: routing.HANDLERS.get(op.operation_id) for m, op in ops.items()}
    allow = ", ".join(sorted(ops))

    async def endpoint(request: Request) -> Response:
        rid = request_id(request.scope)
        op = ops.get(request.method)
        if op is None:
            raise MethodNotAllowed(f"Method {request.method} is not allowed on {request.url.path} (allowed: {allow})")
        principal = state.auth.authenticate(request.headers.get("authorization"), state.clock.now_ms())
        observe.mark_access(request.scope, principal, op)
        check_scope(principal, op, op.scope)
        await state.limiter.hit(principal.company_id, principal.limits.rate_per_second, principal.limits.rate_per_day)
        handler = handlers[request.method]
        if handler is None:
            raise NotImplementedYet(
                f"{op.method} {op.path} ({op.operation_id}) is not implemented by this gongkit server yet"
            )
        result = await handler(Ctx(request, state, op, principal, rid))
        if isinstance(result, Response):
            return result
        return json_response({"requestId": rid, **result}, op.success_status)

    return endpoint


def _auth_status_fix(request: Request, exc: ApiError) -> ApiError:
    """A refused credential answers 401, or 403 on the operations that declare 403 instead."""
    if isinstance(exc, Unauthenticated) and not isinstance(exc, Forbidden):
        ops: dict[str, Operation] | None = getattr(request.scope.get("route"), "gong_ops", None)
        op = ops.get(request.method) if ops else None
        if op is not None and op.auth_failure_status == 403:
            return Forbidden(*exc.messages)
    return exc


async def _gong_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    response = error_response(request_id(request.scope), _auth_status_fix(request, exc))
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
    err = ApiError(str(exc.detail))
    err.status = exc.status_code
    return error_response(rid, err)


#: Operations whose body is an upload, and the setting that limits their file (the body may add multipart framing).
_UPLOAD_LIMITS = {"addCallRecording": "max_media_bytes", "uploadCrmData": "max_crm_upload_bytes"}
_MULTIPART_FRAMING_BYTES = 1024 * 1024


def body_limits(settings: ServerSettings) -> Callable[[Scope], int]:
    """The body limit of a request: an upload's file limit (plus framing) on upload routes, else
    ``max_body_bytes``."""
    uploads = [
        (
            op.method,
            re.compile("/".join("[^/]+" if s.startswith("{") else re.escape(s) for s in op.path.split("/")) + "$"),
            int(getattr(settings, _UPLOAD_LIMITS[op.operation_id])) + _MULTIPART_FRAMING_BYTES,
        )
        for op in operations()
        if op.operation_id in _UPLOAD_LIMITS
    ]

    def limit_for(scope: Scope) -> int:
        path = scope.get("path", "")
        for method, pattern, limit in uploads:
            if scope.get("method") == method and pattern.match(path):
                return limit
        return settings.max_body_bytes

    return limit_for


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


def build_routes(state: AppState) -> list[Route]:
    by_path: dict[str, dict[str, Operation]] = {}
    for op in operations():
        by_path.setdefault(op.path, {})[op.method] = op
    routes = []
    # Literal paths before templated ones, so /v2/calls/extensive is never read as /v2/calls/{id}.
    for path in sorted(by_path, key=lambda p: ("{" in p, p)):
        ops = by_path[path]
        route = Route(path, _endpoint(state, ops), methods=sorted(ops))
        route.gong_ops = ops  # type: ignore[attr-defined]
        routes.append(route)
    return routes


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

    app = Starlette(
        routes=[
            *build_routes(state),
            *routing.extra_routes(state),
            Route("/healthz", _health(state), methods=["GET"]),
            Route("/openapi.json", _contract(state), methods=["GET"]),
            *pages.routes(state),
        ],
        exception_handlers={ApiError: _gong_error, HTTPException: _http_error},
        middleware=[
            Middleware(RequestIdAndLogMiddleware),
            Middleware(BodyLimitMiddleware, limit_for=body_limits(settings), render=_render_error),
        ],
        lifespan=lifespan,
    )
    app.state.gong = state
    return app
