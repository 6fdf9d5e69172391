"""The library group (Gong's tag name): ``client.library``.

=======================  ======================================  =========================
method                   Gong operation                          returns
=======================  ======================================  =========================
``folders()``            ``GET /v2/library/folders``             ``list`` of :class:`LibraryFolder`
``folder_content()``     ``GET /v2/library/folder-content``      :class:`FolderContent`
=======================  ======================================  =========================
"""

from __future__ import annotations

from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.types.library import FolderContent, LibraryFolder

__all__ = ["AsyncLibrary"]


class AsyncLibrary(AsyncAPIResource):
    """The call library: public folders and the calls filed in them."""

    async def folders(self, *, workspace_id: str | int | None = None) -> list[LibraryFolder]:
        """The public, live folders (of one workspace when given), parents before their sub-folders.

        Gong answers 404 (:class:`~gongkit.sdk.errors.NotFoundError`) when there is none."""
        params: dict[str, Any] = {}
        if workspace_id is not None:
            params["workspaceId"] = str(workspace_id)
        body = await self._client.request("GET", "/v2/library/folders", params=params)
        return [LibraryFolder.model_validate(item) for item in body.get("folders") or []]

    async def folder_content(self, folder_id: str | int) -> FolderContent:
        """A folder and the calls (or clips, with ``snippet``) filed in it; 404 for a private, archived or
        unknown folder."""
        body = await self._client.request("GET", "/v2/library/folder-content", params={"folderId": str(folder_id)})
        return FolderContent.model_validate(body)
