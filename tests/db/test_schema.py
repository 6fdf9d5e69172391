"""One schema: what the migrations create is exactly what ``gongkit.db.schema`` declares, on both engines.

Alembic's own comparison (``compare_metadata``) checks tables, columns with their types, nullability and server
defaults, indexes, unique constraints and foreign keys. It does not look at PostgreSQL's ``INCLUDE`` columns, so
those are compared here too. Nothing is left out on SQLite: the schema declares SQLite's own form of the one index
that differs (``ix_calls_listing``), and ``metadata_for`` gives each engine its form.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, MetaData, Table, create_engine, insert, inspect, select
from sqlalchemy.pool import NullPool

from gongkit.db import migrate
from gongkit.db.rows import BASIC_COLUMNS, basic_data
from gongkit.db.schema import metadata, metadata_for
from gongkit.kernel.config import ServerSettings

VERSIONS = Path(str(resources.files("gongkit.db").joinpath("migrations", "versions")))


@pytest.fixture
def conn(settings: ServerSettings) -> Iterator[Connection]:
    """A connection to a freshly migrated store."""
    engine = create_engine(settings.database_url, poolclass=NullPool)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def test_the_migrated_store_is_the_schema(conn: Connection) -> None:
    context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
    assert compare_metadata(context, metadata_for(conn.dialect.name)) == []


def test_covering_columns_of_indexes_are_the_schemas(conn: Connection) -> None:
    declared = {
        ix.name: list(ix.dialect_options["postgresql"]["include"] or ())
        for table in metadata_for(conn.dialect.name).tables.values()
        for ix in table.indexes
    }
    inspector = inspect(conn)
    found = {
        ix["name"]: list(ix.get("dialect_options", {}).get("postgresql_include") or ())
        for name in inspector.get_table_names()
        if name != "alembic_version"
        for ix in inspector.get_indexes(name)
        if not ix.get("duplicates_constraint")  # PostgreSQL lists the index behind each unique constraint
    }
    assert found == declared
    assert found["ix_calls_listing"] == (["basic_json"] if conn.dialect.name == "postgresql" else [])


def test_the_listing_index_covers_basic_json_on_each_engine() -> None:
    listing = {
        dialect: next(ix for ix in metadata_for(dialect).tables["calls"].indexes if ix.name == "ix_calls_listing")
        for dialect in ("sqlite", "postgresql")
    }
    assert [c.name for c in listing["sqlite"].columns] == ["company_id", "listed_ms", "id", "basic_json"]
    assert [c.name for c in listing["postgresql"].columns] == ["company_id", "listed_ms", "id"]
    assert listing["postgresql"].dialect_options["postgresql"]["include"] == ["basic_json"]
    # The view leaves the shared metadata whole.
    assert len([ix for ix in metadata.tables["calls"].indexes if ix.name == "ix_calls_listing"]) == 2


def _alembic(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("gongkit.db").joinpath("migrations")))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


_COMPANY: dict[str, Any] = {
    "id": 1,
    "name": "Acme",
    "time_zone": "UTC",
    "rate_per_second": 3,
    "rate_per_day": 10_000,
    "page_size": 100,
    "erasure_max_calls": 2_000,
    "erasure_max_emails": 10_000,
    "erasure_max_crm_objects": 25,
    "erasure_max_total": 20_000,
    "created_ms": 0,
}

# Two calls as stored before revision 0002, and the CallBasicData it renders for them. Expected values are
# written out: a migration keeps producing what it produced when it was written.
_FULL_CALL: dict[str, Any] = {
    "id": 7782342274025937895,
    "url": "https://app.gong.io/call?id=7782342274025937895",
    "title": 'Renewal — Ünïcode & "quotes"',
    "scheduled_ms": 1_767_225_600_000,
    "started_ms": 1_767_225_905_123,
    "listed_ms": 1_767_225_600_000,
    "duration": 1830,
    "primary_user_id": 234599484848423,
    "direction": "Conference",
    "system": "Zoom",
    "scope": "External",
    "media": "Video",
    "language": "eng",
    "workspace_id": 623457276584334,
    "sdr_disposition": "Got the meeting",
    "client_unique_id": "crm-42",
    "custom_data": "custom",
    "purpose": "Renewal",
    "meeting_url": "https://zoom.us/j/1",
    "is_private": True,
    "calendar_event_id": "cal-1",
    "status": "COMPLETED",
    "created_ms": 1_767_225_905_123,
}
_FULL_JSON = (
    '{"id":"7782342274025937895","url":"https://app.gong.io/call?id=7782342274025937895",'
    '"title":"Renewal — Ünïcode & \\"quotes\\"","scheduled":"2026-01-01T00:00:00Z",'
    '"started":"2026-01-01T00:05:05.123Z","duration":1830,"primaryUserId":"234599484848423",'
    '"direction":"Conference","system":"Zoom","scope":"External","media":"Video","language":"eng",'
    '"workspaceId":"623457276584334","sdrDisposition":"Got the meeting","clientUniqueId":"crm-42",'
    '"customData":"custom","purpose":"Renewal","meetingUrl":"https://zoom.us/j/1","isPrivate":true,'
    '"calendarEventId":"cal-1"}'
)
_BARE_CALL: dict[str, Any] = {
    "id": 12,
    "url": "https://app.gong.io/call?id=12",
    "scheduled_ms": 1_767_225_600_000,
    "started_ms": 1_767_225_600_000,
    "listed_ms": 1_767_225_600_000,
    "is_private": False,
    "status": "COMPLETED",
    "created_ms": 1_767_225_600_000,
}
_BARE_JSON = (
    '{"id":"12","url":"https://app.gong.io/call?id=12","scheduled":"2026-01-01T00:00:00Z",'
    '"started":"2026-01-01T00:00:00Z","isPrivate":false}'
)


def test_revisions_0002_and_0004_render_the_calls_already_stored(settings: ServerSettings) -> None:
    url = settings.database_url
    command.downgrade(_alembic(url), "0001")
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            old = MetaData()
            companies = Table("companies", old, autoload_with=conn)
            calls = Table("calls", old, autoload_with=conn)
            assert "basic_json" not in calls.c
            conn.execute(insert(companies).values(**_COMPANY))
            for call in (_FULL_CALL, _BARE_CALL):
                conn.execute(insert(calls).values(**call, company_id=1))
        command.upgrade(_alembic(url), "0003")
        stored = _stored_json(engine)
        assert stored == {_FULL_CALL["id"]: _FULL_JSON, _BARE_CALL["id"]: _BARE_JSON}
        migrate(url)  # revision 0004 completes the stored JSON with every field
        stored = _stored_json(engine)
        with engine.connect() as conn:
            rendered = {row.id: basic_data(row) for row in conn.execute(select(*BASIC_COLUMNS))}
    finally:
        engine.dispose()
    assert stored[_FULL_CALL["id"]] == _FULL_JSON  # it had every field already
    assert stored[_BARE_CALL["id"]] == (
        '{"id":"12","url":"https://app.gong.io/call?id=12","title":null,"scheduled":"2026-01-01T00:00:00Z",'
        '"started":"2026-01-01T00:00:00Z","duration":null,"primaryUserId":null,"direction":null,"system":null,'
        '"scope":null,"media":null,"language":null,"workspaceId":null,"sdrDisposition":null,'
        '"clientUniqueId":null,"customData":null,"purpose":null,"meetingUrl":null,"isPrivate":false,'
        '"calendarEventId":null}'
    )
    assert {cid: orjson.loads(text) for cid, text in stored.items()} == rendered  # what the server renders now


def _stored_json(engine: Any) -> dict[int, str]:
    with engine.connect() as conn:
        live = metadata.tables["calls"]
        return {row.id: row.basic_json for row in conn.execute(select(live.c.id, live.c.basic_json))}


def _imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names.append(node.module)
    return names


def test_migrations_import_nothing_live() -> None:
    revisions = sorted(VERSIONS.glob("*.py"))
    assert len(revisions) >= 2
    live = {p.name: [m for m in _imported_modules(p) if m.split(".")[0] == "gongkit"] for p in revisions}
    assert live == {p.name: [] for p in revisions}
