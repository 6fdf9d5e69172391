"""Routes of the tasks group (Gong Engage tasks), and of the calls operation ``listCallOutcomes``: call outcomes
are the Dialer's list that ends a call task, so they are served from here."""

from __future__ import annotations

from typing import Any

from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.tasks import queries, writes
from gongkit.server.groups.tasks.models import ListTasksRequest, UpdateTaskRequest


@handles("listTasks")
async def list_tasks(ctx: Ctx) -> dict[str, Any]:
    f = (await ctx.json(ListTasksRequest)).filter
    return await ctx.read(
        queries.list_tasks,
        company_id=ctx.company_id,
        user_id=f.userId,
        workspace_id=f.workspaceId,
        types=f.types,
        actions=f.taskAction,
        statuses=f.status,
    )


@handles("updateReminder")
async def update_reminder(ctx: Ctx) -> dict[str, Any]:
    task_id = wire_id(ctx.path_param("taskId"), "taskId")
    body = await ctx.json(UpdateTaskRequest)
    return await ctx.write(writes.update_task, ctx.clock, company_id=ctx.company_id, task_id=task_id, body=body)


@handles("listCallOutcomes")
async def list_call_outcomes(ctx: Ctx) -> dict[str, Any]:
    return await ctx.read(queries.list_call_outcomes, company_id=ctx.company_id)
