"""Stats (activity, interaction, answered scorecards): the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, Reshape, action, tool

ACTIONS = [
    action(
        "GONG_AGGREGATE_ACTIVITY_BY_PERIOD_VIA_API",
        "listMultipleUsersAggregateByPeriod",
        "Lists the aggregated activity of multiple users within the gong system for each time period within the defined date range. this endpoint returns multiple records, one for each user. for each user there are items for every time period in the date range, including statistics about the user's activity. records are returned only for users with activity in the range. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:stats:user-actions'.",
        title="Aggregate activity by period via api",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "filter__toDate",
                "string",
                'The date (in the company"s time zone) until which to list a user"s activity. This value is exclusive. This value should not exceed the current day. The date should be specified in the following format: YYYY-MM-DD.',
            ),
            Param(
                "filter__userIds",
                "string[]",
                'Set of Gong"s unique numeric identifiers for the users (up to 20 digits).',
            ),
            Param(
                "filter__fromDate",
                "string",
                'The date (in the company"s time zone) from which to list a user"s activity. This value is inclusive. The date should be specified in the following format: YYYY-MM-DD.',
            ),
            Param(
                "aggregationPeriod",
                "string",
                "Calendar time period for aggregating data. Note: First day of the week is Monday.",
                required=True,
                enum=("DAY", "MONTH", "QUARTER", "WEEK", "YEAR"),
            ),
            Param("filter__createdToDateTime", "string", "Createdtodatetime", format="date-time"),
            Param("filter__createdFromDateTime", "string", "Createdfromdatetime", format="date-time"),
        ],
    ),
    action(
        "GONG_AGGREGATE_USER_ACTIVITY_STATISTICS",
        "listMultipleUsersAggregateActivity",
        "Lists the activity of multiple users within the gong system during a defined period. given the period, this endpoint returns multiple records, one for each user, with an applicable activity during the period. each record includes statistics about the user's activity. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:stats:user-actions'.",
        title="Aggregate user activity statistics",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "filter__toDate",
                "string",
                'The date (in the company"s time zone) until which to list a user"s activity. This value is exclusive. This value should not exceed the current day. The date should be specified in the following format: YYYY-MM-DD.',
            ),
            Param(
                "filter__userIds",
                "string[]",
                'Set of Gong"s unique numeric identifiers for the users (up to 20 digits).',
            ),
            Param(
                "filter__fromDate",
                "string",
                'The date (in the company"s time zone) from which to list a user"s activity. This value is inclusive. The date should be specified in the following format: YYYY-MM-DD.',
            ),
            Param("filter__createdToDateTime", "string", "Createdtodatetime", format="date-time"),
            Param("filter__createdFromDateTime", "string", "Createdfromdatetime", format="date-time"),
        ],
    ),
    action(
        "GONG_CREATE_ACTIVITY_SCORECARDS_REPORT",
        "listAnsweredScorecards",
        "Retrieve all the answers for the scorecards that were reviewed during a specified date range, for calls that took place during a specified date range, for specific scorecards or for specific reviewed users. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:stats:scorecards'.",
        title="Create activity scorecards report",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "filter__callToDate",
                "string",
                'The date (in the company"s time zone) of the call until when to list calls. This value is exclusive. The date should be specified in the following format: YYYY-MM-DD; if not specified, it ends with the latest recorded call.',
            ),
            Param(
                "filter__callFromDate",
                "string",
                'The date (in the company"s time zone) of the call from when to list calls. This value is inclusive. The date should be specified in the following format: YYYY-MM-DD; if not specified, it starts with the earliest recorded call.',
            ),
            Param(
                "filter__reviewMethod",
                "string",
                "Select whether to return scorecards that have been reviewed manually, automatically, or both. Default value: MANUAL",
                enum=("AUTOMATIC", "BOTH", "MANUAL"),
            ),
            Param(
                "filter__reviewToDate",
                "string",
                'The review date (in the company"s time zone) until when to list calls. This value is exclusive. The date should be specified in the following format: YYYY-MM-DD; if not specified, it ends with the latest reviewed call.',
            ),
            Param(
                "filter__scorecardIds",
                "string[]",
                "List of scorecards Ids. If not specified, it returns all answered scorecards in the corresponding filter.",
            ),
            Param(
                "filter__reviewFromDate",
                "string",
                'The review date (in the company"s time zone) from when to list calls. This value is inclusive. The date should be specified in the following format: YYYY-MM-DD; if not specified, it starts with the earliest reviewed call.',
            ),
            Param(
                "filter__reviewedUserIds",
                "string[]",
                "List of user Ids of the team members being reviewed. If not specified, it returns all answered scorecards in the corresponding filter.",
            ),
        ],
    ),
    action(
        "GONG_POST_DAY_BY_DAY_ACTIVITY_STATS",
        "listMultipleUsersDayByDayActivity",
        "Retrieve the daily activity of multiple users within the gong system for a range of dates. this endpoint returns records including statistics about each user's activity, on the daily level. records are returned only for users with activity in the range. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:stats:user-actions:detailed'.",
        title="Post day by day activity stats",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "filter__toDate",
                "string",
                'The date (in the company"s time zone) until which to list a user"s activity. This value is exclusive. This value should not exceed the current day. The date should be specified in the following format: YYYY-MM-DD.',
            ),
            Param(
                "filter__userIds",
                "string[]",
                'Set of Gong"s unique numeric identifiers for the users (up to 20 digits).',
            ),
            Param(
                "filter__fromDate",
                "string",
                'The date (in the company"s time zone) from which to list a user"s activity. This value is inclusive. The date should be specified in the following format: YYYY-MM-DD.',
            ),
            Param("filter__createdToDateTime", "string", "Createdtodatetime", format="date-time"),
            Param("filter__createdFromDateTime", "string", "Createdfromdatetime", format="date-time"),
        ],
    ),
    action(
        "GONG_POST_INTERACTION_FILTER_STATS",
        "listInteractionStats",
        "Returns interaction stats for users based on calls that have whisper turned on. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:stats:interaction'.",
        title="Post interaction filter stats",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "filter__toDate",
                "string",
                'The date (in the company"s time zone) until which to list a user"s activity. This value is exclusive. This value should not exceed the current day. The date should be specified in the following format: YYYY-MM-DD.',
            ),
            Param(
                "filter__userIds",
                "string[]",
                'Set of Gong"s unique numeric identifiers for the users (up to 20 digits).',
            ),
            Param(
                "filter__fromDate",
                "string",
                'The date (in the company"s time zone) from which to list a user"s activity. This value is inclusive. The date should be specified in the following format: YYYY-MM-DD.',
            ),
            Param("filter__createdToDateTime", "string", "Createdtodatetime", format="date-time"),
            Param("filter__createdFromDateTime", "string", "Createdfromdatetime", format="date-time"),
        ],
    ),
    tool(
        "gong_retrieve_aggregated_activity_statistics",
        "listMultipleUsersAggregateActivity",
        "Retrieve aggregated activity statistics for users by date range from Gong.",
        params=[
            Param(
                "userIds",
                "string",
                "Comma-separated list of Gong user IDs (up to 20 digits each)",
                to="body:filter.userIds",
                split=True,
            ),
            Param(
                "fromDate",
                "string",
                "Start date in YYYY-MM-DD format (inclusive, in company timezone)",
                required=True,
                to="body:filter.fromDate",
            ),
            Param(
                "toDate",
                "string",
                "End date in YYYY-MM-DD format (exclusive, in company timezone, cannot exceed current day)",
                required=True,
                to="body:filter.toDate",
            ),
            Param("cursor", "string", "Pagination cursor from a previous response"),
        ],
        output=Reshape(
            lift=("records",),
            rename={"usersAggregateActivityStats": "usersActivity"},
            merge={"usersActivity": "userAggregateActivityStats"},
            keep=("usersActivity", "timeZone", "fromDateTime", "toDateTime", "cursor"),
        ),
    ),
    tool(
        "gong_retrieve_answered_scorecards",
        "listAnsweredScorecards",
        "Retrieve answered scorecards for reviewed users or by date range from Gong.",
        params=[
            Param(
                "callFromDate",
                "string",
                "Start date for calls in YYYY-MM-DD format (inclusive, in company timezone). Defaults to earliest recorded call.",
                to="body:filter.callFromDate",
            ),
            Param(
                "callToDate",
                "string",
                "End date for calls in YYYY-MM-DD format (exclusive, in company timezone). Defaults to latest recorded call.",
                to="body:filter.callToDate",
            ),
            Param(
                "reviewFromDate",
                "string",
                "Start date for reviews in YYYY-MM-DD format (inclusive, in company timezone). Defaults to earliest reviewed call.",
                to="body:filter.reviewFromDate",
            ),
            Param(
                "reviewToDate",
                "string",
                "End date for reviews in YYYY-MM-DD format (exclusive, in company timezone). Defaults to latest reviewed call.",
                to="body:filter.reviewToDate",
            ),
            Param(
                "scorecardIds",
                "string",
                "Comma-separated list of scorecard IDs to filter by",
                to="body:filter.scorecardIds",
                split=True,
            ),
            Param(
                "reviewedUserIds",
                "string",
                "Comma-separated list of reviewed user IDs to filter by",
                to="body:filter.reviewedUserIds",
                split=True,
            ),
            Param("cursor", "string", "Pagination cursor from a previous response"),
        ],
        output=Reshape(lift=("records",), keep=("answeredScorecards", "cursor")),
    ),
    tool(
        "gong_retrieve_interaction_statistics",
        "listInteractionStats",
        "Retrieve interaction statistics for users by date range from Gong. Only includes calls with Whisper enabled.",
        params=[
            Param(
                "userIds",
                "string",
                "Comma-separated list of Gong user IDs (up to 20 digits each)",
                to="body:filter.userIds",
                split=True,
            ),
            Param(
                "fromDate",
                "string",
                "Start date in YYYY-MM-DD format (inclusive, in company timezone)",
                required=True,
                to="body:filter.fromDate",
            ),
            Param(
                "toDate",
                "string",
                "End date in YYYY-MM-DD format (exclusive, in company timezone, cannot exceed current day)",
                required=True,
                to="body:filter.toDate",
            ),
            Param("cursor", "string", "Pagination cursor from a previous response"),
        ],
        output=Reshape(
            lift=("records",), keep=("peopleInteractionStats", "timeZone", "fromDateTime", "toDateTime", "cursor")
        ),
    ),
]
