"""Recordings carry what their bytes were recognised as: format, duration and audio channels.

The columns are NULL for recordings stored before this revision (they were never checked).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("call_media", schema=None) as batch_op:
        batch_op.add_column(sa.Column("format", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("duration_ms", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("channels", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("call_media", schema=None) as batch_op:
        batch_op.drop_column("channels")
        batch_op.drop_column("duration_ms")
        batch_op.drop_column("format")
