"""Adding a call (``POST /v2/calls``): validation of the parties and their affiliations, idempotence on
``clientUniqueId``, and the rows a new call is stored as.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    insert,
    or_,
    select,
)
from sqlalchemy.exc import IntegrityError

from gongkit.db.rows import call_url, prepare
from gongkit.db.schema import (
    call_context_objects,
    call_parties,
    calls,
    crm_objects,
    users,
    workspaces,
)
from gongkit.kernel.clock import Clock
from gongkit.kernel.errors import Conflict, InvalidRequest
from gongkit.kernel.ids import MAX_ID, new_id, storable_ids
from gongkit.kernel.subjects import normalize_email, normalize_phone
from gongkit.server.groups.calls import fetch_jobs

# --- POST /v2/calls ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContextObject:
    system: str
    object_type: str
    object_id: str
    fields: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class NewParty:
    user_id: int | None = None
    name: str | None = None
    email_address: str | None = None
    phone_number: str | None = None
    party_id: str | None = None  # the client's reference, for the speakers timeline
    media_channel_id: int | None = None
    context: tuple[ContextObject, ...] = ()


@dataclass(frozen=True)
class SpeechSegment:
    from_ms: int
    to_ms: int
    party_ids: tuple[str, ...]


@dataclass(frozen=True)
class NewCall:
    """A validated ``NewCallAddingRequest`` (times already in epoch ms)."""

    client_unique_id: str
    actual_start_ms: int
    direction: str
    primary_user: int | None  # None: an id that cannot exist
    parties: tuple[NewParty, ...]
    title: str | None = None
    purpose: str | None = None
    scheduled_start_ms: int | None = None
    scheduled_end_ms: int | None = None
    duration: float | None = None
    disposition: str | None = None
    context: tuple[ContextObject, ...] = ()
    custom_data: str | None = None
    speech_segments: tuple[SpeechSegment, ...] | None = None
    meeting_url: str | None = None
    call_provider_code: str | None = None
    download_media_url: str | None = None
    workspace_id: int | None = None
    language_code: str | None = None


# ISO 639-1 -> ISO 639-2/B for the transcription languages Gong accepts (``languageCode``), so that the call's
# ``language`` reads as Gong writes it. Languages outside this table are left unset.
_LANGUAGE_2B = {
    "af": "afr",
    "am": "amh",
    "ar": "ara",
    "az": "aze",
    "bg": "bul",
    "bn": "ben",
    "bs": "bos",
    "ca": "cat",
    "cs": "cze",
    "da": "dan",
    "de": "ger",
    "el": "gre",
    "en": "eng",
    "es": "spa",
    "et": "est",
    "eu": "baq",
    "fa": "per",
    "fi": "fin",
    "fil": "fil",
    "fr": "fre",
    "gl": "glg",
    "gu": "guj",
    "he": "heb",
    "hi": "hin",
    "hr": "hrv",
    "hu": "hun",
    "hy": "arm",
    "id": "ind",
    "is": "ice",
    "it": "ita",
    "ja": "jpn",
    "jv": "jav",
    "ka": "geo",
    "kk": "kaz",
    "km": "khm",
    "kn": "kan",
    "ko": "kor",
    "lo": "lao",
    "lt": "lit",
    "lv": "lav",
    "mk": "mac",
    "ml": "mal",
    "mn": "mon",
    "mr": "mar",
    "ms": "may",
    "my": "bur",
    "ne": "nep",
    "nl": "dut",
    "no": "nor",
    "pa": "pan",
    "pl": "pol",
    "pt": "por",
    "ro": "rum",
    "ru": "rus",
    "si": "sin",
    "sk": "slo",
    "sl": "slv",
    "sq": "alb",
    "sr": "srp",
    "su": "sun",
    "sv": "swe",
    "sw": "swa",
    "ta": "tam",
    "te": "tel",
    "th": "tha",
    "tr": "tur",
    "uk": "ukr",
    "ur": "urd",
    "uz": "uzb",
    "vi": "vie",
    "yue": "chi",
    "zh": "chi",
    "zu": "zul",
}


def _existing_call_for(conn: Connection, company_id: int, client_unique_id: str) -> int | None:
    row = conn.execute(
        select(calls.c.id).where(calls.c.company_id == company_id, calls.c.client_unique_id == client_unique_id)
    ).first()
    return None if row is None else int(row[0])


def _duplicate(call_id: int) -> Conflict:
    return Conflict(f"A call with this clientUniqueId was already added: callId {call_id}")


def _affiliations(
    conn: Connection, company_id: int, primary_user: int, parties: Sequence[NewParty]
) -> tuple[list[int | None], list[str]]:
    """Resolve each party to a user (by userId, else by e-mail) and its affiliation.

    A party is Internal when it is a user, or when its address is in the domain of the primary user or of a user
    among the parties; External when it has another address or a phone number; Unknown otherwise.
    """
    emails = {e for p in parties if (e := normalize_email(p.email_address))}
    known_ids = {p.user_id for p in parties if p.user_id is not None} | {primary_user}
    rows = conn.execute(
        select(users.c.id, users.c.email_lower).where(
            users.c.company_id == company_id,
            or_(users.c.id.in_(storable_ids(known_ids)), users.c.email_lower.in_(sorted(emails))),
        )
    ).all()
    by_email: dict[str, int] = {}
    domains: set[str] = set()
    for uid, lower in rows:
        if lower in emails:
            by_email.setdefault(lower, int(uid))
        if uid in known_ids:
            domains.add(lower.rpartition("@")[2])
    user_ids: list[int | None] = []
    affiliation: list[str] = []
    for p in parties:
        email = normalize_email(p.email_address)
        uid = p.user_id if p.user_id is not None else (by_email.get(email) if email else None)
        user_ids.append(uid)
        if uid is not None or (email and email.rpartition("@")[2] in domains):
            affiliation.append("Internal")
        elif email or normalize_phone(p.phone_number):
            affiliation.append("External")
        else:
            affiliation.append("Unknown")
    return user_ids, affiliation


def _call_scope(affiliations: Sequence[str]) -> str:
    if "External" in affiliations:
        return "External"
    if affiliations and all(a == "Internal" for a in affiliations):
        return "Internal"
    return "Unknown"


def add_call(conn: Connection, clock: Clock, *, company_id: int, app_url: str, call: NewCall) -> int:
    """``POST /v2/calls``: store a new call and its parties and context; return its id.

    ``clientUniqueId`` is unique per company (a database constraint): a repeat, even a concurrent one, is a 409
    naming the call that holds it, and never a second call. A ``downloadMediaUrl`` schedules the fetch of the
    recording (:mod:`.fetch_jobs`), done in the background once the call is committed.
    """
    existing = _existing_call_for(conn, company_id, call.client_unique_id)
    if existing is not None:
        raise _duplicate(existing)

    company_users = {
        int(r[0])
        for r in conn.execute(
            select(users.c.id).where(
                users.c.company_id == company_id,
                users.c.id.in_(
                    storable_ids(
                        [*(p.user_id for p in call.parties if p.user_id is not None)]
                        + ([call.primary_user] if call.primary_user is not None else [])
                    )
                ),
            )
        )
    }
    if call.primary_user is None or call.primary_user not in company_users:
        raise InvalidRequest(f"primaryUser: {call.primary_user or 'the given id'} is not a user of this company")
    for i, p in enumerate(call.parties):
        if p.user_id is not None and p.user_id not in company_users:
            shown = p.user_id if p.user_id >= 0 else "the given id"
            raise InvalidRequest(f"parties[{i}].userId: {shown} is not a user of this company")
    if not any(p.user_id == call.primary_user for p in call.parties):
        raise InvalidRequest(
            "parties: a party must be provided for the primaryUser (a party whose userId is primaryUser)"
        )

    if call.workspace_id is not None:
        ws = conn.execute(
            select(workspaces.c.id).where(workspaces.c.company_id == company_id, workspaces.c.id == call.workspace_id)
        ).first()
        if ws is None:
            raise InvalidRequest(f"workspaceId: workspace {call.workspace_id} was not found")
        workspace_id: int | None = call.workspace_id
    else:
        default = conn.execute(
            select(workspaces.c.id)
            .where(workspaces.c.company_id == company_id)
            .order_by(workspaces.c.is_default.desc(), workspaces.c.id)
        ).first()
        workspace_id = None if default is None else int(default[0])

    if call.download_media_url is not None:
        used = conn.execute(
            select(calls.c.id).where(
                calls.c.company_id == company_id, calls.c.download_media_url == call.download_media_url
            )
        ).first()
        if used is not None:
            raise Conflict(f"downloadMediaUrl: this URL was already used for callId {used[0]}; it must be unique")

    talk_ms: dict[str, int] = {}
    if call.speech_segments is not None:
        known = {p.party_id for p in call.parties if p.party_id}
        for i, seg in enumerate(call.speech_segments):
            for pid in seg.party_ids:
                if pid not in known:
                    raise InvalidRequest(
                        f"speakersTimeline.speechSegments[{i}].partyIds: '{pid}' is not the partyId of any party"
                    )
                talk_ms[pid] = talk_ms.get(pid, 0) + (seg.to_ms - seg.from_ms)

    user_ids, affiliations = _affiliations(conn, company_id, call.primary_user, call.parties)
    now = clock.now_ms()
    call_id = new_id()
    # Party ids are consecutive from one random id, so that their order is the order they were given in.
    first_party = new_id()
    if first_party + len(call.parties) > MAX_ID:
        first_party -= len(call.parties)
    party_rows = []
    context_rows = []
    speakers = []
    for i, p in enumerate(call.parties):
        party_id = first_party + i
        speaker_id = None
        if p.party_id and p.party_id in talk_ms:
            speaker_id = str(party_id)
            speaker: dict[str, Any] = {"id": str(party_id)}
            if user_ids[i] is not None:
                speaker["userId"] = str(user_ids[i])
            speaker["talkTime"] = talk_ms[p.party_id] / 1000
            speakers.append(speaker)
        crm_id = None
        for obj in p.context:
            if crm_id is None and obj.object_type in ("Lead", "Contact"):
                found = conn.execute(
                    select(crm_objects.c.id).where(
                        crm_objects.c.company_id == company_id,
                        crm_objects.c.object_type == obj.object_type,
                        crm_objects.c.external_id == obj.object_id,
                    )
                ).first()
                crm_id = None if found is None else int(found[0])
            context_rows.append(_context_row(call_id, company_id, party_id, obj))
        party_rows.append(
            {
                "id": party_id,
                "call_id": call_id,
                "company_id": company_id,
                "speaker_id": speaker_id,
                "user_id": user_ids[i],
                "name": p.name,
                "title": None,
                "email_address": p.email_address,
                "phone_number": p.phone_number,
                "affiliation": affiliations[i],
                "methods": ["Attendee"],
                "crm_object_id": crm_id,
                # speakersTimeline and mediaChannelId are mutually exclusive: the timeline wins.
                "media_channel_id": p.media_channel_id if call.speech_segments is None else None,
            }
        )
    context_rows.extend(_context_row(call_id, company_id, None, obj) for obj in call.context)

    language = None
    if call.language_code:
        language = _LANGUAGE_2B.get(call.language_code.split("-", 1)[0])
    values = {
        "id": call_id,
        "company_id": company_id,
        "workspace_id": workspace_id,
        "client_unique_id": call.client_unique_id,
        "url": call_url(app_url, call_id),
        "title": call.title,
        "scheduled_ms": call.scheduled_start_ms,
        "started_ms": call.actual_start_ms,
        # An uploaded call is not a web conference Gong recorded: it is listed by its actual start.
        "listed_ms": call.actual_start_ms,
        "duration": None if call.duration is None else round(call.duration),
        "primary_user_id": call.primary_user,
        "direction": call.direction,
        "system": call.call_provider_code,
        "scope": _call_scope(affiliations),
        "media": None,
        "language": language,
        "purpose": call.purpose,
        "meeting_url": call.meeting_url,
        "is_private": False,
        "custom_data": call.custom_data,
        "sdr_disposition": call.disposition,
        "call_provider_code": call.call_provider_code,
        "download_media_url": call.download_media_url,
        "status": "COMPLETED",
        "content": None,
        # What the speakers timeline tells: who spoke, for how long.
        "interaction": {"speakers": speakers} if speakers else None,
        "created_ms": now,
    }
    prepare("calls", values)
    try:
        with conn.begin_nested():
            conn.execute(insert(calls).values(**values))
    except IntegrityError:
        # A concurrent request with the same clientUniqueId won the race: answer as for any repeat.
        existing = _existing_call_for(conn, company_id, call.client_unique_id)
        if existing is None:
            raise
        raise _duplicate(existing) from None
    conn.execute(insert(call_parties), [prepare("call_parties", row) for row in party_rows])
    if context_rows:
        conn.execute(insert(call_context_objects), context_rows)
    if call.download_media_url is not None:
        fetch_jobs.schedule(conn, company_id=company_id, call_id=call_id, now_ms=now)
    return call_id


def _context_row(call_id: int, company_id: int, party_id: int | None, obj: ContextObject) -> dict[str, Any]:
    return {
        "call_id": call_id,
        "company_id": company_id,
        "party_id": party_id,
        "system": obj.system,
        "object_type": obj.object_type,
        "object_id": obj.object_id,
        "fields": obj.fields,
        "fields_at_call": obj.fields,  # as given when the call was added, i.e. at the time of the call
    }
