"""Fixtures of the crm tests: an in-process app whose CRM worker the test drives itself, and helpers that speak
the generic CRM API (each answer checked against Gong's contract)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import orjson
import pytest

from gongkit.db import Database
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core.ratelimit import RateLimiter
from gongkit.server.groups.crm.jobs import CrmJobConfig
from gongkit.server.groups.crm.worker import CrmWorker
from tests.conftest import Company
from tests.support.contract import ContractClient

INTEGRATIONS = "/v2/crm/integrations"
SCHEMA = "/v2/crm/entity-schema"
ENTITIES = "/v2/crm/entities"
STATUS = "/v2/crm/request-status"


def ldjson(rows: Iterable[dict[str, Any]]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in rows)


@dataclass
class CrmApp:
    client: ContractClient
    worker: CrmWorker
    settings: ServerSettings
    db: Database
    company: Company

    def run_erasures(self) -> int:
        """Run every pending data-privacy erasure now (the erasure thread is off in these tests)."""
        return int(self.client.app.state.gong.extras["erasure_worker"].run_pending())  # type: ignore[attr-defined]

    @property
    def h(self) -> dict[str, str]:
        return self.company.basic

    def register(self, name: str = "Acme CRM", owner: str = "owner@acme.example", **kw: Any) -> int:
        r = self.client.put(INTEGRATIONS, json={"name": name, "ownerEmail": owner}, headers=kw.get("headers", self.h))
        assert r.status_code == 200, r.text
        return int(r.json()["integrationId"])

    def upload(
        self,
        integration_id: int | None,
        object_type: str | None,
        data: bytes,
        client_request_id: str | None = None,
        *,
        filename: str = "data.ldjson",
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        params: dict[str, Any] = {}
        if integration_id is not None:
            params["integrationId"] = integration_id
        if object_type is not None:
            params["objectType"] = object_type
        if client_request_id is not None:
            params["clientRequestId"] = client_request_id
        return self.client.post(
            ENTITIES, params=params, files={"dataFile": (filename, data)}, headers=headers or self.h
        )

    def status(self, integration_id: int, client_request_id: str) -> dict[str, Any]:
        r = self.client.get(
            STATUS, params={"integrationId": integration_id, "clientRequestId": client_request_id}, headers=self.h
        )
        assert r.status_code == 200, r.text
        return dict(r.json())

    def load(self, integration_id: int, object_type: str, rows: list[dict[str, Any]], crid: str) -> dict[str, Any]:
        """Upload ``rows``, run the job, and return the request's final status."""
        r = self.upload(integration_id, object_type, ldjson(rows), crid)
        assert r.status_code == 201, r.text
        self.worker.run_pending()
        return self.status(integration_id, crid)

    def objects(self, integration_id: int, object_type: str, ids: list[str]) -> dict[str, Any]:
        r = self.client.request(
            "GET",
            ENTITIES,
            params={"integrationId": integration_id, "objectType": object_type},
            content=orjson.dumps(ids),
            headers={**self.h, "Content-Type": "application/json"},
        )
        assert r.status_code == 200, r.text
        return dict(r.json()["crmObjectsMap"])


@pytest.fixture
def crm(settings: ServerSettings, db: Database, company: Company) -> Iterator[CrmApp]:
    settings.crm_workers = 0
    settings.erasure_workers = 0
    app = create_app(settings, db=db, limiter=RateLimiter("memory://"))
    app.state.gong.extras["crm_job_config"] = CrmJobConfig(poll_seconds=0.05, batch_size=2)
    with ContractClient(app) as client:
        worker = app.state.gong.extras["crm_worker"]
        assert isinstance(worker, CrmWorker)
        yield CrmApp(client, worker, settings, db, company)
