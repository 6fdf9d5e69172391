"""The derived blocks served by POST /v2/calls/extensive: analysed from a stored transcript and the company's
trackers, picked by every content selector, validated against the contract, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection, select

from gongkit.db import Database
from gongkit.db.schema import call_user_stats, calls
from gongkit.server.groups.calls.analysis import analyse_calls, analyse_company
from tests.calls.test_extensive import ALL_CONTENT, ALL_INTERACTION, extensive
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.contract import ContractClient

T0 = 1_717_236_000_000  # 2024-06-01T10:00:00Z
TRANSCRIPT = [
    # times in ms; a 3-minute call: the rep, then the customer, then the rep again
    {
        "party": 0,
        "topic": "Intro",
        "sentences": [{"start": 0, "end": 10_000, "text": "Thanks for joining, how many sites?"}],
    },
    {
        "party": 1,
        "topic": "Pricing",
        "sentences": [{"start": 11_000, "end": 31_000, "text": "Three. What is the price?"}],
    },
    {
        "party": 0,
        "topic": "Pricing",
        "sentences": [{"start": 32_000, "end": 42_000, "text": "I'll send the price list."}],
    },
]


@pytest.fixture
def analysed(seed: Seed, company: Company, db: Database) -> dict[str, Any]:
    ws = seed(f.make_workspace, company.id, "Sales")
    host = seed(f.make_user, company.id, first_name="Ava", last_name="Stone")
    pricing = seed(f.make_tracker, company.id, "Pricing", ["price"], workspace_id=ws)
    asked = seed(f.make_tracker, company.id, "Asked by customers", {"mul": ["price"]}, affiliation="NonCompany")
    seed(f.make_tracker, company.id, "Elsewhere", ["price"], workspace_id=seed(f.make_workspace, company.id, "Other"))
    call = seed(
        f.make_call,
        company.id,
        primary_user_id=host,
        started_ms=T0,
        duration=180,
        workspace_id=ws,
        language="eng",
        parties=[
            {"user_id": host, "name": "Ava Stone", "affiliation": "Internal", "speaker_id": "111"},
            {"name": "Maya Levin", "affiliation": "External", "speaker_id": "222"},
        ],
        transcript=TRANSCRIPT,
    )
    silent = seed(f.make_call, company.id, primary_user_id=host, started_ms=T0 + 3_600_000, media_type="Video")
    with db.write() as conn:
        assert analyse_calls(conn, company.id, [call.id, silent.id]) == 2
    return {"call": call.id, "silent": silent.id, "host": host, "pricing": pricing, "asked": asked}


def expected_trackers(ids: dict[str, Any]) -> list[dict[str, Any]]:
    # "Three. What is the price?" (25 characters): "price" starts at 19 -> 11 + 20 * 19/25 = 26.2 s.
    # "I'll send the price list." (25 characters): "price" starts at 14 -> 32 + 10 * 14/25 = 37.6 s.
    customer = {"startTime": 26.2, "speakerId": "222"}
    rep = {"startTime": 37.6, "speakerId": "111"}
    pricing = {
        "id": str(ids["pricing"]),
        "name": "Pricing",
        "count": 2,
        "type": "KEYWORD",
        "occurrences": [customer, rep],
        "phrases": [{"count": 2, "occurrences": [customer, rep], "phrase": "price"}],
    }
    asked = {
        "id": str(ids["asked"]),
        "name": "Asked by customers",
        "count": 1,
        "type": "KEYWORD",
        "occurrences": [customer],
        "phrases": [{"count": 1, "occurrences": [customer], "phrase": "price"}],
    }
    return [asked, pricing]  # by name


def selector(content: dict[str, bool] | None = None, interaction: dict[str, bool] | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if content is not None:
        fields["content"] = content
    if interaction is not None:
        fields["interaction"] = interaction
    return {"exposedFields": fields}


def one_call(client: ContractClient, company: Company, call_id: int, sel: dict[str, Any]) -> dict[str, Any]:
    data = extensive(client, company.basic, {"filter": {"callIds": [str(call_id)]}, "contentSelector": sel})
    (call,) = data["calls"]
    return call  # type: ignore[no-any-return]


def test_every_block_is_derived(client: ContractClient, company: Company, analysed: dict[str, Any]) -> None:
    call = one_call(client, company, analysed["call"], selector(ALL_CONTENT, ALL_INTERACTION))
    assert call["content"] == {
        # Parts: Intro [0, 11), Pricing [11, 180).
        "structure": [{"name": "Intro", "duration": 11}, {"name": "Pricing", "duration": 169}],
        "topics": [{"name": "Intro", "duration": 11}, {"name": "Pricing", "duration": 169}],
        "trackers": expected_trackers(analysed),
        "pointsOfInterest": {
            "actionItems": [
                {
                    "snippetStartTime": 32.0,
                    "snippetEndTime": 42.0,
                    "speakerID": "111",
                    "snippet": "I'll send the price list.",
                }
            ]
        },
        "outline": [
            {
                "section": "Intro",
                "startTime": 0.0,
                "duration": 11.0,
                "items": [{"text": "Thanks for joining, how many sites?", "startTime": 0.0}],
            },
            {
                "section": "Pricing",
                "startTime": 11.0,
                "duration": 169.0,
                "items": [{"text": "Three. What is the price?", "startTime": 11.0}],
            },
        ],
        "highlights": [
            {"title": "Next Steps", "items": [{"text": "I'll send the price list.", "startTimes": [32.0]}]},
            {"title": "Key Questions", "items": [{"text": "Three. What is the price?", "startTimes": [11.0]}]},
        ],
    }
    # Talk: rep 10 + 10 = 20 s, customer 20 s. The rep: ratio 0.5, longest turn 10 s, the customer's 20 s,
    # 2 switches in 3 minutes = 0.7 a minute, answered after 1 s, 1 question in 3 minutes = 20 an hour.
    assert call["interaction"] == {
        "speakers": [{"id": "111", "userId": str(analysed["host"]), "talkTime": 20.0}, {"id": "222", "talkTime": 20.0}],
        "interactionStats": [
            {"name": "Talk Ratio", "value": 0.5},
            {"name": "Longest Monologue", "value": 10.0},
            {"name": "Longest Customer Story", "value": 20.0},
            {"name": "Interactivity", "value": 0.7},
            {"name": "Patience", "value": 1.0},
            {"name": "Question Rate", "value": 20.0},
        ],
        "questions": {"companyCount": 1, "nonCompanyCount": 1},
    }


@pytest.mark.parametrize("block", sorted(ALL_CONTENT))
def test_each_content_selector(client: ContractClient, company: Company, analysed: dict[str, Any], block: str) -> None:
    call = one_call(client, company, analysed["call"], selector({block: True}))
    derived = {"structure", "topics", "trackers", "pointsOfInterest", "outline", "highlights"}
    if block in derived:
        assert list(call["content"]) == [block]
        if block == "trackers":  # without trackerOccurrences: counts only
            assert call["content"]["trackers"][1] == {
                "id": str(analysed["pricing"]),
                "name": "Pricing",
                "count": 2,
                "type": "KEYWORD",
                "phrases": [{"count": 2, "phrase": "price"}],
            }
    else:  # brief, keyPoints, callOutcome: not derivable; trackerOccurrences alone: nothing to add it to
        assert "content" not in call


@pytest.mark.parametrize("block", sorted(ALL_INTERACTION))
def test_each_interaction_selector(
    client: ContractClient, company: Company, analysed: dict[str, Any], block: str
) -> None:
    call = one_call(client, company, analysed["call"], selector(interaction={block: True}))
    if block == "video":  # nothing stored says what the video showed
        assert "interaction" not in call
    else:
        assert list(call["interaction"]) == ["interactionStats" if block == "personInteractionStats" else block]


def test_a_call_without_a_transcript_has_no_derived_blocks(
    client: ContractClient, company: Company, analysed: dict[str, Any], db: Database
) -> None:
    call = one_call(client, company, analysed["silent"], selector(ALL_CONTENT, ALL_INTERACTION))
    assert set(call) == {"metaData"}
    with db.read() as conn:
        assert conn.execute(select(call_user_stats).where(call_user_stats.c.call_id == analysed["silent"])).all() == []


def _stats(conn: Connection, call_id: int) -> list[tuple[int, int, Any]]:
    rows = conn.execute(select(call_user_stats).where(call_user_stats.c.call_id == call_id)).all()
    return [(r.user_id, r.talk_time_sec, r.stats) for r in rows]


def test_call_user_stats_hold_every_company_user(company: Company, analysed: dict[str, Any], db: Database) -> None:
    with db.read() as conn:
        [(user, talk, stats)] = _stats(conn, analysed["call"])
    assert (user, talk) == (analysed["host"], 20)
    assert [x["name"] for x in stats] == [
        "Talk Ratio",
        "Longest Monologue",
        "Longest Customer Story",
        "Interactivity",
        "Patience",
        "Question Rate",
    ]


def test_analysing_again_gives_the_same_rows_and_stays_in_the_company(
    company: Company, analysed: dict[str, Any], db: Database, seed: Seed
) -> None:
    other = make_company(db, "Other")
    theirs = seed(f.make_call, other.id, transcript=True)
    with db.write() as conn:
        before = _stats(conn, analysed["call"])
        content = conn.execute(select(calls.c.content).where(calls.c.id == analysed["call"])).scalar_one()
        assert analyse_company(conn, company.id) == 2
        assert analyse_calls(conn, company.id, [theirs.id]) == 0  # another company's call is not read
        assert _stats(conn, analysed["call"]) == before
        assert conn.execute(select(calls.c.content).where(calls.c.id == analysed["call"])).scalar_one() == content
        assert conn.execute(select(calls.c.content).where(calls.c.id == theirs.id)).scalar_one() is None


def test_a_call_seeded_with_a_transcript_is_analysed(client: ContractClient, company: Company, db: Database) -> None:
    from gongkit.kernel.clock import FixedClock
    from gongkit.testing import Seeder

    seeder = Seeder(db, company.id, clock=FixedClock(T0), app_url="http://testserver")
    host = seeder.user(emailAddress="ava@acme.example", firstName="Ava")
    call_id = seeder.call(
        started="2024-06-01T10:00:00Z",
        duration=60,
        primaryUserId=host,
        parties=[{"userId": host, "speakerId": "1"}, {"name": "Maya", "speakerId": "2"}],
        transcript=[
            {"speakerId": "1", "sentences": [{"start": 0, "end": 4000, "text": "Any questions?"}]},
            {"speakerId": "2", "sentences": [{"start": 5000, "end": 9000, "text": "None, thanks."}]},
        ],
    )
    call = one_call(client, company, int(call_id), selector(interaction={"speakers": True, "questions": True}))
    assert call["interaction"] == {
        "speakers": [{"id": "1", "userId": host, "talkTime": 4.0}, {"id": "2", "talkTime": 4.0}],
        "questions": {"companyCount": 1, "nonCompanyCount": 0},
    }
