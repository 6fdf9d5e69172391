"""Route modules, one per resource group. Each registers its handlers with ``@handles(operationId)``.

An operation with no handler answers 501 in Gong's envelope and shows as not done in the coverage table.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.responses import Response

from gongkit.server.context import AppState, Ctx
from gongkit.spec import operation

Handler = Callable[[Ctx], Awaitable["dict[str, Any] | Response"]]

HANDLERS: dict[str, Handler] = {}

#: Startup hooks of the resource groups (e.g. a background worker): called with the AppState when the app
#: starts, each returns an async cleanup run when it stops.
StartupHook = Callable[[AppState], Awaitable[Callable[[], Awaitable[None]]]]
STARTUP_HOOKS: list[StartupHook] = []

MODULES = ("calls", "users", "settings", "data_privacy")


def handles(operation_id: str) -> Callable[[Handler], Handler]:
    operation(operation_id)  # fails loudly on a typo

    def register(fn: Handler) -> Handler:
        if operation_id in HANDLERS and HANDLERS[operation_id] is not fn:
            raise RuntimeError(f"{operation_id} registered twice")
        HANDLERS[operation_id] = fn
        return fn

    return register


def load_all() -> dict[str, Handler]:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")
    return HANDLERS
