"""Asynchronous CRM requests (the rows of ``crm_requests``): recording them, and their status.

Two operations answer at once and leave the work to a job (:mod:`.runner`, scheduled by :mod:`.worker`): an upload
of objects (``POST /v2/crm/entities``) and the deletion of an integration (``DELETE /v2/crm/integrations``). Each is
known by the caller's ``clientRequestId``, unique within the company (a second use is a 409, Gong's "Client request
id has already been used"), and moves ``PENDING → IN_PROGRESS → DONE | FAILED``: an upload ends FAILED when any of
its lines failed (the valid lines are applied all the same) or it could not be processed at all (one error on line
0), as ``GET /v2/crm/request-status`` describes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from gongkit.db.schema import crm_requests
from gongkit.kernel.clock import Clock
from gongkit.kernel.errors import Conflict, NotFound
from gongkit.server.groups.crm import integrations

PENDING, IN_PROGRESS, DONE, FAILED = "PENDING", "IN_PROGRESS", "DONE", "FAILED"
RUNNABLE = (PENDING, IN_PROGRESS)
UPLOAD, DELETE_INTEGRATION = "UPLOAD", "DELETE"
MAX_LINE_ERRORS = 20  # errors a status reports (Gong's documented maximum)
REUSED = "Client request id has already been used"


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


@dataclass
class CrmJobConfig:
    """How the CRM worker paces itself. ``from_env`` reads ``GONGKIT_CRM_JOB_*``; tests pass their own."""

    poll_seconds: float = 5.0  # how often the worker looks for runnable jobs (it is also woken on each request)
    batch_size: int = 500  # lines (or deleted objects) per transaction
    batch_pause_seconds: float = 0.0  # a pause between batches (tests slow jobs down with it)
    max_attempts: int = 5  # runs of a job that fails (or whose process dies) before it ends FAILED

    @classmethod
    def from_env(cls) -> CrmJobConfig:
        return cls(
            poll_seconds=_env_float("GONGKIT_CRM_JOB_POLL_SECONDS", 5.0),
            batch_size=max(1, int(_env_float("GONGKIT_CRM_JOB_BATCH_SIZE", 500))),
            batch_pause_seconds=_env_float("GONGKIT_CRM_JOB_BATCH_PAUSE_SECONDS", 0.0),
            max_attempts=max(1, int(_env_float("GONGKIT_CRM_JOB_MAX_ATTEMPTS", 5))),
        )


def ensure_unused(conn: Connection, company_id: int, client_request_id: str) -> None:
    """409 when the company has used this ``clientRequestId`` already (checked before an upload is received)."""
    taken = conn.execute(
        select(crm_requests.c.id).where(
            crm_requests.c.company_id == company_id, crm_requests.c.client_request_id == client_request_id
        )
    ).first()
    if taken is not None:
        raise Conflict(REUSED)


def _record(conn: Connection, clock: Clock, **values: Any) -> None:
    ensure_unused(conn, values["company_id"], values["client_request_id"])
    try:
        with conn.begin_nested():
            conn.execute(
                insert(crm_requests).values(
                    status=PENDING,
                    lines_done=0,
                    success_count=0,
                    error_count=0,
                    errors=[],
                    attempts=0,
                    requested_ms=clock.now_ms(),
                    **values,
                )
            )
    except IntegrityError:  # a concurrent request with the same id won the race
        raise Conflict(REUSED) from None


def record_upload(
    conn: Connection,
    clock: Clock,
    *,
    company_id: int,
    integration_id: int,
    client_request_id: str,
    object_type: str,
    file_key: str,
) -> None:
    """A PENDING upload of the file ``file_key`` (404 for an unknown integration, 409 for a used id)."""
    integrations.active(conn, company_id, integration_id)
    _record(
        conn,
        clock,
        company_id=company_id,
        integration_id=integration_id,
        client_request_id=client_request_id,
        kind=UPLOAD,
        object_type=object_type,
        file_key=file_key,
    )


def record_deletion(
    conn: Connection, clock: Clock, *, company_id: int, integration_id: int, client_request_id: str
) -> None:
    """A PENDING deletion of the integration, which is marked as being deleted from now on."""
    integrations.active(conn, company_id, integration_id)
    _record(
        conn,
        clock,
        company_id=company_id,
        integration_id=integration_id,
        client_request_id=client_request_id,
        kind=DELETE_INTEGRATION,
        object_type=None,
        file_key=None,
    )
    integrations.mark_deleting(conn, company_id, integration_id)


def request_status(conn: Connection, *, company_id: int, integration_id: int, client_request_id: str) -> dict[str, Any]:
    """Gong's ``RequestStatusResponse`` for one request of the integration (which may be deleted by now)."""
    integrations.known(conn, company_id, integration_id)
    row = conn.execute(
        select(crm_requests).where(
            crm_requests.c.company_id == company_id,
            crm_requests.c.integration_id == integration_id,
            crm_requests.c.client_request_id == client_request_id,
        )
    ).first()
    if row is None:
        raise NotFound(f"No request with clientRequestId {client_request_id} for integration {integration_id}")
    return {
        "status": row.status,
        "errors": list(row.errors or [])[:MAX_LINE_ERRORS],
        "totalErrorCount": row.error_count,
        "totalSuccessCount": row.success_count,
    }
