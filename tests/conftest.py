"""Shared fixtures: both storage engines, an in-process client that checks every answer against Gong's
contract, a company with credentials, and a real server process.

- ``engine`` is parametrized over ``sqlite`` and ``postgres``; PostgreSQL comes from ``GONGKIT_TEST_PG_URL``
  (``make test`` starts a private server and sets it). Without it the postgres cases are skipped, except
  under CI, where a missing PostgreSQL is an error.
- Each test gets a fresh database: a file in ``tmp_path`` for SQLite, a copy of a migrated template database
  for PostgreSQL.
"""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from gongkit import control as admin
from gongkit.db import Database, migrate
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core.ratelimit import RateLimiter
from tests.support.contract import ContractClient

PG_URL = os.environ.get("GONGKIT_TEST_PG_URL", "").strip()
_TEMPLATE = f"gongkit_template_{os.getpid()}"  # one per test session: sessions may run side by side


def _pg_admin_url() -> str:
    return str(make_url(PG_URL).set(database="postgres"))


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str | None]:
    if not PG_URL:
        yield None
        return
    admin_engine = create_engine(_pg_admin_url(), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {_TEMPLATE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {_TEMPLATE}"))
    template_url = str(make_url(PG_URL).set(database=_TEMPLATE))
    migrate(template_url)
    yield template_url
    with admin_engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {_TEMPLATE} WITH (FORCE)"))
    admin_engine.dispose()


def new_pg_database(template_url: str) -> tuple[str, str]:
    name = "t_" + uuid.uuid4().hex[:16]
    admin_engine = create_engine(_pg_admin_url(), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}"))
    admin_engine.dispose()
    return name, str(make_url(PG_URL).set(database=name))


def drop_pg_database(name: str) -> None:
    admin_engine = create_engine(_pg_admin_url(), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin_engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres" and not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("GONGKIT_TEST_PG_URL is not set: run the suite with `make test`")
        pytest.skip("no PostgreSQL (GONGKIT_TEST_PG_URL unset); `make test` provides one")
    return str(request.param)


@pytest.fixture
def settings(tmp_path: Path, engine: str, request: pytest.FixtureRequest) -> Iterator[ServerSettings]:
    if engine == "sqlite":
        s = ServerSettings(data_dir=tmp_path / "data")
        migrate(s.database_url)
        yield s
    else:
        template = request.getfixturevalue("pg_template")
        name, url = new_pg_database(template)
        try:
            yield ServerSettings(data_dir=tmp_path / "data", database_url=url)
        finally:
            drop_pg_database(name)


@pytest.fixture
def db(settings: ServerSettings) -> Iterator[Database]:
    database = Database(settings.database_url)
    yield database
    database.dispose()


@dataclass
class Company:
    id: int
    access_key: str
    secret: str

    @property
    def basic(self) -> dict[str, str]:
        token = base64.b64encode(f"{self.access_key}:{self.secret}".encode()).decode()
        return {"Authorization": f"Basic {token}"}


def make_company(db: Database, name: str = "Acme", **company_settings: object) -> Company:
    """A company with one access key. Rate limits are raised unless given, so tests are not throttled."""
    company_settings.setdefault("rate_per_second", 100_000)
    company_settings.setdefault("rate_per_day", 10_000_000)
    with db.write() as conn:
        cid = admin.create_company(conn, SystemClock(), name, **company_settings)
        kp = admin.create_api_key(conn, SystemClock(), cid)
    return Company(cid, kp.access_key, kp.secret)


@pytest.fixture
def company(db: Database) -> Company:
    return make_company(db)


Seed = Callable[..., Any]
T = TypeVar("T")


@pytest.fixture
def seed(db: Database) -> Seed:
    """``seed(fn, *args)`` runs ``fn(conn, *args)`` in one write transaction and returns its result."""

    def run(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with db.write() as conn:
            return fn(conn, *args, **kwargs)

    return run


@pytest.fixture
def client(settings: ServerSettings, db: Database) -> Iterator[ContractClient]:
    """An in-process client; every answer is checked against the official contract."""
    app = create_app(settings, db=db, limiter=RateLimiter("memory://"))
    with ContractClient(app) as c:
        yield c
