"""Domain errors. Services raise these; the server renders them in Gong's envelope, the SDK maps HTTP back to
its own typed exceptions (``gongkit.sdk.errors``)."""

from __future__ import annotations


class ApiError(Exception):
    """An error with the HTTP status Gong answers it with and the messages of the ``errors`` array."""

    status = 500

    def __init__(self, *messages: str) -> None:
        self.messages = list(messages) or [self.default_message]
        super().__init__("; ".join(self.messages))

    default_message = "Failed to complete the operation due to an unexpected error"


class InvalidRequest(ApiError):
    status = 400
    default_message = "Malformed request"


class Unauthenticated(ApiError):
    status = 401
    default_message = "Access denied"


class Forbidden(ApiError):
    status = 403
    default_message = "Access denied"


class NotFound(ApiError):
    status = 404
    default_message = "Not found"


class MethodNotAllowed(ApiError):
    status = 405
    default_message = "Method not allowed"


class Conflict(ApiError):
    status = 409
    default_message = "Conflict"


class PayloadTooLarge(ApiError):
    status = 413
    default_message = "Request body too large"


class RequestHeaderFieldsTooLarge(ApiError):
    status = 431
    default_message = "Request headers too large"


class RateLimited(ApiError):
    status = 429
    default_message = "API request limit exceeded"

    def __init__(self, retry_after: int, *messages: str) -> None:
        self.retry_after = retry_after
        super().__init__(*messages)


class NotImplementedYet(ApiError):
    status = 501
    default_message = "Not implemented"
