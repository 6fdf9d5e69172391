"""Generic CRM integration: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, action

ACTIONS = [
    action(
        "GONG_DELETE_A_GENERIC_CRM_INTEGRATION_V2_CRM_INTEGRATIONS",
        "deleteGenericCrmIntegration",
        "Deletes an existing crm integration from the gong platform. this endpoint should be used when you want to disconnect or remove a previously established integration between gong and a crm system, such as hubspot. it's particularly useful when you need to change crm providers, stop syncing data between gong and a specific crm, or troubleshoot integration issues by removing and re-adding the connection. the deletion is likely permanent, so use this endpoint with caution. it's important to note that this operation may affect data synchronization and potentially impact existing analytics or reports that rely on the integrated crm data.",
        title="Delete a generic crm integration v2 crm integrations",
        params=[
            Param("integrationId", "integer", "The ID of the integration to delete", required=True),
            Param(
                "clientRequestId",
                "string",
                "A unique identifier generated and sent by you to allow troubleshooting. Valid characters are letters, numbers, dashes and underscores.",
                required=True,
            ),
        ],
    ),
    action(
        "GONG_GET_CRM_INTEGRATION_DETAILS",
        "listGenericCrmIntegration",
        "<style>.public-api-info { background: rgb(222, 235, 255);}.public-api-tip { background: rgb(227, 252, 239);}.public-api-parameter { background: rgba(9,30,66,0.08);}.public-api-note { background: rgb(234, 230, 255);}.public-api-important { background: rgb(255, 250, 230);}.public-api-critical { background: rgb(255, 235, 230);}table, th, td { border: 1px solid gray; border-collapse: collapse;}th, td { padding: 5px;}th { text-align: left;}img { border: 2px solid #d3d5d9;}</style><p>returns the crm integration you set up using the <code>put /v2/crm/integrations</code> endpoint. you can only have one integration at a time. </p><p>when accessed using a bearer token, this endpoint requires the 'api:crm:integrations:read' scope.</p>",
        title="Get Crm Integration Details",
    ),
    action(
        "GONG_GET_CRM_OBJECTS_V2_CRM_ENTITIES",
        "getCrmObjects",
        "Retrieves crm entities from the gong platform. this endpoint allows users to fetch various crm objects such as accounts, deals, and contacts that have been integrated with gong's revenue intelligence system. it provides a way to access and utilize crm data within the context of gong's conversation analysis and insights. use this endpoint when you need to synchronize crm data with gong or when you want to retrieve the latest crm entity information for analysis or reporting purposes. the endpoint does not modify any data and is intended for read-only operations. note that the specific fields and structure of the returned entities may vary based on the crm system integrated with gong.",
        title="Get crm objects v2 crm entities",
        params=[
            Param(
                "objectType",
                "string",
                "Requested objects type",
                required=True,
                enum=("ACCOUNT", "CONTACT", "DEAL", "LEAD"),
            ),
            Param("integrationId", "integer", "Integration ID generated when creating the integration", required=True),
            Param(
                "objectsCrmIds",
                "string[]",
                "<b>Request Body:</b> The requested objects crm ids (should be sent in the request body)",
                required=True,
                to="body",
            ),
        ],
    ),
    action(
        "GONG_GET_REQUEST_STATUS_V2_CRM_REQUEST_STATUS",
        "getRequestStatus",
        "The getcrmrequeststatus endpoint retrieves the current status of crm integration requests in the gong platform. it allows users to check the progress and outcome of operations related to crm data uploads, synchronization, or other crm-related processes. this endpoint is particularly useful for monitoring the health and progress of crm integrations, troubleshooting issues, and ensuring data consistency between gong and connected crm systems. it should be used when you need to verify if a crm integration request has been completed, is still in progress, or has encountered any errors. the endpoint does not modify any data and is intended for status checking only. note that the specific details returned may vary depending on the type and complexity of the crm integration request being queried.",
        title="Get request status v2 crm request status",
        params=[
            Param("integrationId", "integer", "Integration ID generated when creating the integration", required=True),
            Param(
                "clientRequestId",
                "string",
                "The client request ID used in the asynchronous endpoint you want to get a status for",
                required=True,
            ),
        ],
    ),
    action(
        "GONG_LIST_SCHEMA_FIELDS_V2_CRM_ENTITY_SCHEMA",
        "listCrmSchemaFields",
        "Retrieves the comprehensive schema of crm entities in the gong platform. this endpoint provides detailed metadata about the structure, attributes, and relationships of entities within the customer relationship management (crm) system. it is particularly useful for developers integrating with gong's api who need to understand the data model of the crm entities. the endpoint returns a complete view of all crm entity schemas, which can be used for data mapping, validation, or building dynamic forms. note that this endpoint does not accept any parameters, meaning it returns the full schema without filtering options. while powerful, be mindful of potential performance implications when dealing with large, complex crm structures.",
        title="List schema fields v2 crm entity schema",
        params=[
            Param(
                "objectType",
                "string",
                "Type of object to retrieve the schema fields for (case-sensitive). <br>Omitting this parameter returns the schema for all object types.",
                required=True,
                enum=("ACCOUNT", "CONTACT", "DEAL", "LEAD"),
            ),
            Param("integrationId", "integer", "Integration ID generated when creating the integration", required=True),
        ],
    ),
    action(
        "GONG_REGISTER_CRM_INTEGRATION",
        "registerGenericCrmIntegration",
        "Updates an existing crm integration in the gong platform. this endpoint allows you to modify the details of a previously set up integration between gong and your customer relationship management (crm) system. it's primarily used for changing the integration's name or reassigning the ownership to a different team member. this operation is crucial for maintaining accurate and up-to-date integration configurations, especially when there are changes in your organization's structure or integration strategies. note that this endpoint only updates the integration metadata and does not affect the actual data synchronization between gong and your crm.",
        title="Register Crm Integration",
        params=[
            Param("name", "string", "The name of the integration", required=True),
            Param("ownerEmail", "string", "Email address of the person responsible for the integration", required=True),
        ],
    ),
    action(
        "GONG_UPLOAD_CRM_OBJECTS_V2_CRM_ENTITIES",
        "uploadCrmData",
        "Uploads crm data files to the gong platform for integration and analysis. this endpoint allows users to send large crm data files (up to 200mb) using a multipart/form-data request. it should be used when integrating crm systems with gong's revenue intelligence platform to provide up-to-date customer interaction data. the endpoint is specifically designed for file uploads and does not support other operations like querying or modifying existing data. ensure that the uploaded file contains properly structured crm data compatible with gong's system for successful integration and subsequent analysis.",
        title="Upload crm objects v2 crm entities",
        params=[
            Param("dataFile", "object", "Datafile", format="binary"),
        ],
    ),
]
