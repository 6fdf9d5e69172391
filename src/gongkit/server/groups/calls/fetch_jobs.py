"""The fetches of media from ``downloadMediaUrl`` as persisted state machines (table ``media_fetches``).

``PENDING -> IN_PROGRESS -> DONE | FAILED``. A fetch is claimed by one process at a time (a conditional update),
with a lease: a fetch left ``IN_PROGRESS`` by a process that died is taken again once its lease has run out, so
the work survives a crash or a restart. A failure worth retrying returns the fetch to ``PENDING`` with a later
``next_attempt_ms`` (the wait doubles each time) until the attempts run out; then, or at once for a failure no
retry can mend, it ends ``FAILED`` with the reason in ``error``. On ``DONE`` the call has its recording, stored
as an upload would be: ``media`` on the call, the media links in ``POST /v2/calls/extensive``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, and_, insert, or_, select, update

from gongkit.db.schema import calls, media_fetches

PENDING, IN_PROGRESS, DONE, FAILED = "PENDING", "IN_PROGRESS", "DONE", "FAILED"

_F = media_fetches.c


@dataclass(frozen=True)
class Claimed:
    """A fetch this process now runs: the call, its company, the URL and which attempt this is (from 1)."""

    call_id: int
    company_id: int
    url: str
    attempt: int


def schedule(conn: Connection, *, company_id: int, call_id: int, now_ms: int) -> None:
    """Record that the call's media is to be fetched, as soon as a worker can."""
    conn.execute(
        insert(media_fetches).values(
            call_id=call_id,
            company_id=company_id,
            status=PENDING,
            attempts=0,
            next_attempt_ms=now_ms,
            created_ms=now_ms,
        )
    )


def _runnable(now_ms: int) -> ColumnElement[bool]:
    return or_(
        and_(_F.status == PENDING, _F.next_attempt_ms <= now_ms),
        and_(_F.status == IN_PROGRESS, _F.lease_ms < now_ms),
    )


def due(conn: Connection, now_ms: int, limit: int = 20) -> list[int]:
    """Calls whose fetch may run now (waiting ones, and those whose runner's lease ran out), oldest first."""
    rows = conn.execute(
        select(_F.call_id).where(_runnable(now_ms)).order_by(_F.next_attempt_ms, _F.call_id).limit(limit)
    ).scalars()
    return [int(c) for c in rows]


def claim(conn: Connection, call_id: int, now_ms: int, lease_ms: int) -> Claimed | None:
    """Take the fetch (``None`` if another process took it first, or it is no longer runnable)."""
    taken = conn.execute(
        update(media_fetches)
        .where(_F.call_id == call_id, _runnable(now_ms))
        .values(status=IN_PROGRESS, attempts=_F.attempts + 1, lease_ms=now_ms + lease_ms)
    ).rowcount
    if taken != 1:
        return None
    row = conn.execute(
        select(_F.company_id, _F.attempts, calls.c.download_media_url)
        .join(calls, calls.c.id == _F.call_id)
        .where(_F.call_id == call_id)
    ).one()
    return Claimed(call_id, int(row.company_id), str(row.download_media_url), int(row.attempts))


def done(conn: Connection, call_id: int, now_ms: int) -> None:
    conn.execute(
        update(media_fetches)
        .where(_F.call_id == call_id)
        .values(status=DONE, lease_ms=None, error=None, finished_ms=now_ms)
    )


def failed(
    conn: Connection, call_id: int, now_ms: int, error: str, *, retry: bool, attempts: int, retry_ms: int
) -> str:
    """Record a failed attempt: back to PENDING (later) when ``retry`` and attempts remain, else FAILED. Returns
    the new status."""
    attempt = conn.execute(select(_F.attempts).where(_F.call_id == call_id)).scalar()
    if attempt is None:  # the call was deleted meanwhile (an erasure): nothing is left to record
        return FAILED
    if retry and attempt < attempts:
        wait = retry_ms * 2 ** (attempt - 1)
        values: dict[str, object] = {"status": PENDING, "next_attempt_ms": now_ms + wait, "lease_ms": None}
    else:
        values = {"status": FAILED, "lease_ms": None, "finished_ms": now_ms}
    conn.execute(update(media_fetches).where(_F.call_id == call_id).values(error=error[:1000], **values))
    return str(values["status"])


@dataclass(frozen=True)
class FetchState:
    """Where a call's fetch stands (what the admin route shows)."""

    status: str
    attempts: int
    error: str | None
    next_attempt_ms: int | None
    finished_ms: int | None


def state_of(conn: Connection, company_id: int, call_id: int) -> FetchState | None:
    row = conn.execute(
        select(_F.status, _F.attempts, _F.error, _F.next_attempt_ms, _F.finished_ms).where(
            _F.company_id == company_id, _F.call_id == call_id
        )
    ).first()
    if row is None:
        return None
    waiting = row.status in (PENDING, IN_PROGRESS)
    return FetchState(
        row.status, int(row.attempts), row.error, row.next_attempt_ms if waiting else None, row.finished_ms
    )
