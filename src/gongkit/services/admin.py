"""Control plane: companies, API keys and scoped tokens, instance secrets."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from gongkit.clock import Clock
from gongkit.db.schema import api_keys, api_tokens, companies, instance_settings, workspaces
from gongkit.errors import Conflict, InvalidRequest, NotFound
from gongkit.ids import new_id
from gongkit.spec import operations

COMPANY_SETTINGS = (
    "name",
    "time_zone",
    "rate_per_second",
    "rate_per_day",
    "page_size",
    "erasure_max_calls",
    "erasure_max_emails",
    "erasure_max_crm_objects",
    "erasure_max_total",
)


def all_scopes() -> list[str]:
    """Every scope an operation can require (a Basic key has them all, as in Gong)."""
    found: set[str] = set()
    for op in operations():
        found.add(op.scope)
        found.update(op.extra_scopes)
    return sorted(found)


def hash_secret(secret: str) -> str:
    # API secrets and tokens are long random strings, so a plain SHA-256 is the right hash for them
    # (a slow password KDF only adds per-request latency without adding strength).
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def instance_secret(conn: Connection, key: str = "secret") -> bytes:
    """This installation's secret (cursor signatures, keyed hashes), made on first use."""
    row = conn.execute(select(instance_settings.c.value).where(instance_settings.c.key == key)).first()
    if row is not None:
        return bytes.fromhex(row[0])
    value = secrets.token_hex(32)
    conn.execute(insert(instance_settings).values(key=key, value=value))
    return bytes.fromhex(value)


def create_company(conn: Connection, clock: Clock, name: str, *, company_id: int | None = None, **settings: Any) -> int:
    unknown = set(settings) - set(COMPANY_SETTINGS)
    if unknown:
        raise InvalidRequest(f"unknown company settings: {', '.join(sorted(unknown))}")
    cid = company_id or new_id()
    values = {
        "id": cid,
        "name": name,
        "time_zone": "UTC",
        "rate_per_second": 3,
        "rate_per_day": 10_000,
        "page_size": 100,
        "erasure_max_calls": 2_000,
        "erasure_max_emails": 10_000,
        "erasure_max_crm_objects": 25,
        "erasure_max_total": 20_000,
        "created_ms": clock.now_ms(),
    }
    values.update(settings)
    conn.execute(insert(companies).values(**values))
    return cid


def update_company(conn: Connection, company_id: int, **settings: Any) -> None:
    unknown = set(settings) - set(COMPANY_SETTINGS)
    if unknown:
        raise InvalidRequest(f"unknown company settings: {', '.join(sorted(unknown))}")
    res = conn.execute(update(companies).where(companies.c.id == company_id).values(**settings))
    if res.rowcount == 0:
        raise NotFound(f"Company {company_id} not found")


def get_company(conn: Connection, company_id: int) -> dict[str, Any]:
    row = conn.execute(select(companies).where(companies.c.id == company_id)).mappings().first()
    if row is None:
        raise NotFound(f"Company {company_id} not found")
    return dict(row)


def list_companies(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(companies).order_by(companies.c.created_ms)).mappings()]


@dataclass(frozen=True)
class KeyPair:
    access_key: str
    secret: str


def create_api_key(
    conn: Connection,
    clock: Clock,
    company_id: int,
    *,
    name: str = "",
    access_key: str | None = None,
    secret: str | None = None,
    exist_ok: bool = False,
) -> KeyPair:
    """A new key of the company (random unless ``access_key``/``secret`` are given). With ``exist_ok``, a given key
    that the company already has, active and with this secret, is returned as it is; a given key that exists
    otherwise (revoked, another secret, another company) is a :class:`Conflict`."""
    get_company(conn, company_id)
    if exist_ok and access_key is not None and secret is not None:
        row = conn.execute(
            select(api_keys.c.company_id, api_keys.c.secret_hash, api_keys.c.revoked_ms).where(
                api_keys.c.access_key == access_key
            )
        ).first()
        if row is not None:
            if row.company_id == company_id and row.revoked_ms is None and secret_matches(secret, row.secret_hash):
                return KeyPair(access_key, secret)
            raise Conflict(f"Access key {access_key} already exists")
    key = access_key or secrets.token_hex(16).upper()
    sec = secret or secrets.token_urlsafe(32)
    conn.execute(
        insert(api_keys).values(
            access_key=key,
            company_id=company_id,
            secret_hash=hash_secret(sec),
            name=name,
            created_ms=clock.now_ms(),
        )
    )
    return KeyPair(key, sec)


def create_token(
    conn: Connection,
    clock: Clock,
    company_id: int,
    scopes: list[str],
    *,
    name: str = "",
    expires_in_seconds: int | None = None,
) -> str:
    get_company(conn, company_id)
    known = set(all_scopes())
    bad = [s for s in scopes if s not in known]
    if bad:
        raise InvalidRequest(f"unknown scopes: {', '.join(bad)}")
    token = "gk_" + secrets.token_urlsafe(40)
    now = clock.now_ms()
    conn.execute(
        insert(api_tokens).values(
            id=new_id(),
            company_id=company_id,
            token_hash=hash_secret(token),
            scopes=" ".join(scopes),
            name=name,
            created_ms=now,
            expires_ms=now + expires_in_seconds * 1000 if expires_in_seconds else None,
        )
    )
    return token


def revoke_api_key(conn: Connection, clock: Clock, access_key: str) -> None:
    res = conn.execute(update(api_keys).where(api_keys.c.access_key == access_key).values(revoked_ms=clock.now_ms()))
    if res.rowcount == 0:
        raise NotFound(f"Access key {access_key} not found")


def create_workspace(
    conn: Connection,
    company_id: int,
    name: str,
    *,
    description: str | None = None,
    is_default: bool = False,
    workspace_id: int | None = None,
) -> int:
    wid = workspace_id or new_id()
    conn.execute(
        insert(workspaces).values(
            id=wid, company_id=company_id, name=name, description=description, is_default=is_default
        )
    )
    return wid
