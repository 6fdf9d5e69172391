"""Data privacy: the seed catalogue's actions and tools of this group (declarations only).

- ``GONG_RETRIEVE_DATA_PRIVACY_INFO_FOR_EMAIL_ADDRESS`` / ``GONG_DATA_PRIVACY_FOR_PHONE_NUMBER``: the two
  lookups (``findAllReferencesToEmailAddress`` / ``findAllReferencesToPhoneNumber``), Gong's answer as it is;
- ``GONG_ERASE_DATA_FOR_EMAIL_ADDRESS`` / ``GONG_ERASE_DATA_FOR_PHONE_NUMBER``: the two erasure requests
  (``purgeEmailAddress`` / ``purgePhoneNumber``): the subject is a *query* parameter of a POST without a body;
  the answer is only ``{requestId}``, the erasure runs later;
- ``gong_find_all_references_to_an_email_address`` / ``gong_find_all_references_to_a_phone_number``: the
  seed-004 lookup tools (credentials as inputs; the phone answer has no ``customerEngagement``, as in Gong's).

Every subject input is a query parameter: the framework derives that from the operation, and the SDK
URL-encodes it (a ``+`` survives).
"""

from __future__ import annotations

from gongkit.actions import Param, Reshape, action, tool

ACTIONS = [
    action(
        "GONG_DATA_PRIVACY_FOR_PHONE_NUMBER",
        "findAllReferencesToPhoneNumber",
        "Shows the elements in the gong system that reference the given phone number. given a phone number, this endpoint returns details of any leads or contacts with this phone number and their associated calls and email messages. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:data-privacy:read'.",
        title="Data privacy for phone number",
        params=[
            Param(
                "phoneNumber",
                "string",
                "The phone number. This number must start with a + (plus) sign followed by the country code, area code, and local phone number. All other non-digits are ignored. The following are examples of permitted phone numbers: +1 425 555 2671, +1-425-555-2671, +1 425 5552671, +14255552671, +1 425 555 26 71, +1(425) 555-2671, etc. Note: This parameter should be URL-encoded.",
                required=True,
            ),
        ],
    ),
    action(
        "GONG_ERASE_DATA_FOR_EMAIL_ADDRESS",
        "purgeEmailAddress",
        "Given an email address, this endpoint deletes from the gong system any calls or email messages that reference this address. email messages sent to or from the address are deleted. calls where the email address appears (as a lead, contact, attendee or speaker) are deleted. leads or contacts with the email address are deleted. the deletion is not immediate, and may take several hours to complete. this endpoint contains a data integrity protection mechanism to prevent the deletion of an abnormal number of objects. if the deletion fails please contact support at help@gong.io delete the data from your crm and email system before performing this operation so that private data is not re-imported into gong. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:data-privacy:delete'.",
        title="Erase data for email address",
        params=[
            Param("emailAddress", "string", "The email address.", required=True),
        ],
    ),
    action(
        "GONG_ERASE_DATA_FOR_PHONE_NUMBER",
        "purgePhoneNumber",
        "Given a phone number, this endpoint deletes from the gong system any leads or contacts with a matching phone number or mobile phone number. email messages sent to or from these leads/contacts are deleted. calls where the leads/contacts appear are deleted. the deletion is not immediate, and may take several hours to complete. this endpoint contains a data integrity protection mechanism to prevent the deletion of an abnormal number of objects. if the deletion fails please contact support at help@gong.io delete the data from your crm and email system before performing this operation so that private data is not re-imported into gong. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:data-privacy:delete'.",
        title="Erase data for phone number",
        params=[
            Param(
                "phoneNumber",
                "string",
                "The phone number. This number must start with a + (plus) sign followed by the country code, area code, and local phone number. All other non-digits are ignored. The following are examples of permitted phone numbers: +1 425 555 2671, +1-425-555-2671, +1 425 5552671, +14255552671, +1 425 555 26 71, +1(425) 555-2671, etc. Note: This parameter should be URL-encoded.",
                required=True,
            ),
        ],
    ),
    action(
        "GONG_RETRIEVE_DATA_PRIVACY_INFO_FOR_EMAIL_ADDRESS",
        "findAllReferencesToEmailAddress",
        "Shows the elements in the gong system that reference the given email address. given an emails address, this endpoint returns details of all calls and email messages that reference this address, and any leads or contacts with this email address. when accessed through a bearer token authorization method, this endpoint requires the scope 'api:data-privacy:read'.",
        title="Retrieve data privacy info for email address",
        params=[
            Param("emailAddress", "string", "The email address.", required=True),
        ],
    ),
    tool(
        "gong_find_all_references_to_a_phone_number",
        "findAllReferencesToPhoneNumber",
        "Find all references to a phone number in Gong (calls, email messages, meetings, CRM data, and associated contacts).",
        params=[
            Param(
                "phoneNumber",
                "string",
                "Phone number to look up (must start with + followed by country code)",
                required=True,
            ),
        ],
        output=Reshape(
            keep=(
                "requestId",
                "suppliedPhoneNumber",
                "matchingPhoneNumbers",
                "emailAddresses",
                "calls",
                "emails",
                "meetings",
                "customerData",
            )
        ),
    ),
    tool(
        "gong_find_all_references_to_an_email_address",
        "findAllReferencesToEmailAddress",
        "Find all references to an email address in Gong (calls, email messages, meetings, CRM data, engagement).",
        params=[
            Param("emailAddress", "string", "Email address to look up", required=True),
        ],
        output=Reshape(keep=("requestId", "calls", "emails", "meetings", "customerData", "customerEngagement")),
    ),
]
