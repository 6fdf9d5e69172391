"""The demo company's activity: every activity operation has data, and the figures agree with each other."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from gongkit.db import Database
from gongkit.db import schema as s
from gongkit.demo import DemoSize, create_demo_company
from tests.conftest import Company
from tests.stats.test_activity import ZERO
from tests.support.api import page_through
from tests.support.contract import ContractClient

SIZE = DemoSize(calls=60, users=8, workspaces=1, accounts=3, contacts_per_account=1, leads=4, emails=9, meetings=6)
RANGE = {"fromDate": "2025-05-01", "toDate": "2026-11-01"}


def _all(client: ContractClient, company: Company, path: str, key: str, body: dict[str, Any]) -> list[Any]:
    pages = page_through(client, "POST", path, company.basic, body=body)
    return [item for page in pages for item in page[key]]


def test_demo_activity_is_consistent(client: ContractClient, db: Database) -> None:
    made = create_demo_company(db, seed=5, size=SIZE, rate_per_second=100_000, rate_per_day=10_000_000)
    company = Company(made.company_id, made.access_key, made.secret)
    assert made.counts["answered_scorecards"] > 0 and made.counts["activity_events"] > 0

    flt = {"filter": RANGE}
    total = {
        u["userId"]: u["userAggregateActivityStats"]
        for u in _all(client, company, "/v2/stats/activity/aggregate", "usersAggregateActivityStats", flt)
    }
    assert total and any(t["othersCallsListenedTo"] for t in total.values())
    days = _all(client, company, "/v2/stats/activity/day-by-day", "usersDetailedActivities", flt)
    assert {u["userId"]: {k: sum(len(d[k]) for d in u["userDailyActivityStats"]) for k in ZERO} for u in days} == total
    for period in ("WEEK", "QUARTER"):
        body = {**flt, "aggregationPeriod": period}
        periods = _all(client, company, "/v2/stats/activity/aggregate-by-period", "usersAggregateActivity", body)
        sums = {u["userId"]: {k: sum(p[k] for p in u["userAggregateActivity"]) for k in ZERO} for u in periods}
        assert sums == total
    answered = _all(
        client, company, "/v2/stats/activity/scorecards", "answeredScorecards", {"filter": {"reviewMethod": "BOTH"}}
    )
    assert {a["reviewMethod"] for a in answered} == {"MANUAL", "AUTOMATIC"}
    assert client.get("/v2/settings/scorecards", headers=company.basic).json()["scorecards"]
    assert _all(client, company, "/v2/stats/interaction", "peopleInteractionStats", flt)

    with db.read() as conn:
        manager = conn.execute(
            select(s.users.c.manager_id).where(s.users.c.company_id == company.id, s.users.c.manager_id.is_not(None))
        ).scalar()
        workspace = conn.execute(select(s.workspaces.c.id).where(s.workspaces.c.company_id == company.id)).scalar()
    r = client.get(
        "/v2/coaching",
        params={
            "workspace-id": workspace,
            "manager-id": manager,
            "from": "2025-05-01T00:00:00Z",
            "to": "2026-11-01T00:00:00Z",
        },
        headers=company.basic,
    )
    assert r.status_code == 200 and r.json()["coachingData"][0]["directReportsMetrics"]
    for log_type in ("UserActivityLog", "UserCallPlay", "AccessLog"):
        r = client.get(
            "/v2/logs", params={"logType": log_type, "fromDateTime": "2020-01-01T00:00:00Z"}, headers=company.basic
        )
        assert r.status_code == 200 and r.json()["logEntries"], log_type
