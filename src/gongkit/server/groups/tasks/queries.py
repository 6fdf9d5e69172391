"""Engage tasks as Gong renders them (``ReminderDataDto``), and the company's call outcomes.

A task belongs to one user; a FLOW task is a step of the flow instance a prospect is in, a MANUAL task is a
one-off with a title. Its contact is the CRM Contact or Lead it is about, rendered from what the CRM object holds
(its CRM id, type and e-mail address). ``crmType`` is null: the company's CRM system is the CRM integration's
to tell, and a task does not know it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import aliased

from gongkit.db.schema import call_outcomes, crm_objects, flow_instances, flow_steps, flows, tasks, users
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import NotFound

USER_NOT_FOUND = "User not found"
TASK_NOT_FOUND = "Task not found"
#: Gong's task priorities: the name a client sends -> (id, name, weight).
PRIORITIES = {"HIGH": (1, "high", 100), "MEDIUM": (2, "medium", 50), "LOW": (3, "low", 10)}
_PRIORITY_BY_ID = {p[0]: p for p in PRIORITIES.values()}
_CONTACT_TYPES = {"contact": "CONTACT", "lead": "LEAD"}

_flow = aliased(flows)
TASK_SELECT = select(
    tasks,
    crm_objects.c.external_id,
    crm_objects.c.object_type,
    crm_objects.c.email_address,
    _flow.c.id.label("flow_id"),
    _flow.c.name.label("flow_name"),
    flow_steps.c.name.label("step_name"),
    flow_steps.c.number.label("step_number"),
).select_from(
    tasks.outerjoin(crm_objects, crm_objects.c.id == tasks.c.prospect_id)
    .outerjoin(flow_instances, flow_instances.c.id == tasks.c.flow_instance_id)
    .outerjoin(_flow, _flow.c.id == flow_instances.c.flow_id)
    .outerjoin(flow_steps, flow_steps.c.id == tasks.c.step_id)
)


def _contact(row: Any) -> dict[str, Any] | None:
    if row.external_id is None:
        return None
    data: dict[str, Any] = dict.fromkeys(
        ("firstName", "lastName", "crmUrl", "companyName", "affiliation", "title", "timezone", "city", "country"),
    )
    data.update(
        {
            "emails": [{"email": row.email_address}] if row.email_address else [],
            "phoneNumbers": [],
            "state": None,
            "zipcode": None,
            "optOutChannels": [],
            "linkedinProfile": None,
        }
    )
    return {"crmId": row.external_id, "type": _CONTACT_TYPES.get(str(row.object_type).lower()), "data": data}


def _flow_of(row: Any) -> dict[str, Any] | None:
    if row.flow_id is None:
        return None
    step = None
    if row.step_id is not None and row.step_name is not None:
        step = {"id": row.step_id, "name": row.step_name, "stepNumber": row.step_number}
    return {"id": row.flow_id, "name": row.flow_name, "step": step}


def render_task(row: Any) -> dict[str, Any]:
    """One ``ReminderDataDto``: every field, null where the task has no value (ids are integers, as the
    contract declares them here)."""
    priority = _PRIORITY_BY_ID.get(row.priority) if row.priority is not None else None
    return {
        "id": row.id,
        "userId": row.user_id,
        "created": ms_to_iso(row.created_ms),
        "updated": ms_to_iso(row.updated_ms),
        "status": row.status,
        "type": row.type,
        "actions": [row.action],
        "account": None,
        "opportunity": None,
        "dueDate": None if row.due_ms is None else ms_to_iso(row.due_ms),
        "flow": _flow_of(row),
        "contact": _contact(row),
        "additionalContacts": [],
        "title": row.title if row.type == "MANUAL" else None,
        "priority": None if priority is None else {"id": priority[0], "name": priority[1], "weight": priority[2]},
    }


def list_tasks(
    conn: Connection,
    *,
    company_id: int,
    user_id: int,
    workspace_id: int | None,
    types: Sequence[str],
    actions: Sequence[str],
    statuses: Sequence[str],
) -> dict[str, Any]:
    """``POST /v2/tasks``: the user's tasks, soonest due first (tasks without a due date last). An unknown user
    (or another company's) is a 404."""
    known = conn.execute(select(users.c.id).where(users.c.company_id == company_id, users.c.id == user_id)).first()
    if known is None:
        raise NotFound(USER_NOT_FOUND)
    stmt = TASK_SELECT.where(tasks.c.company_id == company_id, tasks.c.user_id == user_id)
    if workspace_id is not None:
        stmt = stmt.where(tasks.c.workspace_id == workspace_id)
    if types:
        stmt = stmt.where(tasks.c.type.in_(list(types)))
    if actions:
        stmt = stmt.where(tasks.c.action.in_(list(actions)))
    if statuses:
        stmt = stmt.where(tasks.c.status.in_(list(statuses)))
    rows = conn.execute(stmt.order_by(tasks.c.due_ms.is_(None), tasks.c.due_ms, tasks.c.id)).all()
    return {"tasks": [render_task(r) for r in rows], "crmType": None}


def get_task(conn: Connection, *, company_id: int, user_id: int, task_id: int) -> Any:
    """The task row (as ``TASK_SELECT`` reads it) if it is ``user_id``'s in the company; 404 otherwise."""
    row = conn.execute(
        TASK_SELECT.where(tasks.c.company_id == company_id, tasks.c.id == task_id, tasks.c.user_id == user_id)
    ).first()
    if row is None:
        raise NotFound(TASK_NOT_FOUND)
    return row


def list_call_outcomes(conn: Connection, *, company_id: int) -> dict[str, Any]:
    """``GET /v2/call-outcomes``: the company's call outcomes in their display order."""
    rows = conn.execute(
        select(call_outcomes)
        .where(call_outcomes.c.company_id == company_id)
        .order_by(call_outcomes.c.display_order, call_outcomes.c.id)
    ).all()
    return {
        "outcomes": [
            {
                "callOutcome": r.name,
                "displayOrder": r.display_order,
                "connectStatus": r.connect_status,
                "sentiment": r.sentiment,
                "todoAction": r.todo_action,
                "automation": r.automation,
                "category": r.category,
            }
            for r in rows
        ]
    }
