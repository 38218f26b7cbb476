"""How every benchmark script times a step: the fastest of a few runs, after a garbage collection
(the first run pays for imports and caches; the fastest is the least disturbed by a shared
machine). Memos that outlive a call (the speaker-phrase types, the cached sentence splits) are
cleared before each run, so that a repeated run is timed cold, as a new corpus would be; ``setup``
(untimed) then rebuilds the state a step is timed in (the attributions before "threats given
attributions")."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

from analysis.sourcing.speaker_np import clear_memo
from analysis.text import clear_sentence_cache

T = TypeVar("T")


def fastest(
    step: Callable[[], T], runs: int = 1, setup: Callable[[], object] | None = None
) -> tuple[float, T]:
    """(seconds of the fastest of ``runs`` runs of ``step``, what its last run returned)."""
    best, result = float("inf"), None
    for _ in range(runs):
        clear_memo()
        clear_sentence_cache()
        if setup is not None:
            setup()
        gc.collect()
        t0 = time.perf_counter()
        result = step()
        best = min(best, time.perf_counter() - t0)
    return best, result
