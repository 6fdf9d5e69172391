"""Server logging that never carries a data subject in clear text (masking: :mod:`gongkit.kernel.redaction`).

Access lines carry the request target as :func:`access_target` writes it: the path with whitespace and control
characters percent-encoded (one line per request, whatever the path holds) and the query with the values of the
subject parameters redacted. Every record of every logger of the process (gongkit's, uvicorn's and any
third-party library's, through the root logger) then passes :class:`RedactingFormatter`, which masks anything
shaped like an e-mail address or a phone number in the message, each of its arguments and any traceback.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gongkit.kernel.redaction import Redacted, RedactingFormatter, redact_query, scrub

access_logger = logging.getLogger("gongkit.access")

__all__ = ["RedactingFormatter", "access_logger", "access_target", "configure", "log_access", "redact_query", "scrub"]

#: The methods an access line writes as they are (any other is scrubbed like the rest of the line).
_METHODS = {m: Redacted(m) for m in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")}
_ACCESS_FORMAT = "%s %s %s %d %.1fms"
#: An access line's values as the request leaves them: request id, method, path, query, status, milliseconds.
_Line = tuple[str, str, str, bytes, int, float]


def log_access(scope: Mapping[str, Any], request_id: str, status: int, elapsed_ms: float) -> None:
    """One access line, ``requestId method target status duration``, every part redacted.

    The line is made and handed to logging once the event loop has run what is ready (:class:`_LoopLines`), not
    in the middle of the request's own work.
    """
    if not access_logger.isEnabledFor(logging.INFO):
        return
    line: _Line = (
        request_id,
        str(scope["method"]),
        str(scope["path"]),
        bytes(scope.get("query_string", b"")),
        status,
        elapsed_ms,
    )
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not on an event loop: at once
        _log_line(line)
        return
    lines = _LOOP_LINES.get(loop)
    if lines is None:
        lines = _LOOP_LINES[loop] = _LoopLines()
    lines.add(loop, line)


def _log_line(line: _Line) -> None:
    request_id, method, path, query, status, elapsed_ms = line
    args = (
        Redacted(request_id),  # made by the server: letters and digits
        _METHODS.get(method) or Redacted(scrub(method)),
        request_target(path, query),
        status,
        elapsed_ms,
    )
    # As Logger.info makes it when callers are not looked up (configure), and handled as it would be.
    record = access_logger.makeRecord(
        access_logger.name, logging.INFO, "(unknown file)", 0, _ACCESS_FORMAT, args, None, "(unknown function)"
    )
    access_logger.handle(record)


class _LoopLines:
    """The access lines of one event loop, made and logged together when the loop has run the callbacks that
    were ready (a loop iteration: well under a millisecond, in order, and before the loop waits for more work).

    Making and logging a line costs more than many a request's own work; a loop that answers requests as fast
    as they come logs them in runs, which costs the interpreter less than logging each one between other work.
    Only the loop's own thread touches its lines.
    """

    __slots__ = ("pending",)  # no reference to the loop: it is the weak key these lines are kept under

    def __init__(self) -> None:
        self.pending: list[_Line] = []

    def add(self, loop: asyncio.AbstractEventLoop, line: _Line) -> None:
        if not self.pending:
            loop.call_soon(self.write)
        self.pending.append(line)

    def write(self) -> None:
        pending, self.pending = self.pending, []
        for line in pending:
            _log_line(line)


_LOOP_LINES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopLines] = weakref.WeakKeyDictionary()


#: The loggers set to the configured level; every other logger reaches the handlers through the root logger,
#: at WARNING and above.
SERVER_LOGGERS = ("gongkit", "uvicorn", "uvicorn.error")

_UNPRINTABLE_RE = re.compile(r"[\x00-\x20\x7f-\xa0\s]")

_UNRESERVED = r"A-Za-z0-9_.~\-"
#: The escapes a re-encoded query keeps as they are: printable ASCII other than letters, digits and ``_.-~``.
#: (0x21-0x7E less 0-9 A-Z a-z and ``-`` 0x2D, ``.`` 0x2E, ``_`` 0x5F, ``~`` 0x7E; upper-case hex, as ``urlencode``
#: writes them.)
_KEPT_ESCAPES = "%(?:2[1-9A-CF]|3[A-F]|40|5[B-E]|60|7[B-D])"
# Possessive (no backtracking): a run of plain characters is taken in one step.
_PAIR = rf"[{_UNRESERVED}]++=(?:[{_UNRESERVED}+]++|{_KEPT_ESCAPES})*+"
#: A query already in the form :func:`redact_query` writes (``urlencode`` of its ``parse_qsl``): plain names,
#: values of unreserved characters, ``+`` and kept escapes. Re-encoding it changes nothing.
_CANONICAL_QUERY_RE = re.compile(rf"{_PAIR}(?:&{_PAIR})*+")


def access_target(scope: Mapping[str, Any]) -> Redacted:
    """The request target of a request's access line (:func:`request_target`)."""
    return request_target(str(scope["path"]), bytes(scope.get("query_string", b"")))


def request_target(path: str, query_string: bytes) -> Redacted:
    """The request target of an access line: the decoded path, with whitespace and control characters
    percent-encoded, then ``?`` and the redacted query (:func:`~gongkit.kernel.redaction.redact_query`)."""
    path = _UNPRINTABLE_RE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), path)
    query = query_string.decode("latin-1")
    if _CANONICAL_QUERY_RE.fullmatch(query) and not _mentions_subject(query.lower()):
        # Nothing to redact and nothing to re-encode (most queries): only the scrub is left to do.
        query = scrub(query)
    else:
        query = redact_query(query)
    # Path and query are masked apart: "?" joins no e-mail address or phone number across them.
    path = scrub(path)
    return Redacted(f"{path}?{query}" if query else path)


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
