"""Digital interactions and engagement events: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, action

ACTIONS = [
    action(
        "GONG_POST_A_DIGITAL_INTERACTION_V2_DIGITAL_INTERACTION",
        "addDigitalInteraction",
        "When accessed through a bearer token authorization method, this endpoint requires the scope 'api:digital-interactions:write'.",
        title="Post a digital interaction v2 digital interaction",
        params=[
            Param("device", "string", "The device used during the event", enum=("MOBILE", "PC")),
            Param(
                "eventId",
                "string",
                'The provider"s unique identifier for the event used for deduplication',
                required=True,
            ),
            Param(
                "eventType",
                "string",
                'The type of the event, explaining the content and action performed. Values may be partner-aligned, for example, "link clicked", "page viewed"',
                required=True,
            ),
            Param("sessionId", "string", "The identifier for the session, useful for tying related events together"),
            Param("timestamp", "string", "date-timeThe date and time of the event in ISO 8601 format", required=True),
            Param(
                "trackingId",
                "string",
                "The ID used for tracking the person who did the event. Must be null if a person is sent instead.",
            ),
            Param("customFields", "object[]", "Include additional custom data about the event"),
            Param("person__name", "string", "The name of the person"),
            Param("person__email", "string", "The email address of the person. Used for business context association"),
            Param(
                "person__personId",
                "string",
                "A unique person identifier in the partner system. Mandatory for anonymous person, when the name, email, phoneNumber and personBusinessContext are empty",
            ),
            Param(
                "sourceSystemName",
                "string",
                "When integrating via IPaaS, the name of the technology partner the customer set up a Gong integration with via an IPaaS. When integrating directly with Gong: the name of the company setting up the integration with Gong",
            ),
            Param("content__contentId", "string", 'A unique identifier for the content in the partner"s system'),
            Param("content__contentUrl", "string", "The URL for the content the person looked at"),
            Param(
                "person__phoneNumber", "string", "The phone number of the person. Used for business context association"
            ),
            Param("content__contentLabel", "string[]", "A list of tags defined for the content"),
            Param("content__contentTitle", "string", "The title of the content"),
            Param("person__company__name", "string", "The name of the company"),
            Param("person__location__city", "string", "The city of the person"),
            Param(
                "person__company__domain",
                "string",
                'The domain of the person"s company. Used to associate the person with the company ("acme.com"). Mandatory for anonymous person, when the name, email, phoneNumber and personBusinessContext are empty',
            ),
            Param(
                "person__location__state",
                "string",
                "The state of the person in ISO 3166-2. If not available in ISO 3166-2, then send as string",
            ),
            Param(
                "person__location__region",
                "string",
                "The region of the person in ISO 3166-2. If not available in ISO 3166-2, then send as string",
            ),
            Param(
                "person__location__country",
                "string",
                "The country of the person in ISO 3166. If not available in ISO 3166, then send as string",
            ),
            Param("person__company__companyId", "string", 'The company ID in the partner"s source system'),
            Param("person__personCustomFields", "object[]", "Include additional custom data about the person"),
            Param("content__contentCustomFields", "object[]", "Include additional custom data about the content"),
            Param(
                "content__contentAdditionalInfoUrl",
                "string",
                "The URL for additional details provided by the website or external app, such as analysis of the content viewed",
            ),
            Param("content__searchObjectDetails__url", "string", "The URL of the entity in the partner system"),
            Param("content__searchObjectDetails__name", "string", "The name of the entity the person searched for"),
            Param("content__stepContentDetails__value", "string", "The current step the person is in, in the process"),
            Param("content__searchObjectDetails__domain", "string", "The domain of the entity"),
            Param("content__numericContentDetails__value", "integer", "The numeric value for the content"),
            Param("content__searchObjectDetails__objectId", "string", "The ID of the entity in the partner system"),
            Param(
                "content__numericContentDetails__rangeTo",
                "integer",
                "The highest value that can be given to the content",
            ),
            Param("person__personBusinessContext__objectId", "string", "The ID of the object in the external system"),
            Param(
                "content__searchObjectDetails__objectType",
                "string",
                "The type of the entity the person searched for",
                enum=("CATEGORY", "PRODUCT", "VENDOR"),
            ),
            Param(
                "person__company__companyBusinessContexts",
                "object[]",
                'The company"s details in an external system such as the CRM. If the domain is empty, to enable association, send the crmAccountId or crmOpportunityId',
            ),
            Param(
                "content__numericContentDetails__rangeFrom",
                "integer",
                "The lowest value that can be given to the content",
            ),
            Param(
                "person__personBusinessContext__objectType",
                "string",
                "The object type in the external system",
                enum=("CONTACT", "LEAD"),
            ),
            Param("person__personBusinessContext__systemName", "string", "The name of the external system"),
            Param(
                "content__numericContentDetails__numericType",
                "string",
                "The type of numeric value",
                enum=("NPS", "OTHER", "PERCENTAGE", "RATING"),
            ),
            Param(
                "content__stepContentDetails__availableSteps",
                "string[]",
                "A list of all available steps in the process",
            ),
        ],
    ),
    action(
        "GONG_REPORT_CONTENT_VIEWED_EVENT",
        "contentViewed",
        "Push engagement events into gong and display them as events in gong’s activity timeline, when a content is viewed by an external participant (for example, a contract was “viewed” by the prospect) when accessed through a bearer token authorization method, this endpoint requires the scope 'api:engagement-data:write'.",
        title="Report content viewed event",
        params=[
            Param("eventId", "string", "The original id of the event as designated in the reporting system."),
            Param(
                "shareId",
                "string",
                "The id of the share action that corresponds to this view event, in case there can be more than one share per content.",
            ),
            Param(
                "contentId", "string", "The id of the content that was viewed in the reporting system.", required=True
            ),
            Param("userAgent", "string", '"User-Agent" header value for browser based interaction'),
            Param("actionName", "string", "Actionname"),
            Param(
                "contentUrl",
                "string",
                "The url of the content that was viewed in the reporting system. This is the url that is was accessed by the viewer.",
                required=True,
            ),
            Param(
                "crmContext",
                "object[]",
                "A list of references to external systems such as CRM, Telephony System, Case Management, etc.",
            ),
            Param("sharer__id", "string", "The user id in Gong, if available."),
            Param(
                "trackingId",
                "string",
                "The ID used for tracking the person who did the event. Must be null if a viewer is sent instead.",
            ),
            Param(
                "mobileAppId",
                "string",
                "The application identification string in case of interaction via mobile application (bundle identifier or package name).",
            ),
            Param("moreInfoUrl", "string", "Moreinfourl"),
            Param("viewInfoUrl", "string", "The link to a page that presents additional information about this event."),
            Param(
                "workspaceId",
                "string",
                "Optional workspace identifier. If specified, the event will be placed into this workspace, otherwise, the default algorithm for workspace placement will be applied.",
            ),
            Param("contentTitle", "string", "Human readable title of the content.", required=True),
            Param("sharer__name", "string", "The name of the person, if available."),
            Param("viewer__name", "string", "The name of the person, if available."),
            Param(
                "agentPlatform",
                "string",
                "Platform on which the interaction was made",
                enum=("Windows, Linux, MacOS, iOS, Android",),
            ),
            Param("sharer__email", "string", "The email address of the person, if available."),
            Param("viewer__email", "string", "The email address of the person, if available."),
            Param("viewer__title", "string", "The title of the person, if available."),
            Param(
                "eventTimestamp",
                "string",
                'The date and time when the event happened in the ISO-8601 format (e.g., "2021-08-01T02:30:00+05:00" or "2021-08-01T08:00:00Z", where Z stands for UTC);',
                required=True,
            ),
            Param("eventProperties", "object[]", "A list of additional properties for the event"),
            Param(
                "reportingSystem",
                "string",
                "The unique identifier of the reporting system. It is the same value in all events originating from the same system.",
                required=True,
            ),
            Param(
                "viewActionTitle", "string", 'The name of the action like "Document Viewed" or "Presentation Opened".'
            ),
            Param(
                "viewer__context",
                "object[]",
                "A list of links to external systems such as CRM, Telephony System, Case Management, etc.",
            ),
            Param("contentProperties", "object[]", "A list of additional properties for the content"),
            Param("sharingMessageBody", "string", "Sharingmessagebody"),
            Param("sharingMessageSubject", "string", "Sharingmessagesubject"),
            Param("nonCompanyParticipants", "object[]", "Noncompanyparticipants"),
        ],
    ),
    action(
        "GONG_REPORT_CUSTOM_ENGAGEMENT_EVENT",
        "customAction",
        "Push engagement events into gong and display them as events in gong’s activity timeline, when a content is engaged by an external participant (for example, a contract was “signed” by the prospect) when accessed through a bearer token authorization method, this endpoint requires the scope 'api:engagement-data:write'.",
        title="Report Custom Engagement Event",
        params=[
            Param("eventId", "string", "The original id of the event as designated in the reporting system."),
            Param("shareId", "string", "Shareid"),
            Param("contentId", "string", "The id of the content that was viewed in the reporting system."),
            Param("userAgent", "string", '"User-Agent" header value for browser based interaction'),
            Param("actionName", "string", 'The name of the action like "Document Viewed" or "Presentation Opened".'),
            Param(
                "contentUrl",
                "string",
                "The url of the content that was viewed in the reporting system. This is the url that is was accessed by the viewer.",
            ),
            Param(
                "crmContext",
                "object[]",
                "A list of references to external systems such as CRM, Telephony System, Case Management, etc.",
            ),
            Param("sharer__id", "string", "The user id in Gong, if available."),
            Param("trackingId", "string", "Trackingid"),
            Param("actor__name", "string", "The name of the person, if available."),
            Param(
                "mobileAppId",
                "string",
                "The application identification string in case of interaction via mobile application (bundle identifier or package name).",
            ),
            Param("moreInfoUrl", "string", "Moreinfourl"),
            Param(
                "workspaceId",
                "string",
                "Optional workspace identifier. If specified, the event will be placed into this workspace, otherwise, the default algorithm for workspace placement will be applied.",
            ),
            Param("actor__email", "string", "The email address of the person, if available."),
            Param("actor__title", "string", "The title of the person, if available."),
            Param("contentTitle", "string", "Human readable title of the content."),
            Param(
                "eventInfoUrl", "string", "The link to a page that presents additional information about this event."
            ),
            Param("sharer__name", "string", "The name of the person, if available."),
            Param(
                "agentPlatform",
                "string",
                "Platform on which the interaction was made",
                enum=("Windows, Linux, MacOS, iOS, Android",),
            ),
            Param("sharer__email", "string", "The email address of the person, if available."),
            Param(
                "actor__context",
                "object[]",
                "A list of links to external systems such as CRM, Telephony System, Case Management, etc.",
            ),
            Param(
                "eventTimestamp",
                "string",
                'The date and time when the event happened in the ISO-8601 format (e.g., "2021-08-01T02:30:00+05:00" or "2021-08-01T08:00:00Z", where Z stands for UTC);',
                required=True,
            ),
            Param("eventProperties", "object[]", "A list of additional properties for the event"),
            Param(
                "reportingSystem",
                "string",
                "The unique identifier of the reporting system. It is the same value in all events originating from the same system.",
                required=True,
            ),
            Param("contentProperties", "object[]", "A list of additional properties for the content"),
            Param("sharingMessageBody", "string", "Sharingmessagebody"),
            Param("sharingMessageSubject", "string", "Sharingmessagesubject"),
            Param("nonCompanyParticipants", "object[]", "Noncompanyparticipants"),
        ],
    ),
    action(
        "GONG_UPDATE_SHARED_CONTENT_EVENT",
        "contentShared",
        "Push engagement events into gong and display them as events in gong’s activity timeline, when a gong user shares content with external participants (for example, a contract was “shared” by the account executive with his prospects) when accessed through a bearer token authorization method, this endpoint requires the scope 'api:engagement-data:write'.",
        title="Update shared content event",
        params=[
            Param("eventId", "string", "The original id of the event as designated in the reporting system."),
            Param(
                "shareId", "string", "The id of the share action, in case there can be more than one share per content."
            ),
            Param(
                "contentId", "string", "The id of the content that was shared in the reporting system.", required=True
            ),
            Param("userAgent", "string", "Useragent"),
            Param("actionName", "string", 'The name of the action like "Document Sent" or "Presentation Shared".'),
            Param(
                "contentUrl",
                "string",
                "The url of the content that was shared in the reporting system. This is the url that is was accessed by the viewer.",
                required=True,
            ),
            Param(
                "crmContext",
                "object[]",
                "A list of references to external systems such as CRM, Telephony System, Case Management, etc.",
            ),
            Param("recipients", "object[]", "array of objects with name + email of recipients. Email is required."),
            Param("sharer__id", "string", "The user id in Gong, if available."),
            Param("trackingId", "string", "Trackingid"),
            Param("mobileAppId", "string", "Mobileappid"),
            Param("moreInfoUrl", "string", "Moreinfourl"),
            Param(
                "workspaceId",
                "string",
                "Optional workspace identifier. If specified, the event will be placed into this workspace, otherwise, the default algorithm for workspace placement will be applied.",
            ),
            Param("contentTitle", "string", "Human readable title of the content.", required=True),
            Param(
                "shareInfoUrl", "string", "The link to a page that presents additional information about this event."
            ),
            Param("sharer__name", "string", "The name of the person, if available."),
            Param("agentPlatform", "string", "Agentplatform"),
            Param("sharer__email", "string", "The email address of the person, if available."),
            Param(
                "eventTimestamp",
                "string",
                'The date and time when the event happened in the ISO-8601 format (e.g., "2021-08-01T02:30:00+05:00" or "2021-08-01T08:00:00Z", where Z stands for UTC);',
                required=True,
            ),
            Param("eventProperties", "object[]", "A list of additional properties for the event"),
            Param(
                "reportingSystem",
                "string",
                "The unique identifier of the reporting system. It is the same value in all events originating from the same system.",
                required=True,
            ),
            Param("contentProperties", "object[]", "A list of additional properties for the content"),
            Param(
                "sharingMessageBody",
                "string",
                "The share message body. Can contain HTML and will be cleaned when it is presented.",
            ),
            Param("sharingMessageSubject", "string", "The subject of share email / message."),
            Param("nonCompanyParticipants", "object[]", "Noncompanyparticipants"),
        ],
    ),
]
