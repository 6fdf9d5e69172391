"""Small helpers: date-time formatting, query cleaning, path segments."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel

DateTimeInput = datetime | date | str
"""A point in time for a request: an aware ``datetime`` (naive is read as UTC), a ``date`` (midnight UTC) or an
ISO-8601 string (``2024-01-17T16:20:05-03:00``, ``...Z``; without an offset it is read as UTC)."""


def format_datetime(value: DateTimeInput) -> str:
    """ISO-8601 with an offset, as Gong expects: ``2024-01-17T19:20:05Z`` or ``2024-01-17T16:20:05-03:00``."""
    if isinstance(value, str):
        text = value.strip()
        parse = text[:-1] + "+00:00" if text[-1:] in ("z", "Z") else text
        try:
            dt = datetime.fromisoformat(parse)
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO-8601 date-time (e.g. 2024-01-17T16:20:05-03:00)") from None
    elif isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day, tzinfo=UTC)
    else:
        raise TypeError(f"expected a datetime, date or ISO-8601 string, not {type(value).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.replace(tzinfo=UTC)
    text = dt.isoformat()
    if dt.utcoffset() == timedelta(0) and text.endswith("+00:00"):
        text = text[: -len("+00:00")] + "Z"
    return text


def optional_datetime(value: DateTimeInput | None) -> str | None:
    return None if value is None else format_datetime(value)


def clean_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Query parameters without ``None`` values; booleans as ``true``/``false``; date-times as ISO-8601."""
    out: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, datetime | date):
            out[key] = format_datetime(value)
        else:
            out[key] = value
    return out


def drop_none(data: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON object without the keys whose value is ``None`` (Gong treats absent and null differently)."""
    return {k: v for k, v in data.items() if v is not None}


def path_segment(value: str | int) -> str:
    """An id as one URL path segment."""
    text = str(value)
    if not text:
        raise ValueError("an id must not be empty")
    return quote(text, safe="")


def dump_model(model: BaseModel) -> dict[str, Any]:
    """A request model as Gong's JSON, without the unset (``None``) fields."""
    data: dict[str, Any] = model.model_dump(mode="json", exclude_none=True)
    return data


def dump_models(models: Iterable[BaseModel] | None) -> list[dict[str, Any]] | None:
    return None if models is None else [dump_model(m) for m in models]


def id_list(ids: str | int | Iterable[str | int] | None) -> list[str] | None:
    """Ids as Gong's list of strings; one id may be given alone."""
    if ids is None:
        return None
    if isinstance(ids, str | int):
        return [str(ids)]
    return list(dict.fromkeys(str(i) for i in ids))  # Gong declares these lists uniqueItems
