"""What every command that runs a server shares: the URL a local client uses, the app URL, uvicorn's options."""

from __future__ import annotations

import os

from gongkit.kernel.config import ServerSettings


def local_url(host: str, port: int) -> str:
    """The URL a local client uses to reach a server bound to ``host``."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def apply_app_url(settings: ServerSettings, host: str, port: int) -> None:
    """``settings.app_url`` from the bound address, unless ``GONGKIT_APP_URL`` says otherwise."""
    if not os.environ.get("GONGKIT_APP_URL", "").strip():
        settings.app_url = local_url(host, port)


def uvicorn_options(settings: ServerSettings | None = None) -> dict[str, object]:
    """What every gongkit server process runs with: uvloop + httptools with a cap on request heads (431 past
    ``max_header_bytes``; ``settings`` default to the environment's), gongkit's own access log.

    The protocol is named by its import path so worker processes (``--workers``) load it too.
    """
    max_header_bytes = (settings or ServerSettings.from_env()).max_header_bytes
    return {
        "loop": "uvloop",
        "http": HEAD_CAPPED_HTTP,
        "h11_max_incomplete_event_size": max_header_bytes,
        "access_log": False,
        "log_config": None,
        "lifespan": "on",
    }


#: uvicorn's httptools protocol with a cap on the request head (see :mod:`gongkit.server.core.limits`).
HEAD_CAPPED_HTTP = "gongkit.server.core.limits:HeadCappedHttpToolsProtocol"
