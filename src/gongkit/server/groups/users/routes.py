"""Routes of the users group."""

from __future__ import annotations

from typing import Any

from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import Ctx, model_params
from gongkit.server.core.routing import handles
from gongkit.server.groups.users import queries as svc
from gongkit.server.groups.users.models import UsersExtensiveRequest


@handles("listUsers")
async def list_users(ctx: Ctx) -> dict[str, Any]:
    include_avatars = ctx.query_bool("includeAvatars")
    page_query = ctx.page_query([include_avatars], ctx.query("cursor"))
    return await ctx.read(svc.list_users, page_query, company_id=ctx.company_id, include_avatars=include_avatars)


@handles("listMultipleUsers")
async def list_multiple_users(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(UsersExtensiveRequest)
    f = body.filter
    page_query = ctx.page_query(model_params(body), body.cursor)
    return await ctx.read(
        svc.list_users,
        page_query,
        company_id=ctx.company_id,
        include_avatars=bool(f.includeAvatars),
        # An empty userIds list is read as "not supplied" (clients send empty defaults).
        user_ids=f.userIds or None,
        created_from_ms=f.createdFromDateTime,
        created_to_ms=f.createdToDateTime,
        not_found_when_empty=True,
    )


@handles("getUser")
async def get_user(ctx: Ctx) -> dict[str, Any]:
    user_id = wire_id(ctx.path_param("id"), "id")
    return await ctx.read(svc.get_user, company_id=ctx.company_id, user_id=user_id)


@handles("getUserHistory")
async def get_user_history(ctx: Ctx) -> dict[str, Any]:
    user_id = wire_id(ctx.path_param("id"), "id")
    return await ctx.read(svc.get_user_history, company_id=ctx.company_id, user_id=user_id)
