"""The meetings group: ``client.meetings`` is a :class:`Meetings` on :class:`~gongkit.Gong`, an :class:`AsyncMeetings` on
:class:`~gongkit.AsyncGong`.

Written once, as asyncio code, in ``resources/_async/meetings.py`` (its methods, what they send, their docs); ``Meetings``
is generated from it into ``resources/_sync/meetings.py`` by ``scripts/unasync.py``.
"""

from gongkit.sdk.resources._async.meetings import AsyncMeetings
from gongkit.sdk.resources._sync.meetings import Meetings

__all__ = ["AsyncMeetings", "Meetings"]
