"""Benchmark: what one ``GET /v2/calls`` cursor page costs inside the process, gongkit beside the floor.

No sockets and no load generator: each app is called as an ASGI callable, one page after another, on one
event loop (uvloop), through its own 1,000 page URLs (its own cursors), so the figure is the app's own work per
page, steadier than a wrk run on a shared machine. What wrk measures on top (uvicorn, the socket, 60 KB written)
is the same for both. gongkit runs as it is served: access lines on (to a file), the audit-log recorder and the
other background work started.

    .venv/bin/python bench/bench_inprocess.py [--calls 100000] [--rounds 5]

The store is ``bench_calls.py``'s (built there on first use). The floor is ``../shared/bench/floor_app.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import importlib.util
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson
import uvloop

from bench_calls import FLOOR, WINDOW, build_store

ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]
QUERY = "&".join(f"{k}={quote(v, safe='')}" for k, v in WINDOW.items())


def _scope(query: str, auth: str) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/v2/calls",
        "raw_path": b"/v2/calls",
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"authorization", auth.encode()), (b"user-agent", b"bench")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def _get(app: ASGIApp, query: str, auth: str) -> tuple[int, bytes]:
    answer: dict[str, Any] = {}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        else:
            answer["body"] = answer.get("body", b"") + message.get("body", b"")

    await app(_scope(query, auth), receive, send)
    return answer["status"], answer["body"]


async def _cursor_queries(app: ASGIApp, auth: str, pages: int) -> list[str]:
    """The app's own cursor pages: page through once from the first page."""
    queries = []
    status, body = await _get(app, QUERY, auth)
    while status == 200 and len(queries) < pages:
        cursor = orjson.loads(body)["records"].get("cursor")
        if not cursor:
            break
        queries.append(f"{QUERY}&cursor={quote(cursor, safe='')}")
        status, body = await _get(app, queries[-1], auth)
    return queries


async def _measure(app: ASGIApp, auth: str, queries: list[str], rounds: int) -> float:
    """The best round's mean microseconds per page; the loop runs its ready callbacks between pages, as a
    server's loop does (gongkit's access lines are logged there)."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for query in queries:
            status, _ = await _get(app, query, auth)
            if status != 200:
                raise SystemExit(f"a page answered {status}")
            await asyncio.sleep(0)
        best = min(best, (time.perf_counter() - started) / len(queries) * 1e6)
    return best


def _floor_app(db_file: Path, auth: str) -> ASGIApp:
    argv = sys.argv
    sys.argv = ["floor_app.py", str(db_file), auth, "0"]
    try:
        spec = importlib.util.spec_from_file_location("floor_app", FLOOR)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.argv = argv
    app: ASGIApp = module.app
    return app


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pages", type=int, default=1_000)
    args = parser.parse_args()

    from gongkit.kernel.config import ServerSettings
    from gongkit.server.app import create_app
    from gongkit.server.core import logs

    data_dir, url, key, secret = build_store(args.calls)
    auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    settings = ServerSettings(data_dir=data_dir, database_url=url)
    logs.configure("info", settings.log_file)
    for name in logs.SERVER_LOGGERS:  # the file only, as bench_calls.py serves it
        logger = logging.getLogger(name)
        logger.handlers = [h for h in logger.handlers if isinstance(h, logging.FileHandler)]
    gongkit = create_app(settings)
    async with gongkit.router.lifespan_context(gongkit):
        ours = await _measure(gongkit, auth, await _cursor_queries(gongkit, auth, args.pages), args.rounds)
    floor_app = _floor_app(Path(url.removeprefix("sqlite:///")), auth)
    floor = await _measure(floor_app, auth, await _cursor_queries(floor_app, auth, args.pages), args.rounds)
    print(f"GET /v2/calls cursor pages, in process, best of {args.rounds} rounds of {args.pages} pages")
    print(f"  gongkit  {ours:7.1f} us a page")
    print(f"  floor    {floor:7.1f} us a page")
    print(f"  gongkit - floor: {ours - floor:.1f} us a page")


if __name__ == "__main__":
    uvloop.run(main())
