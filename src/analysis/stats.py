"""Shares with their N and a 95% Wilson interval, the way every share in a report is shown."""

from __future__ import annotations

import math

import pandas as pd

from .checks import check_number, check_text

__all__ = ["wilson_interval", "share_table"]


def wilson_interval(k: int, n: int, *, z: float = 1.959964) -> tuple[float, float]:
    """95% Wilson score interval for ``k`` successes out of ``n`` (``(nan, nan)`` when ``n`` is 0).

    >>> [round(x, 3) for x in wilson_interval(62, 100)]
    [0.522, 0.709]
    >>> wilson_interval(0, 0)
    (nan, nan)
    >>> wilson_interval(0, 75)[0], wilson_interval(75, 75)[1]
    (0.0, 1.0)
    """
    check_number("n", n, low=0, integer=True)
    check_number("k", k, low=0, high=max(n, 0), integer=True)
    check_number("z", z, low=0)
    if n <= 0 or z <= 0:
        return (math.nan, math.nan)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # the bounds are exactly 0 and 1 at k = 0 and k = n; rounding must not lift them past the share
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return (low, high)


def share_table(counts: pd.Series, *, label: str = "category") -> pd.DataFrame:
    """Counts to shares with N and Wilson intervals: ``label``, ``n``, ``N``, ``share``,
    ``ci_low``, ``ci_high``.

    >>> counts = pd.Series({"named_person": 18, "anonymous": 6, "media": 6})
    >>> share_table(counts, label="source_type").round(3).values.tolist()
    [['named_person', 18, 30, 0.6, 0.423, 0.754], ['anonymous', 6, 30, 0.2, 0.095, 0.373],
     ['media', 6, 30, 0.2, 0.095, 0.373]]
    """
    check_text("label", label)
    total = int(counts.sum())
    rows = []
    for key, k in counts.items():
        lo, hi = wilson_interval(int(k), total)
        rows.append(
            {
                label: key,
                "n": int(k),
                "N": total,
                "share": (k / total) if total else math.nan,
                "ci_low": lo,
                "ci_high": hi,
            }
        )
    return pd.DataFrame(rows, columns=[label, "n", "N", "share", "ci_low", "ci_high"])
