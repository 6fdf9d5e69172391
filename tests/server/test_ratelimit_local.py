"""The in-process rate-limit counter (``memory://``) allows, refuses and times waits as the limits library does."""

from __future__ import annotations

import asyncio
import random

import time_machine

from gongkit.kernel.errors import RateLimited
from gongkit.server.core.ratelimit import RateLimiter


def _outcomes(limiter: RateLimiter, steps: list[float], per_second: int, per_day: int) -> list[int | None]:
    """For each request at ``start + step`` seconds: None when allowed, else the Retry-After seconds."""

    async def run() -> list[int | None]:
        out: list[int | None] = []
        with time_machine.travel(1_700_000_000.25, tick=False) as traveller:
            for step in steps:
                traveller.shift(step)
                try:
                    await limiter.hit(7, per_second, per_day)
                    out.append(None)
                except RateLimited as exc:
                    out.append(exc.retry_after)
        return out

    return asyncio.run(run())


def test_local_counter_matches_the_library() -> None:
    rng = random.Random(3)
    for _ in range(20):
        steps = [rng.choice([0.0, 0.01, 0.05, 0.2, 0.4, 0.9, 1.3]) for _ in range(120)]
        per_second, per_day = rng.choice([(1, 50), (3, 10_000), (3, 40), (5, 60)])
        local = RateLimiter("memory://")
        library = RateLimiter("memory://")
        library._local = None  # the library's own memory storage
        assert _outcomes(local, steps, per_second, per_day) == _outcomes(library, steps, per_second, per_day)
