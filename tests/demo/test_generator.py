"""The demo-company generator: determinism, referential sanity, the privacy subjects, the JSON shapes."""

from __future__ import annotations

import json
import re
import wave
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select

from gongkit import control as admin
from gongkit.db import Database, migrate
from gongkit.db import schema as s
from gongkit.db.media import MediaStore
from gongkit.db.rows import render_basic_json
from gongkit.demo import (
    PRIVACY_SUBJECTS,
    REFERENCE_MS,
    DemoSize,
    DemoSummary,
    create_demo_company,
    demo_company_id,
    demo_credentials,
    generate,
)
from gongkit.kernel.errors import Conflict
from tests.support.contract import _validator

SMALL = DemoSize(
    calls=60,
    users=10,
    workspaces=3,
    accounts=8,
    contacts_per_account=3,
    leads=8,
    emails=40,
    meetings=12,
    engagement_events=30,
)


def _norm(phone: str) -> str:
    return "+" + "".join(ch for ch in phone if ch.isdigit())


def _sqlite(tmp_path: Path, name: str) -> Database:
    url = f"sqlite:///{(tmp_path / name).resolve()}"
    migrate(url)
    return Database(url)


def _dump(db: Database, *, auto_ids: bool = True) -> dict[str, list[str]]:
    """Every table as sorted canonical JSON lines (auto-numbered ids left out when ``auto_ids`` is false)."""
    out: dict[str, list[str]] = {}
    with db.read() as conn:
        for table in s.metadata.sorted_tables:
            if table.name in ("instance_settings", "api_keys"):  # instance secrets and random demo keys
                continue
            cols = [c for c in table.columns if auto_ids or c.autoincrement is not True]
            rows = conn.execute(select(*cols)).all()
            out[table.name] = sorted(json.dumps(list(r), sort_keys=True, default=str) for r in rows)
    return out


@pytest.fixture
def demo(db: Database) -> DemoSummary:
    return create_demo_company(db, seed=3, size=SMALL)


def _all(db: Database, table: Table) -> list[dict[str, Any]]:
    with db.read() as conn:
        return [dict(r) for r in conn.execute(select(table)).mappings()]


# --- determinism ---------------------------------------------------------------------------------------------


def test_same_seed_and_size_give_identical_databases(tmp_path: Path) -> None:
    first, second = _sqlite(tmp_path, "a.db"), _sqlite(tmp_path, "b.db")
    try:
        a = create_demo_company(first, seed=5, size=SMALL, media_dir=tmp_path / "media-a")
        b = create_demo_company(second, seed=5, size=SMALL, media_dir=tmp_path / "media-b")
        assert replace(a, access_key="", secret="") == replace(b, access_key="", secret="")
        assert a.access_key != b.access_key and a.secret != b.secret  # only the credentials are not the seed's
        dump_a, dump_b = _dump(first), _dump(second)
        assert dump_a == dump_b
        assert all(dump_a[name] for name in a.counts)  # every table the generator fills has rows
        files_a = sorted(p.relative_to(tmp_path / "media-a") for p in (tmp_path / "media-a").rglob("*") if p.is_file())
        files_b = sorted(p.relative_to(tmp_path / "media-b") for p in (tmp_path / "media-b").rglob("*") if p.is_file())
        assert files_a == files_b and files_a
        for rel in files_a:
            assert (tmp_path / "media-a" / rel).read_bytes() == (tmp_path / "media-b" / rel).read_bytes()
    finally:
        first.dispose()
        second.dispose()


def test_another_seed_gives_other_data(tmp_path: Path) -> None:
    first, second = _sqlite(tmp_path, "a.db"), _sqlite(tmp_path, "b.db")
    try:
        a = create_demo_company(first, seed=1, size=SMALL)
        b = create_demo_company(second, seed=2, size=SMALL)
        assert a.company_id != b.company_id and a.access_key != b.access_key
        assert _dump(first)["calls"] != _dump(second)["calls"]
    finally:
        first.dispose()
        second.dispose()


def test_every_engine_stores_the_same_data(db: Database, tmp_path: Path) -> None:
    reference = _sqlite(tmp_path, "reference.db")
    try:
        create_demo_company(reference, seed=4, size=SMALL)
        create_demo_company(db, seed=4, size=SMALL)
        assert _dump(db, auto_ids=False) == _dump(reference, auto_ids=False)
    finally:
        reference.dispose()


# --- the company and its credentials -------------------------------------------------------------------------


def test_company_key_and_counts(db: Database, demo: DemoSummary) -> None:
    assert demo.company_id == demo_company_id(3)
    assert (demo.access_key, demo.secret) == demo_credentials(db, seed=3)
    with db.read() as conn:
        key = conn.execute(select(s.api_keys).where(s.api_keys.c.access_key == demo.access_key)).mappings().one()
        assert key["company_id"] == demo.company_id
        assert admin.secret_matches(demo.secret, key["secret_hash"])
        company = admin.get_company(conn, demo.company_id)
        assert company["name"] == "Acme Robotics"
        for name, count in demo.counts.items():
            table = s.metadata.tables[name]
            assert conn.execute(select(func.count()).select_from(table)).scalar_one() == count, name
    assert demo.counts["calls"] == SMALL.calls
    assert demo.counts["users"] == SMALL.users
    assert demo.counts["workspaces"] == SMALL.workspaces
    assert demo.counts["emails"] == SMALL.emails
    assert demo.counts["meetings"] == SMALL.meetings
    assert demo.counts["engagement_events"] == SMALL.engagement_events
    crm = _all(db, s.crm_objects)
    kinds: dict[str, int] = defaultdict(int)
    generic: dict[str, int] = defaultdict(int)
    for row in crm:
        (generic if row["system"] == "Generic" else kinds)[row["object_type"]] += 1
    # The generic CRM integration's objects come on top of the native CRM's (demo/generic_crm.py).
    assert generic == {"Account": 3, "Contact": 6, "Opportunity": 3, "Lead": 2}
    assert kinds["Account"] == SMALL.accounts
    assert kinds["Contact"] == SMALL.accounts * SMALL.contacts_per_account
    assert kinds["Lead"] == SMALL.leads
    assert kinds["Opportunity"] >= SMALL.accounts


def test_the_same_company_is_not_made_twice(db: Database, demo: DemoSummary) -> None:
    with pytest.raises(Conflict):
        create_demo_company(db, seed=3, size=SMALL)


def test_given_credentials_and_limits_are_used(db: Database) -> None:
    summary = create_demo_company(
        db, seed=9, size=SMALL, access_key="DEMOKEY", secret="demo-secret", rate_per_second=50, rate_per_day=5000
    )
    assert (summary.access_key, summary.secret) == ("DEMOKEY", "demo-secret")
    with db.read() as conn:
        company = admin.get_company(conn, summary.company_id)
    assert (company["rate_per_second"], company["rate_per_day"]) == (50, 5000)


def test_generate_fills_an_existing_company_and_reports_progress(db: Database) -> None:
    from gongkit.kernel.clock import FixedClock

    with db.write() as conn:
        cid = admin.create_company(conn, FixedClock(REFERENCE_MS), "Globex")
    seen: list[tuple[str, int, int]] = []
    summary = generate(db, cid, seed=2, size=SMALL, progress=lambda *a: seen.append(a))
    assert summary.company_id == cid and summary.access_key == ""
    assert {phase for phase, _, _ in seen} >= {"users", "crm_objects", "calls", "emails", "meetings"}
    assert ("calls", SMALL.calls, SMALL.calls) in seen
    users = _all(db, s.users)
    assert all(u["email_address"].endswith(("@globex.com", "@gong.io")) for u in users)


def test_transcript_share(db: Database) -> None:
    none = create_demo_company(db, seed=11, size=DemoSize(**{**SMALL.__dict__, "transcript_share": 0.0}))
    assert none.counts["transcript_monologues"] == 0
    calls = _all(db, s.calls)
    assert all(c["content"] is None and c["interaction"] is None for c in calls)
    assert none.counts.get("call_user_stats", 0) == 0  # figures are derived from transcripts: none without one


# --- referential sanity --------------------------------------------------------------------------------------


def test_referential_sanity(db: Database, demo: DemoSummary) -> None:
    cid = demo.company_id
    users = {u["id"]: u for u in _all(db, s.users)}
    workspaces = {w["id"] for w in _all(db, s.workspaces)}
    crm = {o["id"]: o for o in _all(db, s.crm_objects)}
    calls = {c["id"]: c for c in _all(db, s.calls)}
    parties = _all(db, s.call_parties)
    by_call: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in parties:
        by_call[p["call_id"]].append(p)

    # Users: a management tree, avatars, settings.
    assert sum(1 for u in users.values() if u["is_avatar"]) >= 1
    roots = [u for u in users.values() if u["manager_id"] is None and not u["is_avatar"]]
    assert len(roots) == 1
    for u in users.values():
        assert u["company_id"] == cid and u["email_lower"] == u["email_address"].strip().lower()
        if u["manager_id"] is not None:
            assert u["manager_id"] in users
        assert set(u["settings"]) >= {"webConferencesRecorded", "emailsImported", "gongConnectEnabled"}
    history = _all(db, s.user_settings_history)
    assert {h["user_id"] for h in history} == set(users)

    # CRM: twins, accounts of contacts and opportunities, mirror ids.
    for o in crm.values():
        if o["email_address"] is not None:
            assert o["email_lower"] == o["email_address"].strip().lower()
        for col, twin in (("phone_number", "phone_norm"), ("mobile_phone_number", "mobile_norm")):
            assert o[twin] == (_norm(o[col]) if o[col] else None)
        if o["object_type"] in ("Contact", "Opportunity"):
            assert crm[o["account_id"]]["object_type"] == "Account"
        mirror = json.loads(o["mirror_id"])
        assert mirror["crmId"] == o["external_id"]
        if o["system"] == "Salesforce":
            assert len(o["external_id"]) == 18
    assert {o["system"] for o in crm.values()} == {"Salesforce", "HubSpot", "Generic"}  # Generic: demo/generic_crm.py

    # Calls.
    assert len(calls) == SMALL.calls
    for c in calls.values():
        assert 10**18 <= c["id"] < 2**63
        assert c["url"] == f"http://localhost:8080/call?id={c['id']}"
        assert c["status"] == "COMPLETED" and c["workspace_id"] in workspaces
        assert c["primary_user_id"] in users
        assert c["started_ms"] + c["duration"] * 1000 < REFERENCE_MS
        assert REFERENCE_MS - c["started_ms"] < 560 * 86_400_000
        if c["direction"] == "Conference":
            assert c["scheduled_ms"] is not None and c["listed_ms"] == c["scheduled_ms"]
        else:
            assert c["scheduled_ms"] is None and c["listed_ms"] == c["started_ms"]
        host = [p for p in by_call[c["id"]] if p["user_id"] == c["primary_user_id"]]
        assert host and host[0]["affiliation"] == "Internal"
        external = [p for p in by_call[c["id"]] if p["affiliation"] == "External"]
        assert (c["scope"] == "External") == bool(external)
    assert {c["direction"] for c in calls.values()} >= {"Conference", "Outbound"}
    for c in calls.values():  # the listing's pre-rendered CallBasicData, as every writer stores it
        assert c["basic_json"] == render_basic_json(c)

    # Parties: calls exist, twins, CRM links to leads/contacts, unique speaker ids.
    speaker_ids = [p["speaker_id"] for p in parties if p["speaker_id"]]
    assert len(speaker_ids) == len(set(speaker_ids))
    for p in parties:
        assert p["call_id"] in calls and p["company_id"] == cid
        if p["email_address"] is not None:
            assert p["email_lower"] == p["email_address"].strip().lower()
        assert p["phone_norm"] == (_norm(p["phone_number"]) if p["phone_number"] else None)
        if p["crm_object_id"] is not None:
            person = crm[p["crm_object_id"]]
            assert person["object_type"] in ("Lead", "Contact")
            assert person["email_lower"] == p["email_lower"]
            assert p["affiliation"] == "External"
        if p["user_id"] is not None:
            assert users[p["user_id"]]["email_address"] == p["email_address"]
        assert set(p["methods"]) <= {"Invitee", "Attendee"} and p["methods"]

    # Context objects and external objects.
    for o in _all(db, s.call_context_objects):
        assert o["call_id"] in calls
        matching = [x for x in crm.values() if x["external_id"] == o["object_id"]]
        assert matching and matching[0]["object_type"] == o["object_type"]
        if o["party_id"] is not None:
            assert o["party_id"] in {p["id"] for p in by_call[o["call_id"]]}
        assert {f["name"] for f in o["fields"]} and o["fields_at_call"]
    externals = _all(db, s.call_external_objects)
    assert externals and all(e["object_type"] in ("Task", "Conversation") and e["call_id"] in calls for e in externals)

    # Transcripts: speakers are the call's parties, sentence times increase and fit the call.
    monologues = _all(db, s.transcript_monologues)
    assert monologues
    per_call: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for m in monologues:
        per_call[m["call_id"]].append(m)
    for call_id, ms in per_call.items():
        call_speakers = {p["speaker_id"] for p in by_call[call_id] if p["speaker_id"]}
        ms.sort(key=lambda m: m["seq"])
        assert [m["seq"] for m in ms] == list(range(len(ms)))
        last_end = 0
        for m in ms:
            assert m["speaker_id"] in call_speakers
            for sentence in m["sentences"]:
                assert last_end <= sentence["start"] < sentence["end"] <= calls[call_id]["duration"] * 1000
                assert sentence["text"]
                last_end = sentence["end"]

    # Statistics, comments, access, library, media.
    for st in _all(db, s.call_user_stats):
        assert st["call_id"] in calls and st["user_id"] in users
        assert st["user_id"] in {p["user_id"] for p in by_call[st["call_id"]]}
    comments = {c["id"]: c for c in _all(db, s.call_comments)}
    for c in comments.values():
        assert c["call_id"] in calls and c["commenter_user_id"] in users
        if c["in_reply_to"] is not None:
            assert comments[c["in_reply_to"]]["call_id"] == c["call_id"]
    for a in _all(db, s.call_access):
        assert a["call_id"] in calls and a["user_id"] in users
    folders = {f["id"]: f for f in _all(db, s.library_folders)}
    assert any(not f["is_public"] for f in folders.values()) and any(f["is_archived"] for f in folders.values())
    assert any(f["parent_folder_id"] is not None for f in folders.values())
    for f in folders.values():
        assert f["parent_folder_id"] is None or folders[f["parent_folder_id"]]["workspace_id"] == f["workspace_id"]
    for e in _all(db, s.library_entries):
        assert e["folder_id"] in folders and e["call_id"] in calls
        assert 0 <= e["snippet_from_sec"] < e["snippet_to_sec"] <= calls[e["call_id"]]["duration"]
    assert not _all(db, s.call_media)  # no media_dir, no recordings

    # E-mail, meetings, engagement.
    emails = {e["id"]: e for e in _all(db, s.emails)}
    for e in emails.values():
        assert re.fullmatch(r"[a-z0-9]{32}", e["id"]) and re.fullmatch(r"[a-z0-9]{32}", e["message_hash"])
        assert e["from_lower"] == e["from_address"].strip().lower()
        assert e["mailbox"].lower() in {u["email_lower"] for u in users.values()}
    recipients = _all(db, s.email_recipients)
    assert {r["kind"] for r in recipients} == {"to", "cc"}
    for r in recipients:
        assert r["email_id"] in emails and r["address_lower"] == r["address"].strip().lower()
    meetings = {m["id"]: m for m in _all(db, s.meetings)}
    for m in meetings.values():
        assert isinstance(m["id"], int) and 10**18 <= m["id"] < 2**63  # Gong's numeric meeting id
        assert re.fullmatch(r"[a-v0-9]{26}@google\.com", m["external_id"])
        assert m["organizer_lower"] == m["organizer_email"].lower() and m["start_ms"] < m["end_ms"]
        if m["call_id"] is not None:
            assert calls[m["call_id"]]["calendar_event_id"] == m["external_id"]
            assert calls[m["call_id"]]["scheduled_ms"] == m["start_ms"]
    assert any(m["call_id"] for m in meetings.values())
    for i in _all(db, s.meeting_invitees):
        assert i["meeting_id"] in meetings and i["email_lower"] == i["email_address"].lower()
    events = _all(db, s.engagement_events)
    assert {e["event_type"] for e in events} == {"contentShared", "contentViewed", "customEvent", "digitalInteraction"}
    for e in events:
        assert e["person_email_lower"] == (e["person_email"].lower() if e["person_email"] else None)
        assert e["person_phone_norm"] == (_norm(e["person_phone"]) if e["person_phone"] else None)
        assert e["payload"]


def test_content_and_interaction_have_the_contract_shapes(db: Database, demo: DemoSummary) -> None:
    content_2026 = _validator("openapi-2026.json", {"$ref": "#/components/schemas/ContentDto"})
    content_2024 = _validator("openapi-2024.json", {"$ref": "#/components/schemas/ContentDto"})
    interaction = _validator("openapi-2026.json", {"$ref": "#/components/schemas/InteractionMeasuresDto"})
    monologue = _validator("openapi-2026.json", {"$ref": "#/components/schemas/Monologue"})
    calls = _all(db, s.calls)
    with_content = [c for c in calls if c["content"] is not None]
    transcribed = {m["call_id"] for m in _all(db, s.transcript_monologues)}
    assert {c["id"] for c in with_content} == transcribed  # derived for every transcript, never without one
    parties = _all(db, s.call_parties)
    speakers: dict[int, set[str]] = defaultdict(set)
    for p in parties:
        if p["speaker_id"]:
            speakers[p["call_id"]].add(p["speaker_id"])
    workspace_trackers = {t["workspace_id"]: 0 for t in _all(db, s.trackers)}
    for t in _all(db, s.trackers):
        workspace_trackers[t["workspace_id"]] += 1
    said = 0
    for c in with_content:
        content_2024.validate(c["content"])
        content_2026.validate({k: v for k, v in c["content"].items() if k != "pointsOfInterest"})
        interaction.validate(c["interaction"])
        assert set(c["content"]) == {"structure", "topics", "trackers", "outline", "highlights", "pointsOfInterest"}
        assert sum(x["duration"] for x in c["content"]["structure"]) == c["duration"]
        # Every tracker of the workspace applies (the German keyword lists do not, the calls are in English).
        assert len(c["content"]["trackers"]) == workspace_trackers[c["workspace_id"]]
        for tracker in c["content"]["trackers"]:
            assert {o["speakerId"] for o in tracker["occurrences"]} <= speakers[c["id"]]
            assert tracker["count"] == len(tracker["occurrences"])
            assert all(0 <= o["startTime"] <= c["duration"] for o in tracker["occurrences"])
            said += tracker["count"]
        assert {sp["id"] for sp in c["interaction"]["speakers"]} == speakers[c["id"]]
        assert "video" not in c["interaction"]  # nothing stored describes what the video showed
    assert said > 0
    for m in _all(db, s.transcript_monologues)[:50]:
        monologue.validate({"speakerId": m["speaker_id"], "topic": m["topic"], "sentences": m["sentences"]})


def test_recordings_are_real_files(db: Database, tmp_path: Path) -> None:
    summary = create_demo_company(db, seed=6, size=SMALL, media_dir=tmp_path / "media")
    rows = _all(db, s.call_media)
    assert summary.counts["call_media"] == len(rows) >= len(PRIVACY_SUBJECTS)
    store = MediaStore(tmp_path / "media")
    calls = {c["id"] for c in _all(db, s.calls)}
    for row in rows:
        assert row["call_id"] in calls and row["content_type"] == "audio/wav"
        data = store.read(row["storage_key"])
        assert len(data) == row["size"]
        with wave.open(str(store.path(row["storage_key"]))) as wav:
            assert wav.getnframes() > 0


# --- privacy subjects ----------------------------------------------------------------------------------------


def test_privacy_subjects_appear_in_every_kind_of_reference(db: Database, demo: DemoSummary) -> None:
    assert demo.subjects == list(PRIVACY_SUBJECTS)
    assert demo.subjects[0].email == "dana.whitfield@northwind-traders.com"
    assert demo.subjects[0].phone == "+1 (425) 555-2671"
    crm = _all(db, s.crm_objects)
    parties = _all(db, s.call_parties)
    calls = {c["id"]: c for c in _all(db, s.calls)}
    emails = _all(db, s.emails)
    recipients = _all(db, s.email_recipients)
    invitees = _all(db, s.meeting_invitees)
    events = _all(db, s.engagement_events)
    monologues = _all(db, s.transcript_monologues)
    for subject in demo.subjects:
        email = subject.email
        assert subject.phone is not None
        phone = _norm(subject.phone)
        records = [o for o in crm if o["email_lower"] == email]
        assert sorted(o["object_type"] for o in records) == ["Contact", "Lead"]
        assert all(phone in (o["phone_norm"], o["mobile_norm"]) for o in records)
        # Other people never share the subject's address or number.
        assert all(o["email_lower"] == email for o in crm if phone in (o["phone_norm"], o["mobile_norm"]))

        on_calls = [p for p in parties if p["email_lower"] == email]
        assert len({p["call_id"] for p in on_calls}) >= 2
        assert {p["crm_object_id"] for p in on_calls} == {o["id"] for o in records}  # as contact and as lead
        assert any(p["phone_norm"] == phone for p in on_calls)
        assert any(p["email_address"] != email for p in on_calls)  # written differently somewhere
        assert all(p["speaker_id"] for p in on_calls)

        spoken = [
            m
            for m in monologues
            if m["speaker_id"] in {p["speaker_id"] for p in on_calls}
            and any(email in sentence["text"] for sentence in m["sentences"])
        ]
        assert spoken, f"{email} is never said in a transcript"
        local_number = " ".join(subject.phone.split()[1:]).replace("(", "").replace(")", "")
        said = " ".join(sentence["text"] for m in spoken for sentence in m["sentences"])
        assert _norm(local_number) in _norm(said) or local_number.replace(" ", "-") in said
        assert calls[spoken[0]["call_id"]]["content"] is not None

        assert any(e["from_lower"] == email for e in emails)
        kinds = {r["kind"] for r in recipients if r["address_lower"] == email}
        assert kinds == {"to", "cc"}
        assert any(r["address"] != email for r in recipients if r["address_lower"] == email)
        assert any(i["email_lower"] == email for i in invitees)
        mine = [e for e in events if e["person_email_lower"] == email]
        assert {e["event_type"] for e in mine} >= {"contentViewed", "contentShared", "digitalInteraction"}
        assert any(e["person_phone_norm"] == phone for e in mine)


def test_subjects_stay_few_at_scale(db: Database) -> None:
    """However many calls there are, a subject is on a handful (the erasure guard allows 2,000)."""
    summary = create_demo_company(db, seed=8, size=DemoSize(calls=800, transcript_share=0.1))
    parties = _all(db, s.call_parties)
    for subject in summary.subjects:
        on = {p["call_id"] for p in parties if p["email_lower"] == subject.email}
        assert 2 <= len(on) <= 8
