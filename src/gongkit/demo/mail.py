"""E-mail: messages between users and customers (the privacy subjects send, receive and are copied on some)."""

from __future__ import annotations

import random

from gongkit.demo.addresses import case_variant
from gongkit.demo.records import Account, Person, User
from gongkit.demo.seeded import ALNUM, REFERENCE_MS, hash_int, rand_str
from gongkit.demo.state import State
from gongkit.demo.subjects import SUBJECTS
from gongkit.demo.vocabulary import DAYS

EMAILS_OUT = (
    (
        "Following up on our call",
        "Hi {to_first},\n\nThanks again for your time today. As promised, I've attached the proposal and a short "
        "recap of what we discussed. Let me know if {day} works for a follow-up.\n\nBest,\n{signature}",
    ),
    (
        "{company} <> {account}: next steps",
        "Hi {to_first},\n\nI wanted to follow up on the pilot we talked about. Happy to set up a session with your "
        "IT team whenever suits.\n\nThanks,\n{signature}",
    ),
    (
        "Security documentation",
        "Hi {to_first},\n\nAttached are our SOC 2 report and the security overview your team asked for.\n\n"
        "Regards,\n{signature}",
    ),
    (
        "Intro: warehouse automation for {account}",
        "Hi {to_first},\n\nTeams like yours use {company} robots to cut mis-picks ahead of peak season. Would you "
        "have 20 minutes on {day} to see if it fits {account}?\n\nBest,\n{signature}",
    ),
    (
        "Updated order form",
        "Hi {to_first},\n\nPlease find the updated order form attached, with the onboarding fee waived as "
        "discussed.\n\nThanks,\n{signature}",
    ),
)
EMAILS_IN = (
    (
        "Re: Proposal for {account}",
        "Hi {to_first},\n\nThanks for sending this over. I shared it with our VP of Operations and we'll come back "
        "to you by {day}.\n\nBest regards,\n{signature}",
    ),
    (
        "Questions from our IT team",
        "Hi {to_first},\n\nOur IT team has a few questions about the WMS integration. Could we set up a call next "
        "week?\n\nThanks,\n{signature}",
    ),
    (
        "Budget update",
        "Hi {to_first},\n\nQuick update: budget for the project is approved for next quarter.\n\n{signature}",
    ),
    (
        "Re: Following up on our call",
        "Hi {to_first},\n\nThanks, this is helpful. {day} works for me, feel free to send an invite.\n\n{signature}",
    ),
)


def _signature(g: State, who: User | Person, phone_style: int = 1) -> str:
    """An e-mail signature: name, title, company and phone."""
    if isinstance(who, User):
        phone = who.phone.fmt(phone_style) if who.phone else ""
        return f"{who.name}\n{who.title} | {g.company}\n{phone}".rstrip()
    return f"{who.name}\n{who.title}, {who.company}\n{who.phone.fmt(phone_style)}"


def gen_emails(g: State) -> None:
    """E-mails in and out of users' mailboxes; each subject sends one, receives one and is copied on one."""
    rng = g.rng("emails")
    # Message ids are keys across companies: they come from a stream that also depends on the company.
    id_rng = random.Random(hash_int("email-ids", g.seed, g.cid))
    n = g.size.emails
    humans = [u for u in g.users if u.team not in ("AVATAR",)]
    subject_slots: dict[int, tuple[int, int]] = {}
    for k, idx in enumerate(rng.sample(range(n), 3 * len(SUBJECTS))):
        subject_slots[idx] = (k // 3, k % 3)
    emails = g.w.rows["emails"]
    recips = g.w.rows["email_recipients"]
    span = REFERENCE_MS - g.window_start
    accounts = g.accounts
    for i in range(n):
        slot = subject_slots.get(i)
        user = rng.choice(humans)
        account: Account | None
        if slot is not None:
            account = accounts[slot[0]]
            person = g.subject_contacts[slot[0]]
            mode = ("in", "out", "cc")[slot[1]]
        else:
            account = g.random_account(rng) if rng.random() < 0.85 else None
            pool = g.contacts(account) if account else []
            if pool:
                person = rng.choice(pool)
            else:
                account = None
                person = rng.choice(g.other_leads)
            mode = "out" if rng.random() < 0.6 else "in"
        to: list[tuple[str, str]] = []
        cc: list[tuple[str, str]] = []
        fmt = {"company": g.company, "account": person.company, "day": rng.choice(DAYS)}
        if mode == "in":
            sender: User | Person = person
            to.append((user.email, user.first))
            subject, body = rng.choice(EMAILS_IN)
            others = [c for c in g.contacts(account) if c is not person] if account else []
            if others and rng.random() < 0.3:
                other = rng.choice(others)
                cc.append((other.email, other.first))
        else:
            sender = user
            to.append((person.email, person.first))
            subject, body = rng.choice(EMAILS_OUT)
            if rng.random() < 0.3:
                colleague = rng.choice(humans)
                if colleague is not user:
                    cc.append((colleague.email, colleague.first))
        if mode == "cc":
            # The subject is copied on a thread with a colleague of hers (or another lead).
            colleagues = account.contacts[1:] if account else []
            other_p = rng.choice(colleagues) if colleagues else rng.choice(g.other_leads)
            to = [(other_p.email, other_p.first)]
            cc = [(case_variant(person.email), person.first)]
        sent = g.window_start + rng.randrange(span)
        subject = subject.format_map(fmt)
        body_text = body.format(to_first=to[0][1], signature=_signature(g, sender, rng.randrange(6)), **fmt)
        eid = rand_str(id_rng, ALNUM, 32)
        from_addr = sender.email
        emails.append(
            {
                "id": eid,
                "company_id": g.cid,
                "from_address": from_addr,
                "sent_ms": sent,
                "mailbox": user.email,
                "message_hash": rand_str(id_rng, ALNUM, 32),
                "subject": subject,
                "body": body_text,
            }
        )
        for kind, lst in (("to", to), ("cc", cc)):
            for addr, _name in lst:
                recips.append(
                    {
                        "email_id": eid,
                        "company_id": g.cid,
                        "kind": kind,
                        "address": addr,
                    }
                )
        if g.w.maybe_flush():
            g.report("emails", i + 1, n)
    g.w.flush()
    g.report("emails", n, n)
