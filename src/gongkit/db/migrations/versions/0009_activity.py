"""Activity: the events the statistics count, scorecards and their answers, and the auditing logs.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_AUTO_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _company_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["company_id"], ["companies.id"], name=op.f(f"fk_{table}_company_id_companies"), ondelete="CASCADE"
    )


def _call_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["call_id"], ["calls.id"], name=op.f(f"fk_{table}_call_id_calls"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "activity_events",
        sa.Column("id", _AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("time_ms", sa.BigInteger(), nullable=False),
        _company_fk("activity_events"),
        _call_fk("activity_events"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_events")),
    )
    with op.batch_alter_table("activity_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_events_company_id_time_ms"), ["company_id", "time_ms"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_activity_events_call_id"), ["call_id"], unique=False)

    op.create_table(
        "scorecards",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("review_method", sa.String(length=16), nullable=False),
        sa.Column("updater_user_id", sa.BigInteger(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        _company_fk("scorecards"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scorecards")),
    )

    op.create_table(
        "scorecard_questions",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("scorecard_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("revision_id", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("is_overall", sa.Boolean(), nullable=False),
        sa.Column("question_type", sa.String(length=32), nullable=False),
        sa.Column("answer_guide", sa.Text(), nullable=True),
        sa.Column("min_range", sa.Integer(), nullable=True),
        sa.Column("max_range", sa.Integer(), nullable=True),
        sa.Column("options", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["scorecard_id"],
            ["scorecards.id"],
            name=op.f("fk_scorecard_questions_scorecard_id_scorecards"),
            ondelete="CASCADE",
        ),
        _company_fk("scorecard_questions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scorecard_questions")),
    )

    op.create_table(
        "answered_scorecards",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("scorecard_id", sa.BigInteger(), nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("reviewed_user_id", sa.BigInteger(), nullable=False),
        sa.Column("reviewer_user_id", sa.BigInteger(), nullable=True),
        sa.Column("editor_user_id", sa.BigInteger(), nullable=True),
        sa.Column("review_method", sa.String(length=16), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("review_ms", sa.BigInteger(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        _company_fk("answered_scorecards"),
        sa.ForeignKeyConstraint(
            ["scorecard_id"],
            ["scorecards.id"],
            name=op.f("fk_answered_scorecards_scorecard_id_scorecards"),
            ondelete="CASCADE",
        ),
        _call_fk("answered_scorecards"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answered_scorecards")),
    )
    with op.batch_alter_table("answered_scorecards", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_answered_scorecards_company_id_review_ms_id"),
            ["company_id", "review_ms", "id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_answered_scorecards_call_id"), ["call_id"], unique=False)

    op.create_table(
        "audit_logs",
        sa.Column("id", _AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("log_type", sa.String(length=32), nullable=False),
        sa.Column("event_ms", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("record", sa.JSON(), nullable=False),
        _company_fk("audit_logs"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_logs")),
    )
    with op.batch_alter_table("audit_logs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_logs_company_id_log_type_event_ms_id"),
            ["company_id", "log_type", "event_ms", "id"],
            unique=False,
        )


def downgrade() -> None:
    op.drop_table("audit_logs")
    op.drop_table("answered_scorecards")
    op.drop_table("scorecard_questions")
    op.drop_table("scorecards")
    op.drop_table("activity_events")
