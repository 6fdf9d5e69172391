"""Benchmark: what an oversized request costs the server (memory, and time for other clients).

What it does:
1. starts gongkit's server as a separate process (the test launcher: uvicorn, httptools + uvloop, gongkit's
   head cap) over a fresh SQLite store in a temporary folder, with one company;
2. sends ``POST /v2/calls/extensive`` with a chunked body of ``--body-mb`` MB (default 500), streamed from a
   generator, and prints the answer, how much the client could send, and how much the server's resident memory
   grew (``VmRSS`` in ``/proc``);
3. sends one request whose ``Authorization`` header is ``--header-mb`` MB (default 60) on a raw connection while
   another client keeps calling ``GET /v2/users``, and prints the answer, the memory growth and the slowest
   answer the other client saw meanwhile.

    .venv/bin/python bench/bench_limits.py [--body-mb 500] [--header-mb 60]
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.server_process import ServerProcess

from gongkit.control import create_api_key, create_company
from gongkit.db import Database, migrate
from gongkit.kernel.clock import SystemClock

MB = 1024 * 1024


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


def chunked_body(server: ServerProcess, auth: tuple[str, str], megabytes: int) -> None:
    assert server.proc is not None
    sent = 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        yield b'{"filter": {}}'
        block = b" " * MB
        for _ in range(megabytes):
            sent += len(block)
            yield block

    before = rss(server.proc.pid)
    started = time.perf_counter()
    r = httpx.post(server.url + "/v2/calls/extensive", content=body(), auth=auth, timeout=600)
    elapsed = time.perf_counter() - started
    grown = rss(server.proc.pid) - before
    print(
        f"chunked body of {megabytes} MB: {r.status_code} {r.json()['errors']} after {elapsed:.2f}s; "
        f"client sent {sent / MB:.0f} MB; server memory grew by {grown / MB:.1f} MB"
    )


def huge_header(server: ServerProcess, auth: tuple[str, str], megabytes: int) -> None:
    assert server.proc is not None
    host, port = server.url.removeprefix("http://").split(":")
    slowest = 0.0
    stop = threading.Event()

    def other_client() -> None:
        nonlocal slowest
        with httpx.Client(auth=auth) as client:
            while not stop.is_set():
                started = time.perf_counter()
                client.get(server.url + "/v2/users")
                slowest = max(slowest, time.perf_counter() - started)

    before = rss(server.proc.pid)
    thread = threading.Thread(target=other_client)
    thread.start()
    time.sleep(0.5)
    head = b"GET /v2/users HTTP/1.1\r\nHost: x\r\nAuthorization: Basic "
    answer = b""
    started = time.perf_counter()
    with socket.create_connection((host, int(port)), timeout=120) as sock:
        try:
            sock.sendall(head)
            block = b"a" * MB
            for _ in range(megabytes):
                sock.sendall(block)
            sock.sendall(b"\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        with contextlib.suppress(ConnectionResetError):
            answer = sock.recv(4096)
    elapsed = time.perf_counter() - started
    time.sleep(0.5)
    stop.set()
    thread.join()
    grown = rss(server.proc.pid) - before
    status = answer.split(b"\r\n", 1)[0].decode() or "(connection closed)"
    print(
        f"Authorization header of {megabytes} MB: {status} after {elapsed:.2f}s; server memory grew by "
        f"{grown / MB:.1f} MB; slowest GET /v2/users meanwhile {slowest * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--body-mb", type=int, default=500)
    parser.add_argument("--header-mb", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'gongkit.db'}"
        migrate(url)
        db = Database(url)
        with db.write() as conn:
            key = create_api_key(conn, SystemClock(), create_company(conn, SystemClock(), "Bench"))
        db.dispose()
        auth = (key.access_key, key.secret)
        with ServerProcess(url, Path(tmp) / "data", log_level="warning") as server:
            httpx.get(server.url + "/v2/users", auth=auth)  # warm up
            chunked_body(server, auth, args.body_mb)
            huge_header(server, auth, args.header_mb)


if __name__ == "__main__":
    main()
