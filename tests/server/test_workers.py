"""Several server processes on one fresh store: the README's ``uvicorn --factory gongkit.server.asgi:create
--workers N`` works on a data directory that has never been migrated (each worker migrates; they take turns)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from gongkit import control
from gongkit.db import Database, migrate
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.config import ServerSettings
from tests.support.server_process import free_port

REPO = Path(__file__).resolve().parents[2]


def _migrate_in_a_process(url: str) -> int:
    code = f"from gongkit.db import migrate; migrate({url!r})"
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True).returncode


def test_processes_migrating_one_fresh_store_at_once_all_succeed(tmp_path: Path) -> None:
    url = ServerSettings(data_dir=tmp_path / "data").database_url
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(_migrate_in_a_process, [url] * 4)) == [0, 0, 0, 0]
    migrate(url)  # current: nothing to do


@pytest.mark.process
def test_uvicorn_workers_on_a_fresh_data_directory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    port = free_port()
    env = {**os.environ, "GONGKIT_DATA_DIR": str(data), "GONGKIT_LOG_LEVEL": "warning", "PYTHONPATH": str(REPO / "src")}
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "gongkit.server.asgi:create", "--workers", "2"]
    output = tmp_path / "server.out"
    out = output.open("wb")
    proc = subprocess.Popen([*cmd, "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, output.read_text()
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/v2/users", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the workers did not come up"
                time.sleep(0.2)
        assert answer.status_code in (401, 403)  # the store is there: no credential yet
        db = Database(ServerSettings(data_dir=data).database_url)
        with db.write() as conn:
            cid = control.create_company(conn, SystemClock(), "Acme", rate_per_second=1000)
            key = control.create_api_key(conn, SystemClock(), cid)
        db.dispose()
        answers = {
            httpx.get(f"http://127.0.0.1:{port}/v2/workspaces", auth=(key.access_key, key.secret)).status_code
            for _ in range(10)
        }
        assert answers == {200}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        out.close()
