"""An importable ASGI app factory, for process managers and ``gongkit serve --workers N``.

Every worker builds its app from the environment (``GONGKIT_*``, see the README)::

    uvicorn --factory gongkit.server.asgi:create --workers 4

Each worker migrates the store first (a no-op once it is current), so a fresh data directory works.
"""

from __future__ import annotations

from starlette.applications import Starlette

from gongkit.db import migrate
from gongkit.kernel.config import ServerSettings
from gongkit.server.app import create_app
from gongkit.server.core import logs


def create() -> Starlette:
    """The server app, configured from the environment, with gongkit's redacting logging."""
    settings = ServerSettings.from_env()
    logs.configure(settings.log_level, settings.log_file)
    migrate(settings.database_url)  # a fresh store works too; workers starting together take turns
    return create_app(settings)
