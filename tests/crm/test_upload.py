"""Uploading CRM objects: LDJSON lines applied by a job (insert, update, delete by objectId), per-line errors,
limits enforced as the bytes arrive, and the objects read back."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from gongkit.db.schema import crm_objects, crm_requests
from tests.crm.conftest import ENTITIES, STATUS, CrmApp, ldjson
from tests.support.api import assert_error

T0, T1 = "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"
ACCOUNT = {"objectId": "acc-1", "modifiedDate": T0, "name": "Acme", "domains": ["acme.example"]}
CONTACT = {
    "objectId": "con-1",
    "modifiedDate": T0,
    "accountId": "acc-1",
    "emailAddress": "Jo.Client@Client.example",
    "firstName": "Jo",
    "lastName": "Client",
    "phoneNumber": "+1 (425) 555-0100",
    "unknownField": "ignored",
}


def test_an_upload_goes_pending_then_done_and_its_objects_read_back(crm: CrmApp) -> None:
    iid = crm.register()
    r = crm.upload(iid, "ACCOUNT", ldjson([ACCOUNT]), "acc-upload")
    assert r.status_code == 201
    assert r.json() == {"requestId": r.headers["x-request-id"], "clientRequestId": "acc-upload"}
    assert crm.status(iid, "acc-upload")["status"] == "PENDING"
    assert crm.worker.run_pending() == 1
    done = crm.status(iid, "acc-upload")
    assert done == {
        "requestId": done["requestId"],
        "status": "DONE",
        "errors": [],
        "totalErrorCount": 0,
        "totalSuccessCount": 1,
    }
    assert crm.load(iid, "CONTACT", [CONTACT], "con-upload")["status"] == "DONE"
    assert crm.objects(iid, "CONTACT", ["con-1", "nope"]) == {
        "con-1": {k: v for k, v in CONTACT.items() if k != "unknownField"},
        "nope": None,
    }
    with crm.db.read() as conn:
        rows = {r.external_id: r for r in conn.execute(select(crm_objects))}
    assert rows["con-1"].object_type == "Contact" and rows["con-1"].system == "Generic"
    assert rows["con-1"].account_id == rows["acc-1"].id
    assert (rows["con-1"].email_lower, rows["con-1"].phone_norm) == ("jo.client@client.example", "+14255550100")
    assert rows["con-1"].name == "Jo Client" and rows["acc-1"].integration_id == iid


def test_update_delete_and_stale_lines(crm: CrmApp) -> None:
    iid = crm.register()
    assert crm.load(iid, "ACCOUNT", [ACCOUNT, {**ACCOUNT, "objectId": "acc-2"}], "one")["totalSuccessCount"] == 2
    changed = [
        {**ACCOUNT, "modifiedDate": T1, "name": "Acme Inc"},
        {**ACCOUNT, "objectId": "acc-2", "modifiedDate": T1, "isDeleted": True},
    ]
    assert crm.load(iid, "ACCOUNT", changed, "two")["status"] == "DONE"
    stale = [{**ACCOUNT, "modifiedDate": T0, "name": "Old name"}]
    assert crm.load(iid, "ACCOUNT", stale, "three")["status"] == "DONE"
    got = crm.objects(iid, "ACCOUNT", ["acc-1", "acc-2"])
    assert got["acc-1"]["name"] == "Acme Inc" and got["acc-2"] is None


def test_line_errors_are_reported_and_the_valid_lines_applied(crm: CrmApp) -> None:
    iid = crm.register()
    lines = [
        b"not json",
        b'["an", "array"]',
        b'{"modifiedDate": "2024-01-01T00:00:00Z"}',
        b'{"objectId": "has space", "modifiedDate": "2024-01-01T00:00:00Z"}',
        b'{"objectId": "d1"}',
        b'{"objectId": "d2", "modifiedDate": "yesterday"}',
        b'{"objectId": "d3", "modifiedDate": "2024-01-01T00:00:00Z", "amount": "lots"}',
        b'{"objectId": "d4", "modifiedDate": "2024-01-01T00:00:00Z", "status": "MAYBE"}',
        b'{"objectId": "d5", "modifiedDate": "2024-01-01T00:00:00Z", "closeDate": "2024-13"}',
        b"",
        b'{"objectId": "ok-1", "modifiedDate": "2024-01-01T00:00:00Z", "amount": 7000, "status": "OPEN"}',
    ]
    r = crm.upload(iid, "DEAL", b"\n".join(lines) + b"\n", "mixed")
    assert r.status_code == 201
    crm.worker.run_pending()
    status = crm.status(iid, "mixed")
    assert status == {
        "requestId": status["requestId"],
        "status": "FAILED",
        "errors": [
            {"line": 1, "description": "Line is not valid JSON"},
            {"line": 2, "description": "Line must be a JSON object"},
            {"line": 3, "description": "Mandatory field [objectId] is missing or empty"},
            {
                "line": 4,
                "description": "Field [objectId] must be at most 64 letters, digits, dashes and underscores, or an "
                "e-mail address",
            },
            {"line": 5, "description": "Mandatory field [modifiedDate] is missing or empty"},
            {"line": 6, "description": "Field [modifiedDate] must be an ISO-8601 date-time, e.g. 2020-12-17T05:37:21Z"},
            {"line": 7, "description": "Field [amount] must be a number"},
            {"line": 8, "description": "Field [status] must be one of WON, LOST, OPEN"},
            {"line": 9, "description": "Field [closeDate] must be an ISO-8601 date without time, e.g. 2020-05-31"},
        ],
        "totalErrorCount": 9,
        "totalSuccessCount": 1,
    }
    assert crm.objects(iid, "DEAL", ["ok-1"])["ok-1"]["amount"] == 7000


def test_at_most_twenty_errors_are_reported(crm: CrmApp) -> None:
    iid = crm.register()
    r = crm.upload(iid, "LEAD", b"{}\n" * 25, "many")
    assert r.status_code == 201
    crm.worker.run_pending()
    status = crm.status(iid, "many")
    assert (status["status"], status["totalErrorCount"], status["totalSuccessCount"]) == ("FAILED", 25, 0)
    assert [e["line"] for e in status["errors"]] == list(range(1, 21))


def test_upload_refusals(crm: CrmApp) -> None:
    iid = crm.register()
    bad_type = "objectType: must be one of ACCOUNT, CONTACT, DEAL, LEAD (case-sensitive), not 'Contact'"
    assert_error(crm.upload(iid, "Contact", ldjson([CONTACT]), "a"), 400, bad_type)
    assert_error(
        crm.upload(iid + 1, "CONTACT", ldjson([CONTACT]), "a"),
        404,
        f"No integration found with integrationId {iid + 1}",
    )
    assert_error(
        crm.upload(iid, None, ldjson([CONTACT]), "a"),
        400,
        "objectType: is required: one of ACCOUNT, CONTACT, DEAL, LEAD (or a dataFile named after it)",
    )
    assert_error(crm.upload(iid, "CONTACT", b"", "a"), 400, "dataFile: the file is empty")
    r = crm.client.post(
        ENTITIES, params={"integrationId": iid, "objectType": "LEAD"}, data={"dataFile": "x"}, headers=crm.h
    )
    assert_error(r, 400, "dataFile: is required (multipart/form-data file field)")
    assert crm.upload(iid, "CONTACT", ldjson([CONTACT]), "once").status_code == 201
    assert_error(crm.upload(iid, "CONTACT", ldjson([CONTACT]), "once"), 409, "Client request id has already been used")
    with crm.db.read() as conn:
        assert conn.execute(select(crm_requests.c.client_request_id)).scalars().all() == ["once"]


def test_the_file_and_line_limits_are_enforced_as_bytes_arrive(crm: CrmApp) -> None:
    iid = crm.register()
    crm.settings.max_crm_upload_bytes = 1000
    crm.client.app.state.gong.settings.max_crm_upload_bytes = 1000  # type: ignore[attr-defined]
    r = crm.upload(iid, "ACCOUNT", ldjson([{**ACCOUNT, "objectId": f"a{i}"} for i in range(30)]), "big")
    assert_error(r, 413, "dataFile: the file is larger than the limit (1000 bytes)")
    crm.client.app.state.gong.settings.max_crm_upload_bytes = 10**8  # type: ignore[attr-defined]
    long_line = b'{"objectId": "a", "name": "' + b"x" * (1024 * 1024) + b'"}\n'
    assert_error(
        crm.upload(iid, "ACCOUNT", long_line, "long"), 413, "dataFile: line 1 is longer than the limit (1048576 bytes)"
    )
    incoming = list((crm.settings.data_dir / "crm-uploads").rglob("*"))
    assert [p for p in incoming if p.is_file()] == []  # refused files are not kept


def test_unknown_client_request_id_is_a_404(crm: CrmApp) -> None:
    iid = crm.register()
    r = crm.client.get(STATUS, params={"integrationId": iid, "clientRequestId": "never"}, headers=crm.h)
    assert_error(r, 404, f"No request with clientRequestId never for integration {iid}")
    r = crm.client.get(STATUS, params={"integrationId": iid}, headers=crm.h)
    assert_error(r, 400, "clientRequestId: is required")


def test_get_objects_takes_ids_from_the_body_or_the_query(crm: CrmApp) -> None:
    iid = crm.register()
    assert crm.load(iid, "ACCOUNT", [ACCOUNT], "one")["status"] == "DONE"
    r = crm.client.get(
        ENTITIES, params={"integrationId": iid, "objectType": "ACCOUNT", "objectsCrmIds": ["acc-1", "x"]}, headers=crm.h
    )
    assert r.json()["crmObjectsMap"] == {"acc-1": ACCOUNT, "x": None}
    many = [f"id{i}" for i in range(150)]
    assert len(crm.objects(iid, "ACCOUNT", many)) == 100  # only the first 100
    r = crm.client.get(ENTITIES, params={"integrationId": iid, "objectType": "ACCOUNT"}, headers=crm.h)
    assert_error(r, 400, "objectsCrmIds: is required (a JSON array of CRM ids in the body)")
    assert crm.objects(iid, "CONTACT", ["acc-1"]) == {"acc-1": None}  # another type


@pytest.mark.parametrize("name", ["CONTACT.ldjson", "contacts.jsonl"])
def test_the_seed_actions_upload_without_query_parameters(crm: CrmApp, name: str) -> None:
    """The seed action sends only the file: the company's integration, a generated id and the file's name."""
    iid = crm.register()
    r = crm.upload(None, None, ldjson([CONTACT]), None, filename=name)
    assert r.status_code == 201
    crid: Any = r.json()["clientRequestId"]
    assert crid == r.json()["requestId"]
    crm.worker.run_pending()
    assert crm.status(iid, crid)["status"] == "DONE"
    assert crm.objects(iid, "CONTACT", ["con-1"])["con-1"] is not None
