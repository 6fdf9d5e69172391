"""What people do with calls afterwards, as the statistics, scorecards, coaching and auditing logs see it:
scorecard definitions per workspace, scorecards answered for sampled calls (by the host's manager, or
automatically), listens, feedback, shares and "mark as reviewed" on those calls, and the log rows of it all
(call plays, shares with outsiders, logins, a few API accesses). People appear in log rows by user id only.
"""

from __future__ import annotations

import random
from typing import Any

from gongkit.demo.records import CallInfo, User
from gongkit.demo.seeded import DAY_MS, REFERENCE_MS, settled
from gongkit.demo.state import State

HOUR_MS = 3_600_000

# id kinds of this part (kept clear of the shared ones in :mod:`gongkit.demo.seeded`)
K_SCORECARD, K_QUESTION, K_ANSWERED = 901, 902, 903

#: (name, review method, questions as (text, type, guide, (min, max) or options))
SCORECARDS: tuple[tuple[str, str, tuple[tuple[str, str, str | None, Any], ...]], ...] = (
    (
        "Discovery Call Review",
        "MANUAL",
        (
            ("Overall, how well was discovery run?", "SCALE", "1 is poor, 5 is excellent", (1, 5)),
            ("Did the rep uncover the business pain?", "SCALE", "Look for a quantified impact", (1, 5)),
            ("Which next step was agreed?", "SINGLE_SELECT", None, ("Demo", "Proposal", "None")),
            ("What should the rep do differently?", "TEXT", "One concrete suggestion", None),
        ),
    ),
    (
        "Demo Excellence",
        "MANUAL",
        (
            ("Overall demo quality", "SCALE", "1 is poor, 5 is excellent", (1, 5)),
            ("Was the demo tailored to the customer's use case?", "SCALE", None, (1, 5)),
        ),
    ),
    (
        "Call Hygiene (automatic)",
        "AUTOMATIC",
        (
            ("Overall hygiene score", "SCALE", "Computed from the call", (1, 10)),
            ("Were next steps stated in the last five minutes?", "SINGLE_SELECT", None, ("Yes", "No")),
        ),
    ),
)

SUGGESTIONS = (
    "Ask about the decision process earlier.",
    "Let the customer finish before answering.",
    "Quantify the cost of the current process.",
    "Confirm the budget owner before the demo.",
)


def gen_activity(g: State) -> None:
    """Scorecards and their answers, activity events and log rows, all derived from the sampled calls."""
    rng = g.rng("activity")
    cards = _scorecards(g, rng)
    for k, call in enumerate(g.sample_calls):
        host = g.user_by_id.get(call.primary_user_id)
        if host is None:
            continue
        manager = g.user_by_id.get(host.manager_id) if host.manager_id else None
        _answers(g, rng, call, host, manager, cards, k)
        _events(g, rng, call, host, manager)
    _logins_and_access(g, rng)
    g.w.flush()
    g.report("activity", len(g.sample_calls), len(g.sample_calls))


def _scorecards(g: State, rng: random.Random) -> list[tuple[int, str, list[dict[str, Any]]]]:
    """Every workspace's scorecards; returns (id, review method, questions) per scorecard."""
    made = []
    humans = [u for u in g.users if u.team != "AVATAR"]
    n = q = 0
    for wid in g.workspace_ids:
        for name, method, questions in SCORECARDS:
            n += 1
            sid = g.ids(K_SCORECARD, n)
            created = g.window_start - rng.randrange(30, 200) * DAY_MS
            g.w.rows["scorecards"].append(
                {
                    "id": sid,
                    "company_id": g.cid,
                    "workspace_id": wid,
                    "name": name,
                    "enabled": n % 7 != 0,
                    "review_method": method,
                    "updater_user_id": rng.choice(humans).id if humans else None,
                    "created_ms": created,
                    "updated_ms": created + rng.randrange(1, 60) * DAY_MS,
                }
            )
            rows = []
            for seq, (text, kind, guide, shape) in enumerate(questions, 1):
                q += 1
                options = [{"id": i + 1, "text": t} for i, t in enumerate(shape)] if kind == "SINGLE_SELECT" else None
                row = {
                    "id": g.ids(K_QUESTION, q),
                    "scorecard_id": sid,
                    "company_id": g.cid,
                    "revision_id": g.ids(K_QUESTION, q) + 1,
                    "seq": seq,
                    "text": text,
                    "is_overall": seq == 1,
                    "question_type": kind,
                    "answer_guide": guide,
                    "min_range": shape[0] if kind == "SCALE" else None,
                    "max_range": shape[1] if kind == "SCALE" else None,
                    "options": options,
                }
                g.w.rows["scorecard_questions"].append(row)
                rows.append(row)
            made.append((sid, method, rows))
    return made


def _answers(
    g: State,
    rng: random.Random,
    call: CallInfo,
    host: User,
    manager: User | None,
    cards: list[tuple[int, str, list[dict[str, Any]]]],
    k: int,
) -> None:
    end = call.started_ms + call.duration * 1000
    if manager is not None and rng.random() < 0.45:
        _answer(g, rng, call, host, manager, cards[k % 2], end + rng.randrange(2, 96) * HOUR_MS)
    if rng.random() < 0.3:
        _answer(g, rng, call, host, None, cards[2], end + rng.randrange(1, 4) * HOUR_MS)


def _answer(
    g: State,
    rng: random.Random,
    call: CallInfo,
    host: User,
    reviewer: User | None,
    card: tuple[int, str, list[dict[str, Any]]],
    at: int,
) -> None:
    sid, method, questions = card
    answers = []
    for q in questions:
        kind = q["question_type"]
        na = kind == "SCALE" and not q["is_overall"] and rng.random() < 0.1
        answers.append(
            {
                "questionId": q["id"],
                "questionRevisionId": q["revision_id"],
                "isOverall": q["is_overall"],
                "score": None if kind != "SCALE" or na else rng.randint(q["min_range"], q["max_range"]),
                "answerText": rng.choice(SUGGESTIONS) if kind == "TEXT" else None,
                "notApplicable": na,
                "selectedOptions": [rng.choice(q["options"])["id"]] if kind == "SINGLE_SELECT" else None,
            }
        )
    n = g.w.counts["answered_scorecards"] + len(g.w.rows["answered_scorecards"]) + 1
    g.w.rows["answered_scorecards"].append(
        {
            "id": g.ids(K_ANSWERED, n),
            "company_id": g.cid,
            "scorecard_id": sid,
            "call_id": call.id,
            "reviewed_user_id": host.id,
            "reviewer_user_id": None if reviewer is None else reviewer.id,
            "editor_user_id": None,
            "review_method": method,
            "visibility": "PUBLIC" if rng.random() < 0.8 else "PRIVATE",
            "review_ms": settled(at),
            "answers": answers,
        }
    )


def _events(g: State, rng: random.Random, call: CallInfo, host: User, manager: User | None) -> None:
    end = call.started_ms + call.duration * 1000

    def event(user: User, kind: str, delay_hours: int) -> int:
        at = settled(end + delay_hours * HOUR_MS + rng.randrange(HOUR_MS))
        g.w.rows["activity_events"].append(
            {"company_id": g.cid, "call_id": call.id, "user_id": user.id, "kind": kind, "time_ms": at}
        )
        return at

    def log(log_type: str, user: User | None, at: int, record: dict[str, Any]) -> None:
        g.w.rows["audit_logs"].append(
            {
                "company_id": g.cid,
                "log_type": log_type,
                "event_ms": at,
                "user_id": None if user is None else user.id,
                "record": record,
            }
        )

    played = {"callId": str(call.id), "via": "web"}
    if rng.random() < 0.5:
        log("UserCallPlay", host, event(host, "listen", rng.randrange(1, 48)), played)
    if rng.random() < 0.15:
        event(host, "feedback_request", rng.randrange(1, 24))
    if manager is not None and rng.random() < 0.4:
        log("UserCallPlay", manager, event(manager, "listen", rng.randrange(2, 72)), played)
        if rng.random() < 0.5:
            event(manager, "feedback", rng.randrange(72, 96))
        if rng.random() < 0.4:
            event(manager, "mark_reviewed", rng.randrange(96, 120))
    if rng.random() < 0.1:
        event(host, "share_internal", rng.randrange(1, 200))
    if rng.random() < 0.08:
        shared = event(host, "share_external", rng.randrange(1, 200))
        record = {"callId": str(call.id), "sharedByUserId": str(host.id)}
        log("ExternallySharedCallAccess", host, settled(shared + 3 * HOUR_MS), record)
        log("ExternallySharedCallPlay", host, settled(shared + 4 * HOUR_MS), {**record, "playedSeconds": 120})


def _logins_and_access(g: State, rng: random.Random) -> None:
    """Logins of the users over the window, and a few API accesses in the last days (Gong keeps 14 days)."""
    humans = [u for u in g.users if u.team != "AVATAR"]
    rows = g.w.rows["audit_logs"]
    for user in humans:
        for _ in range(rng.randrange(1, 6)):
            at = max(user.start_ms, g.window_start) + rng.randrange(max(1, REFERENCE_MS - g.window_start))
            rows.append(
                {
                    "company_id": g.cid,
                    "log_type": "UserActivityLog",
                    "event_ms": settled(at),
                    "user_id": user.id,
                    "record": {"activity": rng.choice(("Login", "Logout", "Settings changed"))},
                }
            )
    for k in range(12):
        rows.append(
            {
                "company_id": g.cid,
                "log_type": "AccessLog",
                "event_ms": settled(REFERENCE_MS - (k + 1) * 7 * HOUR_MS),
                "user_id": None,
                "record": {
                    "credential": "demo-integration",
                    "credentialType": "basic",
                    "operationId": "listCalls",
                    "method": "GET",
                    "path": "/v2/calls",
                    "status": 200,
                    "requestId": f"demo{k:04d}",
                },
            }
        )
