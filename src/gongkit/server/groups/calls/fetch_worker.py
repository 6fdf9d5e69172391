"""The worker that fetches recordings from ``downloadMediaUrl``: a thread of its own per server process, woken
when a call with such a URL is added, and polling for fetches that are due (retries, and fetches left behind by
a process that stopped).

Each fetch is claimed in the store (:mod:`.fetch_jobs`), downloaded (:mod:`.fetch`), recognised from its bytes
as an upload is (:mod:`.media_formats`) and stored as the call's recording in the transaction that marks it
``DONE``. Several processes may run workers over one store: a claim is exclusive.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Connection

from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.kernel.clock import Clock
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.worker import WorkerThread
from gongkit.server.groups.calls import fetch_jobs, recordings
from gongkit.server.groups.calls.fetch import AddressPolicy, FetchFailed, FetchLimits, FetchRefused, download
from gongkit.server.groups.calls.media_formats import MediaFacts, MediaRejected, recognise

log = logging.getLogger("gongkit.media_fetch")

POLL_SECONDS = 5.0


class MediaFetcher(WorkerThread):
    """Runs due fetches one after another, in a daemon thread (``start``/``stop``), or directly
    (``run_due``, for tests)."""

    thread_name = "gongkit-media-fetch"
    #: A download under way is left to end by its own timeouts: its claim's lease then lets another process
    #: (or the next start) take it again.
    stop_timeout = 5.0

    def __init__(
        self, db: Database, clock: Clock, settings: ServerSettings, poll_seconds: float = POLL_SECONDS
    ) -> None:
        self.db = db
        self.clock = clock
        self.store = MediaStore(settings.media_dir)
        self.policy = AddressPolicy(settings.media_fetch_allow)
        self.limits = FetchLimits(
            connect_seconds=settings.media_fetch_connect_seconds,
            read_seconds=settings.media_fetch_read_seconds,
            total_seconds=settings.media_fetch_total_seconds,
            max_bytes=settings.max_media_bytes,
        )
        self.attempts = settings.media_fetch_attempts
        self.retry_ms = round(settings.media_fetch_retry_seconds * 1000)
        # A claim outlives the longest download it may take, with a margin for storing the file.
        self.lease_ms = round((settings.media_fetch_total_seconds + 60) * 1000)
        self._poll_seconds = poll_seconds
        super().__init__()

    @property
    def poll_seconds(self) -> float:
        return self._poll_seconds

    def run_round(self) -> object:
        return self.run_due()

    def describe_failure(self, exc: Exception) -> str:
        return type(exc).__name__  # its message may hold the URL: it is never logged

    def run_due(self) -> int:
        """Run every fetch due now; returns how many were run."""
        ran = 0
        while not self._stop.is_set():
            with self.db.read() as conn:
                waiting = fetch_jobs.due(conn, self.clock.now_ms())
            claimed = None
            for call_id in waiting:
                with self.db.write() as conn:
                    claimed = fetch_jobs.claim(conn, call_id, self.clock.now_ms(), self.lease_ms)
                if claimed is not None:
                    break
            if claimed is None:
                return ran
            self.run(claimed)
            ran += 1
        return ran

    def run(self, job: fetch_jobs.Claimed) -> str:
        """One attempt of one claimed fetch; returns the fetch's status after it."""
        try:
            path, size = download(job.url, self.store, self.policy, self.limits)
        except FetchRefused as exc:
            return self._failed(job, str(exc), retry=False)
        except FetchFailed as exc:
            return self._failed(job, str(exc), retry=True)
        try:
            facts = recognise(path)
        except MediaRejected as exc:
            self.store.discard(path)
            return self._failed(job, str(exc).removeprefix("mediaFile: "), retry=False)
        return self._store(job, path, size, facts)

    def _store(self, job: fetch_jobs.Claimed, path: Path, size: int, facts: MediaFacts) -> str:
        added: list[recordings.RecordingAdded] = []

        def record(conn: Connection) -> None:
            added.append(
                recordings.add_recording(
                    conn,
                    self.clock,
                    self.store,
                    company_id=job.company_id,
                    call_id=job.call_id,
                    incoming=path,
                    size=size,
                    facts=facts,
                    fetched=True,
                )
            )
            fetch_jobs.done(conn, job.call_id, self.clock.now_ms())

        try:
            with self.db.write() as conn:
                record(conn)
        except Exception as exc:  # the call was deleted meanwhile, or the store failed
            self.store.discard(path)
            for stored in added:
                self.store.delete(stored.stored_key)
            log.warning("media fetch for call %s not stored: %s", job.call_id, type(exc).__name__)
            return self._failed(job, "the recording could not be stored", retry=True)
        for key in added[0].replaced_keys:
            self.store.delete(key)
        return fetch_jobs.DONE

    def _failed(self, job: fetch_jobs.Claimed, error: str, *, retry: bool) -> str:
        with self.db.write() as conn:
            return fetch_jobs.failed(
                conn,
                job.call_id,
                self.clock.now_ms(),
                error,
                retry=retry,
                attempts=self.attempts,
                retry_ms=self.retry_ms,
            )
