"""Call analysis: ``CallData.content`` and ``CallData.interaction`` as Gong returns them, and the per-user
statistics inputs of every call."""

from __future__ import annotations

import random
from typing import Any

from gongkit.demo.dialogue import BRIEFS, HIGHLIGHT_ITEMS, KEY_POINTS, OUTCOMES, OUTLINE_ITEMS, TRACKERS
from gongkit.demo.records import Call, Monologues, Speaker
from gongkit.demo.seeded import below, pick, sample
from gongkit.demo.state import State


def render_content(
    g: State,
    rt: random.Random,
    call: Call,
    sections: list[tuple[str, str, int, int]],
    marks: list[tuple[float, str]],
    speakers: list[Speaker],
    ctx: dict[str, str],
) -> dict[str, Any]:
    """``CallData.content`` as Gong returns it (all blocks; the server picks what the selector asks for)."""
    rnd = rt.random
    duration = call.duration
    topics: dict[str, int] = {}
    for _name, topic, _start, length in sections:
        topics[topic] = topics.get(topic, 0) + length
    trackers: list[dict[str, Any]] = []
    for (tname, ttype, phrases), tid in zip(TRACKERS, g.tracker_ids, strict=True):
        if not marks or rnd() < 0.6:
            continue
        hits = sorted(sample(rnd, marks, 1 + below(rnd, 3)))
        occurrences = [{"startTime": round(st, 2), "speakerId": sid} for st, sid in hits]
        tracker: dict[str, Any] = {
            "id": str(tid),
            "name": tname,
            "count": len(occurrences),
            "type": ttype,
            "occurrences": occurrences,
            "phrases": [],
        }
        if ttype == "KEYWORD":
            phrase = pick(rnd, phrases)
            tracker["phrases"] = [{"count": len(occurrences), "occurrences": occurrences, "phrase": phrase}]
        trackers.append(tracker)
    discussed = [t.lower() for t in topics if t not in ("Call Setup", "Small Talk")] or ["next steps"]
    fmt = dict(ctx, topics=", ".join(discussed[:3]))
    outline = []
    for name, _topic, start, length in sections:
        at = float(start + below(rnd, max(1, length)))
        items = [{"text": pick(rnd, OUTLINE_ITEMS).format_map(fmt), "startTime": at}]
        outline.append({"section": name, "startTime": float(start), "duration": float(length), "items": items})
    highlights = []
    for htitle, texts in HIGHLIGHT_ITEMS.items():
        if call.kind == "internal" and htitle != "Next Steps":
            continue
        picks = sample(rnd, texts, 1 + below(rnd, len(texts)))
        items = [{"text": x.format_map(fmt), "startTimes": [float(below(rnd, duration))]} for x in picks]
        highlights.append({"title": htitle, "items": items})
    if call.kind == "internal":
        outcome_kind, brief = "internal", f"{call.host.name} led a {ctx['purpose']} with the team."
    else:
        outcome_kind = "voicemail" if call.purpose == "Voicemail" else ("phone" if call.kind == "phone" else "meeting")
        brief = pick(rnd, BRIEFS).format_map(fmt)
    oid, category, oname = pick(rnd, OUTCOMES[outcome_kind])
    action_at = float(max(0, duration - 30 - below(rnd, 90)))
    return {
        "structure": [{"name": name, "duration": length} for name, _t, _s, length in sections],
        "topics": [{"name": k, "duration": v} for k, v in topics.items()],
        "trackers": trackers,
        "brief": brief,
        "outline": outline,
        "highlights": highlights,
        "keyPoints": [{"text": x.format_map(fmt)} for x in sample(rnd, KEY_POINTS, 3)],
        "callOutcome": {"id": oid, "category": category, "name": oname},
        "pointsOfInterest": {
            "actionItems": [
                {
                    "snippetStartTime": action_at,
                    "snippetEndTime": min(float(duration), action_at + 8.0),
                    "speakerID": speakers[0].id,
                    "snippet": f"I'll send over a recap and the proposal by {ctx['day']}.",
                }
            ]
        },
    }


def render_interaction(
    rt: random.Random, call: Call, speakers: list[Speaker], talk: dict[str, int], st: Monologues
) -> dict[str, Any]:
    """``CallData.interaction`` as Gong returns it."""
    rnd = rt.random
    total = sum(talk.values()) or 1
    out_speakers: list[dict[str, Any]] = []
    for sp in speakers:
        entry: dict[str, Any] = {"id": sp.id}
        if sp.user is not None:
            entry["userId"] = str(sp.user.id)
        entry["talkTime"] = round(talk.get(sp.id, 0) / 1000, 1)
        out_speakers.append(entry)
    out: dict[str, Any] = {
        "speakers": out_speakers,
        "interactionStats": [
            {"name": "Talk Ratio", "value": round(talk.get(speakers[0].id, 0) / total, 2)},
            {"name": "Longest Monologue", "value": st.longest[0] // 1000},
            {"name": "Longest Customer Story", "value": st.longest[1] // 1000},
            {"name": "Interactivity", "value": round(min(10.0, st.switches / st.minutes * 4), 1)},
            {"name": "Patience", "value": round(0.4 + 1.2 * rnd(), 2)},
            {"name": "Question Rate", "value": round(st.questions[0] / st.minutes * 10, 1)},
        ],
    }
    if call.media == "Video":
        left = float(call.duration)
        video = []
        for vname in ("Presentation", "Browser", "WebcamPrimaryUser", "WebcamNonCompany", "Webcam"):
            d = round(left * (0.1 + 0.3 * rnd()), 1)
            left -= d
            video.append({"name": vname, "duration": d})
        out["video"] = video
    out["questions"] = {"companyCount": st.questions[0], "nonCompanyCount": st.questions[1]}
    return out


def add_user_stats(g: State, rt: random.Random, call: Call, speakers: list[Speaker], talk: dict[str, int]) -> None:
    """The per-user inputs of the statistics endpoints, for every call (measured from the recording)."""
    rnd = rt.random
    rows = g.w.rows["call_user_stats"]
    duration = call.duration
    for sp in speakers:
        if sp.user is None:
            continue
        if talk:
            talk_sec = talk.get(sp.id, 0) // 1000
        else:
            talk_sec = int(duration * (0.45 if sp.user is call.host else 0.15) * (0.8 + 0.4 * rnd()))
        rows.append(
            {
                "call_id": call.id,
                "company_id": g.cid,
                "user_id": sp.user.id,
                "talk_time_sec": talk_sec,
                "stats": [
                    {"name": "Talk Ratio", "value": round(talk_sec / duration, 2)},
                    {"name": "Longest Monologue", "value": min(talk_sec, 30 + below(rnd, 150))},
                    {"name": "Longest Customer Story", "value": 10 + below(rnd, 110)},
                    {"name": "Interactivity", "value": round(2 + 6 * rnd(), 1)},
                    {"name": "Patience", "value": round(0.4 + 1.2 * rnd(), 2)},
                    {"name": "Question Rate", "value": round(1 + 9 * rnd(), 1)},
                ],
            }
        )
