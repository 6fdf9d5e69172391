"""Erasure status for company administrators, outside ``/v2`` (Gong has no status endpoint for erasures):

- ``GET /admin/v1/erasures``: the company's erasure requests, newest first (``?status=``, ``?subjectHash=``,
  ``?limit=``);
- ``GET /admin/v1/erasures/{id}``: one request (its id is the ``requestId`` the erase call answered).

Each shows the state (``PENDING``, ``IN_PROGRESS``, ``DONE``, ``FAILED``), when, which credential asked, the
objects planned and deleted per kind, the fields redacted, and the reason of a failure (the integrity protection
says what would have been deleted). The subject itself is never shown: only its keyed hash.
"""

from __future__ import annotations

import anyio.to_thread
import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gongkit.errors import InvalidRequest
from gongkit.server import admin_routes
from gongkit.server.context import AppState
from gongkit.services import erasure


def _json(request: Request, payload: dict[str, object]) -> Response:
    rid = request.scope.get("state", {}).get("request_id", "")
    return Response(orjson.dumps({"requestId": rid, **payload}), media_type="application/json")


def routes(state: AppState) -> list[Route]:
    async def list_erasures(request: Request) -> Response:
        principal = admin_routes.admin_principal(state, request)
        q = request.query_params
        limit_text = q.get("limit", "100").strip()
        if not limit_text.isdigit():
            raise InvalidRequest("limit: must be a positive integer")

        def run() -> list[dict[str, object]]:
            with state.db.read() as conn:
                return erasure.list_jobs(
                    conn,
                    principal.company_id,
                    status=q.get("status") or None,
                    subject_hash_=q.get("subjectHash") or None,
                    limit=int(limit_text),
                )

        return _json(request, {"erasures": await anyio.to_thread.run_sync(run)})

    async def get_erasure(request: Request) -> Response:
        principal = admin_routes.admin_principal(state, request)
        job_id = str(request.path_params["job_id"])

        def run() -> dict[str, object]:
            with state.db.read() as conn:
                return erasure.get_job(conn, principal.company_id, job_id)

        return _json(request, {"erasure": await anyio.to_thread.run_sync(run)})

    return [
        Route("/admin/v1/erasures", list_erasures, methods=["GET"]),
        Route("/admin/v1/erasures/{job_id}", get_erasure, methods=["GET"]),
    ]


def register() -> None:
    if routes not in admin_routes.FACTORIES:
        admin_routes.FACTORIES.append(routes)
