"""The library group: ``client.library`` is a :class:`Library` on :class:`~gongkit.Gong`, an :class:`AsyncLibrary` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/library.py`` (its methods, what they send, their docs); ``Library``
is generated from it into ``resources/_sync/library.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.library import AsyncLibrary
from gongkit.sdk.resources._sync.library import Library

__all__ = ["AsyncLibrary", "Library"]
