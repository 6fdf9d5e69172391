"""The pager over a cursor-paged list; see :mod:`gongkit.sdk.pagination`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Generic, TypeVar

from pydantic import BaseModel

from gongkit.sdk._page import AsyncFetch, Page, next_cursor

__all__ = ["AsyncPager"]

M = TypeVar("M", bound=BaseModel)


class AsyncPager(Generic[M]):
    """``async for item in pager`` iterates the items of every page; ``async for page in pager.pages()`` the
    pages. Nothing is sent before you iterate, and each iteration starts again from the first page."""

    def __init__(self, fetch: AsyncFetch[M], cursor: str | None = None) -> None:
        self._fetch = fetch
        self._cursor = cursor

    async def __aiter__(self) -> AsyncIterator[M]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def pages(self) -> AsyncIterator[Page[M]]:
        """The pages, fetched one by one as you iterate."""
        cursor = self._cursor
        while True:
            page = await self._fetch(cursor)
            yield page
            cursor = next_cursor(page, cursor)
            if cursor is None:
                return

    iter_pages = pages

    async def first_page(self) -> Page[M]:
        """Only the first page (one request)."""
        return await self._fetch(self._cursor)

    async def to_list(self) -> list[M]:
        """Every item of every page."""
        return [item async for item in self]
