"""Calls: listing, reading, adding, detailed data, transcripts, recordings.

Everything answered comes from stored state. Wire names are Gong's; ids go out as strings; instants as ISO-8601
UTC. A block of ``/v2/calls/extensive`` appears only when it was asked for *and* its data is stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Row,
    RowMapping,
    Select,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.exc import IntegrityError

from gongkit.clock import Clock, ms_to_iso
from gongkit.db.schema import (
    call_comments,
    call_context_objects,
    call_media,
    call_parties,
    call_user_stats,
    calls,
    crm_objects,
    transcript_monologues,
    users,
    workspaces,
)
from gongkit.errors import Conflict, InvalidRequest, NotFound
from gongkit.ids import new_id
from gongkit.media import MediaStore
from gongkit.paging import PageQuery, paginate, paginate_prepared

MAX_ID = 2**63 - 1

NO_CALLS_IN_PERIOD = "No calls found for the specified period"
NO_CALLS_FOR_FILTERS = "No calls found corresponding to the provided filters"
CALL_NOT_FOUND = "Call ID was not found"

#: How long a media download URL stays valid (Gong: 8 hours).
MEDIA_URL_TTL_MS = 8 * 3600 * 1000


# --- normalization shared by every writer of parties, users and CRM objects --------------------------------


def normalize_email(value: str | None) -> str | None:
    """The ``*_lower`` twin of an e-mail address: trimmed, lower-cased (None when there is none)."""
    if value is None:
        return None
    text = value.strip().lower()
    return text or None


_NOT_PHONE = re.compile(r"[^+0-9]")


def normalize_phone(value: str | None) -> str | None:
    """The ``*_norm`` twin of a phone number: ``+`` and digits only (None when nothing is left)."""
    if value is None:
        return None
    text = _NOT_PHONE.sub("", value)
    return text or None


def call_url(app_url: str, call_id: int) -> str:
    """The call's page in the web application."""
    return f"{app_url.rstrip('/')}/call?id={call_id}"


def storable_ids(ids: Iterable[int]) -> list[int]:
    """Ids that can exist in storage (a 20-digit id above the BIGINT range matches nothing)."""
    return sorted({i for i in ids if 0 <= i <= MAX_ID})


# --- call metadata (CallBasicData) -------------------------------------------------------------------------

_DAY_MS = 86_400_000
_DAY_PREFIX: dict[int, str] = {}


def iso(ms: int) -> str:
    """Exactly ``ms_to_iso(ms)``, three times faster: the date part comes from ``ms_to_iso`` once per day.

    Listing pages format two instants per call; this keeps that cheap.
    """
    day, rem = divmod(ms, _DAY_MS)
    prefix = _DAY_PREFIX.get(day)
    if prefix is None:
        if len(_DAY_PREFIX) > 100_000:
            _DAY_PREFIX.clear()
        prefix = _DAY_PREFIX[day] = ms_to_iso(day * _DAY_MS)[:11]
    sec, milli = divmod(rem, 1000)
    hour, sec = divmod(sec, 3600)
    minute, sec = divmod(sec, 60)
    if milli:
        return f"{prefix}{hour:02d}:{minute:02d}:{sec:02d}.{milli:03d}Z"
    return f"{prefix}{hour:02d}:{minute:02d}:{sec:02d}Z"


BASIC_COLUMNS = (
    calls.c.id,
    calls.c.url,
    calls.c.title,
    calls.c.scheduled_ms,
    calls.c.started_ms,
    calls.c.duration,
    calls.c.primary_user_id,
    calls.c.direction,
    calls.c.system,
    calls.c.scope,
    calls.c.media,
    calls.c.language,
    calls.c.workspace_id,
    calls.c.sdr_disposition,
    calls.c.client_unique_id,
    calls.c.custom_data,
    calls.c.purpose,
    calls.c.meeting_url,
    calls.c.is_private,
    calls.c.calendar_event_id,
    calls.c.listed_ms,
)


def basic_data(row: Sequence[Any]) -> dict[str, Any]:
    """One call's ``CallBasicData`` from a row selected with ``BASIC_COLUMNS`` (fields without data are omitted)."""
    (
        cid,
        url,
        title,
        scheduled,
        started,
        duration,
        primary_user,
        direction,
        system,
        scope,
        media,
        language,
        workspace,
        sdr,
        unique_id,
        custom,
        purpose,
        meeting_url,
        private,
        calendar,
        _listed,
    ) = row[:21]
    d: dict[str, Any] = {"id": str(cid), "url": url}
    if title is not None:
        d["title"] = title
    started_iso = iso(started)
    if scheduled is not None:
        d["scheduled"] = started_iso if scheduled == started else iso(scheduled)
    d["started"] = started_iso
    if duration is not None:
        d["duration"] = duration
    if primary_user is not None:
        d["primaryUserId"] = str(primary_user)
    if direction is not None:
        d["direction"] = direction
    if system is not None:
        d["system"] = system
    if scope is not None:
        d["scope"] = scope
    if media is not None:
        d["media"] = media
    if language is not None:
        d["language"] = language
    if workspace is not None:
        d["workspaceId"] = str(workspace)
    if sdr is not None:
        d["sdrDisposition"] = sdr
    if unique_id is not None:
        d["clientUniqueId"] = unique_id
    if custom is not None:
        d["customData"] = custom
    if purpose is not None:
        d["purpose"] = purpose
    if meeting_url is not None:
        d["meetingUrl"] = meeting_url
    d["isPrivate"] = bool(private)
    if calendar is not None:
        d["calendarEventId"] = calendar
    return d


def render_basic_json(values: Mapping[str, Any] | RowMapping) -> str:
    """The ``basic_json`` column: a call's CallBasicData as JSON, from its column values (by column name).

    Every writer of ``calls`` stores it (insert, and update of any column of ``BASIC_COLUMNS``)."""
    return orjson.dumps(basic_data([values.get(c.name) for c in BASIC_COLUMNS])).decode()


def refresh_basic_json(conn: Connection, call_id: int) -> None:
    """Re-render a call's ``basic_json`` after its columns changed."""
    row = conn.execute(select(*BASIC_COLUMNS).where(calls.c.id == call_id)).mappings().one()
    conn.execute(update(calls).where(calls.c.id == call_id).values(basic_json=render_basic_json(row)))


@dataclass(frozen=True)
class CallsPage:
    """One page of ``GET /v2/calls``: Gong's ``records`` block and each call's CallBasicData as JSON text."""

    records: dict[str, Any]
    calls_json: list[str]


@cache
def _listing_statements(
    after: bool, has_from: bool, has_to: bool, has_workspace: bool
) -> tuple[Select[Any], Select[Any]]:
    """The (page, count) statements of one shape of ``GET /v2/calls``, built once."""
    cond = [calls.c.company_id == bindparam("company_id")]
    if has_from and not after:
        # On later pages the cursor's key (>= fromDateTime, as the cursor is bound to the query) is the lower
        # bound: a second one would make SQLite scan the index from fromDateTime on every page.
        cond.append(calls.c.listed_ms >= bindparam("from_ms"))
    if has_to:
        cond.append(calls.c.listed_ms < bindparam("to_ms"))
    if has_workspace:
        cond.append(calls.c.workspace_id == bindparam("workspace_id"))
    if after:
        cond.append(tuple_(calls.c.listed_ms, calls.c.id) > tuple_(bindparam("after_0"), bindparam("after_1")))
    page = (
        select(calls.c.listed_ms, calls.c.id, calls.c.basic_json)
        .where(*cond)
        .order_by(calls.c.listed_ms, calls.c.id)
        .limit(bindparam("limit"))
    )
    return page, select(func.count()).select_from(calls).where(*cond)


def list_calls(
    conn: Connection,
    page_query: PageQuery,
    *,
    company_id: int,
    from_ms: int | None,
    to_ms: int | None,
    workspace_id: int | None,
) -> CallsPage:
    """``GET /v2/calls``: calls whose listing time is in [from, to), by (listing time, id).

    A page is one range scan of the listing index, which covers the stored ``basic_json``; a call stored
    without it (written before it existed) is rendered from its columns.
    """
    params = {"company_id": company_id, "from_ms": from_ms, "to_ms": to_ms, "workspace_id": workspace_id}
    variant = (from_ms is not None, to_ms is not None, workspace_id is not None)
    page = paginate_prepared(
        conn, lambda after: _listing_statements(after, *variant), params, ("listed_ms", "id"), page_query
    )
    if not page.rows:
        raise NotFound(NO_CALLS_IN_PERIOD)
    missing = [r.id for r in page.rows if r.basic_json is None]
    rendered: dict[int, str] = {}
    if missing:
        for row in conn.execute(select(*BASIC_COLUMNS).where(calls.c.id.in_(missing))).mappings():
            rendered[row["id"]] = render_basic_json(row)
    return CallsPage(page.records(), [r.basic_json or rendered[r.id] for r in page.rows])


def get_call(conn: Connection, *, company_id: int, call_id: int | None) -> dict[str, Any]:
    """``GET /v2/calls/{id}``."""
    row = None
    if call_id is not None:
        row = conn.execute(
            select(*BASIC_COLUMNS).where(calls.c.company_id == company_id, calls.c.id == call_id)
        ).first()
    if row is None:
        raise NotFound(CALL_NOT_FOUND)
    return {"call": basic_data(row)}


# --- filters shared by /v2/calls/extensive and /v2/calls/transcript -----------------------------------------


@dataclass(frozen=True)
class CallFilter:
    """Filter of the POST call listings; the dates apply to the call's actual start, [from, to)."""

    from_ms: int | None = None
    to_ms: int | None = None
    workspace_id: int | None = None
    call_ids: tuple[int, ...] | None = None  # None: not filtered
    primary_user_ids: tuple[int, ...] | None = None

    @property
    def by_ids(self) -> bool:
        return self.call_ids is not None or self.primary_user_ids is not None

    def not_found(self) -> NotFound:
        return NotFound(NO_CALLS_FOR_FILTERS if self.by_ids else NO_CALLS_IN_PERIOD)

    def apply(self, stmt: Any, company_id: int, page_query: PageQuery) -> Any:
        stmt = stmt.where(calls.c.company_id == company_id)
        if self.from_ms is not None and page_query.cursor is None:  # later pages: the cursor is the lower bound
            stmt = stmt.where(calls.c.started_ms >= self.from_ms)
        if self.to_ms is not None:
            stmt = stmt.where(calls.c.started_ms < self.to_ms)
        if self.workspace_id is not None:
            stmt = stmt.where(calls.c.workspace_id == self.workspace_id)
        if self.call_ids is not None:
            stmt = stmt.where(calls.c.id.in_(storable_ids(self.call_ids)))
        if self.primary_user_ids is not None:
            stmt = stmt.where(calls.c.primary_user_id.in_(storable_ids(self.primary_user_ids)))
        return stmt


# --- /v2/calls/extensive -----------------------------------------------------------------------------------

CONTENT_FIELDS = (
    "structure",
    "topics",
    "trackers",
    "trackerOccurrences",
    "pointsOfInterest",
    "brief",
    "outline",
    "highlights",
    "callOutcome",
    "keyPoints",
)
INTERACTION_FIELDS = ("speakers", "video", "personInteractionStats", "questions")


@dataclass(frozen=True)
class Selection:
    """What ``contentSelector`` asks for."""

    context: str = "None"  # None | Basic | Extended
    timing: tuple[str, ...] = ("Now",)  # used with Extended only
    parties: bool = False
    content: frozenset[str] = field(default_factory=frozenset)  # CONTENT_FIELDS that are true
    interaction: frozenset[str] = field(default_factory=frozenset)  # INTERACTION_FIELDS that are true
    public_comments: bool = False
    media: bool = False


def _context_blocks(rows: Iterable[Row[Any]], sel: Selection) -> list[dict[str, Any]]:
    """Context objects grouped by system: links (Basic), or links with their fields per timing (Extended)."""
    by_system: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        objects = by_system.setdefault(r.system, [])
        if sel.context == "Basic":
            objects.append({"objectType": r.object_type, "objectId": r.object_id, "timing": "Now"})
            continue
        for timing in sel.timing:
            fields = r.fields if timing == "Now" else r.fields_at_call
            if fields is None:  # not known as of that time: not invented
                continue
            objects.append({"objectType": r.object_type, "objectId": r.object_id, "fields": fields, "timing": timing})
    return [{"system": system, "objects": objects} for system, objects in by_system.items() if objects]


def _party(r: Row[Any], context: list[dict[str, Any]] | None) -> dict[str, Any]:
    p: dict[str, Any] = {"id": str(r.id)}
    if r.email_address is not None:
        p["emailAddress"] = r.email_address
    if r.name is not None:
        p["name"] = r.name
    if r.title is not None:
        p["title"] = r.title
    if r.user_id is not None:
        p["userId"] = str(r.user_id)
    if r.speaker_id is not None:
        p["speakerId"] = r.speaker_id
    if context:
        p["context"] = context
    p["affiliation"] = r.affiliation
    if r.phone_number is not None:
        p["phoneNumber"] = r.phone_number
    if r.methods:
        p["methods"] = list(r.methods)
    return p


def _without_occurrences(trackers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for t in trackers:
        t = {k: v for k, v in t.items() if k != "occurrences"}
        if isinstance(t.get("phrases"), list):
            t["phrases"] = [{k: v for k, v in p.items() if k != "occurrences"} for p in t["phrases"]]
        out.append(t)
    return out


def _content(stored: Any, sel: Selection) -> dict[str, Any]:
    if not isinstance(stored, dict):
        return {}
    out: dict[str, Any] = {}
    for key in CONTENT_FIELDS:
        if key in sel.content and key != "trackerOccurrences" and stored.get(key) is not None:
            out[key] = stored[key]
    if "trackers" in out and "trackerOccurrences" not in sel.content:
        out["trackers"] = _without_occurrences(out["trackers"])
    return out


def _interaction(stored: Any, host_stats: list[dict[str, Any]] | None, sel: Selection) -> dict[str, Any]:
    stored = stored if isinstance(stored, dict) else {}
    out: dict[str, Any] = {}
    for key in ("speakers", "video", "questions"):
        if key in sel.interaction and stored.get(key) is not None:
            out[key] = stored[key]
    if "personInteractionStats" in sel.interaction:
        stats = host_stats or stored.get("interactionStats")
        if stats:
            out["interactionStats"] = stats
    return out


def _comment(r: Row[Any]) -> dict[str, Any]:
    c: dict[str, Any] = {"id": str(r.id)}
    if r.audio_start_time is not None:
        c["audioStartTime"] = r.audio_start_time
    if r.audio_end_time is not None:
        c["audioEndTime"] = r.audio_end_time
    if r.commenter_user_id is not None:
        c["commenterUserId"] = str(r.commenter_user_id)
    c["comment"] = r.comment
    c["posted"] = ms_to_iso(r.posted_ms)
    if r.in_reply_to is not None:
        c["inReplyTo"] = str(r.in_reply_to)
    c["duringCall"] = bool(r.during_call)
    return c


def list_calls_extensive(
    conn: Connection,
    page_query: PageQuery,
    *,
    company_id: int,
    flt: CallFilter,
    sel: Selection,
    media_url: Callable[[int], str] | None = None,
) -> dict[str, Any]:
    """``POST /v2/calls/extensive``: one keyset page by (start, id), then one query per selected block."""
    stmt = flt.apply(select(*BASIC_COLUMNS, calls.c.content, calls.c.interaction), company_id, page_query)
    page = paginate(conn, stmt, [calls.c.started_ms, calls.c.id], page_query)
    if not page.rows:
        raise flt.not_found()
    ids = [r.id for r in page.rows]
    in_page = (call_parties.c.company_id == company_id, call_parties.c.call_id.in_(ids))

    call_context: dict[int, list[Row[Any]]] = {}
    party_context: dict[int, list[Row[Any]]] = {}
    if sel.context != "None":
        q = (
            select(call_context_objects)
            .where(call_context_objects.c.company_id == company_id, call_context_objects.c.call_id.in_(ids))
            .order_by(call_context_objects.c.id)
        )
        if not sel.parties:
            q = q.where(call_context_objects.c.party_id.is_(None))
        for r in conn.execute(q):
            if r.party_id is None:
                call_context.setdefault(r.call_id, []).append(r)
            else:
                party_context.setdefault(r.party_id, []).append(r)

    parties: dict[int, list[dict[str, Any]]] = {}
    if sel.parties:
        for r in conn.execute(select(call_parties).where(*in_page).order_by(call_parties.c.id)):
            ctx = _context_blocks(party_context.get(r.id, ()), sel) if sel.context != "None" else None
            parties.setdefault(r.call_id, []).append(_party(r, ctx))

    host_stats: dict[int, list[dict[str, Any]]] = {}
    if "personInteractionStats" in sel.interaction:
        hosts = {r.id: r.primary_user_id for r in page.rows}
        q2 = select(call_user_stats.c.call_id, call_user_stats.c.user_id, call_user_stats.c.stats).where(
            call_user_stats.c.company_id == company_id, call_user_stats.c.call_id.in_(ids)
        )
        for r in conn.execute(q2):
            if hosts.get(r.call_id) == r.user_id and r.stats:
                host_stats[r.call_id] = list(r.stats)

    comments: dict[int, list[dict[str, Any]]] = {}
    if sel.public_comments:
        q3 = (
            select(call_comments)
            .where(call_comments.c.company_id == company_id, call_comments.c.call_id.in_(ids))
            .order_by(call_comments.c.posted_ms, call_comments.c.id)
        )
        for r in conn.execute(q3):
            comments.setdefault(r.call_id, []).append(_comment(r))

    media: dict[int, dict[str, str]] = {}
    if sel.media and media_url is not None:
        q4 = (
            select(call_media.c.id, call_media.c.call_id, call_media.c.kind)
            .where(call_media.c.company_id == company_id, call_media.c.call_id.in_(ids))
            .order_by(call_media.c.id)
        )
        for r in conn.execute(q4):
            key = "videoUrl" if r.kind == "video" else "audioUrl"
            media.setdefault(r.call_id, {}).setdefault(key, media_url(r.id))

    out = []
    for r in page.rows:
        item: dict[str, Any] = {"metaData": basic_data(r)}
        if sel.context != "None":
            blocks = _context_blocks(call_context.get(r.id, ()), sel)
            if blocks:
                item["context"] = blocks
        if sel.parties and r.id in parties:
            item["parties"] = parties[r.id]
        if sel.content:
            content = _content(r.content, sel)
            if content:
                item["content"] = content
        if sel.interaction:
            inter = _interaction(r.interaction, host_stats.get(r.id), sel)
            if inter:
                item["interaction"] = inter
        if r.id in comments:
            item["collaboration"] = {"publicComments": comments[r.id]}
        if r.id in media:
            item["media"] = media[r.id]
        out.append(item)
    return {"records": page.records(), "calls": out}


# --- /v2/calls/transcript ----------------------------------------------------------------------------------


def get_transcripts(conn: Connection, page_query: PageQuery, *, company_id: int, flt: CallFilter) -> dict[str, Any]:
    """``POST /v2/calls/transcript``: transcripts of the matching calls that have one, by (start, id)."""
    has_transcript = exists().where(transcript_monologues.c.call_id == calls.c.id)
    stmt = flt.apply(select(calls.c.id, calls.c.started_ms), company_id, page_query).where(has_transcript)
    page = paginate(conn, stmt, [calls.c.started_ms, calls.c.id], page_query)
    if not page.rows:
        raise flt.not_found()
    ids = [r.id for r in page.rows]
    monologues: dict[int, list[dict[str, Any]]] = {}
    q = (
        select(
            transcript_monologues.c.call_id,
            transcript_monologues.c.speaker_id,
            transcript_monologues.c.topic,
            transcript_monologues.c.sentences,
        )
        .where(transcript_monologues.c.company_id == company_id, transcript_monologues.c.call_id.in_(ids))
        .order_by(transcript_monologues.c.call_id, transcript_monologues.c.seq)
    )
    for call_id, speaker_id, topic, sentences in conn.execute(q):
        mono: dict[str, Any] = {"speakerId": speaker_id}
        if topic is not None:
            mono["topic"] = topic
        mono["sentences"] = sentences
        monologues.setdefault(call_id, []).append(mono)
    return {
        "records": page.records(),
        "callTranscripts": [{"callId": str(i), "transcript": monologues.get(i, [])} for i in ids],
    }


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
    naming the call that holds it, and never a second call.
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
                "email_lower": normalize_email(p.email_address),
                "phone_number": p.phone_number,
                "phone_norm": normalize_phone(p.phone_number),
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
    values["basic_json"] = render_basic_json(values)
    try:
        with conn.begin_nested():
            conn.execute(insert(calls).values(**values))
    except IntegrityError:
        # A concurrent request with the same clientUniqueId won the race: answer as for any repeat.
        existing = _existing_call_for(conn, company_id, call.client_unique_id)
        if existing is None:
            raise
        raise _duplicate(existing) from None
    conn.execute(insert(call_parties), party_rows)
    if context_rows:
        conn.execute(insert(call_context_objects), context_rows)
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


# --- recordings ----------------------------------------------------------------------------------------------

MEDIA_EXTENSIONS = {"wav": "audio", "mp3": "audio", "flac": "audio", "mp4": "video", "mkv": "video"}
_CONTENT_TYPES = {
    "wav": "audio/wav",
    "mp3": "audio/mpeg",
    "flac": "audio/flac",
    "mp4": "video/mp4",
    "mkv": "video/x-matroska",
}


def media_kind(content_type: str | None, filename: str | None) -> str:
    """``audio`` or ``video`` for an upload, or a 400 when it is not a supported recording format."""
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    ext = (filename or "").rpartition(".")[2].lower() if filename and "." in filename else ""
    if ctype.startswith("audio/"):
        return "audio"
    if ctype.startswith("video/"):
        return "video"
    if ctype in ("application/octet-stream", "binary/octet-stream", "") and ext in MEDIA_EXTENSIONS:
        return MEDIA_EXTENSIONS[ext]
    raise InvalidRequest(
        "mediaFile: unsupported media type; send audio/* or video/* (WAV, MP3, MP4, MKV or FLAC), "
        "or application/octet-stream with a file name ending in one of those"
    )


@dataclass(frozen=True)
class RecordingAdded:
    """The answer, the file just stored, and the files of the recording it replaced (delete them after commit)."""

    body: dict[str, Any]
    stored_key: str
    replaced_keys: tuple[str, ...]


def add_recording(
    conn: Connection,
    clock: Clock,
    store: MediaStore,
    *,
    company_id: int,
    call_id: int | None,
    data: bytes,
    content_type: str | None,
    filename: str | None,
) -> RecordingAdded:
    """``PUT /v2/calls/{id}/media``: store the recording of a call added through the API.

    A second upload for the same call replaces the first (so a retry after a lost answer succeeds). A call
    added with a ``downloadMediaUrl`` takes no upload, as Gong documents. The caller deletes
    ``stored_key`` if its transaction does not commit, and ``replaced_keys`` once it has.
    """
    row = None
    if call_id is not None:
        row = conn.execute(
            select(calls.c.id, calls.c.url, calls.c.download_media_url).where(
                calls.c.company_id == company_id, calls.c.id == call_id
            )
        ).first()
    if row is None or call_id is None:
        raise InvalidRequest(f"id: {CALL_NOT_FOUND}")
    if row.download_media_url is not None:
        raise InvalidRequest(f"id: call {call_id} was added with a downloadMediaUrl, so its media is not uploaded")
    if not data:
        raise InvalidRequest("mediaFile: the file is empty")
    kind = media_kind(content_type, filename)
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if not ctype.startswith(("audio/", "video/")):
        ctype = _CONTENT_TYPES[(filename or "").rpartition(".")[2].lower()]
    old = conn.execute(
        select(call_media.c.id, call_media.c.storage_key).where(
            call_media.c.company_id == company_id, call_media.c.call_id == call_id
        )
    ).all()
    media_id = new_id()
    key = store.put(company_id, call_id, media_id, data)
    try:
        if old:
            conn.execute(delete(call_media).where(call_media.c.id.in_([o.id for o in old])))
        conn.execute(
            insert(call_media).values(
                id=media_id,
                call_id=call_id,
                company_id=company_id,
                kind=kind,
                storage_key=key,
                content_type=ctype,
                size=len(data),
                created_ms=clock.now_ms(),
            )
        )
        conn.execute(update(calls).where(calls.c.id == call_id).values(media="Video" if kind == "video" else "Audio"))
        refresh_basic_json(conn, call_id)
    except Exception:
        store.delete(key)
        raise
    return RecordingAdded(
        body={"callId": str(call_id), "url": row.url},
        stored_key=key,
        replaced_keys=tuple(o.storage_key for o in old),
    )


def _media_key(secret: bytes) -> bytes:
    return hashlib.sha256(b"gongkit-media-url:" + secret).digest()


def media_token(secret: bytes, company_id: int, media_id: int, expires_ms: int) -> str:
    """A signed, expiring reference to one stored recording."""
    body = base64.urlsafe_b64encode(orjson.dumps([company_id, media_id, expires_ms])).rstrip(b"=")
    sig = base64.urlsafe_b64encode(hmac.new(_media_key(secret), body, hashlib.sha256).digest()[:18])
    return (body + b"." + sig).decode()


def media_url_signer(secret: bytes, app_url: str, company_id: int, now_ms: int) -> Callable[[int], str]:
    """Makes download URLs for one company's recordings, valid for 8 hours from ``now_ms``."""
    expires = now_ms + MEDIA_URL_TTL_MS
    base = app_url.rstrip("/")

    def sign(media_id: int) -> str:
        return f"{base}/media/{media_token(secret, company_id, media_id, expires)}"

    return sign


@dataclass(frozen=True)
class MediaFile:
    storage_key: str
    content_type: str
    size: int


class MediaLinkInvalid(Exception):
    """A media link that was forged, altered or has expired (the message says which)."""


def verify_media_token(secret: bytes, token: str, now_ms: int) -> tuple[int, int]:
    """(company id, media id) of a valid token; raises :class:`MediaLinkInvalid` otherwise."""
    try:
        body, sig = token.encode().split(b".", 1)
        expected = base64.urlsafe_b64encode(hmac.new(_media_key(secret), body, hashlib.sha256).digest()[:18])
        if not hmac.compare_digest(sig, expected):
            raise ValueError("signature")
        company_id, media_id, expires = orjson.loads(base64.urlsafe_b64decode(body + b"=" * (-len(body) % 4)))
    except (ValueError, TypeError, UnicodeError, orjson.JSONDecodeError):
        raise MediaLinkInvalid("This media link is not valid") from None
    if int(expires) <= now_ms:
        raise MediaLinkInvalid("This media link has expired (links are valid for 8 hours)")
    return int(company_id), int(media_id)


def find_media(conn: Connection, company_id: int, media_id: int) -> MediaFile | None:
    row = conn.execute(
        select(call_media.c.storage_key, call_media.c.content_type, call_media.c.size).where(
            call_media.c.company_id == company_id, call_media.c.id == media_id
        )
    ).first()
    return None if row is None else MediaFile(row.storage_key, row.content_type, int(row.size))
