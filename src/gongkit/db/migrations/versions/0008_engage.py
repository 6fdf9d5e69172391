"""Gong Engage: flow folders, flows, their shares and steps, prospects' flow instances, tasks, call outcomes.

Prospects are referenced by their CRM object row (deleted with it); Gong users by id.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_outcomes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("display_order", sa.Integer(), nullable=False),
        sa.Column("connect_status", sa.String(length=16), nullable=True),
        sa.Column("sentiment", sa.String(length=16), nullable=True),
        sa.Column("todo_action", sa.String(length=32), nullable=True),
        sa.Column("automation", sa.String(length=32), nullable=True),
        sa.Column("category", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_call_outcomes_company_id_companies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_outcomes")),
        sa.UniqueConstraint("company_id", "name", name=op.f("uq_call_outcomes_company_id_name")),
    )
    op.create_table(
        "flow_folders",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), nullable=True),
        sa.Column("parent_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("owner_id", sa.BigInteger(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_flow_folders_company_id_companies"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_flow_folders_owner_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["flow_folders.id"], name=op.f("fk_flow_folders_parent_id_flow_folders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flow_folders")),
    )
    with op.batch_alter_table("flow_folders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flow_folders_company_id_id"), ["company_id", "id"], unique=False)

    op.create_table(
        "flow_folder_shares",
        sa.Column("folder_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["folder_id"],
            ["flow_folders.id"],
            name=op.f("fk_flow_folder_shares_folder_id_flow_folders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_flow_folder_shares_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("folder_id", "user_id", name=op.f("pk_flow_folder_shares")),
    )
    with op.batch_alter_table("flow_folder_shares", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flow_folder_shares_user_id"), ["user_id"], unique=False)

    op.create_table(
        "flows",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), nullable=True),
        sa.Column("folder_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("owner_id", sa.BigInteger(), nullable=True),
        sa.Column("exclusive", sa.Boolean(), nullable=False),
        sa.Column("cool_off_days", sa.Integer(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_flows_company_id_companies"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["folder_id"], ["flow_folders.id"], name=op.f("fk_flows_folder_id_flow_folders"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_flows_owner_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flows")),
    )
    with op.batch_alter_table("flows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flows_company_id_id"), ["company_id", "id"], unique=False)

    op.create_table(
        "flow_instances",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("flow_id", sa.BigInteger(), nullable=False),
        sa.Column("prospect_id", sa.BigInteger(), nullable=False),
        sa.Column("owner_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("overrides", sa.JSON(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("ended_ms", sa.BigInteger(), nullable=True),
        sa.Column("ended_by_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_flow_instances_company_id_companies"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["ended_by_id"], ["users.id"], name=op.f("fk_flow_instances_ended_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flows.id"], name=op.f("fk_flow_instances_flow_id_flows"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_flow_instances_owner_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["prospect_id"],
            ["crm_objects.id"],
            name=op.f("fk_flow_instances_prospect_id_crm_objects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flow_instances")),
    )
    with op.batch_alter_table("flow_instances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_flow_instances_company_id_created_ms"), ["company_id", "created_ms"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_flow_instances_flow_id"), ["flow_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_flow_instances_prospect_id_ended_ms"), ["prospect_id", "ended_ms"], unique=False
        )

    op.create_table(
        "flow_shares",
        sa.Column("flow_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flows.id"], name=op.f("fk_flow_shares_flow_id_flows"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_flow_shares_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("flow_id", "user_id", name=op.f("pk_flow_shares")),
    )
    with op.batch_alter_table("flow_shares", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flow_shares_user_id"), ["user_id"], unique=False)

    op.create_table(
        "flow_steps",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("flow_id", sa.BigInteger(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_flow_steps_company_id_companies"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flows.id"], name=op.f("fk_flow_steps_flow_id_flows"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flow_steps")),
        sa.UniqueConstraint("flow_id", "number", name=op.f("uq_flow_steps_flow_id_number")),
    )
    with op.batch_alter_table("flow_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flow_steps_company_id_flow_id"), ["company_id", "flow_id"], unique=False)

    op.create_table(
        "tasks",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), nullable=True),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("prospect_id", sa.BigInteger(), nullable=True),
        sa.Column("flow_instance_id", sa.BigInteger(), nullable=True),
        sa.Column("step_id", sa.BigInteger(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.Column("due_ms", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_tasks_company_id_companies"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["flow_instance_id"],
            ["flow_instances.id"],
            name=op.f("fk_tasks_flow_instance_id_flow_instances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["prospect_id"], ["crm_objects.id"], name=op.f("fk_tasks_prospect_id_crm_objects"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["step_id"], ["flow_steps.id"], name=op.f("fk_tasks_step_id_flow_steps"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_tasks_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tasks_company_id_user_id_due_ms"), ["company_id", "user_id", "due_ms"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_tasks_flow_instance_id"), ["flow_instance_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasks_prospect_id"), ["prospect_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tasks_prospect_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_flow_instance_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_company_id_user_id_due_ms"))

    op.drop_table("tasks")
    with op.batch_alter_table("flow_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flow_steps_company_id_flow_id"))

    op.drop_table("flow_steps")
    with op.batch_alter_table("flow_shares", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flow_shares_user_id"))

    op.drop_table("flow_shares")
    with op.batch_alter_table("flow_instances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flow_instances_prospect_id_ended_ms"))
        batch_op.drop_index(batch_op.f("ix_flow_instances_flow_id"))
        batch_op.drop_index(batch_op.f("ix_flow_instances_company_id_created_ms"))

    op.drop_table("flow_instances")
    with op.batch_alter_table("flows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flows_company_id_id"))

    op.drop_table("flows")
    with op.batch_alter_table("flow_folder_shares", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flow_folder_shares_user_id"))

    op.drop_table("flow_folder_shares")
    with op.batch_alter_table("flow_folders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flow_folders_company_id_id"))

    op.drop_table("flow_folders")
    op.drop_table("call_outcomes")
