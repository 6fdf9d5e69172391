"""The SDK's HTTP core over httpx.MockTransport: auth, errors, retries, pacing (on a fake clock)."""

from __future__ import annotations

import asyncio
import base64
import io
import threading
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

import gongkit
from gongkit import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncGong,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    Gong,
    GongError,
    InternalServerError,
    NotFoundError,
    NotImplementedByServerError,
    PermissionDeniedError,
    RateLimitError,
)
from gongkit.sdk._pacing import TokenBucket
from gongkit.sdk._utils import format_datetime
from tests.sdk.support import FakeTime, gong_error, mock_async_gong, mock_gong

OK = {"requestId": "ok-1", "value": 1}

# --- configuration ------------------------------------------------------------------------------------


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("GONG_BASE_URL", "GONG_ACCESS_KEY", "GONG_ACCESS_KEY_SECRET", "GONG_BEARER_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _seen_headers(gong_factory: type[Gong], **kwargs: object) -> httpx.Headers:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=OK)

    with gong_factory(http_client=httpx.Client(transport=httpx.MockTransport(handler)), pace=None, **kwargs) as g:  # type: ignore[arg-type]
        g.request("GET", "/v2/workspaces")
    return seen[0].headers


def test_basic_auth_header(no_env: pytest.MonkeyPatch) -> None:
    headers = _seen_headers(Gong, access_key="AK", access_key_secret="S3:cret")
    assert headers["authorization"] == "Basic " + base64.b64encode(b"AK:S3:cret").decode()
    assert headers["accept"] == "application/json"
    assert headers["user-agent"].startswith("gongkit/")


def test_bearer_auth_header(no_env: pytest.MonkeyPatch) -> None:
    assert _seen_headers(Gong, bearer_token="tok")["authorization"] == "Bearer tok"


def test_credentials_and_base_url_from_env(no_env: pytest.MonkeyPatch) -> None:
    no_env.setenv("GONG_ACCESS_KEY", "envkey")
    no_env.setenv("GONG_ACCESS_KEY_SECRET", "envsecret")
    no_env.setenv("GONG_BASE_URL", "https://us-1234.api.gong.io/")
    g = Gong()
    assert g.base_url == "https://us-1234.api.gong.io"
    assert g.auth_scheme == "basic"
    assert "envsecret" not in repr(g)
    no_env.setenv("GONG_BEARER_TOKEN", "envtoken")
    assert Gong().auth_scheme == "bearer"  # a token wins over keys
    assert Gong("k", "s").auth_scheme == "basic"  # explicit arguments win over the environment
    g.close()


def test_default_base_url(no_env: pytest.MonkeyPatch) -> None:
    assert Gong("k", "s").base_url == "https://api.gong.io"


def test_missing_credentials_are_a_clear_error(no_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(GongError, match="No Gong credentials"):
        Gong()
    with pytest.raises(GongError, match="access_key_secret"):
        Gong("only-key")
    with pytest.raises(GongError, match="No Gong credentials"):
        AsyncGong()


def test_bad_arguments(no_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError):
        Gong("k", "s", max_retries=-1)
    with pytest.raises(ValueError):
        Gong("k", "s", pace=0)
    with pytest.raises(GongError, match="base_url"):
        Gong("k", "s", base_url="api.gong.io")


def test_top_level_exports() -> None:
    assert gongkit.Gong is Gong
    assert "AsyncGong" in dir(gongkit)
    with pytest.raises(AttributeError):
        _ = gongkit.NoSuchThing  # type: ignore[attr-defined]


# --- requests and answers -----------------------------------------------------------------------------


def test_request_sends_query_and_json_and_returns_body() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=OK)

    g = mock_gong(handler)
    when = datetime(2024, 1, 17, 16, 20, 5, tzinfo=timezone(timedelta(hours=-3)))
    body = g.request(
        "get",
        "/v2/calls",
        params={"fromDateTime": when, "includeAvatars": False, "workspaceId": None, "cursor": "c1"},
    )
    assert body == OK
    q = seen[0].url.params
    assert q["fromDateTime"] == "2024-01-17T16:20:05-03:00"
    assert q["includeAvatars"] == "false"
    assert "workspaceId" not in q
    assert seen[0].url.host == "gong.test" and seen[0].url.path == "/v2/calls" and seen[0].method == "GET"
    g.request("POST", "v2/calls/extensive", json={"filter": {"callIds": ["1"]}})
    assert seen[1].url.path == "/v2/calls/extensive"
    assert seen[1].headers["content-type"] == "application/json"
    assert httpx.Response(200, content=seen[1].content).json() == {"filter": {"callIds": ["1"]}}


def test_empty_success_body_is_an_empty_dict() -> None:
    assert mock_gong(lambda r: httpx.Response(200)).request("GET", "/v2/x") == {}


def test_non_object_success_body_is_an_error() -> None:
    with pytest.raises(GongError, match="expected a JSON object"):
        mock_gong(lambda r: httpx.Response(200, json=[1, 2])).request("GET", "/v2/x")


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (501, NotImplementedByServerError),
    ],
)
def test_errors_are_typed_and_not_retried(status: int, cls: type[APIStatusError]) -> None:
    hits: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(1)
        return gong_error(status, "Something is wrong", request_id="req-42")

    time = FakeTime()
    with pytest.raises(cls) as info:
        mock_gong(handler, time).request("GET", "/v2/calls/1")
    err = info.value
    assert type(err) is cls
    assert err.status_code == status
    assert err.request_id == "req-42"
    assert err.errors == ["Something is wrong"]
    assert err.body == {"requestId": "req-42", "errors": ["Something is wrong"]}
    assert "Something is wrong" in str(err) and "req-42" in str(err)
    assert hits == [1]
    assert time.sleeps == []


def test_501_is_a_server_error() -> None:
    assert issubclass(NotImplementedByServerError, InternalServerError)


def test_request_id_from_header_when_the_body_has_none() -> None:
    handler = lambda r: httpx.Response(400, text="bad things", headers={"X-Request-Id": "hdr-7"})  # noqa: E731
    with pytest.raises(BadRequestError) as info:
        mock_gong(handler).request("GET", "/v2/x")
    assert info.value.request_id == "hdr-7"
    assert info.value.errors == ["bad things"]


def test_other_4xx_is_a_plain_status_error() -> None:
    with pytest.raises(APIStatusError) as info:
        mock_gong(lambda r: gong_error(405, "Method not allowed")).request("PATCH", "/v2/x")
    assert type(info.value) is APIStatusError
    assert info.value.status_code == 405


# --- retries ------------------------------------------------------------------------------------------


def _flaky(responses: list[httpx.Response], hits: list[httpx.Request]) -> object:
    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(request)
        return responses.pop(0) if responses else httpx.Response(200, json=OK)

    return handler


def test_retry_honours_retry_after() -> None:
    hits: list[httpx.Request] = []
    handler = _flaky(
        [gong_error(429, "slow down", **{"Retry-After": "2"}), gong_error(429, "slow", **{"Retry-After": "5"})], hits
    )
    time = FakeTime()
    assert mock_gong(handler, time).request("POST", "/v2/calls/extensive", json={"filter": {}}) == OK  # type: ignore[arg-type]
    assert len(hits) == 3
    assert time.sleeps == [2.0, 5.0]


def test_retries_give_up_after_max_retries() -> None:
    hits: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(request)
        return gong_error(429, "API request limit exceeded", **{"Retry-After": "1"})

    time = FakeTime()
    with pytest.raises(RateLimitError) as info:
        mock_gong(handler, time, max_retries=2).request("GET", "/v2/users")
    assert info.value.retry_after == 1.0
    assert len(hits) == 3
    assert time.sleeps == [1.0, 1.0]


def test_max_retries_zero_never_retries() -> None:
    hits: list[httpx.Request] = []
    handler = _flaky([gong_error(503, "down")], hits)
    with pytest.raises(InternalServerError):
        mock_gong(handler, max_retries=0).request("GET", "/v2/users")  # type: ignore[arg-type]
    assert len(hits) == 1


def test_a_long_retry_after_is_not_waited_for() -> None:
    hits: list[httpx.Request] = []
    handler = _flaky([gong_error(429, "daily quota spent", **{"Retry-After": "3600"})], hits)
    time = FakeTime()
    with pytest.raises(RateLimitError) as info:
        mock_gong(handler, time).request("GET", "/v2/users")  # type: ignore[arg-type]
    assert info.value.retry_after == 3600.0
    assert len(hits) == 1 and time.sleeps == []


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retried_with_capped_jittered_backoff(status: int) -> None:
    hits: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(request)
        return gong_error(status, "boom")

    time = FakeTime()
    g = mock_gong(handler, time, max_retries=6)
    g._random = lambda: 1.0  # the top of the jitter range
    with pytest.raises(InternalServerError):
        g.request("GET", "/v2/users")
    assert len(hits) == 7
    assert time.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]

    time2 = FakeTime()
    g2 = mock_gong(handler, time2, max_retries=3)
    g2._random = lambda: 0.0  # the bottom: half the step
    with pytest.raises(InternalServerError):
        g2.request("GET", "/v2/users")
    assert time2.sleeps == [0.25, 0.5, 1.0]


def test_backoff_jitter_stays_in_range() -> None:
    time = FakeTime()
    with pytest.raises(InternalServerError):
        mock_gong(lambda r: gong_error(500, "x"), time, max_retries=4).request("GET", "/v2/users")
    for n, slept in enumerate(time.sleeps):
        step = min(0.5 * 2**n, 8.0)
        assert step / 2 <= slept <= step


def test_connection_errors_and_timeouts_are_retried_then_raised() -> None:
    for exc, cls in ((httpx.ConnectError("refused"), APIConnectionError), (httpx.ReadTimeout("slow"), APITimeoutError)):
        hits: list[int] = []

        def handler(request: httpx.Request, exc: Exception = exc, hits: list[int] = hits) -> httpx.Response:
            hits.append(1)
            raise exc

        with pytest.raises(cls) as info:
            mock_gong(handler, max_retries=2).request("GET", "/v2/users")
        assert info.value.status_code is None
        assert isinstance(info.value.__cause__, type(exc))
        assert len(hits) == 3


def test_a_connection_error_then_success() -> None:
    hits: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(1)
        if len(hits) == 1:
            raise httpx.RemoteProtocolError("server hung up")
        return httpx.Response(200, json=OK)

    assert mock_gong(handler).request("GET", "/v2/users") == OK
    assert len(hits) == 2


def test_files_are_sent_again_from_the_start_on_retry() -> None:
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return gong_error(503, "busy") if len(bodies) == 1 else httpx.Response(201, json=OK)

    media = io.BytesIO(b"RIFF-the-recording")
    assert (
        mock_gong(handler).request("PUT", "/v2/calls/1/media", files={"mediaFile": ("a.wav", media, "audio/wav")}) == OK
    )
    assert len(bodies) == 2 and b"RIFF-the-recording" in bodies[1]


# --- pacing -------------------------------------------------------------------------------------------


def test_pacing_spreads_requests_at_the_configured_rate() -> None:
    time = FakeTime()
    sent: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(time.now)
        return httpx.Response(200, json=OK)

    g = mock_gong(handler, time, pace=3.0)
    for _ in range(7):
        g.request("GET", "/v2/workspaces")
    assert sent == pytest.approx([0, 1 / 3, 2 / 3, 1, 4 / 3, 5 / 3, 2])
    # no more than 3 in any one-second window
    assert all(sent[i + 3] - sent[i] >= 1 - 1e-9 for i in range(len(sent) - 3))


def test_pacing_is_the_default_and_can_be_disabled() -> None:
    time = FakeTime()
    g = mock_gong(lambda r: httpx.Response(200, json=OK), time, pace=3.0)
    assert Gong("k", "s").pace == 3.0
    for _ in range(4):
        g.request("GET", "/v2/workspaces")
    assert time.now == pytest.approx(1.0)
    time2 = FakeTime()
    g2 = mock_gong(lambda r: httpx.Response(200, json=OK), time2, pace=None)
    for _ in range(10):
        g2.request("GET", "/v2/workspaces")
    assert time2.now == 0 and time2.sleeps == []


def test_idle_time_is_not_saved_up_as_a_burst() -> None:
    time = FakeTime()
    sent: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(time.now)
        return httpx.Response(200, json=OK)

    g = mock_gong(handler, time, pace=2.0)
    g.request("GET", "/v2/workspaces")
    time.now = 100.0
    for _ in range(3):
        g.request("GET", "/v2/workspaces")
    assert sent == pytest.approx([0, 100, 100.5, 101])


def test_retry_after_holds_the_whole_client() -> None:
    time = FakeTime()
    sent: list[float] = []
    responses = [gong_error(429, "slow", **{"Retry-After": "3"})]

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(time.now)
        return responses.pop(0) if responses else httpx.Response(200, json=OK)

    g = mock_gong(handler, time, pace=3.0)
    g.request("GET", "/v2/workspaces")
    g.request("GET", "/v2/workspaces")
    assert sent == pytest.approx([0, 3, 3 + 1 / 3])
    assert g._bucket is not None
    assert g._bucket.reserve() == pytest.approx(1 / 3)  # nothing before the hold ends, then the usual pace


def test_token_bucket_is_thread_safe() -> None:
    bucket = TokenBucket(4.0, clock=lambda: 10.0)
    waits: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            w = bucket.reserve()
            with lock:
                waits.append(w)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(waits) == pytest.approx([i * 0.25 for i in range(200)])


def test_token_bucket_burst() -> None:
    bucket = TokenBucket(2.0, burst=3, clock=lambda: 0.0)
    assert [bucket.reserve() for _ in range(5)] == pytest.approx([0, 0, 0, 0.5, 1.0])


# --- date-times ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC), "2024-01-02T03:04:05Z"),
        (datetime(2024, 1, 2, 3, 4, 5), "2024-01-02T03:04:05Z"),  # naive = UTC
        (datetime(2024, 1, 2, 3, 4, 5, 250000, tzinfo=UTC), "2024-01-02T03:04:05.250000Z"),
        (datetime(2024, 1, 2, tzinfo=timezone(timedelta(hours=5, minutes=30))), "2024-01-02T00:00:00+05:30"),
        ("2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z"),
        ("2024-01-02T03:04:05-07:00", "2024-01-02T03:04:05-07:00"),
        ("2024-01-02T03:04:05", "2024-01-02T03:04:05Z"),
        ("2024-01-02", "2024-01-02T00:00:00Z"),
    ],
)
def test_format_datetime(value: datetime | str, expected: str) -> None:
    assert format_datetime(value) == expected


def test_format_datetime_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="ISO-8601"):
        format_datetime("last tuesday")


# --- closing ------------------------------------------------------------------------------------------


def test_close_closes_only_an_owned_http_client() -> None:
    external = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=OK)))
    with Gong("k", "s", http_client=external) as g:
        g.request("GET", "/v2/workspaces")
    assert not external.is_closed
    external.close()
    own = Gong("k", "s")
    own.close()
    assert own._http.is_closed


# --- async --------------------------------------------------------------------------------------------


def test_async_request_retries_and_errors() -> None:
    async def main() -> None:
        hits: list[httpx.Request] = []
        handler = _flaky([gong_error(429, "slow", **{"Retry-After": "2"}), gong_error(503, "busy")], hits)
        time = FakeTime()
        g = mock_async_gong(handler, time)  # type: ignore[arg-type]
        g._random = lambda: 1.0
        assert await g.request("GET", "/v2/users", params={"includeAvatars": True}) == OK
        assert time.sleeps == [2.0, 1.0]
        assert hits[0].url.params["includeAvatars"] == "true"

        with pytest.raises(NotFoundError) as info:
            await mock_async_gong(lambda r: gong_error(404, "User not found", request_id="r9")).request(
                "GET", "/v2/users/1"
            )
        assert info.value.request_id == "r9"
        with pytest.raises(NotImplementedByServerError):
            await mock_async_gong(lambda r: gong_error(501, "later")).request("GET", "/v2/users/1")

        def refuse(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectTimeout("no")

        with pytest.raises(APITimeoutError):
            await mock_async_gong(refuse, max_retries=1).request("GET", "/v2/users")

    asyncio.run(main())


def test_async_pacing_across_concurrent_tasks() -> None:
    async def main() -> None:
        time = FakeTime()
        waits: list[float] = []

        async def record(seconds: float) -> None:
            waits.append(seconds)  # a concurrent sleeper: record the wait, do not move the shared clock

        g = AsyncGong(
            "k",
            "s",
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=OK))),
            clock=time.clock,
            sleep=record,
            pace=3.0,
        )
        async with g:
            results = await asyncio.gather(*(g.request("GET", "/v2/workspaces") for _ in range(6)))
        assert results == [OK] * 6
        assert sorted(waits) == pytest.approx([1 / 3, 2 / 3, 1, 4 / 3, 5 / 3])

    asyncio.run(main())


def test_async_close_and_context_manager() -> None:
    async def main() -> None:
        external = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=OK)))
        async with AsyncGong("k", "s", http_client=external) as g:
            assert await g.request("GET", "/v2/workspaces") == OK
        assert not external.is_closed
        await external.aclose()
        own = AsyncGong("k", "s")
        await own.close()
        assert own._http.is_closed

    asyncio.run(main())


# --- bringing your own client -------------------------------------------------------------------------


def test_timeout_of_a_client_brought_in() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=OK)

    mine = httpx.Client(transport=httpx.MockTransport(handler), timeout=5.0)
    Gong("k", "s", http_client=mine, pace=None).request("GET", "/v2/workspaces")
    Gong("k", "s", http_client=mine, pace=None, timeout=7.0).request("GET", "/v2/workspaces")
    assert seen[0].extensions["timeout"]["read"] == 5.0  # the client's own setting
    assert seen[1].extensions["timeout"]["read"] == 7.0  # an explicit one wins
    own = Gong("k", "s", timeout=12.0)
    assert own._http.timeout.read == 12.0
    own.close()


def test_httpx2_clients_work_and_their_transport_errors_are_mapped() -> None:
    httpx2 = pytest.importorskip("httpx2")
    hits: list[int] = []

    def handler(request: object) -> object:
        hits.append(1)
        if len(hits) == 1:
            raise httpx2.ConnectError("refused")
        return httpx2.Response(200, json=OK)

    g = Gong(
        "k", "s", http_client=httpx2.Client(transport=httpx2.MockTransport(handler)), pace=None, sleep=lambda s: None
    )
    assert g.request("GET", "/v2/workspaces") == OK

    def always_timeout(request: object) -> object:
        raise httpx2.ReadTimeout("slow")

    g2 = Gong(
        "k",
        "s",
        http_client=httpx2.Client(transport=httpx2.MockTransport(always_timeout)),
        max_retries=1,
        sleep=lambda s: None,
    )
    with pytest.raises(APITimeoutError):
        g2.request("GET", "/v2/workspaces")


def test_other_exceptions_from_the_transport_propagate() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise KeyError("a bug, not a network failure")

    with pytest.raises(KeyError):
        mock_gong(broken).request("GET", "/v2/workspaces")


# --- resource groups wired by name --------------------------------------------------------------------


def test_data_privacy_is_wired() -> None:
    from gongkit.sdk.resources.data_privacy import AsyncDataPrivacy, DataPrivacy

    g = Gong("k", "s")
    assert isinstance(g.data_privacy, DataPrivacy) and g.data_privacy._client is g
    ag = AsyncGong("k", "s")
    assert isinstance(ag.data_privacy, AsyncDataPrivacy) and ag.data_privacy._client is ag
