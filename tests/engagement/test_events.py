"""Engagement events (customAction, contentShared, contentViewed, addDigitalInteraction): what is stored, the
answers, duplicates and bad requests."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.schema import engagement_events
from gongkit.server.groups.engagement.writes import integration_id
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error
from tests.support.contract import ContractClient

ACTION = "/v2/customer-engagement/action"
SHARED = "/v2/customer-engagement/content/shared"
VIEWED = "/v2/customer-engagement/content/viewed"
DIGITAL = "/v2/digital-interaction"
T = "2024-05-02T10:15:00Z"
T_MS = 1_714_644_900_000


def viewed(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reportingSystem": "Highspot",
        "eventTimestamp": T,
        "eventId": "view-1",
        "contentId": "deck-7",
        "contentUrl": "https://acme.highspot.com/items/deck-7",
        "contentTitle": "Pricing deck",
        "viewActionTitle": "Deck opened",
        "viewer": {"email": "Maya.Levin@Northwind.example", "name": "Maya Levin", "title": "CFO"},
        "agentPlatform": "MacOS",
        "contentProperties": [{"name": "pages", "value": 12, "dataType": "number"}],
        "trackingId": "trk-1",
    }
    body.update(overrides)
    return body


def shared(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reportingSystem": "Highspot",
        "eventTimestamp": T,
        "eventId": "share-1",
        "contentId": "deck-7",
        "contentUrl": "https://acme.highspot.com/items/deck-7",
        "contentTitle": "Pricing deck",
        "sharer": {"email": "rep@acme.example", "name": "Rep"},
        "recipients": [
            {"email": "maya.levin@northwind.example", "name": "Maya Levin"},
            {"email": "ops@northwind.example"},
            {"email": "MAYA.LEVIN@northwind.example"},
        ],
        "nonCompanyParticipants": [{"email": "advisor@partner.example"}],
        "sharingMessageSubject": "The deck",
    }
    body.update(overrides)
    return body


def action(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reportingSystem": "DocuSign",
        "eventTimestamp": T,
        "eventId": "sign-1",
        "actionName": "Contract signed",
        "actor": {"email": "maya.levin@northwind.example"},
        "crmContext": [
            {"system": "Salesforce", "objects": [{"objectType": "Opportunity", "objectId": "0065g00000XYZ"}]}
        ],
    }
    body.update(overrides)
    return body


def digital(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "eventId": "web-1",
        "timestamp": T,
        "eventType": "page viewed",
        "sourceSystemName": "Website",
        "device": "PC",
        "content": {"contentTitle": "Pricing", "contentUrl": "https://acme.example/pricing", "contentId": "pricing"},
        "person": {"name": "Maya Levin", "email": "maya.levin@northwind.example", "phoneNumber": "+1 (212) 555-0101"},
    }
    body.update(overrides)
    return body


def rows(db: Database) -> list[dict[str, Any]]:
    cols = engagement_events.c
    with db.read() as conn:
        found = conn.execute(
            select(
                cols.event_type,
                cols.timestamp_ms,
                cols.content_id,
                cols.content_url,
                cols.reporting_system,
                cols.event_name,
                cols.source_event_id,
                cols.person_email,
                cols.person_email_lower,
                cols.person_phone_norm,
                cols.person_seq,
                cols.person_role,
            ).order_by(cols.event_type, cols.person_seq)
        ).mappings()
        return [dict(r) for r in found]


def row(event_type: str, email: str | None, seq: int, role: str, **overrides: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "event_type": event_type,
        "timestamp_ms": T_MS,
        "content_id": "deck-7",
        "content_url": "https://acme.highspot.com/items/deck-7",
        "reporting_system": "Highspot",
        "event_name": "Pricing deck",
        "source_event_id": "share-1",
        "person_email": email,
        "person_email_lower": email.lower() if email else None,
        "person_phone_norm": None,
        "person_seq": seq,
        "person_role": role,
    }
    out.update(overrides)
    return out


@pytest.mark.parametrize(
    ("path", "body", "system"),
    [(ACTION, action(), "DocuSign"), (SHARED, shared(), "Highspot"), (VIEWED, viewed(), "Highspot")],
)
def test_legacy_events_answer_the_integration_of_their_system(
    client: ContractClient, company: Company, path: str, body: dict[str, Any], system: str
) -> None:
    r = client.put(path, json=body, headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {"requestId": r.headers["x-request-id"], "integrationId": integration_id(company.id, system)}
    assert 10**18 <= integration_id(company.id, system) < 2**63


def test_a_share_is_stored_once_per_external_person(client: ContractClient, company: Company, db: Database) -> None:
    assert client.put(SHARED, json=shared(), headers=company.basic).status_code == 200
    assert rows(db) == [
        row("contentShared", "maya.levin@northwind.example", 0, "recipient"),
        row("contentShared", "ops@northwind.example", 1, "recipient"),
        row("contentShared", "advisor@partner.example", 2, "participant"),
    ]


def test_a_view_an_action_and_an_interaction(client: ContractClient, company: Company, db: Database) -> None:
    assert client.put(VIEWED, json=viewed(), headers=company.basic).status_code == 200
    assert client.put(ACTION, json=action(), headers=company.basic).status_code == 200
    r = client.post(DIGITAL, json=digital(), headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {"requestId": r.headers["x-request-id"]}
    assert rows(db) == [
        row(
            "contentViewed",
            "Maya.Levin@Northwind.example",
            0,
            "viewer",
            event_name="Deck opened",
            source_event_id="view-1",
        ),
        row(
            "customEvent",
            "maya.levin@northwind.example",
            0,
            "actor",
            content_id=None,
            content_url=None,
            reporting_system="DocuSign",
            event_name="Contract signed",
            source_event_id="sign-1",
        ),
        row(
            "digitalInteraction",
            "maya.levin@northwind.example",
            0,
            "person",
            content_id="pricing",
            content_url="https://acme.example/pricing",
            reporting_system="Website",
            event_name="page viewed",
            source_event_id="web-1",
            person_phone_norm="+12125550101",
        ),
    ]
    with db.read() as conn:
        payload = conn.execute(
            select(engagement_events.c.payload).where(engagement_events.c.event_type == "contentViewed")
        ).scalar_one()
    assert payload == viewed()  # the report as given, trackingId included


def test_an_event_about_nobody_is_kept_without_a_person(client: ContractClient, company: Company, db: Database) -> None:
    body = action()
    del body["actor"]
    assert client.put(ACTION, json=body, headers=company.basic).status_code == 200
    assert [(r["person_email"], r["person_role"], r["person_seq"]) for r in rows(db)] == [(None, "none", 0)]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("PUT", ACTION, action()), ("PUT", SHARED, shared()), ("PUT", VIEWED, viewed()), ("POST", DIGITAL, digital())],
)
def test_a_repeated_event_id_is_409(
    client: ContractClient, company: Company, db: Database, method: str, path: str, body: dict[str, Any]
) -> None:
    assert client.request(method, path, json=body, headers=company.basic).status_code == 200
    before = rows(db)
    r = client.request(method, path, json=body, headers=company.basic)
    assert_error(r, 409, f"Event was already reported in the past (eventId '{body['eventId']}')")
    assert rows(db) == before
    # the same eventId from another system, or in another company, is another event
    other_system = {**body, "reportingSystem": "Other"} if path != DIGITAL else {**body, "sourceSystemName": "Other"}
    assert client.request(method, path, json=other_system, headers=company.basic).status_code == 200
    assert client.request(method, path, json=body, headers=make_company(db, "Globex").basic).status_code == 200


def test_events_without_an_event_id_are_all_kept(client: ContractClient, company: Company, db: Database) -> None:
    body = viewed()
    del body["eventId"]
    for _ in range(2):
        assert client.put(VIEWED, json=body, headers=company.basic).status_code == 200
    assert len(rows(db)) == 2


def test_a_workspace_must_be_the_companys(client: ContractClient, company: Company, db: Database, seed: Seed) -> None:
    ws = seed(f.make_workspace, company.id, "Main", is_default=True)
    other = make_company(db, "Globex")
    foreign = seed(f.make_workspace, other.id, "Theirs", is_default=True)
    r = client.put(VIEWED, json=viewed(workspaceId=str(foreign)), headers=company.basic)
    assert_error(r, 400, f"workspaceId: no workspace {foreign} in this company")
    assert client.put(VIEWED, json=viewed(workspaceId=str(ws)), headers=company.basic).status_code == 200
