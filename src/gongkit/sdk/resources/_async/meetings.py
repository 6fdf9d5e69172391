"""The meetings group (Gong's "Meetings (Beta)"): ``client.meetings``.

========================================  ==========================================  ================================
method                                    Gong operation                              returns
========================================  ==========================================  ================================
``add(...)``                              ``POST /v2/meetings``                       :class:`NewMeetingResponse`
``update(meeting_id, ...)``               ``PUT /v2/meetings/{meetingId}``            :class:`UpdateMeetingResponse`
``delete(meeting_id, organizer_email=)``  ``DELETE /v2/meetings/{meetingId}``         :class:`DeleteMeetingResponse`
``integration_status(emails)``            ``POST /v2/meetings/integration/status``    :class:`IntegrationStatusResponse`
========================================  ==========================================  ================================

The organizer must be a Gong user of the company (404, :class:`~gongkit.sdk.errors.NotFoundError`, otherwise)
who can organize Gong meetings (409, :class:`~gongkit.sdk.errors.ConflictError`, e.g. without a consent page);
``integration_status`` tells beforehand. An update replaces the meeting: give every field again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import DateTimeInput, drop_none, dump_model, format_datetime, path_segment
from gongkit.types.meetings import (
    DeleteMeetingResponse,
    IntegrationStatusResponse,
    MeetingInvitee,
    NewMeetingResponse,
    UpdateMeetingResponse,
)

__all__ = ["AsyncMeetings"]


def _meeting_body(
    start_time: DateTimeInput,
    end_time: DateTimeInput,
    organizer_email: str,
    invitees: Sequence[MeetingInvitee],
    title: str | None,
    external_id: str | None,
) -> dict[str, Any]:
    return drop_none(
        {
            "startTime": format_datetime(start_time),
            "endTime": format_datetime(end_time),
            "title": title,
            "invitees": [dump_model(i) for i in invitees],
            "externalId": external_id,
            "organizerEmail": organizer_email,
        }
    )


class AsyncMeetings(AsyncAPIResource):
    """Gong meetings: create, replace and delete them; check who can organize one."""

    async def add(
        self,
        *,
        start_time: DateTimeInput,
        end_time: DateTimeInput,
        organizer_email: str,
        invitees: Sequence[MeetingInvitee],
        title: str | None = None,
        external_id: str | None = None,
    ) -> NewMeetingResponse:
        """Create a meeting (``addMeeting``). ``invitees`` leaves out the organizer; invite
        ``additionalInvitees`` of the answer too for Gong to record it."""
        body = _meeting_body(start_time, end_time, organizer_email, invitees, title, external_id)
        return NewMeetingResponse.model_validate(await self._client.request("POST", "/v2/meetings", json=body))

    async def update(
        self,
        meeting_id: str | int,
        *,
        start_time: DateTimeInput,
        end_time: DateTimeInput,
        organizer_email: str,
        invitees: Sequence[MeetingInvitee],
        title: str | None = None,
        external_id: str | None = None,
    ) -> UpdateMeetingResponse:
        """Replace a meeting (``updateMeeting``); ``organizer_email`` is the organizer who created it."""
        body = _meeting_body(start_time, end_time, organizer_email, invitees, title, external_id)
        path = f"/v2/meetings/{path_segment(meeting_id)}"
        return UpdateMeetingResponse.model_validate(await self._client.request("PUT", path, json=body))

    async def delete(self, meeting_id: str | int, *, organizer_email: str | None = None) -> DeleteMeetingResponse:
        """Delete a meeting (``deleteMeeting``); when ``organizer_email`` is given it must be the organizer's."""
        path = f"/v2/meetings/{path_segment(meeting_id)}"
        body = drop_none({"organizerEmail": organizer_email})
        return DeleteMeetingResponse.model_validate(await self._client.request("DELETE", path, json=body))

    async def integration_status(self, emails: Iterable[str]) -> IntegrationStatusResponse:
        """Whether each address (at most 100) is a user who can organize Gong meetings (``integrationStatus``)."""
        body = {"emails": list(emails)}
        return IntegrationStatusResponse.model_validate(
            await self._client.request("POST", "/v2/meetings/integration/status", json=body)
        )
