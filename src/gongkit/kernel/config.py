"""Configuration, from the environment (every variable is listed in the README)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _env_int(name: str, default: int) -> int:
    """A positive whole number from the environment (a typo fails at start-up, naming the variable)."""
    value = _env(name, str(default))
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise ValueError(f"{name} must be a positive whole number, not {value!r}")
    return int(value)


@dataclass
class ServerSettings:
    """Server settings. ``ServerSettings.from_env()`` reads ``GONGKIT_*`` variables."""

    data_dir: Path = field(default_factory=lambda: Path(_env("GONGKIT_DATA_DIR", ".gongkit")))
    database_url: str = ""
    rate_limit_storage: str = "memory://"
    app_url: str = "http://localhost:8080"
    log_level: str = "info"
    #: Largest request body on every route but the recording upload (``GONGKIT_MAX_BODY_BYTES``).
    max_body_bytes: int = 2 * 1024 * 1024
    #: Largest recording file (``GONGKIT_MAX_MEDIA_BYTES``; Gong's limit is 1.5 GB).
    max_media_bytes: int = 1536 * 1024 * 1024
    #: Largest request head: request line and headers together (``GONGKIT_MAX_HEADER_BYTES``); more is a 431.
    max_header_bytes: int = 64 * 1024
    erasure_workers: int = 1
    #: Largest CRM data file (``POST /v2/crm/entities``; ``GONGKIT_MAX_CRM_UPLOAD_BYTES``; Gong's limit is 200 MB).
    max_crm_upload_bytes: int = 200 * 1024 * 1024
    #: Threads running CRM uploads and integration deletions (0: none; the worker is then run on demand).
    crm_workers: int = 1
    #: How long a verified credential is trusted without reading the store again: a key revoked by another
    #: process is refused by this one within that time.
    credential_cache_seconds: float = 1.0
    #: Networks a call's ``downloadMediaUrl`` may be fetched from although they are not public (loopback,
    #: private, link-local, ...): CIDRs, from ``GONGKIT_MEDIA_FETCH_ALLOW`` (comma- or space-separated).
    media_fetch_allow: tuple[str, ...] = ()
    #: Fetching a ``downloadMediaUrl``: seconds to connect, seconds without a byte read, seconds for the whole
    #: download (``GONGKIT_MEDIA_FETCH_TIMEOUT``); how many attempts, and the wait before the second one (doubled
    #: for each further one).
    media_fetch_connect_seconds: float = 10.0
    media_fetch_read_seconds: float = 30.0
    media_fetch_total_seconds: float = 900.0
    media_fetch_attempts: int = 3
    media_fetch_retry_seconds: float = 30.0

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        for cidr in self.media_fetch_allow:
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError:
                raise ValueError(f"GONGKIT_MEDIA_FETCH_ALLOW: {cidr!r} is not a network (e.g. 10.0.0.0/8)") from None
        if not self.database_url:
            self.database_url = f"sqlite:///{(self.data_dir / 'gongkit.db').resolve()}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "server.log"

    @classmethod
    def from_env(cls, **overrides: object) -> ServerSettings:
        values: dict[str, object] = {
            "data_dir": Path(_env("GONGKIT_DATA_DIR", ".gongkit")),
            "database_url": _env("GONGKIT_DATABASE_URL", ""),
            "rate_limit_storage": _env("GONGKIT_RATE_LIMIT_STORAGE", "memory://"),
            "app_url": _env("GONGKIT_APP_URL", "http://localhost:8080"),
            "log_level": _env("GONGKIT_LOG_LEVEL", "info"),
            "max_body_bytes": _env_int("GONGKIT_MAX_BODY_BYTES", cls.max_body_bytes),
            "max_media_bytes": _env_int("GONGKIT_MAX_MEDIA_BYTES", cls.max_media_bytes),
            "max_header_bytes": _env_int("GONGKIT_MAX_HEADER_BYTES", cls.max_header_bytes),
            "max_crm_upload_bytes": _env_int("GONGKIT_MAX_CRM_UPLOAD_BYTES", cls.max_crm_upload_bytes),
            "media_fetch_allow": tuple(_env("GONGKIT_MEDIA_FETCH_ALLOW", "").replace(",", " ").split()),
            "media_fetch_total_seconds": float(_env_int("GONGKIT_MEDIA_FETCH_TIMEOUT", 900)),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
