"""Calls: when, who and what kind (conference, phone, internal), their rows and listing JSON, and the order in
which each call's parties, CRM context, transcript, analysis and collaboration are made.

Calls come in time order; what later parts need (library, meetings, recordings) is sampled evenly over the period."""

from __future__ import annotations

import bisect
import itertools
import random

from gongkit.demo.addresses import slugify
from gongkit.demo.analysis import analyse_call
from gongkit.demo.collaboration import add_collaboration
from gongkit.demo.parties import add_crm_context, add_parties
from gongkit.demo.records import Call, CallInfo, User
from gongkit.demo.seeded import B32HEX, B62, DAY_MS, K_CALL, REFERENCE_MS, below, meet_code, pick, rand_str, sample
from gongkit.demo.state import State
from gongkit.demo.subjects import SUBJECTS
from gongkit.demo.transcripts import add_transcript, plan_sections, spoken_details, text_context
from gongkit.demo.vocabulary import (
    CONFERENCE_PURPOSES,
    CONFERENCE_SYSTEMS,
    CS_PURPOSES,
    DISPOSITIONS,
    TELEPHONY_SYSTEMS,
)
from gongkit.demo.writing import Row


def _subject_slots(g: State, n_calls: int) -> dict[int, tuple[int, int]]:
    """call index -> (subject index, occurrence number)."""
    per = max(2, min(8, n_calls // (8 * len(SUBJECTS))))
    rng = g.rng("subject-calls")
    picks = rng.sample(range(n_calls), per * len(SUBJECTS))
    return {idx: (k // per, k % per) for k, idx in enumerate(picks)}


def _prepare_calls(g: State) -> None:
    """Who takes calls (weighted by team), who was there all along, per workspace; counters reset."""
    g.takers = [u for u in g.users if u.team != "AVATAR"]
    weights = {"CRO": 1, "MANAGER": 3, "AE": 12, "SE": 3, "SDR": 10, "CSM": 8, "PARTNER": 5}
    g.taker_cum = list(itertools.accumulate(weights[u.team] for u in g.takers))
    g.stable = [u for u in g.takers if u.start_ms <= g.window_start and u.end_ms == REFERENCE_MS]
    g.by_workspace = {}
    for u in g.takers:
        g.by_workspace.setdefault(u.workspace_id, []).append(u)
    g.user_by_id = {u.id: u for u in g.users}
    g.conf_cum = list(itertools.accumulate(c[2] for c in CONFERENCE_SYSTEMS))
    g.party_n = 0
    g.comment_n = 0


def gen_calls(g: State) -> None:
    """Every call in time order, with what hangs off it; samples the calls later parts draw on."""
    n = g.size.calls
    rng = g.rng("calls")
    rt = g.rng("transcripts")
    rc = g.rng("collaboration")
    share = g.size.transcript_share
    slots = _subject_slots(g, n)
    _prepare_calls(g)
    w = g.w
    calls_rows = w.rows["calls"]
    subject_speaks = [share > 0] * len(SUBJECTS)  # the subject still has to say their address in a call
    # Calls come in time order; what later sections need is sampled evenly over the whole period.
    sample_limit = max(400, g.size.meetings)
    sample_stride = max(1, n // sample_limit)
    conference_stride = max(1, n // (2 * g.size.meetings))
    for i in range(n):
        slot = slots.get(i)
        call = _plan_call(g, rng, i, slot)
        row = _call_row(g, rng, call)
        parties, speakers, invitees = add_parties(g, rng, call)
        if call.kind != "internal":
            add_crm_context(g, rng, call, parties)
        # Transcript and analysis (from their own random stream, so call metadata does not depend on them).
        force = slot is not None and subject_speaks[slot[0]] and not call.lead_call
        has_transcript = force or (share > 0 and rt.random() < share)
        if has_transcript:
            pii, pii_speaker = spoken_details(g, rt, call, speakers, force)
            if force:
                subject_speaks[call.slot[0] if call.slot else 0] = False
            ctx = text_context(g, call)
            sections = plan_sections(rt, call.purpose, call.duration)
            monologues = add_transcript(g, rt, call, sections, speakers, ctx, pii, pii_speaker)
            analyse_call(g, call, row, monologues, speakers)
        if slot is not None:
            entry = (call.id, call.started + call.duration * 1000)
            subjects = g.subject_calls[slot[0]]
            subjects.insert(0 if force else len(subjects), entry)
        calls_rows.append(row)
        add_collaboration(g, rc, call)
        sampled = i % sample_stride == 0 and len(g.sample_calls) < sample_limit
        linkable = (
            call.kind == "conference"
            and slot is None
            and i % conference_stride == 0
            and len(g.conference_calls) < g.size.meetings
        )
        if sampled or linkable:
            info = CallInfo(
                call.id,
                call.host.workspace_id,
                call.host.id,
                call.started,
                call.scheduled,
                call.duration,
                call.title,
                call.calendar_event_id,
                has_transcript,
                invitees,
            )
            if sampled:
                g.sample_calls.append(info)
            if linkable:
                g.conference_calls.append(info)
        if w.maybe_flush():
            g.report("calls", i + 1, n)
    w.flush()
    g.report("calls", n, n)


def _plan_call(g: State, rng: random.Random, i: int, slot: tuple[int, int] | None) -> Call:
    """When, who, what kind of call, with whom."""
    rnd = rng.random
    # In time order (a stratified uniform draw, skewed towards recent months): the time indexes then grow
    # at their end instead of everywhere.
    u = (i + rnd()) / g.size.calls
    t = g.window_start + int((REFERENCE_MS - g.window_start - 2 * DAY_MS) * u**0.8)
    day = t // DAY_MS
    weekday = (day + 3) % 7  # 1970-01-01 was a Thursday
    if weekday >= 5:
        day -= weekday - 4  # weekend calls move to the Friday before
    day_start = day * DAY_MS
    hour = 14 + below(rnd, 9)  # business hours in the Americas
    host = g.takers[bisect.bisect_right(g.taker_cum, rnd() * g.taker_cum[-1])]
    if not (host.start_ms <= day_start < host.end_ms - DAY_MS):
        host = pick(rnd, g.stable)
    team = host.team
    r = rnd()
    if slot is not None:
        kind = "phone" if slot[1] % 3 == 2 else "conference"
    elif team in ("MANAGER", "CRO"):
        kind = "internal" if r < 0.5 else "conference"
    elif team == "SDR":
        kind = "phone" if r < 0.9 else "conference"
    elif team == "CSM":
        kind = "conference" if r < 0.85 else "phone"
    else:
        kind = "conference" if r < 0.68 else ("phone" if r < 0.93 else "internal")
    call = Call(i=i, id=g.ids.ordered(K_CALL, i), slot=slot, kind=kind, host=host)
    if kind == "phone":
        call.started = day_start + hour * 3_600_000 + below(rnd, 3_600_000)
        call.system, call.provider = pick(rnd, TELEPHONY_SYSTEMS)
        if team == "SDR" and slot is None and rnd() < 0.3:
            call.purpose = "Voicemail"
            call.duration = 20 + below(rnd, 55)
            call.direction = "Outbound"
        else:
            call.purpose = "Prospecting" if team == "SDR" or rnd() < 0.4 else "Follow-up"
            call.duration = int(60 + rng.expovariate(1 / 420))
            call.direction = "Outbound" if rnd() < 0.72 else "Inbound"
        call.media = "Audio"
    else:
        call.scheduled = day_start + hour * 3_600_000 + pick(rnd, (0, 0, 0, 30, 30, 15, 45)) * 60_000
        call.started = call.scheduled + (below(rnd, 360) - 60) * 1000
        system = CONFERENCE_SYSTEMS[bisect.bisect_right(g.conf_cum, rnd() * g.conf_cum[-1])]
        call.system, call.provider = system[0], system[1]
        call.direction = "Conference"
        call.media = "Video" if rnd() < 0.85 else "Audio"
        if kind == "internal":
            coaching = team in ("MANAGER", "CRO") and rnd() < 0.3
            call.purpose = "Coaching" if coaching else pick(rnd, ("Pipeline Review", "Deal Strategy"))
            call.duration = (15 + below(rnd, 35)) * 60 + below(rnd, 60)
        else:
            call.purpose = pick(rnd, CS_PURPOSES if team == "CSM" else CONFERENCE_PURPOSES)
            call.duration = int(max(600, min(5400, rng.gauss(1900, 650))))
        call.meeting_url = _meeting_url(g, rng, call.system, host)
        call.calendar_event_id = f"{rand_str(rng, B32HEX, 26)}@google.com"
    # Colleagues on the call.
    if kind != "phone":
        colleagues = g.by_workspace.get(host.workspace_id, g.takers)
        n_int = 1 + below(rnd, 3) if kind == "internal" else (rnd() < 0.35) + (rnd() < 0.1)
        for _ in range(n_int):
            c = pick(rnd, colleagues)
            if c not in call.internal and c.start_ms <= call.started < c.end_ms:
                call.internal.append(c)
        if kind == "internal" and len(call.internal) == 1:
            manager = g.user_by_id.get(host.manager_id) if host.manager_id else None
            call.internal.append(manager or (g.takers[1] if host is g.takers[0] else g.takers[0]))
    # The customer side.
    if slot is not None:
        sub, occurrence = slot
        if occurrence == 1:  # an older call, when the subject was still a lead
            call.lead_call = True
            call.externals = [g.subject_leads[sub]]
        else:
            call.account = g.accounts[sub]
            call.externals = [g.subject_contacts[sub]]
            if kind == "conference":
                pool = g.contacts(call.account)
                call.externals += sample(rnd, pool, below(rnd, 3))
    elif kind != "internal":
        if not ((kind == "phone" and rnd() < 0.3) or rnd() < 0.05):
            call.account = g.random_account(rng)
            pool = g.contacts(call.account)
            k = 1 if kind == "phone" else 1 + (rnd() < 0.5) + (rnd() < 0.25) + (rnd() < 0.1)
            call.externals = sample(rnd, pool, k)
        if not call.externals:
            call.account = None
            call.lead_call = True
            call.externals = [pick(rnd, g.other_leads)]
    call.customer = call.account.name if call.account else (call.externals[0].company if call.externals else "")
    call.title = _title(g, rng, call)
    return call


def _title(g: State, rng: random.Random, call: Call) -> str:
    """The call's title as its calendar or dialer would show it."""
    rnd = rng.random
    if call.kind == "internal":
        if call.purpose == "Coaching":
            return f"1:1 {call.host.first} / {call.internal[1].first}"
        if call.purpose == "Deal Strategy":
            return f"Deal strategy: {pick(rnd, g.accounts).name}"
        quarter = "Q" + str(1 + (call.started // DAY_MS // 91) % 4)
        return f"{pick(rnd, ('Weekly', 'Monthly', quarter))} pipeline review"
    if call.kind == "phone":
        who = call.externals[0].name
        return f"{call.system} call with {who}" if call.direction == "Outbound" else f"Inbound call from {who}"
    form = below(rnd, 3)
    if form == 0:
        return f"{g.company} <> {call.customer}: {call.purpose}"
    if form == 1:
        return f"{call.customer} | {g.company} - {call.purpose}"
    return f"{call.purpose}: {call.customer}"


def _call_row(g: State, rng: random.Random, call: Call) -> Row:
    """The ``calls`` row (content and interaction are added once the transcript exists)."""
    rnd = rng.random
    disposition = None
    if call.kind == "phone" and call.host.team == "SDR":
        disposition = "Left voicemail" if call.purpose == "Voicemail" else pick(rnd, DISPOSITIONS)
    return {
        "id": call.id,
        "company_id": g.cid,
        "workspace_id": call.host.workspace_id,
        "client_unique_id": f"{call.provider.upper()}-{call.id:X}" if call.kind == "phone" else None,
        "url": f"{g.app_url}/call?id={call.id}",
        "title": call.title,
        "scheduled_ms": call.scheduled,
        "started_ms": call.started,
        # Gong lists web conferences it recorded by their scheduled time, other calls by their start.
        "listed_ms": call.scheduled if call.scheduled is not None else call.started,
        "duration": call.duration,
        "primary_user_id": call.host.id,
        "direction": call.direction,
        "system": call.system,
        "scope": "Internal" if call.kind == "internal" else "External",
        "media": call.media,
        "language": "eng",
        "purpose": call.purpose,
        "meeting_url": call.meeting_url,
        "is_private": call.slot is None and rnd() < 0.015,
        "custom_data": None,
        "sdr_disposition": disposition,
        "calendar_event_id": call.calendar_event_id,
        "call_provider_code": call.provider,
        "download_media_url": None,
        "status": "COMPLETED",
        "content": None,
        "interaction": None,
        "created_ms": call.started + call.duration * 1000 + (120 + below(rnd, 1080)) * 1000,
    }


def _meeting_url(g: State, rng: random.Random, system: str, host: User) -> str:
    """A join URL in the shape of the call's conferencing system."""
    if system == "Zoom":
        return f"https://{g.zoom_host}/j/{10**9 + below(rng.random, 9 * 10**10)}"
    if system == "Google Meet":
        return f"https://meet.google.com/{meet_code(rng)}"
    if system == "Microsoft Teams":
        return f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{rand_str(rng, B62, 48)}%40thread.v2/0"
    return f"https://{slugify(g.company, '')}.webex.com/meet/{host.email.split('@', 1)[0]}"
