"""Against a real server process: a CRM upload killed midway (SIGKILL) completes after the restart, every line
applied exactly once."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import func, select

from gongkit.db import Database
from gongkit.db.schema import crm_objects, crm_requests
from gongkit.kernel.config import ServerSettings
from tests.conftest import Company
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.process


def _status(server: ServerProcess, company: Company, iid: int, crid: str) -> dict[str, Any]:
    r = httpx.get(
        server.url + "/v2/crm/request-status",
        params={"integrationId": iid, "clientRequestId": crid},
        headers=company.basic,
        timeout=10,
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


def _lines_done(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(select(crm_requests.c.lines_done)).scalar_one())


def test_an_upload_killed_midway_finishes_after_restart(
    settings: ServerSettings, db: Database, company: Company, tmp_path: Path
) -> None:
    rows = [{"objectId": f"acc-{n}", "modifiedDate": "2024-01-01T00:00:00Z", "name": f"Account {n}"} for n in range(40)]
    rows[7] = {"objectId": "broken"}  # one bad line: reported once, not twice
    data = b"".join(orjson.dumps(r) + b"\n" for r in rows)
    server = ServerProcess(
        settings.database_url,
        settings.data_dir,
        env={
            "GONGKIT_CRM_JOB_POLL_SECONDS": "0.1",
            "GONGKIT_CRM_JOB_BATCH_SIZE": "2",
            "GONGKIT_CRM_JOB_BATCH_PAUSE_SECONDS": "0.15",
        },
    )
    server.start()
    try:
        r = httpx.put(
            server.url + "/v2/crm/integrations",
            json={"name": "Acme", "ownerEmail": "owner@acme.example"},
            headers=company.basic,
        )
        iid = int(r.json()["integrationId"])
        r = httpx.post(
            server.url + "/v2/crm/entities",
            params={"integrationId": iid, "objectType": "ACCOUNT", "clientRequestId": "big-1"},
            files={"dataFile": ("accounts.ldjson", data)},
            headers=company.basic,
        )
        assert r.status_code == 201, r.text
        deadline = time.monotonic() + 60
        while _lines_done(db) < 10:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        server.kill()
        with db.read() as conn:
            job = conn.execute(select(crm_requests)).one()
        assert job.status == "IN_PROGRESS" and job.attempts == 1 and 10 <= job.lines_done < 40

        server.start(env={"GONGKIT_CRM_JOB_BATCH_PAUSE_SECONDS": "0"})
        while (status := _status(server, company, iid, "big-1"))["status"] not in ("DONE", "FAILED"):
            assert time.monotonic() < deadline, status
            time.sleep(0.05)
        assert status == {
            "requestId": status["requestId"],
            "status": "FAILED",
            "errors": [{"line": 8, "description": "Mandatory field [modifiedDate] is missing or empty"}],
            "totalErrorCount": 1,
            "totalSuccessCount": 39,
        }
    finally:
        server.stop()
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(crm_objects)).scalar_one() == 39
        assert conn.execute(select(crm_requests.c.attempts, crm_requests.c.file_key)).one() == (2, None)
    assert [p for p in (settings.data_dir / "crm-uploads").iterdir() if p.is_file()] == []
