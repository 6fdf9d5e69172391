"""Data subjects' identifiers: one normal form for e-mail addresses and one for phone numbers.

Every writer stores, beside an address or a number, its normal form in an indexed twin column (``*_lower``
for addresses, ``*_norm`` for numbers); the data-privacy lookups and erasures search those twins with the
normal form of the subject they were given. Both sides use the functions here, so they always agree.

- :func:`normalize_email` / :func:`normalize_phone`: the normal form of whatever a writer holds (lenient:
  stored data is what it is).
- :func:`parse_email` / :func:`parse_phone`: a subject given by a caller, checked, in its normal form, or a
  400 naming the field (the message never repeats the value: error messages travel and get logged).
"""

from __future__ import annotations

import re

from gongkit.kernel.errors import InvalidRequest

EMAIL = "email"
PHONE = "phone"

_NOT_PHONE = re.compile(r"[^+0-9]")
_LOCAL_RE = re.compile(r"[^\s@,;:<>()\[\]\"\\]{1,64}")
_LABEL_RE = re.compile(r"[^\s@.,;:<>()\[\]\"\\]+")


def normalize_email(value: str | None) -> str | None:
    """The ``*_lower`` twin of an e-mail address: trimmed, lower-cased (None when there is none)."""
    if value is None:
        return None
    text = value.strip().lower()
    return text or None


def normalize_phone(value: str | None) -> str | None:
    """The ``*_norm`` twin of a phone number: ``+`` and digits only (None when nothing is left)."""
    if value is None:
        return None
    text = _NOT_PHONE.sub("", value)
    return text or None


def parse_email(value: str, *, field_name: str = "emailAddress") -> str:
    """The address in its normal form, or a 400 if it is not one (``name@domain.tld``)."""
    text = normalize_email(value) or ""
    local, sep, domain = text.rpartition("@")
    labels = domain.split(".")
    if (
        not sep
        or len(text) > 320
        or not _LOCAL_RE.fullmatch(local)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or len(labels) < 2
        or not all(_LABEL_RE.fullmatch(label) for label in labels)
    ):
        raise InvalidRequest(f"{field_name}: not a valid e-mail address (expected name@domain.tld)")
    return text


def parse_phone(value: str, *, field_name: str = "phoneNumber") -> str:
    """The number in its normal form (``+1 (425) 555-2671`` → ``+14255552671``), or a 400.

    As Gong documents: the number must start with ``+`` and a country code; every other non-digit is ignored.
    """
    text = value.strip()
    if not text.startswith("+"):
        raise InvalidRequest(
            f"{field_name}: must start with '+' and the country code, e.g. +14255552671 (URL-encode '+' as %2B)"
        )
    digits = text[1:].replace("+", "")
    normal = "+" + (normalize_phone(digits) or "")
    if not 7 <= len(normal) - 1 <= 15:
        raise InvalidRequest(f"{field_name}: a phone number has 7 to 15 digits, country code included")
    return normal


def parse_subject(kind: str, value: str) -> str:
    """A subject of either kind (:data:`EMAIL` or :data:`PHONE`) in its normal form, or a 400."""
    if kind == EMAIL:
        return parse_email(value)
    if kind == PHONE:
        return parse_phone(value)
    raise ValueError(f"unknown subject kind {kind!r}")
