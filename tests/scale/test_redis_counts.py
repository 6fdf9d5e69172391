"""Rate limits counted in Redis in one round trip (:class:`~gongkit.server.core.ratelimit.RedisWindows`) refuse
as the limits library's strategies do, on the library's keys, and count a burst atomically."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable

from limits import RateLimitItemPerDay, RateLimitItemPerSecond
from limits.aio import strategies

from gongkit.kernel.errors import RateLimited
from gongkit.server.core.ratelimit import DAY_SPENT, SECOND_SPENT, RateLimiter


def _company() -> int:
    """A company id no other test counts under (the Redis is shared)."""
    return random.randrange(10**9, 2 * 10**9)


async def _outcome(limiter: RateLimiter, company: int, per_second: int, per_day: int) -> tuple[str, int] | None:
    try:
        await limiter.hit(company, per_second, per_day)
    except RateLimited as exc:
        return exc.messages[0], exc.retry_after
    return None


def _library(redis_url: str) -> RateLimiter:
    """A limiter that counts through the library's strategies (three round trips a request)."""
    limiter = RateLimiter(redis_url)
    limiter._redis = None
    return limiter


def _run(redis_url: str, body: Callable[[RateLimiter, RateLimiter], Awaitable[None]]) -> None:
    async def main() -> None:
        ours, library = RateLimiter(redis_url), _library(redis_url)
        try:
            await body(ours, library)
        finally:
            ours.close()
            # The library's storage (each limiter has one: it resets the counts) has no close: its client's
            # connections are closed here, on their own loop, rather than found unclosed by the garbage collector
            # during a later test.
            for limiter in (ours, library):
                limiter._storage.bridge.storage.connection_pool.disconnect()  # type: ignore[attr-defined]
            await asyncio.sleep(0.01)  # the transports finish closing on this loop

    asyncio.run(main())


def test_the_one_trip_counter_is_used_for_a_plain_redis_url(redis_url: str) -> None:
    assert RateLimiter(redis_url)._redis is not None
    assert RateLimiter("async+" + redis_url)._redis is not None
    assert RateLimiter("memory://")._redis is None


def test_a_burst_is_refused_as_the_library_refuses_it(redis_url: str) -> None:
    async def body(ours: RateLimiter, library: RateLimiter) -> None:
        for limiter in (ours, library):
            company = _company()
            outcomes = [await _outcome(limiter, company, 3, 1_000) for _ in range(5)]
            assert outcomes == [None, None, None, (SECOND_SPENT, 1), (SECOND_SPENT, 1)]

    _run(redis_url, body)


def test_a_spent_day_is_refused_as_the_library_refuses_it(redis_url: str) -> None:
    async def body(ours: RateLimiter, library: RateLimiter) -> None:
        refused = []
        for limiter in (ours, library):
            company = _company()
            outcomes = [await _outcome(limiter, company, 100, 4) for _ in range(6)]
            assert outcomes[:4] == [None] * 4
            assert [outcome and outcome[0] for outcome in outcomes[4:]] == [DAY_SPENT, DAY_SPENT]
            refused.append(outcomes[4:])
        # The day's window began with the first request: its count drops a day after it. (The library reads a
        # window counted in the same millisecond as dropping at once: its wait is not compared.)
        assert all(outcome and 86_390 <= outcome[1] <= 86_400 for outcome in refused[0])

    _run(redis_url, body)


def test_counts_are_kept_on_the_library_keys(redis_url: str) -> None:
    """The library sees what the script counted, and its storage's reset clears it."""

    async def body(ours: RateLimiter, library: RateLimiter) -> None:
        company = _company()
        for _ in range(2):
            assert await _outcome(ours, company, 3, 50) is None
        seen = strategies.SlidingWindowCounterRateLimiter(library._storage)  # the library's own reading
        assert (await seen.get_window_stats(RateLimitItemPerSecond(3), str(company))).remaining == 1
        assert (await seen.get_window_stats(RateLimitItemPerDay(50), str(company))).remaining == 48
        # A process counting through the library agrees: one more is allowed this second, then none.
        assert await _outcome(library, company, 3, 50) is None
        assert await _outcome(ours, company, 3, 50) == (SECOND_SPENT, 1)
        await ours.reset()
        assert (await seen.get_window_stats(RateLimitItemPerDay(50), str(company))).remaining == 50
        assert await _outcome(ours, company, 3, 50) is None

    _run(redis_url, body)


def test_a_concurrent_burst_spends_the_day_exactly(redis_url: str) -> None:
    """Forty requests at once against a day of ten: exactly ten pass (testing the day, then counting it, in two
    trips would let every one of them see a day not yet spent)."""

    async def body(ours: RateLimiter, _library: RateLimiter) -> None:
        company = _company()
        outcomes = await asyncio.gather(*(_outcome(ours, company, 1_000, 10) for _ in range(40)))
        assert outcomes.count(None) == 10
        assert {outcome[0] for outcome in outcomes if outcome is not None} == {DAY_SPENT}

    _run(redis_url, body)
