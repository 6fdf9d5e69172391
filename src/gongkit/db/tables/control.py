"""The control plane: the instance, companies (tenants), their access keys and Bearer tokens."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, String, Table, Text

from gongkit.db.personal import not_personal
from gongkit.db.tables.base import company_ref, metadata

instance_settings = Table(
    "instance_settings",
    metadata,
    Column("key", String(64), primary_key=True, info=not_personal()),
    Column("value", Text, nullable=False, info=not_personal()),
)

companies = Table(
    "companies",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False, info=not_personal()),
    Column("time_zone", String(64), nullable=False, default="UTC", info=not_personal()),
    Column("rate_per_second", Integer, nullable=False, default=3),
    Column("rate_per_day", Integer, nullable=False, default=10_000),
    Column("page_size", Integer, nullable=False, default=100),
    # Integrity protection of erasures: an erasure that would delete more than these is refused whole.
    Column("erasure_max_calls", Integer, nullable=False, default=2_000),
    Column("erasure_max_emails", Integer, nullable=False, default=10_000),
    Column("erasure_max_crm_objects", Integer, nullable=False, default=25),
    Column("erasure_max_total", Integer, nullable=False, default=20_000),
    Column("created_ms", BigInteger, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("access_key", String(64), primary_key=True, info=not_personal()),
    company_ref(),
    Column("secret_hash", String(200), nullable=False, info=not_personal()),
    Column("name", String(200), nullable=False, default="", info=not_personal()),
    Column("created_ms", BigInteger, nullable=False),
    Column("revoked_ms", BigInteger, nullable=True),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("token_hash", String(64), nullable=False, unique=True, info=not_personal()),
    Column("scopes", Text, nullable=False, info=not_personal()),  # space-separated
    Column("name", String(200), nullable=False, default="", info=not_personal()),
    Column("created_ms", BigInteger, nullable=False),
    Column("expires_ms", BigInteger, nullable=True),
    Column("revoked_ms", BigInteger, nullable=True),
)
