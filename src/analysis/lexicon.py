"""Dictionary engine with quanteda's semantics, and loaders for YAML, CSV and LIWC-style ``.dic``
files.

Semantics (as quanteda's ``tokens_lookup``/``dfm_lookup``):

- keys may be nested; a nested key is flattened with dots (``violence.attack``);
- values are globs matched against whole word tokens (``retaliat*`` matches "retaliation", never
  "pre-retaliation"), or several words for a phrase ("set ablaze", "take * revenge");
- matching is case-insensitive by default, and curly and straight apostrophes are the same;
- within one key the longest match wins and its tokens are consumed (no double counting);
  a token is counted under every key it matches;
- rates are per 1,000 word tokens of the whole text (all words, not only matched ones).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import ahocorasick
import numpy as np
import pandas as pd
import yaml

from .text import WORD_RE

__all__ = ["Lexicon", "Term", "load_lexicon", "lexicon_matches", "lexicon_counts", "tokenize"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def _norm(token: str, case_sensitive: bool = False) -> str:
    token = token.translate(_APOSTROPHES)
    return token if case_sensitive else token.lower()


def normalize_for_matching(text: str, *, case_sensitive: bool = False) -> str | None:
    """``text`` with curly apostrophes made straight and lower-cased, offsets unchanged (None if
    lower-casing would move them, as it does for "İ")."""
    for ch in "’‘ʼ`":
        if ch in text:
            text = text.replace(ch, "'")
    if case_sensitive:
        return text
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def tokenize(text: str, *, case_sensitive: bool = False) -> tuple[list[str], list[int], list[int]]:
    """Normalised word tokens of ``text`` with their start and end offsets.

    >>> tokenize("Iran’s “REVENGE” won't wait")
    (["iran's", 'revenge', "won't", 'wait'], [0, 8, 17, 23], [6, 15, 22, 27])
    """
    spans = [m.span() for m in WORD_RE.finditer(text)]
    norm = normalize_for_matching(text, case_sensitive=case_sensitive)
    if norm is None:
        toks = [_norm(text[a:b], case_sensitive) for a, b in spans]
    else:
        toks = [norm[a:b] for a, b in spans]
    return toks, [a for a, _ in spans], [b for _, b in spans]


@dataclass(frozen=True)
class Term:
    """One dictionary value: its key, the pattern as written, and where it came from."""

    key: str
    pattern: str
    parts: tuple[str, ...]
    source: str = ""
    note: str = ""

    def matches_at(self, tokens: list[str], i: int) -> bool:
        if i + len(self.parts) > len(tokens):
            return False
        for j, part in enumerate(self.parts):
            tok = tokens[i + j]
            if _is_glob(part):
                if not fnmatchcase(tok, part):
                    return False
            elif tok != part:
                return False
        return True


def _is_glob(part: str) -> bool:
    return "*" in part or "?" in part


def _needle(parts: tuple[str, ...]) -> str:
    """The literal beginning of a phrase in the space-joined tokens: " take revenge " for "take
    revenge", " air strike" for "air strike*", " shoot " for "shoot * down"."""
    out = ""
    for part in parts:
        if _is_glob(part):
            return out + " " + re.split(r"[*?]", part, maxsplit=1)[0]
        out += " " + part
    return out + " "


def _pattern_parts(pattern: str, case_sensitive: bool) -> tuple[str, ...]:
    # a value is split into words the same way the text is (so "U.S." is two tokens, "Iran-backed"
    # one) but glob characters are kept inside a word
    raw = [w for w in re.split(r"\s+", pattern.strip()) if w]
    parts: list[str] = []
    for word in raw:
        pieces = re.findall(r"[\w*?]+(?:['’\-][\w*?]+)*", word)
        if word.startswith("*") and pieces and pieces[0].startswith("*") is False:
            pieces[0] = "*" + pieces[0]
        parts.extend(_norm(p, case_sensitive) for p in pieces)
    return tuple(parts)


@dataclass
class Lexicon:
    """A dictionary: keys (flattened with dots) mapping to glob patterns.

    >>> lex = Lexicon.from_mapping(
    ...     {"violence": {"attack": ["attack*", "air strike*"]}, "revenge": ["reveng*"]}
    ... )
    >>> lex.keys
    ['violence.attack', 'revenge']
    >>> len(lex), lex.digest()[:8]
    (3, '...')
    """

    terms: list[Term]
    case_sensitive: bool = False
    name: str = "lexicon"
    _first_exact: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    _first_glob: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    _glob_prefix_lengths: list[int] = field(default_factory=list, repr=False)
    _first_anyglob: list[Term] = field(default_factory=list, repr=False)
    _first_suffix: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    _suffix_lengths: list[int] = field(default_factory=list, repr=False)
    _memo: dict[str, tuple[Term, ...]] = field(default_factory=dict, repr=False)
    _hits: set[str] = field(default_factory=set, repr=False)
    _single_keys: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _single_hits: set[str] = field(default_factory=set, repr=False)
    # tokens that begin a one-word term, and for each token that begins phrases the other exact
    # words each phrase needs: a sentence without them is settled by set tests, not by a loop
    _word_starts: set[str] = field(default_factory=set, repr=False)
    _phrase_needs: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict, repr=False)
    _phrase_firsts: frozenset[str] = field(default_factory=frozenset, repr=False)
    _phrase_glob_firsts: bool = field(default=False, repr=False)
    _needle_automaton: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self._first_exact, self._first_glob, self._first_anyglob, self._first_suffix = (
            {},
            {},
            [],
            {},
        )
        self._memo = {}
        self._hits = set()
        self._word_starts = set()
        self._phrase_needs = {}
        self._single_keys = {}
        self._single_hits = set()
        self._needle_automaton = None  # built at the first phrase search (_needle_search)
        phrase_firsts = [t.parts[0] for t in self.terms if len(t.parts) > 1]
        self._phrase_firsts = frozenset(p for p in phrase_firsts if not _is_glob(p))
        self._phrase_glob_firsts = any(_is_glob(p) for p in phrase_firsts)
        lengths, suffix_lengths = set(), set()
        for term in self.terms:
            if not term.parts:
                continue
            first = term.parts[0]
            if not _is_glob(first):
                self._first_exact.setdefault(first, []).append(term)
                continue
            prefix = re.split(r"[*?]", first, maxsplit=1)[0]
            if prefix:
                self._first_glob.setdefault(prefix, []).append(term)
                lengths.add(len(prefix))
            elif first.startswith("*") and not _is_glob(first[1:]) and first[1:]:
                self._first_suffix.setdefault(first[1:], []).append(term)  # "*n't"
                suffix_lengths.add(len(first) - 1)
            else:
                self._first_anyglob.append(term)
        self._glob_prefix_lengths = sorted(lengths)
        self._suffix_lengths = sorted(suffix_lengths)
        # every glob prefix is at least this long, so a token whose first characters begin none of
        # them can match no glob: one slice and one set lookup settle most tokens
        self._head_length = min(lengths) if lengths else 0
        self._glob_heads = frozenset(p[: self._head_length] for p in self._first_glob)

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def keys(self) -> list[str]:
        return list(dict.fromkeys(t.key for t in self.terms))

    def starting_with(self, token: str) -> tuple[Term, ...]:
        """Terms whose first word matches ``token``, memoised per distinct token (the lexicon's
        vocabulary index: it grows with the vocabulary of the corpus, not with its size)."""
        found = self._memo.get(token)
        if found is None:
            found = tuple(
                t
                for t in self.candidates(token)
                if (fnmatchcase(token, t.parts[0]) if _is_glob(t.parts[0]) else token == t.parts[0])
            )
            self._memo[token] = found
            if found:
                self._note_hit(token, found)
        return found

    def _note_hit(self, token: str, found: tuple[Term, ...]) -> None:
        self._hits.add(token)
        if any(len(t.parts) == 1 for t in found):
            self._word_starts.add(token)
        self._phrase_needs[token] = tuple(
            frozenset(p for p in t.parts[1:] if not _is_glob(p)) for t in found if len(t.parts) > 1
        )

    def trim_memo(self, limit: int = 500_000) -> None:
        """Forget the vocabulary index once it holds more than ``limit`` tokens, so that memory
        stays bounded on corpora whose vocabulary keeps growing (names, numbers, misspellings)."""
        if len(self._memo) > limit:
            self._memo.clear()
            self._hits.clear()
            self._word_starts.clear()
            self._phrase_needs.clear()
            self._single_keys.clear()
            self._single_hits.clear()

    def index_tokens(self, tokens: Iterable[str]) -> None:
        """Memoise ``starting_with`` for tokens not seen before, settling at once those no term can
        start with (most of a vocabulary)."""
        memo, exact, heads, n = self._memo, self._first_exact, self._glob_heads, self._head_length
        suffixes = [(k, self._first_suffix) for k in self._suffix_lengths]
        anyglob = bool(self._first_anyglob)
        for tok in tokens:
            if tok in memo:
                continue
            if (
                anyglob
                or tok in exact
                or tok[:n] in heads
                or any(tok[-k:] in sfx for k, sfx in suffixes)
            ):
                self.starting_with(tok)
            else:
                memo[tok] = ()

    def candidates(self, token: str) -> list[Term]:
        """Terms whose first word can match ``token``."""
        out = list(self._first_exact.get(token, ()))
        for n in self._glob_prefix_lengths:
            if n > len(token):
                break
            out.extend(self._first_glob.get(token[:n], ()))
        for n in self._suffix_lengths:
            if n < len(token):
                out.extend(self._first_suffix.get(token[-n:], ()))
        out.extend(self._first_anyglob)
        return out

    def digest(self) -> str:
        """A SHA-256 of the terms and keys, to record which lexicon produced a result."""
        h = hashlib.sha256()
        for t in self.terms:
            h.update(f"{t.key}\t{t.pattern}\n".encode())
        return h.hexdigest()

    def select(self, prefix: str) -> Lexicon:
        """The sub-dictionary of keys under ``prefix`` (``"violence"`` keeps ``violence.*``)."""
        return Lexicon(
            [t for t in self.terms if t.key == prefix or t.key.startswith(prefix + ".")],
            case_sensitive=self.case_sensitive,
            name=f"{self.name}[{prefix}]",
        )

    # --- constructors ----------------------------------------------------------------------------
    @classmethod
    def from_mapping(
        cls,
        mapping: Mapping[str, Any],
        *,
        case_sensitive: bool = False,
        name: str = "lexicon",
        source: str = "",
    ) -> Lexicon:
        """Nested dict of key -> list of patterns (or of {term, source, note} dicts) or nested
        dicts."""
        terms: list[Term] = []

        def walk(node: Any, path: list[str]) -> None:
            if isinstance(node, Mapping):
                for k, v in node.items():
                    walk(v, path + [str(k)])
                return
            values = node if isinstance(node, list) else [node]
            key = ".".join(path)
            for v in values:
                if isinstance(v, Mapping):
                    pattern = str(v.get("term") or v.get("pattern") or "")
                    src, note = (
                        str(v.get("source", source) or ""),
                        str(v.get("note", v.get("why", "")) or ""),
                    )
                else:
                    pattern, src, note = str(v), source, ""
                parts = _pattern_parts(pattern, case_sensitive)
                if parts:
                    terms.append(Term(key, pattern, parts, src, note))

        walk(mapping, [])
        return cls(terms, case_sensitive=case_sensitive, name=name)

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        case_sensitive: bool = False,
        name: str = "lexicon",
    ) -> Lexicon:
        """Rows with ``term`` and ``key`` (else ``role``.``category``, else
        ``measure``.``category``), plus ``source`` and ``note``."""
        terms = []
        for r in records:
            key = r.get("key") or ".".join(
                str(r[c])
                for c in (("role" if r.get("role") else "measure"), "category")
                if r.get(c)
            )
            parts = _pattern_parts(str(r["term"]), case_sensitive)
            if parts:
                terms.append(
                    Term(
                        str(key),
                        str(r["term"]),
                        parts,
                        str(r.get("source") or ""),
                        str(r.get("note") or r.get("why") or ""),
                    )
                )
        return cls(terms, case_sensitive=case_sensitive, name=name)


def _read_dic(path: Path) -> dict[str, list[str]]:
    """LIWC-style ``.dic``: a ``%`` block of ``id<TAB>category`` lines, then ``word<TAB>id id ...``
    lines."""
    text = path.read_text(encoding="utf-8-sig")
    blocks = text.split("%")
    if len(blocks) < 3:
        raise ValueError(f"{path}: not a LIWC-style .dic file (no % ... % category block)")
    categories: dict[str, str] = {}
    for line in blocks[1].strip().splitlines():
        bits = line.split()
        if len(bits) >= 2:
            categories[bits[0]] = " ".join(bits[1:])
    out: dict[str, list[str]] = {c: [] for c in categories.values()}
    for line in "%".join(blocks[2:]).strip().splitlines():
        if not line.strip():
            continue
        # words may be phrases: the category ids are the trailing all-digit fields
        bits = re.split(r"\t+", line.strip())
        if len(bits) == 1:
            bits = line.split()
            ids = [b for b in bits if b.isdigit()]
            word = " ".join(b for b in bits if not b.isdigit())
        else:
            word = bits[0]
            ids = " ".join(bits[1:]).split()
        for cid in ids:
            if cid in categories:
                out[categories[cid]].append(word.strip())
    return out


def load_lexicon(
    source: str | Path | Mapping[str, Any] | Lexicon | None = None, *, case_sensitive: bool = False
) -> Lexicon:
    """Load a dictionary from YAML (nested keys), CSV (one term a row) or a LIWC-style ``.dic``
    file.

    ``None`` loads the package's threat lexicon.

    >>> lex = load_lexicon()
    >>> "act.attack" in lex.keys and "salience.danger" in lex.keys
    True
    """
    if isinstance(source, Lexicon):
        return source
    if source is None:
        from .paths import package_data_dir

        source = package_data_dir() / "threat_lexicon.csv"
    if isinstance(source, Mapping):
        return Lexicon.from_mapping(source, case_sensitive=case_sensitive)
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        if not isinstance(data, Mapping):
            raise ValueError(f"{path}: a YAML lexicon is a mapping of keys to lists of terms")
        return Lexicon.from_mapping(
            data, case_sensitive=case_sensitive, name=path.stem, source=path.name
        )
    if suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = [
                r for r in csv.DictReader(fh) if r.get("term") and not r["term"].startswith("#")
            ]
        return Lexicon.from_records(rows, case_sensitive=case_sensitive, name=path.stem)
    if suffix == ".dic":
        return Lexicon.from_mapping(
            _read_dic(path), case_sensitive=case_sensitive, name=path.stem, source=path.name
        )
    raise ValueError(f"{path}: unknown lexicon format {suffix!r} (use .yaml, .csv or .dic)")


def _index_unseen(lexicon: Lexicon, tokens: Iterable[str]) -> None:
    """Bound the memo, then index the tokens it has not seen: called once for a whole article,
    it spares each sentence's ``_matches_in_tokens`` a set of its own (``indexed=True``)."""
    lexicon.trim_memo()
    lexicon.index_tokens(set(tokens).difference(lexicon._memo))


def _matches_in_tokens(
    tokens: list[str],
    lexicon: Lexicon,
    lo: int = 0,
    hi: int | None = None,
    *,
    indexed: bool = False,
) -> list[tuple[str, int, int, Term]]:
    """``(key, first_token, end_token, term)`` for every match in ``tokens[lo:hi]``: longest per
    key, tokens consumed per key (quanteda's semantics). ``indexed``: every token was passed to
    ``_index_unseen`` since the memo was last bounded."""
    hi = len(tokens) if hi is None else hi
    best: dict[tuple[str, int], Term] = {}
    window = tokens if (lo == 0 and hi == len(tokens)) else tokens[lo:hi]
    if not indexed:
        _index_unseen(lexicon, window)  # tokens never seen before: index them once
    memo = lexicon._memo
    hits = lexicon._hits
    if hits.isdisjoint(window) or not _may_match(window, lexicon):
        return []  # most sentences: decided in C, before a Python loop over their tokens
    for i in [k + lo for k, t in enumerate(window) if t in hits]:
        for term in memo[tokens[i]]:
            n = len(term.parts)
            if n > 1 and (i + n > hi or not term.matches_at(tokens, i)):
                continue
            k = (term.key, i)
            old = best.get(k)
            if old is None or n > len(old.parts):
                best[k] = term
    if not best:
        return []
    out = []
    next_free: dict[str, int] = {}
    for (key, i), term in sorted(best.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if i < next_free.get(key, 0):
            continue
        out.append((key, i, i + len(term.parts), term))
        next_free[key] = i + len(term.parts)
    return out


def _may_match(window: list[str], lexicon: Lexicon) -> bool:
    """False when no term can match in ``window``: no token begins a one-word term, and no phrase
    that a token begins has all its other exact words in the window (a sentence holding "on" but
    none of "on the brink"'s other words)."""
    if not lexicon._word_starts.isdisjoint(window):
        return True
    present = set(window)
    needs = lexicon._phrase_needs
    starts = lexicon._hits.intersection(present)
    return any(need <= present for tok in starts for need in needs[tok])


_NO_KEYS: frozenset[str] = frozenset()


def _phrase_starts(
    tokens: list[str], counter: Counter, lexicon: Lexicon
) -> dict[int, list[Term]] | None:
    """The token positions where a phrase of ``lexicon`` may start, each with the phrases that may
    start there (None if no phrase can occur); with a phrase whose first word is a glob, every
    position and every phrase its token starts."""
    if lexicon._phrase_glob_firsts:  # a phrase may start anywhere: visit every position
        return {
            i: [t for t in lexicon.starting_with(tok) if len(t.parts) > 1]
            for i, tok in enumerate(tokens)
        }
    if lexicon._phrase_firsts.isdisjoint(counter):
        return None
    # a phrase's literal beginning, found in the space-joined tokens, gives its candidate starts
    # and phrases: every beginning in one scan, a phrase kept where the article holds each exact
    # word of it
    present = counter.keys()
    joined = " " + " ".join(tokens) + " "
    at_offset: dict[int, list[Term]] = {}
    for end, (last, phrases) in _needle_search(lexicon).iter(joined):
        fitting = [term for needed, term in phrases if present >= needed]
        if fitting:
            at_offset.setdefault(end - last, []).extend(fitting)
    if not at_offset:
        return None
    # the token after the space at offset ``at`` has index (spaces in joined[:at + 1]) - 1
    starts: dict[int, list[Term]] = {}
    seen, prev = 0, 0
    for at in sorted(at_offset):
        seen += joined.count(" ", prev, at + 1)
        prev = at + 1
        starts[seen - 1] = at_offset[at]
    return starts


def _needle_search(lexicon: Lexicon) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton (pyahocorasick) of the lexicon's phrase beginnings: each gives
    (its length - 1, its phrases with the exact words each needs). One pass over an article finds
    them all, where a ``str.find`` per beginning scanned it 20 times."""
    if lexicon._needle_automaton is None:
        phrases: dict[str, list[tuple[frozenset[str], Term]]] = {}
        for term in lexicon.terms:
            if len(term.parts) > 1 and not _is_glob(term.parts[0]):
                needed = frozenset(p for p in term.parts if not _is_glob(p))
                phrases.setdefault(_needle(term.parts), []).append((needed, term))
        automaton = ahocorasick.Automaton()
        for needle, found in phrases.items():
            automaton.add_word(needle, (len(needle) - 1, tuple(found)))
        automaton.make_automaton()
        lexicon._needle_automaton = automaton
    return lexicon._needle_automaton


def _count_in_tokens(tokens: list[str], lexicon: Lexicon) -> dict[str, int]:
    """Counts per key with the same semantics as ``_matches_in_tokens``, computed from token
    frequencies.

    Single-word matches are counted once per distinct token (Counter and set intersections run in
    C). Phrases are looked for only where they can occur: a phrase whose exact words are not all in
    the article is skipped, and the starts of the rest are found with ``str.find`` in the
    space-joined tokens; a phrase replaces the single-word matches it covers in its key.
    """

    lexicon.trim_memo()
    counter = Counter(tokens)
    counts: dict[str, int] = {}
    single_keys = lexicon._single_keys
    # iterates the article's tokens, not the vocabulary; on a known vocabulary the subset test
    # (no set built) settles it
    unseen = () if counter.keys() <= single_keys.keys() else set(counter).difference(single_keys)
    if unseen:
        lexicon.index_tokens(unseen)
        memo = lexicon._memo
        for tok in unseen:
            found = memo[tok]
            keys = frozenset(t.key for t in found if len(t.parts) == 1) if found else _NO_KEYS
            single_keys[tok] = keys
            if keys:
                lexicon._single_hits.add(tok)
    for tok in lexicon._single_hits.intersection(counter):
        n = counter[tok]
        for key in single_keys[tok]:
            counts[key] = counts.get(key, 0) + n
    if not lexicon._phrase_firsts and not lexicon._phrase_glob_firsts:
        return counts
    starts = _phrase_starts(tokens, counter, lexicon)
    if starts is None:
        return counts
    next_free: dict[str, int] = {}
    for i, phrases in starts.items():
        longest: dict[str, int] = {}
        for term in phrases:
            m = len(term.parts)
            if i + m <= len(tokens) and m > longest.get(term.key, 0) and term.matches_at(tokens, i):
                longest[term.key] = m
        for key, m in longest.items():
            if i < next_free.get(key, 0):
                continue
            covered = sum(1 for k in range(i, i + m) if key in single_keys.get(tokens[k], ()))
            # a single-word match that started before i in this key is not consumed by this phrase
            counts[key] = counts.get(key, 0) + 1 - covered
            next_free[key] = i + m
    return counts


def lexicon_matches(
    articles: pd.DataFrame, lexicon: Lexicon | str | Path | Mapping | None = None
) -> pd.DataFrame:
    """One row per dictionary match: ``article_id``, ``key``, ``term``, ``start``, ``end``,
    ``matched_text``.

    >>> text = "They vowed to retaliate; retaliation will come."
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    >>> lex = {"retaliation": ["retaliat*"], "future": ["will come", "will"]}
    >>> lexicon_matches(arts, lex)[["key", "matched_text"]].values.tolist()
    [['retaliation', 'retaliate'], ['retaliation', 'retaliation'], ['future', 'will come']]
    """
    lex = load_lexicon(lexicon)
    rows: dict[str, list] = {
        k: [] for k in ("article_id", "key", "term", "start", "end", "matched_text")
    }
    for aid, text in zip(articles["article_id"], articles["text"]):
        if not isinstance(text, str):
            continue
        toks, starts, ends = tokenize(text, case_sensitive=lex.case_sensitive)
        for key, i, j, term in _matches_in_tokens(toks, lex):
            rows["article_id"].append(aid)
            rows["key"].append(key)
            rows["term"].append(term.pattern)
            rows["start"].append(starts[i])
            rows["end"].append(ends[j - 1])
            rows["matched_text"].append(text[starts[i] : ends[j - 1]])
    return pd.DataFrame(rows).astype({"start": "int64", "end": "int64"})


def lexicon_counts(
    articles: pd.DataFrame,
    lexicon: Lexicon | str | Path | Mapping | None = None,
    *,
    matches: pd.DataFrame | None = None,
    processes: int | None = None,
) -> pd.DataFrame:
    """Per article: ``words`` (all word tokens), and for every key its count and ``<key>_per_1k``.

    Counting needs no offsets, so it runs on the word tokens alone (``lexicon_matches`` gives the
    matches with their offsets, for explanation). ``matches`` counts a frame already made.

    >>> arts = pd.DataFrame(
    ...     {
    ...         "article_id": ["a", "b"],
    ...         "text": ["Retaliation, retaliation: they will retaliate.", "Calm."],
    ...     }
    ... )
    >>> lexicon_counts(arts, {"retaliation": ["retaliat*"]}).values.tolist()
    [['a', 5, 3, 600.0], ['b', 1, 0, 0.0]]
    """
    lex = load_lexicon(lexicon)
    if matches is None:
        from functools import partial

        from .parallel import map_chunks

        # workers send back bare arrays, and the frame is built once here: unpickling and
        # concatenating a frame of every key per chunk cost more than the counting of a small corpus
        parts = map_chunks(
            partial(_count_arrays, lex=lex),
            articles[["article_id", "text"]],
            processes=processes,
            min_articles=600,
        )
        words = np.concatenate([p[0] for p in parts])
        counts = np.concatenate([p[1] for p in parts])
        return _counts_frame(articles["article_id"].to_numpy(), lex.keys, words, counts)
    words, counts = _count_arrays(articles, lex=lex, matches=matches)
    return _counts_frame(articles["article_id"].to_numpy(), lex.keys, words, counts)


def _count_arrays(
    articles: pd.DataFrame, *, lex: Lexicon, matches: pd.DataFrame | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Word totals and an (articles × keys) array of counts."""
    keys = lex.keys
    words: list[int] = []
    rows: list[dict[str, int]] = []
    for text in articles["text"]:
        if not isinstance(text, str):
            words.append(0)
            rows.append({})
            continue
        norm = normalize_for_matching(text, case_sensitive=lex.case_sensitive)
        toks = (
            WORD_RE.findall(norm)
            if norm is not None
            else [_norm(t, lex.case_sensitive) for t in WORD_RE.findall(text)]
        )
        words.append(len(toks))
        if matches is None:
            rows.append(_count_in_tokens(toks, lex))
    if matches is not None:
        grouped = matches.groupby(["article_id", "key"]).size()
        rows = [{k: int(grouped.get((aid, k), 0)) for k in keys} for aid in articles["article_id"]]
    column = {key: j for j, key in enumerate(keys)}
    counts = np.zeros((len(rows), len(keys)), dtype="int64")
    for r, row in enumerate(rows):
        for key, n in row.items():
            counts[r, column[key]] = n
    return np.asarray(words, dtype="int64"), counts


def _counts_frame(
    article_ids: np.ndarray, keys: list[str], words: np.ndarray, counts: np.ndarray
) -> pd.DataFrame:
    # the frame built once from arrays (a column at a time costs more than the counting)
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = np.where(words[:, None] > 0, counts * 1000 / words[:, None], 0.0).round(3)
    data: dict[str, Any] = {"article_id": article_ids, "words": words}
    for j, key in enumerate(keys):
        data[key] = counts[:, j]
        data[f"{key}_per_1k"] = rates[:, j]
    return pd.DataFrame(data)
