"""The call library: public folders and the calls (or clips of calls) filed in them.

Gong serves only public folders that are not archived. A folder inside a private or archived folder is not
reachable in Gong's library either, so it is treated as private or archived too: a folder is served when it and
every folder above it are public and live.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, select

from gongkit.db.schema import calls, library_entries, library_folders
from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import NotFound

NO_FOLDERS = "No library folders found"
FOLDER_NOT_FOUND = "Library folder not found"


def _served_folders(conn: Connection, company_id: int) -> dict[int, Any]:
    """The company's folders that Gong serves, by id (public and live, up to the root)."""
    rows = conn.execute(
        select(
            library_folders.c.id,
            library_folders.c.workspace_id,
            library_folders.c.name,
            library_folders.c.parent_folder_id,
            library_folders.c.is_public,
            library_folders.c.is_archived,
            library_folders.c.created_by_user_id,
            library_folders.c.updated_ms,
        ).where(library_folders.c.company_id == company_id)
    ).all()
    by_id = {row.id: row for row in rows}

    def served(folder_id: int, seen: frozenset[int] = frozenset()) -> bool:
        row = by_id.get(folder_id)
        if row is None or not row.is_public or row.is_archived:
            return False
        parent = row.parent_folder_id
        # A parent that is missing (deleted) or a loop (never written by gongkit, but possible in a hand-made
        # store) ends the walk: the folder stands as a root.
        return parent is None or parent not in by_id or parent in seen or served(parent, seen | {folder_id})

    return {fid: row for fid, row in by_id.items() if served(fid)}


def _folder(row: Any) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "name": row.name,
        "parentFolderId": None if row.parent_folder_id is None else str(row.parent_folder_id),
        "createdBy": None if row.created_by_user_id is None else str(row.created_by_user_id),
        "updated": ms_to_iso(row.updated_ms),
    }


def library_structure(conn: Connection, *, company_id: int, workspace_id: int | None) -> dict[str, Any]:
    """``GET /v2/library/folders``: the served folders (of one workspace when asked), parents before children,
    then by name."""
    folders = _served_folders(conn, company_id)
    if workspace_id is not None:
        folders = {fid: row for fid, row in folders.items() if row.workspace_id == workspace_id}
    if not folders:
        raise NotFound(NO_FOLDERS)

    def depth(row: Any) -> int:
        n = 0
        while row.parent_folder_id in folders and n < len(folders):
            row, n = folders[row.parent_folder_id], n + 1
        return n

    ordered = sorted(folders.values(), key=lambda row: (depth(row), row.name, row.id))
    return {"folders": [_folder(row) for row in ordered]}


def _call_url(url: str, from_sec: int | None, to_sec: int | None) -> str:
    """The call's URL; for a clip, with Gong's ``highlights`` parameter marking it (seconds from the start)."""
    if from_sec is None or to_sec is None:
        return url
    highlights = json.dumps([{"to": to_sec, "from": from_sec, "type": "LIBRARY"}])
    return f"{url}&highlights={quote(highlights)}" if "?" in url else f"{url}?highlights={quote(highlights)}"


def folder_content(conn: Connection, *, company_id: int, folder_id: int) -> dict[str, Any]:
    """``GET /v2/library/folder-content``: a served folder and the calls filed in it, oldest first.

    A private, archived or unknown folder (or another company's) is not found. An empty folder answers with its
    details and no calls."""
    folder = _served_folders(conn, company_id).get(folder_id)
    if folder is None:
        raise NotFound(FOLDER_NOT_FOUND)
    rows = conn.execute(
        select(
            library_entries.c.call_id,
            library_entries.c.title,
            calls.c.title.label("call_title"),
            library_entries.c.note,
            library_entries.c.added_by_user_id,
            library_entries.c.created_ms,
            calls.c.url,
            library_entries.c.snippet_from_sec,
            library_entries.c.snippet_to_sec,
        )
        .join(calls, calls.c.id == library_entries.c.call_id)
        .where(library_entries.c.folder_id == folder_id, library_entries.c.company_id == company_id)
        .order_by(library_entries.c.created_ms, library_entries.c.id)
    ).all()
    answer = _folder(folder)
    del answer["parentFolderId"]  # the folder-content answer has no parent
    answer["calls"] = [
        {
            "id": str(row.call_id),
            "title": row.title if row.title is not None else row.call_title,
            "note": row.note,
            "addedBy": None if row.added_by_user_id is None else str(row.added_by_user_id),
            "created": ms_to_iso(row.created_ms),
            "url": _call_url(row.url, row.snippet_from_sec, row.snippet_to_sec),
            "snippet": None
            if row.snippet_from_sec is None or row.snippet_to_sec is None
            else {"fromSec": row.snippet_from_sec, "toSec": row.snippet_to_sec},
        }
        for row in rows
    ]
    return answer
