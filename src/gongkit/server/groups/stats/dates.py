"""Calendar days and periods in a company's time zone: the date ranges of the statistics operations.

Gong's stats filters take ``YYYY-MM-DD`` dates in the company's time zone, ``fromDate`` inclusive and ``toDate``
exclusive. A day is the span from one local midnight to the next (23 or 25 hours across a daylight-saving
change); periods (DAY, WEEK starting on Monday, MONTH, QUARTER, YEAR) are whole calendar periods clipped to the
range, so the periods of a range partition it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from gongkit.kernel.errors import InvalidRequest

PERIODS = ("DAY", "WEEK", "MONTH", "QUARTER", "YEAR")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str, name: str) -> date:
    """A ``YYYY-MM-DD`` date; a 400 naming the field otherwise."""
    if not _DATE.fullmatch(value):
        raise InvalidRequest(f"{name}: '{value}' is not a date in the format YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidRequest(f"{name}: '{value}' is not a valid calendar date") from None


def midnight_ms(day: date, zone: ZoneInfo) -> int:
    """The instant local midnight starts ``day`` in ``zone``, in epoch milliseconds."""
    return int(datetime(day.year, day.month, day.day, tzinfo=zone).timestamp() * 1000)


def local_iso(day: date, zone: ZoneInfo) -> str:
    """Local midnight of ``day`` as ISO-8601 with the zone's offset, e.g. ``2024-01-17T00:00:00-08:00``."""
    return datetime(day.year, day.month, day.day, tzinfo=zone).isoformat()


def local_day(ms: int, zone: ZoneInfo) -> date:
    """The calendar day, in ``zone``, of an instant."""
    return datetime.fromtimestamp(ms / 1000, zone).date()


@dataclass(frozen=True)
class DateRange:
    """``[start, end)`` in whole local days of ``zone``."""

    start: date
    end: date
    zone: ZoneInfo

    @property
    def from_ms(self) -> int:
        return midnight_ms(self.start, self.zone)

    @property
    def to_ms(self) -> int:
        return midnight_ms(self.end, self.zone)

    def days(self) -> Iterator[date]:
        day = self.start
        while day < self.end:
            yield day
            day += timedelta(days=1)

    def periods(self, period: str) -> list[tuple[date, date]]:
        """The calendar periods meeting the range, each ``[from, to)`` and clipped to it: they partition it."""
        out: list[tuple[date, date]] = []
        day = self.start
        while day < self.end:
            following = next_period_start(day, period)
            out.append((day, min(following, self.end)))
            day = following
        return out


def period_start(day: date, period: str) -> date:
    """The first day of the calendar period holding ``day`` (weeks start on Monday)."""
    if period == "DAY":
        return day
    if period == "WEEK":
        return day - timedelta(days=day.weekday())
    if period == "MONTH":
        return day.replace(day=1)
    if period == "QUARTER":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if period == "YEAR":
        return date(day.year, 1, 1)
    raise ValueError(period)


def next_period_start(day: date, period: str) -> date:
    """The first day of the calendar period after the one holding ``day``."""
    start = period_start(day, period)
    if period == "DAY":
        return start + timedelta(days=1)
    if period == "WEEK":
        return start + timedelta(days=7)
    months = {"MONTH": 1, "QUARTER": 3, "YEAR": 12}[period]
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def stats_range(from_value: str, to_value: str, zone: ZoneInfo, now_ms: int, *, prefix: str = "filter.") -> DateRange:
    """The range of a stats filter: valid dates, ``fromDate`` before ``toDate``, ``toDate`` not after today (in the
    company's time zone). Each refusal is a 400 naming Gong's field."""
    start = parse_date(from_value, f"{prefix}fromDate")
    end = parse_date(to_value, f"{prefix}toDate")
    if end <= start:
        raise InvalidRequest(f"{prefix}toDate: must be later than {prefix}fromDate (toDate is exclusive)")
    today = local_day(now_ms, zone)
    if end > today:
        raise InvalidRequest(f"{prefix}toDate: must not be after the current day ({today.isoformat()})")
    return DateRange(start, end, zone)
