"""Engage tasks: changing a task's status, due date or priority."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, update

from gongkit.db.schema import tasks
from gongkit.kernel.clock import Clock
from gongkit.kernel.errors import InvalidRequest
from gongkit.server.groups.tasks.models import UpdateTaskRequest
from gongkit.server.groups.tasks.queries import PRIORITIES, get_task, render_task


def update_task(
    conn: Connection, clock: Clock, *, company_id: int, task_id: int, body: UpdateTaskRequest
) -> dict[str, Any]:
    """``PATCH /v2/tasks/{taskId}``: the owner's task (``userId``) gets the new values; the answer holds it as
    it now is. A task of another user or company, or none, is a 404; a request that changes nothing answers the
    task unchanged. Completing a flow task does not move its flow instance on (the flow's later steps are not
    modelled)."""
    values: dict[str, Any] = {}
    if body.priority is not None:
        priority = PRIORITIES.get(body.priority.upper())
        if priority is None:
            raise InvalidRequest(f"priority: must be one of {', '.join(PRIORITIES)}")
        values["priority"] = priority[0]
    get_task(conn, company_id=company_id, user_id=body.userId, task_id=task_id)
    if body.status is not None:
        values["status"] = body.status
    if body.dueDate is not None:
        values["due_ms"] = body.dueDate
    if values:
        values["updated_ms"] = clock.now_ms()
        conn.execute(update(tasks).where(tasks.c.id == task_id).values(**values))
    row = get_task(conn, company_id=company_id, user_id=body.userId, task_id=task_id)
    return {"tasks": [render_task(row)], "crmType": None}
