"""Transcripts: who says what, and when, on a call (the privacy subject says their address in their chosen call)."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from gongkit.demo.dialogue import AGENDAS, LINES, PII_EMAIL_LINES, PII_PHONE_LINES
from gongkit.demo.records import Call, Speaker
from gongkit.demo.seeded import below, pick, sample
from gongkit.demo.state import State
from gongkit.demo.subjects import SUBJECTS
from gongkit.demo.vocabulary import CITY, COMPETITORS, DAYS


def spoken_details(
    g: State, rt: random.Random, call: Call, speakers: list[Speaker], force: bool
) -> tuple[tuple[str, str | None] | None, str | None]:
    """Whether someone says their e-mail address (and number) in the call: always the privacy subject in
    their chosen call, now and then another customer."""
    if force and call.slot is not None:
        spec = SUBJECTS[call.slot[0]]
        subject = g.subject_contacts[call.slot[0]]
        speaker = next((sp.id for sp in speakers if sp.person is subject), None)
        return (spec.email, spec.phone.spoken), speaker
    if call.kind != "internal" and rt.random() < 0.1:
        external = [sp for sp in speakers if sp.side == 1]
        if external and external[-1].person is not None:
            who = external[-1].person
            return (who.email, who.phone.spoken if rt.random() < 0.5 else None), external[-1].id
    return None, None


def text_context(g: State, call: Call) -> dict[str, str]:
    """The names and figures the call's lines of speech are filled in with."""
    i = call.i
    cust = call.externals[0] if call.externals else None
    other = call.internal[1] if len(call.internal) > 1 else call.host
    return {
        "first": cust.first if cust else other.first,
        "rep": call.host.first,
        "company": g.company,
        "account": call.customer or g.accounts[i % len(g.accounts)].name,
        "competitor": COMPETITORS[i % len(COMPETITORS)],
        "city": CITY[call.account.country] if call.account else "Chicago",
        "n": str(2 + i % 14),
        "amount": f"${(call.account.opps[-1].amount if call.account else 60000):,}",
        "day": DAYS[i % 5],
        "product": g.product,
        "rep_full": call.host.name,
        "customer_full": cust.name if cust else other.name,
        "purpose": call.purpose.lower(),
    }


def plan_sections(rng: random.Random, purpose: str, duration: int) -> list[tuple[str, str, int, int]]:
    """The call's agenda: (name, topic, start second, length in seconds), covering the call."""
    agenda = AGENDAS[purpose]
    rnd = rng.random
    weights = [wt * (0.7 + 0.6 * rnd()) for _, _, wt in agenda]
    total = sum(weights)
    out: list[tuple[str, str, int, int]] = []
    start = 0
    for k, ((name, topic, _), wt) in enumerate(zip(agenda, weights, strict=True)):
        length = duration - start if k == len(agenda) - 1 else int(duration * wt / total)
        out.append((name, topic, start, length))
        start += length
    return out


def add_transcript(
    g: State,
    rt: random.Random,
    call: Call,
    sections: list[tuple[str, str, int, int]],
    speakers: list[Speaker],
    ctx: dict[str, str],
    pii: tuple[str, str | None] | None,
    pii_speaker: str | None,
) -> list[dict[str, Any]]:
    """Monologues in slots spread over the call; sentences timed by their length, inside the slot. Returns the
    call's ``transcript_monologues`` rows."""
    rnd = rt.random
    duration = call.duration
    internal_call = call.kind == "internal"
    company_side = [sp for sp in speakers if sp.side == 0]
    customer_side = [sp for sp in speakers if sp.side == 1]
    m_count = 1 if call.purpose == "Voicemail" else max(2, min(10, duration // 240 + below(rnd, 3)))
    # Who speaks each monologue: the sides mostly alternate; the host speaks for the company.
    order: list[Speaker] = []
    side = 0
    for m in range(m_count):
        if m and customer_side and rnd() < 0.8:
            side = 1 - side
        if side == 1 and customer_side:
            sp = pick(rnd, customer_side)
        elif internal_call:
            sp = pick(rnd, company_side)
            if order and sp is order[-1] and len(company_side) > 1:
                sp = company_side[(company_side.index(sp) + 1) % len(company_side)]
        else:
            sp = company_side[0] if len(company_side) == 1 or rnd() < 0.75 else pick(rnd, company_side[1:])
        order.append(sp)
    pii_m = -1
    if pii is not None and pii_speaker is not None:
        pii_m = max((m for m, sp in enumerate(order) if sp.side == 1), default=m_count - 1)
        order[pii_m] = next(sp for sp in speakers if sp.id == pii_speaker)
    slot = duration * 1000 // m_count
    rows: list[dict[str, Any]] = []
    section = 0
    for m, sp in enumerate(order):
        s_start = m * slot
        s_end = s_start + slot - 100
        while section + 1 < len(sections) and sections[section + 1][2] * 1000 <= s_start:
            section += 1
        topic = sections[section][1]
        texts: list[str] = []
        if m == pii_m and pii is not None:
            texts.append(pick(rnd, PII_EMAIL_LINES).format(email=pii[0]))
            if pii[1]:
                texts.append(pick(rnd, PII_PHONE_LINES).format(phone=pii[1]))
        lines = _lines(topic, sp, internal_call)
        for line in sample(rnd, lines, pick(rnd, (1, 2, 3, 3, 4, 4, 5, 6)) - len(texts)):
            texts.append(line.format_map(ctx) if "{" in line else line)
        t = s_start + 100 + below(rnd, max(100, min(2900, slot // 4)))
        sentences = _timed(rnd, texts, t, s_end)
        if not sentences:
            continue
        rows.append(_monologue(g, call, len(rows), sp, topic, sentences))
        # Someone answers right away (the other side, or a colleague on an internal call): a real handover.
        others = [x for x in speakers if (x.side != sp.side if not internal_call else x is not sp)]
        if others and m != pii_m:
            who = pick(rnd, others)
            reply = [
                x.format_map(ctx) if "{" in x else x
                for x in sample(rnd, _lines(topic, who, internal_call), 1 + below(rnd, 2))
            ]
            answer = _timed(rnd, reply, sentences[-1]["end"] + 300 + below(rnd, 1500), s_end)
            if answer:
                rows.append(_monologue(g, call, len(rows), who, topic, answer))
    g.w.rows["transcript_monologues"].extend(rows)
    return rows


def _lines(topic: str, sp: Speaker, internal_call: bool) -> tuple[str, ...]:
    """What a speaker may say under a topic: the customer's lines for the customer side of external calls."""
    rep_lines, customer_lines = LINES[topic]
    return customer_lines if (sp.side == 1 and customer_lines and not internal_call) else rep_lines


def _timed(rnd: Callable[[], float], texts: list[str], t: int, end: int) -> list[dict[str, Any]]:
    """Sentences said one after the other from ``t``, timed by their length (~14 characters a second), with
    short pauses, cut where they would pass ``end``."""
    sentences: list[dict[str, Any]] = []
    for text in texts:
        d = max(700, len(text) * 70 + below(rnd, 600) - 300)
        if t + d > end:
            if sentences or t + 300 > end:
                break
            d = end - t
        sentences.append({"start": t, "end": t + d, "text": text})
        t += d + 150 + below(rnd, 750)
    return sentences


def _monologue(
    g: State, call: Call, seq: int, sp: Speaker, topic: str, sentences: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "call_id": call.id,
        "company_id": g.cid,
        "seq": seq,
        "speaker_id": sp.id,
        "topic": topic,
        "sentences": sentences,
    }
