"""Listing Engage flows and folders (listFlows, listFlowsFolders) and a prospect's flows (getFlowsForProspects)."""

from __future__ import annotations

from typing import Any

from tests.conftest import Company, Seed, make_company
from tests.flows import engage as e
from tests.flows.conftest import OTHER, REP, World
from tests.support import factories as f
from tests.support.api import assert_error, page_through, set_page_size
from tests.support.contract import ContractClient

CREATED = "2024-01-01T00:00:00Z"


def flow(
    fid: int, name: str, visibility: str, folder: tuple[int, str] | None = None, exclusive: bool | None = False
) -> dict[str, Any]:
    return {
        "id": str(fid),
        "name": name,
        "folderId": None if folder is None else str(folder[0]),
        "folderName": None if folder is None else folder[1],
        "visibility": visibility,
        "creationDate": CREATED,
        "exclusive": exclusive,
    }


MINE = [
    flow(1001, "Company outbound", "Company", (100, "Outbound"), exclusive=True),
    flow(1002, "My follow-ups", "Personal", (101, "My sequences")),
    flow(1004, "Shared with me", "Shared"),
    flow(1006, "Inbound", "Company"),
]


def test_list_flows_whole_body(client: ContractClient, company: Company, world: World) -> None:
    r = client.get("/v2/flows", params={"flowOwnerEmail": REP}, headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "records": {"totalRecords": 4, "currentPageSize": 4, "currentPageNumber": 0},
        "flows": MINE,
    }


def test_each_user_sees_company_flows_their_own_and_those_shared_with_them(
    client: ContractClient, company: Company, world: World
) -> None:
    r = client.get("/v2/flows", params={"flowOwnerEmail": OTHER.upper()}, headers=company.basic)
    assert [x["id"] for x in r.json()["flows"]] == ["1001", "1003", "1004", "1005", "1006"]


def test_list_flows_by_folder_and_workspace(client: ContractClient, company: Company, world: World, seed: Seed) -> None:
    ws = seed(f.make_workspace, company.id)
    seed(e.make_flow, company.id, 1007, "EMEA outbound", workspace_id=ws, folder_id=100)
    by_folder = client.get("/v2/flows", params={"flowOwnerEmail": REP, "folderId": "100"}, headers=company.basic)
    assert [x["id"] for x in by_folder.json()["flows"]] == ["1001", "1007"]
    by_ws = client.get("/v2/flows", params={"flowOwnerEmail": REP, "workspaceId": str(ws)}, headers=company.basic)
    assert [x["id"] for x in by_ws.json()["flows"]] == ["1007"]


def test_list_flows_pages_by_cursor(client: ContractClient, company: Company, world: World, db: Any) -> None:
    set_page_size(client, db, company, 3)
    pages = page_through(client, "GET", "/v2/flows", company.basic, params={"flowOwnerEmail": REP})
    assert [len(p["flows"]) for p in pages] == [3, 1]
    assert [x for p in pages for x in p["flows"]] == MINE
    assert [p["records"]["currentPageNumber"] for p in pages] == [0, 1]
    assert {p["records"]["totalRecords"] for p in pages} == {4}
    cursor = pages[0]["records"]["cursor"]
    other = client.get("/v2/flows", params={"flowOwnerEmail": OTHER, "cursor": cursor}, headers=company.basic)
    assert_error(other, 400, "Invalid cursor: it was not issued for this request")


def test_list_flows_bad_input(client: ContractClient, company: Company, world: World) -> None:
    assert_error(client.get("/v2/flows", headers=company.basic), 400, "flowOwnerEmail: is required")
    assert_error(
        client.get("/v2/flows", params={"flowOwnerEmail": "nobody@acme.example"}, headers=company.basic),
        400,
        "flowOwnerEmail: no user of the company has this e-mail address",
    )
    assert_error(
        client.get("/v2/flows", params={"flowOwnerEmail": REP, "workspaceId": "abc"}, headers=company.basic),
        400,
        "workspaceId: 'abc' is not a valid id (a numeric string of up to 20 digits)",
    )


def test_another_companys_flows_and_users_are_invisible(
    client: ContractClient, company: Company, world: World, db: Any, seed: Seed
) -> None:
    rival = make_company(db, "Rival")
    seed(f.make_user, rival.id, email_address="boss@rival.example")
    seed(e.make_flow, rival.id, 2001, "Rival flow")
    r = client.get("/v2/flows", params={"flowOwnerEmail": "boss@rival.example"}, headers=rival.basic)
    assert [x["id"] for x in r.json()["flows"]] == ["2001"]
    assert_error(
        client.get("/v2/flows", params={"flowOwnerEmail": REP}, headers=rival.basic),
        400,
        "flowOwnerEmail: no user of the company has this e-mail address",
    )


def folder(fid: int, name: str, visibility: str, parent: tuple[int, str] | None = None) -> dict[str, Any]:
    return {**flow(fid, name, visibility, parent), "exclusive": None}


def test_list_folders_whole_body(client: ContractClient, company: Company, world: World) -> None:
    r = client.get("/v2/flows/folders", params={"flowFolderOwnerEmail": REP}, headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "records": {"totalRecords": 3, "currentPageSize": 3, "currentPageNumber": 0},
        "flows": [
            folder(100, "Outbound", "Company"),
            folder(101, "My sequences", "Personal", (100, "Outbound")),
            folder(103, "Team", "Shared", (100, "Outbound")),
        ],
    }


def test_list_folders_under_a_parent(client: ContractClient, company: Company, world: World) -> None:
    params = {"flowFolderOwnerEmail": OTHER, "parentId": "100"}
    r = client.get("/v2/flows/folders", params=params, headers=company.basic)
    assert [x["id"] for x in r.json()["flows"]] == ["100", "103"]
    for hidden in ("101", "999"):  # another user's personal folder; no folder at all
        params = {"flowFolderOwnerEmail": OTHER, "parentId": hidden}
        assert_error(client.get("/v2/flows/folders", params=params, headers=company.basic), 404, "Folder not found")
    assert_error(client.get("/v2/flows/folders", headers=company.basic), 400, "flowFolderOwnerEmail: is required")


def assigned(world: World, instance: int, fid: int, name: str, crm_id: str, exclusive: bool = False) -> dict[str, Any]:
    return {
        "flowId": str(fid),
        "flowName": name,
        "crmProspectId": crm_id,
        "flowInstanceId": str(instance),
        "flowInstanceOwnerEmail": REP,
        "flowInstanceOwnerFullName": "Rep One",
        "flowInstanceCreateDate": CREATED,
        "flowInstanceStatus": "Running",
        "workspaceId": None,
        "exclusive": exclusive,
    }


def test_flows_for_prospects_whole_body(client: ContractClient, company: Company, world: World, seed: Seed) -> None:
    c = company.id
    seed(e.make_instance, c, 501, 1002, world.contact, world.rep)
    seed(e.make_instance, c, 502, 1004, world.lead, world.rep)
    seed(e.make_instance, c, 503, 1006, world.contact, world.rep, ended_ms=e.T0 + e.DAY)  # left: not listed
    body = {"crmProspectsIds": [world.lead_crm_id, world.contact_crm_id, "0035g00000UNKNOWN", world.account_crm_id]}
    r = client.post("/v2/flows/prospects", json=body, headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "prospectsAssigned": [
            assigned(world, 502, 1004, "Shared with me", world.lead_crm_id),
            assigned(world, 501, 1002, "My follow-ups", world.contact_crm_id),
        ],
    }


def test_flows_for_prospects_bad_input(client: ContractClient, company: Company, world: World, db: Any) -> None:
    r = client.post("/v2/flows/prospects", json={"crmProspectsIds": []}, headers=company.basic)
    assert_error(r, 400, "crmProspectsIds: List should have at least 1 item after validation, not 0")
    assert_error(
        client.post("/v2/flows/prospects", json={}, headers=company.basic), 400, "crmProspectsIds: is required"
    )
    rival = make_company(db, "Rival")
    r = client.post("/v2/flows/prospects", json={"crmProspectsIds": [world.contact_crm_id]}, headers=rival.basic)
    assert r.json()["prospectsAssigned"] == []
