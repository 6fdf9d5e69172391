"""The agent toolkit over MCP: every action and tool of :mod:`gongkit.actions` as an MCP tool.

Each tool is advertised with the action's name, description and input JSON Schema. A call runs the action
through the async SDK; its ``{data, error, successful}`` output is the tool result (structured content, and the
same JSON as text). A failed action raises a ``ToolError``, which the MCP SDK reports as a tool error
(``isError``) carrying the message for the model to read.

Credentials and base URL come from the environment (``GONG_ACCESS_KEY`` + ``GONG_ACCESS_KEY_SECRET`` or
``GONG_BEARER_TOKEN``, ``GONG_BASE_URL``) or from :func:`build_server`'s arguments. The read-only ``gong_*`` tools
take their own ``accessKey``/``accessKeySecret`` inputs and need no configured credentials.

Run it with ``gongkit mcp`` (stdio).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.tools import Tool
from mcp.server.mcpserver.utilities.func_metadata import ArgModelBase, FuncMetadata
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import ConfigDict, Field, create_model

from gongkit._version import __version__
from gongkit.actions import Action, Param, all_actions, arun

__all__ = ["OUTPUT_SCHEMA", "build_server", "run_stdio"]

#: The output of every tool.
OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "data": {"description": "Gong's answer (for tools: reshaped as the tool documents it)."},
        "error": {"type": ["string", "null"], "description": "Why the action failed, if it did."},
        "successful": {"type": "boolean", "description": "Whether the action succeeded."},
    },
    "required": ["data", "error", "successful"],
}

INSTRUCTIONS = (
    "Gong's public REST API v2 as tools. GONG_* tools take Gong's parameters, with nested body fields flattened "
    "as a__b and hyphenated query names written with __. gong_* tools are read-only and take the Gong access "
    "key and secret as inputs. Every tool answers {data, error, successful}; list results carry a cursor for "
    "the next page."
)

_READ_ONLY_POSTS = frozenset(
    {
        "listCallsExtensive",
        "getCallTranscripts",
        "listMultipleUsers",
        "listMultipleUsersAggregateActivity",
        "listMultipleUsersAggregateByPeriod",
        "listMultipleUsersDayByDayActivity",
        "listAnsweredScorecards",
        "listInteractionStats",
        "getUsersAccessToCalls",
        "getFlowsForProspects",
        "integrationStatus",
    }
)
_DESTRUCTIVE = frozenset(
    {
        "purgeEmailAddress",
        "purgePhoneNumber",
        "deleteMeeting",
        "deleteUsersAccessToCalls",
        "deleteGenericCrmIntegration",
        "updatePermissionProfile",
    }
)


class _Clients:
    """The async SDK client the tools share, made on first use (inside the server's event loop)."""

    def __init__(self, factory: Callable[[], Any], base_url: str | None) -> None:
        self._factory = factory
        self._base_url = base_url
        self._client: Any = None
        self._template: Any = None

    def for_action(self, act: Action) -> Any:
        """The configured client; for a tool, a client carrying only the base URL when none is configured."""
        from gongkit.sdk import AsyncGong, GongError

        if self._client is None:
            try:
                self._client = self._factory()
            except GongError:
                if act.kind != "tool":
                    raise
                if self._template is None:
                    self._template = AsyncGong(bearer_token="unused", base_url=self._base_url)
                return self._template
        return self._client

    async def aclose(self) -> None:
        for client in (self._client, self._template):
            if client is not None:
                await client.close()


class _Args(ArgModelBase):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


def _arg_model(act: Action) -> type[ArgModelBase]:
    """A permissive model of the inputs (the action validates them itself against its own schema)."""
    fields: dict[str, Any] = {}
    for i, p in enumerate(act.params):
        kind: Any = str | None if _is_plain_string(p) else Any
        fields[f"p{i}"] = (kind, Field(default=None, alias=p.name))
    return create_model(f"Args_{act.name}", __base__=_Args, **fields)


def _is_plain_string(p: Param) -> bool:
    return p.type == "string" and not p.is_file


def _annotations(act: Action) -> ToolAnnotations:
    op = act.operation
    read_only = op.method == "GET" or op.operation_id in _READ_ONLY_POSTS
    return ToolAnnotations(
        title=act.title or None,
        read_only_hint=read_only,
        destructive_hint=False if read_only else op.operation_id in _DESTRUCTIVE,
        idempotent_hint=read_only or op.method in ("PUT", "DELETE"),
        open_world_hint=True,
    )


def _tool(act: Action, clients: _Clients) -> Tool:
    async def call(**arguments: Any) -> CallToolResult:
        from gongkit.sdk import GongError

        try:
            client = clients.for_action(act)
        except GongError as exc:
            raise ToolError(str(exc)) from None
        out = await arun(act, arguments, client=client)
        if not out["successful"]:
            detail = f" {json.dumps(out['data'], ensure_ascii=False)}" if out["data"] else ""
            raise ToolError(f"{out['error']}{detail}")
        text = json.dumps(out, ensure_ascii=False, default=str)
        return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=out)

    return Tool(
        fn=call,
        name=act.name,
        title=act.title or None,
        description=act.description,
        parameters=act.input_schema(),
        fn_metadata=FuncMetadata(arg_model=_arg_model(act), output_schema=OUTPUT_SCHEMA),
        is_async=True,
        context_kwarg=None,
        annotations=_annotations(act),
    )


def build_server(
    *,
    access_key: str | None = None,
    access_key_secret: str | None = None,
    bearer_token: str | None = None,
    base_url: str | None = None,
    client_factory: Callable[[], Any] | None = None,
    actions: list[Action] | None = None,
) -> MCPServer:
    """An MCP server exposing ``actions`` (default: every action and tool).

    ``client_factory`` makes the ``AsyncGong`` the tools use (default: one from the arguments / environment).
    """

    def default_factory() -> Any:
        from gongkit.sdk import AsyncGong

        return AsyncGong(access_key, access_key_secret, bearer_token=bearer_token, base_url=base_url)

    clients = _Clients(client_factory or default_factory, base_url)

    @asynccontextmanager
    async def lifespan(_server: MCPServer) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await clients.aclose()

    return MCPServer(
        name="gongkit",
        title="Gong API v2 (gongkit)",
        instructions=INSTRUCTIONS,
        version=__version__,
        tools=[_tool(a, clients) for a in (actions if actions is not None else all_actions())],
        lifespan=lifespan,
    )


def run_stdio(**options: Any) -> None:
    """Serve over stdio until the client disconnects."""
    build_server(**options).run("stdio")
