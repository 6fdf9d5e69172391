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
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy import Connection, Select, func, select, tuple_
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement, ColumnElement

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
        sig = base64.urlsafe_b64encode(hmac.digest(self._key, body, "sha256")[:18])
        return (body + b"." + sig).decode()

    def decode(self, token: str, company_id: int, fingerprint: str) -> CursorState:
        try:
            body, sig = token.encode().split(b".", 1)
            expected = base64.urlsafe_b64encode(hmac.digest(self._key, body, "sha256")[:18])
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


class CompiledStatement:
    """A Core statement compiled once for one dialect, run straight on the driver's connection.

    For the hottest reads (a page of ``GET /v2/calls``): running a statement through a SQLAlchemy ``Connection``
    costs more than the SQLite work of a page (compile-cache lookup, execution context, result wrapping), so
    these run as the driver's own SQL and rows come back as the driver's tuples. Only for statements whose
    columns and parameters need no type processing (integers, text).
    """

    __slots__ = ("fixed", "names", "sql")

    def __init__(self, stmt: ClauseElement, dialect: Dialect) -> None:
        compiled = stmt.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        self.sql = str(compiled)
        #: Parameter names in order for a positional driver (SQLite's ``?``), None for a named one (psycopg).
        self.names = tuple(compiled.positiontup or ()) if dialect.positional else None
        #: The values the statement carries itself (e.g. the ``OFFSET 0`` SQLite puts beside a bound ``LIMIT``).
        self.fixed = {name: value for name, value in compiled.params.items() if value is not None}

    def rows(self, dbapi_conn: Any, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        """The rows for ``params`` (the statement's bound parameters by name; others are ignored)."""
        if self.fixed:
            params = {**self.fixed, **params}
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute(self.sql, params if self.names is None else tuple(params[n] for n in self.names))
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def execute_many(self, dbapi_conn: Any, rows: list[dict[str, Any]]) -> None:
        """Run the statement once per parameter set of ``rows`` (one ``executemany``)."""
        if self.fixed:
            rows = [{**self.fixed, **row} for row in rows]
        cursor = dbapi_conn.cursor()
        try:
            if self.names is None:
                cursor.executemany(self.sql, rows)
            else:
                values = itemgetter(*self.names)
                cursor.executemany(self.sql, [values(row) for row in rows])
        finally:
            cursor.close()


class CompiledStatements:
    """The statements of one hot read, built once per shape (``build(*shape)``) and compiled once per driver."""

    def __init__(self, build: Callable[..., Select[Any]]) -> None:
        self._build = build
        self._compiled: dict[tuple[Any, ...], CompiledStatement] = {}

    def get(self, dialect: Dialect, *shape: Any) -> CompiledStatement:
        key = (dialect.name, dialect.driver, *shape)
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = CompiledStatement(self._build(*shape), dialect)
        return found


def paginate_compiled(
    dbapi_conn: Any,
    statements: Callable[[bool], tuple[CompiledStatement, CompiledStatement]],
    params: dict[str, Any],
    key_width: int,
    query: PageQuery,
) -> KeysetPage:
    """:func:`paginate` for a hot listing whose statements are compiled once, on the driver's connection.

    ``statements(after)`` returns the (page, count) statements, with bound parameters: the filter's own,
    ``limit``, and, when ``after`` is true, ``after_0``, ``after_1``, ... for the keyset bound. The page statement
    selects its ``key_width`` key columns first and orders by them. Rows are the driver's tuples.
    """
    state = query.state()
    if state is None:
        page_stmt, count_stmt = statements(False)
        total = int(count_stmt.rows(dbapi_conn, params)[0][0])
        number = 0
        bound = dict(params)
    else:
        page_stmt, _ = statements(True)
        total, number = state.total, state.page
        bound = dict(params)
        for i, value in enumerate(state.after):
            bound[f"after_{i}"] = value
    bound["limit"] = query.page_size + 1
    rows = page_stmt.rows(dbapi_conn, bound)
    more = len(rows) > query.page_size
    del rows[query.page_size :]
    cursor = None
    if more:
        after = list(rows[-1][:key_width])
        cursor = query.codec.encode(query.company_id, query.fingerprint, CursorState(after, number + 1, total))
    return KeysetPage(rows=rows, total=total, number=number, cursor=cursor)
