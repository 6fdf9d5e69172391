"""Helpers for the API tests: Bearer tokens, exact error envelopes, paging through every page."""

from __future__ import annotations

from typing import Any, TypeVar

import httpx

from gongkit import control as admin
from gongkit.db import Database
from gongkit.kernel.clock import SystemClock
from tests.conftest import Company

T = TypeVar("T")


def bearer(db: Database, company: Company, *scopes: str) -> dict[str, str]:
    with db.write() as conn:
        token = admin.create_token(conn, SystemClock(), company.id, list(scopes))
    return {"Authorization": f"Bearer {token}"}


def assert_error(r: httpx.Response, status: int, *messages: str) -> None:
    """The whole answer is Gong's error envelope with exactly these messages."""
    assert r.status_code == status, r.text
    assert r.json() == {"requestId": r.headers["x-request-id"], "errors": list(messages)}


def page_through(
    client: Any,
    method: str,
    path: str,
    headers: dict[str, str],
    *,
    params: dict[str, Any] | None = None,
    body: dict[str, Any] | None = None,
    limit: int = 1000,
) -> list[dict[str, Any]]:
    """Every page of a listing, following ``records.cursor`` (query for GET, top-level body field for POST)."""
    pages: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        if method == "GET":
            q = dict(params or {})
            if cursor:
                q["cursor"] = cursor
            r = client.get(path, params=q, headers=headers)
        else:
            b = dict(body or {})
            if cursor:
                b["cursor"] = cursor
            r = client.post(path, json=b, headers=headers)
        assert r.status_code == 200, r.text
        page = r.json()
        pages.append(page)
        cursor = page["records"].get("cursor")
        if cursor is None:
            return pages
        assert len(pages) < limit, "paging does not end"


def set_page_size(client: Any, db: Database, company: Company, size: int) -> None:
    """Change the company's page size and drop the server's cached credentials (which carry it)."""
    with db.write() as conn:
        admin.update_company(conn, company.id, page_size=size)
    client.app.state.gong.auth.invalidate()
