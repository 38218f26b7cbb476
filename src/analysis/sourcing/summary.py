"""Summaries: per-article counts and shares by source type, relied-on types, the article's own
voice."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..loading import analysable, rows_by_article, rows_of
from ..text import WORD_RE
from .extract import find_attributions
from .source_types import SOURCE_TYPES


def sourcing_summary(
    articles: pd.DataFrame,
    *,
    attributions: pd.DataFrame | None = None,
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """One row per article: attributions, counts and shares per source type, distinct sources, own
    voice.

    A relayed attribution counts toward the type of the source the article relies on (the
    outermost one) and is also listed by its own type in ``relayed_<type>``. ``named_sources``
    and ``anonymous_sources`` count distinct sources; ``unattributed_share`` is the share of body
    words in no attribution's content (the article's own voice). Duplicates and other languages
    are left out and listed in ``attrs["excluded"]``.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "Officials said the talks failed. “We will not accept,” Salami said. "
    ...     "Salami said it again. The end came."]})
    >>> s = sourcing_summary(arts)
    >>> cols = ["attributions", "anonymous", "named_person", "named_sources", "anonymous_sources"]
    >>> s[cols].to_dict("records")
    [{'attributions': 3, 'anonymous': 1, 'named_person': 2, 'named_sources': 1,
      'anonymous_sources': 1}]
    """
    kept, excluded = analysable(articles, include_duplicates=include_duplicates)
    if attributions is None:
        attributions = find_attributions(kept)
    at = with_relied_type(rows_of(attributions, kept))
    out = pd.DataFrame({"article_id": kept["article_id"].to_numpy()})
    ids = out["article_id"]
    out["attributions"] = (
        ids.map(at.groupby("article_id", sort=False).size()).fillna(0).astype("int64")
    )
    relied = _per_article(at[["article_id", "relied_type"]], "relied_type")
    for t in SOURCE_TYPES:
        out[t] = _counts(ids, relied, t)
    for t in SOURCE_TYPES:
        out[f"{t}_share"] = (out[t] / out["attributions"].where(out["attributions"] > 0)).round(4)
    relayed = _per_article(
        at.loc[at["is_relayed"].to_numpy(), ["article_id", "source_type"]], "source_type"
    )
    for t in SOURCE_TYPES:
        out[f"relayed_{t}"] = _counts(ids, relayed, t)
    named = at.loc[(at["source_type"] == "named_person").to_numpy(), ["article_id", "speaker_name"]]
    out["named_sources"] = (
        ids.map(named.groupby("article_id")["speaker_name"].nunique()).fillna(0).astype("int64")
    )
    anon = at.loc[(at["source_type"] == "anonymous").to_numpy(), ["article_id", "speaker"]]
    anon = anon.assign(
        key=anon["speaker"].str.lower().str.replace(r"^(the|a|an)\s+", "", regex=True)
    )
    out["anonymous_sources"] = (
        ids.map(anon.groupby("article_id")["key"].nunique()).fillna(0).astype("int64")
    )
    out["unattributed_share"] = _unattributed_shares(kept, at)
    out.attrs["excluded"] = excluded
    return out


def _per_article(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows per article and value of ``column``: one grouping per table, over the two columns it
    needs (a filter per type copied every column)."""
    return rows.groupby(["article_id", column], sort=False).size().unstack(fill_value=0)


def _counts(ids: pd.Series, table: pd.DataFrame, column: str) -> pd.Series:
    """The count of ``column`` in ``table`` for each article of ``ids`` (0 when absent)."""
    if column not in table.columns:
        return pd.Series(0, index=ids.index, dtype="int64")
    return ids.map(table[column]).fillna(0).astype("int64")


def with_relied_type(attributions: pd.DataFrame) -> pd.DataFrame:
    """A copy with ``relied_type`` (the type of the outermost source the article relies on,
    following ``relayed_via``) and ``is_relayed``.

    >>> at = pd.DataFrame({"article_id": ["a", "a"], "attribution_id": [0, 1],
    ...                    "relayed_via": [1, None], "source_type": ["named_person", "media"]})
    >>> with_relied_type(at)[["relied_type", "is_relayed"]].values.tolist()
    [['media', True], ['media', False]]
    """
    # vectorised: each row's parent row found by one index lookup, chains followed a step at a
    # time for all rows together (a per-row walk over namedtuples cost hundreds of MB on large
    # corpora)
    n = len(attributions)
    relayed = pd.to_numeric(attributions["relayed_via"], errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )
    is_relayed = ~np.isnan(relayed)
    # the few distinct type strings, shared by every row (not a new Python string per row)
    type_codes, type_names = pd.factorize(attributions["source_type"])
    types = np.append(np.asarray(type_names, dtype=object), None)[
        type_codes
    ]  # code -1 (missing): None
    position = np.arange(n)
    if is_relayed.any():
        position = _outermost(_parent_rows(attributions, relayed, is_relayed), position)
    return attributions.assign(
        relied_type=pd.Series(types[position], index=attributions.index, dtype="object"),
        is_relayed=is_relayed,
    )


def _parent_rows(
    attributions: pd.DataFrame, relayed: np.ndarray, is_relayed: np.ndarray
) -> np.ndarray:
    """The row each row is relayed through, by one index lookup; -1: not relayed, or relayed
    outside the frame."""
    n = len(attributions)
    # one integer key per (article, attribution): article codes, not article strings, so no
    # Python string is made per row
    codes = pd.factorize(attributions["article_id"])[0].astype("int64")
    ids = pd.to_numeric(attributions["attribution_id"], errors="coerce").to_numpy(
        dtype="float64", na_value=-1
    )
    span = int(max(np.nanmax(ids, initial=0), np.nanmax(relayed, initial=0))) + 2
    own = pd.Index(codes * span + ids.astype("int64"))
    wanted = codes * span + np.where(is_relayed, relayed, -1).astype("int64")
    positions = np.arange(n)
    if not own.is_unique:
        # a malformed frame repeating an (article, attribution) pair: the last one counts
        last = ~own.duplicated(keep="last")
        own, positions = own[last], positions[last]
    found = own.get_indexer(wanted)
    parent = np.where(found >= 0, positions[found], -1)
    parent[~is_relayed] = -1
    return parent


def _outermost(parent: np.ndarray, position: np.ndarray) -> np.ndarray:
    """The end of each row's chain of parents, a step at a time for all rows together."""
    current = position.copy()
    for _ in range(32):
        step = parent[current]
        moving = step >= 0
        if not moving.any():
            break
        current[moving] = step[moving]
    else:  # still moving after 32 steps: a cycle (or a very long chain); walk those rows one by one
        for row in np.flatnonzero(parent[current] >= 0):
            cur, seen = row, set()
            while parent[cur] >= 0 and cur not in seen:
                seen.add(cur)
                cur = parent[cur]
            current[row] = cur
    return current


def _unattributed_shares(kept: pd.DataFrame, at: pd.DataFrame) -> list[float]:
    """``_unattributed_share`` of every article of ``kept``, with the content spans of ``at``.

    Spans are taken article by article through integer codes, so only one article's spans are Python
    objects at a time (a table of every span cost hundreds of MB at 100,000 articles)."""
    ids = pd.Index(kept["article_id"]).unique()
    rows, first, last = rows_by_article(at, ids)
    starts = at["content_start"].to_numpy(dtype="int64")[rows]
    ends = at["content_end"].to_numpy(dtype="int64")[rows]
    shares = []
    for code, text in zip(ids.get_indexer(kept["article_id"]).tolist(), kept["text"]):
        lo, hi = int(first[code]), int(last[code])
        spans = list(zip(starts[lo:hi].tolist(), ends[lo:hi].tolist()))
        shares.append(_unattributed_share(text if isinstance(text, str) else "", spans))
    return shares


def _unattributed_share(text: str, spans: Iterable[tuple[int, int]]) -> float:
    """Share of the body's words outside every attribution's content (the article's own voice).

    >>> _unattributed_share("one two three four", [(4, 13)])
    0.5
    """
    total = len(WORD_RE.findall(text))
    if not total:
        return 0.0
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    inside = sum(len(WORD_RE.findall(text, a, b)) for a, b in merged)
    return round(1 - min(inside, total) / total, 4)


def shares_by_group(
    articles: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    by: str = "outlet",
    min_attributions: int = 20,
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """Shares of each source type per outlet (or any article column ``by``), by the source the
    article relies on, with n, N, the number of articles and a 95% Wilson interval: the table
    behind "which outlet leans on anonymous sources?". Groups with fewer than
    ``min_attributions`` attributions are left out and listed in ``attrs["too_small"]``
    (group -> N), so that a share of 2 out of 3 is never set beside one of 200 out of 600.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "text": [
    ...     "Officials said the talks failed. Salami said it again.",
    ...     "Sources said the plan was ready."]})
    >>> t = shares_by_group(arts, find_attributions(arts), min_attributions=1)
    >>> t[t["source_type"] == "anonymous"][["outlet", "n", "N", "share"]].values.tolist()
    [['X', 1, 2, 0.5], ['Y', 1, 1, 1.0]]
    """
    from ..checks import check_number, check_text
    from ..stats import share_table

    check_text("by", by)
    check_number("min_attributions", min_attributions, low=0, integer=True)
    if by not in articles.columns:
        raise ValueError(f"articles have no column {by!r} to group by")
    kept, _excluded = analysable(articles, include_duplicates=include_duplicates)
    at = with_relied_type(rows_of(attributions, kept))
    groups = kept[["article_id", by]].dropna()
    merged = at[["article_id", "relied_type"]].merge(groups, on="article_id")
    rows, too_small = [], {}
    for group, part in merged.groupby(by, sort=True):
        total = len(part)
        if total < min_attributions:
            too_small[group] = total
            continue
        counts = part["relied_type"].value_counts().reindex(list(SOURCE_TYPES), fill_value=0)
        table = share_table(counts, label="source_type")
        table["share"] = [round(x, 4) for x in table["share"]]
        rows.append(table.assign(articles=int(part["article_id"].nunique())).assign(**{by: group}))
    columns = [by, "source_type", "n", "N", "articles", "share", "ci_low", "ci_high"]
    out = pd.concat(rows, ignore_index=True)[columns] if rows else pd.DataFrame(columns=columns)
    out.attrs["too_small"] = too_small
    out.attrs["min_attributions"] = min_attributions
    return out
