"""The settings group (Gong's tag name): ``client.settings``.

====================================  ==================================  ==================================
method                                Gong operation                      returns
====================================  ==================================  ==================================
``workspaces()``                      ``GET /v2/workspaces``              ``list`` of :class:`Workspace`
``trackers()``                        ``GET /v2/settings/trackers``       ``list`` of :class:`KeywordTracker`
``scorecards()``                      ``GET /v2/settings/scorecards``     ``list`` of :class:`Scorecard`
``integration_settings(settings)``    ``POST /v2/integration-settings``   :class:`IntegrationSettingsResponse`
====================================  ==================================  ==================================
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import dump_model
from gongkit.types.settings import (
    IntegrationSettingsResponse,
    IntegrationTypeSettings,
    KeywordTracker,
    Scorecard,
    Workspace,
)

__all__ = ["AsyncSettings"]


def _workspaces(body: dict[str, Any]) -> list[Workspace]:
    return [Workspace.model_validate(item) for item in body.get("workspaces") or []]


def _trackers(body: dict[str, Any]) -> list[KeywordTracker]:
    return [KeywordTracker.model_validate(item) for item in body.get("keywordTrackers") or []]


class AsyncSettings(AsyncAPIResource):
    """Company settings: workspaces, keyword trackers, scorecard definitions, the origins allowed to embed Gong's
    integrations."""

    async def workspaces(self) -> list[Workspace]:
        """Every workspace of the company (one answer, not paged)."""
        return _workspaces(await self._client.request("GET", "/v2/workspaces"))

    async def integration_settings(self, settings: Iterable[IntegrationTypeSettings]) -> IntegrationSettingsResponse:
        """Set the allowed origins of the integration types named (``integrationSettings``): each named type gets
        exactly the origins given; the types not named keep theirs."""
        body = {"integrationTypeSettings": [dump_model(s) for s in settings]}
        return IntegrationSettingsResponse.model_validate(
            await self._client.request("POST", "/v2/integration-settings", json=body)
        )

    async def scorecards(self) -> list[Scorecard]:
        """Every scorecard definition of the company, with its questions (one answer, not paged)."""
        body = await self._client.request("GET", "/v2/settings/scorecards")
        return [Scorecard.model_validate(item) for item in body.get("scorecards") or []]

    async def trackers(self, *, workspace_id: str | None = None) -> list[KeywordTracker]:
        """The keyword trackers of the company, or of one workspace (with those of every workspace); one
        answer, not paged. An unknown workspace raises :class:`~gongkit.NotFoundError`."""
        params = {"workspaceId": workspace_id} if workspace_id is not None else None
        return _trackers(await self._client.request("GET", "/v2/settings/trackers", params=params))
