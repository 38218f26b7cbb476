"""Checks of keyword options: a wrong value raises one ``ValueError`` that names the option.

Public functions call these at their top, so a typo ("erors", ``window=2.5``) fails at once with a
sentence an analyst can act on, not with a ``TypeError`` from deep inside pandas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np

__all__ = ["check_choice", "check_number", "check_bool", "check_text"]


def check_choice(option: str, value: Any, choices: Iterable[Any]) -> Any:
    """``value`` when it is one of ``choices``, else a ``ValueError`` naming ``option``.

    >>> check_choice("errors", "collect", ("collect", "raise"))
    'collect'
    >>> check_choice("errors", "ignore", ("collect", "raise"))
    Traceback (most recent call last):
    ValueError: errors must be one of 'collect', 'raise' (got 'ignore')
    """
    choices = tuple(choices)
    try:
        ok = value in choices
    except TypeError:  # an unhashable value against a set of choices
        ok = False
    if not ok:
        listed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{option} must be one of {listed} (got {value!r})")
    return value


def check_number(
    option: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    integer: bool = False,
) -> Any:
    """``value`` when it is a number (an integer with ``integer``) in ``[low, high]``, else a
    ``ValueError``.

    >>> check_number("window", 8, low=0, integer=True)
    8
    >>> check_number("window", 2.5, low=0, integer=True)
    Traceback (most recent call last):
    ValueError: window must be a whole number >= 0 (got 2.5)
    >>> check_number("threshold", float("nan"), low=0, high=1)
    Traceback (most recent call last):
    ValueError: threshold must be a number between 0 and 1 (got nan)
    """
    kind = "a whole number" if integer else "a number"
    if low is not None and high is not None:
        bounds = f" between {low} and {high}"
    elif low is not None:
        bounds = f" >= {low}"
    elif high is not None:
        bounds = f" <= {high}"
    else:
        bounds = ""
    is_number = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )
    if integer:
        is_number = is_number and float(value).is_integer()
    if (
        not is_number
        or math.isnan(value)
        or (low is not None and value < low)
        or (high is not None and value > high)
    ):
        raise ValueError(f"{option} must be {kind}{bounds} (got {value!r})")
    return int(value) if integer else value


def check_bool(option: str, value: Any) -> bool:
    """``value`` when it is True or False, else a ``ValueError`` naming ``option``.

    >>> check_bool("include_duplicates", "no")
    Traceback (most recent call last):
    ValueError: include_duplicates must be True or False (got 'no')
    """
    if not isinstance(value, bool):
        raise ValueError(f"{option} must be True or False (got {value!r})")
    return value


def check_text(option: str, value: Any) -> str:
    """``value`` when it is a ``str``, else a ``ValueError`` naming ``option``.

    >>> check_text("line", None)
    Traceback (most recent call last):
    ValueError: line must be a str (got NoneType)
    """
    if not isinstance(value, str):
        raise ValueError(f"{option} must be a str (got {type(value).__name__})")
    return value
