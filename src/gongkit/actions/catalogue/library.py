"""Library: the seed catalogue's actions and tools of this group (declarations only)."""

from __future__ import annotations

from gongkit.actions import Param, Reshape, action, tool

ACTIONS = [
    action(
        "GONG_LIST_FOLDER_CALLS",
        "getCallsInSpecificFolder",
        "Given a folder id, this endpoint retrieves a list of calls in it. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:library:read'.",
        title="List Folder Calls",
        params=[
            Param("folderId", "string", 'Gong"s unique numeric identifier for the folder (up to 20 digits).'),
        ],
    ),
    action(
        "GONG_RETRIEVE_LIBRARY_FOLDERS_V2_LIBRARY_FOLDERS",
        "getLibraryStructure",
        "Use this endpoint to retrieve a list of public library folders. we do not allow retrieval of either private or archived folders. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:library:read'.",
        title="Retrieve library folders v2 library folders",
        params=[
            Param(
                "workspaceId",
                "string",
                "Workspace identifier. We will retrieve folders which are related to this specific workspace.",
            ),
        ],
    ),
    tool(
        "gong_retrieve_library_folders",
        "getLibraryStructure",
        "Retrieve library folders from Gong.",
        params=[
            Param("workspaceId", "string", "Gong workspace ID to filter folders"),
        ],
        output=Reshape(keep=("folders",)),
    ),
    tool(
        "gong_retrieve_the_list_of_calls_in_a_specific_library_folder",
        "getCallsInSpecificFolder",
        "Retrieve the list of calls in a specific library folder from Gong.",
        params=[
            Param("folderId", "string", "The library folder ID to retrieve content for", required=True),
        ],
        output=Reshape(
            rename={"id": "folderId", "name": "folderName"},
            keep=("folderId", "folderName", "createdBy", "updated", "calls"),
        ),
    ),
]
