"""Personal data declared on the schema: every text column is tagged, and the erasure scans what the tags say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    inspect,
    select,
)
from sqlalchemy.pool import NullPool

from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.db.personal import Personal, identifier, is_text, mentions, not_personal, personal_columns, tag_of
from gongkit.db.schema import metadata
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.subjects import EMAIL
from gongkit.server.groups.data_privacy.erasure import TEXT_COLUMNS, TOUCHED_TABLES
from gongkit.server.groups.data_privacy.jobs import ErasureConfig, request_erasure
from gongkit.server.groups.data_privacy.worker import ErasureWorker
from tests.conftest import Company


def untagged(schema: MetaData) -> list[str]:
    """``table.column`` of every text column without a tag."""
    return [
        f"{table.name}.{column.name}"
        for table in schema.tables.values()
        for column in table.columns
        if is_text(column.type) and tag_of(column) is None
    ]


def tagged(kind: Personal) -> set[tuple[str, str]]:
    return {(t.name, c.name) for t in metadata.tables.values() for c in t.columns if tag_of(c) is kind}


def test_every_text_column_carries_a_tag() -> None:
    assert untagged(metadata) == []


def test_an_untagged_text_column_is_found() -> None:
    probe = MetaData()
    Table(
        "probe",
        probe,
        Column("id", Integer, primary_key=True),
        Column("a", String(10), info=identifier()),
        Column("b", Text),
        Column("c", JSON),
        Column("d", LargeBinary),
        Column("e", Text, info=not_personal()),
        Column("f", JSON, info=mentions()),
    )
    assert untagged(probe) == ["probe.b", "probe.c", "probe.d"]


def test_every_text_column_of_the_migrated_store_is_tagged(settings: ServerSettings) -> None:
    """Read from the store itself (both engines): a column a migration adds must be declared and tagged."""
    engine = create_engine(settings.database_url, poolclass=NullPool)
    try:
        inspector = inspect(engine)
        stored: list[tuple[str, Any]] = [
            (table, column)
            for table in inspector.get_table_names()
            if table != "alembic_version"
            for column in inspector.get_columns(table)
        ]
    finally:
        engine.dispose()
    texts = [(t, c["name"]) for t, c in stored if is_text(c["type"])]
    assert len(texts) == sum(is_text(c.type) for t in metadata.tables.values() for c in t.columns)
    assert [f"{t}.{c}" for t, c in texts if tag_of(metadata.tables[t].c[c]) is None] == []


def test_lookup_twins_are_identifiers() -> None:
    twins = {
        (t.name, c.name) for t in metadata.tables.values() for c in t.columns if c.name.endswith(("_lower", "_norm"))
    }
    assert twins
    assert twins <= tagged(Personal.IDENTIFIER)


def test_the_erasure_scans_exactly_the_free_text_columns() -> None:
    scanned = [(spec.table.name, name) for spec in TEXT_COLUMNS for name in (*spec.text, *spec.json)]
    assert len(scanned) == len(set(scanned))
    assert set(scanned) == tagged(Personal.MENTIONS)
    for spec in TEXT_COLUMNS:
        assert set(spec.json) == {n for n in (*spec.text, *spec.json) if isinstance(spec.table.c[n].type, JSON)}
    assert {(spec.table.name, spec.summary) for spec in TEXT_COLUMNS if spec.summary} == {("calls", "basic_json")}


def test_the_formerly_unclassified_columns_are_scanned() -> None:
    scanned = {(spec.table.name, name) for spec in TEXT_COLUMNS for name in spec.text}
    assert {("workspaces", "description"), ("library_folders", "name"), ("users", "title")} <= scanned


def test_the_erasure_vacuums_every_table_holding_personal_data() -> None:
    holding = {p.table.name for p in personal_columns(metadata)}
    assert holding == {t for t, _ in tagged(Personal.IDENTIFIER) | tagged(Personal.MENTIONS)}
    assert holding <= set(TOUCHED_TABLES)
    assert {"call_media", "call_access", "email_recipients", "erasure_jobs"} <= set(TOUCHED_TABLES)


def test_personal_columns_lists_identifiers_and_free_text_per_table() -> None:
    by_table = {p.table.name: p for p in personal_columns(metadata)}
    users = by_table["users"]
    assert [c.name for c in users.identifiers] == [
        "email_address",
        "email_lower",
        "email_aliases",
        "trusted_email_address",
        "phone_number",
    ]
    assert [c.name for c in users.mentions] == [
        "first_name",
        "last_name",
        "title",
        "personal_meeting_urls",
        "meeting_consent_page_url",
    ]
    assert users.summary is None
    calls = by_table["calls"]
    assert calls.identifiers == ()
    assert calls.summary is not None and calls.summary.name == "basic_json"
    assert "companies" not in by_table and "api_keys" not in by_table


def test_an_erasure_redacts_the_newly_tagged_free_text(db: Database, company: Company, tmp_path: Path) -> None:
    subject = "jane.doe@example.com"
    mention = f"ask {subject.upper()} first"
    workspaces, folders, users = (metadata.tables[n] for n in ("workspaces", "library_folders", "users"))
    with db.write() as conn:
        conn.execute(insert(workspaces).values(id=11, company_id=company.id, name="EMEA", description=mention))
        conn.execute(insert(folders).values(id=12, company_id=company.id, name=mention, updated_ms=0))
        conn.execute(
            insert(users).values(
                id=13,
                company_id=company.id,
                email_address="rep@acme.example",
                email_lower="rep@acme.example",
                created_ms=0,
                title=mention,
                first_name="Rep",
            )
        )
        request_erasure(
            conn,
            SystemClock(),
            b"secret",
            job_id="job-1",
            company_id=company.id,
            kind=EMAIL,
            value=subject,
            credential="test",
        )
    worker = ErasureWorker(db, MediaStore(tmp_path / "media"), SystemClock(), ErasureConfig())
    assert worker.run_pending() == 1
    with db.read() as conn:
        kept = [
            conn.execute(select(workspaces.c.description).where(workspaces.c.id == 11)).scalar_one(),
            conn.execute(select(folders.c.name).where(folders.c.id == 12)).scalar_one(),
            conn.execute(select(users.c.title).where(users.c.id == 13)).scalar_one(),
        ]
        assert conn.execute(select(users.c.first_name).where(users.c.id == 13)).scalar_one() == "Rep"
    assert kept == ["ask [redacted] first"] * 3
