"""Iterators over Gong's cursor-paged lists.

Gong answers a long list one page at a time, with a ``records`` block whose ``cursor`` (present only when more
remain) fetches the next page; the cursor goes in the query of GET operations and beside ``filter`` in the
body of POST operations. The pagers hide all that::

    for call in gong.calls.list(from_date_time=...):          # every call, page after page
        ...
    for page in gong.calls.list(...).pages():                 # or page by page
        print(page.records.totalRecords, len(page.items), page.records.cursor)

Pagers are lazy (nothing is sent until you iterate) and can be iterated again (from the first page).
Gong answers an empty list with 404 and its envelope ("No calls found for the specified period"); a pager sees
that answer as an empty page, so iterating yields nothing. Any other 404 (a wrong base URL, a server that is not
Gong) raises :class:`~gongkit.sdk.errors.NotFoundError` naming the URL. The async pagers (``async for``) behave
the same.

:class:`AsyncPager` is written in ``_async/pager.py``; :class:`SyncPager` is generated from it.
"""

from gongkit.sdk._async.pager import AsyncPager
from gongkit.sdk._page import Page
from gongkit.sdk._sync.pager import SyncPager

__all__ = ["AsyncPager", "Page", "SyncPager"]
