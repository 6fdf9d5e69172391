"""Auditing logs: what the server records (API access, media-link plays), paging, errors."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import insert, select

from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.db.schema import audit_logs
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.media_links import media_url_signer
from gongkit.server.groups.logs.recorder import FLUSH_SECONDS, MAX_RETRY_SECONDS, LogRecorder
from gongkit.server.groups.logs.routes import RECORDER
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error, page_through, set_page_size
from tests.support.contract import ContractClient

FROM = "2000-01-01T00:00:00Z"


def _flush(client: ContractClient) -> None:
    recorder = client.app.state.gong.extras[RECORDER]  # type: ignore[attr-defined]
    assert isinstance(recorder, LogRecorder)
    recorder.flush()


def _logs(client: ContractClient, company: Company, log_type: str, **params: str) -> Any:
    return client.get("/v2/logs", params={"logType": log_type, "fromDateTime": FROM, **params}, headers=company.basic)


def test_api_access_is_recorded_by_credential(client: ContractClient, db: Database, company: Company) -> None:
    client.get("/v2/workspaces", headers=company.basic)
    client.get("/v2/users/123", headers=company.basic)
    other = make_company(db, "Other")
    client.get("/v2/workspaces", headers=other.basic)
    _flush(client)
    r = _logs(client, company, "AccessLog")
    assert r.status_code == 200, r.text
    entries = r.json()["logEntries"]
    records = [e["logRecord"] for e in entries]
    assert [(x["operationId"], x["path"], x["status"]) for x in records] == [
        ("listWorkspaces", "/v2/workspaces", 200),
        ("getUser", "/v2/users/{id}", 404),
    ]
    assert {x["credential"] for x in records} == {company.access_key}
    assert all(x["credentialType"] == "basic" and x["method"] == "GET" for x in records)
    assert entries[0]["userId"] is None and entries[0]["impersonatorUserId"] is None


def test_media_link_play_is_recorded(
    client: ContractClient, settings: ServerSettings, company: Company, seed: Seed
) -> None:
    made = seed(f.make_call, company.id, media={"audio": b"RIFF0000WAVE"}, media_store=MediaStore(settings.media_dir))
    state = client.app.state.gong  # type: ignore[attr-defined]
    url = media_url_signer(state.secret, "http://testserver", company.id, state.clock.now_ms())(made.media_ids[0])
    assert client.get(url.removeprefix("http://testserver")).status_code == 200
    _flush(client)
    r = _logs(client, company, "UserCallPlay")
    assert r.status_code == 200, r.text
    (entry,) = r.json()["logEntries"]
    assert entry["logRecord"] == {"callId": str(made.id), "mediaType": "audio", "via": "mediaLink"}


def test_user_details_are_joined_not_stored(client: ContractClient, company: Company, seed: Seed) -> None:
    user = seed(f.make_user, company.id, first_name="Ada", last_name="Byron")
    seed(
        lambda conn: conn.execute(
            insert(audit_logs).values(
                company_id=company.id,
                log_type="UserActivityLog",
                event_ms=1_709_305_200_000,
                user_id=user,
                record={"activity": "Login"},
            )
        )
    )
    r = _logs(client, company, "UserActivityLog")
    (entry,) = r.json()["logEntries"]
    assert entry["userId"] == str(user) and entry["userFullName"] == "Ada Byron" and "@" in entry["userEmailAddress"]
    assert entry["eventTime"] == "2024-03-01T15:00:00Z" and entry["logRecord"] == {"activity": "Login"}


def test_paging_and_range(client: ContractClient, db: Database, company: Company, seed: Seed) -> None:
    rows = [
        {
            "company_id": company.id,
            "log_type": "ExternallySharedCallPlay",
            "event_ms": 1_709_305_200_000 + k * 1000,
            "user_id": None,
            "record": {"n": k},
        }
        for k in range(5)
    ]
    seed(lambda conn: conn.execute(insert(audit_logs), rows))
    set_page_size(client, db, company, 2)
    params = {"logType": "ExternallySharedCallPlay", "fromDateTime": FROM}
    pages = page_through(client, "GET", "/v2/logs", company.basic, params=params)
    assert [e["logRecord"]["n"] for p in pages for e in p["logEntries"]] == [0, 1, 2, 3, 4]
    r = _logs(
        client,
        company,
        "ExternallySharedCallPlay",
        fromDateTime="2024-03-01T15:00:01Z",
        toDateTime="2024-03-01T15:00:03Z",
    )
    assert [e["logRecord"]["n"] for e in r.json()["logEntries"]] == [1, 2]


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        (
            {"logType": "Nope", "fromDateTime": FROM},
            400,
            "logType: 'Nope' is not one of AccessLog, UserActivityLog, UserCallPlay, ExternallySharedCallAccess, ExternallySharedCallPlay",
        ),
        ({"fromDateTime": FROM}, 400, "logType: is required"),
        ({"logType": "AccessLog"}, 400, "fromDateTime: is required"),
        (
            {"logType": "AccessLog", "fromDateTime": FROM, "toDateTime": FROM},
            400,
            "toDateTime: must be later than fromDateTime",
        ),
        (
            {"logType": "ExternallySharedCallAccess", "fromDateTime": FROM},
            404,
            "No logs found for the specified period",
        ),
    ],
)
def test_errors(client: ContractClient, company: Company, params: dict[str, str], status: int, message: str) -> None:
    assert_error(client.get("/v2/logs", params=params, headers=company.basic), status, message)


def test_recorder_keeps_rows_the_store_refused(db: Database, company: Company) -> None:
    recorder = LogRecorder(db)
    recorder.record(company.id, "AccessLog", 1, None, {"a": 1})
    recorder.record(10**18, "AccessLog", 2, None, {"a": 2})  # no such company: the batch is refused
    assert recorder.flush() == 0
    assert recorder.flush() == 0  # still buffered, still refused
    # A store that keeps refusing is asked less and less often, up to MAX_RETRY_SECONDS between flushes.
    waits = []
    for _ in range(8):
        waits.append(recorder._next_wait())
        recorder.flush()
    assert waits == pytest.approx([0.4, 0.8, 1.6, 3.2, 5.0, 5.0, 5.0, 5.0])
    assert recorder._next_wait() == MAX_RETRY_SECONDS


def test_recorder_writes_every_row_once_the_store_takes_them(db: Database, company: Company) -> None:
    recorder = LogRecorder(db)
    for i in range(250):
        recorder.record(company.id, "AccessLog", 1_700_000_000_000 + i, None, {"requestId": f"r{i}", "status": 200})
    assert recorder.flush() == 250
    assert recorder._next_wait() == FLUSH_SECONDS
    with db.read() as conn:
        rows = conn.execute(
            select(audit_logs.c.event_ms, audit_logs.c.record)
            .where(audit_logs.c.company_id == company.id)
            .order_by(audit_logs.c.event_ms)
        ).all()
    assert [(r.event_ms, r.record) for r in rows] == [
        (1_700_000_000_000 + i, {"requestId": f"r{i}", "status": 200}) for i in range(250)
    ]
