"""Gong Engage: flow folders, flows, their shares and steps, prospects' flow instances, tasks."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from gongkit.db.personal import mentions, not_personal
from gongkit.db.tables.base import company_ref, metadata

flow_folders = Table(
    "flow_folders",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("workspace_id", BigInteger, nullable=True),
    Column("parent_id", BigInteger, ForeignKey("flow_folders.id", ondelete="CASCADE"), nullable=True),
    Column("name", String(300), nullable=False, info=mentions()),
    Column("visibility", String(16), nullable=False, info=not_personal()),
    Column("owner_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Index(None, "company_id", "id"),
)

flows = Table(
    "flows",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("workspace_id", BigInteger, nullable=True),
    Column("folder_id", BigInteger, ForeignKey("flow_folders.id", ondelete="SET NULL"), nullable=True),
    Column("name", String(300), nullable=False, info=mentions()),
    Column("visibility", String(16), nullable=False, info=not_personal()),
    Column("owner_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("exclusive", Boolean, nullable=False, default=False),
    # Days a prospect who left this flow waits before it can be assigned to any flow (0: no cool-off).
    Column("cool_off_days", Integer, nullable=False, default=0),
    Column("created_ms", BigInteger, nullable=False),
    Index(None, "company_id", "id"),
)

# Who a Shared flow or folder is shared with (besides its owner).
flow_shares = Table(
    "flow_shares",
    metadata,
    Column("flow_id", BigInteger, ForeignKey("flows.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "user_id"),
)

flow_folder_shares = Table(
    "flow_folder_shares",
    metadata,
    Column("folder_id", BigInteger, ForeignKey("flow_folders.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "user_id"),
)

flow_steps = Table(
    "flow_steps",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("flow_id", BigInteger, ForeignKey("flows.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),  # 1 is the first step
    Column("name", String(300), nullable=False, info=mentions()),
    Column("action", String(16), nullable=False, info=not_personal()),  # CALL | EMAIL | LINKEDIN | TASK
    UniqueConstraint("flow_id", "number"),
    Index(None, "company_id", "flow_id"),  # a company's rows, for the erasure's redaction scan
)

# One row per assignment of a prospect to a flow; it stays after the prospect leaves (``ended_ms``): the
# cool-off period is measured from there.
flow_instances = Table(
    "flow_instances",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("flow_id", BigInteger, ForeignKey("flows.id", ondelete="CASCADE"), nullable=False),
    Column("prospect_id", BigInteger, ForeignKey("crm_objects.id", ondelete="CASCADE"), nullable=False),
    Column("owner_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(16), nullable=False, info=not_personal()),  # Running | Pending | Paused
    Column("description", Text, nullable=True, info=mentions()),
    Column("overrides", JSON, nullable=True, info=mentions()),  # the assignment's step/variable overrides
    Column("created_ms", BigInteger, nullable=False),
    Column("ended_ms", BigInteger, nullable=True),
    Column("ended_by_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Index(None, "prospect_id", "ended_ms"),
    Index(None, "flow_id"),
    Index(None, "company_id", "created_ms"),  # a company's rows, for the erasure's redaction scan
)

tasks = Table(
    "tasks",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("workspace_id", BigInteger, nullable=True),
    Column("type", String(8), nullable=False, info=not_personal()),  # FLOW | MANUAL
    Column("action", String(8), nullable=False, info=not_personal()),  # CALL
    Column("status", String(16), nullable=False, info=not_personal()),  # OPEN | DONE | DISMISSED
    Column("title", String(500), nullable=True, info=mentions()),
    Column("priority", Integer, nullable=True),  # the id of one of Gong's priorities
    Column("prospect_id", BigInteger, ForeignKey("crm_objects.id", ondelete="CASCADE"), nullable=True),
    Column("flow_instance_id", BigInteger, ForeignKey("flow_instances.id", ondelete="CASCADE"), nullable=True),
    Column("step_id", BigInteger, ForeignKey("flow_steps.id", ondelete="SET NULL"), nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
    Column("due_ms", BigInteger, nullable=True),
    Index(None, "company_id", "user_id", "due_ms"),
    Index(None, "flow_instance_id"),
    Index(None, "prospect_id"),
)
