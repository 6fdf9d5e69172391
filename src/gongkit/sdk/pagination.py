"""Iterators over Gong's cursor-paged lists.

Gong answers a long list one page at a time, with a ``records`` block whose ``cursor`` (present only when more
remain) fetches the next page; the cursor goes in the query of GET operations and beside ``filter`` in the
body of POST operations. The pagers hide all that::

    for call in gong.calls.list(from_date_time=...):          # every call, page after page
        ...
    for page in gong.calls.list(...).pages():                 # or page by page
        print(page.records.totalRecords, len(page.items), page.records.cursor)

Pagers are lazy (nothing is sent until you iterate) and can be iterated again (from the first page).
Gong answers an empty list with 404 ("No calls found for the specified period"); a pager sees that as an
empty page, so iterating yields nothing. The async pagers (``async for``) behave the same.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from gongkit.sdk.errors import GongError
from gongkit.types.common import Records

__all__ = ["AsyncPager", "Page", "SyncPager"]

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Page(Generic[M]):
    """One page: its ``items`` (models), Gong's ``records`` block, the ``requestId`` and the raw body."""

    items: list[M]
    records: Records
    request_id: str | None = None
    body: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def next_cursor(self) -> str | None:
        return self.records.cursor or None

    @property
    def has_next_page(self) -> bool:
        return self.next_cursor is not None

    def __iter__(self) -> Iterator[M]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @classmethod
    def parse(cls, body: dict[str, Any], item_key: str, model: type[M]) -> Page[M]:
        raw = body.get(item_key) or []
        items = [model.model_validate(item) for item in raw]
        records = Records.model_validate(body.get("records") or {})
        rid = body.get("requestId")
        return cls(items=items, records=records, request_id=str(rid) if rid else None, body=body)

    @classmethod
    def empty(cls, request_id: str | None = None) -> Page[M]:
        return cls(items=[], records=Records(), request_id=request_id)


def _next(page: Page[Any], cursor: str | None) -> str | None:
    following = page.next_cursor
    if following is not None and following == cursor:
        raise GongError(f"the server answered the cursor {cursor!r} with the same cursor; stopping")
    return following


class SyncPager(Generic[M]):
    """Iterates the items of every page; :meth:`pages` iterates the pages."""

    def __init__(self, fetch: Callable[[str | None], Page[M]], cursor: str | None = None) -> None:
        self._fetch = fetch
        self._cursor = cursor

    def __iter__(self) -> Iterator[M]:
        for page in self.pages():
            yield from page.items

    def pages(self) -> Iterator[Page[M]]:
        """The pages, fetched one by one as you iterate."""
        cursor = self._cursor
        while True:
            page = self._fetch(cursor)
            yield page
            cursor = _next(page, cursor)
            if cursor is None:
                return

    iter_pages = pages

    def first_page(self) -> Page[M]:
        """Only the first page (one request)."""
        return self._fetch(self._cursor)

    def to_list(self) -> list[M]:
        """Every item of every page."""
        return list(self)


class AsyncPager(Generic[M]):
    """``async for`` over the items of every page; ``async for page in pager.pages()`` over the pages."""

    def __init__(self, fetch: Callable[[str | None], Awaitable[Page[M]]], cursor: str | None = None) -> None:
        self._fetch = fetch
        self._cursor = cursor

    async def _items(self) -> AsyncIterator[M]:
        async for page in self.pages():
            for item in page.items:
                yield item

    def __aiter__(self) -> AsyncIterator[M]:
        return self._items()

    async def pages(self) -> AsyncIterator[Page[M]]:
        """The pages, fetched one by one as you iterate."""
        cursor = self._cursor
        while True:
            page = await self._fetch(cursor)
            yield page
            cursor = _next(page, cursor)
            if cursor is None:
                return

    iter_pages = pages

    async def first_page(self) -> Page[M]:
        """Only the first page (one request)."""
        return await self._fetch(self._cursor)

    async def to_list(self) -> list[M]:
        """Every item of every page."""
        return [item async for item in self]
