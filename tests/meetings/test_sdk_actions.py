"""Meetings through the SDK (sync and async) and the seed actions, against the in-process server (every answer
held to Gong's contract)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import select

from gongkit import AsyncGong, Gong
from gongkit.actions import run
from gongkit.db import Database
from gongkit.db.schema import meeting_invitees, meetings
from gongkit.sdk import ConflictError, NotFoundError
from gongkit.types.meetings import MeetingInvitee, NewMeetingResponse, UserIntegrationStatus
from tests.conftest import Company, Seed
from tests.meetings.test_meetings import ASSISTANT, CONSENT
from tests.support import factories as f
from tests.support.contract import ContractClient


@pytest.fixture
def gong(client: ContractClient, company: Company, seed: Seed) -> Gong:
    seed(f.make_user, company.id, email_address="dana.reyes@acme.example", meeting_consent_page_url=CONSENT)
    return Gong(company.access_key, company.secret, base_url="http://testserver", http_client=client, pace=None)


def titles(db: Database) -> list[str | None]:
    with db.read() as conn:
        return list(conn.execute(select(meetings.c.title).order_by(meetings.c.title)).scalars())


def test_sdk_sync(gong: Gong, db: Database) -> None:
    invitees = [MeetingInvitee(email="maya@northwind.example", displayName="Maya")]
    made = gong.meetings.add(
        start_time="2024-06-03T16:00:00Z",
        end_time="2024-06-03T16:30:00Z",
        organizer_email="dana.reyes@acme.example",
        invitees=invitees,
        title="Demo",
    )
    assert isinstance(made, NewMeetingResponse)
    assert made.meetingUrl == CONSENT and made.additionalInvitees == [MeetingInvitee(**ASSISTANT)]
    updated = gong.meetings.update(
        made.meetingId,
        start_time="2024-06-03T17:00:00Z",
        end_time="2024-06-03T17:30:00Z",
        organizer_email="dana.reyes@acme.example",
        invitees=invitees,
        title="Demo (later)",
    )
    assert updated.meetingId == made.meetingId
    assert titles(db) == ["Demo (later)"]
    status = gong.meetings.integration_status(["dana.reyes@acme.example", "nobody@acme.example"])
    assert status.users == [
        UserIntegrationStatus(email="dana.reyes@acme.example", exists=True, valid=True),
        UserIntegrationStatus(
            email="nobody@acme.example",
            exists=False,
            valid=False,
            userFacingError="No Gong user found with this email address.",
        ),
    ]
    assert gong.meetings.delete(made.meetingId, organizer_email="dana.reyes@acme.example").organizerEmail == (
        "dana.reyes@acme.example"
    )
    with pytest.raises(NotFoundError):
        gong.meetings.delete(made.meetingId)
    with pytest.raises(NotFoundError):
        gong.meetings.add(
            start_time="2024-06-03T16:00:00Z",
            end_time="2024-06-03T16:30:00Z",
            organizer_email="maya@northwind.example",
            invitees=[],
        )


def test_sdk_async(client: ContractClient, company: Company, gong: Gong, db: Database) -> None:
    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=client.app), base_url="http://testserver")
        async with (
            http,
            AsyncGong(
                company.access_key, company.secret, base_url="http://testserver", http_client=http, pace=None
            ) as g,
        ):
            made = await g.meetings.add(
                start_time="2024-06-03T16:00:00Z",
                end_time="2024-06-03T16:30:00Z",
                organizer_email="dana.reyes@acme.example",
                invitees=[MeetingInvitee(email="maya@northwind.example")],
                external_id="cal-1",
            )
            with pytest.raises(ConflictError):
                await g.meetings.add(
                    start_time="2024-06-03T16:00:00Z",
                    end_time="2024-06-03T16:30:00Z",
                    organizer_email="dana.reyes@acme.example",
                    invitees=[],
                    external_id="cal-1",
                )
            await g.meetings.update(
                made.meetingId,
                start_time="2024-06-03T16:00:00Z",
                end_time="2024-06-03T16:45:00Z",
                organizer_email="dana.reyes@acme.example",
                invitees=[],
                title="Async",
            )
            assert (await g.meetings.integration_status(["dana.reyes@acme.example"])).users[0].valid
            await g.meetings.delete(made.meetingId)

    asyncio.run(main())
    assert titles(db) == []


def test_each_seed_action_once(gong: Gong, db: Database) -> None:
    out = run(
        "GONG_CREATE_A_NEW_GONG_MEETING_V2_MEETINGS",
        {
            "startTime": "2024-06-03T16:00:00Z",
            "endTime": "2024-06-03T16:30:00Z",
            "organizerEmail": "dana.reyes@acme.example",
            "invitees": [{"email": "maya@northwind.example", "displayName": "Maya"}],
            "title": "From an agent",
            "externalId": "agent-1",
        },
        client=gong,
    )
    assert out["successful"], out["error"]
    meeting_id = out["data"]["meetingId"]
    assert out["data"]["meetingUrl"] == CONSENT

    out = run(
        "GONG_UPDATE_A_GONG_MEETING_V2_MEETINGS_MEETING_ID",
        {
            "meetingId": int(meeting_id),
            "startTime": "2024-06-03T16:00:00Z",
            "endTime": "2024-06-03T17:00:00Z",
            "organizerEmail": "dana.reyes@acme.example",
            "invitees": [{"email": "cfo@northwind.example"}],
            "title": "From an agent (longer)",
        },
        client=gong,
    )
    assert out["successful"], out["error"]
    assert out["data"]["meetingId"] == meeting_id
    with db.read() as conn:
        assert conn.execute(select(meeting_invitees.c.email_address)).scalars().all() == ["cfo@northwind.example"]

    out = run("GONG_POST_MEETING_INTEGRATION_STATUS", {"emails": ["dana.reyes@acme.example"]}, client=gong)
    assert out["successful"], out["error"]
    assert out["data"]["users"][0]["valid"] is True

    out = run(
        "GONG_DELETE_A_GONG_MEETING_V2_MEETINGS",
        {"meetingId": int(meeting_id), "organizerEmail": "dana.reyes@acme.example"},
        client=gong,
    )
    assert out["successful"], out["error"]
    assert out["data"]["organizerEmail"] == "dana.reyes@acme.example"
    assert titles(db) == []
    out = run("GONG_DELETE_A_GONG_MEETING_V2_MEETINGS", {"meetingId": int(meeting_id)}, client=gong)
    assert not out["successful"]
    assert "No meeting found" in str(out["error"])
