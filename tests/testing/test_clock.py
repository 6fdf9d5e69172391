"""The test server's clock: real time until frozen, then moved only when told."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from gongkit.testing import TestClock

START = "2025-03-01T12:00:00Z"
START_MS = 1_740_830_400_000


def test_it_follows_the_wall_clock_until_frozen() -> None:
    clock = TestClock()
    assert abs(clock.now_ms() - time.time() * 1000) < 1000
    assert not clock.frozen


def test_frozen_it_stands_still_and_moves_when_told() -> None:
    clock = TestClock().freeze(START)
    assert clock.now_ms() == START_MS and clock.frozen
    time.sleep(0.01)
    assert clock.now_ms() == START_MS
    clock.advance(90, minutes=1, hours=1, days=1)
    assert clock.now_iso() == "2025-03-02T13:02:30Z"
    clock.set(datetime(2030, 1, 1, tzinfo=UTC))
    assert clock.now_iso() == "2030-01-01T00:00:00Z"


def test_unfrozen_it_runs_on_from_where_it_stood() -> None:
    clock = TestClock().freeze(START_MS)
    clock.unfreeze()
    time.sleep(0.02)
    assert START_MS + 15 <= clock.now_ms() < START_MS + 1000
    clock.advance(days=-1)
    assert clock.now_ms() < START_MS


def test_a_running_clock_can_be_moved_too() -> None:
    clock = TestClock().set(START)
    assert not clock.frozen and START_MS <= clock.now_ms() < START_MS + 1000


def test_a_bad_instant_is_refused_with_its_reason() -> None:
    with pytest.raises(ValueError, match="'soon' is not an ISO-8601 date-time"):
        TestClock().freeze("soon")
