"""The Engage operations through the SDK (sync and async, each request checked against the contract) and through
the seed actions and tool, against the in-process server."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from gongkit import AsyncGong, Gong, NotFoundError
from gongkit.actions import run
from gongkit.demo import DemoSize, create_demo_company
from gongkit.types.flows import AssignOverrides
from tests.conftest import Company, Seed
from tests.flows import engage as e
from tests.flows.conftest import REP, World
from tests.support.contract import ContractClient, check_request, check_response


def _check_sent(request: httpx.Request) -> None:
    body: Any = json.loads(request.content) if request.content else None
    check_request(request.method, request.url.path, body)


@pytest.fixture
def gong(client: ContractClient, company: Company) -> Gong:
    client.event_hooks = {"request": [_check_sent], "response": []}
    return Gong(company.access_key, company.secret, base_url="http://testserver", http_client=client, pace=None)


def test_sync_sdk(gong: Gong, company: Company, world: World, seed: Seed) -> None:
    seed(e.make_outcome, company.id, "Connected", 1)
    assert [f.id for f in gong.flows.list(REP)] == ["1001", "1002", "1004", "1006"]
    assert [f.id for f in gong.flows.list(REP, folder_id=100)] == ["1001"]
    assert [f.name for f in gong.flows.folders(REP, parent_id=100)] == ["Outbound", "My sequences", "Team"]
    result = gong.flows.assign(
        1002,
        [world.contact_crm_id, "nope"],
        REP,
        overrides=AssignOverrides(coolOffOverride=False),
        flow_instance_description="Event follow-up",
    )
    [made] = result.prospectsAssigned
    assert (made.flowId, made.crmProspectId, made.flowInstanceStatus) == ("1002", world.contact_crm_id, "Running")
    assert [x.errorCode for x in result.prospectsNotAssigned] == ["InvalidArgument"]
    forced = gong.flows.assign_cool_off_override(1004, [world.lead_crm_id], REP)
    assert [x.flowId for x in forced.prospectsAssigned] == ["1004"]
    found = gong.flows.for_prospects([world.contact_crm_id, world.lead_crm_id])
    assert [x.flowId for x in found] == ["1002", "1004"]
    tasks = gong.tasks.list(world.rep, statuses=["OPEN"])
    assert [t.flow.id for t in tasks.tasks if t.flow] == [1002, 1004]
    done = gong.tasks.update(tasks.tasks[0].id, world.rep, status="DONE", priority="HIGH")
    assert (done.status, done.priority and done.priority.name) == ("DONE", "high")
    with pytest.raises(NotFoundError):
        gong.tasks.update(1, world.rep, status="DONE")
    assert gong.flows.unassign(world.contact_crm_id, flow_id=1002) == [made.flowInstanceId]
    assert gong.flows.unassign_instances([forced.prospectsAssigned[0].flowInstanceId, "1"]) == [
        forced.prospectsAssigned[0].flowInstanceId
    ]
    assert [o.callOutcome for o in gong.calls.outcomes()] == ["Connected"]


def test_async_sdk(client: ContractClient, company: Company, world: World) -> None:
    async def check_answer(response: httpx.Response) -> None:
        await response.aread()
        check_response(response.request.method, response.request.url.path, response.status_code, response.content)

    async def check_sent(request: httpx.Request) -> None:
        _check_sent(request)

    async def main() -> None:
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=client.app),
            base_url="http://testserver",
            event_hooks={"request": [check_sent], "response": [check_answer]},
        )
        async with (
            http,
            AsyncGong(
                company.access_key, company.secret, base_url="http://testserver", http_client=http, pace=None
            ) as g,
        ):
            assert [f.id async for f in g.flows.list(REP)] == ["1001", "1002", "1004", "1006"]
            assert [f.id async for f in g.flows.folders(REP)] == ["100", "101", "103"]
            result = await g.flows.assign(1006, [world.lead_crm_id], REP)
            instance = result.prospectsAssigned[0].flowInstanceId
            assert [x.flowInstanceId for x in await g.flows.for_prospects([world.lead_crm_id])] == [instance]
            assert (await g.tasks.list(world.rep)).tasks == []  # flow 1006 starts with an e-mail: no call task
            assert await g.flows.unassign(world.lead_crm_id) == [instance]
            assert await g.flows.unassign_instances([instance]) == []
            again = await g.flows.assign_cool_off_override(1006, [world.lead_crm_id], REP)
            assert again.prospectsAssigned and not again.prospectsNotAssigned
            assert await g.calls.outcomes() == []

    asyncio.run(main())


def test_seed_actions_and_tool(client: ContractClient, company: Company, world: World) -> None:
    gong = Gong(
        company.access_key, company.secret, base_url="http://testserver", http_client=client, pace=None, max_retries=0
    )

    def act(name: str, inputs: dict[str, Any]) -> Any:
        out = run(name, inputs, client=gong)
        assert out["successful"], out["error"]
        assert out["error"] is None
        return out["data"]

    listed = act("GONG_LIST_GONG_ENGAGE_FLOWS_V2_FLOWS", {"flowOwnerEmail": REP})
    assert [x["id"] for x in listed["flows"]] == ["1001", "1002", "1004", "1006"]
    assigned = act(
        "GONG_ASSIGN_PROSPECTS_TO_FLOW",
        {"flowId": "1002", "crmProspectsIds": [world.contact_crm_id], "flowInstanceOwnerEmail": REP},
    )
    [made] = assigned["prospectsAssigned"]
    found = act("GONG_LIST_FLOWS_FOR_CRM_PROSPECTS", {"crmProspectsIds": [world.contact_crm_id]})
    assert found["prospectsAssigned"] == [made]
    creds = {"accessKey": company.access_key, "accessKeySecret": company.secret}
    tool = act("gong_list_gong_engage_flows", {**creds, "flowOwnerEmail": REP})
    assert tool["flows"] == listed["flows"]
    assert tool["totalRecords"] == 4 and "records" not in tool


def test_the_demo_company_has_engage_data(client: ContractClient, db: Any, settings: Any) -> None:
    size = DemoSize(calls=8, users=6, accounts=3, contacts_per_account=2, leads=6, emails=9, meetings=6)
    demo = create_demo_company(db, seed=5, size=size, media_dir=settings.media_dir)
    gong = Gong(demo.access_key, demo.secret, base_url="http://testserver", http_client=client, pace=None)
    users = list(gong.users.list())
    seen = {u.emailAddress: [f.visibility for f in gong.flows.list(u.emailAddress or "")] for u in users}
    assert {v for flows in seen.values() for v in flows} == {"Company", "Personal", "Shared"}
    assert all(flows.count("Company") == 6 for flows in seen.values())
    assert [f.folderId for f in gong.flows.folders(users[0].emailAddress or "")]
    tasks = [t for u in users for t in gong.tasks.list(u.id).tasks]
    assert {t.type for t in tasks} == {"FLOW", "MANUAL"} and all(t.contact for t in tasks)
    assert len(gong.calls.outcomes()) == 9
    crm_ids = [t.contact.crmId for t in tasks if t.type == "FLOW" and t.status == "OPEN" and t.contact]
    assert gong.flows.for_prospects([c for c in crm_ids if c])
