"""The machinery of the HTTP benchmarks: server processes, wrk rounds, the figures table and py-spy profiles."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

LOOPBACK = "uvicorn httptools + uvloop, one process each"

#: gongkit as ``gongkit serve`` runs it, access lines to the log file only (a terminal would be the bottleneck).
SERVE_GONGKIT = """
import sys, logging, uvicorn
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core import logs
from gongkit.db import migrate
data_dir, url, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
migrate(url)
settings = ServerSettings(data_dir=data_dir, database_url=url, app_url=f"http://127.0.0.1:{port}")
logs.configure("info", settings.log_file)
for name in ("gongkit", "uvicorn", "uvicorn.error"):
    logging.getLogger(name).handlers = [h for h in logging.getLogger(name).handlers
                                        if isinstance(h, logging.FileHandler)]
uvicorn.run(create_app(settings), host="127.0.0.1", port=port, loop="uvloop", http="httptools",
            access_log=False, log_config=None, log_level="warning")
"""

#: A raw ASGI app answering one fixed body: what a page of that size costs on this stack with no work at all.
SERVE_BARE = """
import sys, uvicorn
body = open(sys.argv[1], "rb").read()
port = int(sys.argv[2])
start = {"type": "http.response.start", "status": 200,
         "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]}
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    await send(start)
    await send({"type": "http.response.body", "body": body})
uvicorn.run(app, host="127.0.0.1", port=port, loop="uvloop", http="httptools", access_log=False,
            log_level="warning", lifespan="off")
"""

SCRIPTS = {"SERVE_GONGKIT": SERVE_GONGKIT, "SERVE_BARE": SERVE_BARE}


@dataclass
class Server:
    name: str
    port: int
    proc: subprocess.Popen[bytes]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(name: str, argv: list[str], servers: list[Server], cwd: Path | None = None) -> Server:
    """Start ``python argv... PORT`` (``-c SERVE_GONGKIT`` / ``-c SERVE_BARE`` name the scripts above) and wait
    until it answers HTTP."""
    port = free_port()
    argv = [SCRIPTS.get(a, a) for a in argv]
    proc = subprocess.Popen([sys.executable, *argv, str(port)], cwd=cwd)
    server = Server(name, port, proc)
    servers.append(server)
    wait_ready(port, proc)
    return server


def wait_ready(port: int, proc: subprocess.Popen[bytes], path: str = "/v2/calls") -> None:
    """Wait until the server on ``port`` answers HTTP (any status), failing when its process exits first."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server on port {port} exited early with {proc.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}{path}", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"the server on port {port} did not start")


def stop_all(servers: list[Server]) -> None:
    for s in servers:
        s.proc.send_signal(signal.SIGINT)
    for s in servers:
        try:
            s.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            s.proc.kill()


def run_wrk(server: Server, script: Path, duration: int, connections: int) -> tuple[float, float]:
    """(req/s, p99 ms) of one wrk run; any non-2xx answer stops the benchmark."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script), server.base_url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    assert rps and m, out
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"wrk saw {non2xx.group(1)} failed answers from {server.name}:\n{out}")
    return float(rps.group(1)), float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]


@dataclass
class Figures:
    """Every round's (req/s, p99) per server, for one listing."""

    label: str
    runs: dict[str, list[tuple[float, float]]] = field(default_factory=dict)

    def add(self, name: str, figure: tuple[float, float]) -> None:
        self.runs.setdefault(name, []).append(figure)

    def last(self, name: str) -> str:
        rps, p99 = self.runs[name][-1]
        return f"{name} {rps:,.0f} req/s p99 {p99:.1f} ms"

    def median(self, name: str) -> tuple[float, float]:
        return (
            statistics.median(r for r, _ in self.runs[name]),
            statistics.median(p for _, p in self.runs[name]),
        )

    def table(self) -> str:
        lines = [f"\n{self.label}", f"  {'server':<12}{'req/s':>10}{'p99 ms':>10}"]
        for name in self.runs:
            rps, p99 = self.median(name)
            lines.append(f"  {name:<12}{rps:>10,.0f}{p99:>10.1f}")
        ours_rps, ours_p99 = self.median("gongkit")
        for other in (n for n in self.runs if n != "gongkit"):
            rps, p99 = self.median(other)
            # The ratio of each round (its rounds ran side by side), then their median.
            per_round = [a[0] / b[0] for a, b in zip(self.runs["gongkit"], self.runs[other], strict=False)]
            lines.append(
                f"  gongkit / {other}: req/s {ours_rps / rps:.2f} (per round {statistics.median(per_round):.2f}), "
                f"p99 {ours_p99 / p99:.2f}"
            )
        if "floor" in self.runs:
            rps, p99 = self.median("floor")
            ok = ours_rps >= 0.8 * rps and ours_p99 <= 1.5 * p99
            lines.append(f"  target (req/s >= 0.8 x floor, p99 <= 1.5 x floor): {'met' if ok else 'NOT met'}")
        return "\n".join(lines)


def profile_round(server: Server, script: Path, args: Any, out: Path) -> None:
    """One more wrk round while py-spy samples the server; prints the summary and keeps the raw stacks."""
    out.parent.mkdir(parents=True, exist_ok=True)
    spy = subprocess.Popen(
        [
            shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy"),
            "record",
            "-p",
            str(server.proc.pid),
            "-d",
            str(args.duration),
            "-r",
            "250",
            "--gil",
            "-f",
            "raw",
            "-o",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    rps, p99 = run_wrk(server, script, args.duration, args.connections)
    spy.wait(timeout=args.duration + 30)
    print(f"\nprofile of {server.name} at {rps:,.0f} req/s (p99 {p99:.1f} ms, slowed by sampling): {out}")
    print(summarize(out))


def summarize(raw: Path, top: int = 22) -> str:
    """Self time by function and inclusive time by source file, from py-spy's collapsed stacks."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        n = int(count)
        total += n
        frames = [_frame(f) for f in stack.split(";")]
        own[frames[-1][0]] += n
        for source in {f[1] for f in frames}:
            inclusive[source] += n
    if not total:
        return "  (no samples)"
    lines = [f"  {total} samples; self time by function:"]
    lines += [f"    {100 * n / total:5.1f}%  {name}" for name, n in own.most_common(top)]
    lines.append("  time under each source file (inclusive):")
    lines += [f"    {100 * n / total:5.1f}%  {name}" for name, n in inclusive.most_common(top)]
    return "\n".join(lines)


def _frame(frame: str) -> tuple[str, str]:
    """(``function (file)``, short file) of a py-spy frame ``function (path:line)``."""
    m = re.match(r"(.*) \((.*?)(?::\d+)?\)$", frame)
    if not m:
        return frame, frame
    path = m.group(2)
    for marker in ("site-packages/", "/src/", "/lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{m.group(1)} ({path})", path
