"""One very long article: is ``find_attributions`` linear in the size of one article?

Builds single articles of about 1,000, 2,000, 4,000 and 8,000 attributions from the paragraphs
of the PolNeAR train articles (read from ``../shared``, never written anywhere), times
``find_attributions`` on each (one process, best of two) and prints seconds per 1,000
attributions: a flat column means linear growth (issue #14: relay linking was quadratic).

    .venv/bin/python benchmarks/long_article.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pandas as pd

import analysis as an

TRAIN = (
    Path(__file__).resolve().parents[1].parent / "shared" / "devsets" / "polnear" / "train.jsonl"
)
SIZES = (1000, 2000, 4000, 8000)


def paragraphs() -> list[str]:
    """The distinct body paragraphs of PolNeAR train, in file order."""
    seen, out = set(), []
    for line in TRAIN.read_text(encoding="utf-8").splitlines():
        for par in json.loads(line)["text"].split("\n\n")[1:]:
            if par not in seen:
                seen.add(par)
                out.append(par)
    return out


def article_of(pars: list[str], per_par: float, target: int) -> str:
    """Paragraphs enough for about ``target`` attributions, in one article."""
    return "\n\n".join(pars[: int(target / per_par) + 1])


def timed(text: str) -> tuple[float, int]:
    frame = pd.DataFrame({"article_id": ["long"], "text": [text]})
    best, n = float("inf"), 0
    for _ in range(2):
        t0 = time.perf_counter()
        n = len(an.find_attributions(frame, processes=1))
        best = min(best, time.perf_counter() - t0)
    return best, n


def main() -> int:
    if not TRAIN.exists():
        print(f"{TRAIN} is absent: the team's shared/ folder is not beside this checkout")
        return 1
    pars = paragraphs()
    sample = "\n\n".join(pars[:400])
    per_par = len(an.find_attributions(pd.DataFrame({"article_id": ["s"], "text": [sample]}))) / 400
    print("| attributions | characters | seconds | seconds per 1,000 attributions |")
    print("|---:|---:|---:|---:|")
    for target in SIZES:
        text = article_of(pars, per_par, target)
        seconds, n = timed(text)
        print(f"| {n:,} | {len(text):,} | {seconds:.2f} | {1000 * seconds / max(n, 1):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
