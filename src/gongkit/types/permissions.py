"""Models of the permissions group (``client.permissions``): permission profiles, the users they control, and
individual access to calls."""

from __future__ import annotations

from gongkit.types.common import GongModel


class AccessLevel(GongModel):
    """An access level of a profile (``CallAccessWithPermissionLevel`` and its siblings): ``all``,
    ``managers-team`` (with ``teamLeadIds``), ``report-to-them``, ``own`` or ``none``."""

    permissionLevel: str | None = None
    teamLeadIds: list[str] | None = None


class LibraryFolderAccess(GongModel):
    """Library access: ``none``, ``all`` or ``specific-folders`` (with ``libraryFolderIds``) and what the user may
    manage there."""

    permissionLevel: str | None = None
    libraryFolderIds: list[str] | None = None
    managePublicFolder: bool | None = None
    manageStreams: bool | None = None
    manageFolderCalls: bool | None = None
    shareFoldersAndStreams: bool | None = None


class ForecastPermissions(GongModel):
    forecastAccess: AccessLevel | None = None
    forecastEditSubmissions: AccessLevel | None = None
    forecastEditTargets: AccessLevel | None = None


class PermissionProfile(GongModel):
    """A permission profile (``PermissionProfileDTO``): its access levels, and the boolean permissions (read them
    as attributes too, e.g. ``profile.downloadCallMedia``; the ones not declared here are kept as extra fields).

    Build one to send with ``create_profile`` / ``update_profile``; fields left ``None`` are not sent.
    """

    id: str | None = None
    name: str | None = None
    description: str | None = None
    callsAccess: AccessLevel | None = None
    libraryFolderAccess: LibraryFolderAccess | None = None
    dealsAccess: AccessLevel | None = None
    forecastPermissions: ForecastPermissions | None = None
    coachingAccess: AccessLevel | None = None
    insightsAccess: AccessLevel | None = None
    usageAccess: AccessLevel | None = None
    emailsAccess: AccessLevel | None = None
    callsAndSearch: bool | None = None
    downloadCallMedia: bool | None = None
    shareCallsWithCustomers: bool | None = None
    scoreCalls: bool | None = None
    overrideScore: bool | None = None
    deleteCalls: bool | None = None
    library: bool | None = None
    deals: bool | None = None
    coaching: bool | None = None
    forecast: bool | None = None


class ProfileUser(GongModel):
    """A user a permission profile controls (``UserSimpleMetadata``)."""

    id: str
    fullName: str | None = None
    emailAddress: str | None = None


class CallUsers(GongModel):
    """A call and users (what ``add_call_access`` / ``remove_call_access`` send, one item of the list)."""

    callId: str
    userIds: list[str]


class UserAccess(GongModel):
    userId: str


class CallAccess(GongModel):
    """The users granted individual access to a call through the API (``CallAccessDetails``)."""

    callId: str
    users: list[UserAccess] | None = None
