"""Request models of the tasks group (Gong Engage tasks)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from gongkit.kernel.wire import DateTimeMs, NonEmpty, WireId, WireModel

TaskType = Literal["FLOW", "MANUAL"]
TaskAction = Literal["CALL"]
TaskStatus = Literal["OPEN", "DONE", "DISMISSED"]


class TaskFilter(WireModel):
    """Gong's ``ReminderFilter``. An empty list of types, actions or statuses is read as "any" (clients send
    empty defaults); every list holds at most the enumeration's values."""

    userId: WireId
    workspaceId: WireId | None = None
    types: Annotated[list[TaskType], Field(max_length=2)]
    taskAction: Annotated[list[TaskAction], Field(max_length=1)]
    status: Annotated[list[TaskStatus], Field(max_length=3)]


class ListTasksRequest(WireModel):
    """Gong's ``ListReminderRequest``."""

    filter: TaskFilter


class UpdateTaskRequest(WireModel):
    """Gong's ``UpdateReminderRequest``: the owner, and what changes."""

    userId: WireId
    status: TaskStatus | None = None
    dueDate: DateTimeMs | None = None
    priority: NonEmpty | None = None
