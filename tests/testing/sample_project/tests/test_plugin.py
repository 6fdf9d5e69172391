"""The plugin's own behaviours, as a project sees them (run by gongkit's tests/testing/test_sample_project.py)."""

import asyncio
import json
import time
from pathlib import Path

import httpx
import pytest

from gongkit.testing import SeedError


def test_the_projects_fixtures_keep_their_names(client, company, db, gong_company):
    assert (client, company, db) == ("the project's client", "the project's company", "the project's db")
    assert gong_company.id > 0


def test_each_test_gets_a_fresh_company(gong):
    assert list(gong.users.list()) == []


def test_seeding_from_yaml_reaches_every_listing(gong, gong_seed, gong_credentials, gong_server):
    ids = gong_seed.load(Path(__file__).parent / "company.yaml")
    assert ids["users"] == ["1001", "1002"] and ids["calls"] == ["7001"]
    assert gong.users.get("1002").managerId == "1001"
    call = gong.calls.get("7001")
    assert (call.title, call.workspaceId, call.scope) == ("Kick-off", "501", "External")
    with gong_server.http_client(auth=gong_credentials.auth) as http:
        found = http.get("/v2/data-privacy/data-for-email-address", params={"emailAddress": "maya@northwind.example"})
    assert found.status_code == 200, found.text
    assert [c["id"] for c in found.json()["calls"]] == ["7001"]
    assert len(found.json()["emails"]) == 1 and len(found.json()["meetings"]) == 1


def test_seeding_from_json(tmp_path, gong, gong_seed):
    path = tmp_path / "users.json"
    path.write_text(json.dumps({"users": [{"emailAddress": "json@acme.example", "firstName": "Jay"}]}))
    (uid,) = gong_seed.load(path)["users"]
    assert gong.users.get(uid).firstName == "Jay"


def test_bad_seed_data_names_every_field_and_writes_nothing(gong, gong_seed):
    with pytest.raises(SeedError) as caught:
        gong_seed.load(
            {
                "users": [{"emailAddress": "ok@acme.example"}, {"emailAdress": "typo@acme.example"}],
                "calls": [{"started": "yesterday", "primaryUserId": "42"}],
            }
        )
    problems = caught.value.problems
    assert problems[0] == "users[1].emailAddress: Field required"
    assert problems[1].startswith("users[1].emailAdress: unknown field (User fields are: id, emailAddress,")
    assert problems[2].startswith("calls[0].started: 'yesterday' is not an ISO-8601 date-time")
    with pytest.raises(SeedError) as caught:
        gong_seed.call(started="2025-01-06T15:00:00Z", primaryUserId="42")
    assert caught.value.problems == ["calls[0].primaryUserId: 42 is not a user of this company"]
    assert list(gong.users.list()) == []


def test_the_clock_can_be_frozen_and_moved(gong_server, gong_company, gong_clock, gong_seed):
    gong_clock.freeze("2025-03-01T12:00:00Z")
    uid = gong_seed.user(emailAddress="new@acme.example")
    token = gong_server.create_token(gong_company, "api:users:read", expires_in_seconds=3600)
    with gong_server.http_client(headers={"Authorization": f"Bearer {token}"}) as http:
        user = http.get(f"/v2/users/{uid}").json()["user"]
        assert user["created"] == "2025-03-01T12:00:00Z"
        gong_clock.advance(minutes=59)
        assert http.get(f"/v2/users/{uid}").status_code == 200
        gong_clock.advance(minutes=2)
        assert http.get(f"/v2/users/{uid}").status_code == 401


@pytest.mark.gong_rate_limits("gong")
def test_gongs_rate_limits(gong_rate_limits, gong, gong_credentials, gong_server):
    assert gong_rate_limits == "gong"
    with gong_server.http_client(auth=gong_credentials.auth) as http:
        statuses = [http.get("/v2/users").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    time.sleep(1.1)
    started = time.monotonic()
    for _ in range(4):
        gong.request("GET", "/v2/workspaces")
    assert time.monotonic() - started >= 0.9  # the SDK paced itself at three a second


SMALL_DEMO = {"calls": 8, "users": 4, "emails": 9, "meetings": 6, "engagement_events": 9, "leads": 4, "accounts": 3}


@pytest.mark.gong_demo(**SMALL_DEMO)
def test_the_demo_company(gong, gong_company, gong_seed):
    assert gong_company.name == "Acme Robotics"
    assert len(list(gong.calls.list(from_date_time="2000-01-01T00:00:00Z"))) == 8
    gong_seed.user(emailAddress="only.here@acmerobotics.com")


@pytest.mark.gong_demo(**SMALL_DEMO)
def test_the_demo_company_is_a_fresh_copy_in_every_test(gong):
    addresses = {u.emailAddress for u in gong.users.list()}
    assert addresses and "only.here@acmerobotics.com" not in addresses


@pytest.mark.gong_server("loopback")
def test_async_clients_on_a_loopback_server(async_gong, gong_credentials, gong_seed):
    uid = gong_seed.user(emailAddress="loop@acme.example")

    async def main():
        async with httpx.AsyncClient(base_url=gong_credentials.base_url, auth=gong_credentials.auth) as http:
            raw = (await http.get(f"/v2/users/{uid}")).json()["user"]["emailAddress"]
        async with async_gong:
            return raw, (await async_gong.users.get(uid)).emailAddress

    assert asyncio.run(main()) == ("loop@acme.example", "loop@acme.example")
