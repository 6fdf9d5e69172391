"""Request models of the calls group.

Models accept unknown fields (Gong clients send forward-compatible bodies) and refuse wrong types (strict
mode: a number is not a string, ``"true"`` is not a boolean). Date-times and ids are checked and converted
here, so a bad value is a 400 that names its field.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from gongkit.kernel.ids import UNMATCHABLE_ID
from gongkit.kernel.wire import (
    MAX_CONTEXT_FIELDS,
    MAX_CONTEXT_OBJECTS,
    MAX_IDS,
    MAX_PARTIES,
    MAX_SECONDS,
    MAX_SEGMENTS,
    DateTimeMs,
    NonEmpty,
    Text,
    WireId,
    WireModel,
    check_range,
)
from gongkit.server.groups.calls.queries import CallFilter, Selection
from gongkit.server.groups.calls.writes import ContextObject, NewCall, NewParty, SpeechSegment
from gongkit.spec import json_schema_document

# --- POST /v2/calls/extensive and /v2/calls/transcript --------------------------------------------------------


class CallsFilterIn(WireModel):
    fromDateTime: DateTimeMs | None = None
    toDateTime: DateTimeMs | None = None
    workspaceId: WireId | None = None
    callIds: Annotated[list[WireId], Field(max_length=MAX_IDS)] | None = None

    @model_validator(mode="after")
    def _range(self) -> CallsFilterIn:
        check_range(self.fromDateTime, self.toDateTime, "fromDateTime", "toDateTime")
        return self

    def to_filter(self) -> CallFilter:
        # An empty callIds list is read as "not supplied" (clients send empty defaults).
        return CallFilter(
            from_ms=self.fromDateTime,
            to_ms=self.toDateTime,
            workspace_id=self.workspaceId,
            call_ids=tuple(self.callIds) if self.callIds else None,
        )


class CallsFilterWithOwnersIn(CallsFilterIn):
    primaryUserIds: Annotated[list[WireId], Field(max_length=MAX_IDS)] | None = None

    def to_filter(self) -> CallFilter:
        base = super().to_filter()
        return CallFilter(
            from_ms=base.from_ms,
            to_ms=base.to_ms,
            workspace_id=base.workspace_id,
            call_ids=base.call_ids,
            primary_user_ids=tuple(self.primaryUserIds) if self.primaryUserIds else None,
        )


class ContentFlagsIn(WireModel):
    structure: bool | None = None
    topics: bool | None = None
    trackers: bool | None = None
    trackerOccurrences: bool | None = None
    pointsOfInterest: bool | None = None
    brief: bool | None = None
    outline: bool | None = None
    highlights: bool | None = None
    callOutcome: bool | None = None
    keyPoints: bool | None = None


class InteractionFlagsIn(WireModel):
    speakers: bool | None = None
    video: bool | None = None
    personInteractionStats: bool | None = None
    questions: bool | None = None


class CollaborationFlagsIn(WireModel):
    publicComments: bool | None = None


class ExposedFieldsIn(WireModel):
    parties: bool | None = None
    content: ContentFlagsIn | None = None
    interaction: InteractionFlagsIn | None = None
    collaboration: CollaborationFlagsIn | None = None
    media: bool | None = None


def _true_flags(model: BaseModel | None) -> frozenset[str]:
    if model is None:
        return frozenset()
    return frozenset(k for k, v in model.model_dump().items() if v is True)


class ContentSelectorIn(WireModel):
    context: Literal["None", "Basic", "Extended"] | None = None
    contextTiming: list[Literal["Now", "TimeOfCall"]] | None = None
    exposedFields: ExposedFieldsIn | None = None

    def to_selection(self) -> Selection:
        """What to answer. ``contextTiming`` counts with ``Extended`` only (links carry no fields to time)."""
        fields = self.exposedFields or ExposedFieldsIn()
        timing = tuple(dict.fromkeys(self.contextTiming or ["Now"])) or ("Now",)
        return Selection(
            context=self.context or "None",
            timing=timing if self.context == "Extended" else ("Now",),
            parties=bool(fields.parties),
            content=_true_flags(fields.content),
            interaction=_true_flags(fields.interaction),
            public_comments=bool(fields.collaboration and fields.collaboration.publicComments),
            media=bool(fields.media),
        )


class ExtensiveRequest(WireModel):
    cursor: str | None = None
    filter: CallsFilterWithOwnersIn
    contentSelector: ContentSelectorIn | None = None


class TranscriptRequest(WireModel):
    cursor: str | None = None
    filter: CallsFilterIn


# --- POST /v2/calls --------------------------------------------------------------------------------------------

System = Literal["Salesforce", "HubSpot", "MicrosoftDynamic", "Generic"]


class ContextFieldIn(WireModel):
    name: Text | None = None
    value: Any = None


class PartyObjectIn(WireModel):
    # The contract writes this enum as one literal "Lead,Contact"; its values are Lead and Contact.
    objectType: Literal["Lead", "Contact"]
    objectId: NonEmpty
    fields: Annotated[list[ContextFieldIn], Field(max_length=MAX_CONTEXT_FIELDS)] | None = None


class PartyContextIn(WireModel):
    system: System
    objects: Annotated[list[PartyObjectIn], Field(max_length=MAX_CONTEXT_OBJECTS)] | None = None


class CallObjectIn(WireModel):
    # The contract writes this enum as one literal "Opportunity,Account"; its values are those two.
    objectType: Literal["Opportunity", "Account"]
    objectId: NonEmpty
    fields: Annotated[list[ContextFieldIn], Field(max_length=MAX_CONTEXT_FIELDS)] | None = None


class CallContextIn(WireModel):
    system: System
    objects: Annotated[list[CallObjectIn], Field(max_length=MAX_CONTEXT_OBJECTS)] | None = None


def _objects(contexts: list[PartyContextIn] | list[CallContextIn] | None) -> tuple[ContextObject, ...]:
    out = []
    for ctx in contexts or []:
        for obj in ctx.objects or []:
            fields = [f.model_dump() for f in obj.fields or []]
            out.append(ContextObject(ctx.system, obj.objectType, obj.objectId, fields))
    return tuple(out)


class PartyIn(WireModel):
    phoneNumber: Annotated[str, Field(max_length=100)] | None = None
    emailAddress: Annotated[str, Field(max_length=320)] | None = None
    name: Text | None = None
    partyId: Annotated[str, Field(max_length=255)] | None = None
    mediaChannelId: Annotated[int, Field(ge=0, le=1)] | None = None
    context: Annotated[list[PartyContextIn], Field(max_length=MAX_CONTEXT_OBJECTS)] | None = None
    userId: WireId | None = None

    @model_validator(mode="after")
    def _email(self) -> PartyIn:
        if self.emailAddress is not None and self.emailAddress.strip() and "@" not in self.emailAddress:
            raise PydanticCustomError(
                "email", "emailAddress '{value}' is not an e-mail address", {"value": self.emailAddress}
            )
        return self


class SpeechSegmentIn(WireModel):
    fromTime: Annotated[int, Field(ge=0, le=MAX_SECONDS)]
    toTime: Annotated[int, Field(ge=0, le=MAX_SECONDS)]
    partyIds: Annotated[list[Annotated[str, Field(max_length=255)]], Field(min_length=1, max_length=MAX_PARTIES)]

    @model_validator(mode="after")
    def _order(self) -> SpeechSegmentIn:
        if self.toTime < self.fromTime:
            raise PydanticCustomError("segment", "toTime must not be earlier than fromTime")
        return self


class SpeakersTimelineIn(WireModel):
    precise: bool | None = None
    speechSegments: Annotated[list[SpeechSegmentIn], Field(max_length=MAX_SEGMENTS)] | None = None


class FlowContextIn(WireModel):
    taskId: Annotated[str, Field(max_length=255)] | None = None


@cache
def language_codes() -> frozenset[str]:
    """The ``languageCode`` values Gong accepts, as the contract lists them."""
    schema = json_schema_document("openapi-2026.json")["components"]["schemas"]["NewCallAddingRequest"]
    text = schema["properties"]["languageCode"]["description"].split("Valid values are:", 1)[1]
    return frozenset(code.strip().rstrip(".") for code in text.split(",") if code.strip())


def _language(value: Any) -> Any:
    if isinstance(value, str) and value not in language_codes():
        raise PydanticCustomError(
            "language", "'{value}' is not a supported language code (e.g. en-US)", {"value": value}
        )
    return value


def _http_url(value: Any) -> Any:
    if isinstance(value, str) and (len(value) > 2048 or not re.match(r"^https?://[^\s/]+\S*$", value.strip())):
        raise PydanticCustomError("url", "'{value}' is not an http(s) URL", {"value": value})
    return value


class NewCallIn(WireModel):
    """Gong's ``NewCallAddingRequest``."""

    clientUniqueId: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2048)]
    title: Text | None = None
    purpose: Annotated[str, Field(max_length=255)] | None = None
    scheduledStart: DateTimeMs | None = None
    scheduledEnd: DateTimeMs | None = None
    actualStart: DateTimeMs
    duration: Annotated[float, Field(ge=0, le=MAX_SECONDS)] | None = None
    parties: Annotated[list[PartyIn], Field(min_length=1, max_length=MAX_PARTIES)]
    direction: Literal["Inbound", "Outbound", "Conference", "Unknown"]
    disposition: Annotated[str, Field(max_length=255)] | None = None
    context: Annotated[list[CallContextIn], Field(max_length=MAX_CONTEXT_OBJECTS)] | None = None
    customData: Text | None = None
    speakersTimeline: SpeakersTimelineIn | None = None
    meetingUrl: Annotated[str, Field(max_length=2048)] | None = None
    callProviderCode: Annotated[str, Field(max_length=255)] | None = None
    downloadMediaUrl: Annotated[str | None, BeforeValidator(_http_url)] = None
    workspaceId: WireId | None = None
    languageCode: Annotated[str | None, BeforeValidator(_language)] = None
    flowContext: FlowContextIn | None = None
    primaryUser: WireId

    @model_validator(mode="after")
    def _consistency(self) -> NewCallIn:
        check_range(self.scheduledStart, self.scheduledEnd, "scheduledStart", "scheduledEnd")
        if self.speakersTimeline is not None and self.speakersTimeline.speechSegments:
            missing = [i for i, p in enumerate(self.parties) if not (p.partyId and p.partyId.strip())]
            if missing:
                raise PydanticCustomError(
                    "party_id",
                    "parties[{index}].partyId is required when speakersTimeline is given",
                    {"index": missing[0]},
                )
        return self

    def to_new_call(self) -> NewCall:
        timeline = self.speakersTimeline
        segments = None
        if timeline is not None and timeline.speechSegments:
            segments = tuple(SpeechSegment(s.fromTime, s.toTime, tuple(s.partyIds)) for s in timeline.speechSegments)
        return NewCall(
            client_unique_id=self.clientUniqueId,
            actual_start_ms=self.actualStart,
            direction=self.direction,
            primary_user=None if self.primaryUser == UNMATCHABLE_ID else self.primaryUser,
            parties=tuple(
                NewParty(
                    user_id=p.userId,
                    name=p.name,
                    email_address=p.emailAddress.strip() if p.emailAddress and p.emailAddress.strip() else None,
                    phone_number=p.phoneNumber.strip() if p.phoneNumber and p.phoneNumber.strip() else None,
                    party_id=p.partyId,
                    media_channel_id=p.mediaChannelId,
                    context=_objects(p.context),
                )
                for p in self.parties
            ),
            title=self.title,
            purpose=self.purpose,
            scheduled_start_ms=self.scheduledStart,
            scheduled_end_ms=self.scheduledEnd,
            duration=self.duration,
            disposition=self.disposition,
            context=_objects(self.context),
            custom_data=self.customData,
            speech_segments=segments,
            meeting_url=self.meetingUrl,
            call_provider_code=self.callProviderCode,
            download_media_url=self.downloadMediaUrl.strip() if self.downloadMediaUrl else None,
            workspace_id=self.workspaceId,
            language_code=self.languageCode,
        )
