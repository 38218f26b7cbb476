"""Dask: the helpers applied per partition on a local two-worker cluster give what pandas gives."""

import pandas as pd
import pytest

import analysis as an
from analysis.scale import map_articles, threats_and_attributions

from .conftest import shared_path

dd = pytest.importorskip("dask.dataframe", reason="dask is not installed")
distributed = pytest.importorskip("distributed", reason="distributed is not installed")


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def same(a: pd.DataFrame, b: pd.DataFrame, keys: list[str]) -> None:
    a = a.sort_values(keys).reset_index(drop=True)
    b = b.sort_values(keys).reset_index(drop=True)[a.columns]
    # dask's concatenation turns missing values of object columns from None into NaN: compare values
    a, b = (x.astype(object).where(x.notna(), None) for x in (a, b))
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_dask_equals_pandas_on_real_articles(client, tmp_path):
    articles = an.load_articles(shared_path("data", "articles.jsonl"))[
        ["article_id", "text", "outlet"]
    ]
    articles.attrs.clear()  # attrs holding frames cannot go into Parquet metadata
    articles.to_parquet(tmp_path / "corpus.parquet")
    ddf = dd.read_parquet(tmp_path / "corpus.parquet").repartition(npartitions=4)

    at_dask = map_articles(ddf, an.find_attributions).compute()
    at_pandas = an.find_attributions(articles)
    same(at_pandas, at_dask, ["article_id", "attribution_id"])

    th_dask = map_articles(ddf, an.find_threats).compute()
    same(an.find_threats(articles), th_dask, ["article_id", "start", "end", "term"])

    summary_dask = map_articles(ddf, threats_and_attributions).compute()
    summary_pandas = threats_and_attributions(articles)
    same(summary_pandas, summary_dask, ["article_id"])
    assert len(summary_dask) == 20
