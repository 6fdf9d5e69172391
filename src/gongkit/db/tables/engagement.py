"""Customer engagement events (content shared and viewed, custom actions, digital interactions)."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, String, Table, Text, UniqueConstraint

from gongkit.db.personal import identifier, mentions, not_personal
from gongkit.db.tables.base import company_ref, metadata

# One row per reported event and external person it concerns (the viewer, the actor, each recipient and
# non-company participant, the person of a digital interaction; one row without a person when there is none), so
# the data-privacy lookup finds an event by any of its people and an erasure removes only that person's row.
# Rows of one report share ``dedupe_key`` (a hash of the event type, the reporting system and the reporter's
# eventId; NULL when no eventId was given) and are numbered by ``person_seq``.
engagement_events = Table(
    "engagement_events",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column(
        "event_type", String(32), nullable=False, info=not_personal()
    ),  # contentShared|contentViewed|customEvent|digitalInteraction
    Column("timestamp_ms", BigInteger, nullable=False),
    Column("content_id", String(300), nullable=True, info=mentions()),
    Column("content_url", Text, nullable=True, info=mentions()),
    Column("reporting_system", String(300), nullable=True, info=mentions()),
    Column("event_name", String(300), nullable=True, info=mentions()),
    Column("source_event_id", String(300), nullable=True, info=mentions()),
    Column("person_email", String(320), nullable=True, info=identifier()),
    Column("person_email_lower", String(320), nullable=True, info=identifier()),
    Column("person_phone", String(64), nullable=True, info=identifier()),
    Column("person_phone_norm", String(40), nullable=True, info=identifier()),
    Column("payload", JSON, nullable=True, info=mentions()),  # the event as reported
    Column("dedupe_key", String(64), nullable=True, info=not_personal()),
    Column("person_seq", Integer, nullable=True),
    Column("person_role", String(16), nullable=True, info=not_personal()),  # viewer|actor|recipient|participant|person
    Column("workspace_id", BigInteger, nullable=True),
    UniqueConstraint("company_id", "dedupe_key", "person_seq"),
    Index(None, "company_id", "person_email_lower"),
    Index(None, "company_id", "person_phone_norm"),
)
