"""Where find_attributions spends its time: seconds per stage of the article pass, one process.

The PolNeAR train articles (distinct texts, read from ``../shared``) go through
``find_attributions(processes=1)`` once to warm up, then once timed, with every stage wrapped in a
timer (the memos are cleared first, so the timed run is cold). Stages nest: ``_finish`` holds the
name registry, surnames, speaker typing and coreference.

    .venv/bin/python benchmarks/stages.py
"""

from __future__ import annotations

import functools
import sys
import time

from corpus import polnear_texts  # benchmarks/corpus.py, beside this script

import analysis as an
from analysis.sourcing import extract, source_types, speaker_np
from analysis.text import clear_sentence_cache

EXTRACT_STAGES = ("_sentences", "_sentence_attributions", "with_continuations", "_finish")
FINISH_STAGES = (
    "_register_surnames",
    "register_text_names",
    "_type_speakers",
    "resolve_descriptors",
    "person_mentions",
    "resolve_pronouns",
    "_link_relays",
)


def _wrap(module, name: str, seconds: dict[str, float]) -> None:
    inner = getattr(module, name)

    @functools.wraps(inner)
    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - t0

    setattr(module, name, timed)


def main() -> int:
    articles = an.load_articles(polnear_texts(splits=("train",))[["article_id", "text"]])
    seconds: dict[str, float] = {}
    for name in EXTRACT_STAGES:
        _wrap(extract, name, seconds)
    for name in FINISH_STAGES:
        _wrap(source_types, name, seconds)
    an.find_attributions(articles, processes=1)
    seconds.clear()
    speaker_np.clear_memo()
    clear_sentence_cache()
    t0 = time.perf_counter()
    an.find_attributions(articles, processes=1)
    total = time.perf_counter() - t0
    print(f"{len(articles)} articles, find_attributions {total:.3f} s on one process")
    for name, s in sorted(seconds.items(), key=lambda kv: -kv[1]):
        print(f"  {name:26s} {s:6.3f} s  {s / total:5.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
