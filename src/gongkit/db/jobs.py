"""What every kind of persisted background job shares: one runner per database at a time, across processes.

A job's state lives in its own table (a status ``PENDING → IN_PROGRESS → DONE | FAILED`` and its progress,
written in the transactions that do the work), so any process can resume it after a crash; this module only
decides which process runs the jobs of one kind. Each kind names its own lock, so erasures and CRM requests run
side by side.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator

from sqlalchemy import text

from gongkit.db.engine import Database


class RunnerLock:
    """At most one runner of a kind of job per database at a time, across processes; a dead holder releases it.

    On SQLite it is an ``flock`` on ``<database file>.<name>-lock`` (an in-memory database has one process);
    on PostgreSQL a session advisory lock on ``pg_key``. Both go with the process that holds them.
    """

    def __init__(self, db: Database, name: str, pg_key: int) -> None:
        self.db = db
        self.name = name
        self.pg_key = pg_key
        self._thread_lock = threading.Lock()

    @contextlib.contextmanager
    def hold(self) -> Iterator[bool]:
        """Yields True if this runner holds the lock for the duration of the block."""
        if not self._thread_lock.acquire(blocking=False):
            yield False
            return
        try:
            if self.db.is_sqlite:
                with self._file_lock() as held:
                    yield held
            else:
                with self._advisory_lock() as held:
                    yield held
        finally:
            self._thread_lock.release()

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[bool]:
        path = self.db.sqlite_path()
        if path is None:
            yield True
            return
        fd = os.open(path.with_name(f"{path.name}.{self.name}-lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    @contextlib.contextmanager
    def _advisory_lock(self) -> Iterator[bool]:
        with self.db.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            held = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.pg_key}).scalar())
            try:
                yield held
            finally:
                if held:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.pg_key})
