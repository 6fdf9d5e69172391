"""The settings group (Gong's tag name): ``client.settings``.

==================  ==================================  =========================
method              Gong operation                      returns
==================  ==================================  =========================
``workspaces()``    ``GET /v2/workspaces``              ``list`` of :class:`Workspace`
``trackers()``      ``GET /v2/settings/trackers``       ``list`` of :class:`KeywordTracker`
==================  ==================================  =========================
"""

from __future__ import annotations

from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.types.settings import KeywordTracker, Workspace

__all__ = ["AsyncSettings"]


def _workspaces(body: dict[str, Any]) -> list[Workspace]:
    return [Workspace.model_validate(item) for item in body.get("workspaces") or []]


def _trackers(body: dict[str, Any]) -> list[KeywordTracker]:
    return [KeywordTracker.model_validate(item) for item in body.get("keywordTrackers") or []]


class AsyncSettings(AsyncAPIResource):
    """Company settings: workspaces, keyword trackers."""

    async def workspaces(self) -> list[Workspace]:
        """Every workspace of the company (one answer, not paged)."""
        return _workspaces(await self._client.request("GET", "/v2/workspaces"))

    async def trackers(self, *, workspace_id: str | None = None) -> list[KeywordTracker]:
        """The keyword trackers of the company, or of one workspace (with those of every workspace); one
        answer, not paged. An unknown workspace raises :class:`~gongkit.NotFoundError`."""
        params = {"workspaceId": workspace_id} if workspace_id is not None else None
        return _trackers(await self._client.request("GET", "/v2/settings/trackers", params=params))
