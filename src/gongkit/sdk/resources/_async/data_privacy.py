"""The data_privacy group: ``client.data_privacy``.

============================  ===================================================  ===============================
method                        Gong operation                                       returns
============================  ===================================================  ===============================
``references_for_email(a)``   ``GET /v2/data-privacy/data-for-email-address``      :class:`EmailAddressReferences`
``references_for_phone(n)``   ``GET /v2/data-privacy/data-for-phone-number``       :class:`PhoneNumberReferences`
``erase_email(a)``            ``POST /v2/data-privacy/erase-data-for-email-address``  :class:`ErasureRequest`
``erase_phone(n)``            ``POST /v2/data-privacy/erase-data-for-phone-number``   :class:`ErasureRequest`
============================  ===================================================  ===============================

The subject travels as a query parameter (Gong's contract), URL-encoded by the client, so ``+1 (425) 555-2671``
arrives intact. A phone number must start with ``+`` and the country code; every other non-digit is ignored.

An erasure is asynchronous: the answer only says the request was accepted (its ``requestId``). Gong has no
endpoint that reports an erasure's progress, so this SDK offers none either; to know when the data is gone, look
the subject up again until nothing references it (``references.total == 0``). A gongkit server also shows its
erasures to company administrators on ``/admin/v1/erasures`` (``gongkit data-privacy status``), which Gong does not.
"""

from __future__ import annotations

from typing import Any

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.types.data_privacy import EmailAddressReferences, ErasureRequest, PhoneNumberReferences

__all__ = ["AsyncDataPrivacy"]

EMAIL_LOOKUP = "/v2/data-privacy/data-for-email-address"
PHONE_LOOKUP = "/v2/data-privacy/data-for-phone-number"
EMAIL_ERASE = "/v2/data-privacy/erase-data-for-email-address"
PHONE_ERASE = "/v2/data-privacy/erase-data-for-phone-number"


def _email(value: str) -> dict[str, Any]:
    return {"emailAddress": value}


def _phone(value: str) -> dict[str, Any]:
    return {"phoneNumber": value}


class AsyncDataPrivacy(AsyncAPIResource):
    """Find everything that references a person (by e-mail address or phone number), and erase it."""

    async def references_for_email(self, email: str) -> EmailAddressReferences:
        """Calls, e-mail messages, meetings, CRM Leads/Contacts and engagement events that reference ``email``
        (matched ignoring case and surrounding whitespace)."""
        return EmailAddressReferences.model_validate(
            await self._client.request("GET", EMAIL_LOOKUP, params=_email(email))
        )

    async def references_for_phone(self, phone: str) -> PhoneNumberReferences:
        """The Leads/Contacts whose phone or mobile phone is ``phone``, their addresses, and their calls, e-mail
        messages, meetings and CRM data. ``phone`` starts with ``+`` and the country code."""
        return PhoneNumberReferences.model_validate(
            await self._client.request("GET", PHONE_LOOKUP, params=_phone(phone))
        )

    async def erase_email(self, email: str) -> ErasureRequest:
        """Ask for the erasure of everything that references ``email`` (asynchronous; see the module notes)."""
        return ErasureRequest.model_validate(await self._client.request("POST", EMAIL_ERASE, params=_email(email)))

    async def erase_phone(self, phone: str) -> ErasureRequest:
        """Ask for the erasure of the Leads/Contacts with ``phone`` and what references them (asynchronous)."""
        return ErasureRequest.model_validate(await self._client.request("POST", PHONE_ERASE, params=_phone(phone)))
