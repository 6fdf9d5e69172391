"""Shared pieces of the models: the base class, Gong's ``records`` paging block, context fields.

Models use Gong's own camelCase field names as attributes (``call.primaryUserId``, ``user.emailAddress``), so
what you read matches Gong's documentation, and ``model.model_dump(mode="json", exclude_none=True)`` gives back
Gong's JSON. Unknown fields are kept (Gong adds fields without warning): read them from ``model.model_extra``
or as attributes. Every field is optional unless Gong always sends it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class GongModel(BaseModel):
    """Base of every model: keeps unknown fields; numbers sent where Gong documents strings become strings."""

    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=True)


class Records(GongModel):
    """Gong's paging block. ``cursor`` is present only when more records remain."""

    totalRecords: int = 0
    currentPageSize: int = 0
    currentPageNumber: int = 0
    cursor: str | None = None


class ContextField(GongModel):
    """One field of an external (CRM) object: ``{name, value}``; ``value`` is any JSON value."""

    name: str | None = None
    value: Any = None
