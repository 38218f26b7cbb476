"""Progress bars on long steps: tqdm (notebook-aware), shown only for large inputs and never in
tests.

Set ``ANALYSIS_PROGRESS=0`` to silence them, ``=1`` to force them; the default shows a bar when a
step has at least 2,000 articles and pytest is not running.

``StepLog`` prints the steps of a long run (``make report``: each notebook as it starts, runs and
is exported, then the tables) one line each on standard error, with the seconds taken;
``ANALYSIS_PROGRESS=0`` silences it too.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO, TypeVar

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


def steps_shown() -> bool:
    """Whether a long run (``make report``) prints its steps on standard error: yes, unless
    ``ANALYSIS_PROGRESS=0``."""
    return os.environ.get("ANALYSIS_PROGRESS") != "0"


class StepLog:
    """One line on standard error per step of a long run, numbered by item, with the seconds each
    item took and a summary line at the end; nothing at all when ``enabled`` is false (default:
    ``steps_shown()``).

    >>> import io, re
    >>> out = io.StringIO()
    >>> log = StepLog(2, stream=out, enabled=True)
    >>> with log.item("01-load"):
    ...     log.step("executing")
    >>> with log.item("tables", numbered=False):
    ...     log.step("writing articles.csv")
    >>> log.finish("2 notebooks")
    >>> print(re.sub(r"[0-9.]+ s", "_ s", out.getvalue()), end="")
    [1/2] 01-load: started
    [1/2] 01-load: executing
    [1/2] 01-load: done in _ s
    tables: started
    tables: writing articles.csv
    tables: done in _ s
    done: 2 notebooks in _ s
    """

    def __init__(self, total: int, *, stream: TextIO | None = None, enabled: bool | None = None):
        if isinstance(total, bool) or not isinstance(total, int) or total < 0:
            raise ValueError(f"total must be a number of items (0 or more), not {total!r}")
        self.total = total
        self.stream = stream
        self.enabled = steps_shown() if enabled is None else bool(enabled)
        self.count = 0
        self.label = ""
        self.began = time.perf_counter()

    def _write(self, line: str) -> None:
        if self.enabled:
            print(line, file=self.stream or sys.stderr, flush=True)

    @contextmanager
    def item(self, name: str, *, numbered: bool = True) -> Iterator[None]:
        """Say that ``name`` starts, then that it is done (or failed) and after how long."""
        if numbered:
            self.count += 1
            self.label = f"[{self.count}/{self.total}] {name}"
        else:
            self.label = name
        began = time.perf_counter()
        self._write(f"{self.label}: started")
        try:
            yield
        except BaseException:
            self._write(f"{self.label}: failed after {time.perf_counter() - began:.1f} s")
            raise
        self._write(f"{self.label}: done in {time.perf_counter() - began:.1f} s")

    def step(self, what: str) -> None:
        """One line for a step of the current item: ``<item>: <what>``."""
        self._write(f"{self.label}: {what}" if self.label else what)

    def finish(self, what: str) -> None:
        """The summary line: ``done: <what> in <seconds> s`` since the log was made."""
        self._write(f"done: {what} in {time.perf_counter() - self.began:.1f} s")
