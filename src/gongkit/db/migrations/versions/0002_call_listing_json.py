"""Calls carry their rendered CallBasicData; the listing index covers it.

``GET /v2/calls`` then reads a page as one range scan of one index (no row lookups, no per-call rendering).
SQLite has no INCLUDE clause, so there the JSON is the index's last key column; PostgreSQL gets
``INCLUDE (basic_json)``. The slim (company, listing time, id) index stays: counting ``totalRecords`` scans it
rather than the wide one. Existing calls are rendered here.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from gongkit.db.rows import BASIC_COLUMNS, render_basic_json

    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("basic_json", sa.Text(), nullable=True))
    bind = op.get_bind()
    calls = sa.table("calls", sa.column("id"), sa.column("basic_json"), *(sa.column(c.name) for c in BASIC_COLUMNS))
    rows = bind.execute(sa.select(*(calls.c[c.name] for c in BASIC_COLUMNS))).mappings().all()
    for row in rows:
        bind.execute(calls.update().where(calls.c.id == row["id"]).values(basic_json=render_basic_json(row)))
    if bind.dialect.name == "postgresql":
        op.create_index(
            "ix_calls_listing", "calls", ["company_id", "listed_ms", "id"], postgresql_include=["basic_json"]
        )
    else:
        op.create_index("ix_calls_listing", "calls", ["company_id", "listed_ms", "id", "basic_json"])


def downgrade() -> None:
    op.drop_index("ix_calls_listing", table_name="calls")
    with op.batch_alter_table("calls") as batch:
        batch.drop_column("basic_json")
