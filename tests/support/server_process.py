"""A real gongkit server in a process of its own, for tests that need one (crash recovery, log files, ...).

    with ServerProcess(settings.database_url, tmp_path / "data", env={"GONGKIT_ERASURE_POLL_SECONDS": "0.1"}) as s:
        httpx.get(s.url + "/v2/users", headers=company.basic)
        s.kill()    # SIGKILL: the process gets no chance to clean up
        s.start()   # the same port, database and data directory

Run as a module (what ``start`` does), this file is the launcher: it brings the database to the newest schema,
routes the server's loggers through the redacting formatter to stderr and ``<data dir>/logs/server.log`` (as the
``serve`` command does), and serves ``gongkit.server.create_app`` with uvicorn on loopback.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """One server process over ``database_url`` and ``data_dir`` (logs in ``data_dir/logs/server.log``)."""

    def __init__(
        self,
        database_url: str,
        data_dir: Path,
        *,
        env: dict[str, str] | None = None,
        port: int | None = None,
        log_level: str = "info",
    ) -> None:
        self.database_url = database_url
        self.data_dir = Path(data_dir)
        self.env = dict(env or {})
        self.port = port or free_port()
        self.log_level = log_level
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "server.log"

    @property
    def output_file(self) -> Path:
        """The process's stdout and stderr (every start appends to it)."""
        return self.data_dir / "process.out"

    def start(self, timeout: float = 60.0, env: dict[str, str] | None = None) -> ServerProcess:
        """Start the process (``env`` adds to or overrides the constructor's for this start) and wait until it
        answers HTTP."""
        if self.proc is not None and self.proc.poll() is None:
            raise RuntimeError("the server process is already running")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        full_env = {**os.environ, **self.env, **(env or {}), "PYTHONUNBUFFERED": "1"}
        full_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), full_env.get("PYTHONPATH", "")) if p)
        with open(self.output_file, "ab") as out:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.support.server_process",
                    "--database-url",
                    self.database_url,
                    "--data-dir",
                    str(self.data_dir),
                    "--port",
                    str(self.port),
                    "--log-level",
                    self.log_level,
                ],
                cwd=REPO,
                env=full_env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.starts += 1
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server process exited with {self.proc.returncode}:\n{self.output()[-3000:]}")
            try:
                httpx.get(self.url + "/v2/calls", timeout=1.0)  # any answer (401 here) means it serves
                return self
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    self.kill()
                    raise TimeoutError(
                        f"the server did not answer within {timeout}s:\n{self.output()[-3000:]}"
                    ) from None
                time.sleep(0.1)

    def output(self) -> str:
        return self.output_file.read_text(errors="replace") if self.output_file.exists() else ""

    def stop(self, timeout: float = 15.0) -> int | None:
        """A graceful stop (SIGTERM, then SIGKILL after ``timeout``); returns the exit code."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return self.kill()

    def kill(self) -> int | None:
        """SIGKILL: the process dies at once, mid-transaction if it is in one."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.kill()
        return self.proc.wait(10)

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve gongkit for tests (see ServerProcess).")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--port", required=True, type=int)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)

    import uvicorn

    from gongkit.cli._server_options import uvicorn_options
    from gongkit.db import migrate
    from gongkit.kernel.config import ServerSettings
    from gongkit.server import create_app
    from gongkit.server.core import logs

    settings = ServerSettings.from_env(data_dir=args.data_dir, database_url=args.database_url, log_level=args.log_level)
    migrate(settings.database_url)
    logs.configure(settings.log_level, settings.log_file)
    app = create_app(settings)
    uvicorn.Server(uvicorn.Config(app, host=args.host, port=args.port, **uvicorn_options(settings))).run()


if __name__ == "__main__":
    main()
