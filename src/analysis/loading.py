"""Loading articles from files, folders, globs and DataFrames into one cleaned frame.

Every input is either loaded or listed in ``df.attrs["rejected"]`` with the reason; nothing is
dropped silently. See ``load_articles``.
"""

from __future__ import annotations

import codecs
import glob as globmod
import json
import re
import zlib
from collections import Counter, defaultdict
from itertools import chain
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .cleaning import clean_body, normalize_unicode, split_title
from .progress import progress
from .text import WORD_RE

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
]
TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv", ".parquet", ".pq"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | JSON_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"

# Input column -> schema column, first match wins (news-please/CC-News, All the News, plain corpora).
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
# Columns this loader computes itself: an input column of that name means something else.
COMPUTED = {"captions", "boilerplate", "source_path", "word_count", "language", "duplicate_of"}


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
    """The rows of ``frame`` (matches, attributions, ...) whose ``article_id`` is one of ``articles``'.

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
    """Positions of ``frame``'s rows grouped by article through integer codes, with no Python object per row.

    Returns ``(rows, first, last)``: ``rows[first[k]:last[k]]`` are the rows (in frame order) whose
    ``article_id`` is ``ids[k]``; rows of articles not in ``ids`` are left out. ``ids`` must be unique.

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
    """``len(_CONTROL.findall(data.decode("utf-8")))``, counted on the bytes (several times quicker): in
    valid UTF-8 the C0 controls and DEL are single bytes and the C1 controls are ``\\xc2\\x80-\\x9f``."""
    single = len(data.translate(None, _NOT_CONTROL_BYTES))
    return single + (len(_C1_IN_UTF8.findall(data)) if b"\xc2" in data else 0)


def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode ``data`` as UTF-8 (with or without BOM), UTF-16/32 (BOM or NUL pattern), cp1252 or Latin-1.

    Returns ``(text, encoding)``, or ``(None, reason)`` when the bytes are not text.

    >>> decode_bytes("Iran’s revenge".encode("cp1252"))
    ('Iran’s revenge', 'cp1252')
    >>> decode_bytes("Iran’s revenge".encode("utf-16"))
    ('Iran’s revenge', 'utf-16')
    >>> decode_bytes(bytes(range(256)))[0] is None
    True
    """
    boms = [
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ]
    candidates: list[str] = []
    for bom, enc in boms:
        if data.startswith(bom):
            candidates.append(enc)
            break
    if not candidates and b"\x00" in data[:4096]:
        sample = data[:4096]
        even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
        odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
        if odd_nuls > 0.3 and even_nuls < 0.05:
            candidates.append("utf-16-le")
        elif even_nuls > 0.3 and odd_nuls < 0.05:
            candidates.append("utf-16-be")
        else:
            return None, "binary file (NUL bytes)"
    candidates += ["utf-8", "cp1252", "latin-1"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, UnicodeError):
            continue
        if enc in ("utf-8-sig",):
            enc = "utf-8"
        controls = (
            _utf8_controls(data) if enc in ("utf-8", "utf-8-sig") else len(_CONTROL.findall(text))
        )
        if controls and controls > 0.01 * len(text):
            if enc in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
                return None, f"binary file ({controls} control characters in {enc} text)"
            return None, "undecodable bytes (not UTF-8, UTF-16, cp1252 or Latin-1 text)"
        return text, enc
    return None, "undecodable bytes (not UTF-8, UTF-16, cp1252 or Latin-1 text)"


# --- language ------------------------------------------------------------------------------------
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was for on with as by he it at from his said be have has are not "
    "but this an they were had which who their been would will its or i we you after more".split()
)


def detect_language(text: str, *, tokens: list[str] | None = None) -> str | None:
    """ISO 639-1 code of ``text``'s language; None (unknown, so analysed) when the text is too short to tell.

    English function words settle most news text at once; anything else goes to py3langid,
    whose model ships inside the package (no download). Under 12 words a classifier guesses, and a
    wrong guess would make the analyses skip an English headline or sentence: such texts are unknown.

    >>> detect_language("Iran vowed revenge after the killing of its top general, officials said.")
    'en'
    >>> detect_language("L'Iran a promis de se venger après la mort de son général, selon des responsables.")
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
    norm = text.lower().encode("utf-8")
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
    """``duplicate_of`` for each article: the ``article_id`` of an earlier identical or near-identical one.

    Near-identical means a Jaccard similarity of at least ``threshold`` between the 24-character
    shingles of the two bodies (lower-cased, estimated from 64-hash bottom-k sketches) (wire copies with a changed sentence or a different
    headline). "Earlier" is by ``published`` when both dates are known, else by input order.

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "published": pd.NaT, "text": [
    ...     "Iran vowed severe revenge on Monday for the killing of its top general in a US drone strike in Baghdad.",
    ...     "Iran vowed severe revenge on Monday for the killing of its top general in a US drone strike in Baghdad!",
    ...     "Markets rose on Tuesday as investors shrugged off fears of a wider war in the Middle East region."]})
    >>> flag_duplicates(arts).tolist()
    [None, 'a', None]
    """
    n = len(articles)
    result: list[str | None] = [None] * n
    if n == 0:
        return pd.Series(result, index=articles.index, dtype="object")
    published = (
        pd.to_datetime(articles["published"], errors="coerce")
        if "published" in articles
        else pd.Series(pd.NaT, index=articles.index)
    )
    stamps = published.to_numpy(dtype="datetime64[ns]")
    undated = np.isnat(stamps)
    when = np.where(undated, 0, stamps.astype("int64"))
    # dated articles first, oldest first, then input order (np.lexsort sorts by its last key first)
    order = np.lexsort((np.arange(n), when, undated)).tolist()
    exact: dict[tuple[int, int], int] = {}
    index: dict[int, list[int]] = defaultdict(list)
    prints: dict[int, frozenset[int]] = {}
    ids = articles["article_id"].tolist()
    texts = articles["text"].tolist()
    for i in order:
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
        # earlier articles sharing sketch hashes with this one, counted in C
        shared = Counter(chain.from_iterable([index[h] for h in fp if h in index]))
        best = None
        # the most similar-looking candidates first; the first that passes the threshold is the one
        for j, k in sorted(shared.items(), key=lambda jk: (-jk[1], jk[0])):
            if k < threshold * min(len(fp), len(prints[j])) * 0.5:
                break
            if _sketch_jaccard(fp, prints[j]) >= threshold:
                best = j
                break
        if best is not None:
            result[i] = ids[best]
            continue
        for h in fp:
            index[h].append(i)
    return pd.Series(result, index=articles.index, dtype="object")


# --- sources -------------------------------------------------------------------------------------
def _expand(source: Any, rejected: _Rejections) -> Iterator[Path]:
    if isinstance(source, (list, tuple, set)):
        for item in source:
            yield from _expand(item, rejected)
        return
    path = Path(source).expanduser()
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if not p.is_file() or any(part.startswith(".") for part in p.relative_to(path).parts):
                continue
            name = p.name.lower()
            if name.endswith(SIDECAR_SUFFIX):
                base = p.name[: -len(SIDECAR_SUFFIX)]
                if not any((p.parent / (base + s)).exists() for s in TEXT_SUFFIXES | HTML_SUFFIXES):
                    rejected.add(str(p), "sidecar metadata with no article file beside it")
                continue
            if name.startswith(("readme", "license", "licence", "changelog")):
                rejected.add(str(p), "skipped: folder documentation, not an article")
                continue
            if p.suffix.lower() not in SUPPORTED:
                rejected.add(str(p), f"unsupported file type {p.suffix or '(none)'}")
                continue
            yield p
        return
    if path.is_file():
        yield path
        return
    pattern = str(source)
    if any(ch in pattern for ch in "*?["):
        matches = sorted(globmod.glob(pattern, recursive=True))
        if not matches:
            rejected.add(pattern, "no file matches this pattern")
        for m in matches:
            if Path(m).is_file() and not m.lower().endswith(SIDECAR_SUFFIX):
                yield Path(m)
        return
    rejected.add(str(source), "no such file or folder")


def _read_text_file(path: Path, rejected: _Rejections) -> str | None:
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
    return text


def _sidecar(path: Path, rejected: _Rejections) -> dict:
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if side is None or not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8-sig"))
    except (ValueError, OSError) as exc:
        rejected.add(
            str(side), f"sidecar metadata is not valid JSON ({exc}); article loaded without it"
        )
        return {}
    if not isinstance(meta, dict):
        rejected.add(str(side), "sidecar metadata is not a JSON object; article loaded without it")
        return {}
    return meta


def _records_from_json(
    path: Path, text: str, rejected: _Rejections
) -> list[tuple[int | None, dict]]:
    records: list[tuple[int | None, dict]] = []
    stripped = text.lstrip("\ufeff \t\r\n")
    if path.suffix.lower() == ".json":
        try:
            obj = json.loads(stripped)
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
    # JSON lines end at "\n" only: str.splitlines would also cut at U+2028, U+0085 and other separators that
    # JSON allows raw inside strings (pandas writes them so), breaking a good record in two
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            rejected.add(str(path), f"malformed JSON line: {exc.msg}", lineno)
            continue
        if not isinstance(obj, dict):
            rejected.add(str(path), f"JSON line is a {type(obj).__name__}, not an object", lineno)
            continue
        records.append((lineno, obj))
    return records


def _records_from_table(path: Path, rejected: _Rejections) -> pd.DataFrame | None:
    try:
        if path.suffix.lower() in (".parquet", ".pq"):
            return pd.read_parquet(path)
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
        return frame
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
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
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
    }


# --- mapping onto the schema ---------------------------------------------------------------------
def _column_mapping(columns: Iterable[Any]) -> dict[Any, str]:
    """Input column -> schema column; an input column whose name clashes with the schema gets ``orig_``."""
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
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


def _as_text(value: Any) -> str | None:
    value = _cell(value)
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "\n\n".join(str(v) for v in value if v is not None)
    return str(value)


def _finish_record(rec: dict, *, source_path: str, default_id: str, pasted: bool) -> dict:
    raw_text = _as_text(rec.get("text")) or ""
    if pasted:
        cleaned = split_title(raw_text)
        title = _as_text(rec.get("title")) or cleaned.title
        subtitle = _as_text(rec.get("subtitle")) or cleaned.subtitle
    else:
        cleaned = clean_body(raw_text)
        title = _as_text(rec.get("title"))
        subtitle = _as_text(rec.get("subtitle"))
    out = dict(rec)
    out.update(
        article_id=str(
            _cell(rec.get("article_id")) if _cell(rec.get("article_id")) is not None else default_id
        ),
        title=normalize_unicode(title).strip() if title else None,
        subtitle=normalize_unicode(subtitle).strip() if subtitle else None,
        text=cleaned.text,
        captions=cleaned.captions,
        boilerplate=cleaned.boilerplate,
        source_path=source_path,
    )
    for key in ("outlet", "url"):
        out[key] = _as_text(rec.get(key))
    out["published"] = _cell(rec.get("published"))
    # derived from the cleaned body here, so that they are computed in the worker that cleaned it
    tokens = WORD_RE.findall(cleaned.text)
    out["word_count"] = len(tokens)
    out["language"] = detect_language(cleaned.text, tokens=tokens)
    out["_fingerprint"] = _fingerprint(cleaned.text) if cleaned.text.strip() else frozenset()
    return out


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
    mappings: dict[frozenset, dict[Any, str]] = {}
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
    """Map, clean and measure a chunk of records; (records, rejections) — safe to run in a worker."""
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
        rec = _map_record(row, row_mapping)
        text = _as_text(rec.get("text"))
        if text is None or not text.strip():
            failures.append((source_path, f"{row_label} has no text", num))
            continue
        rec = _finish_record(rec, source_path=source_path, default_id=f"{stem}#{num}", pasted=False)
        if not rec["text"].strip():
            failures.append(
                (source_path, f"{row_label} has only captions or boilerplate, no body text", num)
            )
            continue
        out.append(rec)
    return out, failures


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
        frame = _records_from_table(path, rejected)
        if frame is None:
            return []
        if frame.empty:
            rejected.add(source_path, "table has no rows")
            return []
        return _records_from_rows(
            frame.to_dict("records"), source_path=source_path, stem=stem, rejected=rejected
        )
    text = _read_text_file(path, rejected)
    if text is None:
        return []
    if suffix in JSON_SUFFIXES:
        records = _records_from_json(path, text, rejected)
        if not records:
            if not rejected.rows or rejected.rows[-1]["source_path"] != source_path:
                rejected.add(source_path, "no JSON records")
            return []
        label = "line" if suffix != ".json" else "record"
        return _records_from_rows(
            [r for _, r in records],
            source_path=source_path,
            stem=stem,
            rejected=rejected,
            row_numbers=[n for n, _ in records],
            row_label=label,
        )
    meta = _sidecar(path, rejected)
    if suffix in HTML_SUFFIXES:
        rec = _html_record(path, text, rejected)
        if rec is None:
            return []
        rec = {**rec, **_map_record(meta, _column_mapping(meta))}
        rec.setdefault("article_id", None)
        return [_finish_record(rec, source_path=source_path, default_id=stem, pasted=False)]
    rec = _map_record(meta, _column_mapping(meta))
    rec["text"] = text
    out = _finish_record(rec, source_path=source_path, default_id=stem, pasted=True)
    if not out["text"].strip():
        rejected.add(source_path, "no body text after removing title, captions and boilerplate")
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
    # years pandas can parse but not hold in nanoseconds ("-1", "9999") are unknown dates, not errors
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
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', not {errors!r}")
    rejected = _Rejections(errors=errors, rows=[])
    records: list[dict] = []
    if isinstance(source, pd.DataFrame):
        if "text" not in source.columns and not any(
            c in source.columns for c in COLUMN_SYNONYMS["text"]
        ):
            raise ValueError(
                "a DataFrame source needs a text column (text, content, body, article or maintext)"
            )
        records = _records_from_rows(
            source.to_dict("records"),
            source_path="<DataFrame>",
            stem="row",
            rejected=rejected,
            row_numbers=list(source.index),
        )
    else:
        single_root = None
        if isinstance(source, (str, Path)) and Path(source).expanduser().is_dir():
            single_root = Path(source).expanduser()
        for path in _expand(source, rejected):
            records.extend(_load_path(path, rejected, single_root))

    frame = pd.DataFrame(records)
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
    for col in ("title", "subtitle", "outlet", "url", "duplicate_of", "language", "source_path"):
        frame[col] = frame[col].astype("object").where(frame[col].notna(), None)
    others = [c for c in frame.columns if c not in SCHEMA]
    frame = frame[SCHEMA + others].reset_index(drop=True)
    frame.attrs["rejected"] = rejected.frame()
    frame.attrs["renamed_ids"] = renamed
    return frame
