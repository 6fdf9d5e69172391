"""``gongkit migrate``: bring a store to the newest schema (``serve`` and every worker also do it on start)."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy.engine import make_url

from gongkit.cli._context import settings_for, store_options
from gongkit.db import migrate as migrate_store


@click.command()
@store_options
def migrate(data_dir: Path | None, database_url: str | None) -> None:
    """Create or upgrade the store's schema to the newest revision (safe to run while servers are running)."""
    settings = settings_for(data_dir, database_url)
    migrate_store(settings.database_url)
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    click.echo(f"store migrated: {shown}", err=True)
