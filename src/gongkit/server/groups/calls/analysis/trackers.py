"""``content.trackers``: keyword trackers matched on a call's transcript.

A tracker applies to a call when it is company-wide or in the call's workspace, and one of its keyword lists is
in the call's language: a list in ``mul`` applies to every language, and on a call whose language is unknown
every list applies. Smart trackers are machine-learned classifiers: nothing stored could reproduce them, so they
are never reported.

Matching: a keyword matches where its words appear, in order and next to each other, among a sentence's words
(case-folded; punctuation separates words, so ``go-live`` matches ``go live``). With ``includeRelatedForms``
each word is compared by its stem (:func:`~gongkit.server.groups.calls.analysis.transcript.stem`), so
``organize`` also finds ``organized`` and ``organizing``. A match counts when:

- the speaker's affiliation fits (``Anyone``; ``Company``: company speakers; ``NonCompany``: everyone else);
- with ``partOfQuestion``, the sentence is a question;
- the monologue's topic is one of ``saidInTopics`` (when that list is not empty);
- its time is inside the ``saidAt`` window: ``Anytime``; ``First``: before ``saidAtInterval`` minutes (or that
  percentage of the call); ``Last``: within that long of the call's end.

An occurrence's ``startTime`` is when the keyword's first word was said, interpolated inside its sentence by
character position, in seconds rounded down to the hundredth (so it never lies after the sentence, or the call,
ends). A tracker's ``count`` is the number of places (distinct first words) where any of its keywords matched;
each phrase's ``count`` is its own matches, and ``phrases`` lists the keywords that were said (Gong: "when each
specific phrase ... came up"); a tracker that applies but was not said is answered with ``count: 0``. The stored
definition's ``filterQuery`` is kept and answered by ``GET /v2/settings/trackers`` but not evaluated here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gongkit.server.groups.calls.analysis.transcript import CallTranscript, Utterance, stem, word_offsets, words

MULTIPLE_LANGUAGES = "mul"


@dataclass(frozen=True, slots=True)
class KeywordList:
    language: str
    keywords: tuple[str, ...]
    related_forms: bool = False


@dataclass(frozen=True)
class TrackerDefinition:
    """A stored keyword tracker, as the matcher needs it."""

    id: int
    name: str
    keyword_lists: tuple[KeywordList, ...]
    workspace_id: int | None = None
    affiliation: str = "Anyone"  # Anyone | Company | NonCompany
    part_of_question: bool = False
    said_at: str = "Anytime"  # Anytime | First | Last
    said_at_interval: int | None = None
    said_at_unit: str | None = None  # minutes | percent
    said_in_topics: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: Any) -> TrackerDefinition:
        """From a ``trackers`` row."""
        lists = tuple(
            KeywordList(
                str(item.get("language") or MULTIPLE_LANGUAGES),
                tuple(str(k) for k in item.get("keywords") or ()),
                bool(item.get("includeRelatedForms")),
            )
            for item in row.language_keywords or ()
        )
        return cls(
            id=row.id,
            name=row.name,
            keyword_lists=lists,
            workspace_id=row.workspace_id,
            affiliation=row.affiliation,
            part_of_question=bool(row.part_of_question),
            said_at=row.said_at,
            said_at_interval=row.said_at_interval,
            said_at_unit=row.said_at_unit,
            said_in_topics=tuple(row.said_in_topics or ()),
        )

    def lists_for(self, call: CallTranscript) -> list[KeywordList]:
        """The keyword lists that apply to the call (none: the tracker does not apply)."""
        if self.workspace_id is not None and self.workspace_id != call.workspace_id:
            return []
        language = (call.language or "").lower()
        return [
            kl for kl in self.keyword_lists if not language or kl.language.lower() in (MULTIPLE_LANGUAGES, language)
        ]

    def window(self, span_ms: int) -> tuple[int, int]:
        """The part of the call, [from, to] in ms, where matches count."""
        if self.said_at not in ("First", "Last") or self.said_at_interval is None:
            return 0, span_ms
        if (self.said_at_unit or "minutes").lower().startswith("percent"):
            length = span_ms * self.said_at_interval // 100
        else:
            length = self.said_at_interval * 60_000
        return (0, min(span_ms, length)) if self.said_at == "First" else (max(0, span_ms - length), span_ms)


class _Index:
    """Where the first words of the keywords are said (plain, or stemmed for keywords with related forms):
    word -> [(utterance index, word index)], in time order. Only those words are indexed, and stems are
    cached across calls (a conversation's vocabulary is small)."""

    def __init__(self, utterances: list[Utterance], keywords: list[tuple[str, bool]]) -> None:
        self.utterances = utterances
        plain_firsts = {ws[0] for k, related in keywords if not related and (ws := _words(k))}
        stem_firsts = {_stem(ws[0]) for k, related in keywords if related and (ws := _words(k))}
        self.plain: list[tuple[str, ...]] = []
        self.by_plain: dict[str, list[tuple[int, int]]] = {}
        self.by_stem: dict[str, list[tuple[int, int]]] = {}
        for k, u in enumerate(utterances):
            plain = tuple(words(u.text))
            self.plain.append(plain)
            for i, w in enumerate(plain):
                if w in plain_firsts:
                    self.by_plain.setdefault(w, []).append((k, i))
                if stem_firsts and (st := _stem(w)) in stem_firsts:
                    self.by_stem.setdefault(st, []).append((k, i))

    def find(self, keyword: str, related_forms: bool) -> list[tuple[int, int]]:
        """Where the keyword's words are said, in order and next to each other."""
        needle = _words(keyword)
        if not needle:
            return []
        n = len(needle)
        if not related_forms:
            return [(k, i) for k, i in self.by_plain.get(needle[0], ()) if self.plain[k][i : i + n] == needle]
        stems = tuple(_stem(w) for w in needle)
        return [
            (k, i)
            for k, i in self.by_stem.get(stems[0], ())
            if tuple(_stem(w) for w in self.plain[k][i : i + n]) == stems
        ]

    def time_ms(self, k: int, i: int) -> float:
        u = self.utterances[k]
        return u.start + (u.end - u.start) * word_offsets(u.text)[i] / max(1, len(u.text))


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    return stem(word)


@lru_cache(maxsize=4096)
def _words(keyword: str) -> tuple[str, ...]:
    return tuple(words(keyword))


def match_trackers(
    call: CallTranscript, utterances: list[Utterance], definitions: list[TrackerDefinition]
) -> list[dict[str, Any]]:
    """Every applicable tracker with its counts, phrases and occurrences (``TrackerDto``), in the given order."""
    applicable = [(tracker, lists) for tracker in definitions if (lists := tracker.lists_for(call))]
    index = _Index(utterances, [(k, kl.related_forms) for _, lists in applicable for kl in lists for k in kl.keywords])
    span = call.span_ms
    out = []
    for tracker, lists in applicable:
        low, high = tracker.window(span)
        eligible = {k for k, u in enumerate(utterances) if _eligible(call, tracker, u)}
        places: dict[tuple[int, int], dict[str, Any]] = {}
        phrases = []
        for kl in lists:
            for keyword in dict.fromkeys(kl.keywords):
                found = []
                for k, i in index.find(keyword, kl.related_forms):
                    at = index.time_ms(k, i)
                    if k in eligible and low <= at <= high:
                        occurrence = {"startTime": math.floor(at / 10) / 100, "speakerId": utterances[k].speaker_id}
                        found.append(occurrence)
                        places.setdefault((k, i), occurrence)
                if found:
                    phrases.append({"count": len(found), "occurrences": found, "phrase": keyword})
        occurrences = [places[key] for key in sorted(places)]
        out.append(
            {
                "id": str(tracker.id),
                "name": tracker.name,
                "count": len(occurrences),
                "type": "KEYWORD",
                "occurrences": occurrences,
                "phrases": phrases,
            }
        )
    return out


def _eligible(call: CallTranscript, tracker: TrackerDefinition, u: Utterance) -> bool:
    if tracker.part_of_question and not u.is_question:
        return False
    if tracker.said_in_topics and u.topic not in tracker.said_in_topics:
        return False
    if tracker.affiliation == "Company":
        return call.speaker(u.speaker_id).company
    if tracker.affiliation == "NonCompany":
        return not call.speaker(u.speaker_id).company
    return True
