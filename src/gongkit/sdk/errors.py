"""The SDK's exceptions: one class per HTTP status Gong answers with, plus transport failures.

Every exception derives from :class:`GongError`. Errors that come from an HTTP answer carry the status, the
``requestId`` Gong generated (from the body, else the ``X-Request-Id`` header), the ``errors`` messages of
Gong's envelope ``{"requestId": ..., "errors": [...]}`` and the decoded body::

    GongError
    ├── APIConnectionError            the request did not get an answer
    │   └── APITimeoutError           ... because it timed out
    └── APIStatusError                an answer with a non-2xx status
        ├── BadRequestError           400
        ├── AuthenticationError       401
        ├── PermissionDeniedError     403
        ├── NotFoundError             404
        ├── ConflictError             409
        ├── RateLimitError            429 (``retry_after`` seconds)
        └── InternalServerError       5xx
            └── NotImplementedByServerError   501 (never retried)

Other 4xx statuses (405, 413, ...) raise :class:`APIStatusError` itself.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "GongError",
    "InternalServerError",
    "NotFoundError",
    "NotImplementedByServerError",
    "PermissionDeniedError",
    "RateLimitError",
    "status_error",
]


class GongError(Exception):
    """Base class of every SDK error.

    ``status_code`` is ``None`` when no answer was received (connection errors, timeouts) and for errors
    raised before a request is sent (e.g. missing credentials).
    """

    status_code: int | None
    request_id: str | None
    errors: list[str]
    body: Any
    response: httpx.Response | None
    request: httpx.Request | None

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        request_id: str | None = None,
        errors: list[str] | None = None,
        body: Any = None,
        response: httpx.Response | None = None,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.errors = list(errors or [])
        self.body = body
        self.response = response
        self.request = request


class APIConnectionError(GongError):
    """No answer: the connection failed, was reset, or the server closed it early."""

    def __init__(self, message: str = "Connection error", *, request: httpx.Request | None = None) -> None:
        if request is not None:  # say which URL was tried (without its query, which may carry a data subject)
            message = f"{message} ({request.method} {request.url.copy_with(query=None)})"
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """No answer within the client's timeout."""

    def __init__(self, message: str = "Request timed out", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APIStatusError(GongError):
    """An answer with a non-success status. Subclasses name the statuses Gong uses."""

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None = None,
        errors: list[str] | None = None,
        body: Any = None,
        response: httpx.Response | None = None,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(
            message,
            status_code=status_code,
            request_id=request_id,
            errors=errors,
            body=body,
            response=response,
            request=request,
        )


class BadRequestError(APIStatusError):
    """400: Gong's "Malformed request" (a missing or invalid parameter, a bad date, ...)."""


class AuthenticationError(APIStatusError):
    """401: the credentials were refused."""


class PermissionDeniedError(APIStatusError):
    """403: refused credentials on the operations that declare 403, a missing Bearer scope, a limited release."""


class NotFoundError(APIStatusError):
    """404: the entity does not exist, or the URL is wrong; the message names the URL. List operations turn
    Gong's own 404 for an empty listing (its envelope with "No ... found ...") into an empty result."""


class ConflictError(APIStatusError):
    """409: e.g. a call already uploaded with the same ``clientUniqueId``."""


class RateLimitError(APIStatusError):
    """429: over the company's limit. ``retry_after`` is the server's ``Retry-After`` in seconds, if sent."""

    retry_after: float | None

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class NotImplementedByServerError(InternalServerError):
    """501: the server does not implement this operation (a partial Gong-compatible server). Never retried."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
    501: NotImplementedByServerError,
}


def status_error(
    status_code: int,
    *,
    request_id: str | None,
    errors: list[str],
    body: Any,
    response: httpx.Response | None = None,
    request: httpx.Request | None = None,
    retry_after: float | None = None,
) -> APIStatusError:
    """The typed exception for an error answer."""
    cls = _BY_STATUS.get(status_code)
    if cls is None:
        cls = InternalServerError if status_code >= 500 else APIStatusError
    detail = "; ".join(errors) if errors else (response.reason_phrase if response is not None else "") or "error"
    message = f"{status_code}: {detail}"
    if cls is NotFoundError and request is not None:
        message += f" at {request.method} {request.url.copy_with(query=None, fragment=None)}"
    if request_id:
        message += f" (requestId {request_id})"
    kwargs: dict[str, Any] = {
        "status_code": status_code,
        "request_id": request_id,
        "errors": errors,
        "body": body,
        "response": response,
        "request": request,
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=retry_after, **kwargs)
    return cls(message, **kwargs)
