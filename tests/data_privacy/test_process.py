"""Against a real server process: an erasure survives SIGKILL and completes exactly once after the restart,
and the server's log file never carries a subject in clear text."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.schema import erasure_jobs
from gongkit.kernel.config import ServerSettings
from tests.conftest import Company
from tests.data_privacy.builder import Builder, rows_as_text, snapshot
from tests.data_privacy.scenario import jane
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.process

ERASE_EMAIL = "/v2/data-privacy/erase-data-for-email-address"
ERASE_PHONE = "/v2/data-privacy/erase-data-for-phone-number"


def _job(server: ServerProcess, company: Company, job_id: str) -> dict[str, Any]:
    r = httpx.get(f"{server.url}/admin/v1/erasures/{job_id}", headers=company.basic, timeout=10)
    assert r.status_code == 200, r.text
    return dict(r.json()["erasure"])


def _wait(server: ServerProcess, company: Company, job_id: str, until: Any, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        found = _job(server, company, job_id)
        if until(found):
            return found
        assert time.monotonic() < deadline, found
        time.sleep(0.05)


def test_an_erasure_killed_midway_finishes_exactly_once_after_restart(
    settings: ServerSettings, db: Database, company: Company, build: Builder, tmp_path: Path
) -> None:
    w = jane(build)
    for _ in range(20):
        build.call([{"email_address": "jane.doe@example.com"}], recording=b"RIFF-jane-" * 50)
    before = snapshot(db)
    server = ServerProcess(
        settings.database_url,
        settings.data_dir,
        env={
            "GONGKIT_ERASURE_POLL_SECONDS": "0.1",
            "GONGKIT_ERASURE_BATCH_SIZE": "1",
            "GONGKIT_ERASURE_BATCH_PAUSE_SECONDS": "0.15",
        },
    )
    server.start()
    try:
        r = httpx.post(server.url + ERASE_EMAIL, params={"emailAddress": "jane.doe@example.com"}, headers=company.basic)
        job_id = r.json()["requestId"]
        midway = _wait(server, company, job_id, lambda j: (j["deleted"] or {}).get("calls", 0) >= 4)
        server.kill()
        with db.read() as conn:
            row = conn.execute(select(erasure_jobs).where(erasure_jobs.c.id == job_id)).one()
        assert row.status == "IN_PROGRESS" and row.subject is not None and row.attempts == 1
        assert 4 <= row.counts["deleted"]["calls"] < 23
        assert midway["planned"]["calls"] == 23

        server.start(env={"GONGKIT_ERASURE_BATCH_PAUSE_SECONDS": "0"})
        done = _wait(server, company, job_id, lambda j: j["status"] in ("DONE", "FAILED"))
        assert done["status"] == "DONE", done
        assert done["attempts"] == 2
        assert done["deleted"] == {**done["planned"], "mediaFiles": 21}  # every object counted once, no more
        assert done["planned"] == {
            "calls": 23,
            "emails": 4,
            "crmObjects": 2,
            "meetings": 1,
            "meetingInvitees": 1,
            "engagementEvents": 1,
            "total": 32,
        }
        r = httpx.get(
            server.url + "/v2/data-privacy/data-for-email-address",
            params={"emailAddress": "jane.doe@example.com"},
            headers=company.basic,
        )
        assert [r.json()[k] for k in ("emails", "calls", "meetings", "customerData", "customerEngagement")] == [[]] * 5

        # Another restart does not run it again.
        finished = done["finished"]
        server.stop()
        server.start()
        time.sleep(0.5)
        again = _job(server, company, job_id)
        assert (again["status"], again["attempts"], again["finished"]) == ("DONE", 2, finished)
    finally:
        server.stop()

    after = snapshot(db)
    assert {(w.call_mention,), (w.call_bystander,), (w.call_phone_party,)} <= after["calls"]
    assert len(before["calls"]) - len(after["calls"]) == 23
    assert not re.search("jane\\.doe@example\\.com", rows_as_text(db), re.IGNORECASE)
    media_left = b"".join(p.read_bytes() for p in settings.media_dir.rglob("*") if p.is_file())
    assert b"RIFF-jane" not in media_left


SUBJECT_TRACES = re.compile(r"jane\.doe|jane%2edoe|jdoe|4255552671|555.?2671|425\D{0,3}555", re.IGNORECASE)


def test_the_server_log_never_carries_a_subject(
    settings: ServerSettings, db: Database, company: Company, build: Builder
) -> None:
    jane(build)
    with ServerProcess(settings.database_url, settings.data_dir, env={"GONGKIT_ERASURE_POLL_SECONDS": "0.1"}) as server:
        base, h = server.url, company.basic
        httpx.get(
            base + "/v2/data-privacy/data-for-email-address", params={"emailAddress": "Jane.Doe@Example.com"}, headers=h
        )
        httpx.get(base + "/v2/data-privacy/data-for-email-address?emailAddress=jane.doe@example.com", headers=h)
        httpx.get(base + "/v2/data-privacy/data-for-phone-number?phoneNumber=+1+(425)+555-2671", headers=h)
        httpx.get(base + "/v2/data-privacy/data-for-phone-number", params={"phoneNumber": "+14255552671"}, headers=h)
        assert (
            httpx.get(base + "/v2/data-privacy/data-for-email-address?emailAddress=jane.doe", headers=h).status_code
            == 400
        )
        httpx.get(base + "/v2/nothing-here/jane.doe@example.com/+14255552671", headers=h)
        httpx.get(base + "/v2/calls?fromDateTime=jane.doe@example.com", headers=h)
        ids = [
            httpx.post(base + ERASE_EMAIL, params={"emailAddress": "jane.doe@example.com"}, headers=h).json()[
                "requestId"
            ],
            httpx.post(base + ERASE_PHONE, params={"phoneNumber": "+1 (425) 555-2671"}, headers=h).json()["requestId"],
        ]
        for job_id in ids:
            assert _wait(server, company, job_id, lambda j: j["status"] == "DONE")["status"] == "DONE"
    log = server.log_file.read_text()
    # The log is written (access lines of these very requests, the erasures' own lines) ...
    assert log.count("/v2/data-privacy/data-for-email-address?emailAddress=%5Bredacted%5D") == 3
    assert log.count("/v2/data-privacy/erase-data-for-phone-number?phoneNumber=%5Bredacted%5D 200") == 1
    assert f"erasure {ids[0]}: deleted" in log
    # ... and holds no trace of the subject, nor does anything else the process printed.
    assert not SUBJECT_TRACES.search(log), SUBJECT_TRACES.search(log)
    assert not SUBJECT_TRACES.search(server.output())
