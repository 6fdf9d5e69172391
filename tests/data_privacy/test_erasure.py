"""The two erasures, in process: exactly the subject's references go (nothing else), what remains of the
subject in other rows' text is redacted, the integrity protection refuses abnormal erasures, repeats are
harmless, jobs resume, and every erasure leaves an audit record without the subject in clear text."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import time
from typing import Any

import pytest
from sqlalchemy import select, text

from gongkit import control as admin
from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.db.schema import (
    call_comments,
    call_context_objects,
    calls,
    crm_objects,
    emails,
    engagement_events,
    erasure_jobs,
    meetings,
    transcript_monologues,
)
from gongkit.kernel.clock import SystemClock
from gongkit.server.groups.data_privacy import jobs
from tests.conftest import Company, make_company
from tests.data_privacy.builder import Builder, rows_as_text, rows_by_call, snapshot
from tests.data_privacy.conftest import PrivacyApp
from tests.data_privacy.scenario import PHONE_FORMATS, RECORDING, jane

ERASE_EMAIL = "/v2/data-privacy/erase-data-for-email-address"
ERASE_PHONE = "/v2/data-privacy/erase-data-for-phone-number"
LOOKUP_EMAIL = "/v2/data-privacy/data-for-email-address"
LOOKUP_PHONE = "/v2/data-privacy/data-for-phone-number"
ADDRESS_RE = re.compile(r"jane\.doe@example\.com", re.IGNORECASE)
EMPTY_EMAIL_ANSWER = {"emails": [], "calls": [], "meetings": [], "customerData": [], "customerEngagement": []}


def erase(papp: PrivacyApp, company: Company, path: str, params: dict[str, str]) -> str:
    r = papp.client.post(path, params=params, headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {"requestId": r.headers["x-request-id"]}
    return str(r.json()["requestId"])


def job(papp: PrivacyApp, company: Company, job_id: str) -> dict[str, Any]:
    r = papp.client.get(f"/admin/v1/erasures/{job_id}", headers=company.basic)
    assert r.status_code == 200, r.text
    return dict(r.json()["erasure"])


#: Tables the server adds to on its own while a test runs: the erasure jobs, and the auditing log of API access.
_GROWING = ("erasure_jobs", "audit_logs")


def removed(before: dict[str, set[Any]], after: dict[str, set[Any]]) -> dict[str, set[Any]]:
    assert all(after[t] <= before[t] for t in before if t not in _GROWING), "an erasure never adds rows"
    return {t: before[t] - after[t] for t in before if before[t] - after[t] and t not in _GROWING}


def assert_call_children_gone_only_for(
    before: dict[str, dict[int, int]], after: dict[str, dict[int, int]], gone: set[int]
) -> None:
    for table, per_call in before.items():
        expected = {cid: n for cid, n in per_call.items() if cid not in gone}
        assert after[table] == expected, table


def sentences(db: Database, call_id: int) -> list[str]:
    with db.read() as conn:
        rows = conn.execute(
            select(transcript_monologues.c.sentences)
            .where(transcript_monologues.c.call_id == call_id)
            .order_by(transcript_monologues.c.seq)
        ).scalars()
        return [s["text"] for row in rows for s in row]


def test_email_erasure_deletes_exactly_the_references_and_redacts_the_rest(
    papp: PrivacyApp, db: Database, company: Company, build: Builder
) -> None:
    w = jane(build)
    assert ADDRESS_RE.search(rows_as_text(db))
    before, children_before = snapshot(db), rows_by_call(db)

    job_id = erase(papp, company, ERASE_EMAIL, {"emailAddress": " Jane.Doe@EXAMPLE.com "})
    pending = job(papp, company, job_id)
    assert pending["status"] == "PENDING" and pending["planned"] is None
    assert papp.run_erasures() == 1

    done = job(papp, company, job_id)
    planned = {"calls": 3, "emails": 4, "crmObjects": 2, "meetings": 1, "meetingInvitees": 1, "engagementEvents": 1}
    assert done["status"] == "DONE", done
    assert done["planned"] == {**planned, "total": 12}
    assert done["deleted"] == {**planned, "mediaFiles": 1, "total": 12}
    # the Account's e-mail column, its fields, a call's title and its stored CallBasicData, a transcript
    # sentence, a comment, a context field, an e-mail's subject and body, a meeting title and an event payload
    assert done["redactedFields"] == 11
    assert done["error"] is None and done["attempts"] == 1

    r = papp.client.get(LOOKUP_EMAIL, params={"emailAddress": "jane.doe@example.com"}, headers=company.basic)
    assert {k: v for k, v in r.json().items() if k != "requestId"} == EMPTY_EMAIL_ANSWER

    after = snapshot(db)
    gone_calls = {w.call_attendee, w.call_lead_link, w.call_speaker}
    got = removed(before, after)
    assert got.pop("calls") == {(c,) for c in gone_calls}
    assert got.pop("emails") == {(e,) for e in (w.email_from, w.email_to, w.email_cc, w.email_bcc)}
    assert got.pop("crm_objects") == {(w.lead,), (w.contact,)}
    assert got.pop("meetings") == {(w.meeting_organized,)}
    assert len(got.pop("meeting_invitees")) == 2  # the organized meeting's invitee, and Jane's invitation
    assert got.pop("engagement_events") == {(w.event_email,)}
    assert len(got.pop("email_recipients")) == 7  # the recipients of the four messages (1 + 2 + 2 + 2)
    assert set(got) <= set(children_before), f"unexpected deletions in {set(got) - set(children_before)}"
    assert_call_children_gone_only_for(children_before, rows_by_call(db), gone_calls)

    with db.read() as conn:
        assert sentences(db, w.call_mention) == [
            "Let me loop in Jane, she is [redacted].",
            "Her direct line is +1 425 555 2671, or 425-555-2671 from the US.",  # the number is not this subject
            "Nothing about anyone else here.",
        ]
        title, basic = conn.execute(select(calls.c.title, calls.c.basic_json).where(calls.c.id == w.call_mention)).one()
        assert title == "Bob's pricing call (cc [redacted])"
        assert json.loads(basic)["title"] == title
        assert conn.execute(
            select(call_comments.c.comment).where(call_comments.c.call_id == w.call_mention)
        ).scalar() == ("Follow up with [redacted] next week")
        assert conn.execute(
            select(call_context_objects.c.fields).where(call_context_objects.c.call_id == w.call_mention)
        ).scalar() == [{"name": "Name", "value": "Northwind"}, {"name": "Champion", "value": "[redacted]"}]
        mail = conn.execute(select(emails.c.subject, emails.c.body).where(emails.c.id == w.email_mention)).one()
        assert tuple(mail) == ("Intro to [redacted]", "Bob, meet Jane ([redacted], +1 (425) 555-2671).")
        assert conn.execute(select(meetings.c.title).where(meetings.c.id == w.meeting_mention)).scalar() == (
            "Prep for [redacted]"
        )
        assert conn.execute(
            select(engagement_events.c.payload).where(engagement_events.c.id == w.event_mention)
        ).scalar() == {"recipients": [{"email": "[redacted]"}, {"email": "carol@bystander.example"}]}
        account = conn.execute(select(crm_objects).where(crm_objects.c.id == w.account)).one()
        assert (account.email_address, account.email_lower) == (None, None)
        assert account.fields == [
            {"name": "Name", "value": "Example Inc"},
            {"name": "Billing contact", "value": "[redacted]"},
        ]
        row = conn.execute(select(erasure_jobs).where(erasure_jobs.c.id == job_id)).one()
    assert row.subject is None
    assert not ADDRESS_RE.search(rows_as_text(db))


def test_phone_erasure_deletes_the_person_behind_the_number(
    papp: PrivacyApp, db: Database, company: Company, build: Builder
) -> None:
    w = jane(build)
    before, children_before = snapshot(db), rows_by_call(db)
    job_id = erase(papp, company, ERASE_PHONE, {"phoneNumber": "+1 (425) 555-2671"})
    papp.run_erasures()

    done = job(papp, company, job_id)
    planned = {"calls": 4, "emails": 5, "crmObjects": 2, "meetings": 1, "meetingInvitees": 1, "engagementEvents": 2}
    assert done["status"] == "DONE", done
    assert done["planned"] == {**planned, "total": 15}
    assert done["deleted"] == {**planned, "mediaFiles": 1, "total": 15}
    assert done["redactedFields"] == 12  # as for the address, plus the transcript sentence with the number

    r = papp.client.get(LOOKUP_PHONE, params={"phoneNumber": "+14255552671"}, headers=company.basic)
    assert {k: v for k, v in r.json().items() if k != "requestId"} == {
        "emails": [],
        "calls": [],
        "meetings": [],
        "customerData": [],
        "suppliedPhoneNumber": "+14255552671",
        "matchingPhoneNumbers": [],
        "emailAddresses": [],
    }
    gone_calls = {w.call_attendee, w.call_lead_link, w.call_phone_party, w.call_speaker}
    got = removed(before, snapshot(db))
    assert got.pop("calls") == {(c,) for c in gone_calls}
    assert got.pop("emails") == {
        (e,) for e in (w.email_from, w.email_to, w.email_cc, w.email_bcc, w.email_other_address)
    }
    # the HubSpot contact has Jane's address but not her number: it is not matched by the number, and stays
    assert got.pop("crm_objects") == {(w.lead,), (w.contact_by_mobile,)}
    assert got.pop("meetings") == {(w.meeting_organized,)}
    assert got.pop("engagement_events") == {(w.event_email,), (w.event_phone,)}
    assert set(got) <= {"meeting_invitees", "email_recipients", *children_before}
    assert_call_children_gone_only_for(children_before, rows_by_call(db), gone_calls)
    assert sentences(db, w.call_mention) == [
        "Let me loop in Jane, she is [redacted].",
        "Her direct line is [redacted], or [redacted] from the US.",
        "Nothing about anyone else here.",
    ]
    stored = rows_as_text(db)
    for form in (*PHONE_FORMATS, "4255552671"):
        assert form not in stored, form


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        ({"erasure_max_calls": 2}, "3 calls (limit 2)"),
        ({"erasure_max_emails": 3}, "4 e-mail messages (limit 3)"),
        ({"erasure_max_crm_objects": 1}, "2 CRM leads/contacts (limit 1)"),
        ({"erasure_max_total": 11}, "12 objects in all (limit 11)"),
        ({"erasure_max_calls": 0, "erasure_max_total": 5}, "3 calls (limit 0); 12 objects in all (limit 5)"),
    ],
)
def test_integrity_protection_refuses_an_abnormal_erasure_whole(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, limits: dict[str, int], reason: str
) -> None:
    jane(build)
    with db.write() as conn:
        admin.update_company(conn, company.id, **limits)
    before = snapshot(db)
    job_id = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    papp.run_erasures()

    failed = job(papp, company, job_id)
    assert failed["status"] == "FAILED"
    assert failed["error"] == (
        "Integrity protection: this erasure would delete an abnormal number of objects: "
        f"{reason}. Nothing was deleted. If it is intended, raise the company's erasure limits and request "
        "the erasure again."
    )
    assert failed["planned"]["total"] == 12 and failed["deleted"]["total"] == 0
    assert removed(before, snapshot(db)) == {}
    with db.read() as conn:
        assert conn.execute(select(erasure_jobs.c.subject).where(erasure_jobs.c.id == job_id)).scalar() is None

    # Raised limits and a new request: it goes through.
    with db.write() as conn:
        admin.update_company(
            conn,
            company.id,
            erasure_max_calls=2_000,
            erasure_max_emails=10_000,
            erasure_max_crm_objects=25,
            erasure_max_total=20_000,
        )
    again = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    papp.run_erasures()
    assert job(papp, company, again)["status"] == "DONE"
    assert job(papp, company, again)["deleted"]["total"] == 12


def test_a_repeated_request_finds_nothing_left(
    papp: PrivacyApp, db: Database, company: Company, build: Builder
) -> None:
    jane(build)
    first = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    second = erase(papp, company, ERASE_EMAIL, {"emailAddress": "JANE.DOE@example.com"})
    assert first != second
    assert papp.run_erasures() == 2
    a, b = job(papp, company, first), job(papp, company, second)
    assert (a["status"], b["status"]) == ("DONE", "DONE")
    assert a["deleted"]["total"] == 12
    assert b["planned"]["total"] == 0 and b["deleted"]["total"] == 0 and b["redactedFields"] == 0
    assert a["subjectHash"] == b["subjectHash"]
    third = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    papp.run_erasures()
    assert job(papp, company, third)["deleted"]["total"] == 0


def test_every_erasure_leaves_an_audit_record(papp: PrivacyApp, db: Database, company: Company, build: Builder) -> None:
    jane(build)
    with db.write() as conn:
        token = admin.create_token(conn, SystemClock(), company.id, ["api:data-privacy:delete"])
        token_id = conn.execute(text("SELECT id FROM api_tokens")).scalar()
        secret = admin.instance_secret(conn)
    by_key = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    r = papp.client.post(
        ERASE_PHONE, params={"phoneNumber": "+1 425 555 2671"}, headers={"Authorization": f"Bearer {token}"}
    )
    by_token = r.json()["requestId"]
    papp.run_erasures()

    expected_hash = hmac.new(secret, b"email:jane.doe@example.com", hashlib.sha256).hexdigest()
    record = job(papp, company, by_key)
    assert record["subjectHash"] == expected_hash
    assert record["credential"] == company.access_key
    assert record["kind"] == "email" and record["status"] == "DONE"
    assert record["requested"] and record["started"] and record["finished"]
    assert job(papp, company, by_token)["credential"] == f"token:{token_id}"

    with db.read() as conn:
        found = jobs.audit(conn, secret, "email", "  Jane.Doe@Example.COM ")
        assert [j["id"] for j in found] == [by_key]
        assert [j["id"] for j in jobs.audit(conn, secret, "phone", "+1 (425) 555-2671")] == [by_token]
        assert jobs.audit(conn, secret, "email", "someone.else@example.com") == []
        assert conn.execute(select(erasure_jobs.c.subject)).scalars().all() == [None, None]
    r = papp.client.get("/admin/v1/erasures", params={"subjectHash": expected_hash}, headers=company.basic)
    assert [j["id"] for j in r.json()["erasures"]] == [by_key]
    assert "jane" not in r.text.lower() and "2671" not in r.text


def test_admin_routes_list_and_isolate_companies(
    papp: PrivacyApp, db: Database, company: Company, build: Builder
) -> None:
    jane(build)
    first = erase(papp, company, ERASE_EMAIL, {"emailAddress": "nobody@example.com"})
    time.sleep(0.002)
    second = erase(papp, company, ERASE_PHONE, {"phoneNumber": "+4930123456"})
    r = papp.client.get("/admin/v1/erasures", headers=company.basic)
    assert [j["id"] for j in r.json()["erasures"]] == [second, first]
    assert [j["status"] for j in r.json()["erasures"]] == ["PENDING", "PENDING"]
    papp.run_erasures()
    r = papp.client.get("/admin/v1/erasures", params={"status": "DONE", "limit": "1"}, headers=company.basic)
    assert [j["id"] for j in r.json()["erasures"]] == [second]

    other = make_company(db, "Globex")
    r = papp.client.get(f"/admin/v1/erasures/{first}", headers=other.basic)
    assert r.status_code == 404
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "errors": [f"No erasure request {first} for this company"],
    }
    assert papp.client.get("/admin/v1/erasures", headers=other.basic).json()["erasures"] == []
    r = papp.client.get("/admin/v1/erasures", params={"status": "LOST"}, headers=company.basic)
    assert r.status_code == 400
    assert r.json()["errors"] == ["status: must be one of PENDING, IN_PROGRESS, DONE, FAILED"]
    assert papp.client.get("/admin/v1/erasures").status_code == 401


def test_one_company_cannot_erase_anothers_data(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, media: MediaStore
) -> None:
    jane(build)
    other = make_company(db, "Globex")
    theirs = Builder(db, other.id, media)
    their_call = theirs.call([{"email_address": "jane.doe@example.com"}])
    before = snapshot(db)
    job_id = erase(papp, other, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    papp.run_erasures()
    got = removed(before, snapshot(db))
    assert got.pop("calls") == {(their_call,)}
    assert job(papp, other, job_id)["deleted"]["total"] == 1
    # Acme's data is all there.
    r = papp.client.get(LOOKUP_EMAIL, params={"emailAddress": "jane.doe@example.com"}, headers=company.basic)
    assert len(r.json()["calls"]) == 3 and len(r.json()["emails"]) == 4


def test_recordings_are_overwritten_then_removed(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, media: MediaStore
) -> None:
    w = jane(build)
    folder = media.root / str(company.id) / str(w.call_speaker)
    (recording,) = [p for p in folder.iterdir()]
    witness = recording.with_name("witness")  # a second name for the same bytes on disk
    os.link(recording, witness)
    os.link(witness, media.root / "witness")
    assert recording.read_bytes() == RECORDING
    erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    papp.run_erasures()
    assert not folder.exists()
    assert (media.root / "witness").read_bytes() == b"\0" * len(RECORDING)


def test_the_worker_thread_runs_requests_on_its_own(
    papp: PrivacyApp, db: Database, company: Company, build: Builder
) -> None:
    jane(build)
    papp.worker.start()
    try:
        job_id = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
        deadline = time.monotonic() + 20
        while job(papp, company, job_id)["status"] != "DONE":
            assert time.monotonic() < deadline, job(papp, company, job_id)
            time.sleep(0.05)
    finally:
        papp.worker.stop()
    assert job(papp, company, job_id)["deleted"]["total"] == 12


def test_a_stopped_job_resumes_and_completes_exactly_once(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, media: MediaStore
) -> None:
    jane(build)
    many = [build.call([{"email_address": "jane.doe@example.com"}]) for _ in range(12)]
    papp.worker.config.batch_size = 1
    papp.worker.config.batch_pause_seconds = 0.05
    job_id = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    papp.worker.start()
    deadline = time.monotonic() + 20
    while (job(papp, company, job_id)["deleted"] or {}).get("calls", 0) < 3:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    papp.worker.stop()
    paused = job(papp, company, job_id)
    assert paused["status"] == "IN_PROGRESS"
    assert 3 <= paused["deleted"]["calls"] < 15

    papp.worker.config.batch_pause_seconds = 0
    assert papp.run_erasures() == 1
    done = job(papp, company, job_id)
    assert done["status"] == "DONE" and done["attempts"] == 2
    assert done["planned"]["calls"] == 15 and done["deleted"]["calls"] == 15
    assert done["deleted"]["total"] == done["planned"]["total"] == 24
    with db.read() as conn:
        assert (
            conn.execute(
                select(text("count(*)")).select_from(text("calls")).where(text(f"id IN ({','.join(map(str, many))})"))
            ).scalar()
            == 0
        )


def test_a_failing_job_is_retried_then_fails_without_naming_the_subject(
    papp: PrivacyApp, db: Database, company: Company, build: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    jane(build)
    calls_seen: list[str] = []

    def broken(key: str) -> None:
        calls_seen.append(key)
        raise OSError("disk trouble near jane.doe@example.com / +1 425 555 2671")

    monkeypatch.setattr(papp.worker.runner.media, "delete", broken)
    papp.worker.config.max_attempts = 2
    job_id = erase(papp, company, ERASE_EMAIL, {"emailAddress": "jane.doe@example.com"})
    assert papp.run_erasures() == 0
    first = job(papp, company, job_id)
    assert (first["status"], first["attempts"], first["error"]) == ("IN_PROGRESS", 1, None)
    assert papp.run_erasures() == 1
    failed = job(papp, company, job_id)
    assert failed["status"] == "FAILED" and failed["attempts"] == 2
    assert failed["error"] == "failed after 2 attempts: OSError: disk trouble near [redacted] / [phone]"
    assert calls_seen
