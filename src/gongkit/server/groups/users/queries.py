"""Users: listing (with cursor paging), filtered listing, one user, a user's settings history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.paging import PageQuery, paginate
from gongkit.db.schema import user_settings_history, users
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import NotFound
from gongkit.kernel.ids import storable_ids

USER_NOT_FOUND = "User not found"
# The contract's 404 text for POST /v2/users/extensive reads "No calls found" (copied from the calls listing);
# the answer names what was not found.
NO_USERS_FOR_FILTERS = "No users found corresponding to the provided filters"

USER_COLUMNS = (
    users.c.id,
    users.c.email_address,
    users.c.created_ms,
    users.c.active,
    users.c.email_aliases,
    users.c.trusted_email_address,
    users.c.first_name,
    users.c.last_name,
    users.c.title,
    users.c.phone_number,
    users.c.extension,
    users.c.personal_meeting_urls,
    users.c.settings,
    users.c.manager_id,
    users.c.meeting_consent_page_url,
    users.c.spoken_languages,
)


def user_metadata(row: Sequence[Any]) -> dict[str, Any]:
    """One user's ``UserMetadata`` from a row selected with ``USER_COLUMNS``: every field, ``null`` where the user
    has no value."""
    (
        uid,
        email,
        created,
        active,
        aliases,
        trusted,
        first,
        last,
        title,
        phone,
        extension,
        meeting_urls,
        settings,
        manager,
        consent_url,
        languages,
    ) = row[:16]
    return {
        "id": str(uid),
        "emailAddress": email,
        "created": ms_to_iso(created),
        "active": bool(active),
        "emailAliases": list(aliases or []),
        "trustedEmailAddress": trusted,
        "firstName": first,
        "lastName": last,
        "title": title,
        "phoneNumber": phone,
        "extension": extension,
        "personalMeetingUrls": list(meeting_urls or []),
        "settings": settings if isinstance(settings, dict) and settings else None,
        "managerId": None if manager is None else str(manager),
        "meetingConsentPageUrl": consent_url,
        "spokenLanguages": list(languages or []),
    }


def list_users(
    conn: Connection,
    page_query: PageQuery,
    *,
    company_id: int,
    include_avatars: bool = False,
    user_ids: Sequence[int] | None = None,
    created_from_ms: int | None = None,
    created_to_ms: int | None = None,
    not_found_when_empty: bool = False,
) -> dict[str, Any]:
    """``GET /v2/users`` and ``POST /v2/users/extensive``: users by (creation time, id).

    Avatars (synthetic users standing for Gong's staff) are left out unless asked for. Creation times are
    filtered [from, to). ``GET /v2/users`` declares no 404, so an empty company answers an empty page there;
    the filtered listing answers 404.
    """
    stmt = select(*USER_COLUMNS).where(users.c.company_id == company_id)
    if not include_avatars:
        stmt = stmt.where(users.c.is_avatar.is_(False))
    if user_ids is not None:
        stmt = stmt.where(users.c.id.in_(storable_ids(user_ids)))
    if created_from_ms is not None and page_query.cursor is None:  # later pages: the cursor is the lower bound
        stmt = stmt.where(users.c.created_ms >= created_from_ms)
    if created_to_ms is not None:
        stmt = stmt.where(users.c.created_ms < created_to_ms)
    page = paginate(conn, stmt, [users.c.created_ms, users.c.id], page_query)
    if not page.rows and not_found_when_empty:
        raise NotFound(NO_USERS_FOR_FILTERS)
    return {"records": page.records(), "users": [user_metadata(r) for r in page.rows]}


def get_user(conn: Connection, *, company_id: int, user_id: int | None) -> dict[str, Any]:
    """``GET /v2/users/{id}`` (avatars included: their ids appear in other answers)."""
    row = None
    if user_id is not None:
        row = conn.execute(select(*USER_COLUMNS).where(users.c.company_id == company_id, users.c.id == user_id)).first()
    if row is None:
        raise NotFound(USER_NOT_FOUND)
    return {"user": user_metadata(row)}


def get_user_history(conn: Connection, *, company_id: int, user_id: int | None) -> dict[str, Any]:
    """``GET /v2/users/{id}/settings-history``: the user's setting changes, oldest first."""
    found = None
    if user_id is not None:
        found = conn.execute(select(users.c.id).where(users.c.company_id == company_id, users.c.id == user_id)).first()
    if found is None:
        raise NotFound(USER_NOT_FOUND)
    rows = conn.execute(
        select(user_settings_history.c.setting, user_settings_history.c.value, user_settings_history.c.time_ms)
        .where(user_settings_history.c.company_id == company_id, user_settings_history.c.user_id == user_id)
        .order_by(user_settings_history.c.time_ms, user_settings_history.c.id)
    ).all()
    return {
        "userSettingsHistory": [
            {"setting": setting, "value": bool(value), "time": ms_to_iso(time_ms)} for setting, value, time_ms in rows
        ]
    }
