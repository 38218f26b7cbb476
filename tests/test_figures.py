"""save_figure: PNG and SVG byte-for-byte reproducible across processes, with the plotted numbers as
CSV."""

import subprocess
import sys

import pytest

import analysis as an
from analysis import plotting

from .conftest import shared_path

SCRIPT = """
import sys, pandas as pd, matplotlib.pyplot as plt
import analysis as an
fig, ax = plt.subplots()
ax.bar(["threat acts", "salience", "violence"], [18.0, 7.2, 16.8])
ax.set_title("Threat language (N = 1 article)")
data = pd.DataFrame({"measure": ["threat_act"], "per_1k": [18.0]})
an.save_figure(fig, "fig", data=data, folder=sys.argv[1])
"""


def test_save_figure_twice_in_separate_processes_gives_the_same_bytes(tmp_path):
    for run in ("a", "b"):
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / run)], check=True)
    for suffix in (".png", ".svg", ".csv"):
        a = (tmp_path / "a" / f"fig{suffix}").read_bytes()
        b = (tmp_path / "b" / f"fig{suffix}").read_bytes()
        assert a == b, suffix
    svg = (tmp_path / "a" / "fig.svg").read_text()
    assert "<dc:date>" not in svg
    assert b"Software" not in (tmp_path / "a" / "fig.png").read_bytes()
    csv = (tmp_path / "a" / "fig.csv").read_text()
    assert csv.startswith("# analysis_version: ")


def test_anonymous_share_by_outlet_on_the_shared_articles():
    # ../shared/data: 20 real articles of two outlets (read at test time, not copied)
    arts = an.load_articles(shared_path("data", "articles.jsonl"))
    at = an.find_attributions(arts)
    table = an.sourcing.shares_by_group(arts, at, by="outlet", min_attributions=20)
    assert set(table["outlet"]) == set(arts["outlet"].dropna())
    for _outlet, part in table.groupby("outlet"):
        assert part["n"].sum() == part["N"].iloc[0]  # the types of one outlet add up to its N
        assert (part["ci_low"] <= part["share"]).all() and (part["share"] <= part["ci_high"]).all()
    drawn = plotting.source_share_by_group(table, source_type="anonymous")
    assert drawn is not None
    fig, data = drawn
    assert len(data) == 2 and "at least 20 attributions" in fig.axes[0].get_title(loc="left")
    # a threshold no outlet reaches: every outlet is listed as too small, and nothing is drawn
    none = an.sourcing.shares_by_group(arts, at, by="outlet", min_attributions=10_000)
    assert none.empty and set(none.attrs["too_small"]) == set(table["outlet"])
    assert plotting.source_share_by_group(none) is None


def test_by_outlet_needs_the_column(example_articles):
    at = an.find_attributions(example_articles)
    with pytest.raises(ValueError, match="no column 'desk'"):
        an.sourcing.shares_by_group(example_articles, at, by="desk")
