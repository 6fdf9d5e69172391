"""A deterministic, realistic demo company: the public entry of :mod:`gongkit.demo`.

``create_demo_company(db)`` makes a company with one API key and fills every table a Gong-compatible server
serves: workspaces, users (a management tree, settings and their history), CRM accounts, contacts, leads and
opportunities, calls (parties, CRM context, transcripts, content and interaction analysis, comments, access
grants, library folders, recordings), permission profiles and the users they control, e-mails, meetings,
engagement events, and Gong Engage (flow folders, flows, prospects in flows, tasks, call outcomes). ``ensure_demo_company(db)`` does that unless the company exists, and in both cases returns the
credentials to reach it.

Determinism: the data is derived from ``seed`` (and the company id, for the numeric ids); nothing reads the
wall clock. Times are placed in the ~18 months before the fixed :data:`REFERENCE_MS`. The same seed and size
give the same rows, row for row. The credentials are the exception: the demo key is random, made when a store
gets its demo company, and kept in that store (:func:`demo_credentials`), so no two installs share a key.

Privacy subjects: a few well-known people (:data:`PRIVACY_SUBJECTS`) appear in every kind of reference the
data-privacy operations look for, so that look-ups and erasures have something to find.

Scale: rows are written in batches (:mod:`gongkit.demo.writing`); memory stays flat however many calls are asked
for. ``progress`` is called as ``progress(phase, done, total)`` after each batch, with the phases ``workspaces``,
``users``, ``crm_objects``, ``calls``, ``library_folders``, ``call_media`` (with ``media_dir``), ``emails``,
``meetings``, ``engagement_events``, ``trackers``, ``flows`` and ``activity``.
"""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from gongkit import control as admin
from gongkit.db import schema as s
from gongkit.db.engine import Database
from gongkit.demo import (
    activity,
    analysis,
    calls,
    collaboration,
    crm,
    engage,
    engagement,
    generic_crm,
    mail,
    meetings,
    people,
    permissions,
)
from gongkit.demo.seeded import DAY_MS, MASK62, REFERENCE_MS, hash_int
from gongkit.demo.state import Progress, State
from gongkit.demo.subjects import SUBJECTS, PrivacySubject
from gongkit.kernel.clock import FixedClock, SystemClock
from gongkit.kernel.errors import Conflict

#: The fewest calls a demo company can have: its data-privacy scenarios put their subjects on eight calls.
MIN_CALLS = 8


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
class DemoSummary:
    """What a run made: the company, its key (empty when :func:`generate` filled an existing company), the rows
    written per table and the privacy subjects."""

    company_id: int
    access_key: str
    secret: str
    counts: dict[str, int]
    subjects: list[PrivacySubject]


def demo_company_id(seed: int = 1, name: str = "Acme Robotics") -> int:
    """The id ``create_demo_company`` gives the company for this seed and name."""
    return (1 << 62) | (hash_int("company", seed, name) & MASK62)


def demo_credentials(db: Database, *, seed: int = 1) -> tuple[str, str] | None:
    """The access key and secret kept for the demo company of ``seed`` in this store (made at random with the
    company, see :func:`demo_access`), or ``None`` when the store has none."""
    with db.read() as conn:
        pair = _kept_pair(conn, demo_company_id(seed))
    return (pair.access_key, pair.secret) if pair is not None else None


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
    """Create the demo company (id from :func:`demo_company_id`), one API key (random unless given, and kept in
    the store: :func:`demo_credentials`) and its data. Raises :class:`~gongkit.kernel.errors.Conflict` if that
    company already exists."""
    company_id = demo_company_id(seed, name)
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
        keys = admin.create_api_key(conn, clock, company_id, name="demo", access_key=access_key, secret=secret)
        _keep_pair(conn, company_id, keys)
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
    g = State(
        db,
        company_id,
        name,
        seed=seed,
        size=_effective(size or DemoSize()),
        media_dir=media_dir,
        app_url=app_url.rstrip("/"),
        progress=progress,
    )
    _fill(g)
    return DemoSummary(company_id, "", "", dict(g.w.counts), [sp.public() for sp in SUBJECTS])


def _effective(size: DemoSize) -> DemoSize:
    return DemoSize(
        calls=max(MIN_CALLS, size.calls),
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


def _fill(g: State) -> None:
    """Every part in order: later parts draw on what earlier ones made (users, accounts, sampled calls)."""
    # Millions of small, acyclic dicts: the cyclic collector would only rescan them over and over.
    enabled = gc.isenabled()
    gc.disable()
    try:
        people.gen_workspaces(g)
        people.gen_users(g)
        analysis.gen_trackers(g)
        crm.gen_crm(g)
        generic_crm.gen_generic_crm(g)
        calls.gen_calls(g)
        collaboration.gen_library(g)
        permissions.gen_permissions(g)
        collaboration.gen_media(g)
        mail.gen_emails(g)
        meetings.gen_meetings(g)
        engagement.gen_engagement(g)
        engage.gen_engage(g)
        activity.gen_activity(g)
        g.w.flush()
    finally:
        if enabled:
            gc.enable()


# --- the demo company's credentials ------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAccess:
    """How to reach a demo company: its id and an API key; ``summary`` when the company was generated now."""

    company_id: int
    access_key: str
    secret: str
    summary: DemoSummary | None = None


#: Where a store keeps the demo key of a company: an ``instance_settings`` row, in the same store as the key it
#: names. A file in the data directory would fall out of step with the key whenever the database is elsewhere
#: (PostgreSQL) or is reset; and whoever can read the store can already read everything the demo key opens.
_KEPT_PAIR = "demo-credentials:{company_id}"


def _keep_pair(conn: Connection, company_id: int, pair: admin.KeyPair) -> None:
    name = _KEPT_PAIR.format(company_id=company_id)
    value = json.dumps({"accessKey": pair.access_key, "secret": pair.secret})
    conn.execute(delete(s.instance_settings).where(s.instance_settings.c.key == name))
    conn.execute(insert(s.instance_settings).values(key=name, value=value))


def _kept_pair(conn: Connection, company_id: int) -> admin.KeyPair | None:
    """The kept demo key of the company, if it is still an active key of that company with that secret."""
    name = _KEPT_PAIR.format(company_id=company_id)
    raw = conn.execute(select(s.instance_settings.c.value).where(s.instance_settings.c.key == name)).scalar()
    if raw is None:
        return None
    kept = json.loads(raw)
    key = conn.execute(
        select(s.api_keys.c.company_id, s.api_keys.c.secret_hash, s.api_keys.c.revoked_ms).where(
            s.api_keys.c.access_key == kept["accessKey"]
        )
    ).first()
    if key is None or key.company_id != company_id or key.revoked_ms is not None:
        return None
    if not admin.secret_matches(kept["secret"], key.secret_hash):
        return None
    return admin.KeyPair(kept["accessKey"], kept["secret"])


def demo_access(db: Database, *, seed: int = 1) -> DemoAccess | None:
    """The demo company of ``seed`` with its kept key (:func:`demo_credentials`), or ``None`` if the database
    does not have that company. If the kept key is missing or no longer works (revoked), a new random key named
    ``demo`` is made and kept instead, so the next look-up finds that one."""
    company_id = demo_company_id(seed)
    with db.read() as conn:
        if not conn.execute(select(s.companies.c.id).where(s.companies.c.id == company_id)).first():
            return None
        pair = _kept_pair(conn, company_id)
    if pair is None:
        with db.write() as conn:
            pair = _kept_pair(conn, company_id)  # another process may have made it meanwhile
            if pair is None:
                pair = admin.create_api_key(conn, SystemClock(), company_id, name="demo")
                _keep_pair(conn, company_id, pair)
    return DemoAccess(company_id, pair.access_key, pair.secret)


def ensure_demo_company(
    db: Database,
    *,
    seed: int = 1,
    size: DemoSize | None = None,
    media_dir: Path | None = None,
    app_url: str = "http://localhost:8080",
    progress: Progress | None = None,
) -> DemoAccess:
    """The demo company of ``seed`` and its credentials, generating the company first if the database does not
    have it (``size``, ``media_dir``, ``app_url`` and ``progress`` only matter then)."""
    found = demo_access(db, seed=seed)
    if found is not None:
        return found
    summary = create_demo_company(db, seed=seed, size=size, media_dir=media_dir, app_url=app_url, progress=progress)
    return DemoAccess(summary.company_id, summary.access_key, summary.secret, summary)
