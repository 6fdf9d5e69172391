"""Every writer of calls keeps the stored CallBasicData (``basic_json``) equal to what the columns render."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.rows import BASIC_COLUMNS, basic_data
from gongkit.db.schema import calls
from gongkit.demo import DemoSize, create_demo_company
from tests.conftest import Company
from tests.support.contract import ContractClient
from tests.support.media import sample


def assert_stored_json_is_current(db: Database) -> int:
    with db.read() as conn:
        rows = conn.execute(select(*BASIC_COLUMNS, calls.c.basic_json)).all()
    for row in rows:
        assert row.basic_json is not None
        assert orjson.loads(row.basic_json) == basic_data(row)
    return len(rows)


def test_demo_calls_store_their_basic_json(db: Database) -> None:
    create_demo_company(db, seed=2, size=DemoSize(calls=20))
    assert assert_stored_json_is_current(db) == 20


def test_added_call_and_its_recording_keep_basic_json_current(
    client: ContractClient, db: Database, company: Company
) -> None:
    from tests.support.factories import make_user

    with db.write() as conn:
        user = make_user(conn, company.id)
    user_id = str(getattr(user, "id", user))
    body: dict[str, Any] = {
        "clientUniqueId": "pbx-1",
        "actualStart": "2025-03-01T10:00:00Z",
        "direction": "Outbound",
        "primaryUser": user_id,
        "parties": [{"userId": user_id}, {"phoneNumber": "+1 425 555 0100", "name": "Pat"}],
        "title": "Renewal",
    }
    r = client.post("/v2/calls", json=body, headers=company.basic)
    assert r.status_code == 200, r.text
    call_id = r.json()["callId"]
    r = client.put(
        f"/v2/calls/{call_id}/media",
        files={"mediaFile": ("call.mp3", sample("tone.mp3"), "audio/mpeg")},
        headers=company.basic,
    )
    assert r.status_code == 201, r.text
    assert assert_stored_json_is_current(db) == 1
    listed = client.get("/v2/calls", params={"fromDateTime": "2025-01-01T00:00:00Z"}, headers=company.basic).json()
    assert listed["calls"][0]["media"] == "Audio"
    assert listed["calls"][0] == client.get(f"/v2/calls/{call_id}", headers=company.basic).json()["call"]
