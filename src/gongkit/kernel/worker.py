"""A round of background work in a daemon thread of its own: the shape every worker of the server has (the
erasure, CRM requests, media fetches), so start, stop and wake mean the same for each."""

from __future__ import annotations

import logging
import threading

from gongkit.kernel.redaction import scrub

log = logging.getLogger("gongkit.worker")


class WorkerThread:
    """Runs :meth:`run_round` every ``poll_seconds``, or at once when woken, until stopped.

    A subclass names its thread (``thread_name``) and does one round in :meth:`run_round` (which tests may call
    directly, without the thread). ``_stop`` is set while stopping: long rounds look at it between their steps.
    A round that raises is logged (:meth:`describe_failure`) and the next one runs at the next poll.
    """

    thread_name = "gongkit-worker"
    #: How long :meth:`stop` waits for a round under way before returning (the flag then stays up, so the
    #: thread stops at its next step).
    stop_timeout = 30.0

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def poll_seconds(self) -> float:
        raise NotImplementedError

    def run_round(self) -> object:
        raise NotImplementedError

    def describe_failure(self, exc: Exception) -> str:
        return scrub(f"{type(exc).__name__}: {exc}")[:500]

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name=self.thread_name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(self.stop_timeout if timeout is None else timeout)
            if self._thread.is_alive():
                return  # still finishing a step: the flag stays up so that it stops at the next one
            self._thread = None
        self._stop.clear()  # stopped: run_round() may be called directly again

    def wake(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.run_round()
            except Exception as exc:
                log.warning("%s: a round failed: %s", self.thread_name, self.describe_failure(exc))
            self._wake.wait(self.poll_seconds)
