"""Base classes of the SDK's resource groups (``client.calls``, ``client.users``, ...).

A resource takes the client in ``__init__(self, client)`` and calls ``self._client.request(...)`` or
``self._client._paginate(...)``. Subclassing these is optional; they only store the client with its type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkit.sdk._base_client import AsyncAPIClient, SyncAPIClient


class SyncAPIResource:
    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
