"""The settings group (Gong's tag name): ``client.settings``.

==================  ==================================  =========================
method              Gong operation                      returns
==================  ==================================  =========================
``workspaces()``    ``GET /v2/workspaces``              ``list`` of :class:`Workspace`
==================  ==================================  =========================
"""

from __future__ import annotations

from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.types.settings import Workspace

__all__ = ["AsyncSettings"]


def _workspaces(body: dict[str, Any]) -> list[Workspace]:
    return [Workspace.model_validate(item) for item in body.get("workspaces") or []]


class AsyncSettings(AsyncAPIResource):
    """Company settings: workspaces."""

    async def workspaces(self) -> list[Workspace]:
        """Every workspace of the company (one answer, not paged)."""
        return _workspaces(await self._client.request("GET", "/v2/workspaces"))
