"""Models of the stats group (``client.stats``): user activity, interaction statistics, answered scorecards."""

from __future__ import annotations

from pydantic import Field

from gongkit.types.common import GongModel


class AggregateActivity(GongModel):
    """A user's activity counts over a range or a period (``AggregateActivity``); periods carry their dates."""

    callsAsHost: int = 0
    callsGaveFeedback: int = 0
    callsRequestedFeedback: int = 0
    callsReceivedFeedback: int = 0
    ownCallsListenedTo: int = 0
    othersCallsListenedTo: int = 0
    callsSharedInternally: int = 0
    callsSharedExternally: int = 0
    callsScorecardsFilled: int = 0
    callsScorecardsReceived: int = 0
    callsAttended: int = 0
    callsCommentsGiven: int = 0
    callsCommentsReceived: int = 0
    callsMarkedAsFeedbackGiven: int = 0
    callsMarkedAsFeedbackReceived: int = 0
    fromDate: str | None = None
    toDate: str | None = None


class UserActivity(GongModel):
    """One user's aggregate activity (``UserActivity``)."""

    userId: str
    userEmailAddress: str | None = None
    userAggregateActivityStats: AggregateActivity | None = None


class UserActivityByPeriod(GongModel):
    """One user's activity, one item per period of the range (``UserAggregateByPeriodActivities``)."""

    userId: str
    userEmailAddress: str | None = None
    userAggregateActivity: list[AggregateActivity] = Field(default_factory=list)


class DailyActivity(GongModel):
    """One day of a user's activity: each figure is the list of the call ids it counts."""

    callsAsHost: list[str] = Field(default_factory=list)
    callsGaveFeedback: list[str] = Field(default_factory=list)
    callsRequestedFeedback: list[str] = Field(default_factory=list)
    callsReceivedFeedback: list[str] = Field(default_factory=list)
    ownCallsListenedTo: list[str] = Field(default_factory=list)
    othersCallsListenedTo: list[str] = Field(default_factory=list)
    callsSharedInternally: list[str] = Field(default_factory=list)
    callsSharedExternally: list[str] = Field(default_factory=list)
    callsAttended: list[str] = Field(default_factory=list)
    callsCommentsGiven: list[str] = Field(default_factory=list)
    callsCommentsReceived: list[str] = Field(default_factory=list)
    callsMarkedAsFeedbackGiven: list[str] = Field(default_factory=list)
    callsMarkedAsFeedbackReceived: list[str] = Field(default_factory=list)
    callsScorecardsFilled: list[str] = Field(default_factory=list)
    callsScorecardsReceived: list[str] = Field(default_factory=list)
    fromDate: str | None = None
    toDate: str | None = None


class UserDailyActivity(GongModel):
    """One user's activity, one item per day of the range (``UserDayByDayActivity``)."""

    userId: str
    userEmailAddress: str | None = None
    userDailyActivityStats: list[DailyActivity] = Field(default_factory=list)


class InteractionStat(GongModel):
    name: str
    value: float | None = None


class UserInteractionStats(GongModel):
    """One user's interaction statistics (``InteractionStats``)."""

    userId: str
    userEmailAddress: str | None = None
    personInteractionStats: list[InteractionStat] = Field(default_factory=list)


class Answer(GongModel):
    """One answer of an answered scorecard; ids are numbers, as Gong sends them."""

    questionId: int
    questionRevisionId: int | None = None
    isOverall: bool | None = None
    score: int | None = None
    answerText: str | None = None
    notApplicable: bool | None = None
    selectedOptions: list[str] | None = None


class AnsweredScorecard(GongModel):
    """A scorecard filled for a call (``AnsweredScorecard``); ids are numbers, as Gong sends them."""

    answeredScorecardId: int
    scorecardId: int | None = None
    scorecardName: str | None = None
    callId: int | None = None
    callStartTime: str | None = None
    reviewedUserId: int | None = None
    reviewerUserId: int | None = None
    reviewMethod: str | None = None
    editorUserId: int | None = None
    reviewTime: str | None = None
    visibilityType: str | None = None
    answers: list[Answer] = Field(default_factory=list)
