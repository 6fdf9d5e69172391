"""Routes of the flows group (Gong Engage flows, folders and prospects)."""

from __future__ import annotations

from typing import Any

from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.flows import queries, writes
from gongkit.server.groups.flows.models import (
    AssignRequest,
    ProspectsFlowsRequest,
    UnassignByCrmIdRequest,
    UnassignByInstanceIdRequest,
)


def _optional_id(ctx: Ctx, name: str) -> int | None:
    value = ctx.query(name)
    return None if value is None else wire_id(value, name)


@handles("listFlows")
async def list_flows(ctx: Ctx) -> dict[str, Any]:
    owner = ctx.require_query("flowOwnerEmail")
    workspace_id = _optional_id(ctx, "workspaceId")
    folder_id = _optional_id(ctx, "folderId")
    page_query = ctx.page_query([owner.lower(), workspace_id, folder_id], ctx.query("cursor"))
    return await ctx.read(
        queries.list_flows,
        page_query,
        company_id=ctx.company_id,
        owner_email=owner,
        workspace_id=workspace_id,
        folder_id=folder_id,
    )


@handles("listFlowsFolders")
async def list_flows_folders(ctx: Ctx) -> dict[str, Any]:
    owner = ctx.require_query("flowFolderOwnerEmail")
    workspace_id = _optional_id(ctx, "workspaceId")
    parent_id = _optional_id(ctx, "parentId")
    page_query = ctx.page_query([owner.lower(), workspace_id, parent_id], ctx.query("cursor"))
    return await ctx.read(
        queries.list_folders,
        page_query,
        company_id=ctx.company_id,
        owner_email=owner,
        workspace_id=workspace_id,
        parent_id=parent_id,
    )


@handles("getFlowsForProspects")
async def get_flows_for_prospects(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(ProspectsFlowsRequest)
    return await ctx.read(queries.flows_for_prospects, company_id=ctx.company_id, crm_ids=body.crmProspectsIds)


@handles("assignProspects")
async def assign_prospects(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(AssignRequest)
    return await ctx.write(writes.assign, ctx.clock, company_id=ctx.company_id, body=body, cool_off_override=False)


@handles("assignProspectsCoolOffOverrides")
async def assign_prospects_cool_off_overrides(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(AssignRequest)
    return await ctx.write(writes.assign, ctx.clock, company_id=ctx.company_id, body=body, cool_off_override=True)


@handles("unassignProspectFlows")
async def unassign_prospect_flows(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(UnassignByCrmIdRequest)
    return await ctx.write(
        writes.unassign_by_crm_id,
        ctx.clock,
        company_id=ctx.company_id,
        crm_id=body.crmProspectId,
        flow_id=body.flowId,
        by_email=body.unassignedByUserEmail,
    )


@handles("unassignFlows")
async def unassign_flows(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(UnassignByInstanceIdRequest)
    return await ctx.write(
        writes.unassign_by_instance_ids,
        ctx.clock,
        company_id=ctx.company_id,
        instance_ids=body.flowInstanceIds,
        by_email=body.unassignedByUserEmail,
    )
