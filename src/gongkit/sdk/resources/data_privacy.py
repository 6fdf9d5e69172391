"""The data_privacy group: ``client.data_privacy`` is a :class:`DataPrivacy` on :class:`~gongkit.Gong`, an :class:`AsyncDataPrivacy` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/data_privacy.py`` (its methods, what they send, their docs); ``DataPrivacy``
is generated from it into ``resources/_sync/data_privacy.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.data_privacy import AsyncDataPrivacy
from gongkit.sdk.resources._sync.data_privacy import DataPrivacy

__all__ = ["AsyncDataPrivacy", "DataPrivacy"]
