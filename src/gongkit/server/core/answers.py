"""Gong's answers as every route sends them: JSON bodies, the error envelope, the headers on every answer."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.exceptions import HTTPException
from starlette.responses import Response

from gongkit.kernel.errors import ApiError, RateLimited

#: Headers on every answer besides the ``X-Request-Id``: no content sniffing or caching (answers hold a
#: company's data).
ANSWER_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store"))


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(payload), status_code=status, media_type="application/json", headers=headers)


def error_body(request_id: str, exc: ApiError) -> bytes:
    """Gong's error envelope: ``{"requestId", "errors": [...]}``."""
    return orjson.dumps({"requestId": request_id, "errors": exc.messages})


def error_of_http_exception(exc: HTTPException) -> ApiError:
    """An error raised by Starlette itself (its router, its request helpers), with its status."""
    error = ApiError(str(exc.detail))
    error.status = exc.status_code
    return error


def error_response(request_id: str, exc: ApiError) -> Response:
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return Response(error_body(request_id, exc), status_code=exc.status, media_type="application/json", headers=headers)
