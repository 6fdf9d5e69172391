"""POST /v2/calls/transcript (getCallTranscripts)."""

from __future__ import annotations

from typing import Any

from gongkit.db import Database
from gongkit.db.paging import INVALID_CURSOR
from tests.conftest import Company, Seed
from tests.support import factories as f
from tests.support.api import assert_error, page_through, set_page_size
from tests.support.contract import ContractClient

T0 = 1_717_236_000_000  # 2024-06-01T10:00:00Z
HOUR = 3_600_000


def transcript_of(speakers: tuple[str, str], words: str) -> list[dict[str, Any]]:
    a, b = speakers
    return [
        {"speaker_id": a, "topic": "Intro", "sentences": [{"start": 100, "end": 900, "text": f"{words} one"}]},
        {
            "speaker_id": b,
            "sentences": [
                {"start": 1000, "end": 1800, "text": f"{words} two"},
                {"start": 1900, "end": 2500, "text": f"{words} three"},
            ],
        },
        {"speaker_id": a, "topic": "Pricing", "sentences": [{"start": 2600, "end": 3100, "text": f"{words} four"}]},
    ]


def expected_transcript(speakers: tuple[str, str], words: str) -> list[dict[str, Any]]:
    a, b = speakers
    return [
        {"speakerId": a, "topic": "Intro", "sentences": [{"start": 100, "end": 900, "text": f"{words} one"}]},
        {
            "speakerId": b,
            "topic": None,
            "sentences": [
                {"start": 1000, "end": 1800, "text": f"{words} two"},
                {"start": 1900, "end": 2500, "text": f"{words} three"},
            ],
        },
        {"speakerId": a, "topic": "Pricing", "sentences": [{"start": 2600, "end": 3100, "text": f"{words} four"}]},
    ]


def test_transcripts_in_monologue_order_whole_body(client: ContractClient, company: Company, seed: Seed) -> None:
    a = seed(f.make_call, company.id, started_ms=T0, transcript=transcript_of(("11", "22"), "alpha"))
    b = seed(f.make_call, company.id, started_ms=T0 + HOUR, transcript=transcript_of(("33", "44"), "beta"))
    seed(f.make_call, company.id, started_ms=T0 + 30 * 60_000)  # no transcript: not listed
    r = client.post(
        "/v2/calls/transcript", json={"filter": {"fromDateTime": "2024-06-01T00:00:00Z"}}, headers=company.basic
    )
    assert r.status_code == 200
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "records": {"totalRecords": 2, "currentPageSize": 2, "currentPageNumber": 0},
        "callTranscripts": [
            {"callId": str(a.id), "transcript": expected_transcript(("11", "22"), "alpha")},
            {"callId": str(b.id), "transcript": expected_transcript(("33", "44"), "beta")},
        ],
    }


def test_speaker_ids_match_the_parties_of_extensive(client: ContractClient, company: Company, seed: Seed) -> None:
    call = seed(f.make_call, company.id, transcript=True)
    tr = client.post("/v2/calls/transcript", json={"filter": {}}, headers=company.basic).json()
    spoken = {m["speakerId"] for m in tr["callTranscripts"][0]["transcript"]}
    sel = {"exposedFields": {"parties": True}}
    ext = client.post("/v2/calls/extensive", json={"filter": {}, "contentSelector": sel}, headers=company.basic).json()
    assert spoken == {p["speakerId"] for p in ext["calls"][0]["parties"]} == set(call.speaker_ids)


def test_ids_and_dates_intersect(client: ContractClient, company: Company, seed: Seed) -> None:
    inside = seed(f.make_call, company.id, started_ms=T0, transcript=True)
    outside = seed(f.make_call, company.id, started_ms=T0 + 5 * HOUR, transcript=True)
    window = {"fromDateTime": "2024-06-01T10:00:00Z", "toDateTime": "2024-06-01T11:00:00Z"}

    def ids(flt: dict[str, Any]) -> list[str]:
        r = client.post("/v2/calls/transcript", json={"filter": flt}, headers=company.basic)
        assert r.status_code == 200, r.text
        return [t["callId"] for t in r.json()["callTranscripts"]]

    assert ids({**window, "callIds": [str(inside.id), str(outside.id)]}) == [str(inside.id)]
    assert ids({"callIds": [str(outside.id)]}) == [str(outside.id)]
    r = client.post(
        "/v2/calls/transcript", json={"filter": {**window, "callIds": [str(outside.id)]}}, headers=company.basic
    )
    assert_error(r, 404, "No calls found corresponding to the provided filters")


def test_no_transcripts_is_a_404(client: ContractClient, company: Company, seed: Seed) -> None:
    seed(f.make_call, company.id, started_ms=T0)
    r = client.post("/v2/calls/transcript", json={"filter": {}}, headers=company.basic)
    assert_error(r, 404, "No calls found for the specified period")


def test_bad_input(client: ContractClient, company: Company) -> None:
    r = client.post("/v2/calls/transcript", json={"filter": {"toDateTime": "soon"}}, headers=company.basic)
    assert_error(r, 400, "filter.toDateTime: 'soon' is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)")
    r = client.post("/v2/calls/transcript", json={"filter": {"workspaceId": 7}}, headers=company.basic)
    assert_error(r, 400, "filter.workspaceId: must be a string holding a numeric id")
    r = client.post("/v2/calls/transcript", json={"cursor": "x"}, headers=company.basic)
    assert_error(r, 400, "filter: is required")


def test_paging_with_a_body_cursor(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    made = [seed(f.make_call, company.id, started_ms=T0 + i * HOUR, transcript=True) for i in range(3)]
    set_page_size(client, db, company, 2)
    body = {"filter": {"fromDateTime": "2024-06-01T00:00:00Z"}}
    pages = page_through(client, "POST", "/v2/calls/transcript", company.basic, body=body)
    assert [t["callId"] for p in pages for t in p["callTranscripts"]] == [str(c.id) for c in made]
    assert [p["records"]["currentPageNumber"] for p in pages] == [0, 1]
    cursor = pages[0]["records"]["cursor"]
    other_query = {"filter": {"fromDateTime": "2024-06-01T00:00:01Z"}, "cursor": cursor}
    assert_error(client.post("/v2/calls/transcript", json=other_query, headers=company.basic), 400, INVALID_CURSOR)
