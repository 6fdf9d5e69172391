"""Reads of the permissions group: profiles of a workspace, one profile, the users a profile controls, and the
individual call access granted through the API."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.schema import call_access, calls, permission_profile_users, permission_profiles, users, workspaces
from gongkit.kernel.errors import NotFound
from gongkit.kernel.ids import storable_ids
from gongkit.server.groups.permissions.profile import profile_dto

PROFILE_NOT_FOUND = "Permission profile not found"
#: How a grant made by ``PUT /v2/calls/users-access`` is marked (``call_access.granted_via``).
VIA_API = "api"

_PROFILE = permission_profiles.c


def _profile_columns() -> tuple[Any, ...]:
    return (_PROFILE.id, _PROFILE.workspace_id, _PROFILE.name, _PROFILE.description, _PROFILE.permissions)


def require_workspace(conn: Connection, company_id: int, workspace_id: int) -> None:
    """404 unless the company has the workspace."""
    found = conn.execute(
        select(workspaces.c.id).where(workspaces.c.company_id == company_id, workspaces.c.id == workspace_id)
    ).first()
    if found is None:
        raise NotFound(f"workspaceId: workspace {workspace_id} was not found")


def find_profile(conn: Connection, company_id: int, profile_id: int) -> Any:
    """The profile's row (id, workspace_id, name, description, permissions); 404 if the company has none."""
    row = conn.execute(
        select(*_profile_columns()).where(_PROFILE.company_id == company_id, _PROFILE.id == profile_id)
    ).first()
    if row is None:
        raise NotFound(f"profileId: {PROFILE_NOT_FOUND}")
    return row


def list_profiles(conn: Connection, *, company_id: int, workspace_id: int) -> dict[str, Any]:
    """``GET /v2/all-permission-profiles``: the workspace's profiles in the alphabetical order of their names
    (ignoring case; the id breaks ties). An unknown workspace is a 404; a workspace without profiles lists none."""
    require_workspace(conn, company_id, workspace_id)
    rows = conn.execute(
        select(*_profile_columns())
        .where(_PROFILE.company_id == company_id, _PROFILE.workspace_id == workspace_id)
        .order_by(_PROFILE.name_key, _PROFILE.id)
    ).all()
    return {"profiles": [profile_dto(r) for r in rows]}


def get_profile(conn: Connection, *, company_id: int, profile_id: int) -> dict[str, Any]:
    """``GET /v2/permission-profile``: the whole profile."""
    return {"profile": profile_dto(find_profile(conn, company_id, profile_id))}


def _full_name(first: str | None, last: str | None) -> str | None:
    name = " ".join(part for part in (first, last) if part)
    return name or None


def list_profile_users(conn: Connection, *, company_id: int, profile_id: int) -> dict[str, Any]:
    """``GET /v2/permission-profile/users``: the users the profile controls (``UserSimpleMetadata``), by name."""
    find_profile(conn, company_id, profile_id)
    u = users.c
    rows = conn.execute(
        select(u.id, u.first_name, u.last_name, u.email_address)
        .join(permission_profile_users, permission_profile_users.c.user_id == u.id)
        .where(permission_profile_users.c.company_id == company_id, permission_profile_users.c.profile_id == profile_id)
        .order_by(u.first_name, u.last_name, u.id)
    ).all()
    return {
        "users": [
            {"id": str(r.id), "fullName": _full_name(r.first_name, r.last_name), "emailAddress": r.email_address}
            for r in rows
        ]
    }


def require_calls(conn: Connection, company_id: int, call_ids: Sequence[int], where: str) -> None:
    """404 naming the first of ``call_ids`` the company does not have. ``where(i)`` is the field's path."""
    known = set(
        conn.execute(
            select(calls.c.id).where(calls.c.company_id == company_id, calls.c.id.in_(storable_ids(call_ids)))
        ).scalars()
    )
    for i, cid in enumerate(call_ids):
        if cid not in known:
            raise NotFound(f"{where.format(i=i)}: call {cid} was not found")


def get_call_access(conn: Connection, *, company_id: int, call_ids: Sequence[int]) -> dict[str, Any]:
    """``POST /v2/calls/users-access``: per call asked for (in the order given, once each), the users granted
    access through the API, oldest grant first. Access held for other reasons (participants, shares, profiles)
    is not listed; a call without such grants is listed with no users."""
    wanted = list(dict.fromkeys(call_ids))
    require_calls(conn, company_id, wanted, "filter.callIds[{i}]")
    a = call_access.c
    rows = conn.execute(
        select(a.call_id, a.user_id)
        .where(a.company_id == company_id, a.call_id.in_(storable_ids(wanted)), a.granted_via == VIA_API)
        .order_by(a.granted_ms, a.user_id)
    ).all()
    by_call: dict[int, list[dict[str, str]]] = {cid: [] for cid in wanted}
    for r in rows:
        by_call[int(r.call_id)].append({"userId": str(r.user_id)})
    return {"callAccessList": [{"callId": str(cid), "users": found} for cid, found in by_call.items()]}
