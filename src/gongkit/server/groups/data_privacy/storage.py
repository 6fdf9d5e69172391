"""Making storage forget what an erasure deleted or rewrote (the step between an erasure's outcome and DONE).

- **SQLite**: ``secure_delete`` zeroes a deleted cell where it lies, but b-tree rebalancing copies cells between
  pages and leaves the old bytes in the unused space of the page they left (``rebuildPage`` does not clear it);
  when the cell is deleted later, its stale copy stays. So the file is rebuilt with ``VACUUM`` (every page
  written afresh), then the WAL that carried the new pages is folded in and truncated.
- **PostgreSQL**: the touched tables (and with them their TOAST tables) are vacuumed, so dead row versions are
  no longer kept; see ``docs/PRIVACY.md`` for what PostgreSQL still holds and where.

One step serves every job that reached its outcome before it (the worker calls it once for all of them).
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import text

from gongkit.db import Database
from gongkit.server.groups.data_privacy.mentions import TOUCHED_TABLES

log = logging.getLogger("gongkit.erasure")


def forget_freed_storage(db: Database, attempts: int = 20) -> bool:
    """Rebuild and fold SQLite's files, or vacuum PostgreSQL's touched tables (best effort). False when SQLite
    could not truncate its WAL yet (a reader still on an old snapshot): the caller tries again later."""
    if db.is_sqlite:
        return _forget_sqlite(db, attempts)
    try:
        with db.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            for name in TOUCHED_TABLES:
                conn.execute(text(f'VACUUM "{name}"'))
        return True
    except Exception as exc:  # e.g. a role that does not own the tables: the rows are gone from every scan already
        log.warning("VACUUM after an erasure failed (%s); the erasure is complete without it", type(exc).__name__)
        return True


def _forget_sqlite(db: Database, attempts: int) -> bool:
    path = db.sqlite_path()
    if path is None:
        return True
    db.vacuum()
    wal = path.with_name(path.name + "-wal")
    for i in range(attempts):
        db.checkpoint()
        # A reader still on an old snapshot keeps the checkpoint from truncating; try again shortly.
        if not wal.exists() or wal.stat().st_size == 0:
            return True
        time.sleep(min(0.05 * (i + 1), 0.5))
    log.warning("could not truncate the SQLite WAL after an erasure; the worker retries later")
    return False
