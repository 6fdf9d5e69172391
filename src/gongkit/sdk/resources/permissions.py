"""The permissions group: ``client.permissions`` is a :class:`Permissions` on :class:`~gongkit.Gong`, an
:class:`AsyncPermissions` on :class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/permissions.py`` (its methods, what they send, their docs);
``Permissions`` is generated from it into ``resources/_sync/permissions.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.permissions import AsyncPermissions
from gongkit.sdk.resources._sync.permissions import Permissions

__all__ = ["AsyncPermissions", "Permissions"]
