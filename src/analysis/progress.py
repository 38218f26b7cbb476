"""Progress bars on long steps: tqdm (notebook-aware), shown only for large inputs and never in
tests.

Set ``ANALYSIS_PROGRESS=0`` to silence them, ``=1`` to force them; the default shows a bar when a
step has at least 2,000 articles and pytest is not running.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
THRESHOLD = 2000


def progress(items: Iterable[T], *, total: int, desc: str) -> Iterable[T] | Iterator[T]:
    """Wrap ``items`` in a tqdm bar when the step is long enough to need one.

    >>> list(progress([1, 2], total=2, desc="demo"))
    [1, 2]
    """
    setting = os.environ.get("ANALYSIS_PROGRESS")
    if setting == "0" or (setting != "1" and (total < THRESHOLD or "pytest" in sys.modules)):
        return items
    from tqdm.auto import tqdm

    return tqdm(items, total=total, desc=desc, unit="article", leave=False)
