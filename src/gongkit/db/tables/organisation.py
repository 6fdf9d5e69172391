"""A company's organisation: workspaces, users and their settings' history, integration settings."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Boolean, Column, ForeignKey, Index, String, Table, Text, UniqueConstraint

from gongkit.db.personal import identifier, mentions, not_personal
from gongkit.db.tables.base import AutoId, company_ref, metadata

workspaces = Table(
    "workspaces",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("name", String(200), nullable=False, info=mentions()),
    Column("description", Text, nullable=True, info=mentions()),
    Column("is_default", Boolean, nullable=False, default=False),
    Index(None, "company_id", "id"),
)

users = Table(
    "users",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("email_address", String(320), nullable=False, info=identifier()),
    Column("email_lower", String(320), nullable=False, info=identifier()),
    Column("created_ms", BigInteger, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("email_aliases", JSON, nullable=False, default=list, info=identifier()),
    Column("trusted_email_address", String(320), nullable=True, info=identifier()),
    Column("first_name", String(200), nullable=True, info=mentions()),
    Column("last_name", String(200), nullable=True, info=mentions()),
    Column("title", String(200), nullable=True, info=mentions()),
    Column("phone_number", String(64), nullable=True, info=identifier()),
    Column("extension", String(32), nullable=True, info=not_personal()),
    Column("personal_meeting_urls", JSON, nullable=False, default=list, info=mentions()),
    Column("settings", JSON, nullable=False, default=dict, info=not_personal()),
    Column("manager_id", BigInteger, nullable=True),
    Column("meeting_consent_page_url", Text, nullable=True, info=mentions()),
    Column("spoken_languages", JSON, nullable=False, default=list, info=not_personal()),
    Column("is_avatar", Boolean, nullable=False, default=False),
    Index(None, "company_id", "id"),
    Index(None, "company_id", "created_ms", "id"),
    Index(None, "company_id", "email_lower"),
)

user_settings_history = Table(
    "user_settings_history",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    company_ref(),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("setting", String(64), nullable=False, info=not_personal()),
    Column("value", Boolean, nullable=False),
    Column("time_ms", BigInteger, nullable=False),
    Index(None, "user_id", "time_ms"),
)

# The origins a company allows to embed Gong's integrations (POST /v2/integration-settings), per integration type.
integration_settings = Table(
    "integration_settings",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    company_ref(),
    Column("integration_type", String(32), nullable=False, info=not_personal()),  # EMAIL_COMPOSER|ACCOUNT_PAGES|DIALER
    Column("origin", String(500), nullable=False, info=not_personal()),  # the allowedOrigin
    Column("created_ms", BigInteger, nullable=False),
    UniqueConstraint("company_id", "integration_type", "origin"),
)
