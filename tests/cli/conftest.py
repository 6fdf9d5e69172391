"""CLI fixtures: a click runner and a real server (in a thread) over a small demo company."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from gongkit import control as admin
from gongkit.cli.demo import background_server
from gongkit.db import Database
from gongkit.demo import DemoSize, create_demo_company
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.redaction import RedactingFormatter


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(autouse=True)
def keep_root_logging() -> Iterator[None]:
    """A client command (``client_logging``) and ``logs.configure`` take over the root logger; give it back to
    the test runner: their redacting handlers go, the level is restored."""
    root = logging.getLogger()
    level = root.level
    yield
    for handler in list(root.handlers):
        if isinstance(handler.formatter, RedactingFormatter):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@dataclass
class LiveServer:
    base_url: str
    access_key: str
    secret: str
    company_id: str
    settings: ServerSettings

    @property
    def options(self) -> list[str]:
        return ["--base-url", self.base_url, "--access-key", self.access_key, "--access-key-secret", self.secret]


SMALL = DemoSize(
    calls=8,
    users=4,
    workspaces=1,
    accounts=3,
    contacts_per_account=1,
    leads=3,
    emails=9,
    meetings=6,
    engagement_events=9,
)


@pytest.fixture
def live(settings: ServerSettings, db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    for name in ("GONG_BASE_URL", "GONG_ACCESS_KEY", "GONG_ACCESS_KEY_SECRET", "GONG_BEARER_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    summary = create_demo_company(db, seed=5, size=SMALL, media_dir=settings.media_dir)
    with db.write() as conn:
        admin.update_company(conn, summary.company_id, rate_per_second=100_000, rate_per_day=10_000_000)
    with background_server(settings, db, "127.0.0.1", free_port()) as base_url:
        yield LiveServer(base_url, summary.access_key, summary.secret, str(summary.company_id), settings)
