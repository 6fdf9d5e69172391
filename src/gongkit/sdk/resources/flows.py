"""The flows group: ``client.flows`` is a :class:`Flows` on :class:`~gongkit.Gong`, an :class:`AsyncFlows` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/flows.py`` (its methods, what they send, their docs); ``Flows``
is generated from it into ``resources/_sync/flows.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.flows import AsyncFlows
from gongkit.sdk.resources._sync.flows import Flows

__all__ = ["AsyncFlows", "Flows"]
