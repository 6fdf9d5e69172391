"""``gongkit mcp``: the agent toolkit as an MCP server over stdio."""

from __future__ import annotations

import click

from gongkit.cli._context import client_options
from gongkit.spec import GROUPS


def _groups(_ctx: click.Context, _param: click.Parameter, value: str | None) -> list[str] | None:
    """``calls,users`` as a list of resource groups (``None``: every group)."""
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in GROUPS]
    if unknown or not names:
        raise click.BadParameter(f"{', '.join(unknown) or 'none given'}; the groups are {', '.join(GROUPS)}")
    return names


@click.command("mcp")
@click.option(
    "--groups",
    callback=_groups,
    default=None,
    metavar="GROUP,...",
    help=f"Serve only the tools of these resource groups (comma-separated: {', '.join(GROUPS)}). Default: all.",
)
@click.option("--read-only", is_flag=True, help="Serve only the tools that read (no tool that changes data).")
@click.option(
    "--tools-use-configured-credentials",
    is_flag=True,
    help="Let the gong_* tools leave out accessKey/accessKeySecret and use the credentials given here instead.",
)
@click.option(
    "--compact",
    is_flag=True,
    help="Answer in fewer bytes: no null or empty fields, and lists of records as column/row tables.",
)
@client_options
def mcp(
    groups: list[str] | None,
    read_only: bool,
    tools_use_configured_credentials: bool,
    compact: bool,
    base_url: str | None,
    access_key: str | None,
    access_key_secret: str | None,
    bearer_token: str | None,
) -> None:
    """Serve the GONG_* actions and gong_* tools to an MCP client over stdio (all of them, or the ones of
    ``--groups``, read-only ones only with ``--read-only``).

    Example client configuration: {"command": "gongkit", "args": ["mcp"], "env": {"GONG_BASE_URL": "...",
    "GONG_ACCESS_KEY": "...", "GONG_ACCESS_KEY_SECRET": "..."}}. The gong_* tools take the access key and
    secret as inputs instead (optional ones with --tools-use-configured-credentials).
    """
    from gongkit.mcp_server import run_stdio, select_actions

    run_stdio(
        actions=select_actions(groups, read_only=read_only),
        tools_use_configured_credentials=tools_use_configured_credentials,
        compact_output=compact,
        access_key=access_key,
        access_key_secret=access_key_secret,
        bearer_token=bearer_token,
        base_url=base_url,
    )
