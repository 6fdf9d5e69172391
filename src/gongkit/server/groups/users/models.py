"""Request models of the users group."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from gongkit.kernel.wire import MAX_IDS, DateTimeMs, WireId, WireModel, check_range


class UsersFilterIn(WireModel):
    """Gong's ``MultipleUsersRequestWithCreationDates``: creation times [from, to), ids, avatars."""

    createdFromDateTime: DateTimeMs | None = None
    createdToDateTime: DateTimeMs | None = None
    includeAvatars: bool | None = None
    userIds: Annotated[list[WireId], Field(max_length=MAX_IDS)] | None = None

    @model_validator(mode="after")
    def _range(self) -> UsersFilterIn:
        check_range(self.createdFromDateTime, self.createdToDateTime, "createdFromDateTime", "createdToDateTime")
        return self


class UsersExtensiveRequest(WireModel):
    cursor: str | None = None
    filter: UsersFilterIn
