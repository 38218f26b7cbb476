"""One very long article: is ``find_attributions`` linear in the size of one article?

Builds single articles of about 1,000, 2,000, 4,000 and 8,000 attributions from the paragraphs
of the PolNeAR train articles (read from ``../shared``, never written anywhere), times
``find_attributions`` on each (one process, best of two) and prints seconds per 1,000
attributions: a flat column means linear growth (issue #14: relay linking was quadratic).

    .venv/bin/python benchmarks/long_article.py
"""

from __future__ import annotations

import sys

import pandas as pd
from corpus import polnear_texts  # benchmarks/corpus.py, beside this script
from timing import fastest

import analysis as an

SIZES = (1000, 2000, 4000, 8000)


def paragraphs() -> list[str]:
    """The distinct body paragraphs of PolNeAR train, in file order."""
    seen, out = set(), []
    for text in polnear_texts(splits=("train",))["text"]:
        for par in text.split("\n\n")[1:]:
            if par not in seen:
                seen.add(par)
                out.append(par)
    return out


def article_of(pars: list[str], per_par: float, target: int) -> str:
    """Paragraphs enough for about ``target`` attributions, in one article."""
    return "\n\n".join(pars[: int(target / per_par) + 1])


def timed(text: str) -> tuple[float, int]:
    frame = pd.DataFrame({"article_id": ["long"], "text": [text]})
    return fastest(lambda: len(an.find_attributions(frame, processes=1)), runs=2)


def main() -> int:
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
