"""Server logging that never carries a data subject in clear text (masking: :mod:`gongkit.kernel.redaction`).

Access lines carry the request target as :func:`access_target` writes it: the path with whitespace and control
characters percent-encoded (one line per request, whatever the path holds) and the query with the values of the
subject parameters redacted. Every record of every logger of the process (gongkit's, uvicorn's and any
third-party library's, through the root logger) then passes :class:`RedactingFormatter`, which masks anything
shaped like an e-mail address or a phone number in the message, each of its arguments and any traceback.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gongkit.kernel.redaction import RedactingFormatter, redact_query, scrub

access_logger = logging.getLogger("gongkit.access")

__all__ = ["RedactingFormatter", "access_logger", "access_target", "configure", "redact_query", "scrub"]

#: The loggers set to the configured level; every other logger reaches the handlers through the root logger,
#: at WARNING and above.
SERVER_LOGGERS = ("gongkit", "uvicorn", "uvicorn.error")

_UNPRINTABLE_RE = re.compile(r"[\x00-\x20\x7f-\xa0\s]")

_UNRESERVED = r"A-Za-z0-9_.~\-"
#: The escapes a re-encoded query keeps as they are: printable ASCII other than letters, digits and ``_.-~``.
_KEPT_ESCAPES = "|".join(f"%{b:02X}" for b in range(0x21, 0x7F) if not (chr(b).isalnum() or chr(b) in "_.-~"))
_PAIR = rf"[{_UNRESERVED}]+=(?:[{_UNRESERVED}+]|{_KEPT_ESCAPES})*"
#: A query already in the form :func:`redact_query` writes (``urlencode`` of its ``parse_qsl``): plain names,
#: values of unreserved characters, ``+`` and kept escapes. Re-encoding it changes nothing.
_CANONICAL_QUERY_RE = re.compile(rf"{_PAIR}(?:&{_PAIR})*")


def access_target(scope: Mapping[str, Any]) -> str:
    """The request target of an access line: the decoded path, with whitespace and control characters
    percent-encoded, then ``?`` and the redacted query (:func:`~gongkit.kernel.redaction.redact_query`)."""
    path = _UNPRINTABLE_RE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), str(scope["path"]))
    query = bytes(scope.get("query_string", b"")).decode("latin-1")
    if _CANONICAL_QUERY_RE.fullmatch(query) and not _mentions_subject(query.lower()):
        # Nothing to redact and nothing to re-encode (most queries): only the scrub is left to do.
        query = scrub(query)
    else:
        query = redact_query(query)
    return f"{path}?{query}" if query else path


def _mentions_subject(ascii_lower: str) -> bool:
    """:func:`~gongkit.kernel.redaction.is_subject_param` of any name in a lower-cased ASCII query (or of any
    value: a query that merely mentions a mail takes the full path)."""
    return "mail" in ascii_lower or "phone" in ascii_lower


def configure(level: str = "info", log_file: Path | None = None) -> None:
    """Route every logger of the process through the redacting formatter, to stderr and ``log_file``:
    gongkit's and uvicorn's at ``level``, any other (third-party libraries) at WARNING and above."""
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    # The line holds no caller, thread or process: the logging module need not look them up for each record
    # (the optimisations its documentation names; an access line is logged for every request).
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    for h in handlers:
        h.setFormatter(fmt)
    for name in SERVER_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers = list(handlers)
        logger.setLevel(level.upper())
        logger.propagate = False
    root = logging.getLogger()
    root.handlers = list(handlers)
    root.setLevel(logging.WARNING)
    logging.getLogger("uvicorn.access").disabled = True
