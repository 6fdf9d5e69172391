"""Models of the settings group (``client.settings``)."""

from __future__ import annotations

from typing import Literal

from gongkit.types.common import GongModel


class Workspace(GongModel):
    """A workspace (``WorkspaceMetadata``): Gong's unit for separating teams' calls and settings."""

    id: str
    name: str | None = None


class IntegrationTypeSettings(GongModel):
    """An origin allowed to embed one of Gong's integrations in an iFrame (e.g. ``https://acme.partner.com``)."""

    integrationType: Literal["EMAIL_COMPOSER", "ACCOUNT_PAGES", "DIALER"]
    allowedOrigin: str


class IntegrationSettingsResponse(GongModel):
    """What setting integration origins answers: the company's integration-settings id."""

    requestId: str | None = None
    integrationId: int | None = None
