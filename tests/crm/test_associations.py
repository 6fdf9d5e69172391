"""GET /v2/calls/manual-crm-associations: calls added through the API with an Account/Opportunity context, in
ascending order of time, paged by cursor."""

from __future__ import annotations

from typing import Any

from gongkit.kernel.clock import ms_to_iso
from tests.conftest import Company, Seed
from tests.support import factories as f
from tests.support.api import assert_error, page_through, set_page_size
from tests.support.contract import ContractClient

PATH = "/v2/calls/manual-crm-associations"


def _context(*objects: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"system": "Generic", "object_type": t, "object_id": i, "fields": []} for t, i in objects]


def test_listing_and_paging(client: ContractClient, company: Company, seed: Seed, db: Any) -> None:
    user = seed(f.make_user, company.id, email_address="rep@acme.example")
    made = []
    for n in range(5):
        call = seed(
            f.make_call,
            company.id,
            client_unique_id=f"api-{n}",
            primary_user_id=user,
            created_ms=1_700_000_000_000 + n * 1000,
            context=_context(("Account", f"acc-{n}"), ("Opportunity", f"deal-{n}")),
        )
        made.append(call.id)
    seed(f.make_call, company.id, client_unique_id=None, context=True)  # recorded, matched by Gong: not manual
    seed(f.make_call, company.id, client_unique_id="api-x", context=_context(("Contact", "c-1")))  # no account
    deal_only = seed(
        f.make_call,
        company.id,
        client_unique_id="api-deal",
        primary_user_id=user,
        created_ms=1_800_000_000_000,
        context=_context(("Opportunity", "deal-x")),
    ).id
    r = client.get(PATH, headers=company.basic)
    assert r.status_code == 200
    body = r.json()
    assert body["records"] == {"totalRecords": 6, "currentPageSize": 6, "currentPageNumber": 0}
    assert body["associations"][0] == {
        "callId": str(made[0]),
        "userId": str(user),
        "created": ms_to_iso(1_700_000_000_000),
        "associatedCrmObjects": [{"accountCrmId": "acc-0", "dealCrmId": "deal-0"}],
    }
    assert body["associations"][-1]["callId"] == str(deal_only)
    assert body["associations"][-1]["associatedCrmObjects"] == [{"accountCrmId": None, "dealCrmId": "deal-x"}]

    set_page_size(client, db, company, 2)
    pages = page_through(client, "GET", PATH, company.basic)
    assert [len(p["associations"]) for p in pages] == [2, 2, 2]
    assert [a["callId"] for p in pages for a in p["associations"]] == [*map(str, made), str(deal_only)]

    later = client.get(PATH, params={"fromDateTime": ms_to_iso(1_700_000_002_000)}, headers=company.basic).json()
    assert [a["callId"] for a in later["associations"]] == [str(made[3]), str(made[4])]


def test_bad_inputs(client: ContractClient, company: Company) -> None:
    r = client.get(PATH, params={"cursor": "forged.cursor"}, headers=company.basic)
    assert_error(r, 400, "Invalid cursor")
    r = client.get(PATH, params={"fromDateTime": "yesterday"}, headers=company.basic)
    assert r.status_code == 400 and r.json()["errors"][0].startswith("fromDateTime: ")
    r = client.get(PATH, headers=company.basic)
    assert r.json()["associations"] == [] and r.json()["records"]["totalRecords"] == 0
