"""A call's parties (colleagues, customers, an unidentified dial-in) and its CRM context: the objects it is
associated with, as they are now and as they were at the call, and where it was logged."""

from __future__ import annotations

import random

from gongkit.demo.addresses import US_AREAS, Phone, case_variant
from gongkit.demo.crm import opp_fields
from gongkit.demo.records import Call, Speaker
from gongkit.demo.seeded import K_PARTY, K_SPEAKER, REFERENCE_MS, below, pick, sf_id
from gongkit.demo.state import State
from gongkit.demo.vocabulary import CUSTOMER_TITLES
from gongkit.demo.writing import Row


def add_parties(g: State, rng: random.Random, call: Call) -> tuple[list[Row], list[Speaker], list[tuple[str, str]]]:
    """The call's parties; returns them, the speakers among them and the (e-mail, name) of its invitees."""
    rnd = rng.random
    phone_call = call.kind == "phone"
    parties: list[Row] = []
    speakers: list[Speaker] = []
    invitees: list[tuple[str, str]] = []
    for j, u in enumerate(call.internal):
        g.party_n += 1
        spoke = j == 0 or rnd() < 0.85
        sid = str(g.ids(K_SPEAKER, g.party_n)) if spoke else None
        phone = u.phone.fmt(1) if (phone_call and u.phone) else None
        parties.append(
            {
                "id": g.ids.ordered(K_PARTY, g.party_n),
                "call_id": call.id,
                "company_id": g.cid,
                "speaker_id": sid,
                "user_id": u.id,
                "name": u.name,
                "title": u.title,
                "email_address": u.email,
                "phone_number": phone,
                "affiliation": "Internal",
                "methods": ["Attendee"] if phone_call else (["Invitee", "Attendee"] if spoke else ["Invitee"]),
                "crm_object_id": None,
                "media_channel_id": 0 if phone_call else None,
            }
        )
        if sid:
            speakers.append(Speaker(sid, 0, u, None))
        if not phone_call:
            invitees.append((u.email, u.name))
    for j, p in enumerate(call.externals):
        g.party_n += 1
        subject_here = call.slot is not None and j == 0
        spoke = call.purpose != "Voicemail" and (j == 0 or rnd() < 0.8)
        sid = str(g.ids(K_SPEAKER, g.party_n)) if spoke else None
        # Some addresses come capitalised from the calendar (the ``email_lower`` twin evens them out).
        capitalised = call.slot[1] == 1 if (subject_here and call.slot) else rnd() < 0.05
        email = case_variant(p.email) if capitalised else p.email
        phone = None
        if phone_call or subject_here or rnd() < 0.08:
            number = p.mobile if (p.mobile and not subject_here and rnd() < 0.3) else p.phone
            phone = number.fmt(below(rnd, 6))
        parties.append(
            {
                "id": g.ids.ordered(K_PARTY, g.party_n),
                "call_id": call.id,
                "company_id": g.cid,
                "speaker_id": sid,
                "user_id": None,
                "name": p.name,
                "title": p.title,
                "email_address": email,
                "phone_number": phone,
                "affiliation": "External",
                "methods": ["Attendee"] if phone_call else (["Invitee", "Attendee"] if spoke else ["Invitee"]),
                "crm_object_id": p.id,
                "media_channel_id": 1 if phone_call else None,
            }
        )
        if sid:
            speakers.append(Speaker(sid, 1, None, p))
        if not phone_call:
            invitees.append((p.email, p.name))
    if call.kind == "conference" and call.slot is None and rnd() < 0.03:
        # Someone dialled in by phone and was never identified.
        g.party_n += 1
        dial_in = Phone("1", (pick(rnd, US_AREAS), "555", f"{100 + below(rnd, 100):04d}")).fmt(5)
        parties.append(
            {
                "id": g.ids.ordered(K_PARTY, g.party_n),
                "call_id": call.id,
                "company_id": g.cid,
                "speaker_id": None,
                "user_id": None,
                "name": None,
                "title": None,
                "email_address": None,
                "phone_number": dial_in,
                "affiliation": "Unknown",
                "methods": ["Attendee"],
                "crm_object_id": None,
                "media_channel_id": None,
            }
        )
    g.w.rows["call_parties"].extend(parties)
    return parties, speakers, invitees


def add_crm_context(g: State, rng: random.Random, call: Call, parties: list[Row]) -> None:
    """The CRM objects the call is associated with, then and now, and where it was logged."""
    rnd = rng.random
    ctx_rows = g.w.rows["call_context_objects"]
    account = call.account
    if account is not None:
        opps = account.opps
        opp = opps[min(len(opps) - 1, (call.started - g.window_start) * len(opps) // (REFERENCE_MS - g.window_start))]
        progress = (call.started - opp.start_ms) / max(1, opp.end_ms - opp.start_ms)
        final = min(opp.stage, 7)
        stage_then = max(0, min(final, int(progress * (final + 1))))
        amount_then = opp.amount if rnd() < 0.6 else int(opp.amount * pick(rnd, (0.8, 0.9, 1.1, 1.25))) // 1000 * 1000
        account_then = account.fields_then if rnd() < 0.2 else account.fields
        ctx_rows.append(
            {
                "call_id": call.id,
                "company_id": g.cid,
                "party_id": None,
                "system": account.system,
                "object_type": "Account",
                "object_id": account.external_id,
                "fields": account.fields,
                "fields_at_call": account_then,
            }
        )
        ctx_rows.append(
            {
                "call_id": call.id,
                "company_id": g.cid,
                "party_id": None,
                "system": account.system,
                "object_type": "Opportunity",
                "object_id": opp.external_id,
                "fields": opp.fields,
                "fields_at_call": opp_fields(opp, stage_then, amount_then),
            }
        )
    for party, p in zip(parties[len(call.internal) :], call.externals, strict=False):
        fields_then = p.context_fields
        if rnd() < 0.1:
            fields_then = [*p.context_fields[:2], {"name": "Title", "value": pick(rnd, CUSTOMER_TITLES)}]
        ctx_rows.append(
            {
                "call_id": call.id,
                "company_id": g.cid,
                "party_id": party["id"],
                "system": p.system,
                "object_type": p.object_type,
                "object_id": p.external_id,
                "fields": p.context_fields,
                "fields_at_call": fields_then,
            }
        )
    system = account.system if account else call.externals[0].system
    if rnd() < 0.85:
        ext = g.w.rows["call_external_objects"]
        task_id = sf_id(rng, "00T") if system == "Salesforce" else str(10**10 + below(rnd, 9 * 10**10))
        ext.append(
            {
                "call_id": call.id,
                "company_id": g.cid,
                "system": system,
                "object_type": "Task",
                "external_id": task_id,
            }
        )
        if system == "Salesforce" and call.kind == "conference" and rnd() < 0.2:
            ext.append(
                {
                    "call_id": call.id,
                    "company_id": g.cid,
                    "system": system,
                    "object_type": "Conversation",
                    "external_id": sf_id(rng, "0LQ"),
                }
            )
