"""One data subject, Jane Doe, referenced in every way the data-privacy operations know, plus bystanders.

Jane's address is stored in several spellings and her number in several formats, so every lookup and erasure
test also proves that matching ignores case, surrounding whitespace and phone punctuation.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.data_privacy.builder import BASE_MS, Builder

ADDRESS = "jane.doe@example.com"
PHONE = "+14255552671"
PHONE_FORMATS = ("+1 (425) 555-2671", "+14255552671", "+1 425-555-2671", "+1 425 555 2671", "425-555-2671")
OTHER_ADDRESS = "jdoe@other.example"  # Jane's second address: known only through the contact with her mobile
RECORDING = b"ID3-VOICE-OF-JANE-" * 64
HOUR = 3_600_000


@dataclass
class World:
    lead: int  # Salesforce Lead: Jane's address (mixed case) and phone
    contact: int  # HubSpot Contact: Jane's address (upper case), no phone
    contact_by_mobile: int  # Salesforce Contact: Jane's other address, Jane's number as mobile
    account: int  # an Account whose e-mail column holds Jane's address (not a person)
    bystander_contact: int
    call_attendee: int  # Jane is an attendee (by address); logged in Salesforce and HubSpot
    call_lead_link: int  # a party linked to the Lead, without any address
    call_phone_party: int  # a party with Jane's number only
    call_speaker: int  # Jane speaks; the call has a recording
    call_mention: int  # bystanders only; the title, transcript, comment and context mention Jane
    call_bystander: int
    email_from: str
    email_to: str
    email_cc: str
    email_bcc: str
    email_mention: str  # between bystanders; the body mentions Jane's address and number
    email_bystander: str
    email_other_address: str  # from Jane's other address
    meeting_organized: int
    meeting_invited: int  # organized by a bystander; Jane is one of two invitees
    meeting_mention: int  # bystanders; the title mentions Jane
    event_email: int
    event_phone: int
    event_mention: int  # a bystander's event whose payload lists Jane as a recipient


def jane(b: Builder) -> World:
    lead = b.crm(
        "Lead",
        email="Jane.Doe@Example.com",
        phone="+1 (425) 555-2671",
        name="Jane Doe",
        fields=[{"name": "Name", "value": "Jane Doe"}, {"name": "Email", "value": "Jane.Doe@Example.com"}],
        mirror_id='{"integrationId":"262834820328732","crmObjectType":"LEAD","crmId":"00Q1"}',
    )
    contact = b.crm("Contact", email=" JANE.DOE@EXAMPLE.COM ", system="HubSpot", name="Jane Doe")
    contact_by_mobile = b.crm("Contact", email=OTHER_ADDRESS, mobile="+1 425-555-2671", name="J. Doe")
    account = b.crm(
        "Account",
        email="jane.doe@example.com",
        name="Example Inc",
        fields=[{"name": "Name", "value": "Example Inc"}, {"name": "Billing contact", "value": "Jane.Doe@example.com"}],
    )
    bystander_contact = b.crm("Contact", email="bob@bystander.example", phone="+1 206 555 0100", name="Bob")

    call_attendee = b.call(
        [{"email_address": "Jane.Doe@example.com", "methods": ["Attendee"], "name": "Jane"}],
        external=[
            ("Salesforce", "Task", "00T1"),
            ("Salesforce", "Conversation", "0Conv1"),
            ("HubSpot", "Task", "hs-9"),
        ],
        started_ms=BASE_MS + 1 * HOUR,
    )
    call_lead_link = b.call([{"crm_object_id": lead, "name": "Unknown caller"}], started_ms=BASE_MS + 2 * HOUR)
    call_phone_party = b.call([{"phone_number": "+14255552671"}], status="PROCESSING", started_ms=BASE_MS + 3 * HOUR)
    call_speaker = b.call(
        [{"email_address": "jane.doe@EXAMPLE.com", "methods": ["Invitee"], "name": "Jane Doe"}],
        sentences=["Hi, Jane here.", "My address is jane.doe@example.com."],
        recording=RECORDING,
        started_ms=BASE_MS + 4 * HOUR,
    )
    call_mention = b.call(
        [{"email_address": "bob@bystander.example"}],
        sentences=[
            "Let me loop in Jane, she is Jane.Doe@Example.com.",
            "Her direct line is +1 425 555 2671, or 425-555-2671 from the US.",
            "Nothing about anyone else here.",
        ],
        comment="Follow up with jane.doe@example.com next week",
        context_fields=[{"name": "Name", "value": "Northwind"}, {"name": "Champion", "value": "jane.doe@example.com"}],
        title="Bob's pricing call (cc Jane.Doe@Example.com)",
        started_ms=BASE_MS + 5 * HOUR,
    )
    call_bystander = b.call([{"email_address": "carol@bystander.example"}], started_ms=BASE_MS + 6 * HOUR)

    email_from = b.email("Jane.Doe@Example.com", ["rep@acme.example"], sent_ms=BASE_MS + 1 * HOUR)
    email_to = b.email(
        "rep@acme.example", ["jane.doe@example.com", "bob@bystander.example"], sent_ms=BASE_MS + 2 * HOUR
    )
    email_cc = b.email(
        "rep@acme.example", ["bob@bystander.example"], cc=["JANE.DOE@example.com"], sent_ms=BASE_MS + 3 * HOUR
    )
    email_bcc = b.email(
        "rep@acme.example", ["carol@bystander.example"], bcc=["jane.doe@example.com"], sent_ms=BASE_MS + 4 * HOUR
    )
    email_mention = b.email(
        "rep@acme.example",
        ["bob@bystander.example"],
        subject="Intro to Jane.Doe@Example.com",
        body="Bob, meet Jane (jane.doe@example.com, +1 (425) 555-2671).",
        sent_ms=BASE_MS + 5 * HOUR,
    )
    email_bystander = b.email("bob@bystander.example", ["rep@acme.example"], sent_ms=BASE_MS + 6 * HOUR)
    email_other_address = b.email(OTHER_ADDRESS, ["rep@acme.example"], sent_ms=BASE_MS + 7 * HOUR)

    meeting_organized = b.meeting("Jane.Doe@example.com", ["rep@acme.example"])
    meeting_invited = b.meeting("rep@acme.example", ["JANE.DOE@EXAMPLE.COM", "bob@bystander.example"])
    meeting_mention = b.meeting("rep@acme.example", ["bob@bystander.example"], title="Prep for jane.doe@example.com")

    event_email = b.event(email="Jane.Doe@Example.com", timestamp_ms=BASE_MS + 1 * HOUR)
    event_phone = b.event(phone="+1 425 555 2671", event_type="digitalInteraction", timestamp_ms=BASE_MS + 2 * HOUR)
    event_mention = b.event(
        email="bob@bystander.example",
        event_type="contentShared",
        payload={"recipients": [{"email": "jane.doe@example.com"}, {"email": "carol@bystander.example"}]},
        timestamp_ms=BASE_MS + 3 * HOUR,
    )
    return World(
        lead=lead,
        contact=contact,
        contact_by_mobile=contact_by_mobile,
        account=account,
        bystander_contact=bystander_contact,
        call_attendee=call_attendee,
        call_lead_link=call_lead_link,
        call_phone_party=call_phone_party,
        call_speaker=call_speaker,
        call_mention=call_mention,
        call_bystander=call_bystander,
        email_from=email_from,
        email_to=email_to,
        email_cc=email_cc,
        email_bcc=email_bcc,
        email_mention=email_mention,
        email_bystander=email_bystander,
        email_other_address=email_other_address,
        meeting_organized=meeting_organized,
        meeting_invited=meeting_invited,
        meeting_mention=meeting_mention,
        event_email=event_email,
        event_phone=event_phone,
        event_mention=event_mention,
    )
