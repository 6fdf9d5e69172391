"""Per-company rate limits (Gong's defaults: 3 requests a second, 10,000 a day), on the ``limits`` library.

Its storage is chosen by URI (``memory://`` by default, counts of this process alone; ``redis://...`` shares the
counts between worker processes and servers, so that several of them on one store limit a company as one Gong
does); the asyncio flavour of the library is used so that counting never leaves the event loop. Both
limits are sliding-window counters: a burst at a window edge cannot double the rate (as it could with fixed
windows), and each request costs O(1) whatever the limit (a moving window keeps one entry per request).

With ``memory://`` the same counter is kept in a dict of this process (:class:`LocalWindows`): the library's
storage layer costs more per request than everything else the limit does, and there is nothing to share.
"""

from __future__ import annotations

import asyncio
import math
import time
from typing import cast
from urllib.parse import urlsplit

from limits import RateLimitItemPerDay, RateLimitItemPerSecond, storage
from limits.aio import strategies
from limits.aio.storage import Storage as AsyncStorage

from gongkit.kernel.errors import RateLimited


def _async_uri(uri: str) -> str:
    return uri if uri.startswith("async+") else f"async+{uri}"


def shared(storage_uri: str) -> bool:
    """Whether counts in this storage are seen by every process that uses it (anything but ``memory://``)."""
    return not storage_uri.removeprefix("async+").startswith("memory://")


def check_storage(storage_uri: str) -> None:
    """Fail at start-up, naming the URI, when the storage is unknown or does not answer (rather than failing
    every request later). Runs its own event loop: call it before the server's starts."""
    shown = _without_password(storage_uri)
    try:
        probe = cast(AsyncStorage, storage.storage_from_string(_async_uri(storage_uri)))
        answers = asyncio.run(probe.check())
    except Exception as exc:  # an unknown scheme, a missing client library, a bad address
        raise ValueError(f"rate-limit storage {shown}: {str(exc).replace(storage_uri, shown)}") from None
    if not answers:
        raise ValueError(f"rate-limit storage {shown} does not answer")


def _without_password(uri: str) -> str:
    password = urlsplit(uri).password
    return uri.replace(f":{password}@", ":***@", 1) if password else uri


class LocalWindows:
    """The library's sliding-window counter in this process's memory: the count of a window is the current
    window's hits plus the previous window's, weighted by the share of the previous window still inside the
    sliding one; a hit is allowed while that count, rounded down, stays under the limit."""

    def __init__(self) -> None:
        self._windows: dict[tuple[str, int], list[int]] = {}  # (key, seconds) -> [window number, current, previous]

    def reset(self) -> None:
        self._windows.clear()

    def _entry(self, key: str, expiry: int, now: float) -> list[int]:
        window = int(now // expiry)
        entry = self._windows.get((key, expiry))
        if entry is None:
            entry = self._windows[(key, expiry)] = [window, 0, 0]
        elif entry[0] != window:
            entry[2] = entry[1] if entry[0] == window - 1 else 0
            entry[1] = 0
            entry[0] = window
        return entry

    @staticmethod
    def _count(entry: list[int], expiry: int, now: float) -> float:
        previous_ttl = expiry - now % expiry if entry[2] else 0.0
        return entry[2] * previous_ttl / expiry + entry[1]

    def test(self, key: str, limit: int, expiry: int, now: float) -> bool:
        return math.floor(self._count(self._entry(key, expiry, now), expiry, now)) + 1 <= limit

    def hit(self, key: str, limit: int, expiry: int, now: float) -> bool:
        entry = self._entry(key, expiry, now)
        if math.floor(self._count(entry, expiry, now)) + 1 > limit:
            return False
        entry[1] += 1
        return True

    def reset_at(self, key: str, expiry: int, now: float) -> float:
        """When the count next drops (the library's ``reset_time``)."""
        entry = self._entry(key, expiry, now)
        current_ttl = expiry - now % expiry + expiry
        previous_ttl = expiry - now % expiry if entry[2] else 0.0
        previous_in = previous_ttl % (expiry / entry[2]) if entry[2] else math.inf
        current_in = current_ttl % expiry if entry[1] else math.inf
        return now + min(previous_in, current_in) if entry[1] or entry[2] else now


_SECOND, _DAY = 1, 86_400


class RateLimiter:
    def __init__(self, storage_uri: str = "memory://") -> None:
        self._local = None if shared(storage_uri) else LocalWindows()
        self._storage = cast(AsyncStorage, storage.storage_from_string(_async_uri(storage_uri)))
        self._per_second = strategies.SlidingWindowCounterRateLimiter(self._storage)
        self._per_day = strategies.SlidingWindowCounterRateLimiter(self._storage)
        self._items: dict[tuple[int, int], tuple[RateLimitItemPerSecond, RateLimitItemPerDay]] = {}

    async def reset(self) -> None:
        if self._local is not None:
            self._local.reset()
        await self._storage.reset()

    async def hit(self, company_id: int, per_second: int, per_day: int) -> None:
        """Count one request for the company, or raise RateLimited with the seconds to wait."""
        if self._local is not None:
            self._hit_local(str(company_id), per_second, per_day)
            return
        items = self._items.get((per_second, per_day))
        if items is None:
            items = self._items[(per_second, per_day)] = (
                RateLimitItemPerSecond(per_second),
                RateLimitItemPerDay(per_day),
            )
        second, day = items
        key = str(company_id)
        if not await self._per_day.test(day, key):
            reset_at = (await self._per_day.get_window_stats(day, key)).reset_time
            raise RateLimited(self._wait(reset_at), "API request limit exceeded: the daily quota is spent")
        if not await self._per_second.hit(second, key):
            reset_at = (await self._per_second.get_window_stats(second, key)).reset_time
            raise RateLimited(self._wait(reset_at), "API request limit exceeded: too many requests per second")
        await self._per_day.hit(day, key)

    def _hit_local(self, key: str, per_second: int, per_day: int) -> None:
        local, now = self._local, time.time()
        assert local is not None
        if not local.test(key, per_day, _DAY, now):
            raise RateLimited(
                self._wait(local.reset_at(key, _DAY, now)), "API request limit exceeded: the daily quota is spent"
            )
        if not local.hit(key, per_second, _SECOND, now):
            raise RateLimited(
                self._wait(local.reset_at(key, _SECOND, now)),
                "API request limit exceeded: too many requests per second",
            )
        local.hit(key, per_day, _DAY, now)

    @staticmethod
    def _wait(reset_at: float) -> int:
        return max(1, math.ceil(reset_at - time.time()))
