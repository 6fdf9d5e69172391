"""Calls: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, Reshape, action, tool

#: The fixed content selector of the detailed-call-data tool (its documented output needs all of these).
EXTENSIVE_SELECTOR = {
    "context": "Extended",
    "exposedFields": {
        "parties": True,
        "content": {
            "structure": True,
            "topics": True,
            "trackers": True,
            "trackerOccurrences": True,
            "highlights": True,
        },
        "interaction": {"speakers": True, "video": True, "personInteractionStats": True, "questions": True},
        "collaboration": {"publicComments": True},
        "media": True,
    },
}

ACTIONS = [
    action(
        "GONG_ADD_CALL_MEDIA_V2_CALLS_ID_MEDIA",
        "addCallRecording",
        "Adds a call media, recorded by a telephony system (pbx) or other media recording facility. gong accepts call recordings in various audio and video file formats, including wav, mp3, mp4, mkv and flac. if uploading a dual-channel (stereo) file separated by speaker, make sure to specify which channel correspondsto the company team member (rep) in the parties/mediachannelid parameter of the add new call operation. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:calls:create'.",
        title="Add call media v2 calls id media",
        params=[
            Param("id", "string", 'callId returned from "Add New Call" request', required=True),
            Param("mediaFile", "object", "Mediafile", format="binary"),
        ],
    ),
    action(
        "GONG_ADD_NEW_CALL_V2_CALLS",
        "addCall",
        "When using this endpoint, either provide a downloadmediaurl or use the returned callid in a follow-up request to /v2/calls/{id}/media to upload the media file. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:calls:create'.",
        title="Add new call v2 calls",
        params=[
            Param(
                "title",
                "string",
                "The title of the call. This title is available in the Gong system for indexing and search.",
            ),
            Param(
                "context",
                "object[]",
                "A list of references to external systems such as CRM, Telephony System, Case Management, etc.",
            ),
            Param(
                "parties",
                "object[]",
                'A list of the call"s participants. A party must be provided for the primaryUser.',
                required=True,
            ),
            Param(
                "purpose",
                "string",
                "The purpose of the call. This optional field is a free text of up to 255 characters.",
            ),
            Param("duration", "integer", "The actual call duration in seconds."),
            Param(
                "direction",
                "string",
                "Whether the call is inbound (someone called the company), outbound (a rep dialed someone outside the company), or a conference call.",
                required=True,
                enum=("Conference", "Inbound", "Outbound", "Unknown"),
            ),
            Param(
                "customData",
                "string",
                "Optional metadata associated with the call (represented as text). Gong stores this metadata and it can be used for troubleshooting.",
            ),
            Param("meetingUrl", "string", "The URL of the conference call by which users join the meeting"),
            Param(
                "actualStart",
                "string",
                'The actual date and time when the call started in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC);',
                required=True,
            ),
            Param(
                "disposition",
                "string",
                "The disposition of the call. The disposition is free text of up to 255 characters.",
            ),
            Param(
                "primaryUser",
                "string",
                "The Gong internal user ID of the team member who hosted the call.",
                required=True,
            ),
            Param(
                "workspaceId",
                "string",
                "Optional workspace identifier. If specified, the call will be placed into this workspace, otherwise, the default algorithm for workspace placement will be applied.",
            ),
            Param(
                "languageCode",
                "string",
                "The language code the call should be transcribed to. This field is optional as Gong automatically detects the language spoken in the call and transcribes it accordingly. Set this field only if you are sure of the language the call is in. Valid values are: af-ZA, am-ET, ar-AE, ar-BH, ar-DZ, ar-EG, ar-IL, ar-IQ, ar-JO, ar-KW, ar-LB, ar-MA, ar-MR, ar-OM, ar-PS, ar-QA, ar-SA, ar-TN, ar-YE, az-AZ, bg-BG, bn-BD, bn-IN, bs-BA, ca-ES, cs-CZ, da-DK, de-AT, de-CH, de-DE, el-GR, en-AB, en-AU, en-CA, en-GB, en-IE, en-IN, en-NZ, en-PH, en-SG, en-US, en-WL, en-ZA, es-AR, es-BO, es-CL, es-CO, es-CR, es-DO, es-EC, es-ES, es-GT, es-HN, es-MX, es-NI, es-PA, es-PE, es-PR, es-PY, es-SV, es-US, es-UY, et-EE, eu-ES, fa-IR, fi-FI, fil-PH, fr-BE, fr-CA, fr-CH, fr-FR, gl-ES, gu-IN, he-IL, hi-IN, hr-HR, hu-HU, hy-AM, id-ID, is-IS, it-CH, it-IT, ja-JP, jv-ID, ka-GE, kk-KZ, km-KH, kn-IN, ko-KR, lo-LA, lt-LT, lv-LV, mk-MK, ml-IN, mn-MN, mr-IN, ms-MY, my-MM, ne-NP, nl-BE, nl-NL, no-NO, pa-Guru-IN, pl-PL, pt-BR, pt-PT, ro-RO, ru-RU, si-LK, sk-SK, sl-SI, sq-AL, sr-RS, su-ID, sv-SE, sw-KE, sw-TZ, ta-IN, ta-LK, ta-MY, ta-SG, te-IN, th-TH, tr-TR, uk-UA, ur-IN, ur-PK, uz-UZ, vi-VN, yue-Hant-HK, zh-CN, zh-TW, zu-ZA",
            ),
            Param(
                "scheduledEnd",
                "string",
                'The date and time the call was scheduled to end in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC);',
            ),
            Param(
                "clientUniqueId",
                "string",
                'A call"s unique identifier in the PBX or the recording system. Gong uses this identifier to prevent repeated attempts to upload the same recording.',
                required=True,
            ),
            Param(
                "scheduledStart",
                "string",
                'The date and time the call was scheduled to begin in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC);',
            ),
            Param(
                "callProviderCode",
                "string",
                "The code identifies the provider conferencing or telephony system. For example: zoom, clearslide, gotomeeting, ringcentral, outreach, insidesales, etc. These values are predefined by Gong, please contact help@gong.io to find the proper value for your system.",
            ),
            Param(
                "downloadMediaUrl",
                "string",
                'The URL from which Gong can download the media file. The URL must be unique, the audio or video file must be a maximum of 1.5GB. The content-type must either start with "audio" or "video," or should be "application/octet-stream" or "binary/octet-stream" followed by a subtype that specifies a supported file type (WAV, MP3, MP4, MKV and FLAC). If you provide this URL, you should not perform the "Add call media" step.',
            ),
            Param(
                "speakersTimeline__precise",
                "boolean",
                'Indicates whether the provided speech segments match the media precisely or need further refinement based on the media. "Precisely" here means that segments do not deviate from the actual speech in the media by more than 100ms.',
            ),
            Param(
                "speakersTimeline__speechSegments", "object[]", "The audio recording speech segments (who spoke when)."
            ),
        ],
    ),
    action(
        "GONG_RETRIEVE_CALL_DATA_BY_DATE_RANGE_V2_CALLS",
        "listCalls",
        "List calls that took place during a specified date range. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:calls:read:basic'.",
        title="Retrieve call data by date range v2 calls",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "toDateTime",
                "string",
                'Date and time (in ISO-8601 format: "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC) until which to list recorded calls. Returns calls that started up to but excluding specified date and time. If not provided, list ends with most recent call. For web-conference calls recorded by Gong, the date denotes its scheduled time, otherwise, it denotes its actual start time.',
                catalogue_required=True,  # the description says it may be left out; GET /v2/calls agrees
            ),
            Param(
                "workspaceId",
                "string",
                "Optional Workspace identifier, if supplied the API will return only the calls belonging to this workspace.",
            ),
            Param(
                "fromDateTime",
                "string",
                'Date and time (in ISO-8601 format: "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC) from which to list recorded calls. Returns calls that started on or after the specified date and time. If not provided, list starts with earliest call. For web-conference calls recorded by Gong, the date denotes its scheduled time, otherwise, it denotes its actual start time.',
                catalogue_required=True,  # the description says it may be left out; GET /v2/calls agrees
            ),
        ],
    ),
    action(
        "GONG_RETRIEVE_DATA_FOR_A_SPECIFIC_CALL_V2_CALLS_ID",
        "getCall",
        "Retrieve data for a specific call. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:calls:read:basic'.",
        title="Retrieve data for a specific call v2 calls id",
        params=[
            Param("id", "string", 'Gong"s unique numeric identifier for the call (up to 20 digits).', required=True),
        ],
    ),
    action(
        "GONG_RETRIEVE_FILTERED_CALL_DETAILS",
        "listCallsExtensive",
        "Lists detailed call data for calls that took place during a specified date range, have specified call ids or hosted by specified users. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:calls:read:extensive'. moreover, clients requesting media download urls by the contentselector.exposedfields.media field should also have the scope 'api:calls:read:media-url'.",
        title="Retrieve filtered call details",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "filter__callIds",
                "string[]",
                "List of calls Ids to be filtered. If not supplied, returns all calls between fromDateTime and toDateTime.",
            ),
            Param(
                "filter__toDateTime",
                "string",
                'Date and time (in ISO-8601 format: "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC) until which to list recorded calls. Returns calls that started up to but excluding specified date and time. If not provided, list ends with most recent call. The date applies to call start time.',
            ),
            Param(
                "filter__workspaceId",
                "string",
                "Optional Workspace identifier, if supplied the API will return only the calls belonging to this workspace.",
            ),
            Param(
                "filter__fromDateTime",
                "string",
                'Date and time (in ISO-8601 format: "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC) from which to list recorded calls. Returns calls that started on or after the specified date and time. If not provided, list starts with earliest call. The date applies to call start time.',
            ),
            Param(
                "filter__primaryUserIds",
                "string[]",
                "An optional list of user identifiers, if supplied the API will return only the calls hosted by the specified users. The identifiers in this field match the primaryUserId field of the calls.",
            ),
            Param(
                "contentSelector__context",
                "string",
                'If "Basic", add links to external systems (context objects) such as CRM, Telephony System, Case Management. If "Extended" include also data (context fields) for these links. Default value "None"',
                enum=("Basic", "Extended", "None"),
            ),
            Param(
                "contentSelector__contextTiming",
                "string[]",
                'Timing for the context data. The field is optional and can contain either "Now" or "TimeOfCall" or both. The default value is ["Now"]. Can be provided only when the context field is set to "Extended"',
            ),
            Param(
                "contentSelector__exposedFields__media",
                "boolean",
                "If true and exist, add audio url and video url of the call. The urls will be available for 8 hours.",
            ),
            Param(
                "contentSelector__exposedFields__parties",
                "boolean",
                "If true, add information about the parties of the call",
            ),
            Param(
                "contentSelector__exposedFields__content__brief",
                "boolean",
                "When true, returns the spotlight call brief.",
            ),
            Param("contentSelector__exposedFields__content__topics", "boolean", "If true, add duration of call topics"),
            Param(
                "contentSelector__exposedFields__content__outline", "boolean", "When true, returns the call outline."
            ),
            Param(
                "contentSelector__exposedFields__content__trackers",
                "boolean",
                "If true, returns smart tracker and keyword tracker information for the call.",
            ),
            Param(
                "contentSelector__exposedFields__content__keyPoints",
                "boolean",
                "When true, returns the key points of the call.",
            ),
            Param(
                "contentSelector__exposedFields__content__structure",
                "boolean",
                "If true, add call agenda, if available",
            ),
            Param("contentSelector__exposedFields__interaction__video", "boolean", "If true, add video statistics"),
            Param(
                "contentSelector__exposedFields__content__highlights",
                "boolean",
                "When true, returns the call highlights.",
            ),
            Param(
                "contentSelector__exposedFields__content__callOutcome",
                "boolean",
                "When true, returns the outcome of the call.",
            ),
            Param(
                "contentSelector__exposedFields__interaction__speakers",
                "boolean",
                "If true, add the time each participant spoke.",
            ),
            Param("contentSelector__exposedFields__interaction__questions", "boolean", "If true, add question counts"),
            Param(
                "contentSelector__exposedFields__content__pointsOfInterest",
                "boolean",
                "If true, add call points of interest",
            ),
            Param(
                "contentSelector__exposedFields__content__trackerOccurrences",
                "boolean",
                'If true, the API will return the timing and speaker ID of each occurrence of a tracker (in addition to other tracker data). This functionality must be used in combination with the "trackers" field. The occurrence data is available only for the calls recorded since Jan 1, 2023, contact Gong support if a backfill of this data is required.',
            ),
            Param(
                "contentSelector__exposedFields__collaboration__publicComments",
                "boolean",
                "If true, add public comments made for this call",
            ),
            Param(
                "contentSelector__exposedFields__interaction__personInteractionStats",
                "boolean",
                "If true, add statistics for the host of the call.",
            ),
        ],
    ),
    action(
        "GONG_RETRIEVE_MANUAL_CRM_CALL_ASSOCIATIONS",
        "listCRMCallsManualAssociation",
        "Returns a list of all calls that were manually associated or re-associated with crm account and deal/opportunity since a given time. actions will be listed in the ascending order of their timing. notice if a call was associated and later re-associated the api will return both events. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:crm-calls:manual-association:read'.",
        title="Retrieve manual crm call associations",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "fromDateTime",
                "string",
                'Association time filter - only the associations made after that time will be listed. The time is in the ISO-8601 format (e.g., "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC); if not specified all association events will be listed.',
            ),
        ],
    ),
    action(
        "GONG_RETRIEVE_TRANSCRIPTS_OF_CALLS_V2_CALLS_TRANSCRIPT",
        "getCallTranscripts",
        "Returns transcripts for calls that took place during the specified date period. if call ids are specified, only transcripts for calls with those ids that took place during the time period are returned. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:calls:read:transcript'.",
        title="Retrieve transcripts of calls v2 calls transcript",
        params=[
            Param(
                "cursor",
                "string",
                "When paging is needed, provide the value supplied by the previous API call to bring the following page of records.",
            ),
            Param(
                "filter__callIds",
                "string[]",
                "List of calls Ids to be filtered. If not supplied, returns all calls between fromDateTime and toDateTime.",
            ),
            Param(
                "filter__toDateTime",
                "string",
                'Date and time (in ISO-8601 format: "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC) until which to list recorded calls. Returns calls that started up to but excluding specified date and time. If not provided, list ends with most recent call. The date applies to call start time.',
            ),
            Param(
                "filter__workspaceId",
                "string",
                "Optional Workspace identifier, if supplied the API will return only the calls belonging to this workspace.",
            ),
            Param(
                "filter__fromDateTime",
                "string",
                'Date and time (in ISO-8601 format: "2018-02-18T02:30:00-07:00" or "2018-02-18T08:00:00Z", where Z stands for UTC) from which to list recorded calls. Returns calls that started on or after the specified date and time. If not provided, list starts with earliest call. The date applies to call start time.',
            ),
        ],
    ),
    tool(
        "gong_retrieve_call_data_by_date_range",
        "listCalls",
        "Retrieve call data by date range from Gong.",
        params=[
            Param(
                "fromDateTime",
                "string",
                "Start date/time in ISO-8601 format (e.g., 2024-01-01T00:00:00Z)",
                required=True,
            ),
            Param(
                "toDateTime",
                "string",
                "End date/time in ISO-8601 format (e.g., 2024-01-31T23:59:59Z). If omitted, lists calls up to the most recent.",
            ),
            Param("cursor", "string", "Pagination cursor from a previous response"),
            Param("workspaceId", "string", "Gong workspace ID to filter calls"),
        ],
        output=Reshape(lift=("records",), keep=("calls", "cursor", "totalRecords")),
    ),
    tool(
        "gong_retrieve_detailed_call_data",
        "listCallsExtensive",
        "Retrieve detailed call data including trackers, topics, and highlights from Gong.",
        params=[
            Param(
                "callIds",
                "string",
                "Comma-separated list of call IDs to retrieve detailed data for",
                to="body:filter.callIds",
                split=True,
            ),
            Param("fromDateTime", "string", "Start date/time filter in ISO-8601 format", to="body:filter.fromDateTime"),
            Param("toDateTime", "string", "End date/time filter in ISO-8601 format", to="body:filter.toDateTime"),
            Param("workspaceId", "string", "Gong workspace ID to filter calls", to="body:filter.workspaceId"),
            Param(
                "primaryUserIds",
                "string",
                "Comma-separated list of user IDs to filter calls by host",
                to="body:filter.primaryUserIds",
                split=True,
            ),
            Param("cursor", "string", "Pagination cursor from a previous response"),
        ],
        constants={"body:contentSelector": EXTENSIVE_SELECTOR},
        output=Reshape(lift=("records",), keep=("calls", "cursor")),
    ),
    tool(
        "gong_retrieve_detailed_data_for_a_specific_call",
        "getCall",
        "Retrieve detailed data for a specific call from Gong.",
        params=[
            Param("callId", "string", "The Gong call ID to retrieve", required=True, to="path:id"),
        ],
        output=Reshape(
            lift=("call",),
            keep=(
                "id",
                "title",
                "url",
                "scheduled",
                "started",
                "duration",
                "direction",
                "system",
                "scope",
                "media",
                "language",
                "primaryUserId",
                "workspaceId",
                "sdrDisposition",
                "clientUniqueId",
                "customData",
                "purpose",
                "meetingUrl",
                "isPrivate",
                "calendarEventId",
            ),
        ),
    ),
    tool(
        "gong_retrieve_transcripts_of_calls",
        "getCallTranscripts",
        "Retrieve transcripts of calls from Gong by call IDs or date range.",
        params=[
            Param(
                "callIds",
                "string",
                "Comma-separated list of call IDs to retrieve transcripts for",
                to="body:filter.callIds",
                split=True,
            ),
            Param("fromDateTime", "string", "Start date/time filter in ISO-8601 format", to="body:filter.fromDateTime"),
            Param("toDateTime", "string", "End date/time filter in ISO-8601 format", to="body:filter.toDateTime"),
            Param("workspaceId", "string", "Gong workspace ID to filter calls", to="body:filter.workspaceId"),
            Param("cursor", "string", "Pagination cursor from a previous response"),
        ],
        output=Reshape(lift=("records",), keep=("callTranscripts", "cursor")),
    ),
]
