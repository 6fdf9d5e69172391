"""From the request models to the stored form of an event (:class:`~.writes.Event`): who it concerns, its name."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from gongkit.kernel.clock import ms_to_iso
from gongkit.server.groups.engagement import writes
from gongkit.server.groups.engagement.models import (
    ActorIn,
    ContentSharedIn,
    ContentViewedIn,
    CustomActionIn,
    DigitalInteractionIn,
    EngagementEventIn,
)
from gongkit.server.groups.engagement.writes import Event, Person


def _payload(body: BaseModel, time_field: str) -> dict[str, Any]:
    """The report as stored: its fields as given (unknown ones left out), the instant in UTC, ids as strings."""
    out = body.model_dump(mode="json", exclude_none=True)
    out[time_field] = ms_to_iso(out[time_field])
    if "workspaceId" in out:
        out["workspaceId"] = str(out["workspaceId"])
    if "id" in out.get("sharer", {}):
        out["sharer"]["id"] = str(out["sharer"]["id"])
    return out


def _actors(role: str, actors: list[ActorIn] | None) -> list[Person]:
    return [Person(role, a.email) for a in actors or []]


def _legacy(body: EngagementEventIn, event_type: str, name: str | None, people: list[Person]) -> Event:
    return Event(
        event_type=event_type,
        timestamp_ms=body.eventTimestamp,
        reporting_system=body.reportingSystem,
        event_id=body.eventId,
        content_id=body.contentId,
        content_url=body.contentUrl,
        event_name=name,
        people=[*people, *_actors("participant", body.nonCompanyParticipants)],
        payload=_payload(body, "eventTimestamp"),
        workspace_id=body.workspaceId,
    )


def custom_action(body: CustomActionIn) -> Event:
    actor = _actors("actor", [body.actor] if body.actor else None)
    return _legacy(body, writes.CUSTOM_EVENT, body.actionName, actor)


def content_shared(body: ContentSharedIn) -> Event:
    recipients = _actors("recipient", list(body.recipients or []))
    return _legacy(body, writes.CONTENT_SHARED, body.actionName or body.contentTitle, recipients)


def content_viewed(body: ContentViewedIn) -> Event:
    viewer = _actors("viewer", [body.viewer] if body.viewer else None)
    return _legacy(body, writes.CONTENT_VIEWED, body.viewActionTitle or body.actionName or body.contentTitle, viewer)


def digital_interaction(body: DigitalInteractionIn) -> Event:
    person = body.person
    people = [Person("person", person.email, person.phoneNumber)] if person else []
    return Event(
        event_type=writes.DIGITAL_INTERACTION,
        timestamp_ms=body.timestamp,
        reporting_system=body.sourceSystemName,
        event_id=body.eventId,
        content_id=body.content.contentId,
        content_url=body.content.contentUrl,
        event_name=body.eventType,
        people=people,
        payload=_payload(body, "timestamp"),
    )
