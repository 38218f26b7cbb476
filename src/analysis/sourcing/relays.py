"""Relays: which attribution reports another one (``relayed_via``), and floating quotes that continue the previous speaker."""

from __future__ import annotations

from .attribution import _Attr


def _link_relays(attrs: list[_Attr]) -> None:
    """``relayed_via``: "citing X" relays X through the citer; an attribution whose cue lies inside another's
    content is relayed through the innermost such attribution."""
    for at in attrs:
        if at.rule == "citing X" and at.parent_hint is not None:
            parent = attrs[at.parent_hint]
            at.content_start, at.content_end = parent.content_start, parent.content_end
            at.quote = "indirect"  # the citation itself reports, it does not quote
    for i, at in enumerate(attrs):
        if at.rule in ("citing X", "X quoted Y as saying") and at.parent_hint is not None:
            at.relayed_via = at.parent_hint
            continue
        best = None
        for j, other in enumerate(attrs):
            if j == i or other.relayed_via == i:
                continue
            if other.content_start <= at.cue_start < other.content_end and (
                at.speaker_start is None or other.content_start <= at.speaker_start
            ):
                size = other.content_end - other.content_start
                # the innermost content; on a tie the later one (the people a report cites) is closer
                if (
                    best is None
                    or size < attrs[best].content_end - attrs[best].content_start
                    or (size == attrs[best].content_end - attrs[best].content_start and j > best)
                ):
                    best = j
        at.relayed_via = best


def _floating_quotes(
    attrs: list[_Attr],
    text: str,
    sentences: list[tuple[int, int, int, int]],
    quotes_by_par: dict[int, list[tuple[int, int]]],
) -> None:
    """A sentence that is wholly a quotation, with no cue, continues the previous speaker's content."""
    by_sentence = {a.sentence_id for a in attrs}
    for sid, pid, s, e in sentences:
        if sid in by_sentence:
            continue
        seg = text[s:e].strip()
        if not seg or seg[0] not in '“"':
            continue
        prev = [
            a
            for a in attrs
            if a.sentence_id < sid and a.paragraph_id >= pid - 1 and a.quote in ("direct", "mixed")
        ]
        if not prev:
            continue
        last = max(prev, key=lambda a: a.sentence_id)
        if any(a.sentence_id > last.sentence_id and a.sentence_id < sid for a in attrs):
            continue
        last.content_end = max(last.content_end, e)
        last.extras["floating_quote"] = True
