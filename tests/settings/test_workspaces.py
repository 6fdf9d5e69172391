"""Company settings: GET /v2/workspaces (listWorkspaces)."""

from __future__ import annotations

from gongkit.db import Database
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.contract import ContractClient


def test_workspaces_whole_body(client: ContractClient, company: Company, seed: Seed, db: Database) -> None:
    r = client.get("/v2/workspaces", headers=company.basic)
    assert r.json() == {"requestId": r.headers["x-request-id"], "workspaces": []}
    emea = seed(f.make_workspace, company.id, "EMEA", description="Europe, Middle East and Africa")
    amer = seed(f.make_workspace, company.id, "Americas", description=None, is_default=True)
    other = make_company(db, "Other")
    seed(f.make_workspace, other.id, "Theirs")
    r = client.get("/v2/workspaces", headers=company.basic)
    assert r.status_code == 200
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "workspaces": [
            {"id": str(amer), "name": "Americas", "description": None},
            {"id": str(emea), "name": "EMEA", "description": "Europe, Middle East and Africa"},
        ],
    }
