"""Credentials: Basic (access key + secret, all scopes, as in Gong) and Bearer tokens carrying scopes."""

from __future__ import annotations

import base64
import binascii
import time
from dataclasses import dataclass

from sqlalchemy import select

from gongkit.control import hash_secret, secret_matches
from gongkit.db import Database
from gongkit.db.schema import api_keys, api_tokens, companies
from gongkit.kernel.errors import Unauthenticated


@dataclass(frozen=True)
class CompanyLimits:
    rate_per_second: int
    rate_per_day: int
    page_size: int


@dataclass(frozen=True)
class Principal:
    """Who is calling: a company and a credential."""

    company_id: int
    kind: str  # "basic" | "bearer"
    credential: str  # access key, or "token:<id>"
    scopes: frozenset[str] | None  # None = every scope (Basic)
    limits: CompanyLimits

    def has_scope(self, scope: str) -> bool:
        return self.scopes is None or scope in self.scopes


class Authenticator:
    """Resolves an Authorization header to a Principal; verified credentials are cached briefly."""

    def __init__(self, db: Database, cache_seconds: float = 5.0) -> None:
        self._db = db
        self._ttl = cache_seconds
        self._cache: dict[str, tuple[float, Principal]] = {}

    def invalidate(self) -> None:
        self._cache.clear()

    def authenticate(self, header: str | None, now_ms: int) -> Principal:
        if not header:
            raise Unauthenticated("Access denied: missing Authorization header (Basic or Bearer)")
        cached = self._cache.get(header)
        mono = time.monotonic()
        if cached is not None and cached[0] > mono:
            return cached[1]
        scheme, _, value = header.strip().partition(" ")
        scheme = scheme.lower()
        value = value.strip()
        if scheme == "basic":
            principal = self._basic(value)
        elif scheme == "bearer":
            principal = self._bearer(value, now_ms)
        else:
            raise Unauthenticated("Access denied: unsupported authorization scheme (use Basic or Bearer)")
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[header] = (mono + self._ttl, principal)
        return principal

    def _basic(self, value: str) -> Principal:
        try:
            decoded = base64.b64decode(value, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            raise Unauthenticated("Access denied: malformed Basic credentials") from None
        key, sep, secret = decoded.partition(":")
        if not sep:
            raise Unauthenticated("Access denied: malformed Basic credentials")
        with self._db.read() as conn:
            row = (
                conn.execute(
                    select(api_keys, companies.c.rate_per_second, companies.c.rate_per_day, companies.c.page_size)
                    .join(companies, companies.c.id == api_keys.c.company_id)
                    .where(api_keys.c.access_key == key.strip())
                )
                .mappings()
                .first()
            )
        if row is None or row["revoked_ms"] is not None or not secret_matches(secret.strip(), row["secret_hash"]):
            raise Unauthenticated("Access denied: invalid access key or secret")
        return Principal(
            company_id=row["company_id"],
            kind="basic",
            credential=row["access_key"],
            scopes=None,
            limits=CompanyLimits(row["rate_per_second"], row["rate_per_day"], row["page_size"]),
        )

    def _bearer(self, token: str, now_ms: int) -> Principal:
        with self._db.read() as conn:
            row = (
                conn.execute(
                    select(
                        api_tokens,
                        companies.c.rate_per_second,
                        companies.c.rate_per_day,
                        companies.c.page_size,
                    )
                    .join(companies, companies.c.id == api_tokens.c.company_id)
                    .where(api_tokens.c.token_hash == hash_secret(token))
                )
                .mappings()
                .first()
            )
        if row is None or row["revoked_ms"] is not None:
            raise Unauthenticated("Access denied: invalid bearer token")
        if row["expires_ms"] is not None and row["expires_ms"] <= now_ms:
            raise Unauthenticated("Access denied: the bearer token has expired")
        return Principal(
            company_id=row["company_id"],
            kind="bearer",
            credential=f"token:{row['id']}",
            scopes=frozenset(row["scopes"].split()),
            limits=CompanyLimits(row["rate_per_second"], row["rate_per_day"], row["page_size"]),
        )
