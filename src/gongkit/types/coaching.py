"""Models of the coaching group (``client.coaching``)."""

from __future__ import annotations

from pydantic import Field

from gongkit.types.common import GongModel


class CoachingUser(GongModel):
    id: str
    emailAddress: str | None = None
    firstName: str | None = None
    lastName: str | None = None
    title: str | None = None


class ReportMetrics(GongModel):
    """A direct report and the manager's coaching metrics on them: metric name -> call ids."""

    report: CoachingUser
    metrics: dict[str, list[str]] = Field(default_factory=dict)


class CoachingData(GongModel):
    """A manager and the metrics of each direct report (``CoachingMetricsData``)."""

    manager: CoachingUser
    directReportsMetrics: list[ReportMetrics] = Field(default_factory=list)
