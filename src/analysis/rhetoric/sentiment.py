"""Sentence sentiment: TextBlob's offline pattern analyser on our sentences, on the shared pool."""

from __future__ import annotations

import pandas as pd

from ..parallel import map_list
from ..text import split_sentences

_ANALYZER = None


def _polarity_subjectivity(text: str) -> tuple[float, float]:
    global _ANALYZER
    if _ANALYZER is None:
        from textblob.en.sentiments import PatternAnalyzer

        _ANALYZER = PatternAnalyzer()
    result = _ANALYZER.analyze(text)
    return float(result[0]), float(result[1])


def _score_chunk(texts: list[str]) -> list[tuple[float, float]]:
    return [_polarity_subjectivity(t) for t in texts]


def sentiment_scores(
    texts: list[str], *, processes: int | None = None, dedupe: bool = True, chunk: int = 2000
) -> list[tuple[float, float]]:
    """TextBlob (pattern) ``(polarity, subjectivity)`` of each text, exactly as TextBlob gives them.

    Identical sentences are scored once (``dedupe``: their scores are identical by definition), and
    large inputs are spread over ``processes`` worker processes (``analysis.parallel``: default
    ``ANALYSIS_PROCESSES``, else all cores).

    >>> sentiment_scores(
    ...     ["It was a terrible day.", "It was a terrible day.", "We will take revenge."]
    ... )
    [(-1.0, 1.0), (-1.0, 1.0), (0.0, 0.0)]
    """
    unique = list(dict.fromkeys(texts)) if dedupe else list(texts)
    # the shared pool: ANALYSIS_PROCESSES, one process for small inputs or where fork is unavailable
    parts = map_list(_score_chunk, unique, processes=processes, chunk=chunk, min_items=4 * chunk)
    scored = [s for part in parts for s in part]
    if not dedupe:
        return scored
    by_text = dict(zip(unique, scored))
    return [by_text[t] for t in texts]


def sentence_sentiment(
    articles: pd.DataFrame, *, processes: int | None = None, dedupe: bool = True
) -> pd.DataFrame:
    """The sentences frame (``split_sentences``) with TextBlob ``polarity`` and ``subjectivity``.

    TextBlob's pattern analyser works offline; sentences come from our splitter, not TextBlob's
    (which needs NLTK corpora). Sentiment is not a threat score: "We will take revenge" scores 0.0.
    Large corpora use all cores (``processes``); identical sentences are scored once (``dedupe``).

    >>> text = "We will take revenge. It was a terrible day."
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    >>> sentence_sentiment(arts)[["text", "polarity", "subjectivity"]].values.tolist()
    [['We will take revenge.', 0.0, 0.0], ['It was a terrible day.', -1.0, 1.0]]
    """
    sents = split_sentences(articles)
    scores = sentiment_scores(sents["text"].tolist(), processes=processes, dedupe=dedupe)
    sents["polarity"] = pd.Series([p for p, _ in scores], index=sents.index, dtype="float64")
    sents["subjectivity"] = pd.Series([q for _, q in scores], index=sents.index, dtype="float64")
    return sents
