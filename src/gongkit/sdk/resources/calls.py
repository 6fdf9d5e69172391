"""The calls group: ``client.calls`` is a :class:`Calls` on :class:`~gongkit.Gong`, an :class:`AsyncCalls` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/calls.py`` (its methods, what they send, their docs); ``Calls``
is generated from it into ``resources/_sync/calls.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.calls import AsyncCalls, MediaInput
from gongkit.sdk.resources._sync.calls import Calls

__all__ = ["AsyncCalls", "Calls", "MediaInput"]
