"""The control plane over HTTP, outside ``/v2``: ``/admin/v1/...``.

Administrators of a company authenticate with one of its Basic access keys (a technical administrator's
credential in Gong's model). Resource groups contribute routes by appending a factory to ``FACTORIES``.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.routing import Route

from gongkit.errors import Forbidden
from gongkit.server.auth import Principal
from gongkit.server.context import AppState

FACTORIES: list[Callable[[AppState], list[Route]]] = []


def admin_principal(state: AppState, request: Request) -> Principal:
    """The calling company's administrator: a Basic key (tokens need the ``gongkit:admin`` scope)."""
    principal = state.auth.authenticate(request.headers.get("authorization"), state.clock.now_ms())
    if principal.kind != "basic" and not principal.has_scope("gongkit:admin"):
        raise Forbidden("Access denied: the admin API needs an access key (Basic) of the company")
    return principal


def routes(state: AppState) -> list[Route]:
    out: list[Route] = []
    for factory in FACTORIES:
        out.extend(factory(state))
    return out
