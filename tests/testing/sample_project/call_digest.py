"""A team's own code that reads Gong: who held how many calls, and what customers said."""

from __future__ import annotations

import httpx

from gongkit import AsyncGong, Gong
from gongkit.types import ContentSelector, ExposedFields


def calls_per_rep(gong: Gong, since: str) -> dict[str, int]:
    """How many calls each rep hosted since ``since``, by name."""
    names = {u.id: f"{u.firstName} {u.lastName}" for u in gong.users.list()}
    counts: dict[str, int] = {}
    for call in gong.calls.list(from_date_time=since):
        name = names.get(call.primaryUserId, "unknown")
        counts[name] = counts.get(name, 0) + 1
    return counts


async def customer_quotes(gong: AsyncGong, call_id: str) -> list[str]:
    """What the call's external parties said, in order."""
    with_parties = ContentSelector(exposedFields=ExposedFields(parties=True))
    calls = [c async for c in gong.calls.extensive(call_ids=[call_id], content_selector=with_parties)]
    external = {p.speakerId for c in calls for p in c.parties or [] if p.affiliation == "External"}
    quotes = []
    async for transcript in gong.calls.transcripts(call_ids=[call_id]):
        for monologue in transcript.transcript or []:
            if monologue.speakerId in external:
                quotes.extend(s.text or "" for s in monologue.sentences or [])
    return quotes


def team_of(base_url: str, auth: tuple[str, str], manager_email: str) -> list[str]:
    """The e-mail addresses of a manager's reports, over plain HTTP (no SDK)."""
    users = httpx.get(f"{base_url}/v2/users", auth=auth).raise_for_status().json()["users"]
    manager = next(u["id"] for u in users if u["emailAddress"] == manager_email)
    return sorted(u["emailAddress"] for u in users if u.get("managerId") == manager)
