"""Erasure of a data subject: persisted background jobs, integrity protection, "really gone".

A job is one row of ``erasure_jobs`` (its id is the ``requestId`` the caller was answered) and a state machine
``PENDING → IN_PROGRESS → DONE | FAILED``. Running a job is idempotent, so a job cut short by a crash is simply
run again after a restart:

1. the targets are recomputed from the subject (``lookup.find_references``);
2. on the first run only, the integrity protection compares them with the company's limits
   (``companies.erasure_max_*``): over a limit, nothing is deleted and the job ends ``FAILED`` with the reason
   and the counts of what would have gone;
3. the targets are deleted in batches, each batch one transaction that also records the progress on the job
   row, so the ``deleted`` counts are exact whatever happens: calls first (recordings overwritten in the media
   store, then the rows; transcripts, comments, parties, context, stats, library entries and access grants
   cascade), then e-mail messages, meetings and invitee rows, engagement events, and the CRM Leads/Contacts last
   (they are what finds the calls linked to them, so they must outlive a crash in the phases before);
4. what remains of the subject inside other rows' text is replaced by ``[redacted]`` (see ``TEXT_COLUMNS``);
5. the outcome is recorded in one transaction that also clears ``subject`` (only ``subject_hash`` stays);
6. storage is made to forget: SQLite folds and truncates its WAL (``secure_delete`` has zeroed the freed
   content); PostgreSQL vacuums the tables that were touched; only then does the status become ``DONE`` (or
   ``FAILED``), so DONE means gone from the files too.

One runner per database works at a time (a file lock beside the SQLite file, an advisory lock on PostgreSQL;
both die with their process), so jobs run one after the other in request order and a restarted server picks up
an unfinished job exactly once. A repeated request is its own job and its own audit record: it runs after the
first and finds nothing left (``DONE`` with zero counts).
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Column, Connection, Table, Text, and_, cast, delete, or_, select, text, update

from gongkit.control import get_company
from gongkit.db import Database
from gongkit.db.media import MediaStore
from gongkit.db.personal import personal_columns
from gongkit.db.schema import (
    call_media,
    calls,
    crm_objects,
    emails,
    engagement_events,
    erasure_jobs,
    meeting_invitees,
    meetings,
    metadata,
)
from gongkit.kernel.clock import Clock
from gongkit.kernel.redaction import scrub as scrub_log_text
from gongkit.kernel.subjects import PHONE
from gongkit.server.groups.data_privacy.jobs import DONE, FAILED, IN_PROGRESS, RUNNABLE, ErasureConfig
from gongkit.server.groups.data_privacy.lookup import (
    PERSON_TYPES,
    Person,
    References,
    chunks,
    find_references,
    person_for_phone,
)

log = logging.getLogger("gongkit.erasure")

REDACTED_TEXT = "[redacted]"
DELETED_KINDS = ("calls", "emails", "crmObjects", "meetings", "meetingInvitees", "engagementEvents", "mediaFiles")
MAX_ROUNDS = 3  # re-plans after deleting, for references that arrived while the job ran
SCAN_THREADS = 2  # tables scanned at once for text that mentions the subject


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


# --- the runner ------------------------------------------------------------------------------------------


class Interrupted(Exception):
    """The worker is stopping: the job stays IN_PROGRESS and resumes on the next start."""


@dataclass
class Progress:
    planned: dict[str, int]
    deleted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DELETED_KINDS, 0))
    redacted_fields: int = 0

    def as_json(self) -> dict[str, Any]:
        deleted = dict(self.deleted)
        deleted["total"] = sum(v for k, v in deleted.items() if k != "mediaFiles")
        return {"planned": self.planned, "deleted": deleted, "redactedFields": self.redacted_fields}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Progress | None:
        if not data or "planned" not in data:
            return None
        deleted = dict.fromkeys(DELETED_KINDS, 0)
        deleted.update({k: v for k, v in (data.get("deleted") or {}).items() if k in deleted})
        return cls(dict(data["planned"]), deleted, int(data.get("redactedFields", 0)))


def integrity_violations(planned: dict[str, int], company: dict[str, Any]) -> list[str]:
    """Why an erasure of ``planned`` objects is abnormal for this company (empty if it is not)."""
    limits = (
        ("calls", "erasure_max_calls", "calls"),
        ("emails", "erasure_max_emails", "e-mail messages"),
        ("crmObjects", "erasure_max_crm_objects", "CRM leads/contacts"),
        ("total", "erasure_max_total", "objects in all"),
    )
    return [
        f"{planned[key]} {label} (limit {company[col]})" for key, col, label in limits if planned[key] > company[col]
    ]


def _person(kind: str, subject: dict[str, Any]) -> Person:
    if kind == PHONE:
        return Person(frozenset(subject.get("emails", [])), subject["value"], crm_by_email=False)
    return Person(frozenset(subject.get("emails", [])))


class ErasureRunner:
    """Runs one job to its end (or to the next batch boundary when asked to stop)."""

    def __init__(
        self,
        db: Database,
        media: MediaStore,
        clock: Clock,
        config: ErasureConfig,
        stop: threading.Event | None = None,
    ) -> None:
        self.db = db
        self.media = media
        self.clock = clock
        self.config = config
        self.stop = stop or threading.Event()

    # -- job row ---------------------------------------------------------------------------------------

    def _load(self, job_id: str) -> Any:
        with self.db.read() as conn:
            return conn.execute(select(erasure_jobs).where(erasure_jobs.c.id == job_id)).first()

    def _save(self, conn: Connection, job_id: str, progress: Progress, **values: Any) -> None:
        conn.execute(
            update(erasure_jobs).where(erasure_jobs.c.id == job_id).values(counts=progress.as_json(), **values)
        )

    def _finish(self, job_id: str, status: str, progress: Progress | None, error: str | None = None) -> str:
        """End a job: first its outcome, with the subject cleared (one transaction), then storage is made to
        forget, and only then the status changes, so DONE means gone from the files too. A job found with
        ``finished_ms`` set but a runnable status was interrupted in between: :meth:`_finalize` completes it."""
        values: dict[str, Any] = {"subject": None, "finished_ms": self.clock.now_ms(), "error": error}
        if progress is not None:
            values["counts"] = progress.as_json()
        with self.db.write() as conn:
            conn.execute(
                update(erasure_jobs)
                .where(erasure_jobs.c.id == job_id, erasure_jobs.c.status.in_(RUNNABLE))
                .values(**values)
            )
        return self._finalize(job_id, status)

    def _finalize(self, job_id: str, status: str) -> str:
        if not forget_freed_storage(self.db):
            return IN_PROGRESS  # the worker tries again on its next round
        with self.db.write() as conn:
            conn.execute(
                update(erasure_jobs)
                .where(erasure_jobs.c.id == job_id, erasure_jobs.c.status.in_(RUNNABLE))
                .values(status=status)
            )
        return status

    def _pause(self) -> None:
        if self.stop.is_set():
            raise Interrupted
        if self.config.batch_pause_seconds > 0 and self.stop.wait(self.config.batch_pause_seconds):
            raise Interrupted

    # -- the job ---------------------------------------------------------------------------------------

    def run(self, job_id: str) -> str:
        """Run (or resume) one job; returns its status afterwards."""
        job = self._load(job_id)
        if job is None or job.status not in RUNNABLE:
            return str(job.status) if job is not None else FAILED
        if job.finished_ms is not None:  # the outcome is recorded; only the storage step and the status remain
            return self._finalize(job_id, FAILED if job.error else DONE)
        attempts = job.attempts + 1
        with self.db.write() as conn:
            conn.execute(
                update(erasure_jobs)
                .where(erasure_jobs.c.id == job_id)
                .values(attempts=attempts, started_ms=job.started_ms or self.clock.now_ms())
            )
        subject = json.loads(job.subject) if job.subject else None
        if subject is None:
            return self._finish(job_id, FAILED, Progress.from_json(job.counts), "the request's subject is missing")
        texts = SubjectText(_person(job.kind, subject))
        if attempts > self.config.max_attempts:
            return self._finish(
                job_id,
                FAILED,
                Progress.from_json(job.counts),
                f"gave up after {self.config.max_attempts} attempts; what was deleted stays deleted",
            )
        try:
            return self._run(job, subject)
        except Interrupted:
            log.info("erasure %s paused (server stopping); it resumes on the next start", job_id)
            return IN_PROGRESS
        except Exception as exc:
            reason = texts.clean(f"{type(exc).__name__}: {exc}")[:1000]
            log.warning("erasure %s attempt %d failed: %s", job_id, attempts, reason)
            if attempts >= self.config.max_attempts:
                return self._finish(job_id, FAILED, None, f"failed after {attempts} attempts: {reason}")
            return IN_PROGRESS

    def _run(self, job: Any, subject: dict[str, Any]) -> str:
        company_id = job.company_id
        if job.kind == PHONE and "emails" not in subject:
            # The person's addresses come from the Leads/Contacts with the number; they are deleted during the
            # job, so the addresses are kept with the subject until the job ends.
            with self.db.read() as conn:
                person = person_for_phone(conn, company_id, subject["value"])
            subject["emails"] = sorted(person.emails)
            with self.db.write() as conn:
                conn.execute(
                    update(erasure_jobs).where(erasure_jobs.c.id == job.id).values(subject=json.dumps(subject))
                )
        person = _person(job.kind, subject)
        progress = Progress.from_json(job.counts)
        for _round in range(MAX_ROUNDS):
            with self.db.read() as conn:
                refs = find_references(conn, company_id, person)
                company = get_company(conn, company_id) if progress is None else None
            if progress is None:
                assert company is not None
                planned = refs.counts()
                progress = Progress(planned)
                problems = integrity_violations(planned, company)
                if problems:
                    reason = (
                        "Integrity protection: this erasure would delete an abnormal number of objects: "
                        + "; ".join(problems)
                        + ". Nothing was deleted. If it is intended, raise the company's erasure limits and "
                        "request the erasure again."
                    )
                    log.warning("erasure %s refused by the integrity protection: %s", job.id, "; ".join(problems))
                    return self._finish(job.id, FAILED, progress, reason)
                with self.db.write() as conn:
                    self._save(conn, job.id, progress, status=IN_PROGRESS)
            if refs.empty():
                break
            self._delete(job.id, company_id, refs, progress)
        assert progress is not None
        self._redact(job.id, company_id, SubjectText(person), progress)
        log.info("erasure %s: deleted %s", job.id, json.dumps(progress.as_json()["deleted"]))
        return self._finish(job.id, DONE, progress)

    # -- deleting --------------------------------------------------------------------------------------

    def _batches(self, ids: list[Any]) -> Iterator[list[Any]]:
        for batch in chunks(ids, max(1, self.config.batch_size)):
            self._pause()
            yield batch

    def _own(
        self, conn: Connection, table: Table, column: Column[Any], company_id: int, values: list[Any]
    ) -> list[Any]:
        """The rows of ``table`` whose ``column`` is in ``values`` and that belong to the company, as
        (pk, ...) rows. Probed by ``column`` alone (a primary key or an indexed call_id) and checked for the
        company here: next to ``IN (...)``, a ``company_id = ?`` term can lead a planner without fresh statistics
        to walk the whole company's index instead."""
        rows = conn.execute(select(table).where(column.in_(values))).all()
        return [r for r in rows if r.company_id == company_id]

    def _delete(self, job_id: str, company_id: int, refs: References, progress: Progress) -> None:
        c = company_id
        for batch in self._batches(refs.call_ids):
            with self.db.read() as conn:
                keys = [r.storage_key for r in self._own(conn, call_media, call_media.c.call_id, c, batch)]
            # The recordings go first: were the rows deleted first, a crash would leave files nothing points to.
            for key in keys:
                self.media.delete(key)
            for call_id in batch:
                self.media.delete_call(c, call_id)
            with self.db.write() as conn:
                ids = [r.id for r in self._own(conn, calls, calls.c.id, c, batch)]
                media_rows = len(self._own(conn, call_media, call_media.c.call_id, c, ids)) if ids else 0
                if ids:
                    conn.execute(
                        update(meetings)
                        .where(meetings.c.company_id == c, meetings.c.call_id.in_(ids))
                        .values(call_id=None)
                    )
                    # transcript, parties, comments, stats, access, library entries, context, links cascade
                    progress.deleted["calls"] += conn.execute(delete(calls).where(calls.c.id.in_(ids))).rowcount
                progress.deleted["mediaFiles"] += media_rows
                self._save(conn, job_id, progress)

        simple: list[tuple[str, Table, list[Any]]] = [
            ("emails", emails, refs.email_ids),  # recipients cascade
            ("meetings", meetings, refs.organized_meeting_ids),  # invitees cascade
            ("meetingInvitees", meeting_invitees, refs.invitee_ids),
            ("engagementEvents", engagement_events, refs.engagement_ids),
            ("crmObjects", crm_objects, refs.crm_ids),  # last: they anchor the calls above
        ]
        for kind, table, all_ids in simple:
            for batch in self._batches(all_ids):
                with self.db.write() as conn:
                    ids = [r.id for r in self._own(conn, table, table.c.id, c, batch)]
                    if ids:
                        progress.deleted[kind] += conn.execute(delete(table).where(table.c.id.in_(ids))).rowcount
                    self._save(conn, job_id, progress)

    # -- redacting what remains ------------------------------------------------------------------------

    def _redact(self, job_id: str, company_id: int, texts: SubjectText, progress: Progress) -> None:
        c = company_id
        person = texts.person
        # CRM objects other than Leads/Contacts (Accounts, ...) may carry the address or number as a value:
        # the value is cleared, the object stays.
        with self.db.write() as conn:
            n = 0
            others = crm_objects.c.object_type.not_in(PERSON_TYPES)
            if person.emails:
                n += conn.execute(
                    update(crm_objects)
                    .where(crm_objects.c.company_id == c, crm_objects.c.email_lower.in_(sorted(person.emails)), others)
                    .values(email_address=None, email_lower=None)
                ).rowcount
            if person.phone:
                n += conn.execute(
                    update(crm_objects)
                    .where(crm_objects.c.company_id == c, crm_objects.c.phone_norm == person.phone, others)
                    .values(phone_number=None, phone_norm=None)
                ).rowcount
                n += conn.execute(
                    update(crm_objects)
                    .where(crm_objects.c.company_id == c, crm_objects.c.mobile_norm == person.phone, others)
                    .values(mobile_phone_number=None, mobile_norm=None)
                ).rowcount
            if n:
                progress.redacted_fields += n
                self._save(conn, job_id, progress)

        patterns = texts.like_patterns()
        if not patterns:
            return
        # The scans are read-only and the engines run them outside the GIL: two at a time use both cores of a
        # small machine. The updates then run one batch (one transaction) at a time.
        with ThreadPoolExecutor(max_workers=SCAN_THREADS, thread_name_prefix="gongkit-erasure-scan") as pool:
            found = list(pool.map(lambda spec: self._candidates(c, spec, patterns), TEXT_COLUMNS))
        for spec, candidates in zip(TEXT_COLUMNS, found, strict=True):
            self._redact_rows(job_id, c, spec, texts, candidates, progress)

    def _prefilter(self, column: Column[Any], is_json: bool, patterns: list[str]) -> Any:
        expr: Any = cast(column, Text) if is_json else column
        if self.db.is_sqlite:  # SQLite's LIKE ignores ASCII case already; lower() would cost a call per row
            return or_(*(expr.like(p, escape="\\") for p in patterns))
        return or_(*(expr.ilike(p, escape="\\") for p in patterns))

    def _candidates(self, company_id: int, spec: TextColumns, patterns: list[str]) -> list[Any]:
        """The ids of the rows whose text may mention the subject: one pass over the table. ``company_id + 0``
        keeps the planner from walking the company's index (a random read per row) where a sequential scan
        reads the same rows about ten times faster."""
        table = spec.table
        plain = [self._prefilter(table.c[n], False, patterns) for n in spec.text if n != spec.summary]
        structured = [self._prefilter(table.c[n], True, patterns) for n in spec.json]
        if spec.summary is not None:
            summary = table.c[spec.summary]
            plain = [self._prefilter(summary, False, patterns), and_(summary.is_(None), or_(*plain))]
        with self.db.read() as conn:
            stmt = select(table.c.id).where((table.c.company_id + 0) == company_id, or_(*plain, *structured))
            return sorted(conn.execute(stmt).scalars())

    def _redact_rows(
        self,
        job_id: str,
        company_id: int,
        spec: TextColumns,
        texts: SubjectText,
        candidates: list[Any],
        progress: Progress,
    ) -> None:
        table = spec.table
        names = [*spec.text, *spec.json]
        for batch in self._batches(candidates):
            with self.db.write() as conn:
                changed_fields = 0
                for row in self._own(conn, table, table.c.id, company_id, batch):
                    values: dict[str, Any] = {}
                    for name in names:
                        new, n = texts.redact(getattr(row, name))
                        if n:
                            values[name] = new
                            changed_fields += n
                    if values:
                        conn.execute(update(table).where(table.c.id == row.id).values(**values))
                if changed_fields:
                    progress.redacted_fields += changed_fields
                    self._save(conn, job_id, progress)


# --- making storage forget -------------------------------------------------------------------------------


def forget_freed_storage(db: Database, attempts: int = 20) -> bool:
    """After an erasure: SQLite folds the WAL into the file and truncates it (the freed content is already
    zeroed by ``secure_delete``); PostgreSQL vacuums the touched tables (best effort). False when SQLite could not
    truncate yet (a reader still on an old snapshot): the caller tries again later."""
    if db.is_sqlite:
        path = db.sqlite_path()
        if path is None:
            return True
        wal = path.with_name(path.name + "-wal")
        for i in range(attempts):
            db.checkpoint()
            # A reader still on an old snapshot keeps the checkpoint from truncating; try again shortly.
            if not wal.exists() or wal.stat().st_size == 0:
                return True
            time.sleep(min(0.05 * (i + 1), 0.5))
        log.warning("could not truncate the SQLite WAL after an erasure; the worker retries later")
        return False
    try:
        with db.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            for name in TOUCHED_TABLES:
                conn.execute(text(f'VACUUM "{name}"'))
        return True
    except Exception as exc:  # e.g. a role that does not own the tables: the rows are gone from every scan already
        log.warning("VACUUM after an erasure failed (%s); the erasure is complete without it", type(exc).__name__)
        return True
