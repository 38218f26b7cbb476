"""A corpus beyond memory: threats and attributions for N articles on a local Dask cluster,
bounded RSS.

Builds a Parquet corpus of N articles (replicas of the distinct PolNeAR texts in
``../shared/devsets/polnear/``, each with its own id; nothing is cached on text) in ``--workdir``,
one file per 10,000 articles, then runs ``analysis.scale.threats_and_attributions`` on every
partition with ``--workers`` worker processes and writes one summary row per article to Parquet.
A sampling thread records the peak resident memory of this process and all its children (the
scheduler and the workers).

Usage: ``python benchmarks/million.py --articles 1000000 --workdir /tmp/million``
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
from corpus import polnear_texts  # benchmarks/corpus.py, beside this script

from analysis.scale import map_articles, threats_and_attributions

PER_FILE = 10_000


def build_corpus(n: int, folder: Path) -> int:
    texts = polnear_texts()["text"].tolist()
    folder.mkdir(parents=True, exist_ok=True)
    done = 0
    for f in range(0, n, PER_FILE):
        path = folder / f"part-{f // PER_FILE:05d}.parquet"
        rows = min(PER_FILE, n - f)
        if not path.exists():
            pd.DataFrame(
                {
                    "article_id": [f"a{f + k:07d}" for k in range(rows)],
                    "text": [texts[(f + k) % len(texts)] for k in range(rows)],
                }
            ).to_parquet(path)
        done += rows
    return done


class PeakRSS(threading.Thread):
    def __init__(self, interval: float = 0.5):
        super().__init__(daemon=True)
        self.interval, self.peak, self._halt = interval, 0, threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._halt.is_set():
            total = 0
            for p in [me] + me.children(recursive=True):
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._halt.wait(self.interval)

    def stop(self) -> int:
        self._halt.set()
        self.join()
        return self.peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--workdir", default="/tmp/analysis-million")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--memory-limit", default="1.5GB", help="per worker (Dask spills or restarts past it)"
    )
    args = parser.parse_args(argv)

    import os

    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    os.environ["ANALYSIS_PROGRESS"] = (
        "0"  # the workers inherit it: no progress bars from inside partitions
    )

    work = Path(args.workdir)
    t0 = time.perf_counter()
    n = build_corpus(args.articles, work / "corpus")
    t_build = time.perf_counter() - t0
    out = work / "summary"
    shutil.rmtree(out, ignore_errors=True)
    monitor = PeakRSS()
    monitor.start()
    with (
        LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=args.memory_limit,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster,
        Client(cluster),
    ):
        ddf = dd.read_parquet(sorted((work / "corpus").glob("part-*.parquet")))
        t1 = time.perf_counter()
        map_articles(ddf, threats_and_attributions).to_parquet(out)
        seconds = time.perf_counter() - t1
    peak = monitor.stop()
    summary = dd.read_parquet(out)
    rows = len(summary)
    totals = summary[["threat_act", "attributions"]].sum().compute()
    print(
        f"{n:,} articles ({t_build:.0f} s to build the corpus), {args.workers} workers, "
        f"{psutil.cpu_count()} cores: {seconds:.0f} s, {n / seconds:,.0f} articles/s; "
        f"peak RSS {peak / 2**30:.2f} GiB; {rows:,} summary rows, "
        f"{int(totals['threat_act']):,} threat acts, {int(totals['attributions']):,} attributions"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
