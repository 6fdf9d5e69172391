"""E-mail addresses and phone numbers as people write them: slugs, case variants, numbers in several styles."""

from __future__ import annotations

import random
from dataclasses import dataclass


def slugify(text: str, sep: str = "-") -> str:
    """Lower-case words of ``text`` joined by ``sep`` (apostrophes and dots dropped): ``O'Brien Ltd.`` -> ``obrien-ltd``."""
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text.replace("'", "").replace(".", "")).split()
    return sep.join(words)


def local_part(first: str, last: str) -> str:
    """``Amelia O'Brien`` -> ``amelia.obrien``."""
    return f"{slugify(first, '')}.{slugify(last, '')}"


def case_variant(email: str) -> str:
    """``dana.whitfield@northwind-traders.com`` -> ``Dana.Whitfield@Northwind-Traders.com``."""
    local, _, domain = email.partition("@")
    return (
        ".".join(p[:1].upper() + p[1:] for p in local.split("."))
        + "@"
        + "-".join(p[:1].upper() + p[1:] for p in domain.split("-"))
    )


@dataclass(frozen=True)
class Phone:
    """A phone number as its country code and digit groups, written in one of several styles."""

    cc: str
    groups: tuple[str, ...]

    @property
    def norm(self) -> str:
        return "+" + self.cc + "".join(self.groups)

    def fmt(self, style: int) -> str:
        g = self.groups
        if style == 0:
            return f"+{self.cc} " + " ".join(g)
        if style == 1:
            return f"+{self.cc} ({g[0]}) " + "-".join(g[1:])
        if style == 2:
            return f"+{self.cc}-" + "-".join(g)
        if style == 3:
            return self.norm
        if style == 4:
            return f"+{self.cc}." + ".".join(g)
        return f"+{self.cc} " + "-".join(g)

    @property
    def spoken(self) -> str:
        return "-".join(self.groups) if self.cc == "1" else " ".join(self.groups)


DISPLAY_STYLE = {"1": 1, "44": 0, "49": 0, "33": 0, "61": 0}
US_AREAS = ("206", "212", "312", "415", "425", "503", "512", "617", "646", "702", "718", "737", "857", "925", "971")


def new_phone(rng: random.Random, country: str, used: set[str]) -> Phone:
    """A fictional number of ``country`` not in ``used`` (which it joins), so no two people share one."""
    for _ in range(50):
        if country == "GB":
            phone = (
                Phone("44", ("20", "7946", f"0{rng.randrange(1000):03d}"))
                if rng.random() < 0.5
                else Phone("44", ("7700", f"900{rng.randrange(1000):03d}"))
            )
        elif country == "DE":
            phone = Phone(
                "49", (rng.choice(("30", "89", "40")), f"{rng.randrange(10000):04d}", f"{rng.randrange(10000):04d}")
            )
        elif country == "FR":
            phone = Phone("33", ("1", *(f"{rng.randrange(100):02d}" for _ in range(4))))
        elif country == "AU":
            phone = Phone("61", ("2", "5550", f"{rng.randrange(10000):04d}"))
        else:
            phone = Phone("1", (rng.choice(US_AREAS), "555", f"{rng.randrange(100, 10000):04d}"))
        if phone.norm not in used:
            used.add(phone.norm)
            return phone
    raise RuntimeError("phone number space exhausted")  # pragma: no cover - needs millions of people
