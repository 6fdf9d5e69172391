"""Engage flows: which flows and folders a user sees, and which flows prospects are in.

Visibility is Gong's: a Company flow (or folder) is visible to everyone in the company, a Personal one to its
owner only, a Shared one to its owner and the users it is shared with. Prospects are the company's CRM Contacts
and Leads, named by their CRM id (``crm_objects.external_id``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, and_, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from gongkit.db.paging import PageQuery, paginate
from gongkit.db.schema import crm_objects, flow_folder_shares, flow_folders, flow_instances, flow_shares, flows, users
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import InvalidRequest, NotFound
from gongkit.kernel.subjects import normalize_email

COMPANY, PERSONAL, SHARED = "Company", "Personal", "Shared"
#: CRM object types that are prospects (as the generic CRM upload and the calls' context name them).
PROSPECT_TYPES = ("Contact", "Lead", "CONTACT", "LEAD")
FLOW_NOT_FOUND = "Flow not found"
FOLDER_NOT_FOUND = "Folder not found"


def user_by_email(conn: Connection, company_id: int, email: str, field: str) -> Any:
    """The company's user with this e-mail address (id, address, first and last name); a 400 naming ``field``
    otherwise (the address is not repeated in the message: messages end up in logs)."""
    row = conn.execute(
        select(users.c.id, users.c.email_address, users.c.first_name, users.c.last_name)
        .where(users.c.company_id == company_id, users.c.email_lower == normalize_email(email))
        .order_by(users.c.id)
    ).first()
    if row is None:
        raise InvalidRequest(f"{field}: no user of the company has this e-mail address")
    return row


def visible_to(table: Table, shares: Table, share_key: str, user_id: int) -> ColumnElement[bool]:
    """The rows of ``table`` (flows or folders) that user ``user_id`` sees."""
    shared_with = select(shares.c[share_key]).where(shares.c.user_id == user_id)
    return or_(
        table.c.visibility == COMPANY,
        and_(table.c.visibility == PERSONAL, table.c.owner_id == user_id),
        and_(table.c.visibility == SHARED, or_(table.c.owner_id == user_id, table.c.id.in_(shared_with))),
    )


def visible_flow(conn: Connection, company_id: int, flow_id: int, user_id: int) -> Any:
    """The flow, if it exists in the company and the user sees it; 404 otherwise (another company's flow and
    another user's personal flow are not told apart from a flow that does not exist)."""
    row = conn.execute(
        select(flows).where(
            flows.c.company_id == company_id,
            flows.c.id == flow_id,
            visible_to(flows, flow_shares, "flow_id", user_id),
        )
    ).first()
    if row is None:
        raise NotFound(FLOW_NOT_FOUND)
    return row


def _flow_or_folder(
    row: Any, *, parent_id: int | None, parent_name: str | None, exclusive: bool | None
) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "name": row.name,
        "folderId": None if parent_id is None else str(parent_id),
        "folderName": parent_name,
        "visibility": row.visibility,
        "creationDate": ms_to_iso(row.created_ms),
        "exclusive": exclusive,
    }


def list_flows(
    conn: Connection,
    page_query: PageQuery,
    *,
    company_id: int,
    owner_email: str,
    workspace_id: int | None,
    folder_id: int | None,
) -> dict[str, Any]:
    """``GET /v2/flows``: the company's flows, the user's personal flows and the flows shared with the user, in
    id order, one page at a time."""
    user = user_by_email(conn, company_id, owner_email, "flowOwnerEmail")
    stmt = (
        select(
            flows.c.id,
            flows.c.name,
            flows.c.visibility,
            flows.c.created_ms,
            flows.c.exclusive,
            flows.c.folder_id,
            flow_folders.c.name.label("folder_name"),
        )
        .select_from(flows.outerjoin(flow_folders, flow_folders.c.id == flows.c.folder_id))
        .where(flows.c.company_id == company_id, visible_to(flows, flow_shares, "flow_id", user.id))
    )
    if workspace_id is not None:
        stmt = stmt.where(flows.c.workspace_id == workspace_id)
    if folder_id is not None:
        stmt = stmt.where(flows.c.folder_id == folder_id)
    page = paginate(conn, stmt, [flows.c.id], page_query)
    return {
        "records": page.records(),
        "flows": [
            _flow_or_folder(r, parent_id=r.folder_id, parent_name=r.folder_name, exclusive=bool(r.exclusive))
            for r in page.rows
        ],
    }


def list_folders(
    conn: Connection,
    page_query: PageQuery,
    *,
    company_id: int,
    owner_email: str,
    workspace_id: int | None,
    parent_id: int | None,
) -> dict[str, Any]:
    """``GET /v2/flows/folders``: the folders the user sees, one page at a time.

    The contract answers this operation with ``FlowsResponse``: each folder is one item of ``flows``, with its
    parent folder as ``folderId``/``folderName`` (null at the top) and ``exclusive`` null (a folder is not a flow).
    ``parentId`` keeps that folder and its direct children; an unknown or invisible ``parentId`` is a 404.
    """
    user = user_by_email(conn, company_id, owner_email, "flowFolderOwnerEmail")
    seen = visible_to(flow_folders, flow_folder_shares, "folder_id", user.id)
    parent = aliased(flow_folders)
    stmt = (
        select(
            flow_folders.c.id,
            flow_folders.c.name,
            flow_folders.c.visibility,
            flow_folders.c.created_ms,
            flow_folders.c.parent_id,
            parent.c.name.label("parent_name"),
        )
        .select_from(flow_folders.outerjoin(parent, parent.c.id == flow_folders.c.parent_id))
        .where(flow_folders.c.company_id == company_id, seen)
    )
    if workspace_id is not None:
        stmt = stmt.where(flow_folders.c.workspace_id == workspace_id)
    if parent_id is not None:
        found = conn.execute(
            select(flow_folders.c.id).where(
                flow_folders.c.company_id == company_id, flow_folders.c.id == parent_id, seen
            )
        ).first()
        if found is None:
            raise NotFound(FOLDER_NOT_FOUND)
        stmt = stmt.where(or_(flow_folders.c.id == parent_id, flow_folders.c.parent_id == parent_id))
    page = paginate(conn, stmt, [flow_folders.c.id], page_query)
    return {
        "records": page.records(),
        "flows": [
            _flow_or_folder(r, parent_id=r.parent_id, parent_name=r.parent_name, exclusive=None) for r in page.rows
        ],
    }


def prospects_by_crm_id(conn: Connection, company_id: int, crm_ids: Sequence[str]) -> dict[str, int]:
    """CRM id -> the company's Contact or Lead row id, for the ids that name one (the first stored, should two
    CRM systems share an id)."""
    rows = conn.execute(
        select(crm_objects.c.external_id, crm_objects.c.id)
        .where(
            crm_objects.c.company_id == company_id,
            crm_objects.c.external_id.in_(list(crm_ids)),
            crm_objects.c.object_type.in_(PROSPECT_TYPES),
        )
        .order_by(crm_objects.c.id.desc())
    ).all()
    return {external_id: row_id for external_id, row_id in rows}


#: An active flow instance as ``PublicApiAssignedFlow`` wants it.
ASSIGNED_COLUMNS = (
    flow_instances.c.id,
    flow_instances.c.status,
    flow_instances.c.created_ms,
    flow_instances.c.prospect_id,
    flows.c.id.label("flow_id"),
    flows.c.name.label("flow_name"),
    flows.c.workspace_id,
    flows.c.exclusive,
    crm_objects.c.external_id,
    users.c.email_address,
    users.c.first_name,
    users.c.last_name,
)


def assigned_select() -> Any:
    """The active flow instances with their flow, prospect and owner (filter and order it)."""
    return (
        select(*ASSIGNED_COLUMNS)
        .select_from(
            flow_instances.join(flows, flows.c.id == flow_instances.c.flow_id)
            .join(crm_objects, crm_objects.c.id == flow_instances.c.prospect_id)
            .join(users, users.c.id == flow_instances.c.owner_id)
        )
        .where(flow_instances.c.ended_ms.is_(None))
    )


def assigned_flow(row: Any) -> dict[str, Any]:
    """One ``PublicApiAssignedFlow``: every field."""
    full_name = " ".join(p for p in (row.first_name, row.last_name) if p) or None
    return {
        "flowId": str(row.flow_id),
        "flowName": row.flow_name,
        "crmProspectId": row.external_id,
        "flowInstanceId": str(row.id),
        "flowInstanceOwnerEmail": row.email_address,
        "flowInstanceOwnerFullName": full_name,
        "flowInstanceCreateDate": ms_to_iso(row.created_ms),
        "flowInstanceStatus": row.status,
        "workspaceId": None if row.workspace_id is None else str(row.workspace_id),
        "exclusive": bool(row.exclusive),
    }


def flows_for_prospects(conn: Connection, *, company_id: int, crm_ids: Sequence[str]) -> dict[str, Any]:
    """``POST /v2/flows/prospects``: the flow instances the prospects are in now, in the order the prospects were
    named, oldest assignment first. A CRM id that names no prospect of the company is in no flow: it adds
    nothing (the operation is a lookup, and the contract declares no 404)."""
    prospects = prospects_by_crm_id(conn, company_id, crm_ids)
    if not prospects:
        return {"prospectsAssigned": []}
    rows = list(
        conn.execute(
            assigned_select()
            .where(flow_instances.c.company_id == company_id, flow_instances.c.prospect_id.in_(prospects.values()))
            .order_by(flow_instances.c.created_ms, flow_instances.c.id)
        ).all()
    )
    order = {row_id: i for i, row_id in enumerate(prospects[c] for c in crm_ids if c in prospects)}
    rows.sort(key=lambda r: order[r.prospect_id])
    return {"prospectsAssigned": [assigned_flow(r) for r in rows]}
