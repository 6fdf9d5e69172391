"""Permission profiles and the users they control."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, String, Table, Text, UniqueConstraint

from gongkit.db.personal import mentions, not_personal
from gongkit.db.tables.base import company_ref, metadata

# Permission profiles (GET/POST/PUT /v2/permission-profile), one workspace each. ``name_key`` is the name
# trimmed and lower-cased: a name is unique within its workspace regardless of case.
permission_profiles = Table(
    "permission_profiles",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("workspace_id", BigInteger, ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False, info=not_personal()),
    Column("name_key", String(200), nullable=False, info=not_personal()),
    Column("description", Text, nullable=True, info=mentions()),
    # Every permission of the profile, as Gong's PermissionProfileDTO holds them (its access levels included).
    Column("permissions", JSON, nullable=False, info=not_personal()),
    Column("created_ms", BigInteger, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
    UniqueConstraint("company_id", "workspace_id", "name_key"),
)

# The profile that controls a user's access in a workspace (one per user and workspace).
permission_profile_users = Table(
    "permission_profile_users",
    metadata,
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("workspace_id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("profile_id", BigInteger, ForeignKey("permission_profiles.id", ondelete="CASCADE"), nullable=False),
    Index(None, "profile_id"),
)
