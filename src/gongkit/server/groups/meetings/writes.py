"""Meetings: create, replace and delete them, the organizer held to the rules of :mod:`.organizers`.

A meeting's organizer must be a user of the company (404 otherwise: Gong's "No Gong user found corresponding to
the provided organizer email"), active, with a Gong consent page (its link is the meeting's ``meetingUrl``: Gong
uses "the Gong consent page link according to the settings of this user"); an inactive user or one without a
consent page is a 409 (Gong's "Conflict, e.g. consent page is not enabled"). The same rules give
``integrationStatus``'s ``valid`` and ``userFacingError``, so a client can ask before it creates.

Another company's meeting does not exist for the caller (404), and neither does a meeting asked for with an
organizer who is not its organizer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from gongkit.db.rows import prepare
from gongkit.db.schema import meeting_invitees, meetings
from gongkit.kernel.errors import Conflict, NotFound
from gongkit.kernel.ids import new_id
from gongkit.kernel.subjects import normalize_email
from gongkit.server.groups.meetings.models import MeetingIn
from gongkit.server.groups.meetings.organizers import find_user, problem_of

NO_USER = "No Gong user found corresponding to the provided organizer email"
NO_MEETING = "No meeting found corresponding to the provided meeting ID"
NO_ORGANIZER_MEETING = "No Gong meeting found corresponding to the provided organizer email"

#: Who Gong asks to be invited so that it records the meeting (its documented example).
GONG_ASSISTANT = {"displayName": "Gong Assistant", "email": "assistant@gong.io"}


def _organizer(conn: Connection, company_id: int, email: str) -> Any:
    """The organizer's user row: 404 when there is none, 409 when they cannot organize a Gong meeting."""
    user = find_user(conn, company_id, email)
    if user is None:
        raise NotFound(NO_USER)
    problem = problem_of(user)
    if problem is not None:
        raise Conflict(f"organizerEmail: {problem}")
    return user


def _meeting(conn: Connection, company_id: int, meeting_id: int) -> Any:
    m = meetings.c
    row = conn.execute(
        select(m.id, m.organizer_email, m.organizer_lower).where(m.id == meeting_id, m.company_id == company_id)
    ).first()
    if row is None:
        raise NotFound(NO_MEETING)
    return row


def _check_external_id(conn: Connection, company_id: int, external_id: str | None, meeting_id: int) -> None:
    if external_id is None:
        return
    m = meetings.c
    other = conn.execute(
        select(m.id).where(m.company_id == company_id, m.external_id == external_id, m.id != meeting_id)
    ).scalar()
    if other is not None:
        raise Conflict(f"externalId: another meeting has this externalId already (meetingId {other})")


def _store(conn: Connection, company_id: int, meeting_id: int, meeting: MeetingIn, *, new: bool) -> None:
    values = prepare(
        "meetings",
        {
            "organizer_email": meeting.organizerEmail,
            "title": meeting.title,
            "start_ms": meeting.startTime,
            "end_ms": meeting.endTime,
            "external_id": meeting.externalId,
        },
    )
    try:
        with conn.begin_nested():
            if new:
                conn.execute(insert(meetings).values(id=meeting_id, company_id=company_id, **values))
            else:
                conn.execute(update(meetings).where(meetings.c.id == meeting_id).values(**values))
    except IntegrityError:
        # A concurrent request stored the same externalId first: answered as if it had come before.
        _check_external_id(conn, company_id, meeting.externalId, meeting_id)
        raise
    conn.execute(delete(meeting_invitees).where(meeting_invitees.c.meeting_id == meeting_id))
    rows = [
        prepare("meeting_invitees", {"meeting_id": meeting_id, "company_id": company_id, **row})
        for row in meeting.invitee_rows()
    ]
    if rows:
        conn.execute(insert(meeting_invitees), rows)


def add_meeting(conn: Connection, *, company_id: int, meeting: MeetingIn) -> dict[str, Any]:
    """``POST /v2/meetings``: Gong's ``NewMeetingResponse`` (without ``requestId``)."""
    organizer = _organizer(conn, company_id, meeting.organizerEmail)
    meeting_id = new_id()
    _check_external_id(conn, company_id, meeting.externalId, meeting_id)
    _store(conn, company_id, meeting_id, meeting, new=True)
    return {
        "meetingId": str(meeting_id),
        "meetingUrl": organizer.meeting_consent_page_url,
        "additionalInvitees": [dict(GONG_ASSISTANT)],
    }


def update_meeting(conn: Connection, *, company_id: int, meeting_id: int, meeting: MeetingIn) -> dict[str, Any]:
    """``PUT /v2/meetings/{meetingId}``: the meeting becomes what the body says (a replacement: a title or an
    externalId left out is cleared); the organizer stays the one who created it."""
    row = _meeting(conn, company_id, meeting_id)
    if row.organizer_lower != normalize_email(meeting.organizerEmail):
        raise NotFound(f"{NO_MEETING} for this organizerEmail")
    _organizer(conn, company_id, meeting.organizerEmail)
    _check_external_id(conn, company_id, meeting.externalId, meeting_id)
    _store(conn, company_id, meeting_id, meeting, new=False)
    return {"meetingId": str(meeting_id)}


def delete_meeting(
    conn: Connection, *, company_id: int, meeting_id: int, organizer_email: str | None
) -> dict[str, Any]:
    """``DELETE /v2/meetings/{meetingId}``: the meeting and its invitees go. When ``organizerEmail`` is given it
    must be the meeting's organizer. Answers Gong's odd success shape, the organizer's address."""
    row = _meeting(conn, company_id, meeting_id)
    if organizer_email is not None and row.organizer_lower != normalize_email(organizer_email):
        raise NotFound(NO_ORGANIZER_MEETING)
    conn.execute(delete(meeting_invitees).where(meeting_invitees.c.meeting_id == meeting_id))
    conn.execute(delete(meetings).where(meetings.c.id == meeting_id))
    return {"organizerEmail": row.organizer_email}
