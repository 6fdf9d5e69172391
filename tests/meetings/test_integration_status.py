"""POST /v2/meetings/integration/status: whether each address can organize Gong meetings, and why not."""

from __future__ import annotations

from typing import Any

from gongkit.db import Database
from tests.conftest import Company, Seed, make_company
from tests.support import factories as f
from tests.support.api import assert_error
from tests.support.contract import ContractClient

CONSENT = "https://join.gong.io/acme/dana.reyes?tkn=abc"
FIX_URL = "http://localhost:8080/company/recording-consent/consent-page"  # under the app URL (settings)


def status(email: str, *, exists: bool, error: str | None = None, fix: str | None = None) -> dict[str, Any]:
    return {
        "email": email,
        "exists": exists,
        "valid": error is None,
        "userFacingError": error,
        "fixUrl": fix,
        "helpUrl": None,
    }


def test_each_address_is_answered_once_in_order(
    client: ContractClient, company: Company, seed: Seed, db: Database
) -> None:
    seed(f.make_user, company.id, email_address="dana.reyes@acme.example", meeting_consent_page_url=CONSENT)
    seed(f.make_user, company.id, email_address="no.consent@acme.example", meeting_consent_page_url=None)
    seed(f.make_user, company.id, email_address="gone@acme.example", active=False)
    other = make_company(db, "Globex")
    seed(f.make_user, other.id, email_address="elsewhere@globex.example", meeting_consent_page_url=CONSENT)
    emails = [
        "Dana.Reyes@acme.example",
        "no.consent@acme.example",
        "gone@acme.example",
        "elsewhere@globex.example",
        "DANA.REYES@ACME.EXAMPLE",
    ]
    r = client.post("/v2/meetings/integration/status", json={"emails": emails}, headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "requestId": r.headers["x-request-id"],
        "users": [
            status("Dana.Reyes@acme.example", exists=True),
            status(
                "no.consent@acme.example",
                exists=True,
                error="The Gong consent page is not enabled in your company. Contact your Gong Admin.",
                fix=FIX_URL,
            ),
            status("gone@acme.example", exists=True, error="The Gong user is not active. Contact your Gong Admin."),
            status("elsewhere@globex.example", exists=False, error="No Gong user found with this email address."),
        ],
    }


def test_no_addresses_no_users(client: ContractClient, company: Company) -> None:
    r = client.post("/v2/meetings/integration/status", json={}, headers=company.basic)
    assert r.status_code == 200, r.text
    assert r.json()["users"] == []


def test_bad_requests(client: ContractClient, company: Company) -> None:
    r = client.post(
        "/v2/meetings/integration/status",
        json={"emails": [f"u{i}@acme.example" for i in range(101)]},
        headers=company.basic,
    )
    assert_error(r, 400, "emails: List should have at most 100 items after validation, not 101")
    r = client.post("/v2/meetings/integration/status", json={"emails": ["nobody"]}, headers=company.basic)
    assert_error(r, 400, "emails.0: not a valid e-mail address (expected name@domain.tld)")
    r = client.post("/v2/meetings/integration/status", json={"emails": "a@b.example"}, headers=company.basic)
    assert_error(r, 400, "emails: Input should be a valid list")
