"""Testing code that talks to Gong, against a gongkit server: a pytest plugin and what it is made of.

The plugin (:mod:`gongkit.testing.plugin`, registered as ``gongkit`` in ``pytest11``) gives every test a fresh
company on its own server; the pieces are usable without pytest too::

    from gongkit.testing import GongServer, Seeder, TemplateStore

    templates = TemplateStore(tmp_dir)
    with GongServer(templates.clone(tmp_dir / "data")) as server:
        company = server.create_company()
        Seeder(server.db, company.id, clock=server.clock, app_url=server.base_url).user(emailAddress="a@b.example")

The names are imported on first use: pytest imports the plugin in every session of a project that has gongkit
installed, and that must cost nothing until a ``gong_*`` fixture is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gongkit.testing.clock import TestClock
    from gongkit.testing.seed import Seeder, read_seed_file
    from gongkit.testing.server import GongCompany, GongCredentials, GongServer
    from gongkit.testing.shapes import SeedError
    from gongkit.testing.store import TemplateStore

#: Each public name and the module that defines it.
_HOMES = {
    "GongCompany": "server",
    "GongCredentials": "server",
    "GongServer": "server",
    "SeedError": "shapes",
    "Seeder": "seed",
    "TemplateStore": "store",
    "TestClock": "clock",
    "read_seed_file": "seed",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'gongkit.testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"gongkit.testing.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
