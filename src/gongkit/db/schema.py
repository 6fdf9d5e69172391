"""The storage schema, as SQLAlchemy Core tables: every table, gathered from :mod:`gongkit.db.tables` (one module
per domain), and the one ``metadata`` that holds them.

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

from sqlalchemy import Index, MetaData

from gongkit.db.tables.activity import activity_events, answered_scorecards, audit_logs, scorecard_questions, scorecards
from gongkit.db.tables.analysis import call_user_stats, trackers
from gongkit.db.tables.base import AutoId, metadata
from gongkit.db.tables.calls import (
    call_context_objects,
    call_external_objects,
    call_media,
    call_outcomes,
    call_parties,
    calls,
    media_fetches,
    transcript_monologues,
)
from gongkit.db.tables.collaboration import call_access, call_comments, library_entries, library_folders
from gongkit.db.tables.control import api_keys, api_tokens, companies, instance_settings
from gongkit.db.tables.crm import crm_integrations, crm_objects, crm_requests, crm_schema_fields
from gongkit.db.tables.engage import (
    flow_folder_shares,
    flow_folders,
    flow_instances,
    flow_shares,
    flow_steps,
    flows,
    tasks,
)
from gongkit.db.tables.engagement import engagement_events
from gongkit.db.tables.mail import email_recipients, emails
from gongkit.db.tables.meetings import meeting_invitees, meetings
from gongkit.db.tables.organisation import integration_settings, user_settings_history, users, workspaces
from gongkit.db.tables.permissions import permission_profile_users, permission_profiles
from gongkit.db.tables.privacy import erasure_jobs

__all__ = [
    "AutoId",
    "activity_events",
    "answered_scorecards",
    "api_keys",
    "api_tokens",
    "audit_logs",
    "call_access",
    "call_comments",
    "call_context_objects",
    "call_external_objects",
    "call_media",
    "call_outcomes",
    "call_parties",
    "call_user_stats",
    "calls",
    "companies",
    "crm_integrations",
    "crm_objects",
    "crm_requests",
    "crm_schema_fields",
    "email_recipients",
    "emails",
    "engagement_events",
    "erasure_jobs",
    "flow_folder_shares",
    "flow_folders",
    "flow_instances",
    "flow_shares",
    "flow_steps",
    "flows",
    "instance_settings",
    "integration_settings",
    "library_entries",
    "library_folders",
    "media_fetches",
    "meeting_invitees",
    "meetings",
    "metadata",
    "metadata_for",
    "permission_profile_users",
    "permission_profiles",
    "scorecard_questions",
    "scorecards",
    "tasks",
    "trackers",
    "transcript_monologues",
    "user_settings_history",
    "users",
    "workspaces",
]


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
