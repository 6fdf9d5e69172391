"""The gongkit pytest plugin: a Gong-compatible server, a fresh company and clients, per test.

Registered through the ``pytest11`` entry point, so installing gongkit makes the fixtures available (or load
it with ``-p gongkit.testing.plugin``). Every fixture is named ``gong*``, so it meets no project's own fixtures;
importing this module imports nothing but pytest (gongkit's server is imported only when a fixture is used).

Fixtures (all per test):

- ``gong_server``: the :class:`~gongkit.testing.server.GongServer` (in process, or on a loopback port);
- ``gong_company``: a fresh company with an API key (the demo company under ``@pytest.mark.gong_demo``);
- ``gong_credentials``, ``gong_base_url``: how to reach it (``.auth``, ``.headers``, ``.env``);
- ``gong``, ``async_gong``: :class:`gongkit.Gong` and :class:`gongkit.AsyncGong` bound to it;
- ``gong_seed``: a :class:`~gongkit.testing.seed.Seeder` to put users, calls, ... into it;
- ``gong_clock``: the server's :class:`~gongkit.testing.clock.TestClock` (freeze it, move it);
- ``gong_rate_limits``: the rate-limit profile in force, ``"gong"`` (3/s, 10,000/day) or ``"off"``.

Options and markers: ``--gong-server=inprocess|loopback`` (or ``@pytest.mark.gong_server("loopback")``),
``--gong-rate-limits=off|gong`` (or ``@pytest.mark.gong_rate_limits("gong")``), and
``@pytest.mark.gong_demo(seed=1, calls=..., users=..., ...)`` for the deterministic demo company (sizes as in
:class:`gongkit.demo.DemoSize`), generated once per session and copied for each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import pytest

if TYPE_CHECKING:
    from gongkit import AsyncGong, Gong
    from gongkit.testing.clock import TestClock
    from gongkit.testing.seed import Seeder
    from gongkit.testing.server import GongCompany, GongCredentials, GongServer, RateLimits, ServerMode
    from gongkit.testing.store import TemplateStore

_MODES = ("inprocess", "loopback")
_PROFILES = ("off", "gong")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("gongkit", "gongkit: a Gong-compatible server for tests")
    group.addoption(
        "--gong-server",
        choices=_MODES,
        default="inprocess",
        help="serve the gong_* fixtures in process (default) or on a real loopback port",
    )
    group.addoption(
        "--gong-rate-limits",
        choices=_PROFILES,
        default="off",
        help="Gong's rate limits (3/s, 10,000/day; the SDK paces itself) or none (default)",
    )


def pytest_configure(config: pytest.Config) -> None:
    for line in (
        "gong_server(mode): serve this test's gong_* fixtures 'inprocess' or on a 'loopback' port",
        "gong_rate_limits(profile): 'gong' (3/s, 10,000/day) or 'off' for this test's company",
        "gong_demo(seed=1, **sizes): this test's gong_company is the deterministic demo company",
    ):
        config.addinivalue_line("markers", line)


def _chosen(request: pytest.FixtureRequest, marker: str, option: str, allowed: tuple[str, ...]) -> str:
    mark = request.node.get_closest_marker(marker)
    value = str(mark.args[0]) if mark is not None and mark.args else str(request.config.getoption(option))
    if value not in allowed:
        raise pytest.UsageError(f"@pytest.mark.{marker}({value!r}): choose one of {', '.join(allowed)}")
    return value


def _demo(request: pytest.FixtureRequest) -> tuple[int, dict[str, Any]] | None:
    """The seed and sizes of ``@pytest.mark.gong_demo``, or None without the marker."""
    mark = request.node.get_closest_marker("gong_demo")
    if mark is None:
        return None
    sizes = dict(mark.kwargs)
    seed = int(sizes.pop("seed", mark.args[0] if mark.args else 1))
    return seed, sizes


@pytest.fixture(scope="session")
def gong_templates(tmp_path_factory: pytest.TempPathFactory) -> TemplateStore:
    """The session's template stores (a migrated one, and one per demo company asked for)."""
    from gongkit.testing.store import TemplateStore

    return TemplateStore(tmp_path_factory.mktemp("gong-templates"))


@pytest.fixture
def gong_rate_limits(request: pytest.FixtureRequest) -> RateLimits:
    """``"gong"`` or ``"off"``: the ``gong_rate_limits`` marker, else ``--gong-rate-limits``."""
    return cast("RateLimits", _chosen(request, "gong_rate_limits", "--gong-rate-limits", _PROFILES))


@pytest.fixture
def gong_server(
    request: pytest.FixtureRequest, gong_templates: TemplateStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GongServer]:
    """A server with a store of its own, copied from a template (with the demo company under ``gong_demo``)."""
    from gongkit.testing.server import GongServer

    mode = cast("ServerMode", _chosen(request, "gong_server", "--gong-server", _MODES))
    data_dir = tmp_path_factory.mktemp("gong-server")
    demo = _demo(request)
    if demo is None:
        settings = gong_templates.clone(data_dir)
    else:
        seed, sizes = demo
        variant = "demo-" + "-".join([str(seed), *(f"{k}{v}" for k, v in sorted(sizes.items()))])
        settings = gong_templates.clone(data_dir, variant, _demo_filler(seed, sizes))
    with GongServer(settings, mode=mode) as server:
        yield server


def _demo_filler(seed: int, sizes: dict[str, Any]) -> Any:
    def fill(db: Any) -> None:
        from gongkit.demo import DemoSize, create_demo_company

        create_demo_company(db, seed=seed, size=DemoSize(**sizes), app_url="http://testserver")

    return fill


@pytest.fixture
def gong_clock(gong_server: GongServer) -> TestClock:
    """The server's clock: real time until the test freezes or moves it."""
    return gong_server.clock


@pytest.fixture
def gong_company(request: pytest.FixtureRequest, gong_server: GongServer, gong_rate_limits: RateLimits) -> GongCompany:
    """A fresh company with one API key (or, under ``gong_demo``, the demo company)."""
    demo = _demo(request)
    if demo is not None:
        return gong_server.demo_company(demo[0], rate_limits=gong_rate_limits)
    return gong_server.create_company(rate_limits=gong_rate_limits)


@pytest.fixture
def gong_credentials(gong_company: GongCompany) -> GongCredentials:
    """The base URL, access key and secret of ``gong_company``."""
    return gong_company.credentials


@pytest.fixture
def gong_base_url(gong_server: GongServer) -> str:
    """The server's base URL (``http://testserver`` in process: reachable only through the fixtures' clients)."""
    return gong_server.base_url


@pytest.fixture
def gong(gong_server: GongServer, gong_company: GongCompany, gong_rate_limits: RateLimits) -> Iterator[Gong]:
    """A :class:`gongkit.Gong` client of ``gong_company`` (pacing itself under the ``gong`` profile)."""
    from gongkit import Gong
    from gongkit.testing.server import RATE_PROFILES

    creds = gong_company.credentials
    http = gong_server.http_client()
    client = Gong(
        creds.access_key,
        creds.access_key_secret,
        base_url=creds.base_url,
        http_client=http,
        pace=RATE_PROFILES[gong_rate_limits][1],
    )
    with http, client:
        yield client


@pytest.fixture
def async_gong(gong_server: GongServer, gong_company: GongCompany, gong_rate_limits: RateLimits) -> AsyncGong:
    """An :class:`gongkit.AsyncGong` client of ``gong_company``; use it from any event loop (``asyncio.run``,
    anyio or pytest-asyncio tests alike)."""
    from gongkit import AsyncGong
    from gongkit.testing.server import RATE_PROFILES

    creds = gong_company.credentials
    return AsyncGong(
        creds.access_key,
        creds.access_key_secret,
        base_url=creds.base_url,
        http_client=gong_server.async_http_client(),
        pace=RATE_PROFILES[gong_rate_limits][1],
    )


@pytest.fixture
def gong_seed(gong_server: GongServer, gong_company: GongCompany) -> Seeder:
    """Puts records into ``gong_company``: ``gong_seed.user(...)``, ``.call(...)``, ``.load("data.yaml")``."""
    from gongkit.testing.seed import Seeder

    return Seeder(gong_server.db, gong_company.id, clock=gong_server.clock, app_url=gong_server.base_url)
