"""The data-privacy workflow through the SDK (sync and async) and the actions/tools, against the in-process
server (every answer held to Gong's contract)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from gongkit import AsyncGong, Gong
from gongkit.actions import get, run
from gongkit.sdk import BadRequestError
from gongkit.types.data_privacy import EmailAddressReferences, ErasureRequest, PhoneNumberReferences
from tests.conftest import Company
from tests.data_privacy.builder import Builder
from tests.data_privacy.conftest import PrivacyApp
from tests.data_privacy.scenario import jane
from tests.data_privacy.test_lookup import expected_email_answer, expected_phone_answer


def sdk(papp: PrivacyApp, company: Company) -> Gong:
    return Gong(company.access_key, company.secret, base_url="http://testserver", http_client=papp.client, pace=None)


def _wire(model: Any) -> dict[str, Any]:
    out = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    out.pop("requestId", None)
    return dict(out)


def test_sdk_lookups_are_typed_and_complete(papp: PrivacyApp, company: Company, build: Builder) -> None:
    w = jane(build)
    gong = sdk(papp, company)
    refs = gong.data_privacy.references_for_email(" Jane.Doe@Example.com ")
    assert isinstance(refs, EmailAddressReferences)
    assert refs.requestId
    assert refs.counts() == {"calls": 3, "emails": 4, "meetings": 2, "customerData": 2, "customerEngagement": 1}
    assert refs.emails[0].from_ == "Jane.Doe@Example.com"
    expected = expected_email_answer(w)
    got = _wire(refs)
    # datetimes come back as datetimes; on the wire Gong writes them as ISO-8601 strings
    for message, wire in zip(got["emails"], expected["emails"], strict=True):
        assert message.pop("sentTime").replace("Z", "+00:00")[:19] == wire["sentTime"][:19]
        wire.pop("sentTime")
    got["customerEngagement"][0].pop("timestamp")
    expected["customerEngagement"][0].pop("timestamp")
    assert got == expected

    phone = gong.data_privacy.references_for_phone("+1 (425) 555-2671")
    assert isinstance(phone, PhoneNumberReferences)
    assert phone.suppliedPhoneNumber == "+1 (425) 555-2671"
    assert phone.matchingPhoneNumbers == expected_phone_answer(w, "")["matchingPhoneNumbers"]
    assert [c.id for c in phone.calls] == [c["id"] for c in expected_phone_answer(w, "")["calls"]]

    with pytest.raises(BadRequestError) as err:
        gong.data_privacy.references_for_phone("425 555 2671")
    assert err.value.errors == [
        "phoneNumber: must start with '+' and the country code, e.g. +14255552671 (URL-encode '+' as %2B)"
    ]


def test_sdk_erasure_then_lookup_until_nothing_remains(papp: PrivacyApp, company: Company, build: Builder) -> None:
    jane(build)
    gong = sdk(papp, company)
    answer = gong.data_privacy.erase_email("jane.doe@example.com")
    assert isinstance(answer, ErasureRequest) and answer.requestId
    assert gong.data_privacy.references_for_email("jane.doe@example.com").total == 12
    papp.run_erasures()
    assert gong.data_privacy.references_for_email("jane.doe@example.com").total == 0
    phone_answer = gong.data_privacy.erase_phone("+1 425 555 2671")
    papp.run_erasures()
    assert gong.data_privacy.references_for_phone("+14255552671").total == 0
    status = papp.client.get(f"/admin/v1/erasures/{phone_answer.requestId}", headers=company.basic).json()
    assert status["erasure"]["status"] == "DONE"


def test_async_sdk(papp: PrivacyApp, company: Company, build: Builder) -> None:
    jane(build)

    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=papp.client.app), base_url="http://testserver")
        async with (
            http,
            AsyncGong(
                company.access_key, company.secret, base_url="http://testserver", http_client=http, pace=None
            ) as gong,
        ):
            refs = await gong.data_privacy.references_for_email("jane.doe@example.com")
            assert refs.total == 12
            phone = await gong.data_privacy.references_for_phone("+14255552671")
            assert phone.emailAddresses == ["Jane.Doe@Example.com", "jdoe@other.example"]
            erased = await gong.data_privacy.erase_phone("+14255552671")
            assert erased.requestId
            erased = await gong.data_privacy.erase_email("jane.doe@example.com")
            assert erased.requestId

    asyncio.run(main())
    assert papp.run_erasures() == 2


def test_actions_and_tools(papp: PrivacyApp, company: Company, build: Builder) -> None:
    w = jane(build)
    gong = sdk(papp, company)
    out = run(
        "GONG_RETRIEVE_DATA_PRIVACY_INFO_FOR_EMAIL_ADDRESS", {"emailAddress": "JANE.DOE@example.com"}, client=gong
    )
    assert out["successful"] and out["error"] is None
    assert {k: v for k, v in out["data"].items() if k != "requestId"} == expected_email_answer(w)

    creds = {"accessKey": company.access_key, "accessKeySecret": company.secret}
    out = run("gong_find_all_references_to_a_phone_number", {**creds, "phoneNumber": "+1-425-555-2671"}, client=gong)
    assert out["successful"], out["error"]
    assert {k: v for k, v in out["data"].items() if k != "requestId"} == expected_phone_answer(w, "+1-425-555-2671")
    out = run(
        "gong_find_all_references_to_an_email_address", {**creds, "emailAddress": "jane.doe@example.com"}, client=gong
    )
    assert len(out["data"]["customerEngagement"]) == 1

    out = run("GONG_DATA_PRIVACY_FOR_PHONE_NUMBER", {"phoneNumber": "4255552671"}, client=gong)
    assert not out["successful"]
    assert "must start with '+'" in str(out["error"])

    assert get("GONG_ERASE_DATA_FOR_EMAIL_ADDRESS").targets["emailAddress"].location == "query"
    out = run("GONG_ERASE_DATA_FOR_EMAIL_ADDRESS", {"emailAddress": "jane.doe@example.com"}, client=gong)
    assert out["successful"] and set(out["data"]) == {"requestId"}
    out = run("GONG_ERASE_DATA_FOR_PHONE_NUMBER", {"phoneNumber": "+14255552671"}, client=gong)
    assert out["successful"]
    assert papp.run_erasures() == 2
    out = run(
        "GONG_RETRIEVE_DATA_PRIVACY_INFO_FOR_EMAIL_ADDRESS", {"emailAddress": "jane.doe@example.com"}, client=gong
    )
    assert all(out["data"][k] == [] for k in ("emails", "calls", "meetings", "customerData", "customerEngagement"))
