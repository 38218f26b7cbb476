"""Rhetoric: threat language (three measures, modes, speakers, the rule that decided each match),
keyword in context and sentence sentiment.

Modules: ``lexicon_data`` (the threat lexicon as rows: roles, cue behaviours, inflected lemmas),
``actors`` (who can threaten), ``rules`` (the ordered rule registry that decides each match),
``threats`` (``find_threats``, ``attach_speakers``), ``summary`` (per-article counts, top passages),
``kwic`` and ``sentiment``.
"""

from ..loading import analysable
from .actors import is_actor
from .kwic import kwic
from .lexicon_data import BEHAVIOURS, ThreatLexicon, threat_lexicon
from .rules import RULES, Rule
from .sentiment import _score_chunk, sentence_sentiment, sentiment_scores
from .summary import threat_passages, threat_summary, words_found
from .threats import MEASURES, THREAT_COLUMNS, attach_speakers, find_threats

__all__ = [
    "MEASURES",
    "find_threats",
    "threat_summary",
    "kwic",
    "sentence_sentiment",
    "threat_lexicon",
    "threat_passages",
    "words_found",
    "attach_speakers",
    "analysable",
]
# also reachable, for contributors and the benchmarks: BEHAVIOURS, RULES, Rule, ThreatLexicon,
# THREAT_COLUMNS, is_actor, sentiment_scores, _score_chunk
_ = (
    BEHAVIOURS,
    RULES,
    Rule,
    ThreatLexicon,
    THREAT_COLUMNS,
    is_actor,
    sentiment_scores,
    _score_chunk,
)
