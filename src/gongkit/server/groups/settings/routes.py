"""Routes of the settings group."""

from __future__ import annotations

from typing import Any

from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.settings import integration, scorecards, trackers
from gongkit.server.groups.settings import queries as svc


@handles("listWorkspaces")
async def list_workspaces(ctx: Ctx) -> dict[str, Any]:
    return await ctx.read(svc.list_workspaces, company_id=ctx.company_id)


@handles("integrationSettings")
async def set_integration_settings(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(integration.IntegrationSettingsIn)
    return await ctx.write(
        integration.set_integration_settings, company_id=ctx.company_id, now_ms=ctx.clock.now_ms(), body=body
    )


@handles("listScorecards")
async def list_scorecards(ctx: Ctx) -> dict[str, Any]:
    return await ctx.read(scorecards.list_scorecards, company_id=ctx.company_id)


@handles("listTrackers")
async def list_trackers(ctx: Ctx) -> dict[str, Any]:
    ws = ctx.query("workspaceId")
    workspace_id = None if ws is None or ws == "" else wire_id(ws, "workspaceId")
    return await ctx.read(trackers.list_trackers, company_id=ctx.company_id, workspace_id=workspace_id)
