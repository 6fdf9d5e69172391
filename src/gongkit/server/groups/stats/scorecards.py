"""Answered scorecards (``POST /v2/stats/activity/scorecards``).

Filters: the call's start date and the review date (``YYYY-MM-DD`` in the company's time zone, from inclusive,
to exclusive; an absent bound is open), ``scorecardIds``, ``reviewedUserIds`` and ``reviewMethod`` (MANUAL by
default, as Gong documents; BOTH for either). Ordered by review time, then id; paged by cursor. Ids are JSON
numbers here, as the contract types them (int64).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.paging import PageQuery, paginate
from gongkit.db.schema import answered_scorecards, calls, scorecards
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import InvalidRequest, NotFound
from gongkit.kernel.ids import storable_ids
from gongkit.server.groups.stats.dates import midnight_ms, parse_date
from gongkit.server.groups.stats.people import company_zone

NOT_FOUND = "Answered scorecards not found"


@dataclass(frozen=True)
class AnsweredFilter:
    call_from: str | None = None
    call_to: str | None = None
    review_from: str | None = None
    review_to: str | None = None
    review_method: str = "MANUAL"
    reviewed_user_ids: Sequence[int] | None = None
    scorecard_ids: Sequence[int] | None = None


def _bounds(lo: str | None, hi: str | None, names: tuple[str, str], zone: Any) -> tuple[int | None, int | None]:
    start = parse_date(lo, f"filter.{names[0]}") if lo else None
    end = parse_date(hi, f"filter.{names[1]}") if hi else None
    if start is not None and end is not None and end <= start:
        raise InvalidRequest(f"filter.{names[1]}: must be later than filter.{names[0]} ({names[1]} is exclusive)")
    return (
        None if start is None else midnight_ms(start, zone),
        None if end is None else midnight_ms(end, zone),
    )


def list_answered(conn: Connection, page_query: PageQuery, *, company_id: int, flt: AnsweredFilter) -> dict[str, Any]:
    _, zone = company_zone(conn, company_id)
    call_lo, call_hi = _bounds(flt.call_from, flt.call_to, ("callFromDate", "callToDate"), zone)
    review_lo, review_hi = _bounds(flt.review_from, flt.review_to, ("reviewFromDate", "reviewToDate"), zone)
    a = answered_scorecards.c
    stmt = (
        select(
            a.id,
            a.scorecard_id,
            scorecards.c.name,
            a.call_id,
            calls.c.started_ms,
            a.reviewed_user_id,
            a.reviewer_user_id,
            a.review_method,
            a.editor_user_id,
            a.review_ms,
            a.visibility,
            a.answers,
        )
        .join(scorecards, scorecards.c.id == a.scorecard_id)
        .join(calls, calls.c.id == a.call_id)
        .where(a.company_id == company_id)
    )
    if flt.review_method != "BOTH":
        stmt = stmt.where(a.review_method == flt.review_method)
    if flt.scorecard_ids is not None:
        stmt = stmt.where(a.scorecard_id.in_(storable_ids(flt.scorecard_ids)))
    if flt.reviewed_user_ids is not None:
        stmt = stmt.where(a.reviewed_user_id.in_(storable_ids(flt.reviewed_user_ids)))
    if call_lo is not None:
        stmt = stmt.where(calls.c.started_ms >= call_lo)
    if call_hi is not None:
        stmt = stmt.where(calls.c.started_ms < call_hi)
    if review_lo is not None:
        stmt = stmt.where(a.review_ms >= review_lo)
    if review_hi is not None:
        stmt = stmt.where(a.review_ms < review_hi)
    page = paginate(conn, stmt, [a.review_ms, a.id], page_query)
    if not page.rows:
        raise NotFound(NOT_FOUND)
    return {"records": page.records(), "answeredScorecards": [_answered(r) for r in page.rows]}


def _answered(r: Any) -> dict[str, Any]:
    return {
        "answeredScorecardId": int(r.id),
        "scorecardId": int(r.scorecard_id),
        "scorecardName": r.name,
        "callId": int(r.call_id),
        "callStartTime": ms_to_iso(r.started_ms),
        "reviewedUserId": int(r.reviewed_user_id),
        "reviewerUserId": None if r.reviewer_user_id is None else int(r.reviewer_user_id),
        "reviewMethod": r.review_method,
        "editorUserId": None if r.editor_user_id is None else int(r.editor_user_id),
        "reviewTime": ms_to_iso(r.review_ms),
        "visibilityType": r.visibility,
        "answers": [
            {
                "questionId": int(x["questionId"]),
                "questionRevisionId": int(x["questionRevisionId"]),
                "isOverall": bool(x.get("isOverall")),
                "score": x.get("score"),
                "answerText": x.get("answerText"),
                "notApplicable": bool(x.get("notApplicable")),
                # The contract types these as strings (the ids of the question's answerOptions).
                "selectedOptions": None if x.get("selectedOptions") is None else [str(o) for o in x["selectedOptions"]],
            }
            for x in r.answers or []
        ],
    }
