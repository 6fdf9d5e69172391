"""Activity: events people cause, scorecards and their answers, audit logs."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Boolean, Column, ForeignKey, Index, Integer, String, Table, Text

from gongkit.db.personal import mentions, not_personal
from gongkit.db.tables.base import AutoId, call_ref, company_ref, metadata

# What users do with calls that the stats count and no other table shows; ``user_id`` is who acted.
activity_events = Table(
    "activity_events",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    company_ref(),
    call_ref(),
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
    company_ref(),
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
    company_ref(),
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
    company_ref(),
    Column("scorecard_id", BigInteger, ForeignKey("scorecards.id", ondelete="CASCADE"), nullable=False),
    call_ref(),
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
    company_ref(),
    Column("log_type", String(32), nullable=False, info=not_personal()),  # Gong's logType
    Column("event_ms", BigInteger, nullable=False),
    Column("user_id", BigInteger, nullable=True),  # people by id only (joined when read): nothing to erase here
    Column("record", JSON, nullable=False, default=dict, info=not_personal()),
    Index(None, "company_id", "log_type", "event_ms", "id"),
)
