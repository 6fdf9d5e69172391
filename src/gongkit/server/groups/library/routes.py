"""Routes of the library group."""

from __future__ import annotations

from typing import Any

from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.library import queries as svc


@handles("getLibraryStructure")
async def library_structure(ctx: Ctx) -> dict[str, Any]:
    ws = ctx.query("workspaceId")
    workspace_id = None if ws is None else wire_id(ws, "workspaceId")
    return await ctx.read(svc.library_structure, company_id=ctx.company_id, workspace_id=workspace_id)


@handles("getCallsInSpecificFolder")
async def folder_content(ctx: Ctx) -> dict[str, Any]:
    # The contract marks folderId optional, but the answer is one folder's content: without it there is none.
    folder_id = wire_id(ctx.require_query("folderId"), "folderId")
    return await ctx.read(svc.folder_content, company_id=ctx.company_id, folder_id=folder_id)
