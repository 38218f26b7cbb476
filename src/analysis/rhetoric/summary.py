"""Threat summaries per article, and the passages with the most threat acts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ..lexicon import Lexicon
from ..loading import analysable, rows_of
from ..text import WORD_RE, split_sentences
from .lexicon_data import threat_lexicon
from .threats import MEASURES, find_threats


def threat_summary(
    articles: pd.DataFrame,
    *,
    lexicon: Lexicon | str | Path | Mapping | None = None,
    threats: pd.DataFrame | None = None,
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """One row per article: ``words`` and, per measure, counts, rate per 1,000 words and modes.

    For each measure: ``<measure>`` (asserted and conditional matches), ``<measure>_per_1k``,
    ``<measure>_negated``, ``<measure>_hypothetical``; and ``<measure>.<category>`` counts
    (asserted and conditional). ``words`` counts all word tokens of the body. Duplicates and
    articles in another language are left out and listed in ``attrs["excluded"]``.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["“We will take revenge,” the general "
    ...                      "said. The strike killed six people. Iran is unlikely to attack."]})
    >>> s = threat_summary(arts)
    >>> cols = ["words", "threat_act", "threat_act_per_1k", "violence", "threat_salience_negated"]
    >>> s[cols].to_dict("records")
    [{'words': 17, 'threat_act': 1, 'threat_act_per_1k': 58.824, 'violence': 2,
    'threat_salience_negated': 1}]
    """
    kept, excluded = analysable(articles, include_duplicates=include_duplicates)
    if threats is None:
        threats = find_threats(kept, lexicon=lexicon)
    # the four columns counted, not every column of what can be a very long frame
    threats = rows_of(threats[["article_id", "measure", "mode", "category"]], kept)
    out = _words_frame(kept)
    counted = threats[threats["mode"].isin(["asserted", "conditional"])]
    words = out["words"].where(out["words"] > 0)
    for measure in MEASURES:
        out[measure] = _per_article(out, counted[counted["measure"] == measure])
        out[f"{measure}_per_1k"] = (out[measure] * 1000 / words).fillna(0.0).round(3)
        for mode in ("negated", "hypothetical"):
            m = threats[(threats["measure"] == measure) & (threats["mode"] == mode)]
            out[f"{measure}_{mode}"] = _per_article(out, m)
    by_pair = counted.groupby(["measure", "category", "article_id"]).size()
    found = by_pair.index.droplevel(2)
    for measure, category in _category_columns(threat_lexicon(lexicon), counted):
        col = f"{measure}.{category}"
        if (measure, category) in found:
            out[col] = (
                out["article_id"].map(by_pair.loc[(measure, category)]).fillna(0).astype("int64")
            )
        else:
            out[col] = 0
    out.attrs["excluded"] = excluded
    return out


def _words_frame(kept: pd.DataFrame) -> pd.DataFrame:
    """``article_id`` and ``words`` (word tokens of the body) of each kept article."""
    # one text at a time: Series.map would first turn every text into a Python string at once
    words_per_article = [len(WORD_RE.findall(t)) if isinstance(t, str) else 0 for t in kept["text"]]
    return pd.DataFrame(
        {
            "article_id": kept["article_id"].to_numpy(),
            "words": np.asarray(words_per_article, dtype="int64"),
        }
    )


def _per_article(out: pd.DataFrame, matches: pd.DataFrame) -> pd.Series:
    """How many of ``matches`` each article of ``out`` has (0 for none)."""
    return out["article_id"].map(matches.groupby("article_id").size()).fillna(0).astype("int64")


def _category_columns(lex: Lexicon, counted: pd.DataFrame) -> list[tuple[str, str]]:
    """(measure, category) of every column: each measure and category of the lexicon, found or
    not, so every corpus (and every partition of a large one) has the same columns; then any
    other pair found."""
    roles = {"act", "explicit", "salience", "report"}
    if any(k.startswith("act.") for k in lex.keys):
        categories = sorted({k.split(".", 1)[1] for k in lex.keys if k.split(".", 1)[0] in roles})
        pairs = [(m, c) for m in MEASURES for c in categories]
    else:
        pairs = [tuple(k.split(".", 1)) if "." in k else (k, k) for k in lex.keys]
    return pairs + [
        p for p in counted.groupby(["measure", "category"]).size().index if p not in pairs
    ]


def threat_passages(
    articles: pd.DataFrame, threats: pd.DataFrame, *, top: int = 10
) -> pd.DataFrame:
    """The sentences with the most counted threat acts, with their words, speakers and modes,
    strongest first.

    >>> text = "We will attack and destroy them. Calm returned."
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    >>> passages = threat_passages(arts, find_threats(arts))
    >>> passages[["sentence_id", "threat_acts", "matches"]].values.tolist()
    [[0, 2, 'attack; destroy']]
    """
    acts = threats[
        (threats["measure"] == "threat_act") & threats["mode"].isin(["asserted", "conditional"])
    ]
    if acts.empty:
        return pd.DataFrame(
            columns=["article_id", "sentence_id", "threat_acts", "matches", "speakers", "sentence"]
        )
    grouped = (
        acts.groupby(["article_id", "sentence_id"])
        .agg(
            threat_acts=("matched_text", "size"),
            matches=("matched_text", lambda s: "; ".join(s)),
            speakers=(
                "speaker",
                lambda s: "; ".join(sorted({x if isinstance(x, str) else "(article)" for x in s})),
            ),
        )
        .reset_index()
    )
    sents = split_sentences(articles[articles["article_id"].isin(set(grouped["article_id"]))])
    out = grouped.merge(
        sents[["article_id", "sentence_id", "text"]].rename(columns={"text": "sentence"}),
        on=["article_id", "sentence_id"],
        how="left",
    )
    return (
        out.sort_values(["threat_acts", "article_id", "sentence_id"], ascending=[False, True, True])
        .head(top)
        .reset_index(drop=True)
    )


def words_found(threats: pd.DataFrame, *, top: int = 20) -> pd.DataFrame:
    """The words most often found, by measure and mode, each with the lexicon pattern that matched
    it (the words, not the patterns: "coffins" beside ``coffin*``): ``measure``, ``mode``,
    ``words`` (lower-cased), ``term``, ``matches``, most frequent first.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["We will attack. They will attack."]})
    >>> words_found(find_threats(arts))[["words", "term", "matches"]].values.tolist()
    [['attack', 'attack', 2]]
    """
    columns = ["measure", "mode", "words", "term", "matches"]
    if threats.empty:
        return pd.DataFrame(columns=columns)
    found = threats.assign(words=threats["matched_text"].astype(str).str.lower())
    counted = found.groupby(["measure", "mode", "words", "term"]).size().rename("matches")
    return (
        counted.reset_index()
        .sort_values(["matches", "measure", "words"], ascending=[False, True, True])
        .head(top)
        .reset_index(drop=True)[columns]
    )
