"""Properties of the calendar periods of a stats range."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from gongkit.server.groups.stats.dates import PERIODS, DateRange, period_start

ZONES = st.sampled_from([ZoneInfo("UTC"), ZoneInfo("America/Los_Angeles"), ZoneInfo("Asia/Kolkata")])
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@given(DAYS, st.integers(min_value=1, max_value=800), st.sampled_from(PERIODS), ZONES)
def test_periods_partition_the_range(start: date, length: int, period: str, zone: ZoneInfo) -> None:
    span = DateRange(start, start + timedelta(days=length), zone)
    periods = span.periods(period)
    assert periods[0][0] == span.start and periods[-1][1] == span.end
    assert all(a < b for a, b in periods)
    assert all(periods[k][1] == periods[k + 1][0] for k in range(len(periods) - 1))
    # every inner boundary starts a calendar period (weeks on Mondays)
    assert all(period_start(b, period) == b for _, b in periods[:-1])
    assert sum((b - a).days for a, b in periods) == len(list(span.days())) == length


@given(DAYS, ZONES)
def test_days_are_local_midnights(day: date, zone: ZoneInfo) -> None:
    span = DateRange(day, day + timedelta(days=1), zone)
    hours = (span.to_ms - span.from_ms) / 3_600_000
    assert hours in (23, 24, 25)  # a daylight-saving change makes a day 23 or 25 hours long
