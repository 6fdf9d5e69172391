"""``Gong`` and ``AsyncGong``: the clients, with one attribute per resource group.

For the authors of resource groups
    A resource class takes the client in ``__init__(self, client)`` (subclass
    :class:`gongkit.sdk._resource.SyncAPIResource` / ``AsyncAPIResource`` to get ``self._client`` typed) and
    calls ``client.request(method, path, params=..., json=..., files=...)`` for one answer (the decoded JSON
    object as a ``dict``; failures raise the typed errors of :mod:`gongkit.sdk.errors`, after retries) or
    ``client._paginate(method, path, item_key=..., model=..., params=..., json=...)`` for Gong's cursor-paged
    lists (a lazy iterator of ``model`` instances; 404 = empty). On ``AsyncGong`` ``request`` is a coroutine
    and ``_paginate`` returns an async iterator. Query values may be ``None`` (dropped), ``bool`` or
    ``datetime``; ``gongkit.sdk._utils`` has ``format_datetime``, ``drop_none`` and ``path_segment``.

    A new group is a module ``gongkit/sdk/resources/<group>.py`` with a sync and an async class, wired below
    (e.g. ``self.data_privacy = DataPrivacy(self)`` / ``AsyncDataPrivacy(self)``), and its models in
    ``gongkit/types/<group>.py`` (subclasses of :class:`gongkit.types.common.GongModel`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx

from gongkit.sdk._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_PACE,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SyncAPIClient,
)
from gongkit.sdk.resources.calls import AsyncCalls, Calls
from gongkit.sdk.resources.data_privacy import AsyncDataPrivacy, DataPrivacy
from gongkit.sdk.resources.settings import AsyncSettings, Settings
from gongkit.sdk.resources.users import AsyncUsers, Users

__all__ = ["AsyncGong", "Gong"]


class Gong(SyncAPIClient):
    """A synchronous client of Gong's public REST API v2 (or of a gongkit server).

    Credentials come from the arguments, else from ``GONG_ACCESS_KEY`` + ``GONG_ACCESS_KEY_SECRET`` (Basic)
    or ``GONG_BEARER_TOKEN`` (Bearer); the base URL from ``base_url``, else ``GONG_BASE_URL``, else
    ``https://api.gong.io``. ``pace`` is the most requests a second this client sends (Gong's company limit,
    3, by default; ``None`` disables pacing). ``http_client`` lets you bring an ``httpx.Client`` (proxies,
    certificates, an in-process test server; httpx2 clients such as Starlette's TestClient work too); it is
    then yours to close, and its own timeout applies unless you pass another ``timeout``. ``clock`` (monotonic
    seconds) and ``sleep`` replace the time functions, for tests.

    Use it as a context manager, or call :meth:`close`::

        with Gong() as gong:
            for call in gong.calls.list(from_date_time="2024-01-01T00:00:00Z"):
                print(call.id, call.title)
    """

    calls: Calls
    users: Users
    settings: Settings
    data_privacy: DataPrivacy

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
        http_client: httpx.Client | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        super().__init__(
            access_key,
            access_key_secret,
            bearer_token=bearer_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            pace=pace,
            http_client=http_client,
            clock=clock,
            sleep=sleep,
        )
        self.calls = Calls(self)
        self.users = Users(self)
        self.settings = Settings(self)
        self.data_privacy = DataPrivacy(self)


class AsyncGong(AsyncAPIClient):
    """The asyncio twin of :class:`Gong`: the same resources and arguments; methods are coroutines and lists
    are async iterators. ``http_client`` is an ``httpx.AsyncClient``; ``sleep`` is an async function.

    ::

        async with AsyncGong() as gong:
            async for call in gong.calls.list(from_date_time="2024-01-01T00:00:00Z"):
                print(call.id, call.title)
    """

    calls: AsyncCalls
    users: AsyncUsers
    settings: AsyncSettings
    data_privacy: AsyncDataPrivacy

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
        http_client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(
            access_key,
            access_key_secret,
            bearer_token=bearer_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            pace=pace,
            http_client=http_client,
            clock=clock,
            sleep=sleep,
        )
        self.calls = AsyncCalls(self)
        self.users = AsyncUsers(self)
        self.settings = AsyncSettings(self)
        self.data_privacy = AsyncDataPrivacy(self)
