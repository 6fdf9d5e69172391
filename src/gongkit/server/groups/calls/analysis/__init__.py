"""The call analysis: what ``POST /v2/calls/extensive`` answers in ``content`` and ``interaction``, and the
per-user figures of ``call_user_stats``, derived from a call's transcript, parties and tracker definitions.

- :mod:`.transcript`: the inputs (sentences, monologues, speakers) and the word rules;
- :mod:`.interaction`: talk times, the interaction figures (Gong's names, defined there), question counts;
- :mod:`.trackers`: keyword trackers matched on the transcript;
- :mod:`.content`: structure, topics, outline, highlights, points of interest;
- :mod:`.derive`: one call's :class:`Analysis`;
- :mod:`.store`: reading inputs from the store and writing results (derived when a transcript arrives).

Everything is a pure function of the stored data: the same transcript always gives the same figures.
"""

from gongkit.server.groups.calls.analysis.derive import NOTHING, Analysis, analyse
from gongkit.server.groups.calls.analysis.interaction import UserStats
from gongkit.server.groups.calls.analysis.store import analyse_calls, analyse_company, load_transcripts
from gongkit.server.groups.calls.analysis.trackers import KeywordList, TrackerDefinition
from gongkit.server.groups.calls.analysis.transcript import CallTranscript, Monologue, Sentence, Speaker

__all__ = [
    "NOTHING",
    "Analysis",
    "CallTranscript",
    "KeywordList",
    "Monologue",
    "Sentence",
    "Speaker",
    "TrackerDefinition",
    "UserStats",
    "analyse",
    "analyse_calls",
    "analyse_company",
    "load_transcripts",
]
