"""Integration settings (``POST /v2/integration-settings``): the origins a company allows to embed Gong's
integrations (an e-mail composer, account pages, a dialer) in an iFrame, per integration type.

A request sets the allowed origins of each integration type it names: those types' earlier origins are replaced,
the other types' kept (a request about the dialer never drops the e-mail composer's origins). An origin is a
scheme, a host and an optional port (``https://acme.partner.com``), nothing more. The answer is Gong's
``RegisterGenericCrmResponse``; its ``integrationId`` is the company's integration-settings id, stable per company.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError
from sqlalchemy import Connection, delete, insert

from gongkit.db.schema import integration_settings
from gongkit.kernel.wire import WireModel

#: Entries of one request (Gong states no limit).
MAX_SETTINGS = 100
_ORIGIN = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5})?")


def _origin(value: str) -> str:
    text = value.strip().rstrip("/")
    if not _ORIGIN.fullmatch(text):
        raise PydanticCustomError(
            "origin", "not a valid origin (a scheme, a host and an optional port, e.g. https://acme.partner.com)"
        )
    return text.lower()


class IntegrationTypeSettingsIn(WireModel):
    integrationType: Literal["EMAIL_COMPOSER", "ACCOUNT_PAGES", "DIALER"]
    allowedOrigin: Annotated[str, StringConstraints(max_length=500), AfterValidator(_origin)]


class IntegrationSettingsIn(WireModel):
    integrationTypeSettings: Annotated[list[IntegrationTypeSettingsIn], Field(min_length=1, max_length=MAX_SETTINGS)]


def integration_id(company_id: int) -> int:
    """The company's integration-settings id: stable, 19 digits, below 2**63."""
    digest = hashlib.sha256(f"{company_id}:integration-settings".encode()).digest()
    return 10**18 + int.from_bytes(digest[:8], "big") % (2**63 - 1 - 10**18)


def set_integration_settings(
    conn: Connection, *, company_id: int, now_ms: int, body: IntegrationSettingsIn
) -> dict[str, Any]:
    """Replace the allowed origins of the integration types ``body`` names; answers the ``integrationId``."""
    wanted: dict[str, set[str]] = {}
    for item in body.integrationTypeSettings:
        wanted.setdefault(item.integrationType, set()).add(item.allowedOrigin)
    t = integration_settings.c
    conn.execute(delete(integration_settings).where(t.company_id == company_id, t.integration_type.in_(sorted(wanted))))
    conn.execute(
        insert(integration_settings),
        [
            {"company_id": company_id, "integration_type": kind, "origin": origin, "created_ms": now_ms}
            for kind, origins in sorted(wanted.items())
            for origin in sorted(origins)
        ],
    )
    return {"integrationId": integration_id(company_id)}
