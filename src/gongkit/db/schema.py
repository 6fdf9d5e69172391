"""The storage schema, as SQLAlchemy Core tables.

Conventions:
- every record belongs to a company (``company_id``); ids are Gong-style numeric ids (BIGINT, < 2**63) sent as
  strings on the wire, except e-mail message ids (32 characters);
- instants are UTC milliseconds since the epoch (``*_ms``, BIGINT): exact, engine-neutral, cheap to compare;
- each e-mail address kept for lookup has a ``*_lower`` twin (trimmed, lower-cased) and each phone number a
  ``*_norm`` twin (``+`` and digits only), both indexed: the data-privacy lookups and erasures search those;
- everything that hangs off a call references it with ``ON DELETE CASCADE``;
- every text column says what it can hold about a person (``info``: ``identifier()``, ``mentions()`` or
  ``not_personal()``, see ``gongkit.db.personal``): the data-privacy erasure derives what it scans from that.

The Alembic migrations under ``gongkit/db/migrations`` are the only way this schema reaches a database, and a test
holds this module to exactly what they create, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from gongkit.db.personal import identifier, mentions, not_personal

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


# SQLite only auto-numbers an INTEGER PRIMARY KEY; PostgreSQL gets BIGSERIAL.
AutoId = BigInteger().with_variant(Integer(), "sqlite")


def _company() -> Column[int]:
    return Column("company_id", BigInteger, ForeignKey("companies.id", ondelete="CASCADE"), nullable=False)


# --- control plane -------------------------------------------------------------------------------------

instance_settings = Table(
    "instance_settings",
    metadata,
    Column("key", String(64), primary_key=True, info=not_personal()),
    Column("value", Text, nullable=False, info=not_personal()),
)

companies = Table(
    "companies",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False, info=not_personal()),
    Column("time_zone", String(64), nullable=False, default="UTC", info=not_personal()),
    Column("rate_per_second", Integer, nullable=False, default=3),
    Column("rate_per_day", Integer, nullable=False, default=10_000),
    Column("page_size", Integer, nullable=False, default=100),
    # Integrity protection of erasures: an erasure that would delete more than these is refused whole.
    Column("erasure_max_calls", Integer, nullable=False, default=2_000),
    Column("erasure_max_emails", Integer, nullable=False, default=10_000),
    Column("erasure_max_crm_objects", Integer, nullable=False, default=25),
    Column("erasure_max_total", Integer, nullable=False, default=20_000),
    Column("created_ms", BigInteger, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("access_key", String(64), primary_key=True, info=not_personal()),
    _company(),
    Column("secret_hash", String(200), nullable=False, info=not_personal()),
    Column("name", String(200), nullable=False, default="", info=not_personal()),
    Column("created_ms", BigInteger, nullable=False),
    Column("revoked_ms", BigInteger, nullable=True),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("token_hash", String(64), nullable=False, unique=True, info=not_personal()),
    Column("scopes", Text, nullable=False, info=not_personal()),  # space-separated
    Column("name", String(200), nullable=False, default="", info=not_personal()),
    Column("created_ms", BigInteger, nullable=False),
    Column("expires_ms", BigInteger, nullable=True),
    Column("revoked_ms", BigInteger, nullable=True),
)

# --- organisation ----------------------------------------------------------------------------------------

workspaces = Table(
    "workspaces",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("name", String(200), nullable=False, info=mentions()),
    Column("description", Text, nullable=True, info=mentions()),
    Column("is_default", Boolean, nullable=False, default=False),
    Index(None, "company_id", "id"),
)

users = Table(
    "users",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("email_address", String(320), nullable=False, info=identifier()),
    Column("email_lower", String(320), nullable=False, info=identifier()),
    Column("created_ms", BigInteger, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("email_aliases", JSON, nullable=False, default=list, info=identifier()),
    Column("trusted_email_address", String(320), nullable=True, info=identifier()),
    Column("first_name", String(200), nullable=True, info=mentions()),
    Column("last_name", String(200), nullable=True, info=mentions()),
    Column("title", String(200), nullable=True, info=mentions()),
    Column("phone_number", String(64), nullable=True, info=identifier()),
    Column("extension", String(32), nullable=True, info=not_personal()),
    Column("personal_meeting_urls", JSON, nullable=False, default=list, info=mentions()),
    Column("settings", JSON, nullable=False, default=dict, info=not_personal()),
    Column("manager_id", BigInteger, nullable=True),
    Column("meeting_consent_page_url", Text, nullable=True, info=mentions()),
    Column("spoken_languages", JSON, nullable=False, default=list, info=not_personal()),
    Column("is_avatar", Boolean, nullable=False, default=False),
    Index(None, "company_id", "id"),
    Index(None, "company_id", "created_ms", "id"),
    Index(None, "company_id", "email_lower"),
)

user_settings_history = Table(
    "user_settings_history",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _company(),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("setting", String(64), nullable=False, info=not_personal()),
    Column("value", Boolean, nullable=False),
    Column("time_ms", BigInteger, nullable=False),
    Index(None, "user_id", "time_ms"),
)

# --- CRM -------------------------------------------------------------------------------------------------

crm_objects = Table(
    "crm_objects",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column(
        "system", String(32), nullable=False, info=not_personal()
    ),  # Salesforce | HubSpot | MicrosoftDynamic | Generic
    Column("object_type", String(32), nullable=False, info=not_personal()),  # Lead | Contact | Account | Opportunity
    Column("external_id", String(200), nullable=False, info=not_personal()),
    Column("mirror_id", Text, nullable=True, info=mentions()),
    Column("name", String(300), nullable=True, info=mentions()),
    Column("account_id", BigInteger, nullable=True),  # the Account a Contact/Opportunity belongs to
    Column("email_address", String(320), nullable=True, info=identifier()),
    Column("email_lower", String(320), nullable=True, info=identifier()),
    Column("phone_number", String(64), nullable=True, info=identifier()),
    Column("phone_norm", String(40), nullable=True, info=identifier()),
    Column("mobile_phone_number", String(64), nullable=True, info=identifier()),
    Column("mobile_norm", String(40), nullable=True, info=identifier()),
    Column("fields", JSON, nullable=False, default=list, info=mentions()),  # [{name, value}]
    Column("modified_ms", BigInteger, nullable=False),
    # The generic integration (``crm_integrations``) an object was uploaded through; NULL for native CRMs.
    Column("integration_id", BigInteger, nullable=True),
    Index(None, "company_id", "email_lower"),
    Index(None, "company_id", "phone_norm"),
    Index(None, "company_id", "mobile_norm"),
    Index(None, "company_id", "object_type", "external_id"),
    Index(None, "integration_id", "object_type", "external_id"),
)

# --- calls -----------------------------------------------------------------------------------------------

calls = Table(
    "calls",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
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


def _call() -> Column[int]:
    return Column("call_id", BigInteger, ForeignKey("calls.id", ondelete="CASCADE"), nullable=False)


call_parties = Table(
    "call_parties",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _call(),
    _company(),
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
    _call(),
    _company(),
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
    _call(),
    _company(),
    Column("system", String(32), nullable=False, info=not_personal()),
    Column("object_type", String(32), nullable=False, info=not_personal()),  # Conversation | Task
    Column("external_id", String(200), nullable=False, info=not_personal()),
    Index(None, "call_id"),
)

transcript_monologues = Table(
    "transcript_monologues",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _call(),
    _company(),
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
    _call(),
    _company(),
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

call_comments = Table(
    "call_comments",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _call(),
    _company(),
    Column("commenter_user_id", BigInteger, nullable=True),
    Column("comment", Text, nullable=False, info=mentions()),
    Column("audio_start_time", Integer, nullable=True),
    Column("audio_end_time", Integer, nullable=True),
    Column("posted_ms", BigInteger, nullable=False),
    Column("in_reply_to", BigInteger, nullable=True),
    Column("during_call", Boolean, nullable=False, default=False),
    Index(None, "call_id"),
)

# Per-call, per-user inputs of the statistics (talk time, interaction measures).
call_user_stats = Table(
    "call_user_stats",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _call(),
    _company(),
    Column("user_id", BigInteger, nullable=False),
    Column("talk_time_sec", Integer, nullable=False, default=0),
    Column("stats", JSON, nullable=False, default=list, info=not_personal()),  # [{name, value}]
    Index(None, "call_id"),
    Index(None, "company_id", "user_id"),
)

# Individual access to calls given through PUT /v2/calls/users-access.
call_access = Table(
    "call_access",
    metadata,
    _call(),
    _company(),
    Column("user_id", BigInteger, nullable=False),
    Column("granted_ms", BigInteger, nullable=False),
    # How the user came to have the access: "api" (PUT /v2/calls/users-access, the only grants that operation
    # lists and removes) or "share" (the call was shared with them); NULL for grants stored before revision 0006.
    Column("granted_via", String(8), nullable=True, info=not_personal()),
    Column("granted_by", String(200), nullable=True, info=not_personal()),  # the key or token that granted it
    UniqueConstraint("call_id", "user_id"),
)

library_folders = Table(
    "library_folders",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("workspace_id", BigInteger, nullable=True),
    Column("name", String(300), nullable=False, info=mentions()),
    Column("parent_folder_id", BigInteger, nullable=True),
    Column("is_public", Boolean, nullable=False, default=True),
    Column("is_archived", Boolean, nullable=False, default=False),
    Column("created_by_user_id", BigInteger, nullable=True),
    Column("updated_ms", BigInteger, nullable=False),
)

library_entries = Table(
    "library_entries",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("folder_id", BigInteger, ForeignKey("library_folders.id", ondelete="CASCADE"), nullable=False),
    _call(),
    _company(),
    Column("title", Text, nullable=True, info=mentions()),
    Column("note", Text, nullable=True, info=mentions()),
    Column("added_by_user_id", BigInteger, nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("snippet_from_sec", Integer, nullable=True),
    Column("snippet_to_sec", Integer, nullable=True),
    Index(None, "folder_id"),
    Index(None, "call_id"),
)

# --- e-mail, meetings, engagement ------------------------------------------------------------------------

emails = Table(
    "emails",
    metadata,
    Column("id", String(32), primary_key=True, info=not_personal()),
    _company(),
    Column("from_address", String(320), nullable=False, info=identifier()),
    Column("from_lower", String(320), nullable=False, info=identifier()),
    Column("sent_ms", BigInteger, nullable=False),
    Column("mailbox", String(320), nullable=False, info=identifier()),  # the address of the captured mailbox
    Column("message_hash", String(32), nullable=False, info=not_personal()),
    Column("subject", Text, nullable=True, info=mentions()),
    Column("body", Text, nullable=True, info=mentions()),
    Index(None, "company_id", "from_lower"),
)

email_recipients = Table(
    "email_recipients",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("email_id", String(32), ForeignKey("emails.id", ondelete="CASCADE"), nullable=False, info=not_personal()),
    _company(),
    Column("kind", String(4), nullable=False, info=not_personal()),  # to | cc | bcc
    Column("address", String(320), nullable=False, info=identifier()),
    Column("address_lower", String(320), nullable=False, info=identifier()),
    Index(None, "email_id"),
    Index(None, "company_id", "address_lower"),
)

# A meeting created through POST /v2/meetings, or a calendar event Gong saw. ``id`` is Gong's numeric meeting id
# (the path parameter of PUT/DELETE /v2/meetings/{meetingId}); ``external_id`` the id the calendar system gave it.
meetings = Table(
    "meetings",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
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
    _company(),
    Column("email_address", String(320), nullable=False, info=identifier()),
    Column("email_lower", String(320), nullable=False, info=identifier()),
    Column("display_name", String(300), nullable=True, info=mentions()),
    Column("first_name", String(200), nullable=True, info=mentions()),
    Column("last_name", String(200), nullable=True, info=mentions()),
    Index(None, "meeting_id"),
    Index(None, "company_id", "email_lower"),
)

# One row per reported event and external person it concerns (the viewer, the actor, each recipient and
# non-company participant, the person of a digital interaction; one row without a person when there is none), so
# the data-privacy lookup finds an event by any of its people and an erasure removes only that person's row.
# Rows of one report share ``dedupe_key`` (a hash of the event type, the reporting system and the reporter's
# eventId; NULL when no eventId was given) and are numbered by ``person_seq``.
engagement_events = Table(
    "engagement_events",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
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

# --- data privacy ----------------------------------------------------------------------------------------

# One row per accepted erasure request: the job's state machine and, once finished, its audit record.
# ``subject`` holds the address/number only while the job still has to run; it is cleared when the job ends,
# and ``subject_hash`` (a keyed hash) is what remains for an auditor.
erasure_jobs = Table(
    "erasure_jobs",
    metadata,
    Column("id", String(40), primary_key=True, info=not_personal()),  # the requestId answered to the caller
    _company(),
    Column("kind", String(8), nullable=False, info=not_personal()),  # email | phone
    Column("subject", Text, nullable=True, info=identifier()),
    Column("subject_hash", String(64), nullable=False, info=not_personal()),
    Column("status", String(16), nullable=False, info=not_personal()),  # PENDING | IN_PROGRESS | DONE | FAILED
    Column("credential", String(200), nullable=False, info=not_personal()),  # which key or token asked for it
    Column("requested_ms", BigInteger, nullable=False),
    Column("started_ms", BigInteger, nullable=True),
    Column("finished_ms", BigInteger, nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("counts", JSON, nullable=True, info=not_personal()),  # objects deleted (or that would have been), per kind
    Column("error", Text, nullable=True, info=not_personal()),  # masked before it is stored (SubjectText.clean)
    Index(None, "company_id", "subject_hash"),
    Index(None, "status"),
)


# --- crm -------------------------------------------------------------------------------------------------

# Generic CRM integrations (PUT /v2/crm/integrations). ``active_company_id`` is the company while the integration
# is active or being deleted and NULL once it is gone: its unique constraint is Gong's "one integration at a time".
crm_integrations = Table(
    "crm_integrations",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("active_company_id", BigInteger, nullable=True, unique=True),
    Column("name", String(300), nullable=False, info=not_personal()),  # the operator's label
    # The Gong user responsible for it (a colleague, as in ``users``: not a data subject the erasure searches).
    Column("owner_email", String(320), nullable=False, info=identifier()),
    Column("status", String(16), nullable=False, info=not_personal()),  # ACTIVE | DELETING | DELETED
    Column("created_ms", BigInteger, nullable=False),
    Column("deleted_ms", BigInteger, nullable=True),
    Index(None, "company_id", "id"),
)

# The schema of each object type of an integration (POST /v2/crm/entity-schema), in the order uploaded.
crm_schema_fields = Table(
    "crm_schema_fields",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _company(),
    Column("integration_id", BigInteger, ForeignKey("crm_integrations.id", ondelete="CASCADE"), nullable=False),
    Column("object_type", String(16), nullable=False, info=not_personal()),  # ACCOUNT | CONTACT | DEAL | LEAD
    Column("position", Integer, nullable=False),
    Column("unique_name", String(200), nullable=False, info=not_personal()),
    Column("label", String(300), nullable=False, info=not_personal()),
    Column("type", String(16), nullable=False, info=not_personal()),
    Column("last_modified", String(40), nullable=True, info=not_personal()),
    Column("reference_to", String(16), nullable=True, info=not_personal()),
    Column("ordered_value_list", JSON, nullable=True, info=not_personal()),
    UniqueConstraint("integration_id", "object_type", "unique_name"),
)

# Asynchronous CRM requests (uploads of objects, deletion of an integration): each one a persisted job
# ``PENDING -> IN_PROGRESS -> DONE | FAILED`` under the caller's ``clientRequestId``, resumable after a crash from
# ``lines_done`` (the lines whose outcome is committed).
crm_requests = Table(
    "crm_requests",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _company(),
    Column("integration_id", BigInteger, nullable=False),
    Column("client_request_id", String(200), nullable=False, info=not_personal()),
    Column("kind", String(16), nullable=False, info=not_personal()),  # UPLOAD | DELETE (of the integration)
    Column("object_type", String(16), nullable=True, info=not_personal()),
    Column("status", String(16), nullable=False, info=not_personal()),
    Column("file_key", String(300), nullable=True, info=not_personal()),  # the pending upload's file
    Column("lines_done", BigInteger, nullable=False, default=0),
    Column("success_count", Integer, nullable=False, default=0),
    Column("error_count", Integer, nullable=False, default=0),
    # At most 20 {line, description}; descriptions name fields, never their values.
    Column("errors", JSON, nullable=False, default=list, info=not_personal()),
    Column("attempts", Integer, nullable=False, default=0),
    Column("requested_ms", BigInteger, nullable=False),
    Column("started_ms", BigInteger, nullable=True),
    Column("finished_ms", BigInteger, nullable=True),
    UniqueConstraint("company_id", "client_request_id"),
    Index(None, "status"),
)

# --- permissions -----------------------------------------------------------------------------------------

# Permission profiles (GET/POST/PUT /v2/permission-profile), one workspace each. ``name_key`` is the name
# trimmed and lower-cased: a name is unique within its workspace regardless of case.
permission_profiles = Table(
    "permission_profiles",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("workspace_id", BigInteger, ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False, info=not_personal()),
    Column("name_key", String(200), nullable=False, info=not_personal()),
    Column("description", Text, nullable=True, info=mentions()),
    # Every permission of the profile, as Gong's PermissionProfileDTO holds them (its access levels included).
    Column("permissions", JSON, nullable=False, info=not_personal()),
    Column("created_ms", BigInteger, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
    UniqueConstraint("company_id", "workspace_id", "name_key"),
)

# The profile that controls a user's access in a workspace (one per user and workspace).
permission_profile_users = Table(
    "permission_profile_users",
    metadata,
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("workspace_id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("profile_id", BigInteger, ForeignKey("permission_profiles.id", ondelete="CASCADE"), nullable=False),
    Index(None, "profile_id"),
)

# --- calls: media fetched from a downloadMediaUrl ----------------------------------------------------------

# One row per call added with a ``downloadMediaUrl``: the fetch's state machine (PENDING -> IN_PROGRESS ->
# DONE | FAILED), retried with back-off up to a bound, resumed after a restart. ``lease_ms`` is when a fetch
# taken by a process that died may be taken again.
media_fetches = Table(
    "media_fetches",
    metadata,
    Column("call_id", BigInteger, ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    _company(),
    Column("status", String(16), nullable=False, info=not_personal()),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_ms", BigInteger, nullable=False),
    Column("lease_ms", BigInteger, nullable=True),
    Column("error", Text, nullable=True, info=not_personal()),  # why the last attempt failed (no URL in it)
    Column("created_ms", BigInteger, nullable=False),
    Column("finished_ms", BigInteger, nullable=True),
    Index(None, "status", "next_attempt_ms"),
)

# --- settings --------------------------------------------------------------------------------------------

# The origins a company allows to embed Gong's integrations (POST /v2/integration-settings), per integration type.
integration_settings = Table(
    "integration_settings",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _company(),
    Column("integration_type", String(32), nullable=False, info=not_personal()),  # EMAIL_COMPOSER|ACCOUNT_PAGES|DIALER
    Column("origin", String(500), nullable=False, info=not_personal()),  # the allowedOrigin
    Column("created_ms", BigInteger, nullable=False),
    UniqueConstraint("company_id", "integration_type", "origin"),
)

# --- flows (Gong Engage: flow folders, flows, their steps, prospects' flow instances) -------------------------
# A prospect is a CRM Contact or Lead (``crm_objects``): it is referenced by its row, never copied, so an erasure
# that deletes the CRM object takes its flow instances and tasks with it (ON DELETE CASCADE). Gong users (flow
# owners, instance owners) are referenced by user id. Visibility is Gong's enum: Company | Personal | Shared.

flow_folders = Table(
    "flow_folders",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("workspace_id", BigInteger, nullable=True),
    Column("parent_id", BigInteger, ForeignKey("flow_folders.id", ondelete="CASCADE"), nullable=True),
    Column("name", String(300), nullable=False, info=mentions()),
    Column("visibility", String(16), nullable=False, info=not_personal()),
    Column("owner_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Index(None, "company_id", "id"),
)

flows = Table(
    "flows",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("workspace_id", BigInteger, nullable=True),
    Column("folder_id", BigInteger, ForeignKey("flow_folders.id", ondelete="SET NULL"), nullable=True),
    Column("name", String(300), nullable=False, info=mentions()),
    Column("visibility", String(16), nullable=False, info=not_personal()),
    Column("owner_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("exclusive", Boolean, nullable=False, default=False),
    # Days a prospect who left this flow waits before it can be assigned to any flow (0: no cool-off).
    Column("cool_off_days", Integer, nullable=False, default=0),
    Column("created_ms", BigInteger, nullable=False),
    Index(None, "company_id", "id"),
)

# Who a Shared flow or folder is shared with (besides its owner).
flow_shares = Table(
    "flow_shares",
    metadata,
    Column("flow_id", BigInteger, ForeignKey("flows.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "user_id"),
)

flow_folder_shares = Table(
    "flow_folder_shares",
    metadata,
    Column("folder_id", BigInteger, ForeignKey("flow_folders.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "user_id"),
)

flow_steps = Table(
    "flow_steps",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("flow_id", BigInteger, ForeignKey("flows.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),  # 1 is the first step
    Column("name", String(300), nullable=False, info=mentions()),
    Column("action", String(16), nullable=False, info=not_personal()),  # CALL | EMAIL | LINKEDIN | TASK
    UniqueConstraint("flow_id", "number"),
    Index(None, "company_id", "flow_id"),  # a company's rows, for the erasure's redaction scan
)

# One row per assignment of a prospect to a flow; it stays after the prospect leaves (``ended_ms``): the
# cool-off period is measured from there.
flow_instances = Table(
    "flow_instances",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("flow_id", BigInteger, ForeignKey("flows.id", ondelete="CASCADE"), nullable=False),
    Column("prospect_id", BigInteger, ForeignKey("crm_objects.id", ondelete="CASCADE"), nullable=False),
    Column("owner_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(16), nullable=False, info=not_personal()),  # Running | Pending | Paused
    Column("description", Text, nullable=True, info=mentions()),
    Column("overrides", JSON, nullable=True, info=mentions()),  # the assignment's step/variable overrides
    Column("created_ms", BigInteger, nullable=False),
    Column("ended_ms", BigInteger, nullable=True),
    Column("ended_by_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Index(None, "prospect_id", "ended_ms"),
    Index(None, "flow_id"),
    Index(None, "company_id", "created_ms"),  # a company's rows, for the erasure's redaction scan
)

# --- tasks (Gong Engage to-dos: a flow step's, or a one-off) ------------------------------------------------

tasks = Table(
    "tasks",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("workspace_id", BigInteger, nullable=True),
    Column("type", String(8), nullable=False, info=not_personal()),  # FLOW | MANUAL
    Column("action", String(8), nullable=False, info=not_personal()),  # CALL
    Column("status", String(16), nullable=False, info=not_personal()),  # OPEN | DONE | DISMISSED
    Column("title", String(500), nullable=True, info=mentions()),
    Column("priority", Integer, nullable=True),  # the id of one of Gong's priorities
    Column("prospect_id", BigInteger, ForeignKey("crm_objects.id", ondelete="CASCADE"), nullable=True),
    Column("flow_instance_id", BigInteger, ForeignKey("flow_instances.id", ondelete="CASCADE"), nullable=True),
    Column("step_id", BigInteger, ForeignKey("flow_steps.id", ondelete="SET NULL"), nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
    Column("due_ms", BigInteger, nullable=True),
    Index(None, "company_id", "user_id", "due_ms"),
    Index(None, "flow_instance_id"),
    Index(None, "prospect_id"),
)

# --- calls: outcomes (the Dialer's list of call outcomes) ----------------------------------------------------

call_outcomes = Table(
    "call_outcomes",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _company(),
    Column("name", String(200), nullable=False, info=not_personal()),  # the operator's label
    Column("display_order", Integer, nullable=False),
    Column("connect_status", String(16), nullable=True, info=not_personal()),  # CONNECTED | NOT_CONNECTED
    Column("sentiment", String(16), nullable=True, info=not_personal()),  # POSITIVE | NEGATIVE | NEUTRAL
    Column("todo_action", String(32), nullable=True, info=not_personal()),  # COMPLETE | COMPLETE_AND_REMOVE
    Column("automation", String(32), nullable=True, info=not_personal()),  # MARK_AS_OPT_OUT
    Column("category", String(16), nullable=True, info=not_personal()),  # ANSWERED | NOT_ANSWERED
    UniqueConstraint("company_id", "name"),
)

# --- activity (stats, scorecards, coaching, logs) --------------------------------------------------------
# What users do with calls that the stats count and no other table shows; ``user_id`` is who acted.
activity_events = Table(
    "activity_events",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _company(),
    _call(),
    Column("user_id", BigInteger, nullable=False),
    Column("kind", String(24), nullable=False, info=not_personal()),  # stats.activity.EVENT_KINDS
    Column("time_ms", BigInteger, nullable=False),
    Index(None, "company_id", "time_ms"),
    Index(None, "call_id"),
)

scorecards = Table(
    "scorecards",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("workspace_id", BigInteger, nullable=True),
    Column("name", String(300), nullable=False, info=not_personal()),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("review_method", String(16), nullable=False, default="MANUAL", info=not_personal()),  # MANUAL | AUTOMATIC
    Column("updater_user_id", BigInteger, nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
)

scorecard_questions = Table(
    "scorecard_questions",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("scorecard_id", BigInteger, ForeignKey("scorecards.id", ondelete="CASCADE"), nullable=False),
    _company(),
    Column("revision_id", BigInteger, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False, info=not_personal()),
    Column("is_overall", Boolean, nullable=False, default=False),
    Column("question_type", String(32), nullable=False, info=not_personal()),  # SCALE | TEXT | SINGLE_SELECT ...
    Column("answer_guide", Text, nullable=True, info=not_personal()),
    Column("min_range", Integer, nullable=True),
    Column("max_range", Integer, nullable=True),
    Column("options", JSON, nullable=True, info=not_personal()),  # [{id, text}] for select questions
)

answered_scorecards = Table(
    "answered_scorecards",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("scorecard_id", BigInteger, ForeignKey("scorecards.id", ondelete="CASCADE"), nullable=False),
    _call(),
    Column("reviewed_user_id", BigInteger, nullable=False),
    Column("reviewer_user_id", BigInteger, nullable=True),  # NULL for an AUTOMATIC review
    Column("editor_user_id", BigInteger, nullable=True),
    Column("review_method", String(16), nullable=False, info=not_personal()),  # MANUAL | AUTOMATIC
    Column("visibility", String(16), nullable=False, default="PUBLIC", info=not_personal()),
    Column("review_ms", BigInteger, nullable=False),
    Column("answers", JSON, nullable=False, default=list, info=mentions()),
    Index(None, "company_id", "review_ms", "id"),
    Index(None, "call_id"),
)

audit_logs = Table(
    "audit_logs",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    _company(),
    Column("log_type", String(32), nullable=False, info=not_personal()),  # Gong's logType
    Column("event_ms", BigInteger, nullable=False),
    Column("user_id", BigInteger, nullable=True),  # people by id only (joined when read): nothing to erase here
    Column("record", JSON, nullable=False, default=dict, info=not_personal()),
    Index(None, "company_id", "log_type", "event_ms", "id"),
)

# --- trackers --------------------------------------------------------------------------------------------

# Keyword tracker definitions (``GET /v2/settings/trackers``); the call analysis matches them on transcripts.
# Names, keywords and filters are the operator's own settings, not anything about a person.
trackers = Table(
    "trackers",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    _company(),
    Column("workspace_id", BigInteger, nullable=True),  # NULL: every workspace of the company
    Column("name", String(200), nullable=False, info=not_personal()),
    # [{language (ISO 639-2/B, "mul" for every language), keywords: [str], includeRelatedForms: bool}]
    Column("language_keywords", JSON, nullable=False, default=list, info=not_personal()),
    Column(
        "affiliation", String(16), nullable=False, default="Anyone", info=not_personal()
    ),  # Anyone|Company|NonCompany
    Column("part_of_question", Boolean, nullable=False, default=False),
    Column("said_at", String(16), nullable=False, default="Anytime", info=not_personal()),  # Anytime | First | Last
    Column("said_at_interval", Integer, nullable=True),
    Column("said_at_unit", String(16), nullable=True, info=not_personal()),  # minutes | percent
    Column("said_in_topics", JSON, nullable=False, default=list, info=not_personal()),
    Column("filter_query", Text, nullable=True, info=not_personal()),
    Column("created_ms", BigInteger, nullable=False),
    Column("creator_user_id", BigInteger, nullable=True),  # NULL: built in
    Column("updated_ms", BigInteger, nullable=False),
    Column("updater_user_id", BigInteger, nullable=True),
    Index(None, "company_id", "workspace_id"),
)


def metadata_for(dialect: str) -> MetaData:
    """The schema as it stands on one engine (``"sqlite"``, ``"postgresql"``): ``metadata`` without the indexes
    declared for other engines only.

    ``metadata.create_all`` skips those by itself (``ddl_if``); Alembic's comparison does not, so it is given this.
    """
    view = MetaData(naming_convention=metadata.naming_convention)
    for table in metadata.tables.values():
        copy = table.to_metadata(view)
        elsewhere = {_index_key(ix) for ix in table.indexes if ix._ddl_if is not None and ix._ddl_if.dialect != dialect}
        for ix in [ix for ix in copy.indexes if _index_key(ix) in elsewhere]:
            copy.indexes.discard(ix)
    return view


def _index_key(index: Index) -> tuple[str, tuple[str, ...]]:
    return str(index.name), tuple(c.name for c in index.columns)
