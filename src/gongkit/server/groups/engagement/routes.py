"""Routes of the engagement group: the legacy engagement events and digital interactions."""

from __future__ import annotations

from typing import Any

from gongkit.server.core.context import Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.engagement import events, writes
from gongkit.server.groups.engagement.models import (
    ContentSharedIn,
    ContentViewedIn,
    CustomActionIn,
    DigitalInteractionIn,
)
from gongkit.server.groups.engagement.writes import Event


async def _report(ctx: Ctx, event: Event, reporting_system: str) -> dict[str, Any]:
    """Store a legacy event; Gong answers its ``RegisterGenericCrmResponse``."""
    await ctx.write(writes.report_event, company_id=ctx.company_id, event=event)
    return {"integrationId": writes.integration_id(ctx.company_id, reporting_system)}


@handles("customAction")
async def custom_action(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(CustomActionIn)
    return await _report(ctx, events.custom_action(body), body.reportingSystem)


@handles("contentShared")
async def content_shared(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(ContentSharedIn)
    return await _report(ctx, events.content_shared(body), body.reportingSystem)


@handles("contentViewed")
async def content_viewed(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(ContentViewedIn)
    return await _report(ctx, events.content_viewed(body), body.reportingSystem)


@handles("addDigitalInteraction")
async def add_digital_interaction(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(DigitalInteractionIn)
    await ctx.write(writes.report_event, company_id=ctx.company_id, event=events.digital_interaction(body))
    return {}
