"""``GET /reference``: every operation of the served contract, by tag, with what this server does of it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from gongkit.server.core import routing
from gongkit.server.core.context import AppState
from gongkit.server.pages.templating import render
from gongkit.spec import operations
from gongkit.spec.served import served_document

_REF_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class Parameter:
    name: str
    where: str
    required: bool
    description: str


@dataclass(frozen=True)
class Entry:
    """One operation as the page shows it."""

    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    scope: str
    implemented: bool
    parameters: tuple[Parameter, ...]
    request_schema: str | None
    responses: tuple[tuple[str, str], ...]  # (status, description)

    @property
    def anchor(self) -> str:
        return f"op-{self.operation_id}"


def _schema_name(body: dict[str, Any] | None) -> str | None:
    if not body:
        return None
    for media in body.get("content", {}).values():
        schema = media.get("schema", {})
        ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
        if ref:
            name = str(ref).removeprefix(_REF_PREFIX)
            return f"array of {name}" if "items" in schema else name
    return None


def entries(document: dict[str, Any]) -> dict[str, list[Entry]]:
    """The document's operations grouped by their first tag, tags in alphabetical order, paths within."""
    scopes = {op.operation_id: op.scope for op in operations()}
    groups: dict[str, list[Entry]] = {}
    for path, item in document["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            params = tuple(
                Parameter(p["name"], p.get("in", ""), bool(p.get("required")), p.get("description", ""))
                for p in op.get("parameters", [])
            )
            entry = Entry(
                operation_id=op["operationId"],
                method=method.upper(),
                path=path,
                summary=op.get("summary", ""),
                description=op.get("description", ""),
                scope=scopes.get(op["operationId"], ""),
                implemented=bool(op.get("x-gongkit-implemented")),
                parameters=params,
                request_schema=_schema_name(op.get("requestBody")),
                responses=tuple((str(code), r.get("description", "")) for code, r in op.get("responses", {}).items()),
            )
            groups.setdefault((op.get("tags") or ["Other"])[0], []).append(entry)
    return {tag: sorted(groups[tag], key=lambda e: (e.path, e.method)) for tag in sorted(groups)}


def reference_page(state: AppState) -> Callable[[Request], Awaitable[Response]]:
    """The page is the same for every request of this server: rendered once, on first use."""
    cached: list[bytes] = []

    async def page(request: Request) -> Response:
        if not cached:
            document = served_document(state.settings.app_url, routing.HANDLERS)
            grouped = entries(document)
            count = sum(len(group) for group in grouped.values())
            done = sum(e.implemented for group in grouped.values() for e in group)
            response = render(
                "reference.html",
                title=document["info"]["title"],
                base_url=state.settings.app_url,
                groups=grouped,
                count=count,
                done=done,
            )
            cached.append(bytes(response.body))
        return Response(cached[0], media_type="text/html; charset=utf-8")

    return page
