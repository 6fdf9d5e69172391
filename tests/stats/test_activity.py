"""User activity statistics: aggregate, by period, day by day, on a hand-checked scenario; and their errors."""

from __future__ import annotations

from typing import Any

import pytest

from gongkit.db import Database
from tests.conftest import Company, Seed, make_company
from tests.stats.builders import Scenario, scenario
from tests.support.api import assert_error, page_through, set_page_size
from tests.support.contract import ContractClient

ZERO = {
    "callsAsHost": 0,
    "callsGaveFeedback": 0,
    "callsRequestedFeedback": 0,
    "callsReceivedFeedback": 0,
    "ownCallsListenedTo": 0,
    "othersCallsListenedTo": 0,
    "callsSharedInternally": 0,
    "callsSharedExternally": 0,
    "callsScorecardsFilled": 0,
    "callsScorecardsReceived": 0,
    "callsAttended": 0,
    "callsCommentsGiven": 0,
    "callsCommentsReceived": 0,
    "callsMarkedAsFeedbackGiven": 0,
    "callsMarkedAsFeedbackReceived": 0,
}


def expected_week(s: Scenario) -> dict[int, dict[str, int]]:
    """Worked out by hand from :func:`tests.stats.builders.scenario`."""
    return {
        s.manager: {
            **ZERO,
            "othersCallsListenedTo": 2,  # call1 on the 4th (twice: once) and on the 6th
            "callsGaveFeedback": 1,
            "callsMarkedAsFeedbackGiven": 1,
            "callsCommentsGiven": 1,
            "callsScorecardsFilled": 1,
        },
        s.rep: {
            **ZERO,
            "callsAsHost": 1,
            "ownCallsListenedTo": 1,
            "callsReceivedFeedback": 1,
            "callsMarkedAsFeedbackReceived": 1,
            "callsCommentsReceived": 1,
            "callsScorecardsReceived": 1,
        },
        s.peer: {**ZERO, "callsAsHost": 1, "callsAttended": 1, "callsSharedExternally": 1},
    }


def _post(client: ContractClient, company: Company, path: str, body: dict[str, Any]) -> Any:
    r = client.post(f"/v2/stats/activity/{path}", json=body, headers=company.basic)
    assert r.status_code == 200, r.text
    return r.json()


WEEK = {"fromDate": "2024-03-04", "toDate": "2024-03-11"}


def test_aggregate_whole_body(client: ContractClient, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    body = _post(client, company, "aggregate", {"filter": WEEK})
    emails = {u["userId"]: u["userEmailAddress"] for u in body["usersAggregateActivityStats"]}
    assert body == {
        "requestId": body["requestId"],
        "records": {"totalRecords": 3, "currentPageSize": 3, "currentPageNumber": 0},
        "usersAggregateActivityStats": [
            {"userId": str(u), "userEmailAddress": emails[str(u)], "userAggregateActivityStats": figures}
            for u, figures in sorted(expected_week(s).items())
        ],
        "timeZone": "UTC",
        "fromDateTime": "2024-03-04T00:00:00+00:00",
        "toDateTime": "2024-03-11T00:00:00+00:00",
    }
    assert all("@" in e for e in emails.values())


def test_aggregate_equals_the_sum_of_day_by_day(client: ContractClient, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    days = _post(client, company, "day-by-day", {"filter": WEEK})
    for user in days["usersDetailedActivities"]:
        items = user["userDailyActivityStats"]
        assert [i["fromDate"][:10] for i in items] == [f"2024-03-{d:02d}" for d in range(4, 11)]
        summed = {k: sum(len(i[k]) for i in items) for k in ZERO}
        assert summed == expected_week(s)[int(user["userId"])]
    rep = next(u for u in days["usersDetailedActivities"] if u["userId"] == str(s.rep))
    assert rep["userDailyActivityStats"][0]["callsAsHost"] == [str(s.call1)]
    assert rep["userDailyActivityStats"][1]["ownCallsListenedTo"] == [str(s.call1)]


@pytest.mark.parametrize(
    ("period", "bounds"),
    [
        ("WEEK", [("2024-03-01", "2024-03-04"), ("2024-03-04", "2024-03-11"), ("2024-03-11", "2024-03-15")]),
        ("MONTH", [("2024-03-01", "2024-03-15")]),
        ("DAY", [(f"2024-03-{d:02d}", f"2024-03-{d + 1:02d}") for d in range(1, 15)]),
    ],
)
def test_aggregate_by_period(
    client: ContractClient, company: Company, seed: Seed, period: str, bounds: list[tuple[str, str]]
) -> None:
    s = seed(scenario, company.id)
    body = _post(
        client,
        company,
        "aggregate-by-period",
        {"aggregationPeriod": period, "filter": {"fromDate": "2024-03-01", "toDate": "2024-03-15"}},
    )
    for user in body["usersAggregateActivity"]:
        items = user["userAggregateActivity"]
        assert [(i["fromDate"][:10], i["toDate"][:10]) for i in items] == bounds
        assert {k: sum(i[k] for i in items) for k in ZERO} == expected_week(s)[int(user["userId"])]


def test_by_period_lists_named_users_without_activity(client: ContractClient, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    body = _post(
        client,
        company,
        "aggregate-by-period",
        {
            "aggregationPeriod": "YEAR",
            "filter": {"fromDate": "2023-01-01", "toDate": "2023-02-01", "userIds": [str(s.rep)]},
        },
    )
    assert [u["userId"] for u in body["usersAggregateActivity"]] == [str(s.rep)]
    assert body["usersAggregateActivity"][0]["userAggregateActivity"][0] == {
        **ZERO,
        "fromDate": "2023-01-01T00:00:00+00:00",
        "toDate": "2023-02-01T00:00:00+00:00",
    }


def test_days_follow_the_company_time_zone(client: ContractClient, db: Database, seed: Seed) -> None:
    company = make_company(db, "Pacific", time_zone="America/Los_Angeles")
    s = seed(scenario, company.id)
    body = _post(client, company, "day-by-day", {"filter": {"fromDate": "2024-03-04", "toDate": "2024-03-05"}})
    assert body["usersDetailedActivities"][0]["userDailyActivityStats"][0]["fromDate"] == "2024-03-04T00:00:00-08:00"
    users = {u["userId"]: u["userDailyActivityStats"][0] for u in body["usersDetailedActivities"]}
    # 10:00 UTC on the 4th is 02:00 in Los Angeles: call1 is on the 4th there; the 13:00 UTC listen too.
    assert users[str(s.rep)]["callsAsHost"] == [str(s.call1)]
    assert users[str(s.manager)]["othersCallsListenedTo"] == [str(s.call1)]


def test_paging_over_users(client: ContractClient, db: Database, company: Company, seed: Seed) -> None:
    seed(scenario, company.id)
    set_page_size(client, db, company, 2)
    pages = page_through(client, "POST", "/v2/stats/activity/aggregate", company.basic, body={"filter": WEEK})
    ids = [u["userId"] for p in pages for u in p["usersAggregateActivityStats"]]
    assert len(pages) == 2 and len(ids) == 3 and ids == sorted(ids, key=int)


def test_user_filter(client: ContractClient, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    body = _post(client, company, "aggregate", {"filter": {**WEEK, "userIds": [str(s.peer)]}})
    assert [u["userId"] for u in body["usersAggregateActivityStats"]] == [str(s.peer)]


@pytest.mark.parametrize(
    ("flt", "message"),
    [
        (
            {"fromDate": "2024-3-4", "toDate": "2024-03-11"},
            "filter.fromDate: '2024-3-4' is not a date in the format YYYY-MM-DD",
        ),
        (
            {"fromDate": "2024-02-30", "toDate": "2024-03-11"},
            "filter.fromDate: '2024-02-30' is not a valid calendar date",
        ),
        (
            {"fromDate": "2024-03-11", "toDate": "2024-03-11"},
            "filter.toDate: must be later than filter.fromDate (toDate is exclusive)",
        ),
        (
            {"fromDate": "2024-03-11", "toDate": "2024-03-04"},
            "filter.toDate: must be later than filter.fromDate (toDate is exclusive)",
        ),
    ],
)
def test_bad_dates(client: ContractClient, company: Company, flt: dict[str, str], message: str) -> None:
    for path in ("aggregate", "day-by-day"):
        r = client.post(f"/v2/stats/activity/{path}", json={"filter": flt}, headers=company.basic)
        assert_error(r, 400, message)


def test_to_date_after_today(client: ContractClient, company: Company) -> None:
    r = client.post(
        "/v2/stats/activity/aggregate",
        json={"filter": {"fromDate": "2024-01-01", "toDate": "2999-01-01"}},
        headers=company.basic,
    )
    assert r.status_code == 400 and r.json()["errors"][0].startswith("filter.toDate: must not be after the current day")


def test_missing_filter_and_bad_period(client: ContractClient, company: Company) -> None:
    r = client.post("/v2/stats/activity/aggregate", json={}, headers=company.basic)
    assert_error(r, 400, "filter: is required")
    r = client.post(
        "/v2/stats/activity/aggregate-by-period",
        json={"aggregationPeriod": "FORTNIGHT", "filter": WEEK},
        headers=company.basic,
    )
    assert r.status_code == 400 and r.json()["errors"][0].startswith("aggregationPeriod:")


def test_unknown_and_foreign_users_are_404(client: ContractClient, db: Database, company: Company, seed: Seed) -> None:
    seed(scenario, company.id)
    other = make_company(db, "Other")
    theirs = seed(scenario, other.id)
    for user in ("123", str(theirs.rep)):
        r = client.post(
            "/v2/stats/activity/aggregate", json={"filter": {**WEEK, "userIds": [user]}}, headers=company.basic
        )
        assert_error(r, 404, f"filter.userIds: user {user} not found")


def test_no_activity_is_404(client: ContractClient, company: Company, seed: Seed) -> None:
    seed(scenario, company.id)
    r = client.post(
        "/v2/stats/activity/aggregate",
        json={"filter": {"fromDate": "2023-01-01", "toDate": "2023-02-01"}},
        headers=company.basic,
    )
    assert_error(r, 404, "No users with activity found for the specified period")


def test_another_companys_activity_is_invisible(
    client: ContractClient, db: Database, company: Company, seed: Seed
) -> None:
    other = make_company(db, "Other")
    seed(scenario, other.id)
    r = client.post("/v2/stats/activity/aggregate", json={"filter": WEEK}, headers=company.basic)
    assert_error(r, 404, "No users with activity found for the specified period")


def test_interaction_stats(client: ContractClient, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    r = client.post("/v2/stats/interaction", json={"filter": WEEK}, headers=company.basic)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["records"]["totalRecords"] == 2
    stats = {u["userId"]: u["personInteractionStats"] for u in body["peopleInteractionStats"]}
    assert stats == {
        str(s.rep): [{"name": "Patience", "value": 1.0}],
        str(s.peer): [{"name": "Patience", "value": 0.5}],
    }
    assert body["timeZone"] == "UTC"
