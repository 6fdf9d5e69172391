"""Permission profiles of the demo company: per workspace, administrators, managers (managers-team access over
the workspace's managers), individual contributors and a read-only profile, with every user of the workspace put
under one of them (Gong's own avatars under none)."""

from __future__ import annotations

from typing import Any

from gongkit.demo.seeded import REFERENCE_MS
from gongkit.demo.state import State
from gongkit.server.groups.permissions.models import FLAGS, PermissionProfileIn
from gongkit.server.groups.permissions.profile import stored_permissions

#: The id kind of profiles (:class:`gongkit.demo.seeded.Ids`), apart from the shared kinds.
K_PROFILE = 71

_EVERYTHING = {"permissionLevel": "all"}
_REP_FLAGS = ("callsAndSearch", "library", "deals", "account", "coaching", "scoreCalls", "privateCalls", "forecast")
_MANAGER_FLAGS = (
    *_REP_FLAGS,
    "downloadCallMedia",
    "shareCallsWithCustomers",
    "overrideScore",
    "teamStats",
    "activity",
    "usage",
    "forecastManage",
    "viewEngageAnalyticsActivity",
    "viewEngageAnalyticsPerformance",
    "viewEngageAnalyticsFlows",
    "exportCallsAndCoachingDataToCSV",
)


def _plans(lead_ids: list[str]) -> list[tuple[str, str | None, dict[str, Any]]]:
    team = {"permissionLevel": "managers-team", "teamLeadIds": lead_ids} if lead_ids else {"permissionLevel": "all"}
    return [
        (
            "Administrators",
            "Full access, including business settings and scorecards.",
            {
                **{name: _EVERYTHING for name in ("callsAccess", "dealsAccess", "coachingAccess", "insightsAccess")},
                "usageAccess": _EVERYTHING,
                "emailsAccess": _EVERYTHING,
                "forecastPermissions": {k: _EVERYTHING for k in ("forecastAccess", "forecastEditSubmissions")},
                "libraryFolderAccess": {
                    "permissionLevel": "all",
                    "managePublicFolder": True,
                    "manageStreams": True,
                    "manageFolderCalls": True,
                    "shareFoldersAndStreams": True,
                },
                **dict.fromkeys(FLAGS, True),
            },
        ),
        (
            "Managers",
            "Front-line managers: their teams' calls, deals and coaching.",
            {
                "callsAccess": team,
                "dealsAccess": team,
                "coachingAccess": {"permissionLevel": "report-to-them"},
                "usageAccess": {"permissionLevel": "report-to-them"},
                "emailsAccess": team,
                "forecastPermissions": {"forecastAccess": team, "forecastEditSubmissions": {"permissionLevel": "own"}},
                "libraryFolderAccess": {"permissionLevel": "all", "manageFolderCalls": True},
                **dict.fromkeys(_MANAGER_FLAGS, True),
            },
        ),
        (
            "Individual contributors",
            "Reps: their own deals and coaching, every call to learn from.",
            {
                "callsAccess": _EVERYTHING,
                "dealsAccess": {"permissionLevel": "own"},
                "coachingAccess": {"permissionLevel": "own"},
                "emailsAccess": {"permissionLevel": "own"},
                "libraryFolderAccess": {"permissionLevel": "all"},
                **dict.fromkeys(_REP_FLAGS, True),
            },
        ),
        ("Read only", None, {"callsAccess": {"permissionLevel": "own"}, "callsAndSearch": True}),
    ]


def gen_permissions(g: State) -> None:
    """The profiles of each workspace and the profile of each of its users."""
    profiles = g.w.rows["permission_profiles"]
    attached = g.w.rows["permission_profile_users"]
    n = 0
    for wid in g.workspace_ids:
        members = [u for u in g.users if u.workspace_id == wid and u.team != "AVATAR"]
        leads = [str(u.id) for u in members if u.team == "MANAGER"]
        ids: dict[str, int] = {}
        for name, description, body in _plans(leads):
            n += 1
            ids[name] = g.ids(K_PROFILE, n)
            profiles.append(
                {
                    "id": ids[name],
                    "company_id": g.cid,
                    "workspace_id": wid,
                    "name": name,
                    "name_key": name.lower(),
                    "description": description,
                    "permissions": stored_permissions(PermissionProfileIn.model_validate({"name": name, **body})),
                    "created_ms": g.company_created,
                    "updated_ms": REFERENCE_MS - 30 * 86_400_000,
                }
            )
        for u in members:
            if u.team == "CRO":
                name = "Administrators"
            elif u.team == "MANAGER":
                name = "Managers"
            elif u.team == "PARTNER":
                name = "Read only"
            else:
                name = "Individual contributors"
            attached.append({"user_id": u.id, "workspace_id": wid, "company_id": g.cid, "profile_id": ids[name]})
