"""Routes of the logs group, and the recording of what the server observes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio.to_thread

from gongkit.kernel.errors import InvalidRequest
from gongkit.server.core import observe
from gongkit.server.core.context import AppState, Ctx
from gongkit.server.core.routing import handles
from gongkit.server.groups.logs import queries
from gongkit.server.groups.logs.recorder import LogRecorder

#: Where the running recorder is kept in ``AppState.extras`` (tests flush it).
RECORDER = "logs.recorder"


@handles("listLogs")
async def list_logs(ctx: Ctx) -> dict[str, Any]:
    log_type = ctx.require_query("logType")
    if log_type not in queries.LOG_TYPES:
        raise InvalidRequest(f"logType: '{log_type}' is not one of {', '.join(queries.LOG_TYPES)}")
    from_ms = ctx.query_datetime_ms("fromDateTime", required=True)
    to_ms = ctx.query_datetime_ms("toDateTime")
    assert from_ms is not None
    if to_ms is not None and to_ms <= from_ms:
        raise InvalidRequest("toDateTime: must be later than fromDateTime")
    page_query = ctx.page_query([log_type, from_ms, to_ms], ctx.query("cursor"))
    return await ctx.read(
        queries.list_logs, page_query, company_id=ctx.company_id, log_type=log_type, from_ms=from_ms, to_ms=to_ms
    )


def observer(recorder: LogRecorder) -> observe.Observer:
    """What the recorder makes of the pipeline's events (:mod:`gongkit.server.core.observe`)."""

    def note(event: str, facts: dict[str, Any]) -> None:
        if event == "api_access":
            record = {
                "credential": facts["credential"],
                "credentialType": facts["credential_type"],
                "operationId": facts["operation_id"],
                "method": facts["method"],
                "path": facts["path"],
                "status": facts["status"],
                "requestId": facts["request_id"],
            }
            recorder.record(facts["company_id"], "AccessLog", facts["time_ms"], None, record)
        elif event == "call_played":
            record = {"callId": str(facts["call_id"]), "mediaType": facts["kind"], "via": "mediaLink"}
            recorder.record(facts["company_id"], "UserCallPlay", facts["time_ms"], None, record)

    return note


async def startup(state: AppState) -> Callable[[], Awaitable[None]]:
    """Start the log recorder (:mod:`~gongkit.server.groups.logs.recorder`) and subscribe it to the pipeline."""
    recorder = LogRecorder(state.db)
    note = observer(recorder)
    state.extras[RECORDER] = recorder
    observe.subscribe(state, note)
    recorder.start()

    async def stop() -> None:
        observe.unsubscribe(state, note)
        await anyio.to_thread.run_sync(recorder.stop)

    return stop
