"""Resource groups: their base classes and how a client holds them.

A resource group (``client.calls``, ``client.users``, ...) takes the client in ``__init__(self, client)`` and calls
``self._client.request(...)`` or ``self._client._paginate(...)``. Subclassing :class:`SyncAPIResource` /
:class:`AsyncAPIResource` is optional; they only store the client with its type.

A client declares each group with one line, ``calls = resource(AsyncCalls)``: the group object is created on
first access and kept, so a client costs nothing for the groups a program does not use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

if TYPE_CHECKING:
    from gongkit.sdk._async.api_client import AsyncAPIClient
    from gongkit.sdk._sync.api_client import SyncAPIClient

__all__ = ["AsyncAPIResource", "SyncAPIResource", "resource"]

R = TypeVar("R")


class SyncAPIResource:
    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


class resource(Generic[R]):  # lower case, like functools.cached_property, which it resembles
    """A resource group on a client class: ``calls = resource(Calls)`` gives each client its ``Calls(client)``,
    made on first access and then stored on the instance (so later reads are plain attribute reads).

    ``group`` is the resource class; ``name`` the attribute it is bound to.
    """

    name: str

    def __init__(self, group: Callable[[Any], R]) -> None:
        self.group = group

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: object, owner: type) -> R: ...
    def __get__(self, client: object | None, owner: type) -> Self | R:
        if client is None:
            return self
        value = self.group(client)
        client.__dict__[self.name] = value  # a non-data descriptor: the instance attribute wins from now on
        return value
