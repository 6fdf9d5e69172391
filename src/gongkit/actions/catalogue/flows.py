"""Engage flows: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, Reshape, action, tool

ACTIONS = [
    action(
        "GONG_ASSIGN_PROSPECTS_TO_FLOW",
        "assignProspects",
        "Use this endpoint to assign a number of prospects to a flow. prospects can be contacts or leads in your crm. generate a list of comma separated crm ids of the prospects you want to add to a flow. the flowinstanceowneremail parameter is the email address of the gong user who set up the flow instance and owns the flow to-dos. you can assign up to 200 prospects to a flow in a single request. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:flows:write'.",
        title="Assign prospects to flow",
        params=[
            Param("flowId", "string", "The Engage Flow ID to assign the contacts to.", required=True),
            Param(
                "crmProspectsIds",
                "string[]",
                "The CRM IDs of the contact or lead that should be assigned to a flow",
                required=True,
            ),
            Param(
                "flowInstanceOwnerEmail",
                "string",
                "The email of the Gong user who owns the flow to-dos.",
                required=True,
            ),
        ],
    ),
    action(
        "GONG_LIST_FLOWS_FOR_CRM_PROSPECTS",
        "getFlowsForProspects",
        "Get the gong engage flows assigned to the given prospects. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:flows:read'.",
        title="List flows for crm prospects",
        params=[
            Param(
                "crmProspectsIds", "string[]", "The CRM IDs of the prospects to list assigned flows for", required=True
            ),
        ],
    ),
    action(
        "GONG_LIST_GONG_ENGAGE_FLOWS_V2_FLOWS",
        "listFlows",
        "Engage flows have the following visibility types: * company: visible to everyone in the company, can only be edited by users with edit permissions. * personal: reps can set up their own flows which are only available to them. * shared: reps can share a flow with other reps. those reps can then add leads to the flow. this endpoint returns all company flows, together with personal flows and flows shared with the user specified in the flowemailowner parameter. when accessed through a bearer token authorization method, use the 'api:flows:read' scope.",
        title="List gong engage flows v2 flows",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "workspaceId",
                "string",
                "Optional Workspace identifier, if supplied the API will return only the flows belonging to this workspace.",
            ),
            Param(
                "flowOwnerEmail",
                "string",
                "Email of the Gong user whose personal flows and flows shared with the user you want to return.",
                required=True,
            ),
        ],
    ),
    tool(
        "gong_list_gong_engage_flows",
        "listFlows",
        "List Gong Engage flows (sales engagement sequences).",
        params=[
            Param(
                "flowOwnerEmail",
                "string",
                "Email of a Gong user. The API will return 'PERSONAL' flows belonging to this user in addition to 'COMPANY' flows.",
                required=True,
            ),
            Param("workspaceId", "string", "Optional workspace ID to filter flows to a specific workspace"),
            Param(
                "cursor", "string", "Pagination cursor from a previous API call to retrieve the next page of records"
            ),
        ],
        output=Reshape(
            lift=("records",),
            keep=("requestId", "flows", "totalRecords", "currentPageSize", "currentPageNumber", "cursor"),
        ),
    ),
]
