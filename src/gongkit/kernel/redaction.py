"""Masking data subjects out of text that leaves the process: log lines, above all.

:func:`redact_query` hides the values of the data-privacy query parameters; :func:`scrub` masks anything
shaped like an e-mail address or a phone number, in clear or URL-encoded.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

REDACTED_PARAMS = frozenset({"emailAddress", "phoneNumber", "email", "phone"})
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+(?:@|%40)[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_PHONE_RE = re.compile(r"(?:\+|%2[Bb])[\d\s().\-/]{6,}\d")


def redact_query(query: str) -> str:
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "[redacted]" if k in REDACTED_PARAMS else v) for k, v in pairs])


def scrub(text: str) -> str:
    if "@" in text or "%40" in text:
        text = _EMAIL_RE.sub("[email]", text)
    if "+" in text or "%2B" in text or "%2b" in text:
        text = _PHONE_RE.sub("[phone]", text)
    return text
