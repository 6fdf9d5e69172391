"""Answered scorecards and scorecard definitions."""

from __future__ import annotations

from typing import Any

from gongkit.db import Database
from tests.conftest import Company, Seed, make_company
from tests.stats.builders import add_answer, ms, scenario
from tests.support.api import assert_error
from tests.support.contract import ContractClient


def _answered(client: ContractClient, company: Company, flt: dict[str, Any]) -> Any:
    return client.post("/v2/stats/activity/scorecards", json={"filter": flt}, headers=company.basic)


def test_answered_scorecard_whole_body(client: ContractClient, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    r = _answered(client, company, {})
    assert r.status_code == 200, r.text
    assert r.json() == {
        "requestId": r.json()["requestId"],
        "records": {"totalRecords": 1, "currentPageSize": 1, "currentPageNumber": 0},
        "answeredScorecards": [
            {
                "answeredScorecardId": s.answer,
                "scorecardId": s.scorecard,
                "scorecardName": "Discovery",
                "callId": s.call1,
                "callStartTime": "2024-03-04T10:00:00Z",
                "reviewedUserId": s.rep,
                "reviewerUserId": s.manager,
                "reviewMethod": "MANUAL",
                "editorUserId": None,
                "reviewTime": "2024-03-06T16:00:00Z",
                "visibilityType": "PUBLIC",
                "answers": [
                    {
                        "questionId": s.scorecard * 10 + 1,
                        "questionRevisionId": s.scorecard * 100 + 1,
                        "isOverall": True,
                        "score": 4,
                        "answerText": None,
                        "notApplicable": False,
                        "selectedOptions": None,
                    },
                    {
                        "questionId": s.scorecard * 10 + 2,
                        "questionRevisionId": s.scorecard * 100 + 2,
                        "isOverall": False,
                        "score": None,
                        "answerText": "Proposal",
                        "notApplicable": False,
                        "selectedOptions": ["2"],
                    },
                ],
            }
        ],
    }


def test_filters_and_review_method(client: ContractClient, company: Company, seed: Seed) -> None:
    s = seed(scenario, company.id)
    auto = seed(
        add_answer, company.id, s.answer + 1, s.scorecard, s.call2, s.peer, None, ms("2024-03-07 10:00"), "AUTOMATIC"
    )

    def ids(flt: dict[str, Any]) -> list[int]:
        r = _answered(client, company, flt)
        return [] if r.status_code == 404 else [a["answeredScorecardId"] for a in r.json()["answeredScorecards"]]

    assert ids({}) == [s.answer]  # MANUAL by default
    assert ids({"reviewMethod": "AUTOMATIC"}) == [auto]
    assert ids({"reviewMethod": "BOTH"}) == [s.answer, auto]
    assert ids({"reviewMethod": "BOTH", "reviewedUserIds": [str(s.peer)]}) == [auto]
    assert ids({"reviewMethod": "BOTH", "callFromDate": "2024-03-05"}) == [auto]
    assert ids({"reviewMethod": "BOTH", "reviewToDate": "2024-03-07"}) == [s.answer]
    assert ids({"scorecardIds": ["1"]}) == []


def test_answered_errors(client: ContractClient, db: Database, company: Company, seed: Seed) -> None:
    assert_error(_answered(client, company, {}), 404, "Answered scorecards not found")
    other = make_company(db, "Other")
    seed(scenario, other.id)
    assert_error(_answered(client, company, {"reviewMethod": "BOTH"}), 404, "Answered scorecards not found")
    assert_error(
        _answered(client, company, {"callFromDate": "2024-03-05", "callToDate": "2024-03-01"}),
        400,
        "filter.callToDate: must be later than filter.callFromDate (callToDate is exclusive)",
    )
    assert_error(
        _answered(client, company, {"reviewFromDate": "yesterday"}),
        400,
        "filter.reviewFromDate: 'yesterday' is not a date in the format YYYY-MM-DD",
    )


def test_scorecard_definitions(client: ContractClient, db: Database, company: Company, seed: Seed) -> None:
    r = client.get("/v2/settings/scorecards", headers=company.basic)
    assert_error(r, 404, "Scorecards not found")
    s = seed(scenario, company.id)
    r = client.get("/v2/settings/scorecards", headers=company.basic)
    assert r.status_code == 200, r.text
    (card,) = r.json()["scorecards"]
    assert card == {
        "scorecardId": s.scorecard,
        "scorecardName": "Discovery",
        "workspaceId": s.workspace,
        "enabled": True,
        "updaterUserId": None,
        "created": "2024-01-02T09:00:00Z",
        "updated": "2024-01-03T09:00:00Z",
        "reviewMethod": "MANUAL",
        "questions": [
            {
                "questionId": s.scorecard * 10 + 1,
                "questionRevisionId": s.scorecard * 100 + 1,
                "questionText": "Overall, how was the call?",
                "isOverall": True,
                "questionType": "SCALE",
                "answerGuide": "1 is poor, 5 is excellent",
                "minRange": 1,
                "maxRange": 5,
                "answerOptions": None,
            },
            {
                "questionId": s.scorecard * 10 + 2,
                "questionRevisionId": s.scorecard * 100 + 2,
                "questionText": "Which next step was agreed?",
                "isOverall": False,
                "questionType": "SINGLE_SELECT",
                "answerGuide": None,
                "minRange": None,
                "maxRange": None,
                "answerOptions": [{"id": 1, "text": "Demo"}, {"id": 2, "text": "Proposal"}],
            },
        ],
    }
    other = make_company(db, "Other")
    assert_error(client.get("/v2/settings/scorecards", headers=other.basic), 404, "Scorecards not found")
