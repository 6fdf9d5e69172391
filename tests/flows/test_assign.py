"""Assigning prospects to flows and taking them out (assignProspects, assignProspectsCoolOffOverrides,
unassignProspectFlows, unassignFlows): per-prospect outcomes, exclusive flows, cool-off periods, limits."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, select

from gongkit.db import Database
from gongkit.db.schema import crm_objects, flow_instances, tasks
from gongkit.kernel.clock import FixedClock
from tests.conftest import Company, Seed, make_company
from tests.flows import engage as e
from tests.flows.conftest import NOW, OTHER, REP, World
from tests.support import factories as f
from tests.support.api import assert_error
from tests.support.contract import ContractClient

NOW_ISO = "2024-01-11T00:00:00Z"
ASSIGN = "/v2/flows/prospects/assign"
OVERRIDE = "/v2/flows/prospects/assign/cool-off-override"
BY_CRM_ID = "/v2/flows/prospects/unassign-flows-by-crm-id"
BY_INSTANCE = "/v2/flows/prospects/unassign-flows-by-instance-id"
Clocked = tuple[ContractClient, FixedClock]


def body(flow_id: int, *crm_ids: str, owner: str = REP, **extra: Any) -> dict[str, Any]:
    return {"flowId": str(flow_id), "crmProspectsIds": list(crm_ids), "flowInstanceOwnerEmail": owner, **extra}


def instances(db: Database, prospect_id: int) -> list[tuple[int, int | None]]:
    with db.read() as conn:
        rows = conn.execute(
            select(flow_instances.c.flow_id, flow_instances.c.ended_ms)
            .where(flow_instances.c.prospect_id == prospect_id)
            .order_by(flow_instances.c.created_ms, flow_instances.c.flow_id)
        ).all()
    return [(r.flow_id, r.ended_ms) for r in rows]


def test_assign_whole_body(clocked: Clocked, company: Company, world: World, db: Database) -> None:
    client, _ = clocked
    r = client.post(
        ASSIGN,
        json=body(1002, world.contact_crm_id, "0035g00000UNKNOWN", world.account_crm_id, flowInstanceDescription="Q1"),
        headers=company.basic,
    )
    assert r.status_code == 200, r.text
    data = r.json()
    [made] = data["prospectsAssigned"]
    assert made == {
        "flowId": "1002",
        "flowName": "My follow-ups",
        "crmProspectId": world.contact_crm_id,
        "flowInstanceId": made["flowInstanceId"],
        "flowInstanceOwnerEmail": REP,
        "flowInstanceOwnerFullName": "Rep One",
        "flowInstanceCreateDate": NOW_ISO,
        "flowInstanceStatus": "Running",
        "workspaceId": None,
        "exclusive": False,
    }
    assert made["flowInstanceId"].isdigit()
    assert data == {
        "requestId": r.headers["x-request-id"],
        "prospectsAssigned": [made],
        "prospectsNotAssigned": [
            {
                "flowId": "1002",
                "crmProspectId": "0035g00000UNKNOWN",
                "errorCode": "InvalidArgument",
                "errorMessage": "Invalid crmId 0035g00000UNKNOWN",
            },
            {  # an account is not a prospect
                "flowId": "1002",
                "crmProspectId": world.account_crm_id,
                "errorCode": "InvalidArgument",
                "errorMessage": f"Invalid crmId {world.account_crm_id}",
            },
        ],
    }
    # the owner gets the first step's call task; the lookup lists the new instance
    with db.read() as conn:
        [task] = conn.execute(select(tasks).where(tasks.c.flow_instance_id == int(made["flowInstanceId"]))).all()
    assert (task.user_id, task.type, task.status, task.step_id, task.due_ms) == (world.rep, "FLOW", "OPEN", 10021, NOW)
    listed = client.post("/v2/flows/prospects", json={"crmProspectsIds": [world.contact_crm_id]}, headers=company.basic)
    assert listed.json()["prospectsAssigned"] == [made]
    again = client.post(ASSIGN, json=body(1002, world.contact_crm_id), headers=company.basic).json()
    assert again["prospectsAssigned"] == []
    assert again["prospectsNotAssigned"][0]["errorMessage"] == "The prospect is already assigned to this flow"


def test_exclusive_flows(clocked: Clocked, company: Company, world: World) -> None:
    client, _ = clocked
    assert client.post(ASSIGN, json=body(1001, world.contact_crm_id), headers=company.basic).json()["prospectsAssigned"]
    out = client.post(ASSIGN, json=body(1006, world.contact_crm_id), headers=company.basic).json()
    assert out["prospectsNotAssigned"] == [
        {
            "flowId": "1006",
            "crmProspectId": world.contact_crm_id,
            "errorCode": "InvalidState",
            "errorMessage": "The prospect is in an exclusive flow and cannot be added to other flows",
        }
    ]
    assert client.post(ASSIGN, json=body(1006, world.lead_crm_id), headers=company.basic).json()["prospectsAssigned"]
    into_exclusive = client.post(ASSIGN, json=body(1001, world.lead_crm_id), headers=company.basic).json()
    assert [x["errorMessage"] for x in into_exclusive["prospectsNotAssigned"]] == [
        "The flow is exclusive and the prospect is already in other flows"
    ]


def test_cool_off_period(clocked: Clocked, company: Company, world: World, db: Database) -> None:
    client, clock = clocked
    assert client.post(ASSIGN, json=body(1006, world.lead_crm_id), headers=company.basic).json()["prospectsAssigned"]
    r = client.post(BY_CRM_ID, json={"crmProspectId": world.lead_crm_id}, headers=company.basic)
    assert r.status_code == 200, r.text
    clock.advance(13 * 86_400)  # flow 1006 cools off for 14 days
    refused = client.post(ASSIGN, json=body(1002, world.lead_crm_id), headers=company.basic).json()
    assert refused["prospectsNotAssigned"] == [
        {
            "flowId": "1002",
            "crmProspectId": world.lead_crm_id,
            "errorCode": "InvalidState",
            "errorMessage": "The prospect is in a cool-off period until 2024-01-25T00:00:00Z",
        }
    ]
    forced = client.post(OVERRIDE, json=body(1002, world.lead_crm_id), headers=company.basic).json()
    assert [x["flowId"] for x in forced["prospectsAssigned"]] == ["1002"]
    assert forced["prospectsNotAssigned"] == []
    client.post(BY_CRM_ID, json={"crmProspectId": world.lead_crm_id, "flowId": "1002"}, headers=company.basic)
    flagged = client.post(
        ASSIGN, json=body(1004, world.lead_crm_id, overrides={"coolOffOverride": True}), headers=company.basic
    ).json()
    assert [x["flowId"] for x in flagged["prospectsAssigned"]] == ["1004"]
    client.post(BY_CRM_ID, json={"crmProspectId": world.lead_crm_id}, headers=company.basic)
    clock.advance(1 * 86_400)  # the cool-off is over
    later = client.post(ASSIGN, json=body(1006, world.lead_crm_id), headers=company.basic).json()
    assert [x["flowId"] for x in later["prospectsAssigned"]] == ["1006"]


def test_assign_limits_and_bad_input(clocked: Clocked, company: Company, world: World) -> None:
    client, _ = clocked
    many = [f"0035g00000X{i:07d}" for i in range(201)]
    assert_error(
        client.post(ASSIGN, json=body(1002, *many), headers=company.basic),
        400,
        "crmProspectsIds: List should have at most 200 items after validation, not 201",
    )
    r = client.post(ASSIGN, json=body(1002, *many[:200]), headers=company.basic)
    assert len(r.json()["prospectsNotAssigned"]) == 200
    assert_error(
        client.post(OVERRIDE, json=body(1002, *many[:101]), headers=company.basic),
        400,
        "crmProspectsIds: at most 100 prospects can be assigned in one request",
    )
    assert_error(
        client.post(ASSIGN, json=body(1002, world.lead_crm_id, owner="ghost@acme.example"), headers=company.basic),
        400,
        "flowInstanceOwnerEmail: no user of the company has this e-mail address",
    )
    assert_error(
        client.post(ASSIGN, json={**body(1002, world.lead_crm_id), "flowId": "x1"}, headers=company.basic),
        400,
        "flowId: 'x1' is not a valid id (a numeric string of up to 20 digits)",
    )
    steps = {"steps": [{"number": 3, "subject": "Hi"}]}
    assert_error(
        client.post(ASSIGN, json=body(1002, world.lead_crm_id, overrides=steps), headers=company.basic),
        400,
        "overrides.steps: the flow has no step number 3",
    )


@pytest.mark.parametrize(
    ("flow_id", "owner"),
    [(9999, REP), (1003, REP), (1005, REP), (2001, REP)],
    ids=["unknown", "personal-of-another-owner", "shared-not-with-owner", "another-company"],
)
def test_a_flow_the_owner_cannot_see_is_not_found(
    clocked: Clocked, company: Company, world: World, db: Database, seed: Seed, flow_id: int, owner: str
) -> None:
    client, _ = clocked
    rival = make_company(db, "Rival")
    seed(e.make_flow, rival.id, 2001, "Rival flow")
    r = client.post(ASSIGN, json=body(flow_id, world.lead_crm_id, owner=owner), headers=company.basic)
    assert_error(r, 404, "Flow not found")
    assert instances(db, world.lead) == []


def test_the_owner_of_a_personal_flow_may_assign_to_it(clocked: Clocked, company: Company, world: World) -> None:
    client, _ = clocked
    out = client.post(ASSIGN, json=body(1003, world.lead_crm_id, owner=OTHER), headers=company.basic).json()
    assert [x["flowInstanceOwnerEmail"] for x in out["prospectsAssigned"]] == [OTHER]


def test_unassign_by_crm_id(clocked: Clocked, company: Company, world: World, seed: Seed, db: Database) -> None:
    client, _ = clocked
    c = company.id
    seed(e.make_instance, c, 601, 1002, world.contact, world.rep)
    seed(e.make_instance, c, 602, 1004, world.contact, world.rep, created_ms=e.T0 + 1)
    seed(e.make_task, c, 701, world.rep, type="FLOW", flow_instance_id=601, prospect_id=world.contact)
    seed(e.make_task, c, 702, world.rep, type="FLOW", flow_instance_id=601, status="DONE")
    one = client.post(BY_CRM_ID, json={"crmProspectId": world.contact_crm_id, "flowId": "1002"}, headers=company.basic)
    assert one.json() == {"requestId": one.headers["x-request-id"], "unassignedFlowInstanceIds": ["601"]}
    with db.read() as conn:  # the open to-do goes, the finished one stays
        assert list(conn.execute(select(tasks.c.id).where(tasks.c.flow_instance_id == 601)).scalars()) == [702]
    rest = client.post(
        BY_CRM_ID, json={"crmProspectId": world.contact_crm_id, "unassignedByUserEmail": OTHER}, headers=company.basic
    )
    assert rest.json()["unassignedFlowInstanceIds"] == ["602"]
    assert instances(db, world.contact) == [(1002, NOW), (1004, NOW)]
    empty = client.post(BY_CRM_ID, json={"crmProspectId": world.contact_crm_id}, headers=company.basic)
    assert empty.json()["unassignedFlowInstanceIds"] == []
    assert_error(
        client.post(BY_CRM_ID, json={"crmProspectId": "0035g00000UNKNOWN"}, headers=company.basic),
        404,
        "Prospect not found",
    )
    assert_error(
        client.post(BY_CRM_ID, json={"crmProspectId": world.contact_crm_id, "flowId": "9999"}, headers=company.basic),
        404,
        "Flow not found",
    )
    assert_error(
        client.post(
            BY_CRM_ID,
            json={"crmProspectId": world.contact_crm_id, "unassignedByUserEmail": "ghost@acme.example"},
            headers=company.basic,
        ),
        400,
        "unassignedByUserEmail: no user of the company has this e-mail address",
    )


def test_unassign_by_instance_id(clocked: Clocked, company: Company, world: World, seed: Seed, db: Database) -> None:
    client, _ = clocked
    rival = make_company(db, "Rival")
    rival_user = seed(f.make_user, rival.id)
    rival_contact = seed(f.make_crm_object, rival.id)
    seed(e.make_flow, rival.id, 2001, "Rival flow")
    seed(e.make_instance, rival.id, 801, 2001, rival_contact, rival_user)
    seed(e.make_instance, company.id, 602, 1004, world.contact, world.rep)
    seed(e.make_instance, company.id, 603, 1006, world.lead, world.rep, ended_ms=e.T0)
    ids = ["999", "602", "801", "603", "602"]
    r = client.post(BY_INSTANCE, json={"flowInstanceIds": ids}, headers=company.basic)
    assert r.json() == {"requestId": r.headers["x-request-id"], "unassignedFlowInstanceIds": ["602"]}
    assert instances(db, rival_contact) == [(2001, None)]
    too_many = [str(i) for i in range(1, 202)]
    assert_error(
        client.post(BY_INSTANCE, json={"flowInstanceIds": too_many}, headers=company.basic),
        400,
        "flowInstanceIds: List should have at most 200 items after validation, not 201",
    )


def test_an_erased_prospect_leaves_its_flows_and_tasks(
    company: Company, world: World, seed: Seed, db: Database
) -> None:
    """The data-privacy erasure deletes the CRM object; the flow instances and tasks about it go with it."""
    seed(e.make_instance, company.id, 601, 1002, world.contact, world.rep)
    seed(e.make_task, company.id, 701, world.rep, type="FLOW", flow_instance_id=601, prospect_id=world.contact)
    seed(e.make_task, company.id, 702, world.rep, prospect_id=world.contact)
    with db.write() as conn:
        conn.execute(delete(crm_objects).where(crm_objects.c.id == world.contact))
    assert instances(db, world.contact) == []
    with db.read() as conn:
        assert conn.execute(select(tasks.c.id).where(tasks.c.id.in_([701, 702]))).all() == []
