"""Masking data subjects out of text that leaves the process: log lines, above all.

:func:`redact_query` hides the values of the data-privacy query parameters (and of any parameter whose name
speaks of a mail or a phone, misspelled or not); :func:`scrub` masks anything shaped like an e-mail address or a
phone number: in clear, with non-ASCII (internationalised) names, or URL-encoded (once or twice), wherever it
sits in the text. :class:`RedactingFormatter` applies :func:`scrub` to every part of a log record.

What counts as a phone number needs a leading ``+`` (or ``%2B``) and at least seven digits, so ids (long runs of
digits), timestamps (``+02:00``) and short numbers (``?workspaceId=+12``) are left alone.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode

__all__ = ["REDACTED", "Redacted", "RedactingFormatter", "is_subject_param", "redact_query", "scrub"]

REDACTED = "[redacted]"

_OCTET = r"%(?:25)?[0-9A-Fa-f]{2}"  # one percent-encoded byte, or a twice-encoded one
_LOCAL_CHARS = r"\w.+\-!#$'*^`{|}~"  # \w: the letters and digits of every script
# An address starts where a run of address characters starts (a search then looks at each run once).
_LOCAL = rf"(?<![{_LOCAL_CHARS}%])(?:[{_LOCAL_CHARS}]|{_OCTET})+"
_AT = r"(?:@|%(?:25)?40)"
_LABEL = rf"(?:[\w\-]|{_OCTET})+"
_DOT = r"(?:\.|%(?:25)?2[Ee])"
_EMAIL_RE = re.compile(rf"{_LOCAL}{_AT}{_LABEL}(?:{_DOT}{_LABEL})+")

_PLUS = r"(?:\+|%(?:25)?2[Bb])"
# What may sit between the digits: spaces and tabs (not line breaks), ( ) . - / and + (a space in a query
# string), in clear or percent-encoded.
_SEP = r"(?:[^\S\r\n]|[().\-/+]|%(?:25)?(?:20|2[89A-Fa-f]))"
_PHONE_RE = re.compile(rf"{_PLUS}{_SEP}{{0,3}}\d(?:{_SEP}{{0,3}}\d){{6,}}")

_SUBJECT_PARAM_RE = re.compile(r"mail|phone", re.IGNORECASE)


def is_subject_param(name: str) -> bool:
    """Whether a query parameter of this name carries a data subject: Gong's ``emailAddress`` and
    ``phoneNumber``, and any other name that speaks of a mail or a phone (``email``, ``emailAdress``, ...)."""
    return _SUBJECT_PARAM_RE.search(name) is not None


def redact_query(query: str) -> str:
    """``query`` with the values of the subject parameters replaced by ``[redacted]``, every other value then
    passed through :func:`scrub` (a re-encoded query string: ASCII only)."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    return scrub(urlencode([(k, REDACTED if is_subject_param(k) else v) for k, v in pairs]))


def scrub(text: str) -> str:
    """``text`` with every e-mail address replaced by ``[email]`` and every phone number by ``[phone]``."""
    if "@" in text or "%40" in text or "%2540" in text:
        text = _EMAIL_RE.sub("[email]", text)
    if "+" in text or "2B" in text or "2b" in text:  # a number starts with + (%2B, or %252B twice encoded)
        text = _PHONE_RE.sub("[phone]", text)
    return text


class Redacted(str):
    """Text that has already passed :func:`scrub` (or :func:`redact_query`): as a log argument,
    :class:`RedactingFormatter` writes it as it is."""

    __slots__ = ()


#: Log arguments written as they are: numbers, and text already redacted.
_SAFE_ARG_TYPES = (int, float, Redacted)


@lru_cache(maxsize=1024)
def _unchanged_by_scrub(message: str) -> bool:
    """Whether :func:`scrub` leaves ``message`` as it is (asked of a record's format string: a constant of the
    code, so the answers are kept)."""
    return scrub(message) == message


class _Scrubbed:
    """A log argument that formats as the scrubbed text of the original, for ``%s`` and ``%r`` alike."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __str__(self) -> str:
        return scrub(str(self.value))

    def __repr__(self) -> str:
        return scrub(repr(self.value))


def _safe_arg(value: object) -> object:
    return value if isinstance(value, _SAFE_ARG_TYPES) else _Scrubbed(value)


class RedactingFormatter(logging.Formatter):
    """Formats a record with its message, each of its arguments, its traceback and stack passed through
    :func:`scrub` one by one, so a subject cannot leave in any of them, while numbers that merely follow a
    masked value on the line (an access line's status and duration) are never mistaken for part of it."""

    #: Where a record keeps its line once formatted: a server logs to stderr and to a file, through one formatter,
    #: and the record is the same for both handlers, so the line is written once.
    _LINE = "_gongkit_redacted_line"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._second: tuple[int, str] = (-1, "")  # the last second formatted, and its text

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        """The standard time stamp, with the text of a second made once (a server logs many lines a second)."""
        if datefmt or self.default_msec_format is None:
            return super().formatTime(record, datefmt)
        second = int(record.created)
        known = self._second
        if known[0] != second:
            known = self._second = (second, time.strftime(self.default_time_format, self.converter(record.created)))
        return self.default_msec_format % (known[1], record.msecs)

    def format(self, record: logging.LogRecord) -> str:
        done = record.__dict__.get(self._LINE)
        if done is not None and done[0] is self:
            return str(done[1])
        line = self._format(record)
        record.__dict__[self._LINE] = (self, line)
        return line

    def _format(self, record: logging.LogRecord) -> str:
        args = record.args
        if (
            type(args) is tuple
            and not record.exc_info
            and not record.exc_text
            and not record.stack_info
            and all(isinstance(value, _SAFE_ARG_TYPES) for value in args)
            and type(record.msg) is str
            and _unchanged_by_scrub(record.msg)
        ):
            # Nothing in the record needs masking (an access line): it is formatted as it is.
            return super().format(record)
        safe = logging.makeLogRecord(record.__dict__)  # the other handlers still get the record as it came
        safe.__dict__.pop(self._LINE, None)
        safe.msg = scrub(str(record.msg))
        if isinstance(args, Mapping):
            safe.args = {key: _safe_arg(value) for key, value in args.items()}
        elif args:
            safe.args = tuple(_safe_arg(value) for value in args)
        if record.exc_info and not record.exc_text:
            safe.exc_text = self.formatException(record.exc_info)
        if safe.exc_text:
            safe.exc_text = scrub(safe.exc_text)
        if record.stack_info:
            safe.stack_info = scrub(record.stack_info)
        return super().format(safe)
