"""The catalogue: every action and tool, loaded from :mod:`gongkit.actions.catalogue`, found by name.

The catalogue package has one module per resource group, named as in :data:`gongkit.spec.GROUPS`; a module
declares its actions in ``ACTIONS``, each over an operation of its own group. Loading checks both rules.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from gongkit.actions.model import Action, Kind
from gongkit.spec import GROUPS

__all__ = ["all_actions", "get"]


@cache
def _catalogue() -> dict[str, Action]:
    from gongkit.actions import catalogue

    found: dict[str, Action] = {}
    for info in sorted(pkgutil.iter_modules(catalogue.__path__), key=lambda m: m.name):
        if info.name not in GROUPS:
            raise RuntimeError(f"catalogue module {info.name!r} is not a resource group ({', '.join(GROUPS)})")
        module = importlib.import_module(f"{catalogue.__name__}.{info.name}")
        for act in getattr(module, "ACTIONS", ()):
            if act.group != info.name:
                raise RuntimeError(f"action {act.name} calls a {act.group} operation but is declared in {info.name}")
            if act.name in found:
                raise RuntimeError(f"action {act.name} declared twice")
            found[act.name] = act
    return dict(sorted(found.items()))


def all_actions(kind: Kind | None = None) -> list[Action]:
    """Every declared action and tool (or one kind), by name."""
    return [a for a in _catalogue().values() if kind is None or a.kind == kind]


def get(name: str) -> Action:
    """The action or tool ``name`` (KeyError when there is none)."""
    try:
        return _catalogue()[name]
    except KeyError:
        raise KeyError(f"no action named {name!r}") from None
