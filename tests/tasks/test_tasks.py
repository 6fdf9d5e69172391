"""Engage tasks (listTasks, updateReminder) and the Dialer's call outcomes (listCallOutcomes)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Company, Seed, make_company
from tests.flows import engage as e
from tests.flows.conftest import World
from tests.support import factories as f
from tests.support.api import assert_error
from tests.support.contract import ContractClient

ALL = {"types": ["FLOW", "MANUAL"], "taskAction": ["CALL"], "status": ["OPEN", "DONE", "DISMISSED"]}
NOBODY: dict[str, Any] = dict.fromkeys(
    ("firstName", "lastName", "crmUrl", "companyName", "affiliation", "title", "timezone", "city", "country")
)


@pytest.fixture
def with_tasks(seed: Seed, company: Company, world: World) -> World:
    c = company.id
    seed(e.make_instance, c, 601, 1002, world.contact, world.rep)
    seed(
        e.make_task,
        c,
        701,
        world.rep,
        type="FLOW",
        title=None,
        flow_instance_id=601,
        step_id=10021,
        prospect_id=world.contact,
        due_ms=e.T0 + 2 * e.DAY,
    )
    seed(e.make_task, c, 702, world.rep, prospect_id=world.lead, priority=1, due_ms=e.T0 + e.DAY)
    seed(e.make_task, c, 703, world.rep, status="DONE", title="Old call", due_ms=None)
    seed(e.make_task, c, 704, world.other, title="Someone else's")
    return world


def flow_task(world: World) -> dict[str, Any]:
    return {
        "id": 701,
        "userId": world.rep,
        "created": "2024-01-01T00:00:00Z",
        "updated": "2024-01-01T00:00:00Z",
        "status": "OPEN",
        "type": "FLOW",
        "actions": ["CALL"],
        "account": None,
        "opportunity": None,
        "dueDate": "2024-01-03T00:00:00Z",
        "flow": {"id": 1002, "name": "My follow-ups", "step": {"id": 10021, "name": "Intro call", "stepNumber": 1}},
        "contact": {
            "crmId": world.contact_crm_id,
            "type": "CONTACT",
            "data": {
                **NOBODY,
                "emails": [{"email": "Tom.Baker@Globex.example"}],
                "phoneNumbers": [],
                "state": None,
                "zipcode": None,
                "optOutChannels": [],
                "linkedinProfile": None,
            },
        },
        "additionalContacts": [],
        "title": None,
        "priority": None,
    }


def test_list_tasks_whole_body(client: ContractClient, company: Company, with_tasks: World) -> None:
    w = with_tasks
    r = client.post("/v2/tasks", json={"filter": {"userId": str(w.rep), **ALL}}, headers=company.basic)
    assert r.status_code == 200, r.text
    data = r.json()
    assert [t["id"] for t in data["tasks"]] == [702, 701, 703]  # soonest due first, undated last
    assert data["tasks"][1] == flow_task(w)
    manual = data["tasks"][0]
    assert manual["title"] == "Call back about pricing" and manual["flow"] is None
    assert manual["priority"] == {"id": 1, "name": "high", "weight": 100}
    assert manual["contact"]["type"] == "LEAD"
    assert data["requestId"] == r.headers["x-request-id"] and data["crmType"] is None


def test_list_tasks_filters(client: ContractClient, company: Company, with_tasks: World) -> None:
    def ids(**flt: Any) -> list[int]:
        r = client.post(
            "/v2/tasks", json={"filter": {"userId": str(with_tasks.rep), **ALL, **flt}}, headers=company.basic
        )
        return [t["id"] for t in r.json()["tasks"]]

    assert ids(status=["OPEN"]) == [702, 701]
    assert ids(types=["FLOW"]) == [701]
    assert ids(types=["MANUAL"], status=["DONE"]) == [703]
    assert ids(status=[]) == [702, 701, 703]  # empty: any
    assert ids(workspaceId="123") == []


def test_list_tasks_bad_input(client: ContractClient, company: Company, with_tasks: World, db: Any) -> None:
    def post(flt: dict[str, Any]) -> Any:
        return client.post("/v2/tasks", json={"filter": flt}, headers=company.basic)

    assert_error(post({**ALL, "userId": "12345"}), 404, "User not found")
    assert_error(
        post({**ALL, "userId": str(with_tasks.rep), "status": ["LATE"]}),
        400,
        "filter.status.0: Input should be 'OPEN', 'DONE' or 'DISMISSED'",
    )
    assert_error(
        post({"userId": str(with_tasks.rep)}),
        400,
        "filter.types: is required",
        "filter.taskAction: is required",
        "filter.status: is required",
    )
    assert_error(client.post("/v2/tasks", json={}, headers=company.basic), 400, "filter: is required")
    rival = make_company(db, "Rival")
    r = client.post("/v2/tasks", json={"filter": {**ALL, "userId": str(with_tasks.rep)}}, headers=rival.basic)
    assert_error(r, 404, "User not found")


def test_update_task(client: ContractClient, company: Company, with_tasks: World) -> None:
    w = with_tasks
    r = client.patch(
        "/v2/tasks/701",
        json={"userId": str(w.rep), "status": "DONE", "dueDate": "2024-02-01T09:30:00+02:00", "priority": "medium"},
        headers=company.basic,
    )
    assert r.status_code == 200, r.text
    [task] = r.json()["tasks"]
    assert r.json() == {"requestId": r.headers["x-request-id"], "tasks": [task], "crmType": None}
    assert task == {
        **flow_task(w),
        "status": "DONE",
        "dueDate": "2024-02-01T07:30:00Z",
        "priority": {"id": 2, "name": "medium", "weight": 50},
        "updated": task["updated"],
    }
    assert task["updated"] != task["created"]
    unchanged = client.patch("/v2/tasks/701", json={"userId": str(w.rep)}, headers=company.basic)
    assert unchanged.json()["tasks"] == [task]
    reopened = client.patch("/v2/tasks/701", json={"userId": str(w.rep), "status": "OPEN"}, headers=company.basic)
    assert reopened.json()["tasks"][0]["status"] == "OPEN"


def test_update_task_bad_input(client: ContractClient, company: Company, with_tasks: World, db: Any) -> None:
    rep = str(with_tasks.rep)
    for path, user in (("/v2/tasks/999", rep), ("/v2/tasks/704", rep), ("/v2/tasks/701", str(with_tasks.other))):
        assert_error(
            client.patch(path, json={"userId": user, "status": "DONE"}, headers=company.basic), 404, "Task not found"
        )
    assert_error(
        client.patch("/v2/tasks/701", json={"userId": rep, "status": "SNOOZED"}, headers=company.basic),
        400,
        "status: Input should be 'OPEN', 'DONE' or 'DISMISSED'",
    )
    assert_error(
        client.patch("/v2/tasks/701", json={"userId": rep, "priority": "URGENT"}, headers=company.basic),
        400,
        "priority: must be one of HIGH, MEDIUM, LOW",
    )
    assert_error(
        client.patch("/v2/tasks/701", json={"status": "DONE"}, headers=company.basic), 400, "userId: is required"
    )
    assert_error(
        client.patch("/v2/tasks/abc", json={"userId": rep}, headers=company.basic),
        400,
        "taskId: 'abc' is not a valid id (a numeric string of up to 20 digits)",
    )
    rival = make_company(db, "Rival")
    assert_error(client.patch("/v2/tasks/701", json={"userId": rep}, headers=rival.basic), 404, "Task not found")


def test_list_call_outcomes(client: ContractClient, company: Company, seed: Seed, db: Any) -> None:
    seed(
        e.make_outcome,
        company.id,
        "No answer",
        2,
        connect_status="NOT_CONNECTED",
        sentiment="NEUTRAL",
        category="NOT_ANSWERED",
        todo_action=None,
    )
    seed(e.make_outcome, company.id, "Connected", 1)
    seed(
        e.make_outcome,
        company.id,
        "Do not call",
        3,
        sentiment="NEGATIVE",
        automation="MARK_AS_OPT_OUT",
        todo_action="COMPLETE_AND_REMOVE",
    )
    r = client.get("/v2/call-outcomes", headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "outcomes": [
            {
                "callOutcome": "Connected",
                "displayOrder": 1,
                "connectStatus": "CONNECTED",
                "sentiment": "POSITIVE",
                "todoAction": "COMPLETE",
                "automation": None,
                "category": "ANSWERED",
            },
            {
                "callOutcome": "No answer",
                "displayOrder": 2,
                "connectStatus": "NOT_CONNECTED",
                "sentiment": "NEUTRAL",
                "todoAction": None,
                "automation": None,
                "category": "NOT_ANSWERED",
            },
            {
                "callOutcome": "Do not call",
                "displayOrder": 3,
                "connectStatus": "CONNECTED",
                "sentiment": "NEGATIVE",
                "todoAction": "COMPLETE_AND_REMOVE",
                "automation": "MARK_AS_OPT_OUT",
                "category": "ANSWERED",
            },
        ],
    }
    rival = make_company(db, "Rival")
    seed(f.make_user, rival.id)
    other = client.get("/v2/call-outcomes", headers=rival.basic)
    assert other.json() == {"requestId": other.headers["x-request-id"], "outcomes": []}
