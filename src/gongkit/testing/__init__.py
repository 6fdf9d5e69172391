"""Testing code that talks to Gong, against a gongkit server: a pytest plugin and what it is made of.

The plugin (:mod:`gongkit.testing.plugin`, registered as ``gongkit`` in ``pytest11``) gives every test a fresh
company on its own server; the pieces are usable without pytest too::

    from gongkit.testing import GongServer, Seeder, TemplateStore

    templates = TemplateStore(tmp_dir)
    with GongServer(templates.clone(tmp_dir / "data")) as server:
        company = server.create_company()
        Seeder(server.db, company.id, clock=server.clock, app_url=server.base_url).user(emailAddress="a@b.example")
"""

from gongkit.testing.clock import TestClock
from gongkit.testing.seed import Seeder, read_seed_file
from gongkit.testing.server import GongCompany, GongCredentials, GongServer
from gongkit.testing.shapes import SeedError
from gongkit.testing.store import TemplateStore

__all__ = [
    "GongCompany",
    "GongCredentials",
    "GongServer",
    "SeedError",
    "Seeder",
    "TemplateStore",
    "TestClock",
    "read_seed_file",
]
