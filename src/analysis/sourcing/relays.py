"""Relays: which attribution reports another one (``relayed_via``), and floating quotes that
continue the previous speaker."""

from __future__ import annotations

from bisect import bisect_right

from .attribution import _Attr
from .constructions import Rule


def _link_relays(attrs: list[_Attr]) -> None:
    """``relayed_via``: "citing X" relays X through the citer; an attribution whose cue lies
    inside another's content is relayed through the innermost such attribution.

    The holders of a cue are found among the contents sorted by start (bisect), scanning back
    only as far as the longest content reaches: linear in practice, where a test over every
    pair was quadratic in the article's attributions.
    """
    for at in attrs:
        if at.rule == Rule.CITING and at.parent_hint is not None:
            parent = attrs[at.parent_hint]
            at.content_start, at.content_end = parent.content_start, parent.content_end
            at.quote = "indirect"  # the citation itself reports, it does not quote
    order = sorted(range(len(attrs)), key=lambda j: attrs[j].content_start)
    starts = [attrs[j].content_start for j in order]
    longest = max((a.content_end - a.content_start for a in attrs), default=0)
    for i, at in enumerate(attrs):
        if at.rule in _HINTED and at.parent_hint is not None:
            at.relayed_via = at.parent_hint
        else:
            # in attribution order: a holder already linked to this one is skipped, as before
            at.relayed_via = _innermost_holder(attrs, i, order, starts, longest)


_HINTED = (Rule.CITING, Rule.QUOTED_AS)


def _innermost_holder(
    attrs: list[_Attr], i: int, order: list[int], starts: list[int], longest: int
) -> int | None:
    """The attribution whose content holds the cue of ``attrs[i]`` (and starts before its
    speaker): the smallest content, on a tie the later attribution (the people a report cites
    are closer than the report); not one already relayed through ``attrs[i]``."""
    at = attrs[i]
    pos = at.cue_start
    best: tuple[int, int] | None = None  # (size, -index)
    # a content holding ``pos`` starts after pos - longest: size > pos - start
    for k in range(bisect_right(starts, pos) - 1, -1, -1):
        if starts[k] <= pos - longest:
            break
        j = order[k]
        other = attrs[j]
        if j == i or other.relayed_via == i or not pos < other.content_end:
            continue
        if at.speaker_start is not None and other.content_start > at.speaker_start:
            continue
        key = (other.content_end - other.content_start, -j)
        if best is None or key < best:
            best = key
    return None if best is None else -best[1]
