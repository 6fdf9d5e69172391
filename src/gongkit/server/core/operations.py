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

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import compile_path
from starlette.types import Message, Receive, Scope, Send

from gongkit.kernel.errors import ApiError, Forbidden, NotImplementedYet, Unauthenticated
from gongkit.server.core import logs, observe
from gongkit.server.core.answers import error_of_http_exception, error_response, json_response, stamped
from gongkit.server.core.context import AppState, Ctx, check_scope, request_id
from gongkit.server.core.limits import LimitedBody
from gongkit.server.core.routing import Handler
from gongkit.spec import Operation

log = logging.getLogger("gongkit.server")


@dataclass(frozen=True)
class Served:
    """An operation as the pipeline answers it."""

    op: Operation
    handler: Handler | None
    body_limit: int


class OperationTable:
    """Which operation a method and path name: literal paths first (``/v2/calls/extensive`` is never read as
    ``/v2/calls/{id}``), then templated ones in path order, a ``{name}`` matching one path segment."""

    def __init__(self, served: Iterable[Served]) -> None:
        self._literal: dict[tuple[str, str], Served] = {}
        self._templated: dict[str, list[tuple[re.Pattern[str], Served]]] = {}
        for item in sorted(served, key=lambda s: ("{" in s.op.path, s.op.path)):
            if "{" in item.op.path:
                pattern = compile_path(item.op.path)[0]  # the router's own reading of a template
                self._templated.setdefault(item.op.method, []).append((pattern, item))
            else:
                self._literal[(item.op.method, item.op.path)] = item

    def match(self, method: str, path: str) -> tuple[Served, dict[str, str]] | None:
        item = self._literal.get((method, path))
        if item is not None:
            return item, {}
        for pattern, item in self._templated.get(method, ()):
            found = pattern.match(path)
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
        principal = None
        body = LimitedBody(receive, send, served.body_limit)

        async def stamped_send(message: Message) -> None:
            nonlocal status, responded
            if message["type"] == "http.response.start":
                status = message["status"]
                responded = True
                message["headers"] = stamped(message.get("headers", ()), rid)
            await body.send(message)

        try:
            body.check_declared(scope)
            principal = state.auth.authenticate(_authorization(scope), state.clock.now_ms())
            check_scope(principal, op, op.scope)
            await state.limiter.hit(
                principal.company_id, principal.limits.rate_per_second, principal.limits.rate_per_day
            )
            if served.handler is None:
                raise NotImplementedYet(
                    f"{op.method} {op.path} ({op.operation_id}) is not implemented by this gongkit server yet"
                )
            result = await served.handler(Ctx(Request(scope, body.receive), state, op, principal, rid))
            if not isinstance(result, Response):
                result = json_response({"requestId": rid, **result}, op.success_status)
            await result(scope, body.receive, stamped_send)
        except (ApiError, HTTPException) as exc:
            error = _declared_auth_status(op, exc) if isinstance(exc, ApiError) else error_of_http_exception(exc)
            if responded:
                log.error("error after the answer started (requestId %s): %s", rid, error)
            else:
                await error_response(rid, error)(scope, body.receive, stamped_send)
        except Exception:
            log.exception("unhandled error (requestId %s)", rid)
            if not responded:
                await error_response(rid, ApiError())(scope, body.receive, stamped_send)
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
