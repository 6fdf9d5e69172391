"""Cursor paging, property-tested: for any page size and any date window, the pages of every listing concatenate
to exactly the full result in keyset order, without duplicates, with consistent ``records`` blocks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkit.clock import ms_to_iso
from gongkit.db import Database
from tests.conftest import Company, make_company
from tests.server.conftest import page_through, set_page_size
from tests.support import factories as f
from tests.support.contract import ContractClient

T0 = 1_717_236_000_000  # 2024-06-01T10:00:00Z
MIN = 60_000
N_CALLS = 13
N_USERS = 9


@dataclass
class World:
    company: Company
    calls: list[tuple[int, int, int, bool]]  # (id, listed_ms, started_ms, has transcript)
    users: list[tuple[int, int]]  # (id, created_ms)


@pytest.fixture
def world(db: Database) -> Iterator[World]:
    company = make_company(db)
    noise = make_company(db, "Noise")  # another company's data must never show up
    calls = []
    users = []
    with db.write() as conn:
        for i in range(N_USERS):
            created = T0 + (i // 2) * MIN  # ties on the creation time
            users.append((f.make_user(conn, company.id, created_ms=created), created))
            f.make_user(conn, noise.id, created_ms=created)
        for i in range(N_CALLS):
            listed = T0 + (i // 3) * MIN  # ties on the listing time
            started = T0 + ((7 * i) % N_CALLS // 2) * MIN  # another order, with ties too
            has_transcript = i % 3 != 0
            made = f.make_call(
                conn,
                company.id,
                primary_user_id=users[i % N_USERS][0],
                scheduled_ms=listed,
                listed_ms=listed,
                started_ms=started,
                transcript=True if has_transcript else None,
            )
            calls.append((made.id, listed, started, has_transcript))
            f.make_call(conn, noise.id, scheduled_ms=listed, listed_ms=listed, started_ms=started, transcript=True)
    yield World(company, calls, users)


def check_pages(pages: list[dict[str, Any]], items: str, expected: list[str], page_size: int) -> None:
    got = [item for p in pages for item in p[items]]
    ids = [x["id"] if "id" in x else x.get("callId") or x["metaData"]["id"] for x in got]
    assert ids == expected
    assert len(set(ids)) == len(ids)
    for n, p in enumerate(pages):
        rec = p["records"]
        last = n == len(pages) - 1
        assert rec["totalRecords"] == len(expected)
        assert rec["currentPageNumber"] == n
        assert rec["currentPageSize"] == len(p[items]) == (len(expected) - n * page_size if last else page_size)
        assert ("cursor" in rec) == (not last)


window = st.tuples(st.integers(0, 7), st.integers(0, 7)).map(sorted)
PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(page_size=st.integers(1, N_CALLS + 2), bounds=window)
def test_call_listings_page_exactly(
    client: ContractClient, db: Database, world: World, page_size: int, bounds: list[int]
) -> None:
    lo, hi = T0 + bounds[0] * MIN, T0 + bounds[1] * MIN
    dates = {"fromDateTime": ms_to_iso(lo), "toDateTime": ms_to_iso(hi)}
    set_page_size(client, db, world.company, page_size)
    h = world.company.basic

    by_listing = [str(c) for _, c in sorted((listed, c) for c, listed, _, _ in world.calls if lo <= listed < hi)]
    by_start = sorted((started, c, tr) for c, _, started, tr in world.calls if lo <= started < hi)
    started_ids = [str(c) for _, c, _ in by_start]
    transcribed = [str(c) for _, c, tr in by_start if tr]

    for method, path, kw, items, expected in (
        ("GET", "/v2/calls", {"params": dates}, "calls", by_listing),
        ("POST", "/v2/calls/extensive", {"body": {"filter": dates}}, "calls", started_ids),
        ("POST", "/v2/calls/transcript", {"body": {"filter": dates}}, "callTranscripts", transcribed),
    ):
        if not expected:
            r = client.request(method, path, headers=h, params=kw.get("params"), json=kw.get("body"))
            assert r.status_code == 404
            continue
        pages = page_through(client, method, path, h, **kw)
        check_pages(pages, items, expected, page_size)


@PROPERTY
@given(page_size=st.integers(1, N_USERS + 2), bounds=window)
def test_user_listings_page_exactly(
    client: ContractClient, db: Database, world: World, page_size: int, bounds: list[int]
) -> None:
    lo, hi = T0 + bounds[0] * MIN // 2, T0 + bounds[1] * MIN // 2
    set_page_size(client, db, world.company, page_size)
    h = world.company.basic
    everyone = [str(u) for _, u in sorted((created, u) for u, created in world.users)]
    check_pages(page_through(client, "GET", "/v2/users", h), "users", everyone, page_size)

    flt = {"createdFromDateTime": ms_to_iso(lo), "createdToDateTime": ms_to_iso(hi)}
    expected = [str(u) for _, u in sorted((created, u) for u, created in world.users if lo <= created < hi)]
    if not expected:
        assert client.post("/v2/users/extensive", json={"filter": flt}, headers=h).status_code == 404
        return
    check_pages(
        page_through(client, "POST", "/v2/users/extensive", h, body={"filter": flt}), "users", expected, page_size
    )
