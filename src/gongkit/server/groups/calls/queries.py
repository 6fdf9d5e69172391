"""Calls: listing, reading one, detailed data (``/v2/calls/extensive``) and transcripts.

Everything answered comes from stored state. Wire names are Gong's; ids go out as strings; instants as ISO-8601
UTC. A block of ``/v2/calls/extensive`` appears only when it was asked for *and* its data is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    LargeBinary,
    Row,
    Select,
    bindparam,
    cast,
    exists,
    func,
    literal_column,
    select,
    tuple_,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.elements import ColumnElement

from gongkit.db.paging import CompiledStatement, CompiledStatements, PageQuery, paginate, paginate_compiled
from gongkit.db.rows import BASIC_COLUMNS, basic_data, render_basic_json
from gongkit.db.schema import (
    call_comments,
    call_context_objects,
    call_media,
    call_parties,
    call_user_stats,
    calls,
    transcript_monologues,
)
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import NotFound
from gongkit.kernel.ids import storable_ids

NO_CALLS_IN_PERIOD = "No calls found for the specified period"
NO_CALLS_FOR_FILTERS = "No calls found corresponding to the provided filters"
CALL_NOT_FOUND = "Call ID was not found"

#: How long a media download URL stays valid (Gong: 8 hours).
MEDIA_URL_TTL_MS = 8 * 3600 * 1000


@dataclass(frozen=True)
class CallsPage:
    """One page of ``GET /v2/calls``: Gong's ``records`` block and each call's CallBasicData as UTF-8 JSON (None
    for a call stored without it: :func:`complete_calls_page` renders those)."""

    records: dict[str, Any]
    ids: list[int]
    calls_json: list[bytes | None]

    @property
    def complete(self) -> bool:
        return None not in self.calls_json


def _stored_json_bytes(dialect_name: str) -> ColumnElement[Any]:
    """The stored CallBasicData as the bytes of its UTF-8 text, so that a page is assembled without decoding it
    and encoding it again (60 KB a page): SQLite hands a BLOB over as it is; PostgreSQL encodes the text."""
    if dialect_name == "postgresql":
        return func.convert_to(calls.c.basic_json, literal_column("'UTF8'"))
    return cast(calls.c.basic_json, LargeBinary)


def _listing_statement(
    dialect_name: str, count: bool, after: bool, has_from: bool, has_to: bool, has_workspace: bool
) -> Select[Any]:
    """The page (or count) statement of one shape of ``GET /v2/calls``."""
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
    if count:
        return select(func.count()).select_from(calls).where(*cond)
    return (
        select(calls.c.listed_ms, calls.c.id, _stored_json_bytes(dialect_name))
        .where(*cond)
        .order_by(calls.c.listed_ms, calls.c.id)
        .limit(bindparam("limit"))
    )


_LISTING = CompiledStatements(_listing_statement)


def list_calls(
    dbapi_conn: Any,
    dialect: Dialect,
    page_query: PageQuery,
    *,
    company_id: int,
    from_ms: int | None,
    to_ms: int | None,
    workspace_id: int | None,
) -> CallsPage:
    """``GET /v2/calls``: calls whose listing time is in [from, to), by (listing time, id).

    A page is one range scan of the listing index, which covers the stored ``basic_json``; the statements are
    compiled once and run on the driver's connection (``dbapi_conn``), as this is the hottest read there is.
    """
    params = {"company_id": company_id, "from_ms": from_ms, "to_ms": to_ms, "workspace_id": workspace_id}
    shape = (from_ms is not None, to_ms is not None, workspace_id is not None)

    def statements(after: bool) -> tuple[CompiledStatement, CompiledStatement]:
        return (
            _LISTING.get(dialect, dialect.name, False, after, *shape),
            _LISTING.get(dialect, dialect.name, True, after, *shape),
        )

    page = paginate_compiled(dbapi_conn, statements, params, 2, page_query)
    if not page.rows:
        raise NotFound(NO_CALLS_IN_PERIOD)
    return CallsPage(page.records(), [r[1] for r in page.rows], [r[2] for r in page.rows])


def complete_calls_page(conn: Connection, page: CallsPage) -> CallsPage:
    """``page`` with the CallBasicData of calls stored without it rendered from their columns (a store written
    before the column existed); a call deleted since the page was read is left out."""
    missing = [i for i, text in zip(page.ids, page.calls_json, strict=True) if text is None]
    rendered = {
        row["id"]: render_basic_json(row).encode()
        for row in conn.execute(select(*BASIC_COLUMNS).where(calls.c.id.in_(missing))).mappings()
    }
    ids: list[int] = []
    texts: list[bytes | None] = []
    for call_id, text in zip(page.ids, page.calls_json, strict=True):
        text = text if text is not None else rendered.get(call_id)
        if text is not None:
            ids.append(call_id)
            texts.append(text)
    return CallsPage(dict(page.records, currentPageSize=len(ids)), ids, texts)


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
    """One ``Party``: every field, ``null`` where there is no value; ``context`` when it was asked for and the
    party has some."""
    p: dict[str, Any] = {
        "id": str(r.id),
        "emailAddress": r.email_address,
        "name": r.name,
        "title": r.title,
        "userId": None if r.user_id is None else str(r.user_id),
        "speakerId": r.speaker_id,
    }
    if context:
        p["context"] = context
    p["affiliation"] = r.affiliation
    p["phoneNumber"] = r.phone_number
    p["methods"] = list(r.methods or [])
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
    # The stored content and interaction documents are read (and decoded) only when a block of theirs is asked.
    documents = [c for c, asked in ((calls.c.content, sel.content), (calls.c.interaction, sel.interaction)) if asked]
    stmt = flt.apply(select(*BASIC_COLUMNS, *documents), company_id, page_query)
    page = paginate(conn, stmt, [calls.c.started_ms, calls.c.id], page_query)
    if not page.rows:
        raise flt.not_found()
    ids = [r.id for r in page.rows]
    # The blocks are read by call id alone: the ids are the company's (the page is), and a company condition
    # beside them would lead SQLite to a (company_id, ...) index and a scan of every party of the company.

    call_context: dict[int, list[Row[Any]]] = {}
    party_context: dict[int, list[Row[Any]]] = {}
    if sel.context != "None":
        q = (
            select(call_context_objects)
            .where(call_context_objects.c.call_id.in_(ids))
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
        for r in conn.execute(select(call_parties).where(call_parties.c.call_id.in_(ids)).order_by(call_parties.c.id)):
            ctx = _context_blocks(party_context.get(r.id, ()), sel) if sel.context != "None" else None
            parties.setdefault(r.call_id, []).append(_party(r, ctx))

    host_stats: dict[int, list[dict[str, Any]]] = {}
    if "personInteractionStats" in sel.interaction:
        hosts = {r.id: r.primary_user_id for r in page.rows}
        # By call id alone (the page's calls are the company's): with company_id too, SQLite picks the
        # (company_id, user_id) index and reads every figure of the company.
        q2 = select(call_user_stats.c.call_id, call_user_stats.c.user_id, call_user_stats.c.stats).where(
            call_user_stats.c.call_id.in_(ids)
        )
        for r in conn.execute(q2):
            if hosts.get(r.call_id) == r.user_id and r.stats:
                host_stats[r.call_id] = list(r.stats)

    comments: dict[int, list[dict[str, Any]]] = {}
    if sel.public_comments:
        q3 = (
            select(call_comments)
            .where(call_comments.c.call_id.in_(ids))
            .order_by(call_comments.c.posted_ms, call_comments.c.id)
        )
        for r in conn.execute(q3):
            comments.setdefault(r.call_id, []).append(_comment(r))

    media: dict[int, dict[str, str]] = {}
    if sel.media and media_url is not None:
        q4 = (
            select(call_media.c.id, call_media.c.call_id, call_media.c.kind)
            .where(call_media.c.call_id.in_(ids))
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
        monologues.setdefault(call_id, []).append({"speakerId": speaker_id, "topic": topic, "sentences": sentences})
    return {
        "records": page.records(),
        "callTranscripts": [{"callId": str(i), "transcript": monologues.get(i, [])} for i in ids],
    }
