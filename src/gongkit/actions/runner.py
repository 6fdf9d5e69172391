"""Running an action: validate the input, build the request, send it with the SDK, answer the envelope.

Every run answers ``{"data": ..., "error": None | str, "successful": bool}`` and never raises for an invalid
input or an API error. The request goes through the SDK client's public ``request(...)``, so it gets the
client's pacing, retries and typed errors. A tool's ``accessKey``/``accessKeySecret`` inputs authenticate
its request in place of the client's credentials (over the client's base URL and connection pool).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gongkit.actions.model import Action
from gongkit.actions.registry import get
from gongkit.actions.validation import ActionInputError
from gongkit.actions.wire import WireRequest
from gongkit.sdk import AsyncGong, Gong, GongError

__all__ = ["arun", "envelope", "run"]


def envelope(data: Any = None, error: str | None = None) -> dict[str, Any]:
    """The output of every action: ``{"data", "error", "successful"}``."""
    return {"data": {} if data is None else data, "error": error, "successful": error is None}


def run(name_or_action: str | Action, inputs: Mapping[str, Any] | None = None, *, client: Any = None) -> dict[str, Any]:
    """Run an action with the SDK client ``client`` (default: ``gongkit.Gong()`` from the environment)."""
    act = _resolve(name_or_action)
    try:
        req = act.build_request(act.validate(inputs))
        sdk, owned = _client(Gong, client, req)
        try:
            data = sdk.request(req.method, req.path, **req.send_options())
        finally:
            if owned:
                sdk.close()
        return envelope(act.shape(data))
    except (ActionInputError, GongError) as exc:
        return _failure(exc)


async def arun(
    name_or_action: str | Action, inputs: Mapping[str, Any] | None = None, *, client: Any = None
) -> dict[str, Any]:
    """:func:`run` with the async SDK client (default: ``gongkit.AsyncGong()`` from the environment)."""
    act = _resolve(name_or_action)
    try:
        req = act.build_request(act.validate(inputs))
        sdk, owned = _client(AsyncGong, client, req)
        try:
            data = await sdk.request(req.method, req.path, **req.send_options())
        finally:
            if owned:
                await sdk.close()
        return envelope(act.shape(data))
    except (ActionInputError, GongError) as exc:
        return _failure(exc)


def _resolve(name_or_action: str | Action) -> Action:
    return name_or_action if isinstance(name_or_action, Action) else get(name_or_action)


def _client(cls: type[Gong] | type[AsyncGong], client: Any, req: WireRequest) -> tuple[Any, bool]:
    """(the client to send with, whether it was made here and is closed here).

    The given client; else one from the environment, or, for a tool, one with the tool's credentials.
    """
    if client is not None:
        return client, False
    if req.access_key is not None:
        return cls(req.access_key, req.access_key_secret or ""), True
    return cls(), True


def _failure(exc: ActionInputError | GongError) -> dict[str, Any]:
    if isinstance(exc, ActionInputError):
        return envelope({}, f"Invalid input: {exc}")
    data: dict[str, Any] = {}
    if exc.status_code is not None:
        data["status"] = exc.status_code
    if exc.request_id:
        data["requestId"] = exc.request_id
    if exc.errors:
        data["errors"] = list(exc.errors)
    return envelope(data, str(exc) or type(exc).__name__)
