"""Running the analysis against the store: read calls' transcripts, derive, write the results.

The blocks are derived **when a transcript arrives** and stored (``calls.content``, ``calls.interaction``,
``call_user_stats``), not on every read: ``bench/bench_content.py`` measures both, and loading and deriving a page
of 100 transcribed calls costs about 30 times reading its stored blocks (figures in ``docs/ANALYSIS.md``). A
writer that stores or replaces transcripts, or changes tracker definitions, calls :func:`analyse_calls` for the
calls concerned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, insert, select, update

from gongkit.db.schema import call_parties, call_user_stats, calls, trackers, transcript_monologues
from gongkit.server.groups.calls.analysis.derive import Analysis, analyse
from gongkit.server.groups.calls.analysis.trackers import TrackerDefinition
from gongkit.server.groups.calls.analysis.transcript import CallTranscript, Monologue, Sentence, Speaker

#: Calls read and written per statement.
BATCH = 500


def tracker_definitions(conn: Connection, company_id: int) -> list[TrackerDefinition]:
    """The company's keyword trackers, by name (as ``GET /v2/settings/trackers`` lists them)."""
    rows = conn.execute(
        select(trackers).where(trackers.c.company_id == company_id).order_by(trackers.c.name, trackers.c.id)
    )
    return [TrackerDefinition.from_row(r) for r in rows]


def load_transcripts(conn: Connection, company_id: int, call_ids: Sequence[int]) -> dict[int, CallTranscript]:
    """The analysis inputs of the company's calls among ``call_ids`` (calls of other companies are not read)."""
    base = {
        r.id: r
        for r in conn.execute(
            select(calls.c.id, calls.c.workspace_id, calls.c.duration, calls.c.language).where(
                calls.c.company_id == company_id, calls.c.id.in_(call_ids)
            )
        )
    }
    ids = list(base)
    speakers: dict[int, dict[str, Speaker]] = {i: {} for i in ids}
    q = (
        select(call_parties.c.call_id, call_parties.c.speaker_id, call_parties.c.user_id, call_parties.c.affiliation)
        .where(call_parties.c.company_id == company_id, call_parties.c.call_id.in_(ids))
        .order_by(call_parties.c.call_id, call_parties.c.id)
    )
    for r in conn.execute(q):
        if r.speaker_id:
            speakers[r.call_id].setdefault(r.speaker_id, Speaker(r.speaker_id, r.user_id, r.affiliation == "Internal"))
    monologues: dict[int, list[Monologue]] = {i: [] for i in ids}
    q2 = (
        select(
            transcript_monologues.c.call_id,
            transcript_monologues.c.speaker_id,
            transcript_monologues.c.topic,
            transcript_monologues.c.sentences,
        )
        .where(transcript_monologues.c.company_id == company_id, transcript_monologues.c.call_id.in_(ids))
        .order_by(transcript_monologues.c.call_id, transcript_monologues.c.seq)
    )
    for call_id, speaker_id, topic, sentences in conn.execute(q2):
        said = tuple(Sentence(int(s["start"]), int(s["end"]), str(s["text"])) for s in sentences or ())
        monologues[call_id].append(Monologue(speaker_id, topic, said))
    return {
        i: CallTranscript(
            duration_ms=None if r.duration is None else int(r.duration) * 1000,
            monologues=tuple(monologues[i]),
            speakers=speakers[i],
            language=r.language,
            workspace_id=r.workspace_id,
        )
        for i, r in base.items()
    }


def save_analysis(conn: Connection, company_id: int, results: dict[int, Analysis]) -> None:
    """Replace the stored blocks and per-user figures of these calls by ``results``."""
    ids = list(results)
    for call_id, a in results.items():
        conn.execute(
            update(calls)
            .where(calls.c.company_id == company_id, calls.c.id == call_id)
            .values(content=a.content, interaction=a.interaction)
        )
    conn.execute(
        delete(call_user_stats).where(call_user_stats.c.company_id == company_id, call_user_stats.c.call_id.in_(ids))
    )
    rows = [
        {
            "call_id": call_id,
            "company_id": company_id,
            "user_id": s.user_id,
            "talk_time_sec": s.talk_time_sec,
            "stats": s.stats,
        }
        for call_id, a in results.items()
        for s in a.user_stats
    ]
    if rows:
        conn.execute(insert(call_user_stats), rows)


def analyse_calls(conn: Connection, company_id: int, call_ids: Iterable[int]) -> int:
    """Derive and store the blocks of these calls of the company (in batches); returns how many calls were
    analysed. A call without a transcript is left with no derived blocks and no per-user figures."""
    definitions = tracker_definitions(conn, company_id)
    ids = list(dict.fromkeys(call_ids))
    done = 0
    for k in range(0, len(ids), BATCH):
        inputs = load_transcripts(conn, company_id, ids[k : k + BATCH])
        save_analysis(conn, company_id, {i: analyse(t, definitions) for i, t in inputs.items()})
        done += len(inputs)
    return done


def analyse_company(conn: Connection, company_id: int) -> int:
    """Re-derive every call of the company (after its tracker definitions changed, for instance)."""
    ids = [r.id for r in conn.execute(select(calls.c.id).where(calls.c.company_id == company_id))]
    return analyse_calls(conn, company_id, ids)
