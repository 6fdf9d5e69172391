"""Data privacy: who a data subject is, where they are referenced, and Gong's two lookup answers.

A *subject* is an e-mail address or a phone number. Both are normalized the way the indexed twins in the
schema are (``*_lower``: trimmed, lower-cased; ``*_norm``: ``+`` and digits), so every lookup is an index
probe on ``(company_id, <twin>)`` and never a scan.

:func:`find_references` is the one definition of "everything that references the subject"; the lookups shape
it into Gong's ``EmailAddressReferences`` / ``PhoneNumberReferences`` and the erasure (:mod:`.erasure`)
deletes exactly it, so after an erasure the lookups come back empty.

What references a person (given their e-mail addresses, and for a phone subject their number):
- CRM Leads/Contacts with the address, or with the number as phone or mobile phone;
- calls where a party has the address or the number, or is linked (``crm_object_id``) to one of those
  Leads/Contacts: attendees, invitees and speakers are all parties;
- e-mail messages sent from the address or to it (to, cc or bcc);
- meetings organized by the address, and meetings inviting it (for those only the invitee row is theirs);
- engagement events whose person is the address or the number.

For a phone subject, the person's addresses are those of the matching Leads/Contacts.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    BindParameter,
    Connection,
    String,
    bindparam,
    cast,
    literal,
    null,
    or_,
    select,
    text,
    union,
)

from gongkit.db.schema import (
    call_external_objects,
    call_parties,
    calls,
    crm_objects,
    email_recipients,
    emails,
    engagement_events,
    meeting_invitees,
    meetings,
)
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.subjects import parse_email, parse_phone

PERSON_TYPES = ("Lead", "Contact")
CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

# --- subjects --------------------------------------------------------------------------------------------


def subject_hash(secret: bytes, kind: str, normalized: str) -> str:
    """What an audit record keeps of its subject: HMAC-SHA256 under the instance secret.

    Anyone holding the secret and a candidate subject can confirm it was erased; the record alone reveals
    nothing (a plain hash of a phone number is brute-forced in seconds, a keyed one is not).
    """
    return hmac.new(secret, f"{kind}:{normalized}".encode(), hashlib.sha256).hexdigest()


# --- references ------------------------------------------------------------------------------------------


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class Person:
    """Who is looked up or erased: their (lower-cased) addresses and, for a phone subject, the number."""

    emails: frozenset[str] = frozenset()
    phone: str | None = None
    # The Leads/Contacts of an address subject are those with the address; those of a phone subject are those
    # with the number (its addresses then lead to calls, e-mails, meetings and events, not to more CRM objects).
    crm_by_email: bool = True


@dataclass
class References:
    """Every row that references one person, by id (sorted lists, so answers are stable)."""

    crm_ids: list[int] = field(default_factory=list)
    call_ids: list[int] = field(default_factory=list)
    email_ids: list[str] = field(default_factory=list)
    organized_meeting_ids: list[int] = field(default_factory=list)
    invitee_ids: list[int] = field(default_factory=list)  # meeting_invitees rows of meetings organized by others
    invited_meeting_ids: list[int] = field(default_factory=list)
    engagement_ids: list[int] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Objects per kind (the integrity protection's vocabulary) and their total."""
        out = {
            "calls": len(self.call_ids),
            "emails": len(self.email_ids),
            "crmObjects": len(self.crm_ids),
            "meetings": len(self.organized_meeting_ids),
            "meetingInvitees": len(self.invitee_ids),
            "engagementEvents": len(self.engagement_ids),
        }
        out["total"] = sum(out.values())
        return out

    def empty(self) -> bool:
        return self.counts()["total"] == 0


# Statements are built once, with bound parameters: ``c`` (the company) and ``ids`` (a list): building and
# caching a statement per call would cost more than the index probes it runs.
_C = bindparam("c", type_=BigInteger)
_IDS: BindParameter[Any] = bindparam("ids", expanding=True)


def _rows(conn: Connection, stmt: Any, company_id: int, ids: Iterable[Any]) -> list[Any]:
    """``stmt`` (a read by primary key, ``id IN :ids``) run a chunk at a time, keeping the company's rows.

    The company is checked here rather than in SQL on purpose: next to ``id IN (...)`` a ``company_id = ?``
    term tempts a planner without fresh statistics into walking the company's index (every call of a
    million-call company) instead of probing the primary key.
    """
    out: list[Any] = []
    for batch in chunks(ids):
        out.extend(r for r in conn.execute(stmt, {"ids": batch}).all() if r.company_id == company_id)
    return out


_o = crm_objects.c
_PEOPLE_BY_PHONE = (
    select(_o.id, _o.email_address, _o.phone_number, _o.phone_norm, _o.mobile_phone_number, _o.mobile_norm)
    .where(_o.company_id == _C, or_(_o.phone_norm == bindparam("p"), _o.mobile_norm == bindparam("p")))
    .where(_o.object_type.in_(PERSON_TYPES))
    .order_by(_o.id)
)


def crm_people_by_phone(conn: Connection, company_id: int, phone: str) -> list[Any]:
    """Leads/Contacts whose phone or mobile phone is ``phone`` (normalized): two index probes in one statement."""
    return list(conn.execute(_PEOPLE_BY_PHONE, {"c": company_id, "p": phone}))


def person_for_phone(conn: Connection, company_id: int, phone: str) -> Person:
    return _phone_person(crm_people_by_phone(conn, company_id, phone), phone)


def _phone_person(found: Sequence[Any], phone: str) -> Person:
    addresses = {r.email_address.strip().lower() for r in found if r.email_address and r.email_address.strip()}
    return Person(frozenset(addresses), phone, crm_by_email=False)


def _tagged(kind: str, num: Any = None, txt: Any = None) -> list[Any]:
    """The three columns every branch of the references statement has: (kind, numeric id, text id)."""
    return [
        literal(kind, String).label("kind"),
        (num if num is not None else cast(null(), BigInteger)).label("num"),
        (cast(txt, String) if txt is not None else cast(null(), String)).label("txt"),
    ]


@cache
def references_statement(with_emails: bool, crm_by_email: bool, with_phone: bool) -> Any:
    """One statement (a UNION of index probes, each on ``company_id`` and an indexed twin) listing every row
    that references a person, tagged by kind; built once per shape. Parameters: ``c`` (the company), ``addrs``
    (the lower-cased addresses, a list) and ``p`` (the normalized number)."""
    addrs: BindParameter[Any] = bindparam("addrs", expanding=True)
    c, p = _C, bindparam("p", type_=String)
    o, cp, e, r, m, mi, ev = (
        crm_objects.c,
        call_parties.c,
        emails.c,
        email_recipients.c,
        meetings.c,
        meeting_invitees.c,
        engagement_events.c,
    )
    crm_match: list[Any] = []
    if with_emails and crm_by_email:
        crm_match.append(o.email_lower.in_(addrs))
    if with_phone:
        crm_match += [o.phone_norm == p, o.mobile_norm == p]
    parts: list[Any] = []
    if crm_match:
        crm_ids = select(o.id).where(o.company_id == c, o.object_type.in_(PERSON_TYPES), or_(*crm_match))
        parts.append(select(*_tagged("crm", o.id)).where(o.id.in_(crm_ids)))
        parts.append(select(*_tagged("call", cp.call_id)).where(cp.company_id == c, cp.crm_object_id.in_(crm_ids)))
    if with_emails:
        parts += [
            select(*_tagged("call", cp.call_id)).where(cp.company_id == c, cp.email_lower.in_(addrs)),
            select(*_tagged("email", txt=e.id)).where(e.company_id == c, e.from_lower.in_(addrs)),
            select(*_tagged("email", txt=r.email_id)).where(r.company_id == c, r.address_lower.in_(addrs)),
            select(*_tagged("meeting", m.id)).where(m.company_id == c, m.organizer_lower.in_(addrs)),
            select(*_tagged("invitee", mi.id, mi.meeting_id)).where(mi.company_id == c, mi.email_lower.in_(addrs)),
            select(*_tagged("event", ev.id)).where(ev.company_id == c, ev.person_email_lower.in_(addrs)),
        ]
    if with_phone:
        parts += [
            select(*_tagged("call", cp.call_id)).where(cp.company_id == c, cp.phone_norm == p),
            select(*_tagged("event", ev.id)).where(ev.company_id == c, ev.person_phone_norm == p),
        ]
    # UNION, not UNION ALL: a call found both by address and through the CRM link comes back once.
    return union(*parts) if parts else None


_NO_PARALLEL = text("SET LOCAL max_parallel_workers_per_gather = 0")


def find_references(conn: Connection, company_id: int, person: Person) -> References:
    """Every row of ``company_id`` that references ``person``: one statement of index probes."""
    addrs = sorted(person.emails)
    stmt = references_statement(bool(addrs), person.crm_by_email, bool(person.phone))
    refs = References()
    if stmt is None:
        return refs
    found: dict[str, set[Any]] = {"crm": set(), "call": set(), "email": set(), "meeting": set(), "event": set()}
    invited: list[tuple[int, int]] = []
    if conn.dialect.name == "postgresql":
        # A few index probes: starting parallel workers (which PostgreSQL plans when an address is on thousands
        # of rows) would cost more than the probes themselves. SET LOCAL ends with the transaction.
        conn.execute(_NO_PARALLEL)
    params: dict[str, Any] = {"c": company_id}
    if addrs:
        params["addrs"] = addrs
    if person.phone:
        params["p"] = person.phone
    for kind, num, txt in conn.execute(stmt, params).all():
        if kind == "invitee":
            invited.append((int(num), int(txt)))  # (invitee row, its meeting)
        else:
            found[kind].add(num if num is not None else txt)
    organized = found["meeting"]
    refs.crm_ids = sorted(found["crm"])
    refs.call_ids = sorted(found["call"])
    refs.email_ids = sorted(found["email"])
    refs.organized_meeting_ids = sorted(organized)
    # Invitee rows of meetings the person organized go with the meeting.
    refs.invitee_ids = sorted(i for i, mid in invited if mid not in organized)
    refs.invited_meeting_ids = sorted({mid for _, mid in invited} - organized)
    refs.engagement_ids = sorted(found["event"])
    return refs


# --- Gong's answers --------------------------------------------------------------------------------------


def _without_none(d: dict[str, Any]) -> dict[str, Any]:
    # Gong's schemas declare these fields as plain strings: an absent value is left out, never null.
    return {k: v for k, v in d.items() if v is not None}


_EMAIL_ROWS = select(
    emails.c.id, emails.c.company_id, emails.c.from_address, emails.c.sent_ms, emails.c.mailbox, emails.c.message_hash
).where(emails.c.id.in_(_IDS))


def _email_messages(conn: Connection, company_id: int, ids: Sequence[str]) -> list[dict[str, Any]]:
    rows = _rows(conn, _EMAIL_ROWS, company_id, ids)
    rows.sort(key=lambda r: (r.sent_ms, r.id))
    return [
        {
            "id": r.id,
            "from": r.from_address,
            "sentTime": ms_to_iso(r.sent_ms),
            "mailbox": r.mailbox,
            "messageHash": r.message_hash,
        }
        for r in rows
    ]


_k, _x = calls.c, call_external_objects.c
_CALL_ROWS = (  # each call with the external objects it was logged as (one row per link, or one without)
    select(
        _k.id, _k.company_id, _k.status, _k.started_ms, _x.system, _x.object_type, _x.external_id, _x.id.label("link")
    )
    .select_from(calls.outerjoin(call_external_objects, _x.call_id == _k.id))
    .where(_k.id.in_(_IDS))
)


def _call_references(conn: Connection, company_id: int, ids: Sequence[int]) -> list[dict[str, Any]]:
    rows = _rows(conn, _CALL_ROWS, company_id, ids)
    rows.sort(key=lambda r: (r.started_ms, r.id, r.link or 0))
    links: dict[int, dict[str, list[dict[str, str]]]] = {}  # call -> system -> objects, in stored order
    status: dict[int, str] = {}
    for r in rows:
        status[r.id] = r.status
        by_system = links.setdefault(r.id, {})
        if r.link is not None:
            by_system.setdefault(r.system, []).append({"objectType": r.object_type, "externalId": r.external_id})
    return [
        {
            "id": str(call_id),
            "status": status[call_id],
            "externalSystems": [{"system": sys, "objects": objs} for sys, objs in by_system.items()],
        }
        for call_id, by_system in links.items()
    ]


_CRM_ROWS = select(_o.id, _o.company_id, _o.system, _o.object_type, _o.external_id, _o.mirror_id, _o.fields).where(
    _o.id.in_(_IDS)
)


def _customer_data(conn: Connection, company_id: int, ids: Sequence[int]) -> list[dict[str, Any]]:
    rows = _rows(conn, _CRM_ROWS, company_id, ids)
    rows.sort(key=lambda r: (r.system, r.id))
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        grouped.setdefault(r.system, []).append(
            _without_none(
                {
                    "id": str(r.id),
                    "objectType": r.object_type,
                    "externalId": r.external_id,
                    "mirrorId": r.mirror_id,
                    "fields": [{"name": f.get("name"), "value": f.get("value")} for f in (r.fields or [])],
                }
            )
        )
    return [{"system": system, "objects": objects} for system, objects in grouped.items()]


_e = engagement_events.c
_EVENT_ROWS = select(
    _e.id,
    _e.company_id,
    _e.event_type,
    _e.timestamp_ms,
    _e.content_id,
    _e.content_url,
    _e.reporting_system,
    _e.event_name,
    _e.source_event_id,
).where(_e.id.in_(_IDS))


def _engagement(conn: Connection, company_id: int, ids: Sequence[int]) -> list[dict[str, Any]]:
    rows = _rows(conn, _EVENT_ROWS, company_id, ids)
    rows.sort(key=lambda r: (r.timestamp_ms, r.id))
    return [
        _without_none(
            {
                "eventType": r.event_type,
                "timestamp": ms_to_iso(r.timestamp_ms),
                "contentId": r.content_id,
                "contentUrl": r.content_url,
                "reportingSystem": r.reporting_system,
                "eventName": r.event_name,
                "sourceEventId": r.source_event_id,
            }
        )
        for r in rows
    ]


def _common(conn: Connection, company_id: int, refs: References) -> dict[str, Any]:
    return {
        "emails": _email_messages(conn, company_id, refs.email_ids),
        "calls": _call_references(conn, company_id, refs.call_ids),
        # The id a meeting was created with (POST /v2/meetings answers it; PUT/DELETE take it).
        "meetings": [{"id": str(m)} for m in sorted({*refs.organized_meeting_ids, *refs.invited_meeting_ids})],
        "customerData": _customer_data(conn, company_id, refs.crm_ids),
    }


def references_for_email(conn: Connection, company_id: int, email_address: str) -> dict[str, Any]:
    """Gong's ``EmailAddressReferences`` (without ``requestId``) for one address of one company."""
    address = parse_email(email_address)
    refs = find_references(conn, company_id, Person(frozenset({address})))
    return {
        **_common(conn, company_id, refs),
        "customerEngagement": _engagement(conn, company_id, refs.engagement_ids),
    }


_PARTY_NUMBERS = (  # how call parties with the number have it written
    select(call_parties.c.phone_number)
    .where(call_parties.c.company_id == _C, call_parties.c.phone_norm == bindparam("p", type_=String))
    .where(call_parties.c.phone_number.is_not(None))
    .distinct()
)


def references_for_phone(conn: Connection, company_id: int, phone_number: str) -> dict[str, Any]:
    """Gong's ``PhoneNumberReferences`` (without ``requestId``): the Leads/Contacts with the number as phone or
    mobile phone, the numbers as stored, their addresses, and their calls, e-mails, meetings and CRM data."""
    phone = parse_phone(phone_number)
    found = crm_people_by_phone(conn, company_id, phone)
    refs = find_references(conn, company_id, _phone_person(found, phone))
    stored: list[str] = []
    for r in found:
        if r.phone_norm == phone and r.phone_number:
            stored.append(r.phone_number)
        if r.mobile_norm == phone and r.mobile_phone_number:
            stored.append(r.mobile_phone_number)
    stored.extend(conn.execute(_PARTY_NUMBERS, {"c": company_id, "p": phone}).scalars())
    addresses: dict[str, str] = {}
    for r in found:
        if r.email_address and r.email_address.strip():
            addresses.setdefault(r.email_address.strip().lower(), r.email_address.strip())
    return {
        **_common(conn, company_id, refs),
        "suppliedPhoneNumber": phone_number.strip(),
        "matchingPhoneNumbers": sorted(set(stored)),
        "emailAddresses": sorted(addresses.values(), key=str.lower),
    }
