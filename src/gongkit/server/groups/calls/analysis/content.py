"""``CallData.content`` blocks other than trackers, from the transcript's monologues and their topics.

- **Parts** of the call: each monologue covers the time from its first sentence to the next monologue's first
  sentence (the first from the call's start, the last to the call's end); consecutive monologues with the same
  topic form one part (a monologue without a topic belongs to the part before it, or to the first part).
  Boundaries are taken in whole seconds, so the parts' durations sum exactly to the call's length in seconds.
- ``structure`` (Gong: the call's agenda, "if available"): the parts in order, ``{name: topic, duration}``.
- ``topics`` (Gong: the total time, in seconds, spent on each topic): the parts' durations summed per topic, in
  order of first appearance.
- ``outline``: one section per part (``section`` = its topic, ``startTime``, ``duration``); its items are the
  questions asked in that part (up to :data:`OUTLINE_ITEMS`), with when they were asked. Extractive: the words
  are the speakers' own.
- ``pointsOfInterest.actionItems``: sentences in which a company speaker commits to doing something
  (:data:`COMMITMENT`: "I'll", "we will", "let me", "I'm going to", ...), not questions, with their times.
- ``highlights``: "Next Steps" (the action items' sentences) and "Key Questions" (questions asked by non-company
  speakers), each up to :data:`HIGHLIGHT_ITEMS` items; a section with nothing is left out.

Not derived (answered absent): ``brief``, ``keyPoints`` and ``callOutcome`` are written or classified by Gong's
language models; nothing stored determines them. A transcript without any topic has no ``structure``,
``topics`` or ``outline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gongkit.server.groups.calls.analysis.transcript import CallTranscript, Utterance

OUTLINE_ITEMS = 3
HIGHLIGHT_ITEMS = 5
ACTION_ITEMS = 10

#: A commitment: the speaker says what they (or their side) will do.
COMMITMENT = re.compile(
    r"\b(i'll|i will|we'll|we will|let me|i'm going to|we're going to|i am going to|we are going to)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Part:
    """A run of monologues under one topic: [start, end) in whole seconds."""

    topic: str
    start: int
    end: int


def parts(call: CallTranscript) -> list[Part]:
    """The call's parts (see the module docstring); empty when no monologue has a topic."""
    span_s = round(call.span_ms / 1000)
    starts = sorted(
        ((min(s.start for s in m.sentences), m.topic) for m in call.monologues if m.sentences),
        key=lambda x: x[0],
    )
    out: list[Part] = []
    for start_ms, topic in starts:
        if not topic or not 0 <= start_ms < call.span_ms or (out and out[-1].topic == topic):
            continue
        at = min(span_s, max(out[-1].start, round(start_ms / 1000))) if out else 0
        if out:
            out[-1] = Part(out[-1].topic, out[-1].start, at)
        out.append(Part(topic, at, span_s))
    return out


def structure(call_parts: list[Part]) -> list[dict[str, Any]]:
    return [{"name": p.topic, "duration": p.end - p.start} for p in call_parts]


def topics(call_parts: list[Part]) -> list[dict[str, Any]]:
    totals: dict[str, int] = {}
    for p in call_parts:
        totals[p.topic] = totals.get(p.topic, 0) + p.end - p.start
    return [{"name": name, "duration": duration} for name, duration in totals.items()]


def outline(call_parts: list[Part], utterances: list[Utterance]) -> list[dict[str, Any]]:
    sections = []
    for p in call_parts:
        asked = [u for u in utterances if u.is_question and p.start * 1000 <= u.start < p.end * 1000]
        items = [{"text": u.text, "startTime": u.start / 1000} for u in asked[:OUTLINE_ITEMS]]
        sections.append(
            {"section": p.topic, "startTime": float(p.start), "duration": float(p.end - p.start), "items": items}
        )
    return sections


def action_items(call: CallTranscript, utterances: list[Utterance]) -> list[Utterance]:
    """Company speakers' commitments (not questions), in time order."""
    return [
        u for u in utterances if not u.is_question and call.speaker(u.speaker_id).company and COMMITMENT.search(u.text)
    ][:ACTION_ITEMS]


def points_of_interest(actions: list[Utterance]) -> dict[str, Any]:
    return {
        "actionItems": [
            {
                "snippetStartTime": u.start / 1000,
                "snippetEndTime": u.end / 1000,
                "speakerID": u.speaker_id,
                "snippet": u.text,
            }
            for u in actions
        ]
    }


def highlights(call: CallTranscript, utterances: list[Utterance], actions: list[Utterance]) -> list[dict[str, Any]]:
    asked = [u for u in utterances if u.is_question and not call.speaker(u.speaker_id).company]
    out = []
    for title, picked in (("Next Steps", actions), ("Key Questions", asked)):
        if picked:
            items = [{"text": u.text, "startTimes": [u.start / 1000]} for u in picked[:HIGHLIGHT_ITEMS]]
            out.append({"title": title, "items": items})
    return out
