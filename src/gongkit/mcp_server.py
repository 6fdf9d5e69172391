"""The agent toolkit over MCP: the actions and tools of :mod:`gongkit.actions` as MCP tools.

Built on the low-level ``mcp.server.lowlevel.Server`` of the ``mcp`` SDK (2.x), whose ``tools/list`` and
``tools/call`` handlers let each tool carry the action's own name, description and input JSON Schema, exactly.
:func:`select_actions` chooses the tools by resource group and read-only-ness, so an agent is handed only the
definitions it needs. The read-only and destructive hints come from the operation catalogue
(:attr:`gongkit.spec.Operation.read_only`, :attr:`~gongkit.spec.Operation.destructive`).

A list tool (one that takes Gong's ``cursor``) also takes ``limit``: the answer carries at most that many records
and a cursor that goes on from the next one (within Gong's page, a cursor of this server's own making).
A call runs the action through the async SDK and answers its envelope ``{data, error, successful}`` once, as
compact JSON text: no output schema is declared and no structured copy is sent, so nothing goes twice. Every
failure (invalid input, unknown tool, missing credentials, Gong's error) is a tool error (``isError``) whose text
is the same envelope with ``successful: false``, ``error`` the message and ``data`` Gong's ``status``,
``requestId`` and ``errors`` when there are any.

Credentials and base URL come from the environment (``GONG_ACCESS_KEY`` + ``GONG_ACCESS_KEY_SECRET`` or
``GONG_BEARER_TOKEN``, ``GONG_BASE_URL``) or from :func:`build_server`'s arguments. The read-only ``gong_*`` tools
take their own ``accessKey``/``accessKeySecret`` inputs and need no configured credentials.

Run it with ``gongkit mcp`` (stdio).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from typing import Any

import anyio
from mcp.server import Server, ServerRequestContext
from mcp.server.stdio import stdio_server
from mcp.types import (
    CallToolRequestParams,
    CallToolResult,
    ListToolsResult,
    PaginatedRequestParams,
    TextContent,
    Tool,
    ToolAnnotations,
)

from gongkit._version import __version__
from gongkit.actions import Action, all_actions, arun, envelope
from gongkit.sdk import AsyncGong, GongError
from gongkit.spec import GROUPS

__all__ = ["INSTRUCTIONS", "build_server", "compact", "run_stdio", "select_actions"]

INSTRUCTIONS = (
    "Gong's public REST API v2 as tools. GONG_* tools take Gong's parameters, with nested body fields flattened "
    "as a__b and hyphenated query names written with __. gong_* tools are read-only and take the Gong access "
    "key and secret as inputs. Every tool answers {data, error, successful} as JSON text (a failure is a tool "
    "error with the same shape). List tools take an optional limit on the records of one answer; pass the "
    "answer's cursor back to get the records that follow."
)

COMPACT_INSTRUCTIONS = (
    " Answers are compact: null and empty fields are left out, and a list of objects is a table "
    '{"columns": [...], "rows": [[...], ...]}.'
)

Context = ServerRequestContext[None]


class _Clients:
    """The async SDK client the tools share, made on first use (inside the server's event loop)."""

    def __init__(self, factory: Callable[[], AsyncGong], base_url: str | None) -> None:
        self._factory = factory
        self._base_url = base_url
        self._client: AsyncGong | None = None
        self._template: AsyncGong | None = None

    def for_action(self, act: Action) -> AsyncGong:
        """The configured client; for a tool, a client carrying only the base URL when none is configured
        (the tool's own credentials authenticate its request)."""
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


def select_actions(groups: Iterable[str] | None = None, *, read_only: bool = False) -> list[Action]:
    """The actions and tools of the resource ``groups`` (default: every group), only the read-only ones when
    ``read_only``: an agent that needs three groups is not handed the tool definitions of fourteen.

    Raises ``ValueError`` naming the known groups for a group that is not one.
    """
    wanted = set(GROUPS) if groups is None else set(groups)
    unknown = sorted(wanted - set(GROUPS))
    if unknown:
        raise ValueError(f"unknown group(s) {', '.join(unknown)}; the groups are {', '.join(GROUPS)}")
    return [a for a in all_actions() if a.group in wanted and (a.operation.read_only or not read_only)]


def _credentials_optional(act: Action) -> Action:
    """A ``gong_*`` tool whose ``accessKey``/``accessKeySecret`` may be left out: its request then goes with
    the server's configured credentials. Other actions are returned as they are."""
    if act.kind != "tool":
        return act
    params = tuple(
        dataclasses.replace(
            p, required=False, description=f"{p.description} (default: the credentials gongkit mcp is run with)"
        )
        if p.to is not None and p.to.startswith("credential:")
        else p
        for p in act.params
    )
    return dataclasses.replace(act, params=params)


def _annotations(act: Action) -> ToolAnnotations:
    op = act.operation
    return ToolAnnotations(
        title=act.title or None,
        read_only_hint=op.read_only,
        destructive_hint=op.destructive,
        idempotent_hint=op.read_only or op.method in ("PUT", "DELETE"),
        open_world_hint=True,
    )


#: The input every list tool takes besides Gong's own: how many records one answer may carry.
LIMIT_SCHEMA: dict[str, Any] = {
    "type": "integer",
    "minimum": 1,
    "description": "At most this many records in the answer (default: Gong's page); the answer's cursor goes on "
    "from the record after the last one.",
}

#: The prefix of a cursor this server made (Gong's cursor and how many of its page's records were sent).
_CURSOR_PREFIX = "gongkit-mcp."


def _pages(act: Action) -> bool:
    """Whether ``act`` lists records a page at a time (it takes Gong's ``cursor``)."""
    return any(p.name == "cursor" for p in act.params)


def _input_schema(act: Action) -> dict[str, Any]:
    schema = act.input_schema()
    if _pages(act):
        schema["properties"] = {**schema["properties"], "limit": LIMIT_SCHEMA}
    return schema


def _encode_cursor(gong_cursor: str | None, skip: int) -> str:
    raw = json.dumps({"cursor": gong_cursor, "skip": skip}, separators=(",", ":")).encode()
    return _CURSOR_PREFIX + base64.urlsafe_b64encode(raw).decode("ascii")


def _decode_cursor(cursor: str) -> tuple[str | None, int]:
    """(Gong's cursor, records of its page already sent) of a cursor this server made (ValueError if forged)."""
    try:
        state = json.loads(base64.urlsafe_b64decode(cursor[len(_CURSOR_PREFIX) :].encode("ascii")))
        gong_cursor, skip = state["cursor"], state["skip"]
    except (ValueError, binascii.Error, KeyError, TypeError):
        raise ValueError("cursor: not a cursor this server gave") from None
    if not (gong_cursor is None or isinstance(gong_cursor, str)) or not isinstance(skip, int) or skip < 0:
        raise ValueError("cursor: not a cursor this server gave")
    return gong_cursor, skip


class _Window:
    """A ``limit`` on one list call: the records of Gong's page from ``skip`` on, at most ``limit`` of them."""

    def __init__(self, arguments: dict[str, Any]) -> None:
        limit = arguments.pop("limit", None)
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
            raise ValueError("limit: expected an integer of at least 1")
        self.limit: int | None = limit
        self.gong_cursor: str | None = arguments.get("cursor")
        self.skip = 0
        if isinstance(self.gong_cursor, str) and self.gong_cursor.startswith(_CURSOR_PREFIX):
            self.gong_cursor, self.skip = _decode_cursor(self.gong_cursor)
            arguments.pop("cursor")
            if self.gong_cursor is not None:
                arguments["cursor"] = self.gong_cursor

    def apply(self, data: Any) -> Any:
        """Gong's answer cut to the window, its cursor pointing after the last record sent. An answer without
        exactly one list of records is left whole."""
        if (self.limit is None and not self.skip) or not isinstance(data, dict):
            return data
        lists = [key for key, value in data.items() if isinstance(value, list)]
        if len(lists) != 1:
            return data
        holder = data["records"] if isinstance(data.get("records"), dict) else data
        records = data[lists[0]][self.skip :]
        end = len(records) if self.limit is None else self.limit
        out = {**data, lists[0]: records[:end]}
        next_cursor = holder.get("cursor") if end >= len(records) else _encode_cursor(self.gong_cursor, self.skip + end)
        cut = {**holder, "cursor": next_cursor}
        if "currentPageSize" in cut:
            cut["currentPageSize"] = len(out[lists[0]])
        if next_cursor is None:
            cut.pop("cursor")
        if holder is data:
            return {**cut, lists[0]: out[lists[0]]}
        return {**out, "records": cut}


def _tool(act: Action) -> Tool:
    return Tool(
        name=act.name,
        title=act.title or None,
        description=act.description,
        input_schema=_input_schema(act),
        annotations=_annotations(act),
    )


def _decode_json_text(act: Action, arguments: dict[str, Any]) -> dict[str, Any]:
    """Arrays and objects some clients send as JSON text (``"[\\"1\\"]"``), decoded for the inputs that are not
    plain strings; anything else is left for the action's validation to accept or refuse."""
    plain = {p.name for p in act.params if p.type == "string" and not p.is_file}
    out = dict(arguments)
    for name, value in arguments.items():
        if name in plain or not isinstance(value, str):
            continue
        try:
            decoded = json.loads(value)
        except (ValueError, RecursionError):
            continue
        if decoded is None or isinstance(decoded, list | dict):
            out[name] = decoded
    return out


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def compact(value: Any) -> Any:
    """``value`` in fewer bytes for the same facts: null and empty fields dropped, and a list of two or more
    objects written as a table ``{"columns": [...], "rows": [[...], ...]}`` (a field an object lacks is
    ``null`` in its row), so a page of records does not repeat every field name on every record."""
    if isinstance(value, dict):
        return {k: compact(v) for k, v in value.items() if not _is_empty(v)}
    if not isinstance(value, list):
        return value
    items = [compact(v) for v in value]
    if len(items) < 2 or not all(isinstance(item, dict) for item in items):
        return items
    columns = list(dict.fromkeys(key for item in items for key in item))
    return {"columns": columns, "rows": [[item.get(key) for key in columns] for item in items]}


def _result(out: dict[str, Any], *, compact_data: bool = False) -> CallToolResult:
    """The envelope ``out`` as the one text block of a tool result (a tool error when it failed); a
    successful answer's data in :func:`compact` form when ``compact_data``."""
    if compact_data and out["successful"]:
        out = {**out, "data": compact(out["data"])}
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"), default=str)
    return CallToolResult(content=[TextContent(type="text", text=text)], is_error=not out["successful"])


async def _call(act: Action, arguments: dict[str, Any], clients: _Clients, compact_data: bool) -> CallToolResult:
    try:
        client = clients.for_action(act)
    except GongError as exc:
        return _result(envelope({}, str(exc)))
    arguments = _decode_json_text(act, arguments)
    try:
        window = _Window(arguments) if _pages(act) else None
    except ValueError as exc:
        return _result(envelope({}, f"Invalid input: {exc}"))
    out = await arun(act, arguments, client=client)
    if window is not None and out["successful"]:
        out = {**out, "data": window.apply(out["data"])}
    return _result(out, compact_data=compact_data)


def build_server(
    *,
    access_key: str | None = None,
    access_key_secret: str | None = None,
    bearer_token: str | None = None,
    base_url: str | None = None,
    client_factory: Callable[[], AsyncGong] | None = None,
    actions: list[Action] | None = None,
    tools_use_configured_credentials: bool = False,
    compact_output: bool = False,
) -> Server[None]:
    """An MCP server exposing ``actions`` (default: every action and tool).

    ``client_factory`` makes the ``AsyncGong`` the tools use (default: one from the arguments / environment).
    ``tools_use_configured_credentials`` makes the ``accessKey``/``accessKeySecret`` inputs of the ``gong_*``
    tools optional, the configured credentials standing in when they are left out. ``compact_output`` answers
    every successful call's data in :func:`compact` form.
    """

    def default_factory() -> AsyncGong:
        return AsyncGong(access_key, access_key_secret, bearer_token=bearer_token, base_url=base_url)

    clients = _Clients(client_factory or default_factory, base_url)
    chosen = actions if actions is not None else all_actions()
    if tools_use_configured_credentials:
        chosen = [_credentials_optional(a) for a in chosen]
    served = {a.name: a for a in chosen}
    tools = [_tool(a) for a in served.values()]

    async def list_tools(_ctx: Context, _params: PaginatedRequestParams | None) -> ListToolsResult:
        return ListToolsResult(tools=tools)

    async def call_tool(_ctx: Context, params: CallToolRequestParams) -> CallToolResult:
        act = served.get(params.name)
        if act is None:
            return _result(envelope({}, f"Unknown tool: {params.name}"))
        return await _call(act, dict(params.arguments or {}), clients, compact_output)

    @asynccontextmanager
    async def lifespan(_server: Server[None]) -> AsyncIterator[None]:
        try:
            yield None
        finally:
            await clients.aclose()

    return Server(
        "gongkit",
        version=__version__,
        title="Gong API v2 (gongkit)",
        instructions=INSTRUCTIONS + (COMPACT_INSTRUCTIONS if compact_output else ""),
        lifespan=lifespan,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


def run_stdio(**options: Any) -> None:
    """Serve over stdio until the client disconnects."""
    server = build_server(**options)

    async def serve() -> None:
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())

    anyio.run(serve)
