"""Benchmark: paging through the call listings, gongkit beside the floor and a bare fixed-body app.

What it does:
1. builds a demo company of N calls (default 100,000) in a SQLite store (kept in bench/results/ between runs,
   rebuilt when the size changes); with ``GONGKIT_BENCH_PG_URL`` set, gongkit serves a copy of it from a
   PostgreSQL database of its own instead (the floor always reads the SQLite file);
2. starts three servers, one process each (uvicorn, httptools + uvloop):
   - gongkit, with its access log on (to a file);
   - the floor (``../shared/bench/floor_app.py``, or ``--floor PATH``): a raw ASGI app answering the same
     ``GET /v2/calls`` pages from the same SQLite file with the least work, with cursors of its own;
   - a bare raw ASGI app answering a fixed body as large as an average page;
3. collects each server's own page URLs by paging once through the calls (pages of 100, with the cursors it
   hands out: ``--pages`` distinct requests, 1,000 by default, so no answer is ever a repeat the server could
   have kept), for ``GET /v2/calls`` and for ``POST /v2/calls/extensive`` (parties and Extended context);
4. drives each with wrk (-t2 -c32) over loopback, in alternating rounds, and prints the medians of req/s and
   p99 and the ratios. Absolute figures move a lot between runs on a shared machine: the ratios, taken from
   rounds that alternate, are what to compare.

``--profile DIR`` then samples gongkit with py-spy through one more round of each listing and prints where the
time goes (self time by function, and time inside gongkit's own frames by module).

Targets (issue 11): gongkit >= 0.8 x the floor's req/s and p99 <= 1.5 x the floor's, on SQLite.

    .venv/bin/python bench/bench_calls.py [--calls 100000] [--duration 8] [--rounds 3] [--profile DIR]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench_servers import (
    LOOPBACK,
    Figures,
    Server,
    profile_round,
    run_wrk,
    start_server,
    stop_all,
)

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
FLOOR = ROOT.parents[1] / "shared" / "bench" / "floor_app.py"
WINDOW = {"fromDateTime": "2000-01-01T00:00:00Z", "toDateTime": "2100-01-01T00:00:00Z"}
EXTENSIVE_SELECTOR = {"context": "Extended", "exposedFields": {"parties": True}}

GET_LUA = """
local paths = {%(items)s}
local threads = 0
function setup(thread) thread:set("first", threads * 499); threads = threads + 1 end
function init(args) i = first or 0 end
wrk.headers["Authorization"] = "%(auth)s"
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""

POST_LUA = """
local bodies = {%(items)s}
local threads = 0
function setup(thread) thread:set("first", threads * 499); threads = threads + 1 end
function init(args) i = first or 0 end
wrk.headers["Authorization"] = "%(auth)s"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", "%(path)s", nil, bodies[i])
end
"""


def build_store(calls: int) -> tuple[Path, str, str, str]:
    """The SQLite store of a ``calls``-call demo company: its directory, URL, access key and secret."""
    from gongkit.db import Database, migrate
    from gongkit.demo import DemoSize, create_demo_company

    data_dir = RESULTS / f"calls-{calls}"
    marker = data_dir / "company.json"
    url = f"sqlite:///{(data_dir / 'gongkit.db').resolve()}"
    if marker.exists():
        info = json.loads(marker.read_text())
        return data_dir, url, info["access_key"], info["secret"]
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    migrate(url)
    db = Database(url)
    started = time.perf_counter()
    summary = create_demo_company(
        db,
        seed=7,
        size=DemoSize(calls=calls, transcript_share=0.0),
        rate_per_second=1_000_000,
        rate_per_day=1_000_000_000,
    )
    db.checkpoint()
    db.dispose()
    print(f"built a {calls:,}-call company in {time.perf_counter() - started:.1f} s", flush=True)
    marker.write_text(json.dumps({"access_key": summary.access_key, "secret": summary.secret}))
    return data_dir, url, summary.access_key, summary.secret


def postgres_copy(sqlite_url: str, pg_url: str, calls: int) -> str:
    """A PostgreSQL database of its own holding the same store (built once, kept between runs)."""
    from sqlalchemy import create_engine, insert, select, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    from gongkit.db import migrate
    from gongkit.db.schema import metadata

    name = f"gongkit_bench_calls_{calls}"
    admin = create_engine(make_url(pg_url).set(database="postgres"), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    migrate(url)
    source, target = create_engine(sqlite_url), create_engine(url)
    from gongkit.db.schema import calls as calls_table

    with target.connect() as conn:
        done = conn.execute(select(calls_table.c.id).limit(1)).first() is not None
    if not done:
        print(f"copying the {calls:,}-call store to PostgreSQL ...", flush=True)
        with source.connect() as src, target.begin() as dst:
            for table in metadata.sorted_tables:
                if table.name == "alembic_version":
                    continue
                dst.execute(table.delete())
                rows = [dict(r._mapping) for r in src.execute(select(table))]
                for i in range(0, len(rows), 5_000):
                    dst.execute(insert(table), rows[i : i + 5_000])
        with target.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    # The rows came with their ids: each generated id's sequence starts past the largest copied one (the server
    # adds rows of its own, e.g. audit logs).
    with target.begin() as conn:
        for table in metadata.sorted_tables:
            id_column = table.c.get("id")
            if id_column is None or not id_column.autoincrement or not id_column.primary_key:
                continue
            sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()
            if sequence is not None:
                conn.execute(
                    text(f'SELECT setval(:s, COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'),
                    {"s": sequence},
                )
    source.dispose()
    target.dispose()
    return url


def collect_get(server: Server, auth: str, limit: int) -> tuple[list[str], bytes]:
    """A server's own GET /v2/calls page paths (first page, then its cursors) and a typical page body."""
    paths: list[str] = []
    sample = b""
    with httpx.Client(base_url=server.base_url, headers={"Authorization": auth}, timeout=60) as c:
        cursor = None
        while len(paths) < limit:
            r = c.get("/v2/calls", params=dict(WINDOW, **({"cursor": cursor} if cursor else {})))
            r.raise_for_status()
            paths.append(str(r.request.url.raw_path, "ascii"))
            if len(paths) == 2:
                sample = r.content
            cursor = r.json()["records"].get("cursor")
            if not cursor:
                break
    return paths, sample


def collect_extensive(server: Server, auth: str, limit: int) -> tuple[list[str], bytes]:
    """gongkit's own POST /v2/calls/extensive page bodies and a typical page body."""
    bodies: list[str] = []
    sample = b""
    with httpx.Client(base_url=server.base_url, headers={"Authorization": auth}, timeout=60) as c:
        cursor = None
        while len(bodies) < limit:
            body = {"filter": WINDOW, "contentSelector": EXTENSIVE_SELECTOR, **({"cursor": cursor} if cursor else {})}
            text = json.dumps(body, separators=(",", ":"))
            r = c.post("/v2/calls/extensive", content=text, headers={"Content-Type": "application/json"})
            r.raise_for_status()
            bodies.append(text)
            if len(bodies) == 2:
                sample = r.content
            cursor = r.json()["records"].get("cursor")
            if not cursor:
                break
    return bodies, sample


def lua(tmp: Path, name: str, template: str, items: list[str], auth: str, path: str = "") -> Path:
    script = tmp / f"{name}.lua"
    script.write_text(template % {"items": ",".join(json.dumps(x) for x in items), "auth": auth, "path": path})
    return script


def rounds(label: str, runs: dict[str, tuple[Server, Path]], args: argparse.Namespace) -> Figures:
    """Alternating rounds over the servers (a short warm-up first); the figures of every round."""
    figures = Figures(label)
    for server, script in runs.values():
        run_wrk(server, script, 2, args.connections)
    for i in range(args.rounds):
        for name, (server, script) in runs.items():
            figures.add(name, run_wrk(server, script, args.duration, args.connections))
        print(f"  {label}, round {i + 1}: " + ", ".join(figures.last(n) for n in runs), flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--pages", type=int, default=1_000, help="distinct page requests per server and listing")
    parser.add_argument("--floor", type=Path, default=FLOOR, help="the floor app (floor_app.py)")
    parser.add_argument("--only", choices=("get", "extensive", "both"), default="both")
    parser.add_argument("--profile", type=Path, help="also sample gongkit with py-spy; raw profiles go here")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench does it)")
    if not args.floor.exists():
        raise SystemExit(f"the floor app is not at {args.floor} (--floor PATH)")

    # A stop (SIGTERM, e.g. from ``timeout``) still stops the servers started below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    data_dir, sqlite_url, key, secret = build_store(args.calls)
    auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    pg = os.environ.get("GONGKIT_BENCH_PG_URL")
    url = postgres_copy(sqlite_url, pg, args.calls) if pg else sqlite_url
    engine = "PostgreSQL" if pg else "SQLite"
    tmp = Path(tempfile.mkdtemp(prefix="gongkit-bench-"))
    servers: list[Server] = []
    tables: list[Figures] = []
    try:
        ours = start_server("gongkit", ["-c", "SERVE_GONGKIT", str(data_dir), url], servers)
        floor_db = str(Path(sqlite_url.removeprefix("sqlite:///")))
        floor = start_server("floor", [str(args.floor), floor_db, auth], servers, cwd=args.floor.parent.parent)
        if args.only in ("get", "both"):
            ours_paths, sample = collect_get(ours, auth, args.pages)
            floor_paths, _ = collect_get(floor, auth, args.pages)
            bare = start_server("bare", ["-c", "SERVE_BARE", str(_write(tmp / "get.json", sample))], servers)
            print(
                f"GET /v2/calls: {len(ours_paths)} gongkit and {len(floor_paths)} floor page URLs; a page is "
                f"{len(sample):,} bytes",
                flush=True,
            )
            get_runs = {
                "gongkit": (ours, lua(tmp, "ours", GET_LUA, ours_paths, auth)),
                "floor": (floor, lua(tmp, "floor", GET_LUA, floor_paths, auth)),
                "bare": (bare, lua(tmp, "bare", GET_LUA, ["/v2/calls"], auth)),
            }
            tables.append(rounds("GET /v2/calls", get_runs, args))
            if args.profile:
                profile_round(ours, get_runs["gongkit"][1], args, args.profile / "get.txt")
        if args.only in ("extensive", "both"):
            bodies, sample = collect_extensive(ours, auth, args.pages)
            bare_x = start_server("bare", ["-c", "SERVE_BARE", str(_write(tmp / "x.json", sample))], servers)
            print(
                f"POST /v2/calls/extensive: {len(bodies)} gongkit page requests; a page is {len(sample):,} bytes",
                flush=True,
            )
            x_runs = {
                "gongkit": (ours, lua(tmp, "x", POST_LUA, bodies, auth, "/v2/calls/extensive")),
                "bare": (bare_x, lua(tmp, "barex", GET_LUA, ["/v2/calls/extensive"], auth)),
            }
            tables.append(rounds("POST /v2/calls/extensive", x_runs, args))
            if args.profile:
                profile_round(ours, x_runs["gongkit"][1], args, args.profile / "extensive.txt")
    finally:
        stop_all(servers)
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(
        f"{args.calls:,} calls, pages of 100, wrk -t2 -c{args.connections} -d{args.duration}s, {LOOPBACK}, "
        f"median of {args.rounds} alternating rounds; gongkit on {engine}, the floor on SQLite"
    )
    for figures in tables:
        print(figures.table())


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


if __name__ == "__main__":
    main()
