"""The HTTP machinery under :class:`gongkit.Gong` and :class:`gongkit.AsyncGong`: what the two share.

One request goes: pacing (a token bucket shared by the client instance) -> HTTP -> success: the decoded JSON
object; failure: a typed exception from :mod:`gongkit.sdk.errors`, after retries where retrying can help.

:class:`BaseClient` declares the clients' options once and holds everything that neither waits nor sends:
configuration, headers, error mapping, the retry policy. The request loop that does wait and send is written
once, as asyncio code, in :mod:`gongkit.sdk._async.api_client` (``AsyncAPIClient``); ``scripts/unasync.py``
generates its synchronous twin ``SyncAPIClient`` in :mod:`gongkit.sdk._sync.api_client`.

Retries
    429, 500, 502, 503, 504, connection errors and timeouts are retried up to ``max_retries`` times. The wait is
    the server's ``Retry-After`` (seconds, or an HTTP date) when it sends one, else exponential backoff with
    jitter (0.5 s, 1 s, 2 s, ... capped at 8 s, each scaled by a random factor in [0.5, 1]). A ``Retry-After``
    longer than :attr:`BaseClient.max_retry_after` (60 s, e.g. a spent daily quota) is not waited for: the
    :class:`~gongkit.sdk.errors.RateLimitError` is raised at once with its ``retry_after``. Other 4xx and
    501 are never retried.

    POST requests are retried too. That is safe for the operations of Gong's API the SDK calls: the POST list
    operations (``/v2/calls/extensive``, ``/v2/calls/transcript``, ``/v2/users/extensive``, stats) only read;
    ``POST /v2/calls`` is de-duplicated by Gong on ``clientUniqueId`` (a replay answers 409, not a second
    call); the data-privacy erasures are idempotent.

Resources
    Resource classes (``client.calls``, ``client.users``, ...) take the client in ``__init__(self, client)`` and
    call ``client.request(method, path, params=..., json=..., files=...)`` for one answer, or
    ``client._paginate(method, path, item_key=..., model=..., params=..., json=...)`` for Gong's cursor-paged
    lists. Both exist, with the same arguments, on ``SyncAPIClient`` (returns values) and ``AsyncAPIClient``
    (returns awaitables / async iterators). See :mod:`gongkit.sdk._resource`.
"""

from __future__ import annotations

import base64
import email.utils
import logging
import os
import random
import sys
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import httpx

from gongkit._version import __version__
from gongkit.sdk._pacing import TokenBucket
from gongkit.sdk.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    GongError,
    RateLimitError,
    status_error,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_PACE",
    "DEFAULT_TIMEOUT",
    "AsyncSleep",
    "BaseClient",
    "RequestFiles",
    "Sleep",
    "file_positions",
    "rewind",
    "with_cursor",
]

log = logging.getLogger("gongkit.sdk")

DEFAULT_BASE_URL = "https://api.gong.io"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 4
DEFAULT_PACE = 3.0  # Gong's default per-company limit, requests per second

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0

RequestFiles = Mapping[str, Any] | Sequence[tuple[str, Any]]
"""Multipart files, as httpx takes them: ``{"mediaFile": open(path, "rb")}`` or ``{"f": (name, data, type)}``."""


Sleep = Callable[[float], None]
"""Waits that many seconds (``time.sleep``)."""

AsyncSleep = Callable[[float], Awaitable[None]]
"""Waits that many seconds, as a coroutine (``asyncio.sleep``)."""

HttpT = TypeVar("HttpT")
SleepT = TypeVar("SleepT")


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def _auth_header(access_key: str | None, access_key_secret: str | None, bearer_token: str | None) -> str:
    """The Authorization header. Explicit arguments win over the environment; a Bearer token wins over keys."""
    if bearer_token is None and access_key is None and access_key_secret is None:
        bearer_token = _env("GONG_BEARER_TOKEN")
    if bearer_token:
        return f"Bearer {bearer_token}"
    key = access_key if access_key is not None else _env("GONG_ACCESS_KEY")
    secret = access_key_secret if access_key_secret is not None else _env("GONG_ACCESS_KEY_SECRET")
    if key and secret:
        token = base64.b64encode(f"{key}:{secret}".encode()).decode("ascii")
        return f"Basic {token}"
    if key or secret:
        missing = "access_key_secret (GONG_ACCESS_KEY_SECRET)" if key else "access_key (GONG_ACCESS_KEY)"
        raise GongError(f"Incomplete Gong credentials: {missing} is missing.")
    raise GongError(
        "No Gong credentials: pass access_key and access_key_secret (or set GONG_ACCESS_KEY and "
        "GONG_ACCESS_KEY_SECRET), or pass bearer_token (or set GONG_BEARER_TOKEN)."
    )


def _parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: an integer (Gong's form), a decimal, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, seconds)


def _decode(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text


def file_positions(files: RequestFiles | None) -> list[tuple[Any, int]]:
    """Seekable file objects among ``files`` and their start offsets, so a retry can send them again."""
    if not files:
        return []
    values = files.values() if isinstance(files, Mapping) else [v for _, v in files]
    found: list[tuple[Any, int]] = []
    for value in values:
        fileobj = value[1] if isinstance(value, tuple) and len(value) > 1 else value
        if hasattr(fileobj, "seek") and hasattr(fileobj, "tell"):
            try:
                found.append((fileobj, fileobj.tell()))
            except (OSError, ValueError):
                continue
    return found


def rewind(positions: list[tuple[Any, int]]) -> None:
    for fileobj, offset in positions:
        fileobj.seek(offset)


def with_cursor(
    method: str, params: Mapping[str, Any] | None, json: Mapping[str, Any] | None, cursor: str | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Where Gong wants the cursor: the query of GET operations, beside ``filter`` in the body of POSTs."""
    query = dict(params) if params is not None else None
    body = dict(json) if json is not None else None
    if cursor:
        if method in ("GET", "DELETE"):
            query = {**(query or {}), "cursor": cursor}
        else:
            body = {**(body or {}), "cursor": cursor}
    return query, body


class BaseClient(Generic[HttpT, SleepT]):
    """The options of a client, declared once for both clients, and the parts of a request that neither wait
    nor send. ``HttpT`` is the httpx client type (``httpx.Client`` / ``httpx.AsyncClient``), ``SleepT`` the sleep
    function type (:data:`Sleep` / :data:`AsyncSleep`); a subclass gives their defaults with :meth:`_new_http`
    and :meth:`_default_sleep`."""

    #: A ``Retry-After`` above this many seconds is not waited for; the RateLimitError is raised instead.
    max_retry_after: float = 60.0

    def __init__(
        self,
        access_key: str | None = None,
        access_key_secret: str | None = None,
        *,
        bearer_token: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        pace: float | None = DEFAULT_PACE,
        http_client: HttpT | None = None,
        clock: Callable[[], float] | None = None,
        sleep: SleepT | None = None,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        base = (base_url or _env("GONG_BASE_URL") or DEFAULT_BASE_URL).strip().rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise GongError(f"base_url must be an http(s) URL, not {base!r}")
        self.base_url = base
        self.timeout = timeout
        self.max_retries = max_retries
        self._clock: Callable[[], float] = clock or time.monotonic
        self._auth = _auth_header(access_key, access_key_secret, bearer_token)
        self.pace = pace
        self._bucket = TokenBucket(pace, clock=self._clock) if pace is not None else None
        self._random: Callable[[], float] = random.random
        self._sleep: SleepT = sleep if sleep is not None else self._default_sleep()
        self._owns_http = http_client is None
        self._http: HttpT = http_client if http_client is not None else self._new_http(timeout)

    def _new_http(self, timeout: float | httpx.Timeout) -> HttpT:
        """The httpx client this client owns when none is brought in."""
        raise NotImplementedError

    def _default_sleep(self) -> SleepT:
        """The sleep function when none is given."""
        raise NotImplementedError

    def __repr__(self) -> str:
        scheme = self._auth.split(" ", 1)[0].lower()
        return f"{type(self).__name__}(base_url={self.base_url!r}, auth={scheme!r})"

    @property
    def auth_scheme(self) -> str:
        """``"basic"`` or ``"bearer"``."""
        return self._auth.split(" ", 1)[0].lower()

    def _url(self, path: str) -> str:
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    def _headers(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """The headers of every request; ``extra`` replaces any of the same name (case-insensitively)."""
        headers = {
            "Authorization": self._auth,
            "Accept": "application/json",
            "User-Agent": f"gongkit/{__version__}",
        }
        if extra:
            replaced = {name.lower() for name in extra}
            headers = {k: v for k, v in headers.items() if k.lower() not in replaced} | dict(extra)
        return headers

    # --- answers -----------------------------------------------------------------------------------------

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        body = _decode(response)
        errors: list[str] = []
        request_id: str | None = None
        if isinstance(body, dict):
            raw = body.get("errors")
            if isinstance(raw, list):
                errors = [str(e) for e in raw]
            elif isinstance(raw, str):
                errors = [raw]
            rid = body.get("requestId")
            request_id = str(rid) if rid else None
        elif isinstance(body, str) and body.strip():
            errors = [body.strip()[:500]]
        request_id = request_id or response.headers.get("x-request-id")
        return status_error(
            response.status_code,
            request_id=request_id,
            errors=errors,
            body=body,
            response=response,
            request=response.request,
            retry_after=_parse_retry_after(response.headers.get("retry-after")),
        )

    def _success_body(self, response: httpx.Response) -> dict[str, Any]:
        body = _decode(response)
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise GongError(
                f"{response.status_code}: expected a JSON object from {response.request.method} "
                f"{response.request.url.path}, got {type(body).__name__}",
                status_code=response.status_code,
                request_id=response.headers.get("x-request-id"),
                body=body,
                response=response,
                request=response.request,
            )
        return body

    # --- retries -----------------------------------------------------------------------------------------

    def _retry_delay(self, attempt: int, error: GongError) -> float | None:
        """Seconds to wait before retry number ``attempt + 1``, or ``None`` when ``error`` is final."""
        if attempt >= self.max_retries:
            return None
        if isinstance(error, APIStatusError):
            if error.status_code not in RETRY_STATUSES:
                return None
            retry_after = error.retry_after if isinstance(error, RateLimitError) else None
            if retry_after is None and error.response is not None:
                retry_after = _parse_retry_after(error.response.headers.get("retry-after"))
            if retry_after is not None:
                if retry_after > self.max_retry_after:
                    return None
                return retry_after
        elif not isinstance(error, APIConnectionError):
            return None
        base = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
        return base * (0.5 + 0.5 * self._random())

    def _note_retry(self, method: str, path: str, attempt: int, delay: float, error: GongError) -> None:
        told = (
            isinstance(error, APIStatusError) and error.response is not None and "retry-after" in error.response.headers
        )
        if self._bucket is not None and told:
            self._bucket.hold(delay)  # the limit is the company's: every request of this client waits
        log.info(
            "%s %s failed (%s); retry %d/%d in %.2fs",
            method,
            path,
            error.status_code or type(error).__name__,
            attempt + 1,
            self.max_retries,
            delay,
        )

    @staticmethod
    def _transport_error(exc: Exception) -> APIConnectionError | None:
        """The SDK error for a transport failure of httpx (or of httpx2, whose clients work too), else None."""
        if isinstance(exc, httpx.TransportError):
            timeout = isinstance(exc, httpx.TimeoutException)
        else:
            other = sys.modules.get("httpx2")
            if other is None or not isinstance(exc, other.TransportError):
                return None
            timeout = isinstance(exc, other.TimeoutException)
        try:
            request: httpx.Request | None = getattr(exc, "request", None)
        except RuntimeError:
            request = None
        if timeout:
            return APITimeoutError(f"Request timed out: {exc}" if str(exc) else "Request timed out", request=request)
        return APIConnectionError(f"Connection error: {exc}" if str(exc) else "Connection error", request=request)

    def _timeout_kwargs(self) -> dict[str, Any]:
        """A per-request timeout only for a client brought in with an explicit, non-default ``timeout``: an owned
        client has it already, and a client brought in keeps its own setting otherwise."""
        if self._owns_http or self.timeout == DEFAULT_TIMEOUT:
            return {}
        return {"timeout": self.timeout}
