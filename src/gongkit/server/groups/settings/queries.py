"""Company settings: workspaces."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.schema import workspaces


def list_workspaces(conn: Connection, *, company_id: int) -> dict[str, Any]:
    """``GET /v2/workspaces``: every workspace of the company (not paged), by name."""
    rows = conn.execute(
        select(workspaces.c.id, workspaces.c.name, workspaces.c.description)
        .where(workspaces.c.company_id == company_id)
        .order_by(workspaces.c.name, workspaces.c.id)
    ).all()
    return {"workspaces": [{"id": str(wid), "name": name, "description": text} for wid, name, text in rows]}
