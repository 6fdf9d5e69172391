"""The users group: ``client.users`` is a :class:`Users` on :class:`~gongkit.Gong`, an :class:`AsyncUsers` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/users.py`` (its methods, what they send, their docs); ``Users``
is generated from it into ``resources/_sync/users.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.users import AsyncUsers
from gongkit.sdk.resources._sync.users import Users

__all__ = ["AsyncUsers", "Users"]
