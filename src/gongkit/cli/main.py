"""``gongkit``: the entry point of the command line (``pyproject.toml`` scripts: ``gongkit.cli.main:main``)."""

from __future__ import annotations

import click

from gongkit._version import __version__
from gongkit.cli.actions import actions
from gongkit.cli.admin import admin
from gongkit.cli.calls import calls
from gongkit.cli.data_privacy import data_privacy
from gongkit.cli.demo import demo
from gongkit.cli.mcp import mcp
from gongkit.cli.migrate import migrate
from gongkit.cli.serve import serve
from gongkit.cli.users import users


@click.group(name="gongkit", context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="gongkit")
def cli() -> None:
    """gongkit: a Gong API v2 toolkit — a Gong-compatible server, a typed SDK and an agent toolkit.

    \b
    Server:   serve, demo, migrate, admin
    Client:   calls, users, data-privacy, actions (against GONG_BASE_URL with GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET)
    Agents:   mcp (every action as an MCP tool over stdio)

    Output is JSON; add --table for a table.
    """


for command in (serve, demo, migrate, admin, calls, users, data_privacy, actions, mcp):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="gongkit")


if __name__ == "__main__":
    main()
