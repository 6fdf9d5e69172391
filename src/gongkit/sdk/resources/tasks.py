"""The tasks group: ``client.tasks`` is a :class:`Tasks` on :class:`~gongkit.Gong`, an :class:`AsyncTasks` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/tasks.py`` (its methods, what they send, their docs); ``Tasks``
is generated from it into ``resources/_sync/tasks.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.tasks import AsyncTasks
from gongkit.sdk.resources._sync.tasks import Tasks

__all__ = ["AsyncTasks", "Tasks"]
