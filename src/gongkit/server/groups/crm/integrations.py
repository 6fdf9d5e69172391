"""Generic CRM integrations: registering one, listing it, and asking for its deletion.

A company has at most one integration at a time (Gong: "Multiple CRM integrations are not supported. To create a
new integration, delete the old one first"). An integration is ``ACTIVE``, then ``DELETING`` from the moment its
deletion is requested until the deletion job has removed its objects and schema, then ``DELETED``. While it is
being deleted, a new registration is still refused (409): the old one is not gone yet. An integration that is
being deleted or deleted is unknown (404) to every operation but ``getRequestStatus``, which keeps answering
for its requests.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from gongkit.db.schema import crm_integrations
from gongkit.kernel.clock import Clock
from gongkit.kernel.errors import Conflict, NotFound
from gongkit.kernel.ids import new_id
from gongkit.kernel.subjects import parse_email

ACTIVE, DELETING, DELETED = "ACTIVE", "DELETING", "DELETED"
ALREADY_EXISTS = "An active integration already exists. To create a new integration, delete the old one first"


def not_found(integration_id: int) -> NotFound:
    return NotFound(f"No integration found with integrationId {integration_id}")


def register(conn: Connection, clock: Clock, *, company_id: int, name: str, owner_email: str) -> dict[str, Any]:
    """Create the company's integration; 409 when it has one (active or still being deleted)."""
    parse_email(owner_email, field_name="ownerEmail")
    existing = conn.execute(
        select(crm_integrations.c.id, crm_integrations.c.status).where(
            crm_integrations.c.active_company_id == company_id
        )
    ).first()
    if existing is not None:
        if existing.status == DELETING:
            raise Conflict(f"The integration {existing.id} is still being deleted; register a new one once it is gone")
        raise Conflict(ALREADY_EXISTS)
    integration_id = new_id()
    try:
        with conn.begin_nested():
            conn.execute(
                insert(crm_integrations).values(
                    id=integration_id,
                    company_id=company_id,
                    active_company_id=company_id,
                    name=name,
                    owner_email=owner_email.strip(),
                    status=ACTIVE,
                    created_ms=clock.now_ms(),
                )
            )
    except IntegrityError:  # a concurrent registration won the race
        raise Conflict(ALREADY_EXISTS) from None
    return {"integrationId": integration_id}


def list_integrations(conn: Connection, *, company_id: int) -> dict[str, Any]:
    """Gong's ``ListGenericCrmIntegrationsResponse``: the active integration (none while one is being deleted)."""
    rows = conn.execute(
        select(crm_integrations.c.id, crm_integrations.c.owner_email, crm_integrations.c.name).where(
            crm_integrations.c.company_id == company_id, crm_integrations.c.status == ACTIVE
        )
    ).all()
    return {"integrations": [{"integrationId": r.id, "ownerEmail": r.owner_email, "name": r.name} for r in rows]}


def active(conn: Connection, company_id: int, integration_id: int) -> Any:
    """The company's active integration with this id, or 404 (another company's integration is unknown too)."""
    row = conn.execute(
        select(crm_integrations).where(
            crm_integrations.c.id == integration_id,
            crm_integrations.c.company_id == company_id,
            crm_integrations.c.status == ACTIVE,
        )
    ).first()
    if row is None:
        raise not_found(integration_id)
    return row


def known(conn: Connection, company_id: int, integration_id: int) -> None:
    """404 unless the company ever had an integration with this id (for request statuses)."""
    found = conn.execute(
        select(crm_integrations.c.id).where(
            crm_integrations.c.id == integration_id, crm_integrations.c.company_id == company_id
        )
    ).first()
    if found is None:
        raise not_found(integration_id)


def mark_deleting(conn: Connection, company_id: int, integration_id: int) -> None:
    """The integration is being deleted from now on (checked active first)."""
    active(conn, company_id, integration_id)
    conn.execute(update(crm_integrations).where(crm_integrations.c.id == integration_id).values(status=DELETING))


def mark_deleted(conn: Connection, integration_id: int, now_ms: int) -> None:
    """The integration is gone: the company may register another."""
    conn.execute(
        update(crm_integrations)
        .where(crm_integrations.c.id == integration_id)
        .values(status=DELETED, active_company_id=None, deleted_ms=now_ms)
    )


def is_active(conn: Connection, integration_id: int) -> bool:
    status = conn.execute(
        select(crm_integrations.c.status).where(crm_integrations.c.id == integration_id)
    ).scalar_one_or_none()
    return status == ACTIVE


def current(conn: Connection, company_id: int) -> int:
    """The id of the company's active integration (for an upload that names none), or 404."""
    found = conn.execute(
        select(crm_integrations.c.id).where(
            crm_integrations.c.company_id == company_id, crm_integrations.c.status == ACTIVE
        )
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("No active integration: register one with PUT /v2/crm/integrations (integrationId)")
    return int(found)
