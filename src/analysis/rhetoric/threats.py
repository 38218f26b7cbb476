"""Threat language: three measures (threat acts, threat salience, violence) with modes and speakers.

A word list cannot tell "Iran will attack" from "Iran attacked": both contain *attack*. So the
lexicon (``data/threat_lexicon.csv``, read by ``lexicon_data``) gives every term a *role*:

- ``act``: a coercive act (attack, revenge, set ablaze, expel, sanction, arrest, boycott, ...). It
  is a
  **threat act** when a commissive cue governs it ("will", "vowed", "threatened to", "ready to"),
  a directive cue ("instructed that", "called on ... to"), or a blood-revenge formula ("would
  suffice for revenge"); otherwise it keeps the measure its row gives (``violence`` for a report
  of an attack, ``threat_salience`` for talk of revenge, nothing for a report of sanctions). A
  past form ("attacked", "killed") is a report, never a threat.
- ``explicit``: threats on their own ("threatened", "Death to ...", "ultimatum").
- ``salience``: talk of danger and threat ("threat", "danger", "blood lust", "travel advisory").
- ``cue``: commissive, directive, hypothetical, negation, condition, coordination markers.

Modes: ``negated`` ("will not retaliate", "unlikely to attack", "the chances of an attack were
low"), ``hypothetical`` ("could target", "the possibility of rocket fire": speculation, counted as
threat salience), ``conditional`` ("If ..., we will ..." — still a threat), else ``asserted``.
Every match says which cue decided it (``cue``) and which rule (``rule``, see ``rules.RULES``), so a
count can be explained. This module finds the matches of each sentence and builds the frame.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from ..english import first_names, is_common_word, without_possessive
from ..lexicon import (
    Lexicon,
    _index_unseen,
    _matches_in_tokens,
    _norm,
    normalize_for_matching,
)
from ..loading import analysable, rows_by_article
from ..mentions import mention_class
from ..parallel import concat, map_chunks
from ..progress import progress
from ..text import WORD_RE, iter_sentences
from .lexicon_data import ThreatLexicon, threat_lexicon
from .rules import Sentence, classify_sentence

MEASURES = ("threat_act", "threat_salience", "violence")
THREAT_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "matched_text",
    "term",
    "category",
    "measure",
    "mode",
    "negated",
    "hypothetical",
    "speaker",
    "speaker_type",
    "cue",
    "rule",
]


# punctuation between two words that ends a clause (a spaced dash too: "criticizing - and even
# threatening")
_CLAUSE_BREAKS = ",;:—–-"
_OPENING_QUOTES = '“"‘«'


# a person's name as written: a first name or a title, then a capitalised word ("Mitt Romney",
# "Sen. Graham", "Mrs. Clinton")
_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+)\.?\s+([A-Z][\w'’-]+)")


class _People:
    """``people()``: the lower-cased surnames of the article's persons, read off its text the
    first time a rule asks (a first name of ``first_names.csv`` or a person title before a
    capitalised word: "Mitt Romney" makes "romney" a person later alone)."""

    __slots__ = ("text", "found")

    def __init__(self, text: str):
        self.text, self.found = text, None

    def __call__(self) -> frozenset[str]:
        if self.found is None:
            given = first_names()
            self.found = frozenset(
                without_possessive(last).lower()
                for first, last in _NAME_PAIR.findall(self.text)
                if first.lower() in given or mention_class(first, True) == "title"
            )
        return self.found


def _breaks(gap: str) -> bool:
    """Does the text between two words end a clause? A hyphen only when spaced: "criticizing -
    and even threatening" is two clauses, "the U.S.-Mexico border" one."""
    if any(ch in _CLAUSE_BREAKS for ch in gap if ch != "-"):
        return True
    return "-" in gap and any(ch.isspace() for ch in gap)


_BREAK_CHARS = re.compile(r"[,;:—–-]")  # every gap that `_breaks` accepts holds one of them


def _break_tokens(text: str, starts: list[int], ends: list[int]) -> frozenset[int]:
    """The tokens after a clause break (``_breaks`` of the gap before them), looked for only
    where the sentence has a breaking character: most gaps are one space."""
    out = set()
    for m in _BREAK_CHARS.finditer(text, ends[0], starts[-1]):
        t = bisect_right(starts, m.start())
        if 0 < t < len(starts) and _breaks(text[ends[t - 1] : starts[t]]):
            out.add(t)
    return frozenset(out)


class _Caps:
    """``caps[i]``: does token ``i`` start with a capital? Computed only for the tokens asked
    about. In a title-case sentence (a headline: "Trump Vows To Deport Immigrants") a capital
    says nothing of an ordinary English word, so "Vows" and "Deport" count as lower-case there
    (names are not ordinary words: "Trump" is, and stays capitalised only at the start)."""

    __slots__ = ("text", "starts", "tokens", "_title_case")

    def __init__(self, text: str, starts: list[int], tokens: list[str]):
        self.text, self.starts, self.tokens = text, starts, tokens
        self._title_case: bool | None = None  # decided the first time a capital needs it

    @property
    def title_case(self) -> bool:
        if self._title_case is None:
            self._title_case = _title_case(self.text, self.starts, self.tokens)
        return self._title_case

    def __getitem__(self, i: int) -> bool:
        if not self.text[self.starts[i]].isupper():
            return False
        return not (i > 0 and is_common_word(self.tokens[i].lower()) and self.title_case)


class _Quoted:
    """``quoted(i)``: does token ``i`` stand inside a quotation of its paragraph (a curly quote
    opened and not closed before it, or an odd number of straight or doubled quote marks)?
    Asked only by the rules that need it."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str, starts: list[int]):
        self.text, self.starts = text, starts

    def __call__(self, i: int) -> bool:
        at = self.starts[i]
        paragraph = self.text.rfind("\n\n", 0, at)
        before = self.text[paragraph + 2 if paragraph >= 0 else 0 : at]  # the paragraph so far
        if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
            return True
        if "``" in before:  # ``...'': two marks of their own
            return before.count("``") > before.count("''")
        return before.count("''") % 2 == 1  # ''...'' (PolNeAR's New York Times texts)


def _title_case(text: str, starts: list[int], tokens: list[str]) -> bool:
    """Are nearly all the ordinary English words of four letters or more capitalised (three at
    least)? Names do not count: a sentence of names ("Hillary Clinton, Donald Trump and Bernie
    Sanders will ...") is no headline."""
    words = [
        k for k, t in enumerate(tokens) if len(t) >= 4 and t.isalpha() and is_common_word(t.lower())
    ]
    capital = sum(text[starts[k]].isupper() for k in words)
    return len(words) >= 3 and capital >= 0.8 * len(words)


_SPLIT_CACHE: dict[str, tuple[Lexicon, Lexicon]] = {}


def _split_lexicon(lex: Lexicon) -> tuple[Lexicon, Lexicon]:
    """(targets, cues) of a lexicon, built once per lexicon (its digest covers its rows)."""
    key = lex.digest()
    if key not in _SPLIT_CACHE:
        cues = [t for t in lex.terms if t.key.startswith("cue.")]
        targets = [t for t in lex.terms if not t.key.startswith("cue.")]
        _SPLIT_CACHE[key] = (
            Lexicon(targets, case_sensitive=lex.case_sensitive, name=lex.name),
            Lexicon(cues, case_sensitive=lex.case_sensitive, name=lex.name),
        )
    return _SPLIT_CACHE[key]


def find_threats(
    articles: pd.DataFrame,
    *,
    lexicon: Lexicon | str | Path | Mapping | None = None,
    attributions: pd.DataFrame | None = None,
    processes: int | None = None,
) -> pd.DataFrame:
    """One row per threat-language match, with its measure, mode, speaker and the cue that decided
    it.

    Columns (``../shared/API.md``): ``article_id``, ``sentence_id``, ``start``, ``end``,
    ``matched_text``, ``term``, ``category``, ``measure``, ``mode``, ``negated``, ``hypothetical``,
    ``speaker``, ``speaker_type``; plus ``cue`` and ``rule`` (why the match got its measure and
    mode).
    Offsets index into ``articles.text``. Articles in another language are skipped and listed in
    ``attrs["skipped"]``. ``attributions`` (from ``find_attributions``) gives each match its
    speaker; without it the speaker is None.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "“We will take revenge,” the general said. The strike killed six people. "
    ...     "Officials said Iran is unlikely to attack."]})
    >>> find_threats(arts)[["matched_text", "measure", "mode", "rule"]].values.tolist()
    [['take revenge', 'threat_act', 'asserted', "governed: commissive cue 'will'"], ['strike',
    'violence', 'asserted', 'term: act, no governing cue'], ['killed', 'violence', 'asserted',
    'past-tense report'], ['attack', 'threat_salience', 'negated', "negated: 'unlikely'"]]
    """
    lex = threat_lexicon(lexicon)
    rule_mode = any(k.startswith("act.") for k in lex.keys)
    if not rule_mode:
        # a plain dictionary (measure.category keys): its matches, with modes from the package's
        # cues
        cues = threat_lexicon(None).select("cue")
        lex = ThreatLexicon(
            lex.terms + cues.terms, case_sensitive=lex.case_sensitive, name=lex.name, rows=cues.rows
        )
    kept, skipped = analysable(articles)
    # split once here: every worker inherits the two lexicons instead of splitting (and hashing
    # the lexicon) for each chunk
    targets_lex, cues_lex = _split_lexicon(lex)
    parts = map_chunks(
        partial(_threats_frame, lex=lex, targets_lex=targets_lex, cues_lex=cues_lex),
        kept[["article_id", "text"]],
        processes=processes,
    )
    out = concat(parts)
    if attributions is not None:
        out = attach_speakers(out, attributions)
    out.attrs["skipped"] = skipped
    out.attrs["lexicon"] = lex.name
    out.attrs["lexicon_sha256"] = lex.digest()
    return out


def _threats_frame(
    kept: pd.DataFrame, *, lex: Lexicon, targets_lex: Lexicon, cues_lex: Lexicon
) -> pd.DataFrame:
    """The matches of a chunk of articles (``article_id``, ``text``), one row each, given the
    lexicon and its two halves (``_split_lexicon``)."""
    rows: dict[str, list] = {c: [] for c in THREAT_COLUMNS}
    for aid, text in progress(
        zip(kept["article_id"], kept["text"]), total=len(kept), desc="threats"
    ):
        if not isinstance(text, str) or not text:
            continue
        norm = normalize_for_matching(text, case_sensitive=lex.case_sensitive)
        sentences = [(s, e) for _, s, e in iter_sentences(text)]
        tokens = [_word_tokens(text, norm, s, e, lex) for s, e in sentences]
        # the article's new words are indexed once, not sentence by sentence
        words = set().union(*tokens)
        _index_unseen(targets_lex, words)
        _index_unseen(cues_lex, words)
        people = _People(text)
        for sid, ((s_start, s_end), toks) in enumerate(zip(sentences, tokens)):
            found = _sentence_matches(
                text, toks, (s_start, s_end), (lex, targets_lex, cues_lex), people
            )
            for match in found:
                _append_row(rows, aid, sid, text, *match)
    return _typed_frame(rows)


def _word_tokens(text: str, norm: str | None, s_start: int, s_end: int, lex: Lexicon) -> list[str]:
    """The normalised word tokens of one sentence, found in C where the normalised text keeps the
    offsets."""
    if norm is not None:
        return WORD_RE.findall(norm, s_start, s_end)
    return [_norm(m.group(), lex.case_sensitive) for m in WORD_RE.finditer(text, s_start, s_end)]


def _sentence_matches(
    text: str,
    toks: list[str],
    span: tuple[int, int],
    lexicons: tuple[Lexicon, Lexicon, Lexicon],
    people: _People,
) -> list[tuple]:
    """(start, end, term, category, measure, mode, cue, rule) of each match in one sentence, given
    its word tokens (indexed in both lexicons); offsets are computed only where a target was
    found."""
    s_start, s_end = span
    lex, targets_lex, cues_lex = lexicons
    targets = _matches_in_tokens(toks, targets_lex, indexed=True)
    if not targets:
        return []
    spans = [m.span() for m in WORD_RE.finditer(text, s_start, s_end)]
    starts = [x for x, _ in spans]
    ends = [y for _, y in spans]
    # cues are looked up only in sentences that hold a target: most sentences hold none
    matches = targets + _matches_in_tokens(toks, cues_lex, indexed=True)
    breaks = _break_tokens(text, starts, ends)
    # an imperative inside a quote opens the sentence: "“Take a knife and attack ...”"
    opens_quote = any(ch in _OPENING_QUOTES for ch in text[s_start : starts[0]])
    sentence = Sentence(
        toks,
        _Caps(text, starts, toks),
        0,
        len(toks),
        breaks,
        lex,
        opens_quote=opens_quote,
        quoted=_Quoted(text, starts),
        people=people,
    )
    return [
        (starts[i], ends[j - 1], term, category, measure, mode, cue, rule)
        for i, j, term, category, measure, mode, cue, rule in classify_sentence(sentence, matches)
    ]


def _append_row(
    rows: dict[str, list],
    aid: object,
    sid: int,
    text: str,
    start: int,
    end: int,
    term,
    category: str,
    measure: str,
    mode: str,
    cue: str | None,
    rule: str,
) -> None:
    values = {
        "article_id": aid,
        "sentence_id": sid,
        "start": start,
        "end": end,
        "matched_text": text[start:end],
        "term": term.pattern,
        "category": category,
        "measure": measure,
        "mode": mode,
        "negated": mode == "negated",
        "hypothetical": mode == "hypothetical",
        "speaker": None,
        "speaker_type": None,
        "cue": cue,
        "rule": rule,
    }
    for column, value in values.items():
        rows[column].append(value)


def _typed_frame(rows: dict[str, list]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=THREAT_COLUMNS)
    # missing cues are None in every chunk: a chunk with some cues would otherwise give NaN, one
    # without any None, and chunks processed apart would differ from one pass
    out["cue"] = pd.Series(
        [c if isinstance(c, str) else None for c in rows["cue"]], index=out.index, dtype="object"
    )
    return out.astype(
        {
            "sentence_id": "int64",
            "start": "int64",
            "end": "int64",
            "negated": "bool",
            "hypothetical": "bool",
            "speaker": "object",
            "speaker_type": "object",
            "cue": "object",
        }
    )


def attach_speakers(matches: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Give each match the speaker of the innermost attribution whose content holds it.

    The speaker is the attribution's ``speaker_name`` when it has one, else its ``speaker`` text;
    ``speaker_type`` is its ``source_type``. A threat act in no content is the speaker's whose
    cue it is ("One Republican [[threatened]] to ...", "bin Laden [[declared war]]") or follows
    closely, ahead of that cue's content ("Trump vowed to harshly [[punish]] ... “...”"): the
    threat is the speech act. Other matches keep None (the article's own voice). Returns a new
    frame.

    >>> m = pd.DataFrame({"article_id": ["a", "a"], "start": [5, 60], "end": [12, 66]})
    >>> at = pd.DataFrame({"article_id": ["a", "a"], "content_start": [0, 3],
    ...                    "content_end": [40, 20], "speaker": ["the report", "He"],
    ...                    "speaker_name": [None, "Hossein Salami"],
    ...                    "source_type": ["media", "named_person"]})
    >>> attach_speakers(m, at)[["speaker", "speaker_type"]].values.tolist()
    [['Hossein Salami', 'named_person'], [None, None]]
    """
    n = len(matches)
    speakers = np.full(n, None, dtype=object)
    types = np.full(n, None, dtype=object)
    if n and len(attributions):
        # article by article through integer codes: only one article's spans are Python objects at a
        # time
        # (a table of every attribution's span cost hundreds of MB on large corpora)
        m_codes, m_ids = pd.factorize(matches["article_id"])
        rows, first, last = rows_by_article(attributions, pd.Index(m_ids))
        content_start = attributions["content_start"].to_numpy(dtype="int64")[rows]
        content_end = attributions["content_end"].to_numpy(dtype="int64")[rows]
        speaker = attributions["speaker"].to_numpy(dtype=object)[rows]
        name = (
            attributions["speaker_name"].to_numpy(dtype=object)[rows]
            if "speaker_name" in attributions
            else np.full(len(rows), None, dtype=object)
        )
        type_codes, type_names = pd.factorize(attributions["source_type"])
        type_codes = type_codes[rows]
        cue_start, cue_end = _cue_spans(attributions, rows)
        # only a threat act is a speech act of its own; violence and danger named near a cue are
        # the article's report ("stated, amidst reports of snipers attacking civilians, that")
        acts = (
            (matches["measure"] == "threat_act").to_numpy()
            if "measure" in matches
            else np.ones(n, dtype=bool)
        )
        m_start = matches["start"].to_numpy(dtype="int64")
        m_end = matches["end"].to_numpy(dtype="int64")
        for code, at in pd.Series(np.arange(n)).groupby(m_codes, sort=False).indices.items():
            lo, hi = int(first[code]), int(last[code])
            if lo == hi:
                continue
            spans = list(
                zip(content_start[lo:hi].tolist(), content_end[lo:hi].tolist(), range(lo, hi))
            )
            cues = list(zip(cue_start[lo:hi].tolist(), cue_end[lo:hi].tolist(), range(lo, hi)))
            for k in at.tolist():
                s, e = int(m_start[k]), int(m_end[k])
                best = None
                for cs, ce, j in spans:
                    if cs <= s and e <= ce and (best is None or ce - cs < best[1] - best[0]):
                        best = (cs, ce, j)
                j = best[2] if best is not None else None
                if j is None and acts[k]:
                    j = _cue_of(s, e, cues, content_start)
                if j is not None:
                    who = name[j]
                    speakers[k] = who if isinstance(who, str) and who else speaker[j]
                    types[k] = type_names[type_codes[j]] if type_codes[j] >= 0 else None
    return matches.assign(
        speaker=pd.Series(speakers, index=matches.index, dtype="object"),
        speaker_type=pd.Series(types, index=matches.index, dtype="object"),
    )


# how far after its cue a match may start and still be what the cue reports ("vowed to harshly
# punish": the act governed by the commissive verb, before a quotation that is its content)
_AFTER_CUE_CHARS = 40


def _cue_spans(attributions: pd.DataFrame, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The cue offsets of ``rows`` (-1 where a frame has none: no cue to fall back on)."""
    if "cue_start" not in attributions or "cue_end" not in attributions:
        return np.full(len(rows), -1, dtype="int64"), np.full(len(rows), -1, dtype="int64")
    starts = pd.to_numeric(attributions["cue_start"], errors="coerce").fillna(-1)
    ends = pd.to_numeric(attributions["cue_end"], errors="coerce").fillna(-1)
    return starts.to_numpy(dtype="int64")[rows], ends.to_numpy(dtype="int64")[rows]


def _cue_of(
    s: int, e: int, cues: list[tuple[int, int, int]], content_start: np.ndarray
) -> int | None:
    """The attribution whose cue is the match ``[s, e)`` or stands just before it, ahead of
    that attribution's content; None when there is none."""
    for cs, ce, j in cues:
        if cs < 0:
            continue
        if cs < e and s < ce:
            return j  # the cue itself: "threatened", "declared war"
        if ce <= s and s - ce <= _AFTER_CUE_CHARS and e <= content_start[j]:
            return j  # "vowed to harshly punish ... “...”": the act before the quoted content
    return None
