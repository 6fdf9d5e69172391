"""Models of the users group (``client.users``)."""

from __future__ import annotations

from datetime import datetime

from gongkit.types.common import GongModel


class UserSettings(GongModel):
    """A user's recording and import settings."""

    webConferencesRecorded: bool | None = None
    preventWebConferenceRecording: bool | None = None
    telephonyCallsImported: bool | None = None
    emailsImported: bool | None = None
    preventEmailImport: bool | None = None
    nonRecordedMeetingsImported: bool | None = None
    gongConnectEnabled: bool | None = None


class SpokenLanguage(GongModel):
    language: str | None = None
    primary: bool | None = None


class User(GongModel):
    """A Gong user (``UserMetadata``)."""

    id: str
    emailAddress: str | None = None
    created: datetime | None = None
    active: bool | None = None
    emailAliases: list[str] | None = None
    trustedEmailAddress: str | None = None
    firstName: str | None = None
    lastName: str | None = None
    title: str | None = None
    phoneNumber: str | None = None
    extension: str | None = None
    personalMeetingUrls: list[str] | None = None
    settings: UserSettings | None = None
    managerId: str | None = None
    meetingConsentPageUrl: str | None = None
    spokenLanguages: list[SpokenLanguage] | None = None


class UserSettingsHistory(GongModel):
    """One change of a user setting: ``setting`` (e.g. ``webConferencesRecorded``) became ``value`` at ``time``."""

    setting: str | None = None
    value: bool | None = None
    time: datetime | None = None
