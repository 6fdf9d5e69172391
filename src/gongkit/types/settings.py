"""Models of the settings group (``client.settings``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

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


class QuestionOption(GongModel):
    id: int
    text: str | None = None


class Question(GongModel):
    """A scorecard question (``Question``); ids are numbers, as Gong sends them."""

    questionId: int
    questionRevisionId: int | None = None
    questionText: str | None = None
    isOverall: bool | None = None
    questionType: str | None = None
    answerGuide: str | None = None
    minRange: int | None = None
    maxRange: int | None = None
    answerOptions: list[QuestionOption] | None = None


class Scorecard(GongModel):
    """A scorecard definition (``Scorecard``)."""

    scorecardId: int
    scorecardName: str | None = None
    workspaceId: int | None = None
    enabled: bool | None = None
    updaterUserId: int | None = None
    created: str | None = None
    updated: str | None = None
    reviewMethod: str | None = None
    questions: list[Question] = Field(default_factory=list)


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
