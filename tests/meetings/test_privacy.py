"""Meetings are data-privacy references: a meeting added through the API is found by its invitee's and its
organizer's address, and the erasure removes it (the organizer's meetings) or the invitation (an invitee's)."""

from __future__ import annotations

from sqlalchemy import func, select

from gongkit.db.schema import meeting_invitees, meetings
from tests.conftest import Company, Seed
from tests.data_privacy.conftest import PrivacyApp, papp  # noqa: F401 (the fixture)
from tests.meetings.test_meetings import CONSENT, new_meeting
from tests.support import factories as f

LOOKUP = "/v2/data-privacy/data-for-email-address"
ERASE = "/v2/data-privacy/erase-data-for-email-address"
EMPTY = {"emails": [], "calls": [], "meetings": [], "customerData": [], "customerEngagement": []}


def lookup(papp: PrivacyApp, company: Company, address: str) -> dict[str, object]:  # noqa: F811
    r = papp.client.get(LOOKUP, params={"emailAddress": address}, headers=company.basic)
    assert r.status_code == 200, r.text
    return {k: v for k, v in r.json().items() if k != "requestId"}


def erase(papp: PrivacyApp, company: Company, address: str) -> None:  # noqa: F811
    r = papp.client.post(ERASE, params={"emailAddress": address}, headers=company.basic)
    assert r.status_code == 200, r.text
    assert papp.run_erasures() == 1


def test_an_invitee_is_found_and_erased(papp: PrivacyApp, company: Company, seed: Seed) -> None:  # noqa: F811
    seed(f.make_user, company.id, email_address="dana.reyes@acme.example", meeting_consent_page_url=CONSENT)
    r = papp.client.post("/v2/meetings", json=new_meeting(), headers=company.basic)
    assert r.status_code == 200, r.text
    meeting_id = r.json()["meetingId"]

    assert lookup(papp, company, "maya.levin@northwind.example") == {**EMPTY, "meetings": [{"id": meeting_id}]}
    erase(papp, company, "MAYA.LEVIN@northwind.example")
    assert lookup(papp, company, "maya.levin@northwind.example") == EMPTY
    with papp.db.read() as conn:
        # The meeting stays (it is the organizer's); the invitation of the erased person is gone, the other stays.
        assert conn.execute(select(meetings.c.id)).scalars().all() == [int(meeting_id)]
        assert conn.execute(select(meeting_invitees.c.email_lower)).scalars().all() == ["ops@northwind.example"]
    assert lookup(papp, company, "ops@northwind.example") == {**EMPTY, "meetings": [{"id": meeting_id}]}


def test_an_organizer_erasure_removes_their_meetings(papp: PrivacyApp, company: Company, seed: Seed) -> None:  # noqa: F811
    seed(f.make_user, company.id, email_address="dana.reyes@acme.example", meeting_consent_page_url=CONSENT)
    r = papp.client.post("/v2/meetings", json=new_meeting(), headers=company.basic)
    meeting_id = r.json()["meetingId"]
    assert lookup(papp, company, "dana.reyes@acme.example") == {**EMPTY, "meetings": [{"id": meeting_id}]}
    erase(papp, company, "dana.reyes@acme.example")
    assert lookup(papp, company, "dana.reyes@acme.example") == EMPTY
    assert lookup(papp, company, "ops@northwind.example") == EMPTY
    with papp.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(meetings)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(meeting_invitees)).scalar() == 0
    r = papp.client.request("DELETE", f"/v2/meetings/{meeting_id}", headers=company.basic)
    assert r.status_code == 404
