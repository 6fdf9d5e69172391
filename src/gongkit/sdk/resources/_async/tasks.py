"""The tasks group: ``client.tasks`` (Gong Engage tasks).

=====================================  =================================================  =====================
method                                 Gong operation                                     returns
=====================================  =================================================  =====================
``list(user_id, ...)``                 ``POST /v2/tasks`` (listTasks)                     :class:`UserTasks`
``update(task_id, user_id, ...)``      ``PATCH /v2/tasks/{taskId}`` (updateReminder)      :class:`Task`
=====================================  =================================================  =====================

The call outcomes a rep picks when a call task ends are listed by ``client.calls.outcomes()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import DateTimeInput, drop_none, optional_datetime, path_segment
from gongkit.types.tasks import Task, TaskAction, TaskStatus, TaskType, UserTasks

__all__ = ["AsyncTasks"]


class AsyncTasks(AsyncAPIResource):
    """Engage tasks: a user's tasks, and changing a task's status, due date or priority."""

    async def list(
        self,
        user_id: str | int,
        *,
        types: Iterable[TaskType] = ("FLOW", "MANUAL"),
        task_actions: Iterable[TaskAction] = ("CALL",),
        statuses: Iterable[TaskStatus] = ("OPEN", "DONE", "DISMISSED"),
        workspace_id: str | int | None = None,
    ) -> UserTasks:
        """The tasks of one user, soonest due first (by default of every type and status)."""
        body: dict[str, Any] = {
            "filter": drop_none(
                {
                    "userId": str(user_id),
                    "workspaceId": None if workspace_id is None else str(workspace_id),
                    "types": list(types),
                    "taskAction": list(task_actions),
                    "status": list(statuses),
                }
            )
        }
        return UserTasks.model_validate(await self._client.request("POST", "/v2/tasks", json=body))

    async def update(
        self,
        task_id: str | int,
        user_id: str | int,
        *,
        status: TaskStatus | None = None,
        due_date: DateTimeInput | None = None,
        priority: str | None = None,
    ) -> Task:
        """Change a task of ``user_id`` (its status, due date, priority: HIGH, MEDIUM or LOW); returns it as it
        now is. :class:`~gongkit.sdk.errors.NotFoundError` if the user has no such task."""
        json = drop_none(
            {"userId": str(user_id), "status": status, "dueDate": optional_datetime(due_date), "priority": priority}
        )
        body = await self._client.request("PATCH", f"/v2/tasks/{path_segment(task_id)}", json=json)
        return Task.model_validate((body.get("tasks") or [{}])[0])
