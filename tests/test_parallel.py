"""Chunks in worker processes give the same frames as one pass."""

import pandas as pd

import analysis as an
from analysis import parallel

from .conftest import shared_path


def test_parallel_steps_equal_serial(monkeypatch):
    corpus = an.load_articles(shared_path("devsets", "polnear", "dev.jsonl"))[
        ["article_id", "text"]
    ]
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 10)  # small corpus, forced into two workers
    counts_serial = an.lexicon.lexicon_counts(corpus, processes=1)
    monkeypatch.setattr(parallel, "CHUNK", 25)
    serial_at = an.find_attributions(corpus, processes=1)
    par_at = an.find_attributions(corpus, processes=2)
    pd.testing.assert_frame_equal(serial_at, par_at)
    serial_th = an.find_threats(corpus, attributions=serial_at, processes=1)
    par_th = an.find_threats(corpus, attributions=serial_at, processes=2)
    pd.testing.assert_frame_equal(serial_th, par_th)
    from functools import partial

    import numpy as np

    from analysis.lexicon import _count_arrays, _counts_frame, load_lexicon

    lex = load_lexicon()
    parts = parallel.map_chunks(
        partial(_count_arrays, lex=lex), corpus, processes=2, min_articles=10
    )
    assert len(parts) > 1
    chunked = _counts_frame(
        corpus["article_id"].to_numpy(),
        lex.keys,
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
    )
    pd.testing.assert_frame_equal(counts_serial, chunked)
    assert (
        par_at.attrs["skipped"].empty
        and par_th.attrs["lexicon_sha256"] == serial_th.attrs["lexicon_sha256"]
    )


def test_parallel_loading_equals_serial(monkeypatch, tmp_path):
    import json

    rows = [
        json.loads(line)
        for line in shared_path("devsets", "polnear", "dev.jsonl").open(encoding="utf-8")
    ]
    path = tmp_path / "c.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": r["id"], "text": r["text"], "date": r["date"]}) for r in rows)
        + "\n{broken\n",
        encoding="utf-8",
    )
    serial = an.load_articles(path)
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 10)
    monkeypatch.setattr(parallel, "CHUNK", 20)
    monkeypatch.setenv("ANALYSIS_PROCESSES", "2")
    par = an.load_articles(path)
    pd.testing.assert_frame_equal(
        serial.drop(columns=["captions", "boilerplate"]),
        par.drop(columns=["captions", "boilerplate"]),
    )
    assert serial["captions"].tolist() == par["captions"].tolist()
    pd.testing.assert_frame_equal(serial.attrs["rejected"], par.attrs["rejected"])
    assert par.attrs["rejected"]["line"].tolist() == [len(rows) + 1]
