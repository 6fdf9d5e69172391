"""Request models of the stats group: Gong's field names; dates stay text until the company's time zone is known."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from gongkit.kernel.wire import MAX_IDS, DateTimeMs, WireId, WireModel, check_range
from gongkit.server.groups.stats.people import UserFilter
from gongkit.server.groups.stats.queries import StatsQuery

#: A date as sent (``YYYY-MM-DD`` is checked with the range, which names the field).
DateText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)]
Ids = Annotated[list[WireId], Field(max_length=MAX_IDS)]


class UsersWithDatesIn(WireModel):
    """Gong's ``MultipleUsersWithDates``."""

    fromDate: DateText
    toDate: DateText
    createdFromDateTime: DateTimeMs | None = None
    createdToDateTime: DateTimeMs | None = None
    userIds: Ids | None = None

    @model_validator(mode="after")
    def _created(self) -> UsersWithDatesIn:
        check_range(self.createdFromDateTime, self.createdToDateTime, "createdFromDateTime", "createdToDateTime")
        return self

    def to_query(self) -> StatsQuery:
        return StatsQuery(
            self.fromDate,
            self.toDate,
            # An empty userIds list is read as "not supplied" (clients send empty defaults).
            UserFilter(self.userIds or None, self.createdFromDateTime, self.createdToDateTime),
        )


class StatsRequest(WireModel):
    """``PublicApiBaseRequestV2MultipleUsersWithDates``: the cursor beside the filter."""

    cursor: str | None = None
    filter: UsersWithDatesIn


class PeriodRequest(StatsRequest):
    """``RequestWithTimePeriod``."""

    aggregationPeriod: Literal["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"]


class AnsweredScorecardsFilterIn(WireModel):
    """Gong's ``AnsweredScorecardsFilter`` (every field optional: an absent bound is open)."""

    callFromDate: DateText | None = None
    callToDate: DateText | None = None
    reviewFromDate: DateText | None = None
    reviewToDate: DateText | None = None
    reviewMethod: Literal["AUTOMATIC", "MANUAL", "BOTH"] = "MANUAL"
    reviewedUserIds: Ids | None = None
    scorecardIds: Ids | None = None


class AnsweredScorecardsRequest(WireModel):
    cursor: str | None = None
    filter: AnsweredScorecardsFilterIn
