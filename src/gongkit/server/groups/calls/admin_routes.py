"""Where the fetch of a call's recording from its ``downloadMediaUrl`` stands, for company administrators,
outside ``/v2`` (Gong has no such endpoint: there, a call simply has its ``media`` once the fetch is done):

- ``GET /admin/v1/calls/{id}/media-fetch``: ``{callId, status, attempts, error, nextAttempt, finished}``, the
  status being ``PENDING``, ``IN_PROGRESS``, ``DONE`` or ``FAILED`` and ``error`` the reason of the last failed
  attempt. 404 for a call of another company, or one added without a ``downloadMediaUrl``.
"""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gongkit.kernel.clock import ms_to_iso
from gongkit.kernel.errors import NotFound
from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import AppState, admin_principal, request_id
from gongkit.server.groups.calls import fetch_jobs


def routes(state: AppState) -> list[Route]:
    async def media_fetch(request: Request) -> Response:
        principal = admin_principal(state, request)
        call_id = wire_id(str(request.path_params["id"]), "id")
        found = await state.read(fetch_jobs.state_of, principal.company_id, call_id)
        if found is None:
            raise NotFound("No media fetch for this call (no such call, or it was added without a downloadMediaUrl)")
        payload = {
            "requestId": request_id(request.scope),
            "callId": str(call_id),
            "status": found.status,
            "attempts": found.attempts,
            "error": found.error,
            "nextAttempt": None if found.next_attempt_ms is None else ms_to_iso(found.next_attempt_ms),
            "finished": None if found.finished_ms is None else ms_to_iso(found.finished_ms),
        }
        return Response(orjson.dumps(payload), media_type="application/json")

    return [Route("/admin/v1/calls/{id}/media-fetch", media_fetch, methods=["GET"])]
