"""The permissions group: ``client.permissions``.

=====================================  ============================================  ===================================
method                                 Gong operation                                returns
=====================================  ============================================  ===================================
``list_profiles(workspace_id)``        ``GET /v2/all-permission-profiles``           ``list`` of :class:`PermissionProfile`
``get_profile(profile_id)``            ``GET /v2/permission-profile``                :class:`PermissionProfile`
``create_profile(workspace_id, p)``    ``POST /v2/permission-profile``               :class:`PermissionProfile`
``update_profile(profile_id, p)``      ``PUT /v2/permission-profile``                :class:`PermissionProfile`
``profile_users(profile_id)``          ``GET /v2/permission-profile/users``          ``list`` of :class:`ProfileUser`
``call_access(call_ids)``              ``POST /v2/calls/users-access``               ``list`` of :class:`CallAccess`
``add_call_access(items)``             ``PUT /v2/calls/users-access``                ``None``
``remove_call_access(items)``          ``DELETE /v2/calls/users-access``             ``None``
=====================================  ============================================  ===================================

A profile is sent as a :class:`PermissionProfile` or as a plain dict in Gong's shape. ``update_profile`` replaces
every permission of the profile (what the body leaves out is switched off): read the profile, change it, send it
whole. Call access items are :class:`CallUsers` or ``{"callId": ..., "userIds": [...]}`` dicts; only access granted
through these operations is listed or removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import dump_model, id_list
from gongkit.types.permissions import CallAccess, CallUsers, PermissionProfile, ProfileUser

__all__ = ["AsyncPermissions"]

PROFILE = "/v2/permission-profile"
USERS_ACCESS = "/v2/calls/users-access"

ProfileInput = PermissionProfile | Mapping[str, Any]
CallUsersInput = CallUsers | Mapping[str, Any]


def _profile_body(profile: ProfileInput) -> dict[str, Any]:
    return dump_model(profile) if isinstance(profile, PermissionProfile) else dict(profile)


def _access_body(items: Iterable[CallUsersInput]) -> dict[str, Any]:
    out = []
    for item in items:
        data = dump_model(item) if isinstance(item, CallUsers) else dict(item)
        out.append({"callId": str(data["callId"]), "userIds": id_list(data.get("userIds") or []) or []})
    return {"callAccessList": out}


def _profile(body: dict[str, Any]) -> PermissionProfile:
    return PermissionProfile.model_validate(body.get("profile") or {})


class AsyncPermissions(AsyncAPIResource):
    """Permission profiles, the users they control, and individual access to calls."""

    async def list_profiles(self, workspace_id: str | int) -> list[PermissionProfile]:
        """The workspace's profiles, in the alphabetical order of their names (one answer, not paged)."""
        body = await self._client.request(
            "GET", "/v2/all-permission-profiles", params={"workspaceId": str(workspace_id)}
        )
        return [PermissionProfile.model_validate(p) for p in body.get("profiles") or []]

    async def get_profile(self, profile_id: str | int) -> PermissionProfile:
        """One profile, whole."""
        return _profile(await self._client.request("GET", PROFILE, params={"profileId": str(profile_id)}))

    async def create_profile(self, workspace_id: str | int, profile: ProfileInput) -> PermissionProfile:
        """A new profile in the workspace (``name`` required); the profile as stored, with its id."""
        body = await self._client.request(
            "POST", PROFILE, params={"workspaceId": str(workspace_id)}, json=_profile_body(profile)
        )
        return _profile(body)

    async def update_profile(self, profile_id: str | int, profile: ProfileInput) -> PermissionProfile:
        """Replace the profile's permissions (see the module); the whole profile after the change."""
        body = await self._client.request(
            "PUT", PROFILE, params={"profileId": str(profile_id)}, json=_profile_body(profile)
        )
        return _profile(body)

    async def profile_users(self, profile_id: str | int) -> list[ProfileUser]:
        """The users whose access the profile controls."""
        body = await self._client.request("GET", f"{PROFILE}/users", params={"profileId": str(profile_id)})
        return [ProfileUser.model_validate(u) for u in body.get("users") or []]

    async def call_access(self, call_ids: str | int | Iterable[str | int]) -> list[CallAccess]:
        """Per call, the users granted individual access through the API."""
        body = await self._client.request("POST", USERS_ACCESS, json={"filter": {"callIds": id_list(call_ids)}})
        return [CallAccess.model_validate(c) for c in body.get("callAccessList") or []]

    async def add_call_access(self, items: Iterable[CallUsersInput]) -> None:
        """Give users individual access to calls (a user who has access already is left as they are)."""
        await self._client.request("PUT", USERS_ACCESS, json=_access_body(items))

    async def remove_call_access(self, items: Iterable[CallUsersInput]) -> None:
        """Remove access granted through :meth:`add_call_access` (other access is left as it is)."""
        await self._client.request("DELETE", USERS_ACCESS, json=_access_body(items))
