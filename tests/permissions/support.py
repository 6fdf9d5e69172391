"""Rows the permissions tests start from: a workspace with users, profiles with users attached, folders."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert

from gongkit.db.schema import library_folders, permission_profile_users
from gongkit.kernel.ids import new_id
from tests.support import factories as f

PROFILE = "/v2/permission-profile"
ALL_PROFILES = "/v2/all-permission-profiles"
PROFILE_USERS = "/v2/permission-profile/users"
USERS_ACCESS = "/v2/calls/users-access"


def make_folder(conn: Connection, company_id: int, workspace_id: int, name: str = "Best calls") -> int:
    fid = new_id()
    conn.execute(
        insert(library_folders).values(
            id=fid, company_id=company_id, workspace_id=workspace_id, name=name, updated_ms=1_700_000_000_000
        )
    )
    return fid


def attach(conn: Connection, company_id: int, workspace_id: int, profile_id: int | str, *user_ids: int) -> None:
    """Put users under a profile (in Gong, done in the admin pages; there is no API operation for it)."""
    conn.execute(
        insert(permission_profile_users),
        [
            {"user_id": uid, "workspace_id": workspace_id, "company_id": company_id, "profile_id": int(profile_id)}
            for uid in user_ids
        ],
    )


def off(level: str = "none") -> dict[str, Any]:
    return {"permissionLevel": level, "teamLeadIds": []}


def whole_profile(profile_id: str, name: str, description: str | None, **changes: Any) -> dict[str, Any]:
    """The whole DTO of a profile: every permission off unless ``changes`` says otherwise."""
    from gongkit.server.groups.permissions.models import FLAGS

    dto: dict[str, Any] = {
        "id": profile_id,
        "name": name,
        "description": description,
        "callsAccess": off(),
        "libraryFolderAccess": {
            "permissionLevel": "none",
            "libraryFolderIds": [],
            "managePublicFolder": False,
            "manageStreams": False,
            "manageFolderCalls": False,
            "shareFoldersAndStreams": False,
        },
        "dealsAccess": off(),
        "forecastPermissions": {
            "forecastAccess": off(),
            "forecastEditSubmissions": off(),
            "forecastEditTargets": off(),
        },
        "coachingAccess": off(),
        "insightsAccess": off(),
        "usageAccess": off(),
        "emailsAccess": off(),
        **{flag: False for flag in FLAGS},
    }
    dto.update(changes)
    return dto


def workspace_with_users(conn: Connection, company_id: int, users: int = 2) -> tuple[int, list[int]]:
    ws = f.make_workspace(conn, company_id, is_default=True)
    return ws, [f.make_user(conn, company_id) for _ in range(users)]
