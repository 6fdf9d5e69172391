"""``gongkit serve --workers 2`` on a store that has never been migrated starts and answers, on SQLite and on
PostgreSQL (with Redis, the workers share a company's rate limit); a rate-limit storage that does not answer
stops ``serve`` at once, naming it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from gongkit import control
from gongkit.db import Database
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.config import ServerSettings
from gongkit.server.core.ratelimit import check_storage
from tests.support.server_process import REPO, free_port

pytestmark = pytest.mark.process


def _serve(tmp_path: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "gongkit.cli.main", "serve", "--data-dir", str(tmp_path / "data"), *args]


def _environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "GONGKIT_LOG_LEVEL": "warning", "PYTHONPATH": str(REPO / "src"), **extra}


@contextmanager
def _running(cmd: list[str], env: dict[str, str], output: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    with output.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=out, cwd=REPO)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, output.read_text()
            try:
                httpx.get(f"http://127.0.0.1:{port}/v2/users", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the workers did not come up:\n" + output.read_text()
                time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _key(database_url: str, **rates: int) -> tuple[str, str]:
    db = Database(database_url)
    with db.write() as conn:
        cid = control.create_company(conn, SystemClock(), "Acme", **rates)
        key = control.create_api_key(conn, SystemClock(), cid)
    db.dispose()
    return key.access_key, key.secret


def test_serve_two_workers_on_a_fresh_sqlite_data_directory(tmp_path: Path) -> None:
    port = free_port()
    cmd = _serve(tmp_path, "--port", str(port), "--workers", "2")
    with _running(cmd, _environment(), tmp_path / "server.out", port):
        auth = _key(ServerSettings(data_dir=tmp_path / "data").database_url, rate_per_second=1000)
        statuses = {httpx.get(f"http://127.0.0.1:{port}/v2/workspaces", auth=auth).status_code for _ in range(10)}
        assert statuses == {200}
    assert "each of the 2 workers counts rate limits on its own" in (tmp_path / "server.out").read_text()


def test_serve_two_workers_on_a_fresh_postgresql_database_share_the_rate_limit(
    tmp_path: Path, empty_pg_url: str, redis_url: str
) -> None:
    port = free_port()
    cmd = _serve(tmp_path, "--port", str(port), "--workers", "2", "--database", empty_pg_url)
    env = _environment(GONGKIT_RATE_LIMIT_STORAGE=redis_url)
    with _running(cmd, env, tmp_path / "server.out", port):
        for _attempt in range(3):  # a busy machine may stretch the burst past a second: try a fresh company
            auth = _key(empty_pg_url, rate_per_second=3)
            with httpx.Client(auth=auth, timeout=30) as client:
                time.sleep(1.02 - time.time() % 1)
                started = time.monotonic()
                # A new connection each time, so that the kernel may hand each request to either worker.
                statuses = [
                    client.get(f"http://127.0.0.1:{port}/v2/workspaces", headers={"Connection": "close"}).status_code
                    for _ in range(6)
                ]
            if time.monotonic() - started < 0.9:
                break
        else:
            pytest.skip("the machine is too busy to send six requests within a second")
        assert statuses == [200, 200, 200, 429, 429, 429]
    assert "counts rate limits on its own" not in (tmp_path / "server.out").read_text()


def test_serve_refuses_a_rate_limit_storage_that_does_not_answer(tmp_path: Path) -> None:
    dead = f"redis://:hunter2@127.0.0.1:{free_port()}/0"
    cmd = _serve(tmp_path, "--port", str(free_port()))
    done = subprocess.run(
        cmd, env=_environment(GONGKIT_RATE_LIMIT_STORAGE=dead), capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "does not answer (GONGKIT_RATE_LIMIT_STORAGE)" in done.stderr
    assert "hunter2" not in done.stderr


@pytest.mark.parametrize(
    ("uri", "says"),
    [("mongo://:hunter2@127.0.0.1/x", "unknown storage scheme"), (f"redis://:hunter2@127.0.0.1:{free_port()}", "")],
)
def test_a_storage_that_cannot_count_is_named_without_its_password(uri: str, says: str) -> None:
    with pytest.raises(ValueError, match="rate-limit storage") as caught:
        check_storage(uri)
    assert says in str(caught.value)
    assert "hunter2" not in str(caught.value) and ":***@" in str(caught.value)
    check_storage("memory://")
