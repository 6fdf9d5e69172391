"""Server logging that never carries a data subject in clear text.

Access lines redact the values of the data-privacy query parameters; every record of the server's loggers
then passes a formatter that masks anything shaped like an e-mail address or a phone number, so an exception
message or a third-party log line cannot leak one either.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

REDACTED_PARAMS = frozenset({"emailAddress", "phoneNumber", "email", "phone"})
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+(?:@|%40)[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_PHONE_RE = re.compile(r"(?:\+|%2[Bb])[\d\s().\-/]{6,}\d")

access_logger = logging.getLogger("gongkit.access")


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


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def configure(level: str = "info", log_file: Path | None = None) -> None:
    """Route gongkit's and uvicorn's loggers through the redacting formatter, to stderr and ``log_file``."""
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    for h in handlers:
        h.setFormatter(fmt)
    for name in ("gongkit", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers = list(handlers)
        logger.setLevel(level.upper())
        logger.propagate = False
    logging.getLogger("uvicorn.access").disabled = True
