"""The server's clock in tests: real time until a test freezes or moves it.

The app reads time only through its :class:`~gongkit.kernel.clock.Clock` seam, so one object given to
``create_app`` decides what "now" is for erasure jobs, media-link expiry, token lifetimes and the dates the
server stamps. :class:`TestClock` follows the wall clock by default (so a test that does not care about time
sees ordinary behaviour) and can be frozen at an instant, moved forward or back, and set free again.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime

from gongkit.kernel.clock import ms_to_iso, parse_datetime_ms

__all__ = ["TestClock"]

Instant = int | str | datetime


def to_ms(at: Instant) -> int:
    """An instant as epoch milliseconds: an int is taken as milliseconds, a text as ISO-8601 (``Z`` or an offset;
    UTC when none), a ``datetime`` as is (UTC when naive)."""
    if isinstance(at, bool):
        raise TypeError("an instant is epoch milliseconds, an ISO-8601 text or a datetime, not a bool")
    if isinstance(at, int):
        return at
    if isinstance(at, datetime):
        return parse_datetime_ms(at.isoformat())
    return parse_datetime_ms(at)


class TestClock:
    """A clock for the server under test (thread-safe: a loopback server reads it from its own thread).

    - ``freeze(at=None)`` stops time (at ``at``, or at the current instant);
    - ``advance(seconds=0, *, minutes=0, hours=0, days=0)`` moves it, frozen or not;
    - ``set(at)`` jumps to an instant and keeps running from there (frozen if it was frozen);
    - ``unfreeze()`` lets it run again from where it stands.
    """

    __test__ = False  # not a test class, whatever its name says to pytest

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset_ms = 0
        self._frozen_ms: int | None = None

    @staticmethod
    def _wall_ms() -> int:
        return time.time_ns() // 1_000_000

    def now_ms(self) -> int:
        with self._lock:
            return self._frozen_ms if self._frozen_ms is not None else self._wall_ms() + self._offset_ms

    def now_iso(self) -> str:
        """The current instant as Gong writes it."""
        return ms_to_iso(self.now_ms())

    @property
    def frozen(self) -> bool:
        return self._frozen_ms is not None

    def freeze(self, at: Instant | None = None) -> TestClock:
        now = self.now_ms() if at is None else to_ms(at)
        with self._lock:
            self._frozen_ms = now
        return self

    def unfreeze(self) -> TestClock:
        with self._lock:
            if self._frozen_ms is not None:
                self._offset_ms = self._frozen_ms - self._wall_ms()
                self._frozen_ms = None
        return self

    def set(self, at: Instant) -> TestClock:
        target = to_ms(at)
        with self._lock:
            if self._frozen_ms is not None:
                self._frozen_ms = target
            else:
                self._offset_ms = target - self._wall_ms()
        return self

    def advance(self, seconds: float = 0, *, minutes: float = 0, hours: float = 0, days: float = 0) -> TestClock:
        delta = round((seconds + 60 * minutes + 3600 * hours + 86400 * days) * 1000)
        with self._lock:
            if self._frozen_ms is not None:
                self._frozen_ms += delta
            else:
                self._offset_ms += delta
        return self
