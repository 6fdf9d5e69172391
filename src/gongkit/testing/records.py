"""The rows each kind of seed record is stored as (used by :class:`gongkit.testing.seed.Seeder`).

Each function checks one record's references against the company, then writes its rows through
:meth:`Batch.insert` and returns its id. Values a record does not give get the plain defaults a Gong tenant
would show (an active user with the usual settings, a completed call of thirty minutes, ...).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from gongkit.db import schema as s
from gongkit.db.rows import call_url
from gongkit.kernel.ids import MAX_ID
from gongkit.testing.shapes import (
    CallSeed,
    CrmObjectSeed,
    EmailSeed,
    EngagementEventSeed,
    MeetingSeed,
    PartySeed,
    UserSeed,
    WorkspaceSeed,
)

if TYPE_CHECKING:
    from gongkit.testing.seed import Batch

#: A user's recording and import settings when the seed gives none (Gong's defaults for a new rep).
DEFAULT_USER_SETTINGS = {
    "webConferencesRecorded": True,
    "preventWebConferenceRecording": False,
    "telephonyCallsImported": False,
    "emailsImported": True,
    "preventEmailImport": False,
    "nonRecordedMeetingsImported": True,
    "gongConnectEnabled": False,
}


def workspace(b: Batch, w: WorkspaceSeed, path: str) -> int:
    since = len(b.problems)
    wid = b.new_id(w.id, s.workspaces, "workspace", path)
    has_default = b.conn.execute(
        select(s.workspaces.c.id).where(s.workspaces.c.company_id == b.cid, s.workspaces.c.is_default)
    ).first()
    row = {"id": wid, "company_id": b.cid, "name": w.name, "description": w.description, "is_default": not has_default}
    b.insert(s.workspaces, [row], since)
    return wid


def user(b: Batch, u: UserSeed, path: str) -> int:
    since = len(b.problems)
    uid = b.new_id(u.id, s.users, "user", path)
    row = {
        "id": uid,
        "company_id": b.cid,
        "email_address": u.emailAddress,
        "created_ms": u.created if u.created is not None else b.seeder.clock.now_ms(),
        "active": u.active,
        "email_aliases": list(u.emailAliases),
        "trusted_email_address": u.trustedEmailAddress,
        "first_name": u.firstName,
        "last_name": u.lastName,
        "title": u.title,
        "phone_number": u.phoneNumber,
        "extension": u.extension,
        "personal_meeting_urls": list(u.personalMeetingUrls),
        "settings": {**DEFAULT_USER_SETTINGS, **(u.settings or {})},
        "manager_id": None,  # set once the whole document's users exist
        "meeting_consent_page_url": u.meetingConsentPageUrl,
        "spoken_languages": list(u.spokenLanguages),
        "is_avatar": False,
    }
    b.insert(s.users, [row], since)
    return uid


def crm_object(b: Batch, o: CrmObjectSeed, path: str) -> int:
    since = len(b.problems)
    oid = b.new_id(o.id, s.crm_objects, "crm", path)
    b.check(s.crm_objects, o.accountId, f"{path}.accountId", "a CRM object")
    fields = o.fields or ([{"name": "Name", "value": o.name}] if o.name else [])
    row = {
        "id": oid,
        "company_id": b.cid,
        "system": o.system,
        "object_type": o.objectType,
        "external_id": o.objectId,
        "mirror_id": None,
        "name": o.name,
        "account_id": o.accountId,
        "email_address": o.emailAddress,
        "phone_number": o.phoneNumber,
        "mobile_phone_number": o.mobilePhoneNumber,
        "fields": fields,
        "modified_ms": o.modified if o.modified is not None else b.seeder.clock.now_ms(),
    }
    b.insert(s.crm_objects, [row], since)
    return oid


def call(b: Batch, c: CallSeed, path: str) -> int:
    since = len(b.problems)
    call_id = b.new_id(c.id, s.calls, "call", path)
    b.check(s.users, c.primaryUserId, f"{path}.primaryUserId", "a user")
    workspace_id = c.workspaceId
    if workspace_id is None:
        default = b.conn.execute(
            select(s.workspaces.c.id)
            .where(s.workspaces.c.company_id == b.cid)
            .order_by(s.workspaces.c.is_default.desc(), s.workspaces.c.id)
        ).first()
        workspace_id = None if default is None else int(default[0])
    else:
        b.check(s.workspaces, workspace_id, f"{path}.workspaceId", "a workspace")

    parties = _parties(b, c, call_id, path)
    speakers = {p["speaker_id"] for p in parties if p["speaker_id"]}
    monologues = []
    for i, m in enumerate(c.transcript):
        if m.speakerId not in speakers:
            known = ", ".join(sorted(speakers)) or "none: give the parties a speakerId"
            b.problems.append(f"{path}.transcript[{i}].speakerId: '{m.speakerId}' is no party's (they are {known})")
        monologues.append(
            {
                "call_id": call_id,
                "company_id": b.cid,
                "seq": i,
                "speaker_id": m.speakerId,
                "topic": m.topic,
                "sentences": [x.model_dump() for x in m.sentences],
            }
        )
    affiliations = {p["affiliation"] for p in parties}
    scope = c.scope or ("External" if "External" in affiliations else "Internal")
    scheduled = c.scheduled
    row = {
        "id": call_id,
        "company_id": b.cid,
        "workspace_id": workspace_id,
        "client_unique_id": c.clientUniqueId,
        "url": call_url(b.seeder.app_url, call_id),
        "title": c.title,
        "scheduled_ms": scheduled,
        "started_ms": c.started,
        "listed_ms": scheduled if scheduled is not None else c.started,
        "duration": c.duration,
        "primary_user_id": c.primaryUserId,
        "direction": c.direction,
        "system": c.system,
        "scope": scope,
        "media": c.media,
        "language": c.language,
        "purpose": c.purpose,
        "meeting_url": c.meetingUrl,
        "is_private": c.isPrivate,
        "custom_data": c.customData,
        "sdr_disposition": None,
        "calendar_event_id": None,
        "call_provider_code": None,
        "download_media_url": None,
        "status": "COMPLETED",
        "content": None,
        "interaction": None,
        "created_ms": c.started + c.duration * 1000,
    }
    b.insert(s.calls, [row], since)
    b.insert(s.call_parties, parties, since)
    b.insert(s.transcript_monologues, monologues, since)
    return call_id


def _parties(b: Batch, c: CallSeed, call_id: int, path: str) -> list[dict[str, Any]]:
    """The call's party rows; a party naming a user takes what it does not give from the user."""
    given = c.parties if c.parties is not None else [_host(c)]
    # Ids not given are consecutive from one derived id, so the parties are served in the order given.
    first = min(b.seeder.next_id(b.conn, s.call_parties, "party"), MAX_ID - len(given))
    rows = []
    for i, p in enumerate(given):
        person: dict[str, Any] = {}
        if p.userId is not None:
            found = (
                b.conn.execute(select(s.users).where(s.users.c.company_id == b.cid, s.users.c.id == p.userId))
                .mappings()
                .first()
            )
            if found is not None:
                name = " ".join(x for x in (found["first_name"], found["last_name"]) if x) or None
                person = {
                    "name": name,
                    "title": found["title"],
                    "email_address": found["email_address"],
                    "phone_number": found["phone_number"],
                }
            elif c.parties is not None:  # the default host is checked as the primaryUserId
                b.problems.append(f"{path}.parties[{i}].userId: {p.userId} is not a user of this company")
        party_id = b.new_id(p.id if p.id is not None else first + i, s.call_parties, "party", f"{path}.parties[{i}]")
        rows.append(
            {
                "id": party_id,
                "call_id": call_id,
                "company_id": b.cid,
                "speaker_id": p.speakerId if p.speakerId is not None else str(party_id),
                "user_id": p.userId,
                "name": p.name if p.name is not None else person.get("name"),
                "title": p.title if p.title is not None else person.get("title"),
                "email_address": p.emailAddress if p.emailAddress is not None else person.get("email_address"),
                "phone_number": p.phoneNumber if p.phoneNumber is not None else person.get("phone_number"),
                "affiliation": p.affiliation or ("Internal" if p.userId is not None else "External"),
                "methods": list(p.methods),
                "crm_object_id": None,
                "media_channel_id": None,
            }
        )
    return rows


def _host(c: CallSeed) -> PartySeed:
    return PartySeed(userId=c.primaryUserId)


def email(b: Batch, e: EmailSeed, path: str) -> str:
    since = len(b.problems)
    eid = b.new_text_id(e.id, s.emails, lambda n: hashlib.sha256(f"{b.cid}:email:{n}".encode()).hexdigest()[:32], path)
    row = {
        "id": eid,
        "company_id": b.cid,
        "from_address": e.from_,
        "sent_ms": e.sentTime,
        "mailbox": e.mailbox or e.from_,
        "message_hash": e.messageHash or hashlib.sha256(f"{b.cid}:hash:{eid}".encode()).hexdigest()[:32],
        "subject": e.subject,
        "body": e.body,
    }
    recipients = [
        {
            "email_id": eid,
            "company_id": b.cid,
            "kind": kind,
            "address": address,
        }
        for kind, addresses in (("to", e.to), ("cc", e.cc), ("bcc", e.bcc))
        for address in addresses
    ]
    b.insert(s.emails, [row], since)
    b.insert(s.email_recipients, recipients, since)
    return eid


def meeting(b: Batch, m: MeetingSeed, path: str) -> int:
    since = len(b.problems)
    if m.endTime < m.startTime:
        b.problems.append(f"{path}.endTime: must not be before startTime")
    b.check(s.calls, m.callId, f"{path}.callId", "a call")
    mid = b.new_id(m.id, s.meetings, "meeting", path)
    row = {
        "id": mid,
        "company_id": b.cid,
        "organizer_email": m.organizerEmail,
        "title": m.title,
        "start_ms": m.startTime,
        "end_ms": m.endTime,
        "external_id": m.externalId,
        "call_id": m.callId,
    }
    invitees = [
        {
            "meeting_id": mid,
            "company_id": b.cid,
            "email_address": i.emailAddress,
            "display_name": i.displayName,
        }
        for i in m.invitees
    ]
    b.insert(s.meetings, [row], since)
    b.insert(s.meeting_invitees, invitees, since)
    return mid


def engagement_event(b: Batch, e: EngagementEventSeed, path: str) -> int:
    since = len(b.problems)
    eid = b.new_id(e.id, s.engagement_events, "engagement", path)
    if e.personEmail is None and e.personPhone is None:
        b.problems.append(f"{path}: an engagement event is about a person: give personEmail or personPhone")
    row = {
        "id": eid,
        "company_id": b.cid,
        "event_type": e.eventType,
        "timestamp_ms": e.timestamp,
        "content_id": e.contentId,
        "content_url": e.contentUrl,
        "reporting_system": e.reportingSystem,
        "event_name": e.eventName,
        "source_event_id": e.sourceEventId,
        "person_email": e.personEmail,
        "person_phone": e.personPhone,
        "payload": e.payload if e.payload is not None else {"eventType": e.eventType},
    }
    b.insert(s.engagement_events, [row], since)
    return eid
