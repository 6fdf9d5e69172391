"""One call's derived blocks: ``content``, ``interaction`` and the per-user figures, from its transcript."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkit.server.groups.calls.analysis import content as c
from gongkit.server.groups.calls.analysis.interaction import UserStats, interaction, user_stats
from gongkit.server.groups.calls.analysis.trackers import TrackerDefinition, match_trackers
from gongkit.server.groups.calls.analysis.transcript import CallTranscript


@dataclass(frozen=True)
class Analysis:
    """What the analysis stores for a call: ``calls.content``, ``calls.interaction`` (``None``: no
    transcript, nothing derived) and the ``call_user_stats`` rows."""

    content: dict[str, Any] | None
    interaction: dict[str, Any] | None
    user_stats: list[UserStats]


NOTHING = Analysis(None, None, [])


def analyse(call: CallTranscript, trackers: list[TrackerDefinition]) -> Analysis:
    """Derive every block the transcript supports; a call without speech inside its span gets nothing.

    ``interaction.video`` is never derived: it measures what the recording shows (screen share, webcams), which
    no stored data describes.
    """
    utterances = call.utterances()
    if not utterances:
        return NOTHING
    call_parts = c.parts(call)
    actions = c.action_items(call, utterances)
    content: dict[str, Any] = {}
    if call_parts:
        content["structure"] = c.structure(call_parts)
        content["topics"] = c.topics(call_parts)
    content["trackers"] = match_trackers(call, utterances, trackers)
    if call_parts:
        content["outline"] = c.outline(call_parts, utterances)
    content["highlights"] = c.highlights(call, utterances, actions)
    content["pointsOfInterest"] = c.points_of_interest(actions)
    return Analysis(content, interaction(call, utterances), user_stats(call, utterances))
