"""Users: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, Reshape, action, tool

ACTIONS = [
    action(
        "GONG_LIST_ALL_USERS_V2_USERS",
        "listUsers",
        "List all of the company's users. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:users:read'.",
        title="List all users v2 users",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "includeAvatars",
                "boolean",
                'Avatars are synthetic users representing Gong employees (CSMs and support providers) when they access your instance. References to avatars" IDs may be found in the outputs of other API endpoints. This parameter is optional, if not provided avatars will not be included in the results.',
            ),
        ],
    ),
    action(
        "GONG_LIST_USERS_BY_FILTER_V2_USERS_EXTENSIVE",
        "listMultipleUsers",
        "List multiple users. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:users:read'.",
        title="List users by filter v2 users extensive",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "filter__userIds",
                "string[]",
                'Set of Gong"s unique numeric identifiers for the users (up to 20 digits).',
            ),
            Param(
                "filter__includeAvatars",
                "boolean",
                'Avatars are synthetic users representing Gong employees (CSMs and support providers) when they access your instance. References to avatars" IDs may be found in the outputs of other API endpoints. This parameter is optional, if not provided avatars will not be included in the results.',
            ),
            Param(
                "filter__createdToDateTime",
                "string",
                'An optional user creation time upper limit, if supplied the API will return only the users created before this time. The filed is in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC).',
            ),
            Param(
                "filter__createdFromDateTime",
                "string",
                'An optional user creation time lower limit, if supplied the API will return only the users created at or after this time. The filed is in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC).',
            ),
        ],
    ),
    action(
        "GONG_RETRIEVE_USER_SETTINGS_HISTORY",
        "getUserHistory",
        "Retrieve a specific user's settings history. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:users:read'.",
        title="Retrieve User Settings History",
        params=[
            Param("id", "string", 'Gong"s unique numeric identifier for the user (up to 20 digits).', required=True),
        ],
    ),
    action(
        "GONG_RETRIEVE_USER_V2_USERS_ID",
        "getUser",
        "Retrieve a specific user. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:users:read'.",
        title="Retrieve user v2 users id",
        params=[
            Param("id", "string", 'Gong"s unique numeric identifier for the user (up to 20 digits).', required=True),
        ],
    ),
    tool(
        "gong_list_all_users",
        "listUsers",
        "List all users in your Gong account.",
        params=[
            Param("cursor", "string", "Pagination cursor from a previous response"),
            Param("includeAvatars", "string", "Whether to include avatar URLs (true/false)"),
        ],
        output=Reshape(
            lift=("records",), keep=("users", "cursor", "totalRecords", "currentPageSize", "currentPageNumber")
        ),
    ),
    tool(
        "gong_retrieve_details_for_a_specific_user",
        "getUser",
        "Retrieve details for a specific user from Gong.",
        params=[
            Param("userId", "string", "The Gong user ID to retrieve", required=True, to="path:id"),
        ],
        output=Reshape(
            lift=("user",),
            keep=(
                "id",
                "emailAddress",
                "created",
                "active",
                "emailAliases",
                "trustedEmailAddress",
                "firstName",
                "lastName",
                "title",
                "phoneNumber",
                "extension",
                "personalMeetingUrls",
                "settings",
                "managerId",
                "meetingConsentPageUrl",
                "spokenLanguages",
            ),
        ),
    ),
]
