"""Time, behind one seam that tests can control."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Protocol


class Clock(Protocol):
    def now_ms(self) -> int: ...


class SystemClock:
    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FixedClock:
    """A clock that moves only when told (for tests)."""

    def __init__(self, start_ms: int) -> None:
        self.ms = start_ms

    def now_ms(self) -> int:
        return self.ms

    def advance(self, seconds: float) -> None:
        self.ms += int(seconds * 1000)


def ms_to_iso(ms: int) -> str:
    """An instant as Gong writes it: ISO-8601, UTC, ``Z``; milliseconds only when there are some."""
    dt = _EPOCH + timedelta(milliseconds=ms)
    text = f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"
    return f"{text}.{ms % 1000:03d}Z" if ms % 1000 else f"{text}Z"


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)


class DateTimeError(ValueError):
    pass


#: The instants storage and the wire can hold: years 1 to 9999 in UTC (an offset can push a valid-looking local
#: time past either end).
MIN_MS = (datetime(1, 1, 1, tzinfo=UTC) - _EPOCH) // _ONE_MS
MAX_MS = (datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=UTC) - _EPOCH) // _ONE_MS


@lru_cache(maxsize=1024)  # a client pages through one window: the same values again and again
def parse_datetime_ms(value: str) -> int:
    """Parse a date-time the way Gong clients send them: ``Z``, ``+00:00``, other offsets, fractional seconds.

    A value without an offset is read as UTC. Raises :class:`DateTimeError` with a readable message.
    """
    text = value.strip()
    if not text:
        raise DateTimeError("empty date-time")
    if text[-1] in "zZ":
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise DateTimeError(f"'{value}' is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    ms = (dt - _EPOCH) // _ONE_MS
    if not MIN_MS <= ms <= MAX_MS:
        raise DateTimeError(f"'{value}' is outside the supported range (years 1 to 9999 in UTC)")
    return ms
