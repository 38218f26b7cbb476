"""The held-out evaluation's own scorer (``../shared/tools/devscore.py``) on the shared dev sets,
with floors a little under the figures the README reports: a change that loses accuracy fails here.

The figures themselves come from running the scorer (``python ../shared/tools/devscore.py``); these
floors only guard them. The scorer is imported from ../shared; the test skips when it is absent.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from .conftest import load_devscore, shared_path


@pytest.fixture(scope="module")
def devscore():
    return load_devscore()


def _config(devscore):
    """The scorer's default options (its command line with no arguments)."""
    wikinews = devscore.DEVSETS / "wikinews_dev"
    return SimpleNamespace(
        split="dev",
        misses=0,
        wikinews_articles=wikinews / "articles.jsonl",
        wikinews_gold=wikinews / "gold.jsonl",
    )


def test_wikinews_dev_floors(devscore):
    shared_path("devsets", "wikinews_dev", "gold.jsonl")
    res = devscore.score_wikinews_dev(devscore.Product(), _config(devscore))
    assert res["detection"]["recall"] >= 0.89 and res["detection"]["precision"] >= 0.92
    assert res["type_accuracy_on_matched"] >= 0.92
    assert res["threat_sentences"]["f1"] >= 0.90
    assert res["threat_phrase_recall"]["threat_act"] >= 0.85


def test_polnear_dev_floors(devscore):
    shared_path("devsets", "polnear", "dev.jsonl")
    res = devscore.score_polnear(devscore.Product(), _config(devscore))
    assert res["recall_by_cue"]["speech"]["recall"] >= 0.91


def test_seed_all_required(devscore):
    res = devscore.score_seed(devscore.Product(), _config(devscore))
    assert res["required"]["recall"] == 1.0 and res["required"]["type_accuracy_on_matched"] == 1.0
