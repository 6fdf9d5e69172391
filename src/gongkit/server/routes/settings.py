"""Routes of the settings group."""

from __future__ import annotations

from typing import Any

from gongkit.server.context import Ctx
from gongkit.server.routes import handles
from gongkit.services import settings as svc


@handles("listWorkspaces")
async def list_workspaces(ctx: Ctx) -> dict[str, Any]:
    return await ctx.read(svc.list_workspaces, company_id=ctx.company_id)
