"""Who can organize a Gong meeting: an active user of the company with a Gong consent page (the link Gong puts in
the meeting). ``integrationStatus`` answers it per address, and creating or updating a meeting holds the organizer to
it (:mod:`.writes`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.schema import users
from gongkit.kernel.subjects import normalize_email

CONSENT_OFF = "The Gong consent page is not enabled in your company. Contact your Gong Admin."
INACTIVE = "The Gong user is not active. Contact your Gong Admin."
UNKNOWN_USER = "No Gong user found with this email address."


def find_user(conn: Connection, company_id: int, email: str) -> Any:
    """The company's (human) user with this address, an active one first."""
    u = users.c
    return conn.execute(
        select(u.id, u.email_address, u.active, u.meeting_consent_page_url)
        .where(u.company_id == company_id, u.email_lower == normalize_email(email), u.is_avatar.is_(False))
        .order_by(u.active.desc(), u.id)
        .limit(1)
    ).first()


def problem_of(user: Any) -> str | None:
    """Why ``user`` (a row of :func:`find_user`, or None) cannot organize a Gong meeting; None if they can."""
    if user is None:
        return UNKNOWN_USER
    if not user.active:
        return INACTIVE
    if not user.meeting_consent_page_url:
        return CONSENT_OFF
    return None


def integration_status(conn: Connection, *, company_id: int, emails: list[str], app_url: str) -> dict[str, Any]:
    """``POST /v2/meetings/integration/status``: per address (once each, in the order given) whether it is a user
    of the company and whether they can organize Gong meetings, with the reason and where to fix it if not."""
    out: list[dict[str, Any]] = []
    seen: set[str | None] = set()
    for email in emails:
        key = normalize_email(email)
        if key in seen:
            continue
        seen.add(key)
        user = find_user(conn, company_id, email)
        problem = problem_of(user)
        out.append(
            {
                "email": email,
                "exists": user is not None,
                "valid": problem is None,
                "userFacingError": problem,
                "fixUrl": f"{app_url.rstrip('/')}/company/recording-consent/consent-page"
                if problem == CONSENT_OFF
                else None,
                "helpUrl": None,
            }
        )
    return {"users": out}
