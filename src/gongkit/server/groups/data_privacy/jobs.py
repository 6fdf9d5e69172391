"""Erasure jobs: requests, their configuration, status and audit (the rows of ``erasure_jobs``).

A job's id is the ``requestId`` its caller was answered; its state machine is
``PENDING → IN_PROGRESS → DONE | FAILED`` (:mod:`.erasure` runs it, :mod:`.worker` schedules it).

**Coalescing.** A request for the subject of a job of the same company that is still PENDING (same
``subject_hash``) is recorded as its own job and audit record, but does no work of its own: its ``counts`` say
``coalescedWith`` that job, it keeps no subject, it stays PENDING while that job waits and runs, and it ends in
the same transaction and with the same status (and error) as that job, with nothing planned or deleted of its
own. A job starts (IN_PROGRESS) before it reads anything, so everything that existed when a coalesced request
came is erased by the job it joined.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from gongkit.db.schema import (
    erasure_jobs,
)
from gongkit.kernel.clock import Clock, ms_to_iso
from gongkit.kernel.errors import InvalidRequest, NotFound
from gongkit.kernel.subjects import EMAIL, PHONE, parse_subject
from gongkit.server.groups.data_privacy.lookup import (
    subject_hash,
)

PENDING, IN_PROGRESS, DONE, FAILED = "PENDING", "IN_PROGRESS", "DONE", "FAILED"
RUNNABLE = (PENDING, IN_PROGRESS)
KINDS = (EMAIL, PHONE)


# --- configuration ---------------------------------------------------------------------------------------


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


@dataclass
class ErasureConfig:
    """How the worker paces itself. ``from_env`` reads ``GONGKIT_ERASURE_*``; tests pass their own."""

    poll_seconds: float = 5.0  # how often the worker looks for runnable jobs (it is also woken on each request)
    batch_size: int = 200  # objects per transaction
    batch_pause_seconds: float = 0.0  # a pause between batches (gentler on a busy server; tests slow jobs down)
    max_attempts: int = 5  # runs of a job that fails (or whose process dies) before it ends FAILED
    storage_wait_seconds: float = 10.0  # how long a job that changed nothing may wait for a shared storage step

    @classmethod
    def from_env(cls) -> ErasureConfig:
        return cls(
            poll_seconds=_env_float("GONGKIT_ERASURE_POLL_SECONDS", 5.0),
            batch_size=int(_env_float("GONGKIT_ERASURE_BATCH_SIZE", 200)),
            batch_pause_seconds=_env_float("GONGKIT_ERASURE_BATCH_PAUSE_SECONDS", 0.0),
            max_attempts=int(_env_float("GONGKIT_ERASURE_MAX_ATTEMPTS", 5)),
            storage_wait_seconds=_env_float("GONGKIT_ERASURE_STORAGE_WAIT_SECONDS", 10.0),
        )


# --- requests, status and audit --------------------------------------------------------------------------


def request_erasure(
    conn: Connection,
    clock: Clock,
    secret: bytes,
    *,
    job_id: str,
    company_id: int,
    kind: str,
    value: str,
    credential: str,
) -> str:
    """Record a new PENDING job for ``value`` (validated and normalized here); returns its id."""
    if kind not in KINDS:
        raise InvalidRequest(f"unknown subject kind {kind!r}")
    normalized = parse_subject(kind, value)
    hashed = subject_hash(secret, kind, normalized)
    joined = pending_job(conn, company_id, hashed)
    subject: dict[str, Any] | None = None
    counts: dict[str, Any] | None = None
    if joined is not None:
        counts = {"coalescedWith": joined}
    else:
        subject = {"value": normalized}
        if kind == EMAIL:
            subject["emails"] = [normalized]
    conn.execute(
        insert(erasure_jobs).values(
            id=job_id,
            company_id=company_id,
            kind=kind,
            subject=json.dumps(subject) if subject is not None else None,
            subject_hash=hashed,
            status=PENDING,
            credential=credential,
            requested_ms=clock.now_ms(),
            attempts=0,
            counts=counts,
        )
    )
    return job_id


def coalesced_with(row: Any) -> str | None:
    """The id of the job a request was coalesced with (None for a job that does its own work)."""
    joined = (row.counts or {}).get("coalescedWith")
    return str(joined) if joined is not None else None


def pending_job(conn: Connection, company_id: int, hashed: str) -> str | None:
    """The company's oldest PENDING job (not itself coalesced) for the subject with this hash."""
    rows = conn.execute(
        select(erasure_jobs.c.id, erasure_jobs.c.counts)
        .where(
            erasure_jobs.c.company_id == company_id,
            erasure_jobs.c.subject_hash == hashed,
            erasure_jobs.c.status == PENDING,
        )
        .order_by(erasure_jobs.c.requested_ms, erasure_jobs.c.id)
    ).all()
    return next((str(r.id) for r in rows if coalesced_with(r) is None), None)


def end_job(conn: Connection, job_id: str, status: str) -> int:
    """Give a job whose outcome is recorded its final status, and the requests coalesced with it the same
    (with nothing of their own planned or deleted); returns how many jobs ended."""
    job = conn.execute(select(erasure_jobs).where(erasure_jobs.c.id == job_id)).one()
    ended = conn.execute(
        update(erasure_jobs)
        .where(erasure_jobs.c.id == job_id, erasure_jobs.c.status.in_(RUNNABLE))
        .values(status=status)
    ).rowcount
    followers = conn.execute(
        select(erasure_jobs.c.id, erasure_jobs.c.counts).where(
            erasure_jobs.c.company_id == job.company_id,
            erasure_jobs.c.subject_hash == job.subject_hash,
            erasure_jobs.c.status == PENDING,
        )
    ).all()
    planned = (job.counts or {}).get("planned") or {}
    zero = dict.fromkeys(planned, 0)
    for row in followers:
        if coalesced_with(row) != job_id:
            continue
        counts = {
            "coalescedWith": job_id,
            "planned": zero or None,
            "deleted": {**zero, "mediaFiles": 0} if zero else None,
            "redactedFields": 0,
        }
        ended += conn.execute(
            update(erasure_jobs)
            .where(erasure_jobs.c.id == row.id)
            .values(
                status=status,
                started_ms=job.started_ms,
                finished_ms=job.finished_ms,
                error=job.error,
                counts=counts,
            )
        ).rowcount
    return ended


def job_view(row: Any) -> dict[str, Any]:
    """A job as administrators see it (never the subject, only its keyed hash)."""
    counts = row.counts or {}
    out: dict[str, Any] = {
        "id": row.id,
        "companyId": str(row.company_id),
        "kind": row.kind,
        "status": row.status,
        "subjectHash": row.subject_hash,
        "credential": row.credential,
        "requested": ms_to_iso(row.requested_ms),
        "started": ms_to_iso(row.started_ms) if row.started_ms is not None else None,
        "finished": ms_to_iso(row.finished_ms) if row.finished_ms is not None else None,
        "attempts": row.attempts,
        "planned": counts.get("planned"),
        "deleted": counts.get("deleted"),
        "redactedFields": counts.get("redactedFields", 0),
        "error": row.error,
        "coalescedWith": counts.get("coalescedWith"),
    }
    return out


_JOB_COLUMNS = [c for c in erasure_jobs.c if c.name != "subject"]


def get_job(conn: Connection, company_id: int, job_id: str) -> dict[str, Any]:
    row = conn.execute(
        select(*_JOB_COLUMNS).where(erasure_jobs.c.company_id == company_id, erasure_jobs.c.id == job_id)
    ).first()
    if row is None:
        raise NotFound(f"No erasure request {job_id} for this company")
    return job_view(row)


def list_jobs(
    conn: Connection,
    company_id: int | None,
    *,
    status: str | None = None,
    subject_hash_: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Jobs newest first; ``company_id=None`` means every company (the operator's audit)."""
    if status is not None and status not in (PENDING, IN_PROGRESS, DONE, FAILED):
        raise InvalidRequest("status: must be one of PENDING, IN_PROGRESS, DONE, FAILED")
    stmt = select(*_JOB_COLUMNS).order_by(erasure_jobs.c.requested_ms.desc(), erasure_jobs.c.id.desc())
    if company_id is not None:
        stmt = stmt.where(erasure_jobs.c.company_id == company_id)
    if status is not None:
        stmt = stmt.where(erasure_jobs.c.status == status)
    if subject_hash_ is not None:
        stmt = stmt.where(erasure_jobs.c.subject_hash == subject_hash_)
    return [job_view(r) for r in conn.execute(stmt.limit(max(1, min(limit, 1000))))]


def audit(
    conn: Connection, secret: bytes, kind: str, value: str, company_id: int | None = None
) -> list[dict[str, Any]]:
    """The erasure records of one subject: its keyed hash, computed here, is what the records keep."""
    return list_jobs(conn, company_id, subject_hash_=subject_hash(secret, kind, parse_subject(kind, value)))
