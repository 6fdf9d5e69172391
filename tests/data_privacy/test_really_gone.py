"""After an erasure is DONE, the subject is nowhere in storage: not in the SQLite files (free pages, the unused
space inside pages and the WAL included), not in what PostgreSQL returns for any row of any table, not in the
media store. "The subject" is every text of every erased object: the address and number, the person's name, the
erased calls' titles, stored JSON and transcript sentences, the erased e-mails' subjects and bodies."""

from __future__ import annotations

import random
import re
from pathlib import Path

from sqlalchemy import delete, select, text

from gongkit.db import Database
from gongkit.db.schema import calls, crm_objects, emails, transcript_monologues
from gongkit.server.groups.data_privacy.lookup import Person, find_references
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


def _erased_texts(db: Database, company_id: int) -> dict[str, set[bytes]]:
    """Every text of every object the two erasures will delete, as stored (read before the erasures)."""
    person = Person(frozenset({"jane.doe@example.com", "jdoe@other.example"}), "+14255552671")
    with db.read() as conn:
        refs = find_references(conn, company_id, person)
        found = {
            "titles": conn.execute(select(calls.c.title).where(calls.c.id.in_(refs.call_ids))).scalars(),
            "calls' JSON": conn.execute(select(calls.c.basic_json).where(calls.c.id.in_(refs.call_ids))).scalars(),
            "sentences": (
                s["text"]
                for row in conn.execute(
                    select(transcript_monologues.c.sentences).where(transcript_monologues.c.call_id.in_(refs.call_ids))
                ).scalars()
                for s in row
            ),
            "e-mails": (
                t
                for row in conn.execute(select(emails.c.subject, emails.c.body).where(emails.c.id.in_(refs.email_ids)))
                for t in row
            ),
            "names": conn.execute(select(crm_objects.c.name).where(crm_objects.c.id.in_(refs.crm_ids))).scalars(),
        }
        return {kind: {str(t).encode() for t in texts if t} for kind, texts in found.items()}


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
    # Jane's calls and bystanders' calls in random order, each with a stored JSON long enough that the listing
    # index splits and rebalances its pages; then half of the bystanders' calls go. Rebalancing copies cells
    # between pages and leaves the old bytes in the unused space of the pages they left: stale copies that no
    # deletion zeroes (this mix leaves some of Jane's in the file unless the storage step removes them).
    rng = random.Random(3)
    order = ["jane"] * 300 + ["bystander"] * 300
    rng.shuffle(order)
    bystanders = []
    for i, who in enumerate(order):
        started = 1_700_000_000_000 + rng.randrange(10**9)
        if who == "jane":
            build.call(
                [{"email_address": "jane.doe@example.com", "name": "Jane Doe"}],
                title=f"Outreach call with Jane Doe no. {i:03d}",
                sentences=[f"Jane Doe here, about order q{i:03d}"],
                started_ms=started,
            )
        else:
            title = f"Bystander call {i:03d} " + "y" * 300
            bystanders.append(build.call([{"email_address": f"b{i}@example.org"}], title=title, started_ms=started))
    rng.shuffle(bystanders)
    for k in range(0, len(bystanders) // 2, 10):
        with db.write() as conn:
            conn.execute(delete(calls).where(calls.c.id.in_(bystanders[k : k + 10])))
    erased = _erased_texts(db, company.id)
    assert erased["calls' JSON"] and erased["titles"] and erased["sentences"] and erased["e-mails"]
    erased["subject"] = {b"Jane Doe", b"jane.doe@example.com"}
    before = _files(db)
    assert any(ADDRESS.search(b) for b in before.values()), "the test must see the subject before"
    assert any(f in b for b in before.values() for f in NUMBER_FORMATS)
    assert RECORDING in _media_bytes(papp.settings.media_dir)

    _erase_both(papp, company)

    after = _files(db)
    assert after, "the database files exist"
    kept = rows_as_text(db).encode()  # texts that other, kept rows also hold legitimately ("Hi", "Sync")
    for kind, texts in erased.items():
        needles = {t for t in texts if t not in kept}
        assert needles or kind in ("e-mails", "sentences"), kind
        residue = {n[:60] for n in needles for name, data in after.items() if n in data}
        assert not residue, f"{kind} of erased objects still in the files: {sorted(residue)[:3]}"
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
