"""The generic CRM integration: integrations, their object schemas, asynchronous requests, and the integration an
uploaded CRM object belongs to.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_AUTO_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _company_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["company_id"], ["companies.id"], name=op.f(f"fk_{table}_company_id_companies"), ondelete="CASCADE"
    )


def upgrade() -> None:
    with op.batch_alter_table("crm_objects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("integration_id", sa.BigInteger(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_crm_objects_integration_id_object_type_external_id"),
            ["integration_id", "object_type", "external_id"],
            unique=False,
        )
    op.create_table(
        "crm_integrations",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("active_company_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("owner_email", sa.String(length=320), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("deleted_ms", sa.BigInteger(), nullable=True),
        _company_fk("crm_integrations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_integrations")),
        sa.UniqueConstraint("active_company_id", name=op.f("uq_crm_integrations_active_company_id")),
    )
    op.create_index(op.f("ix_crm_integrations_company_id_id"), "crm_integrations", ["company_id", "id"], unique=False)
    op.create_table(
        "crm_schema_fields",
        sa.Column("id", _AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("integration_id", sa.BigInteger(), nullable=False),
        sa.Column("object_type", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("unique_name", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("last_modified", sa.String(length=40), nullable=True),
        sa.Column("reference_to", sa.String(length=16), nullable=True),
        sa.Column("ordered_value_list", sa.JSON(), nullable=True),
        _company_fk("crm_schema_fields"),
        sa.ForeignKeyConstraint(
            ["integration_id"],
            ["crm_integrations.id"],
            name=op.f("fk_crm_schema_fields_integration_id_crm_integrations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_schema_fields")),
        sa.UniqueConstraint(
            "integration_id",
            "object_type",
            "unique_name",
            name=op.f("uq_crm_schema_fields_integration_id_object_type_unique_name"),
        ),
    )
    op.create_table(
        "crm_requests",
        sa.Column("id", _AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("integration_id", sa.BigInteger(), nullable=False),
        sa.Column("client_request_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("object_type", sa.String(length=16), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("file_key", sa.String(length=300), nullable=True),
        sa.Column("lines_done", sa.BigInteger(), nullable=False),
        sa.Column("success_count", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("requested_ms", sa.BigInteger(), nullable=False),
        sa.Column("started_ms", sa.BigInteger(), nullable=True),
        sa.Column("finished_ms", sa.BigInteger(), nullable=True),
        _company_fk("crm_requests"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_requests")),
        sa.UniqueConstraint(
            "company_id", "client_request_id", name=op.f("uq_crm_requests_company_id_client_request_id")
        ),
    )
    op.create_index(op.f("ix_crm_requests_status"), "crm_requests", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_crm_requests_status"), table_name="crm_requests")
    op.drop_table("crm_requests")
    op.drop_table("crm_schema_fields")
    op.drop_index(op.f("ix_crm_integrations_company_id_id"), table_name="crm_integrations")
    op.drop_table("crm_integrations")
    with op.batch_alter_table("crm_objects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crm_objects_integration_id_object_type_external_id"))
        batch_op.drop_column("integration_id")
