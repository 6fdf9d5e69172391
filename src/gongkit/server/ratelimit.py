"""Per-company rate limits (Gong's defaults: 3 requests a second, 10,000 a day), on the ``limits`` library.

Its storage is chosen by URI (``memory://`` by default; ``redis://...`` shares the counts between worker
processes). The per-second limit is a moving window (a burst at a window edge cannot double the rate); the
daily quota is a sliding-window counter, which costs O(1) per request however large the quota.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItemPerDay, RateLimitItemPerSecond, storage, strategies

from gongkit.errors import RateLimited


class RateLimiter:
    def __init__(self, storage_uri: str = "memory://") -> None:
        self._storage = storage.storage_from_string(storage_uri)
        self._per_second = strategies.MovingWindowRateLimiter(self._storage)
        self._per_day = strategies.SlidingWindowCounterRateLimiter(self._storage)

    def reset(self) -> None:
        self._storage.reset()

    def hit(self, company_id: int, per_second: int, per_day: int) -> None:
        """Count one request for the company, or raise RateLimited with the seconds to wait."""
        key = str(company_id)
        day = RateLimitItemPerDay(per_day)
        second = RateLimitItemPerSecond(per_second)
        if not self._per_day.test(day, key):
            reset_at = self._per_day.get_window_stats(day, key).reset_time
            raise RateLimited(self._wait(reset_at), "API request limit exceeded: the daily quota is spent")
        if not self._per_second.hit(second, key):
            reset_at = self._per_second.get_window_stats(second, key).reset_time
            raise RateLimited(self._wait(reset_at), "API request limit exceeded: too many requests per second")
        self._per_day.hit(day, key)

    @staticmethod
    def _wait(reset_at: float) -> int:
        return max(1, math.ceil(reset_at - time.time()))
