"""The activity groups through the SDK (sync and async) and through each seed action and tool, against the server."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from gongkit import AsyncGong, Gong
from gongkit.actions import run
from tests.conftest import Company, Seed
from tests.stats.builders import Scenario, scenario
from tests.support.contract import ContractClient

FROM, TO = "2024-03-04", "2024-03-11"


@pytest.fixture
def gong(client: ContractClient, company: Company) -> Gong:
    return Gong(
        company.access_key, company.secret, base_url="http://testserver", http_client=client, pace=None, max_retries=0
    )


def _run(gong: Gong, name: str, inputs: dict[str, Any]) -> Any:
    out = run(name, inputs, client=gong)
    assert out["successful"], out["error"]
    return out["data"]


def test_sdk_sync(gong: Gong, seed: Seed, company: Company) -> None:
    s: Scenario = seed(scenario, company.id)
    assert {u.userId for u in gong.stats.aggregate(FROM, TO)} == {str(s.manager), str(s.rep), str(s.peer)}
    by_week = list(gong.stats.aggregate_by_period("WEEK", FROM, TO, user_ids=[s.rep]))
    assert by_week[0].userAggregateActivity[0].callsAsHost == 1
    days = list(gong.stats.day_by_day(FROM, TO, user_ids=[s.rep]))
    assert days[0].userDailyActivityStats[0].callsAsHost == [str(s.call1)]
    assert {u.userId for u in gong.stats.interaction(FROM, TO)} == {str(s.rep), str(s.peer)}
    assert [a.answeredScorecardId for a in gong.stats.answered_scorecards()] == [s.answer]
    assert [c.scorecardId for c in gong.settings.scorecards()] == [s.scorecard]
    (data,) = gong.coaching.metrics(s.workspace, s.manager, "2024-03-01T00:00:00Z", "2024-03-15T00:00:00Z")
    assert data.manager.id == str(s.manager) and len(data.directReportsMetrics) == 2
    assert list(gong.logs.list("ExternallySharedCallPlay", "2000-01-01T00:00:00Z")) == []  # Gong's 404: empty


def test_sdk_async(client: ContractClient, company: Company, seed: Seed) -> None:
    s: Scenario = seed(scenario, company.id)

    async def go() -> None:
        transport = httpx.ASGITransport(app=client.app)
        async with AsyncGong(
            company.access_key,
            company.secret,
            base_url="http://testserver",
            http_client=httpx.AsyncClient(transport=transport),
            pace=None,
            max_retries=0,
        ) as gong:
            users = [u.userId async for u in gong.stats.aggregate(FROM, TO)]
            assert sorted(users) == sorted([str(s.manager), str(s.rep), str(s.peer)])
            assert [a.scorecardId async for a in gong.stats.answered_scorecards()] == [s.scorecard]
            assert [c.scorecardName for c in await gong.settings.scorecards()] == ["Discovery"]
            coached = await gong.coaching.metrics(
                s.workspace, s.manager, "2024-03-01T00:00:00Z", "2024-03-15T00:00:00Z"
            )
            assert coached[0].directReportsMetrics[0].metrics["callsHosted"]
            assert [e async for e in gong.logs.list("UserActivityLog", "2000-01-01T00:00:00Z")] == []

    asyncio.run(go())


def test_seed_actions_and_tools(gong: Gong, client: ContractClient, company: Company, seed: Seed) -> None:
    s: Scenario = seed(scenario, company.id)
    creds = {"accessKey": company.access_key, "accessKeySecret": company.secret}
    dates = {"filter__fromDate": FROM, "filter__toDate": TO}
    assert len(_run(gong, "GONG_AGGREGATE_USER_ACTIVITY_STATISTICS", dates)["usersAggregateActivityStats"]) == 3
    by = _run(gong, "GONG_AGGREGATE_ACTIVITY_BY_PERIOD_VIA_API", {**dates, "aggregationPeriod": "MONTH"})
    assert len(by["usersAggregateActivity"]) == 3
    assert len(_run(gong, "GONG_POST_DAY_BY_DAY_ACTIVITY_STATS", dates)["usersDetailedActivities"]) == 3
    assert len(_run(gong, "GONG_POST_INTERACTION_FILTER_STATS", dates)["peopleInteractionStats"]) == 2
    answered = _run(gong, "GONG_CREATE_ACTIVITY_SCORECARDS_REPORT", {"filter__reviewMethod": "BOTH"})
    assert [a["answeredScorecardId"] for a in answered["answeredScorecards"]] == [s.answer]
    assert (
        _run(gong, "GONG_RETRIEVE_SCORECARDS_DETAILS_V2_SETTINGS_SCORECARDS", {})["scorecards"][0]["scorecardId"]
        == s.scorecard
    )
    coaching = _run(
        gong,
        "GONG_LIST_ALL_COACHING_METRICS_V2_COACHING",
        {
            "workspace__id": s.workspace,
            "manager__id": s.manager,
            "from": "2024-03-01T00:00:00Z",
            "to": "2024-03-15T00:00:00Z",
        },
    )
    assert coaching["coachingData"][0]["manager"]["id"] == str(s.manager)
    client.get("/v2/workspaces", headers=company.basic)
    client.app.state.gong.extras["logs.recorder"].flush()  # type: ignore[attr-defined]
    logs = _run(
        gong,
        "GONG_RETRIEVE_LOGS_DATA_BY_TYPE_AND_TIME_RANGE_V2_LOGS",
        {"logType": "AccessLog", "fromDateTime": "2000-01-01T00:00:00Z"},
    )
    operations = [e["logRecord"]["operationId"] for e in logs["logEntries"]]
    assert operations[0] == "listMultipleUsersAggregateActivity" and operations[-1] == "listWorkspaces"

    tool = _run(
        gong,
        "gong_retrieve_aggregated_activity_statistics",
        {**creds, "fromDate": FROM, "toDate": TO, "userIds": str(s.rep)},
    )
    assert [u["userId"] for u in tool["usersActivity"]] == [str(s.rep)] and tool["usersActivity"][0]["callsAsHost"] == 1
    tool = _run(gong, "gong_retrieve_answered_scorecards", {**creds, "reviewedUserIds": str(s.rep)})
    assert [a["answeredScorecardId"] for a in tool["answeredScorecards"]] == [s.answer]
    tool = _run(gong, "gong_retrieve_interaction_statistics", {**creds, "fromDate": FROM, "toDate": TO})
    assert len(tool["peopleInteractionStats"]) == 2 and tool["timeZone"] == "UTC"
    tool = _run(
        gong,
        "gong_retrieve_coaching_metrics_for_a_manager",
        {
            **creds,
            "managerId": str(s.manager),
            "workspaceId": str(s.workspace),
            "fromDate": "2024-03-01T00:00:00Z",
            "toDate": "2024-03-15T00:00:00Z",
        },
    )
    assert tool["coachingData"][0]["manager"]["id"] == str(s.manager)
    tool = _run(gong, "gong_retrieve_scorecard_definitions", creds)
    assert [c["scorecardId"] for c in tool["scorecards"]] == [s.scorecard]
