"""CRM objects (native and generic integrations), the generic integrations, their schemas and requests."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from gongkit.db.personal import identifier, mentions, not_personal
from gongkit.db.tables.base import AutoId, company_ref, metadata

crm_objects = Table(
    "crm_objects",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column(
        "system", String(32), nullable=False, info=not_personal()
    ),  # Salesforce | HubSpot | MicrosoftDynamic | Generic
    Column("object_type", String(32), nullable=False, info=not_personal()),  # Lead | Contact | Account | Opportunity
    Column("external_id", String(200), nullable=False, info=not_personal()),
    Column("mirror_id", Text, nullable=True, info=mentions()),
    Column("name", String(300), nullable=True, info=mentions()),
    Column("account_id", BigInteger, nullable=True),  # the Account a Contact/Opportunity belongs to
    Column("email_address", String(320), nullable=True, info=identifier()),
    Column("email_lower", String(320), nullable=True, info=identifier()),
    Column("phone_number", String(64), nullable=True, info=identifier()),
    Column("phone_norm", String(40), nullable=True, info=identifier()),
    Column("mobile_phone_number", String(64), nullable=True, info=identifier()),
    Column("mobile_norm", String(40), nullable=True, info=identifier()),
    Column("fields", JSON, nullable=False, default=list, info=mentions()),  # [{name, value}]
    Column("modified_ms", BigInteger, nullable=False),
    # The generic integration (``crm_integrations``) an object was uploaded through; NULL for native CRMs.
    Column("integration_id", BigInteger, nullable=True),
    Index(None, "company_id", "email_lower"),
    Index(None, "company_id", "phone_norm"),
    Index(None, "company_id", "mobile_norm"),
    Index(None, "company_id", "object_type", "external_id"),
    Index(None, "integration_id", "object_type", "external_id"),
)

# Generic CRM integrations (PUT /v2/crm/integrations). ``active_company_id`` is the company while the integration
# is active or being deleted and NULL once it is gone: its unique constraint is Gong's "one integration at a time".
crm_integrations = Table(
    "crm_integrations",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    company_ref(),
    Column("active_company_id", BigInteger, nullable=True, unique=True),
    Column("name", String(300), nullable=False, info=not_personal()),  # the operator's label
    # The Gong user responsible for it (a colleague, as in ``users``: not a data subject the erasure searches).
    Column("owner_email", String(320), nullable=False, info=identifier()),
    Column("status", String(16), nullable=False, info=not_personal()),  # ACTIVE | DELETING | DELETED
    Column("created_ms", BigInteger, nullable=False),
    Column("deleted_ms", BigInteger, nullable=True),
    Index(None, "company_id", "id"),
)

# The schema of each object type of an integration (POST /v2/crm/entity-schema), in the order uploaded.
crm_schema_fields = Table(
    "crm_schema_fields",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    company_ref(),
    Column("integration_id", BigInteger, ForeignKey("crm_integrations.id", ondelete="CASCADE"), nullable=False),
    Column("object_type", String(16), nullable=False, info=not_personal()),  # ACCOUNT | CONTACT | DEAL | LEAD
    Column("position", Integer, nullable=False),
    Column("unique_name", String(200), nullable=False, info=not_personal()),
    Column("label", String(300), nullable=False, info=not_personal()),
    Column("type", String(16), nullable=False, info=not_personal()),
    Column("last_modified", String(40), nullable=True, info=not_personal()),
    Column("reference_to", String(16), nullable=True, info=not_personal()),
    Column("ordered_value_list", JSON, nullable=True, info=not_personal()),
    UniqueConstraint("integration_id", "object_type", "unique_name"),
)

# Asynchronous CRM requests (uploads of objects, deletion of an integration): each one a persisted job
# ``PENDING -> IN_PROGRESS -> DONE | FAILED`` under the caller's ``clientRequestId``, resumable after a crash from
# ``lines_done`` (the lines whose outcome is committed).
crm_requests = Table(
    "crm_requests",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    company_ref(),
    Column("integration_id", BigInteger, nullable=False),
    Column("client_request_id", String(200), nullable=False, info=not_personal()),
    Column("kind", String(16), nullable=False, info=not_personal()),  # UPLOAD | DELETE (of the integration)
    Column("object_type", String(16), nullable=True, info=not_personal()),
    Column("status", String(16), nullable=False, info=not_personal()),
    Column("file_key", String(300), nullable=True, info=not_personal()),  # the pending upload's file
    Column("lines_done", BigInteger, nullable=False, default=0),
    Column("success_count", Integer, nullable=False, default=0),
    Column("error_count", Integer, nullable=False, default=0),
    # At most 20 {line, description}; descriptions name fields, never their values.
    Column("errors", JSON, nullable=False, default=list, info=not_personal()),
    Column("attempts", Integer, nullable=False, default=0),
    Column("requested_ms", BigInteger, nullable=False),
    Column("started_ms", BigInteger, nullable=True),
    Column("finished_ms", BigInteger, nullable=True),
    UniqueConstraint("company_id", "client_request_id"),
    Index(None, "status"),
)
