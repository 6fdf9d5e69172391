"""Keyword trackers matched on hand-built transcripts: language, related forms, affiliation, saidAt, questions,
topics, counts and occurrence times worked out by hand."""

from __future__ import annotations

from typing import Any

from gongkit.server.groups.calls.analysis import (
    CallTranscript,
    KeywordList,
    Monologue,
    Sentence,
    Speaker,
    TrackerDefinition,
    analyse,
)

REP, CUSTOMER = "rep", "cust"
SPEAKERS = {REP: Speaker(REP, user_id=11, company=True), CUSTOMER: Speaker(CUSTOMER)}

# A 10-minute call. Sentence times in seconds; the text is 20 characters long where an occurrence's time is
# interpolated: "Our price is too high" -> "price" starts at character 4 of 21.
CALL = CallTranscript(
    duration_ms=600_000,
    speakers=SPEAKERS,
    language="eng",
    workspace_id=7,
    monologues=(
        Monologue(REP, "Intro", (Sentence(0, 10_000, "Welcome, let's talk pricing and prices."),)),
        Monologue(CUSTOMER, "Pricing", (Sentence(60_000, 81_000, "Our price is too high"),)),
        Monologue(CUSTOMER, "Pricing", (Sentence(300_000, 305_000, "Is there a discount?"),)),
        Monologue(REP, "Pricing", (Sentence(550_000, 560_000, "Prices go up in March. Price, price."),)),
    ),
)


def tracker(*lists: KeywordList, **settings: Any) -> TrackerDefinition:
    return TrackerDefinition(
        id=settings.pop("id", 1), name=settings.pop("name", "Pricing"), keyword_lists=lists, **settings
    )


ENG = KeywordList("eng", ("price", "discount"))


def only(call: CallTranscript, *definitions: TrackerDefinition) -> list[dict[str, Any]]:
    a = analyse(call, list(definitions))
    assert a.content is not None
    trackers: list[dict[str, Any]] = a.content["trackers"]
    return trackers


def test_exact_words_counts_and_times() -> None:
    [t] = only(CALL, tracker(ENG))
    # "price": the customer at 60 + 21 * 4/21 = 64.0 s; "Price", "price" in the rep's last sentence:
    # 550 + 10 * 23/36 = 556.38.., 550 + 10 * 30/36 = 558.33.. ("Prices" is another word without related forms).
    # "discount": 300 + 5 * 11/20 = 302.75.
    price = {
        "count": 3,
        "phrase": "price",
        "occurrences": [
            {"startTime": 64.0, "speakerId": CUSTOMER},
            {"startTime": 556.38, "speakerId": REP},
            {"startTime": 558.33, "speakerId": REP},
        ],
    }
    discount = {"count": 1, "phrase": "discount", "occurrences": [{"startTime": 302.75, "speakerId": CUSTOMER}]}
    assert t == {
        "id": "1",
        "name": "Pricing",
        "count": 4,
        "type": "KEYWORD",
        "occurrences": [price["occurrences"][0], discount["occurrences"][0], *price["occurrences"][1:]],
        "phrases": [price, discount],
    }


def test_related_forms() -> None:
    [t] = only(CALL, tracker(KeywordList("eng", ("price",), related_forms=True)))
    # pricing, prices (first sentence); price; Prices, Price, price (last sentence).
    assert t["count"] == 6
    assert [o["startTime"] for o in t["occurrences"]][:2] == [5.12, 8.2]  # 10 * 20/39, 10 * 32/39


def test_affiliation() -> None:
    company = only(CALL, tracker(ENG, affiliation="Company"))[0]
    non_company = only(CALL, tracker(ENG, affiliation="NonCompany"))[0]
    assert (company["count"], non_company["count"]) == (2, 2)
    assert {o["speakerId"] for o in company["occurrences"]} == {REP}
    assert {o["speakerId"] for o in non_company["occurrences"]} == {CUSTOMER}


def test_said_at_first_and_last() -> None:
    first = only(CALL, tracker(ENG, said_at="First", said_at_interval=2, said_at_unit="minutes"))[0]
    assert [o["startTime"] for o in first["occurrences"]] == [64.0]  # before 120 s
    last = only(CALL, tracker(ENG, said_at="Last", said_at_interval=10, said_at_unit="percent"))[0]
    assert [o["startTime"] for o in last["occurrences"]] == [556.38, 558.33]  # from 540 s on
    half = only(CALL, tracker(ENG, said_at="First", said_at_interval=50, said_at_unit="percent"))[0]
    assert half["count"] == 1  # 64.0 only: the discount is at 302.75 > 300


def test_part_of_question_and_topics() -> None:
    asked = only(CALL, tracker(ENG, part_of_question=True))[0]
    assert [(p["phrase"], p["count"]) for p in asked["phrases"]] == [("discount", 1)]  # only what was said
    in_intro = only(CALL, tracker(KeywordList("eng", ("pricing",)), said_in_topics=("Intro",)))[0]
    assert in_intro["count"] == 1
    assert only(CALL, tracker(KeywordList("eng", ("price",)), said_in_topics=("Intro",)))[0]["count"] == 0


def test_languages_and_workspaces() -> None:
    german = tracker(KeywordList("deu", ("Preis",)), id=2, name="Preis")
    everywhere = tracker(KeywordList("mul", ("discount",)), id=3, name="Any language")
    elsewhere = tracker(ENG, id=4, name="Other workspace", workspace_id=8)
    mine = tracker(ENG, id=5, name="This workspace", workspace_id=7)
    found = only(CALL, german, everywhere, elsewhere, mine)
    # The German list does not apply to an English call; mul applies; workspace 8's tracker does not apply.
    assert [(t["name"], t["count"]) for t in found] == [("Any language", 1), ("This workspace", 4)]
    unknown_language = CallTranscript(
        duration_ms=CALL.duration_ms, speakers=SPEAKERS, monologues=CALL.monologues, language=None, workspace_id=7
    )
    assert [t["name"] for t in only(unknown_language, german, everywhere)] == ["Preis", "Any language"]
    mixed = tracker(KeywordList("eng", ("price",)), KeywordList("fra", ("prix",)))
    assert [p["phrase"] for p in only(CALL, mixed)[0]["phrases"]] == ["price"]
    unsaid = only(CALL, tracker(KeywordList("eng", ("refund",))))[0]
    assert (unsaid["count"], unsaid["occurrences"], unsaid["phrases"]) == (0, [], [])  # applies, not said


def test_phrases_of_several_words_and_overlapping_keywords() -> None:
    call = CallTranscript(
        duration_ms=60_000,
        speakers=SPEAKERS,
        monologues=(Monologue(REP, None, (Sentence(0, 10_000, "The go-live date is our go live target."),)),),
    )
    [t] = only(call, tracker(KeywordList("eng", ("go-live", "go live", "live"))))
    assert [(p["phrase"], p["count"]) for p in t["phrases"]] == [("go-live", 2), ("go live", 2), ("live", 2)]
    # Four places: "go" twice (both phrases start there), "live" twice.
    assert t["count"] == 4


def test_case_folding_keeps_words_in_place() -> None:
    # "İ" folds to two characters, one of them no word character: the words must still line up with the text.
    call = CallTranscript(
        duration_ms=60_000,
        speakers=SPEAKERS,
        monologues=(Monologue(CUSTOMER, None, (Sentence(0, 10_000, "İstanbul STRASSE Straße price"),)),),
    )
    [t] = only(call, tracker(KeywordList("mul", ("straße", "price", "istanbul"))))
    # "STRASSE" and "Straße" both fold to "strasse", as does the keyword; "price" is at character 24 of 29.
    assert [(p["phrase"], p["count"]) for p in t["phrases"]] == [("straße", 2), ("price", 1)]
    assert t["phrases"][1]["occurrences"] == [{"startTime": 8.27, "speakerId": CUSTOMER}]
