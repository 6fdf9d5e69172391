"""Template stores: migrate (and fill) a SQLite store once, copy it for every test.

Migrating a store runs every Alembic revision (a second or so); copying a migrated store file takes about a
millisecond. :class:`TemplateStore` keeps one migrated template per session, plus one per demo company that a
test asked for (generated once, then copied), so each test starts from its own store file without paying for
the migrations or the demo generator again.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from gongkit.db import Database, migrate
from gongkit.kernel.config import ServerSettings

__all__ = ["TemplateStore"]

_FILE = "gongkit.db"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def _single_file(path: Path) -> None:
    """Fold the write-ahead log into the store file and leave it in rollback-journal mode, so that the file alone
    is the whole store and can be copied (the server turns WAL on again when it opens its copy)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


class TemplateStore:
    """Migrated SQLite templates under ``root``, made on first use and copied by :meth:`clone`.

    ``variant`` names a template: ``"empty"`` is the migrated schema (with the instance secret made, so that a
    copy starts serving without a write); any other name is made by the ``fill`` function given to
    :meth:`clone` the first time that name is asked for, over a copy of the empty template.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._made: dict[str, Path] = {}

    def template(self, variant: str = "empty", fill: Callable[[Database], None] | None = None) -> Path:
        """The template file of ``variant``, made now if it does not exist yet."""
        with self._lock:
            found = self._made.get(variant)
            if found is not None:
                return found
            path = self.root / variant / _FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            if variant == "empty":
                self._make_empty(path)
            else:
                if fill is None:
                    raise KeyError(f"no template {variant!r} yet, and no fill function to make it")
                shutil.copyfile(self._made.get("empty") or self._make_empty(self.root / "empty" / _FILE), path)
                db = Database(sqlite_url(path))
                try:
                    fill(db)
                finally:
                    db.dispose()
                _single_file(path)
            self._made[variant] = path
            return path

    def _make_empty(self, path: Path) -> Path:
        from gongkit.control import instance_secret

        path.parent.mkdir(parents=True, exist_ok=True)
        url = sqlite_url(path)
        migrate(url)
        db = Database(url)
        try:
            with db.write() as conn:
                instance_secret(conn)
        finally:
            db.dispose()
        _single_file(path)
        self._made["empty"] = path
        return path

    def clone(
        self, data_dir: Path, variant: str = "empty", fill: Callable[[Database], None] | None = None
    ) -> ServerSettings:
        """Settings for a new data directory whose store is a copy of the ``variant`` template."""
        source = self.template(variant, fill)
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, data_dir / _FILE)
        return ServerSettings(data_dir=data_dir, database_url=sqlite_url(data_dir / _FILE))
