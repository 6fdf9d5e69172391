"""Models of the calls group (``client.calls``): what Gong returns, and the pieces of requests.

Answers: :class:`CallBasicData` (``GET /v2/calls``, ``GET /v2/calls/{id}``), :class:`CallData`
(``POST /v2/calls/extensive``: ``metaData`` plus the blocks the content selector asked for),
:class:`CallTranscript` (``POST /v2/calls/transcript``), :class:`NewCallAddingResponse` (``POST /v2/calls``).

Requests: :class:`CallParticipant` and friends for ``calls.add``; :class:`ContentSelector` for
``calls.extensive``. Enumerated values are typed as ``str`` in answers (Gong may add values) and as
``Literal`` in requests.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from gongkit.types.common import ContextField, GongModel

Direction = Literal["Inbound", "Outbound", "Conference", "Unknown"]
ExternalSystem = Literal["Salesforce", "HubSpot", "MicrosoftDynamic", "Generic"]
ContextLevel = Literal["None", "Basic", "Extended"]
ContextTiming = Literal["Now", "TimeOfCall"]

# --- calls: metadata -----------------------------------------------------------------------------------


class CallBasicData(GongModel):
    """A call's metadata. ``direction`` is Inbound/Outbound/Conference/Unknown, ``scope``
    Internal/External/Unknown, ``media`` Video/Audio; ``duration`` is in seconds."""

    id: str
    url: str | None = None
    title: str | None = None
    scheduled: datetime | None = None
    started: datetime | None = None
    duration: int | None = None
    primaryUserId: str | None = None
    direction: str | None = None
    system: str | None = None
    scope: str | None = None
    media: str | None = None
    language: str | None = None
    workspaceId: str | None = None
    sdrDisposition: str | None = None
    clientUniqueId: str | None = None
    customData: str | None = None
    purpose: str | None = None
    meetingUrl: str | None = None
    isPrivate: bool | None = None
    calendarEventId: str | None = None


# --- calls/extensive: context and parties ----------------------------------------------------------------


class CallContextObject(GongModel):
    """An external object linked to the call: ``objectType`` Opportunity/Account; ``timing`` Now/TimeOfCall."""

    objectType: str | None = None
    objectId: str | None = None
    fields: list[ContextField] | None = None
    timing: str | None = None


class CallContext(GongModel):
    """Links from the call to one external system (``system``: Salesforce, HubSpot, MicrosoftDynamic, Generic)."""

    system: str | None = None
    objects: list[CallContextObject] | None = None


class PartyContextObject(GongModel):
    """An external object a party is: ``objectType`` Contact/User/Lead."""

    objectType: str | None = None
    objectId: str | None = None
    fields: list[ContextField] | None = None
    timing: str | None = None


class PartyContext(GongModel):
    system: str | None = None
    objects: list[PartyContextObject] | None = None


class Party(GongModel):
    """A participant. ``speakerId`` links to transcript monologues; ``affiliation`` Internal/External/Unknown;
    ``methods`` Invitee and/or Attendee."""

    id: str | None = None
    emailAddress: str | None = None
    name: str | None = None
    title: str | None = None
    userId: str | None = None
    speakerId: str | None = None
    context: list[PartyContext] | None = None
    affiliation: str | None = None
    phoneNumber: str | None = None
    methods: list[str] | None = None


# --- calls/extensive: content --------------------------------------------------------------------------


class Structure(GongModel):
    """A part of the call's agenda; ``duration`` in seconds."""

    name: str | None = None
    duration: int | None = None


class Topic(GongModel):
    name: str | None = None
    duration: int | None = None


class TrackerOccurrence(GongModel):
    """When a tracker term came up: ``startTime`` seconds from the start, and who said it."""

    startTime: float | None = None
    speakerId: str | None = None


class TrackerPhrase(GongModel):
    count: int | None = None
    occurrences: list[TrackerOccurrence] | None = None
    phrase: str | None = None


class Tracker(GongModel):
    """A tracker's hits in the call; ``type`` KEYWORD or SMART."""

    id: str | None = None
    name: str | None = None
    count: int | None = None
    type: str | None = None
    occurrences: list[TrackerOccurrence] | None = None
    phrases: list[TrackerPhrase] | None = None


class PointOfInterest(GongModel):
    snippetStartTime: float | None = None
    snippetEndTime: float | None = None
    speakerID: str | None = None
    snippet: str | None = None


class PointsOfInterest(GongModel):
    actionItems: list[PointOfInterest] | None = None


class OutlineItem(GongModel):
    text: str | None = None
    startTime: float | None = None


class OutlineSection(GongModel):
    section: str | None = None
    startTime: float | None = None
    duration: float | None = None
    items: list[OutlineItem] | None = None


class HighlightsItem(GongModel):
    text: str | None = None
    startTimes: list[float] | None = None


class HighlightsSection(GongModel):
    title: str | None = None
    items: list[HighlightsItem] | None = None


class CallOutcome(GongModel):
    id: str | None = None
    category: str | None = None
    name: str | None = None


class KeyPoint(GongModel):
    text: str | None = None


class Content(GongModel):
    """Analysis of what was said; each part is present only when the content selector asked for it."""

    structure: list[Structure] | None = None
    trackers: list[Tracker] | None = None
    topics: list[Topic] | None = None
    pointsOfInterest: PointsOfInterest | None = None
    brief: str | None = None
    outline: list[OutlineSection] | None = None
    highlights: list[HighlightsSection] | None = None
    callOutcome: CallOutcome | None = None
    keyPoints: list[KeyPoint] | None = None


# --- calls/extensive: interaction, collaboration, media ---------------------------------------------------


class Speaker(GongModel):
    """Talk time (seconds) of one participant."""

    id: str | None = None
    userId: str | None = None
    talkTime: float | None = None


class InteractionStat(GongModel):
    """E.g. ``Talk Ratio``, ``Longest Monologue``, ``Interactivity``, ``Patience``."""

    name: str | None = None
    value: float | None = None


class VideoSegment(GongModel):
    """Seconds of video of one kind (``Browser``, ``Presentation``, ``Webcam``, ...)."""

    name: str | None = None
    duration: float | None = None


class Questions(GongModel):
    companyCount: int | None = None
    nonCompanyCount: int | None = None


class Interaction(GongModel):
    speakers: list[Speaker] | None = None
    interactionStats: list[InteractionStat] | None = None
    video: list[VideoSegment] | None = None
    questions: Questions | None = None


class Comment(GongModel):
    """A public comment; times in seconds from the start of the call."""

    id: str | None = None
    audioStartTime: float | None = None
    audioEndTime: float | None = None
    commenterUserId: str | None = None
    comment: str | None = None
    posted: datetime | None = None
    inReplyTo: str | None = None
    duringCall: bool | None = None


class Collaboration(GongModel):
    publicComments: list[Comment] | None = None


class Media(GongModel):
    """Media URLs, valid for 8 hours."""

    audioUrl: str | None = None
    videoUrl: str | None = None


class CallData(GongModel):
    """One call of ``calls.extensive``: ``metaData`` always, the other blocks as selected."""

    metaData: CallBasicData
    context: list[CallContext] | None = None
    parties: list[Party] | None = None
    content: Content | None = None
    interaction: Interaction | None = None
    collaboration: Collaboration | None = None
    media: Media | None = None


# --- transcripts ---------------------------------------------------------------------------------------


class Sentence(GongModel):
    """``start``/``end`` in milliseconds from the start of the call."""

    start: int | None = None
    end: int | None = None
    text: str | None = None


class Monologue(GongModel):
    """Consecutive sentences of one speaker (``speakerId`` matches ``Party.speakerId``)."""

    speakerId: str | None = None
    topic: str | None = None
    sentences: list[Sentence] | None = None


class CallTranscript(GongModel):
    callId: str
    transcript: list[Monologue] | None = None


# --- adding calls --------------------------------------------------------------------------------------


class NewCallAddingResponse(GongModel):
    """The answer to ``calls.add``: the new call's id (for ``calls.add_recording``)."""

    requestId: str | None = None
    callId: str


class NewCallRecordingResponse(GongModel):
    """The answer to ``calls.add_recording``; ``url`` is the call's page in Gong."""

    requestId: str | None = None
    callId: str | None = None
    url: str | None = None


class CrmPartyObject(GongModel):
    """A CRM object a party is (e.g. a Lead or Contact)."""

    objectType: str
    objectId: str
    fields: list[ContextField] | None = None


class PartyUploadContext(GongModel):
    system: ExternalSystem
    objects: list[CrmPartyObject] | None = None


class CallParticipant(GongModel):
    """A party of a call being added. ``partyId`` is needed only with a ``speakersTimeline``;
    ``mediaChannelId`` (0 = left, 1 = right) marks the rep's channel of a stereo recording."""

    phoneNumber: str | None = None
    emailAddress: str | None = None
    name: str | None = None
    partyId: str | None = None
    mediaChannelId: int | None = None
    context: list[PartyUploadContext] | None = None
    userId: str | None = None


class CrmCallObject(GongModel):
    """A CRM object the call belongs to (e.g. an Opportunity or Account)."""

    objectType: str
    objectId: str
    fields: list[ContextField] | None = None


class CallUploadContext(GongModel):
    system: ExternalSystem
    objects: list[CrmCallObject] | None = None


class SpeechSegment(GongModel):
    """Who spoke when; times in milliseconds; ``partyIds`` refer to ``CallParticipant.partyId``."""

    fromTime: int
    toTime: int
    partyIds: list[str]


class SpeakersTimeline(GongModel):
    precise: bool | None = None
    speechSegments: list[SpeechSegment] | None = None


class FlowContext(GongModel):
    taskId: str | None = None


# --- content selector (calls.extensive) ------------------------------------------------------------------


class ExposedContent(GongModel):
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


class ExposedInteraction(GongModel):
    speakers: bool | None = None
    video: bool | None = None
    personInteractionStats: bool | None = None
    questions: bool | None = None


class ExposedCollaboration(GongModel):
    publicComments: bool | None = None


class ExposedFields(GongModel):
    """Which blocks ``calls.extensive`` returns. ``media`` needs the scope ``api:calls:read:media-url``."""

    parties: bool | None = None
    content: ExposedContent | None = None
    interaction: ExposedInteraction | None = None
    collaboration: ExposedCollaboration | None = None
    media: bool | None = None


class ContentSelector(GongModel):
    """What ``calls.extensive`` returns beside ``metaData``. ``context``: None (default), Basic (links to external
    systems) or Extended (with their fields); ``contextTiming`` only with Extended."""

    context: ContextLevel | None = None
    contextTiming: list[ContextTiming] | None = None
    exposedFields: ExposedFields | None = None
