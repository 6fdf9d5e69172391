"""The logs group: ``client.logs`` is a :class:`Logs` on :class:`~gongkit.Gong`, an :class:`AsyncLogs` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/logs.py``; ``Logs`` is generated from it into
``resources/_sync/logs.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.logs import AsyncLogs
from gongkit.sdk.resources._sync.logs import Logs

__all__ = ["AsyncLogs", "Logs"]
