"""Engagement events are what the data-privacy lookup reports as ``customerEngagement``: an event reported through
the API is found by each of its people, and the erasure removes that person's part of it."""

from __future__ import annotations

from sqlalchemy import select

from gongkit.db.schema import engagement_events
from tests.conftest import Company
from tests.data_privacy.conftest import PrivacyApp, papp  # noqa: F401 (the fixture)
from tests.engagement.test_events import DIGITAL, SHARED, VIEWED, digital, shared, viewed

LOOKUP = "/v2/data-privacy/data-for-email-address"
LOOKUP_PHONE = "/v2/data-privacy/data-for-phone-number"
ERASE = "/v2/data-privacy/erase-data-for-email-address"
EMPTY = {"emails": [], "calls": [], "meetings": [], "customerData": [], "customerEngagement": []}


def engagement(papp: PrivacyApp, company: Company, address: str) -> list[dict[str, str]]:  # noqa: F811
    r = papp.client.get(LOOKUP, params={"emailAddress": address}, headers=company.basic)
    assert r.status_code == 200, r.text
    body = {k: v for k, v in r.json().items() if k != "requestId"}
    assert {k: v for k, v in body.items() if k != "customerEngagement"} == {
        k: v for k, v in EMPTY.items() if k != "customerEngagement"
    }
    found: list[dict[str, str]] = body["customerEngagement"]
    return found


def test_reported_events_are_found_and_erased(papp: PrivacyApp, company: Company) -> None:  # noqa: F811
    for method, path, body in (("PUT", VIEWED, viewed()), ("PUT", SHARED, shared()), ("POST", DIGITAL, digital())):
        assert papp.client.request(method, path, json=body, headers=company.basic).status_code == 200

    # (one instant for all three: the lookup orders them by time, then by their ids)
    maya = sorted(engagement(papp, company, "maya.levin@northwind.example"), key=lambda e: e["eventType"])
    assert maya == [
        {
            "eventType": "contentShared",
            "timestamp": "2024-05-02T10:15:00Z",
            "contentId": "deck-7",
            "contentUrl": "https://acme.highspot.com/items/deck-7",
            "reportingSystem": "Highspot",
            "eventName": "Pricing deck",
            "sourceEventId": "share-1",
        },
        {
            "eventType": "contentViewed",
            "timestamp": "2024-05-02T10:15:00Z",
            "contentId": "deck-7",
            "contentUrl": "https://acme.highspot.com/items/deck-7",
            "reportingSystem": "Highspot",
            "eventName": "Deck opened",
            "sourceEventId": "view-1",
        },
        {
            "eventType": "digitalInteraction",
            "timestamp": "2024-05-02T10:15:00Z",
            "contentId": "pricing",
            "contentUrl": "https://acme.example/pricing",
            "reportingSystem": "Website",
            "eventName": "page viewed",
            "sourceEventId": "web-1",
        },
    ]
    assert [e["eventType"] for e in engagement(papp, company, "ops@northwind.example")] == ["contentShared"]

    r = papp.client.post(ERASE, params={"emailAddress": "Maya.Levin@northwind.example"}, headers=company.basic)
    assert r.status_code == 200, r.text
    assert papp.run_erasures() == 1
    assert engagement(papp, company, "maya.levin@northwind.example") == []
    # The share's other recipient keeps their part of it, with Maya's address redacted from what was reported.
    assert [e["eventType"] for e in engagement(papp, company, "ops@northwind.example")] == ["contentShared"]
    with papp.db.read() as conn:
        payloads = conn.execute(select(engagement_events.c.payload)).scalars().all()
    assert len(payloads) == 2 and "maya.levin@" not in repr(payloads).lower()
    # The repeated report of an erased event is still known as reported (its key holds nothing personal).
    r = papp.client.put(SHARED, json=shared(), headers=company.basic)
    assert r.status_code == 409
