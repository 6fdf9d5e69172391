"""The users group: ``client.users``.

================================  ==========================================  ======================================
method                            Gong operation                              returns
================================  ==========================================  ======================================
``list(include_avatars=)``        ``GET /v2/users`` (listUsers)               pager of :class:`User`
``extensive(...)``                ``POST /v2/users/extensive``                pager of :class:`User`
``get(id)``                       ``GET /v2/users/{id}``                      :class:`User` (404: NotFoundError)
``settings_history(id)``          ``GET /v2/users/{id}/settings-history``     ``list`` of :class:`UserSettingsHistory`
================================  ==========================================  ======================================

Avatars (synthetic users standing for Gong's own staff) are left out unless ``include_avatars=True``.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Any

from gongkit.sdk._async.pager import AsyncPager
from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import DateTimeInput, drop_none, id_list, optional_datetime, path_segment
from gongkit.types.users import User, UserSettingsHistory

__all__ = ["AsyncUsers"]

Ids = str | int | Iterable[str | int]


def _extensive_body(
    user_ids: Ids | None,
    created_from_date_time: DateTimeInput | None,
    created_to_date_time: DateTimeInput | None,
    include_avatars: bool | None,
) -> dict[str, Any]:
    return {
        "filter": drop_none(
            {
                "createdFromDateTime": optional_datetime(created_from_date_time),
                "createdToDateTime": optional_datetime(created_to_date_time),
                "includeAvatars": include_avatars,
                "userIds": id_list(user_ids),
            }
        )
    }


def _history(body: dict[str, Any]) -> builtins.list[UserSettingsHistory]:
    return [UserSettingsHistory.model_validate(item) for item in body.get("userSettingsHistory") or []]


class AsyncUsers(AsyncAPIResource):
    """Users: list, filter by ids or creation time, get one, their settings history."""

    def list(self, *, include_avatars: bool | None = None, cursor: str | None = None) -> AsyncPager[User]:
        """Every user of the company."""
        return self._client._paginate(
            "GET", "/v2/users", item_key="users", model=User, params={"includeAvatars": include_avatars}, cursor=cursor
        )

    def extensive(
        self,
        *,
        user_ids: Ids | None = None,
        created_from_date_time: DateTimeInput | None = None,
        created_to_date_time: DateTimeInput | None = None,
        include_avatars: bool | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[User]:
        """Users by id and/or creation time (``created_from_date_time`` inclusive, ``created_to_date_time``
        exclusive)."""
        return self._client._paginate(
            "POST",
            "/v2/users/extensive",
            item_key="users",
            model=User,
            json=_extensive_body(user_ids, created_from_date_time, created_to_date_time, include_avatars),
            cursor=cursor,
        )

    async def get(self, id: str | int) -> User:
        """One user; :class:`~gongkit.sdk.errors.NotFoundError` if there is no such user."""
        body = await self._client.request("GET", f"/v2/users/{path_segment(id)}")
        return User.model_validate(body.get("user") or {})

    async def settings_history(self, id: str | int) -> builtins.list[UserSettingsHistory]:
        """The changes of a user's settings; :class:`~gongkit.sdk.errors.NotFoundError` for an unknown user."""
        return _history(await self._client.request("GET", f"/v2/users/{path_segment(id)}/settings-history"))
