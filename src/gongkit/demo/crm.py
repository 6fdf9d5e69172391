"""CRM: accounts with their contacts and opportunities, and leads, in Salesforce's and HubSpot's shapes."""

from __future__ import annotations

import json
import random
from typing import Any

from gongkit.demo.addresses import DISPLAY_STYLE, case_variant, local_part, new_phone, slugify
from gongkit.demo.records import Account, Opp, Person
from gongkit.demo.seeded import DAY_MS, K_CRM, REFERENCE_MS, sf_id
from gongkit.demo.state import State
from gongkit.demo.subjects import SUBJECTS
from gongkit.demo.vocabulary import (
    ACCOUNT_NAMES,
    COUNTRIES,
    COUNTRY_NAME,
    CUSTOMER_TITLES,
    FIRST,
    INDUSTRIES,
    LAST,
    LEAD_SOURCES,
    LEAD_STATUS,
    NAME_PREFIX,
    NAME_SUFFIX,
    OPP_TYPES,
    STAGES,
    TLD,
)
from gongkit.demo.writing import Row
from gongkit.kernel.clock import ms_to_iso


def _external_id(rng: random.Random, system: str, object_type: str) -> str:
    """A CRM id in the system's shape (a Salesforce 18-character id or a HubSpot number)."""
    if system == "HubSpot":
        return str(rng.randrange(10**9, 10**11))
    return sf_id(rng, {"Account": "001", "Contact": "003", "Lead": "00Q", "Opportunity": "006"}[object_type])


def _mirror(g: State, system: str, object_type: str, external_id: str) -> str:
    """The ``mirror_id`` JSON: the integration, Gong's object type and the CRM id."""
    crm_type = {"Account": "ACCOUNT", "Contact": "CONTACT", "Lead": "LEAD", "Opportunity": "DEAL"}[object_type]
    return json.dumps(
        {"integrationId": g.integration[system], "crmObjectType": crm_type, "crmId": external_id},
        separators=(",", ":"),
    )


def _account_names(rng: random.Random, n: int) -> list[str]:
    """``n`` distinct account names, the subjects' companies first."""
    names = [sp.account for sp in SUBJECTS]
    pool = list(ACCOUNT_NAMES)
    rng.shuffle(pool)
    combos = [f"{p} {q}" for p in NAME_PREFIX for q in NAME_SUFFIX]
    rng.shuffle(combos)
    pool += combos
    k = 0
    while len(names) < n:
        base = pool[k % len(pool)]
        names.append(base if k < len(pool) else f"{base} {k // len(pool) + 1}")
        k += 1
    return names[:n]


def _person_fields(p: Person, status: str | None = None, source: str | None = None) -> list[dict[str, Any]]:
    """A contact's or lead's fields as its CRM (Salesforce or HubSpot) names them."""
    if p.system == "HubSpot":
        out = [
            {"name": "firstname", "value": p.first},
            {"name": "lastname", "value": p.last},
            {"name": "email", "value": p.email},
            {"name": "phone", "value": p.phone.fmt(DISPLAY_STYLE[p.phone.cc])},
            {"name": "jobtitle", "value": p.title},
            {"name": "company", "value": p.company},
        ]
        if p.mobile:
            out.append({"name": "mobilephone", "value": p.mobile.fmt(0)})
        if status:
            out.append(
                {
                    "name": "lifecyclestage",
                    "value": "lead" if "Open" in status or "Working" in status else "customer",
                }
            )
        return out
    out = [
        {"name": "Name", "value": p.name},
        {"name": "FirstName", "value": p.first},
        {"name": "LastName", "value": p.last},
        {"name": "Email", "value": p.email},
        {"name": "Phone", "value": p.phone.fmt(DISPLAY_STYLE[p.phone.cc])},
        {"name": "Title", "value": p.title},
    ]
    if p.mobile:
        out.append({"name": "MobilePhone", "value": p.mobile.fmt(0)})
    if p.account is not None:
        out.append({"name": "AccountId", "value": p.account.external_id})
    else:
        out.append({"name": "Company", "value": p.company})
    if status:
        out.append({"name": "Status", "value": status})
    if source:
        out.append({"name": "LeadSource", "value": source})
    return out


def _person_row(
    g: State,
    p: Person,
    rng: random.Random,
    fields: list[dict[str, Any]],
    *,
    email: str | None = None,
    phone_style: int | None = None,
) -> Row:
    """The ``crm_objects`` row of a contact or lead (``email``/``phone_style`` as typed in, if given)."""
    shown_email = email or p.email
    phone = p.phone.fmt(DISPLAY_STYLE[p.phone.cc] if phone_style is None else phone_style)
    mobile = p.mobile.fmt(rng.choice((0, 5))) if p.mobile else None
    return {
        "id": p.id,
        "company_id": g.cid,
        "system": p.system,
        "object_type": p.object_type,
        "external_id": p.external_id,
        "mirror_id": _mirror(g, p.system, p.object_type, p.external_id),
        "name": p.name,
        "account_id": p.account.id if p.account else None,
        "email_address": shown_email,
        "phone_number": phone,
        "mobile_phone_number": mobile,
        "fields": fields,
        "modified_ms": g.window_start + rng.randrange(REFERENCE_MS - g.window_start),
    }


def gen_crm(g: State) -> None:
    """Accounts with their contacts and opportunities, then leads; the subjects' records come first."""
    rng = g.rng("crm")
    crm_n = 0

    def next_id() -> int:
        nonlocal crm_n
        crm_n += 1
        return g.ids(K_CRM, crm_n)

    rows = g.w.rows["crm_objects"]
    country_pool = [c for c, w in COUNTRIES for _ in range(w)]
    names = _account_names(rng, g.size.accounts)
    span = REFERENCE_MS - g.window_start
    for a, name in enumerate(names):
        spec = SUBJECTS[a] if a < len(SUBJECTS) else None
        country = spec.country if spec else rng.choice(country_pool)
        system = spec.system if spec else ("HubSpot" if rng.random() < 0.15 else "Salesforce")
        if spec:
            domain = spec.domain
        else:
            domain = slugify(name, "-") + TLD[country]
            k = 2
            while "@" + domain in g.used_emails:
                domain = f"{slugify(name, '-')}{k}{TLD[country]}"
                k += 1
            g.used_emails.add("@" + domain)
        acct = Account(
            id=next_id(),
            external_id=_external_id(rng, system, "Account"),
            system=system,
            name=name,
            domain=domain,
            country=country,
            industry=spec.industry if spec else rng.choice(INDUSTRIES),
            employees=rng.choice((80, 150, 400, 900, 2500, 6000, 15000)),
            subject=spec is not None,
        )
        acct.fields = [
            {"name": "Name", "value": name},
            {"name": "Website", "value": f"https://www.{domain}"},
            {"name": "Industry", "value": acct.industry},
            {"name": "NumberOfEmployees", "value": acct.employees},
            {"name": "BillingCountry", "value": COUNTRY_NAME[country]},
        ]
        acct.fields_then = [
            {"name": "NumberOfEmployees", "value": int(acct.employees * 0.9)} if f["name"] == "NumberOfEmployees" else f
            for f in acct.fields
        ]
        rows.append(
            {
                "id": acct.id,
                "company_id": g.cid,
                "system": system,
                "object_type": "Account",
                "external_id": acct.external_id,
                "mirror_id": _mirror(g, system, "Account", acct.external_id),
                "name": name,
                "account_id": None,
                "email_address": None,
                "phone_number": None,
                "mobile_phone_number": None,
                "fields": acct.fields,
                "modified_ms": g.window_start + rng.randrange(span),
            }
        )
        for c in range(g.size.contacts_per_account):
            if spec and c == 0:
                p = Person(
                    next_id(),
                    _external_id(rng, system, "Contact"),
                    system,
                    "Contact",
                    spec.first,
                    spec.last,
                    spec.email,
                    spec.title,
                    spec.phone,
                    spec.mobile,
                    name,
                    acct,
                )
                g.subject_contacts.append(p)
            else:
                first, last = rng.choice(FIRST), rng.choice(LAST)
                p = Person(
                    next_id(),
                    _external_id(rng, system, "Contact"),
                    system,
                    "Contact",
                    first,
                    last,
                    g.unique_email(local_part(first, last), domain),
                    rng.choice(CUSTOMER_TITLES),
                    new_phone(rng, country, g.used_phones),
                    new_phone(rng, country, g.used_phones) if rng.random() < 0.6 else None,
                    name,
                    acct,
                )
            p.context_fields = _context_fields(p)
            acct.contacts.append(p)
            rows.append(_person_row(g, p, rng, _person_fields(p)))
        n_opps = 1 + (rng.random() < 0.4) + (rng.random() < 0.15)
        for k in range(n_opps):
            o_start = g.window_start + span * k // n_opps
            o_end = g.window_start + span * (k + 1) // n_opps
            # Earlier opportunities are closed; the latest one is at any stage.
            stage = (8 if rng.random() < 0.6 else 9) if k < n_opps - 1 else rng.randrange(0, 10)
            amount = rng.randrange(20, 400) * 1000
            close = o_end + rng.randrange(0, 60) * DAY_MS if stage < 8 else o_end - rng.randrange(0, 20) * DAY_MS
            otype = OPP_TYPES[0] if k == 0 else rng.choice(OPP_TYPES[1:])
            label = ("Pilot", "Expansion", "Renewal", "Multi-site Rollout")[k % 4] if k else "New Business"
            opp = Opp(
                next_id(),
                _external_id(rng, system, "Opportunity"),
                f"{name} - {label}",
                amount,
                stage,
                close,
                o_start,
                o_end,
                otype,
                rng.choice(LEAD_SOURCES),
            )
            opp.fields = opp_fields(opp, opp.stage, opp.amount)
            acct.opps.append(opp)
            rows.append(
                {
                    "id": opp.id,
                    "company_id": g.cid,
                    "system": system,
                    "object_type": "Opportunity",
                    "external_id": opp.external_id,
                    "mirror_id": _mirror(g, system, "Opportunity", opp.external_id),
                    "name": opp.name,
                    "account_id": acct.id,
                    "email_address": None,
                    "phone_number": None,
                    "mobile_phone_number": None,
                    "fields": opp.fields,
                    "modified_ms": min(REFERENCE_MS - DAY_MS, o_end),
                }
            )
        g.accounts.append(acct)
        if len(rows) >= 5000:
            g.w.flush()
    # Leads: the subjects' earlier lead records first, then prospects of other companies.
    lead_companies = [f"{p} {q}" for p in NAME_PREFIX for q in NAME_SUFFIX]
    rng.shuffle(lead_companies)
    for i in range(g.size.leads):
        if i < len(SUBJECTS):
            spec = SUBJECTS[i]
            p = Person(
                next_id(),
                _external_id(rng, spec.system, "Lead"),
                spec.system,
                "Lead",
                spec.first,
                spec.last,
                spec.email,
                spec.title,
                spec.phone,
                spec.mobile,
                spec.account,
                None,
            )
            g.subject_leads.append(p)
            # The lead was typed in by hand: capitalised address, the number written another way.
            row = _person_row(
                g,
                p,
                rng,
                _person_fields(p, "Closed - Converted", "Webinar"),
                email=case_variant(spec.email),
                phone_style=4,
            )
        else:
            company = lead_companies[i % len(lead_companies)]
            if i >= len(lead_companies):
                company = f"{company} {i // len(lead_companies) + 1}"
            country = rng.choice(country_pool)
            system = "HubSpot" if rng.random() < 0.15 else "Salesforce"
            first, last = rng.choice(FIRST), rng.choice(LAST)
            p = Person(
                next_id(),
                _external_id(rng, system, "Lead"),
                system,
                "Lead",
                first,
                last,
                g.unique_email(local_part(first, last), slugify(company, "") + TLD[country]),
                rng.choice(CUSTOMER_TITLES),
                new_phone(rng, country, g.used_phones),
                new_phone(rng, country, g.used_phones) if rng.random() < 0.4 else None,
                company,
                None,
            )
            row = _person_row(
                g,
                p,
                rng,
                _person_fields(p, rng.choice(LEAD_STATUS), rng.choice(LEAD_SOURCES)),
                phone_style=rng.choice((0, 1, 2, 5)),
            )
        p.context_fields = _context_fields(p)
        g.leads.append(p)
        rows.append(row)
    g.w.flush()
    total = g.w.counts["crm_objects"]
    g.report("crm_objects", total, total)


def _context_fields(p: Person) -> list[dict[str, Any]]:
    """The fields a call's CRM context shows for a person."""
    return [
        {"name": "Name", "value": p.name},
        {"name": "Email", "value": p.email},
        {"name": "Title", "value": p.title},
    ]


def opp_fields(opp: Opp, stage: int, amount: int) -> list[dict[str, Any]]:
    """An opportunity's CRM fields at ``stage`` and ``amount`` (now, or as they were at a call)."""
    return [
        {"name": "Name", "value": opp.name},
        {"name": "StageName", "value": STAGES[stage][0]},
        {"name": "Amount", "value": amount},
        {"name": "Probability", "value": STAGES[stage][1]},
        {"name": "CloseDate", "value": ms_to_iso(opp.close_ms)[:10]},
        {"name": "Type", "value": opp.type},
        {"name": "LeadSource", "value": opp.lead_source},
    ]
