"""A deterministic, realistic demo company.

``create_demo_company(db)`` makes a company with one API key and fills every table a Gong-compatible server
serves: workspaces, users (a management tree, settings and their history), CRM accounts, contacts, leads and
opportunities, calls (parties, CRM context, transcripts, content and interaction analysis, comments, access
grants, library folders, recordings), e-mails, meetings and engagement events.

Determinism: everything is derived from ``seed`` (and the company id, for the numeric ids); nothing reads the
wall clock. Times are placed in the ~18 months before the fixed :data:`REFERENCE_MS`. The same seed and size
give the same rows, row for row.

Privacy subjects: a few well-known people (:data:`PRIVACY_SUBJECTS`) appear in every kind of reference the
data-privacy operations look for (call parties, e-mails from/to/cc, meeting invitees, a lead and a contact
record, engagement events, a transcript where they say their address and number), so that look-ups and erasures
have something to find.

Scale: rows are built as plain dicts and written with Core ``executemany`` inserts (up to 10,000 rows a
statement, ~50,000 rows a write transaction); memory stays flat however many calls are asked for. ``progress``
is called as ``progress(phase, done, total)`` after each batch, with the phases ``workspaces``, ``users``,
``crm_objects``, ``calls``, ``library_folders``, ``call_media`` (with ``media_dir``), ``emails``, ``meetings`` and
``engagement_events``.
"""

from __future__ import annotations

import base64
import bisect
import gc
import hashlib
import io
import itertools
import json
import random
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import orjson
from sqlalchemy import JSON, Column, Dialect, MetaData, Table, select, types

from gongkit import control as admin
from gongkit.db import schema as s
from gongkit.db.engine import Database
from gongkit.db.media import MediaStore
from gongkit.db.rows import render_basic_json
from gongkit.kernel.clock import FixedClock, ms_to_iso
from gongkit.kernel.errors import Conflict

Progress = Callable[[str, int, int], None]
Row = dict[str, Any]

__all__ = [
    "PRIVACY_SUBJECTS",
    "REFERENCE_MS",
    "DemoSize",
    "DemoSummary",
    "PrivacySubject",
    "create_demo_company",
    "demo_company_id",
    "demo_credentials",
    "generate",
]

# --- public API ------------------------------------------------------------------------------------------

#: The instant the demo data is "as of": 2026-11-01T00:00:00Z. Calls, e-mails and events lie before it.
REFERENCE_MS = 1_793_491_200_000
DAY_MS = 86_400_000
WINDOW_DAYS = 548  # ~18 months of history


@dataclass
class DemoSize:
    """How much to generate. Values below what the privacy subjects need are raised to that minimum
    (8 calls, 4 users, 3 accounts, 1 contact per account, 4 leads, 9 e-mails, 6 meetings, 9 events)."""

    calls: int = 200
    users: int = 25
    workspaces: int = 3
    accounts: int = 40
    contacts_per_account: int = 4
    leads: int = 60
    emails: int = 600
    meetings: int = 150
    engagement_events: int = 300
    transcript_share: float = 1.0  # fraction of calls with a transcript


@dataclass
class PrivacySubject:
    """A well-known person the demo references everywhere, for data-privacy demos and tests."""

    email: str
    phone: str | None
    description: str


@dataclass
class DemoSummary:
    company_id: int
    access_key: str
    secret: str
    counts: dict[str, int]
    subjects: list[PrivacySubject]


def demo_company_id(seed: int = 1, name: str = "Acme Robotics") -> int:
    """The id ``create_demo_company`` gives the company for this seed and name."""
    return (1 << 62) | (_hash_int("company", seed, name) & _MASK62)


def demo_credentials(seed: int = 1) -> tuple[str, str]:
    """The access key and secret ``create_demo_company`` makes for this seed (demo use only: anyone who knows
    the seed knows them)."""
    key = hashlib.sha256(f"gongkit-demo-access-key:{seed}".encode()).hexdigest()[:32].upper()
    digest = hashlib.sha256(f"gongkit-demo-secret:{seed}".encode()).digest()
    secret = base64.urlsafe_b64encode(digest).decode().rstrip("=")
    return key, secret


def create_demo_company(
    db: Database,
    *,
    seed: int = 1,
    size: DemoSize | None = None,
    name: str = "Acme Robotics",
    media_dir: Path | None = None,
    access_key: str | None = None,
    secret: str | None = None,
    rate_per_second: int | None = None,
    rate_per_day: int | None = None,
    progress: Progress | None = None,
    app_url: str = "http://localhost:8080",
    time_zone: str = "US/Pacific",
) -> DemoSummary:
    """Create the demo company (id from :func:`demo_company_id`), one API key (from :func:`demo_credentials`
    unless given) and its data. Raises :class:`~gongkit.kernel.errors.Conflict` if that company already exists."""
    company_id = demo_company_id(seed, name)
    default_key, default_secret = demo_credentials(seed)
    settings: dict[str, Any] = {"time_zone": time_zone}
    if rate_per_second is not None:
        settings["rate_per_second"] = rate_per_second
    if rate_per_day is not None:
        settings["rate_per_day"] = rate_per_day
    clock = FixedClock(REFERENCE_MS - 730 * DAY_MS)
    with db.write() as conn:
        exists = conn.execute(select(s.companies.c.id).where(s.companies.c.id == company_id)).first()
        if exists is not None:
            raise Conflict(f"a demo company with seed {seed} and name {name!r} already exists ({company_id})")
        admin.create_company(conn, clock, name, company_id=company_id, **settings)
        keys = admin.create_api_key(
            conn,
            clock,
            company_id,
            name="demo",
            access_key=access_key or default_key,
            secret=secret or default_secret,
        )
    summary = generate(
        db, company_id, seed=seed, size=size, media_dir=media_dir, progress=progress, app_url=app_url, name=name
    )
    summary.access_key = keys.access_key
    summary.secret = keys.secret
    return summary


def generate(
    db: Database,
    company_id: int,
    *,
    seed: int = 1,
    size: DemoSize | None = None,
    media_dir: Path | None = None,
    progress: Progress | None = None,
    app_url: str = "http://localhost:8080",
    name: str | None = None,
) -> DemoSummary:
    """Fill an existing company with demo data. The summary's ``access_key``/``secret`` are empty (no key is
    made here); ``counts`` holds the rows written per table."""
    if name is None:
        with db.read() as conn:
            name = str(admin.get_company(conn, company_id)["name"])
    gen = _Generator(
        db,
        company_id,
        name,
        seed=seed,
        size=_effective(size or DemoSize()),
        media_dir=media_dir,
        app_url=app_url.rstrip("/"),
        progress=progress,
    )
    gen.run()
    return DemoSummary(company_id, "", "", dict(gen.w.counts), [sp.public() for sp in _SUBJECTS])


def _effective(size: DemoSize) -> DemoSize:
    return DemoSize(
        calls=max(8, size.calls),
        users=max(4, size.users),
        workspaces=max(1, size.workspaces),
        accounts=max(3, size.accounts),
        contacts_per_account=max(1, size.contacts_per_account),
        leads=max(4, size.leads),
        emails=max(9, size.emails),
        meetings=max(6, size.meetings),
        engagement_events=max(9, size.engagement_events),
        transcript_share=min(1.0, max(0.0, size.transcript_share)),
    )


# --- determinism helpers ---------------------------------------------------------------------------------

_MASK62 = (1 << 62) - 1
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_B32HEX = "0123456789abcdefghijklmnopqrstuv"


def _hash_int(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256(repr(parts).encode()).digest()[:8], "big")


class _Ids:
    """Gong-style 19-digit ids (in [2**62, 2**63)).

    ``ids(kind, n)`` is a bijective mix of (kind, n), so never two alike. ``ids.ordered(kind, n)`` grows with
    ``n`` (calls and parties are made in time order, and like Gong's their ids grow with time): a per-company
    base, ``n`` in the high bits and a mixed low part, unique as long as ``n < 2**30``."""

    def __init__(self, seed: int, company_id: int) -> None:
        self._offset = _hash_int("ids", seed, company_id) & _MASK62
        self._seed = seed
        self._company = company_id

    def ordered(self, kind: int, n: int) -> int:
        base = _hash_int("ordered-ids", self._seed, self._company, kind) % ((1 << 62) - (1 << 47))
        return (1 << 62) + base + (n << 16) + (self(kind, n) & 0xFFFF)

    def __call__(self, kind: int, n: int) -> int:
        x = (self._offset + (kind << 40) + n) & _MASK62
        x ^= x >> 31
        x = (x * 0x2545F4914F6CDD1D) & _MASK62
        x ^= x >> 29
        x = (x * 0x1D8E4E27C47D124F) & _MASK62
        x ^= x >> 32
        return (1 << 62) | x


# id kinds
_K_WORKSPACE, _K_USER, _K_CRM, _K_CALL, _K_PARTY, _K_SPEAKER = 1, 2, 3, 4, 5, 6
_K_COMMENT, _K_FOLDER, _K_ENTRY, _K_MEDIA, _K_EVENT, _K_TRACKER, _K_CONTENT, _K_MEETING = 7, 8, 9, 10, 11, 12, 13, 14


_T = TypeVar("_T")


def _below(rnd: Callable[[], float], n: int) -> int:
    """A uniform integer in [0, n) (``randrange`` costs ten times more, and this runs millions of times)."""
    return int(rnd() * n)


def _pick(rnd: Callable[[], float], seq: Sequence[_T]) -> _T:
    return seq[int(rnd() * len(seq))]


def _sample(rnd: Callable[[], float], seq: Sequence[_T], k: int) -> list[_T]:
    """``k`` distinct items of ``seq`` (a partial shuffle; ``random.sample`` is slow for tiny samples)."""
    pool = list(seq)
    n = len(pool)
    k = max(0, min(k, n))
    for j in range(k):
        r = j + int(rnd() * (n - j))
        pool[j], pool[r] = pool[r], pool[j]
    return pool[:k]


def _rand_str(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choices(alphabet, k=n))


def _sf_id(rng: random.Random, prefix: str) -> str:
    """An 18-character Salesforce id with its real case-checksum suffix."""
    id15 = prefix + "5e0" + _rand_str(rng, _B62, 9)
    suffix = ""
    for i in range(3):
        chunk = id15[i * 5 : i * 5 + 5]
        flags = sum(1 << j for j, ch in enumerate(chunk) if "A" <= ch <= "Z")
        suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[flags]
    return id15 + suffix


def _slug(text: str, sep: str = "-") -> str:
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text.replace("'", "").replace(".", "")).split()
    return sep.join(words)


def _settled(ms: int) -> int:
    """Something that happened after a call, but before the reference instant."""
    return min(ms, REFERENCE_MS - 60_000)


def _local_part(first: str, last: str) -> str:
    """``Amelia O'Brien`` -> ``amelia.obrien``."""
    return f"{_slug(first, '')}.{_slug(last, '')}"


def _lower(email: str) -> str:
    return email.strip().lower()


def _norm(phone: str) -> str:
    return "+" + "".join(ch for ch in phone if ch.isdigit())


def _case_variant(email: str) -> str:
    """``dana.whitfield@northwind-traders.com`` -> ``Dana.Whitfield@Northwind-Traders.com``."""
    local, _, domain = email.partition("@")
    return (
        ".".join(p[:1].upper() + p[1:] for p in local.split("."))
        + "@"
        + "-".join(p[:1].upper() + p[1:] for p in domain.split("-"))
    )


@dataclass(frozen=True)
class _Phone:
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


_DISPLAY_STYLE = {"1": 1, "44": 0, "49": 0, "33": 0, "61": 0}
_US_AREAS = ("206", "212", "312", "415", "425", "503", "512", "617", "646", "702", "718", "737", "857", "925", "971")


def _new_phone(rng: random.Random, country: str, used: set[str]) -> _Phone:
    for _ in range(50):
        if country == "GB":
            phone = (
                _Phone("44", ("20", "7946", f"0{rng.randrange(1000):03d}"))
                if rng.random() < 0.5
                else _Phone("44", ("7700", f"900{rng.randrange(1000):03d}"))
            )
        elif country == "DE":
            phone = _Phone(
                "49", (rng.choice(("30", "89", "40")), f"{rng.randrange(10000):04d}", f"{rng.randrange(10000):04d}")
            )
        elif country == "FR":
            phone = _Phone("33", ("1", *(f"{rng.randrange(100):02d}" for _ in range(4))))
        elif country == "AU":
            phone = _Phone("61", ("2", "5550", f"{rng.randrange(10000):04d}"))
        else:
            phone = _Phone("1", (rng.choice(_US_AREAS), "555", f"{rng.randrange(100, 10000):04d}"))
        if phone.norm not in used:
            used.add(phone.norm)
            return phone
    raise RuntimeError("phone number space exhausted")  # pragma: no cover - needs millions of people


# --- privacy subjects ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _SubjectSpec:
    first: str
    last: str
    email: str
    title: str
    phone: _Phone
    mobile: _Phone | None
    account: str
    domain: str
    country: str
    system: str
    industry: str
    description: str

    @property
    def display_phone(self) -> str:
        return self.phone.fmt(_DISPLAY_STYLE[self.phone.cc])

    def public(self) -> PrivacySubject:
        return PrivacySubject(self.email, self.display_phone, self.description)


_SUBJECTS: tuple[_SubjectSpec, ...] = (
    _SubjectSpec(
        "Dana",
        "Whitfield",
        "dana.whitfield@northwind-traders.com",
        "Director of Operations",
        _Phone("1", ("425", "555", "2671")),
        _Phone("1", ("425", "555", "0188")),
        "Northwind Traders",
        "northwind-traders.com",
        "US",
        "Salesforce",
        "Logistics",
        "Director of Operations at Northwind Traders (Salesforce contact, and an earlier lead): external party on "
        "several calls (one under her lead record), says her e-mail and direct line in a recorded call, sends, "
        "receives and is copied on e-mails, is invited to meetings and appears in engagement events.",
    ),
    _SubjectSpec(
        "Marco",
        "Bellini",
        "marco.bellini@fabrikam-logistics.co.uk",
        "Head of Procurement",
        _Phone("44", ("20", "7946", "0958")),
        _Phone("44", ("7700", "900461")),
        "Fabrikam Logistics",
        "fabrikam-logistics.co.uk",
        "GB",
        "Salesforce",
        "Logistics",
        "Head of Procurement at Fabrikam Logistics (UK; Salesforce contact and lead): the same kinds of references "
        "as Dana Whitfield, with a UK number written several ways.",
    ),
    _SubjectSpec(
        "Priya",
        "Raman",
        "priya.raman@contoso-health.com",
        "Chief Technology Officer",
        _Phone("61", ("491", "570", "156")),
        None,
        "Contoso Health",
        "contoso-health.com",
        "AU",
        "HubSpot",
        "Healthcare",
        "CTO at Contoso Health (Australia; HubSpot contact and lead): the same kinds of references, in the HubSpot "
        "part of the CRM.",
    ),
)

#: The privacy subjects every demo company contains.
PRIVACY_SUBJECTS: tuple[PrivacySubject, ...] = tuple(sp.public() for sp in _SUBJECTS)

# --- word banks ------------------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FIRST = _words(
    "Olivia Liam Emma Noah Ava Ethan Sophia Mason Isabella Lucas Mia Logan Amelia James Harper Aiden Evelyn Elijah "
    "Abigail Benjamin Emily Jacob Ella Michael Scarlett Daniel Grace Henry Chloe Jackson Victoria Sebastian Riley "
    "Jack Aria Owen Lily Samuel Zoey Matthew Nora Wyatt Hannah Leo Layla David Zara Carlos Mei Arjun Sofia Yusuf "
    "Ingrid Kenji Amara Mateo Freya Ravi Elena Tomasz"
)
_LAST = _words(
    "Anderson Brooks Chen Diaz Edwards Fischer Garcia Hughes Ishikawa Jensen Kowalski Larsen Martinez Nakamura "
    "O'Brien Patel Quinn Rossi Schmidt Thompson Underwood Vasquez Walsh Xu Yamamoto Zimmerman Bennett Carter Dubois "
    "Evans Foster Gallagher Hoffmann Iyer Johansson Kim Lopez Murphy Novak Okafor Petrov Ramirez Sullivan Tanaka "
    "Varga Weber Young Alvarez Byrne Cohen Delgado Eriksen Farouk Greene Haddad Ivanova Jovanovic Keller Lindqvist "
    "Moreau"
)
_ACCOUNT_NAMES = (
    "Tailspin Toys",
    "Wide World Importers",
    "Litware",
    "Adventure Works",
    "Proseware",
    "Woodgrove Bank",
    "Alpine Ski House",
    "Blue Yonder Airlines",
    "Coho Winery",
    "Fourth Coffee",
    "Humongous Insurance",
    "Lucerne Publishing",
    "Margie's Travel",
    "Trey Research",
    "VanArsdel",
    "Wingtip Toys",
    "Relecloud",
    "A. Datum",
    "Consolidated Messenger",
    "Southridge Video",
    "City Power & Light",
    "Lamna Healthcare",
    "Tailwind Traders",
    "Bellows College",
    "Nod Publishers",
    "Olympia Freight",
    "Munson's Pickles",
    "Best For You Organics",
    "First Up Consultants",
    "Graphic Design Institute",
)
_NAME_PREFIX = _words(
    "Blue Iron Summit Harbor Granite Cedar Silver Pioneer Atlas Beacon Northgate Redwood Evergreen Crescent Keystone "
    "Riverside Lakeshore Highland Golden Oakridge Falcon Meridian Horizon Sterling Vista Coastal Prairie Union Liberty "
    "Frontier"
)
_NAME_SUFFIX = (
    "Logistics",
    "Foods",
    "Distribution",
    "Manufacturing",
    "Retail",
    "Supply",
    "Freight",
    "Wholesale",
    "Brands",
    "Pharma",
    "Outfitters",
    "Markets",
    "Industries",
    "Grocers",
    "Parts",
)
_INDUSTRIES = (
    "Logistics",
    "Retail",
    "Manufacturing",
    "Healthcare",
    "Food & Beverage",
    "Automotive",
    "E-commerce",
    "Pharmaceuticals",
    "Consumer Goods",
    "Aerospace",
)
_COUNTRIES = (("US", 70), ("GB", 12), ("DE", 8), ("FR", 5), ("AU", 5))
_COUNTRY_NAME = {"US": "United States", "GB": "United Kingdom", "DE": "Germany", "FR": "France", "AU": "Australia"}
_TLD = {"US": ".com", "GB": ".co.uk", "DE": ".de", "FR": ".fr", "AU": ".com.au"}
_CITY = {"US": "Chicago", "GB": "London", "DE": "Berlin", "FR": "Paris", "AU": "Sydney"}
_CUSTOMER_TITLES = (
    "VP of Operations",
    "Warehouse Manager",
    "Director of Supply Chain",
    "IT Director",
    "Procurement Manager",
    "CFO",
    "Head of Logistics",
    "Operations Analyst",
    "Site Lead",
    "COO",
    "Distribution Center Manager",
    "Automation Engineer",
)
_COMPETITORS = ("Roboflex", "Kinetica Automation", "Stackwise", "OrbitMotion", "Mechanica")
_STAGES = (
    ("Prospecting", 10),
    ("Qualification", 20),
    ("Needs Analysis", 30),
    ("Value Proposition", 40),
    ("Id. Decision Makers", 50),
    ("Perception Analysis", 60),
    ("Proposal/Price Quote", 70),
    ("Negotiation/Review", 85),
    ("Closed Won", 100),
    ("Closed Lost", 0),
)
_LEAD_STATUS = ("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted")
_LEAD_SOURCES = ("Web", "Webinar", "Trade Show", "Partner Referral", "Cold Call", "Advertisement")
_OPP_TYPES = ("New Business", "Existing Business - Upgrade", "Existing Business - Renewal")
_WORKSPACE_NAMES = (
    ("Sales", "New business: account executives and SDRs"),
    ("Customer Success", "Onboarding, adoption and renewals"),
    ("Partnerships", "Channel and integration partners"),
    ("EMEA Sales", "Sales in Europe, the Middle East and Africa"),
    ("APAC Sales", "Sales in Asia-Pacific"),
)

# Lines of speech per topic: (rep lines, customer lines). Internal topics use the first tuple only.
_LINES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Call Setup": (
        (
            "Hi {first}, thanks for making the time today.",
            "Can everyone hear me okay?",
            "I'll share my screen in a second.",
            "Before we dive in, is it okay if I record this so I can focus on our conversation?",
            "We have about thirty minutes, so here's what I'd suggest for the agenda.",
            "Let me quickly recap what we talked about last time.",
        ),
        (
            "Yes, I can hear you fine.",
            "Sure, recording is fine.",
            "Thanks for having us.",
            "I've got a hard stop at the top of the hour.",
            "I'm joining from the warehouse floor, so excuse the noise.",
            "Sounds good, let's get started.",
        ),
    ),
    "Small Talk": (
        (
            "How was your weekend?",
            "Are you still based in {city}?",
            "I saw {account} just opened a new distribution center, congratulations.",
            "Did you make it to the supply chain conference last week?",
        ),
        (
            "It was good, we finally got some sun.",
            "Busy week, quarter end is always hectic.",
            "Yes, we went live with the new site last month.",
            "Same as always, too many meetings.",
        ),
    ),
    "Discovery": (
        (
            "Can you walk me through how your team handles picking today?",
            "What does a typical peak season look like for {account}?",
            "How many sites are we talking about?",
            "What happens today when an order is delayed?",
            "Who else is involved in evaluating a project like this?",
            "What made you start looking at automation now?",
            "How do you measure pick accuracy today?",
        ),
        (
            "Right now it's mostly manual, we have about {n} people per shift.",
            "Peak season is brutal, volume roughly triples in November.",
            "We run {n} sites, but the pilot would be in one.",
            "Mis-picks are our biggest cost driver at the moment.",
            "Our VP of Operations signs off, but I run the evaluation.",
            "We tried a pilot with {competitor} two years ago and it didn't scale.",
            "Labor is the real problem, we can't hire fast enough.",
        ),
    ),
    "Product Demo": (
        (
            "Let me show you the fleet dashboard.",
            "Here you can see every robot's status in real time.",
            "This is where your supervisors assign zones.",
            "The routing adapts automatically when an aisle is blocked.",
            "Most customers see pick rates go up within the first month.",
            "This report is the one your finance team will care about.",
        ),
        (
            "Can supervisors override the routes manually?",
            "How long does it take to map a new site?",
            "That dashboard looks a lot cleaner than what we have today.",
            "What happens if the Wi-Fi drops?",
            "Can we export that report to Excel?",
        ),
    ),
    "Integration": (
        (
            "We integrate with most WMS platforms out of the box.",
            "The API is REST based and fully documented.",
            "Typically the integration takes two to three weeks.",
            "Our solutions engineer will walk your IT team through the connector.",
        ),
        (
            "We're on SAP EWM, is that supported?",
            "Our IT team will want to see the API documentation.",
            "Do you need a VPN into our network?",
            "Who owns the integration work, us or you?",
        ),
    ),
    "Security": (
        (
            "We're SOC 2 Type II certified and I can send the report under NDA.",
            "All data is encrypted in transit and at rest.",
            "We support SSO with Okta and Azure AD.",
            "Data is hosted in the region of your choice.",
        ),
        (
            "Our security team will send over a questionnaire.",
            "Do you support SSO?",
            "Where is the data stored?",
            "We need to be GDPR compliant for our EU sites.",
        ),
    ),
    "Pricing": (
        (
            "Pricing is per robot per month, and it includes support.",
            "For {n} robots we're looking at roughly {amount} a year.",
            "If you sign a three-year agreement we can lock in today's rate.",
            "There's a one-time onboarding fee for site mapping.",
        ),
        (
            "That's higher than we budgeted for.",
            "Is there any flexibility on the onboarding fee?",
            "What does the price look like if we start with one site?",
            "We'd need a quote in writing to take this to finance.",
        ),
    ),
    "Objections": (
        (
            "That's a fair concern, let me address it.",
            "A lot of our customers felt the same way before the pilot.",
            "We can structure the pilot so there's no risk for you.",
            "What would you need to see to feel confident?",
        ),
        (
            "Honestly, I'm worried about disruption during peak.",
            "Our floor staff are skeptical about robots.",
            "We're not sure the ROI works at our volumes.",
            "Timing is the issue, not the product.",
        ),
    ),
    "Competition": (
        (
            "How does {competitor} compare on what you've seen so far?",
            "Unlike {competitor}, we don't require floor markers.",
            "Customers usually pick us for the speed of deployment.",
        ),
        (
            "We're also talking to {competitor}.",
            "{competitor} came in cheaper, to be honest.",
            "Their demo was impressive but the contract terms weren't.",
        ),
    ),
    "Timeline": (
        (
            "When would you ideally want the first site live?",
            "Working backwards from that date, we'd need a signature by the end of the month.",
            "Is there a budget cycle we should be aware of?",
        ),
        (
            "We want to be live before peak season.",
            "Budget gets approved in January.",
            "Legal review usually takes two to three weeks on our side.",
        ),
    ),
    "Next Steps": (
        (
            "I'll send over a recap and the proposal by {day}.",
            "Let's get a technical session on the calendar with your IT team.",
            "Can we pencil in thirty minutes next {day}?",
            "I'll loop in our solutions engineer for the site assessment.",
        ),
        (
            "Sounds good, send me the proposal.",
            "Let me check with my boss and get back to you.",
            "Next {day} works for me.",
            "Please include the security documents in the email.",
        ),
    ),
    "Voicemail": (
        (
            "Hi {first}, this is {rep} from {company}.",
            "I was calling about the automation project we discussed.",
            "Give me a call back when you have a minute.",
            "I'll also send you a quick email with a few times that work.",
        ),
        (),
    ),
    "Pipeline": (
        (
            "Let's go through the commit deals for this quarter.",
            "Where are we with {account}?",
            "They're in legal review, I expect a signature next week.",
            "I'm worried about {account}, the champion went quiet.",
            "Can we get an exec sponsor on the {account} deal?",
            "The forecast is looking about ten percent short.",
            "Let's move {account} to best case for now.",
            "What's the next step on that one?",
            "I'll update the opportunity in the CRM after this call.",
        ),
        (),
    ),
    "Coaching": (
        (
            "Let's listen to the part where pricing came up.",
            "You jumped to the demo a little early there.",
            "Try asking one more discovery question before pitching.",
            "Nice job handling the objection about {competitor}.",
            "What would you do differently next time?",
            "I'd have asked who else is involved in the decision.",
        ),
        (),
    ),
}
_PII_EMAIL_LINES = ("Sure, my email is {email}.", "You can send it to {email}, that's the best address.")
_PII_PHONE_LINES = ("My direct line is {phone}, call me anytime.", "If I'm away from my desk, try me on {phone}.")

# Agendas: (section name, topic, weight). Telephony and internal calls have their own.
_AGENDAS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "Discovery": (
        ("Meeting Setup", "Call Setup", 1),
        ("Introductions", "Small Talk", 1),
        ("Current Process", "Discovery", 4),
        ("Product Overview", "Product Demo", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "Demo": (
        ("Meeting Setup", "Call Setup", 1),
        ("Recap", "Discovery", 1),
        ("Product Demo", "Product Demo", 5),
        ("Integrations", "Integration", 1),
        ("Questions", "Objections", 1),
        ("Next Steps", "Next Steps", 1),
    ),
    "Technical Deep Dive": (
        ("Meeting Setup", "Call Setup", 1),
        ("Architecture", "Integration", 3),
        ("Security Review", "Security", 3),
        ("Next Steps", "Next Steps", 1),
    ),
    "Pricing Review": (
        ("Meeting Setup", "Call Setup", 1),
        ("Proposal Walkthrough", "Pricing", 3),
        ("Concerns", "Objections", 2),
        ("Competitive Landscape", "Competition", 1),
        ("Next Steps", "Next Steps", 1),
    ),
    "Negotiation": (
        ("Meeting Setup", "Call Setup", 1),
        ("Commercial Terms", "Pricing", 3),
        ("Timeline", "Timeline", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "Onboarding": (
        ("Kickoff", "Call Setup", 1),
        ("Project Plan", "Timeline", 3),
        ("Integration Plan", "Integration", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "QBR": (
        ("Meeting Setup", "Small Talk", 1),
        ("Results Review", "Product Demo", 3),
        ("Expansion", "Pricing", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "Prospecting": (
        ("Introduction", "Call Setup", 1),
        ("Qualification", "Discovery", 3),
        ("Next Steps", "Next Steps", 1),
    ),
    "Follow-up": (
        ("Introduction", "Small Talk", 1),
        ("Open Questions", "Objections", 2),
        ("Next Steps", "Next Steps", 1),
    ),
    "Voicemail": (("Voicemail", "Voicemail", 1),),
    "Pipeline Review": (("Forecast", "Pipeline", 3), ("Deal Reviews", "Pipeline", 3)),
    "Coaching": (("Call Review", "Coaching", 4), ("Goals", "Coaching", 1)),
    "Deal Strategy": (("Account Review", "Pipeline", 3), ("Plan", "Pipeline", 2)),
}
_CONFERENCE_PURPOSES = ("Discovery", "Demo", "Technical Deep Dive", "Pricing Review", "Negotiation")
_CS_PURPOSES = ("Onboarding", "QBR")
_INTERNAL_PURPOSES = ("Pipeline Review", "Coaching", "Deal Strategy")
_CONFERENCE_SYSTEMS = (
    ("Zoom", "zoom", 45),
    ("Google Meet", "google-meet", 20),
    ("Microsoft Teams", "ms-teams", 25),
    ("Webex", "webex", 10),
)
_TELEPHONY_SYSTEMS = (
    ("Outreach", "outreach"),
    ("Salesloft", "salesloft"),
    ("RingCentral", "ringcentral"),
    ("Aircall", "aircall"),
)
_DISPOSITIONS = ("Connected", "Got the gatekeeper", "No answer", "Meeting booked", "Not interested")
_OUTCOMES = {
    "meeting": (
        ("NEXT_MEETING_SCHEDULED", "Answered", "Next meeting scheduled"),
        ("PROPOSAL_REQUESTED", "Answered", "Proposal requested"),
        ("FOLLOW_UP_NEEDED", "Answered", "Follow-up needed"),
        ("NO_DECISION", "Answered", "No decision"),
    ),
    "phone": (
        ("MEETING_BOOKED", "Answered", "Meeting booked"),
        ("CALLBACK_REQUESTED", "Answered", "Callback requested"),
        ("NOT_INTERESTED", "Answered", "Not interested"),
        ("GATEKEEPER", "Answered", "Got the gatekeeper"),
    ),
    "voicemail": (("LEFT_VOICEMAIL", "Not answered", "Left voicemail"),),
    "internal": (("INTERNAL_MEETING", "Internal", "Internal meeting"),),
}
_TRACKERS = (
    ("Competitors", "KEYWORD", _COMPETITORS),
    ("Pricing", "KEYWORD", ("price", "discount", "budget", "quote")),
    ("Security", "KEYWORD", ("SOC 2", "SSO", "GDPR", "encryption")),
    ("Timeline", "KEYWORD", ("this quarter", "deadline", "go-live")),
    ("Next Steps", "SMART", ()),
    ("Objections", "SMART", ()),
)
_KEY_POINTS = (
    "{account} wants to be live before peak season.",
    "Mis-picks and labor shortages are the main pain points.",
    "{account} is also evaluating {competitor}.",
    "Security review is required before a pilot can start.",
    "Budget for the project is approved for next quarter.",
    "The pilot would start at a single site with {n} robots.",
    "{first} asked for a written proposal with multi-year pricing.",
    "Integration with the existing WMS is a must-have.",
)
_HIGHLIGHT_ITEMS = {
    "Next Steps": (
        "{rep} to send a recap and proposal by {day}.",
        "Schedule a technical session with the {account} IT team.",
        "{first} to confirm the pilot site.",
    ),
    "Pain Points": (
        "Peak season volume roughly triples.",
        "Hiring warehouse staff is getting harder.",
        "Mis-picks drive returns and cost.",
    ),
    "Key Questions": (
        "How long does mapping a new site take?",
        "Is SSO supported?",
        "Is there flexibility on the onboarding fee?",
    ),
}
_OUTLINE_ITEMS = (
    "{first} described the current picking process.",
    "{rep} showed the fleet dashboard and zone assignment.",
    "The team discussed integration with the existing WMS.",
    "{first} raised concerns about disruption during peak season.",
    "Pricing per robot and the onboarding fee were reviewed.",
    "Agreed on a follow-up with the IT team.",
    "Compared the approach with {competitor}.",
    "Reviewed the project timeline and budget cycle.",
)
_BRIEFS = (
    "{rep_full} met with {customer_full} of {account} for a {purpose} call. {account} is evaluating warehouse "
    "automation ahead of peak season; mis-picks and hiring are the main pain points. They discussed {topics}. "
    "Next step: {rep} sends a recap and proposal by {day}.",
    "In this {purpose} call, {customer_full} ({account}) walked {rep_full} through their operations across {n} "
    "sites and compared the offer with {competitor}. They covered {topics}, and agreed to meet again next {day}.",
)
_COMMENTS = (
    "Great discovery questions here.",
    "This is a good example of handling the pricing objection.",
    "@[{manager}]({manager_id}) worth listening to this part.",
    "We should follow up on the security questionnaire.",
    "Nice recovery after the question about {competitor}.",
    "Could have asked about the decision process here.",
    "Adding this to the onboarding library.",
)
# E-mails: (subject, body) pairs, from the company and from customers.
_EMAILS_OUT = (
    (
        "Following up on our call",
        "Hi {to_first},\n\nThanks again for your time today. As promised, I've attached the proposal and a short "
        "recap of what we discussed. Let me know if {day} works for a follow-up.\n\nBest,\n{signature}",
    ),
    (
        "{company} <> {account}: next steps",
        "Hi {to_first},\n\nI wanted to follow up on the pilot we talked about. Happy to set up a session with your "
        "IT team whenever suits.\n\nThanks,\n{signature}",
    ),
    (
        "Security documentation",
        "Hi {to_first},\n\nAttached are our SOC 2 report and the security overview your team asked for.\n\n"
        "Regards,\n{signature}",
    ),
    (
        "Intro: warehouse automation for {account}",
        "Hi {to_first},\n\nTeams like yours use {company} robots to cut mis-picks ahead of peak season. Would you "
        "have 20 minutes on {day} to see if it fits {account}?\n\nBest,\n{signature}",
    ),
    (
        "Updated order form",
        "Hi {to_first},\n\nPlease find the updated order form attached, with the onboarding fee waived as "
        "discussed.\n\nThanks,\n{signature}",
    ),
)
_EMAILS_IN = (
    (
        "Re: Proposal for {account}",
        "Hi {to_first},\n\nThanks for sending this over. I shared it with our VP of Operations and we'll come back "
        "to you by {day}.\n\nBest regards,\n{signature}",
    ),
    (
        "Questions from our IT team",
        "Hi {to_first},\n\nOur IT team has a few questions about the WMS integration. Could we set up a call next "
        "week?\n\nThanks,\n{signature}",
    ),
    (
        "Budget update",
        "Hi {to_first},\n\nQuick update: budget for the project is approved for next quarter.\n\n{signature}",
    ),
    (
        "Re: Following up on our call",
        "Hi {to_first},\n\nThanks, this is helpful. {day} works for me, feel free to send an invite.\n\n{signature}",
    ),
)
_CONTENT_ASSETS = (
    "Product overview deck",
    "ROI calculator",
    "Case study: Tailspin Toys",
    "Security whitepaper",
    "Pricing sheet",
    "Implementation guide",
    "Fleet dashboard video tour",
    "Peak season playbook",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


# --- internal model --------------------------------------------------------------------------------------


@dataclass(eq=False)
class _User:
    id: int
    first: str
    last: str
    email: str
    title: str
    team: str  # CRO | MANAGER | AE | SE | SDR | CSM | PARTNER | AVATAR
    workspace_id: int
    manager_id: int | None
    phone: _Phone | None
    start_ms: int
    end_ms: int  # calls only within [start_ms, end_ms)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(eq=False)
class _Person:
    id: int
    external_id: str
    system: str
    object_type: str  # Contact | Lead
    first: str
    last: str
    email: str
    title: str
    phone: _Phone
    mobile: _Phone | None
    company: str
    account: _Account | None
    context_fields: list[dict[str, Any]] = field(default_factory=list)  # as shown in a call's CRM context

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(eq=False)
class _Opp:
    id: int
    external_id: str
    name: str
    amount: int
    stage: int  # index into _STAGES, today
    close_ms: int
    start_ms: int
    end_ms: int
    type: str
    lead_source: str
    fields: list[dict[str, Any]] = field(default_factory=list)


@dataclass(eq=False)
class _Account:
    id: int
    external_id: str
    system: str
    name: str
    domain: str
    country: str
    industry: str
    employees: int
    subject: bool = False
    contacts: list[_Person] = field(default_factory=list)
    opps: list[_Opp] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    fields_then: list[dict[str, Any]] = field(default_factory=list)  # an older version (fewer employees)


@dataclass
class _CallInfo:
    """What later sections (library, meetings, media) need to know about a generated call."""

    id: int
    workspace_id: int | None
    primary_user_id: int
    started_ms: int
    scheduled_ms: int | None
    duration: int
    title: str
    calendar_event_id: str | None
    has_transcript: bool
    invitees: list[tuple[str, str]]  # (email, name)


@dataclass(slots=True)
class _Call:
    """One call being generated."""

    i: int
    id: int
    slot: tuple[int, int] | None  # (privacy subject, occurrence) when a subject is on this call
    kind: str  # conference | phone | internal
    host: _User
    internal: list[_User] = field(default_factory=list)
    started: int = 0
    scheduled: int | None = None
    duration: int = 0
    system: str = ""
    provider: str = ""
    purpose: str = ""
    direction: str = ""
    media: str = ""
    meeting_url: str | None = None
    calendar_event_id: str | None = None
    account: _Account | None = None
    externals: list[_Person] = field(default_factory=list)
    lead_call: bool = False
    customer: str = ""
    title: str = ""

    def __post_init__(self) -> None:
        if not self.internal:
            self.internal = [self.host]


@dataclass(slots=True)
class _Speaker:
    id: str
    side: int  # 0 company, 1 customer
    user: _User | None
    person: _Person | None


@dataclass(slots=True)
class _Monologues:
    """What the interaction statistics need from a transcript."""

    minutes: float
    longest: list[int] = field(default_factory=lambda: [0, 0])  # ms, per side
    questions: list[int] = field(default_factory=lambda: [0, 0])
    switches: int = 0


# --- writer ----------------------------------------------------------------------------------------------

_ORDER: tuple[Table, ...] = (
    s.workspaces,
    s.users,
    s.user_settings_history,
    s.crm_objects,
    s.calls,
    s.call_parties,
    s.call_context_objects,
    s.call_external_objects,
    s.transcript_monologues,
    s.call_user_stats,
    s.call_comments,
    s.call_access,
    s.call_media,
    s.library_folders,
    s.library_entries,
    s.emails,
    s.email_recipients,
    s.meetings,
    s.meeting_invitees,
    s.engagement_events,
)


class _EncodedJSON(types.UserDefinedType[Any]):
    """A JSON column whose values arrive already serialized (orjson is several times faster than the default
    serializer). It renders no bind cast, so PostgreSQL reads the text as ``json``; SQLite stores it as is."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "JSON"

    def bind_processor(self, dialect: Dialect) -> None:
        return None


def _insert_target(table: Table) -> tuple[Table, tuple[str, ...]]:
    """A stand-in for ``table`` (same name and columns) whose JSON columns take pre-encoded text."""
    json_cols = tuple(c.name for c in table.columns if isinstance(c.type, JSON))
    shadow = Table(
        table.name,
        MetaData(),
        *[
            Column(c.name, _EncodedJSON() if c.name in json_cols else c.type, primary_key=c.primary_key)
            for c in table.columns
        ],
    )
    return shadow, json_cols


def _by_id(row: Row) -> Any:
    return row["id"]


class _Writer:
    """Pending rows per table, written in foreign-key order in one short write transaction per flush."""

    def __init__(self, db: Database, *, flush_rows: int = 50_000, statement_rows: int = 10_000) -> None:
        self.db = db
        self.flush_rows = flush_rows
        self.statement_rows = statement_rows
        self.rows: dict[str, list[Row]] = {t.name: [] for t in _ORDER}
        self.counts: dict[str, int] = {t.name: 0 for t in _ORDER}
        self.targets = {t.name: _insert_target(t) for t in _ORDER}

    def pending(self) -> int:
        return sum(len(v) for v in self.rows.values())

    def maybe_flush(self) -> bool:
        if self.pending() >= self.flush_rows:
            self.flush()
            return True
        return False

    def flush(self) -> None:
        if not self.pending():
            return
        dumps = orjson.dumps
        with self.db.write() as conn:
            # Ids are random, so index pages are hit all over: a bigger page cache for the duration of the
            # batch saves most of the re-reads (SQLite's default is 2 MB), and sorting helps the id index.
            cache_size = None
            if self.db.is_sqlite:
                cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
                conn.exec_driver_sql("PRAGMA cache_size = -262144")
            for table in _ORDER:
                rows = self.rows[table.name]
                if not rows:
                    continue
                target, json_cols = self.targets[table.name]
                if "id" in target.c and table.c.id.autoincrement is not True:
                    rows.sort(key=_by_id)
                for row in rows:
                    for col in json_cols:
                        value = row.get(col)
                        row[col] = None if value is None else dumps(value).decode()
                for i in range(0, len(rows), self.statement_rows):
                    conn.execute(target.insert(), rows[i : i + self.statement_rows])
                self.counts[table.name] += len(rows)
                rows.clear()
            if cache_size is not None:
                conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")


# --- the generator ---------------------------------------------------------------------------------------


class _Generator:
    def __init__(
        self,
        db: Database,
        company_id: int,
        company_name: str,
        *,
        seed: int,
        size: DemoSize,
        media_dir: Path | None,
        app_url: str,
        progress: Progress | None,
    ) -> None:
        self.db = db
        self.cid = company_id
        self.company = company_name
        self.seed = seed
        self.size = size
        self.media_dir = media_dir
        self.app_url = app_url
        self.progress = progress
        self.ids = _Ids(seed, company_id)
        self.w = _Writer(db)
        self.domain = (_slug(company_name, "") or "demo") + ".com"
        self.zoom_host = (_slug(company_name, "") or "demo") + ".zoom.us"
        self.product = f"{company_name} Fleet"
        self.window_start = REFERENCE_MS - WINDOW_DAYS * DAY_MS
        self.company_created = REFERENCE_MS - 730 * DAY_MS
        self.used_phones: set[str] = {sp.phone.norm for sp in _SUBJECTS} | {
            sp.mobile.norm for sp in _SUBJECTS if sp.mobile
        }
        self.used_emails: set[str] = {sp.email for sp in _SUBJECTS}
        self.workspace_ids: list[int] = []
        self.users: list[_User] = []
        self.accounts: list[_Account] = []
        self.leads: list[_Person] = []
        self.subject_contacts: list[_Person] = []
        self.subject_leads: list[_Person] = []
        self.integration = {
            "Salesforce": str(10**14 + _hash_int("integration", seed, "Salesforce") % (9 * 10**14)),
            "HubSpot": str(10**14 + _hash_int("integration", seed, "HubSpot") % (9 * 10**14)),
        }
        self.sample_calls: list[_CallInfo] = []
        self.conference_calls: list[_CallInfo] = []
        # Per subject: (call id, end instant) of the calls they are on; the one where they speak comes first.
        self.subject_calls: list[list[tuple[int, int]]] = [[] for _ in _SUBJECTS]
        self.tracker_ids = [self.ids(_K_TRACKER, i) for i in range(len(_TRACKERS))]

    def rng(self, *parts: object) -> random.Random:
        return random.Random(_hash_int("rng", self.seed, *parts))

    def report(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def run(self) -> None:
        # Millions of small, acyclic dicts: the cyclic collector would only rescan them over and over.
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._run()
        finally:
            if enabled:
                gc.enable()

    def _run(self) -> None:
        self.gen_workspaces()
        self.gen_users()
        self.gen_crm()
        self.gen_calls()
        self.gen_library()
        self.gen_media()
        self.gen_emails()
        self.gen_meetings()
        self.gen_engagement()
        self.w.flush()

    # -- organisation --------------------------------------------------------------------------------------

    def gen_workspaces(self) -> None:
        n = self.size.workspaces
        for i in range(n):
            base, desc = _WORKSPACE_NAMES[i % len(_WORKSPACE_NAMES)]
            wname = base if i < len(_WORKSPACE_NAMES) else f"{base} {i // len(_WORKSPACE_NAMES) + 1}"
            wid = self.ids(_K_WORKSPACE, i)
            self.workspace_ids.append(wid)
            self.w.rows["workspaces"].append(
                {"id": wid, "company_id": self.cid, "name": wname, "description": desc, "is_default": i == 0}
            )
        self.w.flush()
        self.report("workspaces", n, n)

    def _unique_email(self, local: str, domain: str) -> str:
        email = f"{local}@{domain}"
        k = 2
        while email in self.used_emails:
            email = f"{local}{k}@{domain}"
            k += 1
        self.used_emails.add(email)
        return email

    def gen_users(self) -> None:
        rng = self.rng("users")
        n = self.size.users
        n_avatars = 2 if n >= 8 else 1
        humans = n - n_avatars
        n_managers = max(1, round(humans / 7))
        team_cycle = ("AE", "CSM", "SDR", "PARTNER")
        ws = self.workspace_ids
        team_ws = {"AE": 0, "CSM": 1, "SDR": 0, "PARTNER": 2}
        users: list[_User] = []
        manager_team: list[tuple[_User, str]] = []
        span = REFERENCE_MS - self.window_start
        for i in range(humans):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            email = self._unique_email(_local_part(first, last), self.domain)
            start = self.company_created + rng.randrange(self.window_start - self.company_created)
            end = REFERENCE_MS
            if i == 0:
                title, team, manager, wsi = "Chief Revenue Officer", "CRO", None, 0
            elif i <= n_managers:
                team = team_cycle[(i - 1) % len(team_cycle)]
                title = {
                    "AE": "Regional Sales Director",
                    "CSM": "Director of Customer Success",
                    "SDR": "Sales Development Manager",
                    "PARTNER": "Head of Partnerships",
                }[team]
                wsi = team_ws[team]
                if team == "AE" and i > 1 and len(ws) > 3:
                    wsi = 3 + (i // len(team_cycle)) % (len(ws) - 3)
                manager = users[0].id
            else:
                boss, boss_team = manager_team[(i - n_managers - 1) % len(manager_team)]
                team = boss_team
                if team == "AE" and rng.random() < 0.25:
                    team, title = "SE", "Solutions Engineer"
                else:
                    title = rng.choice(
                        {
                            "AE": ("Account Executive", "Senior Account Executive", "Enterprise Account Executive"),
                            "CSM": ("Customer Success Manager", "Onboarding Specialist"),
                            "SDR": ("Sales Development Representative",),
                            "PARTNER": ("Partner Manager",),
                        }[boss_team]
                    )
                manager = boss.id
                wsi = next(j for j, w in enumerate(ws) if w == boss.workspace_id)
                r = rng.random()
                if r < 0.08:  # left the company
                    end = self.window_start + int(span * (0.3 + 0.5 * rng.random()))
                elif r < 0.18:  # joined during the window
                    start = self.window_start + int(span * (0.2 + 0.5 * rng.random()))
            user = _User(
                id=self.ids(_K_USER, i),
                first=first,
                last=last,
                email=email,
                title=title,
                team=team,
                workspace_id=ws[min(wsi, len(ws) - 1)],
                manager_id=manager,
                phone=_new_phone(rng, "US", self.used_phones),
                start_ms=start,
                end_ms=end,
            )
            users.append(user)
            if team != "CRO" and i <= n_managers:
                user.team = "MANAGER"
                manager_team.append((user, team))
        for k in range(n_avatars):
            label = ("Support", "Customer Success")[k % 2]
            local = f"{_slug(label, '-')}-{_slug(self.company, '')}{'' if k < 2 else k}"
            users.append(
                _User(
                    id=self.ids(_K_USER, humans + k),
                    first="Gong",
                    last=label,
                    email=f"{local}@gong.io",
                    title=f"Gong {label}",
                    team="AVATAR",
                    workspace_id=ws[0],
                    manager_id=None,
                    phone=None,
                    start_ms=self.company_created,
                    end_ms=self.company_created,
                )
            )
        self.users = users
        rows = self.w.rows["users"]
        hist = self.w.rows["user_settings_history"]
        slug = _slug(self.company, "-")
        for user in users:
            avatar = user.team == "AVATAR"
            active = avatar or user.end_ms == REFERENCE_MS
            settings = {
                "webConferencesRecorded": not avatar and rng.random() < 0.92,
                "preventWebConferenceRecording": not avatar and rng.random() < 0.04,
                "telephonyCallsImported": user.team in ("AE", "SDR", "CSM", "SE"),
                "emailsImported": not avatar and rng.random() < 0.9,
                "preventEmailImport": not avatar and rng.random() < 0.04,
                "nonRecordedMeetingsImported": not avatar and rng.random() < 0.8,
                "gongConnectEnabled": not avatar and rng.random() < 0.7,
            }
            local = user.email.split("@", 1)[0]
            aliases = (
                [f"{user.first[0].lower()}{_slug(user.last, '')}@{self.domain}"]
                if not avatar and rng.random() < 0.3
                else []
            )
            if not avatar and rng.random() < 0.2:
                aliases.append(f"{local}@{_slug(self.company, '-')}.io")
            langs: list[dict[str, Any]] = [] if avatar else [{"language": "en-US", "primary": True}]
            if not avatar and rng.random() < 0.2:
                langs.append({"language": rng.choice(("es-ES", "fr-FR", "de-DE")), "primary": False})
            rows.append(
                {
                    "id": user.id,
                    "company_id": self.cid,
                    "email_address": user.email,
                    "email_lower": _lower(user.email),
                    "created_ms": user.start_ms,
                    "active": active,
                    "email_aliases": aliases,
                    "trusted_email_address": None if avatar or rng.random() < 0.1 else user.email,
                    "first_name": user.first,
                    "last_name": user.last,
                    "title": user.title,
                    "phone_number": user.phone.fmt(rng.choice((1, 1, 0, 5))) if user.phone else None,
                    "extension": f"{rng.randrange(100, 1000)}" if not avatar and rng.random() < 0.3 else None,
                    "personal_meeting_urls": []
                    if avatar
                    else [f"https://{self.zoom_host}/my/{local}"]
                    + ([f"https://meet.google.com/{self._meet_code(rng)}"] if rng.random() < 0.3 else []),
                    "settings": settings,
                    "manager_id": user.manager_id,
                    "meeting_consent_page_url": None
                    if avatar
                    else f"https://join.gong.io/{slug}/{local}?tkn={_rand_str(rng, _B62, 22)}",
                    "spoken_languages": langs,
                    "is_avatar": avatar,
                }
            )
            # History: every setting at creation, some toggled once and back, "active" off when they left.
            history = {**settings, "callsImported": settings["telephonyCallsImported"]}
            history.pop("telephonyCallsImported")
            for setting, value in [("active", True), *history.items()]:
                t0 = user.start_ms
                hist.append(
                    {"company_id": self.cid, "user_id": user.id, "setting": setting, "value": value, "time_ms": t0}
                )
                if setting != "active" and not avatar and rng.random() < 0.25:
                    t1 = t0 + rng.randrange(1, 200) * DAY_MS + rng.randrange(DAY_MS)
                    t2 = t1 + rng.randrange(1, 60) * DAY_MS
                    if t2 < min(user.end_ms, REFERENCE_MS):
                        hist.append(
                            {
                                "company_id": self.cid,
                                "user_id": user.id,
                                "setting": setting,
                                "value": not value,
                                "time_ms": t1,
                            }
                        )
                        hist.append(
                            {
                                "company_id": self.cid,
                                "user_id": user.id,
                                "setting": setting,
                                "value": value,
                                "time_ms": t2,
                            }
                        )
            if not active:
                hist.append(
                    {
                        "company_id": self.cid,
                        "user_id": user.id,
                        "setting": "active",
                        "value": False,
                        "time_ms": user.end_ms,
                    }
                )
        self.w.flush()
        self.report("users", len(users), len(users))

    @staticmethod
    def _meet_code(rng: random.Random) -> str:
        letters = "abcdefghijklmnopqrstuvwxyz"
        return f"{_rand_str(rng, letters, 3)}-{_rand_str(rng, letters, 4)}-{_rand_str(rng, letters, 3)}"

    # -- CRM -----------------------------------------------------------------------------------------------

    def _external_id(self, rng: random.Random, system: str, object_type: str) -> str:
        if system == "HubSpot":
            return str(rng.randrange(10**9, 10**11))
        return _sf_id(rng, {"Account": "001", "Contact": "003", "Lead": "00Q", "Opportunity": "006"}[object_type])

    def _mirror(self, system: str, object_type: str, external_id: str) -> str:
        crm_type = {"Account": "ACCOUNT", "Contact": "CONTACT", "Lead": "LEAD", "Opportunity": "DEAL"}[object_type]
        return json.dumps(
            {"integrationId": self.integration[system], "crmObjectType": crm_type, "crmId": external_id},
            separators=(",", ":"),
        )

    def _account_names(self, rng: random.Random, n: int) -> list[str]:
        names = [sp.account for sp in _SUBJECTS]
        pool = list(_ACCOUNT_NAMES)
        rng.shuffle(pool)
        combos = [f"{p} {q}" for p in _NAME_PREFIX for q in _NAME_SUFFIX]
        rng.shuffle(combos)
        pool += combos
        k = 0
        while len(names) < n:
            base = pool[k % len(pool)]
            names.append(base if k < len(pool) else f"{base} {k // len(pool) + 1}")
            k += 1
        return names[:n]

    def _person_fields(self, p: _Person, status: str | None = None, source: str | None = None) -> list[dict[str, Any]]:
        if p.system == "HubSpot":
            out = [
                {"name": "firstname", "value": p.first},
                {"name": "lastname", "value": p.last},
                {"name": "email", "value": p.email},
                {"name": "phone", "value": p.phone.fmt(_DISPLAY_STYLE[p.phone.cc])},
                {"name": "jobtitle", "value": p.title},
                {"name": "company", "value": p.company},
            ]
            if p.mobile:
                out.append({"name": "mobilephone", "value": p.mobile.fmt(0)})
            if status:
                out.append(
                    {
                        "name": "lifecyclestage",
                        "value": "lead" if "Open" in status or "Working" in status else "customer",
                    }
                )
            return out
        out = [
            {"name": "Name", "value": p.name},
            {"name": "FirstName", "value": p.first},
            {"name": "LastName", "value": p.last},
            {"name": "Email", "value": p.email},
            {"name": "Phone", "value": p.phone.fmt(_DISPLAY_STYLE[p.phone.cc])},
            {"name": "Title", "value": p.title},
        ]
        if p.mobile:
            out.append({"name": "MobilePhone", "value": p.mobile.fmt(0)})
        if p.account is not None:
            out.append({"name": "AccountId", "value": p.account.external_id})
        else:
            out.append({"name": "Company", "value": p.company})
        if status:
            out.append({"name": "Status", "value": status})
        if source:
            out.append({"name": "LeadSource", "value": source})
        return out

    def _person_row(
        self,
        p: _Person,
        rng: random.Random,
        fields: list[dict[str, Any]],
        *,
        email: str | None = None,
        phone_style: int | None = None,
    ) -> Row:
        shown_email = email or p.email
        phone = p.phone.fmt(_DISPLAY_STYLE[p.phone.cc] if phone_style is None else phone_style)
        mobile = p.mobile.fmt(rng.choice((0, 5))) if p.mobile else None
        return {
            "id": p.id,
            "company_id": self.cid,
            "system": p.system,
            "object_type": p.object_type,
            "external_id": p.external_id,
            "mirror_id": self._mirror(p.system, p.object_type, p.external_id),
            "name": p.name,
            "account_id": p.account.id if p.account else None,
            "email_address": shown_email,
            "email_lower": _lower(shown_email),
            "phone_number": phone,
            "phone_norm": _norm(phone),
            "mobile_phone_number": mobile,
            "mobile_norm": _norm(mobile) if mobile else None,
            "fields": fields,
            "modified_ms": self.window_start + rng.randrange(REFERENCE_MS - self.window_start),
        }

    def gen_crm(self) -> None:
        rng = self.rng("crm")
        crm_n = 0

        def next_id() -> int:
            nonlocal crm_n
            crm_n += 1
            return self.ids(_K_CRM, crm_n)

        rows = self.w.rows["crm_objects"]
        country_pool = [c for c, w in _COUNTRIES for _ in range(w)]
        names = self._account_names(rng, self.size.accounts)
        span = REFERENCE_MS - self.window_start
        for a, name in enumerate(names):
            spec = _SUBJECTS[a] if a < len(_SUBJECTS) else None
            country = spec.country if spec else rng.choice(country_pool)
            system = spec.system if spec else ("HubSpot" if rng.random() < 0.15 else "Salesforce")
            if spec:
                domain = spec.domain
            else:
                domain = _slug(name, "-") + _TLD[country]
                k = 2
                while "@" + domain in self.used_emails:
                    domain = f"{_slug(name, '-')}{k}{_TLD[country]}"
                    k += 1
                self.used_emails.add("@" + domain)
            acct = _Account(
                id=next_id(),
                external_id=self._external_id(rng, system, "Account"),
                system=system,
                name=name,
                domain=domain,
                country=country,
                industry=spec.industry if spec else rng.choice(_INDUSTRIES),
                employees=rng.choice((80, 150, 400, 900, 2500, 6000, 15000)),
                subject=spec is not None,
            )
            acct.fields = [
                {"name": "Name", "value": name},
                {"name": "Website", "value": f"https://www.{domain}"},
                {"name": "Industry", "value": acct.industry},
                {"name": "NumberOfEmployees", "value": acct.employees},
                {"name": "BillingCountry", "value": _COUNTRY_NAME[country]},
            ]
            acct.fields_then = [
                {"name": "NumberOfEmployees", "value": int(acct.employees * 0.9)}
                if f["name"] == "NumberOfEmployees"
                else f
                for f in acct.fields
            ]
            rows.append(
                {
                    "id": acct.id,
                    "company_id": self.cid,
                    "system": system,
                    "object_type": "Account",
                    "external_id": acct.external_id,
                    "mirror_id": self._mirror(system, "Account", acct.external_id),
                    "name": name,
                    "account_id": None,
                    "email_address": None,
                    "email_lower": None,
                    "phone_number": None,
                    "phone_norm": None,
                    "mobile_phone_number": None,
                    "mobile_norm": None,
                    "fields": acct.fields,
                    "modified_ms": self.window_start + rng.randrange(span),
                }
            )
            for c in range(self.size.contacts_per_account):
                if spec and c == 0:
                    p = _Person(
                        next_id(),
                        self._external_id(rng, system, "Contact"),
                        system,
                        "Contact",
                        spec.first,
                        spec.last,
                        spec.email,
                        spec.title,
                        spec.phone,
                        spec.mobile,
                        name,
                        acct,
                    )
                    self.subject_contacts.append(p)
                else:
                    first, last = rng.choice(_FIRST), rng.choice(_LAST)
                    p = _Person(
                        next_id(),
                        self._external_id(rng, system, "Contact"),
                        system,
                        "Contact",
                        first,
                        last,
                        self._unique_email(_local_part(first, last), domain),
                        rng.choice(_CUSTOMER_TITLES),
                        _new_phone(rng, country, self.used_phones),
                        _new_phone(rng, country, self.used_phones) if rng.random() < 0.6 else None,
                        name,
                        acct,
                    )
                p.context_fields = self._context_fields(p)
                acct.contacts.append(p)
                rows.append(self._person_row(p, rng, self._person_fields(p)))
            n_opps = 1 + (rng.random() < 0.4) + (rng.random() < 0.15)
            for k in range(n_opps):
                o_start = self.window_start + span * k // n_opps
                o_end = self.window_start + span * (k + 1) // n_opps
                # Earlier opportunities are closed; the latest one is at any stage.
                stage = (8 if rng.random() < 0.6 else 9) if k < n_opps - 1 else rng.randrange(0, 10)
                amount = rng.randrange(20, 400) * 1000
                close = o_end + rng.randrange(0, 60) * DAY_MS if stage < 8 else o_end - rng.randrange(0, 20) * DAY_MS
                otype = _OPP_TYPES[0] if k == 0 else rng.choice(_OPP_TYPES[1:])
                label = ("Pilot", "Expansion", "Renewal", "Multi-site Rollout")[k % 4] if k else "New Business"
                opp = _Opp(
                    next_id(),
                    self._external_id(rng, system, "Opportunity"),
                    f"{name} - {label}",
                    amount,
                    stage,
                    close,
                    o_start,
                    o_end,
                    otype,
                    rng.choice(_LEAD_SOURCES),
                )
                opp.fields = self._opp_fields(opp, opp.stage, opp.amount)
                acct.opps.append(opp)
                rows.append(
                    {
                        "id": opp.id,
                        "company_id": self.cid,
                        "system": system,
                        "object_type": "Opportunity",
                        "external_id": opp.external_id,
                        "mirror_id": self._mirror(system, "Opportunity", opp.external_id),
                        "name": opp.name,
                        "account_id": acct.id,
                        "email_address": None,
                        "email_lower": None,
                        "phone_number": None,
                        "phone_norm": None,
                        "mobile_phone_number": None,
                        "mobile_norm": None,
                        "fields": opp.fields,
                        "modified_ms": min(REFERENCE_MS - DAY_MS, o_end),
                    }
                )
            self.accounts.append(acct)
            if len(rows) >= 5000:
                self.w.flush()
        # Leads: the subjects' earlier lead records first, then prospects of other companies.
        lead_companies = [f"{p} {q}" for p in _NAME_PREFIX for q in _NAME_SUFFIX]
        rng.shuffle(lead_companies)
        for i in range(self.size.leads):
            if i < len(_SUBJECTS):
                spec = _SUBJECTS[i]
                p = _Person(
                    next_id(),
                    self._external_id(rng, spec.system, "Lead"),
                    spec.system,
                    "Lead",
                    spec.first,
                    spec.last,
                    spec.email,
                    spec.title,
                    spec.phone,
                    spec.mobile,
                    spec.account,
                    None,
                )
                self.subject_leads.append(p)
                # The lead was typed in by hand: capitalised address, the number written another way.
                row = self._person_row(
                    p,
                    rng,
                    self._person_fields(p, "Closed - Converted", "Webinar"),
                    email=_case_variant(spec.email),
                    phone_style=4,
                )
            else:
                company = lead_companies[i % len(lead_companies)]
                if i >= len(lead_companies):
                    company = f"{company} {i // len(lead_companies) + 1}"
                country = rng.choice(country_pool)
                system = "HubSpot" if rng.random() < 0.15 else "Salesforce"
                first, last = rng.choice(_FIRST), rng.choice(_LAST)
                p = _Person(
                    next_id(),
                    self._external_id(rng, system, "Lead"),
                    system,
                    "Lead",
                    first,
                    last,
                    self._unique_email(_local_part(first, last), _slug(company, "") + _TLD[country]),
                    rng.choice(_CUSTOMER_TITLES),
                    _new_phone(rng, country, self.used_phones),
                    _new_phone(rng, country, self.used_phones) if rng.random() < 0.4 else None,
                    company,
                    None,
                )
                row = self._person_row(
                    p,
                    rng,
                    self._person_fields(p, rng.choice(_LEAD_STATUS), rng.choice(_LEAD_SOURCES)),
                    phone_style=rng.choice((0, 1, 2, 5)),
                )
            p.context_fields = self._context_fields(p)
            self.leads.append(p)
            rows.append(row)
        self.w.flush()
        total = self.w.counts["crm_objects"]
        self.report("crm_objects", total, total)

    @staticmethod
    def _context_fields(p: _Person) -> list[dict[str, Any]]:
        return [
            {"name": "Name", "value": p.name},
            {"name": "Email", "value": p.email},
            {"name": "Title", "value": p.title},
        ]

    @staticmethod
    def _opp_fields(opp: _Opp, stage: int, amount: int) -> list[dict[str, Any]]:
        return [
            {"name": "Name", "value": opp.name},
            {"name": "StageName", "value": _STAGES[stage][0]},
            {"name": "Amount", "value": amount},
            {"name": "Probability", "value": _STAGES[stage][1]},
            {"name": "CloseDate", "value": ms_to_iso(opp.close_ms)[:10]},
            {"name": "Type", "value": opp.type},
            {"name": "LeadSource", "value": opp.lead_source},
        ]

    # -- calls ---------------------------------------------------------------------------------------------

    def _subject_slots(self, n_calls: int) -> dict[int, tuple[int, int]]:
        """call index -> (subject index, occurrence number)."""
        per = max(2, min(8, n_calls // (8 * len(_SUBJECTS))))
        rng = self.rng("subject-calls")
        picks = rng.sample(range(n_calls), per * len(_SUBJECTS))
        return {idx: (k // per, k % per) for k, idx in enumerate(picks)}

    def _prepare_calls(self) -> None:
        self.takers = [u for u in self.users if u.team != "AVATAR"]
        weights = {"CRO": 1, "MANAGER": 3, "AE": 12, "SE": 3, "SDR": 10, "CSM": 8, "PARTNER": 5}
        self.taker_cum = list(itertools.accumulate(weights[u.team] for u in self.takers))
        self.stable = [u for u in self.takers if u.start_ms <= self.window_start and u.end_ms == REFERENCE_MS]
        self.by_workspace: dict[int, list[_User]] = {}
        for u in self.takers:
            self.by_workspace.setdefault(u.workspace_id, []).append(u)
        self.user_by_id = {u.id: u for u in self.users}
        self.conf_cum = list(itertools.accumulate(c[2] for c in _CONFERENCE_SYSTEMS))
        self.party_n = 0
        self.comment_n = 0

    def gen_calls(self) -> None:
        n = self.size.calls
        rng = self.rng("calls")
        rt = self.rng("transcripts")
        rc = self.rng("collaboration")
        share = self.size.transcript_share
        slots = self._subject_slots(n)
        self._prepare_calls()
        w = self.w
        calls_rows = w.rows["calls"]
        subject_speaks = [share > 0] * len(_SUBJECTS)  # the subject still has to say their address in a call
        # Calls come in time order; what later sections need is sampled evenly over the whole period.
        sample_limit = max(400, self.size.meetings)
        sample_stride = max(1, n // sample_limit)
        conference_stride = max(1, n // (2 * self.size.meetings))
        for i in range(n):
            slot = slots.get(i)
            call = self._plan_call(rng, i, slot)
            row = self._call_row(rng, call)
            parties, speakers, invitees = self._parties(rng, call)
            if call.kind != "internal":
                self._crm_context(rng, call, parties)
            # Transcript and analysis (from their own random stream, so call metadata does not depend on them).
            force = slot is not None and subject_speaks[slot[0]] and not call.lead_call
            has_transcript = force or (share > 0 and rt.random() < share)
            talk: dict[str, int] = {}
            if has_transcript:
                pii, pii_speaker = self._spoken_details(rt, call, speakers, force)
                if force:
                    subject_speaks[call.slot[0] if call.slot else 0] = False
                ctx = self._text_context(call)
                sections = self._sections(rt, call.purpose, call.duration)
                marks, talk, mono = self._transcript(rt, call, sections, speakers, ctx, pii, pii_speaker)
                if force or (call.duration >= 60 and rt.random() < 0.94):
                    row["content"] = self._content(rt, call, sections, marks, speakers, ctx)
                    row["interaction"] = self._interaction(rt, call, speakers, talk, mono)
            if slot is not None:
                entry = (call.id, call.started + call.duration * 1000)
                subjects = self.subject_calls[slot[0]]
                subjects.insert(0 if force else len(subjects), entry)
            row["basic_json"] = render_basic_json(row)  # the listing's CallBasicData, as every writer stores it
            calls_rows.append(row)
            self._user_stats(rt, call, speakers, talk)
            self._collaboration(rc, call)
            sampled = i % sample_stride == 0 and len(self.sample_calls) < sample_limit
            linkable = (
                call.kind == "conference"
                and slot is None
                and i % conference_stride == 0
                and len(self.conference_calls) < self.size.meetings
            )
            if sampled or linkable:
                info = _CallInfo(
                    call.id,
                    call.host.workspace_id,
                    call.host.id,
                    call.started,
                    call.scheduled,
                    call.duration,
                    call.title,
                    call.calendar_event_id,
                    has_transcript,
                    invitees,
                )
                if sampled:
                    self.sample_calls.append(info)
                if linkable:
                    self.conference_calls.append(info)
            if w.maybe_flush():
                self.report("calls", i + 1, n)
        w.flush()
        self.report("calls", n, n)

    def _plan_call(self, rng: random.Random, i: int, slot: tuple[int, int] | None) -> _Call:
        """When, who, what kind of call, with whom."""
        rnd = rng.random
        # In time order (a stratified uniform draw, skewed towards recent months): the time indexes then grow
        # at their end instead of everywhere.
        u = (i + rnd()) / self.size.calls
        t = self.window_start + int((REFERENCE_MS - self.window_start - 2 * DAY_MS) * u**0.8)
        day = t // DAY_MS
        weekday = (day + 3) % 7  # 1970-01-01 was a Thursday
        if weekday >= 5:
            day -= weekday - 4  # weekend calls move to the Friday before
        day_start = day * DAY_MS
        hour = 14 + _below(rnd, 9)  # business hours in the Americas
        host = self.takers[bisect.bisect_right(self.taker_cum, rnd() * self.taker_cum[-1])]
        if not (host.start_ms <= day_start < host.end_ms - DAY_MS):
            host = _pick(rnd, self.stable)
        team = host.team
        r = rnd()
        if slot is not None:
            kind = "phone" if slot[1] % 3 == 2 else "conference"
        elif team in ("MANAGER", "CRO"):
            kind = "internal" if r < 0.5 else "conference"
        elif team == "SDR":
            kind = "phone" if r < 0.9 else "conference"
        elif team == "CSM":
            kind = "conference" if r < 0.85 else "phone"
        else:
            kind = "conference" if r < 0.68 else ("phone" if r < 0.93 else "internal")
        call = _Call(i=i, id=self.ids.ordered(_K_CALL, i), slot=slot, kind=kind, host=host)
        if kind == "phone":
            call.started = day_start + hour * 3_600_000 + _below(rnd, 3_600_000)
            call.system, call.provider = _pick(rnd, _TELEPHONY_SYSTEMS)
            if team == "SDR" and slot is None and rnd() < 0.3:
                call.purpose = "Voicemail"
                call.duration = 20 + _below(rnd, 55)
                call.direction = "Outbound"
            else:
                call.purpose = "Prospecting" if team == "SDR" or rnd() < 0.4 else "Follow-up"
                call.duration = int(60 + rng.expovariate(1 / 420))
                call.direction = "Outbound" if rnd() < 0.72 else "Inbound"
            call.media = "Audio"
        else:
            call.scheduled = day_start + hour * 3_600_000 + _pick(rnd, (0, 0, 0, 30, 30, 15, 45)) * 60_000
            call.started = call.scheduled + (_below(rnd, 360) - 60) * 1000
            system = _CONFERENCE_SYSTEMS[bisect.bisect_right(self.conf_cum, rnd() * self.conf_cum[-1])]
            call.system, call.provider = system[0], system[1]
            call.direction = "Conference"
            call.media = "Video" if rnd() < 0.85 else "Audio"
            if kind == "internal":
                coaching = team in ("MANAGER", "CRO") and rnd() < 0.3
                call.purpose = "Coaching" if coaching else _pick(rnd, ("Pipeline Review", "Deal Strategy"))
                call.duration = (15 + _below(rnd, 35)) * 60 + _below(rnd, 60)
            else:
                call.purpose = _pick(rnd, _CS_PURPOSES if team == "CSM" else _CONFERENCE_PURPOSES)
                call.duration = int(max(600, min(5400, rng.gauss(1900, 650))))
            call.meeting_url = self._meeting_url(rng, call.system, host)
            call.calendar_event_id = f"{_rand_str(rng, _B32HEX, 26)}@google.com"
        # Colleagues on the call.
        if kind != "phone":
            colleagues = self.by_workspace.get(host.workspace_id, self.takers)
            n_int = 1 + _below(rnd, 3) if kind == "internal" else (rnd() < 0.35) + (rnd() < 0.1)
            for _ in range(n_int):
                c = _pick(rnd, colleagues)
                if c not in call.internal and c.start_ms <= call.started < c.end_ms:
                    call.internal.append(c)
            if kind == "internal" and len(call.internal) == 1:
                manager = self.user_by_id.get(host.manager_id) if host.manager_id else None
                call.internal.append(manager or (self.takers[1] if host is self.takers[0] else self.takers[0]))
        # The customer side.
        if slot is not None:
            sub, occurrence = slot
            if occurrence == 1:  # an older call, when the subject was still a lead
                call.lead_call = True
                call.externals = [self.subject_leads[sub]]
            else:
                call.account = self.accounts[sub]
                call.externals = [self.subject_contacts[sub]]
                if kind == "conference":
                    pool = self._contacts(call.account)
                    call.externals += _sample(rnd, pool, _below(rnd, 3))
        elif kind != "internal":
            if not ((kind == "phone" and rnd() < 0.3) or rnd() < 0.05):
                call.account = self._random_account(rng)
                pool = self._contacts(call.account)
                k = 1 if kind == "phone" else 1 + (rnd() < 0.5) + (rnd() < 0.25) + (rnd() < 0.1)
                call.externals = _sample(rnd, pool, k)
            if not call.externals:
                call.account = None
                call.lead_call = True
                call.externals = [_pick(rnd, self.other_leads)]
        call.customer = call.account.name if call.account else (call.externals[0].company if call.externals else "")
        call.title = self._title(rng, call)
        return call

    def _title(self, rng: random.Random, call: _Call) -> str:
        rnd = rng.random
        if call.kind == "internal":
            if call.purpose == "Coaching":
                return f"1:1 {call.host.first} / {call.internal[1].first}"
            if call.purpose == "Deal Strategy":
                return f"Deal strategy: {_pick(rnd, self.accounts).name}"
            quarter = "Q" + str(1 + (call.started // DAY_MS // 91) % 4)
            return f"{_pick(rnd, ('Weekly', 'Monthly', quarter))} pipeline review"
        if call.kind == "phone":
            who = call.externals[0].name
            return f"{call.system} call with {who}" if call.direction == "Outbound" else f"Inbound call from {who}"
        form = _below(rnd, 3)
        if form == 0:
            return f"{self.company} <> {call.customer}: {call.purpose}"
        if form == 1:
            return f"{call.customer} | {self.company} - {call.purpose}"
        return f"{call.purpose}: {call.customer}"

    def _call_row(self, rng: random.Random, call: _Call) -> Row:
        rnd = rng.random
        disposition = None
        if call.kind == "phone" and call.host.team == "SDR":
            disposition = "Left voicemail" if call.purpose == "Voicemail" else _pick(rnd, _DISPOSITIONS)
        return {
            "id": call.id,
            "company_id": self.cid,
            "workspace_id": call.host.workspace_id,
            "client_unique_id": f"{call.provider.upper()}-{call.id:X}" if call.kind == "phone" else None,
            "url": f"{self.app_url}/call?id={call.id}",
            "title": call.title,
            "scheduled_ms": call.scheduled,
            "started_ms": call.started,
            # Gong lists web conferences it recorded by their scheduled time, other calls by their start.
            "listed_ms": call.scheduled if call.scheduled is not None else call.started,
            "duration": call.duration,
            "primary_user_id": call.host.id,
            "direction": call.direction,
            "system": call.system,
            "scope": "Internal" if call.kind == "internal" else "External",
            "media": call.media,
            "language": "eng",
            "purpose": call.purpose,
            "meeting_url": call.meeting_url,
            "is_private": call.slot is None and rnd() < 0.015,
            "custom_data": None,
            "sdr_disposition": disposition,
            "calendar_event_id": call.calendar_event_id,
            "call_provider_code": call.provider,
            "download_media_url": None,
            "status": "COMPLETED",
            "content": None,
            "interaction": None,
            "created_ms": call.started + call.duration * 1000 + (120 + _below(rnd, 1080)) * 1000,
        }

    def _parties(self, rng: random.Random, call: _Call) -> tuple[list[Row], list[_Speaker], list[tuple[str, str]]]:
        rnd = rng.random
        phone_call = call.kind == "phone"
        parties: list[Row] = []
        speakers: list[_Speaker] = []
        invitees: list[tuple[str, str]] = []
        for j, u in enumerate(call.internal):
            self.party_n += 1
            spoke = j == 0 or rnd() < 0.85
            sid = str(self.ids(_K_SPEAKER, self.party_n)) if spoke else None
            phone = u.phone.fmt(1) if (phone_call and u.phone) else None
            parties.append(
                {
                    "id": self.ids.ordered(_K_PARTY, self.party_n),
                    "call_id": call.id,
                    "company_id": self.cid,
                    "speaker_id": sid,
                    "user_id": u.id,
                    "name": u.name,
                    "title": u.title,
                    "email_address": u.email,
                    "email_lower": _lower(u.email),
                    "phone_number": phone,
                    "phone_norm": _norm(phone) if phone else None,
                    "affiliation": "Internal",
                    "methods": ["Attendee"] if phone_call else (["Invitee", "Attendee"] if spoke else ["Invitee"]),
                    "crm_object_id": None,
                    "media_channel_id": 0 if phone_call else None,
                }
            )
            if sid:
                speakers.append(_Speaker(sid, 0, u, None))
            if not phone_call:
                invitees.append((u.email, u.name))
        for j, p in enumerate(call.externals):
            self.party_n += 1
            subject_here = call.slot is not None and j == 0
            spoke = call.purpose != "Voicemail" and (j == 0 or rnd() < 0.8)
            sid = str(self.ids(_K_SPEAKER, self.party_n)) if spoke else None
            # Some addresses come capitalised from the calendar (the *_lower twin evens them out).
            capitalised = call.slot[1] == 1 if (subject_here and call.slot) else rnd() < 0.05
            email = _case_variant(p.email) if capitalised else p.email
            phone = None
            if phone_call or subject_here or rnd() < 0.08:
                number = p.mobile if (p.mobile and not subject_here and rnd() < 0.3) else p.phone
                phone = number.fmt(_below(rnd, 6))
            parties.append(
                {
                    "id": self.ids.ordered(_K_PARTY, self.party_n),
                    "call_id": call.id,
                    "company_id": self.cid,
                    "speaker_id": sid,
                    "user_id": None,
                    "name": p.name,
                    "title": p.title,
                    "email_address": email,
                    "email_lower": _lower(email),
                    "phone_number": phone,
                    "phone_norm": _norm(phone) if phone else None,
                    "affiliation": "External",
                    "methods": ["Attendee"] if phone_call else (["Invitee", "Attendee"] if spoke else ["Invitee"]),
                    "crm_object_id": p.id,
                    "media_channel_id": 1 if phone_call else None,
                }
            )
            if sid:
                speakers.append(_Speaker(sid, 1, None, p))
            if not phone_call:
                invitees.append((p.email, p.name))
        if call.kind == "conference" and call.slot is None and rnd() < 0.03:
            # Someone dialled in by phone and was never identified.
            self.party_n += 1
            dial_in = _Phone("1", (_pick(rnd, _US_AREAS), "555", f"{100 + _below(rnd, 100):04d}")).fmt(5)
            parties.append(
                {
                    "id": self.ids.ordered(_K_PARTY, self.party_n),
                    "call_id": call.id,
                    "company_id": self.cid,
                    "speaker_id": None,
                    "user_id": None,
                    "name": None,
                    "title": None,
                    "email_address": None,
                    "email_lower": None,
                    "phone_number": dial_in,
                    "phone_norm": _norm(dial_in),
                    "affiliation": "Unknown",
                    "methods": ["Attendee"],
                    "crm_object_id": None,
                    "media_channel_id": None,
                }
            )
        self.w.rows["call_parties"].extend(parties)
        return parties, speakers, invitees

    def _crm_context(self, rng: random.Random, call: _Call, parties: list[Row]) -> None:
        """The CRM objects the call is associated with, then and now, and where it was logged."""
        rnd = rng.random
        ctx_rows = self.w.rows["call_context_objects"]
        account = call.account
        if account is not None:
            opps = account.opps
            opp = opps[
                min(len(opps) - 1, (call.started - self.window_start) * len(opps) // (REFERENCE_MS - self.window_start))
            ]
            progress = (call.started - opp.start_ms) / max(1, opp.end_ms - opp.start_ms)
            final = min(opp.stage, 7)
            stage_then = max(0, min(final, int(progress * (final + 1))))
            amount_then = (
                opp.amount if rnd() < 0.6 else int(opp.amount * _pick(rnd, (0.8, 0.9, 1.1, 1.25))) // 1000 * 1000
            )
            account_then = account.fields_then if rnd() < 0.2 else account.fields
            ctx_rows.append(
                {
                    "call_id": call.id,
                    "company_id": self.cid,
                    "party_id": None,
                    "system": account.system,
                    "object_type": "Account",
                    "object_id": account.external_id,
                    "fields": account.fields,
                    "fields_at_call": account_then,
                }
            )
            ctx_rows.append(
                {
                    "call_id": call.id,
                    "company_id": self.cid,
                    "party_id": None,
                    "system": account.system,
                    "object_type": "Opportunity",
                    "object_id": opp.external_id,
                    "fields": opp.fields,
                    "fields_at_call": self._opp_fields(opp, stage_then, amount_then),
                }
            )
        for party, p in zip(parties[len(call.internal) :], call.externals, strict=False):
            fields_then = p.context_fields
            if rnd() < 0.1:
                fields_then = [*p.context_fields[:2], {"name": "Title", "value": _pick(rnd, _CUSTOMER_TITLES)}]
            ctx_rows.append(
                {
                    "call_id": call.id,
                    "company_id": self.cid,
                    "party_id": party["id"],
                    "system": p.system,
                    "object_type": p.object_type,
                    "object_id": p.external_id,
                    "fields": p.context_fields,
                    "fields_at_call": fields_then,
                }
            )
        system = account.system if account else call.externals[0].system
        if rnd() < 0.85:
            ext = self.w.rows["call_external_objects"]
            task_id = _sf_id(rng, "00T") if system == "Salesforce" else str(10**10 + _below(rnd, 9 * 10**10))
            ext.append(
                {
                    "call_id": call.id,
                    "company_id": self.cid,
                    "system": system,
                    "object_type": "Task",
                    "external_id": task_id,
                }
            )
            if system == "Salesforce" and call.kind == "conference" and rnd() < 0.2:
                ext.append(
                    {
                        "call_id": call.id,
                        "company_id": self.cid,
                        "system": system,
                        "object_type": "Conversation",
                        "external_id": _sf_id(rng, "0LQ"),
                    }
                )

    def _spoken_details(
        self, rt: random.Random, call: _Call, speakers: list[_Speaker], force: bool
    ) -> tuple[tuple[str, str | None] | None, str | None]:
        """Whether someone says their e-mail address (and number) in the call: always the privacy subject in
        their chosen call, now and then another customer."""
        if force and call.slot is not None:
            spec = _SUBJECTS[call.slot[0]]
            subject = self.subject_contacts[call.slot[0]]
            speaker = next((sp.id for sp in speakers if sp.person is subject), None)
            return (spec.email, spec.phone.spoken), speaker
        if call.kind != "internal" and rt.random() < 0.1:
            external = [sp for sp in speakers if sp.side == 1]
            if external and external[-1].person is not None:
                who = external[-1].person
                return (who.email, who.phone.spoken if rt.random() < 0.5 else None), external[-1].id
        return None, None

    def _text_context(self, call: _Call) -> dict[str, str]:
        i = call.i
        cust = call.externals[0] if call.externals else None
        other = call.internal[1] if len(call.internal) > 1 else call.host
        return {
            "first": cust.first if cust else other.first,
            "rep": call.host.first,
            "company": self.company,
            "account": call.customer or self.accounts[i % len(self.accounts)].name,
            "competitor": _COMPETITORS[i % len(_COMPETITORS)],
            "city": _CITY[call.account.country] if call.account else "Chicago",
            "n": str(2 + i % 14),
            "amount": f"${(call.account.opps[-1].amount if call.account else 60000):,}",
            "day": _DAYS[i % 5],
            "product": self.product,
            "rep_full": call.host.name,
            "customer_full": cust.name if cust else other.name,
            "purpose": call.purpose.lower(),
        }

    @staticmethod
    def _sections(rng: random.Random, purpose: str, duration: int) -> list[tuple[str, str, int, int]]:
        """The call's agenda: (name, topic, start second, length in seconds), covering the call."""
        agenda = _AGENDAS[purpose]
        rnd = rng.random
        weights = [wt * (0.7 + 0.6 * rnd()) for _, _, wt in agenda]
        total = sum(weights)
        out: list[tuple[str, str, int, int]] = []
        start = 0
        for k, ((name, topic, _), wt) in enumerate(zip(agenda, weights, strict=True)):
            length = duration - start if k == len(agenda) - 1 else int(duration * wt / total)
            out.append((name, topic, start, length))
            start += length
        return out

    def _transcript(
        self,
        rt: random.Random,
        call: _Call,
        sections: list[tuple[str, str, int, int]],
        speakers: list[_Speaker],
        ctx: dict[str, str],
        pii: tuple[str, str | None] | None,
        pii_speaker: str | None,
    ) -> tuple[list[tuple[float, str]], dict[str, int], _Monologues]:
        """Monologues in slots spread over the call; sentences timed by their length, inside the slot."""
        rnd = rt.random
        duration = call.duration
        internal_call = call.kind == "internal"
        company_side = [sp for sp in speakers if sp.side == 0]
        customer_side = [sp for sp in speakers if sp.side == 1]
        m_count = 1 if call.purpose == "Voicemail" else max(2, min(10, duration // 240 + _below(rnd, 3)))
        # Who speaks each monologue: the sides mostly alternate; the host speaks for the company.
        order: list[_Speaker] = []
        side = 0
        for m in range(m_count):
            if m and customer_side and rnd() < 0.8:
                side = 1 - side
            if side == 1 and customer_side:
                sp = _pick(rnd, customer_side)
            elif internal_call:
                sp = _pick(rnd, company_side)
                if order and sp is order[-1] and len(company_side) > 1:
                    sp = company_side[(company_side.index(sp) + 1) % len(company_side)]
            else:
                sp = company_side[0] if len(company_side) == 1 or rnd() < 0.75 else _pick(rnd, company_side[1:])
            order.append(sp)
        pii_m = -1
        if pii is not None and pii_speaker is not None:
            pii_m = max((m for m, sp in enumerate(order) if sp.side == 1), default=m_count - 1)
            order[pii_m] = next(sp for sp in speakers if sp.id == pii_speaker)
        slot = duration * 1000 // m_count
        rows = self.w.rows["transcript_monologues"]
        talk: dict[str, int] = {}
        marks: list[tuple[float, str]] = []
        stats = _Monologues(minutes=max(1.0, duration / 60))
        section = 0
        for m, sp in enumerate(order):
            s_start = m * slot
            s_end = s_start + slot - 100
            while section + 1 < len(sections) and sections[section + 1][2] * 1000 <= s_start:
                section += 1
            topic = sections[section][1]
            rep_lines, customer_lines = _LINES[topic]
            lines = customer_lines if (sp.side == 1 and customer_lines and not internal_call) else rep_lines
            texts: list[str] = []
            if m == pii_m and pii is not None:
                texts.append(_pick(rnd, _PII_EMAIL_LINES).format(email=pii[0]))
                if pii[1]:
                    texts.append(_pick(rnd, _PII_PHONE_LINES).format(phone=pii[1]))
            for line in _sample(rnd, lines, _pick(rnd, (1, 2, 3, 3, 4, 4, 5, 6)) - len(texts)):
                texts.append(line.format_map(ctx) if "{" in line else line)
            t = s_start + 100 + _below(rnd, max(100, min(2900, slot // 4)))
            sentences: list[dict[str, Any]] = []
            spoken = 0
            for text in texts:
                d = max(700, len(text) * 70 + _below(rnd, 600) - 300)  # ~14 characters a second
                if t + d > s_end:
                    if sentences or t + 300 > s_end:
                        break
                    d = s_end - t
                sentences.append({"start": t, "end": t + d, "text": text})
                spoken += d
                if text[-1] == "?":
                    stats.questions[sp.side] += 1
                t += d + 150 + _below(rnd, 750)
            if not sentences:
                continue
            talk[sp.id] = talk.get(sp.id, 0) + spoken
            stats.longest[sp.side] = max(stats.longest[sp.side], sentences[-1]["end"] - sentences[0]["start"])
            if marks and order[m - 1].side != sp.side:
                stats.switches += 1
            rows.append(
                {
                    "call_id": call.id,
                    "company_id": self.cid,
                    "seq": len(marks),
                    "speaker_id": sp.id,
                    "topic": topic,
                    "sentences": sentences,
                }
            )
            marks.append((sentences[0]["start"] / 1000, sp.id))
        return marks, talk, stats

    def _content(
        self,
        rt: random.Random,
        call: _Call,
        sections: list[tuple[str, str, int, int]],
        marks: list[tuple[float, str]],
        speakers: list[_Speaker],
        ctx: dict[str, str],
    ) -> dict[str, Any]:
        """``CallData.content`` as Gong returns it (all blocks; the server picks what the selector asks for)."""
        rnd = rt.random
        duration = call.duration
        topics: dict[str, int] = {}
        for _name, topic, _start, length in sections:
            topics[topic] = topics.get(topic, 0) + length
        trackers: list[dict[str, Any]] = []
        for (tname, ttype, phrases), tid in zip(_TRACKERS, self.tracker_ids, strict=True):
            if not marks or rnd() < 0.6:
                continue
            hits = sorted(_sample(rnd, marks, 1 + _below(rnd, 3)))
            occurrences = [{"startTime": round(st, 2), "speakerId": sid} for st, sid in hits]
            tracker: dict[str, Any] = {
                "id": str(tid),
                "name": tname,
                "count": len(occurrences),
                "type": ttype,
                "occurrences": occurrences,
                "phrases": [],
            }
            if ttype == "KEYWORD":
                phrase = _pick(rnd, phrases)
                tracker["phrases"] = [{"count": len(occurrences), "occurrences": occurrences, "phrase": phrase}]
            trackers.append(tracker)
        discussed = [t.lower() for t in topics if t not in ("Call Setup", "Small Talk")] or ["next steps"]
        fmt = dict(ctx, topics=", ".join(discussed[:3]))
        outline = []
        for name, _topic, start, length in sections:
            at = float(start + _below(rnd, max(1, length)))
            items = [{"text": _pick(rnd, _OUTLINE_ITEMS).format_map(fmt), "startTime": at}]
            outline.append({"section": name, "startTime": float(start), "duration": float(length), "items": items})
        highlights = []
        for htitle, texts in _HIGHLIGHT_ITEMS.items():
            if call.kind == "internal" and htitle != "Next Steps":
                continue
            picks = _sample(rnd, texts, 1 + _below(rnd, len(texts)))
            items = [{"text": x.format_map(fmt), "startTimes": [float(_below(rnd, duration))]} for x in picks]
            highlights.append({"title": htitle, "items": items})
        if call.kind == "internal":
            outcome_kind, brief = "internal", f"{call.host.name} led a {ctx['purpose']} with the team."
        else:
            outcome_kind = (
                "voicemail" if call.purpose == "Voicemail" else ("phone" if call.kind == "phone" else "meeting")
            )
            brief = _pick(rnd, _BRIEFS).format_map(fmt)
        oid, category, oname = _pick(rnd, _OUTCOMES[outcome_kind])
        action_at = float(max(0, duration - 30 - _below(rnd, 90)))
        return {
            "structure": [{"name": name, "duration": length} for name, _t, _s, length in sections],
            "topics": [{"name": k, "duration": v} for k, v in topics.items()],
            "trackers": trackers,
            "brief": brief,
            "outline": outline,
            "highlights": highlights,
            "keyPoints": [{"text": x.format_map(fmt)} for x in _sample(rnd, _KEY_POINTS, 3)],
            "callOutcome": {"id": oid, "category": category, "name": oname},
            "pointsOfInterest": {
                "actionItems": [
                    {
                        "snippetStartTime": action_at,
                        "snippetEndTime": min(float(duration), action_at + 8.0),
                        "speakerID": speakers[0].id,
                        "snippet": f"I'll send over a recap and the proposal by {ctx['day']}.",
                    }
                ]
            },
        }

    @staticmethod
    def _interaction(
        rt: random.Random, call: _Call, speakers: list[_Speaker], talk: dict[str, int], st: _Monologues
    ) -> dict[str, Any]:
        """``CallData.interaction`` as Gong returns it."""
        rnd = rt.random
        total = sum(talk.values()) or 1
        out_speakers: list[dict[str, Any]] = []
        for sp in speakers:
            entry: dict[str, Any] = {"id": sp.id}
            if sp.user is not None:
                entry["userId"] = str(sp.user.id)
            entry["talkTime"] = round(talk.get(sp.id, 0) / 1000, 1)
            out_speakers.append(entry)
        out: dict[str, Any] = {
            "speakers": out_speakers,
            "interactionStats": [
                {"name": "Talk Ratio", "value": round(talk.get(speakers[0].id, 0) / total, 2)},
                {"name": "Longest Monologue", "value": st.longest[0] // 1000},
                {"name": "Longest Customer Story", "value": st.longest[1] // 1000},
                {"name": "Interactivity", "value": round(min(10.0, st.switches / st.minutes * 4), 1)},
                {"name": "Patience", "value": round(0.4 + 1.2 * rnd(), 2)},
                {"name": "Question Rate", "value": round(st.questions[0] / st.minutes * 10, 1)},
            ],
        }
        if call.media == "Video":
            left = float(call.duration)
            video = []
            for vname in ("Presentation", "Browser", "WebcamPrimaryUser", "WebcamNonCompany", "Webcam"):
                d = round(left * (0.1 + 0.3 * rnd()), 1)
                left -= d
                video.append({"name": vname, "duration": d})
            out["video"] = video
        out["questions"] = {"companyCount": st.questions[0], "nonCompanyCount": st.questions[1]}
        return out

    def _user_stats(self, rt: random.Random, call: _Call, speakers: list[_Speaker], talk: dict[str, int]) -> None:
        """The per-user inputs of the statistics endpoints, for every call (measured from the recording)."""
        rnd = rt.random
        rows = self.w.rows["call_user_stats"]
        duration = call.duration
        for sp in speakers:
            if sp.user is None:
                continue
            if talk:
                talk_sec = talk.get(sp.id, 0) // 1000
            else:
                talk_sec = int(duration * (0.45 if sp.user is call.host else 0.15) * (0.8 + 0.4 * rnd()))
            rows.append(
                {
                    "call_id": call.id,
                    "company_id": self.cid,
                    "user_id": sp.user.id,
                    "talk_time_sec": talk_sec,
                    "stats": [
                        {"name": "Talk Ratio", "value": round(talk_sec / duration, 2)},
                        {"name": "Longest Monologue", "value": min(talk_sec, 30 + _below(rnd, 150))},
                        {"name": "Longest Customer Story", "value": 10 + _below(rnd, 110)},
                        {"name": "Interactivity", "value": round(2 + 6 * rnd(), 1)},
                        {"name": "Patience", "value": round(0.4 + 1.2 * rnd(), 2)},
                        {"name": "Question Rate", "value": round(1 + 9 * rnd(), 1)},
                    ],
                }
            )

    def _collaboration(self, rc: random.Random, call: _Call) -> None:
        """Comments on some calls, individual access grants on a few."""
        rnd = rc.random
        end_ms = call.started + call.duration * 1000
        if call.kind != "phone" and rnd() < 0.08:
            manager = self.user_by_id[call.host.manager_id] if call.host.manager_id else call.host
            previous: int | None = None
            for k in range(1 + _below(rnd, 3)):
                self.comment_n += 1
                comment_id = self.ids(_K_COMMENT, self.comment_n)
                author = _pick(rnd, call.internal) if rnd() < 0.7 else manager
                text = _pick(rnd, _COMMENTS).format(
                    manager=manager.name, manager_id=manager.id, competitor=_COMPETITORS[call.i % len(_COMPETITORS)]
                )
                at = _below(rnd, max(1, call.duration - 30))
                during = rnd() < 0.2
                posted = call.started + at * 1000 if during else end_ms + (600 + _below(rnd, 5 * 86_400)) * 1000
                self.w.rows["call_comments"].append(
                    {
                        "id": comment_id,
                        "call_id": call.id,
                        "company_id": self.cid,
                        "commenter_user_id": author.id,
                        "comment": text,
                        "audio_start_time": at,
                        "audio_end_time": at + _below(rnd, 30),
                        "posted_ms": _settled(posted),
                        "in_reply_to": previous if (previous is not None and k > 0 and rnd() < 0.6) else None,
                        "during_call": during,
                    }
                )
                previous = comment_id
        if rnd() < 0.02:
            members = {u.id for u in call.internal}
            for u in _sample(rnd, self.takers, 2):
                if u.id not in members:
                    self.w.rows["call_access"].append(
                        {
                            "call_id": call.id,
                            "company_id": self.cid,
                            "user_id": u.id,
                            "granted_ms": _settled(end_ms + (1 + _below(rnd, 30)) * DAY_MS),
                        }
                    )

    @property
    def other_leads(self) -> list[_Person]:
        """Leads that are not privacy subjects (random references never pick a subject)."""
        return self.leads[len(_SUBJECTS) :]

    def _random_account(self, rng: random.Random) -> _Account:
        n_sub = len(_SUBJECTS)
        if len(self.accounts) > n_sub and rng.random() < 0.97:
            return self.accounts[n_sub + _below(rng.random, len(self.accounts) - n_sub)]
        return _pick(rng.random, self.accounts)

    @staticmethod
    def _contacts(account: _Account) -> list[_Person]:
        """An account's contacts other than a privacy subject (may be empty)."""
        return account.contacts[1:] if account.subject else account.contacts

    def _meeting_url(self, rng: random.Random, system: str, host: _User) -> str:
        if system == "Zoom":
            return f"https://{self.zoom_host}/j/{10**9 + _below(rng.random, 9 * 10**10)}"
        if system == "Google Meet":
            return f"https://meet.google.com/{self._meet_code(rng)}"
        if system == "Microsoft Teams":
            return f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{_rand_str(rng, _B62, 48)}%40thread.v2/0"
        return f"https://{_slug(self.company, '')}.webex.com/meet/{host.email.split('@', 1)[0]}"

    # -- library and media ---------------------------------------------------------------------------------

    def gen_library(self) -> None:
        rng = self.rng("library")
        folders = self.w.rows["library_folders"]
        entries = self.w.rows["library_entries"]
        folder_n = 0
        entry_n = 0
        humans = [u for u in self.users if u.team != "AVATAR"]
        by_ws: dict[int | None, list[_CallInfo]] = {}
        for info in self.sample_calls:
            by_ws.setdefault(info.workspace_id, []).append(info)
        plans: dict[int, list[tuple[str, int | None, bool, bool]]] = {}
        for k, wid in enumerate(self.workspace_ids):
            if k == 0:
                plans[wid] = [
                    ("Sales Training", None, True, False),
                    ("Discovery Calls", 0, True, False),
                    ("Objection Handling", 0, True, False),
                    ("Pricing Objections", 2, True, False),
                    ("Competitive Wins", None, True, False),
                    ("Archive 2025", None, True, True),
                    ("My Favorites", None, False, False),
                ]
            else:
                plans[wid] = [
                    ("Best Practices", None, True, False),
                    ("Kickoff Calls", 0, True, False),
                    ("Team Picks", None, False, False),
                ]
        for wid, plan in plans.items():
            made: list[int] = []
            for fname, parent, public, archived in plan:
                folder_n += 1
                fid = self.ids(_K_FOLDER, folder_n)
                made.append(fid)
                creator = rng.choice(humans)
                folders.append(
                    {
                        "id": fid,
                        "company_id": self.cid,
                        "workspace_id": wid,
                        "name": fname,
                        "parent_folder_id": made[parent] if parent is not None else None,
                        "is_public": public,
                        "is_archived": archived,
                        "created_by_user_id": creator.id,
                        "updated_ms": self.window_start + rng.randrange(REFERENCE_MS - self.window_start),
                    }
                )
                pool = [c for c in by_ws.get(wid, []) if c.has_transcript] or by_ws.get(wid, []) or self.sample_calls
                for info in rng.sample(pool, min(len(pool), rng.randrange(2, 7))):
                    entry_n += 1
                    start = rng.randrange(max(1, info.duration - 60))
                    entries.append(
                        {
                            "id": self.ids(_K_ENTRY, entry_n),
                            "folder_id": fid,
                            "call_id": info.id,
                            "company_id": self.cid,
                            "title": info.title,
                            "note": rng.choice(
                                (
                                    "Great example of discovery.",
                                    "Listen to how the objection is handled.",
                                    "Strong close.",
                                    None,
                                )
                            ),
                            "added_by_user_id": creator.id,
                            "created_ms": _settled(
                                info.started_ms + info.duration * 1000 + rng.randrange(1, 30) * DAY_MS
                            ),
                            "snippet_from_sec": start,
                            "snippet_to_sec": min(info.duration, start + rng.randrange(20, 120)),
                        }
                    )
        self.w.flush()
        made_folders = self.w.counts["library_folders"]
        self.report("library_folders", made_folders, made_folders)

    def gen_media(self) -> None:
        if self.media_dir is None:
            return
        store = MediaStore(self.media_dir)
        # Recordings for the call each subject speaks in, and for a few other calls.
        targets = [calls[0] for calls in self.subject_calls if calls]
        taken = {call_id for call_id, _ in targets}
        pool = [c for c in self.sample_calls if c.has_transcript] or self.sample_calls
        targets += [(c.id, c.started_ms + c.duration * 1000) for c in pool if c.id not in taken][:5]
        media_rows = self.w.rows["call_media"]
        for k, (call_id, created) in enumerate(targets):
            data = _tone_wav(k)
            media_id = self.ids(_K_MEDIA, k)
            key = store.put(self.cid, call_id, media_id, data)
            media_rows.append(
                {
                    "id": media_id,
                    "call_id": call_id,
                    "company_id": self.cid,
                    "kind": "audio",
                    "storage_key": key,
                    "content_type": "audio/wav",
                    "size": len(data),
                    "created_ms": created,
                }
            )
        self.w.flush()
        self.report("call_media", len(targets), len(targets))

    # -- e-mail, meetings, engagement ----------------------------------------------------------------------

    def _signature(self, who: _User | _Person, phone_style: int = 1) -> str:
        if isinstance(who, _User):
            phone = who.phone.fmt(phone_style) if who.phone else ""
            return f"{who.name}\n{who.title} | {self.company}\n{phone}".rstrip()
        return f"{who.name}\n{who.title}, {who.company}\n{who.phone.fmt(phone_style)}"

    def gen_emails(self) -> None:
        rng = self.rng("emails")
        # Message ids are keys across companies: they come from a stream that also depends on the company.
        id_rng = random.Random(_hash_int("email-ids", self.seed, self.cid))
        n = self.size.emails
        humans = [u for u in self.users if u.team not in ("AVATAR",)]
        subject_slots: dict[int, tuple[int, int]] = {}
        for k, idx in enumerate(rng.sample(range(n), 3 * len(_SUBJECTS))):
            subject_slots[idx] = (k // 3, k % 3)
        emails = self.w.rows["emails"]
        recips = self.w.rows["email_recipients"]
        span = REFERENCE_MS - self.window_start
        accounts = self.accounts
        for i in range(n):
            slot = subject_slots.get(i)
            user = rng.choice(humans)
            account: _Account | None
            if slot is not None:
                account = accounts[slot[0]]
                person = self.subject_contacts[slot[0]]
                mode = ("in", "out", "cc")[slot[1]]
            else:
                account = self._random_account(rng) if rng.random() < 0.85 else None
                pool = self._contacts(account) if account else []
                if pool:
                    person = rng.choice(pool)
                else:
                    account = None
                    person = rng.choice(self.other_leads)
                mode = "out" if rng.random() < 0.6 else "in"
            to: list[tuple[str, str]] = []
            cc: list[tuple[str, str]] = []
            fmt = {"company": self.company, "account": person.company, "day": rng.choice(_DAYS)}
            if mode == "in":
                sender: _User | _Person = person
                to.append((user.email, user.first))
                subject, body = rng.choice(_EMAILS_IN)
                others = [c for c in self._contacts(account) if c is not person] if account else []
                if others and rng.random() < 0.3:
                    other = rng.choice(others)
                    cc.append((other.email, other.first))
            else:
                sender = user
                to.append((person.email, person.first))
                subject, body = rng.choice(_EMAILS_OUT)
                if rng.random() < 0.3:
                    colleague = rng.choice(humans)
                    if colleague is not user:
                        cc.append((colleague.email, colleague.first))
            if mode == "cc":
                # The subject is copied on a thread with a colleague of hers (or another lead).
                colleagues = account.contacts[1:] if account else []
                other_p = rng.choice(colleagues) if colleagues else rng.choice(self.other_leads)
                to = [(other_p.email, other_p.first)]
                cc = [(_case_variant(person.email), person.first)]
            sent = self.window_start + rng.randrange(span)
            subject = subject.format_map(fmt)
            body_text = body.format(to_first=to[0][1], signature=self._signature(sender, rng.randrange(6)), **fmt)
            eid = _rand_str(id_rng, _ALNUM, 32)
            from_addr = sender.email
            emails.append(
                {
                    "id": eid,
                    "company_id": self.cid,
                    "from_address": from_addr,
                    "from_lower": _lower(from_addr),
                    "sent_ms": sent,
                    "mailbox": user.email,
                    "message_hash": _rand_str(id_rng, _ALNUM, 32),
                    "subject": subject,
                    "body": body_text,
                }
            )
            for kind, lst in (("to", to), ("cc", cc)):
                for addr, _name in lst:
                    recips.append(
                        {
                            "email_id": eid,
                            "company_id": self.cid,
                            "kind": kind,
                            "address": addr,
                            "address_lower": _lower(addr),
                        }
                    )
            if self.w.maybe_flush():
                self.report("emails", i + 1, n)
        self.w.flush()
        self.report("emails", n, n)

    def gen_meetings(self) -> None:
        rng = self.rng("meetings")
        n = self.size.meetings
        humans = [u for u in self.users if u.team != "AVATAR"]
        user_by_id = {u.id: u for u in self.users}
        meetings = self.w.rows["meetings"]
        invitees = self.w.rows["meeting_invitees"]
        subject_slots: dict[int, int] = {}
        for k, idx in enumerate(rng.sample(range(n), 2 * len(_SUBJECTS))):
            subject_slots[idx] = k // 2
        linked = self.conference_calls[: n // 2]
        for i in range(n):
            sub = subject_slots.get(i)
            info = linked[i] if i < len(linked) and sub is None else None
            if info is not None and info.scheduled_ms is not None and info.calendar_event_id is not None:
                organizer = user_by_id[info.primary_user_id]
                start = info.scheduled_ms
                end = start + (info.duration // 900 + 1) * 900_000
                cal_id = info.calendar_event_id
                title = info.title
                people = list(info.invitees)
                call_id: int | None = info.id
            else:
                organizer = rng.choice(humans)
                day = (self.window_start + rng.randrange(REFERENCE_MS + 30 * DAY_MS - self.window_start)) // DAY_MS
                start = day * DAY_MS + rng.randrange(14, 23) * 3_600_000 + rng.choice((0, 30)) * 60_000
                end = start + rng.choice((30, 30, 45, 60)) * 60_000
                cal_id = f"{_rand_str(rng, _B32HEX, 26)}@google.com"
                account = self.accounts[sub] if sub is not None else rng.choice(self.accounts)
                title = f"{self.company} <> {account.name}: {rng.choice(('Intro', 'Follow-up', 'Demo', 'Check-in', 'Kickoff'))}"
                people = [(organizer.email, organizer.name)]
                if sub is not None:
                    people.append((_SUBJECTS[sub].email, f"{_SUBJECTS[sub].first} {_SUBJECTS[sub].last}"))
                pool = self._contacts(account)
                for c in rng.sample(pool, min(len(pool), rng.randrange(1, 3))):
                    people.append((c.email, c.name))
                if rng.random() < 0.3:
                    colleague = rng.choice(humans)
                    if colleague is not organizer:
                        people.append((colleague.email, colleague.name))
                call_id = None
            prefix = self.ids(_K_MEETING, i)
            mid = f"{prefix}.{cal_id}_{ms_to_iso(start)}"
            meetings.append(
                {
                    "id": mid,
                    "company_id": self.cid,
                    "organizer_email": organizer.email,
                    "organizer_lower": _lower(organizer.email),
                    "title": title,
                    "start_ms": start,
                    "end_ms": end,
                    "external_id": cal_id,
                    "call_id": call_id,
                }
            )
            for email, name in people:
                invitees.append(
                    {
                        "meeting_id": mid,
                        "company_id": self.cid,
                        "email_address": email,
                        "email_lower": _lower(email),
                        "display_name": name,
                    }
                )
        self.w.flush()
        self.report("meetings", n, n)

    def gen_engagement(self) -> None:
        rng = self.rng("engagement")
        n = self.size.engagement_events
        rows = self.w.rows["engagement_events"]
        humans = [u for u in self.users if u.team != "AVATAR"]
        assets = [(str(self.ids(_K_CONTENT, k)), title) for k, title in enumerate(_CONTENT_ASSETS)]
        subject_slots: dict[int, tuple[int, int]] = {}
        for k, idx in enumerate(rng.sample(range(n), 3 * len(_SUBJECTS))):
            subject_slots[idx] = (k // 3, k % 3)
        types = ("contentShared",) * 3 + ("contentViewed",) * 4 + ("customEvent",) * 2 + ("digitalInteraction",) * 2
        slug = _slug(self.company, "")
        span = REFERENCE_MS - self.window_start
        others = [c for a in self.accounts for c in self._contacts(a)] or self.other_leads
        for i in range(n):
            slot = subject_slots.get(i)
            if slot is not None:
                person = self.subject_contacts[slot[0]]
                etype = ("contentViewed", "contentShared", "digitalInteraction")[slot[1]]
            else:
                person = rng.choice(others) if rng.random() < 0.85 else rng.choice(self.other_leads)
                etype = rng.choice(types)
            ts = self.window_start + rng.randrange(span)
            content_id, content_title = rng.choice(assets)
            sharer = rng.choice(humans)
            event_id = "-".join(_rand_str(rng, "0123456789abcdef", k) for k in (8, 4, 4, 4, 12))
            phone: str | None = None
            email: str | None = person.email
            iso = ms_to_iso(ts)
            viewer = {"email": person.email, "name": person.name, "title": person.title}
            if etype == "contentShared":
                url = f"https://app.gong.io/e/c-share/?tkn={_rand_str(rng, _ALNUM, 26)}"
                system, name = "Gong Engage", "Document Shared"
                payload: dict[str, Any] = {
                    "reportingSystem": system,
                    "eventTimestamp": iso,
                    "eventId": event_id,
                    "contentId": content_id,
                    "contentUrl": url,
                    "contentTitle": content_title,
                    "actionName": name,
                    "sharer": {"id": str(sharer.id), "email": sharer.email, "name": sharer.name},
                    "recipients": [viewer],
                    "sharingMessageSubject": f"{content_title} for {person.company}",
                }
            elif etype == "contentViewed":
                url = f"https://app.gong.io/e/c-share/?tkn={_rand_str(rng, _ALNUM, 26)}"
                system, name = "Gong Engage", "Document Viewed"
                payload = {
                    "reportingSystem": system,
                    "eventTimestamp": iso,
                    "eventId": event_id,
                    "contentId": content_id,
                    "contentUrl": url,
                    "contentTitle": content_title,
                    "viewActionTitle": name,
                    "viewer": viewer,
                }
            elif etype == "customEvent":
                url = f"https://{slug}.highspot.com/items/{_rand_str(rng, '0123456789abcdef', 24)}"
                system, name = "Highspot", rng.choice(("Pitch Opened", "Item Downloaded", "Webinar Attended"))
                payload = {
                    "reportingSystem": system,
                    "eventTimestamp": iso,
                    "eventId": event_id,
                    "contentId": content_id,
                    "contentUrl": url,
                    "contentTitle": content_title,
                    "actionName": name,
                    "actor": viewer,
                }
            else:
                url = f"https://www.{self.domain}/{rng.choice(('pricing', 'product', 'case-studies', 'security', 'demo'))}"
                system, name = (
                    self.domain,
                    rng.choice(("Pricing page visited", "Demo requested", "ROI calculator used")),
                )
                phone = (
                    person.phone.fmt(3 if slot is not None else rng.randrange(6))
                    if (slot is not None or rng.random() < 0.4)
                    else None
                )
                payload = {
                    "eventId": event_id,
                    "timestamp": iso,
                    "eventType": name,
                    "sourceSystemName": "Website",
                    "content": {"contentId": content_id, "contentTitle": content_title, "contentUrl": url},
                    "person": {"name": person.name, "email": person.email, **({"phoneNumber": phone} if phone else {})},
                }
            rows.append(
                {
                    "id": self.ids(_K_EVENT, i),
                    "company_id": self.cid,
                    "event_type": etype,
                    "timestamp_ms": ts,
                    "content_id": content_id,
                    "content_url": url,
                    "reporting_system": system,
                    "event_name": name,
                    "source_event_id": event_id,
                    "person_email": email,
                    "person_email_lower": _lower(email) if email else None,
                    "person_phone": phone,
                    "person_phone_norm": _norm(phone) if phone else None,
                    "payload": payload,
                }
            )
            if self.w.maybe_flush():
                self.report("engagement_events", i + 1, n)
        self.w.flush()
        self.report("engagement_events", n, n)


def _tone_wav(variant: int, seconds: float = 1.5, rate: int = 8000) -> bytes:
    """A short mono 16-bit WAV (a triangle-wave tone), built with integer arithmetic only."""
    period = 16 + 2 * (variant % 8)
    amp = 6000
    frames = bytearray()
    for k in range(int(seconds * rate)):
        phase = k % period
        half = period // 2
        v = (amp * (4 * phase - period)) // period if phase < half else (amp * (3 * period - 4 * phase)) // period
        frames += int(v).to_bytes(2, "little", signed=True)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return buf.getvalue()
