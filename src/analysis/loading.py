"""Loading articles from files, folders, globs and DataFrames into one cleaned frame.

Every input is either loaded or listed in ``df.attrs["rejected"]`` with the reason; nothing is
dropped silently. See ``load_articles``.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import stat
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .checks import check_bool, check_choice, check_number
from .cleaning import clean_body, normalize_unicode, split_title
from .progress import progress
from .text import WORD_RE, replace_surrogates

__all__ = [
    "load_articles",
    "ArticleLoadError",
    "AttrsTable",
    "analysable",
    "SCHEMA",
    "decode_bytes",
    "detect_language",
    "flag_duplicates",
]

#: Columns every articles frame has, in this order (other input columns follow).
SCHEMA = [
    "article_id",
    "title",
    "subtitle",
    "text",
    "outlet",
    "published",
    "url",
    "captions",
    "boilerplate",
    "source_path",
    "word_count",
    "language",
    "duplicate_of",
    "encoding",
    "surrogates_replaced",
]
TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv", ".parquet", ".pq"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | JSON_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"

# Input column -> schema column, first match wins (news-please/CC-News, All the News, plain
# corpora).
COLUMN_SYNONYMS: dict[str, list[str]] = {
    "article_id": ["article_id", "id", "doc_id", "uuid"],
    "text": ["text", "content", "body", "article", "maintext"],
    "title": ["title", "headline"],
    "subtitle": ["subtitle", "description", "dek", "standfirst"],
    "published": ["published", "date", "date_publish", "publish_date", "pub_date"],
    "outlet": [
        "outlet",
        "publication",
        "publisher",
        "source_domain",
        "source",
        "site_name",
        "sitename",
    ],
    "url": ["url", "link", "source_url"],
    "authors": ["authors", "author", "byline"],
}
# Columns this loader computes itself (the schema columns no input column maps to): an input
# column of that name means something else.
COMPUTED = set(SCHEMA) - set(COLUMN_SYNONYMS)


class AttrsTable(pd.DataFrame):
    """A small table kept in ``DataFrame.attrs`` (rejected inputs, skipped or excluded articles).

    pandas compares ``attrs`` with ``==`` when frames are merged or concatenated; a plain DataFrame
    there makes ``merge`` raise. This one compares as a whole (``equals``), so the frames that carry
    it can be merged and concatenated as usual. (``to_parquet`` cannot store tables in its
    metadata: clear ``attrs`` before writing.)

    >>> a = pd.DataFrame({"x": [1]}); a.attrs["t"] = AttrsTable({"reason": ["empty file"]})
    >>> b = pd.DataFrame({"x": [2]}); b.attrs["t"] = AttrsTable({"reason": ["empty file"]})
    >>> len(pd.concat([a, b])), type(pd.concat([a, b]).attrs["t"]).__name__
    (2, 'AttrsTable')
    """

    @property
    def _constructor(self):
        return AttrsTable

    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        return isinstance(other, pd.DataFrame) and self.equals(other)

    def __ne__(self, other: object) -> bool:  # type: ignore[override]
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def analysable(
    articles: pd.DataFrame, *, include_duplicates: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split ``articles`` into those analysed and those left out, with the reason.

    Articles flagged as another language (``language`` not ``en`` and not unknown) are left out;
    so are flagged duplicates unless ``include_duplicates``.

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["x", "y", "z"],
    ...                      "language": ["en", "fr", None], "duplicate_of": [None, None, "a"]})
    >>> kept, left_out = analysable(arts, include_duplicates=False)
    >>> kept["article_id"].tolist(), left_out.values.tolist()
    (['a'], [['b', 'language fr'], ['c', 'duplicate of a']])
    """
    check_bool("include_duplicates", include_duplicates)
    reasons = pd.Series([None] * len(articles), index=articles.index, dtype="object")
    if "language" in articles:
        lang = articles["language"]
        other = lang.notna() & (lang != "en")
        reasons[other] = "language " + lang[other].astype(str)
    if not include_duplicates and "duplicate_of" in articles:
        dup = articles["duplicate_of"].notna() & reasons.isna()
        reasons[dup] = "duplicate of " + articles.loc[dup, "duplicate_of"].astype(str)
    left_out = AttrsTable(
        {
            "article_id": articles.loc[reasons.notna(), "article_id"].to_numpy(),
            "reason": reasons[reasons.notna()].to_numpy(),
        }
    )
    if left_out.empty:
        # nothing left out: a view, not a filtered copy (Arrow-backed text would be copied whole)
        return articles.copy(deep=False), left_out
    return articles[reasons.isna()], left_out


def rows_of(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``frame`` (matches, attributions, ...) whose ``article_id`` is one of
    ``articles``'.

    When every row qualifies, the frame itself comes back as a shallow copy: a boolean filter would
    copy every column of a frame that can hold millions of rows.

    >>> at = pd.DataFrame({"article_id": ["a", "b", "a"], "x": [1, 2, 3]})
    >>> rows_of(at, pd.DataFrame({"article_id": ["a"]}))["x"].tolist()
    [1, 3]
    """
    keep = frame["article_id"].isin(set(articles["article_id"]))
    if keep.all():
        return frame.copy(deep=False)
    return frame[keep]


def rows_by_article(
    frame: pd.DataFrame, ids: pd.Index
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions of ``frame``'s rows grouped by article through integer codes, with no Python
    object per row.

    Returns ``(rows, first, last)``: ``rows[first[k]:last[k]]`` are the rows (in frame order) whose
    ``article_id`` is ``ids[k]``; rows of articles not in ``ids`` are left out. ``ids`` must be
    unique.

    >>> at = pd.DataFrame({"article_id": ["b", "a", "b"]})
    >>> rows, first, last = rows_by_article(at, pd.Index(["a", "b", "c"]))
    >>> [rows[first[k]:last[k]].tolist() for k in range(3)]
    [[1], [0, 2], []]
    """
    codes = ids.get_indexer(frame["article_id"])  # -1: an article not in ids
    rows = np.flatnonzero(codes >= 0)
    rows = rows[np.argsort(codes[rows], kind="stable")]
    ordered = codes[rows]
    positions = np.arange(len(ids))
    return (
        rows,
        np.searchsorted(ordered, positions, side="left"),
        np.searchsorted(ordered, positions, side="right"),
    )


class ArticleLoadError(ValueError):
    """An input could not be loaded (raised with ``errors="raise"``)."""

    def __init__(self, source_path: str, reason: str, line: int | None = None):
        where = f"{source_path}" + (f", line {line}" if line is not None else "")
        super().__init__(f"{where}: {reason}")
        self.source_path, self.reason, self.line = source_path, reason, line


@dataclass
class _Rejections:
    errors: str
    rows: list[dict]

    def add(self, source_path: str, reason: str, line: int | None = None) -> None:
        # a file name with undecodable bytes reaches Python as lone surrogates: shown with U+FFFD
        source_path, reason = replace_surrogates(str(source_path))[0], replace_surrogates(reason)[0]
        if self.errors == "raise":
            raise ArticleLoadError(source_path, reason, line)
        self.rows.append({"source_path": source_path, "reason": reason, "line": line})

    def frame(self) -> pd.DataFrame:
        df = AttrsTable(self.rows, columns=["source_path", "reason", "line"])
        return AttrsTable(df.astype({"line": "Int64"}))


# --- bytes -> str --------------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = bytes(range(0, 9)) + b"\x0b" + bytes(range(0x0E, 0x20)) + b"\x7f"
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _utf8_controls(data: bytes) -> int:
    """``len(_CONTROL.findall(data.decode("utf-8")))``, counted on the bytes (several times
    quicker): in valid UTF-8 the C0 controls and DEL are single bytes and the C1 controls are
    ``\\xc2\\x80-\\x9f``."""
    single = len(data.translate(None, _NOT_CONTROL_BYTES))
    return single + (len(_C1_IN_UTF8.findall(data)) if b"\xc2" in data else 0)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings charset-normalizer names for Western European text: cp1252 (a superset of Latin-1 for
#: the printable range) reads them all, and the detector cannot tell them apart on short texts.
_WESTERN = frozenset(
    "ascii cp1252 latin_1 iso8859_15 iso8859_1 cp1250 iso8859_2 cp850 cp437 mac_roman "
    "hp_roman8 mac_latin2 mac_iceland cp1257 iso8859_13 cp775 iso8859_10 iso8859_14".split()
)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_LATIN1_ACCENTED = re.compile(r"[\u00c0-\u00ff]+")
_LETTER = re.compile(r"[^\W\d_]+")
_UNDECODABLE = "undecodable bytes (not UTF-8, UTF-16 or a single-byte text encoding)"


def _letters(pattern: re.Pattern, text: str) -> int:
    """Characters of ``text`` that ``pattern`` matches, counted in C (no loop over characters)."""
    return len(text) - len(pattern.sub("", text))


def _bom_or_nul_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark or the NUL pattern of UTF-16 gives, "binary", or None."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    if b"\x00" not in data[:4096]:
        return None
    sample = data[:4096]
    if len(sample) < 16:
        return "binary"  # a few bytes with a NUL tell no UTF-16 pattern (b'{}\n\x00')
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return "binary"


def _too_many_controls(data: bytes, text: str, enc: str) -> int:
    """Number of control characters when they are over 1% of the text (a binary file), else 0."""
    controls = _utf8_controls(data) if enc == "utf-8" else len(_CONTROL.findall(text))
    return controls if controls and controls > 0.01 * len(text) else 0


def _detected_8bit(data: bytes) -> tuple[str, str] | None:
    """Text in a non-Latin single-byte encoding (cp1251, KOI8-R, cp1253, ...), or None.

    charset-normalizer's guess is taken when it reads the bytes as a coherent language whose
    letters are mostly not Latin; Western European text goes to cp1252, which the detector often
    mistakes for cp1250 or hp_roman8 (and "naïveté" would read "naďveté"). A text whose cp1252
    reading is mostly accented letters ("Ïðèâåò") is Cyrillic the detector missed (short texts):
    cp1251 or KOI8-R, whichever makes most letters lower case (the two swap the cases' byte
    ranges).
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in _WESTERN and best.coherence >= 0.1:
        text = str(best)
        letters = _letters(_LETTER, text)
        if letters and _letters(_LATIN_LETTER, text) < 0.5 * letters:
            return text, best.encoding
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = _letters(_LETTER, western)
    if letters and _letters(_LATIN1_ACCENTED, western) > 0.8 * letters:
        # lower-case Cyrillic is 0xE0-0xFF in cp1251 and 0xC0-0xDF in KOI8-R
        high = len(data) - len(data.translate(None, bytes(range(0xE0, 0x100))))
        mid = len(data) - len(data.translate(None, bytes(range(0xC0, 0xE0))))
        enc = "cp1251" if high >= mid else "koi8_r"
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:  # 0x98 is undefined in cp1251
            return None
    return None


def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode ``data``: UTF-8 first (with or without BOM), UTF-16/32 (BOM or NUL pattern), then a
    single-byte encoding (charset-normalizer for non-Latin scripts, else cp1252, else Latin-1).

    Returns ``(text, encoding)``, or ``(None, reason)`` when the bytes are not text. Valid UTF-8,
    nearly every file, never reaches the detector.

    >>> decode_bytes("Iran’s revenge".encode("cp1252"))
    ('Iran’s revenge', 'cp1252')
    >>> decode_bytes("Iran’s revenge".encode("utf-16"))
    ('Iran’s revenge', 'utf-16')
    >>> decode_bytes("Официальные лица заявили, что переговоры сорвались.".encode("cp1251"))
    ('Официальные лица заявили, что переговоры сорвались.', 'cp1251')
    >>> decode_bytes(bytes(range(256)))[0] is None
    True
    """
    if not isinstance(data, (bytes, bytearray)):
        raise ValueError(f"data must be bytes (got {type(data).__name__})")
    data = bytes(data)
    first = _bom_or_nul_encoding(data)
    if first == "binary":
        return None, "binary file (NUL bytes)"
    for enc in (first, "utf-8") if first else ("utf-8",):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, UnicodeError):
            continue
        enc = "utf-8" if enc == "utf-8-sig" else enc
        controls = _too_many_controls(data, text, enc)
        if controls:
            return None, f"binary file ({controls} control characters in {enc} text)"
        return text, enc
    if first:  # a UTF-16/32 mark or NUL pattern, but not decodable as such
        return None, _UNDECODABLE
    detected = _detected_8bit(data)
    candidates = [detected] if detected else []
    for enc in ("cp1252", "latin-1"):
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    for text, enc in candidates:
        if not _too_many_controls(data, text, enc):
            return text, enc
    return None, _UNDECODABLE


# --- language ------------------------------------------------------------------------------------
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was for on with as by he it at from his said be have has are not "
    "but this an they were had which who their been would will its or i we you after more".split()
)


def detect_language(text: str, *, tokens: list[str] | None = None) -> str | None:
    """ISO 639-1 code of ``text``'s language; None (unknown, so analysed) when the text is too
    short to tell.

    English function words settle most news text at once; anything else goes to py3langid,
    whose model ships inside the package (no download). Under 12 words a classifier guesses, and a
    wrong guess would make the analyses skip an English headline or sentence: such texts are
    unknown.

    >>> detect_language("Iran vowed revenge after the killing of its top general, officials said.")
    'en'
    >>> detect_language("L'Iran a promis de se venger après la mort de son général, "
    ...                 "selon des responsables.")
    'fr'
    >>> detect_language("Iran vows revenge on Israel") is None
    True
    """
    head = (
        " ".join(tokens[:150] if tokens is not None else WORD_RE.findall(text[:1500]))
        .lower()
        .split()
    )
    if len(head) < 3:
        return None
    share = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, head)) / len(head)
    if share >= 0.22 and len(head) >= 8:
        return "en"
    if len(head) < 12:
        return None
    import py3langid

    lang, _ = py3langid.classify(text[:3000])
    return lang


# --- duplicates ----------------------------------------------------------------------------------
_SHINGLE_CHARS = 24  # window of the rolling hash over normalised text (about four words)
_SKETCH = 64  # bottom-k sketch size: the k smallest window hashes stand for the whole text
_P = np.uint64(0x100000001B3)  # FNV prime: odd, so invertible modulo 2**64
_P_INV = np.uint64(pow(0x100000001B3, -1, 2**64))


_POWERS = np.ones(1, dtype=np.uint64)
_INVERSES = np.ones(1, dtype=np.uint64)


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i modulo 2**64 for i < n, grown on demand and reused across articles."""
    global _POWERS, _INVERSES
    if len(_POWERS) < n:
        size = max(n, 2 * len(_POWERS), 1 << 14)
        with np.errstate(over="ignore"):
            _POWERS = np.concatenate(
                [[np.uint64(1)], np.cumprod(np.full(size - 1, _P, dtype=np.uint64))]
            )
            _INVERSES = np.concatenate(
                [[np.uint64(1)], np.cumprod(np.full(size - 1, _P_INV, dtype=np.uint64))]
            )
    return _POWERS, _INVERSES


def _fingerprint(text: str) -> frozenset[int]:
    """Bottom-k sketch of the hashes of all character windows of the lower-cased text."""
    norm = text.lower().encode(
        "utf-8", "surrogatepass"
    )  # a surrogate that slipped past never raises
    n = len(norm) - _SHINGLE_CHARS + 1
    if n <= 1:
        return frozenset([zlib.crc32(norm)]) if norm else frozenset()
    powers, inverses = _power_tables(len(norm) + 1)
    b = np.frombuffer(norm, dtype=np.uint8)
    with np.errstate(over="ignore"):
        prefix = np.empty(len(b) + 1, dtype=np.uint64)
        prefix[0] = 0
        np.cumsum(b * powers[: len(b)], out=prefix[1:])
        window = (prefix[_SHINGLE_CHARS:] - prefix[:n]) * inverses[:n]
        window ^= window >> np.uint64(31)
    if len(window) > 4 * _SKETCH:
        window = np.partition(window, 4 * _SKETCH - 1)[: 4 * _SKETCH]
    return _bottom_k(window)


def _bottom_k(hashes: np.ndarray) -> frozenset[int]:
    ordered = np.sort(hashes)
    if len(ordered) > 1:
        ordered = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
    return frozenset(ordered[:_SKETCH].tolist())


def _sketch_jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard estimate from two bottom-k sketches: the share of the union's k smallest in both."""
    union_k = sorted(a | b)[:_SKETCH]
    return len((a & b).intersection(union_k)) / len(union_k)


def flag_duplicates(
    articles: pd.DataFrame,
    *,
    threshold: float = 0.8,
    fingerprints: list[frozenset[int]] | None = None,
) -> pd.Series:
    """``duplicate_of`` for each article: the ``article_id`` of an earlier identical or
    near-identical one.

    Near-identical means a Jaccard similarity of at least ``threshold`` between the 24-character
    shingles of the two bodies (lower-cased, estimated from 64-hash bottom-k sketches) (wire
    copies with a changed sentence or a different headline). "Earlier" is by ``published`` when
    both dates are known, else by input order.

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "published": pd.NaT, "text": [
    ...     "Iran vowed severe revenge on Monday for the killing of its top general in a US drone "
    ...     "strike in Baghdad.",
    ...     "Iran vowed severe revenge on Monday for the killing of its top general in a US drone "
    ...     "strike in Baghdad!",
    ...     "Markets rose on Tuesday as investors shrugged off fears of a wider war in the Middle "
    ...     "East region."]})
    >>> flag_duplicates(arts).tolist()
    [None, 'a', None]
    """
    check_number("threshold", threshold, low=0, high=1)
    n = len(articles)
    result: list[str | None] = [None] * n
    if n == 0:
        return pd.Series(result, index=articles.index, dtype="object")
    exact: dict[tuple[int, int], int] = {}
    index: dict[int, list[int]] = defaultdict(list)
    prints: dict[int, frozenset[int]] = {}
    ids = articles["article_id"].tolist()
    texts = articles["text"].tolist()
    for i in _oldest_first(articles):
        text = texts[i] if isinstance(texts[i], str) else ""
        if not text.strip():
            continue
        key = (hash(text), len(text))
        if key in exact and texts[exact[key]] == text:
            result[i] = ids[exact[key]]
            continue
        exact[key] = i
        fp = fingerprints[i] if fingerprints is not None else _fingerprint(text)
        prints[i] = fp
        best = _near_duplicate(fp, index, prints, threshold)
        if best is not None:
            result[i] = ids[best]
            continue
        for h in fp:
            index[h].append(i)
    return pd.Series(result, index=articles.index, dtype="object")


def _oldest_first(articles: pd.DataFrame) -> list[int]:
    """Row positions, dated articles first (oldest first), then undated ones in input order."""
    n = len(articles)
    published = (
        pd.to_datetime(articles["published"], errors="coerce")
        if "published" in articles
        else pd.Series(pd.NaT, index=articles.index)
    )
    stamps = published.to_numpy(dtype="datetime64[ns]")
    undated = np.isnat(stamps)
    when = np.where(undated, 0, stamps.astype("int64"))
    # np.lexsort sorts by its last key first
    return np.lexsort((np.arange(n), when, undated)).tolist()


def _near_duplicate(
    fp: frozenset[int],
    index: dict[int, list[int]],
    prints: dict[int, frozenset[int]],
    threshold: float,
) -> int | None:
    """The earlier article whose sketch is at least ``threshold`` similar to ``fp``, or None."""
    # earlier articles sharing sketch hashes with this one, counted in C
    shared = Counter(chain.from_iterable([index[h] for h in fp if h in index]))
    # the most similar-looking candidates first; the first that passes the threshold is the one
    for j, k in sorted(shared.items(), key=lambda jk: (-jk[1], jk[0])):
        if k < threshold * min(len(fp), len(prints[j])) * 0.5:
            return None
        if _sketch_jaccard(fp, prints[j]) >= threshold:
            return j
    return None


# --- sources ---------------------------------------------------------------------------------
# A folder or a glob's root is a boundary: nothing outside it is read, whatever a link inside says.
# Every entry met on the way is loaded or listed with the reason it was not.
_HIDDEN = "hidden file (its name starts with a dot)"
_HIDDEN_FOLDER = "hidden folder, not searched (its name starts with a dot)"
_DANGLING = "dangling symbolic link (what it points to does not exist)"
_LINK_LOOP = "symbolic link loop (the link points back into itself)"
_LINK_OUTSIDE = "symbolic link outside the corpus (not followed)"
_LINK_OUTSIDE_FOLDER = "symbolic link to a folder outside the corpus (not followed)"
_LINK_UP = "symbolic link loop (points to a folder that contains it; not followed)"
_NOT_REGULAR = "not a regular file (a device, socket or pipe)"
_FOLDER = (
    "a folder matched by the pattern, not searched (give the folder itself, or end the pattern "
    "with /**, to load what it holds)"
)


@dataclass
class _Walk:
    """The state of one walk under a root: the real folders and files already met."""

    real_root: Path
    max_depth: int | None
    folders: dict[Path, Path]
    files: dict[Path, Path]


def _walk(root: Path, *, max_depth: int | None = None) -> Iterator[tuple[Path, str | None]]:
    """``(path, None)`` for every regular file under ``root`` to load, ``(path, reason)`` for every
    entry not loaded (hidden, a link leaving the root, a loop, a dangling link, a repeat, a device).

    Real paths are carried down the walk, so only links cost a ``realpath``; each real file and
    folder is visited once, however many links lead to it.
    """
    real_root = Path(os.path.realpath(root))
    state = _Walk(real_root, max_depth, {real_root: root}, {})
    yield from _walk_folder(root, real_root, 0, state)


def _walk_folder(
    folder: Path, real: Path, depth: int, state: _Walk
) -> Iterator[tuple[Path, str | None]]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield folder, f"unreadable folder: {exc.strerror or exc}"
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            yield from _walk_entry(entry, path, real / entry.name, depth, state)
        except OSError as exc:  # a file removed or made unreadable during the walk
            yield path, f"unreadable: {exc.strerror or exc}"


def _walk_entry(
    entry: os.DirEntry, path: Path, real: Path, depth: int, state: _Walk
) -> Iterator[tuple[Path, str | None]]:
    if entry.name.startswith("."):
        yield path, _HIDDEN_FOLDER if entry.is_dir(follow_symlinks=False) else _HIDDEN
        return
    if entry.is_symlink():
        real_folder = real.parent
        reason, real = _link_target(path, state.real_root)
        if reason:
            yield path, reason
            return
        is_dir = real.is_dir()
        if is_dir and (real == real_folder or real in real_folder.parents):
            yield path, _LINK_UP
            return
    else:
        is_dir = entry.is_dir(follow_symlinks=False)
    if is_dir:
        if real in state.folders:
            yield path, f"same folder as {state.folders[real]} (reached again through a link)"
            return
        if state.max_depth is not None and depth >= state.max_depth:
            return  # deeper than the glob can match: not an input
        state.folders[real] = path
        yield path, _FOLDER
        yield from _walk_folder(path, real, depth + 1, state)
        return
    mode = os.stat(real).st_mode
    if not stat.S_ISREG(mode):
        yield path, _NOT_REGULAR
    elif real in state.files:
        yield path, f"same file as {state.files[real]} (reached again through a link)"
    else:
        state.files[real] = path
        yield path, None


def _link_target(path: Path, real_root: Path) -> tuple[str | None, Path]:
    """``(reason, real target)``: a reason when the link dangles, loops or leaves the root."""
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return _DANGLING, path
    except OSError:
        return _LINK_LOOP, path
    if real != real_root and real_root not in real.parents:
        return (_LINK_OUTSIDE_FOLDER if real.is_dir() else _LINK_OUTSIDE), path
    return None, real


def _input_reason(path: Path) -> str | None:
    """Why a regular file met in a folder is not an article file (None: it is one)."""
    name = path.name.lower()
    if name.endswith(SIDECAR_SUFFIX):
        base = path.name[: -len(SIDECAR_SUFFIX)]
        if not any((path.parent / (base + s)).exists() for s in TEXT_SUFFIXES | HTML_SUFFIXES):
            return "sidecar metadata with no article file beside it"
        return ""  # read with its article: neither an input nor a rejection
    if name.startswith(("readme", "license", "licence", "changelog")):
        return "skipped: folder documentation, not an article"
    if path.suffix.lower() not in SUPPORTED:
        return f"unsupported file type {path.suffix or '(none)'}"
    return None


def _glob_parts(pattern: str) -> tuple[Path, list[str]]:
    """The folder a glob starts from (its parts before the first wildcard) and the parts after."""
    parts = Path(pattern).expanduser().parts
    first = next(i for i, part in enumerate(parts) if any(ch in part for ch in "*?["))
    return Path(*parts[:first]) if first else Path("."), list(parts[first:])


def _glob_regex(parts: list[str]) -> re.Pattern:
    """A regex for paths relative to the glob's root: ``**`` spans folders, ``*`` and ``?`` do
    not."""
    out = []
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]*/)*")
        else:
            out.append(_segment_regex(part) + ("" if last else "/"))
    return re.compile("".join(out), re.DOTALL)


def _segment_regex(part: str) -> str:
    """One path part of a glob as a regex: ``*``, ``?`` and ``[...]`` as ``glob`` reads them."""
    out, i = [], 0
    while i < len(part):
        ch, end = part[i], part.find("]", i + 2)
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and end > 0:
            body = part[i + 1 : end]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def _expand_glob(pattern: str, rejected: _Rejections) -> Iterator[Path]:
    root, parts = _glob_parts(pattern)
    regex = _glob_regex(parts)
    depth = None if "**" in parts else len(parts)
    found = False
    if root.is_dir():
        for path, reason in _walk(root, max_depth=depth):
            rel = path.relative_to(root).as_posix()
            if reason == _FOLDER and depth is None:
                continue  # a ** pattern reaches the files inside
            # a ** pattern would have searched a folder not followed: say why it was not
            folder_reason = depth is None and _is_folder_reason(reason)
            if not regex.fullmatch(rel) and not folder_reason:
                continue
            found = True
            if reason is None and path.name.lower().endswith(SIDECAR_SUFFIX):
                continue  # read with its article
            if reason is None:
                yield path
            else:
                rejected.add(str(path), reason)
    if not found:
        rejected.add(pattern, "no file matches this pattern")


def _is_folder_reason(reason: str | None) -> bool:
    return reason in (_HIDDEN_FOLDER, _LINK_UP, _LINK_OUTSIDE_FOLDER) or (
        reason is not None and reason.startswith("same folder as")
    )


def _expand_folder(folder: Path, rejected: _Rejections) -> Iterator[Path]:
    for path, reason in _walk(folder):
        if reason == _FOLDER:
            continue  # searched: what it holds is listed
        if reason is None:
            reason = _input_reason(path)
        if reason is None:
            yield path
        elif reason:
            rejected.add(str(path), reason)


def _expand(source: Any, rejected: _Rejections) -> Iterator[Path]:
    if isinstance(source, (list, tuple, set)):
        for item in sorted(source, key=str) if isinstance(source, set) else source:
            yield from _expand(item, rejected)
        return
    if not isinstance(source, (str, os.PathLike)):
        raise ValueError(
            "source must be a path, a glob, a list of those or a DataFrame "
            f"(got {type(source).__name__})"
        )
    path = Path(source).expanduser()
    if path.is_dir():
        yield from _expand_folder(path, rejected)
        return
    if path.is_file():
        yield path
        return
    if any(ch in str(source) for ch in "*?["):
        yield from _expand_glob(str(source), rejected)
        return
    if path.is_symlink():
        rejected.add(str(source), _DANGLING)
        return
    if path.exists():
        rejected.add(str(source), _NOT_REGULAR)
        return
    rejected.add(str(source), "no such file or folder")


def _read_text_file(path: Path, rejected: _Rejections) -> tuple[str, str] | None:
    """``(text, encoding)`` of a text file, or None (and the reason recorded)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        rejected.add(str(path), f"unreadable: {exc.strerror or exc}")
        return None
    if not data.strip():
        rejected.add(str(path), "empty file")
        return None
    text, how = decode_bytes(data)
    if text is None:
        rejected.add(str(path), how)
        return None
    if not text.strip(" \t\r\n\x00\ufeff"):
        rejected.add(str(path), "empty file")
        return None
    return text, how


def _sidecar(path: Path, rejected: _Rejections) -> dict:
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if side is None or not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8-sig"))
    except RecursionError:
        rejected.add(str(side), f"sidecar metadata {_TOO_DEEP}; article loaded without it")
        return {}
    except (ValueError, OSError) as exc:
        rejected.add(
            str(side), f"sidecar metadata is not valid JSON ({exc}); article loaded without it"
        )
        return {}
    if not isinstance(meta, dict):
        rejected.add(str(side), "sidecar metadata is not a JSON object; article loaded without it")
        return {}
    return meta


_TOO_DEEP = "is nested too deeply to read (JSON arrays or objects more than ~1,000 levels deep)"


def _records_from_json(
    path: Path, text: str, rejected: _Rejections
) -> list[tuple[int | None, dict]]:
    records: list[tuple[int | None, dict]] = []
    stripped = text.lstrip("\ufeff \t\r\n")
    if path.suffix.lower() == ".json":
        try:
            obj = json.loads(stripped)
        except RecursionError:
            rejected.add(str(path), f"JSON {_TOO_DEEP}")
            return []
        except ValueError as exc:
            # a .json file holding JSON lines is common enough to accept
            if stripped.count("\n") and stripped.startswith("{"):
                return _records_from_jsonl(
                    path, text, rejected
                )  # the whole text: line numbers as in the file
            rejected.add(str(path), f"malformed JSON: {exc}")
            return []
        if isinstance(obj, dict):
            for key in ("articles", "data", "items", "records", "results"):
                if isinstance(obj.get(key), list) and "text" not in obj:
                    obj = obj[key]
                    break
        items = obj if isinstance(obj, list) else [obj]
        for i, item in enumerate(items):
            if isinstance(item, dict):
                records.append((i, item))
            else:
                rejected.add(
                    str(path), f"record {i} is a JSON {type(item).__name__}, not an object", i
                )
        return records
    return _records_from_jsonl(path, text, rejected)


def _records_from_jsonl(
    path: Path, text: str, rejected: _Rejections
) -> list[tuple[int | None, dict]]:
    records: list[tuple[int | None, dict]] = []
    # JSON lines end at "\n" only: str.splitlines would also cut at U+2028, U+0085 and other
    # separators that JSON allows raw inside strings (pandas writes them so), breaking a good
    # record in two
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        try:
            obj = json.loads(line)
        except RecursionError:
            rejected.add(str(path), f"JSON line {_TOO_DEEP}", lineno)
            continue
        except ValueError as exc:
            rejected.add(str(path), f"malformed JSON line: {exc.msg}", lineno)
            continue
        if not isinstance(obj, dict):
            rejected.add(str(path), f"JSON line is a {type(obj).__name__}, not an object", lineno)
            continue
        records.append((lineno, obj))
    return records


def _records_from_table(path: Path, rejected: _Rejections) -> tuple[pd.DataFrame, str] | None:
    """``(frame, encoding)`` of a table file, or None (and the reason recorded)."""
    try:
        if path.suffix.lower() in (".parquet", ".pq"):
            return pd.read_parquet(path), "utf-8"  # Parquet strings are UTF-8 by definition
        raw = path.read_bytes()
        if not raw.strip():
            rejected.add(str(path), "empty file")
            return None
        text, how = decode_bytes(raw)
        if text is None:
            rejected.add(str(path), how)
            return None
        import io

        bad: list[list[str]] = []

        def on_bad(fields: list[str]) -> None:
            bad.append(fields)
            return None

        # pandas' python engine reads with the csv module, whose 128 KiB field limit would turn
        # one long article into "no rows": an article is as long as it is
        csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
        frame = pd.read_csv(
            io.StringIO(text),
            sep="\t" if path.suffix.lower() == ".tsv" else ",",
            dtype=str,
            keep_default_na=False,
            on_bad_lines=on_bad,
            engine="python",
        )
        for fields in bad:
            rejected.add(
                str(path),
                f"malformed CSV row with {len(fields)} fields (expected {len(frame.columns)}), "
                f"starting {str(fields[0])[:40]!r}",
            )
        return frame, how
    except Exception as exc:  # noqa: BLE001 - every parser failure becomes a recorded rejection
        rejected.add(
            str(path), f"unreadable {path.suffix} file: {type(exc).__name__}: {str(exc)[:200]}"
        )
        return None


def _html_record(path: Path, text: str, rejected: _Rejections) -> dict | None:
    import trafilatura

    try:
        result = trafilatura.extract(
            text,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            url=None,
        )
    except Exception as exc:  # noqa: BLE001
        rejected.add(str(path), f"HTML could not be parsed: {type(exc).__name__}: {exc}")
        return None
    if not result:
        rejected.add(str(path), "no main text found in the HTML page")
        return None
    data = json.loads(result)
    body = (data.get("text") or "").strip()
    if not body:
        rejected.add(str(path), "no main text found in the HTML page")
        return None
    # trafilatura puts one paragraph a line; the schema separates paragraphs by a blank line
    figures = _figure_captions(text)
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    paragraphs = [p for p in paragraphs if p not in figures]
    title = (data.get("title") or "").strip()
    if title and paragraphs and (paragraphs[0] == title or title.startswith(paragraphs[0])):
        paragraphs = paragraphs[1:]  # the page's <h1> repeats the title
    body = "\n\n".join(paragraphs)
    return {
        "text": body,
        "title": data.get("title"),
        "subtitle": data.get("description"),
        "published": data.get("date"),
        "outlet": data.get("sitename") or data.get("source-hostname") or data.get("hostname"),
        "url": data.get("source") or data.get("url"),
        "authors": data.get("author"),
        "_figcaptions": figures,
    }


_FIGCAPTION = re.compile(r"<figcaption\b", re.IGNORECASE)


def _figure_captions(page: str) -> list[str]:
    """The texts of the page's ``<figcaption>`` elements (trafilatura drops them), whitespace
    collapsed; none when the page has no such element or cannot be parsed."""
    if not _FIGCAPTION.search(page):
        return []
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        tree = lxml.html.fromstring(page.encode("utf-8", errors="replace"), parser=parser)
    except (ValueError, lxml.etree.LxmlError):
        return []
    texts = (" ".join(el.text_content().split()) for el in tree.iter("figcaption"))
    return list(dict.fromkeys(normalize_unicode(t) for t in texts if t))


# --- mapping onto the schema ---------------------------------------------------------------------
def _column_mapping(columns: Iterable[Any]) -> dict[Any, str]:
    """Input column -> schema column; an input column whose name clashes with the schema gets
    ``orig_``."""
    rename: dict[Any, str] = {}
    columns = list(columns)
    lower = {}
    for c in columns:
        lower.setdefault(c.lower() if isinstance(c, str) else c, c)
    taken: set[str] = set()
    for target, synonyms in COLUMN_SYNONYMS.items():
        for syn in synonyms:
            if syn in lower and lower[syn] not in rename:
                rename[lower[syn]] = target
                taken.add(target)
                break
    for col in columns:
        if col in rename:
            continue
        name = col.lower() if isinstance(col, str) else col
        if name in COMPUTED or name in COLUMN_SYNONYMS or name in taken:
            rename[col] = f"orig_{col}"
    return rename


def _map_record(rec: dict, mapping: dict[Any, str]) -> dict:
    return {mapping.get(k, k): v for k, v in rec.items()}


def _cell(value: Any) -> Any:
    """``value``, or None for every kind of missing value (None, NaN, NA, NaT)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (float, np.floating)) and np.isnan(value):
        return None
    return value


def _as_text(value: Any) -> str | None:
    """A metadata cell as text: lists joined by blank lines, bytes decoded, missing as None."""
    value = _cell(value)
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, (list, tuple)):
        return "\n\n".join(t for t in map(_as_text, value) if t is not None)
    return str(value)


def _value_kind(value: Any) -> str:
    """What a non-text value is, in words ("a number", "binary data", ...)."""
    if isinstance(value, (bool, np.bool_)):
        return "a true/false value"
    if isinstance(value, (int, float, np.number)):
        return "a number"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    if isinstance(value, (list, tuple, np.ndarray)):
        return "a list"
    if isinstance(value, dict):
        return "a structure (JSON object)"
    if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "isoformat"):
        return "a date or time"
    return f"a {type(value).__name__}"


def _body_text(value: Any) -> tuple[str | None, str | None]:
    """``(text, None)`` for a body: a string, or a JSON list of strings (paragraphs, joined);
    ``(None, problem)`` for anything else, which would otherwise load as its Python repr."""
    value = _cell(value)
    if value is None or isinstance(value, str):
        return value, None
    if isinstance(value, list) and all(isinstance(v, str) or v is None for v in value):
        return "\n\n".join(v for v in value if v), None
    return None, f"text is {_value_kind(value)}, not text"


def _text_column_problem(frame: pd.DataFrame) -> str | None:
    """Why the column that would be the body cannot be text (a number, list, struct, binary or
    timestamp column of a Parquet file), or None when it can."""
    col = next((k for k, v in _column_mapping(frame.columns).items() if v == "text"), None)
    if col is None:
        return None
    values = frame[col]
    if isinstance(values, pd.DataFrame):  # two input columns of the same name
        return f"two columns are named {col!r}: which one is the text is not clear"
    if not pd.api.types.is_object_dtype(values):
        if pd.api.types.is_string_dtype(values):
            return None
        return f"text column {col!r} holds {values.dtype} values, not text"
    present = values[values.notna()]
    if len(present) and not any(isinstance(v, str) for v in present):
        kind = _value_kind(present.iloc[0])
        return f"text column {col!r} holds {kind} in every row, not text"
    return None


def _scrub(value: Any, depth: int = 0) -> tuple[Any, int]:
    """A string with its lone surrogates replaced (and how many), also inside a list, tuple or
    dict (a text given as a list of paragraphs, an outlet given as a list; nesting deeper than
    20 levels is left as it is); other values as they are."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if depth < 20 and isinstance(value, (list, tuple)):
        parts = [_scrub(v, depth + 1) for v in value]
        return type(value)(v for v, _ in parts), sum(k for _, k in parts)
    if depth < 20 and isinstance(value, dict):
        parts = {k: _scrub(v, depth + 1) for k, v in value.items()}
        return {k: v for k, (v, _) in parts.items()}, sum(n for _, n in parts.values())
    return value, 0


def _scrub_record(rec: dict) -> tuple[dict, int]:
    """The record with lone surrogates replaced in its keys and string values, and their number:
    no UTF-8 encoder, Arrow column or file writer accepts them."""
    out, total = {}, 0
    for key, value in rec.items():
        key, k1 = _scrub(key)
        value, k2 = _scrub(value)
        out[key] = value
        total += k1 + k2
    return out, total


def _finish_record(rec: dict, *, source_path: str, default_id: str, pasted: bool) -> dict:
    rec, surrogates = _scrub_record(rec)
    raw_text = _body_text(rec.get("text"))[0] or ""
    if pasted:
        cleaned = split_title(raw_text)
        title = _as_text(rec.get("title")) or cleaned.title
        subtitle = _as_text(rec.get("subtitle")) or cleaned.subtitle
    else:
        cleaned = clean_body(raw_text)
        title = _as_text(rec.get("title"))
        subtitle = _as_text(rec.get("subtitle"))
    out = dict(rec)
    given_id = _cell(rec.get("article_id"))
    out.update(
        article_id=replace_surrogates(str(given_id if given_id is not None else default_id))[0],
        title=normalize_unicode(title).strip() if title else None,
        subtitle=normalize_unicode(subtitle).strip() if subtitle else None,
        text=cleaned.text,
        captions=_with_figure_captions(cleaned.captions, rec.pop("_figcaptions", None)),
        boilerplate=cleaned.boilerplate,
        source_path=replace_surrogates(source_path)[0],
        surrogates_replaced=surrogates,
    )
    out.pop("_figcaptions", None)
    for key in ("outlet", "url"):
        out[key] = _as_text(rec.get(key))
    out["published"] = _cell(rec.get("published"))
    # derived from the cleaned body here, so that they are computed in the worker that cleaned it
    tokens = WORD_RE.findall(cleaned.text)
    out["word_count"] = len(tokens)
    out["language"] = detect_language(cleaned.text, tokens=tokens)
    out["_fingerprint"] = _fingerprint(cleaned.text) if cleaned.text.strip() else frozenset()
    return out


def _with_figure_captions(captions: list[str], figure: list[str] | None) -> list[str]:
    """The captions found in the body, then the page's ``<figcaption>`` texts not already there."""
    if not figure:
        return captions
    return captions + [c for c in dict.fromkeys(figure) if c not in captions]


def _records_from_rows(
    rows: list[dict],
    *,
    source_path: str,
    stem: str,
    rejected: _Rejections,
    row_numbers: Iterable[int | None] | None = None,
    row_label: str = "row",
) -> list[dict]:
    columns: dict[Any, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    mapping = _column_mapping(columns)
    if "text" not in mapping.values():
        looked = ", ".join(COLUMN_SYNONYMS["text"])
        found = ", ".join(map(str, columns))[:200] or "none"
        rejected.add(source_path, f"no text column (looked for {looked}; found {found})")
        return []
    numbers = list(row_numbers) if row_numbers is not None else list(range(len(rows)))
    from functools import partial

    from .parallel import map_list, workers

    clean = partial(_clean_rows, source_path=source_path, stem=stem, row_label=row_label)
    if rejected.errors == "raise" or workers(None, len(rows)) == 1:
        records, failures = clean(list(zip(numbers, rows)))
        results = [(records, failures)]
    else:
        results = map_list(clean, list(zip(numbers, rows)))
    out = []
    for records, failures in results:
        for path, reason, line in failures:
            rejected.add(path, reason, line)
        out.extend(records)
    return out


def _clean_rows(
    numbered_rows: list[tuple[int | None, dict]], *, source_path: str, stem: str, row_label: str
) -> tuple[list[dict], list[tuple[str, str, int | None]]]:
    """Map, clean and measure a chunk of records; (records, rejections): safe in a worker."""
    mappings: dict[frozenset, dict[Any, str]] = {}
    out, failures = [], []
    for num, row in progress(
        numbered_rows, total=len(numbered_rows), desc=f"loading {Path(source_path).name}"
    ):
        # records of one file may differ in their keys ("text" here, "body" there): map each key set
        keys = frozenset(row)
        row_mapping = mappings.get(keys)
        if row_mapping is None:
            row_mapping = mappings[keys] = _column_mapping(row)
        rec, problem = _clean_one(
            _map_record(row, row_mapping), source_path=source_path, default_id=f"{stem}#{num}"
        )
        if problem:
            failures.append((source_path, f"{row_label} {problem}", num))
        else:
            out.append(rec)
    return out, failures


def _clean_one(rec: dict, *, source_path: str, default_id: str) -> tuple[dict | None, str | None]:
    """One record cleaned, or the reason it is not an article ("has no text", ...)."""
    text, problem = _body_text(rec.get("text"))
    if problem:
        return None, problem
    if text is None or not text.strip():
        return None, "has no text"
    try:
        rec = _finish_record(rec, source_path=source_path, default_id=default_id, pasted=False)
    except RecursionError:
        return None, "holds values nested too deeply to read"
    if not rec["text"].strip():
        return None, "has only captions or boilerplate, no body text"
    return rec, None


def _load_path(path: Path, rejected: _Rejections, root: Path | None) -> list[dict]:
    suffix = path.suffix.lower()
    source_path = str(path)
    stem = (
        path.stem
        if root is None
        else str(path.relative_to(root).with_suffix("")).replace("\\", "/")
    )
    if suffix not in SUPPORTED:
        rejected.add(source_path, f"unsupported file type {suffix or '(none)'}")
        return []
    if suffix in TABLE_SUFFIXES:
        return _load_table(path, rejected, stem)
    read = _read_text_file(path, rejected)
    if read is None:
        return []
    text, encoding = read
    if suffix in JSON_SUFFIXES:
        records = _load_json(path, text, rejected, stem)
    elif suffix in HTML_SUFFIXES:
        records = _load_html(path, text, rejected, stem)
    else:
        records = _load_pasted(path, text, rejected, stem)
    for rec in records:
        rec["encoding"] = encoding
    return records


def _load_table(path: Path, rejected: _Rejections, stem: str) -> list[dict]:
    source_path = str(path)
    read = _records_from_table(path, rejected)
    if read is None:
        return []
    frame, encoding = read
    if frame.empty:
        rejected.add(source_path, "table has no rows")
        return []
    problem = _text_column_problem(frame)
    if problem:
        rejected.add(source_path, problem)
        return []
    records = _records_from_rows(
        frame.to_dict("records"), source_path=source_path, stem=stem, rejected=rejected
    )
    for rec in records:
        rec["encoding"] = encoding
    return records


def _load_json(path: Path, text: str, rejected: _Rejections, stem: str) -> list[dict]:
    source_path = str(path)
    records = _records_from_json(path, text, rejected)
    if not records:
        if not rejected.rows or rejected.rows[-1]["source_path"] != source_path:
            rejected.add(source_path, "no JSON records")
        return []
    return _records_from_rows(
        [r for _, r in records],
        source_path=source_path,
        stem=stem,
        rejected=rejected,
        row_numbers=[n for n, _ in records],
        row_label="line" if path.suffix.lower() != ".json" else "record",
    )


def _load_html(path: Path, text: str, rejected: _Rejections, stem: str) -> list[dict]:
    meta = _sidecar(path, rejected)
    rec = _html_record(path, text, rejected)
    if rec is None:
        return []
    rec = {**rec, **_map_record(meta, _column_mapping(meta))}
    rec.setdefault("article_id", None)
    out = _finish_record(rec, source_path=str(path), default_id=stem, pasted=False)
    if not out["text"].strip():
        rejected.add(str(path), "no body text after removing captions and boilerplate")
        return []
    return [out]


def _load_pasted(path: Path, text: str, rejected: _Rejections, stem: str) -> list[dict]:
    meta = _sidecar(path, rejected)
    rec = _map_record(meta, _column_mapping(meta))
    rec["text"] = text
    out = _finish_record(rec, source_path=str(path), default_id=stem, pasted=True)
    if not out["text"].strip():
        rejected.add(str(path), "no body text after removing title, captions and boilerplate")
        return []
    return [out]


def _unique_ids(ids: list[str]) -> tuple[list[str], list[str]]:
    seen: dict[str, int] = {}
    out, renamed = [], []
    for i in ids:
        if i in seen:
            seen[i] += 1
            new = f"{i}~{seen[i]}"
            while new in seen:
                seen[i] += 1
                new = f"{i}~{seen[i]}"
            seen[new] = 1
            renamed.append(f"{i} -> {new}")
            out.append(new)
        else:
            seen[i] = 1
            out.append(i)
    return out, renamed


def _parse_dates(values: pd.Series) -> pd.Series:
    """Publication dates as naive UTC datetimes; anything unparseable becomes NaT."""
    if pd.api.types.is_datetime64_any_dtype(values):
        s = values
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        return s.astype("datetime64[ns]")
    cleaned = values.map(
        lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) or v == "" else str(v)
    )
    try:
        parsed = pd.to_datetime(cleaned, errors="coerce", utc=True, format="mixed")
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        # one value out of range ("-1" as a year) must not lose the others: parse them one by one
        parsed = pd.Series(
            [_one_date(v) for v in cleaned], index=cleaned.index, dtype="datetime64[s, UTC]"
        )
    parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    # years pandas can parse but not hold in nanoseconds ("-1", "9999") are unknown dates, not
    # errors
    in_range = (parsed > pd.Timestamp("1678-01-01")) & (parsed < pd.Timestamp("2262-01-01"))
    return parsed.where(in_range).astype("datetime64[ns]")


def _one_date(value: str | None) -> pd.Timestamp:
    if value is None:
        return pd.NaT
    try:
        return pd.to_datetime(value, errors="coerce", utc=True)
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return pd.NaT


def load_articles(
    source: Any,
    *,
    errors: Literal["collect", "raise"] = "collect",
    duplicate_threshold: float = 0.8,
) -> pd.DataFrame:
    """Load articles into one cleaned frame, one row per article.

    ``source`` is a file, a folder (searched recursively), a glob, a list of those, or a DataFrame
    with a ``text`` column. Formats: ``.txt``/``.md`` (first line title, then an optional subtitle
    line, metadata from a ``<name>.meta.json`` sidecar), ``.json`` (object or list), ``.jsonl``,
    ``.csv``/``.tsv``, ``.parquet``, ``.html``/``.htm`` (main text via trafilatura).

    Bodies are cleaned: captions (recognised by their photo credit) go to ``captions``, site
    furniture to ``boilerplate``; Unicode is NFC-normalised and mojibake repaired. Duplicates are
    flagged in ``duplicate_of``, languages in ``language``; nothing is dropped. Inputs that cannot
    be loaded are listed in ``df.attrs["rejected"]`` (``source_path``, ``reason``, ``line``); with
    ``errors="raise"`` the first one raises :class:`ArticleLoadError`.

    >>> from analysis import paths
    >>> arts = load_articles(paths.data_dir())
    >>> arts.loc[0, ["article_id", "outlet", "language"]].tolist(), int(arts.loc[0, "word_count"])
    (['000_345e2a4f327659b1', 'The Times of Israel', 'en'], 832)
    >>> arts.loc[0, "title"]
    'Khamenei said to insist on direct Iranian revenge against US – not by proxy'
    >>> len(arts.loc[0, "captions"]), arts.loc[0, "text"].count("\\n\\n") + 1
    (4, 25)
    """
    check_choice("errors", errors, ("collect", "raise"))
    check_number("duplicate_threshold", duplicate_threshold, low=0, high=1)
    rejected = _Rejections(errors=errors, rows=[])
    if isinstance(source, pd.DataFrame):
        records = _records_from_frame(source, rejected)
    else:
        records = []
        single_root = None
        if isinstance(source, (str, os.PathLike)) and Path(source).expanduser().is_dir():
            single_root = Path(source).expanduser()
        for path in _expand(source, rejected):
            records.extend(_load_path(path, rejected, single_root))
    frame = _articles_frame(records, duplicate_threshold)
    frame.attrs["rejected"] = rejected.frame()
    frame.attrs["renamed_ids"] = frame.attrs.pop("_renamed")
    return frame


def _records_from_frame(source: pd.DataFrame, rejected: _Rejections) -> list[dict]:
    if not any(c in COLUMN_SYNONYMS["text"] for c in map(str, source.columns)):
        raise ValueError(
            "a DataFrame source needs a text column (text, content, body, article or maintext)"
        )
    problem = _text_column_problem(source)
    if problem:
        rejected.add("<DataFrame>", problem)
        return []
    return _records_from_rows(
        source.to_dict("records"),
        source_path="<DataFrame>",
        stem="row",
        rejected=rejected,
        row_numbers=list(source.index),
    )


def _articles_frame(records: list[dict], duplicate_threshold: float) -> pd.DataFrame:
    """The articles frame from cleaned records: schema columns first, ids unique, dates parsed,
    duplicates flagged."""
    try:
        frame = pd.DataFrame(records)
    except UnicodeEncodeError:  # a surrogate left in a nested value: keep object columns
        frame = pd.DataFrame(records, dtype="object")
    for col in SCHEMA:
        if col not in frame.columns:
            frame[col] = pd.Series([None] * len(frame), dtype="object")
    ids, renamed = _unique_ids([str(i) for i in frame["article_id"]])
    frame["article_id"] = ids
    frame["published"] = (
        _parse_dates(frame["published"]) if len(frame) else pd.Series([], dtype="datetime64[ns]")
    )
    prints = frame.pop("_fingerprint").tolist() if "_fingerprint" in frame else None
    frame["word_count"] = frame["word_count"].fillna(0).astype("int64") if len(frame) else []
    frame["duplicate_of"] = (
        flag_duplicates(frame, threshold=duplicate_threshold, fingerprints=prints)
        if len(frame)
        else []
    )
    for col in (
        "title",
        "subtitle",
        "outlet",
        "url",
        "duplicate_of",
        "language",
        "source_path",
        "encoding",
    ):
        frame[col] = frame[col].astype("object").where(frame[col].notna(), None)
    frame["surrogates_replaced"] = (
        frame["surrogates_replaced"].fillna(0).astype("int64") if len(frame) else []
    )
    others = [c for c in frame.columns if c not in SCHEMA]
    frame = frame[SCHEMA + others].reset_index(drop=True)
    frame.attrs["_renamed"] = renamed
    return frame
