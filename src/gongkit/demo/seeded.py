"""What every part of the demo derives its values from: the reference instant, ids and random draws.

Nothing reads the wall clock: times lie in the ~18 months before :data:`REFERENCE_MS`. Ids and random streams
are hashed from the seed (and the company id), so the same seed gives the same rows.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from typing import TypeVar

#: The instant the demo data is "as of": 2026-11-01T00:00:00Z. Calls, e-mails and events lie before it.
REFERENCE_MS = 1_793_491_200_000
DAY_MS = 86_400_000
WINDOW_DAYS = 548  # ~18 months of history


MASK62 = (1 << 62) - 1
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
B32HEX = "0123456789abcdefghijklmnopqrstuv"


def hash_int(*parts: object) -> int:
    """A stable 64-bit integer from ``parts`` (the root of every id and random stream)."""
    return int.from_bytes(hashlib.sha256(repr(parts).encode()).digest()[:8], "big")


class Ids:
    """Gong-style 19-digit ids (in [2**62, 2**63)).

    ``ids(kind, n)`` is a bijective mix of (kind, n), so never two alike. ``ids.ordered(kind, n)`` grows with
    ``n`` (calls and parties are made in time order, and like Gong's their ids grow with time): a per-company
    base, ``n`` in the high bits and a mixed low part, unique as long as ``n < 2**30``."""

    def __init__(self, seed: int, company_id: int) -> None:
        self._offset = hash_int("ids", seed, company_id) & MASK62
        self._seed = seed
        self._company = company_id

    def ordered(self, kind: int, n: int) -> int:
        base = hash_int("ordered-ids", self._seed, self._company, kind) % ((1 << 62) - (1 << 47))
        return (1 << 62) + base + (n << 16) + (self(kind, n) & 0xFFFF)

    def __call__(self, kind: int, n: int) -> int:
        x = (self._offset + (kind << 40) + n) & MASK62
        x ^= x >> 31
        x = (x * 0x2545F4914F6CDD1D) & MASK62
        x ^= x >> 29
        x = (x * 0x1D8E4E27C47D124F) & MASK62
        x ^= x >> 32
        return (1 << 62) | x


# id kinds
K_WORKSPACE, K_USER, K_CRM, K_CALL, K_PARTY, K_SPEAKER = 1, 2, 3, 4, 5, 6
K_COMMENT, K_FOLDER, K_ENTRY, K_MEDIA, K_EVENT, K_TRACKER, K_CONTENT, K_MEETING = 7, 8, 9, 10, 11, 12, 13, 14


_T = TypeVar("_T")


def below(rnd: Callable[[], float], n: int) -> int:
    """A uniform integer in [0, n) (``randrange`` costs ten times more, and this runs millions of times)."""
    return int(rnd() * n)


def pick(rnd: Callable[[], float], seq: Sequence[_T]) -> _T:
    """One item of ``seq`` (cheaper than ``random.choice``)."""
    return seq[int(rnd() * len(seq))]


def sample(rnd: Callable[[], float], seq: Sequence[_T], k: int) -> list[_T]:
    """``k`` distinct items of ``seq`` (a partial shuffle; ``random.sample`` is slow for tiny samples)."""
    pool = list(seq)
    n = len(pool)
    k = max(0, min(k, n))
    for j in range(k):
        r = j + int(rnd() * (n - j))
        pool[j], pool[r] = pool[r], pool[j]
    return pool[:k]


def rand_str(rng: random.Random, alphabet: str, n: int) -> str:
    """``n`` characters of ``alphabet``."""
    return "".join(rng.choices(alphabet, k=n))


def sf_id(rng: random.Random, prefix: str) -> str:
    """An 18-character Salesforce id with its real case-checksum suffix."""
    id15 = prefix + "5e0" + rand_str(rng, B62, 9)
    suffix = ""
    for i in range(3):
        chunk = id15[i * 5 : i * 5 + 5]
        flags = sum(1 << j for j, ch in enumerate(chunk) if "A" <= ch <= "Z")
        suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[flags]
    return id15 + suffix


def settled(ms: int) -> int:
    """Something that happened after a call, but before the reference instant."""
    return min(ms, REFERENCE_MS - 60_000)


def meet_code(rng: random.Random) -> str:
    """A Google Meet code (``abc-defg-hij``)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return f"{rand_str(rng, letters, 3)}-{rand_str(rng, letters, 4)}-{rand_str(rng, letters, 3)}"
