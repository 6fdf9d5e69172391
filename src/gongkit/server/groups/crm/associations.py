"""Calls associated with CRM objects by hand (``GET /v2/calls/manual-crm-associations``, Gong's beta operation).

What counts as *manual* here, from what the store holds: a call added through the API (``POST /v2/calls``, which
requires a ``clientUniqueId``, so the call has one) whose call-level ``context`` names an Account and/or an
Opportunity. The system that added it chose those objects itself, instead of leaving Gong to match the call's
parties to CRM records, which is what associating a call by hand means. The association was made when the call
was stored (``calls.created_ms``) by the call's primary user.

Each association lists its account with the deal that belongs to it (``{accountCrmId, dealCrmId}``; a deal named
without an account comes with ``accountCrmId`` null), in ascending order of time (Gong: "in the ascending order of
their timing"), paged by cursor; ``fromDateTime`` keeps the associations made after it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, exists, select

from gongkit.db.paging import PageQuery, paginate
from gongkit.db.schema import call_context_objects, calls
from gongkit.kernel.clock import ms_to_iso

ASSOCIATED_TYPES = ("Account", "Opportunity")
_c, _x = calls.c, call_context_objects.c


def _associated_objects(rows: list[Any]) -> list[dict[str, Any]]:
    """Accounts paired with their deals, in stored order: each deal goes with the account named before it."""
    out: list[dict[str, Any]] = []
    for r in rows:
        if r.object_type == "Account":
            out.append({"accountCrmId": r.object_id, "dealCrmId": None})
        elif out and out[-1]["dealCrmId"] is None:
            out[-1]["dealCrmId"] = r.object_id
        else:
            out.append({"accountCrmId": out[-1]["accountCrmId"] if out else None, "dealCrmId": r.object_id})
    return out


def list_manual_associations(
    conn: Connection, page_query: PageQuery, *, company_id: int, from_ms: int | None
) -> dict[str, Any]:
    """Gong's ``ManualAssociationResponse``: one page of associations and its ``records``."""
    stmt = select(_c.id, _c.created_ms, _c.primary_user_id).where(
        _c.company_id == company_id,
        _c.client_unique_id.is_not(None),
        exists().where(
            _x.call_id == _c.id,
            _x.party_id.is_(None),
            _x.object_type.in_(ASSOCIATED_TYPES),
        ),
    )
    if from_ms is not None:
        stmt = stmt.where(_c.created_ms > from_ms)
    page = paginate(conn, stmt, [_c.created_ms, _c.id], page_query)
    ids = [r.id for r in page.rows]
    objects: dict[int, list[Any]] = {}
    if ids:
        for r in conn.execute(
            select(_x.call_id, _x.object_type, _x.object_id)
            .where(_x.call_id.in_(ids), _x.party_id.is_(None), _x.object_type.in_(ASSOCIATED_TYPES))
            .order_by(_x.id)
        ):
            objects.setdefault(r.call_id, []).append(r)
    return {
        "records": page.records(),
        "associations": [
            {
                "callId": str(r.id),
                "userId": None if r.primary_user_id is None else str(r.primary_user_id),
                "created": ms_to_iso(r.created_ms),
                "associatedCrmObjects": _associated_objects(objects.get(r.id, [])),
            }
            for r in page.rows
        ],
    }
