"""Permission profiles and the users they control; how each call access was granted; the fetches of media
from a call's ``downloadMediaUrl``.

Access grants stored before this revision keep ``granted_via`` NULL: they are not known to have come through
``PUT /v2/calls/users-access``, so that operation neither lists nor removes them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("call_access", schema=None) as batch_op:
        batch_op.add_column(sa.Column("granted_via", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("granted_by", sa.String(length=200), nullable=True))

    op.create_table(
        "permission_profiles",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("permissions", sa.JSON(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_permission_profiles_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_permission_profiles_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_permission_profiles")),
        sa.UniqueConstraint(
            "company_id",
            "workspace_id",
            "name_key",
            name=op.f("uq_permission_profiles_company_id_workspace_id_name_key"),
        ),
    )
    op.create_table(
        "permission_profile_users",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("profile_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_permission_profile_users_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["permission_profiles.id"],
            name=op.f("fk_permission_profile_users_profile_id_permission_profiles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_permission_profile_users_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "workspace_id", name=op.f("pk_permission_profile_users")),
    )
    with op.batch_alter_table("permission_profile_users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_permission_profile_users_profile_id"), ["profile_id"], unique=False)

    op.create_table(
        "media_fetches",
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_ms", sa.BigInteger(), nullable=False),
        sa.Column("lease_ms", sa.BigInteger(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("finished_ms", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_media_fetches_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_media_fetches_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("call_id", name=op.f("pk_media_fetches")),
    )
    with op.batch_alter_table("media_fetches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_media_fetches_status_next_attempt_ms"), ["status", "next_attempt_ms"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("media_fetches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_fetches_status_next_attempt_ms"))
    op.drop_table("media_fetches")
    with op.batch_alter_table("permission_profile_users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_permission_profile_users_profile_id"))
    op.drop_table("permission_profile_users")
    op.drop_table("permission_profiles")
    with op.batch_alter_table("call_access", schema=None) as batch_op:
        batch_op.drop_column("granted_by")
        batch_op.drop_column("granted_via")
