"""Engagement events through the SDK (sync and async) and the seed actions, against the in-process server (every
answer held to Gong's contract)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import select

from gongkit import AsyncGong, Gong
from gongkit.actions import run
from gongkit.db import Database
from gongkit.db.schema import engagement_events
from gongkit.sdk import ConflictError
from gongkit.server.groups.engagement.writes import integration_id
from gongkit.server.groups.settings.integration import integration_id as settings_integration_id
from gongkit.types.engagement import (
    Actor,
    ContentSharedEvent,
    ContentViewedEvent,
    CustomActionEvent,
    DigitalContent,
    DigitalInteraction,
    GenericProperty,
    Person,
)
from gongkit.types.settings import IntegrationTypeSettings
from tests.conftest import Company
from tests.support.contract import ContractClient

T = "2024-05-02T10:15:00Z"


@pytest.fixture
def gong(client: ContractClient, company: Company) -> Gong:
    return Gong(company.access_key, company.secret, base_url="http://testserver", http_client=client, pace=None)


def stored(db: Database) -> list[tuple[str, str | None, str | None]]:
    e = engagement_events.c
    with db.read() as conn:
        found = conn.execute(
            select(e.event_type, e.person_email, e.source_event_id).order_by(e.event_type, e.person_seq)
        )
        return [(t, p, s) for t, p, s in found]


def test_sdk_sync(gong: Gong, company: Company, db: Database) -> None:
    viewed = ContentViewedEvent(
        reportingSystem="Highspot",
        eventTimestamp=T,
        eventId="v-1",
        contentId="deck-7",
        contentUrl="https://acme.highspot.com/items/deck-7",
        contentTitle="Pricing deck",
        viewer=Actor(email="maya@northwind.example"),
        contentProperties=[GenericProperty(name="pages", value=12, dataType="number")],
    )
    answer = gong.engagement.content_viewed(viewed)
    assert answer.requestId and answer.integrationId == integration_id(company.id, "Highspot")
    with pytest.raises(ConflictError):
        gong.engagement.content_viewed(viewed)
    gong.engagement.content_shared(
        ContentSharedEvent(
            reportingSystem="Highspot",
            eventTimestamp=T,
            eventId="s-1",
            contentId="deck-7",
            contentUrl="https://acme.highspot.com/items/deck-7",
            contentTitle="Pricing deck",
            recipients=[Actor(email="maya@northwind.example"), Actor(email="ops@northwind.example")],
        )
    )
    gong.engagement.custom_action(
        CustomActionEvent(
            reportingSystem="DocuSign", eventTimestamp=T, eventId="c-1", actor=Actor(email="maya@northwind.example")
        )
    )
    interaction = DigitalInteraction(
        eventId="d-1",
        timestamp=T,
        eventType="page viewed",
        content=DigitalContent(contentTitle="Pricing"),
        person=Person(email="maya@northwind.example"),
    )
    assert gong.engagement.digital_interaction(interaction).requestId
    assert stored(db) == [
        ("contentShared", "maya@northwind.example", "s-1"),
        ("contentShared", "ops@northwind.example", "s-1"),
        ("contentViewed", "maya@northwind.example", "v-1"),
        ("customEvent", "maya@northwind.example", "c-1"),
        ("digitalInteraction", "maya@northwind.example", "d-1"),
    ]
    settings = gong.settings.integration_settings(
        [IntegrationTypeSettings(integrationType="DIALER", allowedOrigin="https://dial.partner.com")]
    )
    assert settings.integrationId == settings_integration_id(company.id)


def test_sdk_async(client: ContractClient, company: Company, db: Database) -> None:
    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=client.app), base_url="http://testserver")
        async with (
            http,
            AsyncGong(
                company.access_key, company.secret, base_url="http://testserver", http_client=http, pace=None
            ) as g,
        ):
            event = DigitalInteraction(
                eventId="d-1",
                timestamp=T,
                eventType="page viewed",
                content=DigitalContent(contentTitle="Pricing"),
                person=Person(phoneNumber="+1 212 555 0101"),
            )
            assert (await g.engagement.digital_interaction(event)).requestId
            with pytest.raises(ConflictError):
                await g.engagement.digital_interaction(event)
            await g.engagement.custom_action(CustomActionEvent(reportingSystem="DocuSign", eventTimestamp=T))
            await g.engagement.content_viewed(
                ContentViewedEvent(
                    reportingSystem="X", eventTimestamp=T, contentId="c", contentUrl="u", contentTitle="t"
                )
            )
            await g.engagement.content_shared(
                ContentSharedEvent(
                    reportingSystem="X", eventTimestamp=T, contentId="c", contentUrl="u", contentTitle="t"
                )
            )
            answer = await g.settings.integration_settings(
                [IntegrationTypeSettings(integrationType="EMAIL_COMPOSER", allowedOrigin="https://mail.partner.com")]
            )
            assert answer.integrationId == settings_integration_id(company.id)

    asyncio.run(main())
    assert len(stored(db)) == 4


def test_each_seed_action_once(gong: Gong, company: Company, db: Database) -> None:
    out = run(
        "GONG_REPORT_CONTENT_VIEWED_EVENT",
        {
            "reportingSystem": "Highspot",
            "eventTimestamp": T,
            "eventId": "v-1",
            "contentId": "deck-7",
            "contentUrl": "https://acme.highspot.com/items/deck-7",
            "contentTitle": "Pricing deck",
            "viewer__email": "maya@northwind.example",
            "viewer__name": "Maya",
            "agentPlatform": "MacOS",  # the action expands the contract's one-literal enum into its values
            "trackingId": "trk-1",
        },
        client=gong,
    )
    assert out["successful"], out["error"]
    assert out["data"]["integrationId"] == integration_id(company.id, "Highspot")
    out = run(
        "GONG_UPDATE_SHARED_CONTENT_EVENT",
        {
            "reportingSystem": "Highspot",
            "eventTimestamp": T,
            "eventId": "s-1",
            "contentId": "deck-7",
            "contentUrl": "https://acme.highspot.com/items/deck-7",
            "contentTitle": "Pricing deck",
            "sharer__email": "rep@acme.example",
            "recipients": [{"email": "ops@northwind.example", "name": "Ops"}],
        },
        client=gong,
    )
    assert out["successful"], out["error"]
    out = run(
        "GONG_REPORT_CUSTOM_ENGAGEMENT_EVENT",
        {
            "reportingSystem": "DocuSign",
            "eventTimestamp": T,
            "eventId": "c-1",
            "actor__email": "maya@northwind.example",
        },
        client=gong,
    )
    assert out["successful"], out["error"]
    digital = {
        "eventId": "d-1",
        "timestamp": T,
        "eventType": "page viewed",
        "content__contentTitle": "Pricing",
        "content__contentUrl": "https://acme.example/pricing",
        "person__email": "maya@northwind.example",
        "person__location__city": "Seattle",
    }
    out = run("GONG_POST_A_DIGITAL_INTERACTION_V2_DIGITAL_INTERACTION", digital, client=gong)
    assert out["successful"], out["error"]
    assert set(out["data"]) == {"requestId"}
    out = run("GONG_POST_A_DIGITAL_INTERACTION_V2_DIGITAL_INTERACTION", digital, client=gong)
    assert not out["successful"] and "already reported" in str(out["error"])
    assert stored(db) == [
        ("contentShared", "ops@northwind.example", "s-1"),
        ("contentViewed", "maya@northwind.example", "v-1"),
        ("customEvent", "maya@northwind.example", "c-1"),
        ("digitalInteraction", "maya@northwind.example", "d-1"),
    ]
    with db.read() as conn:
        payload = conn.execute(
            select(engagement_events.c.payload).where(engagement_events.c.event_type == "digitalInteraction")
        ).scalar_one()
    assert payload["person"] == {"email": "maya@northwind.example", "location": {"city": "Seattle"}}
