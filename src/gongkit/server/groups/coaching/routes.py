"""Routes of the coaching group."""

from __future__ import annotations

from typing import Any

from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.coaching import queries


@handles("listUsers_1")
async def list_coaching_metrics(ctx: Ctx) -> dict[str, Any]:
    """``GET /v2/coaching?workspace-id=&manager-id=&from=&to=``: all four are required; ``from``/``to`` are
    ISO-8601 date-times, ``from`` inclusive, ``to`` exclusive."""
    workspace_id = wire_id(ctx.require_query("workspace-id"), "workspace-id")
    manager_id = wire_id(ctx.require_query("manager-id"), "manager-id")
    from_ms = ctx.query_datetime_ms("from", required=True)
    to_ms = ctx.query_datetime_ms("to", required=True)
    assert from_ms is not None and to_ms is not None
    if to_ms <= from_ms:
        raise InvalidRequest("to: must be later than from")
    return await ctx.read(
        queries.coaching,
        company_id=ctx.company_id,
        workspace_id=workspace_id,
        manager_id=manager_id,
        from_ms=from_ms,
        to_ms=to_ms,
    )
