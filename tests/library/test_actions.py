"""The library's seed actions and tools, run against the server over the demo company."""

from __future__ import annotations

from tests.actions.test_end_to_end import Demo, demo

__all__ = ["demo"]  # the fixture, shared with the other groups' action tests


def test_library_actions_and_tools(demo: Demo) -> None:
    folders = demo.run("GONG_RETRIEVE_LIBRARY_FOLDERS_V2_LIBRARY_FOLDERS")["folders"]
    assert folders and all(set(f) == {"id", "name", "parentFolderId", "createdBy", "updated"} for f in folders)
    names = {f["name"] for f in folders}
    assert "Archive 2025" not in names and "My Favorites" not in names  # archived, private
    assert demo.run("gong_retrieve_library_folders", demo.creds) == {"folders": folders}

    first = folders[0]["id"]
    content = demo.run("GONG_LIST_FOLDER_CALLS", {"folderId": first})
    assert content["id"] == first and content["calls"]
    tool = demo.run("gong_retrieve_the_list_of_calls_in_a_specific_library_folder", {**demo.creds, "folderId": first})
    assert tool == {
        "folderId": first,
        "folderName": content["name"],
        "createdBy": content["createdBy"],
        "updated": content["updated"],
        "calls": content["calls"],
    }
