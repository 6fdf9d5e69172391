"""The settings group: ``client.settings`` is a :class:`Settings` on :class:`~gongkit.Gong`, an :class:`AsyncSettings` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/settings.py`` (its methods, what they send, their docs); ``Settings``
is generated from it into ``resources/_sync/settings.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.settings import AsyncSettings
from gongkit.sdk.resources._sync.settings import Settings

__all__ = ["AsyncSettings", "Settings"]
