"""Benchmark: what a fresh, seeded Gong company costs a test under the gongkit pytest plugin.

Each iteration does what the plugin's fixtures do for one test: copy the migrated template store into a new
data directory, start a server over it, make a company with a key, seed two users (one the other's manager) and
a call with two parties and a transcript, answer one SDK request (``users.list``), and shut everything down.
It prints the median and 95th percentile per test, for the in-process server, for the loopback server, and
for the deterministic demo company (copied, not regenerated: its template is made once, outside the timing).

Target: a fresh seeded company per test in well under 100 ms (in process).

    .venv/bin/python bench/bench_testing.py [--iterations 200]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gongkit import Gong
from gongkit.demo import DemoSize, create_demo_company
from gongkit.testing import GongServer, Seeder, TemplateStore
from gongkit.testing.server import GongCompany, ServerMode


def seed_small(server: GongServer, company: GongCompany) -> None:
    seed = Seeder(server.db, company.id, clock=server.clock, app_url=server.base_url)
    boss = seed.user(emailAddress="boss@acme.example", firstName="Ana")
    rep = seed.user(emailAddress="rep@acme.example", firstName="Bo", managerId=boss)
    seed.call(
        started="2025-01-06T15:00:00Z",
        primaryUserId=rep,
        parties=[{"userId": rep, "speakerId": "1"}, {"name": "Maya", "speakerId": "2"}],
        transcript=[{"speakerId": "2", "sentences": [{"start": 0, "end": 900, "text": "Hello."}]}],
    )


def one_test(templates: TemplateStore, root: Path, n: int, mode: ServerMode, demo: bool) -> float:
    started = time.perf_counter()
    settings = templates.clone(root / f"t{n}", "demo" if demo else "empty")
    with GongServer(settings, mode=mode) as server:
        company = server.demo_company() if demo else server.create_company()
        if not demo:
            seed_small(server, company)
        creds = company.credentials
        with (
            server.http_client() as http,
            Gong(
                creds.access_key, creds.access_key_secret, base_url=creds.base_url, http_client=http, pace=None
            ) as gong,
        ):
            assert len(list(gong.users.list())) >= 2
    return (time.perf_counter() - started) * 1000


def runner(templates: TemplateStore, root: Path, mode: ServerMode, demo: bool) -> Callable[[int], float]:
    return lambda n: one_test(templates, root, n, mode, demo)


def measure(label: str, iterations: int, run: Callable[[int], float]) -> None:
    for n in range(3):  # warm up: imports, the first app, the first connections
        run(-1 - n)
    times = sorted(run(n) for n in range(iterations))
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{label:<44} median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms   ({iterations} tests)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        templates = TemplateStore(root / "templates")
        started = time.perf_counter()
        templates.template()
        print(f"{'migrated template (once per session)':<44} {1000 * (time.perf_counter() - started):6.1f} ms")
        started = time.perf_counter()
        templates.template("demo", lambda db: create_demo_company(db, size=DemoSize(), app_url="http://testserver"))
        print(f"{'demo company template (once per session)':<44} {1000 * (time.perf_counter() - started):6.1f} ms")
        cases: list[tuple[str, ServerMode, bool]] = [
            ("fresh seeded company, in process", "inprocess", False),
            ("fresh seeded company, loopback server", "loopback", False),
            ("demo company copy (200 calls), in process", "inprocess", True),
        ]
        for label, mode, demo in cases:
            iterations = args.iterations if mode == "inprocess" else max(1, args.iterations // 10)
            measure(label, iterations, runner(templates, root, mode, demo))


if __name__ == "__main__":
    main()
