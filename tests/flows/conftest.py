"""A small Engage world: two reps, folders and flows of every visibility, a contact, a lead and an account."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from gongkit.db import Database
from gongkit.kernel.clock import FixedClock
from gongkit.kernel.config import ServerSettings
from gongkit.server.app import create_app
from gongkit.server.core.ratelimit import RateLimiter
from tests.conftest import Company, Seed
from tests.flows import engage as e
from tests.support import factories as f
from tests.support.contract import ContractClient

REP = "Rep.One@Acme.example"
OTHER = "rep.two@acme.example"


@dataclass
class World:
    rep: int
    other: int
    contact: int
    lead: int
    account: int
    contact_crm_id: str
    lead_crm_id: str
    account_crm_id: str


@pytest.fixture
def world(seed: Seed, company: Company) -> World:
    c = company.id
    rep = seed(f.make_user, c, email_address=REP, first_name="Rep", last_name="One")
    other = seed(f.make_user, c, email_address=OTHER, first_name="Rep", last_name="Two")
    contact = seed(
        f.make_crm_object,
        c,
        object_type="Contact",
        external_id="0035g00000CONTACT1",
        email_address="Tom.Baker@Globex.example",
    )
    lead = seed(f.make_crm_object, c, object_type="Lead", external_id="00Q5g00000LEAD0001")
    account = seed(f.make_crm_object, c, object_type="Account", external_id="0015g00000ACCOUNT1")
    seed(e.make_folder, c, 100, "Outbound")
    seed(e.make_folder, c, 101, "My sequences", visibility="Personal", owner_id=rep, parent_id=100)
    seed(e.make_folder, c, 102, "Their sequences", visibility="Personal", owner_id=other)
    seed(e.make_folder, c, 103, "Team", visibility="Shared", owner_id=other, shared_with=[rep], parent_id=100)
    seed(e.make_flow, c, 1001, "Company outbound", folder_id=100, exclusive=True)
    seed(e.make_flow, c, 1002, "My follow-ups", visibility="Personal", owner_id=rep, folder_id=101)
    seed(e.make_flow, c, 1003, "Their follow-ups", visibility="Personal", owner_id=other, folder_id=102)
    seed(e.make_flow, c, 1004, "Shared with me", visibility="Shared", owner_id=other, shared_with=[rep])
    seed(e.make_flow, c, 1005, "Shared elsewhere", visibility="Shared", owner_id=other, cool_off_days=30)
    seed(e.make_flow, c, 1006, "Inbound", cool_off_days=14, steps=[("Welcome e-mail", "EMAIL")])
    return World(rep, other, contact, lead, account, "0035g00000CONTACT1", "00Q5g00000LEAD0001", "0015g00000ACCOUNT1")


NOW = e.T0 + 10 * e.DAY  # 2024-01-11T00:00:00Z


@pytest.fixture
def clocked(settings: ServerSettings, db: Database) -> Iterator[tuple[ContractClient, FixedClock]]:
    """A client of a server whose clock stands at ``NOW`` until moved."""
    clock = FixedClock(NOW)
    app = create_app(settings, db=db, clock=clock, limiter=RateLimiter("memory://"))
    with ContractClient(app) as c:
        yield c, clock
