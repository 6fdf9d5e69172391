"""POST /v2/integration-settings: the allowed origins of each integration type, stored per company."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from gongkit.db import Database
from gongkit.db.schema import integration_settings
from gongkit.server.groups.settings.integration import integration_id
from tests.conftest import Company, make_company
from tests.support.api import assert_error
from tests.support.contract import ContractClient

PATH = "/v2/integration-settings"


def origins(db: Database, company: Company) -> list[tuple[str, str]]:
    t = integration_settings.c
    with db.read() as conn:
        found = conn.execute(
            select(t.integration_type, t.origin)
            .where(t.company_id == company.id)
            .order_by(t.integration_type, t.origin)
        )
        return [(kind, origin) for kind, origin in found]


def settings(*pairs: tuple[str, str]) -> dict[str, Any]:
    return {"integrationTypeSettings": [{"integrationType": k, "allowedOrigin": o} for k, o in pairs]}


def test_each_named_type_gets_exactly_the_origins_given(client: ContractClient, company: Company, db: Database) -> None:
    r = client.post(
        PATH,
        json=settings(
            ("EMAIL_COMPOSER", "https://acme.partner.com/"),
            ("EMAIL_COMPOSER", "https://ACME.partner.com"),
            ("DIALER", "https://dial.partner.com:8443"),
        ),
        headers=company.basic,
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"requestId": r.headers["x-request-id"], "integrationId": integration_id(company.id)}
    assert origins(db, company) == [
        ("DIALER", "https://dial.partner.com:8443"),
        ("EMAIL_COMPOSER", "https://acme.partner.com"),
    ]
    # A second request replaces the origins of the types it names and keeps the others'.
    r = client.post(PATH, json=settings(("DIALER", "http://localhost:3000")), headers=company.basic)
    assert r.json()["integrationId"] == integration_id(company.id)
    assert origins(db, company) == [("DIALER", "http://localhost:3000"), ("EMAIL_COMPOSER", "https://acme.partner.com")]
    other = make_company(db, "Globex")
    assert origins(db, other) == []
    assert integration_id(other.id) != integration_id(company.id)


def test_bad_settings_are_400(client: ContractClient, company: Company, db: Database) -> None:
    cases = [
        ({}, "integrationTypeSettings: is required"),
        (
            {"integrationTypeSettings": []},
            "integrationTypeSettings: List should have at least 1 item after validation, not 0",
        ),
        (
            settings(("CRM", "https://a.example")),
            "integrationTypeSettings.0.integrationType: Input should be 'EMAIL_COMPOSER', 'ACCOUNT_PAGES' or 'DIALER'",
        ),
        (
            settings(("DIALER", "https://a.example/path")),
            "integrationTypeSettings.0.allowedOrigin: not a valid origin (a scheme, a host and an optional port, e.g. "
            "https://acme.partner.com)",
        ),
        (
            settings(("DIALER", "ftp://a.example")),
            "integrationTypeSettings.0.allowedOrigin: not a valid origin (a scheme, a host and an optional port, e.g. "
            "https://acme.partner.com)",
        ),
        (
            {"integrationTypeSettings": [{"integrationType": "DIALER"}]},
            "integrationTypeSettings.0.allowedOrigin: is required",
        ),
    ]
    for body, message in cases:
        assert_error(client.post(PATH, json=body, headers=company.basic), 400, message)
    assert origins(db, company) == []
