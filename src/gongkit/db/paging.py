"""Cursor paging as Gong does it, on keyset order.

A cursor is opaque to clients: a signed token that carries where the next page starts (the last key seen),
the page number and the total, and is bound to the company and to the exact query that made it. A cursor that
was forged, altered, or made by another query or company is refused, never silently restarted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, Select, func, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from gongkit.kernel.errors import InvalidRequest

INVALID_CURSOR = "Invalid cursor: it was not issued for this request"


def query_fingerprint(operation_id: str, params: Any) -> str:
    """A digest of the operation and every input other than the cursor."""
    raw = orjson.dumps([operation_id, params], option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(raw).hexdigest()[:32]


@dataclass(frozen=True)
class CursorState:
    after: list[Any]  # the sort key of the last record of the previous page
    page: int  # number of the page this cursor fetches (0-based)
    total: int  # totalRecords as counted for the first page


class CursorCodec:
    def __init__(self, secret: bytes) -> None:
        self._key = hashlib.sha256(b"gongkit-cursor:" + secret).digest()

    def encode(self, company_id: int, fingerprint: str, state: CursorState) -> str:
        payload = orjson.dumps({"c": company_id, "q": fingerprint, "a": state.after, "p": state.page, "t": state.total})
        body = base64.urlsafe_b64encode(payload).rstrip(b"=")
        sig = base64.urlsafe_b64encode(hmac.new(self._key, body, hashlib.sha256).digest()[:18])
        return (body + b"." + sig).decode()

    def decode(self, token: str, company_id: int, fingerprint: str) -> CursorState:
        try:
            body, sig = token.encode().split(b".", 1)
            expected = base64.urlsafe_b64encode(hmac.new(self._key, body, hashlib.sha256).digest()[:18])
            if not hmac.compare_digest(sig, expected):
                raise ValueError("signature")
            data = orjson.loads(base64.urlsafe_b64decode(body + b"=" * (-len(body) % 4)))
        except (ValueError, UnicodeError, orjson.JSONDecodeError):
            raise InvalidRequest("Invalid cursor") from None
        if data.get("c") != company_id or data.get("q") != fingerprint:
            raise InvalidRequest(INVALID_CURSOR)
        return CursorState(after=list(data["a"]), page=int(data["p"]), total=int(data["t"]))


@dataclass(frozen=True)
class KeysetPage:
    """One page of rows and Gong's ``records`` block for it."""

    rows: list[Any]
    total: int
    number: int
    cursor: str | None

    def records(self) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "totalRecords": self.total,
            "currentPageSize": len(self.rows),
            "currentPageNumber": self.number,
        }
        if self.cursor is not None:
            rec["cursor"] = self.cursor
        return rec


@dataclass(frozen=True)
class PageQuery:
    """What a service needs to cut one page: who asks, for which query, from where, how many."""

    codec: CursorCodec
    company_id: int
    fingerprint: str
    cursor: str | None
    page_size: int = 100

    def state(self) -> CursorState | None:
        return self.codec.decode(self.cursor, self.company_id, self.fingerprint) if self.cursor else None


def paginate(
    conn: Connection,
    stmt: Select[Any],
    key_columns: list[ColumnElement[Any]],
    query: PageQuery,
) -> KeysetPage:
    """Run ``stmt`` (already filtered) as one keyset page ordered by ``key_columns``.

    The key columns must be selected by ``stmt`` under their own names and must order records uniquely.
    ``totalRecords`` is counted for the first page and carried by the cursor, so later pages cost one
    index range scan each.
    """
    state = query.state()
    if state is None:
        total = conn.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
        number = 0
    else:
        total, number = state.total, state.page
        stmt = stmt.where(tuple_(*key_columns) > tuple_(*state.after))
    rows = list(conn.execute(stmt.order_by(*key_columns).limit(query.page_size + 1)).all())
    more = len(rows) > query.page_size
    rows = rows[: query.page_size]
    cursor = None
    if more:
        last = rows[-1]._mapping
        after = [last[str(col.key)] for col in key_columns]
        cursor = query.codec.encode(query.company_id, query.fingerprint, CursorState(after, number + 1, total))
    return KeysetPage(rows=rows, total=total, number=number, cursor=cursor)


def paginate_prepared(
    conn: Connection,
    statements: Callable[[bool], tuple[Select[Any], Select[Any]]],
    params: dict[str, Any],
    key_names: tuple[str, ...],
    query: PageQuery,
) -> KeysetPage:
    """:func:`paginate` for a hot listing whose statements are built once.

    ``statements(after)`` returns the (page, count) statements, with bound parameters: the filter's own,
    ``limit``, and, when ``after`` is true, ``after_0``, ``after_1``, ... for the keyset bound (the page
    statement orders by the key columns named ``key_names``). It should be cached by the caller.
    """
    state = query.state()
    if state is None:
        page_stmt, count_stmt = statements(False)
        total = conn.execute(count_stmt, params).scalar_one()
        number = 0
        bound = dict(params)
    else:
        page_stmt, _ = statements(True)
        total, number = state.total, state.page
        bound = dict(params, **{f"after_{i}": v for i, v in enumerate(state.after)})
    bound["limit"] = query.page_size + 1
    rows = list(conn.execute(page_stmt, bound).all())
    more = len(rows) > query.page_size
    rows = rows[: query.page_size]
    cursor = None
    if more:
        last = rows[-1]._mapping
        after = [last[name] for name in key_names]
        cursor = query.codec.encode(query.company_id, query.fingerprint, CursorState(after, number + 1, total))
    return KeysetPage(rows=rows, total=total, number=number, cursor=cursor)
