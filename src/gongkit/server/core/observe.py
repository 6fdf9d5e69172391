"""A small seam through which the pipeline tells interested groups what happened, without waiting for them.

Observers are plain callables ``observer(event, facts)`` registered at startup (:func:`subscribe`); they must
only note the facts (e.g. append to an in-memory buffer) and return at once: they run on the request's path.
Events:

- ``"api_access"``: an authenticated request to a Gong operation ended (facts ``company_id``, ``credential``,
  ``credential_type``, ``operation_id``, ``method``, ``path`` (the operation's template, never the raw URL),
  ``status``, ``request_id``, ``time_ms``);
- ``"call_played"``: a recording was served through a media link (``company_id``, ``call_id``, ``kind``,
  ``time_ms``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from gongkit.server.core.auth import Principal
from gongkit.server.core.context import AppState
from gongkit.spec import Operation

Observer = Callable[[str, dict[str, Any]], None]

_OBSERVERS = "observers"

log = logging.getLogger("gongkit.server")


def subscribe(state: AppState, observer: Observer) -> None:
    state.extras.setdefault(_OBSERVERS, []).append(observer)


def unsubscribe(state: AppState, observer: Observer) -> None:
    observers = state.extras.get(_OBSERVERS, [])
    if observer in observers:
        observers.remove(observer)


def publish(state: AppState, event: str, **facts: Any) -> None:
    """Hand ``facts`` to every observer; an observer's failure is logged, never the request's."""
    for observer in state.extras.get(_OBSERVERS, ()):
        try:
            observer(event, facts)
        except Exception:
            log.exception("observer of %s failed", event)


def api_access(state: AppState, principal: Principal, op: Operation, status: int, request_id: str) -> None:
    """Publish ``api_access``: an authenticated request to ``op`` ended with ``status``."""
    if not state.extras.get(_OBSERVERS):
        return
    publish(
        state,
        "api_access",
        company_id=principal.company_id,
        credential=principal.credential,
        credential_type=principal.kind,
        operation_id=op.operation_id,
        method=op.method,
        path=op.path,
        status=status,
        request_id=request_id,
        time_ms=state.clock.now_ms(),
    )
