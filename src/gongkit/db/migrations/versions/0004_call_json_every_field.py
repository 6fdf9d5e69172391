"""Stored CallBasicData carries every field of the contract: ``null`` where a call has no value, and a call
without a calendar event is scheduled at its actual start.

Existing ``calls.basic_json`` values (rendered without the fields that had no value) are completed here, in
keyset batches; the rule is this revision's own copy (a migration keeps producing what it produced).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: CallBasicData's fields in the contract's order.
_FIELDS = (
    "id",
    "url",
    "title",
    "scheduled",
    "started",
    "duration",
    "primaryUserId",
    "direction",
    "system",
    "scope",
    "media",
    "language",
    "workspaceId",
    "sdrDisposition",
    "clientUniqueId",
    "customData",
    "purpose",
    "meetingUrl",
    "isPrivate",
    "calendarEventId",
)
_BATCH = 2_000


def complete(stored: str) -> str:
    """One stored CallBasicData with every field, in the contract's order."""
    data: dict[str, Any] = orjson.loads(stored)
    if data.get("scheduled") is None:
        data["scheduled"] = data.get("started")
    return orjson.dumps({name: data.get(name) for name in _FIELDS}).decode()


def upgrade() -> None:
    bind = op.get_bind()
    calls = sa.table("calls", sa.column("id", sa.BigInteger()), sa.column("basic_json", sa.Text()))
    last = -1
    while True:
        rows = bind.execute(
            sa.select(calls.c.id, calls.c.basic_json)
            .where(calls.c.id > last, calls.c.basic_json.is_not(None))
            .order_by(calls.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        for call_id, stored in rows:
            completed = complete(stored)
            if completed != stored:
                bind.execute(calls.update().where(calls.c.id == call_id).values(basic_json=completed))
        last = rows[-1][0]


def downgrade() -> None:
    """Nothing to undo: the completed JSON is what the server renders from this revision on."""
