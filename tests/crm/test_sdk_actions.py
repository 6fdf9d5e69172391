"""The generic CRM workflow through the SDK (sync and async) and through each seed action once, against the
in-process server (every answer held to Gong's contract)."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import httpx
import pytest

from gongkit import AsyncGong, Gong
from gongkit.actions import run
from gongkit.sdk import ConflictError, NotFoundError
from gongkit.types.crm import CrmRequestStatus, CrmSchemaField
from tests.crm.conftest import CrmApp, ldjson
from tests.support import factories as f

T0 = "2024-01-01T00:00:00Z"
LEAD = {"objectId": "lead-1", "modifiedDate": T0, "emailAddress": "lee@prospect.example", "firstName": "Lee"}


def sdk(crm: CrmApp) -> Gong:
    return Gong(
        crm.company.access_key, crm.company.secret, base_url="http://testserver", http_client=crm.client, pace=None
    )


def test_the_sync_sdk_covers_the_workflow(crm: CrmApp) -> None:
    gong = sdk(crm)
    iid = gong.crm.register_integration("Sync CRM", "owner@acme.example").integrationId
    with pytest.raises(ConflictError):
        gong.crm.register_integration("Again", "owner@acme.example")
    assert [i.integrationId for i in gong.crm.list_integrations().integrations] == [iid]
    tier = CrmSchemaField(uniqueName="tier", label="Tier", type="STRING")
    assert gong.crm.upload_schema(iid, "LEAD", [tier]).requestId
    assert gong.crm.list_schema(iid, "LEAD").objectTypeToSelectedFields["LEAD"][0].uniqueName == "tier"
    accepted = gong.crm.upload_objects(iid, "LEAD", [{**LEAD, "tier": "A"}], "sdk-1")
    assert accepted.clientRequestId == "sdk-1"
    assert gong.crm.request_status(iid, "sdk-1").status == "PENDING"
    crm.worker.run_pending()
    status = gong.crm.request_status(iid, "sdk-1")
    assert isinstance(status, CrmRequestStatus) and status.finished and status.totalSuccessCount == 1
    objects = gong.crm.get_objects(iid, "LEAD", ["lead-1", "none"]).crmObjectsMap
    assert objects == {"lead-1": {**LEAD, "tier": "A"}, "none": None}
    with pytest.raises(NotFoundError):
        gong.crm.request_status(iid, "never")
    assert gong.crm.delete_integration(iid, "sdk-del").clientRequestId == "sdk-del"
    crm.worker.run_pending()
    assert gong.crm.request_status(iid, "sdk-del").status == "DONE"
    assert list(gong.crm.manual_associations()) == []


def test_the_async_sdk_uploads_bytes(crm: CrmApp) -> None:
    iid = crm.register()

    async def go() -> Any:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=crm.client.app), base_url="http://testserver")
        async with (
            http,
            AsyncGong(
                crm.company.access_key,
                crm.company.secret,
                base_url="http://testserver",
                http_client=http,
                pace=None,
            ) as gong,
        ):
            await gong.crm.upload_objects(iid, "LEAD", ldjson([LEAD]), "async-1")
            crm.worker.run_pending()
            status = await gong.crm.request_status(iid, "async-1")
            found = await gong.crm.get_objects(iid, "LEAD", ["lead-1"])
            schema = await gong.crm.list_schema(iid)
            return status, found, schema, [a async for a in gong.crm.manual_associations(from_date_time=T0)]

    status, found, schema, associations = asyncio.run(go())
    assert status.status == "DONE" and found.crmObjectsMap["lead-1"]["firstName"] == "Lee"
    assert set(schema.objectTypeToSelectedFields) == {"ACCOUNT", "CONTACT", "DEAL", "LEAD"}
    assert associations == []


def test_each_seed_action_runs_once(crm: CrmApp) -> None:
    gong = sdk(crm)

    def act(name: str, inputs: dict[str, Any] | None = None) -> Any:
        out = run(name, inputs or {}, client=gong)
        assert out["successful"], out["error"]
        return out["data"]

    iid = act("GONG_REGISTER_CRM_INTEGRATION", {"name": "Agent CRM", "ownerEmail": "owner@acme.example"})[
        "integrationId"
    ]
    assert act("GONG_GET_CRM_INTEGRATION_DETAILS")["integrations"][0]["integrationId"] == iid
    file = {"content": base64.b64encode(ldjson([LEAD])).decode(), "name": "LEAD.ldjson"}
    crid = act("GONG_UPLOAD_CRM_OBJECTS_V2_CRM_ENTITIES", {"dataFile": file})["clientRequestId"]
    crm.worker.run_pending()
    status = act("GONG_GET_REQUEST_STATUS_V2_CRM_REQUEST_STATUS", {"integrationId": iid, "clientRequestId": crid})
    assert status["status"] == "DONE"
    got = act(
        "GONG_GET_CRM_OBJECTS_V2_CRM_ENTITIES",
        {"objectType": "LEAD", "integrationId": iid, "objectsCrmIds": ["lead-1"]},
    )
    assert got["crmObjectsMap"]["lead-1"]["emailAddress"] == "lee@prospect.example"
    schema = act("GONG_LIST_SCHEMA_FIELDS_V2_CRM_ENTITY_SCHEMA", {"objectType": "LEAD", "integrationId": iid})
    assert schema["objectTypeToSelectedFields"] == {"LEAD": []}
    with crm.db.write() as conn:
        f.make_call(
            conn,
            crm.company.id,
            client_unique_id="api-1",
            context=[{"system": "Generic", "object_type": "Account", "object_id": "acc-1", "fields": []}],
        )
    associations = act("GONG_RETRIEVE_MANUAL_CRM_CALL_ASSOCIATIONS")["associations"]
    assert [a["associatedCrmObjects"] for a in associations] == [[{"accountCrmId": "acc-1", "dealCrmId": None}]]
    deleted = act(
        "GONG_DELETE_A_GENERIC_CRM_INTEGRATION_V2_CRM_INTEGRATIONS", {"integrationId": iid, "clientRequestId": "bye"}
    )
    assert deleted["clientRequestId"] == "bye"
