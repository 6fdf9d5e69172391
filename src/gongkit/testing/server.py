"""A gongkit server for one test: in process (no socket) or on a real loopback port.

- ``inprocess`` (the default): the app runs on the event loop of a Starlette ``TestClient`` portal (a
  background thread), which also runs its lifespan (the erasure worker, the upload sweeper). Sync clients reach
  it through that portal; async clients hop to a worker thread and do the same. So every request, whichever
  client sent it, is served on the one loop the app started on, as in a real server; the app's loop-bound state
  (its database thread limiter, its background tasks) is never shared between loops. (httpx's own
  ``ASGITransport`` would run requests on the caller's loop and never start the lifespan.)
- ``loopback``: uvicorn serves the app on ``127.0.0.1`` and a free port, in a thread of the test process, for
  code that makes its own connections (``requests``, aiohttp, another language's client). Being in the test
  process, it still shares the test's clock and store.

Either way the server has its own store (a copy of a template, see :mod:`gongkit.testing.store`) and a
:class:`~gongkit.testing.clock.TestClock`.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from dataclasses import dataclass, replace
from types import TracebackType
from typing import Any, Literal

import anyio.to_thread
import httpx

from gongkit import control
from gongkit.db import Database
from gongkit.kernel.config import ServerSettings
from gongkit.testing.clock import TestClock

__all__ = ["GongCompany", "GongCredentials", "GongServer", "RateLimits", "ServerMode"]

ServerMode = Literal["inprocess", "loopback"]
RateLimits = Literal["gong", "off"]

#: The company settings and SDK pacing of each rate-limit profile: Gong's (3 a second, 10,000 a day) or none.
RATE_PROFILES: dict[str, tuple[dict[str, int], float | None]] = {
    "gong": ({"rate_per_second": 3, "rate_per_day": 10_000}, 3.0),
    "off": ({"rate_per_second": 1_000_000, "rate_per_day": 1_000_000_000}, None),
}


@dataclass(frozen=True)
class GongCredentials:
    """Where a company's API is and the key that opens it."""

    base_url: str
    access_key: str
    access_key_secret: str

    @property
    def auth(self) -> tuple[str, str]:
        """Basic authentication for httpx or requests: ``httpx.get(url, auth=credentials.auth)``."""
        return (self.access_key, self.access_key_secret)

    @property
    def headers(self) -> dict[str, str]:
        """The ``Authorization`` header, for clients that take headers."""
        token = base64.b64encode(f"{self.access_key}:{self.access_key_secret}".encode()).decode()
        return {"Authorization": f"Basic {token}"}

    @property
    def env(self) -> dict[str, str]:
        """The variables the SDK, the CLI and the MCP server read (``GONG_BASE_URL``, ``GONG_ACCESS_KEY``, ...)."""
        return {
            "GONG_BASE_URL": self.base_url,
            "GONG_ACCESS_KEY": self.access_key,
            "GONG_ACCESS_KEY_SECRET": self.access_key_secret,
        }


@dataclass(frozen=True)
class GongCompany:
    """A company on the test's server, with one API key."""

    id: int
    name: str
    credentials: GongCredentials


class _PortalTransport(httpx.BaseTransport):
    """Sends each request into the app through a running ``TestClient`` (its portal and lifespan).

    The test client may be built on another HTTP library than the caller's httpx (Starlette's is ``httpx2``), so
    the request and the answer are carried across as plain parts: method, URL, headers, body.
    """

    def __init__(self, client: Any) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._client.build_request(
            request.method, str(request.url), headers=request.headers.raw, content=request.read()
        )
        answer = self._client.send(inner, follow_redirects=False)  # redirects are the caller's to follow
        return httpx.Response(answer.status_code, headers=answer.headers.raw, content=answer.content)


class _ThreadHopTransport(httpx.AsyncBaseTransport):
    """The async face of :class:`_PortalTransport`: the request is read, then sent from a worker thread."""

    def __init__(self, sync: _PortalTransport) -> None:
        self._sync = sync

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        copy = httpx.Request(request.method, request.url, headers=request.headers, content=body)
        return await anyio.to_thread.run_sync(self._sync.handle_request, copy)


class GongServer:
    """One server over ``settings`` (an already migrated store); a context manager that starts and stops it."""

    def __init__(self, settings: ServerSettings, *, mode: ServerMode = "inprocess") -> None:
        if mode not in ("inprocess", "loopback"):
            raise ValueError(f"a server mode is 'inprocess' or 'loopback', not {mode!r}")
        self.mode = mode
        self.clock = TestClock()
        self.db = Database(settings.database_url)
        self._socket: socket.socket | None = None
        if mode == "loopback":
            self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.bind(("127.0.0.1", 0))
            self.base_url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        else:
            self.base_url = "http://testserver"
        # The links the server writes point at it; credentials are checked on every request, so that a moved
        # clock (an expired token) or a revoked key takes effect at once, not after the cache's second.
        self.settings = replace(settings, app_url=self.base_url, credential_cache_seconds=0.0)
        self._test_client: Any = None
        self._transport: _PortalTransport | None = None
        self._uvicorn: Any = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> GongServer:
        from gongkit.server import create_app
        from gongkit.server.core.ratelimit import RateLimiter

        self.app = create_app(self.settings, db=self.db, clock=self.clock, limiter=RateLimiter("memory://"))
        if self.mode == "inprocess":
            from starlette.testclient import TestClient

            self._test_client = TestClient(self.app, base_url=self.base_url).__enter__()
            self._transport = _PortalTransport(self._test_client)
        else:
            self._serve_loopback()
        return self

    def _serve_loopback(self) -> None:
        import uvicorn

        assert self._socket is not None
        config = uvicorn.Config(self.app, log_config=None, access_log=False, lifespan="on", ws="none")
        server = uvicorn.Server(config)
        self._uvicorn = server
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [self._socket]}, name="gongkit-loopback", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the loopback gongkit server did not start")
            time.sleep(0.002)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving and let go of the store."""
        if self._test_client is not None:
            self._test_client.__exit__(None, None, None)
            self._test_client = None
        if self._uvicorn is not None and self._thread is not None:
            self._uvicorn.should_exit = True
            self._thread.join(30)
            self._uvicorn = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        self.db.dispose()

    # --- clients ---------------------------------------------------------------------------------------

    def http_client(self, **kwargs: Any) -> httpx.Client:
        """An httpx client whose requests reach this server (``base_url`` is set; pass ``auth=`` or headers)."""
        if self._transport is not None:
            kwargs.setdefault("transport", self._transport)
        return httpx.Client(base_url=self.base_url, **kwargs)

    def async_http_client(self, **kwargs: Any) -> httpx.AsyncClient:
        """An async httpx client whose requests reach this server. On the loopback server it keeps no idle
        connections, so nothing is left open on an event loop that a test may close before the fixture ends."""
        if self._transport is not None:
            kwargs.setdefault("transport", _ThreadHopTransport(self._transport))
        else:
            kwargs.setdefault("limits", httpx.Limits(max_keepalive_connections=0))
        return httpx.AsyncClient(base_url=self.base_url, **kwargs)

    # --- companies -------------------------------------------------------------------------------------

    def create_company(self, name: str = "Acme", *, rate_limits: RateLimits = "off") -> GongCompany:
        """A new company with one API key, under the rate-limit profile ``rate_limits``."""
        limits, _ = RATE_PROFILES[rate_limits]
        with self.db.write() as conn:
            cid = control.create_company(conn, self.clock, name, **limits)
            key = control.create_api_key(conn, self.clock, cid)
        return GongCompany(cid, name, GongCredentials(self.base_url, key.access_key, key.secret))

    def create_token(self, company: GongCompany, *scopes: str, expires_in_seconds: int | None = None) -> str:
        """A Bearer token of ``company`` with ``scopes`` (e.g. ``api:calls:read:basic``), expiring by the server's
        clock after ``expires_in_seconds`` (never without it)."""
        with self.db.write() as conn:
            return control.create_token(
                conn, self.clock, company.id, list(scopes), expires_in_seconds=expires_in_seconds
            )

    def demo_company(self, seed: int = 1, *, rate_limits: RateLimits = "off") -> GongCompany:
        """The demo company of ``seed`` (which must be in the store: see the ``gong_demo`` marker), under the
        rate-limit profile ``rate_limits``."""
        from gongkit.demo import demo_access

        access = demo_access(self.db, seed=seed)
        if access is None:
            raise LookupError(f"the store has no demo company of seed {seed}: mark the test with gong_demo")
        cid = access.company_id
        limits, _ = RATE_PROFILES[rate_limits]
        with self.db.write() as conn:
            control.update_company(conn, cid, **limits)
            name = str(control.get_company(conn, cid)["name"])
        return GongCompany(cid, name, GongCredentials(self.base_url, access.access_key, access.secret))
