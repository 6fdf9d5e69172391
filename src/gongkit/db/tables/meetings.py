"""Meetings and their invitees."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Index, String, Table, Text, UniqueConstraint

from gongkit.db.personal import identifier, mentions, not_personal
from gongkit.db.tables.base import AutoId, company_ref, metadata

# A meeting created through POST /v2/meetings, or a calendar event Gong saw. ``id`` is Gong's numeric meeting id
# (the path parameter of PUT/DELETE /v2/meetings/{meetingId}); ``external_id`` the id the calendar system gave it.
meetings = Table(
    "meetings",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("organizer_email", String(320), nullable=False, info=identifier()),
    Column("organizer_lower", String(320), nullable=False, info=identifier()),
    Column("title", Text, nullable=True, info=mentions()),
    Column("start_ms", BigInteger, nullable=False),
    Column("end_ms", BigInteger, nullable=False),
    Column("external_id", String(300), nullable=True, info=not_personal()),
    Column("call_id", BigInteger, nullable=True),  # the recorded call, when there is one
    UniqueConstraint("company_id", "external_id"),
    Index(None, "company_id", "organizer_lower"),
)

meeting_invitees = Table(
    "meeting_invitees",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("meeting_id", BigInteger, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False),
    company_ref(),
    Column("email_address", String(320), nullable=False, info=identifier()),
    Column("email_lower", String(320), nullable=False, info=identifier()),
    Column("display_name", String(300), nullable=True, info=mentions()),
    Column("first_name", String(200), nullable=True, info=mentions()),
    Column("last_name", String(200), nullable=True, info=mentions()),
    Index(None, "meeting_id"),
    Index(None, "company_id", "email_lower"),
)
