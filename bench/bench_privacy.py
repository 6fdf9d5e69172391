"""Benchmark: data-privacy lookups on a large demo company, and the erasure of a subject with 1,000 references.

What it does, per storage engine (SQLite always; PostgreSQL when GONGKIT_BENCH_PG_URL is set):
1. builds a demo company of N calls (default 1,000,000; 2% with transcripts) with the demo generator, in a store
   kept between runs (bench/results/ for SQLite, a database of its own on the PostgreSQL server); a store is
   reused when it holds a complete company of that size, and the build time is printed when it is made;
2. looks up a mix of subjects by e-mail and by phone: the demo's privacy subjects, 100 customers with a few
   references each (added once), addresses and numbers of the demo's CRM leads/contacts and call parties (in the
   generator's shape each of them is on thousands of calls), unknown ones; and prints p50/p95/max, by how many
   objects reference the subject, of the server-side time (what the server logs for each request: auth, rate
   limit, handler, JSON);
3. adds a fresh subject referenced by exactly 1,000 objects (calls with recordings, e-mails, meetings,
   engagement events, a contact) and times the erasure from request to DONE (deletion in batches, redaction of
   what remains in other rows' text, and the storage step: WAL checkpoint on SQLite, VACUUM on PostgreSQL);
   then the same for a subject that nothing references (the fixed cost of an erasure).

4. ``--flood``: another company asks for 150 erasures of subjects nothing references, then the bench company
   asks for one (a subject with a few references): the worker thread serves them, and the time of the bench
   company's erasure from request to DONE is printed (fair scheduling bounds it by one job of the flood);
5. ``--residue``: on a copy of the store, a subject with 300 calls (title and transcript naming them) and 400
   e-mails is added, bystanders' rows churn, the subject is erased, and the files (database, WAL, media) are
   searched for every text of every erased object; the storage step's time is printed.

Targets: lookup p95 <= 20 ms; erasure of 1,000 objects <= 10 s.

    .venv/bin/python bench/bench_privacy.py [--calls 1000000] [--transcript-share 0.02] [--lookups 400]
    GONGKIT_BENCH_PG_URL=$(scripts/pg.sh start) .venv/bin/python bench/bench_privacy.py --engine postgres
"""

from __future__ import annotations

import argparse
import base64
import logging
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from starlette.testclient import TestClient

# The test factories live in the repository's tests/ package, which a script run does not have on its path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import factories as f

from gongkit import control as admin
from gongkit.db import Database, migrate
from gongkit.db.media import MediaStore
from gongkit.db.schema import call_parties, calls, crm_objects, instance_settings
from gongkit.demo import PRIVACY_SUBJECTS, DemoSize, create_demo_company
from gongkit.kernel.clock import SystemClock
from gongkit.kernel.config import ServerSettings
from gongkit.server import create_app
from gongkit.server.core import logs
from gongkit.server.core.ratelimit import RateLimiter
from gongkit.server.groups.data_privacy import jobs, worker
from gongkit.server.groups.data_privacy import lookup as data_privacy

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
MARK = "bench_privacy_company"


@dataclass
class Store:
    engine: str
    settings: ServerSettings
    db: Database
    company_id: int
    access_key: str
    secret: str
    built_seconds: float | None


def size_for(calls_n: int, share: float) -> DemoSize:
    """The demo generator's company with ``calls_n`` calls (its other sizes are the generator's defaults)."""
    return DemoSize(calls=calls_n, transcript_share=share)


def _progress(stage: str, done: int, total: int) -> None:
    if total and (done == total or done % max(1, total // 10) == 0):
        print(f"    {stage}: {done:,}/{total:,}", flush=True)


def _pg_database(url: str, name: str, *, fresh: bool) -> str:
    admin_url = make_url(url).set(database="postgres")
    engine = create_engine(admin_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if fresh and exists:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            exists = None
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def open_store(engine: str, calls_n: int, share: float, rebuild: bool, base: Path = RESULTS) -> Store:
    tag = f"{calls_n}-{int(share * 1000)}"
    data_dir = base / f"privacy-{engine}-{tag}"
    if engine == "sqlite":
        url = f"sqlite:///{(data_dir / 'gongkit.db').resolve()}"
        if rebuild and data_dir.exists():
            for p in data_dir.glob("gongkit.db*"):
                p.unlink()
    else:
        url = _pg_database(
            os.environ["GONGKIT_BENCH_PG_URL"], f"gongkit_bench_privacy_{tag.replace('-', '_')}", fresh=rebuild
        )
    settings = ServerSettings(data_dir=data_dir, database_url=url)
    migrate(url)
    db = Database(url)
    with db.read() as conn:
        marked = conn.execute(select(instance_settings.c.value).where(instance_settings.c.key == MARK)).scalar()
    built: float | None = None
    if marked is None:
        if engine == "postgres":  # start from an empty database (a half-built company is not reusable)
            db.dispose()
            url = _pg_database(os.environ["GONGKIT_BENCH_PG_URL"], make_url(url).database or "", fresh=True)
            migrate(url)
            db = Database(url)
        elif engine == "sqlite" and (data_dir / "gongkit.db").exists():
            db.dispose()
            for p in data_dir.glob("gongkit.db*"):
                p.unlink()
            migrate(url)
            db = Database(url)
        print(f"  building a demo company of {calls_n:,} calls on {engine} ...", flush=True)
        started = time.perf_counter()
        summary = create_demo_company(
            db,
            seed=11,
            size=size_for(calls_n, share),
            rate_per_second=1_000_000,
            rate_per_day=1_000_000_000,
            progress=_progress,
        )
        built = time.perf_counter() - started
        if engine == "postgres":
            with db.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
        else:
            with db.write() as conn:
                conn.execute(text("ANALYZE"))
        with db.write() as conn:
            conn.execute(
                insert(instance_settings).values(
                    key=MARK, value=f"{summary.company_id}:{summary.access_key}:{summary.secret}"
                )
            )
        db.checkpoint()
        marked = f"{summary.company_id}:{summary.access_key}:{summary.secret}"
    cid, key, secret = marked.split(":", 2)
    return Store(engine, settings, db, int(cid), key, secret, built)


# --- lookups ---------------------------------------------------------------------------------------------

SMALL_MARK = "bench_privacy_small_subjects"
SMALL_N = 100


def small_subject(i: int) -> tuple[str, str]:
    return f"customer.{i}@smallsubjects.example", f"+1 303 555 {i:04d}"


def add_small_subjects(store: Store) -> None:
    """Once per store: 100 people referenced the way a customer usually is (a contact, 1-4 calls, 1-3 e-mails,
    a meeting invitation and an event): in the generator's shape, almost every customer is on thousands of
    calls, so without these the realistic case would hardly be measured."""
    with store.db.read() as conn:
        if conn.execute(select(instance_settings.c.value).where(instance_settings.c.key == SMALL_MARK)).first():
            return
    print(f"  adding {SMALL_N} customers with a few references each ...", flush=True)
    c = store.company_id
    with store.db.write() as conn:
        host = f.make_user(conn, c)
        for i in range(SMALL_N):
            address, phone = small_subject(i)
            f.make_crm_object(conn, c, object_type="Contact", email_address=address, phone_number=phone)
            for _ in range(1 + i % 4):
                f.make_call(
                    conn,
                    c,
                    primary_user_id=host,
                    parties=[
                        {"user_id": host, "email_address": "rep@acme.example", "affiliation": "Internal"},
                        {"email_address": address, "phone_number": phone, "affiliation": "External"},
                    ],
                )
            for _ in range(1 + i % 3):
                f.make_email(conn, c, from_address=address, to=["rep@acme.example"])
            f.make_meeting(conn, c, organizer_email="rep@acme.example", invitees=[address], id=f"{address}@calendar")
            f.make_engagement_event(conn, c, person_email=address)
        conn.execute(insert(instance_settings).values(key=SMALL_MARK, value=str(SMALL_N)))


def subjects(store: Store, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, value) pairs: the privacy subjects, then a sample of known addresses and numbers, and misses."""
    out: list[tuple[str, str]] = []
    for s in PRIVACY_SUBJECTS:
        out.append(("email", s.email))
        if s.phone:
            out.append(("phone", s.phone))
    for i in range(SMALL_N):
        address, phone = small_subject(i)
        out.append(("email", address.upper()) if i % 2 else ("phone", phone))
    c = store.company_id
    with store.db.read() as conn:
        n_crm = conn.execute(
            select(func.count()).select_from(crm_objects).where(crm_objects.c.company_id == c)
        ).scalar_one()
        n_calls = conn.execute(select(func.count()).select_from(calls).where(calls.c.company_id == c)).scalar_one()

        def sample(stmt: Any, k: int) -> list[Any]:
            return [r[0] for r in conn.execute(stmt.limit(k)) if r[0]]

        emails_crm = sample(
            select(crm_objects.c.email_address)
            .where(crm_objects.c.company_id == c, crm_objects.c.email_address.is_not(None))
            .offset(rng.randrange(max(1, n_crm - n))),
            n // 3,
        )
        phones_crm = sample(
            select(crm_objects.c.phone_number)
            .where(crm_objects.c.company_id == c, crm_objects.c.phone_number.is_not(None))
            .offset(rng.randrange(max(1, n_crm - n))),
            n // 4,
        )
        some_calls = sample(
            select(calls.c.id).where(calls.c.company_id == c).offset(rng.randrange(max(1, n_calls - n))), n // 4
        )
        party_emails = [
            r[0]
            for r in conn.execute(
                select(call_parties.c.email_address).where(
                    call_parties.c.call_id.in_(some_calls),
                    call_parties.c.email_address.is_not(None),
                    call_parties.c.user_id.is_(None),  # customers, not the company's own users (not subjects)
                )
            )
        ][: n // 4]
    out += (
        [("email", e) for e in emails_crm] + [("phone", p) for p in phones_crm] + [("email", e) for e in party_emails]
    )
    out += [("email", f"nobody{i}@unknown.example") for i in range(n // 10)]
    out += [("phone", f"+1206555{i:04d}") for i in range(n // 20)]
    rng.shuffle(out)
    return out[: max(n, len(PRIVACY_SUBJECTS) * 2 + SMALL_N)]


class Durations(logging.Handler):
    """Collects the server's own per-request time from its access log lines."""

    def __init__(self) -> None:
        super().__init__()
        self.ms: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.ms.append(float(record.args[-1]))  # type: ignore[index]


def pct(values: list[float]) -> str:
    q = statistics.quantiles(values, n=100, method="inclusive")
    return (
        f"p50 {statistics.median(values):6.2f} ms   p95 {q[94]:6.2f} ms   max {max(values):7.2f} ms   (n={len(values)})"
    )


def _bucket(references: int) -> str:
    if references == 0:
        return "no references"
    return "1-100 references" if references <= 100 else "over 100 references"


BUCKETS = ("no references", "1-100 references", "over 100 references")


def bench_lookups(store: Store, n: int) -> dict[str, dict[str, float]]:
    rng = random.Random(5)
    add_small_subjects(store)
    todo = subjects(store, n, rng)
    # how many objects reference each subject (also warms the caches)
    size: dict[tuple[str, str], int] = {}
    for kind, value in todo:
        with store.db.read() as conn:
            answer = (
                data_privacy.references_for_email(conn, store.company_id, value)
                if kind == "email"
                else data_privacy.references_for_phone(conn, store.company_id, value)
            )
        size[(kind, value)] = sum(len(answer[k]) for k in ("emails", "calls", "meetings", "customerData"))
    # the server, as it logs itself
    durations = Durations()
    logs.access_logger.addHandler(durations)
    logs.access_logger.setLevel(logging.INFO)
    logs.access_logger.propagate = False
    app = create_app(store.settings, db=store.db, limiter=RateLimiter("memory://"))
    app.state.gong.settings.erasure_workers = 0
    auth = {"Authorization": "Basic " + base64.b64encode(f"{store.access_key}:{store.secret}".encode()).decode()}
    server: dict[str, list[float]] = {b: [] for b in BUCKETS}
    with TestClient(app) as client:
        for rnd in range(2):
            for kind, value in todo:
                before = len(durations.ms)
                path = "data-for-email-address" if kind == "email" else "data-for-phone-number"
                param = "emailAddress" if kind == "email" else "phoneNumber"
                r = client.get(f"/v2/data-privacy/{path}", params={param: value}, headers=auth)
                assert r.status_code == 200, r.text
                if rnd and len(durations.ms) > before:
                    server[_bucket(size[(kind, value)])].append(durations.ms[-1])
    logs.access_logger.removeHandler(durations)
    print(
        f"  lookups of {len(todo)} subjects (e-mail and phone), server-side time, by how many objects reference them:"
    )
    out: dict[str, dict[str, float]] = {}
    for b in BUCKETS:
        if len(server[b]) < 2:
            continue
        print(f"    {b:20} {pct(server[b])}")
        q = statistics.quantiles(server[b], n=100, method="inclusive")
        out[b] = {"p50": statistics.median(server[b]), "p95": q[94], "n": len(server[b])}
    every = [x for b in BUCKETS for x in server[b]]
    print(f"    {'all':20} {pct(every)}")
    q = statistics.quantiles(every, n=100, method="inclusive")
    out["all"] = {"p50": statistics.median(every), "p95": q[94], "n": len(every)}
    return out


# --- erasure ---------------------------------------------------------------------------------------------


def add_subject(store: Store, address: str, phone: str, media: MediaStore) -> int:
    """A subject referenced by exactly 1,000 objects: 300 calls (a recording each), 400 e-mails, 150 meetings
    (100 organized, 50 invited to), 149 engagement events, 1 contact."""
    c = store.company_id
    with store.db.write() as conn:
        host = f.make_user(conn, c)
        f.make_crm_object(conn, c, object_type="Contact", email_address=address, phone_number=phone)
        for i in range(300):
            f.make_call(
                conn,
                c,
                primary_user_id=host,
                parties=[
                    {"user_id": host, "email_address": f"host{i}@acme.example", "affiliation": "Internal"},
                    {"email_address": address, "phone_number": phone, "affiliation": "External"},
                ],
                transcript=True,
                comments=True,
                media={"audio": b"ID3" + bytes(1021)},
                media_store=media,
            )
        for i in range(400):
            if i % 2:
                f.make_email(conn, c, from_address=address, to=["rep@acme.example"])
            else:
                f.make_email(conn, c, from_address="rep@acme.example", to=[address], cc=["boss@acme.example"])
        for i in range(150):
            mid = f"{address}.{i}@calendar.example"  # explicit: a store reused after erasures has gaps in counts
            if i < 100:
                f.make_meeting(conn, c, organizer_email=address, invitees=["rep@acme.example"], id=mid)
            else:
                f.make_meeting(conn, c, organizer_email="rep@acme.example", invitees=[address, "x@y.example"], id=mid)
        for _ in range(149):
            f.make_engagement_event(conn, c, person_email=address)
    with store.db.read() as conn:
        refs = data_privacy.find_references(conn, c, data_privacy.Person(frozenset({address})))
    return refs.counts()["total"]


def time_erasure(store: Store, address: str, media: MediaStore) -> tuple[float, dict[str, Any]]:
    runner = worker.ErasureWorker(store.db, media, SystemClock(), jobs.ErasureConfig())
    job_id = f"bench{int(time.time() * 1000)}{random.randrange(1000)}"
    started = time.perf_counter()
    with store.db.write() as conn:
        secret = admin.instance_secret(conn)
        jobs.request_erasure(
            conn,
            SystemClock(),
            secret,
            job_id=job_id,
            company_id=store.company_id,
            kind="email",
            value=address,
            credential="bench",
        )
    runner.run_pending()
    seconds = time.perf_counter() - started
    with store.db.read() as conn:
        job = jobs.get_job(conn, store.company_id, job_id)
    assert job["status"] == "DONE", job
    return seconds, job


def bench_erasure(store: Store) -> float:
    media = MediaStore(store.settings.media_dir)
    stamp = int(time.time())
    address = f"bench.subject.{stamp}@erasure.example"
    phone = f"+4930{stamp % 10**8:08d}"
    t = time.perf_counter()
    total = add_subject(store, address, phone, media)
    print(f"  erasure: a subject referenced by {total:,} objects (made in {time.perf_counter() - t:.1f} s)")
    seconds, job = time_erasure(store, address, media)
    print(
        f"    request -> DONE      {seconds:6.2f} s   deleted {job['deleted']}, redacted fields {job['redactedFields']}"
    )
    empty, _ = time_erasure(store, f"nobody.{stamp}@erasure.example", media)
    print(f"    nothing to erase     {empty:6.2f} s   (the fixed cost: text scan for redaction, storage step)")
    return seconds


def bench_flood(store: Store, n: int = 150) -> float:
    """Seconds from the bench company's erasure request to DONE while another company's ``n`` requests wait."""
    media = MediaStore(store.settings.media_dir)
    with store.db.write() as conn:
        secret = admin.instance_secret(conn)
        other = admin.create_company(conn, SystemClock(), f"flood {time.time()}")
    stamp = int(time.time())
    address = f"flood.victim.{stamp}@erasure.example"
    with store.db.write() as conn:
        f.make_crm_object(conn, store.company_id, object_type="Contact", email_address=address)
        f.make_email(conn, store.company_id, from_address=address, to=["rep@acme.example"])

    def ask(company_id: int, value: str) -> str:
        job_id = f"flood{random.randrange(10**12)}"
        with store.db.write() as conn:
            jobs.request_erasure(
                conn,
                SystemClock(),
                secret,
                job_id=job_id,
                company_id=company_id,
                kind="email",
                value=value,
                credential="bench",
            )
        return job_id

    runner = worker.ErasureWorker(store.db, media, SystemClock(), jobs.ErasureConfig(poll_seconds=0.05))
    for i in range(n):
        ask(other, f"nobody.{stamp}.{i}@flood.example")
    runner.start()
    started = time.perf_counter()
    ours = ask(store.company_id, address)
    runner.wake()
    try:
        while True:
            with store.db.read() as conn:
                if jobs.get_job(conn, store.company_id, ours)["status"] in (jobs.DONE, jobs.FAILED):
                    break
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        while runner.runnable():
            time.sleep(0.2)
    finally:
        runner.stop()
    print(f"  erasure under a flood of {n} requests from another company: {seconds:.2f} s to DONE")
    return seconds


def bench_residue(store: Store) -> tuple[int, float]:
    """Residue hits after an erasure in a copy of the store, and the storage step's seconds."""
    import shutil

    path = store.db.sqlite_path()
    assert path is not None
    store.db.checkpoint()
    copy_dir = RESULTS / "residue-copy"
    shutil.rmtree(copy_dir, ignore_errors=True)
    copy_dir.mkdir(parents=True)
    shutil.copy(path, copy_dir / "gongkit.db")
    db = Database(f"sqlite:///{copy_dir / 'gongkit.db'}")
    media = MediaStore(copy_dir / "media")
    c, name = store.company_id, "Scarlett Quixotica"
    address, phone = "scarlett.quixotica@erasure.example", "+49 30 5550 1234"
    rng = random.Random(3)
    with db.write() as conn:
        host = f.make_user(conn, c)
        f.make_crm_object(conn, c, object_type="Contact", email_address=address, phone_number=phone, name=name)
        bystanders = []
        for i in range(600):
            if i % 2:
                bystanders.append(f.make_call(conn, c, primary_user_id=host, title=f"Bystander {i} " + "y" * 300).id)
                continue
            f.make_call(
                conn,
                c,
                primary_user_id=host,
                title=f"Outreach call with {name} q{i:03d}",
                started_ms=1_600_000_000_000 + rng.randrange(10**11),
                parties=[
                    {"user_id": host, "email_address": "rep@acme.example", "affiliation": "Internal"},
                    {"email_address": address, "phone_number": phone, "affiliation": "External", "name": name},
                ],
                transcript=[{"party": 1, "sentences": [{"start": 1, "end": 2, "text": f"{name} here, zq{i:03d}."}]}],
            )
        for i in range(400):
            f.make_email(conn, c, from_address=address, to=["rep@acme.example"], subject=f"Re: zm{i:03d} {name}")
    with db.write() as conn:
        conn.execute(calls.delete().where(calls.c.id.in_(bystanders[:300])))
    with db.read() as conn:
        refs = data_privacy.find_references(conn, c, data_privacy.Person(frozenset({address})))
        rows = conn.execute(select(calls.c.title, calls.c.basic_json).where(calls.c.id.in_(refs.call_ids))).all()
    needles = [address.encode(), b"+493055501234", name.encode()]
    needles += [t.encode() for r in rows for t in (r.title, (r.basic_json or "")[:80]) if t]
    needles += [f"{name} here, zq{i:03d}.".encode() for i in range(0, 600, 2)]
    needles += [f"Re: zm{i:03d} {name}".encode() for i in range(400)]
    runner = worker.ErasureWorker(db, media, SystemClock(), jobs.ErasureConfig())
    with db.write() as conn:
        jobs.request_erasure(
            conn,
            SystemClock(),
            admin.instance_secret(conn),
            job_id="residue",
            company_id=c,
            kind="email",
            value=address,
            credential="bench",
        )
    from gongkit.server.groups.data_privacy import storage

    timed: list[float] = []
    forget = storage.forget_freed_storage

    def timed_forget(target: Database, attempts: int = 20) -> bool:
        t = time.perf_counter()
        try:
            return forget(target, attempts)
        finally:
            timed.append(time.perf_counter() - t)

    storage.forget_freed_storage = timed_forget  # type: ignore[assignment]
    try:
        from gongkit.server.groups.data_privacy import erasure

        erasure.forget_freed_storage = timed_forget  # type: ignore[assignment]
        runner.run_pending()
    finally:
        erasure.forget_freed_storage = forget  # type: ignore[assignment]
    # Every erased text carries the name, the address or the number (the calls' JSON holds their titles):
    # the files are searched for those markers (a few passes over a file of gigabytes), and each hit is then
    # matched against the erased texts around it.
    markers = [name.encode(), name.lower().encode(), address.encode(), b"+493055501234", b"5550 1234"]
    hits = 0
    for p in copy_dir.rglob("*"):
        if not p.is_file():
            continue
        data = p.read_bytes()
        for marker in markers:
            at = data.find(marker)
            while at >= 0:
                hits += 1
                window = data[max(0, at - 2000) : at + 2000]
                which = next((n[:60] for n in needles if n in window), marker)
                print(f"    {p.name} @{at}: {which!r}")
                at = data.find(marker, at + 1)
    db.dispose()
    shutil.rmtree(copy_dir, ignore_errors=True)
    print(f"  residue after erasure: {hits} hits; storage step {sum(timed):.1f} s")
    return hits, sum(timed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--transcript-share", type=float, default=0.02)
    parser.add_argument("--lookups", type=int, default=400, help="subjects looked up per engine")
    parser.add_argument("--engine", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--rebuild", action="store_true", help="build the company again even if a store has it")
    parser.add_argument("--lookups-only", action="store_true", help="skip the erasure timing")
    parser.add_argument(
        "--store-dir", type=Path, default=RESULTS, help="where the SQLite store is kept between runs (bench/results)"
    )
    parser.add_argument("--flood", action="store_true", help="only: an erasure under another company's flood")
    parser.add_argument("--residue", action="store_true", help="only: residue after an erasure (SQLite)")
    args = parser.parse_args(argv)
    args.store_dir.mkdir(parents=True, exist_ok=True)
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    if "postgres" in engines and not os.environ.get("GONGKIT_BENCH_PG_URL"):
        if args.engine == "postgres":
            print("GONGKIT_BENCH_PG_URL is not set", file=sys.stderr)
            return 2
        print("(GONGKIT_BENCH_PG_URL not set: SQLite only)")
        engines = ["sqlite"]
    summary = []
    for engine in engines:
        print(f"== {engine}: {args.calls:,} calls, {args.transcript_share:.0%} with transcripts")
        store = open_store(engine, args.calls, args.transcript_share, args.rebuild, args.store_dir)
        if store.built_seconds is not None:
            print(f"  built in {store.built_seconds / 60:.1f} min")
        if args.flood or args.residue:
            if args.flood:
                bench_flood(store)
            if args.residue and engine == "sqlite":
                bench_residue(store)
            store.db.dispose()
            continue
        lookups = bench_lookups(store, args.lookups)
        seconds = float("nan") if args.lookups_only else bench_erasure(store)
        summary.append((engine, lookups, seconds))
        store.db.dispose()
    print("\n== summary (targets: lookup p95 <= 20 ms, erasure of 1,000 objects <= 10 s)")
    for engine, lookups, seconds in summary:
        print(f"  {engine}: erasure of 1,000 objects {seconds:.2f} s [{'ok' if seconds <= 10 else 'MISSED'}]")
        for b, fig in lookups.items():
            ok = "ok" if fig["p95"] <= 20 else "MISSED"
            print(f"    lookup, {b:20} p50 {fig['p50']:7.2f} ms  p95 {fig['p95']:7.2f} ms  (n={int(fig['n'])}) [{ok}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
