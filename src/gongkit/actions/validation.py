"""Checking an input against an action's JSON Schema, with ``jsonschema``, in messages an agent can act on.

Each problem names the input and says what is wrong: ``cursor: expected string, got int``,
``logType: 'Nope' is not one of 'AccessLog', ...``, ``fromDateTime: required``, ``bogus: unknown input``.
Nested places read ``filter.callIds`` and list items ``callIds[2]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.validators import extend

__all__ = ["ActionInputError", "check"]


class ActionInputError(ValueError):
    """The input cannot be sent: it does not satisfy the action's schema, or a file or field cannot be read."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


#: Draft 2020-12, where a tuple is an array too (Python callers pass them; JSON never does).
_Validator = extend(  # type: ignore[no-untyped-call]  # the stubs leave extend() untyped
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "array", lambda _checker, value: isinstance(value, list | tuple)
    ),
)


def check(schema: Mapping[str, Any], value: Any) -> list[str]:
    """The problems of ``value`` against ``schema``, each once, in the order ``jsonschema`` finds them."""
    problems: list[str] = []
    for error in _Validator(schema).iter_errors(value):
        for problem in _describe(error):
            if problem not in problems:
                problems.append(problem)
    return problems


def _describe(error: ValidationError) -> Iterator[str]:
    """One ``jsonschema`` error in the toolkit's words (a ``required`` or ``additionalProperties`` error names
    every input it is about)."""
    where = _place(error.absolute_path)
    keyword, instance = error.validator, error.instance
    expected = error.validator_value if isinstance(error.validator_value, list | str) else []
    if keyword == "required" and isinstance(instance, Mapping):
        for name in expected:
            if name not in instance:
                yield _place([*error.absolute_path, name]) + ": required"
    elif keyword == "additionalProperties" and isinstance(instance, Mapping):
        known = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
        for name in instance:
            if name not in known:
                yield _place([*error.absolute_path, name]) + ": unknown input"
    elif keyword == "type":
        names = [expected] if isinstance(expected, str) else expected
        yield f"{where}: expected {' or '.join(names)}, got {type(instance).__name__}"
    elif keyword == "enum":
        yield f"{where}: {instance!r} is not one of {', '.join(map(repr, expected))}"
    else:
        yield f"{where}: {error.message}"


def _place(path: Iterable[str | int]) -> str:
    """``["filter", "callIds", 2]`` -> ``filter.callIds[2]``; the empty path is the whole ``input``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "input"
