"""The stats group: ``client.stats``.

=====================================  ============================================  ===================================
method                                 Gong operation                                pager of
=====================================  ============================================  ===================================
``aggregate(from_date, to_date)``      ``POST /v2/stats/activity/aggregate``         :class:`UserActivity`
``aggregate_by_period(period, ...)``   ``POST /v2/stats/activity/aggregate-by-period``  :class:`UserActivityByPeriod`
``day_by_day(from_date, to_date)``     ``POST /v2/stats/activity/day-by-day``        :class:`UserDailyActivity`
``interaction(from_date, to_date)``    ``POST /v2/stats/interaction``                :class:`UserInteractionStats`
``answered_scorecards(...)``           ``POST /v2/stats/activity/scorecards``        :class:`AnsweredScorecard`
=====================================  ============================================  ===================================

Dates are calendar days in the company's time zone (``date`` or ``"YYYY-MM-DD"``): ``from_date`` inclusive,
``to_date`` exclusive and not after today.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from gongkit.sdk._async.pager import AsyncPager
from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import DateTimeInput, drop_none, id_list, optional_datetime
from gongkit.types.stats import (
    AnsweredScorecard,
    UserActivity,
    UserActivityByPeriod,
    UserDailyActivity,
    UserInteractionStats,
)

__all__ = ["AsyncStats"]

Ids = str | int | Iterable[str | int]
DateInput = date | str


def _day(value: DateInput | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _filter(
    from_date: DateInput,
    to_date: DateInput,
    user_ids: Ids | None,
    created_from_date_time: DateTimeInput | None,
    created_to_date_time: DateTimeInput | None,
) -> dict[str, Any]:
    return drop_none(
        {
            "fromDate": _day(from_date),
            "toDate": _day(to_date),
            "userIds": id_list(user_ids),
            "createdFromDateTime": optional_datetime(created_from_date_time),
            "createdToDateTime": optional_datetime(created_to_date_time),
        }
    )


class AsyncStats(AsyncAPIResource):
    """User activity, interaction statistics and answered scorecards."""

    def aggregate(
        self,
        from_date: DateInput,
        to_date: DateInput,
        *,
        user_ids: Ids | None = None,
        created_from_date_time: DateTimeInput | None = None,
        created_to_date_time: DateTimeInput | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[UserActivity]:
        """Each active user's activity counts over the range."""
        flt = _filter(from_date, to_date, user_ids, created_from_date_time, created_to_date_time)
        return self._client._paginate(
            "POST",
            "/v2/stats/activity/aggregate",
            item_key="usersAggregateActivityStats",
            model=UserActivity,
            json={"filter": flt},
            cursor=cursor,
        )

    def aggregate_by_period(
        self,
        aggregation_period: str,
        from_date: DateInput,
        to_date: DateInput,
        *,
        user_ids: Ids | None = None,
        created_from_date_time: DateTimeInput | None = None,
        created_to_date_time: DateTimeInput | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[UserActivityByPeriod]:
        """Activity counts per ``DAY``, ``WEEK`` (from Monday), ``MONTH``, ``QUARTER`` or ``YEAR`` of the range."""
        flt = _filter(from_date, to_date, user_ids, created_from_date_time, created_to_date_time)
        return self._client._paginate(
            "POST",
            "/v2/stats/activity/aggregate-by-period",
            item_key="usersAggregateActivity",
            model=UserActivityByPeriod,
            json={"aggregationPeriod": aggregation_period, "filter": flt},
            cursor=cursor,
        )

    def day_by_day(
        self,
        from_date: DateInput,
        to_date: DateInput,
        *,
        user_ids: Ids | None = None,
        created_from_date_time: DateTimeInput | None = None,
        created_to_date_time: DateTimeInput | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[UserDailyActivity]:
        """Each active user's activity for every day of the range, as lists of call ids."""
        flt = _filter(from_date, to_date, user_ids, created_from_date_time, created_to_date_time)
        return self._client._paginate(
            "POST",
            "/v2/stats/activity/day-by-day",
            item_key="usersDetailedActivities",
            model=UserDailyActivity,
            json={"filter": flt},
            cursor=cursor,
        )

    def interaction(
        self,
        from_date: DateInput,
        to_date: DateInput,
        *,
        user_ids: Ids | None = None,
        created_from_date_time: DateTimeInput | None = None,
        created_to_date_time: DateTimeInput | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[UserInteractionStats]:
        """Each user's interaction statistics over the calls of the range."""
        flt = _filter(from_date, to_date, user_ids, created_from_date_time, created_to_date_time)
        return self._client._paginate(
            "POST",
            "/v2/stats/interaction",
            item_key="peopleInteractionStats",
            model=UserInteractionStats,
            json={"filter": flt},
            cursor=cursor,
        )

    def answered_scorecards(
        self,
        *,
        call_from_date: DateInput | None = None,
        call_to_date: DateInput | None = None,
        review_from_date: DateInput | None = None,
        review_to_date: DateInput | None = None,
        review_method: str | None = None,
        scorecard_ids: Ids | None = None,
        reviewed_user_ids: Ids | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[AnsweredScorecard]:
        """Answered scorecards by call date, review date, scorecard and reviewed user; ``review_method``
        ``MANUAL`` (the server's default), ``AUTOMATIC`` or ``BOTH``."""
        flt = drop_none(
            {
                "callFromDate": _day(call_from_date),
                "callToDate": _day(call_to_date),
                "reviewFromDate": _day(review_from_date),
                "reviewToDate": _day(review_to_date),
                "reviewMethod": review_method,
                "scorecardIds": id_list(scorecard_ids),
                "reviewedUserIds": id_list(reviewed_user_ids),
            }
        )
        return self._client._paginate(
            "POST",
            "/v2/stats/activity/scorecards",
            item_key="answeredScorecards",
            model=AnsweredScorecard,
            json={"filter": flt},
            cursor=cursor,
        )
