"""Limits enforced as bytes arrive (bodies: 413, request heads: 431) and the headers every answer carries."""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson
import pytest
from sqlalchemy.exc import OperationalError

from gongkit.db import Database
from gongkit.kernel.config import ServerSettings
from tests.conftest import Company
from tests.support.api import assert_error
from tests.support.contract import ContractClient
from tests.support.server_process import ServerProcess

MB = 1024 * 1024
BODY_LIMIT = 2 * MB  # ServerSettings.max_body_bytes
TOO_LARGE = f"Request body too large (limit {BODY_LIMIT} bytes)"


# --- headers on every answer -------------------------------------------------------------------------------------


def test_every_answer_is_neither_sniffed_nor_cached(client: ContractClient, company: Company) -> None:
    answers = [
        client.get("/v2/users", headers=company.basic),  # 200
        client.get("/v2/users"),  # 403 (what this operation declares for a refused credential)
        client.get("/v2/nowhere"),  # 404
        client.get("/media/not-a-token"),  # 403
        client.post("/v2/calls/extensive", content=b"{", headers=company.basic),  # 400
    ]
    assert [r.status_code for r in answers] == [200, 403, 404, 403, 400]
    for r in answers:
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"


def test_405_answers_say_what_is_allowed(client: ContractClient, company: Company) -> None:
    r = client.delete("/v2/calls", headers=company.basic)
    assert_error(r, 405, "Method DELETE is not allowed here")
    assert r.headers["allow"] == "GET, POST"
    r = client.delete("/v2/calls/extensive", headers=company.basic)
    assert_error(r, 405, "Method DELETE is not allowed here")
    assert r.headers["allow"] == "POST"
    r = client.post("/media/some-token")
    assert_error(r, 405, "Method POST is not allowed here")
    assert r.headers["allow"] == "GET, HEAD"


# --- request bodies ----------------------------------------------------------------------------------------------


def test_a_declared_length_over_the_limit_is_refused_unread(client: ContractClient, company: Company) -> None:
    r = client.post("/v2/calls/extensive", content=b" " * (BODY_LIMIT + 1), headers=company.basic)
    assert_error(r, 413, TOO_LARGE)
    assert r.headers["connection"] == "close"
    r = client.post("/v2/calls/extensive", content=b" " * (BODY_LIMIT + 1))  # before authentication, too
    assert_error(r, 413, TOO_LARGE)
    just = b'{"filter": {}}' + b" " * (BODY_LIMIT - 14)
    assert client.post("/v2/calls/extensive", content=just, headers=company.basic).status_code in (200, 404)


def test_a_chunked_body_is_refused_once_it_passes_the_limit(client: ContractClient, company: Company) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"filter": {}}'
        for _ in range(3):
            yield b" " * MB

    r = client.post("/v2/calls/extensive", content=chunks(), headers=company.basic)
    assert_error(r, 413, TOO_LARGE)
    r = client.put("/v2/calls/1/media", content=chunks(), headers=company.basic)  # the media limit is larger
    assert_error(r, 400, "id: Call ID was not found")


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


@pytest.fixture
def server(settings: ServerSettings, tmp_path: Path) -> Iterator[ServerProcess]:
    with ServerProcess(settings.database_url, tmp_path / "process") as s:
        yield s


def test_a_large_chunked_body_is_refused_as_it_arrives(server: ServerProcess, company: Company) -> None:
    """256 MB sent without a length: the server answers 413 after about its limit and reads no further."""
    assert server.proc is not None
    sent = 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        yield b'{"filter": {}}'
        for _ in range(256):
            sent += MB
            yield b" " * MB

    httpx.post(server.url + "/v2/calls/extensive", json={"filter": {}}, headers=company.basic)  # warm up
    before = rss_bytes(server.proc.pid)
    r = httpx.post(server.url + "/v2/calls/extensive", content=body(), headers=company.basic, timeout=60)
    grown = rss_bytes(server.proc.pid) - before
    assert r.status_code == 413 and r.json()["errors"] == [TOO_LARGE]
    assert sent < 64 * MB, f"the client could send {sent} bytes"
    assert grown < 16 * MB, f"the server grew by {grown} bytes"


# --- request heads -----------------------------------------------------------------------------------------------


def send_head(url: str, head: bytes) -> bytes:
    """Send ``head`` on a raw connection, stopping as soon as the server answers; return the answer."""
    host, port = url.removeprefix("http://").split(":")
    answer = b""
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        for start in range(0, len(head), 16 * 1024):
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(head[start : start + 16 * 1024])
            except (BrokenPipeError, ConnectionResetError):
                break
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                data = sock.recv(65536)
            except ConnectionResetError:
                break
            if not data:
                break
            answer += data
    return answer


def test_a_head_over_the_cap_is_refused_with_431(server: ServerProcess, company: Company) -> None:
    huge = b"GET /v2/users HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + b"a" * MB + b"\r\n\r\n"
    answer = send_head(server.url, huge)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 431 "), answer[:300]
    assert b"connection: close" in head.lower()
    envelope = orjson.loads(body)
    assert envelope["errors"] == ["Request headers too large (limit 65536 bytes for the request line and headers)"]
    assert f"x-request-id: {envelope['requestId']}".encode() in head.lower()
    # many headers, each small, count together
    many = b"GET /v2/users HTTP/1.1\r\nHost: x\r\n" + b"".join(
        b"X-Pad-%d: %s\r\n" % (i, b"b" * 100) for i in range(800)
    )
    assert send_head(server.url, many + b"\r\n").startswith(b"HTTP/1.1 431 ")
    # the server keeps answering, and a head within the cap is served
    assert httpx.get(server.url + "/v2/users", headers=company.basic).status_code == 200
    ok = b"GET /v2/users HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"c" * 60_000 + b"\r\nConnection: close\r\n\r\n"
    assert send_head(server.url, ok).startswith(b"HTTP/1.1 403 ")


def test_health_says_whether_the_store_answers(
    client: ContractClient, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = client.get("/healthz")
    assert (r.status_code, r.json()) == (200, {"requestId": r.headers["x-request-id"], "status": "ok"})
    assert r.headers["cache-control"] == "no-store"

    def unreachable() -> None:
        raise OperationalError("SELECT 1", {}, ConnectionError("the store is gone"))

    monkeypatch.setattr(db, "read", unreachable)
    r = client.get("/healthz")
    assert (r.status_code, r.json()) == (
        503,
        {"requestId": r.headers["x-request-id"], "errors": ["The store does not answer"]},
    )
