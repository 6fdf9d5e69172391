"""WorkerThread: the one lifecycle of the server's background workers (erasure, CRM requests, media fetches)."""

from __future__ import annotations

import logging
import threading

import pytest

from gongkit.kernel.worker import WorkerThread


class Counting(WorkerThread):
    thread_name = "gongkit-test-worker"

    def __init__(self, fail_first: bool = False) -> None:
        super().__init__()
        self.rounds = 0
        self.fail_first = fail_first
        self.ran = threading.Event()

    @property
    def poll_seconds(self) -> float:
        return 60.0  # only a wake makes a second round happen soon

    def run_round(self) -> object:
        self.rounds += 1
        self.ran.set()
        if self.fail_first and self.rounds == 1:
            raise RuntimeError("store down for maya.levin@northwind.example")
        return self.rounds


def _next_round(worker: Counting) -> None:
    worker.ran.clear()
    worker.wake()
    assert worker.ran.wait(5)


def test_a_round_at_start_and_one_per_wake_then_stop() -> None:
    worker = Counting()
    worker.start()
    assert worker.ran.wait(5)
    _next_round(worker)
    worker.stop()
    assert worker.rounds == 2
    assert not worker._stop.is_set()  # stopped: a round may be run directly again
    assert worker.run_round() == 3


def test_a_failed_round_is_logged_without_its_subject_and_the_next_one_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker = Counting(fail_first=True)
    with caplog.at_level(logging.WARNING, logger="gongkit.worker"):
        worker.start()
        assert worker.ran.wait(5)
        _next_round(worker)
        worker.stop()
    [record] = [r for r in caplog.records if r.name == "gongkit.worker"]
    assert "gongkit-test-worker: a round failed: RuntimeError: store down for" in record.getMessage()
    assert "maya.levin@northwind.example" not in record.getMessage()
    assert worker.rounds == 2
