"""After an erasure is DONE, the subject is nowhere in storage: not in the SQLite files (free pages and WAL
included), not in what PostgreSQL returns for any row of any table, not in the media store."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text

from gongkit.db import Database
from tests.conftest import Company
from tests.data_privacy.builder import Builder, rows_as_text
from tests.data_privacy.conftest import PrivacyApp
from tests.data_privacy.scenario import PHONE_FORMATS, RECORDING, jane

ADDRESS = re.compile(rb"jane\.doe@example\.com", re.IGNORECASE)
NUMBER_FORMATS = [f.encode() for f in (*PHONE_FORMATS, "4255552671")]


def _erase_both(papp: PrivacyApp, company: Company) -> None:
    for path, params in (
        ("/v2/data-privacy/erase-data-for-email-address", {"emailAddress": "Jane.Doe@Example.com"}),
        ("/v2/data-privacy/erase-data-for-phone-number", {"phoneNumber": "+1 (425) 555-2671"}),
    ):
        assert papp.client.post(path, params=params, headers=company.basic).status_code == 200
    assert papp.run_erasures() == 2
    r = papp.client.get("/admin/v1/erasures", headers=company.basic)
    assert [j["status"] for j in r.json()["erasures"]] == ["DONE", "DONE"]


def _files(db: Database) -> dict[str, bytes]:
    path = db.sqlite_path()
    assert path is not None
    out = {}
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            out[p.name] = p.read_bytes()
    return out


def _media_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file()) if root.exists() else b""


def test_sqlite_files_hold_no_byte_of_the_subject(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, engine: str
) -> None:
    if engine != "sqlite":
        return
    jane(build)
    # Churn: the subject is written, rewritten and spread over pages, as a real database would have it.
    for i in range(40):
        build.email("jane.doe@example.com", ["rep@acme.example"], body=f"note {i} " + "x" * 3000)
        build.call(
            [{"email_address": "JANE.DOE@EXAMPLE.COM", "phone_number": "+1 425-555-2671"}], sentences=["hi"] * 20
        )
    before = _files(db)
    assert any(ADDRESS.search(b) for b in before.values()), "the test must see the subject before"
    assert any(f in b for b in before.values() for f in NUMBER_FORMATS)
    assert RECORDING in _media_bytes(papp.settings.media_dir)

    _erase_both(papp, company)

    after = _files(db)
    assert after, "the database files exist"
    for name, data in after.items():
        assert not ADDRESS.search(data), f"the address is still in {name}"
        for form in NUMBER_FORMATS:
            assert form not in data, f"{form!r} is still in {name}"
    # (the WAL now holds only what was written after the checkpoint: the jobs' final status)
    assert RECORDING[:18] not in _media_bytes(papp.settings.media_dir)


def test_postgres_rows_hold_no_trace_of_the_subject_and_tables_are_vacuumed(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, engine: str
) -> None:
    jane(build)
    assert re.search("jane\\.doe@example\\.com", rows_as_text(db), re.IGNORECASE)
    _erase_both(papp, company)
    stored = rows_as_text(db)
    assert not re.search("jane\\.doe@example\\.com", stored, re.IGNORECASE)
    for form in (*PHONE_FORMATS, "4255552671"):
        assert form not in stored
    assert RECORDING[:18] not in _media_bytes(papp.settings.media_dir)
    if engine == "postgres":
        with db.read() as conn:
            vacuumed = set(
                conn.execute(text("SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL")).scalars()
            )
        assert {"calls", "emails", "crm_objects", "erasure_jobs", "transcript_monologues"} <= vacuumed
