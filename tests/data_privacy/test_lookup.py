"""The two lookups: every reference kind, Gong's shapes (the client checks each answer against the contract),
normalization of the subject, clear 400s, scopes and tenant isolation."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from gongkit import control as admin
from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.kernel.clock import SystemClock, ms_to_iso
from tests.conftest import Company, make_company
from tests.data_privacy.builder import BASE_MS, Builder
from tests.data_privacy.conftest import PrivacyApp
from tests.data_privacy.scenario import OTHER_ADDRESS, World, jane

EMAIL_PATH = "/v2/data-privacy/data-for-email-address"
PHONE_PATH = "/v2/data-privacy/data-for-phone-number"
HOUR = 3_600_000


def _message(eid: str, sender: str, hours: int) -> dict[str, Any]:
    return {
        "id": eid,
        "from": sender,
        "sentTime": ms_to_iso(BASE_MS + hours * HOUR),
        "mailbox": "rep@acme.example",
        "messageHash": ("h" + eid)[:32],
    }


def _call(cid: int, status: str = "COMPLETED", systems: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": str(cid), "status": status, "externalSystems": systems or []}


ATTENDEE_LINKS = [
    {
        "system": "Salesforce",
        "objects": [
            {"objectType": "Task", "externalId": "00T1"},
            {"objectType": "Conversation", "externalId": "0Conv1"},
        ],
    },
    {"system": "HubSpot", "objects": [{"objectType": "Task", "externalId": "hs-9"}]},
]


def _lead(w: World) -> dict[str, Any]:
    return {
        "id": str(w.lead),
        "objectType": "Lead",
        "externalId": f"ext{w.lead % 10**8:08d}",
        "mirrorId": '{"integrationId":"262834820328732","crmObjectType":"LEAD","crmId":"00Q1"}',
        "fields": [{"name": "Name", "value": "Jane Doe"}, {"name": "Email", "value": "Jane.Doe@Example.com"}],
    }


def expected_email_answer(w: World) -> dict[str, Any]:
    return {
        "emails": [
            _message(w.email_from, "Jane.Doe@Example.com", 1),
            _message(w.email_to, "rep@acme.example", 2),
            _message(w.email_cc, "rep@acme.example", 3),
            _message(w.email_bcc, "rep@acme.example", 4),
        ],
        "calls": [_call(w.call_attendee, systems=ATTENDEE_LINKS), _call(w.call_lead_link), _call(w.call_speaker)],
        "meetings": [{"id": str(m)} for m in sorted([w.meeting_organized, w.meeting_invited])],
        "customerData": [
            {
                "system": "HubSpot",
                "objects": [
                    {
                        "id": str(w.contact),
                        "objectType": "Contact",
                        "externalId": f"ext{w.contact % 10**8:08d}",
                        "fields": [{"name": "Name", "value": "Jane Doe"}],
                    }
                ],
            },
            {"system": "Salesforce", "objects": [_lead(w)]},
        ],
        "customerEngagement": [
            {
                "eventType": "contentViewed",
                "timestamp": ms_to_iso(BASE_MS + HOUR),
                "contentId": "7782342274025937895",
                "contentUrl": "https://app.gong.io/e/c-share/tkn=abc",
                "reportingSystem": "Highspot",
                "eventName": "Proposal viewed",
                "sourceEventId": f"src-{w.event_email}",
            }
        ],
    }


def expected_phone_answer(w: World, supplied: str) -> dict[str, Any]:
    return {
        "suppliedPhoneNumber": supplied,
        "matchingPhoneNumbers": ["+1 (425) 555-2671", "+1 425-555-2671", "+14255552671"],
        "emailAddresses": ["Jane.Doe@Example.com", OTHER_ADDRESS],
        "emails": [
            _message(w.email_from, "Jane.Doe@Example.com", 1),
            _message(w.email_to, "rep@acme.example", 2),
            _message(w.email_cc, "rep@acme.example", 3),
            _message(w.email_bcc, "rep@acme.example", 4),
            _message(w.email_other_address, OTHER_ADDRESS, 7),
        ],
        "calls": [
            _call(w.call_attendee, systems=ATTENDEE_LINKS),
            _call(w.call_lead_link),
            _call(w.call_phone_party, status="PROCESSING"),
            _call(w.call_speaker),
        ],
        "meetings": [{"id": str(m)} for m in sorted([w.meeting_organized, w.meeting_invited])],
        "customerData": [
            {
                "system": "Salesforce",
                "objects": sorted(
                    [
                        _lead(w),
                        {
                            "id": str(w.contact_by_mobile),
                            "objectType": "Contact",
                            "externalId": f"ext{w.contact_by_mobile % 10**8:08d}",
                            "fields": [{"name": "Name", "value": "J. Doe"}],
                        },
                    ],
                    key=lambda o: int(o["id"]),
                ),
            }
        ],
    }


def _body(r: Any) -> dict[str, Any]:
    body = dict(r.json())
    assert body.pop("requestId") == r.headers["x-request-id"]
    return body


@pytest.mark.parametrize("spelling", ["jane.doe@example.com", "  JANE.doe@Example.COM\t", "Jane.Doe@EXAMPLE.com"])
def test_email_lookup_finds_every_reference_kind(
    papp: PrivacyApp, company: Company, build: Builder, spelling: str
) -> None:
    w = jane(build)
    r = papp.client.get(EMAIL_PATH, params={"emailAddress": spelling}, headers=company.basic)
    assert r.status_code == 200, r.text
    assert _body(r) == expected_email_answer(w)


def test_email_lookup_of_an_unknown_address_is_empty(papp: PrivacyApp, company: Company, build: Builder) -> None:
    jane(build)
    r = papp.client.get(EMAIL_PATH, params={"emailAddress": "nobody@example.com"}, headers=company.basic)
    assert _body(r) == {"emails": [], "calls": [], "meetings": [], "customerData": [], "customerEngagement": []}


@pytest.mark.parametrize(
    "supplied", ["+1 (425) 555-2671", "+14255552671", "+1-425-555-2671", "+1.425.555.2671", " +1 425 555 2671 "]
)
def test_phone_lookup_ignores_punctuation(papp: PrivacyApp, company: Company, build: Builder, supplied: str) -> None:
    w = jane(build)
    r = papp.client.get(PHONE_PATH, params={"phoneNumber": supplied}, headers=company.basic)
    assert r.status_code == 200, r.text
    assert _body(r) == expected_phone_answer(w, supplied.strip())


def test_unencoded_plus_in_the_query_is_read_as_plus(papp: PrivacyApp, company: Company, build: Builder) -> None:
    w = jane(build)
    r = papp.client.get(PHONE_PATH + "?phoneNumber=+1+(425)+555-2671", headers=company.basic)
    assert r.status_code == 200, r.text
    assert _body(r)["customerData"] == expected_phone_answer(w, "")["customerData"]
    b = Builder(papp.db, company.id, MediaStore(papp.settings.media_dir))
    lead = b.crm("Lead", email="jane+news@example.com")
    r = papp.client.get(EMAIL_PATH + "?emailAddress=jane+news@example.com", headers=company.basic)
    assert [o["id"] for o in _body(r)["customerData"][0]["objects"]] == [str(lead)]


@pytest.mark.parametrize(
    ("path", "query", "message"),
    [
        (EMAIL_PATH, "", "emailAddress: is required"),
        (EMAIL_PATH, "?emailAddress=%20%20", "emailAddress: is required"),
        (EMAIL_PATH, "?emailAddress=jane.doe", "emailAddress: not a valid e-mail address (expected name@domain.tld)"),
        (
            EMAIL_PATH,
            "?emailAddress=jane@localhost",
            "emailAddress: not a valid e-mail address (expected name@domain.tld)",
        ),
        (
            EMAIL_PATH,
            "?emailAddress=a%20b@example.com",
            "emailAddress: not a valid e-mail address (expected name@domain.tld)",
        ),
        (PHONE_PATH, "", "phoneNumber: is required"),
        (
            PHONE_PATH,
            "?phoneNumber=14255552671",
            "phoneNumber: must start with '+' and the country code, e.g. +14255552671 (URL-encode '+' as %2B)",
        ),
        (PHONE_PATH, "?phoneNumber=%2B12345", "phoneNumber: a phone number has 7 to 15 digits, country code included"),
        (
            PHONE_PATH,
            "?phoneNumber=%2B1234567890123456",
            "phoneNumber: a phone number has 7 to 15 digits, country code included",
        ),
    ],
)
def test_invalid_subjects_are_clear_400s(
    papp: PrivacyApp, company: Company, path: str, query: str, message: str
) -> None:
    r = papp.client.get(path + query, headers=company.basic)
    assert r.status_code == 400
    assert r.json() == {"requestId": r.headers["x-request-id"], "errors": [message]}
    erase = path.replace("data-for-", "erase-data-for-")
    r = papp.client.post(erase + query, headers=company.basic)
    assert r.status_code == 400
    assert r.json()["errors"] == [message]


def test_a_company_sees_only_its_own_references(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, media: MediaStore
) -> None:
    jane(build)
    other = make_company(db, "Globex")
    mine = Builder(db, other.id, media)
    lead = mine.crm("Lead", email="jane.doe@example.com", phone="+14255552671")
    r = papp.client.get(EMAIL_PATH, params={"emailAddress": "jane.doe@example.com"}, headers=other.basic)
    body = _body(r)
    assert body["calls"] == [] and body["emails"] == [] and body["meetings"] == []
    assert [o["id"] for g in body["customerData"] for o in g["objects"]] == [str(lead)]
    r = papp.client.get(PHONE_PATH, params={"phoneNumber": "+14255552671"}, headers=other.basic)
    assert _body(r)["matchingPhoneNumbers"] == ["+14255552671"]
    assert _body(r)["calls"] == []


def _bearer(db: Database, company: Company, scopes: list[str]) -> dict[str, str]:
    with db.write() as conn:
        token = admin.create_token(conn, SystemClock(), company.id, scopes)
    return {"Authorization": f"Bearer {token}"}


def test_scopes_separate_reading_from_erasing(papp: PrivacyApp, db: Database, company: Company, build: Builder) -> None:
    jane(build)
    reader = _bearer(db, company, ["api:data-privacy:read"])
    r = papp.client.get(EMAIL_PATH, params={"emailAddress": "jane.doe@example.com"}, headers=reader)
    assert r.status_code == 200
    r = papp.client.post(
        "/v2/data-privacy/erase-data-for-email-address", params={"emailAddress": "jane.doe@example.com"}, headers=reader
    )
    assert r.status_code == 401
    assert r.json()["errors"] == ["Access denied: this request needs the scope 'api:data-privacy:delete'"]
    eraser = _bearer(db, company, ["api:data-privacy:delete"])
    r = papp.client.get(EMAIL_PATH, params={"emailAddress": "jane.doe@example.com"}, headers=eraser)
    assert r.status_code == 401


def test_basic_credentials_of_no_company_are_refused(papp: PrivacyApp) -> None:
    bad = {"Authorization": "Basic " + base64.b64encode(b"nope:nope").decode()}
    r = papp.client.get(EMAIL_PATH, params={"emailAddress": "jane.doe@example.com"}, headers=bad)
    assert r.status_code == 401
