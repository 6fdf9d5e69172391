"""The crm group: ``client.crm``.

======================================  ============================================  =============================
method                                  Gong operation                                returns
======================================  ============================================  =============================
``register_integration(name, owner)``   ``PUT /v2/crm/integrations``                  :class:`RegisterCrmIntegrationResponse`
``list_integrations()``                 ``GET /v2/crm/integrations``                  :class:`ListCrmIntegrationsResponse`
``delete_integration(id, request)``     ``DELETE /v2/crm/integrations``               :class:`CrmRequestAccepted`
``upload_schema(id, type, fields)``     ``POST /v2/crm/entity-schema``                :class:`SchemaUpdateResponse`
``list_schema(id, type=)``              ``GET /v2/crm/entity-schema``                 :class:`CrmSchema`
``upload_objects(id, type, data, r)``   ``POST /v2/crm/entities``                     :class:`CrmRequestAccepted`
``get_objects(id, type, crm_ids)``      ``GET /v2/crm/entities``                      :class:`CrmObjects`
``request_status(id, request)``         ``GET /v2/crm/request-status``                :class:`CrmRequestStatus`
``manual_associations(from_=)``         ``GET /v2/calls/manual-crm-associations``     pager of :class:`ManualAssociation`
======================================  ============================================  =============================

Uploads and deletions are asynchronous: they answer at once with the ``clientRequestId`` you chose, and
``request_status`` tells when the work is DONE or FAILED (with at most 20 line errors). ``upload_objects`` takes
the LDJSON file as bytes, or the objects as an iterable of dicts (written one JSON object a line).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from gongkit.sdk._async.pager import AsyncPager
from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import DateTimeInput, drop_none, optional_datetime
from gongkit.types.crm import (
    CrmObjects,
    CrmRequestAccepted,
    CrmRequestStatus,
    CrmSchema,
    CrmSchemaField,
    ListCrmIntegrationsResponse,
    ManualAssociation,
    RegisterCrmIntegrationResponse,
    SchemaUpdateResponse,
)

__all__ = ["AsyncCrm"]

INTEGRATIONS = "/v2/crm/integrations"
SCHEMA = "/v2/crm/entity-schema"
ENTITIES = "/v2/crm/entities"
STATUS = "/v2/crm/request-status"
MANUAL_ASSOCIATIONS = "/v2/calls/manual-crm-associations"

ObjectsInput = bytes | Iterable[Mapping[str, Any]]


def ldjson(data: ObjectsInput) -> bytes:
    """The LDJSON file of an upload: bytes as given, or one compact JSON object a line."""
    if isinstance(data, bytes | bytearray):
        return bytes(data)
    return b"".join(json.dumps(dict(obj), separators=(",", ":")).encode() + b"\n" for obj in data)


def _field(field: CrmSchemaField | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(field, CrmSchemaField):
        return field.model_dump(mode="json", exclude_none=True)
    return dict(field)


class AsyncCrm(AsyncAPIResource):
    """The generic CRM integration: the integration, its schema, uploads of objects and their status."""

    async def register_integration(self, name: str, owner_email: str) -> RegisterCrmIntegrationResponse:
        """Register the company's integration (one at a time: a second is a ConflictError)."""
        body = {"name": name, "ownerEmail": owner_email}
        return RegisterCrmIntegrationResponse.model_validate(await self._client.request("PUT", INTEGRATIONS, json=body))

    async def list_integrations(self) -> ListCrmIntegrationsResponse:
        return ListCrmIntegrationsResponse.model_validate(await self._client.request("GET", INTEGRATIONS))

    async def delete_integration(self, integration_id: int, client_request_id: str) -> CrmRequestAccepted:
        """Ask for the deletion of the integration with its schema and objects (asynchronous)."""
        params = {"integrationId": integration_id, "clientRequestId": client_request_id}
        return CrmRequestAccepted.model_validate(await self._client.request("DELETE", INTEGRATIONS, params=params))

    async def upload_schema(
        self, integration_id: int, object_type: str, fields: Iterable[CrmSchemaField | Mapping[str, Any]]
    ) -> SchemaUpdateResponse:
        """Replace the schema of ``object_type`` (name every field kept; ``isDeleted=True`` deletes one)."""
        params = {"integrationId": integration_id, "objectType": object_type}
        body = [_field(f) for f in fields]
        return SchemaUpdateResponse.model_validate(await self._client.request("POST", SCHEMA, params=params, json=body))

    async def list_schema(self, integration_id: int, object_type: str | None = None) -> CrmSchema:
        """The schema of ``object_type``, or of every object type."""
        params = drop_none({"integrationId": integration_id, "objectType": object_type})
        return CrmSchema.model_validate(await self._client.request("GET", SCHEMA, params=params))

    async def upload_objects(
        self,
        integration_id: int,
        object_type: str,
        data: ObjectsInput,
        client_request_id: str,
        *,
        filename: str = "objects.ldjson",
    ) -> CrmRequestAccepted:
        """Upload objects of one type (insert, update, or delete with ``isDeleted``); poll ``request_status``."""
        params = {"integrationId": integration_id, "objectType": object_type, "clientRequestId": client_request_id}
        files = {"dataFile": (filename, ldjson(data), "application/x-ndjson")}
        return CrmRequestAccepted.model_validate(
            await self._client.request("POST", ENTITIES, params=params, files=files)
        )

    async def get_objects(self, integration_id: int, object_type: str, crm_ids: Iterable[str]) -> CrmObjects:
        """The objects with these CRM ids (the first 100); an id without an object maps to ``None``."""
        params = {"integrationId": integration_id, "objectType": object_type}
        return CrmObjects.model_validate(
            await self._client.request("GET", ENTITIES, params=params, json=[str(i) for i in crm_ids])
        )

    async def request_status(self, integration_id: int, client_request_id: str) -> CrmRequestStatus:
        params = {"integrationId": integration_id, "clientRequestId": client_request_id}
        return CrmRequestStatus.model_validate(await self._client.request("GET", STATUS, params=params))

    def manual_associations(
        self, *, from_date_time: DateTimeInput | None = None, cursor: str | None = None
    ) -> AsyncPager[ManualAssociation]:
        """Calls associated with CRM accounts and deals by hand, oldest first (after ``from_date_time``)."""
        return self._client._paginate(
            "GET",
            MANUAL_ASSOCIATIONS,
            item_key="associations",
            model=ManualAssociation,
            params=drop_none({"fromDateTime": optional_datetime(from_date_time)}),
            cursor=cursor,
        )
