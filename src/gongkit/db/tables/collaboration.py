"""What people do with calls: comments, individual access, the library."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from gongkit.db.personal import mentions, not_personal
from gongkit.db.tables.base import call_ref, company_ref, metadata

call_comments = Table(
    "call_comments",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    call_ref(),
    company_ref(),
    Column("commenter_user_id", BigInteger, nullable=True),
    Column("comment", Text, nullable=False, info=mentions()),
    Column("audio_start_time", Integer, nullable=True),
    Column("audio_end_time", Integer, nullable=True),
    Column("posted_ms", BigInteger, nullable=False),
    Column("in_reply_to", BigInteger, nullable=True),
    Column("during_call", Boolean, nullable=False, default=False),
    Index(None, "call_id"),
)

# Individual access to calls given through PUT /v2/calls/users-access.
call_access = Table(
    "call_access",
    metadata,
    call_ref(),
    company_ref(),
    Column("user_id", BigInteger, nullable=False),
    Column("granted_ms", BigInteger, nullable=False),
    # How the user came to have the access: "api" (PUT /v2/calls/users-access, the only grants that operation
    # lists and removes) or "share" (the call was shared with them); NULL for grants stored before revision 0006.
    Column("granted_via", String(8), nullable=True, info=not_personal()),
    Column("granted_by", String(200), nullable=True, info=not_personal()),  # the key or token that granted it
    UniqueConstraint("call_id", "user_id"),
)

library_folders = Table(
    "library_folders",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("workspace_id", BigInteger, nullable=True),
    Column("name", String(300), nullable=False, info=mentions()),
    Column("parent_folder_id", BigInteger, nullable=True),
    Column("is_public", Boolean, nullable=False, default=True),
    Column("is_archived", Boolean, nullable=False, default=False),
    Column("created_by_user_id", BigInteger, nullable=True),
    Column("updated_ms", BigInteger, nullable=False),
)

library_entries = Table(
    "library_entries",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("folder_id", BigInteger, ForeignKey("library_folders.id", ondelete="CASCADE"), nullable=False),
    call_ref(),
    company_ref(),
    Column("title", Text, nullable=True, info=mentions()),
    Column("note", Text, nullable=True, info=mentions()),
    Column("added_by_user_id", BigInteger, nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("snippet_from_sec", Integer, nullable=True),
    Column("snippet_to_sec", Integer, nullable=True),
    Index(None, "folder_id"),
    Index(None, "call_id"),
)
