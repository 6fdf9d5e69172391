"""The demo company serves the generic CRM: its integration, schema, objects and manual call associations."""

from __future__ import annotations

from gongkit import control as admin
from gongkit.db import Database
from gongkit.demo import DemoSize, create_demo_company
from gongkit.kernel.config import ServerSettings
from tests.conftest import Company
from tests.support.contract import ContractClient

SMALL = DemoSize(calls=120, users=4, workspaces=1, accounts=3, contacts_per_account=1, leads=4, emails=9, meetings=6)


def test_the_demo_company_has_a_generic_integration(
    settings: ServerSettings, db: Database, client: ContractClient
) -> None:
    demo = create_demo_company(db, seed=3, size=SMALL, media_dir=settings.media_dir)
    with db.write() as conn:
        admin.update_company(conn, demo.company_id, rate_per_second=100_000, rate_per_day=10_000_000)
    h = Company(demo.company_id, demo.access_key, demo.secret).basic
    [integration] = client.get("/v2/crm/integrations", headers=h).json()["integrations"]
    iid = integration["integrationId"]
    schema = client.get("/v2/crm/entity-schema", params={"integrationId": iid}, headers=h).json()
    assert [f["uniqueName"] for f in schema["objectTypeToSelectedFields"]["ACCOUNT"]] == ["segment", "fleetSize"]
    r = client.request(
        "GET",
        "/v2/crm/entities",
        params={"integrationId": iid, "objectType": "CONTACT"},
        json=["CON-1000", "CON-9999"],
        headers=h,
    )
    found = r.json()["crmObjectsMap"]
    assert found["CON-1000"]["accountId"] == "ACC-1000" and found["CON-9999"] is None
    associations = client.get("/v2/calls/manual-crm-associations", headers=h).json()
    assert associations["records"]["totalRecords"] > 0
    created = [a["created"] for a in associations["associations"]]
    assert created == sorted(created)
