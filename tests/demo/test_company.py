"""The demo company's credentials: random per store, made once and kept, found again, a new kept key when the
kept one was revoked."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select

from gongkit import control as admin
from gongkit.db import Database, migrate
from gongkit.db import schema as s
from gongkit.demo import (
    DemoSize,
    create_demo_company,
    demo_access,
    demo_company_id,
    demo_credentials,
    ensure_demo_company,
)
from gongkit.kernel.clock import SystemClock

TINY = DemoSize(calls=8, users=4, accounts=3, contacts_per_account=1, leads=4, emails=9, meetings=6)


def _keys(db: Database, company_id: int) -> list[tuple[str, str, int | None]]:
    with db.read() as conn:
        rows = conn.execute(
            select(s.api_keys.c.access_key, s.api_keys.c.name, s.api_keys.c.revoked_ms)
            .where(s.api_keys.c.company_id == company_id)
            .order_by(s.api_keys.c.created_ms, s.api_keys.c.access_key)
        )
        return [tuple(r) for r in rows]


def test_ensure_creates_the_company_once_with_a_kept_random_key(db: Database) -> None:
    assert demo_access(db, seed=4) is None and demo_credentials(db, seed=4) is None
    first = ensure_demo_company(db, seed=4, size=TINY)
    assert first.summary is not None and first.summary.counts["calls"] == TINY.calls
    assert first.company_id == demo_company_id(4)
    assert (first.access_key, first.secret) == demo_credentials(db, seed=4)
    again = ensure_demo_company(db, seed=4, size=TINY)
    assert again.summary is None
    assert (again.company_id, again.access_key, again.secret) == (first.company_id, first.access_key, first.secret)
    assert _keys(db, first.company_id) == [(first.access_key, "demo", None)]


def test_every_store_gets_its_own_demo_key_and_keeps_it(db: Database, tmp_path: Path) -> None:
    """The same seed in two stores: the same company and data, not the same key; a store reopened (a restart)
    gives its own key again."""
    here = ensure_demo_company(db, seed=4, size=TINY)
    url = f"sqlite:///{tmp_path / 'other.db'}"
    migrate(url)
    other = Database(url)
    try:
        there = ensure_demo_company(other, seed=4, size=TINY)
    finally:
        other.dispose()
    assert there.company_id == here.company_id
    assert there.access_key != here.access_key and there.secret != here.secret
    reopened = Database(url)
    try:
        after_restart = ensure_demo_company(reopened, seed=4, size=TINY)
        assert after_restart.summary is None
        assert (after_restart.access_key, after_restart.secret) == (there.access_key, there.secret)
        with reopened.read() as conn:
            row = conn.execute(select(s.api_keys).where(s.api_keys.c.access_key == there.access_key)).mappings().one()
        assert admin.secret_matches(there.secret, row["secret_hash"])
    finally:
        reopened.dispose()


def test_a_revoked_demo_key_is_replaced_by_a_new_kept_one(db: Database) -> None:
    made = ensure_demo_company(db, seed=5, size=TINY)
    with db.write() as conn:
        admin.revoke_api_key(conn, SystemClock(), made.access_key)
    assert demo_credentials(db, seed=5) is None  # the kept key no longer works
    found = demo_access(db, seed=5)
    assert found is not None and found.summary is None
    assert found.company_id == made.company_id and found.access_key != made.access_key
    with db.read() as conn:
        row = conn.execute(select(s.api_keys).where(s.api_keys.c.access_key == found.access_key)).mappings().one()
    assert row["company_id"] == made.company_id and row["name"] == "demo" and row["revoked_ms"] is None
    assert admin.secret_matches(found.secret, row["secret_hash"])
    later = demo_access(db, seed=5)  # the new key is kept: the next look-up finds it
    assert later is not None and (later.access_key, later.secret) == (found.access_key, found.secret)
    assert len(_keys(db, made.company_id)) == 2


def test_a_company_without_a_kept_key_gets_one(db: Database) -> None:
    summary = create_demo_company(db, seed=6, size=TINY, access_key="OTHERKEY", secret="other-secret")
    assert demo_credentials(db, seed=6) == ("OTHERKEY", "other-secret")  # a key given at creation is kept
    with db.write() as conn:
        conn.execute(delete(s.instance_settings).where(s.instance_settings.c.key.like("demo-credentials:%")))
    found = demo_access(db, seed=6)
    assert found is not None and found.access_key != "OTHERKEY"
    assert (found.access_key, found.secret) == demo_credentials(db, seed=6)
    assert {key for key, _, _ in _keys(db, summary.company_id)} == {"OTHERKEY", found.access_key}
