"""Engage flows: assigning prospects to a flow and taking them out of flows.

Assignment succeeds or fails per prospect (Gong's ``prospectsAssigned`` / ``prospectsNotAssigned``):

- a CRM id that names no Contact or Lead of the company: ``InvalidArgument``;
- a prospect already in the flow, in an exclusive flow (which keeps it out of every other flow), or in any flow
  when the flow it is assigned to is exclusive: ``InvalidState``;
- a prospect in its cool-off period: it left a flow fewer than that flow's ``cool_off_days`` ago: ``InvalidState``,
  unless the assignment overrides the cool-off (the cool-off-override operation, or ``overrides.coolOffOverride``).

Each new flow instance is Running and owned by ``flowInstanceOwnerEmail``'s user; when the flow's first step is a
call, that user gets an OPEN FLOW task for it, due at once. Leaving a flow ends the instance (kept, for the
cool-off) and removes its OPEN tasks; tasks already DONE or DISMISSED stay as the record of work done.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from gongkit.db.schema import flow_instances, flow_steps, flows, tasks
from gongkit.kernel.clock import Clock, ms_to_iso
from gongkit.kernel.errors import InvalidRequest, NotFound
from gongkit.kernel.ids import new_id
from gongkit.server.groups.flows.models import MAX_ASSIGN_COOL_OFF_OVERRIDE, AssignRequest
from gongkit.server.groups.flows.queries import (
    FLOW_NOT_FOUND,
    assigned_flow,
    assigned_select,
    prospects_by_crm_id,
    user_by_email,
    visible_flow,
)

DAY_MS = 86_400_000
PROSPECT_NOT_FOUND = "Prospect not found"
RUNNING = "Running"


def _failure(flow_id: int, crm_id: str, code: str, message: str) -> dict[str, Any]:
    return {"flowId": str(flow_id), "crmProspectId": crm_id, "errorCode": code, "errorMessage": message}


def _refusal(flow: Any, active: list[Any], cool_until: int | None) -> str | None:
    """Why a prospect (in the flows ``active``, cooling off until ``cool_until``) cannot join ``flow``."""
    if any(a.flow_id == flow.id for a in active):
        return "The prospect is already assigned to this flow"
    if any(a.exclusive for a in active):
        return "The prospect is in an exclusive flow and cannot be added to other flows"
    if active and flow.exclusive:
        return "The flow is exclusive and the prospect is already in other flows"
    if cool_until is not None:
        return f"The prospect is in a cool-off period until {ms_to_iso(cool_until)}"
    return None


def assign(
    conn: Connection, clock: Clock, *, company_id: int, body: AssignRequest, cool_off_override: bool
) -> dict[str, Any]:
    """``POST /v2/flows/prospects/assign`` and ``.../assign/cool-off-override`` (``cool_off_override``)."""
    if cool_off_override and len(body.crmProspectsIds) > MAX_ASSIGN_COOL_OFF_OVERRIDE:
        raise InvalidRequest(
            f"crmProspectsIds: at most {MAX_ASSIGN_COOL_OFF_OVERRIDE} prospects can be assigned in one request"
        )
    owner = user_by_email(conn, company_id, body.flowInstanceOwnerEmail, "flowInstanceOwnerEmail")
    flow = visible_flow(conn, company_id, body.flowId, owner.id)
    steps = {s.number: s for s in conn.execute(select(flow_steps).where(flow_steps.c.flow_id == flow.id)).all()}
    overrides = body.overrides
    for step in (overrides.steps or []) if overrides else []:
        if step.number not in steps:
            raise InvalidRequest(f"overrides.steps: the flow has no step number {step.number}")
    skip_cool_off = cool_off_override or bool(overrides and overrides.coolOffOverride)
    now = clock.now_ms()
    prospects = prospects_by_crm_id(conn, company_id, body.crmProspectsIds)
    active = _active_flows(conn, list(prospects.values()))
    cooling = {} if skip_cool_off else _cool_off_ends(conn, list(prospects.values()), now)
    failed: list[dict[str, Any]] = []
    created: list[int] = []
    for crm_id in body.crmProspectsIds:
        prospect_id = prospects.get(crm_id)
        if prospect_id is None:
            failed.append(_failure(flow.id, crm_id, "InvalidArgument", f"Invalid crmId {crm_id}"))
            continue
        why = _refusal(flow, active.get(prospect_id, []), cooling.get(prospect_id))
        if why is not None:
            failed.append(_failure(flow.id, crm_id, "InvalidState", why))
            continue
        instance_id = new_id()
        conn.execute(
            insert(flow_instances).values(
                id=instance_id,
                company_id=company_id,
                flow_id=flow.id,
                prospect_id=prospect_id,
                owner_id=owner.id,
                status=RUNNING,
                description=body.flowInstanceDescription,
                overrides=overrides.model_dump(mode="json", exclude_none=True) if overrides else None,
                created_ms=now,
            )
        )
        first = steps.get(1)
        if first is not None and first.action == "CALL":
            conn.execute(
                insert(tasks).values(
                    id=new_id(),
                    company_id=company_id,
                    user_id=owner.id,
                    workspace_id=flow.workspace_id,
                    type="FLOW",
                    action="CALL",
                    status="OPEN",
                    prospect_id=prospect_id,
                    flow_instance_id=instance_id,
                    step_id=first.id,
                    created_ms=now,
                    updated_ms=now,
                    due_ms=now,
                )
            )
        created.append(instance_id)
    assigned = []
    if created:
        rows = {r.id: r for r in conn.execute(assigned_select().where(flow_instances.c.id.in_(created))).all()}
        assigned = [assigned_flow(rows[i]) for i in created]
    return {"prospectsAssigned": assigned, "prospectsNotAssigned": failed}


def _active_flows(conn: Connection, prospect_ids: list[int]) -> dict[int, list[Any]]:
    """Per prospect, the flows it is in now (flow id, exclusive)."""
    out: dict[int, list[Any]] = {}
    if not prospect_ids:
        return out
    rows = conn.execute(
        select(flow_instances.c.prospect_id, flows.c.id.label("flow_id"), flows.c.exclusive)
        .join(flows, flows.c.id == flow_instances.c.flow_id)
        .where(flow_instances.c.prospect_id.in_(prospect_ids), flow_instances.c.ended_ms.is_(None))
    ).all()
    for r in rows:
        out.setdefault(r.prospect_id, []).append(r)
    return out


def _cool_off_ends(conn: Connection, prospect_ids: list[int], now: int) -> dict[int, int]:
    """Per prospect still cooling off at ``now``, when its cool-off ends (the latest end over the flows it left)."""
    if not prospect_ids:
        return {}
    ends = func.max(flow_instances.c.ended_ms + flows.c.cool_off_days * DAY_MS)
    rows = conn.execute(
        select(flow_instances.c.prospect_id, ends.label("until"))
        .join(flows, flows.c.id == flow_instances.c.flow_id)
        .where(
            flow_instances.c.prospect_id.in_(prospect_ids),
            flow_instances.c.ended_ms.is_not(None),
            flows.c.cool_off_days > 0,
        )
        .group_by(flow_instances.c.prospect_id)
    ).all()
    return {r.prospect_id: int(r.until) for r in rows if r.until is not None and int(r.until) > now}


def _end(conn: Connection, instance_ids: list[int], now: int, by_user_id: int | None) -> None:
    if not instance_ids:
        return
    conn.execute(
        update(flow_instances).where(flow_instances.c.id.in_(instance_ids)).values(ended_ms=now, ended_by_id=by_user_id)
    )
    conn.execute(delete(tasks).where(and_(tasks.c.flow_instance_id.in_(instance_ids), tasks.c.status == "OPEN")))


def _by_user(conn: Connection, company_id: int, email: str | None) -> int | None:
    return None if email is None else int(user_by_email(conn, company_id, email, "unassignedByUserEmail").id)


def unassign_by_crm_id(
    conn: Connection,
    clock: Clock,
    *,
    company_id: int,
    crm_id: str,
    flow_id: int | None,
    by_email: str | None,
) -> dict[str, Any]:
    """``POST /v2/flows/prospects/unassign-flows-by-crm-id``: the prospect leaves the flow (or every flow it is
    in). The answer lists the flow instances ended (the contract's field; its prose speaks of flow ids). An
    unknown prospect or flow is a 404."""
    by_user_id = _by_user(conn, company_id, by_email)
    prospect_id = prospects_by_crm_id(conn, company_id, [crm_id]).get(crm_id)
    if prospect_id is None:
        raise NotFound(PROSPECT_NOT_FOUND)
    stmt = select(flow_instances.c.id).where(
        flow_instances.c.company_id == company_id,
        flow_instances.c.prospect_id == prospect_id,
        flow_instances.c.ended_ms.is_(None),
    )
    if flow_id is not None:
        found = conn.execute(select(flows.c.id).where(flows.c.company_id == company_id, flows.c.id == flow_id)).first()
        if found is None:
            raise NotFound(FLOW_NOT_FOUND)
        stmt = stmt.where(flow_instances.c.flow_id == flow_id)
    ids = list(conn.execute(stmt.order_by(flow_instances.c.created_ms, flow_instances.c.id)).scalars())
    _end(conn, ids, clock.now_ms(), by_user_id)
    return {"unassignedFlowInstanceIds": [str(i) for i in ids]}


def unassign_by_instance_ids(
    conn: Connection, clock: Clock, *, company_id: int, instance_ids: Sequence[int], by_email: str | None
) -> dict[str, Any]:
    """``POST /v2/flows/prospects/unassign-flows-by-instance-id``: the named flow instances end. As the contract
    says, an id that could not be removed (unknown, another company's, ended already) is left out of the answer."""
    by_user_id = _by_user(conn, company_id, by_email)
    wanted = list(dict.fromkeys(instance_ids))
    live = set(
        conn.execute(
            select(flow_instances.c.id).where(
                flow_instances.c.company_id == company_id,
                flow_instances.c.id.in_(wanted),
                flow_instances.c.ended_ms.is_(None),
            )
        ).scalars()
    )
    ids = [i for i in wanted if i in live]
    _end(conn, ids, clock.now_ms(), by_user_id)
    return {"unassignedFlowInstanceIds": [str(i) for i in ids]}
