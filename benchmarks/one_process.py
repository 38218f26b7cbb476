"""find_attributions and find_threats on one process, against the regex pass, for comparing commits.

The PolNeAR train articles (distinct texts, read from ``../shared``) are loaded once; each step is
timed as the best of two runs on one process (``processes=1``), so two checkouts compare without
the worker pool's variance. To time another commit's code, put its ``src`` first on the path:

    git worktree add /tmp/base 9368674
    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/one_process.py
    .venv/bin/python benchmarks/one_process.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pandas as pd

import analysis as an
from analysis.text import WORD_RE

TRAIN = (
    Path(__file__).resolve().parents[1].parent / "shared" / "devsets" / "polnear" / "train.jsonl"
)


def best(step, runs: int = 2):
    """(seconds of the fastest run, what the step returned)."""
    fastest, out = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = step()
        fastest = min(fastest, time.perf_counter() - t0)
    return fastest, out


def main() -> int:
    if not TRAIN.exists():
        print(f"{TRAIN} is absent: the team's shared/ folder is not beside this checkout")
        return 1
    texts = list(dict.fromkeys(json.loads(x)["text"] for x in TRAIN.read_text().splitlines()))
    frame = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "text": texts})
    articles = an.load_articles(frame)
    regex, _ = best(lambda: [WORD_RE.findall(t) for t in articles["text"]])
    found, at = best(lambda: an.find_attributions(articles, processes=1))
    threats, _ = best(lambda: an.find_threats(articles, attributions=at, processes=1))
    print(
        f"{an.__file__}: {len(articles)} articles, regex pass {regex:.3f} s, "
        f"find_attributions {found:.3f} s = {found / regex:.1f}x, "
        f"find_threats {threats:.3f} s = {threats / regex:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
