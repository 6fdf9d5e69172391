"""POST /v2/calls with a downloadMediaUrl: the recording is fetched in the background, checked like an upload,
from allowed addresses only, with timeouts, retried with a bound, and resumed after a restart.

The media comes from a loopback server the tests start (:mod:`tests.support.media_server`), allowed through
``media_fetch_allow`` where a test wants it fetched.
"""

from __future__ import annotations

import dataclasses
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.schema import call_media, media_fetches
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core.ratelimit import RateLimiter
from gongkit.server.groups.calls import fetch_jobs
from gongkit.server.groups.calls.fetch import AddressPolicy, FetchRefused
from tests.calls.test_add import new_call
from tests.conftest import Company, Seed
from tests.support import factories as f
from tests.support.contract import ContractClient
from tests.support.media import sample
from tests.support.media_server import MediaServer, media_server

LOOPBACK = ("127.0.0.1/32",)


@pytest.fixture
def rep(seed: Seed, company: Company) -> int:
    return int(seed(f.make_user, company.id, email_address="rep@acme.example"))


@pytest.fixture
def served() -> Iterator[MediaServer]:
    with media_server() as server:
        yield server


def fetch_settings(settings: ServerSettings, **changes: Any) -> ServerSettings:
    values: dict[str, Any] = {
        "media_fetch_allow": LOOPBACK,
        "media_fetch_connect_seconds": 2.0,
        "media_fetch_read_seconds": 2.0,
        "media_fetch_total_seconds": 10.0,
        "media_fetch_attempts": 2,
        "media_fetch_retry_seconds": 0.05,
    }
    values.update(changes)
    return dataclasses.replace(settings, **values)


@contextmanager
def serving(settings: ServerSettings, db: Database) -> Iterator[ContractClient]:
    """The app with its background work running (the media fetcher starts with it)."""
    app = create_app(settings, db=db, limiter=RateLimiter("memory://"))
    with ContractClient(app) as client:
        yield client


def add(client: ContractClient, company: Company, rep: int, url: str, uid: str = "pbx-1") -> str:
    r = client.post("/v2/calls", json=new_call(rep, clientUniqueId=uid, downloadMediaUrl=url), headers=company.basic)
    assert r.status_code == 200, r.text
    return str(r.json()["callId"])


def fetch_row(db: Database, call_id: str) -> Any:
    with db.read() as conn:
        return conn.execute(select(media_fetches).where(media_fetches.c.call_id == int(call_id))).one()


def settled(db: Database, call_id: str, timeout: float = 30.0) -> Any:
    """The fetch's row once it is DONE or FAILED."""
    end = time.monotonic() + timeout
    while True:
        row = fetch_row(db, call_id)
        if row.status in (fetch_jobs.DONE, fetch_jobs.FAILED):
            return row
        assert time.monotonic() < end, f"the fetch did not end: {row}"
        time.sleep(0.05)


def test_fetched_media_becomes_the_calls_recording(
    settings: ServerSettings, db: Database, company: Company, rep: int, served: MediaServer
) -> None:
    served.routes["/rec/tone.wav"] = ("file", "tone.wav")
    with serving(fetch_settings(settings), db) as client:
        call_id = add(client, company, rep, served.url("/rec/tone.wav"))
        row = settled(db, call_id)
        assert (row.status, row.attempts, row.error) == ("DONE", 1, None)
        call = client.get(f"/v2/calls/{call_id}", headers=company.basic).json()["call"]
        assert call["media"] == "Audio"
        sel = {"exposedFields": {"media": True}}
        body = {"filter": {"callIds": [call_id]}, "contentSelector": sel}
        item = client.post("/v2/calls/extensive", json=body, headers=company.basic).json()["calls"][0]
        link = str(item["media"]["audioUrl"]).removeprefix("http://localhost:8080")
        got = client.get(link)
        assert got.status_code == 200 and got.content == sample("tone.wav")
        assert got.headers["content-type"] == "audio/wav"
    with db.read() as conn:
        [stored] = conn.execute(select(call_media)).mappings().all()
    assert (stored["format"], stored["size"], stored["kind"]) == ("wav", len(sample("tone.wav")), "audio")


def test_redirects_are_followed_and_checked(
    settings: ServerSettings, db: Database, company: Company, rep: int, served: MediaServer
) -> None:
    served.routes["/a"] = ("redirect", "/b")
    served.routes["/b"] = ("redirect", served.url("/clip.mp4", host="localhost"))
    served.routes["/clip.mp4"] = ("file", "clip.mp4")
    served.routes["/to-metadata"] = ("redirect", "http://169.254.169.254/latest/meta-data/")
    served.routes["/to-ftp"] = ("redirect", "ftp://127.0.0.1/x.wav")
    with serving(fetch_settings(settings), db) as client:
        ok = add(client, company, rep, served.url("/a"), "a")
        metadata = add(client, company, rep, served.url("/to-metadata"), "b")
        ftp = add(client, company, rep, served.url("/to-ftp"), "c")
        assert settled(db, ok).status == "DONE"
        assert client.get(f"/v2/calls/{ok}", headers=company.basic).json()["call"]["media"] == "Video"
        refused = settled(db, metadata)
        assert (refused.status, refused.attempts) == ("FAILED", 1)
        assert refused.error == (
            "the host resolves to 169.254.169.254, an address this server does not fetch from "
            "(not public, and not in GONGKIT_MEDIA_FETCH_ALLOW)"
        )
        assert settled(db, ftp).error == "only http and https URLs are fetched, not 'ftp'"
        assert client.get(f"/v2/calls/{metadata}", headers=company.basic).json()["call"]["media"] is None
        shown = client.get(f"/admin/v1/calls/{metadata}/media-fetch", headers=company.basic)
        assert shown.status_code == 200
        body = shown.json()
        assert body["finished"].endswith("Z")
        assert body == {
            "requestId": shown.headers["x-request-id"],
            "callId": metadata,
            "status": "FAILED",
            "attempts": 1,
            "error": refused.error,
            "nextAttempt": None,
            "finished": body["finished"],
        }
        r = client.get(f"/admin/v1/calls/{ok}/media-fetch", headers=company.basic)
        assert (r.json()["status"], r.json()["error"]) == ("DONE", None)
        assert client.get("/admin/v1/calls/123/media-fetch", headers=company.basic).status_code == 404
    # The redirect hop kept the name it was sent to (Host), though the connection went to the checked address.
    assert ("/clip.mp4", f"localhost:{served.port}") in served.seen


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_unless_allowed(
    settings: ServerSettings, db: Database, company: Company, rep: int, served: MediaServer, host: str
) -> None:
    served.routes["/tone.wav"] = ("file", "tone.wav")
    with serving(fetch_settings(settings, media_fetch_allow=("10.0.0.0/8",)), db) as client:
        call_id = add(client, company, rep, served.url("/tone.wav", host=host))
        row = settled(db, call_id)
    assert (row.status, row.attempts) == ("FAILED", 1)
    assert row.error.startswith("the host resolves to 127.0.0.1, an address this server does not fetch from")
    assert served.seen == []  # never connected


@pytest.mark.parametrize(
    ("route", "error"),
    [
        (("bytes", b"not a recording " * 64), "not a recording this server accepts"),
        (("bytes", sample("tone.wav")), "the file is larger than the limit (4000 bytes)"),
        (("chunked", [b"\0" * 3000] * 3), "the file is larger than the limit (4000 bytes)"),
        (("status", 404), "the server answered 404"),
        (("bytes", b""), "the file is empty"),
    ],
)
def test_content_that_will_not_do_fails_at_once(
    settings: ServerSettings,
    db: Database,
    company: Company,
    rep: int,
    served: MediaServer,
    route: tuple[str, Any],
    error: str,
) -> None:
    served.routes["/m"] = route
    with serving(fetch_settings(settings, max_media_bytes=4000), db) as client:
        call_id = add(client, company, rep, served.url("/m"))
        row = settled(db, call_id)
        assert client.get(f"/v2/calls/{call_id}", headers=company.basic).json()["call"]["media"] is None
    assert (row.status, row.attempts) == ("FAILED", 1)
    assert row.error.startswith(error), row.error
    assert list((settings.media_dir / "incoming").iterdir()) == []


def test_timeouts_are_retried_up_to_the_bound(
    settings: ServerSettings, db: Database, company: Company, rep: int, served: MediaServer
) -> None:
    served.routes["/stall"] = ("stall", 3.0)
    with serving(fetch_settings(settings, media_fetch_read_seconds=0.3), db) as client:
        call_id = add(client, company, rep, served.url("/stall"))
        row = settled(db, call_id)
    assert (row.status, row.attempts, row.error) == ("FAILED", 2, "the download timed out")
    assert [p for p, _ in served.seen] == ["/stall", "/stall"]


def test_a_server_error_is_retried(
    settings: ServerSettings, db: Database, company: Company, rep: int, served: MediaServer
) -> None:
    answers = iter([("status", 503), ("file", "tone.mp3")])
    served.routes["/flaky"] = lambda: next(answers)
    with serving(fetch_settings(settings), db) as client:
        call_id = add(client, company, rep, served.url("/flaky"))
        row = settled(db, call_id)
    assert (row.status, row.attempts, row.error) == ("DONE", 2, None)


def test_fetches_survive_a_restart(
    settings: ServerSettings, db: Database, company: Company, rep: int, served: MediaServer, seed: Seed
) -> None:
    """A fetch waiting, and one a dead process held (its lease run out), are both run by the next start."""
    served.routes["/one.wav"] = ("file", "tone.wav")
    served.routes["/two.flac"] = ("file", "tone.flac")
    now = SystemClock().now_ms()

    def left_behind(conn: Any) -> list[str]:
        ids = []
        for n, (path, status) in enumerate([("/one.wav", "PENDING"), ("/two.flac", "IN_PROGRESS")]):
            made = f.make_call(
                conn, company.id, primary_user_id=rep, download_media_url=served.url(path), media_type=None
            )
            fetch_jobs.schedule(conn, company_id=company.id, call_id=made.id, now_ms=now - 1000 * (n + 1))
            if status == "IN_PROGRESS":
                conn.execute(
                    media_fetches.update()
                    .where(media_fetches.c.call_id == made.id)
                    .values(status="IN_PROGRESS", attempts=1, lease_ms=now - 1)
                )
            ids.append(str(made.id))
        return ids

    waiting, abandoned = seed(left_behind)
    with serving(fetch_settings(settings), db) as client:
        assert (settled(db, waiting).status, settled(db, abandoned).status) == ("DONE", "DONE")
        assert settled(db, abandoned).attempts == 2
        media = {
            client.get(f"/v2/calls/{c}", headers=company.basic).json()["call"]["media"] for c in (waiting, abandoned)
        }
    assert media == {"Audio"}


def test_every_resolved_address_must_be_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name resolving to a public and a private address is refused (a rebinding name cannot pick)."""

    def resolve(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in ("93.184.216.34", "10.1.2.3")]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(FetchRefused, match=r"resolves to 10\.1\.2\.3"):
        AddressPolicy().resolve("media.example", 443)
    assert str(AddressPolicy(("10.0.0.0/8",)).resolve("media.example", 443)) == "93.184.216.34"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("ff02::1", False),
    ],
)
def test_which_addresses_are_fetched_from(address: str, public: bool) -> None:
    import ipaddress

    assert AddressPolicy().permits(ipaddress.ip_address(address)) is public


def test_the_allow_list_is_checked_at_start() -> None:
    with pytest.raises(ValueError, match="GONGKIT_MEDIA_FETCH_ALLOW: 'nope' is not a network"):
        ServerSettings(media_fetch_allow=("nope",))
