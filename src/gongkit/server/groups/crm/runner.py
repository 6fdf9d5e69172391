"""Running one CRM request: an upload's lines, or an integration's deletion, in batches that each commit their
progress with their work, so a job cut short by a crash resumes where its last batch ended.

- **Upload**: the file's lines are read in order; each batch of lines is one transaction that applies the valid
  lines (:mod:`.objects`) and records on the job row how many lines are done, how many succeeded and failed, and
  the first 20 errors. A line is applied exactly once whatever happens. At the end the job is DONE (no error) or
  FAILED (some lines failed), and the file is removed.
- **Deletion**: the integration's objects are deleted a batch per transaction (counted as the job's successes),
  then its schema, then the integration itself is marked deleted, all in the transaction that ends the job.

A job whose attempts (runs started, including those a crash cut short) exceed ``max_attempts`` ends FAILED.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Connection, delete, select, update

from gongkit.db import Database
from gongkit.db.schema import crm_objects, crm_requests, crm_schema_fields
from gongkit.kernel.clock import Clock
from gongkit.kernel.redaction import scrub as scrub_log_text
from gongkit.server.groups.crm import integrations
from gongkit.server.groups.crm.jobs import (
    DELETE_INTEGRATION,
    DONE,
    FAILED,
    IN_PROGRESS,
    MAX_LINE_ERRORS,
    RUNNABLE,
    CrmJobConfig,
)
from gongkit.server.groups.crm.lines import LineError, parse_line
from gongkit.server.groups.crm.objects import apply_line
from gongkit.server.groups.crm.schema_fields import schema_of
from gongkit.server.groups.crm.upload import UploadStore

log = logging.getLogger("gongkit.crm")

INTEGRATION_GONE = "The integration was deleted before the file was processed"
FILE_GONE = "The uploaded file is no longer available; upload it again"
GAVE_UP = "The request could not be processed; upload the file again"


class Interrupted(Exception):
    """The worker is stopping: the job stays IN_PROGRESS and resumes on the next start."""


class CrmJobRunner:
    def __init__(
        self, db: Database, store: UploadStore, clock: Clock, config: CrmJobConfig, stop: threading.Event
    ) -> None:
        self.db = db
        self.store = store
        self.clock = clock
        self.config = config
        self.stop = stop

    def run(self, job_id: int) -> bool:
        """Run (or resume) one job; True when it ended (DONE or FAILED)."""
        job = self._start(job_id)
        if job is None:
            return False
        try:
            if job.attempts > self.config.max_attempts:
                self._finish(job, FAILED, [{"line": 0, "description": GAVE_UP}])
            elif job.kind == DELETE_INTEGRATION:
                self._delete_integration(job)
            else:
                self._upload(job)
        except Interrupted:
            return False
        except Exception as exc:  # this attempt failed; the next round tries again
            log.warning("crm request %s failed: %s", job_id, scrub_log_text(f"{type(exc).__name__}: {exc}")[:500])
            return False
        return True

    def _start(self, job_id: int) -> Any:
        with self.db.write() as conn:
            job = conn.execute(select(crm_requests).where(crm_requests.c.id == job_id)).first()
            if job is None or job.status not in RUNNABLE:
                return None
            now = self.clock.now_ms()
            conn.execute(
                update(crm_requests)
                .where(crm_requests.c.id == job_id)
                .values(status=IN_PROGRESS, attempts=job.attempts + 1, started_ms=job.started_ms or now)
            )
            return conn.execute(select(crm_requests).where(crm_requests.c.id == job_id)).one()

    def _pause(self) -> None:
        if self.config.batch_pause_seconds > 0:
            self.stop.wait(self.config.batch_pause_seconds)
        if self.stop.is_set():
            raise Interrupted

    def _finish(self, job: Any, status: str, errors: list[dict[str, Any]] | None = None, **more: Any) -> None:
        with self.db.write() as conn:
            self._end(conn, job, status, errors, **more)
        if job.file_key:
            self.store.remove(job.file_key)

    def _end(self, conn: Connection, job: Any, status: str, errors: list[dict[str, Any]] | None, **more: Any) -> None:
        values: dict[str, Any] = {"status": status, "finished_ms": self.clock.now_ms(), "file_key": None, **more}
        if errors is not None:
            values["errors"] = errors
            values["error_count"] = len(errors)
        conn.execute(update(crm_requests).where(crm_requests.c.id == job.id).values(**values))

    # --- uploads ---------------------------------------------------------------------------------------

    def _upload(self, job: Any) -> None:
        with self.db.read() as conn:
            active = integrations.is_active(conn, job.integration_id)
        if not active:
            self._finish(job, FAILED, [{"line": 0, "description": INTEGRATION_GONE}])
            return
        if not job.file_key or not self.store.exists(job.file_key):
            self._finish(job, FAILED, [{"line": 0, "description": FILE_GONE}])
            return
        state = {"done": job.lines_done, "ok": job.success_count, "bad": job.error_count, "errors": list(job.errors)}
        batch: list[tuple[int, bytes]] = []
        for number, raw in enumerate(self.store.lines(job.file_key), start=1):
            if number <= job.lines_done:
                continue
            batch.append((number, raw))
            if len(batch) >= self.config.batch_size:
                self._apply_batch(job, batch, state)
                batch = []
                self._pause()
        if batch:
            self._apply_batch(job, batch, state)
        self._finish(job, DONE if state["bad"] == 0 else FAILED)

    def _apply_batch(self, job: Any, batch: list[tuple[int, bytes]], state: dict[str, Any]) -> None:
        with self.db.write() as conn:
            schema = schema_of(conn, job.integration_id, job.object_type)
            for number, raw in batch:
                if not raw.strip():
                    continue  # a blank line is no object
                try:
                    line = parse_line(raw, job.object_type, schema)
                except LineError as exc:
                    state["bad"] += 1
                    if len(state["errors"]) < MAX_LINE_ERRORS:
                        state["errors"].append({"line": number, "description": str(exc)})
                    continue
                apply_line(
                    conn,
                    company_id=job.company_id,
                    integration_id=job.integration_id,
                    object_type=job.object_type,
                    line=line,
                )
                state["ok"] += 1
            state["done"] = batch[-1][0]
            conn.execute(
                update(crm_requests)
                .where(crm_requests.c.id == job.id)
                .values(
                    lines_done=state["done"],
                    success_count=state["ok"],
                    error_count=state["bad"],
                    errors=state["errors"],
                )
            )

    # --- deleting an integration -----------------------------------------------------------------------

    def _delete_integration(self, job: Any) -> None:
        deleted = job.success_count
        o = crm_objects.c
        while True:
            with self.db.write() as conn:
                ids = list(
                    conn.execute(
                        select(o.id).where(o.integration_id == job.integration_id).limit(self.config.batch_size)
                    ).scalars()
                )
                if not ids:
                    conn.execute(
                        delete(crm_schema_fields).where(crm_schema_fields.c.integration_id == job.integration_id)
                    )
                    integrations.mark_deleted(conn, job.integration_id, self.clock.now_ms())
                    self._end(conn, job, DONE, None)
                    return
                conn.execute(delete(crm_objects).where(o.id.in_(ids)))
                deleted += len(ids)
                conn.execute(update(crm_requests).where(crm_requests.c.id == job.id).values(success_count=deleted))
            self._pause()
