"""Models of the logs group (``client.logs``)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gongkit.types.common import GongModel


class LogEntry(GongModel):
    """One auditing log row (``logEntry``); ``logRecord`` varies by log type."""

    userId: str | None = None
    userEmailAddress: str | None = None
    userFullName: str | None = None
    impersonatorUserId: str | None = None
    impersonatorEmailAddress: str | None = None
    impersonatorFullName: str | None = None
    impersonatorCompanyId: str | None = None
    eventTime: str | None = None
    logRecord: dict[str, Any] = Field(default_factory=dict)
