"""Large corpora on all cores: a step applied to chunks of articles in worker processes.

Every public step works article by article, so chunks processed apart and concatenated give the same
frame as one pass (``tests/test_parallel.py`` checks it). Inputs under 600 articles stay in one
process: starting workers costs more than it saves. ``ANALYSIS_PROCESSES`` (or the ``processes``
argument) sets the number of workers; ``ANALYSIS_PROCESSES=1`` keeps everything in one process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

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
        return 1  # inside a Dask worker (or any daemon process): no children allowed, one per worker anyway
    return processes


def map_chunks(func: Callable[[pd.DataFrame], T], frame: pd.DataFrame, *, processes: int | None = None,
               chunk: int | None = None, min_articles: int | None = None) -> list[T]:
    """``[func(chunk) for chunk in frame]``, in worker processes when the frame is large.

    >>> frame = pd.DataFrame({"x": range(10)})
    >>> [len(part) for part in map_chunks(lambda f: f, frame, chunk=4)]
    [10]
    """
    n = len(frame)
    count = workers(processes, n, min_articles=min_articles)
    if count == 1:
        return [func(frame)]
    chunk = chunk or _balanced(n, count)
    parts = [frame.iloc[k:k + chunk] for k in range(0, n, chunk)]
    with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(func, parts))


def map_list(func: Callable[[list], T], items: list, *, processes: int | None = None,
             chunk: int | None = None) -> list[T]:
    """``[func(chunk) for chunk in items]`` in worker processes (the list version of ``map_chunks``)."""
    count = workers(processes, len(items))
    chunk = chunk or _balanced(len(items), count)
    if count == 1:
        return [func(items)]
    parts = [items[k:k + chunk] for k in range(0, len(items), chunk)]
    with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(func, parts))


def _balanced(n: int, count: int) -> int:
    """Chunks small enough that every worker gets several (the last ones finish together), at most CHUNK."""
    return max(50, min(CHUNK, -(-n // (count * 4))))


def concat(frames: list[pd.DataFrame], **attrs: Any) -> pd.DataFrame:
    """Concatenate chunk results (without their attrs) and set ``attrs``."""
    for f in frames:
        f.attrs = {}
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    for col in out.columns:
        if out[col].dtype == object:  # concatenation turns some None into NaN: missing is None throughout
            out[col] = out[col].where(out[col].notna(), None)
    out.attrs.update(attrs)
    return out
