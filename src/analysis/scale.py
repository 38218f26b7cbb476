"""Corpora beyond memory: the same helpers, applied per partition of a ``dask.dataframe``.

Each article lives in one partition, and every public step is per article, so applying a step to
each partition gives exactly what pandas gives on the whole corpus (``tests/test_scale.py`` checks
this on a local cluster with two workers).

>>> import pandas as pd, dask.dataframe as dd
>>> import analysis as an
>>> arts = pd.DataFrame(
...     {"article_id": ["a", "b"], "text": ["Iran vowed revenge.", "The militia will attack."]}
... )
>>> ddf = dd.from_pandas(arts, npartitions=2)
>>> threats = map_articles(ddf, an.find_threats).compute()
>>> threats[["article_id", "matched_text", "measure"]].values.tolist()
[['a', 'revenge', 'threat_act'], ['b', 'attack', 'threat_act']]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

__all__ = ["map_articles", "threats_and_attributions"]


def map_articles(
    ddf: Any, func: Callable[..., pd.DataFrame], *, meta: pd.DataFrame | None = None, **kwargs: Any
) -> Any:
    """Apply ``func`` (``find_threats``, ``find_attributions``, ``threat_summary``, ...) to every
    partition.

    ``meta`` (the empty frame dask needs to know the result's columns) is computed by calling
    ``func`` on an empty partition when it is not given. Keyword arguments go to ``func``.
    """
    if meta is None:
        meta = _plain(func(ddf._meta.iloc[:0].copy(), **kwargs)).iloc[:0]
    return ddf.map_partitions(lambda part: _plain(func(part, **kwargs)), meta=meta)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    # frames whose attrs hold frames (rejections, skipped articles) cannot be concatenated by pandas
    frame = frame.reset_index(drop=True)
    frame.attrs = {}
    if "article_id" in frame:
        # a typed id column, so that dask (and Parquet) know the schema before any partition is
        # computed
        frame["article_id"] = frame["article_id"].astype("string")
    return frame


def threats_and_attributions(part: pd.DataFrame, *, lexicon: Any = None) -> pd.DataFrame:
    """Per partition: attributions once, then threats with speakers, summarised per article.

    The result has one row per article (``threat_summary`` with ``attributions``, ``named_sources``,
    ``anonymous_sources`` and ``unattributed_share`` from ``sourcing_summary``), small enough to
    collect for a corpus of millions.
    """
    from .rhetoric import find_threats, threat_summary
    from .sourcing import find_attributions, sourcing_summary

    attributions = find_attributions(part)
    threats = find_threats(part, lexicon=lexicon, attributions=attributions)
    summary = threat_summary(part, threats=threats, include_duplicates=True)
    sources = sourcing_summary(part, attributions=attributions, include_duplicates=True)
    keep = [
        "article_id",
        "attributions",
        "named_sources",
        "anonymous_sources",
        "unattributed_share",
    ]
    return summary.merge(sources[keep], on="article_id", how="left")
