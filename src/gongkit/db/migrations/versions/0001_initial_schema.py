"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "companies",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("rate_per_second", sa.Integer(), nullable=False),
        sa.Column("rate_per_day", sa.Integer(), nullable=False),
        sa.Column("page_size", sa.Integer(), nullable=False),
        sa.Column("erasure_max_calls", sa.Integer(), nullable=False),
        sa.Column("erasure_max_emails", sa.Integer(), nullable=False),
        sa.Column("erasure_max_crm_objects", sa.Integer(), nullable=False),
        sa.Column("erasure_max_total", sa.Integer(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_companies")),
    )
    op.create_table(
        "instance_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_instance_settings")),
    )
    op.create_table(
        "api_keys",
        sa.Column("access_key", sa.String(length=64), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("secret_hash", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("revoked_ms", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_api_keys_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("access_key", name=op.f("pk_api_keys")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("scopes", sa.Text(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("expires_ms", sa.BigInteger(), nullable=True),
        sa.Column("revoked_ms", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_api_tokens_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_table(
        "calls",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), nullable=True),
        sa.Column("client_unique_id", sa.String(length=2048), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("scheduled_ms", sa.BigInteger(), nullable=True),
        sa.Column("started_ms", sa.BigInteger(), nullable=False),
        sa.Column("listed_ms", sa.BigInteger(), nullable=False),
        sa.Column("duration", sa.BigInteger(), nullable=True),
        sa.Column("primary_user_id", sa.BigInteger(), nullable=True),
        sa.Column("direction", sa.String(length=16), nullable=True),
        sa.Column("system", sa.String(length=64), nullable=True),
        sa.Column("scope", sa.String(length=16), nullable=True),
        sa.Column("media", sa.String(length=16), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("purpose", sa.String(length=255), nullable=True),
        sa.Column("meeting_url", sa.Text(), nullable=True),
        sa.Column("is_private", sa.Boolean(), nullable=False),
        sa.Column("custom_data", sa.Text(), nullable=True),
        sa.Column("sdr_disposition", sa.String(length=255), nullable=True),
        sa.Column("calendar_event_id", sa.String(length=300), nullable=True),
        sa.Column("call_provider_code", sa.String(length=64), nullable=True),
        sa.Column("download_media_url", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("content", sa.JSON(), nullable=True),
        sa.Column("interaction", sa.JSON(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_calls_company_id_companies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
        sa.UniqueConstraint("company_id", "client_unique_id", name=op.f("uq_calls_company_id_client_unique_id")),
    )
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calls_company_id_listed_ms_id"), ["company_id", "listed_ms", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_calls_company_id_primary_user_id"), ["company_id", "primary_user_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_calls_company_id_started_ms_id"), ["company_id", "started_ms", "id"], unique=False
        )

    op.create_table(
        "crm_objects",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("system", sa.String(length=32), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("mirror_id", sa.Text(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("account_id", sa.BigInteger(), nullable=True),
        sa.Column("email_address", sa.String(length=320), nullable=True),
        sa.Column("email_lower", sa.String(length=320), nullable=True),
        sa.Column("phone_number", sa.String(length=64), nullable=True),
        sa.Column("phone_norm", sa.String(length=40), nullable=True),
        sa.Column("mobile_phone_number", sa.String(length=64), nullable=True),
        sa.Column("mobile_norm", sa.String(length=40), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("modified_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_crm_objects_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_objects")),
    )
    with op.batch_alter_table("crm_objects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_crm_objects_company_id_email_lower"), ["company_id", "email_lower"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_crm_objects_company_id_mobile_norm"), ["company_id", "mobile_norm"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_crm_objects_company_id_object_type_external_id"),
            ["company_id", "object_type", "external_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_crm_objects_company_id_phone_norm"), ["company_id", "phone_norm"], unique=False
        )

    op.create_table(
        "emails",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("from_address", sa.String(length=320), nullable=False),
        sa.Column("from_lower", sa.String(length=320), nullable=False),
        sa.Column("sent_ms", sa.BigInteger(), nullable=False),
        sa.Column("mailbox", sa.String(length=320), nullable=False),
        sa.Column("message_hash", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_emails_company_id_companies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emails")),
    )
    with op.batch_alter_table("emails", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_emails_company_id_from_lower"), ["company_id", "from_lower"], unique=False)

    op.create_table(
        "engagement_events",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
        sa.Column("content_id", sa.String(length=300), nullable=True),
        sa.Column("content_url", sa.Text(), nullable=True),
        sa.Column("reporting_system", sa.String(length=300), nullable=True),
        sa.Column("event_name", sa.String(length=300), nullable=True),
        sa.Column("source_event_id", sa.String(length=300), nullable=True),
        sa.Column("person_email", sa.String(length=320), nullable=True),
        sa.Column("person_email_lower", sa.String(length=320), nullable=True),
        sa.Column("person_phone", sa.String(length=64), nullable=True),
        sa.Column("person_phone_norm", sa.String(length=40), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_engagement_events_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement_events")),
    )
    with op.batch_alter_table("engagement_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_engagement_events_company_id_person_email_lower"),
            ["company_id", "person_email_lower"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_engagement_events_company_id_person_phone_norm"),
            ["company_id", "person_phone_norm"],
            unique=False,
        )

    op.create_table(
        "erasure_jobs",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("subject_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("credential", sa.String(length=200), nullable=False),
        sa.Column("requested_ms", sa.BigInteger(), nullable=False),
        sa.Column("started_ms", sa.BigInteger(), nullable=True),
        sa.Column("finished_ms", sa.BigInteger(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_erasure_jobs_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_jobs")),
    )
    with op.batch_alter_table("erasure_jobs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_erasure_jobs_company_id_subject_hash"),
            ["company_id", "subject_hash"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_erasure_jobs_status"), ["status"], unique=False)

    op.create_table(
        "library_folders",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("workspace_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("parent_folder_id", sa.BigInteger(), nullable=True),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("is_archived", sa.Boolean(), nullable=False),
        sa.Column("created_by_user_id", sa.BigInteger(), nullable=True),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_library_folders_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_folders")),
    )
    op.create_table(
        "meetings",
        sa.Column("id", sa.String(length=300), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("organizer_email", sa.String(length=320), nullable=False),
        sa.Column("organizer_lower", sa.String(length=320), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("start_ms", sa.BigInteger(), nullable=False),
        sa.Column("end_ms", sa.BigInteger(), nullable=False),
        sa.Column("external_id", sa.String(length=300), nullable=True),
        sa.Column("call_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_meetings_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meetings_company_id_organizer_lower"),
            ["company_id", "organizer_lower"],
            unique=False,
        )

    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("email_address", sa.String(length=320), nullable=False),
        sa.Column("email_lower", sa.String(length=320), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("email_aliases", sa.JSON(), nullable=False),
        sa.Column("trusted_email_address", sa.String(length=320), nullable=True),
        sa.Column("first_name", sa.String(length=200), nullable=True),
        sa.Column("last_name", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("phone_number", sa.String(length=64), nullable=True),
        sa.Column("extension", sa.String(length=32), nullable=True),
        sa.Column("personal_meeting_urls", sa.JSON(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("manager_id", sa.BigInteger(), nullable=True),
        sa.Column("meeting_consent_page_url", sa.Text(), nullable=True),
        sa.Column("spoken_languages", sa.JSON(), nullable=False),
        sa.Column("is_avatar", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_users_company_id_companies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_users_company_id_created_ms_id"), ["company_id", "created_ms", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_users_company_id_email_lower"), ["company_id", "email_lower"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_users_company_id_id"), ["company_id", "id"], unique=False)

    op.create_table(
        "workspaces",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_workspaces_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspaces")),
    )
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workspaces_company_id_id"), ["company_id", "id"], unique=False)

    op.create_table(
        "call_access",
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("granted_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_access_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_call_access_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("call_id", "user_id", name=op.f("uq_call_access_call_id_user_id")),
    )
    op.create_table(
        "call_comments",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("commenter_user_id", sa.BigInteger(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("audio_start_time", sa.Integer(), nullable=True),
        sa.Column("audio_end_time", sa.Integer(), nullable=True),
        sa.Column("posted_ms", sa.BigInteger(), nullable=False),
        sa.Column("in_reply_to", sa.BigInteger(), nullable=True),
        sa.Column("during_call", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_comments_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_call_comments_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_comments")),
    )
    with op.batch_alter_table("call_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_comments_call_id"), ["call_id"], unique=False)

    op.create_table(
        "call_context_objects",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("party_id", sa.BigInteger(), nullable=True),
        sa.Column("system", sa.String(length=32), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.String(length=200), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("fields_at_call", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_context_objects_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_call_context_objects_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_context_objects")),
    )
    with op.batch_alter_table("call_context_objects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_context_objects_call_id"), ["call_id"], unique=False)

    op.create_table(
        "call_external_objects",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("system", sa.String(length=32), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_external_objects_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_call_external_objects_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_external_objects")),
    )
    with op.batch_alter_table("call_external_objects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_external_objects_call_id"), ["call_id"], unique=False)

    op.create_table(
        "call_media",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("storage_key", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_media_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_call_media_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_media")),
    )
    with op.batch_alter_table("call_media", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_media_call_id"), ["call_id"], unique=False)

    op.create_table(
        "call_parties",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("speaker_id", sa.String(length=40), nullable=True),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("email_address", sa.String(length=320), nullable=True),
        sa.Column("email_lower", sa.String(length=320), nullable=True),
        sa.Column("phone_number", sa.String(length=64), nullable=True),
        sa.Column("phone_norm", sa.String(length=40), nullable=True),
        sa.Column("affiliation", sa.String(length=16), nullable=False),
        sa.Column("methods", sa.JSON(), nullable=False),
        sa.Column("crm_object_id", sa.BigInteger(), nullable=True),
        sa.Column("media_channel_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_parties_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_call_parties_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_parties")),
    )
    with op.batch_alter_table("call_parties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_parties_call_id"), ["call_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_call_parties_company_id_crm_object_id"),
            ["company_id", "crm_object_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_call_parties_company_id_email_lower"), ["company_id", "email_lower"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_call_parties_company_id_phone_norm"), ["company_id", "phone_norm"], unique=False
        )

    op.create_table(
        "call_user_stats",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("talk_time_sec", sa.Integer(), nullable=False),
        sa.Column("stats", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_user_stats_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_call_user_stats_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_user_stats")),
    )
    with op.batch_alter_table("call_user_stats", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_user_stats_call_id"), ["call_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_call_user_stats_company_id_user_id"), ["company_id", "user_id"], unique=False
        )

    op.create_table(
        "email_recipients",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("email_id", sa.String(length=32), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("address_lower", sa.String(length=320), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_email_recipients_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["email_id"], ["emails.id"], name=op.f("fk_email_recipients_email_id_emails"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_recipients")),
    )
    with op.batch_alter_table("email_recipients", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_email_recipients_company_id_address_lower"),
            ["company_id", "address_lower"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_email_recipients_email_id"), ["email_id"], unique=False)

    op.create_table(
        "library_entries",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("folder_id", sa.BigInteger(), nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("added_by_user_id", sa.BigInteger(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("snippet_from_sec", sa.Integer(), nullable=True),
        sa.Column("snippet_to_sec", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_library_entries_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_library_entries_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["folder_id"],
            ["library_folders.id"],
            name=op.f("fk_library_entries_folder_id_library_folders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_entries")),
    )
    with op.batch_alter_table("library_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_library_entries_call_id"), ["call_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_library_entries_folder_id"), ["folder_id"], unique=False)

    op.create_table(
        "meeting_invitees",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("meeting_id", sa.String(length=300), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("email_address", sa.String(length=320), nullable=False),
        sa.Column("email_lower", sa.String(length=320), nullable=False),
        sa.Column("display_name", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_meeting_invitees_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_invitees_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_invitees")),
    )
    with op.batch_alter_table("meeting_invitees", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_invitees_company_id_email_lower"),
            ["company_id", "email_lower"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_meeting_invitees_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "transcript_monologues",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.String(length=40), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=True),
        sa.Column("sentences", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_transcript_monologues_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_transcript_monologues_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transcript_monologues")),
    )
    with op.batch_alter_table("transcript_monologues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transcript_monologues_call_id_seq"), ["call_id", "seq"], unique=False)

    op.create_table(
        "user_settings_history",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("company_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("setting", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Boolean(), nullable=False),
        sa.Column("time_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_user_settings_history_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_settings_history_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_settings_history")),
    )
    with op.batch_alter_table("user_settings_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_user_settings_history_user_id_time_ms"), ["user_id", "time_ms"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("user_settings_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_settings_history_user_id_time_ms"))

    op.drop_table("user_settings_history")
    with op.batch_alter_table("transcript_monologues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transcript_monologues_call_id_seq"))

    op.drop_table("transcript_monologues")
    with op.batch_alter_table("meeting_invitees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_invitees_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_invitees_company_id_email_lower"))

    op.drop_table("meeting_invitees")
    with op.batch_alter_table("library_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_library_entries_folder_id"))
        batch_op.drop_index(batch_op.f("ix_library_entries_call_id"))

    op.drop_table("library_entries")
    with op.batch_alter_table("email_recipients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_recipients_email_id"))
        batch_op.drop_index(batch_op.f("ix_email_recipients_company_id_address_lower"))

    op.drop_table("email_recipients")
    with op.batch_alter_table("call_user_stats", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_user_stats_company_id_user_id"))
        batch_op.drop_index(batch_op.f("ix_call_user_stats_call_id"))

    op.drop_table("call_user_stats")
    with op.batch_alter_table("call_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_parties_company_id_phone_norm"))
        batch_op.drop_index(batch_op.f("ix_call_parties_company_id_email_lower"))
        batch_op.drop_index(batch_op.f("ix_call_parties_company_id_crm_object_id"))
        batch_op.drop_index(batch_op.f("ix_call_parties_call_id"))

    op.drop_table("call_parties")
    with op.batch_alter_table("call_media", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_media_call_id"))

    op.drop_table("call_media")
    with op.batch_alter_table("call_external_objects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_external_objects_call_id"))

    op.drop_table("call_external_objects")
    with op.batch_alter_table("call_context_objects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_context_objects_call_id"))

    op.drop_table("call_context_objects")
    with op.batch_alter_table("call_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_comments_call_id"))

    op.drop_table("call_comments")
    op.drop_table("call_access")
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workspaces_company_id_id"))

    op.drop_table("workspaces")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_company_id_id"))
        batch_op.drop_index(batch_op.f("ix_users_company_id_email_lower"))
        batch_op.drop_index(batch_op.f("ix_users_company_id_created_ms_id"))

    op.drop_table("users")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetings_company_id_organizer_lower"))

    op.drop_table("meetings")
    op.drop_table("library_folders")
    with op.batch_alter_table("erasure_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erasure_jobs_status"))
        batch_op.drop_index(batch_op.f("ix_erasure_jobs_company_id_subject_hash"))

    op.drop_table("erasure_jobs")
    with op.batch_alter_table("engagement_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_events_company_id_person_phone_norm"))
        batch_op.drop_index(batch_op.f("ix_engagement_events_company_id_person_email_lower"))

    op.drop_table("engagement_events")
    with op.batch_alter_table("emails", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_emails_company_id_from_lower"))

    op.drop_table("emails")
    with op.batch_alter_table("crm_objects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crm_objects_company_id_phone_norm"))
        batch_op.drop_index(batch_op.f("ix_crm_objects_company_id_object_type_external_id"))
        batch_op.drop_index(batch_op.f("ix_crm_objects_company_id_mobile_norm"))
        batch_op.drop_index(batch_op.f("ix_crm_objects_company_id_email_lower"))

    op.drop_table("crm_objects")
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calls_company_id_started_ms_id"))
        batch_op.drop_index(batch_op.f("ix_calls_company_id_primary_user_id"))
        batch_op.drop_index(batch_op.f("ix_calls_company_id_listed_ms_id"))

    op.drop_table("calls")
    op.drop_table("api_tokens")
    op.drop_table("api_keys")
    op.drop_table("instance_settings")
    op.drop_table("companies")
