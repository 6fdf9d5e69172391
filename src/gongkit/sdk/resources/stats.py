"""The stats group: ``client.stats`` is a :class:`Stats` on :class:`~gongkit.Gong`, an :class:`AsyncStats` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/stats.py``; ``Stats`` is generated from it into
``resources/_sync/stats.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.stats import AsyncStats
from gongkit.sdk.resources._sync.stats import Stats

__all__ = ["AsyncStats", "Stats"]
