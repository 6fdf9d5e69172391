"""``CallData.interaction`` and the per-user interaction figures, from a call's transcript.

Definitions (times in seconds; a *turn* is a maximal run of consecutive sentences, in time order, by one
speaker: it ends as soon as anyone else starts a sentence, or at a silence longer than :data:`MAX_PAUSE_MS`, when
nobody is talking):

- **talk time** of a speaker (``speakers[].talkTime``): the length of the union of their sentences, so
  overlapping sentences of one speaker count once; the talk times of all speakers sum to the call's speech time
  counted per speaker (crosstalk counts for each speaker talking).
- **Talk Ratio** (Gong: the share of the call's talking done by the user): the user's talk time over the talk
  time of all speakers, from 0 to 1, two decimals.
- **Longest Monologue** (Gong: the longest stretch the user spoke without being interrupted): the user's
  longest turn, first sentence start to last sentence end, pauses inside it included.
- **Longest Customer Story** (Gong: the longest stretch a customer spoke without being interrupted): the longest
  turn of any non-company speaker on the call; the same for every user of the call. Left out when no non-company
  speaker spoke.
- **Interactivity** (Gong: how often the conversation switches between speakers, on a 0–10 scale; the exact
  formula is Gong's own): here, the number of turn changes the user takes part in (someone else's turn followed by
  theirs or theirs followed by someone else's) per minute of the call, capped at 10; a call shorter than a minute
  counts as one minute. One decimal.
- **Patience** (Gong: how long the user waits after a customer stops talking before speaking): the mean pause
  between the end of a non-company speaker's turn and the start of the user's turn that directly follows it (an
  interruption counts as a pause of 0; a turn that follows a silence longer than :data:`MAX_PAUSE_MS` is no
  answer and is not counted). Left out when no such turn exists. Two decimals.
- **Question Rate** (ours; Gong does not publish a formula): the questions the user asked per hour of the call,
  one decimal. A question is a sentence ending with a question mark.
- **questions** (``companyCount``, ``nonCompanyCount``): the questions asked by company speakers and by everyone
  else.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from gongkit.server.groups.calls.analysis.transcript import CallTranscript, Utterance

TALK_RATIO = "Talk Ratio"
LONGEST_MONOLOGUE = "Longest Monologue"
LONGEST_CUSTOMER_STORY = "Longest Customer Story"
INTERACTIVITY = "Interactivity"
PATIENCE = "Patience"
QUESTION_RATE = "Question Rate"

#: A silence longer than this ends a turn, and a turn after it does not answer the one before.
MAX_PAUSE_MS = 10_000


@dataclass(frozen=True, slots=True)
class Turn:
    speaker_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class UserStats:
    """One ``call_user_stats`` row: a company user's talk time (whole seconds) and figures (Gong's names)."""

    user_id: int
    talk_time_sec: int
    stats: list[dict[str, Any]]


def talk_times(utterances: list[Utterance]) -> dict[str, int]:
    """Talk time per speaker in ms: the length of the union of each speaker's sentences."""
    by_speaker: dict[str, list[tuple[int, int]]] = {}
    for u in utterances:
        by_speaker.setdefault(u.speaker_id, []).append((u.start, u.end))
    out: dict[str, int] = {}
    for speaker, spans in by_speaker.items():
        total, reach = 0, -1
        for start, end in sorted(spans):
            if end <= reach:
                continue
            total += end - max(start, reach)
            reach = end
        out[speaker] = total
    return out


def turns(utterances: list[Utterance]) -> list[Turn]:
    """The call's turns, in time order."""
    out: list[Turn] = []
    for u in utterances:
        if out and out[-1].speaker_id == u.speaker_id and u.start - out[-1].end <= MAX_PAUSE_MS:
            last = out[-1]
            out[-1] = Turn(last.speaker_id, last.start, max(last.end, u.end))
        else:
            out.append(Turn(u.speaker_id, u.start, u.end))
    return out


def _seconds(ms: float, digits: int = 1) -> float:
    return round(ms / 1000, digits)


def interaction(call: CallTranscript, utterances: list[Utterance]) -> dict[str, Any]:
    """``speakers`` (every party with a speaker id, then any other voice, by first words) and ``questions``."""
    talk = talk_times(utterances)
    order = list(call.speakers)
    order += [u.speaker_id for u in utterances if u.speaker_id not in call.speakers]
    speakers = []
    for speaker_id in dict.fromkeys(order):
        entry: dict[str, Any] = {"id": speaker_id}
        user_id = call.speaker(speaker_id).user_id
        if user_id is not None:  # a speaker who is no user has no userId (as Gong answers)
            entry["userId"] = str(user_id)
        entry["talkTime"] = talk.get(speaker_id, 0) / 1000
        speakers.append(entry)
    company = sum(1 for u in utterances if u.is_question and call.speaker(u.speaker_id).company)
    asked = sum(1 for u in utterances if u.is_question)
    return {"speakers": speakers, "questions": {"companyCount": company, "nonCompanyCount": asked - company}}


def user_stats(call: CallTranscript, utterances: list[Utterance]) -> list[UserStats]:
    """The figures of every company user with a speaker id on the call (by user id; a user with several
    speaker ids is measured over all of them)."""
    talk = talk_times(utterances)
    all_talk = sum(talk.values())
    call_turns = turns(utterances)
    minutes = max(call.span_ms, 60_000) / 60_000
    hours = max(call.span_ms, 1) / 3_600_000
    customer = [t.end - t.start for t in call_turns if not call.speaker(t.speaker_id).company]
    users: dict[int, set[str]] = {}
    for sp in call.speakers.values():
        if sp.company and sp.user_id is not None:
            users.setdefault(sp.user_id, set()).add(sp.speaker_id)
    out = []
    for user_id, ids in users.items():
        mine = sum(talk.get(i, 0) for i in ids)
        own_turns = [t for t in call_turns if t.speaker_id in ids]
        switches = sum(1 for a, b in pairwise(call_turns) if (a.speaker_id in ids) != (b.speaker_id in ids))
        pauses = [
            max(0, b.start - a.end)
            for a, b in pairwise(call_turns)
            if b.speaker_id in ids and not call.speaker(a.speaker_id).company and b.start - a.end <= MAX_PAUSE_MS
        ]
        questions = sum(1 for u in utterances if u.is_question and u.speaker_id in ids)
        stats: list[dict[str, Any]] = [
            {"name": TALK_RATIO, "value": round(mine / all_talk, 2) if all_talk else 0.0},
            {"name": LONGEST_MONOLOGUE, "value": _seconds(max((t.end - t.start for t in own_turns), default=0))},
        ]
        if customer:
            stats.append({"name": LONGEST_CUSTOMER_STORY, "value": _seconds(max(customer))})
        stats.append({"name": INTERACTIVITY, "value": round(min(10.0, switches / minutes), 1)})
        if pauses:
            stats.append({"name": PATIENCE, "value": _seconds(sum(pauses) / len(pauses), 2)})
        stats.append({"name": QUESTION_RATE, "value": round(questions / hours, 1)})
        out.append(UserStats(user_id, round(mine / 1000), stats))
    return out
