"""Models of the meetings group (``client.meetings``), named after Gong's schemas."""

from __future__ import annotations

from pydantic import Field

from gongkit.types.common import GongModel

__all__ = [
    "DeleteMeetingResponse",
    "IntegrationStatusResponse",
    "MeetingInvitee",
    "NewMeetingResponse",
    "UpdateMeetingResponse",
    "UserIntegrationStatus",
]


class MeetingInvitee(GongModel):
    """Someone invited to a meeting (Gong's ``MeetingInvitee``); ``email`` is what identifies them."""

    email: str
    displayName: str | None = None
    firstName: str | None = None
    lastName: str | None = None


class NewMeetingResponse(GongModel):
    """What creating a meeting answers: its id, the URL to join it (the organizer's Gong consent page link) and who
    else to invite so that Gong records it."""

    requestId: str | None = None
    meetingId: str
    meetingUrl: str | None = None
    additionalInvitees: list[MeetingInvitee] = Field(default_factory=list)


class UpdateMeetingResponse(GongModel):
    requestId: str | None = None
    meetingId: str


class DeleteMeetingResponse(GongModel):
    """What deleting a meeting answers: the organizer's address (Gong's ``DeleteMeetingRequest`` shape)."""

    requestId: str | None = None
    organizerEmail: str | None = None


class UserIntegrationStatus(GongModel):
    """Whether an address is a Gong user (``exists``) who can organize Gong meetings (``valid``), and if not why
    (``userFacingError``) and where to fix it (``fixUrl``, ``helpUrl``)."""

    email: str
    exists: bool = False
    valid: bool = False
    userFacingError: str | None = None
    fixUrl: str | None = None
    helpUrl: str | None = None


class IntegrationStatusResponse(GongModel):
    requestId: str | None = None
    users: list[UserIntegrationStatus] = Field(default_factory=list)
