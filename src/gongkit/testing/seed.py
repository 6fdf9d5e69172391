"""Seeding: put the records a test needs into its company, in Gong's shapes.

    uid = gong_seed.user(emailAddress="ana@acme.example", firstName="Ana")
    rep = gong_seed.user(emailAddress="bo@acme.example", managerId=uid)
    call = gong_seed.call(title="Demo", started="2025-01-06T15:00:00Z", primaryUserId=rep,
                          parties=[{"userId": rep, "speakerId": "1"}, {"name": "Maya", "speakerId": "2"}],
                          transcript=[{"speakerId": "2", "sentences": [{"start": 0, "end": 900, "text": "Hi"}]}])
    gong_seed.load("tests/data/company.yaml")   # or .json, or a dict: {"users": [...], "calls": [...], ...}

Every record is checked against its shape (:mod:`gongkit.testing.shapes`) and against the company (a
``managerId``, ``primaryUserId`` or party ``userId`` must be one of its users, a transcript's ``speakerId`` one
of the call's parties) before anything is written; a failure is a :class:`~gongkit.testing.shapes.SeedError`
naming each field at fault, and writes nothing. Rows go through :func:`gongkit.db.rows.prepare`, like every
other writer's. Ids not given are derived from the company and a counter, so a test's data is the same run
after run.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, insert, select, update

from gongkit.db import Database
from gongkit.db import schema as s
from gongkit.db.rows import prepare
from gongkit.kernel.clock import Clock
from gongkit.server.groups.calls.analysis import analyse_calls
from gongkit.testing.shapes import SeedDocument, SeedError, UserSeed, parse

__all__ = ["Seeder", "read_seed_file"]

R = TypeVar("R")


def read_seed_file(path: str | Path) -> Any:
    """The data of a ``.json``, ``.yaml`` or ``.yml`` seed file (not yet checked)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            yaml: Any = importlib.import_module("yaml")  # PyYAML comes with uvicorn[standard]
        except ImportError:  # pragma: no cover
            raise SeedError([f"{path}: reading YAML needs PyYAML (pip install pyyaml)"]) from None
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise SeedError([f"{path}: not valid YAML: {exc}"]) from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SeedError([f"{path}: not valid JSON: {exc}"]) from None
    raise SeedError([f"{path}: a seed file ends in .json, .yaml or .yml"])


class Seeder:
    """Writes seed records into one company of one store (see the module's docstring)."""

    def __init__(self, db: Database, company_id: int, *, clock: Clock, app_url: str) -> None:
        self.db = db
        self.company_id = company_id
        self.clock = clock
        self.app_url = app_url.rstrip("/")
        self._counters: dict[str, int] = {}

    # --- one record at a time --------------------------------------------------------------------------

    def workspace(self, **fields: Any) -> str:
        """A workspace (``name``, ``description``); returns its id."""
        return self.load({"workspaces": [fields]})["workspaces"][0]

    def user(self, **fields: Any) -> str:
        """A user (``emailAddress``, ``firstName``, ``lastName``, ``title``, ``managerId``, ...); returns its id."""
        return self.load({"users": [fields]})["users"][0]

    def call(self, **fields: Any) -> str:
        """A recorded call (``started``, ``primaryUserId``, ``title``, ``parties``, ``transcript``, ...); returns
        its id. Without ``parties`` the primary user is the only one; a party with a ``userId`` takes the user's
        name, e-mail address, title and phone number unless given, and is ``Internal``; others are ``External``."""
        return self.load({"calls": [fields]})["calls"][0]

    def crm_object(self, **fields: Any) -> str:
        """A CRM record (``objectType``, ``objectId``, ``name``, ``emailAddress``, ``fields``, ...); returns its id."""
        return self.load({"crmObjects": [fields]})["crmObjects"][0]

    def email(self, **fields: Any) -> str:
        """An imported e-mail (``from`` or ``from_``, ``to``, ``cc``, ``bcc``, ``sentTime``, ...); returns its id."""
        return self.load({"emails": [fields]})["emails"][0]

    def meeting(self, **fields: Any) -> str:
        """A calendar meeting (``startTime``, ``endTime``, ``organizerEmail``, ``invitees``, ...); returns its id."""
        return self.load({"meetings": [fields]})["meetings"][0]

    def engagement_event(self, **fields: Any) -> str:
        """An engagement event (``eventType``, ``timestamp``, ``personEmail``, ...); returns its id."""
        return self.load({"engagementEvents": [fields]})["engagementEvents"][0]

    # --- many at once ----------------------------------------------------------------------------------

    def load(self, source: Mapping[str, Any] | str | Path | SeedDocument) -> dict[str, list[str]]:
        """Every record of a seed document (a mapping, or a ``.json``/``.yaml`` file) in one transaction;
        returns the ids written, per kind, in the document's order."""
        if isinstance(source, str | Path):
            data: Any = read_seed_file(source)
            doc = parse(SeedDocument, data, "")
        else:
            doc = parse(SeedDocument, source, "")
        with self.db.write() as conn:
            return Batch(self, conn).write(doc)

    def count(self, kind: str) -> int:
        """The next number of ``kind`` in this seeder (1, 2, ...)."""
        self._counters[kind] = n = self._counters.get(kind, 0) + 1
        return n

    def next_id(self, conn: Connection, table: Table, kind: str) -> int:
        """A new id for ``kind``: derived from the company and a counter, skipping any already taken."""
        while True:
            n = self.count(kind)
            digest = hashlib.sha256(f"{self.company_id}:{kind}:{n}".encode()).digest()
            new = 10**18 + int.from_bytes(digest[:8], "big") % (2**63 - 1 - 10**18)
            if conn.execute(select(table.c.id).where(table.c.id == new)).first() is None:
                return new


class Batch:
    """One load: checks references as it goes and collects every problem before failing."""

    def __init__(self, seeder: Seeder, conn: Connection) -> None:
        self.seeder = seeder
        self.conn = conn
        self.cid = seeder.company_id
        self.problems: list[str] = []
        self.written: dict[str, list[str]] = {}

    def _exists(self, table: Table, row_id: int) -> bool:
        found = self.conn.execute(
            select(table.c.id).where(table.c.company_id == self.cid, table.c.id == row_id)
        ).first()
        return found is not None

    def new_text_id(self, given: str | None, table: Table, make: Callable[[int], str], path: str) -> str:
        """The record's text id: ``given`` (a problem if taken), or ``make(n)`` for the first free counter ``n``."""
        if given is not None:
            if self.conn.execute(select(table.c.id).where(table.c.id == given)).first() is not None:
                self.problems.append(f"{path}.id: {given} is taken already")
            return given
        while True:
            candidate = make(self.seeder.count(table.name))
            if self.conn.execute(select(table.c.id).where(table.c.id == candidate)).first() is None:
                return candidate

    def check(self, table: Table, row_id: int | None, path: str, what: str) -> None:
        """A problem unless ``row_id`` (if given) is a row of ``table`` in this company."""
        if row_id is not None and not self._exists(table, row_id):
            self.problems.append(f"{path}: {row_id} is not {what} of this company")

    def new_id(self, given: int | None, table: Table, kind: str, path: str) -> int:
        if given is None:
            return self.seeder.next_id(self.conn, table, kind)
        if self.conn.execute(select(table.c.id).where(table.c.id == given)).first() is not None:
            self.problems.append(f"{path}.id: {given} is taken already")
        return given

    def write(self, doc: SeedDocument) -> dict[str, list[str]]:
        from gongkit.testing import records

        self._each("workspaces", doc.workspaces, records.workspace)
        self._link_managers(doc.users, self._each("users", doc.users, records.user))
        self._each("crmObjects", doc.crmObjects, records.crm_object)
        self._each("calls", doc.calls, records.call)
        self._each("emails", doc.emails, records.email)
        self._each("meetings", doc.meetings, records.meeting)
        self._each("engagementEvents", doc.engagementEvents, records.engagement_event)
        if self.problems:
            raise SeedError(self.problems)
        # The seeded transcripts arrive: their calls' content, interaction and per-user figures are derived.
        analyse_calls(self.conn, self.cid, [int(i) for i in self.written["calls"]])
        return self.written

    def _each(self, kind: str, items: list[R], write: Callable[[Batch, R, str], object]) -> list[str]:
        ids = self.written[kind] = [str(write(self, item, f"{kind}[{i}]")) for i, item in enumerate(items)]
        return ids

    def _link_managers(self, users: list[UserSeed], ids: list[str]) -> None:
        """Managers are set once every user of the document exists, so a report may come before its manager."""
        for i, (u, uid) in enumerate(zip(users, ids, strict=True)):
            if u.managerId is None:
                continue
            since = len(self.problems)
            self.check(s.users, u.managerId, f"users[{i}].managerId", "a user")
            if len(self.problems) == since:
                self.conn.execute(update(s.users).where(s.users.c.id == int(uid)).values(manager_id=u.managerId))

    def insert(self, table: Table, rows: list[dict[str, Any]], since: int) -> None:
        """Write ``rows`` unless a problem was found since ``since`` (``len(self.problems)`` before the record's
        checks): nothing is kept after a problem, but later records are still checked."""
        if rows and len(self.problems) == since:
            self.conn.execute(insert(table), [prepare(table.name, row) for row in rows])
