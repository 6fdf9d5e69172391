"""The demo company's credentials: made once, found again, a new key when the known one was revoked."""

from __future__ import annotations

from sqlalchemy import select

from gongkit import control as admin
from gongkit.db import Database
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


def test_ensure_creates_the_company_once_with_its_known_key(db: Database) -> None:
    assert demo_access(db, seed=4) is None
    first = ensure_demo_company(db, seed=4, size=TINY)
    assert first.summary is not None and first.summary.counts["calls"] == TINY.calls
    assert (first.company_id, first.access_key, first.secret) == (demo_company_id(4), *demo_credentials(4))
    again = ensure_demo_company(db, seed=4, size=TINY)
    assert again.summary is None
    assert (again.company_id, again.access_key, again.secret) == (first.company_id, first.access_key, first.secret)
    assert _keys(db, first.company_id) == [(first.access_key, "demo", None)]


def test_a_revoked_demo_key_is_replaced_by_a_new_one(db: Database) -> None:
    made = ensure_demo_company(db, seed=5, size=TINY)
    with db.write() as conn:
        admin.revoke_api_key(conn, SystemClock(), made.access_key)
    found = demo_access(db, seed=5)
    assert found is not None and found.summary is None
    assert found.company_id == made.company_id and found.access_key != made.access_key
    with db.read() as conn:
        row = conn.execute(select(s.api_keys).where(s.api_keys.c.access_key == found.access_key)).mappings().one()
    assert row["company_id"] == made.company_id and row["name"] == "demo" and row["revoked_ms"] is None
    assert admin.secret_matches(found.secret, row["secret_hash"])
    later = demo_access(db, seed=5)  # the new key is not known from the seed: each look-up makes another
    assert later is not None and later.access_key not in (made.access_key, found.access_key)
    assert len(_keys(db, made.company_id)) == 3


def test_a_missing_known_key_is_added(db: Database) -> None:
    summary = create_demo_company(db, seed=6, size=TINY, access_key="OTHERKEY", secret="other-secret")
    found = demo_access(db, seed=6)
    assert found is not None
    assert (found.access_key, found.secret) == demo_credentials(6)
    assert {key for key, _, _ in _keys(db, summary.company_id)} == {"OTHERKEY", found.access_key}
