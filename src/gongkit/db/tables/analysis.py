"""What is derived from calls and what it is derived with: per-user figures, keyword trackers."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Boolean, Column, Index, Integer, String, Table, Text

from gongkit.db.personal import not_personal
from gongkit.db.tables.base import AutoId, call_ref, company_ref, metadata

# Per-call, per-user inputs of the statistics (talk time, interaction measures).
call_user_stats = Table(
    "call_user_stats",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    call_ref(),
    company_ref(),
    Column("user_id", BigInteger, nullable=False),
    Column("talk_time_sec", Integer, nullable=False, default=0),
    Column("stats", JSON, nullable=False, default=list, info=not_personal()),  # [{name, value}]
    Index(None, "call_id"),
    Index(None, "company_id", "user_id"),
)

# Keyword tracker definitions (``GET /v2/settings/trackers``); the call analysis matches them on transcripts.
# Names, keywords and filters are the operator's own settings, not anything about a person.
trackers = Table(
    "trackers",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
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
