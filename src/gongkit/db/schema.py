"""The storage schema, as SQLAlchemy Core tables.

Conventions:
- every record belongs to a company (``company_id``); ids are Gong-style numeric ids (BIGINT, < 2**63) sent as
  strings on the wire, except e-mail message ids (32 characters) and composite meeting ids;
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
    Index(None, "company_id", "email_lower"),
    Index(None, "company_id", "phone_norm"),
    Index(None, "company_id", "mobile_norm"),
    Index(None, "company_id", "object_type", "external_id"),
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

meetings = Table(
    "meetings",
    metadata,
    Column("id", String(300), primary_key=True, info=not_personal()),
    _company(),
    Column("organizer_email", String(320), nullable=False, info=identifier()),
    Column("organizer_lower", String(320), nullable=False, info=identifier()),
    Column("title", Text, nullable=True, info=mentions()),
    Column("start_ms", BigInteger, nullable=False),
    Column("end_ms", BigInteger, nullable=False),
    Column("external_id", String(300), nullable=True, info=not_personal()),
    Column("call_id", BigInteger, nullable=True),  # the recorded call, when there is one
    Index(None, "company_id", "organizer_lower"),
)

meeting_invitees = Table(
    "meeting_invitees",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column(
        "meeting_id", String(300), ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, info=not_personal()
    ),
    _company(),
    Column("email_address", String(320), nullable=False, info=identifier()),
    Column("email_lower", String(320), nullable=False, info=identifier()),
    Column("display_name", String(300), nullable=True, info=mentions()),
    Index(None, "meeting_id"),
    Index(None, "company_id", "email_lower"),
)

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
