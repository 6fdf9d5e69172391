"""The input naming rules: how one flat object of inputs stands for Gong's nested request.

- A nested body field is written with ``__``: ``filter__fromDate`` is ``{"filter": {"fromDate": ...}}``.
- A hyphenated query name is written with ``__`` too: ``workspace__id`` is the query parameter ``workspace-id``.
- Arrays, of objects too, are passed as they are; an id list of a tool is one comma-separated string.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gongkit.actions.validation import ActionInputError

__all__ = ["body_keys", "flatten", "query_name", "set_nested", "split_ids", "unflatten"]

SEPARATOR = "__"


def query_name(name: str) -> str:
    """``workspace__id`` -> ``workspace-id`` (the query parameter an input name may stand for)."""
    return name.replace(SEPARATOR, "-")


def body_keys(name: str) -> tuple[str, ...]:
    """``filter__fromDate`` -> ``("filter", "fromDate")`` (the body field an input name stands for)."""
    return tuple(name.split(SEPARATOR))


def flatten(obj: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"filter": {"fromDate": x}}`` -> ``{"filter__fromDate": x}``. Lists (of objects too) stay values."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            out.update(flatten(value, name + SEPARATOR))
        else:
            out[name] = value
    return out


def unflatten(flat: Mapping[str, Any]) -> dict[str, Any]:
    """``{"filter__fromDate": x, "cursor": c}`` -> ``{"filter": {"fromDate": x}, "cursor": c}``."""
    out: dict[str, Any] = {}
    for name, value in flat.items():
        set_nested(out, body_keys(name), value)
    return out


def set_nested(body: Any, keys: tuple[str, ...], value: Any) -> None:
    """Put ``value`` at ``keys`` in ``body``, making the objects on the way; two objects at one place merge."""
    if not isinstance(body, dict):
        raise ActionInputError(["a whole-body input cannot be combined with body fields"])
    node = body
    for key in keys[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise ActionInputError([f"{SEPARATOR.join(keys)} conflicts with the input {key}"])
        node = child
    last = keys[-1]
    if isinstance(node.get(last), dict) and isinstance(value, dict):
        node[last] = {**value, **node[last]}
    else:
        node[last] = value


def split_ids(text: str) -> list[str]:
    """``"1, 2,3"`` -> ``["1", "2", "3"]`` (empty items dropped)."""
    return [part.strip() for part in text.split(",") if part.strip()]
