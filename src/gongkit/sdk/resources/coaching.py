"""The coaching group: ``client.coaching`` is a :class:`Coaching` on :class:`~gongkit.Gong`, an :class:`AsyncCoaching` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/coaching.py``; ``Coaching`` is generated from it into
``resources/_sync/coaching.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.coaching import AsyncCoaching
from gongkit.sdk.resources._sync.coaching import Coaching

__all__ = ["AsyncCoaching", "Coaching"]
