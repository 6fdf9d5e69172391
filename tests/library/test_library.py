"""The library (getLibraryStructure, getCallsInSpecificFolder): public, live folders and the calls filed in them."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import Connection, insert

from gongkit.db.schema import library_entries, library_folders
from gongkit.sdk import AsyncGong, Gong
from gongkit.sdk.errors import NotFoundError
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error
from tests.support.contract import ContractClient

T0 = 1_704_067_200_000  # 2024-01-01T00:00:00Z
FOLDERS = "/v2/library/folders"
CONTENT = "/v2/library/folder-content"


def folder(conn: Connection, company_id: int, fid: int, name: str, **values: Any) -> int:
    conn.execute(
        insert(library_folders).values(
            id=fid,
            company_id=company_id,
            name=name,
            updated_ms=values.pop("updated_ms", T0),
            **values,
        )
    )
    return fid


def entry(conn: Connection, company_id: int, eid: int, folder_id: int, call_id: int, **values: Any) -> None:
    conn.execute(
        insert(library_entries).values(
            {
                "id": eid,
                "folder_id": folder_id,
                "call_id": call_id,
                "company_id": company_id,
                "created_ms": T0,
                **values,
            }
        )
    )


@pytest.fixture
def library(seed: Seed, company: Company) -> dict[str, int]:
    """Two workspaces; a tree of public folders with a private and an archived branch; two calls filed."""

    def build(conn: Connection) -> dict[str, int]:
        ws1 = f.make_workspace(conn, company.id, "East")
        ws2 = f.make_workspace(conn, company.id, "West")
        user = f.make_user(conn, company.id)
        call = f.make_call(conn, company.id, title="Discovery with Initech", started_ms=T0, duration=600)
        clip = f.make_call(conn, company.id, title="Pricing call", started_ms=T0 + 1000, duration=900)
        cid = company.id
        root = folder(conn, cid, 101, "Training", workspace_id=ws1, created_by_user_id=user)
        folder(conn, cid, 102, "Discovery", workspace_id=ws1, parent_folder_id=root, updated_ms=T0 + 1)
        folder(conn, cid, 103, "Archive", workspace_id=ws1, is_archived=True)
        folder(conn, cid, 104, "Inside the archive", workspace_id=ws1, parent_folder_id=103)
        folder(conn, cid, 105, "Mine", workspace_id=ws1, is_public=False)
        folder(conn, cid, 106, "Best practices", workspace_id=ws2)
        folder(conn, cid, 107, "Empty", workspace_id=ws1, parent_folder_id=root)
        entry(conn, cid, 1, root, call.id, note="Listen to the opening.", added_by_user_id=user)
        entry(
            conn,
            cid,
            2,
            root,
            clip.id,
            title="The price objection",
            created_ms=T0 + 5,
            snippet_from_sec=65,
            snippet_to_sec=130,
        )
        entry(conn, cid, 3, 104, call.id)
        return {"ws1": ws1, "ws2": ws2, "user": user, "call": call.id, "clip": clip.id, "root": root}

    return seed(build)


def test_folders_are_the_public_live_ones_parents_first(
    client: ContractClient, company: Company, library: dict[str, int]
) -> None:
    r = client.get(FOLDERS, headers=company.basic)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body == {
        "requestId": r.headers["x-request-id"],
        "folders": [
            {"id": "106", "name": "Best practices", "parentFolderId": None, "createdBy": None,
             "updated": "2024-01-01T00:00:00Z"},
            {"id": "101", "name": "Training", "parentFolderId": None, "createdBy": str(library["user"]),
             "updated": "2024-01-01T00:00:00Z"},
            {"id": "102", "name": "Discovery", "parentFolderId": "101", "createdBy": None,
             "updated": "2024-01-01T00:00:00.001Z"},
            {"id": "107", "name": "Empty", "parentFolderId": "101", "createdBy": None,
             "updated": "2024-01-01T00:00:00Z"},
        ],
    }  # fmt: skip


def test_folders_of_one_workspace(client: ContractClient, company: Company, library: dict[str, int]) -> None:
    r = client.get(FOLDERS, params={"workspaceId": str(library["ws2"])}, headers=company.basic)
    assert [folder["id"] for folder in r.json()["folders"]] == ["106"]
    r = client.get(FOLDERS, params={"workspaceId": "99"}, headers=company.basic)
    assert_error(r, 404, "No library folders found")
    r = client.get(FOLDERS, params={"workspaceId": "east"}, headers=company.basic)
    assert_error(r, 400, "workspaceId: 'east' is not a valid id (a numeric string of up to 20 digits)")


def test_no_folders_is_not_found(client: ContractClient, company: Company) -> None:
    assert_error(client.get(FOLDERS, headers=company.basic), 404, "No library folders found")


def test_folder_content(client: ContractClient, company: Company, library: dict[str, int]) -> None:
    r = client.get(CONTENT, params={"folderId": "101"}, headers=company.basic)
    assert r.status_code == 200, r.text
    body = r.json()
    clip_url = body["calls"][1].pop("url")
    assert body == {
        "requestId": r.headers["x-request-id"],
        "id": "101",
        "name": "Training",
        "createdBy": str(library["user"]),
        "updated": "2024-01-01T00:00:00Z",
        "calls": [
            {
                "id": str(library["call"]),
                "title": "Discovery with Initech",
                "note": "Listen to the opening.",
                "addedBy": str(library["user"]),
                "created": "2024-01-01T00:00:00Z",
                "url": f"{f.DEFAULT_APP_URL}/call?id={library['call']}",
                "snippet": None,
            },
            {
                "id": str(library["clip"]),
                "title": "The price objection",
                "note": None,
                "addedBy": None,
                "created": "2024-01-01T00:00:00.005Z",
                "snippet": {"fromSec": 65, "toSec": 130},
            },
        ],
    }
    parts = urlsplit(clip_url)
    query = parse_qs(parts.query)
    assert query["id"] == [str(library["clip"])]
    assert json.loads(query["highlights"][0]) == [{"to": 130, "from": 65, "type": "LIBRARY"}]


def test_an_empty_folder_has_no_calls(client: ContractClient, company: Company, library: dict[str, int]) -> None:
    r = client.get(CONTENT, params={"folderId": "107"}, headers=company.basic)
    assert r.status_code == 200 and r.json()["calls"] == []


@pytest.mark.parametrize(
    "folder_id", ["103", "104", "105", "999"], ids=["archived", "in-archived", "private", "unknown"]
)
def test_folders_gong_does_not_serve_are_not_found(
    client: ContractClient, company: Company, library: dict[str, int], folder_id: str
) -> None:
    r = client.get(CONTENT, params={"folderId": folder_id}, headers=company.basic)
    assert_error(r, 404, "Library folder not found")


def test_another_companys_folder_is_not_found(client: ContractClient, db: Any, library: dict[str, int]) -> None:
    other = make_company(db, "Globex")
    assert_error(client.get(CONTENT, params={"folderId": "101"}, headers=other.basic), 404, "Library folder not found")
    assert_error(client.get(FOLDERS, headers=other.basic), 404, "No library folders found")


def test_folder_id_is_required_and_numeric(client: ContractClient, company: Company) -> None:
    assert_error(client.get(CONTENT, headers=company.basic), 400, "folderId: is required")
    r = client.get(CONTENT, params={"folderId": "1e3"}, headers=company.basic)
    assert_error(r, 400, "folderId: '1e3' is not a valid id (a numeric string of up to 20 digits)")


def test_sdk_sync_and_async(client: ContractClient, company: Company, library: dict[str, int]) -> None:
    gong = Gong(company.access_key, company.secret, base_url="http://testserver", http_client=client, pace=None)
    folders = gong.library.folders(workspace_id=library["ws1"])
    assert [f.id for f in folders] == ["101", "102", "107"]
    content = gong.library.folder_content(101)
    assert [c.title for c in content.calls] == ["Discovery with Initech", "The price objection"]
    assert content.calls[1].snippet is not None and content.calls[1].snippet.toSec == 130
    with pytest.raises(NotFoundError):
        gong.library.folder_content("105")

    async def run() -> None:
        transport = httpx.ASGITransport(app=client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            agong = AsyncGong(
                company.access_key, company.secret, base_url="http://testserver", http_client=http, pace=None
            )
            assert [f.id for f in await agong.library.folders()] == ["106", "101", "102", "107"]
            assert (await agong.library.folder_content("102")).calls == []

    asyncio.run(run())
