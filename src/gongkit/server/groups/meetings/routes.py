"""Routes of the meetings group (Gong's "Meetings (Beta)").

Gong answers 403 on these operations when the feature is not released to the company ("Limited release"); a
gongkit server releases it to every company, so it answers 403 only for a Bearer token without the scope.
"""

from __future__ import annotations

from typing import Any

from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.meetings import organizers, writes
from gongkit.server.groups.meetings.models import DeleteMeetingIn, IntegrationStatusIn, MeetingIn


def _meeting_id(ctx: Ctx) -> int:
    return wire_id(ctx.path_param("meetingId"), "meetingId")


@handles("addMeeting")
async def add_meeting(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(MeetingIn)
    return await ctx.write(writes.add_meeting, company_id=ctx.company_id, meeting=body)


@handles("updateMeeting")
async def update_meeting(ctx: Ctx) -> dict[str, Any]:
    meeting_id = _meeting_id(ctx)
    body = await ctx.json(MeetingIn)
    return await ctx.write(writes.update_meeting, company_id=ctx.company_id, meeting_id=meeting_id, meeting=body)


@handles("deleteMeeting")
async def delete_meeting(ctx: Ctx) -> dict[str, Any]:
    meeting_id = _meeting_id(ctx)
    body = await ctx.json(DeleteMeetingIn, optional=True)
    return await ctx.write(
        writes.delete_meeting, company_id=ctx.company_id, meeting_id=meeting_id, organizer_email=body.organizerEmail
    )


@handles("integrationStatus")
async def integration_status(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(IntegrationStatusIn)
    return await ctx.read(
        organizers.integration_status,
        company_id=ctx.company_id,
        emails=list(body.emails),
        app_url=ctx.state.settings.app_url,
    )
