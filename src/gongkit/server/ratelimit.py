"""Per-company rate limits (Gong's defaults: 3 requests a second, 10,000 a day), on the ``limits`` library.

Its storage is chosen by URI (``memory://`` by default; ``redis://...`` shares the counts between worker
processes). Windows are moving windows, so a burst at a window edge cannot double the rate.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItemPerDay, RateLimitItemPerSecond, storage, strategies

from gongkit.errors import RateLimited


class RateLimiter:
    def __init__(self, storage_uri: str = "memory://") -> None:
        self._storage = storage.storage_from_string(storage_uri)
        self._limiter = strategies.MovingWindowRateLimiter(self._storage)

    def reset(self) -> None:
        self._storage.reset()

    def hit(self, company_id: int, per_second: int, per_day: int) -> None:
        """Count one request for the company, or raise RateLimited with the seconds to wait."""
        key = str(company_id)
        day = RateLimitItemPerDay(per_day)
        second = RateLimitItemPerSecond(per_second)
        if not self._limiter.test(day, key):
            raise RateLimited(self._wait(day, key), "API request limit exceeded: the daily quota is spent")
        if not self._limiter.hit(second, key):
            raise RateLimited(self._wait(second, key), "API request limit exceeded: too many requests per second")
        self._limiter.hit(day, key)

    def _wait(self, item: RateLimitItemPerDay | RateLimitItemPerSecond, key: str) -> int:
        reset_at = self._limiter.get_window_stats(item, key).reset_time
        return max(1, math.ceil(reset_at - time.time()))
