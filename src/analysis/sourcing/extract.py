"""The article pass: sentences to attributions, and the attributions frame of ``find_attributions``."""

from __future__ import annotations

import pandas as pd

from ..loading import analysable
from ..progress import progress
from ..text import WORD_RE, iter_sentences, paragraph_spans
from .attribution import _Attr
from .constructions import _process_sentence, _Sentence
from .data import _COMPLEMENTS, _FINDING_VERBS, _OBJECT_VERBS, _WEAK_VERBS, _cue_vocabulary
from .relays import _floating_quotes
from .source_types import _finish
from .spans import _HAS_QUOTE, _in_quote, _quote_spans
from .tokens import _tokens

ATTRIBUTION_COLUMNS = [
    "article_id",
    "attribution_id",
    "speaker",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "source_type",
    "speaker_name",
    "source_org",
    "count",
    "relayed_via",
    "quote",
    "sentence_id",
    "paragraph_id",
    "rule",
]


def _article_attributions(text: str) -> list[_Attr]:
    sentences = []
    for sid, (pid, s, e) in enumerate(iter_sentences(text)):
        sentences.append((sid, pid, s, e))
    quotes_by_par = {
        pid: _quote_spans(text, a, b) for pid, (a, b) in enumerate(paragraph_spans(text))
    }
    attrs: list[_Attr] = []
    cue_words = _cue_vocabulary()
    strong_words = cue_words - (_WEAK_VERBS - _OBJECT_VERBS - _FINDING_VERBS)
    complements = _COMPLEMENTS
    lowered = text.lower()
    for sid, pid, s, e in sentences:
        # most sentences hold no usable cue: set operations (in C) say so before any tokenising
        words = set(WORD_RE.findall(lowered, s, e))
        if (
            strong_words.isdisjoint(words)
            and ":" not in text[s:e]
            and (
                cue_words.isdisjoint(words)
                or (complements.isdisjoint(words) and not _HAS_QUOTE.search(text, s, e))
            )
        ):
            continue
        toks = _tokens(text, s, e)
        if not toks:
            continue
        quotes = quotes_by_par.get(pid, [])
        offset = len(attrs)
        found = _process_sentence(_Sentence(text, toks, sid, pid, s, e, quotes))
        # a content that runs on into a later speaker's cue ("X feared that ..., the report said") stops before it
        for at in found:
            for other in found:
                if (
                    other is not at
                    and other.speaker_start is not None
                    and at.content_start < other.speaker_start < at.content_end
                    and other.content_start <= at.cue_start
                    and other.cue_start > at.cue_start
                ):
                    cut = other.speaker_start
                    while cut > at.content_start and text[cut - 1] in " ,—–":
                        cut -= 1
                    at.content_end = cut
        for at in found:
            if at.parent_hint is not None:
                at.parent_hint += offset
            # a quotation that opened earlier in the paragraph belongs to the content
            q = _in_quote(at.content_start, quotes)
            if q and q[0] < at.content_start and at.rule.startswith("quote"):
                at.content_start = q[0]
            attrs.append(at)
    registry: dict[str, str] = {}
    _finish(attrs, text, registry)
    _floating_quotes(attrs, text, sentences, quotes_by_par)
    return attrs


def find_attributions(articles: pd.DataFrame, *, processes: int | None = None) -> pd.DataFrame:
    """One row per attribution: speaker, cue, content span, source type and the rest of ``../shared/API.md``.

    Offsets index into ``articles.text``. Extra columns: ``sentence_id``, ``paragraph_id`` and
    ``rule`` (the construction that found it). Articles in another language are skipped and
    listed in ``attrs["skipped"]``. Large corpora are split over ``processes`` worker processes
    (default: all cores; ``analysis.parallel``).

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "“We will take revenge,” Salami said. Three sources familiar with the talks told the newspaper that "
    ...     "the plan was ready. According to the Reuters news agency, Tehran denies the allegation."]})
    >>> at = find_attributions(arts)
    >>> at[["speaker", "cue", "source_type", "count", "quote"]].values.tolist()
    [['Salami', 'said', 'named_person', None, 'direct'], ['Three sources familiar with the talks', 'told', 'anonymous', 3, 'indirect'], ['the Reuters news agency', 'according to', 'media', None, 'indirect'], ['Tehran', 'denies', 'organization', None, 'indirect']]
    """
    from ..parallel import concat, map_chunks

    kept, skipped = analysable(articles)
    parts = map_chunks(_attributions_frame, kept[["article_id", "text"]], processes=processes)
    return concat(parts, skipped=skipped)


def _attributions_frame(kept: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict] = []
    for aid, text in progress(
        zip(kept["article_id"], kept["text"]), total=len(kept), desc="attributions"
    ):
        if not isinstance(text, str) or not text.strip():
            continue
        attrs = _article_attributions(text)
        for k, at in enumerate(attrs):
            rows.append(
                {
                    "article_id": aid,
                    "attribution_id": k,
                    "speaker": at.speaker,
                    "speaker_start": at.speaker_start,
                    "speaker_end": at.speaker_end,
                    "cue": at.cue,
                    "cue_start": at.cue_start,
                    "cue_end": at.cue_end,
                    "content_start": at.content_start,
                    "content_end": at.content_end,
                    "source_type": at.source_type,
                    "speaker_name": at.speaker_name,
                    "source_org": at.source_org,
                    "count": at.count,
                    "relayed_via": at.relayed_via,
                    "quote": at.quote,
                    "sentence_id": at.sentence_id,
                    "paragraph_id": at.paragraph_id,
                    "rule": str(at.rule),
                }
            )
    out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    for col in ("speaker_start", "speaker_end", "count", "relayed_via"):
        out[col] = out[col].astype("Int64")
    for col in (
        "cue_start",
        "cue_end",
        "content_start",
        "content_end",
        "attribution_id",
        "sentence_id",
        "paragraph_id",
    ):
        out[col] = out[col].astype("int64")
    for col in ("speaker_name", "source_org", "speaker"):
        out[col] = out[col].astype("object").where(out[col].notna(), None)
    out["count"] = out["count"].astype("object").where(out["count"].notna(), None)
    out["relayed_via"] = out["relayed_via"].astype("object").where(out["relayed_via"].notna(), None)
    return out
