"""The client with one attribute per resource group (see :mod:`gongkit.sdk` for both clients)."""

from __future__ import annotations

from gongkit.sdk._async.api_client import AsyncAPIClient
from gongkit.sdk._resource import resource
from gongkit.sdk.resources._async.calls import AsyncCalls
from gongkit.sdk.resources._async.coaching import AsyncCoaching
from gongkit.sdk.resources._async.crm import AsyncCrm
from gongkit.sdk.resources._async.data_privacy import AsyncDataPrivacy
from gongkit.sdk.resources._async.engagement import AsyncEngagement
from gongkit.sdk.resources._async.flows import AsyncFlows
from gongkit.sdk.resources._async.library import AsyncLibrary
from gongkit.sdk.resources._async.logs import AsyncLogs
from gongkit.sdk.resources._async.meetings import AsyncMeetings
from gongkit.sdk.resources._async.permissions import AsyncPermissions
from gongkit.sdk.resources._async.settings import AsyncSettings
from gongkit.sdk.resources._async.stats import AsyncStats
from gongkit.sdk.resources._async.tasks import AsyncTasks
from gongkit.sdk.resources._async.users import AsyncUsers

__all__ = ["AsyncGong"]


class AsyncGong(AsyncAPIClient):
    """A client of Gong's public REST API v2 (or of a gongkit server).

    Credentials come from the arguments, else from ``GONG_ACCESS_KEY`` + ``GONG_ACCESS_KEY_SECRET`` (Basic)
    or ``GONG_BEARER_TOKEN`` (Bearer); the base URL from ``base_url``, else ``GONG_BASE_URL``, else
    ``https://api.gong.io``. ``pace`` is the most requests a second this client sends (Gong's company limit,
    3, by default; ``None`` disables pacing). ``http_client`` lets you bring an ``httpx.AsyncClient`` (proxies,
    certificates, an in-process test server; httpx2 clients such as Starlette's TestClient work too); it is
    then yours to close, and its own timeout applies unless you pass another ``timeout``. ``clock`` (monotonic
    seconds) and ``sleep`` replace the time functions, for tests.

    Use it as a context manager, or call :meth:`close`::

        async with AsyncGong() as gong:
            async for call in gong.calls.list(from_date_time="2024-01-01T00:00:00Z"):
                print(call.id, call.title)
    """

    calls = resource(AsyncCalls)
    users = resource(AsyncUsers)
    settings = resource(AsyncSettings)
    data_privacy = resource(AsyncDataPrivacy)
    library = resource(AsyncLibrary)
    crm = resource(AsyncCrm)
    permissions = resource(AsyncPermissions)
    meetings = resource(AsyncMeetings)
    engagement = resource(AsyncEngagement)
    flows = resource(AsyncFlows)
    tasks = resource(AsyncTasks)
    stats = resource(AsyncStats)
    coaching = resource(AsyncCoaching)
    logs = resource(AsyncLogs)
