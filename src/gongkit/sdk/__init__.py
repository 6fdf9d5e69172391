"""gongkit's typed SDK for Gong's public REST API v2: :class:`Gong` (sync) and :class:`AsyncGong` (asyncio).

The two clients have the same resource groups, methods and arguments; on :class:`AsyncGong` the methods that
send a request are coroutines and lists are async iterators::

    with Gong() as gong:                                   async with AsyncGong() as gong:
        for call in gong.calls.list(from_date_time=d):         async for call in gong.calls.list(from_date_time=d):
            print(call.id, call.title)                             print(call.id, call.title)
        user = gong.users.get("42")                            user = await gong.users.get("42")

Layout
    ``_base_client``          the options of a client (declared once), headers, error mapping, the retry policy
    ``_async/api_client.py``  the request loop: pacing, sending, retrying, paging
    ``_async/pager.py``       the pager over Gong's cursor-paged lists (``pagination`` is the public module)
    ``_async/client.py``      :class:`AsyncGong`: one line per resource group, each made on first access
    ``resources/<group>.py``  the public module of a group; its code is in ``resources/_async/<group>.py``
    ``errors``                one exception per status; models live in :mod:`gongkit.types`

Everything that waits or sends is written once, as asyncio code, in the ``_async`` folders;
``scripts/unasync.py`` writes the synchronous twins (:class:`Gong`, ``SyncAPIClient``, :class:`SyncPager`,
``Calls``, ...) into the sibling ``_sync`` folders, and a test fails when a twin is stale. Resource classes take
the client in ``__init__(self, client)`` and call ``client.request(...)`` or ``client._paginate(...)``; see
:mod:`gongkit.sdk._base_client`.
"""

from gongkit.sdk._async.client import AsyncGong
from gongkit.sdk._sync.client import Gong
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
