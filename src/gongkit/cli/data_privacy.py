"""``gongkit data-privacy``: data-subject requests (find and erase everything that references a person).

``lookup``, ``erase`` and ``batch`` use only Gong's four public data-privacy operations (through the SDK), so they
work against Gong itself as well as against a gongkit server. ``status`` and ``audit`` are gongkit-server extras:
Gong has no endpoint that reports an erasure's progress.
"""

from __future__ import annotations

import csv
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from gongkit.cli._context import client_options, make_client, open_store, pass_client, settings_for, store_options
from gongkit.cli._output import console, emit, emit_json, emit_table, fail, table_option
from gongkit.sdk import BadRequestError, Gong, GongError, NotFoundError
from gongkit.types.data_privacy import EmailAddressReferences, PhoneNumberReferences

References = EmailAddressReferences | PhoneNumberReferences

LABELS = {
    "calls": "calls",
    "emails": "e-mail messages",
    "meetings": "meetings",
    "customerData": "CRM leads/contacts",
    "customerEngagement": "engagement events",
}


@dataclass(frozen=True)
class Subject:
    kind: str  # email | phone
    value: str

    @property
    def key(self) -> str:
        """A stable key for the state file: the address lower-cased, the number as ``+`` and digits."""
        if self.kind == "email":
            return "email:" + self.value.strip().lower()
        return "phone:+" + re.sub(r"\D", "", self.value)

    def lookup(self, gong: Gong) -> References:
        if self.kind == "email":
            return gong.data_privacy.references_for_email(self.value)
        return gong.data_privacy.references_for_phone(self.value)

    def erase(self, gong: Gong) -> str:
        answer = (
            gong.data_privacy.erase_email(self.value)
            if self.kind == "email"
            else gong.data_privacy.erase_phone(self.value)
        )
        return str(answer.requestId)


def _subject(email: str | None, phone: str | None) -> Subject:
    if bool(email) == bool(phone):
        raise click.UsageError("give exactly one of --email or --phone")
    return Subject("email", email.strip()) if email else Subject("phone", (phone or "").strip())


def subject_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option("--phone", default=None, metavar="NUMBER", help="A phone number: + and the country code.")(fn)
    return click.option("--email", default=None, metavar="ADDRESS", help="An e-mail address.")(fn)


def _dump(refs: References) -> dict[str, Any]:
    return dict(refs.model_dump(mode="json", by_alias=True, exclude_none=True))


def _report(subject: Subject, refs: References) -> None:
    """The references, for people."""
    out = console()
    counts = refs.counts()
    out.print(f"[bold]References to {subject.value}[/bold]: {refs.total}")
    emit_table([{"kind": LABELS[k], "count": v} for k, v in counts.items()], ("kind", "count"))
    if isinstance(refs, PhoneNumberReferences) and (refs.matchingPhoneNumbers or refs.emailAddresses):
        out.print(f"Numbers as stored: {', '.join(refs.matchingPhoneNumbers) or '-'}")
        out.print(f"Addresses of the matching leads/contacts: {', '.join(refs.emailAddresses) or '-'}")
    if refs.calls:
        rows = [
            {
                "call": c.id,
                "status": c.status,
                "logged in": ", ".join(
                    f"{s.system} {o.objectType} {o.externalId}" for s in c.externalSystems for o in s.objects
                ),
            }
            for c in refs.calls
        ]
        emit_table(rows, title="Calls")
    if refs.emails:
        emit_table(
            [{"message": m.id, "from": m.from_, "sent": m.sentTime, "mailbox": m.mailbox} for m in refs.emails],
            title="E-mail messages",
        )
    if refs.meetings:
        emit_table([{"meeting": m.id} for m in refs.meetings], title="Meetings")
    if refs.customerData:
        rows = [
            {"system": g.system, "type": o.objectType, "id": o.id, "external id": o.externalId}
            for g in refs.customerData
            for o in g.objects
        ]
        emit_table(rows, title="CRM leads/contacts")
    if isinstance(refs, EmailAddressReferences) and refs.customerEngagement:
        events = [{"event": e.eventType, "name": e.eventName, "when": e.timestamp} for e in refs.customerEngagement]
        emit_table(events, title="Engagement events")


@click.group("data-privacy")
@client_options
@click.pass_context
def data_privacy(
    ctx: click.Context,
    base_url: str | None,
    access_key: str | None,
    access_key_secret: str | None,
    bearer_token: str | None,
) -> None:
    """Data-subject requests: find and erase everything that references a person.

    \b
    lookup   what references an e-mail address or a phone number
    erase    erase it (shows what will go, asks first; --wait until nothing remains)
    batch    many subjects from a CSV: paced, resumable, with a report per subject
    status   erasure requests and their progress       (gongkit server only)
    audit    the erasure records of a subject          (gongkit server's database)

    lookup, erase and batch use only Gong's public data-privacy operations, so they work against Gong itself
    too. Gong erases asynchronously and has no status endpoint: status and audit exist only on a gongkit server.
    Delete the data from your CRM and e-mail system first, or it is imported again.
    """
    ctx.obj = (base_url, access_key, access_key_secret, bearer_token)


@data_privacy.command("lookup")
@subject_options
@table_option
@click.option("--report", is_flag=True, hidden=True, help="The same as --table (its former name).")
@pass_client
def lookup(obj: tuple[Any, ...], email: str | None, phone: str | None, as_table: bool, report: bool) -> None:
    """Everything that references an e-mail address (--email) or a phone number (--phone)."""
    subject = _subject(email, phone)
    with make_client(*obj) as gong:
        try:
            refs = subject.lookup(gong)
        except GongError as exc:
            fail(str(exc))
    if as_table or report:
        _report(subject, refs)
    else:
        emit_json(_dump(refs))


def _gongkit_status(gong: Gong, request_id: str) -> dict[str, Any] | None:
    """The erasure's state on a gongkit server; None where there is no such route (Gong itself)."""
    try:
        return dict(gong.request("GET", f"/admin/v1/erasures/{request_id}")["erasure"])
    except GongError:
        return None


def erasure_state(gong: Gong, subject: Subject, request_id: str) -> tuple[bool, str | None]:
    """(finished, failure) of one erasure, seen with the public operations: finished once the lookup finds
    nothing. On a gongkit server the erasure's own status is also read: it must be DONE (which includes making
    storage forget), and a FAILED one (e.g. refused by the integrity protection) ends with its reason."""
    remote = _gongkit_status(gong, request_id)
    if remote is not None and remote.get("status") == "FAILED":
        return True, str(remote.get("error"))
    if subject.lookup(gong).total:
        return False, None
    return remote is None or remote.get("status") == "DONE", None


def wait_until_gone(
    gong: Gong, subject: Subject, request_id: str, *, interval: float, timeout: float
) -> tuple[bool, float, str | None]:
    """Poll every ``interval`` seconds until the erasure is finished: (gone, seconds, failure)."""
    started = time.monotonic()
    while True:
        finished, failure = erasure_state(gong, subject, request_id)
        if finished:
            return failure is None, time.monotonic() - started, failure
        if time.monotonic() - started > timeout:
            return False, time.monotonic() - started, None
        time.sleep(interval)


_WAIT_HELP = (
    "Then look the subject up every --interval seconds until nothing references it (on a gongkit server, until "
    "the erasure is DONE), and say how long it took."
)


@data_privacy.command("erase")
@subject_options
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--dry-run", is_flag=True, help="Only show what would be erased.")
@click.option("--wait", is_flag=True, help=_WAIT_HELP)
@click.option(
    "--interval", type=click.FloatRange(min=0.05), default=5.0, show_default=True, help="Seconds between look-ups."
)
@click.option(
    "--timeout", type=click.FloatRange(min=0), default=3600.0, show_default=True, help="Give up waiting after this."
)
@table_option
@pass_client
def erase(
    obj: tuple[Any, ...],
    email: str | None,
    phone: str | None,
    yes: bool,
    dry_run: bool,
    wait: bool,
    interval: float,
    timeout: float,
    as_table: bool,
) -> None:
    """Erase everything that references an e-mail address (--email) or a phone number (--phone).

    Shows what will go and asks for confirmation (unless --yes). Gong runs erasures in the background and refuses
    an abnormal number of deletions (integrity protection); prints the request id as JSON.
    """
    subject = _subject(email, phone)
    with make_client(*obj) as gong:
        try:
            refs = subject.lookup(gong)
            err = console(stderr=True)
            err.print(f"[bold]{subject.value}[/bold] is referenced by {refs.total} objects:")
            for kind, n in refs.counts().items():
                err.print(f"  {LABELS[kind]:<20} {n}")
            if dry_run:
                dry = {"subject": subject.value, "references": refs.counts(), "erased": False, "dryRun": True}
                emit(dry, as_table)
                return
            if not yes and not click.confirm(f"Erase everything that references {subject.value}?", err=True):
                fail("nothing erased", code=1)
            request_id = subject.erase(gong)
            result: dict[str, Any] = {"subject": subject.value, "references": refs.counts(), "requestId": request_id}
            if wait:
                gone, seconds, failure = wait_until_gone(gong, subject, request_id, interval=interval, timeout=timeout)
                result.update(gone=gone, seconds=round(seconds, 1))
                if failure:
                    result["error"] = failure
                emit(result, as_table)
                if not gone:
                    fail(failure or f"references remain after {timeout:.0f} s (the erasure may still be running)")
                err.print(f"Nothing references {subject.value} any more ({seconds:.1f} s).")
                return
            emit(result, as_table)
        except GongError as exc:
            fail(str(exc))


# --- batch -----------------------------------------------------------------------------------------------

_EMAIL_COLUMNS = {"email", "emailaddress", "e-mail", "mail"}
_PHONE_COLUMNS = {"phone", "phonenumber", "mobile", "telephone"}


def read_subjects(path: Path) -> list[Subject]:
    """The subjects of a CSV: columns ``email`` and/or ``phone`` (``emailAddress``/``phoneNumber`` too), or, with
    no such header, every cell that is an address (has ``@``) or a number (starts with ``+``)."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = [[c.strip() for c in row] for row in csv.reader(fh) if any(c.strip() for c in row)]
    if not rows:
        return []
    header = [c.lower().replace("_", "") for c in rows[0]]
    columns = [("email" if h in _EMAIL_COLUMNS else "phone" if h in _PHONE_COLUMNS else None) for h in header]
    out: list[Subject] = []
    if any(columns):
        for row in rows[1:]:
            for kind, cell in zip(columns, row, strict=False):
                if kind and cell:
                    out.append(Subject(kind, cell))
    else:
        for row in rows:
            for cell in row:
                if "@" in cell:
                    out.append(Subject("email", cell))
                elif cell.startswith("+"):
                    out.append(Subject("phone", cell))
    seen: set[str] = set()
    unique = []
    for s in out:
        if s.key not in seen:
            seen.add(s.key)
            unique.append(s)
    return unique


class BatchState:
    """Progress of a batch, kept beside the CSV (``<file>.privacy-state.json``) and rewritten atomically after
    every step, so an interrupted batch resumes where it stopped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.subjects: dict[str, dict[str, Any]] = {}
        if path.exists():
            self.subjects = dict(json.loads(path.read_text()).get("subjects", {}))

    def get(self, subject: Subject) -> dict[str, Any]:
        return self.subjects.setdefault(subject.key, {"subject": subject.value, "kind": subject.kind, "status": "new"})

    def save(self) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"subjects": self.subjects}, indent=2))
        os.replace(tmp, self.path)


@data_privacy.command("batch")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--dry-run", is_flag=True, help="Only look the subjects up and report.")
@click.option("--wait", is_flag=True, help="After the requests, wait until nothing references each subject.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05),
    default=5.0,
    show_default=True,
    help="Seconds between rounds of look-ups.",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0), default=3600.0, show_default=True, help="Give up waiting after this."
)
@click.option(
    "--state",
    "state_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="State file (default: <CSV_FILE>.privacy-state.json).",
)
@table_option
@click.option("--report", is_flag=True, hidden=True, help="The same as --table (its former name).")
@pass_client
def batch(
    obj: tuple[Any, ...],
    csv_file: Path,
    yes: bool,
    dry_run: bool,
    wait: bool,
    interval: float,
    timeout: float,
    state_path: Path | None,
    as_table: bool,
    report: bool,
) -> None:
    """Erase many subjects listed in CSV_FILE (columns email and/or phone).

    Each subject is looked up, then erased; requests are paced under Gong's rate limit by the SDK. Progress is
    kept in a state file beside the CSV: run the same command again after an interruption and it resumes
    (subjects already requested are not requested twice). Ends with a report per subject.
    """
    subjects = read_subjects(csv_file)
    if not subjects:
        fail(f"no e-mail address or phone number found in {csv_file}")
    state = BatchState(state_path or csv_file.with_name(csv_file.name + ".privacy-state.json"))
    err = console(stderr=True)
    with make_client(*obj) as gong:
        todo = [s for s in subjects if state.get(s)["status"] not in ("requested", "erased")]
        if todo and not dry_run and not yes:
            err.print(f"{len(todo)} subjects to erase ({len(subjects) - len(todo)} already requested) from {csv_file}.")
            if not click.confirm("Look them up and erase everything that references them?", err=True):
                fail("nothing erased", code=1)
        with _progress(err) as bar:
            task = bar.add_task("look up and erase", total=len(subjects))
            for subject in subjects:
                entry = state.get(subject)
                if entry["status"] in ("requested", "erased"):
                    bar.advance(task)
                    continue
                try:
                    entry["references"] = subject.lookup(gong).counts()
                    if not dry_run:
                        entry["requestId"] = subject.erase(gong)
                        entry["status"] = "requested"
                        entry["requestedAt"] = time.time()
                except GongError as exc:
                    entry.update(status="invalid" if isinstance(exc, BadRequestError) else "error", error=str(exc))
                if not dry_run:
                    state.save()
                bar.advance(task)
            if wait and not dry_run:
                _wait_all(gong, subjects, state, bar, interval=interval, timeout=timeout)
    rows = []
    for subject in subjects:
        entry = state.get(subject)
        refs = entry.get("references") or {}
        rows.append(
            {
                "subject": subject.value,
                "kind": subject.kind,
                "status": "dry-run" if dry_run and entry["status"] == "new" else entry["status"],
                "references": sum(refs.values()) if refs else None,
                "requestId": entry.get("requestId"),
                "seconds": entry.get("seconds"),
                "error": entry.get("error"),
            }
        )
    emit(
        rows,
        as_table or report,
        columns=("subject", "kind", "status", "references", "requestId", "seconds", "error"),
        title=f"{len(rows)} subjects",
    )
    if any(r["status"] in ("invalid", "error", "failed") for r in rows):
        raise SystemExit(1)


def _progress(err: Any) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def _wait_all(
    gong: Gong, subjects: list[Subject], state: BatchState, bar: Progress, *, interval: float, timeout: float
) -> None:
    pending = [s for s in subjects if state.get(s)["status"] == "requested"]
    task = bar.add_task("erased", total=len(pending))
    started = time.monotonic()
    while pending:
        for subject in list(pending):
            entry = state.get(subject)
            finished, failure = erasure_state(gong, subject, str(entry.get("requestId")))
            if not finished:
                continue
            if failure is None:
                entry.update(
                    status="erased", seconds=round(time.time() - float(entry.get("requestedAt", time.time())), 1)
                )
            else:
                entry.update(status="failed", error=failure)
            pending.remove(subject)
            state.save()
            bar.advance(task)
        if not pending or time.monotonic() - started > timeout:
            return
        time.sleep(interval)


# --- gongkit-server extras -------------------------------------------------------------------------------


@data_privacy.command("status")
@click.argument("request_id", required=False)
@click.option(
    "--status",
    "status_filter",
    type=click.Choice(["PENDING", "IN_PROGRESS", "DONE", "FAILED"]),
    default=None,
    help="Only erasures in this state.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1, max=1000),
    default=50,
    show_default=True,
    help="How many erasures to list, newest first.",
)
@table_option
@pass_client
def status(obj: tuple[Any, ...], request_id: str | None, status_filter: str | None, limit: int, as_table: bool) -> None:
    """Erasure requests of the company and their progress (gongkit server only: /admin/v1/erasures).

    REQUEST_ID is the requestId an erase answered. Needs the company's access key. Gong has no such endpoint.
    """
    columns = ("id", "kind", "status", "requested", "finished", "planned", "deleted", "error")
    with make_client(*obj) as gong:
        try:
            if request_id:
                one = gong.request("GET", f"/admin/v1/erasures/{request_id}")["erasure"]
                emit(one, as_table, columns=columns)
                return
            params = {"status": status_filter, "limit": limit}
            many = gong.request("GET", "/admin/v1/erasures", params=params)["erasures"]
        except NotFoundError as exc:
            fail(f"{exc} (erasure status is a gongkit server extra; Gong itself has none)")
        except GongError as exc:
            fail(str(exc))
    rows = [
        {**j, "planned": (j.get("planned") or {}).get("total"), "deleted": (j.get("deleted") or {}).get("total")}
        for j in many
    ]
    emit(many, as_table, rows=rows, columns=columns, title=f"{len(many)} erasures")


@data_privacy.command("audit")
@subject_options
@store_options
@click.option("--company", "company_id", type=int, default=None, help="Only this company's records.")
@table_option
def audit(
    email: str | None,
    phone: str | None,
    database_url: str | None,
    data_dir: Path | None,
    company_id: int | None,
    as_table: bool,
) -> None:
    """Was this subject erased? The erasure records of an e-mail address or a phone number (gongkit server only).

    Records keep no subject in clear text, only a keyed hash (HMAC-SHA256 under the instance's secret); this
    command reads the server's database (--database / --data-dir), computes the hash and finds the records.
    """
    from gongkit.control import instance_secret
    from gongkit.kernel.errors import ApiError as DomainError
    from gongkit.server.groups.data_privacy import jobs

    subject = _subject(email, phone)
    db = open_store(settings_for(data_dir, database_url), create=False)
    try:
        with db.write() as conn:
            secret = instance_secret(conn)
        with db.read() as conn:
            records = jobs.audit(conn, secret, subject.kind, subject.value, company_id)
    except DomainError as exc:
        fail("; ".join(exc.messages))
    finally:
        db.dispose()
    rows = [{**r, "deleted": (r.get("deleted") or {}).get("total")} for r in records]
    emit(
        records,
        as_table,
        rows=rows,
        columns=("id", "companyId", "status", "credential", "requested", "finished", "deleted", "error"),
        title=f"{len(records)} erasure records",
    )
