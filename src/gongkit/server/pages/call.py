"""``GET /call?id=``: the page behind every call's ``url``: its metadata, parties and transcript, readable.

The page asks for the same credentials as the API (the browser prompts for an access key and its secret;
Bearer tokens work too) and shows a call of that credential's company only. A Bearer token needs
``api:calls:read:basic``; without ``api:calls:read:transcript`` the transcript is left out, and the page says so.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from starlette.requests import Request
from starlette.responses import Response

from gongkit.db.schema import call_parties, calls, transcript_monologues
from gongkit.kernel.errors import ApiError
from gongkit.kernel.ids import id_value
from gongkit.server.core.context import AppState
from gongkit.server.pages.templating import render

BASIC_SCOPE = "api:calls:read:basic"
TRANSCRIPT_SCOPE = "api:calls:read:transcript"
_CHALLENGE = {"WWW-Authenticate": 'Basic realm="gongkit", charset="UTF-8"'}


@dataclass(frozen=True)
class Line:
    """One monologue: who spoke, from when (``m:ss``), what was said."""

    speaker: str
    start: str
    topic: str | None
    text: str


@dataclass(frozen=True)
class CallView:
    basic: dict[str, Any]
    parties: list[dict[str, Any]]
    transcript: list[Line] | None  # None: not allowed to read it


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def read_call(conn: Connection, company_id: int, call_id: int, with_transcript: bool) -> CallView | None:
    basic_json = conn.execute(
        select(calls.c.basic_json).where(calls.c.id == call_id, calls.c.company_id == company_id)
    ).scalar_one_or_none()
    if basic_json is None:
        return None
    party_rows = conn.execute(
        select(
            call_parties.c.speaker_id,
            call_parties.c.name,
            call_parties.c.title,
            call_parties.c.email_address,
            call_parties.c.phone_number,
            call_parties.c.affiliation,
        )
        .where(call_parties.c.call_id == call_id)
        .order_by(call_parties.c.id)
    ).all()
    parties = [dict(row._mapping) for row in party_rows]
    if not with_transcript:
        return CallView(json.loads(basic_json), parties, None)
    names = {p["speaker_id"]: p["name"] or p["email_address"] or "Unknown speaker" for p in parties if p["speaker_id"]}
    lines = []
    for speaker_id, topic, sentences in conn.execute(
        select(transcript_monologues.c.speaker_id, transcript_monologues.c.topic, transcript_monologues.c.sentences)
        .where(transcript_monologues.c.call_id == call_id)
        .order_by(transcript_monologues.c.seq)
    ):
        if not sentences:
            continue
        text = " ".join(str(s.get("text", "")) for s in sentences)
        lines.append(Line(names.get(speaker_id, f"Speaker {speaker_id}"), _clock(sentences[0]["start"]), topic, text))
    return CallView(json.loads(basic_json), parties, lines)


def call_page(state: AppState) -> Callable[[Request], Awaitable[Response]]:
    async def page(request: Request) -> Response:
        try:
            principal = state.auth.authenticate(request.headers.get("authorization"), state.clock.now_ms())
        except ApiError as exc:
            return render("message.html", 401, _CHALLENGE, title="Sign in", message=exc.messages[0])
        if not principal.has_scope(BASIC_SCOPE):
            return render("message.html", 403, title="Not allowed", message=f"This token lacks {BASIC_SCOPE}.")
        raw = request.query_params.get("id", "")
        call_id = id_value(raw)
        view = None
        if call_id is not None:
            with_transcript = principal.has_scope(TRANSCRIPT_SCOPE)
            view = await state.read(read_call, principal.company_id, call_id, with_transcript)
        if view is None:
            return render("message.html", 404, title="Call not found", message=f"No call has the id {raw!r} here.")
        return render("call.html", call=view.basic, parties=view.parties, transcript=view.transcript)

    return page
