"""Models of the data_privacy group (``client.data_privacy``), named after Gong's schemas.

``EmailAddressReferences`` and ``PhoneNumberReferences`` are the two lookups' answers; ``ErasureRequest`` is what
an erasure request answers (Gong's ``BaseResponse``: only the ``requestId``; the erasure itself runs later, and
Gong offers no status endpoint for it).

Enumerations (``system``, ``objectType``, ``eventType``) are plain strings: Gong documents their values, but a
model that refused a new value would break a privacy workflow for no benefit.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from gongkit.types.common import ContextField, GongModel

__all__ = [
    "CallExternalObject",
    "CallExternalSystem",
    "CallReference",
    "CustomerData",
    "CustomerDataObject",
    "CustomerEngagement",
    "EmailAddressReferences",
    "EmailMessage",
    "ErasureRequest",
    "MeetingReference",
    "PhoneNumberReferences",
]


class EmailMessage(GongModel):
    """An e-mail message that references the subject (Gong's ``EmailMessage``). The sender, ``from`` on the wire,
    is the attribute ``from_`` (``model_dump(by_alias=True)`` writes ``from`` back)."""

    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=True, validate_by_name=True, validate_by_alias=True)

    id: str
    from_: str | None = Field(default=None, alias="from")
    sentTime: datetime | None = None
    mailbox: str | None = None
    messageHash: str | None = None


class CallExternalObject(GongModel):
    """Where a call was logged in an external system (Gong's ``ExternalSystemObject``)."""

    objectType: str | None = None  # Conversation | Task
    externalId: str | None = None


class CallExternalSystem(GongModel):
    """An external system and the call's objects in it (Gong's ``ExternalSystem``)."""

    system: str | None = None  # Salesforce | HubSpot | MicrosoftDynamic | Generic
    objects: list[CallExternalObject] = Field(default_factory=list)


class CallReference(GongModel):
    """A call that references the subject (Gong's ``CallReference``)."""

    id: str
    status: str | None = None
    externalSystems: list[CallExternalSystem] = Field(default_factory=list)


class MeetingReference(GongModel):
    """A meeting that references the subject (Gong's ``Meeting``)."""

    id: str


class CustomerDataObject(GongModel):
    """A CRM Lead or Contact with the subject's address or number (Gong's ``CustomerDataObject``)."""

    id: str
    objectType: str | None = None  # Lead | Contact
    externalId: str | None = None
    mirrorId: str | None = None
    fields: list[ContextField] = Field(default_factory=list)


class CustomerData(GongModel):
    """The subject's CRM objects in one external system (Gong's ``CustomerData``)."""

    system: str | None = None
    objects: list[CustomerDataObject] = Field(default_factory=list)


class CustomerEngagement(GongModel):
    """An engagement event by the subject (Gong's ``CustomerEngagement``)."""

    eventType: str | None = None  # contentShared | contentViewed | customEvent | digitalInteraction
    timestamp: datetime | None = None
    contentId: str | None = None
    contentUrl: str | None = None
    reportingSystem: str | None = None
    eventName: str | None = None
    sourceEventId: str | None = None


class _References(GongModel):
    requestId: str | None = None
    emails: list[EmailMessage] = Field(default_factory=list)
    calls: list[CallReference] = Field(default_factory=list)
    meetings: list[MeetingReference] = Field(default_factory=list)
    customerData: list[CustomerData] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many references of each kind (CRM objects counted one by one)."""
        return {
            "calls": len(self.calls),
            "emails": len(self.emails),
            "meetings": len(self.meetings),
            "customerData": sum(len(group.objects) for group in self.customerData),
        }

    @property
    def total(self) -> int:
        """How many references in all; 0 once an erasure has removed them."""
        return sum(self.counts().values())


class EmailAddressReferences(_References):
    """Everything that references an e-mail address (``GET /v2/data-privacy/data-for-email-address``)."""

    customerEngagement: list[CustomerEngagement] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {**super().counts(), "customerEngagement": len(self.customerEngagement)}


class PhoneNumberReferences(_References):
    """Everything that references a phone number (``GET /v2/data-privacy/data-for-phone-number``): the Leads and
    Contacts with the number as phone or mobile phone, their addresses, and their calls, e-mails and meetings."""

    suppliedPhoneNumber: str | None = None
    matchingPhoneNumbers: list[str] = Field(default_factory=list)
    emailAddresses: list[str] = Field(default_factory=list)


class ErasureRequest(GongModel):
    """The answer to an erasure request: its ``requestId`` (a gongkit server also uses it as the erasure's id
    on its admin status route, ``GET /admin/v1/erasures/{requestId}``)."""

    requestId: str
