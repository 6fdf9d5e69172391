"""The permissions group through its seed actions (each run once against the server, over a demo company) and
through the SDK, sync and async."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
import pytest
from sqlalchemy import select

from gongkit import AsyncGong
from gongkit import control as admin
from gongkit.actions import run
from gongkit.db import Database
from gongkit.db.schema import call_access, calls, permission_profile_users, users, workspaces
from gongkit.demo import DemoSize, create_demo_company
from gongkit.kernel.config import ServerSettings
from gongkit.sdk import Gong
from gongkit.types.permissions import AccessLevel, CallUsers, PermissionProfile
from tests.support.contract import ContractClient

SMALL = DemoSize(calls=8, users=8, workspaces=1, accounts=3, contacts_per_account=1, leads=4, emails=9, meetings=6)


@dataclass
class Demo:
    gong: Gong
    key: str
    secret: str
    company_id: int
    db: Database

    def run(self, name: str, inputs: dict[str, Any]) -> Any:
        out = run(name, inputs, client=self.gong)
        assert out["successful"], out["error"]
        assert out["error"] is None
        return out["data"]

    def one(self, query: Any) -> Any:
        with self.db.read() as conn:
            return conn.execute(query).scalar_one()


@pytest.fixture
def demo(settings: ServerSettings, db: Database, client: ContractClient) -> Iterator[Demo]:
    summary = create_demo_company(db, seed=5, size=SMALL)
    with db.write() as conn:
        admin.update_company(conn, summary.company_id, rate_per_second=100_000, rate_per_day=10_000_000)
    gong = Gong(
        summary.access_key, summary.secret, base_url="http://testserver", http_client=client, pace=None, max_retries=0
    )
    yield Demo(gong, summary.access_key, summary.secret, summary.company_id, db)


def test_profile_actions(demo: Demo) -> None:
    ws = str(demo.one(select(workspaces.c.id).where(workspaces.c.company_id == demo.company_id)))
    listed = demo.run("GONG_FETCH_ALL_PERMISSION_PROFILES", {"workspaceId": ws})["profiles"]
    names = [p["name"] for p in listed]
    assert names == sorted(names, key=str.lower) and "Managers" in names
    lead = str(demo.one(select(users.c.id).where(users.c.company_id == demo.company_id).order_by(users.c.id).limit(1)))
    made = demo.run(
        "GONG_CREATE_PERMISSION_PROFILE_V2_PERMISSION_PROFILE",
        {
            "workspaceId": ws,
            "name": "Coaches",
            "description": "Enablement team",
            "callsAccess__permissionLevel": "managers-team",
            "callsAccess__teamLeadIds": [lead],
            "libraryFolderAccess__permissionLevel": "all",
            "libraryFolderAccess__manageStreams": True,
            "forecastPermissions__forecastEditTargets__permissionLevel": "own",
            "overrideScore": True,
            "engageCreateAndManageRulesets": True,
            "viewEngageAnalyticsActivity": True,
            "viewEngageAnalyticsFlows": True,
            "viewEngageAnalyticsPerformance": True,
        },
    )["profile"]
    assert made["callsAccess"] == {"permissionLevel": "managers-team", "teamLeadIds": [lead]}
    assert made["forecastPermissions"]["forecastEditTargets"]["permissionLevel"] == "own"
    assert made["libraryFolderAccess"]["manageStreams"] is True
    assert all(made[k] for k in ("overrideScore", "engageCreateAndManageRulesets", "viewEngageAnalyticsFlows"))
    got = demo.run("GONG_GET_PERMISSION_PROFILE", {"profileId": made["id"]})["profile"]
    assert got == made
    updated = demo.run(
        "GONG_UPDATE_PERMISSION_PROFILE_V2_PERMISSION_PROFILE",
        {"profileId": made["id"], "id": made["id"], "coachingAccess__permissionLevel": "all", "coaching": True},
    )["profile"]
    assert updated["name"] == "Coaches" and updated["coaching"] is True and updated["overrideScore"] is False
    managers = next(p for p in listed if p["name"] == "Managers")
    members = demo.run("GONG_RETRIEVE_USERS_FROM_PERMISSION_PROFILE", {"profileId": managers["id"]})["users"]
    expected = demo.one(
        select(permission_profile_users.c.user_id)
        .where(permission_profile_users.c.profile_id == int(managers["id"]))
        .order_by(permission_profile_users.c.user_id)
        .limit(1)
    )
    assert str(expected) in {u["id"] for u in members}


def test_call_access_actions(demo: Demo) -> None:
    call = demo.one(select(calls.c.id).where(calls.c.company_id == demo.company_id).order_by(calls.c.id).limit(1))
    host = demo.one(select(calls.c.primary_user_id).where(calls.c.id == call))
    with demo.db.read() as conn:
        held = set(conn.execute(select(call_access.c.user_id).where(call_access.c.call_id == call)).scalars())
        others = [
            u
            for u in conn.execute(select(users.c.id).where(users.c.company_id == demo.company_id)).scalars()
            if u not in held and u != host
        ]
    user = str(others[-1])
    demo.run("GONG_SET_USER_CALL_ACCESS", {"callAccessList": [{"callId": str(call), "userIds": [user]}]})
    listed = demo.run("GONG_MANAGE_USER_CALL_ACCESS", {"filter__callIds": [str(call)]})["callAccessList"]
    assert {"userId": user} in listed[0]["users"]
    demo.run("GONG_DELETE_USERS_FROM_CALL_ACCESS_LIST", {"callAccessList": [{"callId": str(call), "userIds": [user]}]})
    listed = demo.run("GONG_MANAGE_USER_CALL_ACCESS", {"filter__callIds": [str(call)]})["callAccessList"]
    assert {"userId": user} not in listed[0]["users"]


def test_sdk_sync_and_async(demo: Demo, client: ContractClient) -> None:
    ws = demo.one(select(workspaces.c.id).where(workspaces.c.company_id == demo.company_id))
    call = demo.one(select(calls.c.id).where(calls.c.company_id == demo.company_id).order_by(calls.c.id).limit(1))
    user = demo.one(
        select(users.c.id).where(users.c.company_id == demo.company_id).order_by(users.c.id.desc()).limit(1)
    )
    gong = demo.gong
    made = gong.permissions.create_profile(
        ws, PermissionProfile(name="Sync", dealsAccess=AccessLevel(permissionLevel="all"), downloadCallMedia=True)
    )
    assert made.id and made.dealsAccess == AccessLevel(permissionLevel="all", teamLeadIds=[])
    assert made.downloadCallMedia is True and made.model_extra and made.model_extra["aiBuilder"] is False
    assert gong.permissions.get_profile(made.id) == made
    assert "Sync" in [p.name for p in gong.permissions.list_profiles(ws)]
    renamed = gong.permissions.update_profile(made.id, {"name": "Sync 2", "deals": True})
    assert renamed.name == "Sync 2" and renamed.deals is True and renamed.downloadCallMedia is False
    assert gong.permissions.profile_users(made.id) == []
    gong.permissions.add_call_access([CallUsers(callId=str(call), userIds=[str(user)])])
    [access] = gong.permissions.call_access(call)
    assert access.callId == str(call) and str(user) in [u.userId for u in access.users or []]
    gong.permissions.remove_call_access([{"callId": call, "userIds": [user]}])
    assert str(user) not in [u.userId for u in gong.permissions.call_access([call])[0].users or []]

    async def main() -> None:
        transport = httpx.ASGITransport(app=client.app)
        async with AsyncGong(
            demo.key,
            demo.secret,
            base_url="http://testserver",
            http_client=httpx.AsyncClient(transport=transport, base_url="http://testserver"),
            pace=None,
            max_retries=0,
        ) as agong:
            again = await agong.permissions.create_profile(str(ws), {"name": "Async"})
            assert (await agong.permissions.get_profile(again.id or "")).name == "Async"
            assert [p.id for p in await agong.permissions.list_profiles(ws) if p.name == "Async"] == [again.id]
            assert (await agong.permissions.update_profile(again.id or "", {"scoreCalls": True})).scoreCalls is True
            assert await agong.permissions.profile_users(again.id or "") == []
            await agong.permissions.add_call_access([{"callId": call, "userIds": [user]}])
            assert (await agong.permissions.call_access([call]))[0].users
            await agong.permissions.remove_call_access([{"callId": call, "userIds": [user]}])

    anyio.run(main)
