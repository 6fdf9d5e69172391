"""Per-company rate limits (Gong's defaults: 3 requests a second, 10,000 a day), on the ``limits`` library.

Its storage is chosen by URI (``memory://`` by default, counts of this process alone; ``redis://...`` shares the
counts between worker processes and servers, so that several of them on one store limit a company as one Gong
does); the asyncio flavour of the library is used so that counting never leaves the event loop. Both
limits are sliding-window counters: a burst at a window edge cannot double the rate (as it could with fixed
windows), and each request costs O(1) whatever the limit (a moving window keeps one entry per request).

With ``memory://`` the same counter is kept in a dict of this process (:class:`LocalWindows`): the library's
storage layer costs more per request than everything else the limit does, and there is nothing to share.

With a plain ``redis://`` or ``rediss://`` URI, both windows are counted by one script in one round trip
(:class:`RedisWindows`), on the library's own keys. Through the library's strategies a request costs three round
trips (test the day, hit the second, hit the day): it has no atomic hit of two limits. Other storages (Sentinel,
cluster, Memcached, MongoDB...) go through those strategies.
"""

from __future__ import annotations

import asyncio
import math
import time
from typing import cast
from urllib.parse import urlsplit

import coredis
from limits import RateLimitItemPerDay, RateLimitItemPerSecond, storage
from limits.aio import strategies
from limits.aio.storage import RedisStorage
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
        previous_ttl = expiry - now % expiry if entry[2] else 0.0
        return next_drop(now, expiry, entry[2], previous_ttl, entry[1], expiry - now % expiry + expiry)


def next_drop(now: float, expiry: int, previous: int, previous_ttl: float, current: int, current_ttl: float) -> float:
    """When a sliding window's count next drops, from its two windows' counts and seconds left (the library's
    ``reset_time``): the previous window's weight falls by one every ``expiry / previous`` seconds; the current
    window's hits start to fall when it becomes the previous one. (The library reads a current window that has
    exactly twice ``expiry`` left, one counted in the same millisecond, as dropping now.)"""
    if not (previous or current):
        return now
    previous_in = previous_ttl % (expiry / previous) if previous else math.inf
    current_in = (current_ttl % expiry or expiry) if current else math.inf
    return now + min(previous_in, current_in)


_SECOND, _DAY = 1, 86_400
DAY_SPENT = "API request limit exceeded: the daily quota is spent"
SECOND_SPENT = "API request limit exceeded: too many requests per second"


def _refusal(reset_at: float, message: str) -> RateLimited:
    """A 429 whose ``Retry-After`` is the whole seconds until ``reset_at`` (at least one)."""
    return RateLimited(max(1, math.ceil(reset_at - time.time())), message)


#: Both sliding windows of a company, tested and counted at once, as the library's scripts count one window
#: (``acquire_sliding_window.lua``, ``sliding_window.lua``) on its keys. KEYS: the day's previous and current
#: windows, then the second's. ARGV: the day's limit, the second's. Returns ``{0}`` when the request is counted;
#: otherwise ``{1}`` (the day is spent) or ``{2}`` (the second is), then that window's previous count, its
#: milliseconds left, its current count, its milliseconds left.
_HIT_BOTH_WINDOWS = """
local function window(previous, current, expiry)
    local current_ttl = tonumber(redis.call('pttl', current))
    if current_ttl > 0 and current_ttl < expiry then
        redis.call('rename', current, previous)
        redis.call('set', current, 0, 'PX', current_ttl + expiry)
    end
    return {
        tonumber(redis.call('get', previous)) or 0, math.max(tonumber(redis.call('pttl', previous)), 0),
        tonumber(redis.call('get', current)) or 0, math.max(tonumber(redis.call('pttl', current)), 0),
    }
end

local function full(w, limit, expiry)
    return math.floor(w[1] * w[2] / expiry) + w[3] + 1 > limit
end

local function count(current, expiry)
    if redis.call('exists', current) == 1 then
        redis.call('incr', current)
    else
        redis.call('set', current, 1, 'PX', expiry * 2)
    end
end

local day = window(KEYS[1], KEYS[2], 86400000)
if full(day, tonumber(ARGV[1]), 86400000) then
    return {1, day[1], day[2], day[3], day[4]}
end
local second = window(KEYS[3], KEYS[4], 1000)
if full(second, tonumber(ARGV[2]), 1000) then
    return {2, second[1], second[2], second[3], second[4]}
end
count(KEYS[4], 1000)
count(KEYS[2], 86400000)
return {0}
"""


def one_trip(storage_uri: str) -> bool:
    """Whether the storage is a single Redis server, where :class:`RedisWindows` counts."""
    return urlsplit(storage_uri.removeprefix("async+")).scheme in ("redis", "rediss")


class RedisWindows:
    """The library's sliding-window counters in Redis, both windows in one round trip (:data:`_HIT_BOTH_WINDOWS`).

    The keys are the library's (``LIMITS:{LIMITER/<company>/<limit>/1/second}`` and its ``/-1``), so the library's
    storage sees and clears these counts, and a process that counts through the library agrees with one that
    counts here.
    """

    def __init__(self, storage_uri: str) -> None:
        self._client: coredis.Redis[bytes] = coredis.Redis.from_url(storage_uri.removeprefix("async+"))
        self._script = self._client.register_script(_HIT_BOTH_WINDOWS)

    def close(self) -> None:
        """Close the connections to Redis (they belong to the event loop that opened them)."""
        self._client.connection_pool.disconnect()

    @staticmethod
    def _keys(item: RateLimitItemPerSecond | RateLimitItemPerDay, key: str) -> list[str | bytes]:
        current = f"{RedisStorage.PREFIX}:{{{item.key_for(key)}}}"
        return [f"{current}/-1", current]

    async def hit(self, key: str, second: RateLimitItemPerSecond, day: RateLimitItemPerDay) -> None:
        keys: list[str | bytes] = [*self._keys(day, key), *self._keys(second, key)]
        answer = cast(list[int], await self._script(keys, [day.amount, second.amount]))
        if answer[0] == 0:
            return
        expiry, message = (_DAY, DAY_SPENT) if answer[0] == 1 else (_SECOND, SECOND_SPENT)
        previous, previous_ms, current, current_ms = answer[1:]
        raise _refusal(
            next_drop(time.time(), expiry, previous, previous_ms / 1000, current, current_ms / 1000), message
        )


class RateLimiter:
    def __init__(self, storage_uri: str = "memory://") -> None:
        self._local = None if shared(storage_uri) else LocalWindows()
        self._redis = RedisWindows(storage_uri) if one_trip(storage_uri) else None
        self._storage = cast(AsyncStorage, storage.storage_from_string(_async_uri(storage_uri)))
        self._per_second = strategies.SlidingWindowCounterRateLimiter(self._storage)
        self._per_day = strategies.SlidingWindowCounterRateLimiter(self._storage)
        self._items: dict[tuple[int, int], tuple[RateLimitItemPerSecond, RateLimitItemPerDay]] = {}

    def close(self) -> None:
        if self._redis is not None:
            self._redis.close()

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
        if self._redis is not None:
            await self._redis.hit(key, second, day)
            return
        if not await self._per_day.test(day, key):
            reset_at = (await self._per_day.get_window_stats(day, key)).reset_time
            raise _refusal(reset_at, DAY_SPENT)
        if not await self._per_second.hit(second, key):
            reset_at = (await self._per_second.get_window_stats(second, key)).reset_time
            raise _refusal(reset_at, SECOND_SPENT)
        await self._per_day.hit(day, key)

    def _hit_local(self, key: str, per_second: int, per_day: int) -> None:
        local, now = self._local, time.time()
        assert local is not None
        if not local.test(key, per_day, _DAY, now):
            raise _refusal(local.reset_at(key, _DAY, now), DAY_SPENT)
        if not local.hit(key, per_second, _SECOND, now):
            raise _refusal(local.reset_at(key, _SECOND, now), SECOND_SPENT)
        local.hit(key, per_day, _DAY, now)
