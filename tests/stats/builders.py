"""Test rows of the activity tables: events, scorecards and their answers, and a small hand-checked scenario."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert

from gongkit.db.schema import activity_events, answered_scorecards, call_comments, scorecard_questions, scorecards
from tests.support import factories as f


def ms(text: str) -> int:
    """``"2024-03-04 10:00"`` (UTC) as epoch milliseconds."""
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC).timestamp() * 1000)


def add_event(conn: Connection, company_id: int, call_id: int, user_id: int, kind: str, at: int) -> None:
    conn.execute(
        insert(activity_events).values(company_id=company_id, call_id=call_id, user_id=user_id, kind=kind, time_ms=at)
    )


def add_scorecard(conn: Connection, company_id: int, scorecard_id: int, name: str, **overrides: Any) -> int:
    values: dict[str, Any] = {
        "id": scorecard_id,
        "company_id": company_id,
        "workspace_id": None,
        "name": name,
        "enabled": True,
        "review_method": "MANUAL",
        "updater_user_id": None,
        "created_ms": ms("2024-01-02 09:00"),
        "updated_ms": ms("2024-01-03 09:00"),
    }
    values.update(overrides)
    conn.execute(insert(scorecards).values(**values))
    conn.execute(
        insert(scorecard_questions),
        [
            {
                "id": scorecard_id * 10 + 1,
                "scorecard_id": scorecard_id,
                "company_id": company_id,
                "revision_id": scorecard_id * 100 + 1,
                "seq": 1,
                "text": "Overall, how was the call?",
                "is_overall": True,
                "question_type": "SCALE",
                "answer_guide": "1 is poor, 5 is excellent",
                "min_range": 1,
                "max_range": 5,
                "options": None,
            },
            {
                "id": scorecard_id * 10 + 2,
                "scorecard_id": scorecard_id,
                "company_id": company_id,
                "revision_id": scorecard_id * 100 + 2,
                "seq": 2,
                "text": "Which next step was agreed?",
                "is_overall": False,
                "question_type": "SINGLE_SELECT",
                "answer_guide": None,
                "min_range": None,
                "max_range": None,
                "options": [{"id": 1, "text": "Demo"}, {"id": 2, "text": "Proposal"}],
            },
        ],
    )
    return scorecard_id


def add_answer(
    conn: Connection,
    company_id: int,
    answer_id: int,
    scorecard_id: int,
    call_id: int,
    reviewed: int,
    reviewer: int | None,
    review_ms: int,
    method: str = "MANUAL",
) -> int:
    conn.execute(
        insert(answered_scorecards).values(
            id=answer_id,
            company_id=company_id,
            scorecard_id=scorecard_id,
            call_id=call_id,
            reviewed_user_id=reviewed,
            reviewer_user_id=reviewer,
            editor_user_id=None,
            review_method=method,
            visibility="PUBLIC",
            review_ms=review_ms,
            answers=[
                {
                    "questionId": scorecard_id * 10 + 1,
                    "questionRevisionId": scorecard_id * 100 + 1,
                    "isOverall": True,
                    "score": 4,
                    "answerText": None,
                    "notApplicable": False,
                    "selectedOptions": None,
                },
                {
                    "questionId": scorecard_id * 10 + 2,
                    "questionRevisionId": scorecard_id * 100 + 2,
                    "isOverall": False,
                    "score": None,
                    "answerText": "Proposal",
                    "notApplicable": False,
                    "selectedOptions": [2],
                },
            ],
        )
    )
    return answer_id


@dataclass(frozen=True)
class Scenario:
    """Three users (``manager`` manages ``rep`` and ``peer``), two calls, and what people did with them."""

    workspace: int
    manager: int
    rep: int
    peer: int
    call1: int  # hosted by rep, Monday 2024-03-04 10:00 UTC; peer attends
    call2: int  # hosted by peer, Tuesday 2024-03-05 10:00 UTC
    scorecard: int
    answer: int


def scenario(conn: Connection, company_id: int) -> Scenario:
    """The hand-checked case of the stats, coaching and scorecard tests (all times UTC)."""
    ws = f.make_workspace(conn, company_id)
    manager = f.make_user(conn, company_id, first_name="Mara", last_name="Stone", title="Sales Manager")
    rep = f.make_user(conn, company_id, manager_id=manager, first_name="Ravi", last_name="Patel")
    peer = f.make_user(conn, company_id, manager_id=manager, first_name="Pia", last_name="Lund")
    call1 = f.make_call(
        conn,
        company_id,
        primary_user_id=rep,
        workspace_id=ws,
        started_ms=ms("2024-03-04 10:00"),
        parties=[
            {"user_id": rep, "affiliation": "Internal"},
            {"user_id": peer, "affiliation": "Internal"},
            {"name": "Maya Levin", "affiliation": "External"},
        ],
        user_stats=[
            {"user_id": rep, "talk_time_sec": 600, "stats": [{"name": "Patience", "value": 1.0}]},
        ],
    ).id
    call2 = f.make_call(
        conn,
        company_id,
        primary_user_id=peer,
        workspace_id=ws,
        started_ms=ms("2024-03-05 10:00"),
        parties=[{"user_id": peer, "affiliation": "Internal"}],
        user_stats=[
            {"user_id": peer, "talk_time_sec": 300, "stats": [{"name": "Patience", "value": 0.5}]},
        ],
    ).id
    for user, kind, at in (
        (manager, "listen", "2024-03-04 12:00"),
        (manager, "listen", "2024-03-04 13:00"),  # the same call on the same day: counted once
        (manager, "listen", "2024-03-06 08:00"),  # another day: counted again
        (rep, "listen", "2024-03-05 09:00"),
        (manager, "feedback", "2024-03-05 11:00"),
        (manager, "mark_reviewed", "2024-03-05 11:05"),
    ):
        add_event(conn, company_id, call1, user, kind, ms(at))
    add_event(conn, company_id, call2, peer, "share_external", ms("2024-03-05 15:00"))
    conn.execute(
        insert(call_comments).values(
            id=company_id % 10**9 * 10 + 1,
            call_id=call1,
            company_id=company_id,
            commenter_user_id=manager,
            comment="Good discovery.",
            posted_ms=ms("2024-03-05 09:30"),
            during_call=False,
        )
    )
    card = add_scorecard(conn, company_id, company_id % 10**9 * 10 + 7, "Discovery", workspace_id=ws)
    answer = add_answer(
        conn, company_id, company_id % 10**9 * 10 + 8, card, call1, rep, manager, ms("2024-03-06 16:00")
    )
    return Scenario(ws, manager, rep, peer, call1, call2, card, answer)
