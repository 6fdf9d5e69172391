"""Fixtures of the scale-out tests: a shared Redis (``GONGKIT_TEST_REDIS_URL``, which ``make test`` starts with
``scripts/redis.sh``) and a fresh PostgreSQL database (``GONGKIT_TEST_PG_URL``). Without either URL these tests
are skipped, except under CI, where a missing one is an error."""

from __future__ import annotations

import os
from collections.abc import Iterator
from uuid import uuid4

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.conftest import PG_URL, drop_pg_database, new_pg_database

REDIS_URL = os.environ.get("GONGKIT_TEST_REDIS_URL", "").strip()


def _missing(what: str, variable: str, script: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{variable} is not set: run the suite with `make test`")
    pytest.skip(f"no {what} ({variable} unset); `make test` starts one with {script}")


@pytest.fixture(scope="module")
def redis_url() -> str:
    if not REDIS_URL:
        _missing("Redis", "GONGKIT_TEST_REDIS_URL", "scripts/redis.sh")
    return REDIS_URL


@pytest.fixture(scope="module")
def pg_url(pg_template: str | None) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this module."""
    if pg_template is None:
        _missing("PostgreSQL", "GONGKIT_TEST_PG_URL", "scripts/pg.sh")
    assert pg_template is not None
    name, url = new_pg_database(pg_template)
    try:
        yield url
    finally:
        drop_pg_database(name)


@pytest.fixture
def empty_pg_url() -> Iterator[str]:
    """A PostgreSQL database that has never been migrated."""
    if not PG_URL:
        _missing("PostgreSQL", "GONGKIT_TEST_PG_URL", "scripts/pg.sh")
    name = "fresh_" + uuid4().hex[:16]
    admin = create_engine(make_url(PG_URL).set(database="postgres"), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    try:
        yield str(make_url(PG_URL).set(database=name))
    finally:
        drop_pg_database(name)
