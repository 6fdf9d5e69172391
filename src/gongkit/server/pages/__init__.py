"""Pages for people, beside the API: the API reference (``/reference``) and a call's page (``/call?id=``, the
``url`` every call carries). Rendered on the server from packaged templates and one stylesheet: no script, no
CDN, so they work offline and behind any firewall.

Why by hand: the served contract is OpenAPI 3.1 holding the 2026 contract's non-standard schema keys; Swagger UI
as packaged on PyPI (4.x) reads 3.0 only, and the packagings of Swagger UI 5 and Redoc pull in Django. A list of
the operations with their parameters, scopes and status is a template's work.
"""

from __future__ import annotations

from pathlib import Path

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from gongkit.server.core.context import AppState
from gongkit.server.pages.call import call_page
from gongkit.server.pages.reference import reference_page

STATIC = Path(__file__).parent / "static"


def routes(state: AppState) -> list[BaseRoute]:
    return [
        Route("/reference", reference_page(state), methods=["GET"]),
        Route("/call", call_page(state), methods=["GET"]),
        Mount("/assets", StaticFiles(directory=STATIC), name="assets"),
    ]
