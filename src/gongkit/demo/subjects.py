"""The privacy subjects: a few well-known people every demo company references everywhere.

Each subject appears in every kind of reference the data-privacy operations look for (call parties, e-mails
from/to/cc, meeting invitees, a lead and a contact record, engagement events, a transcript where they say their
address and number), so that look-ups and erasures have something to find.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkit.demo.addresses import DISPLAY_STYLE, Phone


@dataclass
class PrivacySubject:
    """A well-known person the demo references everywhere, for data-privacy demos and tests."""

    email: str
    phone: str | None
    description: str


@dataclass(frozen=True)
class SubjectSpec:
    """Everything the generator needs to place a privacy subject in every part of the company."""

    first: str
    last: str
    email: str
    title: str
    phone: Phone
    mobile: Phone | None
    account: str
    domain: str
    country: str
    system: str
    industry: str
    description: str

    @property
    def display_phone(self) -> str:
        return self.phone.fmt(DISPLAY_STYLE[self.phone.cc])

    def public(self) -> PrivacySubject:
        return PrivacySubject(self.email, self.display_phone, self.description)


SUBJECTS: tuple[SubjectSpec, ...] = (
    SubjectSpec(
        "Dana",
        "Whitfield",
        "dana.whitfield@northwind-traders.com",
        "Director of Operations",
        Phone("1", ("425", "555", "2671")),
        Phone("1", ("425", "555", "0188")),
        "Northwind Traders",
        "northwind-traders.com",
        "US",
        "Salesforce",
        "Logistics",
        "Director of Operations at Northwind Traders (Salesforce contact, and an earlier lead): external party on "
        "several calls (one under her lead record), says her e-mail and direct line in a recorded call, sends, "
        "receives and is copied on e-mails, is invited to meetings and appears in engagement events.",
    ),
    SubjectSpec(
        "Marco",
        "Bellini",
        "marco.bellini@fabrikam-logistics.co.uk",
        "Head of Procurement",
        Phone("44", ("20", "7946", "0958")),
        Phone("44", ("7700", "900461")),
        "Fabrikam Logistics",
        "fabrikam-logistics.co.uk",
        "GB",
        "Salesforce",
        "Logistics",
        "Head of Procurement at Fabrikam Logistics (UK; Salesforce contact and lead): the same kinds of references "
        "as Dana Whitfield, with a UK number written several ways.",
    ),
    SubjectSpec(
        "Priya",
        "Raman",
        "priya.raman@contoso-health.com",
        "Chief Technology Officer",
        Phone("61", ("491", "570", "156")),
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
PRIVACY_SUBJECTS: tuple[PrivacySubject, ...] = tuple(sp.public() for sp in SUBJECTS)
