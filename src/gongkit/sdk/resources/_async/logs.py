"""The logs group: ``client.logs``.

==========================================  ==================  ========================
method                                      Gong operation      returns
==========================================  ==================  ========================
``list(log_type, from_date_time, ...)``     ``GET /v2/logs``    pager of :class:`LogEntry`
==========================================  ==================  ========================

``log_type``: ``AccessLog``, ``UserActivityLog``, ``UserCallPlay``, ``ExternallySharedCallAccess`` or
``ExternallySharedCallPlay``.
"""

from __future__ import annotations

from gongkit.sdk._async.pager import AsyncPager
from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import DateTimeInput, format_datetime, optional_datetime
from gongkit.types.logs import LogEntry

__all__ = ["AsyncLogs"]


class AsyncLogs(AsyncAPIResource):
    """Auditing logs, by type and time range."""

    def list(
        self,
        log_type: str,
        from_date_time: DateTimeInput,
        *,
        to_date_time: DateTimeInput | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[LogEntry]:
        """The log rows of one type from ``from_date_time`` (inclusive) to ``to_date_time`` (exclusive; default:
        the latest), oldest first."""
        return self._client._paginate(
            "GET",
            "/v2/logs",
            item_key="logEntries",
            model=LogEntry,
            params={
                "logType": log_type,
                "fromDateTime": format_datetime(from_date_time),
                "toDateTime": optional_datetime(to_date_time),
            },
            cursor=cursor,
        )
