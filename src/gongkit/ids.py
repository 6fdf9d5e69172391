"""Identifiers in Gong's forms."""

from __future__ import annotations

import secrets
import string

_ALNUM = string.ascii_lowercase + string.digits


def new_id() -> int:
    """A Gong-style numeric id: 19 digits, below 2**63 so that it fits a BIGINT."""
    return 10**18 + secrets.randbelow(2**63 - 1 - 10**18)


def _base36(n: int, width: int) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 36)
        out.append(_ALNUM[r])
    return "".join(out)


def new_request_id() -> str:
    """A request reference like Gong's (``4al018gzaztcr8nbukw``): 19 lower-case letters and digits."""
    return _base36(secrets.randbits(99), 19)


def new_message_id() -> str:
    """A 32-character e-mail message id."""
    return _base36(secrets.randbits(166), 32)


def parse_id(value: str) -> int | None:
    """A wire id (numeric string, up to 20 digits) as an int, or None if it is not one we could hold."""
    text = value.strip()
    if not text.isdigit() or len(text) > 20:
        return None
    n = int(text)
    return n if n < 2**63 else None
