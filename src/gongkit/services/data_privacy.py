"""Data privacy: who a data subject is, where they are referenced, and Gong's two lookup answers.

A *subject* is an e-mail address or a phone number. Both are normalized the way the indexed twins in the
schema are (``*_lower``: trimmed, lower-cased; ``*_norm``: ``+`` and digits), so every lookup is an index
probe on ``(company_id, <twin>)`` and never a scan.

:func:`find_references` is the one definition of "everything that references the subject"; the lookups shape
it into Gong's ``EmailAddressReferences`` / ``PhoneNumberReferences`` and the erasure (``services.erasure``)
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
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from gongkit.clock import ms_to_iso
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
from gongkit.errors import InvalidRequest

PERSON_TYPES = ("Lead", "Contact")
EMAIL = "email"
PHONE = "phone"
CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

# --- subjects --------------------------------------------------------------------------------------------

_LOCAL_RE = re.compile(r"[^\s@,;:<>()\[\]\"\\]{1,64}")
_LABEL_RE = re.compile(r"[^\s@.,;:<>()\[\]\"\\]+")
_NON_DIGIT = re.compile(r"\D")


def normalize_email(value: str, *, field_name: str = "emailAddress") -> str:
    """The address as the ``*_lower`` columns hold it (trimmed, lower-cased), or a 400 if it is not one.

    The message never repeats the value: error messages travel and get logged.
    """
    text = value.strip().lower()
    local, sep, domain = text.rpartition("@")
    labels = domain.split(".")
    if (
        not sep
        or len(text) > 320
        or not _LOCAL_RE.fullmatch(local)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or len(labels) < 2
        or not all(_LABEL_RE.fullmatch(label) for label in labels)
    ):
        raise InvalidRequest(f"{field_name}: not a valid e-mail address (expected name@domain.tld)")
    return text


def normalize_phone(value: str, *, field_name: str = "phoneNumber") -> str:
    """``+`` and the digits (``+1 (425) 555-2671`` → ``+14255552671``), or a 400.

    As Gong documents: the number must start with ``+`` and a country code; every other non-digit is ignored.
    """
    text = value.strip()
    if not text.startswith("+"):
        raise InvalidRequest(
            f"{field_name}: must start with '+' and the country code, e.g. +14255552671 (URL-encode '+' as %2B)"
        )
    digits = _NON_DIGIT.sub("", text)
    if not 7 <= len(digits) <= 15:
        raise InvalidRequest(f"{field_name}: a phone number has 7 to 15 digits, country code included")
    return "+" + digits


def norm_phone_column(value: str | None) -> str | None:
    """The ``*_norm`` twin of a stored phone number: ``+`` and digits only (``None`` if nothing is left)."""
    if value is None:
        return None
    out = re.sub(r"[^+\d]", "", value)
    return out or None


def lower_email_column(value: str | None) -> str | None:
    """The ``*_lower`` twin of a stored address."""
    return value.strip().lower() if value is not None else None


def normalize(kind: str, value: str) -> str:
    if kind == EMAIL:
        return normalize_email(value)
    if kind == PHONE:
        return normalize_phone(value)
    raise ValueError(f"unknown subject kind {kind!r}")


def describe_invalid(kind: str, value: str) -> list[str]:
    """The 400 messages for an invalid subject (empty if it is valid)."""
    try:
        normalize(kind, value)
    except InvalidRequest as exc:
        return exc.messages
    return []


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
    organized_meeting_ids: list[str] = field(default_factory=list)
    invitee_ids: list[int] = field(default_factory=list)  # meeting_invitees rows of meetings organized by others
    invited_meeting_ids: list[str] = field(default_factory=list)
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


def _in_chunks(conn: Connection, stmt_for: Any, values: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for batch in chunks(values):
        out.extend(conn.execute(stmt_for(batch)).all())
    return out


def crm_people_by_phone(conn: Connection, company_id: int, phone: str) -> list[Any]:
    """Leads/Contacts whose phone or mobile phone is ``phone`` (normalized), two index probes."""
    rows: dict[int, Any] = {}
    for col in (crm_objects.c.phone_norm, crm_objects.c.mobile_norm):
        for r in conn.execute(
            select(
                crm_objects.c.id,
                crm_objects.c.email_address,
                crm_objects.c.phone_number,
                crm_objects.c.phone_norm,
                crm_objects.c.mobile_phone_number,
                crm_objects.c.mobile_norm,
            ).where(crm_objects.c.company_id == company_id, col == phone, crm_objects.c.object_type.in_(PERSON_TYPES))
        ):
            rows[r.id] = r
    return [rows[k] for k in sorted(rows)]


def person_for_phone(conn: Connection, company_id: int, phone: str) -> Person:
    return _phone_person(crm_people_by_phone(conn, company_id, phone), phone)


def _phone_person(found: Sequence[Any], phone: str) -> Person:
    addresses = {r.email_address.strip().lower() for r in found if r.email_address and r.email_address.strip()}
    return Person(frozenset(addresses), phone, crm_by_email=False)


def find_references(conn: Connection, company_id: int, person: Person) -> References:
    """Every row of ``company_id`` that references ``person``; index probes only."""
    addrs = sorted(person.emails)
    c = company_id
    refs = References()

    crm: set[int] = set()
    if addrs and person.crm_by_email:
        crm.update(
            r.id
            for r in _in_chunks(
                conn,
                lambda b: select(crm_objects.c.id).where(
                    crm_objects.c.company_id == c,
                    crm_objects.c.email_lower.in_(b),
                    crm_objects.c.object_type.in_(PERSON_TYPES),
                ),
                addrs,
            )
        )
    if person.phone:
        crm.update(r.id for r in crm_people_by_phone(conn, c, person.phone))
    refs.crm_ids = sorted(crm)

    call_ids: set[int] = set()
    if addrs:
        call_ids.update(
            r.call_id
            for r in _in_chunks(
                conn,
                lambda b: select(call_parties.c.call_id).where(
                    call_parties.c.company_id == c, call_parties.c.email_lower.in_(b)
                ),
                addrs,
            )
        )
    if person.phone:
        call_ids.update(
            conn.execute(
                select(call_parties.c.call_id).where(
                    call_parties.c.company_id == c, call_parties.c.phone_norm == person.phone
                )
            ).scalars()
        )
    if crm:
        call_ids.update(
            r.call_id
            for r in _in_chunks(
                conn,
                lambda b: select(call_parties.c.call_id).where(
                    call_parties.c.company_id == c, call_parties.c.crm_object_id.in_(b)
                ),
                refs.crm_ids,
            )
        )
    refs.call_ids = sorted(call_ids)

    if addrs:
        mail: set[str] = {
            r.id
            for r in _in_chunks(
                conn, lambda b: select(emails.c.id).where(emails.c.company_id == c, emails.c.from_lower.in_(b)), addrs
            )
        }
        mail.update(
            r.email_id
            for r in _in_chunks(
                conn,
                lambda b: select(email_recipients.c.email_id).where(
                    email_recipients.c.company_id == c, email_recipients.c.address_lower.in_(b)
                ),
                addrs,
            )
        )
        refs.email_ids = sorted(mail)

        organized = {
            r.id
            for r in _in_chunks(
                conn,
                lambda b: select(meetings.c.id).where(meetings.c.company_id == c, meetings.c.organizer_lower.in_(b)),
                addrs,
            )
        }
        refs.organized_meeting_ids = sorted(organized)
        invited = _in_chunks(
            conn,
            lambda b: select(meeting_invitees.c.id, meeting_invitees.c.meeting_id).where(
                meeting_invitees.c.company_id == c, meeting_invitees.c.email_lower.in_(b)
            ),
            addrs,
        )
        # Invitee rows of meetings the person organized go with the meeting.
        refs.invitee_ids = sorted(r.id for r in invited if r.meeting_id not in organized)
        refs.invited_meeting_ids = sorted({r.meeting_id for r in invited} - organized)

    events: set[int] = set()
    if addrs:
        events.update(
            r.id
            for r in _in_chunks(
                conn,
                lambda b: select(engagement_events.c.id).where(
                    engagement_events.c.company_id == c, engagement_events.c.person_email_lower.in_(b)
                ),
                addrs,
            )
        )
    if person.phone:
        events.update(
            conn.execute(
                select(engagement_events.c.id).where(
                    engagement_events.c.company_id == c, engagement_events.c.person_phone_norm == person.phone
                )
            ).scalars()
        )
    refs.engagement_ids = sorted(events)
    return refs


# --- Gong's answers --------------------------------------------------------------------------------------


def _without_none(d: dict[str, Any]) -> dict[str, Any]:
    # Gong's schemas declare these fields as plain strings: an absent value is left out, never null.
    return {k: v for k, v in d.items() if v is not None}


def _email_messages(conn: Connection, company_id: int, ids: Sequence[str]) -> list[dict[str, Any]]:
    rows = _in_chunks(
        conn,
        lambda b: select(
            emails.c.id, emails.c.from_address, emails.c.sent_ms, emails.c.mailbox, emails.c.message_hash
        ).where(emails.c.company_id == company_id, emails.c.id.in_(b)),
        ids,
    )
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


def _call_references(conn: Connection, company_id: int, ids: Sequence[int]) -> list[dict[str, Any]]:
    rows = _in_chunks(
        conn,
        lambda b: select(calls.c.id, calls.c.status, calls.c.started_ms).where(
            calls.c.company_id == company_id, calls.c.id.in_(b)
        ),
        ids,
    )
    rows.sort(key=lambda r: (r.started_ms, r.id))
    links: dict[int, dict[str, list[dict[str, str]]]] = {}
    for r in _in_chunks(
        conn,
        lambda b: (
            select(
                call_external_objects.c.call_id,
                call_external_objects.c.system,
                call_external_objects.c.object_type,
                call_external_objects.c.external_id,
            )
            .where(call_external_objects.c.company_id == company_id, call_external_objects.c.call_id.in_(b))
            .order_by(call_external_objects.c.id)
        ),
        ids,
    ):
        links.setdefault(r.call_id, {}).setdefault(r.system, []).append(
            {"objectType": r.object_type, "externalId": r.external_id}
        )
    return [
        {
            "id": str(r.id),
            "status": r.status,
            "externalSystems": [
                {"system": system, "objects": objects} for system, objects in links.get(r.id, {}).items()
            ],
        }
        for r in rows
    ]


def _customer_data(conn: Connection, company_id: int, ids: Sequence[int]) -> list[dict[str, Any]]:
    rows = _in_chunks(
        conn,
        lambda b: select(
            crm_objects.c.id,
            crm_objects.c.system,
            crm_objects.c.object_type,
            crm_objects.c.external_id,
            crm_objects.c.mirror_id,
            crm_objects.c.fields,
        ).where(crm_objects.c.company_id == company_id, crm_objects.c.id.in_(b)),
        ids,
    )
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


def _engagement(conn: Connection, company_id: int, ids: Sequence[int]) -> list[dict[str, Any]]:
    e = engagement_events.c
    rows = _in_chunks(
        conn,
        lambda b: select(
            e.id,
            e.event_type,
            e.timestamp_ms,
            e.content_id,
            e.content_url,
            e.reporting_system,
            e.event_name,
            e.source_event_id,
        ).where(e.company_id == company_id, e.id.in_(b)),
        ids,
    )
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
        "meetings": [{"id": m} for m in sorted({*refs.organized_meeting_ids, *refs.invited_meeting_ids})],
        "customerData": _customer_data(conn, company_id, refs.crm_ids),
    }


def references_for_email(conn: Connection, company_id: int, email_address: str) -> dict[str, Any]:
    """Gong's ``EmailAddressReferences`` (without ``requestId``) for one address of one company."""
    address = normalize_email(email_address)
    refs = find_references(conn, company_id, Person(frozenset({address})))
    return {
        **_common(conn, company_id, refs),
        "customerEngagement": _engagement(conn, company_id, refs.engagement_ids),
    }


def references_for_phone(conn: Connection, company_id: int, phone_number: str) -> dict[str, Any]:
    """Gong's ``PhoneNumberReferences`` (without ``requestId``): the Leads/Contacts with the number as phone or
    mobile phone, the numbers as stored, their addresses, and their calls, e-mails, meetings and CRM data."""
    phone = normalize_phone(phone_number)
    found = crm_people_by_phone(conn, company_id, phone)
    refs = find_references(conn, company_id, _phone_person(found, phone))
    stored: list[str] = []
    for r in found:
        if r.phone_norm == phone and r.phone_number:
            stored.append(r.phone_number)
        if r.mobile_norm == phone and r.mobile_phone_number:
            stored.append(r.mobile_phone_number)
    stored.extend(
        conn.execute(
            select(call_parties.c.phone_number)
            .where(
                call_parties.c.company_id == company_id,
                call_parties.c.phone_norm == phone,
                call_parties.c.phone_number.is_not(None),
            )
            .distinct()
        ).scalars()
    )
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
