"""Request models and parameters of the crm group: Gong's field names and its 400 messages.

Object types travel in Gong's upper-case names (``ACCOUNT``, ``CONTACT``, ``DEAL``, ``LEAD``; case-sensitive, as
the contract says); the stored CRM objects keep the names the rest of the store uses (``Account``, ``Contact``,
``Opportunity``, ``Lead``), which is what the data-privacy lookup and erasure search.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.wire import WireModel

OBJECT_TYPES = ("ACCOUNT", "CONTACT", "DEAL", "LEAD")
#: Gong's object type -> the stored ``crm_objects.object_type``.
STORED_TYPE = {"ACCOUNT": "Account", "CONTACT": "Contact", "DEAL": "Opportunity", "LEAD": "Lead"}
FieldType = Literal[
    "DATE",
    "DATETIME",
    "NUMBER",
    "PERCENT",
    "CURRENCY",
    "ID",
    "URL",
    "STRING",
    "BOOLEAN",
    "PHONENUMBER",
    "EMAILADDRESS",
    "PICKLIST",
    "REFERENCE",
    "STRINGARRAY",
]
ReferenceTarget = Literal["ACCOUNT", "CONTACT", "DEAL", "LEAD", "USER"]
MAX_SCHEMA_FIELDS = 500  # fields of one object type's schema
MAX_PICKLIST_VALUES = 1_000
MAX_REQUESTED_OBJECTS = 100  # getCrmObjects answers the first 100 ids (Gong's documented limit)
MAX_ID_LIST = 10_000  # ids one getCrmObjects request may carry at all

_CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9_-]{1,200}")

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
FieldName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def object_type_param(value: str | None, name: str = "objectType") -> str:
    """An object type from the query string: one of Gong's four names, exactly (case-sensitive)."""
    if value is None:
        raise InvalidRequest(f"{name}: is required")
    if value not in OBJECT_TYPES:
        raise InvalidRequest(f"{name}: must be one of {', '.join(OBJECT_TYPES)} (case-sensitive), not '{value}'")
    return value


def client_request_id_param(value: str | None) -> str:
    """A ``clientRequestId``: letters, digits, dashes and underscores (at most 200)."""
    if value is None:
        raise InvalidRequest("clientRequestId: is required")
    if not _CLIENT_REQUEST_ID.fullmatch(value):
        raise InvalidRequest(
            "clientRequestId: may hold only letters, numbers, dashes and underscores (at most 200 characters)"
        )
    return value


class RegistrationIn(WireModel):
    """Gong's ``GenericCrmRegistrationRequest``."""

    name: Name
    ownerEmail: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=320)]


class SchemaFieldIn(WireModel):
    """Gong's ``GenericSchemaFieldRequest``: one field of an object type's schema."""

    uniqueName: FieldName
    label: Name
    type: FieldType
    lastModified: Annotated[str, StringConstraints(max_length=40)] | None = None
    isDeleted: bool | None = None
    referenceTo: ReferenceTarget | None = None
    orderedValueList: (
        Annotated[list[Annotated[str, StringConstraints(max_length=300)]], Field(max_length=MAX_PICKLIST_VALUES)] | None
    ) = None

    @model_validator(mode="after")
    def _needs(self) -> SchemaFieldIn:
        if self.type == "REFERENCE" and self.referenceTo is None and not self.isDeleted:
            raise ValueError("referenceTo is required for a field of type REFERENCE")
        if self.type == "PICKLIST" and not self.orderedValueList and not self.isDeleted:
            raise ValueError("orderedValueList is required for a field of type PICKLIST")
        return self
