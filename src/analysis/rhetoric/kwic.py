"""Keyword in context: every match of one lexicon pattern with the words either side."""

from __future__ import annotations

import bisect

import pandas as pd

from ..checks import check_number
from ..lexicon import Lexicon, _matches_in_tokens, tokenize
from ..text import iter_sentences, text_column


def kwic(articles: pd.DataFrame, pattern: str, *, window: int = 8) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with ``window`` words either side.

    ``pattern`` uses the lexicon syntax: a glob on whole words ("retaliat*") or a phrase
    ("set ablaze", "take * revenge").

    >>> from analysis import load_articles, paths
    >>> k = kwic(load_articles(paths.data_dir()), "reveng*", window=3)
    >>> k[["sentence_id", "left", "match", "right"]].head(1).values.tolist()
    [[0, 'instructed that a', 'revenge', 'attack on US']]
    >>> len(k), k["sentence_id"].nunique()
    (8, 8)
    """
    check_number("window", window, low=0, integer=True)
    lex = Lexicon.from_mapping({"kwic": [pattern]})
    rows: dict[str, list] = {
        c: [] for c in ("article_id", "sentence_id", "start", "end", "left", "match", "right")
    }
    for aid, text in zip(articles["article_id"], articles["text"]):
        if not isinstance(text, str):
            continue
        toks, starts, ends = tokenize(text)
        sent_starts = [s for _, s, _ in iter_sentences(text)]
        for _, i, j, _term in _matches_in_tokens(toks, lex):
            lo, hi = max(0, i - window), min(len(toks), j + window)
            rows["article_id"].append(aid)
            rows["sentence_id"].append(max(0, bisect.bisect_right(sent_starts, starts[i]) - 1))
            rows["start"].append(starts[i])
            rows["end"].append(ends[j - 1])
            rows["left"].append(text[starts[lo] : starts[i]].strip() if lo < i else "")
            rows["match"].append(text[starts[i] : ends[j - 1]])
            rows["right"].append(text[ends[j - 1] : ends[hi - 1]].strip() if hi > j else "")
    # text_column: a text passed in by hand may hold a lone surrogate, which Arrow refuses
    out = pd.DataFrame({k: text_column(v) if k in _TEXTS else v for k, v in rows.items()})
    return out.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})


_TEXTS = ("left", "match", "right")
