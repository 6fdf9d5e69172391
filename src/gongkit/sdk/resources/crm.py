"""The crm group: ``client.crm`` is a :class:`Crm` on :class:`~gongkit.Gong`, an :class:`AsyncCrm` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/crm.py`` (its methods, what they send, their docs); ``Crm``
is generated from it into ``resources/_sync/crm.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.crm import AsyncCrm
from gongkit.sdk.resources._sync.crm import Crm

__all__ = ["AsyncCrm", "Crm"]
