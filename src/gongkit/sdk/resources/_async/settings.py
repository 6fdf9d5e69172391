"""The settings group (Gong's tag name): ``client.settings``.

==================  ==================================  =========================
method              Gong operation                      returns
==================  ==================================  =========================
``workspaces()``    ``GET /v2/workspaces``              ``list`` of :class:`Workspace`
``scorecards()``    ``GET /v2/settings/scorecards``     ``list`` of :class:`Scorecard`
==================  ==================================  =========================
"""

from __future__ import annotations

from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.types.settings import Scorecard, Workspace

__all__ = ["AsyncSettings"]


def _workspaces(body: dict[str, Any]) -> list[Workspace]:
    return [Workspace.model_validate(item) for item in body.get("workspaces") or []]


class AsyncSettings(AsyncAPIResource):
    """Company settings: workspaces, scorecard definitions."""

    async def workspaces(self) -> list[Workspace]:
        """Every workspace of the company (one answer, not paged)."""
        return _workspaces(await self._client.request("GET", "/v2/workspaces"))

    async def scorecards(self) -> list[Scorecard]:
        """Every scorecard definition of the company, with its questions (one answer, not paged)."""
        body = await self._client.request("GET", "/v2/settings/scorecards")
        return [Scorecard.model_validate(item) for item in body.get("scorecards") or []]
