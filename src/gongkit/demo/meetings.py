"""Meetings: calendar events with their invitees, half of them linked to recorded conference calls.

A meeting's id is Gong's numeric meeting id (what ``PUT/DELETE /v2/meetings/{meetingId}`` take); the calendar
system's id of the event is its ``external_id``."""

from __future__ import annotations

from gongkit.demo.seeded import B32HEX, DAY_MS, K_MEETING, REFERENCE_MS, rand_str
from gongkit.demo.state import State
from gongkit.demo.subjects import SUBJECTS


def gen_meetings(g: State) -> None:
    """Meetings: half are the calendar events of sampled conference calls; each subject is invited to two."""
    rng = g.rng("meetings")
    n = g.size.meetings
    humans = [u for u in g.users if u.team != "AVATAR"]
    user_by_id = {u.id: u for u in g.users}
    meetings = g.w.rows["meetings"]
    invitees = g.w.rows["meeting_invitees"]
    subject_slots: dict[int, int] = {}
    for k, idx in enumerate(rng.sample(range(n), 2 * len(SUBJECTS))):
        subject_slots[idx] = k // 2
    linked = g.conference_calls[: n // 2]
    for i in range(n):
        sub = subject_slots.get(i)
        info = linked[i] if i < len(linked) and sub is None else None
        if info is not None and info.scheduled_ms is not None and info.calendar_event_id is not None:
            organizer = user_by_id[info.primary_user_id]
            start = info.scheduled_ms
            end = start + (info.duration // 900 + 1) * 900_000
            cal_id = info.calendar_event_id
            title = info.title
            people = list(info.invitees)
            call_id: int | None = info.id
        else:
            organizer = rng.choice(humans)
            day = (g.window_start + rng.randrange(REFERENCE_MS + 30 * DAY_MS - g.window_start)) // DAY_MS
            start = day * DAY_MS + rng.randrange(14, 23) * 3_600_000 + rng.choice((0, 30)) * 60_000
            end = start + rng.choice((30, 30, 45, 60)) * 60_000
            cal_id = f"{rand_str(rng, B32HEX, 26)}@google.com"
            account = g.accounts[sub] if sub is not None else rng.choice(g.accounts)
            title = (
                f"{g.company} <> {account.name}: {rng.choice(('Intro', 'Follow-up', 'Demo', 'Check-in', 'Kickoff'))}"
            )
            people = [(organizer.email, organizer.name)]
            if sub is not None:
                people.append((SUBJECTS[sub].email, f"{SUBJECTS[sub].first} {SUBJECTS[sub].last}"))
            pool = g.contacts(account)
            for c in rng.sample(pool, min(len(pool), rng.randrange(1, 3))):
                people.append((c.email, c.name))
            if rng.random() < 0.3:
                colleague = rng.choice(humans)
                if colleague is not organizer:
                    people.append((colleague.email, colleague.name))
            call_id = None
        mid = g.ids(K_MEETING, i)
        meetings.append(
            {
                "id": mid,
                "company_id": g.cid,
                "organizer_email": organizer.email,
                "title": title,
                "start_ms": start,
                "end_ms": end,
                "external_id": cal_id,
                "call_id": call_id,
            }
        )
        for email, name in people:
            invitees.append(
                {
                    "meeting_id": mid,
                    "company_id": g.cid,
                    "email_address": email,
                    "display_name": name,
                }
            )
    g.w.flush()
    g.report("meetings", n, n)
