"""Gong's answers as every route sends them: JSON bodies, the error envelope, the headers on every answer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from starlette.exceptions import HTTPException
from starlette.responses import Response

from gongkit.kernel.errors import ApiError, RateLimited

#: Headers on every answer besides the ``X-Request-Id``: no content sniffing or caching (answers hold a
#: company's data).
ANSWER_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store"))


def stamped(headers: Iterable[tuple[bytes, bytes]], request_id: str) -> list[tuple[bytes, bytes]]:
    """An answer's ``headers`` with :data:`ANSWER_HEADERS` (where the route set none of its own) and the
    ``X-Request-Id``."""
    out = list(headers)
    present = {name.lower() for name, _ in out}
    out += [h for h in ANSWER_HEADERS if h[0] not in present]
    out.append((b"x-request-id", request_id.encode()))
    return out


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(payload), status_code=status, media_type="application/json", headers=headers)


def error_of_http_exception(exc: HTTPException) -> ApiError:
    """An error raised by Starlette itself (its router, its request helpers), with its status."""
    error = ApiError(str(exc.detail))
    error.status = exc.status_code
    return error


def error_response(request_id: str, exc: ApiError) -> Response:
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    # Gong's error envelope.
    return json_response({"requestId": request_id, "errors": exc.messages}, exc.status, headers)
