"""Keyword tracker definitions: ``GET /v2/settings/trackers`` (``listTrackers``).

Gong answers keyword trackers only (smart trackers are models, not definitions). A tracker with no workspace
applies to every workspace: it is answered with ``workspaceId: null``, and also when a workspace is asked for.
An unknown ``workspaceId`` (or another company's) is a 404.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, or_, select

from gongkit.db.schema import trackers, workspaces
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import NotFound


def workspace_not_found(workspace_id: int) -> NotFound:
    return NotFound(f"workspaceId: workspace '{workspace_id}' was not found")


def _id(value: int | None) -> str | None:
    return None if value is None else str(value)


def _keyword_tracker(r: Any) -> dict[str, Any]:
    """One ``KeywordTracker``, every field (``null`` where there is no value)."""
    return {
        "trackerId": str(r.id),
        "trackerName": r.name,
        "workspaceId": _id(r.workspace_id),
        "languageKeywords": [
            {
                "language": item.get("language"),
                "keywords": list(item.get("keywords") or []),
                "includeRelatedForms": bool(item.get("includeRelatedForms")),
            }
            for item in r.language_keywords or []
        ],
        "affiliation": r.affiliation,
        "partOfQuestion": bool(r.part_of_question),
        "saidAt": r.said_at,
        "saidAtInterval": r.said_at_interval,
        "saidAtUnit": r.said_at_unit,
        "saidInTopics": list(r.said_in_topics or []),
        "filterQuery": r.filter_query,
        "created": ms_to_iso(r.created_ms),
        "creatorUserId": _id(r.creator_user_id),
        "updated": ms_to_iso(r.updated_ms),
        "updaterUserId": _id(r.updater_user_id),
    }


def list_trackers(conn: Connection, *, company_id: int, workspace_id: int | None) -> dict[str, Any]:
    """Every keyword tracker of the company, or of one workspace (with the company-wide ones), by name."""
    q = select(trackers).where(trackers.c.company_id == company_id)
    if workspace_id is not None:
        known = conn.execute(
            select(workspaces.c.id).where(workspaces.c.company_id == company_id, workspaces.c.id == workspace_id)
        ).first()
        if known is None:
            raise workspace_not_found(workspace_id)
        q = q.where(or_(trackers.c.workspace_id == workspace_id, trackers.c.workspace_id.is_(None)))
    rows = conn.execute(q.order_by(trackers.c.name, trackers.c.id))
    return {"keywordTrackers": [_keyword_tracker(r) for r in rows]}
