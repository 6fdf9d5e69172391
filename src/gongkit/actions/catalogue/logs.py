"""Auditing logs: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, action

ACTIONS = [
    action(
        "GONG_RETRIEVE_LOGS_DATA_BY_TYPE_AND_TIME_RANGE_V2_LOGS",
        "listLogs",
        "List log entries that took place during a specified time range. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:logs:read'.",
        title="Retrieve logs data by type and time range v2 logs",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "logType",
                "string",
                "Type of logs requested.",
                required=True,
                enum=(
                    "AccessLog",
                    "ExternallySharedCallAccess",
                    "ExternallySharedCallPlay",
                    "UserActivityLog",
                    "UserCallPlay",
                ),
            ),
            Param(
                "toDateTime",
                "string",
                'The time until which to retrieve log records, in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC); if not specified, the logs end with the latest recorded log.',
            ),
            Param(
                "fromDateTime",
                "string",
                'The time from which to retrieve log records, in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC).',
                required=True,
            ),
        ],
    ),
]
