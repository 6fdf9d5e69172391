"""Engagement events: content shared and viewed, custom events and website interactions of customers; and the
origins allowed to embed Gong's integrations (the engagement platform's and the company's own)."""

from __future__ import annotations

from typing import Any

from gongkit.db.rows import engagement_dedupe_key
from gongkit.demo.addresses import slugify
from gongkit.demo.seeded import ALNUM, K_CONTENT, K_EVENT, REFERENCE_MS, rand_str
from gongkit.demo.state import State
from gongkit.demo.subjects import SUBJECTS
from gongkit.kernel.clock import ms_to_iso

CONTENT_ASSETS = (
    "Product overview deck",
    "ROI calculator",
    "Case study: Tailspin Toys",
    "Security whitepaper",
    "Pricing sheet",
    "Implementation guide",
    "Fleet dashboard video tour",
    "Peak season playbook",
)

#: Who the one person of each demo event is to it.
ROLES = {
    "contentShared": "recipient",
    "contentViewed": "viewer",
    "customEvent": "actor",
    "digitalInteraction": "person",
}


def gen_engagement(g: State) -> None:
    """Engagement events of customers; each subject views, is sent and interacts with content."""
    rng = g.rng("engagement")
    n = g.size.engagement_events
    rows = g.w.rows["engagement_events"]
    humans = [u for u in g.users if u.team != "AVATAR"]
    assets = [(str(g.ids(K_CONTENT, k)), title) for k, title in enumerate(CONTENT_ASSETS)]
    subject_slots: dict[int, tuple[int, int]] = {}
    for k, idx in enumerate(rng.sample(range(n), 3 * len(SUBJECTS))):
        subject_slots[idx] = (k // 3, k % 3)
    types = ("contentShared",) * 3 + ("contentViewed",) * 4 + ("customEvent",) * 2 + ("digitalInteraction",) * 2
    slug = slugify(g.company, "")
    span = REFERENCE_MS - g.window_start
    others = [c for a in g.accounts for c in g.contacts(a)] or g.other_leads
    for i in range(n):
        slot = subject_slots.get(i)
        if slot is not None:
            person = g.subject_contacts[slot[0]]
            etype = ("contentViewed", "contentShared", "digitalInteraction")[slot[1]]
        else:
            person = rng.choice(others) if rng.random() < 0.85 else rng.choice(g.other_leads)
            etype = rng.choice(types)
        ts = g.window_start + rng.randrange(span)
        content_id, content_title = rng.choice(assets)
        sharer = rng.choice(humans)
        event_id = "-".join(rand_str(rng, "0123456789abcdef", k) for k in (8, 4, 4, 4, 12))
        phone: str | None = None
        email: str | None = person.email
        iso = ms_to_iso(ts)
        viewer = {"email": person.email, "name": person.name, "title": person.title}
        if etype == "contentShared":
            url = f"https://app.gong.io/e/c-share/?tkn={rand_str(rng, ALNUM, 26)}"
            system, name = "Gong Engage", "Document Shared"
            payload: dict[str, Any] = {
                "reportingSystem": system,
                "eventTimestamp": iso,
                "eventId": event_id,
                "contentId": content_id,
                "contentUrl": url,
                "contentTitle": content_title,
                "actionName": name,
                "sharer": {"id": str(sharer.id), "email": sharer.email, "name": sharer.name},
                "recipients": [viewer],
                "sharingMessageSubject": f"{content_title} for {person.company}",
            }
        elif etype == "contentViewed":
            url = f"https://app.gong.io/e/c-share/?tkn={rand_str(rng, ALNUM, 26)}"
            system, name = "Gong Engage", "Document Viewed"
            payload = {
                "reportingSystem": system,
                "eventTimestamp": iso,
                "eventId": event_id,
                "contentId": content_id,
                "contentUrl": url,
                "contentTitle": content_title,
                "viewActionTitle": name,
                "viewer": viewer,
            }
        elif etype == "customEvent":
            url = f"https://{slug}.highspot.com/items/{rand_str(rng, '0123456789abcdef', 24)}"
            system, name = "Highspot", rng.choice(("Pitch Opened", "Item Downloaded", "Webinar Attended"))
            payload = {
                "reportingSystem": system,
                "eventTimestamp": iso,
                "eventId": event_id,
                "contentId": content_id,
                "contentUrl": url,
                "contentTitle": content_title,
                "actionName": name,
                "actor": viewer,
            }
        else:
            url = f"https://www.{g.domain}/{rng.choice(('pricing', 'product', 'case-studies', 'security', 'demo'))}"
            system, name = (
                g.domain,
                rng.choice(("Pricing page visited", "Demo requested", "ROI calculator used")),
            )
            phone = (
                person.phone.fmt(3 if slot is not None else rng.randrange(6))
                if (slot is not None or rng.random() < 0.4)
                else None
            )
            payload = {
                "eventId": event_id,
                "timestamp": iso,
                "eventType": name,
                "sourceSystemName": system,
                "content": {"contentId": content_id, "contentTitle": content_title, "contentUrl": url},
                "person": {"name": person.name, "email": person.email, **({"phoneNumber": phone} if phone else {})},
            }
        rows.append(
            {
                "id": g.ids(K_EVENT, i),
                "company_id": g.cid,
                "event_type": etype,
                "timestamp_ms": ts,
                "content_id": content_id,
                "content_url": url,
                "reporting_system": system,
                "event_name": name,
                "source_event_id": event_id,
                "person_email": email,
                "person_phone": phone,
                "payload": payload,
                "dedupe_key": engagement_dedupe_key(etype, system, event_id),
                "person_seq": 0,
                "person_role": ROLES[etype],
            }
        )
        if g.w.maybe_flush():
            g.report("engagement_events", i + 1, n)
    # The origins that embed Gong's integrations: the engagement platform's tenant and the company's own site.
    g.w.rows["integration_settings"] += [
        {"company_id": g.cid, "integration_type": kind, "origin": origin, "created_ms": g.window_start}
        for kind, origin in (
            ("EMAIL_COMPOSER", f"https://{slug}.highspot.com"),
            ("ACCOUNT_PAGES", f"https://{slug}.highspot.com"),
            ("DIALER", f"https://dialer.{g.domain}"),
        )
    ]
    g.w.flush()
    g.report("engagement_events", n, n)
