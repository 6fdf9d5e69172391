"""Request models of the engagement group: the three legacy engagement events (``CustomActionEvent``,
``ContentSharedEvent``, ``ContentViewedEvent``) and ``DigitalInteractionRequest``, with their nested objects.

Two enumerations of the contract are defective: ``agentPlatform`` lists the one value
``"Windows, Linux, MacOS, iOS, Android"`` and ``Generic Property.dataType`` the one value
``"number, string, url, date"``. Each accepts the values its text names and, since a client that holds its requests
to the contract (or the seed action, whose enum copies it) can send nothing else, that one value too. ``trackingId`` (sent by the seed
actions, absent from the contract) is accepted and kept with the event.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.subjects import normalize_phone, parse_email
from gongkit.kernel.wire import DateTimeMs, Text, WireId, WireModel

#: Items of one list inside an event (recipients, participants, properties, CRM context, custom fields).
MAX_ITEMS = 100


def _address(value: str) -> str:
    try:
        parse_email(value)
    except InvalidRequest:
        raise PydanticCustomError("email", "not a valid e-mail address (expected name@domain.tld)") from None
    return value.strip()


def _phone(value: str) -> str:
    digits = (normalize_phone(value) or "").lstrip("+")
    if not 4 <= len(digits) <= 20:
        raise PydanticCustomError("phone", "not a valid phone number")
    return value.strip()


Email = Annotated[str, StringConstraints(max_length=320), AfterValidator(_address)]
Phone = Annotated[str, StringConstraints(max_length=64), AfterValidator(_phone)]
Short = Annotated[str, StringConstraints(max_length=300)]
Required = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Url = Annotated[str, StringConstraints(max_length=2048)]


# --- shared pieces ---------------------------------------------------------------------------------------------


class CrmObjectIn(WireModel):
    objectType: Literal["Opportunity", "Account", "Lead", "Contact", "User", "Opportunity,Account", "Lead,Contact"]
    objectId: Required
    fields: Annotated[list[dict[str, object]], Field(max_length=MAX_ITEMS)] | None = None


class CrmContextIn(WireModel):
    """``CallUploadContext`` / ``PartyUploadContext``: links to records in an external system."""

    system: Literal["Salesforce", "HubSpot", "MicrosoftDynamic", "Generic"]
    objects: Annotated[list[CrmObjectIn], Field(max_length=MAX_ITEMS)] | None = None


class ActorIn(WireModel):
    """A person outside the company (viewer, actor, recipient, participant)."""

    email: Email | None = None
    name: Short | None = None
    title: Short | None = None
    context: Annotated[list[CrmContextIn], Field(max_length=MAX_ITEMS)] | None = None


class RecipientIn(ActorIn):
    """A recipient of a share: "Email is required"."""

    email: Email


class SharerIn(WireModel):
    """The user who shared the content."""

    id: WireId | None = None
    email: Email | None = None
    name: Short | None = None


class PropertyIn(WireModel):
    """Gong's ``Generic Property``."""

    name: Required
    value: Text | int | float  # "If dataType is number, value should be passed in JSON number format"
    dataType: Literal["number", "string", "url", "date", "number, string, url, date"]


AgentPlatform = Literal["Windows", "Linux", "MacOS", "iOS", "Android", "Windows, Linux, MacOS, iOS, Android"]


class EngagementEventIn(WireModel):
    """What the three legacy events have in common."""

    reportingSystem: Required
    eventTimestamp: DateTimeMs
    eventId: Required | None = None
    contentId: Short | None = None
    contentUrl: Url | None = None
    contentTitle: Short | None = None
    actionName: Short | None = None
    crmContext: Annotated[list[CrmContextIn], Field(max_length=MAX_ITEMS)] | None = None
    contentProperties: Annotated[list[PropertyIn], Field(max_length=MAX_ITEMS)] | None = None
    eventProperties: Annotated[list[PropertyIn], Field(max_length=MAX_ITEMS)] | None = None
    userAgent: Text | None = None
    mobileAppId: Short | None = None
    agentPlatform: AgentPlatform | None = None
    workspaceId: WireId | None = None
    nonCompanyParticipants: Annotated[list[ActorIn], Field(max_length=MAX_ITEMS)] | None = None
    moreInfoUrl: Url | None = None
    shareId: Short | None = None
    sharer: SharerIn | None = None
    sharingMessageSubject: Text | None = None
    sharingMessageBody: Text | None = None
    trackingId: Short | None = None


class CustomActionIn(EngagementEventIn):
    """``PUT /v2/customer-engagement/action``."""

    eventInfoUrl: Url | None = None
    actor: ActorIn | None = None


class ContentSharedIn(EngagementEventIn):
    """``PUT /v2/customer-engagement/content/shared``."""

    contentId: Required
    contentUrl: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2048)]
    contentTitle: Required
    shareInfoUrl: Url | None = None
    recipients: Annotated[list[RecipientIn], Field(max_length=MAX_ITEMS)] | None = None


class ContentViewedIn(EngagementEventIn):
    """``PUT /v2/customer-engagement/content/viewed``."""

    contentId: Required
    contentUrl: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2048)]
    contentTitle: Required
    viewActionTitle: Short | None = None
    viewInfoUrl: Url | None = None
    viewer: ActorIn | None = None


# --- digital interactions ----------------------------------------------------------------------------------------


class CustomFieldIn(WireModel):
    name: Required
    value: Text
    dataType: Literal["STRING", "NUMBER", "DATE", "URL", "BOOLEAN", "DURATION"] | None = None


class NumericDetailsIn(WireModel):
    value: int | None = None
    rangeFrom: int
    rangeTo: int
    numericType: Literal["PERCENTAGE", "NPS", "RATING", "OTHER"] | None = None

    @model_validator(mode="after")
    def _range(self) -> NumericDetailsIn:
        if self.rangeTo < self.rangeFrom:
            raise PydanticCustomError("range", "rangeTo must not be lower than rangeFrom")
        if self.value is not None and not self.rangeFrom <= self.value <= self.rangeTo:
            raise PydanticCustomError("range", "value must lie between rangeFrom and rangeTo")
        return self


class StepDetailsIn(WireModel):
    value: Required
    availableSteps: Annotated[list[Short], Field(max_length=MAX_ITEMS)]


class SearchObjectIn(WireModel):
    name: Required
    objectType: Literal["VENDOR", "PRODUCT", "CATEGORY"]
    domain: Required
    objectId: Short | None = None
    url: Url | None = None


class ContentIn(WireModel):
    contentId: Short | None = None
    contentTitle: Required
    contentLabel: Annotated[list[Short], Field(max_length=MAX_ITEMS)] | None = None
    contentUrl: Url | None = None
    contentAdditionalInfoUrl: Url | None = None
    numericContentDetails: NumericDetailsIn | None = None
    stepContentDetails: StepDetailsIn | None = None
    searchObjectDetails: SearchObjectIn | None = None
    contentCustomFields: Annotated[list[CustomFieldIn], Field(max_length=MAX_ITEMS)] | None = None


class BusinessContextIn(WireModel):
    objectType: Literal["CONTACT", "LEAD"]
    objectId: Required
    systemName: Short | None = None


class CompanyContextIn(WireModel):
    objectType: Literal["ACCOUNT", "OPPORTUNITY"]
    objectId: Required
    systemName: Short | None = None


class CompanyIn(WireModel):
    companyId: Short | None = None
    name: Short | None = None
    domain: Short | None = None
    companyBusinessContexts: Annotated[list[CompanyContextIn], Field(max_length=MAX_ITEMS)] | None = None


class LocationIn(WireModel):
    country: Short | None = None
    state: Short | None = None
    region: Short | None = None
    city: Short | None = None


class PersonIn(WireModel):
    name: Short | None = None
    email: Email | None = None
    phoneNumber: Phone | None = None
    personId: Short | None = None
    personBusinessContext: BusinessContextIn | None = None
    location: LocationIn | None = None
    company: CompanyIn | None = None
    personCustomFields: Annotated[list[CustomFieldIn], Field(max_length=MAX_ITEMS)] | None = None

    @model_validator(mode="after")
    def _identified(self) -> PersonIn:
        # Gong: personId and company.domain are mandatory for an anonymous person.
        anonymous = not (self.name or self.email or self.phoneNumber or self.personBusinessContext)
        if anonymous and not (self.personId and self.company and self.company.domain):
            raise PydanticCustomError(
                "anonymous_person",
                "an anonymous person (no name, email, phoneNumber or personBusinessContext) needs personId "
                "and company.domain",
            )
        return self


class DigitalInteractionIn(WireModel):
    """``POST /v2/digital-interaction``. The contract requires ``person``; the seed action sends ``trackingId``
    instead for a person it cannot name, so exactly one of the two is required."""

    eventId: Required
    timestamp: DateTimeMs
    eventType: Required
    sourceSystemName: Short | None = None
    sessionId: Short | None = None
    device: Literal["MOBILE", "PC"] | None = None
    content: ContentIn
    person: PersonIn | None = None
    customFields: Annotated[list[CustomFieldIn], Field(max_length=MAX_ITEMS)] | None = None
    trackingId: Short | None = None

    @model_validator(mode="after")
    def _who(self) -> DigitalInteractionIn:
        if self.person is None and self.trackingId is None:
            raise PydanticCustomError("person", "person is required (or trackingId, for a person not named)")
        if self.person is not None and self.trackingId is not None:
            raise PydanticCustomError("person", "trackingId must be null when person is sent")
        return self
