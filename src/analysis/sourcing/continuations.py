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


class _Covered:
    """Which offsets the attributions already hold: contents (merged, sorted) and cue starts, so a
    quotation is checked in O(log n), not against every attribution."""

    def __init__(self, attrs: list[_Attr]):
        merged: list[list[int]] = []
        for a, b in sorted((a.content_start, a.content_end) for a in attrs):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]
        self.cues = sorted(a.cue_start for a in attrs)

    def holds(self, qa: int, qb: int) -> bool:
        k = bisect.bisect_right(self.starts, qa) - 1
        if k >= 0 and qa < self.ends[k]:
            return True  # the quotation opens inside a content
        c = bisect.bisect_left(self.cues, qa)
        return c < len(self.cues) and self.cues[c] < qb  # a cue inside the quotation


def _quotation_rows(
    attrs: list[_Attr],
    text: str,
    sentences: list[tuple[int, int, int, int]],
    quotes_by_par: dict[int, list[tuple[int, int]]],
) -> list[_Attr]:
    """One row for each quotation that continues the attribution before it. The quotations are
    read in text order, the attributions by where their contents end (one pass over each)."""
    starts = [s for _sid, _pid, s, _e in sentences]
    cued = {a.sentence_id for a in attrs if a.cue}
    covered = _Covered(attrs)
    by_end = sorted(attrs, key=lambda a: (a.content_end, a.cue_start))
    k, last = 0, None
    rows: list[_Attr] = []
    for pid in sorted(quotes_by_par):
        for qa, qb in quotes_by_par[pid]:
            while k < len(by_end) and by_end[k].content_end <= qa:
                last = _later(last, by_end[k])
                k += 1
            if covered.holds(qa, qb) or not _statement_like(text[qa:qb]):
                continue  # "Kilometer Four": a quoted phrase, not a statement
            sid = sentences[max(0, bisect.bisect_right(starts, qa) - 1)][0]
            before = _later(last, rows[-1] if rows else None)
            if (sid in cued and not _after_semicolon(before, qa, text)) or not _continues(
                before, pid, text
            ):
                continue
            rows.append(_row_after(before, qa, qb, sid, pid))
    return rows


def _statement_like(quoted: str) -> bool:
    """Is a quotation long enough for a statement and not a title in capitals ("“How the Grinch
    Stole Christmas,”" among a film actor's roles: two thirds of its words capitalised)?"""
    tokens = quoted.split()
    if len(tokens) < _MIN_WORDS:
        return False
    words = [w for w in tokens if w[:1].isalpha() or w[1:2].isalpha()]
    capitals = sum(1 for w in words if w.lstrip("“\"'‘")[:1].isupper())
    return capitals * 3 < len(words) * 2


def _after_semicolon(last: _Attr | None, qa: int, text: str) -> bool:
    """Does the quotation at ``qa`` open right after a semicolon that closes ``last``'s speaker
    ("“..., or they should shut up,” said Ruto; “I don't think ...”")? Then it continues that
    speaker although its sentence holds a cue."""
    if last is None or last.speaker_end is None or last.speaker_end > qa:
        return False
    return text[max(last.speaker_end, last.content_end) : qa].strip() == ";"


def _later(a: _Attr | None, b: _Attr | None) -> _Attr | None:
    """Of two attributions, the one whose content ends later (then whose cue starts later)."""
    if a is None or b is None:
        return a or b
    return max(a, b, key=lambda x: (x.content_end, x.cue_start))


def _continues(last: _Attr | None, pid: int, text: str) -> bool:
    """A quotation continues ``last`` when it quotes, has a speaker and is near enough."""
    return (
        last is not None
        and last.paragraph_id >= pid - 1
        and last.speaker_start is not None
        and _quotes(text[last.content_start : last.content_end])
    )


def _row_after(last: _Attr, qa: int, qb: int, sid: int, pid: int) -> _Attr:
    return _Attr(
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


def _split_run_on_quotations(
    attrs: list[_Attr],
    text: str,
    sentences: list[tuple[int, int, int, int]],
    quotes_by_par: dict[int, list[tuple[int, int]]],
) -> list[_Attr]:
    """ "X said the roles were open, “They won't be on the battlefield. They'll be mentors.”": an
    indirect content that runs into a quotation of several sentences ends before it, and the
    quotation is the speaker's own row (as the coders give it)."""
    ends = sorted({e for _sid, _pid, _s, e in sentences})
    rows: list[_Attr] = []
    by_start = sorted(attrs, key=lambda a: a.content_start)
    content_starts = [a.content_start for a in by_start]
    for pid in sorted(quotes_by_par):
        for qa, qb in quotes_by_par[pid]:
            k = bisect.bisect_right(ends, qa)
            sentence_end = ends[k] if k < len(ends) else qb
            if qb <= sentence_end:
                continue  # a quotation within one sentence stays in its content
            holder = _content_into(by_start, content_starts, qa, qb)
            if holder is None or holder.speaker_start is None:
                continue
            cut = qa
            while cut > holder.content_start and text[cut - 1] in " ,:":
                cut -= 1
            holder.content_end = cut
            sid = holder.sentence_id
            rows.append(_row_after(holder, qa, qb, sid, pid))
    return rows


def _content_into(
    by_start: list[_Attr], content_starts: list[int], qa: int, qb: int
) -> _Attr | None:
    """The attribution whose content starts before the quotation at ``qa`` and ends inside it."""
    # contents start at most a sentence or two before the quotation: look back from it only
    k = bisect.bisect_left(content_starts, qa)
    for a in reversed(by_start[max(0, k - 8) : k]):
        if qa < a.content_end < qb and a.content_start < qa - 3:
            return a
    return None


def with_continuations(
    attrs: list[_Attr],
    text: str,
    sentences: list[tuple[int, int, int, int]],
    quotes_by_par: dict[int, list[tuple[int, int]]],
) -> list[_Attr]:
    """The attributions with a row for every quotation that continues a speaker, in text order
    (parent hints renumbered)."""
    rows = _split_run_on_quotations(attrs, text, sentences, quotes_by_par)
    rows += _quotation_rows(attrs + rows, text, sentences, quotes_by_par)
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
