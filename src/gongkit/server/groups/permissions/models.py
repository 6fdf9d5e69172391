"""Request models of the permissions group: a permission profile (Gong's ``PermissionProfileDTO``) and the lists
of individual call access.

A profile's permission levels are checked against the values Gong documents (``all``, ``managers-team``,
``report-to-them``, ``own``, ``none``; for library folders ``none``, ``all``, ``specific-folders``). The
contracts list each enum as one literal naming every value (``"all / managers-team / ..."``): that literal is
refused like any other unknown level.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from gongkit.kernel.wire import MAX_IDS, Text, WireId, WireModel

LEVELS = ("all", "managers-team", "report-to-them", "own", "none")
LIBRARY_LEVELS = ("none", "all", "specific-folders")
MAX_TEAM_LEADS = 1_000  # user ids in one access level
MAX_FOLDERS = 1_000  # library folders of one profile
MAX_CALL_ACCESS_ITEMS = 1_000  # calls in one callAccessList
MAX_USERS_PER_CALL = 1_000  # users of one callAccessList item

ProfileName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def _level(value: str | None, allowed: tuple[str, ...]) -> str | None:
    if value is not None and value not in allowed:
        raise PydanticCustomError(
            "permission_level",
            "'{value}' is not a permission level; use one of: {allowed}",
            {
                "value": value,
                "allowed": ", ".join(allowed),
            },
        )
    return value


class AccessLevelIn(WireModel):
    """An access level with its team leads (``CallAccessWithPermissionLevel`` and its siblings)."""

    permissionLevel: str | None = None
    teamLeadIds: Annotated[list[WireId], Field(max_length=MAX_TEAM_LEADS)] | None = None

    @field_validator("permissionLevel")
    @classmethod
    def _known(cls, value: str | None) -> str | None:
        return _level(value, LEVELS)


class ForecastPermissionsIn(WireModel):
    forecastAccess: AccessLevelIn | None = None
    forecastEditSubmissions: AccessLevelIn | None = None
    forecastEditTargets: AccessLevelIn | None = None


class LibraryFolderAccessIn(WireModel):
    permissionLevel: str | None = None
    libraryFolderIds: Annotated[list[WireId], Field(max_length=MAX_FOLDERS)] | None = None
    managePublicFolder: bool | None = None
    manageStreams: bool | None = None
    manageFolderCalls: bool | None = None
    shareFoldersAndStreams: bool | None = None

    @field_validator("permissionLevel")
    @classmethod
    def _known(cls, value: str | None) -> str | None:
        return _level(value, LIBRARY_LEVELS)


class PermissionProfileIn(WireModel):
    """``PermissionProfileDTO`` as a request body (create and update). Every boolean of the 2026 contract is
    taken, those the 2024 contract lacks included (``overrideScore``, the Engage analytics pages, ...)."""

    id: WireId | None = None
    name: ProfileName | None = None
    description: Text | None = None
    callsAccess: AccessLevelIn | None = None
    libraryFolderAccess: LibraryFolderAccessIn | None = None
    dealsAccess: AccessLevelIn | None = None
    forecastPermissions: ForecastPermissionsIn | None = None
    coachingAccess: AccessLevelIn | None = None
    insightsAccess: AccessLevelIn | None = None
    usageAccess: AccessLevelIn | None = None
    emailsAccess: AccessLevelIn | None = None
    scoreCalls: bool | None = None
    overrideScore: bool | None = None
    downloadCallMedia: bool | None = None
    shareCallsWithCustomers: bool | None = None
    manuallyScheduleAndUploadCalls: bool | None = None
    privateCalls: bool | None = None
    deleteCalls: bool | None = None
    trimCalls: bool | None = None
    listenInCalls: bool | None = None
    deleteEmails: bool | None = None
    callsAndSearch: bool | None = None
    library: bool | None = None
    deals: bool | None = None
    createEditAndDeleteDealsBoards: bool | None = None
    dealsInlineEditing: bool | None = None
    account: bool | None = None
    coaching: bool | None = None
    usage: bool | None = None
    teamStats: bool | None = None
    initiatives: bool | None = None
    market: bool | None = None
    activity: bool | None = None
    forecast: bool | None = None
    forecastManage: bool | None = None
    engageManageCompanyTemplates: bool | None = None
    engageManageCompanySequences: bool | None = None
    engageCreateAndManageRulesets: bool | None = None
    engageSnoozeFlowToDosForOthers: bool | None = None
    engageAllowCrmFieldsViewChange: bool | None = None
    viewEngageAnalyticsActivity: bool | None = None
    viewEngageAnalyticsPerformance: bool | None = None
    viewEngageAnalyticsFlows: bool | None = None
    manageGeneralBusinessSettings: bool | None = None
    manageScorecards: bool | None = None
    exportCallsAndCoachingDataToCSV: bool | None = None
    crmDataInlineEditing: bool | None = None
    crmDataImport: bool | None = None
    viewRevenueAnalytics: bool | None = None
    manageRevenueAnalytics: bool | None = None
    engageReassignFlowToDosToOthers: bool | None = None
    engageAssignFlowToDosToOthers: bool | None = None
    dealsDataExport: bool | None = None
    aiBuilder: bool | None = None

    def permissions(self) -> dict[str, Any]:
        """The permissions the body sets (access levels and booleans), without id, name and description."""
        return self.model_dump(exclude={"id", "name", "description"})


#: The access levels of a profile, in the contract's order.
ACCESS_LEVELS = ("callsAccess", "dealsAccess", "coachingAccess", "insightsAccess", "usageAccess", "emailsAccess")
FORECAST_LEVELS = ("forecastAccess", "forecastEditSubmissions", "forecastEditTargets")
#: The boolean permissions of a profile, in the contract's order.
FLAGS = tuple(name for name, f in PermissionProfileIn.model_fields.items() if f.annotation == (bool | None))


# --- /v2/calls/users-access ---------------------------------------------------------------------------------


class CallUsersIn(WireModel):
    """``CallUsersAccessDto``: a call and users."""

    callId: WireId
    userIds: Annotated[list[WireId], Field(max_length=MAX_USERS_PER_CALL)]


class CallAccessListIn(WireModel):
    """``CallsUsersAccessAddDto`` / ``CallsUsersAccessDeleteDto``."""

    callAccessList: Annotated[list[CallUsersIn], Field(min_length=1, max_length=MAX_CALL_ACCESS_ITEMS)]

    def pairs(self) -> list[tuple[int, list[int]]]:
        """(call, users) per item, in the order given."""
        return [(item.callId, list(item.userIds)) for item in self.callAccessList]


class CallsAccessFilterIn(WireModel):
    callIds: Annotated[list[WireId], Field(min_length=1, max_length=MAX_IDS)]


class CallsAccessRequest(WireModel):
    """``FilterRequestCallsAccessGetDto``."""

    filter: CallsAccessFilterIn
