"""Readers of the two seed catalogues (the connector's 53 ``GONG_*`` actions and the 18 read-only tools).

Seed 002 is a scraped page: each action is ``<title><NAME>Acción<description>`` followed by the line
``<NAME>Acción<description>``, then ``Parámetros de entrada`` and one line per input written as
``<name><type>[<format>][Obligatorio][enum]<description>``; an enum's values follow on the next line, run
together, directly followed by the next input. Seed 004 has one Markdown-ish table of inputs and one of
outputs per tool, after a one-line description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: Verbatim copies of the two seed documents, so that the suite runs anywhere.
SEED_DIR = Path(__file__).resolve().parent / "seed_files"


def seed_path(prefix: str) -> Path:
    found = sorted(SEED_DIR.glob(f"{prefix}_*.txt"))
    if not found:
        raise FileNotFoundError(f"seed {prefix} not found in {SEED_DIR}")
    return found[0]


@dataclass(frozen=True)
class SeedAction:
    title: str
    name: str
    description: str
    input_lines: tuple[str, ...]


@cache
def actions_002() -> dict[str, SeedAction]:
    lines = seed_path("002").read_text(encoding="utf-8").split("\n")
    out: dict[str, SeedAction] = {}
    for i, line in enumerate(lines):
        m = re.match(r"^(GONG_[A-Z0-9_]+)Acción(.*)$", line)
        if not (m and i > 0 and lines[i - 1].endswith(line) and lines[i + 1] == "Parámetros de entrada"):
            continue
        j = i + 2
        while lines[j] != "Parámetros de salida":
            j += 1
        title = lines[i - 1][: len(lines[i - 1]) - len(line)]
        out[m.group(1)] = SeedAction(title, m.group(1), m.group(2), tuple(lines[i + 2 : j]))
    return out


def all_names_002() -> set[str]:
    return set(re.findall(r"(GONG_[A-Z0-9_]+?)Acción", seed_path("002").read_text(encoding="utf-8")))


def declared_count_002() -> int:
    m = re.search(r"\((\d+)\)", seed_path("002").read_text(encoding="utf-8"))
    assert m
    return int(m.group(1))


_HEAD = re.compile(r"(string|integer|number|boolean|object|array)(\[\])?")


def input_names_002(action: SeedAction, enums: dict[str, tuple[str, ...]]) -> list[str]:
    """The input names, in order. ``enums`` (name -> values) tells how long an enum's run of values is."""
    if action.input_lines == ("Sin parámetros.",):
        return []
    names: list[str] = []
    pending: str | None = None
    for line in action.input_lines:
        text = line
        if pending is not None:
            values = "".join(enums[pending])
            assert text.startswith(values), (action.name, pending, text[:80])
            text = text[len(values) :]
            pending = None
            if not text:
                continue
        # the name: the longest identifier prefix followed by a type word
        ident = re.match(r"[A-Za-z0-9_]+", text)
        assert ident, text
        run = ident.group(0)
        name = ""
        for m in _HEAD.finditer(run):
            if m.start() > 0:
                name = run[: m.start()]
        assert name, (action.name, text[:80])
        names.append(name)
        if re.match(
            r"(string|integer|number|boolean|object|array)(\[\])?[a-z0-9\-]*?(Obligatorio)?enum", text[len(name) :]
        ):
            pending = name
    return names


@dataclass(frozen=True)
class SeedInput:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class SeedTool:
    description: str
    inputs: tuple[SeedInput, ...]
    outputs: tuple[str, ...]


@cache
def tools_004() -> list[SeedTool]:
    lines = seed_path("004").read_text(encoding="utf-8").split("\n")
    tools: list[SeedTool] = []
    for i, line in enumerate(lines):
        if line != "| Parameter | Type | Required | Description |":
            continue
        j = i + 2
        inputs = []
        while not lines[j].startswith("| Parameter"):
            m = re.match(r"^(\w+) \| (\w+) \| (Yes|No) \| (.*) \|$", lines[j])
            assert m, lines[j]
            inputs.append(SeedInput(m[1], m[2], m[3] == "Yes", m[4]))
            j += 1
        j += 2
        outputs = []
        while j < len(lines) and lines[j] and lines[j + 1 : j + 2] != ["| Parameter | Type | Required | Description |"]:
            if not lines[j].startswith("↳"):
                m = re.match(r"^(\w+) \| (\w+) \| (.*) \|$", lines[j])
                assert m, lines[j]
                outputs.append(m[1])
            j += 1
        tools.append(SeedTool(lines[i - 1], tuple(inputs), tuple(outputs)))
    return tools
