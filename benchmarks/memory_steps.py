"""Where the pipeline's memory goes: resident memory after each step, and bytes per row of each
column.

The growth benchmark (``run.py --growth``) gives one figure, the peak memory the pipeline adds; this
script says which step adds it, to find the next thing to fix. Replicas of the PolNeAR articles with
distinct ids (as in ``run.py``); RSS of this process after a garbage collection, after each step:
find_attributions (workers included, their results collected here), find_threats, threat_summary,
sourcing_summary.

Usage: ``python benchmarks/memory_steps.py [--articles 10000]``
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

import pandas as pd
import psutil

os.environ.setdefault("ANALYSIS_PROGRESS", "0")

from corpus import polnear_texts  # noqa: E402  (benchmarks/corpus.py, beside this script)

import analysis as an  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    corpus = polnear_texts()
    an.find_threats(
        corpus.head(20), attributions=an.find_attributions(corpus.head(20))
    )  # one-off loads
    reps = -(-args.articles // len(corpus))
    frame = pd.concat(
        [
            corpus[["article_id", "text"]].assign(article_id=corpus["article_id"] + f"~{k}")
            for k in range(reps)
        ],
        ignore_index=True,
    ).head(args.articles)
    text_mb = sum(len(t.encode("utf-8")) for t in frame["text"]) / 1e6
    proc = psutil.Process()
    gc.collect()
    base = proc.memory_info().rss

    def added() -> float:
        gc.collect()
        return (proc.memory_info().rss - base) / 1e6

    print(f"{len(frame):,} articles, {text_mb:.0f} MB of text; RSS added after each step (MB):")
    attributions = an.find_attributions(frame)
    print(f"  find_attributions  {added():7.0f}   ({len(attributions):,} rows)")
    threats = an.find_threats(frame, attributions=attributions)
    print(f"  find_threats       {added():7.0f}   ({len(threats):,} rows)")
    an.threat_summary(frame, threats=threats)
    print(f"  threat_summary     {added():7.0f}")
    an.sourcing_summary(frame, attributions=attributions)
    print(f"  sourcing_summary   {added():7.0f}")
    for name, table in (("attributions", attributions), ("threats", threats)):
        per_row = table.memory_usage(deep=True).drop("Index") / max(1, len(table))
        print(
            f"{name}: {per_row.sum():.0f} bytes per row (deep; None counted each time), by column:"
        )
        print("  " + ", ".join(f"{c} {v:.0f}" for c, v in per_row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
