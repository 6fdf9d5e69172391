"""gongkit's typed SDK for Gong's public REST API v2: :class:`Gong` (sync) and :class:`AsyncGong` (asyncio).

Layout: ``_base_client`` (HTTP, pacing, retries, error mapping), ``_client`` (the two clients and their
resource groups), ``resources/<group>.py`` (one class per group, sync and async), ``pagination`` (iterators
over Gong's cursor-paged lists), ``errors`` (one exception per status); models live in :mod:`gongkit.types`.

Resource classes take the client in ``__init__(self, client)`` and call ``client.request(...)`` or
``client._paginate(...)``; see :mod:`gongkit.sdk._base_client`.
"""

from gongkit.sdk._client import AsyncGong, Gong
from gongkit.sdk.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    GongError,
    InternalServerError,
    NotFoundError,
    NotImplementedByServerError,
    PermissionDeniedError,
    RateLimitError,
)
from gongkit.sdk.pagination import AsyncPager, Page, SyncPager

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncGong",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "Gong",
    "GongError",
    "InternalServerError",
    "NotFoundError",
    "NotImplementedByServerError",
    "Page",
    "PermissionDeniedError",
    "RateLimitError",
    "SyncPager",
]
