"""The activity figures of users, per local day, gathered from what the store holds.

Every figure is a set of calls per user and per day: the calls the user hosted that day, attended, listened to,
and so on. Aggregates count a call once per day it occurs in (Gong: "listening to the same call on two different
days counts as two; twice on the same day counts as one"), so the aggregate of a range is exactly the sum of its
day-by-day figures, and the figures of the periods of a range add up to the range's.

Where each figure comes from (all instants in ``[from, to)``; the call's *host* is its primary user):

- ``callsAsHost``: calls started that day whose primary user is the user;
- ``callsAttended``: calls started that day where the user is a party but not the host;
- ``callsCommentsGiven`` / ``callsCommentsReceived``: comments posted (``call_comments``), by the user / by
  someone else on the user's call;
- ``callsSharedInternally``: activity events ``share_internal`` by the user, and individual access grants
  (``call_access``, made through the API on the owner's behalf) counted for the call's host;
- ``callsSharedExternally``: events ``share_external``;
- ``callsScorecardsFilled`` / ``callsScorecardsReceived``: answered scorecards by review time, by the reviewer /
  for the reviewed user when someone else reviewed;
- ``ownCallsListenedTo`` / ``othersCallsListenedTo``: events ``listen`` on the user's own calls / on others';
- ``callsGaveFeedback`` / ``callsReceivedFeedback``, ``callsRequestedFeedback``: events ``feedback`` (received by
  the host when given by someone else) and ``feedback_request``;
- ``callsMarkedAsFeedbackGiven`` / ``callsMarkedAsFeedbackReceived``: events ``mark_reviewed``, likewise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from gongkit.db.schema import (
    activity_events,
    answered_scorecards,
    call_access,
    call_comments,
    call_parties,
    calls,
)
from gongkit.server.groups.stats.dates import DateRange, local_day

#: The figures, in the order of Gong's ``AggregateActivity``.
FIGURES = (
    "callsAsHost",
    "callsGaveFeedback",
    "callsRequestedFeedback",
    "callsReceivedFeedback",
    "ownCallsListenedTo",
    "othersCallsListenedTo",
    "callsSharedInternally",
    "callsSharedExternally",
    "callsScorecardsFilled",
    "callsScorecardsReceived",
    "callsAttended",
    "callsCommentsGiven",
    "callsCommentsReceived",
    "callsMarkedAsFeedbackGiven",
    "callsMarkedAsFeedbackReceived",
)

#: The kinds of ``activity_events`` rows.
EVENT_KINDS = ("listen", "feedback", "feedback_request", "share_internal", "share_external", "mark_reviewed")

#: What an event counts for the user who acted, and (when someone else acted) for the call's host.
_GIVEN = {
    "feedback": "callsGaveFeedback",
    "feedback_request": "callsRequestedFeedback",
    "share_internal": "callsSharedInternally",
    "share_external": "callsSharedExternally",
    "mark_reviewed": "callsMarkedAsFeedbackGiven",
}
_RECEIVED = {"feedback": "callsReceivedFeedback", "mark_reviewed": "callsMarkedAsFeedbackReceived"}

#: user -> day -> figure -> call ids
Figures = dict[int, dict[date, dict[str, set[int]]]]


class _Tally:
    def __init__(self, span: DateRange) -> None:
        self.span = span
        self.figures: Figures = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))

    def add(self, user: int | None, ms: int, figure: str, call_id: int) -> None:
        if user is not None:
            self.figures[int(user)][local_day(ms, self.span.zone)][figure].add(int(call_id))


def gather(conn: Connection, company_id: int, span: DateRange) -> Figures:
    """Every user's figures per local day of ``span``, from every source listed in the module's docs."""
    lo, hi = span.from_ms, span.to_ms
    tally = _Tally(span)
    _hosting(conn, tally, company_id, lo, hi)
    _comments(conn, tally, company_id, lo, hi)
    _grants(conn, tally, company_id, lo, hi)
    _scorecards(conn, tally, company_id, lo, hi)
    _events(conn, tally, company_id, lo, hi)
    return tally.figures


def _hosting(conn: Connection, tally: _Tally, company_id: int, lo: int, hi: int) -> None:
    in_range = (calls.c.company_id == company_id, calls.c.started_ms >= lo, calls.c.started_ms < hi)
    for call_id, host, started in conn.execute(
        select(calls.c.id, calls.c.primary_user_id, calls.c.started_ms).where(*in_range)
    ):
        tally.add(host, started, "callsAsHost", call_id)
    attended = (
        select(call_parties.c.user_id, calls.c.id, calls.c.primary_user_id, calls.c.started_ms)
        .join(calls, calls.c.id == call_parties.c.call_id)
        .where(*in_range, call_parties.c.user_id.is_not(None))
    )
    for user, call_id, host, started in conn.execute(attended):
        if user != host:
            tally.add(user, started, "callsAttended", call_id)


def _comments(conn: Connection, tally: _Tally, company_id: int, lo: int, hi: int) -> None:
    c = call_comments.c
    rows = conn.execute(
        select(c.commenter_user_id, c.call_id, c.posted_ms, calls.c.primary_user_id)
        .join(calls, calls.c.id == c.call_id)
        .where(c.company_id == company_id, c.posted_ms >= lo, c.posted_ms < hi)
    )
    for user, call_id, ms, host in rows:
        tally.add(user, ms, "callsCommentsGiven", call_id)
        if host != user:
            tally.add(host, ms, "callsCommentsReceived", call_id)


def _grants(conn: Connection, tally: _Tally, company_id: int, lo: int, hi: int) -> None:
    a = call_access.c
    rows = conn.execute(
        select(a.call_id, a.granted_ms, calls.c.primary_user_id)
        .join(calls, calls.c.id == a.call_id)
        .where(a.company_id == company_id, a.granted_ms >= lo, a.granted_ms < hi)
    )
    for call_id, ms, host in rows:
        tally.add(host, ms, "callsSharedInternally", call_id)


def _scorecards(conn: Connection, tally: _Tally, company_id: int, lo: int, hi: int) -> None:
    s = answered_scorecards.c
    rows = conn.execute(
        select(s.reviewer_user_id, s.reviewed_user_id, s.call_id, s.review_ms).where(
            s.company_id == company_id, s.review_ms >= lo, s.review_ms < hi
        )
    )
    for reviewer, reviewed, call_id, ms in rows:
        tally.add(reviewer, ms, "callsScorecardsFilled", call_id)
        if reviewer != reviewed:
            tally.add(reviewed, ms, "callsScorecardsReceived", call_id)


def _events(conn: Connection, tally: _Tally, company_id: int, lo: int, hi: int) -> None:
    e = activity_events.c
    rows = conn.execute(
        select(e.user_id, e.kind, e.call_id, e.time_ms, calls.c.primary_user_id)
        .join(calls, calls.c.id == e.call_id)
        .where(e.company_id == company_id, e.time_ms >= lo, e.time_ms < hi)
    )
    for user, kind, call_id, ms, host in rows:
        if kind == "listen":
            tally.add(user, ms, "ownCallsListenedTo" if user == host else "othersCallsListenedTo", call_id)
            continue
        if kind in _GIVEN:
            tally.add(user, ms, _GIVEN[kind], call_id)
        if kind in _RECEIVED and host != user:
            tally.add(host, ms, _RECEIVED[kind], call_id)


def counts(days: Iterable[dict[str, set[int]]]) -> dict[str, int]:
    """The figures of some days as counts: each call counted once per day."""
    out = dict.fromkeys(FIGURES, 0)
    for day in days:
        for figure, found in day.items():
            out[figure] += len(found)
    return out


def call_lists(day: dict[str, set[int]] | None) -> dict[str, Any]:
    """One day's figures as Gong's ``DailyActivityWithDates`` lists of call ids (ascending)."""
    day = day or {}
    return {figure: [str(c) for c in sorted(day.get(figure, ()))] for figure in FIGURES}
