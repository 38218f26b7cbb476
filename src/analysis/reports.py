"""Command line entry of ``make report``: load a corpus and print what was loaded.

``python -m analysis.reports [--corpus PATH_OR_GLOB]``
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from . import paths
from .loading import load_articles

__all__ = ["corpus_overview", "main"]


def corpus_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article with what an analyst checks first after loading.

    >>> from analysis import load_articles, paths
    >>> corpus_overview(load_articles(paths.data_dir()))[["article_id", "words", "captions", "boilerplate_lines"]]
                 article_id  words  captions  boilerplate_lines
    0  000_345e2a4f327659b1    832         4                 20
    """
    return pd.DataFrame({
        "article_id": articles["article_id"],
        "outlet": articles["outlet"],
        "published": articles["published"].dt.date,
        "words": articles["word_count"],
        "paragraphs": articles["text"].str.count("\n\n") + 1,
        "captions": articles["captions"].map(len),
        "boilerplate_lines": articles["boilerplate"].map(len),
        "language": articles["language"],
        "duplicate_of": articles["duplicate_of"],
    })


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.reports", description=__doc__)
    parser.add_argument("--corpus", default=None, help="file, folder or glob (default: the data/ folder)")
    parser.add_argument("--lexicon", default=None, help="lexicon file (YAML or .dic)")
    args = parser.parse_args(argv)
    source = args.corpus or str(paths.data_dir())
    articles = load_articles(source)
    rejected = articles.attrs["rejected"]
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_colwidth", 40):
        print(f"Loaded {len(articles)} article(s) from {source}; {len(rejected)} input(s) not loaded.")
        print(corpus_overview(articles).to_string(index=False))
        if len(rejected):
            print("\nNot loaded:")
            print(rejected.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
