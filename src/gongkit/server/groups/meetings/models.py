"""Request models of the meetings group (Gong's ``NewMeetingRequest``, ``UpdateMeetingRequest``,
``DeleteMeetingRequest`` and ``IntegrationStatusRequest``)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.subjects import parse_email
from gongkit.kernel.wire import DateTimeMs, Text, WireModel

#: Invitees of one meeting (Gong states no limit; a calendar invitation to more people is a broadcast).
MAX_INVITEES = 500
#: Addresses of one integration-status request (Gong's documented maximum).
MAX_STATUS_EMAILS = 100


def _address(value: str) -> str:
    try:
        parse_email(value)
    except InvalidRequest:
        raise PydanticCustomError("email", "not a valid e-mail address (expected name@domain.tld)") from None
    return value.strip()


#: An e-mail address as given (trimmed), checked to be one.
Email = Annotated[str, StringConstraints(max_length=320), AfterValidator(_address)]
Name = Annotated[str, StringConstraints(max_length=200)]


class InviteeIn(WireModel):
    """Gong's ``MeetingInvitee``; the address is what makes an invitee, so it is required here."""

    email: Email
    displayName: Annotated[str, StringConstraints(max_length=300)] | None = None
    firstName: Name | None = None
    lastName: Name | None = None


class MeetingIn(WireModel):
    """The body of ``POST /v2/meetings`` and ``PUT /v2/meetings/{meetingId}``."""

    startTime: DateTimeMs
    endTime: DateTimeMs
    title: Text | None = None
    invitees: Annotated[list[InviteeIn], Field(max_length=MAX_INVITEES)]
    externalId: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)] | None = None
    organizerEmail: Email

    @model_validator(mode="after")
    def _times(self) -> MeetingIn:
        # A meeting takes time: an end at or before the start is a mistake of the caller, never stored.
        if self.endTime <= self.startTime:
            raise PydanticCustomError("meeting_times", "endTime must be later than startTime")
        return self

    def invitee_rows(self) -> list[dict[str, Any]]:
        """The invitees as stored: one per address (the first wins), the organizer left out (Gong's list does
        not include the organizer)."""
        seen = {self.organizerEmail.lower()}
        rows = []
        for i in self.invitees:
            if i.email.lower() in seen:
                continue
            seen.add(i.email.lower())
            rows.append(
                {
                    "email_address": i.email,
                    "display_name": i.displayName,
                    "first_name": i.firstName,
                    "last_name": i.lastName,
                }
            )
        return rows


class DeleteMeetingIn(WireModel):
    """The body of ``DELETE /v2/meetings/{meetingId}``: the organizer, who alone may delete the meeting."""

    organizerEmail: Email | None = None


class IntegrationStatusIn(WireModel):
    emails: Annotated[list[Email], Field(max_length=MAX_STATUS_EMAILS)] = Field(default_factory=list)
