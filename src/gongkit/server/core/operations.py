"""Answering Gong's operations: every request whose method and path name one of them runs this pipeline, as one
ASGI callable with no framework layer in between (a page costs a few hundred microseconds; layers add up).

In order: the ``requestId``; the body limit (413, told from ``Content-Length`` before anything else, or counted
as the body arrives); authentication (401, or the 403 the operation declares); the scope (Bearer only); the
company's rate limit (429 + ``Retry-After``); the handler (501 when there is none); the answer, stamped with the
``requestId`` and :data:`~gongkit.server.core.answers.ANSWER_HEADERS`; then one access line and the
``api_access`` event (:mod:`gongkit.server.core.observe`). A failure anywhere is answered in Gong's envelope.

Everything else (a method the path does not serve, the pages, ``/admin/v1``, media links, unknown paths) goes
through Starlette's router and middleware (:mod:`gongkit.server.app`), which answer with the same helpers.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass

import orjson
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from gongkit.kernel.errors import ApiError, Forbidden, NotImplementedYet, RateLimited, Unauthenticated
from gongkit.server.core import logs, observe
from gongkit.server.core.answers import ANSWER_HEADERS, error_body, error_of_http_exception
from gongkit.server.core.context import AppState, Ctx, check_scope, request_id
from gongkit.server.core.limits import content_length, too_large
from gongkit.server.core.routing import Handler
from gongkit.spec import Operation

log = logging.getLogger("gongkit.server")

_JSON = (b"content-type", b"application/json")
_CLOSE = (b"connection", b"close")


@dataclass(frozen=True)
class Served:
    """An operation as the pipeline answers it."""

    op: Operation
    handler: Handler | None
    success_status: int
    body_limit: int


def route_path(scope: Scope) -> str:
    """The path routes are matched against: the request's path less the app's ``root_path`` (as Starlette's
    router reads it)."""
    path: str = scope["path"]
    root = scope.get("root_path", "")
    if not root or not path.startswith(root):
        return path
    if path == root:
        return ""
    return path[len(root) :] if path[len(root)] == "/" else path


class OperationTable:
    """Which operation a method and path name: literal paths first (``/v2/calls/extensive`` is never read as
    ``/v2/calls/{id}``), then templated ones in path order, a ``{name}`` matching one path segment."""

    def __init__(self, served: Iterable[Served]) -> None:
        self._literal: dict[tuple[str, str], Served] = {}
        self._templated: dict[str, list[tuple[re.Pattern[str], Served]]] = {}
        for item in sorted(served, key=lambda s: ("{" in s.op.path, s.op.path)):
            if "{" in item.op.path:
                pattern = re.compile(
                    "/".join(
                        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part)
                        for part in item.op.path.split("/")
                    )
                )
                self._templated.setdefault(item.op.method, []).append((pattern, item))
            else:
                self._literal[(item.op.method, item.op.path)] = item

    def match(self, method: str, path: str) -> tuple[Served, dict[str, str]] | None:
        item = self._literal.get((method, path))
        if item is not None:
            return item, {}
        for pattern, item in self._templated.get(method, ()):
            found = pattern.fullmatch(path)
            if found is not None:
                return item, found.groupdict()
        return None


class OperationPipeline:
    """Answers a request to a known operation (:meth:`answer`)."""

    def __init__(self, state: AppState, table: OperationTable) -> None:
        self.state = state
        self.table = table

    async def answer(self, scope: Scope, receive: Receive, send: Send, served: Served, params: dict[str, str]) -> None:
        rid = request_id(scope)
        started = time.perf_counter()
        scope["path_params"] = params
        op = served.op
        state = self.state
        status = 500
        responded = False
        closing = False  # the body was refused: the answer closes the connection, so the rest is never read
        principal = None
        received = 0

        async def counting_receive() -> Message:
            nonlocal received, closing
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > served.body_limit:
                    closing = True
                    raise too_large(served.body_limit)
            return message

        async def stamped_send(message: Message) -> None:
            nonlocal status, responded
            if message["type"] == "http.response.start":
                status = message["status"]
                responded = True
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers += [h for h in ANSWER_HEADERS if h[0] not in present]
                headers.append((b"x-request-id", rid.encode()))
                if closing:
                    headers.append(_CLOSE)
                message["headers"] = headers
            await send(message)

        try:
            declared = content_length(scope)
            if declared is not None and declared > served.body_limit:
                closing = True
                raise too_large(served.body_limit)
            principal = state.auth.authenticate(_authorization(scope), state.clock.now_ms())
            check_scope(principal, op, op.scope)
            await state.limiter.hit(
                principal.company_id, principal.limits.rate_per_second, principal.limits.rate_per_day
            )
            if served.handler is None:
                raise NotImplementedYet(
                    f"{op.method} {op.path} ({op.operation_id}) is not implemented by this gongkit server yet"
                )
            result = await served.handler(Ctx(Request(scope, counting_receive), state, op, principal, rid))
            if isinstance(result, Response):
                await result(scope, counting_receive, stamped_send)
            else:
                await _send_json(stamped_send, served.success_status, orjson.dumps({"requestId": rid, **result}))
        except (ApiError, HTTPException) as exc:
            error = _declared_auth_status(op, exc) if isinstance(exc, ApiError) else error_of_http_exception(exc)
            if responded:
                log.error("error after the answer started (requestId %s): %s", rid, error)
            else:
                await _send_error(stamped_send, rid, error)
        except Exception:
            log.exception("unhandled error (requestId %s)", rid)
            if not responded:
                await _send_error(stamped_send, rid, ApiError())
        finally:
            if principal is not None:
                observe.api_access(state, principal, op, status, rid)
            logs.log_access(scope, rid, status, (time.perf_counter() - started) * 1000)


def _authorization(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            return str(value.decode("latin-1"))
    return None


def _declared_auth_status(op: Operation, exc: ApiError) -> ApiError:
    """A refused credential answers 401, or 403 on the operations that declare 403 instead."""
    if isinstance(exc, Unauthenticated) and not isinstance(exc, Forbidden) and op.auth_failure_status == 403:
        return Forbidden(*exc.messages)
    return exc


async def _send_json(send: Send, status: int, body: bytes, extra: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    headers = [_JSON, (b"content-length", str(len(body)).encode()), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _send_error(send: Send, rid: str, exc: ApiError) -> None:
    extra = ((b"retry-after", str(exc.retry_after).encode()),) if isinstance(exc, RateLimited) else ()
    await _send_json(send, exc.status, error_body(rid, exc), extra)
