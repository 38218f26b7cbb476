"""find_attributions and find_threats on one process, against the regex pass, for comparing commits.

The PolNeAR train articles (distinct texts, read from ``../shared``) are loaded once; each step is
timed as the best of two runs on one process (``processes=1``), so two checkouts compare without
the worker pool's variance. To time another commit's code, put its ``src`` first on the path:

    git worktree add /tmp/base 9368674
    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/one_process.py
    .venv/bin/python benchmarks/one_process.py
"""

from __future__ import annotations

import sys

from corpus import polnear_texts  # benchmarks/corpus.py, beside this script
from timing import fastest

import analysis as an
from analysis.text import WORD_RE


def main() -> int:
    articles = an.load_articles(polnear_texts(splits=("train",))[["article_id", "text"]])
    regex, _ = fastest(lambda: [WORD_RE.findall(t) for t in articles["text"]], runs=2)
    found, at = fastest(lambda: an.find_attributions(articles, processes=1), runs=2)
    threats, _ = fastest(lambda: an.find_threats(articles, attributions=at, processes=1), runs=2)
    print(
        f"{an.__file__}: {len(articles)} articles, regex pass {regex:.3f} s, "
        f"find_attributions {found:.3f} s = {found / regex:.1f}x, "
        f"find_threats {threats:.3f} s = {threats / regex:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
