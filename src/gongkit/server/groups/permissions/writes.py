"""Writes of the permissions group: creating and updating profiles, granting and removing individual call access
through the API."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from gongkit.db.schema import call_access, call_parties, calls, permission_profiles, users
from gongkit.kernel.clock import Clock
from gongkit.kernel.errors import Conflict, InvalidRequest, NotFound
from gongkit.kernel.ids import new_id, storable_ids
from gongkit.server.groups.permissions.models import PermissionProfileIn
from gongkit.server.groups.permissions.profile import check_references, stored_permissions
from gongkit.server.groups.permissions.queries import (
    VIA_API,
    find_profile,
    get_profile,
    require_calls,
    require_workspace,
)

_PROFILE = permission_profiles.c


def _name_key(name: str) -> str:
    return name.strip().lower()


def _check_name_free(conn: Connection, company_id: int, workspace_id: int, name: str, profile_id: int | None) -> None:
    """409 when another profile of the workspace has this name (names are compared ignoring case)."""
    taken = conn.execute(
        select(_PROFILE.id).where(
            _PROFILE.company_id == company_id,
            _PROFILE.workspace_id == workspace_id,
            _PROFILE.name_key == _name_key(name),
        )
    ).first()
    if taken is not None and taken.id != profile_id:
        raise Conflict(f"name: workspace {workspace_id} already has a permission profile named '{name}' ({taken.id})")


def _write_guarded(conn: Connection, statement: Any, workspace_id: int, name: str) -> None:
    """Run the insert or update; a concurrent profile of the same name (the unique constraint) is the 409."""
    try:
        with conn.begin_nested():
            conn.execute(statement)
    except IntegrityError:
        raise Conflict(f"name: workspace {workspace_id} already has a permission profile named '{name}'") from None


def create_profile(
    conn: Connection, clock: Clock, *, company_id: int, workspace_id: int, body: PermissionProfileIn
) -> dict[str, Any]:
    """``POST /v2/permission-profile``: a new profile in the workspace; answers the whole profile.

    ``name`` is required and unique within the workspace (ignoring case): a second profile of the same name is a
    409. An ``id`` in the body is ignored: the server gives the id.
    """
    require_workspace(conn, company_id, workspace_id)
    if body.name is None:
        raise InvalidRequest("name: is required")
    permissions = stored_permissions(body)
    check_references(conn, company_id, workspace_id, permissions)
    _check_name_free(conn, company_id, workspace_id, body.name, None)
    now = clock.now_ms()
    profile_id = new_id()
    values = {
        "id": profile_id,
        "company_id": company_id,
        "workspace_id": workspace_id,
        "name": body.name,
        "name_key": _name_key(body.name),
        "description": body.description,
        "permissions": permissions,
        "created_ms": now,
        "updated_ms": now,
    }
    _write_guarded(conn, insert(permission_profiles).values(**values), workspace_id, body.name)
    return get_profile(conn, company_id=company_id, profile_id=profile_id)


def update_profile(
    conn: Connection, clock: Clock, *, company_id: int, profile_id: int, body: PermissionProfileIn
) -> dict[str, Any]:
    """``PUT /v2/permission-profile``: replace the profile's permissions; answers the whole profile after it.

    Every permission is replaced by the body's (a boolean left out becomes ``false``, an access level left out
    ``none``: the operation is marked destructive for that reason). ``name`` and ``description`` are kept when
    left out. An ``id`` in the body must be the ``profileId`` (400 otherwise); the workspace does not change.
    """
    row = find_profile(conn, company_id, profile_id)
    if body.id is not None and body.id != profile_id:
        raise InvalidRequest(f"id: {body.id} is not the profileId of the request ({profile_id})")
    permissions = stored_permissions(body)
    check_references(conn, company_id, row.workspace_id, permissions)
    name = row.name if body.name is None else body.name
    _check_name_free(conn, company_id, row.workspace_id, name, profile_id)
    values = {
        "name": name,
        "name_key": _name_key(name),
        "description": row.description if body.description is None else body.description,
        "permissions": permissions,
        "updated_ms": clock.now_ms(),
    }
    statement = update(permission_profiles).where(_PROFILE.id == profile_id).values(**values)
    _write_guarded(conn, statement, row.workspace_id, name)
    return get_profile(conn, company_id=company_id, profile_id=profile_id)


# --- individual call access -----------------------------------------------------------------------------------


def _merged(pairs: Sequence[tuple[int, list[int]]]) -> dict[int, list[int]]:
    """Users per call, a call given twice counted once, each user once, in the order given."""
    out: dict[int, dict[int, None]] = {}
    for call_id, user_ids in pairs:
        out.setdefault(call_id, {}).update(dict.fromkeys(user_ids))
    return {cid: list(uids) for cid, uids in out.items()}


def _require_users(conn: Connection, company_id: int, pairs: Sequence[tuple[int, list[int]]]) -> None:
    wanted = {uid for _, uids in pairs for uid in uids}
    known = set(
        conn.execute(
            select(users.c.id).where(users.c.company_id == company_id, users.c.id.in_(storable_ids(wanted)))
        ).scalars()
    )
    for i, (_, uids) in enumerate(pairs):
        for uid in uids:
            if uid not in known:
                raise NotFound(f"callAccessList[{i}].userIds: user {uid} was not found")


def _participants(conn: Connection, call_id: int) -> set[int]:
    """Users who have access to the call as its participants (the primary user and the parties)."""
    primary = conn.execute(select(calls.c.primary_user_id).where(calls.c.id == call_id)).scalar()
    parties = conn.execute(
        select(call_parties.c.user_id).where(call_parties.c.call_id == call_id, call_parties.c.user_id.is_not(None))
    ).scalars()
    return {int(u) for u in parties} | ({int(primary)} if primary is not None else set())


def add_call_access(
    conn: Connection, clock: Clock, *, company_id: int, credential: str, pairs: Sequence[tuple[int, list[int]]]
) -> dict[str, Any]:
    """``PUT /v2/calls/users-access``: give each user individual access to the call.

    Every call and user must be the company's (404 naming the first that is not; nothing is granted then).
    Granting is idempotent: a user who already has access (an earlier grant, a share, or as a participant of the
    call) is left as they are, so a share never turns into an API grant that ``DELETE`` could remove.
    """
    require_calls(conn, company_id, [cid for cid, _ in pairs], "callAccessList[{i}].callId")
    _require_users(conn, company_id, pairs)
    now = clock.now_ms()
    a = call_access.c
    for call_id, user_ids in _merged(pairs).items():
        held = set(conn.execute(select(a.user_id).where(a.call_id == call_id)).scalars()) | _participants(conn, call_id)
        for uid in user_ids:
            if uid in held:
                continue
            row = {
                "call_id": call_id,
                "company_id": company_id,
                "user_id": uid,
                "granted_ms": now,
                "granted_via": VIA_API,
                "granted_by": credential,
            }
            try:
                with conn.begin_nested():
                    conn.execute(insert(call_access).values(**row))
            except IntegrityError:
                continue  # granted by a concurrent request meanwhile: the same outcome
    return {}


def delete_call_access(conn: Connection, *, company_id: int, pairs: Sequence[tuple[int, list[int]]]) -> dict[str, Any]:
    """``DELETE /v2/calls/users-access``: remove access granted through the API.

    The calls must be the company's (404 otherwise). A user without such a grant is unaffected, whatever other
    access they hold (a share, a participation, a profile): only ``PUT /v2/calls/users-access`` grants go.
    """
    require_calls(conn, company_id, [cid for cid, _ in pairs], "callAccessList[{i}].callId")
    a = call_access.c
    for call_id, user_ids in _merged(pairs).items():
        conn.execute(
            delete(call_access).where(
                a.company_id == company_id,
                a.call_id == call_id,
                a.user_id.in_(storable_ids(user_ids)),
                a.granted_via == VIA_API,
            )
        )
    return {}
