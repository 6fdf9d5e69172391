"""gongkit: a Gong API v2 toolkit — a Gong-compatible server, a typed SDK and an agent toolkit.

The SDK is exported here: ``from gongkit import Gong, AsyncGong, NotFoundError``. It is imported on first use,
so ``import gongkit`` stays light for the server and the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gongkit._version import __version__

if TYPE_CHECKING:
    from gongkit.sdk import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AsyncGong,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        Gong,
        GongError,
        InternalServerError,
        NotFoundError,
        NotImplementedByServerError,
        PermissionDeniedError,
        RateLimitError,
    )

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncGong",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "Gong",
    "GongError",
    "InternalServerError",
    "NotFoundError",
    "NotImplementedByServerError",
    "PermissionDeniedError",
    "RateLimitError",
    "__version__",
]

_SDK_NAMES = frozenset(__all__) - {"__version__"}


def __getattr__(name: str) -> Any:
    if name in _SDK_NAMES:
        from gongkit import sdk

        value = getattr(sdk, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'gongkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
