"""Benchmark: the derived blocks of POST /v2/calls/extensive (every content and interaction block) on a
100,000-call company whose calls all have a transcript, and what deriving costs.

What it does:
1. builds a demo company of N calls (default 100,000), every call transcribed and analysed, in a fresh SQLite
   store (kept in bench/results/ between runs, rebuilt when the size changes);
2. measures the cost of deriving one hour-long call (a dense transcript: two speakers taking turns for an hour,
   ~1,000 sentences, the demo's seven keyword trackers), median of many runs;
3. compares the two designs in-process, on the same pages of 100 calls: reading the stored blocks (what a page
   reads today: ``calls.content``, ``calls.interaction``, the host's ``call_user_stats``) against loading each
   call's transcript and parties and deriving on read;
4. starts gongkit's server as a separate process (uvicorn, 1 worker, httptools + uvloop) and drives
   POST /v2/calls/extensive with every content and interaction block (no parties, context or media: those are
   other blocks' costs), pages of 100 with their cursors, with wrk (-t2 -c32), several rounds; prints req/s and
   p99 (median over the rounds).

    .venv/bin/python bench/bench_content.py [--calls 100000] [--duration 10] [--rounds 3]
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from gongkit.server.groups.calls.queries import CONTENT_FIELDS, INTERACTION_FIELDS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_servers import SERVE_GONGKIT, free_port, wait_ready

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
PY = sys.executable
EVERYTHING = {
    "exposedFields": {
        "content": dict.fromkeys(CONTENT_FIELDS, True),
        "interaction": dict.fromkeys(INTERACTION_FIELDS, True),
    }
}
FILTER = {"fromDateTime": "2000-01-01T00:00:00Z", "toDateTime": "2100-01-01T00:00:00Z"}

LUA = """
local bodies = {%(bodies)s}
local i = 0
wrk.headers["Authorization"] = "%(auth)s"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", "/v2/calls/extensive", nil, bodies[i])
end
"""


def run_wrk(port: int, script: Path, duration: int, connections: int) -> tuple[float, float]:
    """req/s and p99 (ms) of one wrk run; pages this large are slow, so a request may take up to 30 s."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "--latency", "-s", str(script)]
    out = subprocess.run(
        [*command, f"http://127.0.0.1:{port}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    if m is None or "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw failures:\n{out}")
    return rps, float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]


def build_store(calls: int) -> tuple[Path, str, str, str, int]:
    from gongkit.db import Database, migrate
    from gongkit.demo import DemoSize, create_demo_company

    data_dir = RESULTS / f"content-{calls}"
    marker = data_dir / "company.json"
    url = f"sqlite:///{(data_dir / 'gongkit.db').resolve()}"
    if marker.exists():
        info = json.loads(marker.read_text())
        return data_dir, url, info["access_key"], info["secret"], info["company_id"]
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    migrate(url)
    db = Database(url)
    started = time.perf_counter()
    summary = create_demo_company(
        db,
        seed=7,
        size=DemoSize(calls=calls, transcript_share=1.0),
        rate_per_second=1_000_000,
        rate_per_day=1_000_000_000,
    )
    db.dispose()
    print(f"built a {calls:,}-call company, every call transcribed, in {time.perf_counter() - started:.1f} s")
    info = {"access_key": summary.access_key, "secret": summary.secret, "company_id": summary.company_id}
    marker.write_text(json.dumps(info))
    return data_dir, url, summary.access_key, summary.secret, summary.company_id


def hour_long_call() -> tuple[Any, list[Any]]:
    """A dense hour: a rep and a customer take turns of 1-4 sentences, ~0.5 s apart, lines from the demo."""
    import random

    from gongkit.demo.dialogue import LINES, TRACKERS
    from gongkit.server.groups.calls.analysis import (
        CallTranscript,
        KeywordList,
        Monologue,
        Sentence,
        Speaker,
        TrackerDefinition,
    )

    rnd = random.Random(1)
    topics = ["Call Setup", "Discovery", "Product Demo", "Pricing", "Objections", "Next Steps"]
    speakers = {"1": Speaker("1", 10, True), "2": Speaker("2")}
    monologues, t, turn = [], 0, 0
    while t < 3_595_000:
        topic = topics[min(len(topics) - 1, t * len(topics) // 3_600_000)]
        side = turn % 2
        pool = LINES[topic][side] or LINES[topic][0]
        said = []
        for _ in range(1 + rnd.randrange(4)):
            text = rnd.choice(pool)
            length = max(700, len(text) * 70)
            if t + length > 3_600_000:
                break
            said.append(Sentence(t, t + length, text))
            t += length + 300 + rnd.randrange(700)
        if said:
            monologues.append(Monologue(str(side + 1), topic, tuple(said)))
        turn += 1
    call = CallTranscript(3_600_000, tuple(monologues), speakers, "eng", None)
    trackers = [
        TrackerDefinition(
            i,
            name,
            tuple(KeywordList(lang, words, related) for lang, words, related in lists),
            None,
            affiliation,
            in_question,
            said_at,
            interval,
            unit,
        )
        for i, (name, lists, affiliation, in_question, said_at, interval, unit) in enumerate(TRACKERS)
    ]
    return call, trackers


def derive_cost(runs: int = 30) -> tuple[float, int]:
    from gongkit.server.groups.calls.analysis import analyse

    call, trackers = hour_long_call()
    sentences = sum(len(m.sentences) for m in call.monologues)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        analyse(call, trackers)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, sentences


def read_versus_derive(url: str, company_id: int, pages: int = 20) -> tuple[float, float]:
    """Median ms per page of 100 calls: reading the stored blocks, and loading transcripts + deriving."""
    from sqlalchemy import select

    from gongkit.db import Database
    from gongkit.db.schema import call_user_stats, calls
    from gongkit.server.groups.calls.analysis import analyse, load_transcripts
    from gongkit.server.groups.calls.analysis.store import tracker_definitions

    db = Database(url)
    stored, derived = [], []
    with db.read() as conn:
        ids = [r.id for r in conn.execute(select(calls.c.id).where(calls.c.company_id == company_id))]
        stride = max(100, len(ids) // pages)
        definitions = tracker_definitions(conn, company_id)
        for p in range(pages):
            page = ids[p * stride : p * stride + 100]  # pages spread over the company
            started = time.perf_counter()
            conn.execute(select(calls.c.content, calls.c.interaction).where(calls.c.id.in_(page))).all()
            conn.execute(select(call_user_stats).where(call_user_stats.c.call_id.in_(page))).all()
            stored.append(time.perf_counter() - started)
            started = time.perf_counter()
            for transcript in load_transcripts(conn, company_id, page).values():
                analyse(transcript, definitions)
            derived.append(time.perf_counter() - started)
    db.dispose()
    return statistics.median(stored) * 1000, statistics.median(derived) * 1000


def collect_bodies(port: int, auth: str, limit: int) -> tuple[list[str], int]:
    """Request bodies of real pages (the first and the cursors that follow) and the size of a typical answer."""
    bodies: list[str] = []
    size = 0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": auth}, timeout=60) as c:
        cursor = None
        while len(bodies) < limit:
            body: dict[str, Any] = {"filter": FILTER, "contentSelector": EVERYTHING}
            if cursor:
                body["cursor"] = cursor
            text = json.dumps(body, separators=(",", ":"))
            r = c.post("/v2/calls/extensive", content=text, headers={"Content-Type": "application/json"})
            r.raise_for_status()
            bodies.append(text)
            if len(bodies) == 2:
                size = len(r.content)
            cursor = r.json()["records"].get("cursor")
            if not cursor:
                break
    return bodies, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench does it)")

    data_dir, url, key, secret, company_id = build_store(args.calls)
    cost_ms, sentences = derive_cost()
    print(f"deriving one hour-long call ({sentences} sentences, 7 trackers): {cost_ms:.1f} ms", flush=True)
    stored_ms, derived_ms = read_versus_derive(url, company_id)
    print(
        f"a page of 100 calls in-process: stored blocks read in {stored_ms:.1f} ms; "
        f"transcripts loaded and derived in {derived_ms:.1f} ms ({derived_ms / stored_ms:.0f}x)",
        flush=True,
    )

    auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    tmp = Path(tempfile.mkdtemp(prefix="gongkit-bench-"))
    proc = None
    figures: list[tuple[float, float]] = []
    try:
        port = free_port()
        proc = subprocess.Popen([PY, "-c", SERVE_GONGKIT, str(data_dir), url, str(port)])
        wait_ready(port, proc)
        bodies, size = collect_bodies(port, auth, limit=100)
        print(f"{len(bodies)} page requests collected; a page answer is {size:,} bytes", flush=True)
        lua = tmp / "pages.lua"
        lua.write_text(LUA % {"bodies": ",".join(json.dumps(b) for b in bodies), "auth": auth})
        run_wrk(port, lua, 2, args.connections)  # warm-up
        for i in range(args.rounds):
            figures.append(run_wrk(port, lua, args.duration, args.connections))
            print(f"round {i + 1}: {figures[-1][0]:,.0f} req/s, p99 {figures[-1][1]:.1f} ms", flush=True)
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)

    rps = statistics.median(r for r, _ in figures)
    p99 = statistics.median(p for _, p in figures)
    print()
    print(
        f"POST /v2/calls/extensive, every block, {args.calls:,} transcribed calls, pages of 100, "
        f"wrk -t2 -c{args.connections} -d{args.duration}s, median of {args.rounds} rounds"
    )
    print(f"{'gongkit (SQLite, 1 worker), stored blocks':<46}{rps:>10,.0f} req/s{p99:>10.1f} ms p99")
    print(f"{'deriving one hour-long call':<46}{cost_ms:>10.1f} ms")
    print(f"{'a page of 100, stored blocks read (in-process)':<46}{stored_ms:>10.1f} ms")
    print(f"{'a page of 100, derived on read (in-process)':<46}{derived_ms:>10.1f} ms")


if __name__ == "__main__":
    main()
