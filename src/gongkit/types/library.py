"""Models of the library group (``client.library``)."""

from __future__ import annotations

from pydantic import Field

from gongkit.types.common import GongModel


class LibraryFolder(GongModel):
    """A public library folder (``LibraryFolder``); ``parentFolderId`` is ``None`` for a root folder."""

    id: str
    name: str | None = None
    parentFolderId: str | None = None
    createdBy: str | None = None
    updated: str | None = None


class Snippet(GongModel):
    """The part of a call filed in a folder, in seconds from the call's start."""

    fromSec: int | None = None
    toSec: int | None = None


class LibraryCall(GongModel):
    """A call (or a clip of one, with ``snippet``) filed in a library folder."""

    id: str
    title: str | None = None
    note: str | None = None
    addedBy: str | None = None
    created: str | None = None
    url: str | None = None
    snippet: Snippet | None = None


class FolderContent(GongModel):
    """A folder's details and the calls filed in it (``LibraryFolderListOfCallsResponse``)."""

    id: str
    name: str | None = None
    createdBy: str | None = None
    updated: str | None = None
    calls: list[LibraryCall] = Field(default_factory=list)
