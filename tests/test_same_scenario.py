"""One end-to-end scenario, run in-process and against a real server process, on both storage engines.

The scenario is what any Gong client does after changing only its base URL: list users and workspaces, page
through calls, fetch one call, its extensive data and its transcript, and meet Gong's errors. Each answer is
checked against the official contract on both paths.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from gongkit import Gong
from gongkit.db import Database
from gongkit.demo import DemoSize, DemoSummary, create_demo_company
from gongkit.kernel.config import ServerSettings
from tests.conftest import Company
from tests.support.contract import check_response
from tests.support.server_process import ServerProcess

SIZE = DemoSize(calls=30, users=6, accounts=4, contacts_per_account=2, leads=4, emails=10, meetings=6)


@pytest.fixture
def demo(db: Database, settings: ServerSettings) -> DemoSummary:
    return create_demo_company(db, seed=3, size=SIZE, rate_per_second=1000, rate_per_day=1_000_000)


def _checked(response: httpx.Response) -> None:
    response.read()
    if response.request.url.path.startswith("/v2"):
        check_response(response.request.method, response.request.url.path, response.status_code, response.content)


def scenario(http: Any, headers: dict[str, str]) -> dict[str, Any]:
    """Runs the scenario; returns what it saw, for comparison between the two paths."""
    seen: dict[str, Any] = {}
    r = http.get("/v2/users", headers=headers)
    assert r.status_code == 200, r.text
    seen["users"] = sorted(u["id"] for u in r.json()["users"])
    r = http.get("/v2/workspaces", headers=headers)
    assert r.status_code == 200
    seen["workspaces"] = sorted(w["name"] for w in r.json()["workspaces"])

    ids: list[str] = []
    cursor = None
    window = {"fromDateTime": "2020-01-01T00:00:00Z", "toDateTime": "2030-01-01T00:00:00+00:00"}
    while True:
        r = http.get("/v2/calls", params={**window, **({"cursor": cursor} if cursor else {})}, headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        ids += [c["id"] for c in body["calls"]]
        cursor = body["records"].get("cursor")
        if cursor is None:
            assert len(ids) == body["records"]["totalRecords"]
            break
    assert len(ids) == len(set(ids)) == SIZE.calls
    seen["calls"] = ids

    call_id = ids[0]
    r = http.get(f"/v2/calls/{call_id}", headers=headers)
    assert r.status_code == 200 and r.json()["call"]["id"] == call_id
    seen["call"] = r.json()["call"]

    selector = {"context": "Extended", "exposedFields": {"parties": True, "content": {"topics": True}}}
    r = http.post(
        "/v2/calls/extensive",
        json={"filter": {"callIds": [call_id]}, "contentSelector": selector},
        headers=headers,
    )
    assert r.status_code == 200, r.text
    extensive = r.json()["calls"][0]
    assert extensive["metaData"] == seen["call"]
    assert extensive["parties"]
    seen["extensive"] = extensive

    r = http.post("/v2/calls/transcript", json={"filter": {"callIds": ids}}, headers=headers)
    assert r.status_code == 200, r.text
    transcripts = r.json()["callTranscripts"]
    assert transcripts and all(t["transcript"] for t in transcripts)
    speakers = {p["speakerId"] for p in extensive["parties"] if "speakerId" in p}
    first = next((t for t in transcripts if t["callId"] == call_id), None)
    if first is not None:
        assert {m["speakerId"] for m in first["transcript"]} <= speakers
    seen["transcripts"] = sorted(t["callId"] for t in transcripts)

    r = http.get("/v2/calls/123", headers=headers)
    assert r.status_code == 404
    assert r.json() == {"requestId": r.headers["x-request-id"], "errors": ["Call ID was not found"]}
    r = http.get("/v2/calls", params={"fromDateTime": "yesterday"}, headers=headers)
    assert r.status_code == 400 and r.json()["errors"][0].startswith("fromDateTime: ")
    r = http.get("/v2/calls", params={**window, "cursor": "forged"}, headers=headers)
    assert r.status_code == 400
    assert r.json() == {"requestId": r.headers["x-request-id"], "errors": ["Invalid cursor"]}
    return seen


def test_the_scenario_gives_the_same_answers_in_process_and_in_a_real_server(
    client: Any, db: Database, settings: ServerSettings, demo: DemoSummary, tmp_path: Path
) -> None:
    headers = Company(demo.company_id, demo.access_key, demo.secret).basic
    in_process = scenario(client, headers)
    with (
        ServerProcess(settings.database_url, tmp_path / "process") as server,
        httpx.Client(base_url=server.url, event_hooks={"response": [_checked]}, timeout=30) as http,
    ):
        over_http = scenario(http, headers)
        with Gong(demo.access_key, demo.secret, base_url=server.url, pace=None) as gong:
            assert sorted(c.id for c in gong.calls.list(from_date_time="2020-01-01T00:00:00Z")) == sorted(
                over_http["calls"]
            )
            assert sorted(u.id for u in gong.users.list()) == over_http["users"]
    assert over_http == in_process
