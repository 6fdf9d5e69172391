"""Models of the settings group (``client.settings``)."""

from __future__ import annotations

from gongkit.types.common import GongModel


class Workspace(GongModel):
    """A workspace (``WorkspaceMetadata``): Gong's unit for separating teams' calls and settings."""

    id: str
    name: str | None = None
