"""Proactive pacing: a token bucket shared by every request of one client instance.

Gong limits each company to 3 requests a second (and 10,000 a day). Spacing requests on the client side keeps a
program under that limit, so it rarely meets a 429 at all. The bucket works by reservation (the generic cell
rate algorithm): a caller takes the next free slot under a short lock, then waits for it *outside* the lock,
so one bucket serves many threads or asyncio tasks and never holds a lock while sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class TokenBucket:
    """At most ``rate`` requests a second, with bursts of up to ``burst`` back-to-back requests.

    ``burst`` defaults to 1: requests are evenly spaced ``1/rate`` seconds apart. That is what a server counting
    requests in a *moving* one-second window (as Gong's limiter and gongkit's server do) tolerates; a larger
    burst can overrun such a window at its edge.
    """

    def __init__(self, rate: float, *, burst: int = 1, clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive (requests per second), or pass pace=None to disable pacing")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.rate = float(rate)
        self.burst = burst
        self._interval = 1.0 / self.rate
        self._tolerance = (burst - 1) * self._interval
        self._clock = clock
        self._tat: float | None = None  # theoretical arrival time of the next request
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Take the next slot; returns how many seconds the caller must wait before sending (0 = now)."""
        with self._lock:
            now = self._clock()
            tat = now if self._tat is None else max(self._tat, now)
            wait = max(0.0, tat - self._tolerance - now)
            self._tat = tat + self._interval
            return wait

    def hold(self, seconds: float) -> None:
        """Send nothing for ``seconds`` from now (e.g. the server's ``Retry-After``), whoever is asking."""
        if seconds <= 0:
            return
        with self._lock:
            now = self._clock()
            until = now + seconds + self._tolerance
            self._tat = until if self._tat is None else max(self._tat, until)
