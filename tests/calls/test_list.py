"""GET /v2/calls (listCalls) and GET /v2/calls/{id} (getCall)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gongkit.db import Database
from gongkit.db.paging import INVALID_CURSOR
from gongkit.db.rows import iso
from gongkit.kernel.clock import ms_to_iso
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error, page_through, set_page_size
from tests.support.contract import ContractClient

T0 = 1_717_236_000_000  # 2024-06-01T10:00:00Z
MIN = 60_000


def full_call(seed: Seed, company: Company, **overrides: Any) -> tuple[int, int, int]:
    """A call with every CallBasicData column set; returns (call id, user id, workspace id)."""
    ws = seed(f.make_workspace, company.id, "EMEA")
    user = seed(f.make_user, company.id)
    values: dict[str, Any] = {
        "workspace_id": ws,
        "primary_user_id": user,
        "client_unique_id": "pbx-7781",
        "title": "Renewal call",
        "scheduled_ms": T0,
        "started_ms": T0 + 45_123,
        "listed_ms": T0,
        "duration": 1_804,
        "direction": "Outbound",
        "system": "RingCentral",
        "scope": "External",
        "media_type": "Audio",
        "language": "eng",
        "sdr_disposition": "Connected",
        "custom_data": "lead-source=web",
        "purpose": "Renewal",
        "meeting_url": "https://meet.example/r/1",
        "is_private": True,
        "calendar_event_id": "cal-991",
    }
    values.update(overrides)
    call = seed(f.make_call, company.id, **values)
    return call.id, user, ws


def expected_basic(call_id: int, user: int, ws: int) -> dict[str, Any]:
    return {
        "id": str(call_id),
        "url": f"http://localhost:8080/call?id={call_id}",
        "title": "Renewal call",
        "scheduled": "2024-06-01T10:00:00Z",
        "started": "2024-06-01T10:00:45.123Z",
        "duration": 1804,
        "primaryUserId": str(user),
        "direction": "Outbound",
        "system": "RingCentral",
        "scope": "External",
        "media": "Audio",
        "language": "eng",
        "workspaceId": str(ws),
        "sdrDisposition": "Connected",
        "clientUniqueId": "pbx-7781",
        "customData": "lead-source=web",
        "purpose": "Renewal",
        "meetingUrl": "https://meet.example/r/1",
        "isPrivate": True,
        "calendarEventId": "cal-991",
    }


def test_list_calls_answers_the_stored_call_whole(client: ContractClient, company: Company, seed: Seed) -> None:
    call_id, user, ws = full_call(seed, company)
    r = client.get("/v2/calls", params={"fromDateTime": "2024-06-01T00:00:00Z"}, headers=company.basic)
    assert r.status_code == 200
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "records": {"totalRecords": 1, "currentPageSize": 1, "currentPageNumber": 0},
        "calls": [expected_basic(call_id, user, ws)],
    }


def test_get_call_answers_the_stored_call_whole(client: ContractClient, company: Company, seed: Seed) -> None:
    call_id, user, ws = full_call(seed, company)
    r = client.get(f"/v2/calls/{call_id}", headers=company.basic)
    assert r.status_code == 200
    assert r.json() == {"requestId": r.headers["x-request-id"], "call": expected_basic(call_id, user, ws)}


def test_fields_without_data_are_null(client: ContractClient, company: Company, seed: Seed) -> None:
    nulls = dict.fromkeys(
        (
            "title",
            "scheduled_ms",
            "duration",
            "system",
            "scope",
            "media_type",
            "language",
            "sdr_disposition",
            "custom_data",
            "purpose",
            "meeting_url",
            "calendar_event_id",
            "workspace_id",
            "client_unique_id",
        )
    )
    call = seed(f.make_call, company.id, started_ms=T0, listed_ms=T0, direction="Inbound", **nulls)
    r = client.get(f"/v2/calls/{call.id}", headers=company.basic)
    assert r.json()["call"] == {
        "id": str(call.id),
        "url": f"http://localhost:8080/call?id={call.id}",
        "title": None,
        "scheduled": "2024-06-01T10:00:00Z",  # no calendar event: the actual start
        "started": "2024-06-01T10:00:00Z",
        "duration": None,
        "primaryUserId": str(call.primary_user_id),
        "direction": "Inbound",
        "system": None,
        "scope": None,
        "media": None,
        "language": None,
        "workspaceId": None,
        "sdrDisposition": None,
        "clientUniqueId": None,
        "customData": None,
        "purpose": None,
        "meetingUrl": None,
        "isPrivate": False,
        "calendarEventId": None,
    }


def listed_ids(r: Any) -> list[str]:
    assert r.status_code == 200, r.text
    return [c["id"] for c in r.json()["calls"]]


def test_dates_filter_the_listing_time_from_inclusive_to_exclusive(
    client: ContractClient, company: Company, seed: Seed
) -> None:
    # A web conference is listed by its scheduled time; it started 20 minutes late.
    late = seed(f.make_call, company.id, scheduled_ms=T0, started_ms=T0 + 20 * MIN, listed_ms=T0)
    on_time = seed(f.make_call, company.id, scheduled_ms=T0 + 10 * MIN, started_ms=T0 + 10 * MIN)
    after = seed(f.make_call, company.id, scheduled_ms=None, started_ms=T0 + 30 * MIN, listed_ms=T0 + 30 * MIN)
    h = company.basic
    r = client.get(
        "/v2/calls", params={"fromDateTime": "2024-06-01T10:00:00Z", "toDateTime": "2024-06-01T10:30:00Z"}, headers=h
    )
    assert listed_ids(r) == [str(late.id), str(on_time.id)]
    r = client.get("/v2/calls", params={"fromDateTime": "2024-06-01T10:00:00.001Z"}, headers=h)
    assert listed_ids(r) == [str(on_time.id), str(after.id)]
    r = client.get("/v2/calls", params={"toDateTime": "2024-06-01T10:10:00Z"}, headers=h)
    assert listed_ids(r) == [str(late.id)]
    assert listed_ids(client.get("/v2/calls", headers=h)) == [str(late.id), str(on_time.id), str(after.id)]


def test_date_formats_clients_send_are_all_understood(client: ContractClient, company: Company, seed: Seed) -> None:
    inside = seed(f.make_call, company.id, started_ms=T0 + 5 * MIN)
    seed(f.make_call, company.id, started_ms=T0 - 5 * MIN)
    for start in (
        "2024-06-01T10:00:00Z",
        "2024-06-01T10:00:00+00:00",
        "2024-06-01T12:00:00+02:00",
        "2024-06-01T03:00:00-07:00",
        "2024-06-01T10:00:00.000Z",
        "2024-06-01T10:00:00.000000+00:00",
    ):
        r = client.get(
            "/v2/calls", params={"fromDateTime": start, "toDateTime": "2024-06-02T00:00:00Z"}, headers=company.basic
        )
        assert listed_ids(r) == [str(inside.id)], start


def test_a_bad_date_is_a_400_naming_the_field(client: ContractClient, company: Company) -> None:
    r = client.get("/v2/calls", params={"fromDateTime": "yesterday"}, headers=company.basic)
    assert_error(r, 400, "fromDateTime: 'yesterday' is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)")
    r = client.get("/v2/calls", params={"toDateTime": "2024-13-01T00:00:00Z"}, headers=company.basic)
    assert_error(
        r, 400, "toDateTime: '2024-13-01T00:00:00Z' is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)"
    )
    r = client.get(
        "/v2/calls",
        params={"fromDateTime": "2024-06-02T00:00:00Z", "toDateTime": "2024-06-01T00:00:00Z"},
        headers=company.basic,
    )
    assert_error(r, 400, "toDateTime: must not be earlier than fromDateTime")


def test_workspace_filter(client: ContractClient, company: Company, seed: Seed) -> None:
    a = seed(f.make_workspace, company.id, "A")
    b = seed(f.make_workspace, company.id, "B")
    in_a = seed(f.make_call, company.id, workspace_id=a)
    seed(f.make_call, company.id, workspace_id=b)
    assert listed_ids(client.get("/v2/calls", params={"workspaceId": str(a)}, headers=company.basic)) == [str(in_a.id)]
    r = client.get("/v2/calls", params={"workspaceId": "sales"}, headers=company.basic)
    assert_error(r, 400, "workspaceId: 'sales' is not a valid id (a numeric string of up to 20 digits)")
    r = client.get("/v2/calls", params={"workspaceId": "12345"}, headers=company.basic)
    assert_error(r, 404, "No calls found for the specified period")


def test_no_calls_is_a_404_in_gongs_words(client: ContractClient, company: Company, seed: Seed) -> None:
    assert_error(client.get("/v2/calls", headers=company.basic), 404, "No calls found for the specified period")
    seed(f.make_call, company.id, started_ms=T0)
    r = client.get("/v2/calls", params={"fromDateTime": "2025-01-01T00:00:00Z"}, headers=company.basic)
    assert_error(r, 404, "No calls found for the specified period")


def test_get_call_errors(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    assert_error(client.get("/v2/calls/123", headers=company.basic), 404, "Call ID was not found")
    assert_error(client.get("/v2/calls/99999999999999999999", headers=company.basic), 404, "Call ID was not found")
    assert_error(
        client.get("/v2/calls/abc", headers=company.basic),
        400,
        "id: 'abc' is not a valid id (a numeric string of up to 20 digits)",
    )
    other = make_company(db, "Other")
    theirs = seed(f.make_call, other.id)
    assert_error(client.get(f"/v2/calls/{theirs.id}", headers=company.basic), 404, "Call ID was not found")


def test_paging_in_listing_order_with_ties_broken_by_id(
    client: ContractClient, company: Company, seed: Seed, db: Database
) -> None:
    keys = []
    for i in range(5):  # two pairs share a listing time
        listed = T0 + (i // 2) * MIN
        keys.append((listed, seed(f.make_call, company.id, started_ms=listed).id))
    expected = [str(call_id) for _, call_id in sorted(keys)]
    set_page_size(client, db, company, 2)
    pages = page_through(client, "GET", "/v2/calls", company.basic, params={"fromDateTime": "2024-01-01T00:00:00Z"})
    assert [p["records"]["currentPageNumber"] for p in pages] == [0, 1, 2]
    assert [p["records"]["currentPageSize"] for p in pages] == [2, 2, 1]
    assert all(p["records"]["totalRecords"] == 5 for p in pages)
    assert "cursor" in pages[0]["records"] and "cursor" in pages[1]["records"]
    assert "cursor" not in pages[2]["records"]
    assert [c["id"] for p in pages for c in p["calls"]] == expected


def test_cursors_are_bound_to_their_query_and_company(
    client: ContractClient, company: Company, seed: Seed, db: Database
) -> None:
    for i in range(3):
        seed(f.make_call, company.id, started_ms=T0 + i * MIN)
    set_page_size(client, db, company, 1)
    params = {"fromDateTime": "2024-06-01T00:00:00Z"}
    cursor = client.get("/v2/calls", params=params, headers=company.basic).json()["records"]["cursor"]
    # the same query goes on
    assert client.get("/v2/calls", params={**params, "cursor": cursor}, headers=company.basic).status_code == 200
    # another query (a different date) refuses it
    r = client.get(
        "/v2/calls", params={"fromDateTime": "2024-05-01T00:00:00Z", "cursor": cursor}, headers=company.basic
    )
    assert_error(r, 400, INVALID_CURSOR)
    # another operation refuses it
    r = client.post("/v2/calls/extensive", json={"filter": {}, "cursor": cursor}, headers=company.basic)
    assert_error(r, 400, INVALID_CURSOR)
    # another company refuses it
    other = make_company(db, "Other")
    seed(f.make_call, other.id, started_ms=T0)
    r = client.get("/v2/calls", params={**params, "cursor": cursor}, headers=other.basic)
    assert_error(r, 400, INVALID_CURSOR)
    # a forged or altered cursor is refused
    body, _, sig = cursor.partition(".")
    for forged in ("not-a-cursor", body + "." + sig[::-1], body[:-2] + "AA." + sig):
        r = client.get("/v2/calls", params={**params, "cursor": forged}, headers=company.basic)
        assert_error(r, 400, "Invalid cursor")


@given(st.integers(min_value=-(10**12), max_value=5 * 10**12))
def test_fast_iso_format_is_exactly_ms_to_iso(ms: int) -> None:
    assert iso(ms) == ms_to_iso(ms)
