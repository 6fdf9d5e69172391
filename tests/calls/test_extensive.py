"""POST /v2/calls/extensive (listCallsExtensive) and the media links it hands out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.kernel.clock import FixedClock
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core.ratelimit import RateLimiter
from tests.conftest import Company, Seed
from tests.support import factories as f
from tests.support.api import assert_error, bearer
from tests.support.contract import ContractClient

T0 = 1_717_236_000_000  # 2024-06-01T10:00:00Z
HOUR = 3_600_000

ALL_CONTENT = {
    k: True
    for k in (
        "structure",
        "topics",
        "trackers",
        "trackerOccurrences",
        "pointsOfInterest",
        "brief",
        "outline",
        "highlights",
        "callOutcome",
        "keyPoints",
    )
}
ALL_INTERACTION = {"speakers": True, "video": True, "personInteractionStats": True, "questions": True}


def everything(context: str = "Extended", timing: list[str] | None = None, media: bool = False) -> dict[str, Any]:
    sel: dict[str, Any] = {
        "context": context,
        "exposedFields": {
            "parties": True,
            "content": ALL_CONTENT,
            "interaction": ALL_INTERACTION,
            "collaboration": {"publicComments": True},
            "media": media,
        },
    }
    if timing is not None:
        sel["contextTiming"] = timing
    return sel


def extensive(client: ContractClient, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    r = client.post("/v2/calls/extensive", json=body, headers=headers)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    assert data["requestId"] == r.headers["x-request-id"]
    return data


@pytest.fixture
def rich(seed: Seed, company: Company) -> f.MadeCall:
    """A call with every block's data stored, and a party linked to a CRM contact."""
    user = seed(f.make_user, company.id, first_name="Ava", last_name="Stone", title="AE")
    return seed(
        f.make_call,
        company.id,
        primary_user_id=user,
        started_ms=T0,
        parties=[
            {
                "user_id": user,
                "name": "Ava Stone",
                "title": "AE",
                "email_address": "ava@acme.example",
                "affiliation": "Internal",
                "speaker_id": "111",
            },
            {
                "name": "Maya Levin",
                "email_address": "Maya.Levin@Northwind.example",
                "phone_number": "+1 (212) 555-0101",
                "affiliation": "External",
                "methods": ["Attendee"],
                "speaker_id": "222",
                "context": [
                    {
                        "system": "Salesforce",
                        "object_type": "Contact",
                        "object_id": "0035g000001",
                        "fields": [{"name": "Title", "value": "COO"}],
                        "fields_at_call": [{"name": "Title", "value": "VP Ops"}],
                    }
                ],
            },
        ],
        context=[
            {
                "system": "Salesforce",
                "object_type": "Account",
                "object_id": "0015g000001",
                "fields": [{"name": "Name", "value": "Northwind"}],
                "fields_at_call": [{"name": "Name", "value": "Northwind Ltd"}],
            },
            {
                "system": "Salesforce",
                "object_type": "Opportunity",
                "object_id": "0065g000001",
                "fields": [{"name": "StageName", "value": "Won"}],
                "fields_at_call": None,  # not known as of the call
            },
        ],
        content=True,
        interaction=True,
        comments=[
            {
                "commenter_user_id": user,
                "comment": "Nice close",
                "audio_start_time": 40,
                "audio_end_time": 55,
                "posted_ms": T0 + 2 * HOUR,
                "during_call": False,
            }
        ],
        user_stats=[{"user_id": user, "talk_time_sec": 700, "stats": [{"name": "Patience", "value": 1.5}]}],
        transcript=True,
    )


def test_without_a_selector_only_metadata_is_answered(
    client: ContractClient, company: Company, rich: f.MadeCall
) -> None:
    data = extensive(client, company.basic, {"filter": {}})
    assert data["records"] == {"totalRecords": 1, "currentPageSize": 1, "currentPageNumber": 0}
    (call,) = data["calls"]
    assert list(call) == ["metaData"]
    get = client.get(f"/v2/calls/{rich.id}", headers=company.basic).json()["call"]
    assert call["metaData"] == get


def test_every_block_comes_from_stored_data(client: ContractClient, company: Company, rich: f.MadeCall) -> None:
    data = extensive(client, company.basic, {"filter": {}, "contentSelector": everything(timing=["Now", "TimeOfCall"])})
    (call,) = data["calls"]
    host, guest = rich.party_ids
    user = str(rich.primary_user_id)
    content = f.default_content(["111", "222"])
    assert call["context"] == [
        {
            "system": "Salesforce",
            "objects": [
                {
                    "objectType": "Account",
                    "objectId": "0015g000001",
                    "fields": [{"name": "Name", "value": "Northwind"}],
                    "timing": "Now",
                },
                {
                    "objectType": "Account",
                    "objectId": "0015g000001",
                    "fields": [{"name": "Name", "value": "Northwind Ltd"}],
                    "timing": "TimeOfCall",
                },
                {
                    "objectType": "Opportunity",
                    "objectId": "0065g000001",
                    "fields": [{"name": "StageName", "value": "Won"}],
                    "timing": "Now",
                },
            ],
        }
    ]
    assert call["parties"] == [
        {
            "id": str(host),
            "emailAddress": "ava@acme.example",
            "name": "Ava Stone",
            "title": "AE",
            "userId": user,
            "speakerId": "111",
            "affiliation": "Internal",
            "phoneNumber": None,
            "methods": ["Invitee", "Attendee"],
        },
        {
            "id": str(guest),
            "emailAddress": "Maya.Levin@Northwind.example",
            "name": "Maya Levin",
            "title": None,
            "userId": None,
            "speakerId": "222",
            "context": [
                {
                    "system": "Salesforce",
                    "objects": [
                        {
                            "objectType": "Contact",
                            "objectId": "0035g000001",
                            "fields": [{"name": "Title", "value": "COO"}],
                            "timing": "Now",
                        },
                        {
                            "objectType": "Contact",
                            "objectId": "0035g000001",
                            "fields": [{"name": "Title", "value": "VP Ops"}],
                            "timing": "TimeOfCall",
                        },
                    ],
                }
            ],
            "affiliation": "External",
            "phoneNumber": "+1 (212) 555-0101",
            "methods": ["Attendee"],
        },
    ]
    assert call["content"] == content  # every stored block; pointsOfInterest is not stored, so it is absent
    inter = f.default_interaction([host, guest], [rich.primary_user_id, None])
    assert call["interaction"] == {
        "speakers": inter["speakers"],
        "video": inter["video"],
        "questions": inter["questions"],
        # the host's own statistics (call_user_stats) rather than the call-level ones
        "interactionStats": [{"name": "Patience", "value": 1.5}],
    }
    assert call["collaboration"] == {
        "publicComments": [
            {
                "id": call["collaboration"]["publicComments"][0]["id"],
                "audioStartTime": 40,
                "audioEndTime": 55,
                "commenterUserId": user,
                "comment": "Nice close",
                "posted": "2024-06-01T12:00:00Z",
                "duringCall": False,
            }
        ]
    }
    assert "media" not in call  # nothing recorded is stored
    assert set(call) == {"metaData", "context", "parties", "content", "interaction", "collaboration"}


def test_basic_context_is_links_only(client: ContractClient, company: Company, rich: f.MadeCall) -> None:
    sel = {"context": "Basic", "exposedFields": {"parties": True}}
    (call,) = extensive(client, company.basic, {"filter": {}, "contentSelector": sel})["calls"]
    assert call["context"] == [
        {
            "system": "Salesforce",
            "objects": [
                {"objectType": "Account", "objectId": "0015g000001", "timing": "Now"},
                {"objectType": "Opportunity", "objectId": "0065g000001", "timing": "Now"},
            ],
        }
    ]
    assert call["parties"][1]["context"] == [
        {"system": "Salesforce", "objects": [{"objectType": "Contact", "objectId": "0035g000001", "timing": "Now"}]}
    ]
    assert "context" not in call["parties"][0]


def test_extended_context_defaults_to_now(client: ContractClient, company: Company, rich: f.MadeCall) -> None:
    (call,) = extensive(client, company.basic, {"filter": {}, "contentSelector": {"context": "Extended"}})["calls"]
    assert [o["timing"] for o in call["context"][0]["objects"]] == ["Now", "Now"]
    assert "parties" not in call
    only_then = {"context": "Extended", "contextTiming": ["TimeOfCall"]}
    (call,) = extensive(client, company.basic, {"filter": {}, "contentSelector": only_then})["calls"]
    assert call["context"] == [
        {
            "system": "Salesforce",
            "objects": [
                {
                    "objectType": "Account",
                    "objectId": "0015g000001",
                    "fields": [{"name": "Name", "value": "Northwind Ltd"}],
                    "timing": "TimeOfCall",
                }
            ],
        }
    ]


def test_each_flag_selects_its_own_block(client: ContractClient, company: Company, rich: f.MadeCall) -> None:
    sel = {"exposedFields": {"content": {"brief": True, "trackers": True}, "interaction": {"questions": True}}}
    (call,) = extensive(client, company.basic, {"filter": {}, "contentSelector": sel})["calls"]
    content = f.default_content(["111", "222"])
    tracker = {k: v for k, v in content["trackers"][0].items() if k != "occurrences"}
    tracker["phrases"] = [{"count": 2, "phrase": "Globex"}]  # occurrences only with trackerOccurrences
    assert call["content"] == {"brief": content["brief"], "trackers": [tracker]}
    assert call["interaction"] == {"questions": {"companyCount": 7, "nonCompanyCount": 4}}
    assert set(call) == {"metaData", "content", "interaction"}


def test_blocks_without_stored_data_are_absent(client: ContractClient, company: Company, seed: Seed) -> None:
    bare = seed(f.make_call, company.id, parties=[], started_ms=T0)
    sel = everything(media=True)
    (call,) = extensive(client, company.basic, {"filter": {}, "contentSelector": sel})["calls"]
    assert list(call) == ["metaData"]
    assert call["metaData"]["id"] == str(bare.id)


def test_filters(client: ContractClient, company: Company, seed: Seed) -> None:
    u1 = seed(f.make_user, company.id)
    u2 = seed(f.make_user, company.id)
    ws = seed(f.make_workspace, company.id)
    # listed (scheduled) before the window but started inside it: the POST filters use the actual start
    a = seed(f.make_call, company.id, primary_user_id=u1, scheduled_ms=T0 - HOUR, started_ms=T0, workspace_id=ws)
    b = seed(f.make_call, company.id, primary_user_id=u2, started_ms=T0 + HOUR)
    c = seed(f.make_call, company.id, primary_user_id=u1, started_ms=T0 + 2 * HOUR)

    def ids(flt: dict[str, Any]) -> list[str]:
        return [x["metaData"]["id"] for x in extensive(client, company.basic, {"filter": flt})["calls"]]

    window = {"fromDateTime": "2024-06-01T10:00:00Z", "toDateTime": "2024-06-01T12:00:00Z"}
    assert ids(window) == [str(a.id), str(b.id)]
    assert ids({"primaryUserIds": [str(u1)]}) == [str(a.id), str(c.id)]
    assert ids({**window, "primaryUserIds": [str(u1)]}) == [str(a.id)]
    assert ids({"callIds": [str(c.id), str(b.id)]}) == [str(b.id), str(c.id)]
    assert ids({"workspaceId": str(ws)}) == [str(a.id)]
    assert ids({"callIds": []}) == [str(a.id), str(b.id), str(c.id)]  # empty list: not filtered

    r = client.post("/v2/calls/extensive", json={"filter": {"callIds": ["123"]}}, headers=company.basic)
    assert_error(r, 404, "No calls found corresponding to the provided filters")
    r = client.post(
        "/v2/calls/extensive", json={"filter": {"fromDateTime": "2030-01-01T00:00:00Z"}}, headers=company.basic
    )
    assert_error(r, 404, "No calls found for the specified period")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "filter: is required"),
        ({"filter": []}, "filter: must be a JSON object"),
        ({"filter": {"callIds": [123]}}, "filter.callIds.0: must be a string holding a numeric id"),
        (
            {"filter": {"callIds": ["12a"]}},
            "filter.callIds.0: '12a' is not a valid id (a numeric string of up to 20 digits)",
        ),
        (
            {"filter": {"fromDateTime": "2024-02-30T00:00:00Z"}},
            "filter.fromDateTime: '2024-02-30T00:00:00Z' is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)",
        ),
        (
            {"filter": {"fromDateTime": "2024-06-02T00:00:00Z", "toDateTime": "2024-06-01T00:00:00Z"}},
            "filter: toDateTime must not be earlier than fromDateTime",
        ),
        (
            {"filter": {}, "contentSelector": {"context": "Full"}},
            "contentSelector.context: Input should be 'None', 'Basic' or 'Extended'",
        ),
        (
            {"filter": {}, "contentSelector": {"exposedFields": {"parties": "yes"}}},
            "contentSelector.exposedFields.parties: Input should be a valid boolean",
        ),
        ({"filter": {}, "cursor": 5}, "cursor: Input should be a valid string"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(
    client: ContractClient, company: Company, body: dict[str, Any], message: str
) -> None:
    assert_error(client.post("/v2/calls/extensive", json=body, headers=company.basic), 400, message)


def test_malformed_bodies(client: ContractClient, company: Company) -> None:
    h = {**company.basic, "Content-Type": "application/json"}
    assert_error(client.post("/v2/calls/extensive", headers=h), 400, "Request body is required (JSON)")
    r = client.post("/v2/calls/extensive", content=b"[1]", headers=h)
    assert_error(r, 400, "Request body must be a JSON object")
    r = client.post("/v2/calls/extensive", content=b"{nope", headers=h)
    assert r.status_code == 400 and r.json()["errors"][0].startswith("Malformed JSON body")


def test_unknown_fields_are_accepted(client: ContractClient, company: Company, rich: f.MadeCall) -> None:
    body = {"filter": {"callIds": [str(rich.id)], "future": 1}, "contentSelector": {"newThing": True}, "extra": {}}
    assert extensive(client, company.basic, body)["calls"][0]["metaData"]["id"] == str(rich.id)


# --- media ------------------------------------------------------------------------------------------------------


@pytest.fixture
def clocked(settings: ServerSettings, db: Database) -> Iterator[tuple[ContractClient, FixedClock]]:
    clock = FixedClock(T0 + 30 * 24 * HOUR)
    app = create_app(settings, db=db, clock=clock, limiter=RateLimiter("memory://"))
    with ContractClient(app) as c:
        yield c, clock


def test_media_urls_download_the_recording_for_8_hours(
    clocked: tuple[ContractClient, FixedClock], company: Company, seed: Seed, settings: ServerSettings
) -> None:
    client, clock = clocked
    store = MediaStore(settings.media_dir)
    call = seed(f.make_call, company.id, media={"audio": b"ID3-audio", "video": b"mp4-video"}, media_store=store)
    sel = {"exposedFields": {"media": True}}
    (item,) = extensive(client, company.basic, {"filter": {}, "contentSelector": sel})["calls"]
    assert set(item["media"]) == {"audioUrl", "videoUrl"}
    audio, video = item["media"]["audioUrl"], item["media"]["videoUrl"]
    assert audio.startswith("http://localhost:8080/media/")
    r = client.get(audio.removeprefix("http://localhost:8080"))
    assert r.status_code == 200
    assert (r.content, r.headers["content-type"]) == (b"ID3-audio", "audio/mpeg")
    r = client.get(video.removeprefix("http://localhost:8080"))
    assert (r.content, r.headers["content-type"]) == (b"mp4-video", "video/mp4")

    clock.advance(8 * 3600 - 1)
    assert client.get(audio.removeprefix("http://localhost:8080")).status_code == 200
    clock.advance(1)
    r = client.get(audio.removeprefix("http://localhost:8080"))
    assert_error(r, 403, "This media link has expired (links are valid for 8 hours)")

    token = audio.rsplit("/", 1)[1]
    body, _, sig = token.partition(".")
    r = client.get(f"/media/{body}.{sig[::-1]}")
    assert_error(r, 403, "This media link is not valid")
    assert call.media_ids


def test_media_link_of_an_erased_recording_is_gone(
    client: ContractClient, company: Company, seed: Seed, settings: ServerSettings, db: Database
) -> None:
    store = MediaStore(settings.media_dir)
    seed(f.make_call, company.id, media={"audio": b"abc"}, media_store=store)
    sel = {"exposedFields": {"media": True}}
    url = extensive(client, company.basic, {"filter": {}, "contentSelector": sel})["calls"][0]["media"]["audioUrl"]
    from sqlalchemy import delete

    from gongkit.db.schema import call_media

    with db.write() as conn:
        conn.execute(delete(call_media))
    assert_error(client.get(url.removeprefix("http://localhost:8080")), 404, "Media not found")


def test_media_needs_its_own_scope_with_a_bearer_token(
    client: ContractClient, company: Company, seed: Seed, db: Database, settings: ServerSettings
) -> None:
    seed(f.make_call, company.id, media={"audio": b"abc"}, media_store=MediaStore(settings.media_dir))
    body = {"filter": {}, "contentSelector": {"exposedFields": {"media": True}}}
    without = bearer(db, company, "api:calls:read:extensive")
    r = client.post("/v2/calls/extensive", json=body, headers=without)
    assert_error(r, 401, "Access denied: this request needs the scope 'api:calls:read:media-url'")
    # without asking for media, the token is enough
    assert client.post("/v2/calls/extensive", json={"filter": {}}, headers=without).status_code == 200
    both = bearer(db, company, "api:calls:read:extensive", "api:calls:read:media-url")
    r = client.post("/v2/calls/extensive", json=body, headers=both)
    assert r.status_code == 200
    assert "audioUrl" in r.json()["calls"][0]["media"]
