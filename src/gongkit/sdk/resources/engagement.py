"""The engagement group: ``client.engagement`` is an :class:`Engagement` on :class:`~gongkit.Gong`, an :class:`AsyncEngagement` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/engagement.py`` (its methods, what they send, their docs); ``Engagement``
is generated from it into ``resources/_sync/engagement.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.engagement import AsyncEngagement
from gongkit.sdk.resources._sync.engagement import Engagement

__all__ = ["AsyncEngagement", "Engagement"]
