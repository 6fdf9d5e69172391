"""Storage: the schema, the engine (SQLite embedded by default, PostgreSQL to scale out), migrations."""

from gongkit.db.engine import Database, migrate

__all__ = ["Database", "migrate"]
