"""The demo company's generic CRM integration (``/v2/crm/*``): registered, with a schema for each object type,
and a few accounts with their contacts and deals, and leads, as an upload through the API would have stored them.

The people here are not privacy subjects, and their addresses and numbers are their own (nobody else in the demo
has them), so the data-privacy answers for the subjects do not change.
"""

from __future__ import annotations

import json
from typing import Any

from gongkit.demo.addresses import DISPLAY_STYLE, local_part, new_phone, slugify
from gongkit.demo.seeded import DAY_MS, K_CRM, REFERENCE_MS
from gongkit.demo.state import State
from gongkit.demo.vocabulary import CUSTOMER_TITLES, FIRST, LAST
from gongkit.demo.writing import Row
from gongkit.kernel.clock import ms_to_iso

#: Accounts of the generic CRM: (name, country).
GENERIC_ACCOUNTS = (("Brightwater Freight", "US"), ("Kestrel Cold Chain", "GB"), ("Norde Shipping", "DE"))
GENERIC_LEADS = 2
_BASE = 1 << 39  # id numbers of this module's rows (``gen_crm`` numbers its own from 1)

#: The uploaded schema: object type -> fields.
SCHEMA: dict[str, list[dict[str, Any]]] = {
    "ACCOUNT": [
        {
            "unique_name": "segment",
            "label": "Segment",
            "type": "PICKLIST",
            "values": ["SMB", "Mid-Market", "Enterprise"],
        },
        {"unique_name": "fleetSize", "label": "Fleet size", "type": "NUMBER"},
    ],
    "CONTACT": [{"unique_name": "linkedinUrl", "label": "LinkedIn", "type": "URL"}],
    "DEAL": [
        {"unique_name": "forecastCategory", "label": "Forecast", "type": "PICKLIST", "values": ["Pipeline", "Commit"]},
        {"unique_name": "renewalDate", "label": "Renewal date", "type": "DATE"},
    ],
    "LEAD": [{"unique_name": "leadScore", "label": "Lead score", "type": "PERCENT"}],
}
_STORED = {"ACCOUNT": "Account", "CONTACT": "Contact", "DEAL": "Opportunity", "LEAD": "Lead"}


def generic_integration_id(g: State) -> int:
    return g.ids(K_CRM, _BASE - 1)


def gen_generic_crm(g: State) -> None:
    """The integration, its schema and its objects."""
    rng = g.rng("generic-crm")
    iid = generic_integration_id(g)
    g.w.rows["crm_integrations"].append(
        {
            "id": iid,
            "company_id": g.cid,
            "active_company_id": g.cid,
            "name": "Fleet ERP (generic CRM)",
            "owner_email": f"crm-admin@{g.domain}",
            "status": "ACTIVE",
            "created_ms": g.company_created + 30 * DAY_MS,
            "deleted_ms": None,
        }
    )
    for object_type, fields in SCHEMA.items():
        for position, f in enumerate(fields):
            g.w.rows["crm_schema_fields"].append(
                {
                    "company_id": g.cid,
                    "integration_id": iid,
                    "object_type": object_type,
                    "position": position,
                    "unique_name": f["unique_name"],
                    "label": f["label"],
                    "type": f["type"],
                    "last_modified": ms_to_iso(g.company_created + 30 * DAY_MS)[:19] + "Z",
                    "reference_to": None,
                    "ordered_value_list": f.get("values"),
                }
            )
    n = 0
    rows = g.w.rows["crm_objects"]

    def add(object_type: str, object_id: str, values: dict[str, Any], **columns: Any) -> int:
        nonlocal n
        n += 1
        modified = REFERENCE_MS - rng.randrange(1, 90) * DAY_MS
        fields = [{"name": "objectId", "value": object_id}, {"name": "modifiedDate", "value": _iso(modified)}]
        fields += [{"name": k, "value": v} for k, v in values.items()]
        row: Row = {
            "id": g.ids(K_CRM, _BASE + n),
            "company_id": g.cid,
            "system": "Generic",
            "object_type": _STORED[object_type],
            "external_id": object_id,
            "mirror_id": json.dumps(
                {"integrationId": str(iid), "crmObjectType": object_type, "crmId": object_id}, separators=(",", ":")
            ),
            "account_id": None,
            "email_address": None,
            "phone_number": None,
            "mobile_phone_number": None,
            "fields": fields,
            "modified_ms": modified,
            "integration_id": iid,
            **columns,
        }
        rows.append(row)
        return int(row["id"])

    for a, (name, country) in enumerate(GENERIC_ACCOUNTS):
        domain = slugify(name, "-") + ".example"
        account_ref = f"ACC-{1000 + a}"
        account_id = add(
            "ACCOUNT",
            account_ref,
            {
                "name": name,
                "domains": [domain],
                "segment": rng.choice(SCHEMA["ACCOUNT"][0]["values"]),
                "fleetSize": rng.randrange(20, 900),
            },
            name=name,
        )
        for c in range(2):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            number = new_phone(rng, country, g.used_phones)
            phone = number.fmt(DISPLAY_STYLE[number.cc])
            email = g.unique_email(local_part(first, last), domain)
            add(
                "CONTACT",
                f"CON-{1000 + a * 10 + c}",
                {
                    "accountId": account_ref,
                    "emailAddress": email,
                    "firstName": first,
                    "lastName": last,
                    "title": rng.choice(CUSTOMER_TITLES),
                    "phoneNumber": phone,
                },
                name=f"{first} {last}",
                account_id=account_id,
                email_address=email,
                phone_number=phone,
            )
        add(
            "DEAL",
            f"DEAL-{1000 + a}",
            {
                "accountId": account_ref,
                "name": f"{name} - Telematics",
                "status": "OPEN",
                "stage": "discovery",
                "amount": rng.randrange(20, 300) * 1000,
                "closeDate": ms_to_iso(REFERENCE_MS + 60 * DAY_MS)[:10],
                "forecastCategory": "Pipeline",
            },
            name=f"{name} - Telematics",
            account_id=account_id,
        )
    for i in range(GENERIC_LEADS):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = g.unique_email(local_part(first, last), "harbourline-logistics.example")
        number = new_phone(rng, "US", g.used_phones)
        phone = number.fmt(DISPLAY_STYLE[number.cc])
        add(
            "LEAD",
            f"LEAD-{1000 + i}",
            {
                "emailAddress": email,
                "firstName": first,
                "lastName": last,
                "phoneNumber": phone,
                "leadScore": rng.randrange(10, 95),
            },
            name=f"{first} {last}",
            email_address=email,
            phone_number=phone,
        )
    g.w.flush()


def _iso(ms: int) -> str:
    """ISO-8601 without milliseconds, as the CRM API writes its times."""
    return ms_to_iso(ms)[:19] + "Z"
