"""Registering, listing and deleting the generic CRM integration: one per company, deletion as a job."""

from __future__ import annotations

from sqlalchemy import func, select

from gongkit.db.schema import crm_objects, crm_schema_fields
from tests.conftest import make_company
from tests.crm.conftest import INTEGRATIONS, SCHEMA, CrmApp
from tests.support.api import assert_error

CONTACT = {"objectId": "c-1", "modifiedDate": "2024-01-02T03:04:05Z", "emailAddress": "jo@client.example"}


def test_register_then_list(crm: CrmApp) -> None:
    r = crm.client.put(INTEGRATIONS, json={"name": "ACME Sandbox", "ownerEmail": "joe.doe@acme.example"}, headers=crm.h)
    assert r.status_code == 200
    integration_id = r.json()["integrationId"]
    assert r.json() == {"requestId": r.headers["x-request-id"], "integrationId": integration_id}
    assert isinstance(integration_id, int)
    r = crm.client.get(INTEGRATIONS, headers=crm.h)
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "integrations": [
            {"integrationId": integration_id, "ownerEmail": "joe.doe@acme.example", "name": "ACME Sandbox"}
        ],
    }


def test_a_second_registration_is_a_conflict(crm: CrmApp) -> None:
    crm.register()
    r = crm.client.put(INTEGRATIONS, json={"name": "Other", "ownerEmail": "x@acme.example"}, headers=crm.h)
    assert_error(r, 409, "An active integration already exists. To create a new integration, delete the old one first")


def test_registration_needs_a_name_and_a_valid_owner(crm: CrmApp) -> None:
    assert_error(crm.client.put(INTEGRATIONS, json={"name": "X"}, headers=crm.h), 400, "ownerEmail: is required")
    r = crm.client.put(INTEGRATIONS, json={"name": "X", "ownerEmail": "nobody"}, headers=crm.h)
    assert_error(r, 400, "ownerEmail: not a valid e-mail address (expected name@domain.tld)")


def test_nothing_registered_lists_nothing(crm: CrmApp) -> None:
    r = crm.client.get(INTEGRATIONS, headers=crm.h)
    assert r.json() == {"requestId": r.headers["x-request-id"], "integrations": []}


def test_deletion_is_a_job_that_removes_the_schema_and_objects(crm: CrmApp) -> None:
    iid = crm.register()
    r = crm.client.post(
        SCHEMA,
        params={"integrationId": iid, "objectType": "CONTACT"},
        json=[{"uniqueName": "tier", "label": "Tier", "type": "STRING"}],
        headers=crm.h,
    )
    assert r.status_code == 201, r.text
    assert crm.load(iid, "CONTACT", [CONTACT, {**CONTACT, "objectId": "c-2"}], "up-1")["status"] == "DONE"
    r = crm.client.delete(INTEGRATIONS, params={"integrationId": iid, "clientRequestId": "del-1"}, headers=crm.h)
    assert r.status_code == 201
    assert r.json() == {"requestId": r.headers["x-request-id"], "clientRequestId": "del-1"}
    assert crm.status(iid, "del-1")["status"] == "PENDING"
    # While it is being deleted: not listed, unknown to the other operations, and still in the way of a new one.
    assert crm.client.get(INTEGRATIONS, headers=crm.h).json()["integrations"] == []
    r = crm.client.put(INTEGRATIONS, json={"name": "New", "ownerEmail": "x@acme.example"}, headers=crm.h)
    assert_error(r, 409, f"The integration {iid} is still being deleted; register a new one once it is gone")
    assert_error(
        crm.client.get(SCHEMA, params={"integrationId": iid, "objectType": "CONTACT"}, headers=crm.h),
        404,
        f"No integration found with integrationId {iid}",
    )
    assert crm.worker.run_pending() == 1
    done = crm.status(iid, "del-1")
    assert done == {
        "requestId": done["requestId"],
        "status": "DONE",
        "errors": [],
        "totalErrorCount": 0,
        "totalSuccessCount": 2,
    }
    with crm.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(crm_objects)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(crm_schema_fields)).scalar_one() == 0
    assert crm.register(name="Next") != iid  # a new one can be registered now


def test_deletion_errors(crm: CrmApp) -> None:
    iid = crm.register()
    r = crm.client.delete(INTEGRATIONS, params={"integrationId": iid + 1, "clientRequestId": "d"}, headers=crm.h)
    assert_error(r, 404, f"No integration found with integrationId {iid + 1}")
    r = crm.client.delete(INTEGRATIONS, params={"integrationId": iid, "clientRequestId": "a b"}, headers=crm.h)
    assert_error(
        r, 400, "clientRequestId: may hold only letters, numbers, dashes and underscores (at most 200 characters)"
    )
    r = crm.client.delete(INTEGRATIONS, params={"integrationId": "x1", "clientRequestId": "d"}, headers=crm.h)
    assert_error(r, 400, "integrationId: 'x1' is not a valid id (a numeric string of up to 20 digits)")
    assert_error(
        crm.client.delete(INTEGRATIONS, params={"integrationId": iid}, headers=crm.h),
        400,
        "clientRequestId: is required",
    )
    assert crm.load(iid, "CONTACT", [CONTACT], "used")["status"] == "DONE"
    r = crm.client.delete(INTEGRATIONS, params={"integrationId": iid, "clientRequestId": "used"}, headers=crm.h)
    assert_error(r, 409, "Client request id has already been used")


def test_another_companys_integration_is_invisible(crm: CrmApp) -> None:
    iid = crm.register()
    other = make_company(crm.db, "Other")
    assert crm.client.get(INTEGRATIONS, headers=other.basic).json()["integrations"] == []
    missing = f"No integration found with integrationId {iid}"
    r = crm.client.delete(INTEGRATIONS, params={"integrationId": iid, "clientRequestId": "x"}, headers=other.basic)
    assert_error(r, 404, missing)
    r = crm.client.get(SCHEMA, params={"integrationId": iid, "objectType": "ACCOUNT"}, headers=other.basic)
    assert_error(r, 404, missing)
    r = crm.upload(iid, "CONTACT", b'{"objectId":"a"}\n', "x", headers=other.basic)
    assert_error(r, 404, missing)
    r = crm.client.get(
        "/v2/crm/request-status", params={"integrationId": iid, "clientRequestId": "x"}, headers=other.basic
    )
    assert_error(r, 404, missing)
    # ... and it may register its own.
    assert crm.register(headers=other.basic) != iid
