"""Seeding a company directly (without the plugin): Gong's shapes, references, one transaction, stable ids."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gongkit.testing import GongServer, Seeder, SeedError, TemplateStore
from gongkit.testing.server import GongCompany


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> TemplateStore:
    return TemplateStore(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def server(templates: TemplateStore, tmp_path: Path) -> Iterator[GongServer]:
    with GongServer(templates.clone(tmp_path / "data")) as s:
        yield s


def seeder(server: GongServer, company: GongCompany) -> Seeder:
    return Seeder(server.db, company.id, clock=server.clock, app_url=server.base_url)


def get(server: GongServer, company: GongCompany, path: str) -> dict[str, object]:
    with server.http_client(auth=company.credentials.auth) as http:
        r = http.get(path)
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return body


def test_a_report_may_come_before_its_manager(server: GongServer) -> None:
    company = server.create_company()
    ids = seeder(server, company).load(
        {
            "users": [
                {"id": "2", "emailAddress": "rep@acme.example", "managerId": "1"},
                {"id": "1", "emailAddress": "boss@acme.example"},
            ]
        }
    )
    assert ids == {
        "workspaces": [],
        "users": ["2", "1"],
        "crmObjects": [],
        "calls": [],
        "emails": [],
        "meetings": [],
        "engagementEvents": [],
    }
    assert get(server, company, "/v2/users/2")["user"]["managerId"] == "1"  # type: ignore[index]


def test_a_party_takes_its_users_details_and_the_call_its_scope(server: GongServer) -> None:
    company = server.create_company()
    seed = seeder(server, company)
    uid = seed.user(emailAddress="ana@acme.example", firstName="Ana", lastName="Diaz", title="AE")
    internal = seed.call(started="2025-01-06T15:00:00Z", primaryUserId=uid)
    external = seed.call(started="2025-01-07T15:00:00Z", primaryUserId=uid, parties=[{"userId": uid}, {"name": "Maya"}])
    with server.http_client(auth=company.credentials.auth) as http:
        body = http.post(
            "/v2/calls/extensive",
            json={"filter": {"callIds": [internal, external]}, "contentSelector": {"exposedFields": {"parties": True}}},
        ).json()
    calls = {c["metaData"]["id"]: c for c in body["calls"]}
    assert calls[internal]["metaData"]["scope"] == "Internal"
    assert calls[external]["metaData"]["scope"] == "External"
    host = calls[internal]["parties"][0]
    assert (host["name"], host["emailAddress"], host["title"], host["userId"], host["affiliation"]) == (
        "Ana Diaz",
        "ana@acme.example",
        "AE",
        uid,
        "Internal",
    )
    assert calls[external]["parties"][1]["affiliation"] == "External"


def test_ids_derive_from_the_company_and_never_collide(server: GongServer) -> None:
    company = server.create_company()
    first = seeder(server, company).user(emailAddress="a@acme.example")
    second = seeder(server, company).user(emailAddress="b@acme.example")  # counts from 1 again: skips the taken id
    assert first != second
    again = server.create_company()
    assert seeder(server, again).user(emailAddress="a@acme.example") not in (first, second)


def test_a_taken_id_and_a_company_elsewhere_are_refused(server: GongServer) -> None:
    mine, theirs = server.create_company(), server.create_company("Other")
    other_user = seeder(server, theirs).user(emailAddress="x@other.example")
    seed = seeder(server, mine)
    with pytest.raises(SeedError) as caught:
        seed.load(
            {
                "users": [{"id": other_user, "emailAddress": "dup@acme.example"}],
                "calls": [{"started": "2025-01-06T15:00:00Z", "primaryUserId": other_user}],
                "meetings": [
                    {
                        "startTime": "2025-01-06T16:00:00Z",
                        "endTime": "2025-01-06T15:00:00Z",
                        "organizerEmail": "a@acme.example",
                    }
                ],
                "engagementEvents": [{"timestamp": "2025-01-06T15:00:00Z"}],
            }
        )
    assert caught.value.problems == [
        f"users[0].id: {other_user} is taken already",
        f"calls[0].primaryUserId: {other_user} is not a user of this company",
        "meetings[0].endTime: must not be before startTime",
        "engagementEvents[0]: an engagement event is about a person: give personEmail or personPhone",
    ]


def test_a_seed_file_must_be_json_or_yaml(server: GongServer, tmp_path: Path) -> None:
    seed = seeder(server, server.create_company())
    (tmp_path / "data.txt").write_text("users: []")
    (tmp_path / "bad.yaml").write_text("users: [")
    with pytest.raises(SeedError, match=r"data\.txt: a seed file ends in \.json, \.yaml or \.yml"):
        seed.load(tmp_path / "data.txt")
    with pytest.raises(SeedError, match=r"bad\.yaml: not valid YAML"):
        seed.load(tmp_path / "bad.yaml")
    with pytest.raises(SeedError) as caught:
        seed.load({"people": []})
    assert caught.value.problems[0].startswith("people: unknown field (seed document fields are: workspaces, users,")
