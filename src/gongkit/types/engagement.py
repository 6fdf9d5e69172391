"""Models of the engagement group (``client.engagement``): the events a system reports to Gong, named after Gong's
schemas, and their answers.

Instants are ISO-8601 strings (``"2024-05-02T10:15:00Z"``). ``trackingId`` is accepted on every event: the live
API has it though the contract does not.
"""

from __future__ import annotations

from typing import Literal

from gongkit.types.calls import CallUploadContext, PartyUploadContext
from gongkit.types.common import GongModel

__all__ = [
    "Actor",
    "BusinessContext",
    "CompanyBusinessContext",
    "ContentSharedEvent",
    "ContentViewedEvent",
    "CustomActionEvent",
    "CustomField",
    "DigitalContent",
    "DigitalInteraction",
    "DigitalInteractionResponse",
    "EngagementEventResponse",
    "GenericProperty",
    "Location",
    "NumericContentDetails",
    "Person",
    "PersonCompany",
    "SearchObjectDetails",
    "Sharer",
    "StepContentDetails",
]


class Actor(GongModel):
    """A person outside the company: the viewer, the actor, a recipient (who needs ``email``), a participant."""

    email: str | None = None
    name: str | None = None
    title: str | None = None
    context: list[PartyUploadContext] | None = None


class Sharer(GongModel):
    """The Gong user who shared the content."""

    id: str | None = None
    email: str | None = None
    name: str | None = None


class GenericProperty(GongModel):
    """A property of the content or of the event; ``value`` is a number when ``dataType`` is ``number``."""

    name: str
    value: str | int | float
    dataType: Literal["number", "string", "url", "date", "number, string, url, date"]


class _EngagementEvent(GongModel):
    reportingSystem: str
    eventTimestamp: str
    eventId: str | None = None
    contentId: str | None = None
    contentUrl: str | None = None
    contentTitle: str | None = None
    actionName: str | None = None
    crmContext: list[CallUploadContext] | None = None
    contentProperties: list[GenericProperty] | None = None
    eventProperties: list[GenericProperty] | None = None
    userAgent: str | None = None
    mobileAppId: str | None = None
    agentPlatform: (
        Literal["Windows", "Linux", "MacOS", "iOS", "Android", "Windows, Linux, MacOS, iOS, Android"] | None
    ) = None
    workspaceId: str | None = None
    nonCompanyParticipants: list[Actor] | None = None
    moreInfoUrl: str | None = None
    shareId: str | None = None
    sharer: Sharer | None = None
    sharingMessageSubject: str | None = None
    sharingMessageBody: str | None = None
    trackingId: str | None = None


class CustomActionEvent(_EngagementEvent):
    """Someone outside the company did something with content (e.g. signed a contract)."""

    eventInfoUrl: str | None = None
    actor: Actor | None = None


class ContentSharedEvent(_EngagementEvent):
    """A Gong user shared content with people outside the company."""

    contentId: str
    contentUrl: str
    contentTitle: str
    shareInfoUrl: str | None = None
    recipients: list[Actor] | None = None


class ContentViewedEvent(_EngagementEvent):
    """Someone outside the company viewed content."""

    contentId: str
    contentUrl: str
    contentTitle: str
    viewActionTitle: str | None = None
    viewInfoUrl: str | None = None
    viewer: Actor | None = None


class CustomField(GongModel):
    name: str
    value: str
    dataType: Literal["STRING", "NUMBER", "DATE", "URL", "BOOLEAN", "DURATION"] | None = None


class NumericContentDetails(GongModel):
    value: int | None = None
    rangeFrom: int
    rangeTo: int
    numericType: Literal["PERCENTAGE", "NPS", "RATING", "OTHER"] | None = None


class StepContentDetails(GongModel):
    value: str
    availableSteps: list[str]


class SearchObjectDetails(GongModel):
    name: str
    objectType: Literal["VENDOR", "PRODUCT", "CATEGORY"]
    domain: str
    objectId: str | None = None
    url: str | None = None


class DigitalContent(GongModel):
    """What the person looked at (Gong's ``Content``)."""

    contentTitle: str
    contentId: str | None = None
    contentLabel: list[str] | None = None
    contentUrl: str | None = None
    contentAdditionalInfoUrl: str | None = None
    numericContentDetails: NumericContentDetails | None = None
    stepContentDetails: StepContentDetails | None = None
    searchObjectDetails: SearchObjectDetails | None = None
    contentCustomFields: list[CustomField] | None = None


class BusinessContext(GongModel):
    """The person's record in an external system (a CONTACT or LEAD)."""

    objectType: Literal["CONTACT", "LEAD"]
    objectId: str
    systemName: str | None = None


class CompanyBusinessContext(GongModel):
    objectType: Literal["ACCOUNT", "OPPORTUNITY"]
    objectId: str
    systemName: str | None = None


class PersonCompany(GongModel):
    """The company the person works in (Gong's ``Company``)."""

    companyId: str | None = None
    name: str | None = None
    domain: str | None = None
    companyBusinessContexts: list[CompanyBusinessContext] | None = None


class Location(GongModel):
    country: str | None = None
    state: str | None = None
    region: str | None = None
    city: str | None = None


class Person(GongModel):
    """Who did it. An anonymous person (no name, email, phone number or business context) needs ``personId`` and
    ``company.domain``."""

    name: str | None = None
    email: str | None = None
    phoneNumber: str | None = None
    personId: str | None = None
    personBusinessContext: BusinessContext | None = None
    location: Location | None = None
    company: PersonCompany | None = None
    personCustomFields: list[CustomField] | None = None


class DigitalInteraction(GongModel):
    """An interaction on a website or in an app (Gong's ``DigitalInteractionRequest``). ``eventId`` deduplicates:
    reporting it again is a 409. Give ``person``, or ``trackingId`` for a person not named."""

    eventId: str
    timestamp: str
    eventType: str
    content: DigitalContent
    person: Person | None = None
    sourceSystemName: str | None = None
    sessionId: str | None = None
    device: Literal["MOBILE", "PC"] | None = None
    customFields: list[CustomField] | None = None
    trackingId: str | None = None


class EngagementEventResponse(GongModel):
    """What a legacy engagement event answers (Gong's ``RegisterGenericCrmResponse``): the company's integration
    for the reporting system."""

    requestId: str | None = None
    integrationId: int | None = None


class DigitalInteractionResponse(GongModel):
    """What a digital interaction answers (Gong's ``EventAcceptedResponse``)."""

    requestId: str | None = None
