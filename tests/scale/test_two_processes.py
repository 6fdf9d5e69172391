"""Two server processes on one PostgreSQL database and one Redis behave as one Gong: a company's rate limit is
shared, a cursor or a media link made by one serves on the other, an erasure requested on either runs exactly once,
and one ``clientUniqueId`` posted to both at once makes one call.

Both processes share the data directory too (recordings), as several ``gongkit serve`` processes behind one load
balancer would."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import func, select

from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.db.schema import calls, erasure_jobs
from tests.conftest import Company, make_company
from tests.support import factories as f
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.process


@pytest.fixture(scope="module")
def db(pg_url: str) -> Iterator[Database]:
    database = Database(pg_url)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def servers(pg_url: str, redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[ServerProcess]]:
    data = tmp_path_factory.mktemp("scale") / "data"
    env = {
        "GONGKIT_RATE_LIMIT_STORAGE": redis_url,
        "GONGKIT_ERASURE_POLL_SECONDS": "0.1",
        "GONGKIT_ERASURE_BATCH_SIZE": "1",
        "GONGKIT_ERASURE_BATCH_PAUSE_SECONDS": "0.1",
    }
    pair = [ServerProcess(pg_url, data, env=env, log_level="warning") for _ in range(2)]
    try:
        for server in pair:
            server.start()
        yield pair
    finally:
        for server in pair:
            server.stop()


def _get(server: ServerProcess, company: Company, path: str, **params: Any) -> httpx.Response:
    return httpx.get(server.url + path, params=params, headers=company.basic, timeout=30)


def _burst(servers: list[ServerProcess], company: Company) -> tuple[list[int], list[httpx.Response], float]:
    """Four requests in a row, alternating between the processes, from the start of a wall-clock second."""
    time.sleep(1.02 - time.time() % 1)
    started = time.monotonic()
    answers = [_get(servers[i % 2], company, "/v2/workspaces") for i in range(4)]
    return [a.status_code for a in answers], answers, time.monotonic() - started


@pytest.mark.parametrize("first", [0, 1])
def test_a_companys_rate_limit_is_shared_by_the_processes(
    servers: list[ServerProcess], db: Database, first: int
) -> None:
    order = servers[first:] + servers[:first]
    for _ in range(3):  # a busy machine may stretch the burst past a second: then try again with a fresh company
        company = make_company(db, "Throttled", rate_per_second=3)
        statuses, answers, took = _burst(order, company)
        if took < 0.9:
            break
    else:
        pytest.skip("the machine is too busy to send four requests within a second")
    assert statuses == [200, 200, 200, 429], (statuses, took)
    refused = answers[3]
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["errors"] == ["API request limit exceeded: too many requests per second"]


def test_a_cursor_from_one_process_pages_on_the_other(servers: list[ServerProcess], db: Database) -> None:
    company = make_company(db, "Pager", page_size=2)
    with db.write() as conn:
        made = sorted(str(f.make_call(conn, company.id).id) for _ in range(7))
    seen: list[str] = []
    cursor: str | None = None
    for page in range(4):
        params = {"cursor": cursor} if cursor else {}
        r = _get(servers[page % 2], company, "/v2/calls", **params)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["records"]["currentPageNumber"] == page
        assert body["records"]["totalRecords"] == 7
        seen += [c["id"] for c in body["calls"]]
        cursor = body["records"].get("cursor")
    assert cursor is None
    assert sorted(seen) == made


def test_a_media_link_from_one_process_downloads_on_the_other(servers: list[ServerProcess], db: Database) -> None:
    company = make_company(db, "Recorder")
    store = MediaStore(servers[0].data_dir / "media")
    with db.write() as conn:
        f.make_call(conn, company.id, media={"audio": b"ID3-shared"}, media_store=store)
    body = {"filter": {}, "contentSelector": {"exposedFields": {"media": True}}}
    r = httpx.post(servers[0].url + "/v2/calls/extensive", json=body, headers=company.basic, timeout=30)
    assert r.status_code == 200, r.text
    link = urlsplit(r.json()["calls"][0]["media"]["audioUrl"])
    download = httpx.get(servers[1].url + link.path, timeout=30)
    assert (download.status_code, download.content) == (200, b"ID3-shared")


def _erase(server: ServerProcess, company: Company, subject: str) -> str:
    r = httpx.post(
        server.url + "/v2/data-privacy/erase-data-for-email-address",
        params={"emailAddress": subject},
        headers=company.basic,
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return str(r.json()["requestId"])


def _finished(server: ServerProcess, company: Company, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 90
    while True:
        job = dict(_get(server, company, f"/admin/v1/erasures/{job_id}").json()["erasure"])
        if job["status"] in ("DONE", "FAILED"):
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.1)


def test_erasures_requested_on_each_process_run_exactly_once(servers: list[ServerProcess], db: Database) -> None:
    company = make_company(db, "Eraser")
    subjects = ["erase.me@northwind.example", "erase.me.too@globex.example"]
    with db.write() as conn:
        gone = [f.make_call(conn, company.id, parties=[{"email_address": s}]).id for s in subjects for _ in range(3)]
        kept = f.make_call(conn, company.id).id
    # One object per batch and a pause between batches: each job runs for a while, and the other process's
    # worker, polling every 0.1 s and woken by its own request, tries to run it meanwhile.
    jobs = [_erase(server, company, subject) for server, subject in zip(servers, subjects, strict=True)]
    for server, job_id in zip(reversed(servers), jobs, strict=True):
        assert _finished(server, company, job_id)["status"] == "DONE"
    time.sleep(0.5)  # both workers poll every 0.1 s: a second run would show by now
    with db.read() as conn:
        rows = conn.execute(
            select(erasure_jobs).where(erasure_jobs.c.company_id == company.id).order_by(erasure_jobs.c.requested_ms)
        ).all()
        left = {int(i) for (i,) in conn.execute(select(calls.c.id).where(calls.c.company_id == company.id))}
    assert [(row.id, row.status, row.attempts) for row in rows] == [(job_id, "DONE", 1) for job_id in jobs]
    for row in rows:
        assert row.counts["planned"]["calls"] == row.counts["deleted"]["calls"] == 3
    assert left == {kept}
    for server in servers:
        for call_id in gone:
            assert _get(server, company, f"/v2/calls/{call_id}").status_code == 404
        assert _get(server, company, f"/v2/calls/{kept}").status_code == 200


def _post_to_each_at_once(servers: list[ServerProcess], company: Company, body: dict[str, Any]) -> list[httpx.Response]:
    """The same ``POST /v2/calls`` sent to every process at the same moment (each on a connection made before)."""
    gate = threading.Barrier(len(servers))

    def post(server: ServerProcess) -> httpx.Response:
        with httpx.Client(headers=company.basic, timeout=30) as client:
            client.get(server.url + "/v2/workspaces")  # connected and authenticated before the race
            gate.wait()
            return client.post(server.url + "/v2/calls", json=body)

    with ThreadPoolExecutor(len(servers)) as pool:
        return list(pool.map(post, servers))


def test_one_client_unique_id_posted_to_both_at_once_makes_one_call(servers: list[ServerProcess], db: Database) -> None:
    company = make_company(db, "Dialer")
    with db.write() as conn:
        rep = f.make_user(conn, company.id, email_address="rep@acme.example")
    for attempt in range(5):
        body = {
            "clientUniqueId": f"pbx-{attempt}",
            "actualStart": "2024-06-01T12:00:00Z",
            "direction": "Outbound",
            "primaryUser": str(rep),
            "parties": [{"userId": str(rep)}, {"name": "Maya Levin", "emailAddress": "maya@northwind.example"}],
        }
        answers = _post_to_each_at_once(servers, company, body)
        assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
        winner = next(a for a in answers if a.status_code == 200).json()["callId"]
        loser = next(a for a in answers if a.status_code == 409).json()
        assert loser["errors"] == [f"A call with this clientUniqueId was already added: callId {winner}"]
    with db.read() as conn:
        count = conn.execute(select(func.count()).select_from(calls).where(calls.c.company_id == company.id))
        assert count.scalar_one() == 5
