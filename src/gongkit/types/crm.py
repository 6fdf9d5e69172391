"""Models of the crm group (``client.crm``), named after Gong's schemas.

``integrationId`` is an int64 JSON number in Gong's answers (the only such id of this group): it stays an ``int``.
Object types (``ACCOUNT``, ``CONTACT``, ``DEAL``, ``LEAD``), field types and statuses are plain strings: Gong
documents their values, and a model that refused a new one would break a sync for no benefit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from gongkit.types.common import GongModel

__all__ = [
    "CrmIntegration",
    "CrmObjects",
    "CrmRequestAccepted",
    "CrmRequestStatus",
    "CrmSchema",
    "CrmSchemaField",
    "LineError",
    "ListCrmIntegrationsResponse",
    "ManualAssociation",
    "ManualAssociationObject",
    "RegisterCrmIntegrationResponse",
    "SchemaUpdateResponse",
]


class CrmIntegration(GongModel):
    """Gong's ``GenericCrmIntegration``."""

    integrationId: int
    ownerEmail: str | None = None
    name: str | None = None


class ListCrmIntegrationsResponse(GongModel):
    """Gong's ``ListGenericCrmIntegrationsResponse``: the company's integration, if it has one."""

    requestId: str | None = None
    integrations: list[CrmIntegration] = Field(default_factory=list)


class RegisterCrmIntegrationResponse(GongModel):
    """Gong's ``RegisterGenericCrmResponse``."""

    requestId: str | None = None
    integrationId: int


class CrmRequestAccepted(GongModel):
    """Gong's ``AsyncProcessingResponse``: the request was accepted; poll its ``clientRequestId``."""

    requestId: str | None = None
    clientRequestId: str


class CrmSchemaField(GongModel):
    """Gong's ``GenericSchemaFieldRequest``: one field of an object type's schema (what is sent and listed)."""

    uniqueName: str
    label: str
    type: str
    lastModified: str | None = None
    isDeleted: bool | None = None
    referenceTo: str | None = None
    orderedValueList: list[str] | None = None


class SchemaUpdateResponse(GongModel):
    """Gong's ``SchemaUpdateResponse`` (only the ``requestId``)."""

    requestId: str | None = None


class CrmSchema(GongModel):
    """Gong's ``ListSelectedFieldsResponse``: object type -> its fields."""

    requestId: str | None = None
    objectTypeToSelectedFields: dict[str, list[CrmSchemaField]] = Field(default_factory=dict)


class CrmObjects(GongModel):
    """Gong's ``GetGenericCrmObjectsResponse``: CRM id -> the object's fields (``None``: no such object)."""

    requestId: str | None = None
    crmObjectsMap: dict[str, dict[str, Any] | None] = Field(default_factory=dict)


class LineError(GongModel):
    """Gong's ``LineErrorResponse``: a line of an upload that failed (line 0: the whole file)."""

    line: int | None = None
    description: str | None = None


class CrmRequestStatus(GongModel):
    """Gong's ``RequestStatusResponse``: PENDING, IN_PROGRESS, DONE or FAILED, with at most 20 line errors."""

    requestId: str | None = None
    status: str
    errors: list[LineError] = Field(default_factory=list)
    totalErrorCount: int | None = None
    totalSuccessCount: int | None = None

    @property
    def finished(self) -> bool:
        return self.status in ("DONE", "FAILED")


class ManualAssociationObject(GongModel):
    """Gong's ``AssociationObject``: an account and the deal of it a call was associated with."""

    accountCrmId: str | None = None
    dealCrmId: str | None = None


class ManualAssociation(GongModel):
    """Gong's ``ManualAssociationsBasicData``: a call associated with CRM objects by hand."""

    callId: str
    userId: str | None = None
    created: datetime | None = None
    associatedCrmObjects: list[ManualAssociationObject] = Field(default_factory=list)
