"""Personal data, declared on the schema: what each text column can hold about a person.

Every text-like column of ``gongkit.db.schema`` (strings, text, JSON) carries one tag in its ``info``:

- ``Personal.IDENTIFIER``: a person's e-mail address or phone number, or its ``*_lower``/``*_norm`` twin. The
  data-privacy lookups match rows on the twins; an erasure deletes the rows that match (or clears the value).
  The company's own users and the mailboxes mail was captured from are tagged for what they hold, though the
  erasure, which is about the company's contacts, does not search them;
- ``Personal.MENTIONS``: free text (or JSON holding text) written by people or by other systems, which may
  mention a person's address or number anywhere inside. An erasure scans these and replaces what it finds;
- ``Personal.NONE``: neither: ids, codes, enumerations, hashes, values the server makes itself, and the
  operator's own labels and settings.

A column tagged ``mentions(summary=True)`` holds a copy of its table's other free-text columns (rendered by every
writer), so a scan can read it alone where it is set.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Column, LargeBinary, MetaData, String, Table
from sqlalchemy.types import TypeEngine

PERSONAL = "personal"
SUMMARY = "personal_summary"


class Personal(enum.Enum):
    """What a text column can hold about a person (see the module docstring)."""

    IDENTIFIER = "identifier"
    MENTIONS = "mentions"
    NONE = "none"


def identifier() -> dict[str, Any]:
    """``info`` of a column holding a person's address or number (or its lookup twin)."""
    return {PERSONAL: Personal.IDENTIFIER}


def mentions(*, summary: bool = False) -> dict[str, Any]:
    """``info`` of a free-text column; ``summary``: it copies the table's other free-text columns."""
    return {PERSONAL: Personal.MENTIONS, SUMMARY: summary}


def not_personal() -> dict[str, Any]:
    """``info`` of a text column that holds nothing about a person."""
    return {PERSONAL: Personal.NONE}


def is_text(type_: TypeEngine[Any]) -> bool:
    """Whether a column of this type can hold text: such columns must carry a tag."""
    return isinstance(type_, String | JSON | LargeBinary)


def tag_of(column: Column[Any]) -> Personal | None:
    """The column's tag (None when it has none)."""
    tag = column.info.get(PERSONAL)
    return tag if isinstance(tag, Personal) else None


@dataclass(frozen=True)
class PersonalColumns:
    """One table's tagged columns, in table order."""

    table: Table
    identifiers: tuple[Column[Any], ...]
    mentions: tuple[Column[Any], ...]
    summary: Column[Any] | None


def personal_columns(metadata: MetaData) -> list[PersonalColumns]:
    """Per table (in definition order), its identifier and free-text columns; tables holding neither are left out."""
    out = []
    for table in metadata.tables.values():
        ids = tuple(c for c in table.columns if tag_of(c) is Personal.IDENTIFIER)
        texts = tuple(c for c in table.columns if tag_of(c) is Personal.MENTIONS)
        summaries = [c for c in texts if c.info.get(SUMMARY)]
        if len(summaries) > 1:
            raise ValueError(f"{table.name}: more than one summary column")
        if ids or texts:
            out.append(PersonalColumns(table, ids, texts, summaries[0] if summaries else None))
    return out
