"""Calls carry their rendered CallBasicData; the listing index covers it.

``GET /v2/calls`` then reads a page as one range scan of one index (no row lookups, no per-call rendering).
SQLite has no INCLUDE clause, so there the JSON is the index's last key column; PostgreSQL gets
``INCLUDE (basic_json)``. The slim (company, listing time, id) index stays: counting ``totalRecords`` scans it
rather than the wide one. Existing calls are rendered here.

The rendering is this revision's own copy of what the server wrote when the revision was made (a migration
keeps producing what it produced then, whatever the live code becomes).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The fields of CallBasicData between ``started`` and ``isPrivate``, in order: (column, wire name, is an id).
# Each is omitted when NULL; ids go out as strings.
_MIDDLE = (
    ("duration", "duration", False),
    ("primary_user_id", "primaryUserId", True),
    ("direction", "direction", False),
    ("system", "system", False),
    ("scope", "scope", False),
    ("media", "media", False),
    ("language", "language", False),
    ("workspace_id", "workspaceId", True),
    ("sdr_disposition", "sdrDisposition", False),
    ("client_unique_id", "clientUniqueId", False),
    ("custom_data", "customData", False),
    ("purpose", "purpose", False),
    ("meeting_url", "meetingUrl", False),
)
_COLUMNS = (
    "id",
    "url",
    "title",
    "scheduled_ms",
    "started_ms",
    *(c for c, _, _ in _MIDDLE),
    "is_private",
    "calendar_event_id",
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _iso(ms: int) -> str:
    """An instant as Gong writes it: ISO-8601, UTC, ``Z``; milliseconds only when there are some."""
    moment = _EPOCH + timedelta(milliseconds=ms)
    if ms % 1000:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _basic_json(row: Any) -> str:
    """One call's CallBasicData as compact JSON, from its column values."""
    data: dict[str, Any] = {"id": str(row["id"]), "url": row["url"]}
    if row["title"] is not None:
        data["title"] = row["title"]
    started = _iso(row["started_ms"])
    if row["scheduled_ms"] is not None:
        data["scheduled"] = started if row["scheduled_ms"] == row["started_ms"] else _iso(row["scheduled_ms"])
    data["started"] = started
    for column, name, is_id in _MIDDLE:
        if row[column] is not None:
            data[name] = str(row[column]) if is_id else row[column]
    data["isPrivate"] = bool(row["is_private"])
    if row["calendar_event_id"] is not None:
        data["calendarEventId"] = row["calendar_event_id"]
    return orjson.dumps(data).decode()


def upgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("basic_json", sa.Text(), nullable=True))
    bind = op.get_bind()
    calls = sa.table("calls", sa.column("basic_json"), *(sa.column(name) for name in _COLUMNS))
    rows = bind.execute(sa.select(*(calls.c[name] for name in _COLUMNS))).mappings().all()
    for row in rows:
        bind.execute(calls.update().where(calls.c.id == row["id"]).values(basic_json=_basic_json(row)))
    if bind.dialect.name == "postgresql":
        op.create_index(
            "ix_calls_listing", "calls", ["company_id", "listed_ms", "id"], postgresql_include=["basic_json"]
        )
    else:
        op.create_index("ix_calls_listing", "calls", ["company_id", "listed_ms", "id", "basic_json"])


def downgrade() -> None:
    op.drop_index("ix_calls_listing", table_name="calls")
    with op.batch_alter_table("calls") as batch:
        batch.drop_column("basic_json")
