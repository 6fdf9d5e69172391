"""Recording log rows off the request path: an in-memory buffer flushed to the store in batches.

A request only appends a row to the buffer (a lock-free deque append); a background thread writes what has
gathered ten times a second, in one transaction. The cost: a crash (``kill -9``) loses at most the rows of the
last tenth of a second, which were never written. Small, frequent batches also keep each write short: the
thread shares the interpreter with the requests, and a long batch would stall them. A clean stop flushes
everything. If the store refuses a batch, the rows stay buffered and are retried at the next flush; the buffer
keeps at most ``max_rows`` rows (the oldest are dropped beyond that, with a warning), so a store that is down
for long cannot exhaust memory.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from typing import Any

import orjson
from sqlalchemy import bindparam, insert

from gongkit.db import Database
from gongkit.db.paging import CompiledStatement
from gongkit.db.schema import audit_logs

log = logging.getLogger("gongkit.server.logs")

#: How often the buffer is written to the store, in seconds (the most a crash can lose).
FLUSH_SECONDS = 0.1
#: The longest wait between flushes while the store refuses them.
MAX_RETRY_SECONDS = 5.0

_COLUMNS = ("company_id", "log_type", "event_ms", "user_id", "record")
#: The insert of a batch. It runs on the driver, with each record already JSON text: SQLAlchemy's per-row
#: parameter processing cost more than the store's own work, on a thread that shares the interpreter with the
#: requests. (PostgreSQL's driver sends text untyped, so the server reads it as the JSON column.)
_INSERT = insert(audit_logs).values({name: bindparam(name) for name in _COLUMNS})


class LogRecorder:
    """Buffers ``audit_logs`` rows and writes them in batches from its own thread."""

    def __init__(self, db: Database, *, interval: float = FLUSH_SECONDS, max_rows: int = 100_000) -> None:
        self._db = db
        self._interval = interval
        self._rows: deque[dict[str, Any]] = deque(maxlen=max_rows)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._flushing = threading.Lock()
        self._insert: CompiledStatement | None = None
        self._failures = 0  # failed flushes in a row

    def record(
        self, company_id: int, log_type: str, event_ms: int, user_id: int | None, record: dict[str, Any]
    ) -> None:
        """Note one log row (returns at once)."""
        if len(self._rows) == self._rows.maxlen:
            log.warning("log buffer full: the oldest buffered log row is dropped")
        self._rows.append(
            {"company_id": company_id, "log_type": log_type, "event_ms": event_ms, "user_id": user_id, "record": record}
        )

    def flush(self) -> int:
        """Write every buffered row in one transaction; returns how many were written."""
        with self._flushing:
            batch: list[dict[str, Any]] = []
            while self._rows:
                batch.append(self._rows.popleft())
            if not batch:
                return 0
            try:
                with self._db.write() as conn:
                    if self._insert is None:
                        self._insert = CompiledStatement(_INSERT, conn.dialect)
                    rows = [{**row, "record": orjson.dumps(row["record"]).decode()} for row in batch]
                    self._insert.execute_many(conn.connection.dbapi_connection, rows)
            except Exception:
                self._failures += 1
                log.exception(
                    "writing %d log rows failed; they are kept for the next flush (in %.1f s)",
                    len(batch),
                    self._next_wait(),
                )
                self._rows.extendleft(reversed(batch))
                return 0
            self._failures = 0
            return len(batch)

    def _next_wait(self) -> float:
        """The time to the next flush: the interval, doubled after each failed flush in a row up to
        :data:`MAX_RETRY_SECONDS` (a store that refuses the rows is not asked again ten times a second)."""
        return float(min(self._interval * 2**self._failures, max(self._interval, MAX_RETRY_SECONDS)))

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="gongkit-log-recorder", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread and write what is left."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.flush()

    def _run(self) -> None:
        while not self._stop.wait(self._next_wait()):
            self.flush()
