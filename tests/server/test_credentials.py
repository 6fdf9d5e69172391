"""The credential cache (issue: hardening, items 8 and 9): keyed by a digest of the credential, bounded, and a key
revoked by another process is refused within a second."""

from __future__ import annotations

import base64

import pytest

from gongkit import control
from gongkit.db import Database
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.errors import Unauthenticated
from gongkit.server.core import auth as auth_module
from gongkit.server.core.auth import Authenticator
from tests.conftest import Company, make_company


def basic(company: Company, padding: str = "") -> str:
    token = base64.b64encode(f"{company.access_key}:{company.secret}".encode()).decode()
    return f"{padding}Basic {token}{padding}"


class Monotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def mono(monkeypatch: pytest.MonkeyPatch) -> Monotonic:
    clock = Monotonic()
    monkeypatch.setattr(auth_module.time, "monotonic", clock)
    return clock


def test_padding_is_not_a_new_credential(db: Database, company: Company, mono: Monotonic) -> None:
    auth = Authenticator(db)
    for n in range(50):
        assert auth.authenticate(basic(company, " " * n), 0).company_id == company.id
    assert len(auth._cache) == 1
    assert all(isinstance(key, bytes) and len(key) == 32 for key in auth._cache)  # a digest, not the header


def test_the_cache_is_bounded_and_drops_the_oldest(db: Database, mono: Monotonic) -> None:
    auth = Authenticator(db, max_entries=3)
    companies = [make_company(db, f"C{i}") for i in range(5)]
    for c in companies:
        auth.authenticate(basic(c), 0)
    assert [principal.company_id for _expires, principal in auth._cache.values()] == [c.id for c in companies[2:]]
    mono.now += 0.5
    assert auth.authenticate(basic(companies[-1]), 0).company_id == companies[-1].id


def test_expired_entries_are_dropped(db: Database, company: Company, mono: Monotonic) -> None:
    auth = Authenticator(db, cache_seconds=1.0)
    auth.authenticate(basic(company), 0)
    mono.now += 1.5
    auth.authenticate(basic(make_company(db, "Other")), 0)
    assert len(auth._cache) == 2  # the expired entry was replaced when read, not kept beside a fresh one
    auth.authenticate(basic(company), 0)
    assert len(auth._cache) == 2


def test_a_key_revoked_elsewhere_is_refused_within_a_second(db: Database, company: Company, mono: Monotonic) -> None:
    auth = Authenticator(db)  # the default: trust a verified key for one second
    assert auth.authenticate(basic(company), 0).company_id == company.id
    with db.write() as conn:  # another process (the CLI) revokes it
        control.revoke_api_key(conn, SystemClock(), company.access_key)
    mono.now += 0.5
    auth.authenticate(basic(company), 0)  # still within the second it was verified in
    mono.now += 0.51
    with pytest.raises(Unauthenticated, match="invalid access key or secret"):
        auth.authenticate(basic(company), 0)


def test_a_revoked_key_is_refused_at_once_by_a_new_server(db: Database, company: Company) -> None:
    with db.write() as conn:
        control.revoke_api_key(conn, SystemClock(), company.access_key)
    with pytest.raises(Unauthenticated):
        Authenticator(db).authenticate(basic(company), 0)
