"""The actions and tools against the in-process server (every answer checked against Gong's contract), on
SQLite and PostgreSQL, over a small generated demo company."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from gongkit import control as admin
from gongkit.actions import run
from gongkit.db import Database
from gongkit.demo import DemoSize, create_demo_company
from gongkit.kernel.config import ServerSettings
from gongkit.sdk import Gong
from tests.support.contract import ContractClient

SMALL = DemoSize(
    calls=8,
    users=4,
    workspaces=1,
    accounts=3,
    contacts_per_account=1,
    leads=3,
    emails=9,
    meetings=6,
    engagement_events=9,
)
EVER = {"fromDateTime": "2000-01-01T00:00:00Z", "toDateTime": "2100-01-01T00:00:00Z"}


@dataclass
class Demo:
    gong: Gong
    key: str
    secret: str
    company_id: int

    @property
    def creds(self) -> dict[str, str]:
        return {"accessKey": self.key, "accessKeySecret": self.secret}

    def run(self, name: str, inputs: dict[str, Any] | None = None) -> Any:
        out = run(name, inputs or {}, client=self.gong)
        assert set(out) == {"data", "error", "successful"}
        assert out["successful"], out["error"]
        assert out["error"] is None
        return out["data"]


@pytest.fixture
def demo(settings: ServerSettings, db: Database, client: ContractClient) -> Iterator[Demo]:
    summary = create_demo_company(db, seed=3, size=SMALL, media_dir=settings.media_dir)
    with db.write() as conn:
        admin.update_company(conn, summary.company_id, rate_per_second=100_000, rate_per_day=10_000_000)
    gong = Gong(
        summary.access_key, summary.secret, base_url="http://testserver", http_client=client, pace=None, max_retries=0
    )
    yield Demo(gong, summary.access_key, summary.secret, summary.company_id)


def test_users(demo: Demo) -> None:
    data = demo.run("GONG_LIST_ALL_USERS_V2_USERS")
    users = data["users"]
    assert users and data["records"]["totalRecords"] == len(users)
    uid = users[0]["id"]
    assert demo.run("GONG_RETRIEVE_USER_V2_USERS_ID", {"id": uid})["user"]["id"] == uid
    history = demo.run("GONG_RETRIEVE_USER_SETTINGS_HISTORY", {"id": uid})
    assert "userSettingsHistory" in history
    chosen = demo.run("GONG_LIST_USERS_BY_FILTER_V2_USERS_EXTENSIVE", {"filter__userIds": [uid]})
    assert [u["id"] for u in chosen["users"]] == [uid]
    tool = demo.run("gong_list_all_users", demo.creds)
    assert [u["id"] for u in tool["users"]] == [u["id"] for u in users]
    assert set(tool) <= {"users", "cursor", "totalRecords", "currentPageSize", "currentPageNumber"}
    assert tool["totalRecords"] == len(users)
    one = demo.run("gong_retrieve_details_for_a_specific_user", {**demo.creds, "userId": uid})
    assert one["id"] == uid and "user" not in one and "requestId" not in one


def test_workspaces(demo: Demo) -> None:
    data = demo.run("GONG_LIST_ALL_COMPANY_WORKSPACES_V2_WORKSPACES")
    assert data["workspaces"]
    assert demo.run("gong_list_all_company_workspaces", demo.creds) == {"workspaces": data["workspaces"]}


def test_calls(demo: Demo) -> None:
    listed = demo.run("GONG_RETRIEVE_CALL_DATA_BY_DATE_RANGE_V2_CALLS", EVER)
    calls = listed["calls"]
    assert len(calls) == 8
    call_id = calls[0]["id"]
    assert demo.run("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID", {"id": call_id})["call"]["id"] == call_id
    extensive = demo.run(
        "GONG_RETRIEVE_FILTERED_CALL_DETAILS",
        {
            "filter__callIds": [call_id],
            "contentSelector__exposedFields__parties": True,
            "contentSelector__exposedFields__content__topics": True,
        },
    )
    [detail] = extensive["calls"]
    assert detail["metaData"]["id"] == call_id and detail["parties"]
    transcripts = demo.run("GONG_RETRIEVE_TRANSCRIPTS_OF_CALLS_V2_CALLS_TRANSCRIPT", {"filter__callIds": [call_id]})
    assert [t["callId"] for t in transcripts["callTranscripts"]] == [call_id]

    tool = demo.run("gong_retrieve_call_data_by_date_range", {**demo.creds, "fromDateTime": EVER["fromDateTime"]})
    assert [c["id"] for c in tool["calls"]] == [c["id"] for c in calls]
    assert set(tool) <= {"calls", "cursor", "totalRecords"}
    one = demo.run("gong_retrieve_detailed_data_for_a_specific_call", {**demo.creds, "callId": call_id})
    assert one["id"] == call_id and "call" not in one
    ids = ",".join(c["id"] for c in calls[:2])
    detailed = demo.run("gong_retrieve_detailed_call_data", {**demo.creds, "callIds": ids})
    assert sorted(c["metaData"]["id"] for c in detailed["calls"]) == sorted(ids.split(","))
    spoken = demo.run("gong_retrieve_transcripts_of_calls", {**demo.creds, "callIds": f" {call_id} "})
    assert [t["callId"] for t in spoken["callTranscripts"]] == [call_id]


def test_paging_with_the_cursor_input(demo: Demo, db: Database) -> None:
    with db.write() as conn:
        admin.update_company(conn, demo.company_id, page_size=3)
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(10):
        inputs = {**EVER, **({"cursor": cursor} if cursor else {})}
        page = demo.run("GONG_RETRIEVE_CALL_DATA_BY_DATE_RANGE_V2_CALLS", inputs)
        seen += [c["id"] for c in page["calls"]]
        cursor = page["records"].get("cursor")
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 8
    # a POST list: the cursor goes beside the filter, at the top level of the body
    first = demo.run("GONG_RETRIEVE_FILTERED_CALL_DETAILS", {"filter__fromDateTime": EVER["fromDateTime"]})
    second = demo.run(
        "GONG_RETRIEVE_FILTERED_CALL_DETAILS",
        {"filter__fromDateTime": EVER["fromDateTime"], "cursor": first["records"]["cursor"]},
    )
    assert not {c["metaData"]["id"] for c in first["calls"]} & {c["metaData"]["id"] for c in second["calls"]}
    tool = demo.run("gong_retrieve_call_data_by_date_range", {**demo.creds, "fromDateTime": EVER["fromDateTime"]})
    assert tool["cursor"] and len(tool["calls"]) == 3


def test_failures_come_back_in_the_envelope(demo: Demo) -> None:
    missing = run("GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID", {"id": "123"}, client=demo.gong)
    assert missing["successful"] is False and missing["data"]["status"] == 404
    assert missing["data"]["requestId"]
    wrong = run("gong_list_all_users", {"accessKey": demo.key, "accessKeySecret": "nope"}, client=demo.gong)
    assert wrong["successful"] is False and wrong["data"]["status"] in (401, 403)
