"""Models of the settings group (``client.settings``)."""

from __future__ import annotations

from pydantic import Field

from gongkit.types.common import GongModel


class Workspace(GongModel):
    """A workspace (``WorkspaceMetadata``): Gong's unit for separating teams' calls and settings."""

    id: str
    name: str | None = None


class TrackerLanguageKeyword(GongModel):
    """The keywords of a tracker in one language (ISO 639-2/B; ``mul``: every language)."""

    language: str | None = None
    keywords: list[str] = Field(default_factory=list)
    includeRelatedForms: bool | None = None


class KeywordTracker(GongModel):
    """A keyword tracker's definition (``KeywordTracker``): what it listens for, said by whom, and when."""

    trackerId: str
    trackerName: str | None = None
    workspaceId: str | None = None
    languageKeywords: list[TrackerLanguageKeyword] = Field(default_factory=list)
    affiliation: str | None = None
    partOfQuestion: bool | None = None
    saidAt: str | None = None
    saidAtInterval: int | None = None
    saidAtUnit: str | None = None
    saidInTopics: list[str] = Field(default_factory=list)
    filterQuery: str | None = None
    created: str | None = None
    creatorUserId: str | None = None
    updated: str | None = None
    updaterUserId: str | None = None
