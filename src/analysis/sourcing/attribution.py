"""The attribution record the constructions fill and the later passes complete."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class _Attr:
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    sentence_id: int
    paragraph_id: int
    rule: str
    speaker: str | None = None
    source_type: str | None = None
    speaker_name: str | None = None
    source_org: str | None = None
    count: int | None = None
    relayed_via: int | None = None  # index into the article's list
    quote: str = "indirect"
    speaker_head: str | None = None  # the head word of the speaker phrase
    speaker_head_class: str | None = None  # its class in the shared mention layer
    parent_hint: int | None = None  # for "citing X": the attribution that cites
