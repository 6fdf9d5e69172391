"""The factories other tests build on: deterministic, complete rows, lookup twins kept in step."""

from __future__ import annotations

from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.schema import call_parties, crm_objects, emails, engagement_events, meetings, users
from tests.conftest import Company
from tests.support import factories as f


def test_same_database_state_gives_the_same_records(db: Database, company: Company) -> None:
    def build() -> tuple[int, int, list[int], dict[str, object]]:
        with db.write() as conn:
            user = f.make_user(conn, company.id)
            call = f.make_call(conn, company.id, primary_user_id=user, transcript=True)
            row = dict(conn.execute(select(users).where(users.c.id == user)).mappings().one())
            conn.rollback()  # leave the database as it was
        return user, call.id, call.party_ids, row

    assert build() == build()


def test_ids_already_taken_are_skipped(db: Database, company: Company) -> None:
    with db.write() as conn:
        first = f.make_user(conn, company.id)
        second = f.make_user(conn, company.id)
        conn.execute(users.delete().where(users.c.id == first))
        third = f.make_user(conn, company.id)  # the count is back to 1, so n=2 is tried first: taken
        assert len({first, second, third}) == 3


def test_lookup_twins_follow_overrides(db: Database, company: Company) -> None:
    with db.write() as conn:
        user = f.make_user(conn, company.id, email_address="  Pat.Lee@Example.COM ")
        crm = f.make_crm_object(conn, company.id, phone_number="+1 (425) 555-2671", email_address="A.B@C.example")
        call = f.make_call(
            conn, company.id, parties=[{"email_address": "X@Y.example", "phone_number": "+44 20-7946 0958"}]
        )
        email = f.make_email(conn, company.id, from_address="Sender@Acme.example")
        meeting = f.make_meeting(conn, company.id, organizer_email="Org@Acme.example")
        event = f.make_engagement_event(conn, company.id, person_email="P@Q.example", person_phone="+1 555 0100")
        assert conn.execute(select(users.c.email_lower).where(users.c.id == user)).scalar_one() == "pat.lee@example.com"
        assert conn.execute(
            select(crm_objects.c.phone_norm, crm_objects.c.email_lower).where(crm_objects.c.id == crm)
        ).one() == (
            "+14255552671",
            "a.b@c.example",
        )
        assert conn.execute(
            select(call_parties.c.email_lower, call_parties.c.phone_norm).where(call_parties.c.id == call.party_ids[0])
        ).one() == ("x@y.example", "+442079460958")
        assert (
            conn.execute(select(emails.c.from_lower).where(emails.c.id == email)).scalar_one() == "sender@acme.example"
        )
        assert len(email) == 32
        assert (
            conn.execute(select(meetings.c.organizer_lower).where(meetings.c.id == meeting)).scalar_one()
            == "org@acme.example"
        )
        assert conn.execute(
            select(engagement_events.c.person_email_lower, engagement_events.c.person_phone_norm).where(
                engagement_events.c.id == event
            )
        ).one() == ("p@q.example", "+15550100")
