"""The demo's storage side: rows gathered per table and written in batches.

Rows are plain dicts written with Core ``executemany`` inserts (up to 10,000 rows a statement, ~50,000 rows a
write transaction), so memory stays flat however many calls are asked for.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import JSON, Column, Dialect, MetaData, Table, types

from gongkit.db import schema as s
from gongkit.db.engine import Database
from gongkit.db.rows import prepare

Row = dict[str, Any]

_ORDER: tuple[Table, ...] = (
    s.workspaces,
    s.users,
    s.user_settings_history,
    s.crm_integrations,
    s.crm_schema_fields,
    s.trackers,
    s.crm_objects,
    s.calls,
    s.call_parties,
    s.call_context_objects,
    s.call_external_objects,
    s.transcript_monologues,
    s.call_user_stats,
    s.call_comments,
    s.call_access,
    s.call_media,
    s.library_folders,
    s.library_entries,
    s.permission_profiles,
    s.permission_profile_users,
    s.emails,
    s.email_recipients,
    s.meetings,
    s.meeting_invitees,
    s.engagement_events,
    s.integration_settings,
    s.flow_folders,
    s.flows,
    s.flow_shares,
    s.flow_folder_shares,
    s.flow_steps,
    s.flow_instances,
    s.tasks,
    s.call_outcomes,
    s.activity_events,
    s.scorecards,
    s.scorecard_questions,
    s.answered_scorecards,
    s.audit_logs,
)


class _EncodedJSON(types.UserDefinedType[Any]):
    """A JSON column whose values arrive already serialized (orjson is several times faster than the default
    serializer). It renders no bind cast, so PostgreSQL reads the text as ``json``; SQLite stores it as is."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "JSON"

    def bind_processor(self, dialect: Dialect) -> None:
        return None


def _insert_target(table: Table) -> tuple[Table, tuple[str, ...]]:
    """A stand-in for ``table`` (same name and columns) whose JSON columns take pre-encoded text."""
    json_cols = tuple(c.name for c in table.columns if isinstance(c.type, JSON))
    shadow = Table(
        table.name,
        MetaData(),
        *[
            Column(c.name, _EncodedJSON() if c.name in json_cols else c.type, primary_key=c.primary_key)
            for c in table.columns
        ],
    )
    return shadow, json_cols


def _by_id(row: Row) -> Any:
    return row["id"]


class Writer:
    """Pending rows per table, written in foreign-key order in one short write transaction per flush."""

    def __init__(self, db: Database, *, flush_rows: int = 50_000, statement_rows: int = 10_000) -> None:
        self.db = db
        self.flush_rows = flush_rows
        self.statement_rows = statement_rows
        self.rows: dict[str, list[Row]] = {t.name: [] for t in _ORDER}
        self.counts: dict[str, int] = {t.name: 0 for t in _ORDER}
        self.targets = {t.name: _insert_target(t) for t in _ORDER}

    def pending(self) -> int:
        return sum(len(v) for v in self.rows.values())

    def maybe_flush(self) -> bool:
        if self.pending() >= self.flush_rows:
            self.flush()
            return True
        return False

    def flush(self) -> None:
        if not self.pending():
            return
        dumps = orjson.dumps
        with self.db.write() as conn:
            # Ids are random, so index pages are hit all over: a bigger page cache for the duration of the
            # batch saves most of the re-reads (SQLite's default is 2 MB), and sorting helps the id index.
            cache_size = None
            if self.db.is_sqlite:
                cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
                conn.exec_driver_sql("PRAGMA cache_size = -262144")
            for table in _ORDER:
                rows = self.rows[table.name]
                if not rows:
                    continue
                target, json_cols = self.targets[table.name]
                if "id" in target.c and table.c.id.autoincrement is not True:
                    rows.sort(key=_by_id)
                for row in rows:
                    prepare(table.name, row)
                    for col in json_cols:
                        value = row.get(col)
                        row[col] = None if value is None else dumps(value).decode()
                for i in range(0, len(rows), self.statement_rows):
                    conn.execute(target.insert(), rows[i : i + self.statement_rows])
                self.counts[table.name] += len(rows)
                rows.clear()
            if cache_size is not None:
                conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
