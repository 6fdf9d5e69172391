"""Test factories of Gong Engage rows: folders, flows (with shares and steps), flow instances, tasks, call outcomes.

Ids are given by the tests (small, readable numbers), so answers can be compared whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert

from gongkit.db.schema import call_outcomes, flow_folder_shares, flow_folders, flow_instances, flow_shares, flow_steps
from gongkit.db.schema import flows as flows_table
from gongkit.db.schema import tasks as tasks_table

T0 = 1_704_067_200_000  # 2024-01-01T00:00:00Z
DAY = 86_400_000


def make_folder(
    conn: Connection,
    company_id: int,
    folder_id: int,
    name: str,
    *,
    visibility: str = "Company",
    owner_id: int | None = None,
    parent_id: int | None = None,
    workspace_id: int | None = None,
    shared_with: Sequence[int] = (),
    created_ms: int = T0,
) -> int:
    conn.execute(
        insert(flow_folders).values(
            id=folder_id,
            company_id=company_id,
            workspace_id=workspace_id,
            parent_id=parent_id,
            name=name,
            visibility=visibility,
            owner_id=owner_id,
            created_ms=created_ms,
        )
    )
    for user_id in shared_with:
        conn.execute(insert(flow_folder_shares).values(folder_id=folder_id, user_id=user_id))
    return folder_id


def make_flow(
    conn: Connection,
    company_id: int,
    flow_id: int,
    name: str,
    *,
    visibility: str = "Company",
    owner_id: int | None = None,
    folder_id: int | None = None,
    workspace_id: int | None = None,
    exclusive: bool = False,
    cool_off_days: int = 0,
    shared_with: Sequence[int] = (),
    steps: Sequence[tuple[str, str]] = (("Intro call", "CALL"), ("Follow-up e-mail", "EMAIL")),
    created_ms: int = T0,
) -> int:
    """A flow with its steps (name, action), numbered from 1 with ids ``flow_id * 10 + number``."""
    conn.execute(
        insert(flows_table).values(
            id=flow_id,
            company_id=company_id,
            workspace_id=workspace_id,
            folder_id=folder_id,
            name=name,
            visibility=visibility,
            owner_id=owner_id,
            exclusive=exclusive,
            cool_off_days=cool_off_days,
            created_ms=created_ms,
        )
    )
    for user_id in shared_with:
        conn.execute(insert(flow_shares).values(flow_id=flow_id, user_id=user_id))
    for number, (step_name, action) in enumerate(steps, 1):
        conn.execute(
            insert(flow_steps).values(
                id=flow_id * 10 + number,
                company_id=company_id,
                flow_id=flow_id,
                number=number,
                name=step_name,
                action=action,
            )
        )
    return flow_id


def make_instance(
    conn: Connection,
    company_id: int,
    instance_id: int,
    flow_id: int,
    prospect_id: int,
    owner_id: int,
    *,
    status: str = "Running",
    created_ms: int = T0,
    ended_ms: int | None = None,
) -> int:
    conn.execute(
        insert(flow_instances).values(
            id=instance_id,
            company_id=company_id,
            flow_id=flow_id,
            prospect_id=prospect_id,
            owner_id=owner_id,
            status=status,
            created_ms=created_ms,
            ended_ms=ended_ms,
        )
    )
    return instance_id


def make_task(conn: Connection, company_id: int, task_id: int, user_id: int, **overrides: Any) -> int:
    """A task (MANUAL, OPEN, a call, due a day after T0 unless told otherwise)."""
    values: dict[str, Any] = {
        "id": task_id,
        "company_id": company_id,
        "user_id": user_id,
        "workspace_id": None,
        "type": "MANUAL",
        "action": "CALL",
        "status": "OPEN",
        "title": "Call back about pricing",
        "priority": None,
        "prospect_id": None,
        "flow_instance_id": None,
        "step_id": None,
        "created_ms": T0,
        "updated_ms": T0,
        "due_ms": T0 + DAY,
    }
    values.update(overrides)
    conn.execute(insert(tasks_table).values(**values))
    return task_id


def make_outcome(conn: Connection, company_id: int, name: str, display_order: int, **overrides: Any) -> None:
    values: dict[str, Any] = {
        "company_id": company_id,
        "name": name,
        "display_order": display_order,
        "connect_status": "CONNECTED",
        "sentiment": "POSITIVE",
        "todo_action": "COMPLETE",
        "automation": None,
        "category": "ANSWERED",
    }
    values.update(overrides)
    conn.execute(insert(call_outcomes).values(**values))
