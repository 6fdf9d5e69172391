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
    out = []
    for wid, name, description in rows:
        w: dict[str, Any] = {"id": str(wid), "name": name}
        if description is not None:
            w["description"] = description
        out.append(w)
    return {"workspaces": out}
