"""Erasures cannot be used against another company: jobs are served round-robin across companies, identical
pending requests coalesce, and the redaction scan reads only the requesting company's rows."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from sqlalchemy import event, select

from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.db.schema import erasure_jobs
from gongkit.server.groups.data_privacy.erasure import TEXT_COLUMNS
from tests.conftest import Company, make_company
from tests.data_privacy.builder import Builder
from tests.data_privacy.conftest import PrivacyApp
from tests.data_privacy.scenario import jane
from tests.data_privacy.test_erasure import ERASE_EMAIL, erase, job


def _runs(papp: PrivacyApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the jobs the worker runs, in order."""
    ran: list[str] = []
    run = papp.worker.runner.run

    def spy(job_id: str) -> Any:
        ran.append(job_id)
        return run(job_id)

    monkeypatch.setattr(papp.worker.runner, "run", spy)
    return ran


def test_a_flood_from_one_company_delays_another_by_at_most_one_job(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    jane(build)
    flooder = make_company(db, "Globex")
    flood = [erase(papp, flooder, ERASE_EMAIL, {"emailAddress": f"nobody{i}@example.com"}) for i in range(20)]
    ran = _runs(papp, monkeypatch)
    ours = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    assert papp.run_erasures() == 21
    assert ran.index(ours) <= 1, ran  # the flood's oldest job may run first, then ours
    assert sorted(ran) == sorted([*flood, ours])
    assert job(papp, company, ours)["deleted"]["total"] == 12

    # Two companies with queues take turns.
    more = [erase(papp, flooder, ERASE_EMAIL, {"emailAddress": f"again{i}@example.com"}) for i in range(3)]
    mine = [erase(papp, company, ERASE_EMAIL, {"emailAddress": f"mine{i}@example.com"}) for i in range(3)]
    ran.clear()
    papp.run_erasures()
    owners = ["flood" if j in more else "mine" for j in ran]
    assert set(mine) <= set(ran) and all(a != b for a, b in itertools.pairwise(owners)), owners


def test_identical_pending_requests_coalesce_but_each_keeps_its_record(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    jane(build)
    ran = _runs(papp, monkeypatch)
    first = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    repeats = [erase(papp, company, ERASE_EMAIL, {"emailAddress": " JANE.doe@example.com"}) for _ in range(5)]
    other = erase(papp, company, ERASE_EMAIL, {"emailAddress": "bob@bystander.example"})
    with db.read() as conn:
        stored = dict(conn.execute(select(erasure_jobs.c.id, erasure_jobs.c.subject)).all())
    assert all(stored[r] is None for r in repeats), "a coalesced request keeps no subject"
    assert job(papp, company, repeats[0]) | {"requested": None} == {
        **job(papp, company, repeats[0]),
        "status": "PENDING",
        "coalescedWith": first,
        "requested": None,
    }

    assert papp.run_erasures() == 7
    assert ran == [first, other]  # the repeats did no work of their own
    done = job(papp, company, first)
    assert done["status"] == "DONE" and done["deleted"]["total"] == 12 and done["coalescedWith"] is None
    for r in repeats:
        follower = job(papp, company, r)
        assert follower["status"] == "DONE" and follower["coalescedWith"] == first
        assert follower["planned"]["total"] == 0 and follower["deleted"]["total"] == 0
        assert (follower["started"], follower["finished"]) == (done["started"], done["finished"])
        assert follower["subjectHash"] == done["subjectHash"] and follower["credential"] == company.access_key

    # A request that comes once the job has started is a job of its own (the running job's plan may be older).
    later = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    assert job(papp, company, later)["coalescedWith"] is None


def test_an_integrity_refusal_ends_the_coalesced_requests_too(
    papp: PrivacyApp, db: Database, company: Company, build: Builder
) -> None:
    from gongkit import control as admin

    jane(build)
    with db.write() as conn:
        admin.update_company(conn, company.id, erasure_max_calls=1)
    first = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    repeat = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    assert papp.run_erasures() == 2
    refused, follower = job(papp, company, first), job(papp, company, repeat)
    assert refused["status"] == follower["status"] == "FAILED"
    assert follower["error"] == refused["error"] and "Integrity protection" in str(refused["error"])


def test_the_redaction_scan_reads_only_the_requesting_companys_rows(
    papp: PrivacyApp, db: Database, company: Company, media: MediaStore, engine: str
) -> None:
    if engine != "sqlite":
        pytest.skip("the query plans are SQLite's")
    big = make_company(db, "Globex")
    theirs = Builder(db, big.id, media)
    for i in range(6):  # the other company holds most of the store
        theirs.call([{"email_address": f"x{i}@globex.example"}], sentences=["hello"])
    Builder(db, company.id, media).call([{"email_address": "bob@bystander.example"}])

    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        job_id = erase(papp, company, ERASE_EMAIL, {"emailAddress": "nobody@example.com"})
        assert papp.run_erasures() == 1
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert job(papp, company, job_id)["status"] == "DONE"

    scanned = set()
    with db.engine.connect() as conn:
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith("SELECT") or " LIKE " not in statement:
                continue
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            scanned |= {str(row[-1]).split()[1] for row in plan if str(row[-1]).startswith("SCAN ")}
    text_tables = {spec.table.name for spec in TEXT_COLUMNS}
    assert scanned & text_tables <= {"library_folders"}, scanned  # (a few folders per company, no index)
