"""Bad input gets a clear 400 in Gong's envelope, never a 500: ids that are not ASCII digits, instants outside the
storable range, numbers and lists past their bounds, company settings that cannot work (issue: hardening, items 1,
2, 3, 4 and 10)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from gongkit import control
from gongkit.db import Database
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.wire import MAX_CONTEXT_OBJECTS, MAX_PARTIES
from tests.calls.test_add import count_calls, new_call
from tests.conftest import Company, Seed
from tests.support import factories as f
from tests.support.api import assert_error
from tests.support.contract import ContractClient

NOT_AN_ID = "is not a valid id (a numeric string of up to 20 digits)"


@pytest.fixture
def rep(seed: Seed, company: Company) -> int:
    return int(seed(f.make_user, company.id, email_address="rep@acme.example"))


@pytest.mark.parametrize("value", ["²", "٧٧", "１２", "12a", "-1", "123456789012345678901"])
def test_only_ascii_digits_are_ids_in_paths(client: ContractClient, company: Company, value: str) -> None:
    for path in (f"/v2/calls/{value}", f"/v2/users/{value}", f"/v2/users/{value}/settings-history"):
        assert_error(client.get(path, headers=company.basic), 400, f"id: '{value}' {NOT_AN_ID}")


def test_an_id_in_other_digits_does_not_find_the_call(client: ContractClient, company: Company, seed: Seed) -> None:
    call = seed(f.make_call, company.id)
    call_id = str(getattr(call, "id", call))
    arabic = call_id.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert client.get(f"/v2/calls/{call_id}", headers=company.basic).status_code == 200
    assert_error(client.get(f"/v2/calls/{arabic}", headers=company.basic), 400, f"id: '{arabic}' {NOT_AN_ID}")


def test_only_ascii_digits_are_ids_in_queries_and_uploads(client: ContractClient, company: Company) -> None:
    r = client.get("/v2/calls", params={"workspaceId": "²"}, headers=company.basic)
    assert_error(r, 400, f"workspaceId: '²' {NOT_AN_ID}")
    r = client.put("/v2/calls/²/media", files={"mediaFile": ("a.wav", b"RIFF", "audio/wav")}, headers=company.basic)
    assert_error(r, 400, f"id: '²' {NOT_AN_ID}")
    r = client.get("/admin/v1/erasures", params={"limit": "²"}, headers=company.basic)
    assert_error(r, 400, "limit: must be a positive integer")


@pytest.mark.parametrize("field", ["actualStart", "scheduledStart"])
@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"])
def test_instants_outside_the_storable_range(
    client: ContractClient, company: Company, rep: int, db: Database, field: str, value: str
) -> None:
    r = client.post("/v2/calls", json=new_call(rep, **{field: value}), headers=company.basic)
    assert_error(r, 400, f"{field}: '{value}' is outside the supported range (years 1 to 9999 in UTC)")
    assert count_calls(db) == 0


def test_the_ends_of_the_range_are_storable(client: ContractClient, company: Company, rep: int) -> None:
    body = new_call(rep, actualStart="9999-12-31T23:59:59Z", scheduledStart="0001-01-01T00:00:00Z")
    call_id = client.post("/v2/calls", json=body, headers=company.basic).json()["callId"]
    call = client.get(f"/v2/calls/{call_id}", headers=company.basic).json()["call"]
    assert (call["scheduled"], call["started"]) == ("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")


@pytest.mark.parametrize(
    ("duration", "bound"),
    [(1e19, "less than or equal to 2678400"), (10**30, "less than or equal to 2678400"),
     (1e300, "less than or equal to 2678400"), (-1, "greater than or equal to 0")],
)  # fmt: skip
def test_numbers_past_their_bounds(
    client: ContractClient, company: Company, rep: int, db: Database, duration: Any, bound: str
) -> None:
    r = client.post("/v2/calls", json=new_call(rep, duration=duration), headers=company.basic)
    assert_error(r, 400, f"duration: Input should be {bound}")
    assert count_calls(db) == 0


def test_a_timeline_offset_past_its_bound(client: ContractClient, company: Company, rep: int) -> None:
    timeline = {"speechSegments": [{"fromTime": 0, "toTime": 3_000_000, "partyIds": ["p1"]}]}
    r = client.post("/v2/calls", json=new_call(rep, speakersTimeline=timeline), headers=company.basic)
    assert r.status_code == 400
    assert r.json()["errors"] == [
        "speakersTimeline.speechSegments.0.toTime: Input should be less than or equal to 2678400"
    ]


def test_one_party_with_thirty_thousand_context_objects_is_refused_at_once(
    client: ContractClient, company: Company, rep: int, db: Database
) -> None:
    objects = [{"objectType": "Contact", "objectId": f"c{i}"} for i in range(30_000)]
    body = new_call(rep)
    body["parties"][1]["context"] = [{"system": "Salesforce", "objects": objects}]
    started = time.perf_counter()
    r = client.post("/v2/calls", json=body, headers=company.basic)
    assert r.status_code == 400
    assert r.json()["errors"] == [
        f"parties.1.context.0.objects: List should have at most {MAX_CONTEXT_OBJECTS} items after validation, not 30000"
    ]
    assert time.perf_counter() - started < 5  # refused by validation, before any write
    assert count_calls(db) == 0


def test_too_many_parties(client: ContractClient, company: Company, rep: int) -> None:
    body = new_call(rep)
    body["parties"] += [{"name": f"Guest {i}"} for i in range(MAX_PARTIES)]
    r = client.post("/v2/calls", json=body, headers=company.basic)
    assert r.status_code == 400
    assert r.json()["errors"] == [
        f"parties: List should have at most {MAX_PARTIES} items after validation, not {MAX_PARTIES + 2}"
    ]


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("page_size", 0, "page_size: must be an integer from 1 to 100"),
        ("page_size", 101, "page_size: must be an integer from 1 to 100"),
        ("rate_per_second", 0, "rate_per_second: must be an integer from 1 to 1000000"),
        ("rate_per_day", -5, "rate_per_day: must be an integer from 1 to 1000000000"),
        ("erasure_max_calls", -1, "erasure_max_calls: must be an integer from 0 to 1000000000"),
        ("time_zone", "Mars/Olympus", "time_zone: 'Mars/Olympus' is not an IANA time zone (e.g. America/New_York)"),
    ],
)
def test_company_settings_that_cannot_work_are_refused(
    db: Database, company: Company, setting: str, value: object, message: str
) -> None:
    with pytest.raises(InvalidRequest) as raised, db.write() as conn:
        control.update_company(conn, company.id, **{setting: value})
    assert raised.value.messages == [message]
    with pytest.raises(InvalidRequest), db.write() as conn:
        control.create_company(conn, SystemClock(), "New", **{setting: value})
    with db.read() as conn:
        assert control.get_company(conn, company.id)[setting] != value
