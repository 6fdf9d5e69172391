"""What the call analysis reads: a call's transcript, who its speakers are, and the words said.

Times are milliseconds from the start of the call, as stored in ``transcript_monologues.sentences``. The
analysis never trusts a transcript to stay inside its call: every figure is taken over the call's *span*,
``[0, duration)`` (or up to the last sentence's end when the duration is unknown), and speech outside it is cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A word: letters, digits and inner apostrophes (``don't``, ``customer's``), in any script.
_WORD = re.compile(r"\w+(?:'\w+)*")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # ms from the start of the call
    end: int
    text: str

    @property
    def is_question(self) -> bool:
        """A question is a sentence whose text ends with a question mark (``?``, or ``？`` / ``؟``)."""
        return self.text.rstrip().endswith(("?", "？", "؟"))


@dataclass(frozen=True, slots=True)
class Monologue:
    """One stored monologue: a speaker's run of sentences, with the topic the transcript gives it."""

    speaker_id: str
    topic: str | None
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker of the call: the party behind a speaker id. ``company``: the party's affiliation is
    ``Internal``; every other speaker (``External``, ``Unknown``, or a speaker id no party has) is non-company."""

    speaker_id: str
    user_id: int | None = None
    company: bool = False


@dataclass(frozen=True, slots=True)
class Utterance:
    """A sentence with who said it and under which topic, clipped to the call's span."""

    speaker_id: str
    topic: str | None
    start: int
    end: int
    text: str
    is_question: bool


@dataclass(frozen=True)
class CallTranscript:
    """Everything the analysis needs of one call."""

    duration_ms: int | None
    monologues: tuple[Monologue, ...]
    speakers: dict[str, Speaker] = field(default_factory=dict)
    language: str | None = None  # ISO 639-2/B, as the call stores it
    workspace_id: int | None = None

    @property
    def span_ms(self) -> int:
        """The call's length: its duration, or the end of its last sentence when the duration is unknown."""
        if self.duration_ms is not None and self.duration_ms > 0:
            return self.duration_ms
        return max((s.end for m in self.monologues for s in m.sentences), default=0)

    def speaker(self, speaker_id: str) -> Speaker:
        return self.speakers.get(speaker_id) or Speaker(speaker_id)

    def utterances(self) -> list[Utterance]:
        """Every sentence inside the span (cut at its end), by start time; a stable sort keeps the stored order
        of sentences that start together."""
        span = self.span_ms
        out = [
            Utterance(m.speaker_id, m.topic, s.start, min(s.end, span), s.text, s.is_question)
            for m in self.monologues
            for s in m.sentences
            if 0 <= s.start < span and s.end > s.start
        ]
        out.sort(key=lambda u: u.start)
        return out


def words(text: str) -> list[str]:
    """The words of a text, each case-folded (found in the text as written, so that the i-th word is the one
    :func:`word_offsets` places, whatever case folding does to a word's length)."""
    return [w.casefold() for w in _WORD.findall(text)]


def word_offsets(text: str) -> list[int]:
    """The character offset at which each word of the text starts."""
    return [m.start() for m in _WORD.finditer(text)]


def stem(word: str) -> str:
    """A light English stem, so that related forms of a keyword match: ``organize``, ``organized``,
    ``organizes`` and ``organizing`` all give ``organiz``; ``price``/``prices``/``pricing`` give ``pric``;
    ``stop``/``stopped`` give ``stop``; ``company``/``companies`` give ``company``.

    Rules, applied once each in this order, only while at least three letters remain: a possessive ``'s`` goes;
    ``ies``/``ied`` become ``y``; else one of ``ing``, ``ed``, ``es``, ``s`` (not ``ss``) goes; then a final ``e``
    goes, and a doubled final consonant other than ``l`` or ``s`` is made single.
    """
    w = word[:-2] if word.endswith("'s") else word
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    else:
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith("ss")):
                w = w[: -len(suffix)]
                break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeioulsy":
        w = w[:-1]
    return w
