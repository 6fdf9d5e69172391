"""Permission profiles: listPermissionProfile, get/create/updatePermissionProfile, listPermissionProfileUsers."""

from __future__ import annotations

from typing import Any

import pytest

from gongkit.db import Database
from tests.conftest import Company, Seed, make_company
from tests.permissions.support import (
    ALL_PROFILES,
    PROFILE,
    PROFILE_USERS,
    attach,
    make_folder,
    off,
    whole_profile,
    workspace_with_users,
)
from tests.support import factories as f
from tests.support.api import assert_error, bearer
from tests.support.contract import ContractClient

LEVELS = "all, managers-team, report-to-them, own, none"


def create(client: ContractClient, company: Company, workspace: int, body: dict[str, Any]) -> dict[str, Any]:
    r = client.post(PROFILE, params={"workspaceId": str(workspace)}, json=body, headers=company.basic)
    assert r.status_code == 200, r.text
    return dict(r.json()["profile"])


def test_create_answers_and_keeps_the_whole_profile(client: ContractClient, company: Company, seed: Seed) -> None:
    ws, (lead, _) = seed(workspace_with_users, company.id)
    folder = seed(make_folder, company.id, ws)
    body = {
        "name": "Sales managers",
        "description": "Managers of the sales teams",
        "callsAccess": {"permissionLevel": "managers-team", "teamLeadIds": [str(lead)]},
        "libraryFolderAccess": {
            "permissionLevel": "specific-folders",
            "libraryFolderIds": [str(folder)],
            "manageFolderCalls": True,
        },
        "dealsAccess": {"permissionLevel": "all"},
        "forecastPermissions": {"forecastEditTargets": {"permissionLevel": "own"}},
        "downloadCallMedia": True,
        # The booleans the 2024 contract lacks and the seed action sends: accepted and kept.
        "overrideScore": True,
        "engageCreateAndManageRulesets": True,
        "viewEngageAnalyticsActivity": True,
        "viewEngageAnalyticsFlows": False,
        "viewEngageAnalyticsPerformance": True,
    }
    r = client.post(PROFILE, params={"workspaceId": str(ws)}, json=body, headers=company.basic)
    assert r.status_code == 200, r.text
    profile_id = r.json()["profile"]["id"]
    expected = whole_profile(
        profile_id,
        "Sales managers",
        "Managers of the sales teams",
        callsAccess={"permissionLevel": "managers-team", "teamLeadIds": [str(lead)]},
        libraryFolderAccess={
            "permissionLevel": "specific-folders",
            "libraryFolderIds": [str(folder)],
            "managePublicFolder": False,
            "manageStreams": False,
            "manageFolderCalls": True,
            "shareFoldersAndStreams": False,
        },
        dealsAccess=off("all"),
        forecastPermissions={
            "forecastAccess": off(),
            "forecastEditSubmissions": off(),
            "forecastEditTargets": off("own"),
        },
        downloadCallMedia=True,
        overrideScore=True,
        engageCreateAndManageRulesets=True,
        viewEngageAnalyticsActivity=True,
        viewEngageAnalyticsPerformance=True,
    )
    assert r.json() == {"requestId": r.headers["x-request-id"], "profile": expected}
    got = client.get(PROFILE, params={"profileId": profile_id}, headers=company.basic)
    assert got.json() == {"requestId": got.headers["x-request-id"], "profile": expected}


def test_list_is_alphabetical_and_per_workspace(client: ContractClient, company: Company, seed: Seed) -> None:
    ws, _ = seed(workspace_with_users, company.id)
    other_ws = seed(f.make_workspace, company.id)
    ids = {name: create(client, company, ws, {"name": name})["id"] for name in ("sales", "Admins", "Coaches")}
    create(client, company, other_ws, {"name": "Elsewhere"})
    r = client.get(ALL_PROFILES, params={"workspaceId": str(ws)}, headers=company.basic)
    assert r.status_code == 200
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "profiles": [whole_profile(ids[n], n, None) for n in ("Admins", "Coaches", "sales")],
    }
    empty_ws = seed(f.make_workspace, company.id)
    r = client.get(ALL_PROFILES, params={"workspaceId": str(empty_ws)}, headers=company.basic)
    assert r.json() == {"requestId": r.headers["x-request-id"], "profiles": []}


def test_update_replaces_the_permissions_and_keeps_name(client: ContractClient, company: Company, seed: Seed) -> None:
    ws, _ = seed(workspace_with_users, company.id)
    made = create(
        client,
        company,
        ws,
        {"name": "Reps", "description": "Front line", "scoreCalls": True, "callsAccess": off("own")},
    )
    r = client.put(
        PROFILE,
        params={"profileId": made["id"]},
        json={"id": made["id"], "coachingAccess": {"permissionLevel": "all"}, "aiBuilder": True},
        headers=company.basic,
    )
    assert r.status_code == 200, r.text
    expected = whole_profile(made["id"], "Reps", "Front line", coachingAccess=off("all"), aiBuilder=True)
    assert r.json() == {"requestId": r.headers["x-request-id"], "profile": expected}
    renamed = client.put(
        PROFILE, params={"profileId": made["id"]}, json={"name": "Field reps", "description": ""}, headers=company.basic
    ).json()["profile"]
    assert renamed == whole_profile(made["id"], "Field reps", "")
    # The same name again (in another case) is the profile's own: no conflict.
    again = client.put(PROFILE, params={"profileId": made["id"]}, json={"name": "FIELD REPS"}, headers=company.basic)
    assert again.status_code == 200 and again.json()["profile"]["name"] == "FIELD REPS"


def test_profile_users(client: ContractClient, company: Company, seed: Seed) -> None:
    ws, (u1, u2) = seed(workspace_with_users, company.id)
    u3 = seed(f.make_user, company.id, first_name=None, last_name=None, email_address="solo@acme.example")
    profile = create(client, company, ws, {"name": "Reps"})
    other = create(client, company, ws, {"name": "Managers"})
    seed(attach, company.id, ws, profile["id"], u1, u3)
    seed(attach, company.id, ws, other["id"], u2)
    r = client.get(PROFILE_USERS, params={"profileId": profile["id"]}, headers=company.basic)
    assert r.status_code == 200
    listed = r.json()["users"]
    assert sorted(u["id"] for u in listed) == sorted([str(u1), str(u3)])
    solo = next(u for u in listed if u["id"] == str(u3))
    assert solo == {"id": str(u3), "fullName": None, "emailAddress": "solo@acme.example"}
    first = next(u for u in listed if u["id"] == str(u1))
    assert set(first) == {"id", "fullName", "emailAddress"} and first["fullName"] and "@" in first["emailAddress"]
    nobody = create(client, company, ws, {"name": "Nobody"})
    r = client.get(PROFILE_USERS, params={"profileId": nobody["id"]}, headers=company.basic)
    assert r.json() == {"requestId": r.headers["x-request-id"], "users": []}


def test_unknown_and_foreign_profiles_are_404(
    client: ContractClient, company: Company, seed: Seed, db: Database
) -> None:
    ws, _ = seed(workspace_with_users, company.id)
    mine = create(client, company, ws, {"name": "Mine"})
    other = make_company(db, "Initech")
    other_ws, _ = seed(workspace_with_users, other.id)
    theirs = create(client, other, other_ws, {"name": "Theirs"})
    for profile_id in ("1234567890", theirs["id"]):
        for method, path in (("GET", PROFILE), ("GET", PROFILE_USERS)):
            r = client.request(method, path, params={"profileId": profile_id}, headers=company.basic)
            assert_error(r, 404, "profileId: Permission profile not found")
        r = client.put(PROFILE, params={"profileId": profile_id}, json={"name": "X"}, headers=company.basic)
        assert_error(r, 404, "profileId: Permission profile not found")
    for workspace in ("1234567890", str(other_ws)):
        r = client.get(ALL_PROFILES, params={"workspaceId": workspace}, headers=company.basic)
        assert_error(r, 404, f"workspaceId: workspace {workspace} was not found")
        r = client.post(PROFILE, params={"workspaceId": workspace}, json={"name": "X"}, headers=company.basic)
        assert_error(r, 404, f"workspaceId: workspace {workspace} was not found")
    # Nothing of the other company was changed or shown.
    assert client.get(PROFILE, params={"profileId": theirs["id"]}, headers=other.basic).json()["profile"] == theirs
    assert client.get(PROFILE, params={"profileId": mine["id"]}, headers=company.basic).status_code == 200


def test_duplicate_names_are_refused(client: ContractClient, company: Company, seed: Seed) -> None:
    ws, _ = seed(workspace_with_users, company.id)
    other_ws = seed(f.make_workspace, company.id)
    first = create(client, company, ws, {"name": "Reps"})
    r = client.post(PROFILE, params={"workspaceId": str(ws)}, json={"name": " reps "}, headers=company.basic)
    assert_error(r, 409, f"name: workspace {ws} already has a permission profile named 'reps' ({first['id']})")
    second = create(client, company, ws, {"name": "Managers"})
    r = client.put(PROFILE, params={"profileId": second["id"]}, json={"name": "REPS"}, headers=company.basic)
    assert_error(r, 409, f"name: workspace {ws} already has a permission profile named 'REPS' ({first['id']})")
    assert create(client, company, other_ws, {"name": "Reps"})["name"] == "Reps"  # another workspace: fine


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "name: is required"),
        ({"name": "  "}, "name: String should have at least 1 character"),
        (
            {"name": "P", "callsAccess": {"permissionLevel": "everyone"}},
            f"callsAccess.permissionLevel: 'everyone' is not a permission level; use one of: {LEVELS}",
        ),
        (
            {"name": "P", "dealsAccess": {"permissionLevel": "all / managers-team / report-to-them / own / none"}},
            "dealsAccess.permissionLevel: 'all / managers-team / report-to-them / own / none' is not a permission "
            f"level; use one of: {LEVELS}",
        ),
        (
            {"name": "P", "libraryFolderAccess": {"permissionLevel": "some"}},
            "libraryFolderAccess.permissionLevel: 'some' is not a permission level; use one of: none, all, "
            "specific-folders",
        ),
        (
            {"name": "P", "usageAccess": {"permissionLevel": "managers-team"}},
            "usageAccess.teamLeadIds: the managers-team level needs at least one team lead",
        ),
        (
            {"name": "P", "forecastPermissions": {"forecastAccess": {"permissionLevel": "all", "teamLeadIds": ["5"]}}},
            "forecastPermissions.forecastAccess.teamLeadIds: team leads go with the managers-team level only, not 'all'",
        ),
        (
            {"name": "P", "emailsAccess": {"permissionLevel": "managers-team", "teamLeadIds": ["77"]}},
            "emailsAccess.teamLeadIds: 77 is not a user of this company",
        ),
        (
            {"name": "P", "libraryFolderAccess": {"permissionLevel": "specific-folders"}},
            "libraryFolderAccess.libraryFolderIds: the specific-folders level needs at least one",
        ),
        (
            {"name": "P", "libraryFolderAccess": {"permissionLevel": "none", "manageStreams": True}},
            "libraryFolderAccess.manageStreams: needs a permissionLevel other than 'none'",
        ),
        (
            {"name": "P", "libraryFolderAccess": {"permissionLevel": "specific-folders", "libraryFolderIds": ["9"]}},
            "libraryFolderAccess.libraryFolderIds: 9 is not a library folder of workspace {ws}",
        ),
        ({"name": "P", "scoreCalls": "yes"}, "scoreCalls: Input should be a valid boolean"),
        (
            {"name": "P", "callsAccess": {"teamLeadIds": ["x1"]}},
            "callsAccess.teamLeadIds.0: 'x1' is not a valid id (a numeric string of up to 20 digits)",
        ),
    ],
)
def test_bad_profiles_are_400(
    client: ContractClient, company: Company, seed: Seed, body: dict[str, Any], message: str
) -> None:
    ws, _ = seed(workspace_with_users, company.id)
    r = client.post(PROFILE, params={"workspaceId": str(ws)}, json=body, headers=company.basic)
    assert_error(r, 400, message.format(ws=ws))
    assert client.get(ALL_PROFILES, params={"workspaceId": str(ws)}, headers=company.basic).json()["profiles"] == []


def test_bad_queries_and_ids(client: ContractClient, company: Company, seed: Seed) -> None:
    ws, _ = seed(workspace_with_users, company.id)
    made = create(client, company, ws, {"name": "Reps"})
    assert_error(client.get(PROFILE, headers=company.basic), 400, "profileId: is required")
    assert_error(client.get(ALL_PROFILES, headers=company.basic), 400, "workspaceId: is required")
    r = client.get(PROFILE, params={"profileId": "abc"}, headers=company.basic)
    assert_error(r, 400, "profileId: 'abc' is not a valid id (a numeric string of up to 20 digits)")
    r = client.put(PROFILE, params={"profileId": made["id"]}, json={"id": "42"}, headers=company.basic)
    assert_error(r, 400, f"id: 42 is not the profileId of the request ({made['id']})")


def test_scopes(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    ws, _ = seed(workspace_with_users, company.id)
    made = create(client, company, ws, {"name": "Reps"})
    reader = bearer(db, company, "api:permission-profile:read")
    assert client.get(PROFILE, params={"profileId": made["id"]}, headers=reader).status_code == 200
    r = client.post(PROFILE, params={"workspaceId": str(ws)}, json={"name": "X"}, headers=reader)
    assert_error(r, 401, "Access denied: this request needs the scope 'api:permission-profile:write'")
    r = client.get(PROFILE_USERS, params={"profileId": made["id"]}, headers=reader)
    assert_error(r, 401, "Access denied: this request needs the scope 'api:users:read'")
