"""Scheduling erasures: one runner per database at a time, across processes, in a worker thread.

**Fairness.** The next job is the oldest runnable job of the company served least recently (round-robin across
companies; a company not served yet comes first, then by the age of its oldest job), chosen again after every
job, so a queue of one company delays another company's erasure by at most one job of that queue. Requests
coalesced with a job (:mod:`.jobs`) are not run: they end with that job.

**The storage step** (:mod:`.storage`) runs once for every job whose outcome is recorded: at once after a job
that deleted or rewrote something (its DONE waits for nothing else), else when no runnable job is left or when
the oldest recorded job has waited ``storage_wait_seconds``; a flood of requests that find nothing shares one.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.jobs import RunnerLock
from gongkit.db.media import MediaStore
from gongkit.db.schema import (
    erasure_jobs,
)
from gongkit.kernel.clock import Clock
from gongkit.kernel.worker import WorkerThread
from gongkit.server.groups.data_privacy.erasure import ErasureRunner, Outcome
from gongkit.server.groups.data_privacy.jobs import RUNNABLE, ErasureConfig, coalesced_with

#: The erasures' runner lock: ``<database>.erasure-lock`` on SQLite, this advisory key on PostgreSQL.
ERASURE_LOCK = "erasure"
ERASURE_PG_KEY = 0x676F6E676B6974  # "gongkit"


class ErasureWorker(WorkerThread):
    """Runs the runnable jobs of every company, fairly (see the module), in a thread of its own (never on the
    event loop).

    ``run_pending()`` does one round synchronously (what the thread calls each ``poll_seconds`` or when woken,
    and what tests can call directly).
    """

    thread_name = "gongkit-erasure"

    def __init__(self, db: Database, media: MediaStore, clock: Clock, config: ErasureConfig | None = None) -> None:
        self.db = db
        self.config = config or ErasureConfig.from_env()
        super().__init__()
        self.runner = ErasureRunner(db, media, clock, self.config, self._stop)
        self.lock = RunnerLock(db, ERASURE_LOCK, ERASURE_PG_KEY)
        self._turn = 0
        self._served: dict[int, int] = {}  # company -> the turn it was last served

    @property
    def poll_seconds(self) -> float:
        return self.config.poll_seconds

    def run_round(self) -> object:
        return self.run_pending()

    def runnable(self) -> list[Any]:
        """The runnable jobs that do their own work, oldest first."""
        with self.db.read() as conn:
            rows = conn.execute(
                select(erasure_jobs.c.id, erasure_jobs.c.company_id, erasure_jobs.c.counts)
                .where(erasure_jobs.c.status.in_(RUNNABLE))
                .order_by(erasure_jobs.c.requested_ms, erasure_jobs.c.id)
            ).all()
        return [r for r in rows if coalesced_with(r) is None]

    def next_job(self, done: set[str]) -> Any:
        """The oldest job, not run yet in this round, of the company served least recently."""
        first: dict[int, Any] = {}
        for row in self.runnable():
            if row.id not in done:
                first.setdefault(row.company_id, row)
        if not first:
            return None
        ordered = sorted(first.values(), key=lambda r: self._served.get(r.company_id, -1))
        return ordered[0]  # (sorted() keeps the age order among companies served alike)

    def run_pending(self) -> int:
        """Run each runnable job once, fairly across companies (new requests join the round); returns how many
        jobs reached DONE or FAILED (coalesced requests included)."""
        ended = 0
        with self.lock.hold() as held:
            if not held:
                return 0
            done: set[str] = set()
            waiting_since: float | None = None
            while not self._stop.is_set():
                job = self.next_job(done)
                if job is None:
                    break
                done.add(job.id)
                self._turn += 1
                self._served[job.company_id] = self._turn
                outcome = self.runner.run(job.id)
                if outcome is Outcome.RECORDED and waiting_since is None:
                    waiting_since = time.monotonic()
                overdue = waiting_since is not None and (
                    time.monotonic() - waiting_since >= self.config.storage_wait_seconds
                )
                if outcome is Outcome.CHANGED or overdue:
                    ended += self.runner.complete_recorded()
                    waiting_since = None
            if not self._stop.is_set():
                ended += self.runner.complete_recorded()
        return ended
