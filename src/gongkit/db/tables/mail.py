"""E-mail messages and their recipients."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Index, String, Table, Text

from gongkit.db.personal import identifier, mentions, not_personal
from gongkit.db.tables.base import AutoId, company_ref, metadata

emails = Table(
    "emails",
    metadata,
    Column("id", String(32), primary_key=True, info=not_personal()),
    company_ref(),
    Column("from_address", String(320), nullable=False, info=identifier()),
    Column("from_lower", String(320), nullable=False, info=identifier()),
    Column("sent_ms", BigInteger, nullable=False),
    Column("mailbox", String(320), nullable=False, info=identifier()),  # the address of the captured mailbox
    Column("message_hash", String(32), nullable=False, info=not_personal()),
    Column("subject", Text, nullable=True, info=mentions()),
    Column("body", Text, nullable=True, info=mentions()),
    Index(None, "company_id", "from_lower"),
)

email_recipients = Table(
    "email_recipients",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("email_id", String(32), ForeignKey("emails.id", ondelete="CASCADE"), nullable=False, info=not_personal()),
    company_ref(),
    Column("kind", String(4), nullable=False, info=not_personal()),  # to | cc | bcc
    Column("address", String(320), nullable=False, info=identifier()),
    Column("address_lower", String(320), nullable=False, info=identifier()),
    Index(None, "email_id"),
    Index(None, "company_id", "address_lower"),
)
