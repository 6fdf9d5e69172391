"""Test factories: complete, realistic rows, one record at a time.

Each ``make_*`` inserts one record (and what hangs off it) over an open write connection and returns its id, or
a small dataclass for calls. Every column is filled with a plausible value; keyword overrides replace any column
by its schema name (``make_user(conn, cid, first_name="Ada", is_avatar=True)``).

The helpers are deterministic: the n-th record of a kind in a company gets the same id and the same values for
the same database state (ids are derived from the company id, the kind and n, skipping any already taken).

Instants are epoch milliseconds (``*_ms``). Default times start at ``BASE_MS`` (2024-03-01T15:00:00Z): the n-th
user is created n days after it, the n-th call starts n hours after it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from gongkit.db.media import MediaStore
from gongkit.db.rows import call_url, prepare
from gongkit.db.schema import (
    call_comments,
    call_context_objects,
    call_external_objects,
    call_media,
    call_parties,
    call_user_stats,
    calls,
    crm_objects,
    email_recipients,
    emails,
    engagement_events,
    meeting_invitees,
    meetings,
    trackers,
    transcript_monologues,
    user_settings_history,
    users,
    workspaces,
)

BASE_MS = 1_709_305_200_000  # 2024-03-01T15:00:00Z
HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS
DEFAULT_APP_URL = "http://localhost:8080"

_FIRST = ("Ava", "Ben", "Chloe", "Daniel", "Emma", "Felix", "Grace", "Hugo", "Isla", "Jonas", "Kira", "Liam")
_LAST = ("Nakamura", "Okafor", "Peretz", "Quinn", "Rossi", "Schmidt", "Tanaka", "Urbina", "Vance", "Weber")
_TITLES = ("Account Executive", "Sales Development Rep", "Customer Success Manager", "Sales Manager")
_CUSTOMERS = (
    ("Maya", "Levin", "Head of Operations", "northwind.example"),
    ("Tom", "Baker", "VP Engineering", "globex.example"),
    ("Sara", "Cohen", "Procurement Lead", "initech.example"),
    ("Omar", "Haddad", "CFO", "umbrella.example"),
)
_CALL_TITLES = ("Discovery call", "Product demo", "Pricing discussion", "Quarterly business review", "Kick-off")


def _derived_id(company_id: int, kind: str, n: int) -> int:
    digest = hashlib.sha256(f"{company_id}:{kind}:{n}".encode()).digest()
    return 10**18 + int.from_bytes(digest[:8], "big") % (2**63 - 1 - 10**18)


def _next(conn: Connection, table: Table, company_id: int, kind: str) -> tuple[int, int]:
    """(n, id) for the next record of ``kind``: n counts the company's rows, the id derives from it."""
    n = int(conn.execute(select(func.count()).select_from(table).where(table.c.company_id == company_id)).scalar_one())
    while True:
        n += 1
        new = _derived_id(company_id, kind, n)
        if conn.execute(select(table.c.id).where(table.c.id == new)).first() is None:
            return n, new


# --- organisation --------------------------------------------------------------------------------------------


def make_workspace(
    conn: Connection,
    company_id: int,
    name: str | None = None,
    *,
    description: str | None = "",
    is_default: bool = False,
    **overrides: Any,
) -> int:
    """A workspace; returns its id. ``description=None`` makes one without a description."""
    n, wid = _next(conn, workspaces, company_id, "workspace")
    values: dict[str, Any] = {
        "id": wid,
        "company_id": company_id,
        "name": name or ("Sales" if n == 1 else f"Sales {n}"),
        "description": description if description != "" else f"Workspace {n} of the sales organisation",
        "is_default": is_default,
    }
    values.update(overrides)
    conn.execute(insert(workspaces).values(**values))
    return int(values["id"])


def make_user(conn: Connection, company_id: int, *, domain: str = "acme.example", **overrides: Any) -> int:
    """A user of the company (an active rep with settings, languages, meeting URLs); returns its id.

    Derived columns come from :func:`gongkit.db.rows.prepare` unless given. ``is_avatar=True`` makes one of Gong's avatars.
    """
    n, uid = _next(conn, users, company_id, "user")
    first = _FIRST[(n - 1) % len(_FIRST)]
    last = _LAST[((n - 1) // len(_FIRST)) % len(_LAST)]
    email = f"{first}.{last}{n}@{domain}".lower()
    values: dict[str, Any] = {
        "id": uid,
        "company_id": company_id,
        "email_address": email,
        "created_ms": BASE_MS - 365 * DAY_MS + n * DAY_MS,
        "active": True,
        "email_aliases": [f"{first[0]}{last}{n}@{domain}".lower()],
        "trusted_email_address": email,
        "first_name": first,
        "last_name": last,
        "title": _TITLES[(n - 1) % len(_TITLES)],
        "phone_number": f"+1 415 555 {n % 10000:04d}",
        "extension": str(100 + n),
        "personal_meeting_urls": [f"https://zoom.us/j/{8_000_000_000 + n}"],
        "settings": {
            "webConferencesRecorded": True,
            "preventWebConferenceRecording": False,
            "telephonyCallsImported": n % 2 == 0,
            "emailsImported": True,
            "preventEmailImport": False,
            "nonRecordedMeetingsImported": True,
            "gongConnectEnabled": n % 3 == 0,
        },
        "manager_id": None,
        "meeting_consent_page_url": f"https://join.gong.io/{domain.split('.')[0]}/{first.lower()}.{last.lower()}",
        "spoken_languages": [{"language": "en-US", "primary": True}],
        "is_avatar": False,
    }
    values.update(overrides)
    conn.execute(insert(users).values(**prepare("users", values)))
    return int(values["id"])


def make_settings_change(
    conn: Connection,
    company_id: int,
    user_id: int,
    setting: str = "webConferencesRecorded",
    value: bool = True,
    time_ms: int | None = None,
) -> None:
    """One entry of a user's settings history."""
    if time_ms is None:
        time_ms = BASE_MS
    conn.execute(
        insert(user_settings_history).values(
            company_id=company_id, user_id=user_id, setting=setting, value=value, time_ms=time_ms
        )
    )


# --- CRM -------------------------------------------------------------------------------------------------------


def make_crm_object(
    conn: Connection,
    company_id: int,
    *,
    object_type: str = "Contact",
    system: str = "Salesforce",
    **overrides: Any,
) -> int:
    """A CRM object (Lead, Contact, Account or Opportunity) with fields; returns its id.

    People (Lead/Contact) get an e-mail address and phone numbers with their twins; companies get a website.
    """
    n, oid = _next(conn, crm_objects, company_id, "crm")
    first, last, title, domain = _CUSTOMERS[(n - 1) % len(_CUSTOMERS)]
    prefix = {"Lead": "00Q", "Contact": "003", "Account": "001", "Opportunity": "006"}.get(object_type, "a0X")
    person = object_type in ("Lead", "Contact")
    email = f"{first}.{last}{n}@{domain}".lower() if person else None
    phone = f"+1 (212) 555-{n % 10000:04d}" if person else None
    mobile = f"+44 7700 9{n % 100000:05d}" if person else None
    name = (
        f"{first} {last}"
        if person
        else domain.split(".")[0].title() + (" renewal" if object_type == "Opportunity" else "")
    )
    fields: list[dict[str, Any]] = (
        [{"name": "Name", "value": name}, {"name": "Title", "value": title}, {"name": "Email", "value": email}]
        if person
        else [{"name": "Name", "value": name}, {"name": "Website", "value": f"https://{domain}"}]
    )
    values: dict[str, Any] = {
        "id": oid,
        "company_id": company_id,
        "system": system,
        "object_type": object_type,
        "external_id": f"{prefix}5g00000{n:08d}AAA",
        "mirror_id": None,
        "name": name,
        "account_id": None,
        "email_address": email,
        "phone_number": phone,
        "mobile_phone_number": mobile,
        "fields": fields,
        "modified_ms": BASE_MS - DAY_MS + n * 60_000,
    }
    values.update(overrides)
    conn.execute(insert(crm_objects).values(**prepare("crm_objects", values)))
    return int(values["id"])


# --- calls -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MadeCall:
    """What ``make_call`` created."""

    id: int
    primary_user_id: int
    party_ids: list[int] = field(default_factory=list)
    speaker_ids: list[str | None] = field(default_factory=list)  # per party, None for a silent party
    media_ids: list[int] = field(default_factory=list)


def default_content(speaker_ids: Sequence[str | None]) -> dict[str, Any]:
    """A call's analysis results in the contract's ``ContentDto`` shape (what ``content=True`` stores)."""
    speaker = next((s for s in speaker_ids if s), "0")
    return {
        "structure": [{"name": "Intro", "duration": 120}, {"name": "Demo", "duration": 900}],
        "topics": [{"name": "Pricing", "duration": 240}, {"name": "Next Steps", "duration": 95}],
        "trackers": [
            {
                "id": "6543201987654321012",
                "name": "Competitors",
                "count": 2,
                "type": "KEYWORD",
                "occurrences": [{"startTime": 81.5, "speakerId": speaker}, {"startTime": 412.0, "speakerId": speaker}],
                "phrases": [
                    {
                        "count": 2,
                        "occurrences": [
                            {"startTime": 81.5, "speakerId": speaker},
                            {"startTime": 412.0, "speakerId": speaker},
                        ],
                        "phrase": "Globex",
                    }
                ],
            }
        ],
        "brief": "The customer evaluated the platform and asked for a proposal for 40 seats.",
        "outline": [
            {
                "section": "Introductions",
                "startTime": 0.0,
                "duration": 120.0,
                "items": [{"text": "Agenda and goals", "startTime": 12.0}],
            }
        ],
        "highlights": [
            {"title": "Next steps", "items": [{"text": "Send the proposal by Friday", "startTimes": [1630.0]}]}
        ],
        "callOutcome": {"id": "7001", "category": "Positive", "name": "Next meeting scheduled"},
        "keyPoints": [{"text": "Budget is approved for Q3"}],
    }


def default_interaction(party_ids: Sequence[int], user_ids: Sequence[int | None]) -> dict[str, Any]:
    """Interaction measures in the contract's ``InteractionMeasuresDto`` shape (what ``interaction=True`` stores)."""
    speakers = []
    for i, (pid, uid) in enumerate(zip(party_ids, user_ids, strict=True)):
        s: dict[str, Any] = {"id": str(pid)}
        if uid is not None:
            s["userId"] = str(uid)
        s["talkTime"] = 600.0 - 150.0 * i
        speakers.append(s)
    return {
        "speakers": speakers,
        "interactionStats": [{"name": "Talk Ratio", "value": 0.55}, {"name": "Interactivity", "value": 6.1}],
        "video": [{"name": "Presentation", "duration": 420.0}, {"name": "WebcamPrimaryUser", "duration": 1300.0}],
        "questions": {"companyCount": 7, "nonCompanyCount": 4},
    }


def make_call(
    conn: Connection,
    company_id: int,
    *,
    parties: Sequence[dict[str, Any]] | None = None,
    transcript: Sequence[dict[str, Any]] | bool | None = None,
    context: Sequence[dict[str, Any]] | bool | None = None,
    content: dict[str, Any] | bool | None = None,
    interaction: dict[str, Any] | bool | None = None,
    comments: Sequence[dict[str, Any]] | bool | None = None,
    user_stats: Sequence[dict[str, Any]] | bool | None = None,
    external_objects: Sequence[dict[str, Any]] | None = None,
    media: dict[str, bytes] | None = None,
    media_store: MediaStore | None = None,
    media_type: str | None = "Video",
    app_url: str = DEFAULT_APP_URL,
    **overrides: Any,
) -> MadeCall:
    """A recorded call and what hangs off it; returns a :class:`MadeCall`.

    - ``overrides``: any ``calls`` column (``started_ms``, ``workspace_id``, ``primary_user_id``, ``title``, ...).
      Without ``primary_user_id`` a user is made. ``scheduled_ms`` and ``listed_ms`` default to ``started_ms``.
    - ``parties``: ``call_parties`` columns per party (``user_id``, ``name``, ``email_address``, ``phone_number``,
      ``affiliation``, ``speaker_id``, ...; ``email_lower``/``phone_norm`` are derived). Default: the host and
      one external contact. A party's ``"context"`` key is a list like ``context`` below (party context).
    - ``transcript``: monologues ``{"speaker_id" or "party": index, "topic", "sentences": [{start,end,text}]}``;
      ``True`` for a short default conversation between the first two parties.
    - ``context``: ``{"system", "object_type", "object_id", "fields", "fields_at_call"}`` per CRM link;
      ``True`` for an Account and an Opportunity.
    - ``content`` / ``interaction``: stored as given (the contract's shapes); ``True`` for the defaults above.
    - ``comments``: ``call_comments`` columns per comment; ``True`` for one public comment by the host.
    - ``user_stats``: ``call_user_stats`` columns per user; ``True`` for the host's talk time and stats.
    - ``external_objects``: ``{"system", "object_type", "external_id"}`` where the call was logged.
    - ``media``: recordings, ``{"audio": bytes, "video": bytes}``, written through ``media_store`` (required
      with it). The ``calls.media`` column (``Video``/``Audio``/None) is set by ``media_type``.
    """
    n, cid = _next(conn, calls, company_id, "call")
    primary = overrides.get("primary_user_id")
    if primary is None:
        primary = make_user(conn, company_id)
    started = overrides.get("started_ms", BASE_MS + n * HOUR_MS)
    scheduled = overrides.get("scheduled_ms", started)
    values: dict[str, Any] = {
        "id": cid,
        "company_id": company_id,
        "workspace_id": None,
        "client_unique_id": None,
        "url": call_url(app_url, overrides.get("id", cid)),
        "title": f"{_CALL_TITLES[(n - 1) % len(_CALL_TITLES)]} #{n}",
        "scheduled_ms": scheduled,
        "started_ms": started,
        "listed_ms": scheduled if scheduled is not None else started,
        "duration": 1800 + 60 * (n % 30),
        "primary_user_id": primary,
        "direction": "Conference",
        "system": "Zoom",
        "scope": "External",
        "media": media_type,
        "language": "eng",
        "purpose": "Evaluate fit and agree next steps",
        "meeting_url": f"https://zoom.us/j/{9_100_000_000 + n}",
        "is_private": False,
        "custom_data": None,
        "sdr_disposition": None,
        "calendar_event_id": f"evt{cid:x}",
        "call_provider_code": "zoom",
        "download_media_url": None,
        "status": "COMPLETED",
        "content": None,
        "interaction": None,
        "created_ms": started + 2 * HOUR_MS,
    }
    values.update(overrides)
    call_id = int(values["id"])

    host = conn.execute(select(users).where(users.c.id == primary)).mappings().first()
    if parties is None:
        first, last, title, domain = _CUSTOMERS[(n - 1) % len(_CUSTOMERS)]
        parties = [
            {
                "user_id": primary,
                "name": f"{host['first_name']} {host['last_name']}" if host else "Host",
                "title": host["title"] if host else None,
                "email_address": host["email_address"] if host else None,
                "phone_number": host["phone_number"] if host else None,
                "affiliation": "Internal",
            },
            {
                "name": f"{first} {last}",
                "title": title,
                "email_address": f"{first}.{last}@{domain}".lower(),
                "phone_number": f"+1 (646) 555-{n % 10000:04d}",
                "affiliation": "External",
            },
        ]
    first_party = _derived_id(company_id, "party", call_id % 10**9) & ~0xFFF
    party_rows = []
    party_context: list[tuple[int | None, dict[str, Any]]] = []
    for i, p in enumerate(parties):
        p = dict(p)
        pid = int(p.pop("id", first_party + i))
        for ctx in p.pop("context", None) or []:
            party_context.append((pid, ctx))
        row: dict[str, Any] = {
            "id": pid,
            "call_id": call_id,
            "company_id": company_id,
            "speaker_id": str(_derived_id(company_id, "speaker", pid % 10**9)),
            "user_id": None,
            "name": None,
            "title": None,
            "email_address": None,
            "phone_number": None,
            "affiliation": "Unknown",
            "methods": ["Invitee", "Attendee"],
            "crm_object_id": None,
            "media_channel_id": None,
        }
        row.update(p)
        party_rows.append(prepare("call_parties", row))
    party_ids = [int(r["id"]) for r in party_rows]
    speaker_ids = [r["speaker_id"] for r in party_rows]
    user_ids = [r["user_id"] for r in party_rows]

    if content is True:
        values["content"] = default_content(speaker_ids)
    elif isinstance(content, dict):
        values["content"] = content
    if interaction is True:
        values["interaction"] = default_interaction(party_ids, user_ids)
    elif isinstance(interaction, dict):
        values["interaction"] = interaction

    conn.execute(insert(calls).values(**prepare("calls", values)))
    if party_rows:
        conn.execute(insert(call_parties), party_rows)

    context_rows: list[dict[str, Any]] = []
    if context is True:
        context = [
            {
                "system": "Salesforce",
                "object_type": "Account",
                "object_id": f"0015g00000{n:08d}",
                "fields": [{"name": "Name", "value": "Northwind"}, {"name": "Industry", "value": "Retail"}],
                "fields_at_call": [{"name": "Name", "value": "Northwind"}, {"name": "Industry", "value": "Retail"}],
            },
            {
                "system": "Salesforce",
                "object_type": "Opportunity",
                "object_id": f"0065g00000{n:08d}",
                "fields": [{"name": "Name", "value": "Northwind renewal"}, {"name": "StageName", "value": "Proposal"}],
                "fields_at_call": [
                    {"name": "Name", "value": "Northwind renewal"},
                    {"name": "StageName", "value": "Discovery"},
                ],
            },
        ]
    for owner, ctx in [*((None, c) for c in (context or [])), *party_context]:
        context_rows.append(
            {
                "call_id": call_id,
                "company_id": company_id,
                "party_id": owner,
                "system": ctx.get("system", "Salesforce"),
                "object_type": ctx["object_type"],
                "object_id": ctx["object_id"],
                "fields": ctx.get("fields", []),
                "fields_at_call": ctx.get("fields_at_call"),
            }
        )
    if context_rows:
        conn.execute(insert(call_context_objects), context_rows)

    if transcript is True:
        a = speaker_ids[0] if speaker_ids else "1"
        b = speaker_ids[1] if len(speaker_ids) > 1 and speaker_ids[1] else a
        transcript = [
            {
                "speaker_id": a,
                "topic": "Call Setup",
                "sentences": [{"start": 460, "end": 2930, "text": "Hi, thanks for joining."}],
            },
            {
                "speaker_id": b,
                "topic": "Call Setup",
                "sentences": [{"start": 3100, "end": 5200, "text": "Glad to be here."}],
            },
            {
                "speaker_id": a,
                "topic": "Pricing",
                "sentences": [
                    {"start": 5400, "end": 9800, "text": "Let me walk you through the plans."},
                    {"start": 9900, "end": 12100, "text": "Most teams start with forty seats."},
                ],
            },
            {"speaker_id": b, "sentences": [{"start": 12500, "end": 14000, "text": "That works for us."}]},
        ]
    mono_rows = []
    for seq, m in enumerate(transcript or []):
        speaker = m.get("speaker_id")
        if speaker is None:
            speaker = speaker_ids[int(m.get("party", 0))]
        mono_rows.append(
            {
                "call_id": call_id,
                "company_id": company_id,
                "seq": seq,
                "speaker_id": speaker,
                "topic": m.get("topic"),
                "sentences": list(m["sentences"]),
            }
        )
    if mono_rows:
        conn.execute(insert(transcript_monologues), mono_rows)

    if comments is True:
        comments = [
            {
                "commenter_user_id": primary,
                "comment": "Great objection handling here.",
                "audio_start_time": 410,
                "audio_end_time": 432,
                "posted_ms": started + 3 * HOUR_MS,
                "during_call": False,
            }
        ]
    for i, c in enumerate(comments or []):
        row = {
            "id": _derived_id(company_id, "comment", call_id % 10**9 + i),
            "call_id": call_id,
            "company_id": company_id,
            "commenter_user_id": primary,
            "comment": "Comment",
            "audio_start_time": None,
            "audio_end_time": None,
            "posted_ms": started + 3 * HOUR_MS + i * 60_000,
            "in_reply_to": None,
            "during_call": False,
        }
        row.update(c)
        conn.execute(insert(call_comments).values(**row))

    if user_stats is True:
        user_stats = [
            {
                "user_id": primary,
                "talk_time_sec": 840,
                "stats": [
                    {"name": "Talk Ratio", "value": 0.47},
                    {"name": "Longest Monologue", "value": 95},
                    {"name": "Patience", "value": 1.2},
                ],
            }
        ]
    for s in user_stats or []:
        row = {"call_id": call_id, "company_id": company_id, "talk_time_sec": 0, "stats": []}
        row.update(s)
        conn.execute(insert(call_user_stats).values(**row))

    for e in external_objects or []:
        conn.execute(insert(call_external_objects).values(call_id=call_id, company_id=company_id, **e))

    media_ids = []
    if media:
        if media_store is None:
            raise ValueError("make_call(media=...) needs media_store to write the files")
        for i, (kind, data) in enumerate(sorted(media.items())):
            mid = _derived_id(company_id, "media", call_id % 10**9 + i)
            key = media_store.put(company_id, call_id, mid, data)
            conn.execute(
                insert(call_media).values(
                    id=mid,
                    call_id=call_id,
                    company_id=company_id,
                    kind=kind,
                    storage_key=key,
                    content_type="video/mp4" if kind == "video" else "audio/mpeg",
                    size=len(data),
                    created_ms=started + 2 * HOUR_MS,
                )
            )
            media_ids.append(mid)

    return MadeCall(
        id=call_id, primary_user_id=int(primary), party_ids=party_ids, speaker_ids=speaker_ids, media_ids=media_ids
    )


# --- e-mail, meetings, engagement --------------------------------------------------------------------------------


def make_email(
    conn: Connection,
    company_id: int,
    *,
    from_address: str = "ava.nakamura1@acme.example",
    to: Sequence[str] = ("maya.levin@northwind.example",),
    cc: Sequence[str] = (),
    bcc: Sequence[str] = (),
    **overrides: Any,
) -> str:
    """An imported e-mail with its recipients; returns its 32-character id."""
    n = int(
        conn.execute(select(func.count()).select_from(emails).where(emails.c.company_id == company_id)).scalar_one()
    )
    while True:
        n += 1
        eid = hashlib.sha256(f"{company_id}:email:{n}".encode()).hexdigest()[:32]
        if conn.execute(select(emails.c.id).where(emails.c.id == eid)).first() is None:
            break
    values: dict[str, Any] = {
        "id": eid,
        "company_id": company_id,
        "from_address": from_address,
        "sent_ms": BASE_MS + n * HOUR_MS,
        "mailbox": from_address,
        "message_hash": hashlib.sha256(f"{company_id}:hash:{n}".encode()).hexdigest()[:32],
        "subject": f"Follow-up #{n}",
        "body": "Thanks for your time today. The proposal is attached.",
    }
    values.update(overrides)
    conn.execute(insert(emails).values(**prepare("emails", values)))
    for kind, addresses in (("to", to), ("cc", cc), ("bcc", bcc)):
        for address in addresses:
            conn.execute(
                insert(email_recipients).values(
                    **prepare(
                        "email_recipients",
                        {"email_id": values["id"], "company_id": company_id, "kind": kind, "address": address},
                    )
                )
            )
    return str(values["id"])


def make_meeting(
    conn: Connection,
    company_id: int,
    *,
    organizer_email: str = "ava.nakamura1@acme.example",
    invitees: Sequence[str] = ("maya.levin@northwind.example",),
    **overrides: Any,
) -> int:
    """A Gong meeting with invitees; returns its (numeric) id. ``external_id`` holds the calendar event's id."""
    n = int(
        conn.execute(select(func.count()).select_from(meetings).where(meetings.c.company_id == company_id)).scalar_one()
    )
    start = overrides.get("start_ms", BASE_MS + (n + 1) * DAY_MS)
    mid = overrides.get("id") or _derived_id(company_id, "meeting", n + 1)
    values: dict[str, Any] = {
        "id": mid,
        "company_id": company_id,
        "organizer_email": organizer_email,
        "title": f"Meeting #{n + 1}",
        "start_ms": start,
        "end_ms": start + HOUR_MS,
        "external_id": f"m{n + 1}@calendar.example_{start}",
        "call_id": None,
    }
    values.update(overrides)
    conn.execute(insert(meetings).values(**prepare("meetings", values)))
    for address in invitees:
        conn.execute(
            insert(meeting_invitees).values(
                **prepare(
                    "meeting_invitees",
                    {
                        "meeting_id": values["id"],
                        "company_id": company_id,
                        "email_address": address,
                        "display_name": address.split("@")[0].replace(".", " ").title(),
                    },
                )
            )
        )
    return int(values["id"])


def make_engagement_event(
    conn: Connection,
    company_id: int,
    *,
    event_type: str = "contentViewed",
    person_email: str | None = "maya.levin@northwind.example",
    person_phone: str | None = None,
    **overrides: Any,
) -> int:
    """A customer-engagement event about a person; returns its id."""
    n, eid = _next(conn, engagement_events, company_id, "engagement")
    values: dict[str, Any] = {
        "id": eid,
        "company_id": company_id,
        "event_type": event_type,
        "timestamp_ms": BASE_MS + n * HOUR_MS,
        "content_id": str(_derived_id(company_id, "content", n)),
        "content_url": f"https://app.gong.io/e/c-share/tkn={n:08d}",
        "reporting_system": "Highspot",
        "event_name": "Proposal viewed",
        "source_event_id": f"evt-{n}",
        "person_email": person_email,
        "person_phone": person_phone,
        "payload": {"eventType": event_type},
    }
    values.update(overrides)
    conn.execute(insert(engagement_events).values(**prepare("engagement_events", values)))
    return int(values["id"])


# --- trackers --------------------------------------------------------------------------------------------------


def make_tracker(
    conn: Connection,
    company_id: int,
    name: str,
    keywords: Sequence[str] | dict[str, Sequence[str]],
    *,
    related_forms: bool = False,
    created_ms: int = BASE_MS,
    **overrides: Any,
) -> int:
    """A keyword tracker; returns its id. ``keywords``: English keywords, or ``{language: keywords}``.
    ``overrides``: any ``trackers`` column (``workspace_id``, ``affiliation``, ``said_at``, ...)."""
    _n, tid = _next(conn, trackers, company_id, "tracker")
    by_language = {"eng": keywords} if not isinstance(keywords, dict) else keywords
    values: dict[str, Any] = {
        "id": tid,
        "company_id": company_id,
        "workspace_id": None,
        "name": name,
        "language_keywords": [
            {"language": lang, "keywords": list(words), "includeRelatedForms": related_forms}
            for lang, words in by_language.items()
        ],
        "affiliation": "Anyone",
        "part_of_question": False,
        "said_at": "Anytime",
        "said_at_interval": None,
        "said_at_unit": None,
        "said_in_topics": [],
        "filter_query": None,
        "created_ms": created_ms,
        "creator_user_id": None,
        "updated_ms": created_ms,
        "updater_user_id": None,
    }
    values.update(overrides)
    conn.execute(insert(trackers).values(**values))
    return tid
