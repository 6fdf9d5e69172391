"""Keyword tracker definitions: GET /v2/settings/trackers (listTrackers), the SDK (sync and async), the seed
action and the seed-004 tool, against the server."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from gongkit import NotFoundError
from gongkit import control as admin
from gongkit.actions import run
from gongkit.db import Database
from gongkit.demo import DemoSize, create_demo_company
from gongkit.demo.dialogue import TRACKERS
from gongkit.sdk import AsyncGong, Gong
from gongkit.types import KeywordTracker
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error
from tests.support.contract import ContractClient

T0 = 1_717_236_000_000  # 2024-06-01T10:00:00Z
T0_ISO = "2024-06-01T10:00:00Z"


def test_whole_body_by_name_and_by_workspace(
    client: ContractClient, company: Company, seed: Seed, db: Database
) -> None:
    r = client.get("/v2/settings/trackers", headers=company.basic)
    assert r.json() == {"requestId": r.headers["x-request-id"], "keywordTrackers": []}
    sales = seed(f.make_workspace, company.id, "Sales")
    support = seed(f.make_workspace, company.id, "Support")
    user = seed(f.make_user, company.id)
    competitors = seed(
        f.make_tracker,
        company.id,
        "Competitors",
        {"mul": ["Roboflex"], "deu": ["Wettbewerber"]},
        related_forms=True,
        workspace_id=sales,
        affiliation="NonCompany",
        part_of_question=True,
        said_at="First",
        said_at_interval=5,
        said_at_unit="minutes",
        said_in_topics=["Pricing"],
        filter_query='{"type":"And","filters":[{"type":"CallDirection","terms":["OUTBOUND"]}]}',
        created_ms=T0,
        creator_user_id=user,
        updated_ms=T0 + 1500,
        updater_user_id=user,
    )
    budget = seed(f.make_tracker, company.id, "Budget", ["budget"], created_ms=T0)  # every workspace
    refunds = seed(f.make_tracker, company.id, "Refunds", ["refund"], workspace_id=support, created_ms=T0)
    theirs = make_company(db, "Other")
    seed(f.make_tracker, theirs.id, "Theirs", ["x"], workspace_id=seed(f.make_workspace, theirs.id, "Theirs"))

    def plain(tid: int, name: str, word: str, ws: int | None) -> dict[str, object]:
        return {
            "trackerId": str(tid),
            "trackerName": name,
            "workspaceId": None if ws is None else str(ws),
            "languageKeywords": [{"language": "eng", "keywords": [word], "includeRelatedForms": False}],
            "affiliation": "Anyone",
            "partOfQuestion": False,
            "saidAt": "Anytime",
            "saidAtInterval": None,
            "saidAtUnit": None,
            "saidInTopics": [],
            "filterQuery": None,
            "created": T0_ISO,
            "creatorUserId": None,
            "updated": T0_ISO,
            "updaterUserId": None,
        }

    rich = {
        "trackerId": str(competitors),
        "trackerName": "Competitors",
        "workspaceId": str(sales),
        "languageKeywords": [
            {"language": "mul", "keywords": ["Roboflex"], "includeRelatedForms": True},
            {"language": "deu", "keywords": ["Wettbewerber"], "includeRelatedForms": True},
        ],
        "affiliation": "NonCompany",
        "partOfQuestion": True,
        "saidAt": "First",
        "saidAtInterval": 5,
        "saidAtUnit": "minutes",
        "saidInTopics": ["Pricing"],
        "filterQuery": '{"type":"And","filters":[{"type":"CallDirection","terms":["OUTBOUND"]}]}',
        "created": T0_ISO,
        "creatorUserId": str(user),
        "updated": "2024-06-01T10:00:01.500Z",
        "updaterUserId": str(user),
    }
    r = client.get("/v2/settings/trackers", headers=company.basic)
    assert r.status_code == 200
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "keywordTrackers": [
            plain(budget, "Budget", "budget", None),
            rich,
            plain(refunds, "Refunds", "refund", support),
        ],
    }
    r = client.get("/v2/settings/trackers", params={"workspaceId": str(sales)}, headers=company.basic)
    assert [t["trackerName"] for t in r.json()["keywordTrackers"]] == ["Budget", "Competitors"]
    r = client.get("/v2/settings/trackers", params={"workspaceId": str(support)}, headers=company.basic)
    assert [t["trackerName"] for t in r.json()["keywordTrackers"]] == ["Budget", "Refunds"]


def test_unknown_or_foreign_workspace_is_404_and_a_bad_id_400(
    client: ContractClient, company: Company, seed: Seed, db: Database
) -> None:
    theirs = make_company(db, "Other")
    foreign = seed(f.make_workspace, theirs.id, "Theirs")
    for ws in ("123", str(foreign)):
        r = client.get("/v2/settings/trackers", params={"workspaceId": ws}, headers=company.basic)
        assert_error(r, 404, f"workspaceId: workspace '{ws}' was not found")
    r = client.get("/v2/settings/trackers", params={"workspaceId": "abc"}, headers=company.basic)
    assert_error(r, 400, "workspaceId: 'abc' is not a valid id (a numeric string of up to 20 digits)")


def test_sdk_sync_and_async(client: ContractClient, company: Company, seed: Seed) -> None:
    ws = seed(f.make_workspace, company.id, "Sales")
    tid = seed(f.make_tracker, company.id, "Pricing", ["price"], workspace_id=ws, related_forms=True)
    gong = Gong(company.access_key, company.secret, base_url="http://testserver", http_client=client, pace=None)
    [tracker] = gong.settings.trackers()
    assert isinstance(tracker, KeywordTracker)
    assert (tracker.trackerId, tracker.workspaceId, tracker.languageKeywords[0].keywords) == (
        str(tid),
        str(ws),
        ["price"],
    )
    assert tracker.languageKeywords[0].includeRelatedForms is True
    assert [t.trackerId for t in gong.settings.trackers(workspace_id=str(ws))] == [str(tid)]
    with pytest.raises(NotFoundError):
        gong.settings.trackers(workspace_id="42")

    async def main() -> list[KeywordTracker]:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=client.app), base_url="http://testserver")
        async with (
            http,
            AsyncGong(
                company.access_key, company.secret, base_url="http://testserver", http_client=http, pace=None
            ) as agong,
        ):
            with pytest.raises(NotFoundError):
                await agong.settings.trackers(workspace_id="42")
            return await agong.settings.trackers(workspace_id=str(ws))

    assert [t.trackerId for t in asyncio.run(main())] == [str(tid)]


def test_the_action_and_the_tool_over_the_demo(client: ContractClient, db: Database) -> None:
    size = DemoSize(calls=8, users=4, workspaces=2, accounts=3, contacts_per_account=1, leads=3, emails=9, meetings=6)
    summary = create_demo_company(db, seed=3, size=size)
    with db.write() as conn:
        admin.update_company(conn, summary.company_id, rate_per_second=100_000, rate_per_day=10_000_000)
    gong = Gong(summary.access_key, summary.secret, base_url="http://testserver", http_client=client, pace=None)
    creds = {"accessKey": summary.access_key, "accessKeySecret": summary.secret}

    out = run("GONG_RETRIEVE_TRACKER_DETAILS_V2_SETTINGS_TRACKERS", {}, client=gong)
    assert out["successful"] and out["error"] is None, out
    every = out["data"]["keywordTrackers"]
    assert len(every) == 2 * len(TRACKERS)  # each workspace has the demo's trackers
    workspace = every[0]["workspaceId"]
    out = run("GONG_RETRIEVE_TRACKER_DETAILS_V2_SETTINGS_TRACKERS", {"workspaceId": workspace}, client=gong)
    assert {t["workspaceId"] for t in out["data"]["keywordTrackers"]} == {workspace}

    tool = run(
        "gong_retrieve_smart_tracker_and_keyword_tracker_definitions", {**creds, "workspaceId": workspace}, client=gong
    )
    assert tool["successful"], tool
    assert set(tool["data"]) == {"trackers"}
    assert tool["data"]["trackers"] == out["data"]["keywordTrackers"]
    assert {t["trackerName"] for t in tool["data"]["trackers"]} == {name for name, *_ in TRACKERS}
