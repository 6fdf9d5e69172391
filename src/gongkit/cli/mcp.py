"""``gongkit mcp``: the agent toolkit as an MCP server over stdio."""

from __future__ import annotations

import click

from gongkit.cli._context import client_options


@click.command("mcp")
@client_options
def mcp(base_url: str | None, access_key: str | None, access_key_secret: str | None, bearer_token: str | None) -> None:
    """Serve every GONG_* action and gong_* tool to an MCP client over stdio.

    Example client configuration: {"command": "gongkit", "args": ["mcp"], "env": {"GONG_BASE_URL": "...",
    "GONG_ACCESS_KEY": "...", "GONG_ACCESS_KEY_SECRET": "..."}}. The gong_* tools take the access key and
    secret as inputs instead.
    """
    from gongkit.mcp_server import run_stdio

    run_stdio(
        access_key=access_key,
        access_key_secret=access_key_secret,
        bearer_token=bearer_token,
        base_url=base_url,
    )
