"""Scorecard definitions (``GET /v2/settings/scorecards``): every scorecard of the company with its questions.

Not paged (Gong answers them all at once); scorecards by name then id, questions in their order. Ids are JSON
numbers, as the contract types them (int64). A company without scorecards answers 404 "Scorecards not found".
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.schema import scorecard_questions, scorecards
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import NotFound

NOT_FOUND = "Scorecards not found"


def list_scorecards(conn: Connection, *, company_id: int) -> dict[str, Any]:
    s = scorecards.c
    cards = conn.execute(
        select(s.id, s.name, s.workspace_id, s.enabled, s.updater_user_id, s.created_ms, s.updated_ms, s.review_method)
        .where(s.company_id == company_id)
        .order_by(s.name, s.id)
    ).all()
    if not cards:
        raise NotFound(NOT_FOUND)
    q = scorecard_questions.c
    questions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(
        select(q.scorecard_id, q.id, q.revision_id, q.text, q.is_overall, q.question_type, q.answer_guide)
        .add_columns(q.min_range, q.max_range, q.options)
        .where(q.company_id == company_id)
        .order_by(q.scorecard_id, q.seq, q.id)
    ):
        questions[int(row.scorecard_id)].append(
            {
                "questionId": int(row.id),
                "questionRevisionId": int(row.revision_id),
                "questionText": row.text,
                "isOverall": bool(row.is_overall),
                "questionType": row.question_type,
                "answerGuide": row.answer_guide,
                "minRange": row.min_range,
                "maxRange": row.max_range,
                "answerOptions": None
                if row.options is None
                else [{"id": int(o["id"]), "text": o["text"]} for o in row.options],
            }
        )
    return {
        "scorecards": [
            {
                "scorecardId": int(c.id),
                "scorecardName": c.name,
                "workspaceId": None if c.workspace_id is None else int(c.workspace_id),
                "enabled": bool(c.enabled),
                "updaterUserId": None if c.updater_user_id is None else int(c.updater_user_id),
                "created": ms_to_iso(c.created_ms),
                "updated": ms_to_iso(c.updated_ms),
                "reviewMethod": c.review_method,
                "questions": questions.get(int(c.id), []),
            }
            for c in cards
        ]
    }
