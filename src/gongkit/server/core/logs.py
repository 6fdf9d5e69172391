"""Server logging that never carries a data subject in clear text (masking: :mod:`gongkit.kernel.redaction`).

Access lines redact the values of the data-privacy query parameters; every record of the server's loggers
then passes a formatter that masks anything shaped like an e-mail address or a phone number, so an exception
message or a third-party log line cannot leak one either.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from gongkit.kernel.redaction import redact_query, scrub

access_logger = logging.getLogger("gongkit.access")


__all__ = ["access_logger", "configure", "redact_query", "scrub"]


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
