"""Erasure status for company administrators, outside ``/v2`` (Gong has no status endpoint for erasures):

- ``GET /admin/v1/erasures``: the company's erasure requests, newest first (``?status=``, ``?subjectHash=``,
  ``?limit=``);
- ``GET /admin/v1/erasures/{id}``: one request (its id is the ``requestId`` the erase call answered).

Each shows the state (``PENDING``, ``IN_PROGRESS``, ``DONE``, ``FAILED``), when, which credential asked, the
objects planned and deleted per kind, the fields redacted, and the reason of a failure (the integrity protection
says what would have been deleted). The subject itself is never shown: only its keyed hash.
"""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.ids import id_value
from gongkit.server.core.context import AppState, admin_principal, request_id
from gongkit.server.groups.data_privacy import jobs


def _json(request: Request, payload: dict[str, object]) -> Response:
    return Response(orjson.dumps({"requestId": request_id(request.scope), **payload}), media_type="application/json")


def routes(state: AppState) -> list[Route]:
    async def list_erasures(request: Request) -> Response:
        principal = admin_principal(state, request)
        q = request.query_params
        limit = id_value(q.get("limit", "100"))
        if limit is None or limit < 1:
            raise InvalidRequest("limit: must be a positive integer")
        found = await state.read(
            jobs.list_jobs,
            principal.company_id,
            status=q.get("status") or None,
            subject_hash_=q.get("subjectHash") or None,
            limit=limit,
        )
        return _json(request, {"erasures": found})

    async def get_erasure(request: Request) -> Response:
        principal = admin_principal(state, request)
        job = await state.read(jobs.get_job, principal.company_id, str(request.path_params["job_id"]))
        return _json(request, {"erasure": job})

    return [
        Route("/admin/v1/erasures", list_erasures, methods=["GET"]),
        Route("/admin/v1/erasures/{job_id}", get_erasure, methods=["GET"]),
    ]
