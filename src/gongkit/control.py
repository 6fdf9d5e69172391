"""Control plane: companies, API keys and scoped tokens, instance secrets."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from gongkit.db.schema import api_keys, api_tokens, companies, instance_settings, workspaces
from gongkit.kernel.clock import Clock
from gongkit.kernel.errors import Conflict, InvalidRequest, NotFound
from gongkit.kernel.ids import new_id
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


#: The range each numeric company setting must stay in: values outside it cannot work (a page of 0 calls,
#: a rate of 0 requests) and are refused with a 400 naming the setting.
SETTING_RANGES: dict[str, tuple[int, int]] = {
    "rate_per_second": (1, 1_000_000),
    "rate_per_day": (1, 1_000_000_000),
    "page_size": (1, 100),
    "erasure_max_calls": (0, 1_000_000_000),
    "erasure_max_emails": (0, 1_000_000_000),
    "erasure_max_crm_objects": (0, 1_000_000_000),
    "erasure_max_total": (0, 1_000_000_000),
}


def check_settings(settings: dict[str, Any]) -> None:
    """Refuse unknown settings and values that cannot work, naming the setting."""
    unknown = set(settings) - set(COMPANY_SETTINGS)
    if unknown:
        raise InvalidRequest(f"unknown company settings: {', '.join(sorted(unknown))}")
    problems = []
    for name, value in settings.items():
        if name in SETTING_RANGES:
            low, high = SETTING_RANGES[name]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                problems.append(f"{name}: must be an integer from {low} to {high}")
        elif name == "name" and (not isinstance(value, str) or not value.strip() or len(value) > 255):
            problems.append("name: must be a non-empty text of at most 255 characters")
        elif name == "time_zone" and not _is_time_zone(value):
            problems.append(f"time_zone: '{value}' is not an IANA time zone (e.g. America/New_York)")
    if problems:
        raise InvalidRequest(*problems)


def _is_time_zone(value: Any) -> bool:
    if not isinstance(value, str) or not value or len(value) > 64:
        return False
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


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
    """This installation's secret (cursor signatures, keyed hashes), made on first use; when several processes
    start at once, the first one's secret is every one's."""
    row = conn.execute(select(instance_settings.c.value).where(instance_settings.c.key == key)).first()
    if row is not None:
        return bytes.fromhex(row[0])
    values = {"key": key, "value": secrets.token_hex(32)}
    if conn.dialect.name == "postgresql":
        conn.execute(pg_insert(instance_settings).values(**values).on_conflict_do_nothing())
    else:
        conn.execute(sqlite_insert(instance_settings).values(**values).on_conflict_do_nothing())
    stored = conn.execute(select(instance_settings.c.value).where(instance_settings.c.key == key)).scalar_one()
    return bytes.fromhex(stored)


def create_company(conn: Connection, clock: Clock, name: str, *, company_id: int | None = None, **settings: Any) -> int:
    check_settings({"name": name, **settings})
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
    check_settings(settings)
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
