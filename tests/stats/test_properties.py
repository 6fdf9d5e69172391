"""Properties of the activity figures on random activity: over any range, in any time zone, the aggregate equals
the sum of the day-by-day figures, and the periods of every kind add up to it."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from gongkit import control as admin
from gongkit.db import Database
from gongkit.db.paging import CursorCodec, PageQuery
from gongkit.kernel.errors import NotFound
from gongkit.server.groups.stats import queries
from gongkit.server.groups.stats.activity import FIGURES
from gongkit.server.groups.stats.dates import PERIODS
from gongkit.server.groups.stats.people import UserFilter
from tests.conftest import Company, Seed
from tests.stats.builders import add_event, ms
from tests.support import factories as f

NOW = ms("2030-01-01 00:00")
KINDS = ("listen", "feedback", "feedback_request", "share_internal", "share_external", "mark_reviewed")


def random_activity(conn: Connection, company_id: int) -> None:
    """Five users, thirty calls and three hundred events over March to May 2024, at random instants."""
    rnd = random.Random(11)
    people = [f.make_user(conn, company_id) for _ in range(5)]
    start = ms("2024-03-01 00:00")
    span = 90 * 86_400_000
    made = []
    for _ in range(30):
        host = rnd.choice(people)
        guests = [{"user_id": u, "affiliation": "Internal"} for u in rnd.sample(people, 2) if u != host]
        made.append(
            f.make_call(
                conn,
                company_id,
                primary_user_id=host,
                started_ms=start + rnd.randrange(span),
                parties=[{"user_id": host, "affiliation": "Internal"}, *guests],
            ).id
        )
    for _ in range(300):
        add_event(
            conn, company_id, rnd.choice(made), rnd.choice(people), rnd.choice(KINDS), start + rnd.randrange(span)
        )


def _page(company_id: int) -> PageQuery:
    return PageQuery(CursorCodec(b"k"), company_id, "q", None, page_size=1000)


def _call(fn: Any, conn: Connection, company_id: int, q: queries.StatsQuery, **kw: Any) -> dict[str, Any]:
    try:
        return dict(fn(conn, _page(company_id), company_id=company_id, q=q, now_ms=NOW, **kw))
    except NotFound:
        return {}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    start=st.dates(min_value=date(2024, 2, 20), max_value=date(2024, 5, 20)),
    length=st.integers(min_value=1, max_value=60),
    zone=st.sampled_from(["UTC", "America/Los_Angeles", "Asia/Kolkata", "Europe/Berlin"]),
)
def test_aggregates_are_sums_of_days_and_periods(
    db: Database, company: Company, seed: Seed, start: date, length: int, zone: str
) -> None:
    with db.read() as conn:
        empty = conn.exec_driver_sql("SELECT count(*) FROM activity_events").scalar() == 0
    if empty:
        seed(random_activity, company.id)
    seed(admin.update_company, company.id, time_zone=zone)
    q = queries.StatsQuery(start.isoformat(), (start + timedelta(days=length)).isoformat(), UserFilter())
    with db.read() as conn:
        total = _call(queries.aggregate, conn, company.id, q)
        days = _call(queries.day_by_day, conn, company.id, q)
        by_period = {p: _call(queries.aggregate_by_period, conn, company.id, q, period=p) for p in PERIODS}
    expected = {u["userId"]: u["userAggregateActivityStats"] for u in total.get("usersAggregateActivityStats", [])}
    summed = {
        u["userId"]: {k: sum(len(d[k]) for d in u["userDailyActivityStats"]) for k in FIGURES}
        for u in days.get("usersDetailedActivities", [])
    }
    assert summed == expected
    overlap = (min(start + timedelta(days=length), date(2024, 5, 29)) - max(start, date(2024, 3, 1))).days
    assert expected or overlap < 7  # a week of the busy months always has activity
    for period, answer in by_period.items():
        got = {
            u["userId"]: {k: sum(p[k] for p in u["userAggregateActivity"]) for k in FIGURES}
            for u in answer.get("usersAggregateActivity", [])
        }
        assert got == expected, period
