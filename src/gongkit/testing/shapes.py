"""The shapes seed data is written in: Gong's own field names, checked strictly, with errors that name the field.

Each model is what a test writes to put one record into a company, in the camelCase of Gong's answers (a user's
``emailAddress`` and ``managerId``, a call's ``started`` and ``primaryUserId``, a party's ``speakerId``, a
monologue's ``sentences``). Unknown fields are refused (a typo must not pass silently); ids are digit strings or
ints; instants are ISO-8601 texts, ``datetime``s or epoch milliseconds.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from gongkit.kernel.clock import DateTimeError, parse_datetime_ms
from gongkit.kernel.ids import MAX_ID, id_value

__all__ = [
    "CallSeed",
    "CrmObjectSeed",
    "EmailSeed",
    "EngagementEventSeed",
    "MeetingSeed",
    "SeedDocument",
    "SeedError",
    "UserSeed",
    "WorkspaceSeed",
    "parse",
]


class SeedError(ValueError):
    """Seed data that does not fit Gong's shapes or does not hang together; ``problems`` lists each one as
    ``path: message`` (``calls[0].parties[1].userId: 42 is not a user of this company``)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid seed data:\n  " + "\n  ".join(problems))


def _id(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("id", "an id is a string of digits, not a boolean")
    if isinstance(value, int):
        value = str(value)
    parsed = id_value(value) if isinstance(value, str) else None
    if parsed is None or not 0 < parsed <= MAX_ID:
        raise PydanticCustomError("id", "'{value}' is not an id (a string of digits)", {"value": value})
    return parsed


def _instant(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("instant", "an instant is an ISO-8601 text, not a boolean")
    if isinstance(value, int):
        return value
    text = value.isoformat() if isinstance(value, datetime) else value
    if not isinstance(text, str):
        raise PydanticCustomError("instant", "an instant is an ISO-8601 text such as 2025-01-31T09:30:00Z")
    try:
        return parse_datetime_ms(text)
    except DateTimeError as exc:
        raise PydanticCustomError("instant", "{problem}", {"problem": str(exc)}) from None


Id = Annotated[int, BeforeValidator(_id)]
Instant = Annotated[int, BeforeValidator(_instant)]


def _email(value: Any) -> Any:
    if isinstance(value, str) and (len(value) > 320 or not _EMAIL.fullmatch(value)):
        raise PydanticCustomError("email", "'{value}' is not an e-mail address", {"value": value})
    return value


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
Email = Annotated[str, BeforeValidator(_email)]


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class WorkspaceSeed(Shape):
    id: Id | None = None
    name: Annotated[str, Field(min_length=1, max_length=255)]
    description: str | None = None


class UserSeed(Shape):
    """Gong's ``User``: who works at the company."""

    id: Id | None = None
    emailAddress: Email
    firstName: str | None = None
    lastName: str | None = None
    title: str | None = None
    phoneNumber: str | None = None
    extension: str | None = None
    managerId: Id | None = None
    active: bool = True
    created: Instant | None = None
    emailAliases: list[Email] = Field(default_factory=list)
    trustedEmailAddress: Email | None = None
    personalMeetingUrls: list[str] = Field(default_factory=list)
    meetingConsentPageUrl: str | None = None
    settings: dict[str, bool] | None = None
    spokenLanguages: list[dict[str, Any]] = Field(default_factory=list)


class SentenceSeed(Shape):
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str


class MonologueSeed(Shape):
    """One speaker's turn in Gong's ``transcript``: ``speakerId`` is a party's."""

    speakerId: Annotated[str, Field(min_length=1)]
    topic: str | None = None
    sentences: Annotated[list[SentenceSeed], Field(min_length=1)]


class PartySeed(Shape):
    """Gong's ``Party``: someone on the call. ``userId`` makes it one of the company's users."""

    id: Id | None = None
    name: str | None = None
    title: str | None = None
    emailAddress: Email | None = None
    phoneNumber: str | None = None
    userId: Id | None = None
    speakerId: str | None = None
    affiliation: Literal["Internal", "External", "Unknown"] | None = None
    methods: list[Literal["Invitee", "Attendee"]] = ["Invitee", "Attendee"]


class CallSeed(Shape):
    """Gong's ``CallBasicData`` with its ``parties`` and ``transcript``."""

    id: Id | None = None
    title: str | None = None
    started: Instant
    scheduled: Instant | None = None
    duration: Annotated[int, Field(ge=0)] = 1800
    primaryUserId: Id
    direction: Literal["Inbound", "Outbound", "Conference", "Unknown"] = "Conference"
    system: str | None = "Zoom"
    scope: Literal["Internal", "External", "Unknown"] | None = None
    media: Literal["Video", "Audio"] | None = "Video"
    language: str | None = "eng"
    purpose: str | None = None
    meetingUrl: str | None = None
    isPrivate: bool = False
    customData: str | None = None
    workspaceId: Id | None = None
    clientUniqueId: str | None = None
    parties: list[PartySeed] | None = None
    transcript: list[MonologueSeed] = Field(default_factory=list)


class CrmObjectSeed(Shape):
    """A CRM record as Gong's call context names it (``objectType``, ``objectId``, ``fields``)."""

    id: Id | None = None
    system: str = "Salesforce"
    objectType: Annotated[str, Field(min_length=1)]
    objectId: Annotated[str, Field(min_length=1)]
    name: str | None = None
    accountId: Id | None = None
    emailAddress: Email | None = None
    phoneNumber: str | None = None
    mobilePhoneNumber: str | None = None
    fields: list[dict[str, Any]] = Field(default_factory=list)
    modified: Instant | None = None


class EmailSeed(Shape):
    """An imported e-mail, as Gong's data-privacy answers name it (``from``, ``sentTime``, ``mailbox``)."""

    id: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    from_: Annotated[Email, Field(alias="from")]
    to: list[Email] = Field(default_factory=list)
    cc: list[Email] = Field(default_factory=list)
    bcc: list[Email] = Field(default_factory=list)
    sentTime: Instant
    mailbox: Email | None = None
    messageHash: str | None = None
    subject: str | None = None
    body: str | None = None


class InviteeSeed(Shape):
    emailAddress: Email
    displayName: str | None = None


class MeetingSeed(Shape):
    """Gong's ``NewMeeting``: a calendar meeting with its invitees."""

    id: Id | None = None
    title: str | None = None
    startTime: Instant
    endTime: Instant
    organizerEmail: Email
    invitees: list[InviteeSeed] = Field(default_factory=list)
    externalId: str | None = None
    callId: Id | None = None


class EngagementEventSeed(Shape):
    """A customer-engagement event about a person (who viewed what, when)."""

    id: Id | None = None
    eventType: Annotated[str, Field(min_length=1)] = "contentViewed"
    timestamp: Instant
    personEmail: Email | None = None
    personPhone: str | None = None
    contentId: str | None = None
    contentUrl: str | None = None
    reportingSystem: str | None = None
    eventName: str | None = None
    sourceEventId: str | None = None
    payload: dict[str, Any] | None = None


class SeedDocument(Shape):
    """A whole seed file: each kind of record under its own key, written in this order."""

    workspaces: list[WorkspaceSeed] = Field(default_factory=list)
    users: list[UserSeed] = Field(default_factory=list)
    crmObjects: list[CrmObjectSeed] = Field(default_factory=list)
    calls: list[CallSeed] = Field(default_factory=list)
    emails: list[EmailSeed] = Field(default_factory=list)
    meetings: list[MeetingSeed] = Field(default_factory=list)
    engagementEvents: list[EngagementEventSeed] = Field(default_factory=list)


def _path(prefix: str, loc: tuple[int | str, ...]) -> str:
    out = prefix
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], data: Any, where: str = "") -> M:
    """``data`` as ``model``, or a :class:`SeedError` naming every field at fault under ``where``."""
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                holder = _holder(model, err["loc"])
                names = ", ".join(f.alias or name for name, f in holder.model_fields.items())
                kind = "seed document" if holder is SeedDocument else holder.__name__.removesuffix("Seed")
                message = f"unknown field ({kind} fields are: {names})"
            problems.append(f"{_path(where, err['loc'])}: {message}")
        raise SeedError(problems) from None


def _holder(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
    """The model that holds the field at ``loc`` (to list its fields when an unknown one is met)."""
    current: type[BaseModel] = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        inner = _model_in(field.annotation) if field is not None else None
        if inner is None:
            break
        current = inner
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
