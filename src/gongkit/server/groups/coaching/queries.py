"""Coaching metrics (``GET /v2/coaching``): what a manager did to coach each direct report, in one workspace and
one time range.

The direct reports are the users whose ``managerId`` is the manager (avatars left out). Each metric is the list of
the report's calls (ids, ascending) in the workspace on which the manager did something in ``[from, to)``:

- ``callsHosted``: the report's calls that started in the range (what there was to coach on);
- ``callsAttended``: those the manager was a party to;
- ``callsListenedTo``: the manager listened to (activity events ``listen``);
- ``callsWithFeedback``: the manager gave feedback on (``feedback``);
- ``callsWithComments``: the manager commented on (by comment time);
- ``callsScorecardsFilled``: the manager filled a scorecard reviewing the report on (by review time);
- ``callsMarkedAsReviewed``: the manager pressed "Mark as reviewed" on (``mark_reviewed``).

Gong's contract declares no 404 for this operation; an unknown manager or workspace (another company's
included) is still a 404, as every unknown id is, with a message naming the parameter.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.schema import (
    activity_events,
    answered_scorecards,
    call_comments,
    call_parties,
    calls,
    users,
    workspaces,
)
from gongkit.kernel.errors import NotFound

METRICS = (
    "callsHosted",
    "callsAttended",
    "callsListenedTo",
    "callsWithFeedback",
    "callsWithComments",
    "callsScorecardsFilled",
    "callsMarkedAsReviewed",
)
_EVENT_METRIC = {"listen": "callsListenedTo", "feedback": "callsWithFeedback", "mark_reviewed": "callsMarkedAsReviewed"}

_PERSON = (users.c.id, users.c.email_address, users.c.first_name, users.c.last_name, users.c.title)


def _person(row: Any) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "emailAddress": row.email_address,
        "firstName": row.first_name,
        "lastName": row.last_name,
        "title": row.title,
    }


def coaching(
    conn: Connection, *, company_id: int, workspace_id: int, manager_id: int, from_ms: int, to_ms: int
) -> dict[str, Any]:
    found = conn.execute(
        select(workspaces.c.id).where(workspaces.c.company_id == company_id, workspaces.c.id == workspace_id)
    ).first()
    if found is None:
        raise NotFound(f"workspace-id: workspace {workspace_id} not found")
    manager = conn.execute(select(*_PERSON).where(users.c.company_id == company_id, users.c.id == manager_id)).first()
    if manager is None:
        raise NotFound(f"manager-id: user {manager_id} not found")
    reports = conn.execute(
        select(*_PERSON)
        .where(users.c.company_id == company_id, users.c.manager_id == manager_id, users.c.is_avatar.is_(False))
        .order_by(users.c.id)
    ).all()
    metrics = _metrics(conn, company_id, workspace_id, manager_id, [int(r.id) for r in reports], from_ms, to_ms)
    return {
        "coachingData": [
            {
                "manager": _person(manager),
                "directReportsMetrics": [
                    {
                        "report": _person(r),
                        "metrics": {
                            name: [str(c) for c in sorted(metrics[int(r.id)].get(name, ()))] for name in METRICS
                        },
                    }
                    for r in reports
                ],
            }
        ]
    }


def _metrics(
    conn: Connection, company_id: int, workspace_id: int, manager_id: int, reports: list[int], lo: int, hi: int
) -> dict[int, dict[str, set[int]]]:
    out: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    if not reports:
        return out
    theirs = (
        calls.c.company_id == company_id,
        calls.c.workspace_id == workspace_id,
        calls.c.primary_user_id.in_(reports),
    )
    hosted = select(calls.c.id, calls.c.primary_user_id).where(
        *theirs, calls.c.started_ms >= lo, calls.c.started_ms < hi
    )
    for call_id, host in conn.execute(hosted):
        out[int(host)]["callsHosted"].add(int(call_id))
    attended = (
        select(calls.c.id, calls.c.primary_user_id)
        .join(call_parties, call_parties.c.call_id == calls.c.id)
        .where(*theirs, calls.c.started_ms >= lo, calls.c.started_ms < hi, call_parties.c.user_id == manager_id)
    )
    for call_id, host in conn.execute(attended):
        out[int(host)]["callsAttended"].add(int(call_id))
    e = activity_events.c
    events = (
        select(calls.c.id, calls.c.primary_user_id, e.kind)
        .join(activity_events, e.call_id == calls.c.id)
        .where(*theirs, e.user_id == manager_id, e.time_ms >= lo, e.time_ms < hi)
    )
    for call_id, host, kind in conn.execute(events):
        if kind in _EVENT_METRIC:
            out[int(host)][_EVENT_METRIC[kind]].add(int(call_id))
    c = call_comments.c
    comments = (
        select(calls.c.id, calls.c.primary_user_id)
        .join(call_comments, c.call_id == calls.c.id)
        .where(*theirs, c.commenter_user_id == manager_id, c.posted_ms >= lo, c.posted_ms < hi)
    )
    for call_id, host in conn.execute(comments):
        out[int(host)]["callsWithComments"].add(int(call_id))
    a = answered_scorecards.c
    filled = (
        select(calls.c.id, a.reviewed_user_id)
        .join(answered_scorecards, a.call_id == calls.c.id)
        .where(*theirs, a.reviewer_user_id == manager_id, a.review_ms >= lo, a.review_ms < hi)
    )
    for call_id, reviewed in conn.execute(filled):
        out[int(reviewed)]["callsScorecardsFilled"].add(int(call_id))
    return out
