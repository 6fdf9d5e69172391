"""Engines and transactions.

SQLite is opened in WAL mode with ``secure_delete`` on (deleted content is overwritten, which the data-privacy
erasure relies on), foreign keys enforced, and ``synchronous=FULL`` so that an acknowledged write survives a
crash. Writers are serialized inside the process (SQLite has one writer at a time; waiting on a Python lock is
cheaper and fairer than spinning on ``SQLITE_BUSY``). PostgreSQL needs none of this.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool


def load_json(text: str | bytes) -> Any:
    """A stored JSON document read back (the JSON columns' reader; a page of ``/v2/calls/extensive`` reads some
    850). orjson reads one in about two thirds of the standard library's time. What orjson refuses (``NaN``,
    ``Infinity``: the columns' writer, the standard library's, writes them) is read by the standard library."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling is turned off; SQLAlchemy's "begin" event issues BEGIN.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA secure_delete=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Database:
    """One storage engine with read and write transactions."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self._write_lock = threading.Lock()
        if self.is_sqlite:
            ensure_sqlite_dir(url)
            self.engine: Engine = create_engine(
                url,
                echo=echo,
                connect_args={"check_same_thread": False, "timeout": 30},
                json_deserializer=load_json,
            )
            event.listen(self.engine, "connect", _sqlite_on_connect)
            event.listen(
                self.engine,
                "begin",
                lambda conn: (
                    conn.exec_driver_sql("BEGIN IMMEDIATE") if conn.info.get("write") else conn.exec_driver_sql("BEGIN")
                ),
            )
        else:
            self.engine = create_engine(
                url, echo=echo, pool_size=10, max_overflow=20, pool_pre_ping=True, json_deserializer=load_json
            )

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (a consistent snapshot)."""
        with self.engine.connect() as conn:
            conn.info["write"] = False
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction, committed on exit, rolled back on error."""
        if self.is_sqlite:
            with self._write_lock, self.engine.connect() as conn:
                conn.info["write"] = True
                try:
                    with conn.begin():
                        yield conn
                finally:
                    conn.info["write"] = False
        else:
            with self.engine.begin() as conn:
                yield conn

    def dispose(self) -> None:
        self.engine.dispose()

    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        name = make_url(self.url).database
        return Path(name) if name and name != ":memory:" else None

    def vacuum(self) -> None:
        """Rebuild the SQLite file page by page (no-op elsewhere). Every page is written afresh, so bytes that
        b-tree rebalancing leaves in a page's unused space (stale copies of cells that later moved and were
        deleted, which ``secure_delete`` never sees) are gone; the rewritten pages pass through the WAL, which
        :meth:`checkpoint` then folds in and truncates. Writers in this process wait meanwhile."""
        if not self.is_sqlite:
            return
        self._outside_transactions("PRAGMA secure_delete=ON", "VACUUM")

    def checkpoint(self) -> None:
        """Fold the SQLite WAL into the main file and truncate it (no-op elsewhere)."""
        if not self.is_sqlite:
            return
        self._outside_transactions("PRAGMA wal_checkpoint(TRUNCATE)")

    def _outside_transactions(self, *statements: str) -> None:
        # A connection of its own, never in a transaction (these statements refuse to run inside one), while
        # this process's writers wait.
        with self._write_lock:
            engine = create_engine(self.url, poolclass=NullPool, connect_args={"timeout": 30})
            try:
                with engine.connect() as conn:
                    for statement in statements:
                        conn.exec_driver_sql(statement)
            finally:
                engine.dispose()


def ensure_sqlite_dir(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def _alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("gongkit.db").joinpath("migrations")))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` to ``revision`` (the migrations are the only way the schema is made).

    Safe when several processes start at once on one store (``uvicorn --workers N``): they take turns, under a
    file lock beside a SQLite file or an advisory lock on PostgreSQL, and the later ones find nothing to do.
    """
    from alembic import command

    ensure_sqlite_dir(url)
    with _migration_lock(url):
        command.upgrade(_alembic_config(url), revision)


_MIGRATION_LOCK_KEY = 0x676B6D6967  # "gkmig": the advisory lock migrations take on PostgreSQL


@contextmanager
def _migration_lock(url: str) -> Iterator[None]:
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            yield
            return
        fd = os.open(f"{parsed.database}.migrate-lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock
        return
    if backend == "postgresql":
        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK_KEY})
        finally:
            engine.dispose()
        return
    yield
