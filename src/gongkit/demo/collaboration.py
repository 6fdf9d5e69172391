"""What people do with calls afterwards: comments and access grants, library folders and their clips, and
recordings (short generated WAV files, with a media directory)."""

from __future__ import annotations

import io
import random
import wave

from gongkit.db.media import MediaStore
from gongkit.demo.records import Call, CallInfo
from gongkit.demo.seeded import (
    DAY_MS,
    K_COMMENT,
    K_ENTRY,
    K_FOLDER,
    K_MEDIA,
    REFERENCE_MS,
    below,
    pick,
    sample,
    settled,
)
from gongkit.demo.state import State
from gongkit.demo.vocabulary import COMPETITORS

COMMENTS = (
    "Great discovery questions here.",
    "This is a good example of handling the pricing objection.",
    "@[{manager}]({manager_id}) worth listening to this part.",
    "We should follow up on the security questionnaire.",
    "Nice recovery after the question about {competitor}.",
    "Could have asked about the decision process here.",
    "Adding this to the onboarding library.",
)


def add_collaboration(g: State, rc: random.Random, call: Call) -> None:
    """Comments on some calls, individual access grants on a few."""
    rnd = rc.random
    end_ms = call.started + call.duration * 1000
    if call.kind != "phone" and rnd() < 0.08:
        manager = g.user_by_id[call.host.manager_id] if call.host.manager_id else call.host
        previous: int | None = None
        for k in range(1 + below(rnd, 3)):
            g.comment_n += 1
            comment_id = g.ids(K_COMMENT, g.comment_n)
            author = pick(rnd, call.internal) if rnd() < 0.7 else manager
            text = pick(rnd, COMMENTS).format(
                manager=manager.name, manager_id=manager.id, competitor=COMPETITORS[call.i % len(COMPETITORS)]
            )
            at = below(rnd, max(1, call.duration - 30))
            during = rnd() < 0.2
            posted = call.started + at * 1000 if during else end_ms + (600 + below(rnd, 5 * 86_400)) * 1000
            g.w.rows["call_comments"].append(
                {
                    "id": comment_id,
                    "call_id": call.id,
                    "company_id": g.cid,
                    "commenter_user_id": author.id,
                    "comment": text,
                    "audio_start_time": at,
                    "audio_end_time": at + below(rnd, 30),
                    "posted_ms": settled(posted),
                    "in_reply_to": previous if (previous is not None and k > 0 and rnd() < 0.6) else None,
                    "during_call": during,
                }
            )
            previous = comment_id
    if rnd() < 0.02:
        members = {u.id for u in call.internal}
        for u in sample(rnd, g.takers, 2):
            if u.id not in members:
                g.w.rows["call_access"].append(
                    {
                        "call_id": call.id,
                        "company_id": g.cid,
                        "user_id": u.id,
                        "granted_ms": settled(end_ms + (1 + below(rnd, 30)) * DAY_MS),
                        # Most through the API (PUT /v2/calls/users-access), some by sharing the call.
                        "granted_via": "share" if u.id % 3 == 0 else "api",
                        "granted_by": None if u.id % 3 == 0 else "demo",
                    }
                )


def gen_library(g: State) -> None:
    """Library folders per workspace (nested, private and archived ones) with clips of sampled calls."""
    rng = g.rng("library")
    folders = g.w.rows["library_folders"]
    entries = g.w.rows["library_entries"]
    folder_n = 0
    entry_n = 0
    humans = [u for u in g.users if u.team != "AVATAR"]
    by_ws: dict[int | None, list[CallInfo]] = {}
    for info in g.sample_calls:
        by_ws.setdefault(info.workspace_id, []).append(info)
    plans: dict[int, list[tuple[str, int | None, bool, bool]]] = {}
    for k, wid in enumerate(g.workspace_ids):
        if k == 0:
            plans[wid] = [
                ("Sales Training", None, True, False),
                ("Discovery Calls", 0, True, False),
                ("Objection Handling", 0, True, False),
                ("Pricing Objections", 2, True, False),
                ("Competitive Wins", None, True, False),
                ("Archive 2025", None, True, True),
                ("My Favorites", None, False, False),
            ]
        else:
            plans[wid] = [
                ("Best Practices", None, True, False),
                ("Kickoff Calls", 0, True, False),
                ("Team Picks", None, False, False),
            ]
    for wid, plan in plans.items():
        made: list[int] = []
        for fname, parent, public, archived in plan:
            folder_n += 1
            fid = g.ids(K_FOLDER, folder_n)
            made.append(fid)
            creator = rng.choice(humans)
            folders.append(
                {
                    "id": fid,
                    "company_id": g.cid,
                    "workspace_id": wid,
                    "name": fname,
                    "parent_folder_id": made[parent] if parent is not None else None,
                    "is_public": public,
                    "is_archived": archived,
                    "created_by_user_id": creator.id,
                    "updated_ms": g.window_start + rng.randrange(REFERENCE_MS - g.window_start),
                }
            )
            pool = [c for c in by_ws.get(wid, []) if c.has_transcript] or by_ws.get(wid, []) or g.sample_calls
            for info in rng.sample(pool, min(len(pool), rng.randrange(2, 7))):
                entry_n += 1
                start = rng.randrange(max(1, info.duration - 60))
                entries.append(
                    {
                        "id": g.ids(K_ENTRY, entry_n),
                        "folder_id": fid,
                        "call_id": info.id,
                        "company_id": g.cid,
                        "title": info.title,
                        "note": rng.choice(
                            (
                                "Great example of discovery.",
                                "Listen to how the objection is handled.",
                                "Strong close.",
                                None,
                            )
                        ),
                        "added_by_user_id": creator.id,
                        "created_ms": settled(info.started_ms + info.duration * 1000 + rng.randrange(1, 30) * DAY_MS),
                        "snippet_from_sec": start,
                        "snippet_to_sec": min(info.duration, start + rng.randrange(20, 120)),
                    }
                )
    g.w.flush()
    made_folders = g.w.counts["library_folders"]
    g.report("library_folders", made_folders, made_folders)


def gen_media(g: State) -> None:
    """Recordings (with ``media_dir``) for the call each subject speaks in and a few other calls."""
    if g.media_dir is None:
        return
    store = MediaStore(g.media_dir)
    # Recordings for the call each subject speaks in, and for a few other calls.
    targets = [calls[0] for calls in g.subject_calls if calls]
    taken = {call_id for call_id, _ in targets}
    pool = [c for c in g.sample_calls if c.has_transcript] or g.sample_calls
    targets += [(c.id, c.started_ms + c.duration * 1000) for c in pool if c.id not in taken][:5]
    media_rows = g.w.rows["call_media"]
    for k, (call_id, created) in enumerate(targets):
        data = _tone_wav(k)
        media_id = g.ids(K_MEDIA, k)
        key = store.put(g.cid, call_id, media_id, data)
        media_rows.append(
            {
                "id": media_id,
                "call_id": call_id,
                "company_id": g.cid,
                "kind": "audio",
                "storage_key": key,
                "content_type": "audio/wav",
                "size": len(data),
                "created_ms": created,
            }
        )
    g.w.flush()
    g.report("call_media", len(targets), len(targets))


def _tone_wav(variant: int, seconds: float = 1.5, rate: int = 8000) -> bytes:
    """A short mono 16-bit WAV (a triangle-wave tone), built with integer arithmetic only."""
    period = 16 + 2 * (variant % 8)
    amp = 6000
    frames = bytearray()
    for k in range(int(seconds * rate)):
        phase = k % period
        half = period // 2
        v = (amp * (4 * phase - period)) // period if phase < half else (amp * (3 * period - 4 * phase)) // period
        frames += int(v).to_bytes(2, "little", signed=True)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return buf.getvalue()
