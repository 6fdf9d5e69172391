"""What remains of a data subject inside other rows' text: where to look and how to find and replace it.

``TEXT_COLUMNS`` are the columns the schema tags ``mentions()`` (``gongkit.db.personal``); ``SubjectText`` finds
a person's addresses and number in them (a SQL ``LIKE`` prefilter, then an exact regular expression).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Connection, Table, and_, func, select

from gongkit.db.personal import personal_columns
from gongkit.db.schema import calls, metadata
from gongkit.kernel.redaction import scrub as scrub_log_text
from gongkit.server.groups.data_privacy.lookup import Person

REDACTED_TEXT = "[redacted]"

# --- finding what remains of a subject inside other rows' text -------------------------------------------


def _email_pattern(address: str) -> str:
    # The address and not a longer one that contains it (xjane@example.com, jane@example.com.au).
    return r"(?<![\w.%+\-])" + re.escape(address) + r"(?![\w\-]|\.\w)"


def _phone_pattern(normalized: str) -> str:
    """The number as people write it: the digits with separators between them, with or without ``+`` and the
    country code (national forms with a trunk ``0`` too), as a whole number (no digit before or after)."""
    digits = normalized.lstrip("+")
    sep = r"[\s().\-/]{0,3}"
    forms = [r"(?:\+\s?)?\(?" + sep.join(digits)]
    for cc in (1, 2, 3):  # country codes have 1 to 3 digits; the national number keeps at least 8
        national = digits[cc:]
        if len(national) >= 8:
            forms.append(r"\(?(?:0" + sep + ")?" + sep.join(national))
    return r"(?<![\d+])(?:" + "|".join(forms) + r")(?!\d)"


@dataclass
class SubjectText:
    """Finds a person's addresses and number in free text (SQL prefilter, then an exact regex in Python)."""

    person: Person

    def __post_init__(self) -> None:
        parts = [_email_pattern(a) for a in sorted(self.person.emails)]
        if self.person.phone:
            parts.append(_phone_pattern(self.person.phone))
        self.regex = re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def like_patterns(self) -> list[str]:
        """SQL LIKE patterns that every stored occurrence matches (a cheap, approximate first pass)."""
        out: list[str] = []
        for a in sorted(self.person.emails):
            forms = {a, json.dumps(a)[1:-1]}  # JSON text escapes non-ASCII characters
            out.extend("%" + _like_escape(f) + "%" for f in sorted(forms))
        if self.person.phone:
            # Written numbers keep their last four digits together in practice.
            out.append("%" + self.person.phone[-4:] + "%")
        return out

    def redact(self, value: Any) -> tuple[Any, int]:
        """``value`` (text or JSON) with every occurrence replaced, and how many strings changed."""
        if self.regex is None:
            return value, 0
        if isinstance(value, str):
            new, n = self.regex.subn(REDACTED_TEXT, value)
            return new, 1 if n else 0
        if isinstance(value, list):
            total = 0
            items = []
            for item in value:
                new_item, n = self.redact(item)
                items.append(new_item)
                total += n
            return items, total
        if isinstance(value, dict):
            total = 0
            out = {}
            for k, v in value.items():
                new_k, nk = self.redact(k)
                new_v, nv = self.redact(v)
                out[new_k] = new_v
                total += nk + nv
            return out, total
        return value, 0

    def clean(self, message: str) -> str:
        """A message safe to store or log (the subject and anything shaped like an address or a number masked)."""
        if self.regex is not None:
            message = self.regex.sub(REDACTED_TEXT, message)
        return scrub_log_text(message)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class TextColumns:
    """A table whose rows can mention a subject in free text: plain text columns and JSON columns.

    ``summary``: a text column holding a copy of the text columns (when it is not NULL), so the scan reads that
    one instead of all of them; the redaction itself still covers every column."""

    table: Table
    text: tuple[str, ...] = ()
    json: tuple[str, ...] = ()
    summary: str | None = None


#: Every column that can carry an address or a number as free text, in rows the erasure does not delete: the
#: columns the schema tags ``Personal.MENTIONS`` (``gongkit.db.personal``), JSON ones apart. Identifier columns are
#: not here: rows matching on them are deleted (or, for CRM objects other than Leads/Contacts, have the matching
#: value cleared).
TEXT_COLUMNS = tuple(
    TextColumns(
        p.table,
        text=tuple(c.name for c in p.mentions if not isinstance(c.type, JSON)),
        json=tuple(c.name for c in p.mentions if isinstance(c.type, JSON)),
        summary=p.summary.name if p.summary is not None else None,
    )
    for p in personal_columns(metadata)
    if p.mentions
)

#: Tables an erasure writes to (PostgreSQL vacuums them afterwards): those holding personal data of either kind,
#: and those whose rows go with a deleted call.
TOUCHED_TABLES = tuple(
    sorted(
        {p.table.name for p in personal_columns(metadata)}
        | {
            name
            for name, table in metadata.tables.items()
            if any(fk.column.table is calls for fk in table.foreign_keys)
        }
    )
)


def company_holds_most_calls(conn: Connection, company_id: int) -> bool:
    """Whether the company holds at least half of the store's calls (two counts over the calls' narrowest
    index): then a sequential pass over a table costs less than walking the company's index."""
    mine = conn.execute(select(func.count()).select_from(calls).where(calls.c.company_id == company_id)).scalar_one()
    every = conn.execute(select(func.count()).select_from(calls)).scalar_one()
    return bool(mine) and 2 * mine >= every


def company_rows(table: Table, company_id: int) -> Any:
    """A condition that reads only the company's rows of ``table``: through an index that starts with
    ``company_id``, else through the company's calls (the ``call_id`` index of a call's child rows); a table
    with neither (library folders, a few per company) is filtered as it is read."""
    if any(next(iter(ix.columns)).name == "company_id" for ix in table.indexes):
        return table.c.company_id == company_id
    if "call_id" in table.c:
        mine = select(calls.c.id).where(calls.c.company_id == company_id)
        return and_(table.c.call_id.in_(mine), (table.c.company_id + 0) == company_id)
    return table.c.company_id == company_id
