"""Calls and what hangs off them: parties, context, transcripts, recordings and their fetches, outcomes."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from gongkit.db.personal import identifier, mentions, not_personal
from gongkit.db.tables.base import AutoId, call_ref, company_ref, metadata

calls = Table(
    "calls",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("workspace_id", BigInteger, nullable=True),
    Column("client_unique_id", String(2048), nullable=True, info=not_personal()),
    Column("url", Text, nullable=False, info=not_personal()),
    Column("title", Text, nullable=True, info=mentions()),
    Column("scheduled_ms", BigInteger, nullable=True),
    Column("started_ms", BigInteger, nullable=False),
    # GET /v2/calls filters and orders on this: the scheduled time for web conferences Gong recorded,
    # the actual start otherwise (Gong's documented rule).
    Column("listed_ms", BigInteger, nullable=False),
    Column("duration", BigInteger, nullable=True),
    Column("primary_user_id", BigInteger, nullable=True),
    Column("direction", String(16), nullable=True, info=not_personal()),  # Inbound | Outbound | Conference | Unknown
    Column("system", String(64), nullable=True, info=not_personal()),
    Column("scope", String(16), nullable=True, info=not_personal()),  # Internal | External | Unknown
    Column("media", String(16), nullable=True, info=not_personal()),  # Video | Audio
    Column("language", String(8), nullable=True, info=not_personal()),
    Column("purpose", String(255), nullable=True, info=mentions()),
    Column("meeting_url", Text, nullable=True, info=mentions()),
    Column("is_private", Boolean, nullable=False, default=False),
    Column("custom_data", Text, nullable=True, info=mentions()),
    Column("sdr_disposition", String(255), nullable=True, info=mentions()),
    Column("calendar_event_id", String(300), nullable=True, info=not_personal()),
    Column("call_provider_code", String(64), nullable=True, info=not_personal()),
    # Where the recording is fetched from: a machine address, and the key that finds a repeated upload.
    Column("download_media_url", Text, nullable=True, info=not_personal()),
    Column("status", String(32), nullable=False, default="COMPLETED", info=not_personal()),
    Column("content", JSON, nullable=True, info=mentions()),  # CallContent blocks, as stored analysis results
    Column("interaction", JSON, nullable=True, info=mentions()),  # Interaction blocks
    Column("created_ms", BigInteger, nullable=False),
    # The call's CallBasicData as JSON, rendered by every writer (gongkit.db.rows.prepare) from the
    # columns above, its free-text ones included. The erasure reads it as text: a replacement inside one of its
    # strings keeps it valid JSON.
    Column("basic_json", Text, nullable=True, info=mentions(summary=True)),
    UniqueConstraint("company_id", "client_unique_id"),
    Index(None, "company_id", "listed_ms", "id"),  # counts totalRecords
    # The listing index covers basic_json, so a page of GET /v2/calls is one index range scan (no row lookups).
    # PostgreSQL holds it as an INCLUDE column; SQLite has no INCLUDE, so there it is the last key column.
    Index("ix_calls_listing", "company_id", "listed_ms", "id", postgresql_include=["basic_json"]).ddl_if(
        dialect="postgresql"
    ),
    Index("ix_calls_listing", "company_id", "listed_ms", "id", "basic_json").ddl_if(dialect="sqlite"),
    Index(None, "company_id", "started_ms", "id"),
    Index(None, "company_id", "primary_user_id"),
)

call_parties = Table(
    "call_parties",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    call_ref(),
    company_ref(),
    Column("speaker_id", String(40), nullable=True, info=not_personal()),
    Column("user_id", BigInteger, nullable=True),
    Column("name", String(300), nullable=True, info=mentions()),
    Column("title", String(300), nullable=True, info=mentions()),
    Column("email_address", String(320), nullable=True, info=identifier()),
    Column("email_lower", String(320), nullable=True, info=identifier()),
    Column("phone_number", String(64), nullable=True, info=identifier()),
    Column("phone_norm", String(40), nullable=True, info=identifier()),
    Column("affiliation", String(16), nullable=False, default="Unknown", info=not_personal()),
    Column("methods", JSON, nullable=False, default=list, info=not_personal()),  # Invitee | Attendee
    Column("crm_object_id", BigInteger, nullable=True),  # the Lead/Contact this party is
    Column("media_channel_id", Integer, nullable=True),
    Index(None, "call_id"),
    Index(None, "company_id", "email_lower"),
    Index(None, "company_id", "phone_norm"),
    Index(None, "company_id", "crm_object_id"),
)

# CRM objects a call is associated with (context in /v2/calls/extensive).
call_context_objects = Table(
    "call_context_objects",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    call_ref(),
    company_ref(),
    Column("party_id", BigInteger, nullable=True),  # set for a party's own context
    Column("system", String(32), nullable=False, info=not_personal()),
    Column("object_type", String(32), nullable=False, info=not_personal()),
    Column("object_id", String(200), nullable=False, info=not_personal()),
    Column("fields", JSON, nullable=False, default=list, info=mentions()),
    Column("fields_at_call", JSON, nullable=True, info=mentions()),  # fields as they were at the time of the call
    Index(None, "call_id"),
)

# Where the call itself was logged in external systems (data privacy CallReference.externalSystems).
call_external_objects = Table(
    "call_external_objects",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    call_ref(),
    company_ref(),
    Column("system", String(32), nullable=False, info=not_personal()),
    Column("object_type", String(32), nullable=False, info=not_personal()),  # Conversation | Task
    Column("external_id", String(200), nullable=False, info=not_personal()),
    Index(None, "call_id"),
)

transcript_monologues = Table(
    "transcript_monologues",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    call_ref(),
    company_ref(),
    Column("seq", Integer, nullable=False),
    Column("speaker_id", String(40), nullable=False, info=not_personal()),
    Column("topic", String(200), nullable=True, info=mentions()),
    Column("sentences", JSON, nullable=False, info=mentions()),  # [{start, end, text}] in milliseconds
    Index(None, "call_id", "seq"),
)

call_media = Table(
    "call_media",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    call_ref(),
    company_ref(),
    Column("kind", String(8), nullable=False, info=not_personal()),  # audio | video
    Column("storage_key", String(300), nullable=False, info=not_personal()),  # path inside the media store
    Column("content_type", String(100), nullable=False, info=not_personal()),  # from the recognised format
    Column("size", BigInteger, nullable=False),
    Column("created_ms", BigInteger, nullable=False),
    # What the upload was recognised as (NULL for recordings stored before revision 0003).
    Column("format", String(8), nullable=True, info=not_personal()),  # wav | mp3 | flac | mp4 | mkv
    Column("duration_ms", BigInteger, nullable=True),
    Column("channels", Integer, nullable=True),  # audio channels; NULL for a file without audio
    Index(None, "call_id"),
)

# One row per call added with a ``downloadMediaUrl``: the fetch's state machine (PENDING -> IN_PROGRESS ->
# DONE | FAILED), retried with back-off up to a bound, resumed after a restart. ``lease_ms`` is when a fetch
# taken by a process that died may be taken again.
media_fetches = Table(
    "media_fetches",
    metadata,
    Column("call_id", BigInteger, ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    company_ref(),
    Column("status", String(16), nullable=False, info=not_personal()),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_ms", BigInteger, nullable=False),
    Column("lease_ms", BigInteger, nullable=True),
    Column("error", Text, nullable=True, info=not_personal()),  # why the last attempt failed (no URL in it)
    Column("created_ms", BigInteger, nullable=False),
    Column("finished_ms", BigInteger, nullable=True),
    Index(None, "status", "next_attempt_ms"),
)

call_outcomes = Table(
    "call_outcomes",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    company_ref(),
    Column("name", String(200), nullable=False, info=not_personal()),  # the operator's label
    Column("display_order", Integer, nullable=False),
    Column("connect_status", String(16), nullable=True, info=not_personal()),  # CONNECTED | NOT_CONNECTED
    Column("sentiment", String(16), nullable=True, info=not_personal()),  # POSITIVE | NEGATIVE | NEUTRAL
    Column("todo_action", String(32), nullable=True, info=not_personal()),  # COMPLETE | COMPLETE_AND_REMOVE
    Column("automation", String(32), nullable=True, info=not_personal()),  # MARK_AS_OPT_OUT
    Column("category", String(16), nullable=True, info=not_personal()),  # ANSWERED | NOT_ANSWERED
    UniqueConstraint("company_id", "name"),
)
