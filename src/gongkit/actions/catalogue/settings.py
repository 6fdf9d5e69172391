"""Settings and workspaces: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, Reshape, action, tool

ACTIONS = [
    action(
        "GONG_LIST_ALL_COMPANY_WORKSPACES_V2_WORKSPACES",
        "listWorkspaces",
        "Returns a list of all workspaces including their details. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:workspaces:read'.",
        title="List all company workspaces v2 workspaces",
    ),
    action(
        "GONG_RETRIEVE_SCORECARDS_DETAILS_V2_SETTINGS_SCORECARDS",
        "listScorecards",
        "Retrieve all the scorecards within the gong system. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:settings:scorecards:read'.",
        title="Retrieve scorecards details v2 settings scorecards",
    ),
    action(
        "GONG_RETRIEVE_TRACKER_DETAILS_V2_SETTINGS_TRACKERS",
        "listTrackers",
        "Retrieves details of all keyword trackers in the system or in a given workspace. when accessed through a bearer token authorization method, this endpoint requires the 'api:settings:trackers:read' scope.",
        title="Retrieve tracker details v2 settings trackers",
        params=[
            Param(
                "workspaceId",
                "string",
                "The ID of the workspace the keyword trackers are in. When empty, all trackers in all workspaces are returned.",
            ),
        ],
    ),
    tool(
        "gong_list_all_company_workspaces",
        "listWorkspaces",
        "List all company workspaces in Gong.",
        output=Reshape(keep=("workspaces",)),
    ),
    tool(
        "gong_retrieve_scorecard_definitions",
        "listScorecards",
        "Retrieve scorecard definitions from Gong settings.",
        output=Reshape(keep=("scorecards",)),
    ),
    tool(
        "gong_retrieve_smart_tracker_and_keyword_tracker_definitions",
        "listTrackers",
        "Retrieve smart tracker and keyword tracker definitions from Gong settings.",
        params=[
            Param(
                "workspaceId",
                "string",
                "The ID of the workspace the keyword trackers are in. When empty, all trackers in all workspaces are returned.",
            ),
        ],
        output=Reshape(rename={"keywordTrackers": "trackers"}, keep=("trackers",)),
    ),
]
