"""Fixtures of the data-privacy tests: an in-process app whose erasure worker the test drives itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core.ratelimit import RateLimiter
from gongkit.server.groups.data_privacy.jobs import ErasureConfig
from gongkit.server.groups.data_privacy.worker import ErasureWorker
from tests.conftest import Company
from tests.data_privacy.builder import Builder
from tests.support.contract import ContractClient


@dataclass
class PrivacyApp:
    client: ContractClient
    worker: ErasureWorker
    settings: ServerSettings
    db: Database

    def run_erasures(self) -> int:
        """Run every pending erasure now (the worker thread is off in these tests)."""
        return self.worker.run_pending()


@pytest.fixture
def media(settings: ServerSettings) -> MediaStore:
    return MediaStore(settings.media_dir)


@pytest.fixture
def papp(settings: ServerSettings, db: Database) -> Iterator[PrivacyApp]:
    settings.erasure_workers = 0
    app = create_app(settings, db=db, limiter=RateLimiter("memory://"))
    app.state.gong.extras["erasure_config"] = ErasureConfig(poll_seconds=0.05, batch_size=2)
    with ContractClient(app) as client:
        worker = app.state.gong.extras["erasure_worker"]
        assert isinstance(worker, ErasureWorker)
        yield PrivacyApp(client, worker, settings, db)


@pytest.fixture
def build(db: Database, company: Company, media: MediaStore) -> Builder:
    return Builder(db, company.id, media)
