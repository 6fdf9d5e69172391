"""The pages' Jinja2 environment: templates from the package, HTML escaping always on."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse

_ENV = Environment(
    loader=PackageLoader("gongkit.server.pages", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, status_code: int = 200, headers: dict[str, str] | None = None, **values: Any) -> HTMLResponse:
    html = _ENV.get_template(template).render(**values)
    return HTMLResponse(html, status_code=status_code, headers=headers)
