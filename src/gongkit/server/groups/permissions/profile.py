"""One permission profile: from a request body to the stored permissions, and from the stored row to Gong's
``PermissionProfileDTO``.

A stored profile holds every permission: a boolean not given is ``false``, an access level not given is
``none`` with no team leads, library folder access not given is ``none``. So every answer carries the whole
DTO, each field with its value, as Gong answers "the entire permission profile".

Rules checked (the contract's descriptions, and what a careful client expects):
- ``teamLeadIds`` populate the ``managers-team`` level: that level needs at least one, the other levels take
  none; each must be a user of the company;
- ``libraryFolderIds`` go with ``specific-folders`` (which needs at least one) and must be library folders of the
  profile's workspace; the library booleans need a level other than ``none``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.schema import library_folders, users
from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.ids import storable_ids
from gongkit.server.groups.permissions.models import (
    ACCESS_LEVELS,
    FLAGS,
    FORECAST_LEVELS,
    PermissionProfileIn,
)

_LIBRARY_FLAGS = ("managePublicFolder", "manageStreams", "manageFolderCalls", "shareFoldersAndStreams")


def _access(level: dict[str, Any] | None, where: str) -> dict[str, Any]:
    level = level or {}
    name = level.get("permissionLevel") or "none"
    leads = list(dict.fromkeys(level.get("teamLeadIds") or []))
    if name == "managers-team" and not leads:
        raise InvalidRequest(f"{where}.teamLeadIds: the managers-team level needs at least one team lead")
    if name != "managers-team" and leads:
        raise InvalidRequest(f"{where}.teamLeadIds: team leads go with the managers-team level only, not '{name}'")
    return {"permissionLevel": name, "teamLeadIds": leads}


def _library(access: dict[str, Any] | None) -> dict[str, Any]:
    access = access or {}
    name = access.get("permissionLevel") or "none"
    folders = list(dict.fromkeys(access.get("libraryFolderIds") or []))
    if name == "specific-folders" and not folders:
        raise InvalidRequest("libraryFolderAccess.libraryFolderIds: the specific-folders level needs at least one")
    if name != "specific-folders" and folders:
        raise InvalidRequest(
            f"libraryFolderAccess.libraryFolderIds: folders go with the specific-folders level only, not '{name}'"
        )
    flags = {flag: bool(access.get(flag)) for flag in _LIBRARY_FLAGS}
    if name == "none":
        for flag, on in flags.items():
            if on:
                raise InvalidRequest(f"libraryFolderAccess.{flag}: needs a permissionLevel other than 'none'")
    return {"permissionLevel": name, "libraryFolderIds": folders, **flags}


def stored_permissions(body: PermissionProfileIn) -> dict[str, Any]:
    """Every permission of a profile from a request body (see the module for the defaults and rules)."""
    given = body.permissions()
    out: dict[str, Any] = {name: _access(given[name], name) for name in ACCESS_LEVELS}
    forecast = given["forecastPermissions"] or {}
    out["forecastPermissions"] = {
        name: _access(forecast.get(name), f"forecastPermissions.{name}") for name in FORECAST_LEVELS
    }
    out["libraryFolderAccess"] = _library(given["libraryFolderAccess"])
    out.update({flag: bool(given[flag]) for flag in FLAGS})
    return out


def check_references(conn: Connection, company_id: int, workspace_id: int, permissions: dict[str, Any]) -> None:
    """400 unless every team lead is a user of the company and every folder a library folder of the workspace."""
    levels = [(name, permissions[name]) for name in ACCESS_LEVELS] + [
        (f"forecastPermissions.{name}", permissions["forecastPermissions"][name]) for name in FORECAST_LEVELS
    ]
    leads = {uid for _, level in levels for uid in level["teamLeadIds"]}
    if leads:
        known = set(
            conn.execute(
                select(users.c.id).where(users.c.company_id == company_id, users.c.id.in_(storable_ids(leads)))
            ).scalars()
        )
        for where, level in levels:
            for uid in level["teamLeadIds"]:
                if uid not in known:
                    raise InvalidRequest(f"{where}.teamLeadIds: {uid} is not a user of this company")
    folders = permissions["libraryFolderAccess"]["libraryFolderIds"]
    if folders:
        f = library_folders.c
        known = set(
            conn.execute(
                select(f.id).where(
                    f.company_id == company_id, f.workspace_id == workspace_id, f.id.in_(storable_ids(folders))
                )
            ).scalars()
        )
        for fid in folders:
            if fid not in known:
                raise InvalidRequest(
                    f"libraryFolderAccess.libraryFolderIds: {fid} is not a library folder of workspace {workspace_id}"
                )


def _access_out(level: dict[str, Any]) -> dict[str, Any]:
    return {"permissionLevel": level["permissionLevel"], "teamLeadIds": [str(u) for u in level["teamLeadIds"]]}


def profile_dto(row: Any) -> dict[str, Any]:
    """The whole ``PermissionProfileDTO`` of a stored profile (``id, name, description, permissions``)."""
    p = row.permissions
    library = p["libraryFolderAccess"]
    dto: dict[str, Any] = {
        "id": str(row.id),
        "name": row.name,
        "description": row.description,
        "callsAccess": _access_out(p["callsAccess"]),
        "libraryFolderAccess": {
            "permissionLevel": library["permissionLevel"],
            "libraryFolderIds": [str(f) for f in library["libraryFolderIds"]],
            **{flag: library[flag] for flag in _LIBRARY_FLAGS},
        },
        "dealsAccess": _access_out(p["dealsAccess"]),
        "forecastPermissions": {name: _access_out(p["forecastPermissions"][name]) for name in FORECAST_LEVELS},
        **{name: _access_out(p[name]) for name in ACCESS_LEVELS[2:]},
    }
    dto.update({flag: bool(p.get(flag, False)) for flag in FLAGS})
    return dto
