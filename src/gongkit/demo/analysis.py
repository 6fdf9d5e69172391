"""Call analysis in the demo: the keyword trackers of every workspace, and each transcribed call's
``content``, ``interaction`` and per-user figures derived from its transcript by the server's own analysis
(:mod:`gongkit.server.groups.calls.analysis`), exactly as the server would derive them. A call without a
transcript gets none of them."""

from __future__ import annotations

from typing import Any

from gongkit.demo.dialogue import TRACKERS
from gongkit.demo.records import Call, Speaker
from gongkit.demo.seeded import DAY_MS, K_TRACKER
from gongkit.demo.state import State
from gongkit.server.groups.calls.analysis import (
    CallTranscript,
    KeywordList,
    Monologue,
    Sentence,
    TrackerDefinition,
    analyse,
)
from gongkit.server.groups.calls.analysis import Speaker as Voice


def gen_trackers(g: State) -> None:
    """Every workspace's keyword trackers (:data:`~gongkit.demo.dialogue.TRACKERS`), made by its first user
    (built in when the workspace has none), a year before the reference time."""
    rows = g.w.rows["trackers"]
    created = g.company_created + 30 * DAY_MS
    for w, workspace_id in enumerate(g.workspace_ids):
        creator = next((u.id for u in g.users if u.workspace_id == workspace_id and u.team != "AVATAR"), None)
        for i, (name, lists, affiliation, in_question, said_at, interval, unit) in enumerate(TRACKERS):
            tracker_id = g.ids(K_TRACKER, w * len(TRACKERS) + i)
            keyword_lists = tuple(KeywordList(lang, tuple(words), related) for lang, words, related in lists)
            rows.append(
                {
                    "id": tracker_id,
                    "company_id": g.cid,
                    "workspace_id": workspace_id,
                    "name": name,
                    "language_keywords": [
                        {
                            "language": kl.language,
                            "keywords": list(kl.keywords),
                            "includeRelatedForms": kl.related_forms,
                        }
                        for kl in keyword_lists
                    ],
                    "affiliation": affiliation,
                    "part_of_question": in_question,
                    "said_at": said_at,
                    "said_at_interval": interval,
                    "said_at_unit": unit,
                    "said_in_topics": [],
                    "filter_query": None,
                    "created_ms": created + i * 3_600_000,
                    "creator_user_id": creator,
                    "updated_ms": created + i * 3_600_000 + (DAY_MS if i % 2 else 0),
                    "updater_user_id": creator,
                }
            )
            g.trackers.setdefault(workspace_id, []).append(
                TrackerDefinition(
                    id=tracker_id,
                    name=name,
                    keyword_lists=keyword_lists,
                    workspace_id=workspace_id,
                    affiliation=affiliation,
                    part_of_question=in_question,
                    said_at=said_at,
                    said_at_interval=interval,
                    said_at_unit=unit,
                )
            )
    g.w.flush()
    g.report("trackers", len(rows), len(rows))


def analyse_call(
    g: State, call: Call, row: dict[str, Any], monologues: list[dict[str, Any]], speakers: list[Speaker]
) -> None:
    """Derive the call's blocks from its transcript rows and store them with the call (``row``) and in
    ``call_user_stats``."""
    transcript = CallTranscript(
        duration_ms=call.duration * 1000,
        monologues=tuple(
            Monologue(
                m["speaker_id"], m["topic"], tuple(Sentence(s["start"], s["end"], s["text"]) for s in m["sentences"])
            )
            for m in monologues
        ),
        speakers={sp.id: Voice(sp.id, sp.user.id if sp.user is not None else None, sp.side == 0) for sp in speakers},
        language=row["language"],
        workspace_id=row["workspace_id"],
    )
    result = analyse(transcript, g.trackers.get(row["workspace_id"], []))
    row["content"] = result.content
    row["interaction"] = result.interaction
    g.w.rows["call_user_stats"].extend(
        {
            "call_id": call.id,
            "company_id": g.cid,
            "user_id": s.user_id,
            "talk_time_sec": s.talk_time_sec,
            "stats": s.stats,
        }
        for s in result.user_stats
    )
