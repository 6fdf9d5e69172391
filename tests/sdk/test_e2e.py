"""The SDK against the real in-process gongkit server (both storage engines).

Every request the SDK sends is held to the official request schema (an httpx request hook calling
``check_request``); every answer is held to the response schema by the conftest ``client``.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from gongkit import (
    AsyncGong,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    Gong,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from gongkit import control as admin
from gongkit.db import Database
from gongkit.kernel.clock import SystemClock
from gongkit.types import (
    CallBasicData,
    CallData,
    CallParticipant,
    ContentSelector,
    ExposedCollaboration,
    ExposedContent,
    ExposedFields,
    ExposedInteraction,
    User,
)
from tests.conftest import Company, make_company
from tests.support import factories as f
from tests.support.contract import ContractClient, check_request, check_response
from tests.support.media import sample

BASE = datetime.fromtimestamp(f.BASE_MS / 1000, tz=UTC)  # the factories' epoch: 2024-03-01T15:00:00Z
DAY = datetime(2024, 3, 1, tzinfo=UTC)


def _check_request(request: httpx.Request) -> None:
    if not request.url.path.startswith("/v2"):
        return
    body: Any = None
    if request.headers.get("content-type", "").startswith("application/json"):
        body = json.loads(request.content)
    check_request(request.method, request.url.path, body)


@pytest.fixture
def checked_client(client: ContractClient) -> ContractClient:
    client.event_hooks = {"request": [_check_request], "response": []}
    return client


def sdk(client: ContractClient, company: Company, **kwargs: Any) -> Gong:
    kwargs.setdefault("pace", None)
    return Gong(company.access_key, company.secret, base_url="http://testserver", http_client=client, **kwargs)


@pytest.fixture
def gong(checked_client: ContractClient, company: Company) -> Gong:
    return sdk(checked_client, company)


@pytest.fixture
def paged(db: Database, checked_client: ContractClient) -> Iterator[tuple[Gong, Company]]:
    """A second company whose pages hold 2 records, so every listing spans several pages."""
    small = make_company(db, "Paged Inc", page_size=2)
    yield sdk(checked_client, small), small


def _seed_calls(db: Database, company_id: int, n: int, **extra: Any) -> tuple[int, list[f.MadeCall]]:
    with db.write() as conn:
        host = f.make_user(conn, company_id)
        made = [f.make_call(conn, company_id, primary_user_id=host, **extra) for _ in range(n)]
    return host, made


# --- calls --------------------------------------------------------------------------------------------


def test_calls_list_pages_through_everything(db: Database, paged: tuple[Gong, Company]) -> None:
    gong, company = paged
    _, made = _seed_calls(db, company.id, 5)
    calls = list(gong.calls.list(from_date_time=DAY, to_date_time=DAY + timedelta(days=1)))
    assert all(isinstance(c, CallBasicData) for c in calls)
    assert sorted(c.id for c in calls) == sorted(str(m.id) for m in made)
    pages = list(gong.calls.list(from_date_time=DAY, to_date_time=DAY + timedelta(days=1)).pages())
    assert [len(p) for p in pages] == [2, 2, 1]
    assert all(p.records.totalRecords == 5 for p in pages)
    assert pages[-1].records.cursor is None and pages[0].request_id


def test_calls_list_bounds_and_empty_period(db: Database, gong: Gong, company: Company) -> None:
    _, made = _seed_calls(db, company.id, 5)  # the n-th call starts n hours after BASE
    window = list(gong.calls.list(from_date_time=BASE + timedelta(hours=2), to_date_time=BASE + timedelta(hours=4)))
    assert sorted(c.id for c in window) == sorted(str(m.id) for m in made[1:3])  # from inclusive, to exclusive
    assert list(gong.calls.list(from_date_time="2030-01-01T00:00:00Z", to_date_time="2030-02-01T00:00:00Z")) == []
    offset = BASE.astimezone(timezone(timedelta(hours=-7)))  # the same instant, sent as ...T08:00:00-07:00
    assert len(list(gong.calls.list(from_date_time=offset, to_date_time=offset + timedelta(hours=10)))) == 5


def test_a_wrong_base_url_is_not_an_empty_list(checked_client: ContractClient, company: Company) -> None:
    """``.../v2`` appended to the base URL: the server has no such route, which is not "nothing found"."""
    unchecked = TestClient(checked_client.app)  # the contract has no /v2/v2 routes to check answers against
    wrong = Gong(company.access_key, company.secret, base_url="http://testserver/v2", http_client=unchecked)
    with pytest.raises(NotFoundError) as info:
        list(wrong.users.list())
    assert "No such API route" in str(info.value) and "http://testserver/v2/v2/users" in str(info.value)
    with pytest.raises(NotFoundError, match=r"http://testserver/v2/v2/calls"):
        list(wrong.calls.list(from_date_time="2030-01-01T00:00:00Z"))
    right = Gong(company.access_key, company.secret, base_url="http://testserver", http_client=checked_client)
    assert list(right.users.list()) == []  # Gong's own answer for an empty listing
    assert list(right.users.extensive(user_ids=["424242"])) == []


def test_calls_get(db: Database, gong: Gong, company: Company) -> None:
    host, made = _seed_calls(db, company.id, 1)
    call = gong.calls.get(made[0].id)
    assert call.id == str(made[0].id) and call.primaryUserId == str(host)
    assert call.started == BASE + timedelta(hours=1)
    with pytest.raises(NotFoundError) as info:
        gong.calls.get("1234567")
    assert info.value.request_id and info.value.errors


def test_calls_add_then_get_then_conflict(db: Database, gong: Gong, company: Company) -> None:
    with db.write() as conn:
        host = f.make_user(conn, company.id)
    start = datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
    kwargs: dict[str, Any] = {
        "client_unique_id": "pbx-0001",
        "actual_start": start,
        "direction": "Outbound",
        "primary_user": host,
        "parties": [
            CallParticipant(userId=str(host), partyId="1"),
            CallParticipant(name="Buyer", emailAddress="buyer@example.com", phoneNumber="+14255552671", partyId="2"),
        ],
        "title": "Added through the SDK",
        "duration": 95.0,
        "download_media_url": "https://media.example.com/pbx-0001.mp3",
    }
    created = gong.calls.add(**kwargs)
    call = gong.calls.get(created.callId)
    assert call.title == "Added through the SDK" and call.clientUniqueId == "pbx-0001"
    assert call.started == start
    assert created.requestId
    with pytest.raises(ConflictError):
        gong.calls.create(**{**kwargs, "download_media_url": "https://media.example.com/other.mp3"})


def test_calls_add_recording(db: Database, gong: Gong, company: Company) -> None:
    with db.write() as conn:
        host = f.make_user(conn, company.id)
    created = gong.calls.add(
        client_unique_id="rec-1",
        actual_start="2024-05-02T09:30:00+02:00",
        direction="Inbound",
        primary_user=str(host),
        parties=[CallParticipant(userId=str(host))],
    )
    wav = sample("tone.wav")
    uploaded = gong.calls.add_recording(created.callId, wav, filename="call.wav", content_type="audio/wav")
    assert uploaded.callId == created.callId and uploaded.url


def test_calls_extensive_with_selector(db: Database, paged: tuple[Gong, Company]) -> None:
    gong, company = paged
    host, made = _seed_calls(db, company.id, 3, content=True, interaction=True, comments=True, context=True)
    selector = ContentSelector(
        context="Extended",
        exposedFields=ExposedFields(
            parties=True,
            content=ExposedContent(topics=True, trackers=True, brief=True, structure=True),
            interaction=ExposedInteraction(speakers=True, questions=True, personInteractionStats=True, video=True),
            collaboration=ExposedCollaboration(publicComments=True),
        ),
    )
    calls = list(gong.calls.extensive(from_date_time=DAY, content_selector=selector))
    assert len(calls) == 3 and all(isinstance(c, CallData) for c in calls)
    assert sorted(c.metaData.id for c in calls) == sorted(str(m.id) for m in made)
    one = calls[0]
    assert one.parties and any(p.userId == str(host) for p in one.parties)
    assert all(p.speakerId for p in one.parties if p.speakerId is not None)
    assert one.content is not None and one.interaction is not None and one.collaboration is not None
    assert one.context and one.context[0].system == "Salesforce"
    assert one.media is None  # not selected

    only = list(gong.calls.extensive(call_ids=[made[1].id], primary_user_ids=[host]))
    assert [c.metaData.id for c in only] == [str(made[1].id)]
    assert only[0].parties is None and only[0].content is None
    assert list(gong.calls.extensive(call_ids=["999"])) == []


def test_calls_transcripts(db: Database, paged: tuple[Gong, Company]) -> None:
    gong, company = paged
    _, made = _seed_calls(db, company.id, 3, transcript=True)
    transcripts = list(gong.calls.transcripts(from_date_time=DAY, to_date_time=DAY + timedelta(days=1)))
    assert sorted(t.callId for t in transcripts) == sorted(str(m.id) for m in made)
    speakers = {s for s in made[0].speaker_ids if s}
    first = next(t for t in transcripts if t.callId == str(made[0].id))
    assert first.transcript
    for monologue in first.transcript:
        assert monologue.speakerId in speakers
        assert monologue.sentences and all(s.text for s in monologue.sentences)
    only = list(gong.calls.transcripts(call_ids=[made[2].id]))
    assert [t.callId for t in only] == [str(made[2].id)]


# --- users --------------------------------------------------------------------------------------------


def test_users_list_and_avatars(db: Database, paged: tuple[Gong, Company]) -> None:
    gong, company = paged
    with db.write() as conn:
        ids = [f.make_user(conn, company.id) for _ in range(3)]
        avatar = f.make_user(conn, company.id, is_avatar=True)
    users = list(gong.users.list())
    assert all(isinstance(u, User) for u in users)
    assert sorted(u.id for u in users) == sorted(str(i) for i in ids)
    assert str(avatar) in {u.id for u in gong.users.list(include_avatars=True)}
    assert users[0].settings is not None and users[0].emailAddress


def test_users_extensive(db: Database, paged: tuple[Gong, Company]) -> None:
    gong, company = paged
    with db.write() as conn:
        ids = [f.make_user(conn, company.id) for _ in range(5)]
    assert sorted(u.id for u in gong.users.extensive()) == sorted(str(i) for i in ids)
    picked = list(gong.users.extensive(user_ids=[ids[0], str(ids[3])]))
    assert sorted(u.id for u in picked) == sorted([str(ids[0]), str(ids[3])])
    everyone = {u.id: u for u in gong.users.extensive()}
    created = sorted(u.created for u in everyone.values() if u.created)
    window = list(gong.users.extensive(created_from_date_time=created[1], created_to_date_time=created[3]))
    assert len(window) == 2  # from inclusive, to exclusive
    assert list(gong.users.extensive(user_ids=["424242"])) == []


def test_users_get_and_history(db: Database, gong: Gong, company: Company) -> None:
    with db.write() as conn:
        uid = f.make_user(conn, company.id, first_name="Ada")
        f.make_settings_change(conn, company.id, uid, "webConferencesRecorded", True, f.BASE_MS)
        f.make_settings_change(conn, company.id, uid, "emailsImported", False, f.BASE_MS + 1000)
    user = gong.users.get(uid)
    assert user.firstName == "Ada" and user.id == str(uid)
    history = gong.users.settings_history(uid)
    assert {(h.setting, h.value) for h in history} == {("webConferencesRecorded", True), ("emailsImported", False)}
    assert all(h.time is not None for h in history)
    with pytest.raises(NotFoundError):
        gong.users.get("9999999")
    with pytest.raises(NotFoundError):
        gong.users.settings_history("9999999")


# --- settings -----------------------------------------------------------------------------------------


def test_settings_workspaces(db: Database, gong: Gong, company: Company) -> None:
    with db.write() as conn:
        ws = f.make_workspace(conn, company.id, "EMEA Sales")
    workspaces = gong.settings.workspaces()
    assert (str(ws), "EMEA Sales") in {(w.id, w.name) for w in workspaces}


# --- auth and errors through the real server -----------------------------------------------------------


def test_bad_credentials_and_missing_scopes(db: Database, checked_client: ContractClient, company: Company) -> None:
    wrong = Gong(company.access_key, "not-the-secret", base_url="http://testserver", http_client=checked_client)
    with pytest.raises(AuthenticationError) as info:
        wrong.calls.get("1")
    assert info.value.request_id
    with pytest.raises(PermissionDeniedError):  # listUsers declares 403 for refused credentials
        list(wrong.users.list())

    with db.write() as conn:
        token = admin.create_token(conn, SystemClock(), company.id, ["api:calls:read:basic"])
    bearer = Gong(bearer_token=token, base_url="http://testserver", http_client=checked_client, pace=None)
    assert list(bearer.calls.list(from_date_time="2030-01-01T00:00:00Z")) == []
    with pytest.raises(PermissionDeniedError) as denied:
        bearer.settings.workspaces()
    assert "api:workspaces:read" in str(denied.value)


def test_bad_request_is_typed(gong: Gong) -> None:
    with pytest.raises(BadRequestError) as info:
        list(gong.calls.list(from_date_time="2024-02-01T00:00:00Z", to_date_time="2024-01-01T00:00:00Z"))
    assert info.value.status_code == 400 and info.value.errors


def test_pacing_keeps_a_client_under_the_server_limit(db: Database, checked_client: ContractClient) -> None:
    """A company held to 3 requests a second (moving window). A paced client gets through; a burst does not.

    Exact spacing can still meet the odd 429 when server-side latency varies between requests (the window
    counts arrivals); the retry, honouring Retry-After, absorbs it.
    """
    strict = make_company(db, "Strict", rate_per_second=3)
    limited: list[int] = []

    def count_429(response: Any) -> None:
        if response.status_code == 429:
            limited.append(1)

    checked_client.event_hooks = {"request": [_check_request], "response": [count_429]}
    paced = sdk(checked_client, strict, pace=3.0)
    started = time.monotonic()
    for _ in range(6):
        assert paced.settings.workspaces() == []
    assert time.monotonic() - started >= 5 / 3 - 0.05
    assert len(limited) <= 2

    time.sleep(1.1)  # let the window empty
    burst = sdk(checked_client, strict, pace=None, max_retries=0)
    with pytest.raises(RateLimitError) as info:
        for _ in range(6):
            burst.settings.workspaces()
    assert info.value.retry_after is not None and info.value.retry_after >= 1


# --- async --------------------------------------------------------------------------------------------


def test_async_client_end_to_end(db: Database, client: ContractClient) -> None:
    small = make_company(db, "Async Co", page_size=2)
    host, made = _seed_calls(db, small.id, 3, transcript=True)

    async def check_answer(response: httpx.Response) -> None:
        await response.aread()
        if response.request.url.path.startswith("/v2"):
            check_response(response.request.method, response.request.url.path, response.status_code, response.content)

    async def check_sent(request: httpx.Request) -> None:
        _check_request(request)

    async def main() -> None:
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=client.app),
            base_url="http://testserver",
            event_hooks={"request": [check_sent], "response": [check_answer]},
        )
        async with (
            http,
            AsyncGong(
                small.access_key, small.secret, base_url="http://testserver", http_client=http, pace=None
            ) as gong,
        ):
            ids = [c.id async for c in gong.calls.list(from_date_time=DAY)]
            assert sorted(ids) == sorted(str(m.id) for m in made)
            pages = [p async for p in gong.calls.list(from_date_time=DAY).pages()]
            assert [len(p) for p in pages] == [2, 1]
            call = await gong.calls.get(made[0].id)
            assert call.primaryUserId == str(host)
            ext = [c async for c in gong.calls.extensive(call_ids=[m.id for m in made])]
            assert len(ext) == 3
            transcripts = [t async for t in gong.calls.transcripts(call_ids=[made[0].id])]
            assert transcripts[0].transcript
            assert (await gong.users.get(host)).id == str(host)
            assert [u.id async for u in gong.users.list()] == [str(host)]
            assert await gong.users.settings_history(host) == []
            assert isinstance(await gong.settings.workspaces(), list)
            with pytest.raises(NotFoundError):
                await gong.calls.get("1")

    asyncio.run(main())
