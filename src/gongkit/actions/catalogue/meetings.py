"""Meetings (Beta): the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, action

ACTIONS = [
    action(
        "GONG_CREATE_A_NEW_GONG_MEETING_V2_MEETINGS",
        "addMeeting",
        "When accessed through a bearer token authorization method, this endpoint requires the scope 'api:meetings:user:create'.",
        title="Create a new gong meeting v2 meetings",
        params=[
            Param("title", "string", "Title of the event."),
            Param(
                "endTime",
                "string",
                'The meeting end time in ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC).',
                required=True,
            ),
            Param(
                "invitees",
                "object[]",
                "A list of email addresses of invitees to the event (not including the organizer).",
                required=True,
            ),
            Param(
                "startTime",
                "string",
                'The meeting start time in ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC).',
                required=True,
            ),
            Param("externalId", "string", "The ID as it is formed on the external system."),
            Param(
                "organizerEmail",
                "string",
                "The email address of the user creating the meeting, the Gong consent page link will be used according to the settings of this user.",
                required=True,
            ),
        ],
    ),
    action(
        "GONG_DELETE_A_GONG_MEETING_V2_MEETINGS",
        "deleteMeeting",
        "When accessed through a bearer token authorization method, this endpoint requires the scope 'api:meetings:user:delete'.",
        title="Delete a gong meeting v2 meetings",
        params=[
            Param("meetingId", "integer", 'Gong"s unique identifier for the meeting (up to 20 digits).', required=True),
            Param("organizerEmail", "string", "The email address of the user who created the meeting."),
        ],
    ),
    action(
        "GONG_POST_MEETING_INTEGRATION_STATUS",
        "integrationStatus",
        "When accessed through a bearer token authorization method, this endpoint requires the scope 'api:meetings:integration:status'.",
        title="Post meeting integration status",
        params=[
            Param("emails", "string[]", "String array of emails of users (max 100)"),
        ],
    ),
    action(
        "GONG_UPDATE_A_GONG_MEETING_V2_MEETINGS_MEETING_ID",
        "updateMeeting",
        "When accessed through a bearer token authorization method, this endpoint requires the scope 'api:meetings:user:update'.",
        title="Update a gong meeting v2 meetings meetingid",
        params=[
            Param("title", "string", "Title of the event."),
            Param(
                "endTime",
                "string",
                'The meeting end time in ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC).',
                required=True,
            ),
            Param(
                "invitees",
                "object[]",
                "A list of email addresses of invitees to the event (not including the organizer).",
                required=True,
            ),
            Param("meetingId", "integer", 'Gong"s unique identifier for the meeting (up to 20 digits).', required=True),
            Param(
                "startTime",
                "string",
                'The meeting start time in ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC).',
                required=True,
            ),
            Param("externalId", "string", "The ID as it is formed on the external system."),
            Param("organizerEmail", "string", "The email address of the user who created the meeting.", required=True),
        ],
    ),
]
