"""Uploaded contacts and leads are personal data: the data-privacy lookup reports them and the erasure deletes
them (upload → lookup finds → erase → gone), leaving the accounts and other people alone."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from gongkit.db.schema import crm_objects
from tests.crm.conftest import CrmApp

T0 = "2024-01-01T00:00:00Z"
EMAIL_LOOKUP = "/v2/data-privacy/data-for-email-address"
PHONE_LOOKUP = "/v2/data-privacy/data-for-phone-number"


def _lookup(crm: CrmApp, path: str, params: dict[str, str]) -> dict[str, Any]:
    r = crm.client.get(path, params=params, headers=crm.h)
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_uploaded_people_are_found_and_erased(crm: CrmApp) -> None:
    iid = crm.register()
    account = {"objectId": "acc-1", "modifiedDate": T0, "name": "Client Co"}
    contact = {
        "objectId": "con-1",
        "modifiedDate": T0,
        "accountId": "acc-1",
        "emailAddress": "Pat.Subject@Client.example",
        "firstName": "Pat",
        "lastName": "Subject",
        "phoneNumber": "+44 20 7946 0018",
    }
    lead = {"objectId": "lead-1", "modifiedDate": T0, "emailAddress": "pat.subject@client.example", "firstName": "Pat"}
    bystander = {
        **contact,
        "objectId": "con-2",
        "emailAddress": "other@client.example",
        "phoneNumber": "+4420 7946 0999",
    }
    assert crm.load(iid, "ACCOUNT", [account], "a")["status"] == "DONE"
    assert crm.load(iid, "CONTACT", [contact, bystander], "c")["status"] == "DONE"
    assert crm.load(iid, "LEAD", [lead], "l")["status"] == "DONE"

    found = _lookup(crm, EMAIL_LOOKUP, {"emailAddress": "pat.subject@client.example"})
    assert [g["system"] for g in found["customerData"]] == ["Generic"]
    objects = found["customerData"][0]["objects"]
    assert sorted((o["objectType"], o["externalId"]) for o in objects) == [("Contact", "con-1"), ("Lead", "lead-1")]
    by_id = {o["externalId"]: o for o in objects}
    assert by_id["con-1"]["mirrorId"] == f'{{"integrationId":"{iid}","crmObjectType":"CONTACT","crmId":"con-1"}}'
    assert {"name": "emailAddress", "value": "Pat.Subject@Client.example"} in by_id["con-1"]["fields"]
    phone = _lookup(crm, PHONE_LOOKUP, {"phoneNumber": "+442079460018"})
    assert phone["matchingPhoneNumbers"] == ["+44 20 7946 0018"]
    assert phone["emailAddresses"] == ["Pat.Subject@Client.example"]

    r = crm.client.post(
        "/v2/data-privacy/erase-data-for-email-address",
        params={"emailAddress": "pat.subject@client.example"},
        headers=crm.h,
    )
    assert r.status_code == 200
    assert crm.run_erasures() == 1
    assert _lookup(crm, EMAIL_LOOKUP, {"emailAddress": "pat.subject@client.example"})["customerData"] == []
    assert _lookup(crm, PHONE_LOOKUP, {"phoneNumber": "+442079460018"})["customerData"] == []
    assert crm.objects(iid, "CONTACT", ["con-1", "con-2"]) == {
        "con-1": None,
        "con-2": {k: v for k, v in bystander.items()},
    }
    assert crm.objects(iid, "LEAD", ["lead-1"]) == {"lead-1": None}
    with crm.db.read() as conn:
        left = sorted(conn.execute(select(crm_objects.c.external_id)).scalars())
    assert left == ["acc-1", "con-2"]


def test_a_phone_erasure_deletes_the_uploaded_contact(crm: CrmApp) -> None:
    iid = crm.register()
    contact = {"objectId": "con-9", "modifiedDate": T0, "phoneNumber": "+1 425 555 0199", "lastName": "Caller"}
    assert crm.load(iid, "CONTACT", [contact], "c")["status"] == "DONE"
    assert len(_lookup(crm, PHONE_LOOKUP, {"phoneNumber": "+14255550199"})["customerData"]) == 1
    r = crm.client.post(
        "/v2/data-privacy/erase-data-for-phone-number", params={"phoneNumber": "+14255550199"}, headers=crm.h
    )
    assert r.status_code == 200
    assert crm.run_erasures() == 1
    assert crm.objects(iid, "CONTACT", ["con-9"]) == {"con-9": None}
