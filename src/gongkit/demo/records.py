"""The in-memory records the parts of the generator hand to each other: users, CRM people, accounts and
opportunities, and the call being generated (its speakers, what later parts need to know about it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gongkit.demo.addresses import Phone


@dataclass(eq=False)
class User:
    """A user of the company, with the period in which they take calls."""

    id: int
    first: str
    last: str
    email: str
    title: str
    team: str  # CRO | MANAGER | AE | SE | SDR | CSM | PARTNER | AVATAR
    workspace_id: int
    manager_id: int | None
    phone: Phone | None
    start_ms: int
    end_ms: int  # calls only within [start_ms, end_ms)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(eq=False)
class Person:
    """A CRM contact or lead."""

    id: int
    external_id: str
    system: str
    object_type: str  # Contact | Lead
    first: str
    last: str
    email: str
    title: str
    phone: Phone
    mobile: Phone | None
    company: str
    account: Account | None
    context_fields: list[dict[str, Any]] = field(default_factory=list)  # as shown in a call's CRM context

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(eq=False)
class Opp:
    """An opportunity of an account, open over ``[start_ms, end_ms)``."""

    id: int
    external_id: str
    name: str
    amount: int
    stage: int  # index into STAGES, today
    close_ms: int
    start_ms: int
    end_ms: int
    type: str
    lead_source: str
    fields: list[dict[str, Any]] = field(default_factory=list)


@dataclass(eq=False)
class Account:
    """A CRM account with its contacts (a subject's first) and opportunities."""

    id: int
    external_id: str
    system: str
    name: str
    domain: str
    country: str
    industry: str
    employees: int
    subject: bool = False
    contacts: list[Person] = field(default_factory=list)
    opps: list[Opp] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    fields_then: list[dict[str, Any]] = field(default_factory=list)  # an older version (fewer employees)


@dataclass
class CallInfo:
    """What later sections (library, meetings, media) need to know about a generated call."""

    id: int
    workspace_id: int | None
    primary_user_id: int
    started_ms: int
    scheduled_ms: int | None
    duration: int
    title: str
    calendar_event_id: str | None
    has_transcript: bool
    invitees: list[tuple[str, str]]  # (email, name)


@dataclass(slots=True)
class Call:
    """One call being generated."""

    i: int
    id: int
    slot: tuple[int, int] | None  # (privacy subject, occurrence) when a subject is on this call
    kind: str  # conference | phone | internal
    host: User
    internal: list[User] = field(default_factory=list)
    started: int = 0
    scheduled: int | None = None
    duration: int = 0
    system: str = ""
    provider: str = ""
    purpose: str = ""
    direction: str = ""
    media: str = ""
    meeting_url: str | None = None
    calendar_event_id: str | None = None
    account: Account | None = None
    externals: list[Person] = field(default_factory=list)
    lead_call: bool = False
    customer: str = ""
    title: str = ""

    def __post_init__(self) -> None:
        if not self.internal:
            self.internal = [self.host]


@dataclass(slots=True)
class Speaker:
    """Someone who speaks on a call: a user (side 0) or a CRM person (side 1)."""

    id: str
    side: int  # 0 company, 1 customer
    user: User | None
    person: Person | None
