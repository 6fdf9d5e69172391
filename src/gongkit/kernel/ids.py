"""Identifiers in Gong's forms."""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Iterable

_ALNUM = string.ascii_lowercase + string.digits


def new_id() -> int:
    """A Gong-style numeric id: 19 digits, below 2**63 so that it fits a BIGINT."""
    return 10**18 + secrets.randbelow(2**63 - 1 - 10**18)


#: Each byte value to a letter or digit (256 = 7 x 36 + 4: the first four come up 8 times in 256, the others 7).
_ALNUM_OF_BYTE = bytes(ord(_ALNUM[b % 36]) for b in range(256))


def _random_alnum(width: int) -> str:
    """``width`` random lower-case letters and digits (over 5.1 bits of entropy each)."""
    return secrets.token_bytes(width).translate(_ALNUM_OF_BYTE).decode("ascii")


def new_request_id() -> str:
    """A request reference like Gong's (``4al018gzaztcr8nbukw``): 19 lower-case letters and digits."""
    return _random_alnum(19)


def new_message_id() -> str:
    """A 32-character e-mail message id."""
    return _random_alnum(32)


#: The largest id storage holds (ids are BIGINT).
MAX_ID = 2**63 - 1
#: Stands for a numeric id beyond the BIGINT range: syntactically valid, so it is "not found", never a 400.
UNMATCHABLE_ID = -1
_ID_RE = re.compile(r"[0-9]{1,20}")


def id_value(value: str) -> int | None:
    """A wire id as an int: ASCII digits only (``str.isdigit`` also accepts ``²`` and other scripts' digits),
    at most 20 of them. Beyond the BIGINT range it is :data:`UNMATCHABLE_ID`; not an id at all, None."""
    text = value.strip()
    if not _ID_RE.fullmatch(text):
        return None
    n = int(text)
    return n if n <= MAX_ID else UNMATCHABLE_ID


def parse_id(value: str) -> int | None:
    """A wire id as an int, or None if it is not one storage could hold."""
    n = id_value(value)
    return None if n is None or n == UNMATCHABLE_ID else n


def storable_ids(ids: Iterable[int]) -> list[int]:
    """Ids that can exist in storage (a 20-digit id above the BIGINT range matches nothing)."""
    return sorted({i for i in ids if 0 <= i <= MAX_ID})
