"""The schema of an object type: a full replacement, deleted and re-typed fields losing their values."""

from __future__ import annotations

from typing import Any

from tests.crm.conftest import SCHEMA, CrmApp
from tests.support.api import assert_error

TIER = {"uniqueName": "tier", "label": "Tier", "type": "PICKLIST", "orderedValueList": ["Gold", "Silver"]}
SCORE = {"uniqueName": "score", "label": "Score", "type": "NUMBER", "lastModified": "2024-01-01T00:00:00Z"}


def _upload(crm: CrmApp, iid: int, fields: list[dict[str, Any]], object_type: str = "ACCOUNT") -> Any:
    return crm.client.post(SCHEMA, params={"integrationId": iid, "objectType": object_type}, json=fields, headers=crm.h)


def _listed(crm: CrmApp, iid: int, object_type: str | None = "ACCOUNT") -> dict[str, Any]:
    params: dict[str, Any] = {"integrationId": iid}
    if object_type:
        params["objectType"] = object_type
    r = crm.client.get(SCHEMA, params=params, headers=crm.h)
    assert r.status_code == 200, r.text
    return dict(r.json()["objectTypeToSelectedFields"])


def test_upload_then_list(crm: CrmApp) -> None:
    iid = crm.register()
    r = _upload(crm, iid, [TIER, SCORE])
    assert r.status_code == 201
    assert r.json() == {"requestId": r.headers["x-request-id"]}
    assert _listed(crm, iid) == {
        "ACCOUNT": [
            {**TIER, "lastModified": None, "isDeleted": False, "referenceTo": None},
            {**SCORE, "isDeleted": False, "referenceTo": None, "orderedValueList": None},
        ]
    }
    everything = _listed(crm, iid, None)
    assert list(everything) == ["ACCOUNT", "CONTACT", "DEAL", "LEAD"] and everything["DEAL"] == []


def test_an_upload_must_name_every_stored_field(crm: CrmApp) -> None:
    iid = crm.register()
    assert _upload(crm, iid, [TIER, SCORE]).status_code == 201
    assert_error(
        _upload(crm, iid, [SCORE]),
        400,
        "you must include all fields in the schema (send a field with isDeleted=true to delete it); missing: tier",
    )
    assert _upload(crm, iid, [{**TIER, "isDeleted": True}, SCORE]).status_code == 201
    assert [f["uniqueName"] for f in _listed(crm, iid)["ACCOUNT"]] == ["score"]


def test_a_deleted_or_retyped_field_loses_its_values_a_relabelled_one_keeps_them(crm: CrmApp) -> None:
    iid = crm.register()
    assert _upload(crm, iid, [TIER, SCORE]).status_code == 201
    row = {"objectId": "a1", "modifiedDate": "2024-01-01T00:00:00Z", "name": "Acme", "tier": "Gold", "score": 7}
    assert crm.load(iid, "ACCOUNT", [row], "r1")["status"] == "DONE"
    assert crm.objects(iid, "ACCOUNT", ["a1"])["a1"]["score"] == 7
    assert _upload(crm, iid, [{**TIER, "label": "Level"}, {**SCORE, "type": "STRING"}]).status_code == 201
    kept = crm.objects(iid, "ACCOUNT", ["a1"])["a1"]
    assert kept["tier"] == "Gold" and "score" not in kept
    assert _upload(crm, iid, [{**TIER, "isDeleted": True}, {**SCORE, "type": "STRING"}]).status_code == 201
    assert "tier" not in crm.objects(iid, "ACCOUNT", ["a1"])["a1"]


def test_bad_schemas(crm: CrmApp) -> None:
    iid = crm.register()
    assert_error(
        _upload(crm, iid, [{"uniqueName": "x", "label": "X", "type": "TEXT"}]),
        400,
        "[0].type: Input should be 'DATE', 'DATETIME', 'NUMBER', 'PERCENT', 'CURRENCY', 'ID', 'URL', 'STRING', "
        "'BOOLEAN', 'PHONENUMBER', 'EMAILADDRESS', 'PICKLIST', 'REFERENCE' or 'STRINGARRAY'",
    )
    assert_error(
        _upload(crm, iid, [{"uniqueName": "x", "label": "X", "type": "REFERENCE"}]),
        400,
        "[0]: Value error, referenceTo is required for a field of type REFERENCE",
    )
    assert_error(_upload(crm, iid, [TIER, TIER]), 400, "uniqueName: 'tier' appears more than once")
    assert_error(
        _upload(crm, iid, [TIER], "account"),
        400,
        "objectType: must be one of ACCOUNT, CONTACT, DEAL, LEAD (case-sensitive), not 'account'",
    )
    r = crm.client.post(SCHEMA, params={"integrationId": iid, "objectType": "DEAL"}, json={"a": 1}, headers=crm.h)
    assert_error(r, 400, "Request body must be a JSON array of schema fields")
    assert_error(_upload(crm, iid + 1, [TIER]), 404, f"No integration found with integrationId {iid + 1}")
    r = crm.client.get(SCHEMA, params={"integrationId": iid, "objectType": "USER"}, headers=crm.h)
    assert_error(r, 400, "objectType: must be one of ACCOUNT, CONTACT, DEAL, LEAD (case-sensitive), not 'USER'")
