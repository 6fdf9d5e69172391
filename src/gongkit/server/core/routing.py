"""How the app finds the routes of the resource groups: one rule, one folder per group.

Every package under :mod:`gongkit.server.groups` is a resource group, named as in :data:`gongkit.spec.GROUPS`.
Its ``routes`` module is imported, and it contributes:

- handlers of Gong operations, registered with ``@handles("operationId")`` (an operation with no handler
  answers 501 in Gong's envelope and shows as not done in the coverage table);
- optionally ``extra_routes(state) -> list[Route]``: routes outside ``/v2`` (media links, ``/admin/v1``);
- optionally ``async def startup(state)``: background work started with the app (e.g. the erasure worker),
  returning an async cleanup run when the app stops.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Awaitable, Callable
from types import ModuleType
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from gongkit.server.core.context import AppState, Ctx
from gongkit.spec import operation

Handler = Callable[[Ctx], Awaitable["dict[str, Any] | Response"]]
ExtraRoutes = Callable[[AppState], list[Route]]
Cleanup = Callable[[], Awaitable[None]]
Startup = Callable[[AppState], Awaitable[Cleanup]]

GROUPS_PACKAGE = "gongkit.server.groups"

HANDLERS: dict[str, Handler] = {}


def handles(operation_id: str) -> Callable[[Handler], Handler]:
    """Register the decorated coroutine as the handler of ``operation_id``."""
    operation(operation_id)  # fails loudly on a typo

    def register(fn: Handler) -> Handler:
        if operation_id in HANDLERS and HANDLERS[operation_id] is not fn:
            raise RuntimeError(f"{operation_id} registered twice")
        HANDLERS[operation_id] = fn
        return fn

    return register


def group_modules() -> list[ModuleType]:
    """The ``routes`` module of every resource group, imported (which registers its handlers)."""
    package = importlib.import_module(GROUPS_PACKAGE)
    return [
        importlib.import_module(f"{GROUPS_PACKAGE}.{info.name}.routes")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name)
        if info.ispkg
    ]


def load_all() -> dict[str, Handler]:
    """Every registered handler, by operationId."""
    group_modules()
    return HANDLERS


def extra_routes(state: AppState) -> list[Route]:
    return [route for module in group_modules() for route in getattr(module, "extra_routes", lambda _s: [])(state)]


def startups() -> list[Startup]:
    return [module.startup for module in group_modules() if hasattr(module, "startup")]
