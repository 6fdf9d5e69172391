"""POST /v2/calls (addCall); the scope of PUT /v2/calls/{id}/media (its rules: test_recordings.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import func, select

from gongkit.db import Database
from gongkit.db.schema import call_context_objects, call_parties, calls
from gongkit.server.groups.calls import writes
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error, bearer
from tests.support.contract import ContractClient
from tests.support.media import sample


@pytest.fixture
def rep(seed: Seed, company: Company) -> int:
    return int(seed(f.make_user, company.id, email_address="rep@acme.example"))


def new_call(rep: int, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "clientUniqueId": "pbx-1",
        "actualStart": "2024-06-01T12:00:00+02:00",
        "direction": "Outbound",
        "primaryUser": str(rep),
        "parties": [
            {"userId": str(rep), "name": "Rep", "emailAddress": "rep@acme.example"},
            {
                "name": "Maya Levin",
                "emailAddress": " Maya.Levin@Northwind.example ",
                "phoneNumber": "+1 (212) 555-0101",
            },
        ],
    }
    body.update(overrides)
    return body


def count_calls(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(calls)).scalar_one())


def test_add_call_stores_it_and_answers_its_id(
    client: ContractClient, company: Company, rep: int, seed: Seed, db: Database
) -> None:
    ws = seed(f.make_workspace, company.id, "Main", is_default=True)
    seed(f.make_crm_object, company.id, object_type="Contact", external_id="0035g00000ABC")
    body = new_call(
        rep,
        title="Renewal",
        purpose="Renew the contract",
        scheduledStart="2024-06-01T09:55:00Z",
        scheduledEnd="2024-06-01T10:30:00Z",
        duration=1799.6,
        disposition="Connected",
        customData="crm=42",
        meetingUrl="https://meet.example/x",
        callProviderCode="ringcentral",
        languageCode="fr-FR",
        context=[
            {
                "system": "Salesforce",
                "objects": [
                    {
                        "objectType": "Account",
                        "objectId": "0015g00000XYZ",
                        "fields": [{"name": "Name", "value": "Northwind"}],
                    }
                ],
            }
        ],
    )
    body["parties"][1]["context"] = [
        {"system": "Salesforce", "objects": [{"objectType": "Contact", "objectId": "0035g00000ABC"}]}
    ]
    r = client.post("/v2/calls", json=body, headers=company.basic)
    assert r.status_code == 200, r.text
    call_id = r.json()["callId"]
    assert r.json() == {"requestId": r.headers["x-request-id"], "callId": call_id}

    got = client.get(f"/v2/calls/{call_id}", headers=company.basic).json()["call"]
    assert got == {
        "id": call_id,
        "url": f"http://localhost:8080/call?id={call_id}",
        "title": "Renewal",
        "scheduled": "2024-06-01T09:55:00Z",
        "started": "2024-06-01T10:00:00Z",
        "duration": 1800,
        "primaryUserId": str(rep),
        "direction": "Outbound",
        "system": "ringcentral",
        "scope": "External",
        "media": None,
        "language": "fre",
        "workspaceId": str(ws),
        "sdrDisposition": "Connected",
        "clientUniqueId": "pbx-1",
        "customData": "crm=42",
        "purpose": "Renew the contract",
        "meetingUrl": "https://meet.example/x",
        "isPrivate": False,
        "calendarEventId": None,
    }
    # listed by its actual start
    r = client.get(
        "/v2/calls",
        params={"fromDateTime": "2024-06-01T10:00:00Z", "toDateTime": "2024-06-01T10:00:01Z"},
        headers=company.basic,
    )
    assert [c["id"] for c in r.json()["calls"]] == [call_id]

    sel = {"context": "Extended", "contextTiming": ["Now", "TimeOfCall"], "exposedFields": {"parties": True}}
    ext = client.post(
        "/v2/calls/extensive", json={"filter": {"callIds": [call_id]}, "contentSelector": sel}, headers=company.basic
    ).json()["calls"][0]
    account = {"objectType": "Account", "objectId": "0015g00000XYZ", "fields": [{"name": "Name", "value": "Northwind"}]}
    assert ext["context"] == [
        {"system": "Salesforce", "objects": [{**account, "timing": "Now"}, {**account, "timing": "TimeOfCall"}]}
    ]
    host, guest = ext["parties"]
    assert host == {
        "id": host["id"],
        "emailAddress": "rep@acme.example",
        "name": "Rep",
        "title": None,
        "userId": str(rep),
        "speakerId": None,
        "affiliation": "Internal",
        "phoneNumber": None,
        "methods": ["Attendee"],
    }
    contact = {"objectType": "Contact", "objectId": "0035g00000ABC", "fields": []}
    assert guest == {
        "id": guest["id"],
        "emailAddress": "Maya.Levin@Northwind.example",
        "name": "Maya Levin",
        "title": None,
        "userId": None,
        "speakerId": None,
        "context": [
            {"system": "Salesforce", "objects": [{**contact, "timing": "Now"}, {**contact, "timing": "TimeOfCall"}]}
        ],
        "affiliation": "External",
        "phoneNumber": "+1 (212) 555-0101",
        "methods": ["Attendee"],
    }
    with db.read() as conn:
        row = conn.execute(select(call_parties).where(call_parties.c.id == int(guest["id"]))).mappings().one()
    assert (row["email_lower"], row["phone_norm"]) == ("maya.levin@northwind.example", "+12125550101")
    assert row["crm_object_id"] is not None


def test_a_repeated_client_unique_id_is_a_409_naming_the_call(
    client: ContractClient, company: Company, rep: int, db: Database
) -> None:
    first = client.post("/v2/calls", json=new_call(rep), headers=company.basic).json()["callId"]
    r = client.post("/v2/calls", json=new_call(rep, title="again"), headers=company.basic)
    assert_error(r, 409, f"A call with this clientUniqueId was already added: callId {first}")
    assert count_calls(db) == 1
    # the identifier is per company
    other = make_company(db, "Other")
    with db.write() as conn:
        theirs = f.make_user(conn, other.id)
    assert client.post("/v2/calls", json=new_call(theirs), headers=other.basic).status_code == 200
    assert count_calls(db) == 2


def test_a_repeat_that_loses_the_race_is_a_409_too(
    client: ContractClient, company: Company, rep: int, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = client.post("/v2/calls", json=new_call(rep), headers=company.basic).json()["callId"]
    # As if the first call were committed between this request's check and its insert: the check sees nothing,
    # the unique constraint refuses the insert, and the answer is the same 409.
    real = writes._existing_call_for
    checks: list[str] = []

    def blind_first_check(conn: Any, company_id: int, client_unique_id: str) -> int | None:
        checks.append(client_unique_id)
        return None if len(checks) == 1 else real(conn, company_id, client_unique_id)

    monkeypatch.setattr(writes, "_existing_call_for", blind_first_check)
    r = client.post("/v2/calls", json=new_call(rep), headers=company.basic)
    assert_error(r, 409, f"A call with this clientUniqueId was already added: callId {first}")
    assert checks == ["pbx-1", "pbx-1"]
    assert count_calls(db) == 1


def test_concurrent_repeats_make_one_call(client: ContractClient, company: Company, rep: int, db: Database) -> None:
    def post(_: int) -> tuple[int, dict[str, Any]]:
        r = client.post("/v2/calls", json=new_call(rep, clientUniqueId="race"), headers=company.basic)
        return r.status_code, r.json()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(post, range(8)))
    ok = [body for status, body in results if status == 200]
    assert len(ok) == 1
    winner = ok[0]["callId"]
    for status, body in results:
        if status != 200:
            assert status == 409
            assert body["errors"] == [f"A call with this clientUniqueId was already added: callId {winner}"]
    assert count_calls(db) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"clientUniqueId": None}, "clientUniqueId: Input should be a valid string"),
        ({"clientUniqueId": "  "}, "clientUniqueId: String should have at least 1 character"),
        ({"clientUniqueId": "x" * 2049}, "clientUniqueId: String should have at most 2048 characters"),
        ({"direction": "Sideways"}, "direction: Input should be 'Inbound', 'Outbound', 'Conference' or 'Unknown'"),
        ({"actualStart": "noon"}, "actualStart: 'noon' is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)"),
        ({"actualStart": 1717236000}, "actualStart: must be an ISO-8601 date-time string"),
        ({"parties": []}, "parties: List should have at least 1 item after validation, not 0"),
        ({"primaryUser": 5}, "primaryUser: must be a string holding a numeric id"),
        ({"purpose": "p" * 256}, "purpose: String should have at most 255 characters"),
        ({"duration": "long"}, "duration: Input should be a valid number"),
        ({"languageCode": "xx-XX"}, "languageCode: 'xx-XX' is not a supported language code (e.g. en-US)"),
        ({"downloadMediaUrl": "ftp://x/y.mp3"}, "downloadMediaUrl: 'ftp://x/y.mp3' is not an http(s) URL"),
        ({"workspaceId": "12"}, "workspaceId: workspace 12 was not found"),
        (
            {"scheduledStart": "2024-06-01T10:00:00Z", "scheduledEnd": "2024-06-01T09:00:00Z"},
            "body: scheduledEnd must not be earlier than scheduledStart",
        ),
        (
            {"context": [{"system": "Salesforce", "objects": [{"objectType": "Deal", "objectId": "1"}]}]},
            "context.0.objects.0.objectType: Input should be 'Opportunity' or 'Account'",
        ),
    ],
)
def test_bad_input_is_a_400_naming_the_field(
    client: ContractClient, company: Company, rep: int, db: Database, change: dict[str, Any], message: str
) -> None:
    r = client.post("/v2/calls", json=new_call(rep, **change), headers=company.basic)
    assert_error(r, 400, message)
    assert count_calls(db) == 0


def test_missing_required_fields_are_each_named(client: ContractClient, company: Company) -> None:
    r = client.post("/v2/calls", json={"title": "x"}, headers=company.basic)
    assert_error(
        r,
        400,
        "clientUniqueId: is required",
        "actualStart: is required",
        "parties: is required",
        "direction: is required",
        "primaryUser: is required",
    )


def test_the_primary_user_must_be_a_user_with_a_party(
    client: ContractClient, company: Company, rep: int, seed: Seed, db: Database
) -> None:
    other = make_company(db, "Other")
    stranger = seed(f.make_user, other.id)
    r = client.post("/v2/calls", json=new_call(rep, primaryUser=str(stranger)), headers=company.basic)
    assert_error(r, 400, f"primaryUser: {stranger} is not a user of this company")
    r = client.post("/v2/calls", json=new_call(rep, primaryUser="99999999999999999999"), headers=company.basic)
    assert_error(r, 400, "primaryUser: the given id is not a user of this company")
    guest_only = new_call(rep)
    guest_only["parties"] = guest_only["parties"][1:]
    r = client.post("/v2/calls", json=guest_only, headers=company.basic)
    assert_error(r, 400, "parties: a party must be provided for the primaryUser (a party whose userId is primaryUser)")
    bad_party = new_call(rep)
    bad_party["parties"][1]["userId"] = str(stranger)
    r = client.post("/v2/calls", json=bad_party, headers=company.basic)
    assert_error(r, 400, f"parties[1].userId: {stranger} is not a user of this company")
    bad_channel = new_call(rep)
    bad_channel["parties"][0]["mediaChannelId"] = 2
    r = client.post("/v2/calls", json=bad_channel, headers=company.basic)
    assert_error(r, 400, "parties.0.mediaChannelId: Input should be less than or equal to 1")
    assert count_calls(db) == 0


def test_speakers_timeline_gives_speakers_and_talk_time(
    client: ContractClient, company: Company, rep: int, db: Database
) -> None:
    body = new_call(rep)
    body["parties"][0].update(partyId="p1", mediaChannelId=0)
    body["parties"][1]["partyId"] = "p2"
    body["speakersTimeline"] = {
        "precise": True,
        "speechSegments": [
            {"fromTime": 0, "toTime": 4000, "partyIds": ["p1"]},
            {"fromTime": 4000, "toTime": 5500, "partyIds": ["p2"]},
            {"fromTime": 5000, "toTime": 6000, "partyIds": ["p1", "p2"]},
        ],
    }
    call_id = client.post("/v2/calls", json=body, headers=company.basic).json()["callId"]
    sel = {"exposedFields": {"parties": True, "interaction": {"speakers": True}}}
    ext = client.post("/v2/calls/extensive", json={"filter": {}, "contentSelector": sel}, headers=company.basic).json()
    (call,) = ext["calls"]
    assert call["metaData"]["id"] == call_id
    host, guest = call["parties"]
    assert host["speakerId"] and guest["speakerId"]
    assert call["interaction"] == {
        "speakers": [
            {"id": host["id"], "userId": str(rep), "talkTime": 5.0},
            {"id": guest["id"], "talkTime": 2.5},
        ]
    }
    with db.read() as conn:  # the timeline wins over mediaChannelId
        assert conn.execute(select(call_parties.c.media_channel_id)).scalars().all() == [None, None]

    unknown = new_call(rep, clientUniqueId="pbx-2")
    unknown["parties"][0]["partyId"] = "p1"
    unknown["parties"][1]["partyId"] = "p2"
    unknown["speakersTimeline"] = {"speechSegments": [{"fromTime": 0, "toTime": 10, "partyIds": ["p9"]}]}
    r = client.post("/v2/calls", json=unknown, headers=company.basic)
    assert_error(r, 400, "speakersTimeline.speechSegments[0].partyIds: 'p9' is not the partyId of any party")
    missing = new_call(rep, clientUniqueId="pbx-3")
    missing["speakersTimeline"] = {"speechSegments": [{"fromTime": 0, "toTime": 10, "partyIds": ["p1"]}]}
    r = client.post("/v2/calls", json=missing, headers=company.basic)
    assert_error(r, 400, "body: parties[0].partyId is required when speakersTimeline is given")


def test_download_media_url_must_be_unique(client: ContractClient, company: Company, rep: int) -> None:
    url = "https://pbx.example/rec/1.mp3"
    first = client.post("/v2/calls", json=new_call(rep, downloadMediaUrl=url), headers=company.basic).json()["callId"]
    r = client.post(
        "/v2/calls", json=new_call(rep, clientUniqueId="pbx-2", downloadMediaUrl=url), headers=company.basic
    )
    assert_error(r, 409, f"downloadMediaUrl: this URL was already used for callId {first}; it must be unique")


def test_context_and_parties_are_stored_with_lookup_twins(
    client: ContractClient, company: Company, rep: int, db: Database
) -> None:
    body = new_call(rep)
    body["parties"].append({"name": "Dialer", "phoneNumber": "  +44 20 7946 0958 "})
    body["parties"].append({"name": "Colleague", "emailAddress": "Pat@ACME.example"})
    assert client.post("/v2/calls", json=body, headers=company.basic).status_code == 200
    with db.read() as conn:
        rows = conn.execute(
            select(call_parties.c.email_lower, call_parties.c.phone_norm, call_parties.c.affiliation).order_by(
                call_parties.c.id
            )
        ).all()
        assert conn.execute(select(func.count()).select_from(call_context_objects)).scalar_one() == 0
    assert [tuple(r) for r in rows] == [
        ("rep@acme.example", None, "Internal"),
        ("maya.levin@northwind.example", "+12125550101", "External"),
        (None, "+442079460958", "External"),
        ("pat@acme.example", None, "Internal"),  # same domain as the primary user
    ]


def test_add_call_and_recording_need_the_create_scope(
    client: ContractClient, company: Company, rep: int, db: Database
) -> None:
    reader = bearer(db, company, "api:calls:read:basic")
    r = client.post("/v2/calls", json=new_call(rep), headers=reader)
    assert_error(r, 401, "Access denied: this request needs the scope 'api:calls:create'")
    creator = bearer(db, company, "api:calls:create")
    call_id = client.post("/v2/calls", json=new_call(rep), headers=creator).json()["callId"]
    files = {"mediaFile": ("a.wav", sample("tone.wav"), "audio/wav")}
    assert_error(
        client.put(f"/v2/calls/{call_id}/media", files=files, headers=reader),
        401,
        "Access denied: this request needs the scope 'api:calls:create'",
    )
    assert client.put(f"/v2/calls/{call_id}/media", files=files, headers=creator).status_code == 201
