"""Routes of the stats group: user activity, interaction statistics, answered scorecards."""

from __future__ import annotations

from typing import Any

from gongkit.server.core.context import Ctx, model_params
from gongkit.server.core.routing import handles
from gongkit.server.groups.stats import queries, scorecards
from gongkit.server.groups.stats.models import AnsweredScorecardsRequest, PeriodRequest, StatsRequest


@handles("listMultipleUsersAggregateActivity")
async def aggregate(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(StatsRequest)
    page_query = ctx.page_query(model_params(body), body.cursor)
    return await ctx.read(
        queries.aggregate, page_query, company_id=ctx.company_id, q=body.filter.to_query(), now_ms=ctx.clock.now_ms()
    )


@handles("listMultipleUsersAggregateByPeriod")
async def aggregate_by_period(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(PeriodRequest)
    page_query = ctx.page_query(model_params(body), body.cursor)
    return await ctx.read(
        queries.aggregate_by_period,
        page_query,
        company_id=ctx.company_id,
        q=body.filter.to_query(),
        period=body.aggregationPeriod,
        now_ms=ctx.clock.now_ms(),
    )


@handles("listMultipleUsersDayByDayActivity")
async def day_by_day(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(StatsRequest)
    page_query = ctx.page_query(model_params(body), body.cursor)
    return await ctx.read(
        queries.day_by_day, page_query, company_id=ctx.company_id, q=body.filter.to_query(), now_ms=ctx.clock.now_ms()
    )


@handles("listInteractionStats")
async def interaction(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(StatsRequest)
    page_query = ctx.page_query(model_params(body), body.cursor)
    return await ctx.read(
        queries.interaction, page_query, company_id=ctx.company_id, q=body.filter.to_query(), now_ms=ctx.clock.now_ms()
    )


@handles("listAnsweredScorecards")
async def answered_scorecards(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(AnsweredScorecardsRequest)
    f = body.filter
    page_query = ctx.page_query(model_params(body), body.cursor)
    flt = scorecards.AnsweredFilter(
        call_from=f.callFromDate,
        call_to=f.callToDate,
        review_from=f.reviewFromDate,
        review_to=f.reviewToDate,
        review_method=f.reviewMethod,
        reviewed_user_ids=f.reviewedUserIds or None,
        scorecard_ids=f.scorecardIds or None,
    )
    return await ctx.read(scorecards.list_answered, page_query, company_id=ctx.company_id, flt=flt)
