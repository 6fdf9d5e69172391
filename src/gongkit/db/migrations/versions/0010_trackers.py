"""Keyword tracker definitions (``GET /v2/settings/trackers``), matched on transcripts by the call analysis.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trackers",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("language_keywords", sa.JSON(), nullable=False),
        sa.Column("affiliation", sa.String(length=16), nullable=False),
        sa.Column("part_of_question", sa.Boolean(), nullable=False),
        sa.Column("said_at", sa.String(length=16), nullable=False),
        sa.Column("said_at_interval", sa.Integer(), nullable=True),
        sa.Column("said_at_unit", sa.String(length=16), nullable=True),
        sa.Column("said_in_topics", sa.JSON(), nullable=False),
        sa.Column("filter_query", sa.Text(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("creator_user_id", sa.BigInteger(), nullable=True),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.Column("updater_user_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_trackers_company_id_companies", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_trackers"),
    )
    op.create_index("ix_trackers_company_id_workspace_id", "trackers", ["company_id", "workspace_id"])


def downgrade() -> None:
    op.drop_index("ix_trackers_company_id_workspace_id", table_name="trackers")
    op.drop_table("trackers")
