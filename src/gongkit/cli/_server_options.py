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


def uvicorn_options() -> dict[str, object]:
    """What every gongkit server process runs with: uvloop + httptools, gongkit's own access log."""
    return {"loop": "uvloop", "http": "httptools", "access_log": False, "log_config": None, "lifespan": "on"}
