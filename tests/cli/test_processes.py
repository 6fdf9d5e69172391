"""``gongkit serve`` and ``gongkit demo`` as real processes, and the importable ASGI factory."""

from __future__ import annotations

import base64
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from gongkit.db import Database, migrate
from gongkit.demo import demo_credentials
from gongkit.kernel.config import ServerSettings
from tests.cli.conftest import free_port

GONGKIT = [sys.executable, "-m", "gongkit.cli.main"]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GONG_", "GONGKIT_"))}
    env["GONGKIT_DATA_DIR"] = str(tmp_path / "data")
    return env


def _wait_until_up(base_url: str, proc: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(
                f"the server exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}"
            )
        try:
            httpx.get(base_url + "/v2/users", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the server did not come up")


def _basic(key: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()}


def _stop(proc: subprocess.Popen[str]) -> tuple[str, str]:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return out, err


@pytest.mark.process
def test_serve_with_demo(tmp_path: Path) -> None:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [*GONGKIT, "serve", "--port", str(port), "--demo"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_up(base_url, proc)
        store = Database(ServerSettings(data_dir=tmp_path / "data").database_url)
        try:
            kept = demo_credentials(store)
        finally:
            store.dispose()
        assert kept is not None
        key, secret = kept
        users = httpx.get(base_url + "/v2/users", headers=_basic(key, secret), timeout=10)
        assert users.status_code == 200 and users.json()["users"]
        assert users.headers["x-request-id"]
        call = httpx.get(
            base_url + "/v2/calls", params={"fromDateTime": "2000-01-01T00:00:00Z"}, headers=_basic(key, secret)
        )
        assert call.json()["calls"][0]["url"].startswith(base_url)  # app URL from --host/--port
    finally:
        _out, err = _stop(proc)
    assert key in err and base_url in err  # the credentials panel
    assert (tmp_path / "data" / "logs" / "server.log").exists()


@pytest.mark.process
def test_demo_command_tours_and_serves(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [*GONGKIT, "demo", "--port", str(port), "--calls", "8"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}", proc)
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        seen = ""
        # The tour ends with a bare rule line after the transcript; the serving notice follows it on stderr.
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen += line
            if "gong.calls.transcripts" in seen and line.strip() and set(line.strip()) == {"─"}:
                break
        time.sleep(1.0)
    finally:
        out, err = _stop(proc)
    seen += out
    for step in ("gong.users.list()", "gong.calls.list(...).pages()", "gong.calls.get(", "gong.calls.extensive("):
        assert step in seen
    assert "page 1: 8 calls" in seen
    assert "press Ctrl-C" in err and "GONG_ACCESS_KEY=" in err
    assert proc.returncode == 0, f"the demo did not stop cleanly on SIGINT; its last lines:\n{err[-3000:]}"


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell starts a background job


@pytest.mark.process
@pytest.mark.parametrize(
    ("stop_with", "started_ignoring_sigint"),
    [(signal.SIGTERM, False), (signal.SIGINT, True)],
    ids=["sigterm", "sigint-after-a-background-start"],
)
def test_demo_stops_cleanly_on_either_signal(tmp_path: Path, stop_with: int, started_ignoring_sigint: bool) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [*GONGKIT, "demo", "--port", str(port), "--calls", "8", "--no-tour"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ignore_sigint if started_ignoring_sigint else None,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}", proc)
        proc.send_signal(stop_with)
        _out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert "Stopped." in err


@pytest.mark.process
def test_demo_refuses_a_busy_port(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = subprocess.run(
            [*GONGKIT, "demo", "--port", str(port), "--no-tour"],
            env=_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1 and "in use" in result.stderr


@pytest.mark.process
def test_mcp_over_stdio(tmp_path: Path) -> None:
    """``gongkit mcp`` speaks MCP on stdio: list the tools, call one (refused before any request: no input)."""
    import asyncio

    from mcp import Client, StdioServerParameters

    env = {**_env(tmp_path), "GONG_BASE_URL": f"http://127.0.0.1:{free_port()}", "GONG_ACCESS_KEY": "k"}
    env["GONG_ACCESS_KEY_SECRET"] = "s"
    params = StdioServerParameters(command=sys.executable, args=["-m", "gongkit.cli.main", "mcp"], env=env)

    async def session() -> tuple[Any, Any]:
        async with Client(params) as client:
            tools = await client.list_tools()
            result = await client.call_tool("GONG_RETRIEVE_USER_V2_USERS_ID", {})
            return tools, result

    tools, result = asyncio.run(session())
    assert len(tools.tools) == 71
    assert result.is_error is True and "Invalid input: id: required" in result.content[0].text


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """``logs.configure`` rewires gongkit's and uvicorn's loggers; put them back for the other tests."""
    names = ("gongkit", "uvicorn", "uvicorn.error", "uvicorn.access")
    saved = {n: (list(logging.getLogger(n).handlers), logging.getLogger(n).level, logging.getLogger(n).propagate,
                 logging.getLogger(n).disabled) for n in names}  # fmt: skip
    yield
    for name, (handlers, level, propagate, disabled) in saved.items():
        logger = logging.getLogger(name)
        for handler in logger.handlers:
            if handler not in handlers:
                handler.close()
        logger.handlers, logger.propagate, logger.disabled = handlers, propagate, disabled
        logger.setLevel(level)


@pytest.mark.usefixtures("restore_logging")
def test_asgi_factory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkit.server import asgi

    settings = ServerSettings(data_dir=tmp_path / "d")
    migrate(settings.database_url)
    monkeypatch.setenv("GONGKIT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("GONGKIT_LOG_LEVEL", "warning")
    with TestClient(asgi.create()) as client:
        answer = client.get("/v2/users")
    assert answer.status_code in (401, 403) and answer.json()["errors"]
