"""Meetings (addMeeting, updateMeeting, deleteMeeting, integrationStatus): whole answers, stored state, Gong's
status for each outcome."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.schema import meeting_invitees, meetings
from gongkit.server.groups.meetings.models import MAX_INVITEES
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error, bearer
from tests.support.contract import ContractClient

CONSENT = "https://join.gong.io/acme/dana.reyes?tkn=MoNpS9tMNt8BK7EZxQpSJl"
ASSISTANT = {"displayName": "Gong Assistant", "email": "assistant@gong.io"}


@pytest.fixture
def organizer(seed: Seed, company: Company) -> int:
    return int(seed(f.make_user, company.id, email_address="Dana.Reyes@Acme.example", meeting_consent_page_url=CONSENT))


def new_meeting(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "startTime": "2024-06-03T09:00:00-07:00",
        "endTime": "2024-06-03T09:30:00-07:00",
        "title": "Northwind <> Acme: Demo",
        "organizerEmail": "dana.reyes@acme.example",
        "externalId": "7JEHFRGXDDZFEW2FC4U",
        "invitees": [
            {
                "email": "Maya.Levin@Northwind.example",
                "displayName": "Maya Levin",
                "firstName": "Maya",
                "lastName": "Levin",
            },
            {"email": "ops@northwind.example"},
        ],
    }
    body.update(overrides)
    return body


def stored(db: Database, meeting_id: int) -> tuple[Any, list[Any]]:
    with db.read() as conn:
        row = conn.execute(select(meetings).where(meetings.c.id == meeting_id)).first()
        people = conn.execute(
            select(meeting_invitees).where(meeting_invitees.c.meeting_id == meeting_id).order_by(meeting_invitees.c.id)
        ).all()
    return row, people


def add(client: ContractClient, company: Company, **overrides: Any) -> int:
    r = client.post("/v2/meetings", json=new_meeting(**overrides), headers=company.basic)
    assert r.status_code == 200, r.text
    return int(r.json()["meetingId"])


def test_add_meeting_stores_it_and_answers_gongs_shape(
    client: ContractClient, company: Company, organizer: int, db: Database
) -> None:
    r = client.post("/v2/meetings", json=new_meeting(), headers=company.basic)
    assert r.status_code == 200, r.text
    body = r.json()
    meeting_id = body["meetingId"]
    assert meeting_id.isdigit() and len(meeting_id) == 19
    assert body == {
        "requestId": r.headers["x-request-id"],
        "meetingId": meeting_id,
        "meetingUrl": CONSENT,  # the organizer's consent page link
        "additionalInvitees": [ASSISTANT],
    }
    row, people = stored(db, int(meeting_id))
    assert (row.company_id, row.organizer_email, row.organizer_lower) == (
        company.id,
        "dana.reyes@acme.example",
        "dana.reyes@acme.example",
    )
    assert (row.title, row.start_ms, row.end_ms, row.external_id, row.call_id) == (
        "Northwind <> Acme: Demo",
        1_717_430_400_000,
        1_717_432_200_000,
        "7JEHFRGXDDZFEW2FC4U",
        None,
    )
    assert [(p.email_address, p.email_lower, p.display_name, p.first_name, p.last_name) for p in people] == [
        ("Maya.Levin@Northwind.example", "maya.levin@northwind.example", "Maya Levin", "Maya", "Levin"),
        ("ops@northwind.example", "ops@northwind.example", None, None, None),
    ]


def test_invitees_are_kept_once_and_without_the_organizer(
    client: ContractClient, company: Company, organizer: int, db: Database
) -> None:
    invitees = [
        {"email": "DANA.REYES@acme.example"},
        {"email": "maya@northwind.example", "displayName": "Maya"},
        {"email": " MAYA@northwind.example ", "displayName": "Maya again"},
    ]
    meeting_id = add(client, company, invitees=invitees)
    _, people = stored(db, meeting_id)
    assert [(p.email_address, p.display_name) for p in people] == [("maya@northwind.example", "Maya")]


def test_update_replaces_the_meeting_and_its_invitees(
    client: ContractClient, company: Company, organizer: int, db: Database
) -> None:
    meeting_id = add(client, company)
    body = new_meeting(
        startTime="2024-06-04T16:00:00Z",
        endTime="2024-06-04T17:00:00Z",
        title="Demo (moved)",
        invitees=[{"email": "cfo@northwind.example", "displayName": "CFO"}],
    )
    del body["externalId"]
    r = client.put(f"/v2/meetings/{meeting_id}", json=body, headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {"requestId": r.headers["x-request-id"], "meetingId": str(meeting_id)}
    row, people = stored(db, meeting_id)
    assert (row.title, row.start_ms, row.end_ms, row.external_id) == (
        "Demo (moved)",
        1_717_516_800_000,
        1_717_520_400_000,
        None,  # a replacement: what the body leaves out is cleared
    )
    assert [(p.email_address, p.display_name) for p in people] == [("cfo@northwind.example", "CFO")]


def test_delete_removes_the_meeting_and_answers_its_organizer(
    client: ContractClient, company: Company, organizer: int, db: Database
) -> None:
    meeting_id = add(client, company)
    r = client.request(
        "DELETE",
        f"/v2/meetings/{meeting_id}",
        json={"organizerEmail": "Dana.Reyes@ACME.example"},
        headers=company.basic,
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"requestId": r.headers["x-request-id"], "organizerEmail": "dana.reyes@acme.example"}
    assert stored(db, meeting_id) == (None, [])
    r = client.request("DELETE", f"/v2/meetings/{meeting_id}", headers=company.basic)
    assert_error(r, 404, "No meeting found corresponding to the provided meeting ID")


def test_delete_without_a_body_deletes_by_id(
    client: ContractClient, company: Company, organizer: int, db: Database
) -> None:
    meeting_id = add(client, company)
    r = client.request("DELETE", f"/v2/meetings/{meeting_id}", headers=company.basic)
    assert r.status_code == 200, r.text
    assert stored(db, meeting_id)[0] is None


# --- the organizer ---------------------------------------------------------------------------------------------


def test_an_organizer_who_is_not_a_user_is_404(client: ContractClient, company: Company, organizer: int) -> None:
    r = client.post("/v2/meetings", json=new_meeting(organizerEmail="maya@northwind.example"), headers=company.basic)
    assert_error(r, 404, "No Gong user found corresponding to the provided organizer email")


def test_a_user_of_another_company_is_not_an_organizer(client: ContractClient, db: Database, seed: Seed) -> None:
    other = make_company(db, "Globex")
    seed(f.make_user, other.id, email_address="dana.reyes@acme.example", meeting_consent_page_url=CONSENT)
    me = make_company(db, "Initech")
    r = client.post("/v2/meetings", json=new_meeting(), headers=me.basic)
    assert_error(r, 404, "No Gong user found corresponding to the provided organizer email")


def test_an_organizer_without_a_consent_page_or_inactive_is_409(
    client: ContractClient, company: Company, seed: Seed
) -> None:
    seed(f.make_user, company.id, email_address="no.consent@acme.example", meeting_consent_page_url=None)
    seed(f.make_user, company.id, email_address="gone@acme.example", active=False)
    r = client.post("/v2/meetings", json=new_meeting(organizerEmail="no.consent@acme.example"), headers=company.basic)
    assert_error(
        r, 409, "organizerEmail: The Gong consent page is not enabled in your company. Contact your Gong Admin."
    )
    r = client.post("/v2/meetings", json=new_meeting(organizerEmail="gone@acme.example"), headers=company.basic)
    assert_error(r, 409, "organizerEmail: The Gong user is not active. Contact your Gong Admin.")


# --- unknown and foreign meetings ------------------------------------------------------------------------------


def test_unknown_and_foreign_meetings_are_404(
    client: ContractClient, company: Company, organizer: int, db: Database, seed: Seed
) -> None:
    meeting_id = add(client, company)
    other = make_company(db, "Globex")
    seed(f.make_user, other.id, email_address="dana.reyes@acme.example", meeting_consent_page_url=CONSENT)
    missing = "No meeting found corresponding to the provided meeting ID"
    for who, mid in ((company, 1_234_567_890_123_456_789), (other, meeting_id), (company, 99_999_999_999_999_999_999)):
        r = client.put(f"/v2/meetings/{mid}", json=new_meeting(), headers=who.basic)
        assert_error(r, 404, missing)
        r = client.request("DELETE", f"/v2/meetings/{mid}", json={}, headers=who.basic)
        assert_error(r, 404, missing)
    assert stored(db, meeting_id)[0] is not None  # the other company's attempts changed nothing


def test_another_organizer_cannot_touch_the_meeting(
    client: ContractClient, company: Company, organizer: int, seed: Seed, db: Database
) -> None:
    seed(f.make_user, company.id, email_address="sam@acme.example", meeting_consent_page_url=CONSENT)
    meeting_id = add(client, company)
    r = client.put(
        f"/v2/meetings/{meeting_id}", json=new_meeting(organizerEmail="sam@acme.example"), headers=company.basic
    )
    assert_error(r, 404, "No meeting found corresponding to the provided meeting ID for this organizerEmail")
    r = client.request(
        "DELETE", f"/v2/meetings/{meeting_id}", json={"organizerEmail": "sam@acme.example"}, headers=company.basic
    )
    assert_error(r, 404, "No Gong meeting found corresponding to the provided organizer email")
    assert stored(db, meeting_id)[0].title == "Northwind <> Acme: Demo"


def test_a_repeated_external_id_is_409(client: ContractClient, company: Company, organizer: int) -> None:
    first = add(client, company)
    r = client.post("/v2/meetings", json=new_meeting(), headers=company.basic)
    assert_error(r, 409, f"externalId: another meeting has this externalId already (meetingId {first})")
    second = add(client, company, externalId="OTHER")
    r = client.put(f"/v2/meetings/{second}", json=new_meeting(), headers=company.basic)
    assert_error(r, 409, f"externalId: another meeting has this externalId already (meetingId {first})")


# --- bad requests ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"endTime": "2024-06-03T08:59:00-07:00"}, "body: endTime must be later than startTime"),
        ({"endTime": "2024-06-03T09:00:00-07:00"}, "body: endTime must be later than startTime"),
        ({"startTime": None}, "startTime: is required"),
        ({"invitees": None}, "invitees: is required"),
        ({"organizerEmail": None}, "organizerEmail: is required"),
        ({"organizerEmail": "dana"}, "organizerEmail: not a valid e-mail address (expected name@domain.tld)"),
        ({"invitees": [{"displayName": "No address"}]}, "invitees.0.email: is required"),
        ({"invitees": [{"email": "x@y"}]}, "invitees.0.email: not a valid e-mail address (expected name@domain.tld)"),
        ({"startTime": "yesterday"}, None),
        ({"title": 7}, "title: Input should be a valid string"),
        ({"invitees": [{"email": f"p{i}@x.example"} for i in range(MAX_INVITEES + 1)]}, None),
    ],
)
def test_bad_meetings_are_400(
    client: ContractClient, company: Company, organizer: int, change: dict[str, Any], message: str | None
) -> None:
    body = new_meeting()
    for key, value in change.items():
        if value is None:
            body.pop(key)
        else:
            body[key] = value
    for r in (
        client.post("/v2/meetings", json=body, headers=company.basic),
        client.put("/v2/meetings/1234567890123456789", json=body, headers=company.basic),
    ):
        assert r.status_code == 400, r.text
        errors = r.json()["errors"]
        if message is not None:
            assert errors == [message]
        else:
            assert len(errors) == 1 and errors[0].split(":")[0] in {"startTime", "invitees"}


def test_a_meeting_id_that_is_not_a_number_is_400(client: ContractClient, company: Company, organizer: int) -> None:
    r = client.put("/v2/meetings/abc", json=new_meeting(), headers=company.basic)
    assert_error(r, 400, "meetingId: 'abc' is not a valid id (a numeric string of up to 20 digits)")


def test_scopes(client: ContractClient, company: Company, organizer: int, db: Database) -> None:
    token = bearer(db, company, "api:meetings:user:update")
    r = client.post("/v2/meetings", json=new_meeting(), headers=token)
    assert_error(r, 403, "Access denied: this request needs the scope 'api:meetings:user:create'")
    r = client.post("/v2/meetings", json=new_meeting(), headers=bearer(db, company, "api:meetings:user:create"))
    assert r.status_code == 200, r.text
