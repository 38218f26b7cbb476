"""Text units: word tokens, paragraphs and sentences, with offsets into the article ``text``.

The sentence splitter is nupunkt (a pure-Python Punkt with a bundled English model, so nothing is
downloaded), plus one repair that news needs: a break right after a title that always precedes a
name ("Lt. Col. Smith", "Brig. Gen. Amir Ali Hajizadeh") is never a sentence end.
"""

from __future__ import annotations

import csv
import re
from array import array
from collections import OrderedDict
from collections.abc import Iterator
from functools import lru_cache

import nupunkt
import pandas as pd

from .parallel import register_warm_up
from .paths import package_data_dir

__all__ = [
    "WORD_RE",
    "words",
    "word_count",
    "paragraph_spans",
    "sentence_spans",
    "split_sentences",
    "replace_surrogates",
    "text_column",
]

#: One word token: letters/digits with inner apostrophes or hyphens ("don't", "Iran-backed").
#: The same definition is the denominator of every per-1,000-words rate. The quantifiers are
#: possessive (``++``, ``*+``): a word run never gives characters back, so the scan keeps no
#: backtracking state.
WORD_RE = re.compile(r"\w++(?:['’\-]\w++)*+")

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")

# Titles that stand before a name: a sentence never ends right after one of them.
_NAME_TITLES = frozenset(
    """mr mrs ms mx dr prof gen brig maj lt col capt cmdr cdr adm sgt cpl pvt sen rep gov
    rev fr sr jr st pres supt insp det amb atty hon lieut gens sens reps messrs mme mlle""".split()
)


#: A lone UTF-16 surrogate: a valid ``str`` character that no UTF-8 encoder, Arrow string or file
#: accepts. Scraped data carries them (a JSON ``"\\udcac"`` escape, a bad ``surrogateescape``).
SURROGATE_RE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many there were.

    One character for one, so every offset into the text stays valid. ASCII text (most news) is
    checked in C and returned as it is.

    >>> replace_surrogates("Officials said \\udcac the talks collapsed.")
    ('Officials said � the talks collapsed.', 1)
    >>> replace_surrogates("Iran’s revenge")
    ('Iran’s revenge', 0)
    """
    if text.isascii() or not SURROGATE_RE.search(text):
        return text, 0
    return SURROGATE_RE.subn(REPLACEMENT, text)


def text_column(values: list[str]) -> pd.Series:
    """A column of strings for a result frame, whatever the strings hold.

    pandas stores strings in Arrow, which refuses lone surrogates; a text cut from an article that
    holds one (an article passed in by hand, not through ``load_articles``) is kept as written in
    an ``object`` column instead of making the whole step raise.

    >>> text_column(["a", "b \\udcac"]).dtype
    dtype('O')
    """
    try:
        return pd.Series(values)
    except UnicodeEncodeError:
        return pd.Series(values, dtype="object")


def words(text: str) -> list[str]:
    """Return the word tokens of ``text``.

    >>> words("Iran’s proxies didn't strike U.S. bases.")
    ['Iran’s', 'proxies', "didn't", 'strike', 'U', 'S', 'bases']
    """
    return WORD_RE.findall(text)


def word_count(text: str) -> int:
    """Number of word tokens in ``text`` (the denominator of per-1,000-word rates).

    >>> word_count("“We will take revenge,” Salami said.")
    6
    """
    return sum(1 for _ in WORD_RE.finditer(text))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text`` (blocks separated by a blank line), whitespace trimmed.

    >>> t = "First para.\\n\\nSecond para."
    >>> [t[a:b] for a, b in paragraph_spans(t)]
    ['First para.', 'Second para.']
    """
    return list(_paragraph_spans(text))


@lru_cache(maxsize=4)
def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``paragraph_spans``, remembered for the last few texts: the sentence splitter, the quotation
    finder and the pronoun resolver each ask for the same article's paragraphs."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        stripped = chunk.strip()
        if not stripped:
            continue
        a2 = a + (len(chunk) - len(chunk.lstrip()))
        out.append((a2, a2 + len(stripped)))
    return tuple(out)


_ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BEFORE_TITLE = frozenset(" \t\n\r\f\v(“\"'\u00a0\u2028\u2029")


def _span_ends_with_title(text: str, a: int, b: int) -> bool:
    """Whether the trimmed span ``text[a:b]`` ends with a title before a name ("... Brig. Gen."):
    the last run of ASCII letters, after a space, bracket or quote, is a title and a period follows.
    No regex scan of the whole span: titles are at most seven letters, so eight characters before
    the period decide."""
    if b - a < 2 or text[b - 1] != ".":
        return False
    lo = max(a, b - 9)
    tail = text[lo : b - 1]
    stem = tail.rstrip(_ASCII_LETTERS)
    word = tail[len(stem) :]
    if not word or len(word) > 7:
        return False
    if stem:
        if not (stem[-1] in _BEFORE_TITLE or stem[-1].isspace()):
            return False
    elif lo > a:
        return False  # the letters run on before the window: longer than any title
    return word.lower() in _NAME_TITLES


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph, trimmed of surrounding whitespace.

    >>> p = ("Lt. Col. Smith met Brig. Gen. Amir Ali Hajizadeh in the U.S. capital. "
    ...      "“We will,” he said.")
    >>> [p[a:b] for a, b in sentence_spans(p)]
    ['Lt. Col. Smith met Brig. Gen. Amir Ali Hajizadeh in the U.S. capital.',
     '“We will,” he said.']
    """
    return [(a, b) for _, a, b in iter_sentences(paragraph)]


_INITIALISM_END = re.compile(r"\b[a-z]+\s+(?:[A-Z]\.){2,}$")
_FIRST_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _titles_and_institutions() -> frozenset[str]:
    """Words that follow a country's initials inside a noun phrase ("the U.S. Ambassador", "the
    U.N. Security Council"): the titles and organisation words of ``data/source_lexicon.csv``."""
    rows = _data_rows("source_lexicon.csv")
    return frozenset(r["term"].rstrip(".") for r in rows if r["kind"] in ("title", "org_keyword"))


def _data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a CSV file of the package's data folder. The sentence splitter reads the
    sourcing word lists itself: ``analysis.sourcing`` imports this module, not the reverse."""
    with open(package_data_dir() / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _initialism_before_title(text: str, end: int, nxt: int) -> bool:
    """A break after "the U.S." before a title or an institution ("the U.S. Ambassador Ryan
    Crocker said") is inside a noun phrase, not a sentence end."""
    if text[end - 1 : end] != "." or not _INITIALISM_END.search(text, max(0, end - 20), end):
        return False
    word = _FIRST_WORD.match(text, nxt)
    return bool(word) and word.group() in _titles_and_institutions()


# a word, a period and a capitalised word: nupunkt keeps some of these in one sentence when the
# next word is a name or a capitalised pronoun ("in applause. Cruz, later joined", "from Iowa.
# Sanders said", "a cliff. It’s happened")
_PERIOD_BEFORE_CAPITAL = re.compile(r"(?<![\w.’'\-])([A-Za-z][a-z]+)\.\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _period_abbreviations() -> frozenset[str]:
    """Words written with a period inside a sentence (``period_abbreviation`` in
    ``data/word_classes.csv``: "et al.", "vs.", "Calif.")."""
    kinds = ("period_abbreviation", "final_abbreviation")
    return frozenset(r["word"] for r in _data_rows("word_classes.csv") if r["class"] in kinds)


def _missed_breaks(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) inside the splitter's span ``text[a:b]``: a period
    after a lower-case word of two letters or more, or after a capitalised word of four or more
    (shorter ones may be abbreviations: "Gen.", "Fla."), before a capitalised word; no title or
    abbreviation ("Capt.", "Ariz.", "Inc.").

    >>> t = "The crowd broke into applause. Cruz, later joined by Christie, spoke."
    >>> [t[x:y] for x, y in _missed_breaks(t, 0, len(t))]
    [' ']
    """
    if text.find(". ", a, b) < 0 and text.find(".\n", a, b) < 0:
        return []  # most spans: no scan
    out = []
    for m in _PERIOD_BEFORE_CAPITAL.finditer(text, a, b):
        word = m.group(1)
        low = word.lower()
        short_capital = word[0].isupper() and len(word) < 4
        if short_capital or low in _NAME_TITLES or low in _period_abbreviations():
            continue
        out.append((m.start(1) + len(word) + 1, m.end()))
    return out


# "“Are you kidding me?” Trump said": a quotation closed by "?" or "!", then a speaker and a
# speech verb (the forms of data/reporting_verbs.csv) within five words
_QUOTED_QUESTION_END = ("?”", "!”", '?"', '!"', "?''", "!''")
_SPEAKER_THEN_VERB = re.compile(r"(?:[A-Z][\w’'.\-]*\s+){1,4}([a-z]+)\b")


@lru_cache(maxsize=1)
def _speech_verb_forms() -> frozenset[str]:
    """The speech cue forms of ``data/reporting_verbs.csv`` ("said", "asked", "told")."""
    rows = _data_rows("reporting_verbs.csv")
    return frozenset(r["form"] for r in rows if r["cue"] == "yes" and r["category"] == "speech")


def _speaker_after_quoted_question(text: str, start: int, end: int, nxt: int) -> bool:
    """A break after a quoted question or exclamation that is the whole piece before, then its
    speaker and verb ("“Are you kidding me?” Trump said to the crowd"), is inside one sentence
    ("He asked: “Is this war?” Nobody answered." is two)."""
    if text[start : start + 1] not in ("“", '"', "'") or not text.endswith(
        _QUOTED_QUESTION_END, max(0, end - 3), end
    ):
        return False
    m = _SPEAKER_THEN_VERB.match(text, nxt, min(len(text), nxt + 80))
    first = text[nxt : nxt + 8].split(" ", 1)[0].lower()
    # "“Is this war?” Nobody answered.": no one, no speaker
    return bool(m) and m.group(1) in _speech_verb_forms() and first not in _negative_subjects()


@lru_cache(maxsize=1)
def _negative_subjects() -> frozenset[str]:
    """Subjects that say no one speaks (``negative_subject`` in ``data/word_classes.csv``:
    "Nobody answered.")."""
    return frozenset(
        r["word"] for r in _data_rows("word_classes.csv") if r["class"] == "negative_subject"
    )


def _continues_sentence(first: str) -> bool:
    """A piece that opens with a lower-case letter, a comma, a semicolon or a closing bracket
    continues the sentence before: the splitter broke after an abbreviation it did not know
    ("Rep. Zoe Lofgren (D-Calif.), who ...", "the Sept. deadline")."""
    return first in ",;)" or first.islower()


# the splitter's model loads at its first use: once here, not in every worker
register_warm_up(lambda: nupunkt.sent_spans("Gen. A. B. Smith spoke. He left."))

# Sentence spans already computed, by text: the steps of one pipeline (attributions, then threats,
# then the summaries) split each article once. Keyed by the text's hash and length, bounded, and
# filled in this process by worker results too (``remember_sentences``).
_SENTENCE_CACHE: OrderedDict[tuple[int, int], array] = OrderedDict()
SENTENCE_CACHE_SIZE = 50_000


def _text_key(text: str) -> tuple[int, int]:
    return hash(text), len(text)


def sentences_of(texts: list[str]) -> list[tuple[tuple[int, int], array]]:
    """The cached sentence spans of ``texts`` (to send from a worker to its parent)."""
    keys = (_text_key(t) for t in texts if isinstance(t, str))
    return [(k, _SENTENCE_CACHE[k]) for k in keys if k in _SENTENCE_CACHE]


def remember_sentences(found: list[tuple[tuple[int, int], array]]) -> None:
    """Add sentence spans computed elsewhere (in a worker) to this process's cache."""
    for key, spans in found:
        _store(key, spans)


def clear_sentence_cache() -> None:
    """Forget every cached sentence split (benchmarks time each run cold)."""
    _SENTENCE_CACHE.clear()


def _store(key: tuple[int, int], spans: array) -> None:
    _SENTENCE_CACHE[key] = spans
    _SENTENCE_CACHE.move_to_end(key)
    while len(_SENTENCE_CACHE) > SENTENCE_CACHE_SIZE:
        _SENTENCE_CACHE.popitem(last=False)


def iter_sentences(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield ``(paragraph_id, start, end)`` for every sentence of an article body.

    nupunkt runs once over the whole text (one call per paragraph costs twice as much); a sentence
    never crosses a paragraph break, and a break after a title before a name is repaired. A text
    split before in this process is not split again.
    """
    key = _text_key(text)
    spans = _SENTENCE_CACHE.get(key)
    if spans is None:
        spans = array("q", (x for sentence in _split(text) for x in sentence))
        _store(key, spans)
    for k in range(0, len(spans), 3):
        yield spans[k], spans[k + 1], spans[k + 2]


def _split(text: str) -> Iterator[tuple[int, int, int]]:
    """``iter_sentences`` without the cache."""
    paragraphs = paragraph_spans(text)
    if not paragraphs:
        return
    raw = nupunkt.sent_spans(text)
    k = 0
    for pid, (pa, pb) in enumerate(paragraphs):
        pieces: list[list[int]] = []
        while k < len(raw) and raw[k][1] <= pa:
            k += 1
        j = k
        while j < len(raw) and raw[j][0] < pb:
            a, b = max(raw[j][0], pa), min(raw[j][1], pb)
            chunk = text[a:b]
            stripped = chunk.strip()
            if stripped:
                a2 = a + (len(chunk) - len(chunk.lstrip()))
                b2 = a2 + len(stripped)
                for cut in _missed_breaks(text, a2, b2):
                    pieces.append([a2, cut[0]])
                    a2 = cut[1]
                if pieces and (
                    _span_ends_with_title(text, pieces[-1][0], pieces[-1][1])
                    or _initialism_before_title(text, pieces[-1][1], a2)
                    or _continues_sentence(text[a2])
                    or _speaker_after_quoted_question(text, pieces[-1][0], pieces[-1][1], a2)
                ):
                    pieces[-1][1] = b2
                else:
                    pieces.append([a2, b2])
            if raw[j][1] > pb:
                break  # the rest of this span belongs to the next paragraph
            j += 1
        k = j
        for a, b in pieces:
            yield pid, a, b


def split_sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: ``article_id``, ``paragraph_id``, ``sentence_id``, ``text``, ``start``,
    ``end``.

    ``start``/``end`` index into the article's ``text``; ``sentence_id`` counts from 0 within an
    article. Titles before names ("Gen.", "Brig. Gen.", "Sen.") and abbreviations such as "U.S."
    and "a.m." do not end sentences; a closing quote stays with its sentence.

    >>> arts = pd.DataFrame({"article_id": ["a1"], "text": [
    ...     "Brig. Gen. Amir Ali Hajizadeh spoke at 9 a.m. Monday. "
    ...     "“We will take revenge,” Salami said.\\n\\nTehran denies the allegation."]})
    >>> sents = split_sentences(arts)
    >>> sents["text"].tolist()
    ['Brig. Gen. Amir Ali Hajizadeh spoke at 9 a.m. Monday.',
     '“We will take revenge,” Salami said.', 'Tehran denies the allegation.']
    >>> sents[["paragraph_id", "sentence_id", "start", "end"]].values.tolist()
    [[0, 0, 0, 53], [0, 1, 54, 90], [1, 2, 92, 121]]
    """
    rows: dict[str, list] = {
        k: [] for k in ("article_id", "paragraph_id", "sentence_id", "text", "start", "end")
    }
    if "article_id" not in articles or "text" not in articles:
        raise ValueError("articles must have an article_id and a text column")
    for article_id, text in zip(articles["article_id"], articles["text"]):
        if not isinstance(text, str):
            continue
        for sid, (pid, a, b) in enumerate(iter_sentences(text)):
            rows["article_id"].append(article_id)
            rows["paragraph_id"].append(pid)
            rows["sentence_id"].append(sid)
            rows["text"].append(text[a:b])
            rows["start"].append(a)
            rows["end"].append(b)
    rows["text"] = text_column(rows["text"])
    out = pd.DataFrame(rows)
    return out.astype(
        {"paragraph_id": "int64", "sentence_id": "int64", "start": "int64", "end": "int64"}
    )
