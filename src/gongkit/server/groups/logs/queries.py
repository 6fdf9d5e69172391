"""Auditing logs (``GET /v2/logs``): one log type over a time range, oldest first, paged by cursor.

The log types and what fills them:

- ``AccessLog``: every authenticated request to a Gong operation, by credential (the access key, or
  ``token:<id>``), with the operation, its template path and the answer's status; the server records these.
- ``UserCallPlay``: a recording played: through a media link (recorded by the server; a link names no user, so
  these carry no ``userId``), or by a user in the demo data;
- ``UserActivityLog``, ``ExternallySharedCallAccess``, ``ExternallySharedCallPlay``: what users did in Gong's own
  interface and what outsiders did with shared calls; nothing of it passes through this API, so only the demo
  data (or an import) fills them.

Rows name people by user id only; the address and name shown are joined from the user when the log is read (so
an erased or renamed user's details never linger in the logs). ``fromDateTime`` is inclusive and required;
``toDateTime`` is exclusive and defaults to the latest row. No row: 404 "No logs found" (Gong answers empty
results with a 404).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, select

from gongkit.db.paging import PageQuery, paginate
from gongkit.db.schema import audit_logs, users
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import NotFound

LOG_TYPES = ("AccessLog", "UserActivityLog", "UserCallPlay", "ExternallySharedCallAccess", "ExternallySharedCallPlay")
NO_LOGS = "No logs found for the specified period"


def list_logs(
    conn: Connection, page_query: PageQuery, *, company_id: int, log_type: str, from_ms: int, to_ms: int | None
) -> dict[str, Any]:
    g = audit_logs.c
    stmt = (
        select(
            g.id,
            g.event_ms,
            g.user_id,
            g.record,
            users.c.email_address,
            users.c.first_name,
            users.c.last_name,
        )
        .outerjoin(users, and_(users.c.id == g.user_id, users.c.company_id == company_id))
        .where(g.company_id == company_id, g.log_type == log_type, g.event_ms >= from_ms)
    )
    if to_ms is not None:
        stmt = stmt.where(g.event_ms < to_ms)
    page = paginate(conn, stmt, [g.event_ms, g.id], page_query)
    if not page.rows:
        raise NotFound(NO_LOGS)
    return {"records": page.records(), "logEntries": [_entry(r) for r in page.rows]}


def _entry(r: Any) -> dict[str, Any]:
    known = r.email_address is not None
    name = " ".join(part for part in (r.first_name, r.last_name) if part) or None
    return {
        "userId": None if r.user_id is None else str(r.user_id),
        "userEmailAddress": r.email_address if known else None,
        "userFullName": name if known else None,
        "impersonatorUserId": None,
        "impersonatorEmailAddress": None,
        "impersonatorFullName": None,
        "impersonatorCompanyId": None,
        "eventTime": ms_to_iso(r.event_ms),
        "logRecord": dict(r.record or {}),
    }
