"""Engagement events: each kind of bad input is a 400 naming Gong's field, and nothing is stored."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from gongkit.db import Database
from gongkit.db.schema import engagement_events
from gongkit.server.groups.engagement.models import MAX_ITEMS
from tests.conftest import Company
from tests.engagement.test_events import ACTION, DIGITAL, SHARED, VIEWED, action, digital, shared, viewed
from tests.support.api import assert_error
from tests.support.contract import ContractClient


def without(body: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in keys}


CASES: list[tuple[str, str, dict[str, Any], str]] = [
    ("PUT", ACTION, without(action(), "reportingSystem"), "reportingSystem: is required"),
    ("PUT", ACTION, without(action(), "eventTimestamp"), "eventTimestamp: is required"),
    ("PUT", ACTION, action(reportingSystem="  "), "reportingSystem: String should have at least 1 character"),
    (
        "PUT",
        ACTION,
        action(agentPlatform="BeOS"),
        "agentPlatform: Input should be 'Windows', 'Linux', 'MacOS', 'iOS', 'Android' or "
        "'Windows, Linux, MacOS, iOS, Android'",
    ),
    (
        "PUT",
        ACTION,
        action(actor={"email": "not-an-address"}),
        "actor.email: not a valid e-mail address (expected name@domain.tld)",
    ),
    (
        "PUT",
        ACTION,
        action(crmContext=[{"system": "Pipedrive"}]),
        "crmContext.0.system: Input should be 'Salesforce', 'HubSpot', 'MicrosoftDynamic' or 'Generic'",
    ),
    (
        "PUT",
        ACTION,
        action(crmContext=[{"system": "Generic", "objects": [{"objectType": "Deal", "objectId": "1"}]}]),
        "crmContext.0.objects.0.objectType: Input should be 'Opportunity', 'Account', 'Lead', 'Contact', 'User', 'Opportunity,Account' or 'Lead,Contact'",
    ),
    (
        "PUT",
        ACTION,
        action(eventProperties=[{"name": "n", "value": "v", "dataType": "text"}]),
        "eventProperties.0.dataType: Input should be 'number', 'string', 'url', 'date' or 'number, string, url, date'",
    ),
    (
        "PUT",
        ACTION,
        action(workspaceId="abc"),
        "workspaceId: 'abc' is not a valid id (a numeric string of up to 20 digits)",
    ),
    ("PUT", ACTION, action(eventTimestamp="2024-13-01T00:00:00Z"), None),
    ("PUT", SHARED, without(shared(), "contentUrl"), "contentUrl: is required"),
    ("PUT", SHARED, without(shared(), "contentTitle"), "contentTitle: is required"),
    ("PUT", SHARED, shared(recipients=[{"name": "No address"}]), "recipients.0.email: is required"),
    (
        "PUT",
        SHARED,
        shared(recipients=[{"email": f"r{i}@x.example"} for i in range(MAX_ITEMS + 1)]),
        f"recipients: List should have at most {MAX_ITEMS} items after validation, not {MAX_ITEMS + 1}",
    ),
    ("PUT", VIEWED, without(viewed(), "contentId"), "contentId: is required"),
    ("PUT", VIEWED, viewed(viewer={"email": 5}), "viewer.email: Input should be a valid string"),
    ("POST", DIGITAL, without(digital(), "eventId"), "eventId: is required"),
    ("POST", DIGITAL, without(digital(), "content"), "content: is required"),
    ("POST", DIGITAL, without(digital(), "person"), "body: person is required (or trackingId, for a person not named)"),
    ("POST", DIGITAL, digital(trackingId="t-1"), "body: trackingId must be null when person is sent"),
    ("POST", DIGITAL, digital(content={"contentId": "x"}), "content.contentTitle: is required"),
    ("POST", DIGITAL, digital(device="TABLET"), "device: Input should be 'MOBILE' or 'PC'"),
    (
        "POST",
        DIGITAL,
        digital(person={"personId": "p-1"}),
        "person: an anonymous person (no name, email, phoneNumber or personBusinessContext) needs personId and company.domain",
    ),
    (
        "POST",
        DIGITAL,
        digital(person={"name": "M", "phoneNumber": "call me"}),
        "person.phoneNumber: not a valid phone number",
    ),
    (
        "POST",
        DIGITAL,
        digital(person={"name": "M", "personBusinessContext": {"objectType": "ACCOUNT", "objectId": "1"}}),
        "person.personBusinessContext.objectType: Input should be 'CONTACT' or 'LEAD'",
    ),
    (
        "POST",
        DIGITAL,
        digital(content={"contentTitle": "t", "numericContentDetails": {"rangeFrom": 10, "rangeTo": 0}}),
        "content.numericContentDetails: rangeTo must not be lower than rangeFrom",
    ),
    (
        "POST",
        DIGITAL,
        digital(customFields=[{"name": "n", "value": "v", "dataType": "TEXT"}]),
        "customFields.0.dataType: Input should be 'STRING', 'NUMBER', 'DATE', 'URL', 'BOOLEAN' or 'DURATION'",
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "body", "message"), CASES, ids=[f"{c[1].rsplit('/', 1)[-1]}-{i}" for i, c in enumerate(CASES)]
)
def test_bad_events_are_400(
    client: ContractClient,
    company: Company,
    db: Database,
    method: str,
    path: str,
    body: dict[str, Any],
    message: str | None,
) -> None:
    r = client.request(method, path, json=body, headers=company.basic)
    if message is None:
        assert r.status_code == 400 and len(r.json()["errors"]) == 1, r.text
    else:
        assert_error(r, 400, message)
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(engagement_events)).scalar() == 0


def test_an_anonymous_person_with_an_id_and_a_domain_is_accepted(client: ContractClient, company: Company) -> None:
    body = digital(person={"personId": "p-1", "company": {"domain": "northwind.example"}})
    assert client.post(DIGITAL, json=body, headers=company.basic).status_code == 200


def test_tracking_id_instead_of_a_person_is_accepted(client: ContractClient, company: Company) -> None:
    body = without(digital(), "person")
    body["trackingId"] = "trk-9"
    assert client.post(DIGITAL, json=body, headers=company.basic).status_code == 200
