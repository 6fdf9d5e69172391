"""Credentials: Basic (access key + secret, all scopes, as in Gong) and Bearer tokens carrying scopes."""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
from collections import OrderedDict
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
    """Resolves an Authorization header to a Principal; verified credentials are cached briefly.

    The cache is keyed by a digest of the credential as it is read (scheme and value, surrounding white space
    dropped), so a padded header is the same entry and no header is kept; it holds at most ``max_entries``
    credentials, drops expired ones, and forgets a credential ``ttl`` seconds after it was verified: a key
    revoked elsewhere is refused by a running server within that time (one second by default).
    """

    def __init__(self, db: Database, cache_seconds: float = 1.0, max_entries: int = 4096) -> None:
        self._db = db
        self._ttl = cache_seconds
        self._max = max_entries
        self._cache: OrderedDict[bytes, tuple[float, Principal]] = OrderedDict()

    def invalidate(self) -> None:
        self._cache.clear()

    def authenticate(self, header: str | None, now_ms: int) -> Principal:
        if not header or not header.strip():
            raise Unauthenticated("Access denied: missing Authorization header (Basic or Bearer)")
        scheme, _, value = header.strip().partition(" ")
        scheme = scheme.lower()
        value = value.strip()
        digest = hashlib.sha256(f"{scheme} {value}".encode("utf-8", "surrogateescape")).digest()
        mono = time.monotonic()
        cached = self._cache.get(digest)
        if cached is not None:
            if cached[0] > mono:
                return cached[1]
            del self._cache[digest]
        if scheme == "basic":
            principal = self._basic(value)
        elif scheme == "bearer":
            principal = self._bearer(value, now_ms)
        else:
            raise Unauthenticated("Access denied: unsupported authorization scheme (use Basic or Bearer)")
        self._remember(digest, mono, principal)
        return principal

    def _remember(self, digest: bytes, mono: float, principal: Principal) -> None:
        if self._ttl <= 0:
            return
        self._cache[digest] = (mono + self._ttl, principal)
        while len(self._cache) > self._max:  # the oldest entry goes first
            self._cache.popitem(last=False)

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
