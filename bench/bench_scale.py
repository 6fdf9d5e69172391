"""Benchmark: GET /v2/calls pages from one server process and from two, on one PostgreSQL database.

What it does:
1. builds a demo company of N calls (default 20,000) in a PostgreSQL database of its own beside the given one
   (``gongkit_bench_scale``, kept between runs and rebuilt when the size changes);
2. collects real page URLs (pages of 100, with their cursors) by paging once through the calls;
3. runs ``gongkit serve`` as it is deployed, in three set-ups: one process counting rate limits in memory, one
   process counting them in Redis, and ``--workers 2`` sharing the counts in Redis (what several processes need
   to behave as one Gong); access lines are logged as always;
4. drives each with wrk (-t2 -c32) over loopback, the set-ups alternating round by round, and prints the median
   req/s and p99 of each and the ratio of two processes to one.

On a machine with few cores, wrk, PostgreSQL, Redis and the servers compete for them: read the ratio as what the
machine allows, not as what a second process adds on a host of its own.

    GONGKIT_BENCH_PG_URL=$(scripts/pg.sh start) GONGKIT_BENCH_REDIS_URL=$(scripts/redis.sh start) \\
        .venv/bin/python bench/bench_scale.py [--calls 20000] [--duration 8] [--rounds 3]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
DATABASE = "gongkit_bench_scale"

LUA = """
local paths = {%(paths)s}
local i = 0
wrk.headers["Authorization"] = "%(auth)s"
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


@dataclass(frozen=True)
class Setup:
    """One way of serving: how many processes, where they count rate limits."""

    label: str
    workers: int
    shared_counts: bool


SETUPS = (
    Setup("1 process, counts in memory", 1, False),
    Setup("1 process, counts in Redis", 1, True),
    Setup("2 processes, counts in Redis", 2, True),
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bench_database(pg_url: str, *, fresh: bool) -> str:
    """The URL of the benchmark's own database on the server of ``pg_url`` (made anew with ``fresh``)."""
    admin = create_engine(make_url(pg_url).set(database="postgres"), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if fresh:
            conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": DATABASE}).first() is None:
            conn.execute(text(f"CREATE DATABASE {DATABASE}"))
    admin.dispose()
    return make_url(pg_url).set(database=DATABASE).render_as_string(hide_password=False)


def prepared_store(pg_url: str, calls: int) -> tuple[str, str]:
    """The benchmark database's URL and the Basic credential of its demo company of ``calls`` calls (built once
    per size, kept between runs)."""
    from gongkit.db import Database, migrate
    from gongkit.demo import DemoSize, create_demo_company

    marker = RESULTS / f"scale-{calls}.json"
    if marker.exists():
        url = bench_database(pg_url, fresh=False)
        info = json.loads(marker.read_text())
        db = Database(url)
        try:
            with db.read() as conn:
                found = conn.execute(text("SELECT 1 FROM companies WHERE id = :i"), {"i": info["company"]}).first()
        except Exception:
            found = None  # not migrated, or another database by that name
        finally:
            db.dispose()
        if found is not None:
            return url, str(info["auth"])
    url = bench_database(pg_url, fresh=True)
    migrate(url)
    db = Database(url)
    started = time.perf_counter()
    summary = create_demo_company(
        db, seed=7, size=DemoSize(calls=calls, transcript_share=0.0), rate_per_second=10**6, rate_per_day=10**9
    )
    db.dispose()
    print(f"built a {calls:,}-call company in {time.perf_counter() - started:.1f} s", flush=True)
    auth = "Basic " + base64.b64encode(f"{summary.access_key}:{summary.secret}".encode()).decode()
    RESULTS.mkdir(exist_ok=True)
    marker.write_text(json.dumps({"company": summary.company_id, "auth": auth}))
    return url, auth


class Server:
    """``gongkit serve`` in a process group of its own (uvicorn's workers included)."""

    def __init__(self, url: str, setup: Setup, redis_url: str, work: Path) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "GONGKIT_DATA_DIR": str(work / "data"),
            "GONGKIT_RATE_LIMIT_STORAGE": redis_url if setup.shared_counts else "memory://",
        }
        cmd = [sys.executable, "-m", "gongkit.cli.main", "serve", "--port", str(self.port), "--database", url]
        with (work / "server.err").open("ab") as err:
            self.proc = subprocess.Popen(
                [*cmd, "--workers", str(setup.workers)], env=env, stderr=err, start_new_session=True
            )
        deadline = time.monotonic() + 90
        while True:
            if self.proc.poll() is not None:
                raise SystemExit(f"the server exited with {self.proc.returncode}: see {work / 'server.err'}")
            try:
                httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1)
                return
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def collect_pages(port: int, auth: str, limit: int) -> list[str]:
    """Real page paths: the first page and the pages its cursors lead to."""
    params = {"fromDateTime": "2000-01-01T00:00:00Z", "toDateTime": "2100-01-01T00:00:00Z"}
    paths: list[str] = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": auth}, timeout=60) as c:
        cursor = None
        while len(paths) < limit:
            r = c.get("/v2/calls", params=dict(params, **({"cursor": cursor} if cursor else {})))
            r.raise_for_status()
            paths.append(str(r.request.url.raw_path, "ascii"))
            cursor = r.json()["records"].get("cursor")
            if not cursor:
                break
    return paths


def run_wrk(port: int, script: Path, duration: int, connections: int) -> tuple[float, float]:
    """req/s and p99 (ms) of one wrk run; any answer but a 2xx stops the benchmark."""
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if failed := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        raise SystemExit(f"wrk saw {failed.group(1)} failed answers:\n{out}")
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    if rps is None or p99 is None:
        raise SystemExit(f"unexpected wrk output:\n{out}")
    return float(rps.group(1)), float(p99.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    pg_url = os.environ.get("GONGKIT_BENCH_PG_URL", "").strip()
    redis_url = os.environ.get("GONGKIT_BENCH_REDIS_URL", "").strip()
    if not pg_url or not redis_url:
        raise SystemExit("set GONGKIT_BENCH_PG_URL and GONGKIT_BENCH_REDIS_URL (scripts/pg.sh, scripts/redis.sh)")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench does it)")

    url, auth = prepared_store(pg_url, args.calls)
    work = Path(tempfile.mkdtemp(prefix="gongkit-bench-scale-"))
    figures: dict[Setup, list[tuple[float, float]]] = {s: [] for s in SETUPS}
    try:
        first = Server(url, SETUPS[0], redis_url, work)
        try:
            paths = collect_pages(first.port, auth, limit=1000)
        finally:
            first.stop()
        print(f"{len(paths)} page URLs collected", flush=True)
        script = work / "pages.lua"
        script.write_text(LUA % {"paths": ",".join(json.dumps(p) for p in paths), "auth": auth})
        for i in range(args.rounds):
            for setup in SETUPS:
                server = Server(url, setup, redis_url, work)
                try:
                    run_wrk(server.port, script, 2, args.connections)  # warm-up: connections, caches
                    figures[setup].append(run_wrk(server.port, script, args.duration, args.connections))
                finally:
                    server.stop()
                rps, p99 = figures[setup][-1]
                print(f"round {i + 1}: {setup.label}: {rps:,.0f} req/s, p99 {p99:.1f} ms", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    medians = {s: (statistics.median(r for r, _ in f), statistics.median(p for _, p in f)) for s, f in figures.items()}
    print()
    print(
        f"GET /v2/calls on PostgreSQL, {args.calls:,} calls, pages of 100, wrk -t2 -c{args.connections} "
        f"-d{args.duration}s, median of {args.rounds} rounds, {os.cpu_count()} CPU cores"
    )
    print(f"{'set-up':<34}{'req/s':>10}{'p99 ms':>10}")
    for setup, (rps, p99) in medians.items():
        print(f"{setup.label:<34}{rps:>10,.0f}{p99:>10.1f}")
    one, two = medians[SETUPS[1]][0], medians[SETUPS[2]][0]
    print(f"ratio 2 processes / 1 (both counting in Redis): {two / one:.2f}")


if __name__ == "__main__":
    main()
