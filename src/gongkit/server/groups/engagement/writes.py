"""Engagement events: storing what a system reports, once.

Each report becomes one row per external person it concerns (``engagement_events``, see the schema): the viewer,
the actor, each recipient and non-company participant, or the person of a digital interaction; a report naming
nobody is one row without a person. The data-privacy lookup reports these rows as ``customerEngagement`` and the
erasure removes a person's rows (what other rows say of the person is redacted from their payload).

A report that repeats an earlier one (same event type, reporting system and ``eventId``) is a 409, Gong's "Event
was already reported in the past". Reports without an ``eventId`` (optional on the legacy events) cannot be told
apart and are all kept.

The legacy events answer Gong's ``RegisterGenericCrmResponse``: its ``integrationId`` is the company's
integration for the reporting system, a stable id derived from the company and the system's name (the same system
always gets the same id).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from gongkit.db.rows import engagement_dedupe_key, prepare
from gongkit.db.schema import engagement_events, workspaces
from gongkit.kernel.errors import Conflict, InvalidRequest
from gongkit.kernel.ids import new_id

CUSTOM_EVENT = "customEvent"
CONTENT_SHARED = "contentShared"
CONTENT_VIEWED = "contentViewed"
DIGITAL_INTERACTION = "digitalInteraction"


@dataclass(frozen=True)
class Person:
    """One external person an event concerns, and what they are to it."""

    role: str  # viewer | actor | recipient | participant | person
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Event:
    """One reported event, as stored (``payload``: the report as given, without empty fields)."""

    event_type: str
    timestamp_ms: int
    reporting_system: str | None
    event_id: str | None
    content_id: str | None
    content_url: str | None
    event_name: str | None
    people: Sequence[Person]
    payload: dict[str, Any]
    workspace_id: int | None = None


def integration_id(company_id: int, reporting_system: str) -> int:
    """The company's integration id for a reporting system: stable, 19 digits, below 2**63."""
    digest = hashlib.sha256(f"{company_id}:engagement:{reporting_system}".encode()).digest()
    return 10**18 + int.from_bytes(digest[:8], "big") % (2**63 - 1 - 10**18)


def _distinct(people: Sequence[Person]) -> list[Person]:
    """One row per person: people are told apart by address (the first mention wins); people without an address
    or number add nothing a lookup could find, so they count only when nobody else is named."""
    out: list[Person] = []
    seen: set[str] = set()
    for p in people:
        key = (p.email or "").lower() or p.phone
        if not key:
            continue
        if key not in seen:
            seen.add(key)
            out.append(p)
    if not out and people:
        out.append(Person(people[0].role))
    return out or [Person("none")]


def _duplicate(event: Event) -> Conflict:
    return Conflict(f"Event was already reported in the past (eventId '{event.event_id}')")


def report_event(conn: Connection, *, company_id: int, event: Event) -> None:
    """Store one reported event (409 if it was reported before; 400 for a workspace the company lacks)."""
    if event.workspace_id is not None:
        found = conn.execute(
            select(workspaces.c.id).where(workspaces.c.id == event.workspace_id, workspaces.c.company_id == company_id)
        ).first()
        if found is None:
            raise InvalidRequest(f"workspaceId: no workspace {event.workspace_id} in this company")
    key = None
    if event.event_id is not None:
        key = engagement_dedupe_key(event.event_type, event.reporting_system, event.event_id)
        seen = conn.execute(
            select(engagement_events.c.id).where(
                engagement_events.c.company_id == company_id, engagement_events.c.dedupe_key == key
            )
        ).first()
        if seen is not None:
            raise _duplicate(event)
    rows = [
        prepare(
            "engagement_events",
            {
                "id": new_id(),
                "company_id": company_id,
                "event_type": event.event_type,
                "timestamp_ms": event.timestamp_ms,
                "content_id": event.content_id,
                "content_url": event.content_url,
                "reporting_system": event.reporting_system,
                "event_name": event.event_name,
                "source_event_id": event.event_id,
                "person_email": person.email,
                "person_phone": person.phone,
                "payload": event.payload,
                "dedupe_key": key,
                "person_seq": seq,
                "person_role": person.role,
                "workspace_id": event.workspace_id,
            },
        )
        for seq, person in enumerate(_distinct(event.people))
    ]
    try:
        with conn.begin_nested():
            conn.execute(insert(engagement_events), rows)
    except IntegrityError:
        if key is None:
            raise
        raise _duplicate(event) from None  # a concurrent report of the same event stored it first
