"""Large corpora on all cores: a step applied to chunks of articles in worker processes.

Every public step works article by article, so chunks processed apart and concatenated give the same
frame as one pass (``tests/test_parallel.py`` checks it). Inputs under 600 articles stay in one
process: starting workers costs more than it saves. ``ANALYSIS_PROCESSES`` (or the ``processes``
argument) sets the number of workers; ``ANALYSIS_PROCESSES=1`` keeps everything in one process.
Workers are forked (they inherit their job); where fork does not exist (Windows) every step runs in
one process.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")
MIN_ARTICLES = 600
CHUNK = 500


def workers(processes: int | None, n: int, *, min_articles: int | None = None) -> int:
    """How many processes to use for ``n`` articles (1 means: stay in this process)."""
    if processes is None:
        env = os.environ.get("ANALYSIS_PROCESSES")
        processes = int(env) if env else (os.cpu_count() or 1)
    if processes <= 1 or n < (min_articles or MIN_ARTICLES):
        return 1
    if multiprocessing.current_process().daemon:
        # inside a Dask worker (or any daemon process): no children allowed, one per worker anyway
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return (
            1  # Windows: the workers inherit their job by fork, so without it everything runs here
        )
    return processes


def map_chunks(
    func: Callable[[pd.DataFrame], T],
    frame: pd.DataFrame,
    *,
    processes: int | None = None,
    chunk: int | None = None,
    min_articles: int | None = None,
) -> list[T]:
    """``[func(chunk) for chunk in frame]``, in worker processes when the frame is large.

    >>> frame = pd.DataFrame({"x": range(10)})
    >>> [len(part) for part in map_chunks(lambda f: f, frame, chunk=4)]
    [10]
    """
    n = len(frame)
    count = workers(processes, n, min_articles=min_articles)
    if count == 1:
        return [func(frame)]
    if chunk:
        bounds = list(range(0, n, chunk)) + [n]
    elif "text" in frame.columns:
        bounds = _bounds_by_length(frame["text"], count)
    else:
        size = _balanced(n, count)
        bounds = list(range(0, n, size)) + [n]
    parts = [frame.iloc[a:b] for a, b in zip(bounds, bounds[1:])]
    return _fork_map(
        func,
        parts,
        count,
        costs=[b - a for a, b in zip(bounds, bounds[1:])]
        if chunk or "text" not in frame.columns
        else None,
    )


def _bounds_by_length(texts: pd.Series, count: int) -> list[int]:
    """Chunk boundaries holding about equal amounts of text (work grows with text, not with
    articles): at least eight chunks per worker, so that the last ones finish together, and about
    ``CHUNK`` articles at most, so that what a worker holds at once stays small on large corpora."""
    lengths = texts.str.len().fillna(0).to_numpy(dtype="float64")
    total = lengths.sum()
    n = len(lengths)
    pieces = max(1, min(max(count * 8, -(-n // CHUNK)), n // 20))
    if total <= 0 or pieces == 1:
        return [0, n]
    cumulative = lengths.cumsum()
    targets = [total * k / pieces for k in range(1, pieces)]
    inner = sorted({int(i) + 1 for i in np.searchsorted(cumulative, targets) if 0 < int(i) + 1 < n})
    return [0, *inner, n]


def map_list(
    func: Callable[[list], T],
    items: list,
    *,
    processes: int | None = None,
    chunk: int | None = None,
    min_items: int | None = None,
) -> list[T]:
    """``[func(chunk) for chunk in items]`` in worker processes (the list version of
    ``map_chunks``); lists shorter than ``min_items`` (default ``MIN_ARTICLES``) stay in this
    process.

    >>> map_list(len, list(range(10)), chunk=4)
    [10]
    """
    count = workers(processes, len(items), min_articles=min_items)
    chunk = chunk or _balanced(len(items), count)
    if count == 1:
        return [func(items)]
    return _fork_map(func, [items[k : k + chunk] for k in range(0, len(items), chunk)], count)


# What every worker would otherwise load on its own at each call (the sentence splitter's model,
# lemminflect's tables, the lexicons): loaded once in this process before the first fork, so that
# the workers inherit it, as they inherit their job.
_WARM_UPS: list[Callable[[], object]] = []
_warmed: set[int] = set()


def register_warm_up(load: Callable[[], object]) -> Callable[[], object]:
    """Register a loader to run in this process before workers are forked (once per process)."""
    _WARM_UPS.append(load)
    return load


def _warm_up() -> None:
    for k, load in enumerate(_WARM_UPS):
        if k not in _warmed:
            load()
            _warmed.add(k)


# Work handed to forked workers by inheritance: only a key and a chunk number cross the pipe, never
# the function (a lexicon with its memo pickles slowly) or the texts; results come back pickled.
_JOBS: dict[int, tuple[Callable[[Any], Any], list]] = {}
_job_numbers = itertools.count()


def _run_part(job: int, k: int) -> Any:
    func, parts = _JOBS[job]
    # a worker is short-lived and makes millions of small acyclic objects (tokens, matches): the
    # youngest generation is collected less often (about 4% of an article pass)
    gc.set_threshold(20_000, 20, 20)
    return func(parts[k])


def _fork_map(
    func: Callable[[Any], T], parts: list, count: int, *, costs: list[float] | None = None
) -> list[T]:
    """``[func(part) for part in parts]`` on ``count`` forked workers; the costliest parts start
    first (text length when ``costs`` is None and the parts are frames with text)."""
    if costs is None:
        costs = [
            float(p["text"].str.len().sum())
            if isinstance(p, pd.DataFrame) and "text" in p.columns
            else float(len(p))
            for p in parts
        ]
    order = sorted(range(len(parts)), key=lambda k: -costs[k])
    _warm_up()
    job = next(_job_numbers)
    _JOBS[job] = (func, parts)
    # frozen objects are never visited by the workers' garbage collector, so the pages they share
    # with this process stay shared instead of being copied on the first collection
    gc.freeze()
    try:
        # fork starts every worker at the first submit, after the job is registered: they inherit it
        with ProcessPoolExecutor(
            max_workers=count, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            done = dict(zip(order, pool.map(_run_part, [job] * len(parts), order)))
            return [done[k] for k in range(len(parts))]
    finally:
        gc.unfreeze()
        del _JOBS[job]


def _balanced(n: int, count: int) -> int:
    """Chunks small enough that every worker gets several (the last ones finish together), at most
    CHUNK."""
    return max(50, min(CHUNK, -(-n // (count * 4))))


def concat(frames: list[pd.DataFrame], **attrs: Any) -> pd.DataFrame:
    """Concatenate chunk results (without their attrs) and set ``attrs``."""
    for f in frames:
        f.attrs = {}
    out = (
        pd.concat(frames, ignore_index=True)
        if len(frames) > 1
        else frames[0].reset_index(drop=True)
    )
    for col in out.columns:
        # a chunk without the column, or with it in another dtype, brings NaN into an object column:
        # missing is None throughout (checked first, as the rewrite copies a column of the whole
        # corpus)
        if out[col].dtype == object and any(
            col not in f.columns or f[col].dtype != object for f in frames
        ):
            out[col] = out[col].where(out[col].notna(), None)
    out.attrs.update(attrs)
    return out
