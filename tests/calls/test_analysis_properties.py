"""Properties of the call analysis over generated transcripts: talk times add up to the speech time, nothing is
found outside the call, the parts cover the call, counts agree with occurrences, the same input gives the same
answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkit.server.groups.calls.analysis import (
    CallTranscript,
    KeywordList,
    Monologue,
    Sentence,
    Speaker,
    TrackerDefinition,
    analyse,
)
from gongkit.server.groups.calls.analysis.interaction import talk_times

SPEAKERS = {
    "a": Speaker("a", user_id=1, company=True),
    "b": Speaker("b", user_id=2, company=True),
    "c": Speaker("c"),
}
WORDS = ("price", "prices", "discount", "go", "live", "hello", "sso", "budget", "team")
TRACKERS = [
    TrackerDefinition(1, "Anyone", (KeywordList("mul", ("price", "go live", "sso"), True),)),
    TrackerDefinition(2, "Company", (KeywordList("eng", ("discount", "budget")),), affiliation="Company"),
    TrackerDefinition(3, "Asked", (KeywordList("eng", ("price",)),), part_of_question=True),
    TrackerDefinition(4, "Last", (KeywordList("eng", ("team",)),), said_at="Last", said_at_interval=1),
    TrackerDefinition(
        5, "First", (KeywordList("eng", ("hello",)),), said_at="First", said_at_interval=30, said_at_unit="percent"
    ),
]

sentence_text = st.builds(
    lambda ws, q: " ".join(ws) + ("?" if q else "."),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
    st.booleans(),
)
monologue_spec = st.tuples(
    st.sampled_from(sorted(SPEAKERS)),
    st.sampled_from((None, "Intro", "Pricing", "Next Steps")),
    st.lists(st.tuples(st.integers(0, 20_000), st.integers(1, 15_000), sentence_text), min_size=1, max_size=4),
)


@st.composite
def transcripts(draw: st.DrawFn, overlapping: bool = False) -> CallTranscript:
    """Monologues one after the other (gaps and lengths drawn); with ``overlapping``, sentences may start
    before the previous one ends."""
    t = 0
    monologues = []
    for speaker, topic, sentences in draw(st.lists(monologue_spec, min_size=1, max_size=12)):
        said = []
        for gap, length, text in sentences:
            start = max(0, t - gap) if overlapping else t + gap
            said.append(Sentence(start, start + length, text))
            t = max(t, start + length)
        monologues.append(Monologue(speaker, topic, tuple(said)))
    duration = draw(st.one_of(st.none(), st.integers(1, t + 30_000).map(lambda ms: ms - ms % 1000 or 1000)))
    return CallTranscript(duration_ms=duration, monologues=tuple(monologues), speakers=SPEAKERS, language="eng")


def union_length(spans: list[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for a, b in sorted(spans):
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return total


@settings(max_examples=150, deadline=None)
@given(transcripts())
def test_talk_times_sum_to_the_speech_time(call: CallTranscript) -> None:
    utterances = call.utterances()
    speech = union_length([(u.start, u.end) for u in utterances])
    assert sum(talk_times(utterances).values()) == speech  # no crosstalk here: each moment is one speaker's
    a = analyse(call, TRACKERS)
    if a.interaction is None:
        assert not utterances
        return
    assert abs(sum(s["talkTime"] for s in a.interaction["speakers"]) * 1000 - speech) < 1e-6 * max(1, speech)
    ratios = [x["value"] for s in a.user_stats for x in s.stats if x["name"] == "Talk Ratio"]
    assert sum(ratios) <= 1.0 + 0.005 * len(ratios)


@settings(max_examples=150, deadline=None)
@given(transcripts(overlapping=True))
def test_nothing_is_found_outside_the_call_and_counts_agree(call: CallTranscript) -> None:
    a = analyse(call, TRACKERS)
    if a.content is None:
        return
    span_s = call.span_ms / 1000
    spoken = {m.speaker_id for m in call.monologues}
    for t in a.content["trackers"]:
        assert t["count"] == len(t["occurrences"])
        assert t["count"] <= sum(p["count"] for p in t["phrases"])
        for p in t["phrases"]:
            assert p["count"] == len(p["occurrences"])
        for o in t["occurrences"] + [o for p in t["phrases"] for o in p["occurrences"]]:
            assert 0 <= o["startTime"] <= span_s
            assert o["speakerId"] in spoken
        if t["name"] == "Company":
            assert all(SPEAKERS[o["speakerId"]].company for o in t["occurrences"])
        if t["name"] == "Last":
            assert all(o["startTime"] >= span_s - 60.01 for o in t["occurrences"])
        if t["name"] == "First":
            assert all(o["startTime"] <= span_s * 0.3 for o in t["occurrences"])
    if "structure" in a.content:
        assert sum(p["duration"] for p in a.content["structure"]) == round(span_s)
        assert all(p["duration"] >= 0 for p in a.content["structure"])
        assert sum(p["duration"] for p in a.content["topics"]) == round(span_s)
    for stats in a.user_stats:
        for x in stats.stats:
            assert x["value"] >= 0
            if x["name"] in ("Longest Monologue", "Longest Customer Story"):
                assert x["value"] <= span_s + 0.05
            if x["name"] == "Interactivity":
                assert x["value"] <= 10
    assert analyse(call, TRACKERS) == a  # the same transcript always gives the same figures
