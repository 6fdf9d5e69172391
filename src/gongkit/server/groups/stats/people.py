"""Who a stats answer is about: the company's users a filter names, and pages of them.

The stats operations page over users (one record per user), in ascending id order; a page's cursor carries the
last id it held, signed and bound to the query like every cursor (:mod:`gongkit.db.paging`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select

from gongkit.db.paging import CursorState, KeysetPage, PageQuery
from gongkit.db.schema import companies, users
from gongkit.kernel.errors import NotFound
from gongkit.kernel.ids import storable_ids


def company_zone(conn: Connection, company_id: int) -> tuple[str, ZoneInfo]:
    """The company's time zone: its name as Gong shows it, and the zone."""
    name = conn.execute(select(companies.c.time_zone).where(companies.c.id == company_id)).scalar_one()
    return str(name), ZoneInfo(str(name))


@dataclass(frozen=True)
class UserFilter:
    """The users a filter admits: named ids (``None``: everyone), created in ``[created_from, created_to)``."""

    user_ids: Sequence[int] | None = None
    created_from_ms: int | None = None
    created_to_ms: int | None = None


def admitted_users(conn: Connection, company_id: int, flt: UserFilter, *, field: str) -> dict[int, str]:
    """``{id: e-mail address}`` of the company's users the filter admits. A named id that is not one of the
    company's users (another company's included) is a 404 naming it."""
    stmt = select(users.c.id, users.c.email_address, users.c.created_ms).where(users.c.company_id == company_id)
    if flt.user_ids is not None:
        stmt = stmt.where(users.c.id.in_(storable_ids(flt.user_ids)))
    rows = conn.execute(stmt).all()
    if flt.user_ids is not None:
        known = {int(r.id) for r in rows}
        missing = sorted(set(flt.user_ids) - known)
        if missing:
            raise NotFound(f"{field}: user {missing[0]} not found")
    return {
        int(r.id): str(r.email_address)
        for r in rows
        if (flt.created_from_ms is None or r.created_ms >= flt.created_from_ms)
        and (flt.created_to_ms is None or r.created_ms < flt.created_to_ms)
    }


def page_of_ids(ids: Sequence[int], query: PageQuery) -> KeysetPage:
    """One page of ``ids`` (ascending), with Gong's ``records`` and a cursor while more remain."""
    ordered = sorted(ids)
    state = query.state()
    if state is None:
        number, total, rest = 0, len(ordered), ordered
    else:
        number, total = state.page, state.total
        rest = [i for i in ordered if i > int(state.after[0])]
    rows = rest[: query.page_size]
    cursor = None
    if len(rest) > query.page_size:
        cursor = query.codec.encode(query.company_id, query.fingerprint, CursorState([rows[-1]], number + 1, total))
    return KeysetPage(rows=list(rows), total=total, number=number, cursor=cursor)
