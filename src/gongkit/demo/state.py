"""The state of one generation run, shared by the parts that fill the company's tables.

Each part (people, CRM, calls, mail, ...) is a set of functions over this state: they read what earlier parts
made (users, accounts, leads, sampled calls), append rows to its writer and report progress.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gongkit.db.engine import Database
from gongkit.demo.addresses import slugify
from gongkit.demo.records import Account, CallInfo, Person, User
from gongkit.demo.seeded import DAY_MS, REFERENCE_MS, WINDOW_DAYS, Ids, below, hash_int, pick
from gongkit.demo.subjects import SUBJECTS
from gongkit.demo.writing import Writer
from gongkit.server.groups.calls.analysis import TrackerDefinition

if TYPE_CHECKING:
    from gongkit.demo.company import DemoSize

#: ``progress(phase, done, total)``, called after each batch.
Progress = Callable[[str, int, int], None]


class State:
    """One run: the company, the size asked for, the writer, the id and random streams, and what each part
    has made so far that later parts draw on."""

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
        self.ids = Ids(seed, company_id)
        self.w = Writer(db)
        self.domain = (slugify(company_name, "") or "demo") + ".com"
        self.zoom_host = (slugify(company_name, "") or "demo") + ".zoom.us"
        self.product = f"{company_name} Fleet"
        self.window_start = REFERENCE_MS - WINDOW_DAYS * DAY_MS
        self.company_created = REFERENCE_MS - 730 * DAY_MS
        self.used_phones: set[str] = {sp.phone.norm for sp in SUBJECTS} | {
            sp.mobile.norm for sp in SUBJECTS if sp.mobile
        }
        self.used_emails: set[str] = {sp.email for sp in SUBJECTS}
        self.workspace_ids: list[int] = []
        self.users: list[User] = []
        self.accounts: list[Account] = []
        self.leads: list[Person] = []
        self.subject_contacts: list[Person] = []
        self.subject_leads: list[Person] = []
        self.integration = {
            "Salesforce": str(10**14 + hash_int("integration", seed, "Salesforce") % (9 * 10**14)),
            "HubSpot": str(10**14 + hash_int("integration", seed, "HubSpot") % (9 * 10**14)),
        }
        self.sample_calls: list[CallInfo] = []
        self.conference_calls: list[CallInfo] = []
        # Per subject: (call id, end instant) of the calls they are on; the one where they speak comes first.
        self.subject_calls: list[list[tuple[int, int]]] = [[] for _ in SUBJECTS]
        self.trackers: dict[int, list[TrackerDefinition]] = {}  # per workspace, made before the calls
        # Set up by the calls part before it makes the calls (who takes calls, weights, counters).
        self.takers: list[User] = []
        self.taker_cum: list[int] = []
        self.stable: list[User] = []
        self.by_workspace: dict[int, list[User]] = {}
        self.user_by_id: dict[int, User] = {}
        self.conf_cum: list[int] = []
        self.party_n = 0
        self.comment_n = 0

    def rng(self, *parts: object) -> random.Random:
        return random.Random(hash_int("rng", self.seed, *parts))

    def report(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    @property
    def other_leads(self) -> list[Person]:
        """Leads that are not privacy subjects (random references never pick a subject)."""
        return self.leads[len(SUBJECTS) :]

    def random_account(self, rng: random.Random) -> Account:
        n_sub = len(SUBJECTS)
        if len(self.accounts) > n_sub and rng.random() < 0.97:
            return self.accounts[n_sub + below(rng.random, len(self.accounts) - n_sub)]
        return pick(rng.random, self.accounts)

    @staticmethod
    def contacts(account: Account) -> list[Person]:
        """An account's contacts other than a privacy subject (may be empty)."""
        return account.contacts[1:] if account.subject else account.contacts

    def unique_email(self, local: str, domain: str) -> str:
        email = f"{local}@{domain}"
        k = 2
        while email in self.used_emails:
            email = f"{local}{k}@{domain}"
            k += 1
        self.used_emails.add(email)
        return email
