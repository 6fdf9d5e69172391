"""Coaching metrics of a manager's direct reports."""

from __future__ import annotations

from gongkit.db import Database
from tests.conftest import Company, Seed, make_company
from tests.stats.builders import scenario
from tests.support.api import assert_error
from tests.support.contract import ContractClient

RANGE = {"from": "2024-03-01T00:00:00Z", "to": "2024-03-15T00:00:00Z"}


def test_coaching_whole_body(client: ContractClient, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    r = client.get(
        "/v2/coaching",
        params={"workspace-id": str(s.workspace), "manager-id": str(s.manager), **RANGE},
        headers=company.basic,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    (data,) = body["coachingData"]
    assert data["manager"]["id"] == str(s.manager)
    assert (data["manager"]["firstName"], data["manager"]["lastName"], data["manager"]["title"]) == (
        "Mara",
        "Stone",
        "Sales Manager",
    )
    reports = {m["report"]["id"]: m["metrics"] for m in data["directReportsMetrics"]}
    one = [str(s.call1)]
    assert reports == {
        str(s.rep): {
            "callsHosted": one,
            "callsAttended": [],
            "callsListenedTo": one,
            "callsWithFeedback": one,
            "callsWithComments": one,
            "callsScorecardsFilled": one,
            "callsMarkedAsReviewed": one,
        },
        str(s.peer): {
            "callsHosted": [str(s.call2)],
            "callsAttended": [],
            "callsListenedTo": [],
            "callsWithFeedback": [],
            "callsWithComments": [],
            "callsScorecardsFilled": [],
            "callsMarkedAsReviewed": [],
        },
    }


def test_coaching_errors(client: ContractClient, db: Database, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    other = make_company(db, "Other")
    theirs = seed(scenario, other.id)
    base = {"workspace-id": str(s.workspace), "manager-id": str(s.manager), **RANGE}
    cases = [
        ({**base, "manager-id": str(theirs.manager)}, 404, f"manager-id: user {theirs.manager} not found"),
        ({**base, "workspace-id": str(theirs.workspace)}, 404, f"workspace-id: workspace {theirs.workspace} not found"),
        (
            {**base, "manager-id": "abc"},
            400,
            "manager-id: 'abc' is not a valid id (a numeric string of up to 20 digits)",
        ),
        ({k: v for k, v in base.items() if k != "from"}, 400, "from: is required"),
        ({**base, "to": RANGE["from"]}, 400, "to: must be later than from"),
    ]
    for params, status, message in cases:
        assert_error(client.get("/v2/coaching", params=params, headers=company.basic), status, message)
