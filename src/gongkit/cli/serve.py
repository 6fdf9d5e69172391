"""``gongkit serve``: the Gong-compatible server."""

from __future__ import annotations

import os
from pathlib import Path

import click

from gongkit.cli._context import open_store, settings_for, store_options
from gongkit.cli._server_options import apply_app_url, local_url, uvicorn_options
from gongkit.kernel.config import ServerSettings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="Port to bind.")
@store_options
@click.option(
    "--demo", is_flag=True, help="Create the demo company if the database does not have it; print its credentials."
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Worker processes (each builds its app with gongkit.server.asgi:create). "
    "Use GONGKIT_RATE_LIMIT_STORAGE=redis://... to share rate limits between them.",
)
@click.option(
    "--log-level",
    type=click.Choice(["debug", "info", "warning", "error"]),
    default=None,
    help="Log level (default: $GONGKIT_LOG_LEVEL or info).",
)
def serve(
    host: str,
    port: int,
    data_dir: Path | None,
    database_url: str | None,
    demo: bool,
    workers: int,
    log_level: str | None,
) -> None:
    """Run the Gong-compatible server (Gong's API v2 under /v2).

    The schema is migrated first. Logs go to stderr and to <data-dir>/logs/server.log, with e-mail addresses and
    phone numbers masked.
    """
    import uvicorn

    from gongkit.server.app import create_app
    from gongkit.server.core import logs
    from gongkit.server.core.ratelimit import check_storage, shared

    settings = settings_for(data_dir, database_url, log_level=log_level)
    try:
        check_storage(settings.rate_limit_storage)
    except ValueError as exc:
        raise click.ClickException(f"{exc} (GONGKIT_RATE_LIMIT_STORAGE)") from None
    if workers > 1 and not shared(settings.rate_limit_storage):
        click.echo(
            f"warning: each of the {workers} workers counts rate limits on its own (a company gets {workers} times "
            "its rate); set GONGKIT_RATE_LIMIT_STORAGE=redis://... to share the counts",
            err=True,
        )
    apply_app_url(settings, host, port)
    logs.configure(settings.log_level, settings.log_file)
    db = open_store(settings)
    base_url = local_url(host, port)
    if demo:
        from gongkit.cli.demo import ensure_demo, print_credentials

        print_credentials(base_url, ensure_demo(db, settings))
    click.echo(f"gongkit server on {base_url} (data: {settings.data_dir}, database: {_safe_url(settings)})", err=True)
    if workers == 1:
        app = create_app(settings, db=db)
        uvicorn.run(app, host=host, port=port, **uvicorn_options())  # type: ignore[arg-type]
        return
    db.dispose()
    os.environ.update(
        {
            "GONGKIT_DATA_DIR": str(settings.data_dir.resolve()),
            "GONGKIT_DATABASE_URL": settings.database_url,
            "GONGKIT_APP_URL": settings.app_url,
            "GONGKIT_LOG_LEVEL": settings.log_level,
            "GONGKIT_RATE_LIMIT_STORAGE": settings.rate_limit_storage,
        }
    )
    uvicorn.run(
        "gongkit.server.asgi:create",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **uvicorn_options(),  # type: ignore[arg-type]
    )


def _safe_url(settings: ServerSettings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.database_url).render_as_string(hide_password=True)
