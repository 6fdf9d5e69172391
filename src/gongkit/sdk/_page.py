"""One page of a cursor-paged list, and what the pagers share (see :mod:`gongkit.sdk.pagination`)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from gongkit.sdk.errors import GongError, NotFoundError
from gongkit.types.common import Records

__all__ = ["AsyncFetch", "Fetch", "Page", "is_empty_listing", "next_cursor"]

#: How Gong words "this listing has nothing for these filters" in the 404 it answers instead of an empty
#: page: "No calls found for the specified period", "No users found corresponding to the provided filters",
#: "No folders found ...", "No logs found ...", "No stats found ..." (its reference and its answers).
EMPTY_LISTING_MESSAGE = re.compile(
    r"No [\w ]+ found (?:for the specified period|corresponding to the provided filters)\.?", re.IGNORECASE
)

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


def is_empty_listing(error: NotFoundError) -> bool:
    """Whether a 404 is Gong's answer for an empty listing: its envelope ``{"requestId": ..., "errors": [...]}``
    whose every message says nothing was found for the filters. Any other 404 (a wrong base URL, a route the
    server does not have, a server that is not Gong) is not an empty result."""
    body = error.body
    if not isinstance(body, dict) or not isinstance(body.get("requestId"), str):
        return False
    messages = body.get("errors")
    return (
        isinstance(messages, list)
        and bool(messages)
        and all(isinstance(m, str) and EMPTY_LISTING_MESSAGE.fullmatch(m.strip()) for m in messages)
    )


Fetch = Callable[[str | None], Page[M]]
"""What a pager calls for one page: the cursor (``None`` for the first page) -> the page."""

AsyncFetch = Callable[[str | None], Awaitable[Page[M]]]
"""The asyncio form of :data:`Fetch`."""


def next_cursor(page: Page[Any], cursor: str | None) -> str | None:
    """The cursor of the page after ``page`` (fetched with ``cursor``), or ``None`` at the end.

    A server that answers a cursor with the same cursor would make a pager loop forever; that is an error.
    """
    following = page.next_cursor
    if following is not None and following == cursor:
        raise GongError(f"the server answered the cursor {cursor!r} with the same cursor; stopping")
    return following
