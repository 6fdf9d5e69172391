"""Coaching: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, Reshape, action, tool

ACTIONS = [
    action(
        "GONG_LIST_ALL_COACHING_METRICS_V2_COACHING",
        "listUsers_1",
        "List all of the coaching metrics of a manager. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:coaching:read'.",
        title="List all coaching metrics v2 coaching",
        params=[
            Param(
                "to",
                "string",
                'Association time filter - only the associations made after that time will be listed. The time is in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC); if not specified all association events will be listed.',
                required=True,
            ),
            Param(
                "from",
                "string",
                'Association time filter - only the associations made after that time will be listed. The time is in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC); if not specified all association events will be listed.',
                required=True,
            ),
            Param("manager__id", "integer", "Manager Id", required=True),
            Param("workspace__id", "integer", "Workspace Id", required=True),
        ],
    ),
    tool(
        "gong_retrieve_coaching_metrics_for_a_manager",
        "listUsers_1",
        "Retrieve coaching metrics for a manager from Gong.",
        params=[
            Param("managerId", "string", "Gong user ID of the manager", required=True, to="query:manager-id"),
            Param("workspaceId", "string", "Gong workspace ID", required=True, to="query:workspace-id"),
            Param("fromDate", "string", "Start date in ISO-8601 format", required=True, to="query:from"),
            Param("toDate", "string", "End date in ISO-8601 format", required=True, to="query:to"),
        ],
        output=Reshape(keep=("requestId", "coachingData")),
    ),
]
