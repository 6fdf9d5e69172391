"""Users (listUsers, listMultipleUsers, getUser, getUserHistory) and GET /v2/workspaces (listWorkspaces)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkit.db import Database
from gongkit.paging import INVALID_CURSOR
from tests.conftest import Company, make_company
from tests.server.conftest import Seed, assert_error, page_through, set_page_size
from tests.support import factories as f
from tests.support.contract import ContractClient

DAY = 86_400_000
T0 = 1_704_067_200_000  # 2024-01-01T00:00:00Z


def make_full_user(seed: Seed, company: Company, **overrides: Any) -> int:
    manager = seed(f.make_user, company.id, created_ms=T0 - DAY)
    values: dict[str, Any] = {
        "email_address": "Dana.Reyes@Acme.example",
        "created_ms": T0 + 1_500,
        "active": True,
        "email_aliases": ["dana@acme.example"],
        "trusted_email_address": "dana.reyes@acme.example",
        "first_name": "Dana",
        "last_name": "Reyes",
        "title": "Account Executive",
        "phone_number": "+1 415 555 0199",
        "extension": "219",
        "personal_meeting_urls": ["https://zoom.us/j/123"],
        "settings": {
            "webConferencesRecorded": True,
            "preventWebConferenceRecording": False,
            "telephonyCallsImported": True,
            "emailsImported": False,
            "preventEmailImport": True,
            "nonRecordedMeetingsImported": False,
            "gongConnectEnabled": True,
        },
        "manager_id": manager,
        "meeting_consent_page_url": "https://join.gong.io/acme/dana",
        "spoken_languages": [{"language": "en-US", "primary": True}, {"language": "es-ES", "primary": False}],
    }
    values.update(overrides)
    return int(seed(f.make_user, company.id, **values))


def expected_user(user: int, manager: str) -> dict[str, Any]:
    return {
        "id": str(user),
        "emailAddress": "Dana.Reyes@Acme.example",
        "created": "2024-01-01T00:00:01.500Z",
        "active": True,
        "emailAliases": ["dana@acme.example"],
        "trustedEmailAddress": "dana.reyes@acme.example",
        "firstName": "Dana",
        "lastName": "Reyes",
        "title": "Account Executive",
        "phoneNumber": "+1 415 555 0199",
        "extension": "219",
        "personalMeetingUrls": ["https://zoom.us/j/123"],
        "settings": {
            "webConferencesRecorded": True,
            "preventWebConferenceRecording": False,
            "telephonyCallsImported": True,
            "emailsImported": False,
            "preventEmailImport": True,
            "nonRecordedMeetingsImported": False,
            "gongConnectEnabled": True,
        },
        "managerId": manager,
        "meetingConsentPageUrl": "https://join.gong.io/acme/dana",
        "spokenLanguages": [{"language": "en-US", "primary": True}, {"language": "es-ES", "primary": False}],
    }


def test_get_user_whole_body(client: ContractClient, company: Company, seed: Seed) -> None:
    user = make_full_user(seed, company)
    r = client.get(f"/v2/users/{user}", headers=company.basic)
    assert r.status_code == 200
    body = r.json()
    assert body == {"requestId": r.headers["x-request-id"], "user": expected_user(user, body["user"]["managerId"])}


def test_list_users_whole_body_without_avatars(client: ContractClient, company: Company, seed: Seed) -> None:
    user = make_full_user(seed, company)
    manager = client.get(f"/v2/users/{user}", headers=company.basic).json()["user"]["managerId"]
    avatar = seed(f.make_user, company.id, is_avatar=True, created_ms=T0 + DAY)
    r = client.get("/v2/users", headers=company.basic)
    assert r.status_code == 200
    body = r.json()
    assert body["requestId"] == r.headers["x-request-id"]
    assert body["records"] == {"totalRecords": 2, "currentPageSize": 2, "currentPageNumber": 0}
    assert [u["id"] for u in body["users"]] == [manager, str(user)]  # by creation time
    assert body["users"][1] == expected_user(user, manager)
    r = client.get("/v2/users", params={"includeAvatars": "true"}, headers=company.basic)
    assert [u["id"] for u in r.json()["users"]] == [manager, str(user), str(avatar)]
    r = client.get("/v2/users", params={"includeAvatars": "maybe"}, headers=company.basic)
    assert_error(r, 400, "includeAvatars: must be true or false")
    # avatars are users: one can be read by id
    assert client.get(f"/v2/users/{avatar}", headers=company.basic).status_code == 200


def test_list_users_of_a_company_without_users_is_an_empty_page(client: ContractClient, company: Company) -> None:
    # GET /v2/users declares no 404
    r = client.get("/v2/users", headers=company.basic)
    assert r.status_code == 200
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "records": {"totalRecords": 0, "currentPageSize": 0, "currentPageNumber": 0},
        "users": [],
    }


def test_user_errors(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    for path in ("/v2/users/{}", "/v2/users/{}/settings-history"):
        assert_error(client.get(path.format(123), headers=company.basic), 404, "User not found")
        assert_error(
            client.get(path.format("me"), headers=company.basic),
            400,
            "id: 'me' is not a valid id (a numeric string of up to 20 digits)",
        )
        other = make_company(db, f"Other {path}")
        theirs = seed(f.make_user, other.id)
        assert_error(client.get(path.format(theirs), headers=company.basic), 404, "User not found")


def test_settings_history_oldest_first(client: ContractClient, company: Company, seed: Seed) -> None:
    user = seed(f.make_user, company.id)
    seed(f.make_settings_change, company.id, user, "emailsImported", False, T0 + 2 * DAY)
    seed(f.make_settings_change, company.id, user, "webConferencesRecorded", True, T0)
    seed(f.make_settings_change, company.id, user, "active", False, T0 + 5 * DAY + 250)
    r = client.get(f"/v2/users/{user}/settings-history", headers=company.basic)
    assert r.status_code == 200
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "userSettingsHistory": [
            {"setting": "webConferencesRecorded", "value": True, "time": "2024-01-01T00:00:00Z"},
            {"setting": "emailsImported", "value": False, "time": "2024-01-03T00:00:00Z"},
            {"setting": "active", "value": False, "time": "2024-01-06T00:00:00.250Z"},
        ],
    }
    quiet = seed(f.make_user, company.id)
    r = client.get(f"/v2/users/{quiet}/settings-history", headers=company.basic)
    assert r.json() == {"requestId": r.headers["x-request-id"], "userSettingsHistory": []}


def test_users_extensive_filters(client: ContractClient, company: Company, seed: Seed) -> None:
    made = [seed(f.make_user, company.id, created_ms=T0 + i * DAY) for i in range(4)]
    seed(f.make_user, company.id, created_ms=T0 + DAY, is_avatar=True)  # left out: no includeAvatars

    def ids(flt: dict[str, Any]) -> list[int]:
        r = client.post("/v2/users/extensive", json={"filter": flt}, headers=company.basic)
        assert r.status_code == 200, r.text
        return [int(u["id"]) for u in r.json()["users"]]

    assert ids({}) == made
    assert ids({"createdFromDateTime": "2024-01-02T00:00:00Z"}) == made[1:]
    assert ids({"createdToDateTime": "2024-01-02T00:00:00Z"}) == made[:1]
    assert (
        ids({"createdFromDateTime": "2024-01-02T00:00:00+00:00", "createdToDateTime": "2024-01-04T00:00:00Z"})
        == made[1:3]
    )
    assert ids({"userIds": [str(made[3]), str(made[0])]}) == [made[0], made[3]]


def test_users_extensive_avatars_and_empty(client: ContractClient, company: Company, seed: Seed) -> None:
    user = seed(f.make_user, company.id, created_ms=T0)
    avatar = seed(f.make_user, company.id, created_ms=T0 + DAY, is_avatar=True)
    r = client.post("/v2/users/extensive", json={"filter": {"includeAvatars": True}}, headers=company.basic)
    assert [u["id"] for u in r.json()["users"]] == [str(user), str(avatar)]
    r = client.post("/v2/users/extensive", json={"filter": {"userIds": [str(avatar)]}}, headers=company.basic)
    assert_error(r, 404, "No users found corresponding to the provided filters")
    r = client.post(
        "/v2/users/extensive", json={"filter": {"createdFromDateTime": "2030-01-01T00:00:00Z"}}, headers=company.basic
    )
    assert_error(r, 404, "No users found corresponding to the provided filters")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "filter: is required"),
        ({"filter": {"userIds": "1"}}, "filter.userIds: Input should be a valid list"),
        (
            {"filter": {"userIds": ["a1"]}},
            "filter.userIds.0: 'a1' is not a valid id (a numeric string of up to 20 digits)",
        ),
        ({"filter": {"includeAvatars": "true"}}, "filter.includeAvatars: Input should be a valid boolean"),
        (
            {"filter": {"createdFromDateTime": "01/02/2024"}},
            "filter.createdFromDateTime: '01/02/2024' is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)",
        ),
        (
            {"filter": {"createdFromDateTime": "2024-02-01T00:00:00Z", "createdToDateTime": "2024-01-01T00:00:00Z"}},
            "filter: createdToDateTime must not be earlier than createdFromDateTime",
        ),
    ],
)
def test_users_extensive_bad_input(
    client: ContractClient, company: Company, body: dict[str, Any], message: str
) -> None:
    assert_error(client.post("/v2/users/extensive", json=body, headers=company.basic), 400, message)


def test_user_paging_get_and_post(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    made = [seed(f.make_user, company.id, created_ms=T0 + (i // 2) * DAY) for i in range(5)]
    expected = [str(u) for _, u in sorted((T0 + (i // 2) * DAY, u) for i, u in enumerate(made))]
    set_page_size(client, db, company, 2)
    pages = page_through(client, "GET", "/v2/users", company.basic)
    assert [u["id"] for p in pages for u in p["users"]] == expected
    assert [p["records"]["currentPageSize"] for p in pages] == [2, 2, 1]
    pages = page_through(client, "POST", "/v2/users/extensive", company.basic, body={"filter": {}})
    assert [u["id"] for p in pages for u in p["users"]] == expected
    cursor = pages[0]["records"]["cursor"]
    r = client.get("/v2/users", params={"cursor": cursor}, headers=company.basic)
    assert_error(r, 400, INVALID_CURSOR)
    r = client.post(
        "/v2/users/extensive", json={"filter": {"includeAvatars": True}, "cursor": cursor}, headers=company.basic
    )
    assert_error(r, 400, INVALID_CURSOR)


# --- workspaces -------------------------------------------------------------------------------------------------


def test_workspaces_whole_body(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    r = client.get("/v2/workspaces", headers=company.basic)
    assert r.json() == {"requestId": r.headers["x-request-id"], "workspaces": []}
    emea = seed(f.make_workspace, company.id, "EMEA", description="Europe, Middle East and Africa")
    amer = seed(f.make_workspace, company.id, "Americas", description=None, is_default=True)
    other = make_company(db, "Other")
    seed(f.make_workspace, other.id, "Theirs")
    r = client.get("/v2/workspaces", headers=company.basic)
    assert r.status_code == 200
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "workspaces": [
            {"id": str(amer), "name": "Americas"},
            {"id": str(emea), "name": "EMEA", "description": "Europe, Middle East and Africa"},
        ],
    }
