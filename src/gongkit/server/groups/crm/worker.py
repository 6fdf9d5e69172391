"""Scheduling CRM requests: one runner per database at a time, across processes, in a worker thread.

Jobs run oldest first (an upload requested before an integration's deletion is applied before it, one requested
after it fails). Each round runs every runnable job once; a job whose attempt failed is tried again in the next
round, until it has used its attempts.
"""

from __future__ import annotations

from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.jobs import RunnerLock
from gongkit.db.schema import crm_requests
from gongkit.kernel.clock import Clock
from gongkit.kernel.worker import WorkerThread
from gongkit.server.groups.crm.jobs import RUNNABLE, CrmJobConfig
from gongkit.server.groups.crm.runner import CrmJobRunner
from gongkit.server.groups.crm.upload import UploadStore

#: The CRM runner lock: ``<database>.crm-lock`` on SQLite, this advisory key on PostgreSQL.
CRM_LOCK = "crm"
CRM_PG_KEY = 0x676F6E676B6963  # "gongkic"


class CrmWorker(WorkerThread):
    """Runs the runnable CRM jobs in a thread of its own (never on the event loop).

    ``run_pending()`` does one round synchronously (what the thread calls each ``poll_seconds`` or when woken, and
    what tests can call directly).
    """

    thread_name = "gongkit-crm"

    def __init__(self, db: Database, store: UploadStore, clock: Clock, config: CrmJobConfig | None = None) -> None:
        self.db = db
        self.config = config or CrmJobConfig.from_env()
        super().__init__()
        self.runner = CrmJobRunner(db, store, clock, self.config, self._stop)
        self.lock = RunnerLock(db, CRM_LOCK, CRM_PG_KEY)

    @property
    def poll_seconds(self) -> float:
        return self.config.poll_seconds

    def run_round(self) -> object:
        return self.run_pending()

    def runnable(self) -> list[int]:
        with self.db.read() as conn:
            return list(
                conn.execute(
                    select(crm_requests.c.id).where(crm_requests.c.status.in_(RUNNABLE)).order_by(crm_requests.c.id)
                ).scalars()
            )

    def run_pending(self) -> int:
        """Run each runnable job once, oldest first; returns how many ended (DONE or FAILED)."""
        ended = 0
        with self.lock.hold() as held:
            if not held:
                return 0
            for job_id in self.runnable():
                if self._stop.is_set():
                    break
                ended += self.runner.run(job_id)
        return ended
