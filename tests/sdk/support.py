"""Helpers for the SDK tests: a fake monotonic clock and clients over ``httpx.MockTransport``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from gongkit import AsyncGong, Gong

Handler = Callable[[httpx.Request], httpx.Response]


class FakeTime:
    """A monotonic clock that moves only when slept on; records every sleep."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def mock_gong(handler: Handler, time: FakeTime | None = None, **kwargs: Any) -> Gong:
    time = time or FakeTime()
    kwargs.setdefault("pace", None)
    return Gong(
        "key",
        "secret",
        base_url="https://gong.test",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        clock=time.clock,
        sleep=time.sleep,
        **kwargs,
    )


def mock_async_gong(handler: Handler, time: FakeTime | None = None, **kwargs: Any) -> AsyncGong:
    time = time or FakeTime()
    kwargs.setdefault("pace", None)
    return AsyncGong(
        "key",
        "secret",
        base_url="https://gong.test",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        clock=time.clock,
        sleep=time.asleep,
        **kwargs,
    )


def gong_error(status: int, *messages: str, request_id: str = "rid-1", **headers: str) -> httpx.Response:
    return httpx.Response(status, json={"requestId": request_id, "errors": list(messages)}, headers=headers)
