"""The user-activity and interaction statistics (``POST /v2/stats/activity/*``, ``POST /v2/stats/interaction``).

Dates are ``YYYY-MM-DD`` in the company's time zone, ``fromDate`` inclusive, ``toDate`` exclusive and not after
today (:func:`~gongkit.server.groups.stats.dates.stats_range`). One record per user, in ascending user id order,
paged by cursor; only users with activity in the range have a record, except that aggregate-by-period lists
every user named in ``userIds`` (Gong: "if userIds is empty, only team members with activity are returned").
An answer with no record is a 404, as Gong answers empty results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.paging import PageQuery
from gongkit.db.schema import call_user_stats, calls
from gongkit.kernel.errors import NotFound
from gongkit.server.groups.stats import activity
from gongkit.server.groups.stats.dates import DateRange, local_iso, stats_range
from gongkit.server.groups.stats.people import UserFilter, admitted_users, company_zone, page_of_ids

NO_ACTIVITY = "No users with activity found for the specified period"
NO_INTERACTION_STATS = "No interaction stats found for the specified period"

#: The interaction statistics Gong reports per user (``InteractionStat.name``), in this order.
INTERACTION_STATS = ("Longest Monologue", "Longest Customer Story", "Interactivity", "Patience", "Question Rate")


@dataclass(frozen=True)
class StatsQuery:
    """A stats filter as received: the dates still as text (they are read in the company's time zone)."""

    from_date: str
    to_date: str
    users: UserFilter


def _range(conn: Connection, company_id: int, q: StatsQuery, now_ms: int) -> tuple[str, DateRange]:
    zone_name, zone = company_zone(conn, company_id)
    return zone_name, stats_range(q.from_date, q.to_date, zone, now_ms)


def _header(zone_name: str, span: DateRange) -> dict[str, Any]:
    return {
        "timeZone": zone_name,
        "fromDateTime": local_iso(span.start, span.zone),
        "toDateTime": local_iso(span.end, span.zone),
    }


def _active(figures: activity.Figures, admitted: dict[int, str]) -> list[int]:
    return [user for user, days in figures.items() if user in admitted and any(days.values())]


def aggregate(
    conn: Connection, page_query: PageQuery, *, company_id: int, q: StatsQuery, now_ms: int
) -> dict[str, Any]:
    """``POST /v2/stats/activity/aggregate``: each active user's figures over the whole range."""
    zone_name, span = _range(conn, company_id, q, now_ms)
    admitted = admitted_users(conn, company_id, q.users, field="filter.userIds")
    figures = activity.gather(conn, company_id, span)
    page = page_of_ids(_active(figures, admitted), page_query)
    if not page.rows:
        raise NotFound(NO_ACTIVITY)
    return {
        "records": page.records(),
        "usersAggregateActivityStats": [
            {
                "userId": str(user),
                "userEmailAddress": admitted[user],
                "userAggregateActivityStats": activity.counts(figures[user].values()),
            }
            for user in page.rows
        ],
        **_header(zone_name, span),
    }


def aggregate_by_period(
    conn: Connection, page_query: PageQuery, *, company_id: int, q: StatsQuery, period: str, now_ms: int
) -> dict[str, Any]:
    """``POST /v2/stats/activity/aggregate-by-period``: per user, one item for every period of the range (the
    first and last clipped to it); each period's figures are the sum of its days'."""
    _, span = _range(conn, company_id, q, now_ms)
    admitted = admitted_users(conn, company_id, q.users, field="filter.userIds")
    figures = activity.gather(conn, company_id, span)
    listed = list(admitted) if q.users.user_ids is not None else _active(figures, admitted)
    page = page_of_ids(listed, page_query)
    if not page.rows:
        raise NotFound(NO_ACTIVITY)
    periods = span.periods(period)
    records = []
    for user in page.rows:
        days = figures.get(user, {})
        items = []
        for start, end in periods:
            totals = activity.counts(found for day, found in days.items() if start <= day < end)
            items.append({**totals, "fromDate": local_iso(start, span.zone), "toDate": local_iso(end, span.zone)})
        records.append({"userId": str(user), "userEmailAddress": admitted[user], "userAggregateActivity": items})
    return {"records": page.records(), "usersAggregateActivity": records}


def day_by_day(
    conn: Connection, page_query: PageQuery, *, company_id: int, q: StatsQuery, now_ms: int
) -> dict[str, Any]:
    """``POST /v2/stats/activity/day-by-day``: per active user, one item for every day of the range, each figure
    the list of the calls it counts."""
    _, span = _range(conn, company_id, q, now_ms)
    admitted = admitted_users(conn, company_id, q.users, field="filter.userIds")
    figures = activity.gather(conn, company_id, span)
    page = page_of_ids(_active(figures, admitted), page_query)
    if not page.rows:
        raise NotFound(NO_ACTIVITY)
    days = list(span.days())
    bounds = [local_iso(d, span.zone) for d in [*days, span.end]]
    records = []
    for user in page.rows:
        mine = figures[user]
        items = [
            {**activity.call_lists(mine.get(day)), "fromDate": bounds[k], "toDate": bounds[k + 1]}
            for k, day in enumerate(days)
        ]
        records.append({"userId": str(user), "userEmailAddress": admitted[user], "userDailyActivityStats": items})
    return {"records": page.records(), "usersDetailedActivities": records}


def interaction(
    conn: Connection, page_query: PageQuery, *, company_id: int, q: StatsQuery, now_ms: int
) -> dict[str, Any]:
    """``POST /v2/stats/interaction``: per user, each interaction statistic averaged over the user's calls that
    started in the range and carry measured statistics (``call_user_stats``; Gong computes these for calls with
    Whisper on, which is what a call with stored statistics stands for here). A statistic no call of the user
    has is left out; values are rounded to two decimals."""
    zone_name, span = _range(conn, company_id, q, now_ms)
    admitted = admitted_users(conn, company_id, q.users, field="filter.userIds")
    s = call_user_stats.c
    rows = conn.execute(
        select(s.user_id, s.stats)
        .join(calls, calls.c.id == s.call_id)
        .where(
            s.company_id == company_id,
            calls.c.company_id == company_id,
            calls.c.started_ms >= span.from_ms,
            calls.c.started_ms < span.to_ms,
        )
    )
    sums: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for user, stats in rows:
        if int(user) not in admitted:
            continue
        for stat in stats or []:
            value = stat.get("value") if isinstance(stat, dict) else None
            if stat.get("name") in INTERACTION_STATS and isinstance(value, int | float) and not isinstance(value, bool):
                sums[int(user)][stat["name"]].append(float(value))
    page = page_of_ids([u for u, found in sums.items() if found], page_query)
    if not page.rows:
        raise NotFound(NO_INTERACTION_STATS)
    return {
        "records": page.records(),
        "peopleInteractionStats": [
            {
                "userId": str(user),
                "userEmailAddress": admitted[user],
                "personInteractionStats": [
                    {"name": name, "value": round(sum(values) / len(values), 2)}
                    for name in INTERACTION_STATS
                    if (values := sums[user].get(name))
                ],
            }
            for user in page.rows
        ],
        **_header(zone_name, span),
    }
