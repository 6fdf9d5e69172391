"""The call analysis on small hand-built transcripts whose answers are worked out by hand (in the comments)."""

from __future__ import annotations

from typing import Any

from gongkit.server.groups.calls.analysis import (
    CallTranscript,
    Monologue,
    Sentence,
    Speaker,
    analyse,
)
from gongkit.server.groups.calls.analysis.content import parts
from gongkit.server.groups.calls.analysis.interaction import talk_times, turns
from gongkit.server.groups.calls.analysis.transcript import stem

REP, CUSTOMER, MANAGER = "rep", "cust", "mgr"
SPEAKERS = {
    REP: Speaker(REP, user_id=11, company=True),
    CUSTOMER: Speaker(CUSTOMER),
    MANAGER: Speaker(MANAGER, user_id=12, company=True),
}


def mono(speaker: str, topic: str | None, *sentences: tuple[int, int, str]) -> Monologue:
    return Monologue(speaker, topic, tuple(Sentence(a * 1000, b * 1000, text) for a, b, text in sentences))


# A 2-minute call (times in seconds):
#   rep   0-10  "Hi, thanks for joining."          (Intro)
#   rep  12-20  "What do you use today?"           (Intro)  question
#   cust 21-51  "We use spreadsheets."             (Discovery)
#   rep  53-58  "How many sites?"                  (Discovery) question
#   cust 58-60  "Three."                           (Discovery)
#   mgr  60-70  "I'll send the pricing."           (Pricing)  commitment
#   cust 90-100 "Can we get a discount?"           (Pricing)  question, after 20 s of silence
CALL = CallTranscript(
    duration_ms=120_000,
    speakers=SPEAKERS,
    language="eng",
    monologues=(
        mono(REP, "Intro", (0, 10, "Hi, thanks for joining."), (12, 20, "What do you use today?")),
        mono(CUSTOMER, "Discovery", (21, 51, "We use spreadsheets.")),
        mono(REP, "Discovery", (53, 58, "How many sites?")),
        mono(CUSTOMER, "Discovery", (58, 60, "Three.")),
        mono(MANAGER, "Pricing", (60, 70, "I'll send the pricing.")),
        mono(CUSTOMER, "Pricing", (90, 100, "Can we get a discount?")),
    ),
)


def stats_of(result: Any, user_id: int) -> dict[str, float]:
    row = next(s for s in result.user_stats if s.user_id == user_id)
    return {x["name"]: x["value"] for x in row.stats}


def test_talk_times_and_speakers() -> None:
    a = analyse(CALL, [])
    assert a.interaction is not None
    # rep 10 + 8 + 5 = 23 s; customer 30 + 2 + 10 = 42 s; manager 10 s.
    assert a.interaction["speakers"] == [
        {"id": REP, "userId": "11", "talkTime": 23.0},
        {"id": CUSTOMER, "talkTime": 42.0},
        {"id": MANAGER, "userId": "12", "talkTime": 10.0},
    ]
    # Questions: rep asked 2, the customer 1.
    assert a.interaction["questions"] == {"companyCount": 2, "nonCompanyCount": 1}
    assert "video" not in a.interaction
    assert {s.user_id: s.talk_time_sec for s in a.user_stats} == {11: 23, 12: 10}


def test_figures_of_the_rep() -> None:
    rep = stats_of(analyse(CALL, []), 11)
    # Talk ratio 23 / 75 = 0.3067 -> 0.31.
    # Turns: rep 0-20 | cust 21-51 | rep 53-58 | cust 58-60 | mgr 60-70 | cust 90-100 (silence 20 s > 10 s).
    # Longest monologue of the rep: 0-20 = 20 s. Longest customer story: 21-51 = 30 s.
    # Switches involving the rep: rep->cust, cust->rep, rep->cust = 3, over 2 minutes = 1.5 a minute.
    # Patience: the rep answers the customer once, 51 -> 53: 2 s.
    # Question rate: 2 questions in 2 minutes = 60 an hour.
    assert rep == {
        "Talk Ratio": 0.31,
        "Longest Monologue": 20.0,
        "Longest Customer Story": 30.0,
        "Interactivity": 1.5,
        "Patience": 2.0,
        "Question Rate": 60.0,
    }


def test_figures_of_the_manager() -> None:
    mgr = stats_of(analyse(CALL, []), 12)
    # 10 / 75 = 0.1333; one turn of 10 s; switches cust->mgr and mgr->cust = 2 in 2 minutes = 1.0;
    # patience: answered the customer at once (58-60 then 60): 0 s; no questions.
    assert mgr == {
        "Talk Ratio": 0.13,
        "Longest Monologue": 10.0,
        "Longest Customer Story": 30.0,
        "Interactivity": 1.0,
        "Patience": 0.0,
        "Question Rate": 0.0,
    }


def test_an_interruption_counts_as_no_pause_and_overlaps_count_once() -> None:
    call = CallTranscript(
        duration_ms=60_000,
        speakers=SPEAKERS,
        monologues=(
            mono(CUSTOMER, None, (0, 10, "Let me explain our process.")),
            mono(REP, None, (8, 14, "Sorry to cut in."), (12, 16, "One more thing.")),
        ),
    )
    utterances = call.utterances()
    # The rep's two sentences overlap (8-14, 12-16): 8 s of talk, not 10.
    assert talk_times(utterances) == {CUSTOMER: 10_000, REP: 8_000}
    assert [(t.speaker_id, t.start, t.end) for t in turns(utterances)] == [(CUSTOMER, 0, 10_000), (REP, 8_000, 16_000)]
    rep = stats_of(analyse(call, []), 11)
    assert rep["Patience"] == 0.0  # started 2 s before the customer finished
    # A call shorter than a minute counts as one: 1 switch a minute.
    assert rep["Interactivity"] == 1.0


def test_stats_without_a_customer_or_an_answer_are_left_out() -> None:
    internal = CallTranscript(
        duration_ms=60_000,
        speakers=SPEAKERS,
        monologues=(
            mono(REP, "Pipeline", (0, 30, "Let's review the pipeline.")),
            mono(MANAGER, "Pipeline", (31, 40, "Sure.")),
        ),
    )
    rep = stats_of(analyse(internal, []), 11)
    assert set(rep) == {"Talk Ratio", "Longest Monologue", "Interactivity", "Question Rate"}


def test_speech_outside_the_call_is_cut() -> None:
    call = CallTranscript(
        duration_ms=10_000,
        speakers=SPEAKERS,
        monologues=(mono(REP, "Intro", (5, 15, "Hello there."), (20, 25, "Anyone?")),),
    )
    a = analyse(call, [])
    assert a.interaction is not None
    assert a.interaction["speakers"][0]["talkTime"] == 5.0  # 5-10 only; 20-25 is after the end
    assert a.interaction["questions"] == {"companyCount": 0, "nonCompanyCount": 0}


def test_parts_structure_topics_and_outline() -> None:
    a = analyse(CALL, [])
    assert a.content is not None
    # Parts: Intro [0, 21) (the first from the call's start), Discovery [21, 60), Pricing [60, 120).
    assert parts(CALL)[0].start == 0
    assert a.content["structure"] == [
        {"name": "Intro", "duration": 21},
        {"name": "Discovery", "duration": 39},
        {"name": "Pricing", "duration": 60},
    ]
    assert a.content["topics"] == a.content["structure"]
    assert a.content["outline"] == [
        {
            "section": "Intro",
            "startTime": 0.0,
            "duration": 21.0,
            "items": [{"text": "What do you use today?", "startTime": 12.0}],
        },
        {
            "section": "Discovery",
            "startTime": 21.0,
            "duration": 39.0,
            "items": [{"text": "How many sites?", "startTime": 53.0}],
        },
        {
            "section": "Pricing",
            "startTime": 60.0,
            "duration": 60.0,
            "items": [{"text": "Can we get a discount?", "startTime": 90.0}],
        },
    ]


def test_topics_sum_a_topic_met_twice() -> None:
    call = CallTranscript(
        duration_ms=100_000,
        speakers=SPEAKERS,
        monologues=(
            mono(REP, "A", (0, 5, "One.")),
            mono(CUSTOMER, None, (10, 15, "Two.")),  # no topic: belongs to A
            mono(REP, "B", (30, 35, "Three.")),
            mono(CUSTOMER, "A", (70, 75, "Four.")),
        ),
    )
    a = analyse(call, [])
    assert a.content is not None
    assert a.content["structure"] == [
        {"name": "A", "duration": 30},
        {"name": "B", "duration": 40},
        {"name": "A", "duration": 30},
    ]
    assert a.content["topics"] == [{"name": "A", "duration": 60}, {"name": "B", "duration": 40}]


def test_action_items_and_highlights() -> None:
    a = analyse(CALL, [])
    assert a.content is not None
    assert a.content["pointsOfInterest"] == {
        "actionItems": [
            {
                "snippetStartTime": 60.0,
                "snippetEndTime": 70.0,
                "speakerID": MANAGER,
                "snippet": "I'll send the pricing.",
            }
        ]
    }
    assert a.content["highlights"] == [
        {"title": "Next Steps", "items": [{"text": "I'll send the pricing.", "startTimes": [60.0]}]},
        {"title": "Key Questions", "items": [{"text": "Can we get a discount?", "startTimes": [90.0]}]},
    ]
    # Not derivable from stored data: absent.
    assert not {"brief", "keyPoints", "callOutcome"} & set(a.content)


def test_no_speech_no_blocks() -> None:
    a = analyse(CallTranscript(duration_ms=60_000, monologues=(), speakers=SPEAKERS), [])
    assert (a.content, a.interaction, a.user_stats) == (None, None, [])


def test_untopiced_transcripts_have_no_structure() -> None:
    call = CallTranscript(duration_ms=60_000, speakers=SPEAKERS, monologues=(mono(REP, None, (0, 5, "Hello.")),))
    a = analyse(call, [])
    assert a.content is not None
    assert not {"structure", "topics", "outline"} & set(a.content)


def test_related_forms() -> None:
    assert {stem(w) for w in ("organize", "organized", "organizes", "organizing")} == {"organiz"}
    assert {stem(w) for w in ("price", "prices", "priced", "pricing")} == {"pric"}
    assert {stem(w) for w in ("stop", "stopped", "stopping", "stops")} == {"stop"}
    assert {stem(w) for w in ("company", "companies", "company's")} == {"company"}
    assert stem("pass") == "pass" and stem("sso") == "sso"
