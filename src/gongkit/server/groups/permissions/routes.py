"""Routes of the permissions group: permission profiles and individual access to calls."""

from __future__ import annotations

from typing import Any

from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.permissions import queries, writes
from gongkit.server.groups.permissions.models import CallAccessListIn, CallsAccessRequest, PermissionProfileIn


def _query_id(ctx: Ctx, name: str) -> int:
    return wire_id(ctx.require_query(name), name)


@handles("listPermissionProfile")
async def list_permission_profiles(ctx: Ctx) -> dict[str, Any]:
    workspace_id = _query_id(ctx, "workspaceId")
    return await ctx.read(queries.list_profiles, company_id=ctx.company_id, workspace_id=workspace_id)


@handles("getPermissionProfile")
async def get_permission_profile(ctx: Ctx) -> dict[str, Any]:
    profile_id = _query_id(ctx, "profileId")
    return await ctx.read(queries.get_profile, company_id=ctx.company_id, profile_id=profile_id)


@handles("createPermissionProfile")
async def create_permission_profile(ctx: Ctx) -> dict[str, Any]:
    workspace_id = _query_id(ctx, "workspaceId")
    body = await ctx.json(PermissionProfileIn)
    return await ctx.write(
        writes.create_profile, ctx.clock, company_id=ctx.company_id, workspace_id=workspace_id, body=body
    )


@handles("updatePermissionProfile")
async def update_permission_profile(ctx: Ctx) -> dict[str, Any]:
    profile_id = _query_id(ctx, "profileId")
    body = await ctx.json(PermissionProfileIn)
    return await ctx.write(
        writes.update_profile, ctx.clock, company_id=ctx.company_id, profile_id=profile_id, body=body
    )


@handles("listPermissionProfileUsers")
async def list_permission_profile_users(ctx: Ctx) -> dict[str, Any]:
    profile_id = _query_id(ctx, "profileId")
    return await ctx.read(queries.list_profile_users, company_id=ctx.company_id, profile_id=profile_id)


@handles("getUsersAccessToCalls")
async def get_users_access_to_calls(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(CallsAccessRequest)
    return await ctx.read(queries.get_call_access, company_id=ctx.company_id, call_ids=body.filter.callIds)


@handles("addUsersAccessToCalls")
async def add_users_access_to_calls(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(CallAccessListIn)
    return await ctx.write(
        writes.add_call_access,
        ctx.clock,
        company_id=ctx.company_id,
        credential=ctx.principal.credential,
        pairs=body.pairs(),
    )


@handles("deleteUsersAccessToCalls")
async def delete_users_access_to_calls(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(CallAccessListIn)
    return await ctx.write(writes.delete_call_access, company_id=ctx.company_id, pairs=body.pairs())
