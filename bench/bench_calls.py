"""Benchmark: paging through GET /v2/calls on a 100,000-call company, beside a bare ASGI app.

What it does:
1. builds a demo company of N calls (default 100,000) in a fresh SQLite store (kept in bench/results/ between
   runs, rebuilt when the size changes);
2. collects real page URLs (pages of 100, with their cursors) by paging once through the calls;
3. starts gongkit's server as a separate process (uvicorn, 1 worker, httptools + uvloop, access log on);
4. starts a bare Starlette app, same server settings, answering a fixed JSON body as large as an average page;
5. drives each with wrk (-t2 -c32) over loopback, alternating, several rounds, and prints req/s and p99 for
   both and their ratio (median over the rounds).

Targets: gongkit >= 0.5 x the bare app's req/s; p99 < 50 ms at 32 connections.

    .venv/bin/python bench/bench_calls.py [--calls 100000] [--duration 10] [--rounds 3]
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
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
PY = sys.executable

SERVE_GONGKIT = """
import sys, uvicorn
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core import logs
from gongkit.db import migrate
data_dir, url, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
migrate(url)
settings = ServerSettings(data_dir=data_dir, database_url=url, app_url=f"http://127.0.0.1:{port}")
logs.configure("info", settings.log_file)
# Access lines go to the log file only (a terminal would be the bottleneck, not the server).
import logging
for name in ("gongkit", "uvicorn", "uvicorn.error"):
    logging.getLogger(name).handlers = [h for h in logging.getLogger(name).handlers
                                        if isinstance(h, logging.FileHandler)]
uvicorn.run(create_app(settings), host="127.0.0.1", port=port, loop="uvloop", http="httptools",
            access_log=False, log_config=None, log_level="warning")
"""

SERVE_BARE = """
import sys, uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
body = open(sys.argv[1], "rb").read()
port = int(sys.argv[2])
async def calls(request):
    return Response(body, media_type="application/json")
app = Starlette(routes=[Route("/v2/calls", calls)])
uvicorn.run(app, host="127.0.0.1", port=port, loop="uvloop", http="httptools", access_log=False,
            log_level="warning")
"""

LUA = """
local paths = {%(paths)s}
local i = 0
wrk.headers["Authorization"] = "%(auth)s"
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, proc: subprocess.Popen[bytes], path: str = "/v2/calls") -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited early with {proc.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}{path}", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


def build_store(calls: int) -> tuple[Path, str, str, str]:
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
    db.dispose()
    print(f"built a {calls:,}-call company in {time.perf_counter() - started:.1f} s", flush=True)
    marker.write_text(json.dumps({"access_key": summary.access_key, "secret": summary.secret}))
    return data_dir, url, summary.access_key, summary.secret


def collect_pages(port: int, auth: str, limit: int) -> tuple[list[str], bytes]:
    """Real page paths (first page + cursors) and the body of a typical page."""
    params = {"fromDateTime": "2000-01-01T00:00:00Z", "toDateTime": "2100-01-01T00:00:00Z"}
    paths: list[str] = []
    sample = b""
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": auth}, timeout=30) as c:
        cursor = None
        while len(paths) < limit:
            query = dict(params, **({"cursor": cursor} if cursor else {}))
            r = c.get("/v2/calls", params=query)
            r.raise_for_status()
            paths.append(str(r.request.url.raw_path, "ascii"))
            body = r.json()
            if len(paths) == 2:
                sample = r.content
            cursor = body["records"].get("cursor")
            if not cursor:
                break
    return paths, sample


def run_wrk(port: int, script: Path, duration: int, connections: int) -> tuple[float, float]:
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
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    assert m, out
    p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"wrk saw {non2xx.group(1)} failed answers:\n{out}")
    return rps, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench does it)")

    data_dir, url, key, secret = build_store(args.calls)
    auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    tmp = Path(tempfile.mkdtemp(prefix="gongkit-bench-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        port = free_port()
        env = dict(os.environ)
        ours = subprocess.Popen([PY, "-c", SERVE_GONGKIT, str(data_dir), url, str(port)], env=env)
        procs.append(ours)
        wait_ready(port, ours)
        paths, sample = collect_pages(port, auth, limit=1000)
        print(f"{len(paths)} page URLs collected; a page body is {len(sample):,} bytes", flush=True)
        lua = tmp / "pages.lua"
        lua.write_text(LUA % {"paths": ",".join(json.dumps(p) for p in paths), "auth": auth})

        body_file = tmp / "body.json"
        body_file.write_bytes(sample)
        bare_port = free_port()
        bare = subprocess.Popen([PY, "-c", SERVE_BARE, str(body_file), str(bare_port)], env=env)
        procs.append(bare)
        wait_ready(bare_port, bare)
        bare_lua = tmp / "bare.lua"
        bare_lua.write_text(LUA % {"paths": json.dumps("/v2/calls"), "auth": auth})

        run_wrk(port, lua, 2, args.connections)  # warm-up
        run_wrk(bare_port, bare_lua, 2, args.connections)
        figures: dict[str, list[tuple[float, float]]] = {"gongkit": [], "bare": []}
        for i in range(args.rounds):
            figures["gongkit"].append(run_wrk(port, lua, args.duration, args.connections))
            figures["bare"].append(run_wrk(bare_port, bare_lua, args.duration, args.connections))
            print(
                f"round {i + 1}: gongkit {figures['gongkit'][-1][0]:,.0f} req/s, "
                f"bare {figures['bare'][-1][0]:,.0f} req/s",
                flush=True,
            )
    finally:
        for p in procs:
            p.send_signal(signal.SIGINT)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)

    ours_rps = statistics.median(r for r, _ in figures["gongkit"])
    ours_p99 = statistics.median(p for _, p in figures["gongkit"])
    bare_rps = statistics.median(r for r, _ in figures["bare"])
    bare_p99 = statistics.median(p for _, p in figures["bare"])
    ratio = ours_rps / bare_rps
    print()
    print(
        f"GET /v2/calls, {args.calls:,} calls, pages of 100, wrk -t2 -c{args.connections} -d{args.duration}s, "
        f"median of {args.rounds} rounds"
    )
    print(f"{'server':<34}{'req/s':>10}{'p99 ms':>10}")
    print(f"{'gongkit (SQLite, 1 worker)':<34}{ours_rps:>10,.0f}{ours_p99:>10.1f}")
    print(f"{'bare Starlette, fixed body':<34}{bare_rps:>10,.0f}{bare_p99:>10.1f}")
    print(f"ratio gongkit / bare: {ratio:.2f}  (target >= 0.50; p99 target < 50 ms)")
    ok = ratio >= 0.5 and ours_p99 < 50
    print("targets met" if ok else "targets NOT met")


if __name__ == "__main__":
    main()
