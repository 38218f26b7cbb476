"""Property-based tests (hypothesis): whatever the input, nothing raises, every input is accounted
for, and every offset indexes into the text it was computed on.

Inputs are generated as real files of every supported format in temporary folders (with hostile
bytes, deep JSON, lone surrogates, wrong column types, encodings, links and hidden files), as
DataFrames, and as strings for the text functions. Each test counts what it generated; the last
test checks that one run of the suite made at least 10,000 inputs (``INPUTS``).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis as an
from analysis import cleaning, text
from analysis.loading import decode_bytes

INPUTS: Counter[str] = Counter()
MINIMUM_INPUTS = 10_000

SETTINGS = dict(
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

# --- hostile text: news fragments, markup, control characters and lone surrogates -----------------
FRAGMENTS = [
    "Officials said on Monday that the talks had collapsed.",
    "“We will take revenge,” the commander said.",
    "Brig. Gen. Amir Ali Hajizadeh spoke at 9 a.m. in the U.S. capital.",
    "Iran vowed to strike back, according to state media.",
    "A man walks past the embassy. (AP Photo/Jane Roe)",
    "Image: Jane Roe.",
    "Register for free",
    "Iranâ€™s leader",
    "Cafe\u0301 naïveté",
    "$\\href{javascript:alert(1)}{x}$",
    "<script>alert(1)</script>",
    "<figcaption>x</figcaption>",
    "\n\n",
    "\n",
    " ",
    "\u2028",
    "\x85",
    "\ufeff",
    "\u200b",
    "\x00",
    "\r\n",
    "said",
    "threatened to attack",
]
hostile_chars = st.characters(exclude_categories=())  # every code point, lone surrogates too
hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(hostile_chars, max_size=12)), max_size=12
).map("".join)


def write_text(path: Path, value: str, encoding: str) -> None:
    if encoding == "utf-8":
        path.write_bytes(value.encode("utf-8", errors="surrogatepass"))
    else:
        path.write_bytes(value.encode(encoding, errors="replace"))


# --- one file of a supported format ---------------------------------------------------------------
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | hostile_text
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
records = st.dictionaries(
    st.sampled_from(["id", "text", "body", "content", "title", "date", "publisher", "url", "x"]),
    json_values,
    max_size=6,
) | st.builds(lambda t, i: {"id": i, "text": t}, hostile_text, st.text(max_size=4))


@st.composite
def file_contents(draw, suffix: str) -> bytes | str | pa.Table:
    """What one file of ``suffix`` holds: bytes to write, or an Arrow table for Parquet."""
    kind = draw(st.sampled_from(["good", "good", "bytes", "deep"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "deep":
        depth = draw(st.sampled_from([10, 900, 5_000, 50_000]))
        return ("[" * depth + "]" * depth).encode()
    if suffix == ".parquet":
        n = draw(st.integers(1, 4))
        column = draw(
            st.sampled_from(
                [
                    pa.array(
                        [draw(hostile_text).encode("utf-8", "replace").decode() for _ in range(n)]
                    ),
                    pa.array(list(range(n))),
                    pa.array([[draw(st.text(max_size=5))] for _ in range(n)]),
                    pa.array([{"x": i} for i in range(n)]),
                    pa.array([b"Officials said x."] * n),
                    pa.array([None] * n, type=pa.string()),
                ]
            )
        )
        return pa.table({"id": [str(i) for i in range(n)], "text": column})
    if suffix in (".json", ".jsonl"):
        rows = draw(st.lists(records, max_size=4))
        if suffix == ".json":
            return json.dumps(rows if draw(st.booleans()) else (rows[0] if rows else {}))
        lines = [json.dumps(r) for r in rows] + draw(st.lists(hostile_text, max_size=2))
        return "\n".join(lines)
    if suffix in (".csv", ".tsv"):
        sep = "\t" if suffix == ".tsv" else ","
        texts = draw(st.lists(hostile_text, min_size=1, max_size=3))
        frame = pd.DataFrame({"id": range(len(texts)), "text": texts}, dtype=object)
        return frame.to_csv(index=False, sep=sep) + draw(hostile_text)
    if suffix == ".html":
        body = draw(hostile_text)
        caption = draw(hostile_text)
        return (
            f"<html><body><article><p>{body}</p><figure><figcaption>{caption}</figcaption>"
            f"</figure><p>{FRAGMENTS[0]}</p></article></body></html>"
        )
    return draw(hostile_text)


SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".csv", ".tsv", ".parquet", ".html"]


@st.composite
def corpora(draw):
    """A folder's worth of files: (name, content, encoding) plus links and hidden files."""
    files = []
    for i in range(draw(st.integers(1, 14))):
        suffix = draw(st.sampled_from(SUFFIXES + [".png", ".meta.json"]))
        content = draw(file_contents(".json" if suffix == ".meta.json" else suffix))
        encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1252", "cp1251"]))
        files.append((f"f{i}{suffix}", content, encoding))
    extras = draw(
        st.lists(st.sampled_from(["outside", "loop", "dangling", "hidden", "alias"]), max_size=3)
    )
    return files, extras


def materialise(root: Path, files, extras) -> list[Path]:
    """Write the files under ``root/corpus``; return every entry an analyst would expect listed."""
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (root / "outside.txt").write_text("Secret\n\nThe secret text, officials said.")
    made = []
    for k, (name, content, encoding) in enumerate(files):
        path = corpus / ("sub" if k % 3 == 2 else "") / name
        if isinstance(content, pa.Table):
            pq.write_table(content, path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            write_text(path, content, encoding)
        made.append(path)
    for k, extra in enumerate(dict.fromkeys(extras)):
        link = corpus / f"{extra}{k}.txt"
        if extra == "outside":
            link.symlink_to(root / "outside.txt")
        elif extra == "loop":
            link = corpus / "sub" / f"loop{k}"
            link.symlink_to("..", target_is_directory=True)
        elif extra == "dangling":
            link.symlink_to("nowhere.txt")
        elif extra == "hidden":
            link = corpus / f".hidden{k}.txt"
            link.write_text("Hidden\n\nOfficials said so.")
        else:
            link.symlink_to(made[0])
        made.append(link)
    return made


def accounted(df: pd.DataFrame) -> set[str]:
    return set(df["source_path"].dropna()) | set(df.attrs["rejected"]["source_path"])


def check_offsets(articles: pd.DataFrame) -> None:
    sentences = an.split_sentences(articles)
    texts = dict(zip(articles["article_id"], articles["text"]))
    for aid, start, end, sentence in zip(
        sentences["article_id"], sentences["start"], sentences["end"], sentences["text"]
    ):
        body = texts[aid]
        assert 0 <= start < end <= len(body) and body[start:end] == sentence


# --- files in folders -----------------------------------------------------------------------------
@settings(max_examples=450, **SETTINGS)
@given(corpus=corpora())
def test_every_file_of_a_hostile_folder_is_loaded_or_listed(corpus):
    files, extras = corpus
    with tempfile.TemporaryDirectory() as tmp:
        made = materialise(Path(tmp), files, extras)
        df = an.load_articles(Path(tmp) / "corpus")
        INPUTS["files"] += len(made)
        seen = accounted(df)
        for path in made:
            if path.name.endswith(".meta.json") and any(
                (path.parent / path.name.replace(".meta.json", s)).exists()
                for s in (".txt", ".md", ".html")
            ):
                continue  # a sidecar read with its article
            assert str(path) in seen, path
        assert "secret text" not in " ".join(df["text"])
        assert df["article_id"].is_unique
        assert not df["text"].map(text.SURROGATE_RE.search).any()
        check_offsets(df)


@settings(max_examples=150, **SETTINGS)
@given(lines=st.lists(st.one_of(records.map(json.dumps), hostile_text), max_size=12))
def test_every_json_line_is_one_article_or_one_rejection(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        df = an.load_articles(path)
        # what the loader sees as lines: the file split at "\n" only, blank ones skipped
        raw = path.read_bytes().decode("utf-8", errors="replace").split("\n")
        nonblank = sum(1 for line in raw if line.strip().lstrip("\ufeff"))
        INPUTS["json lines"] += nonblank
        table = df.attrs["rejected"]
        if len(table) and table["line"].isna().any():
            return  # the file as a whole was rejected (not UTF-8, binary): one reason for all
        assert len(df) + len(table) == nonblank
        check_offsets(df)


@settings(max_examples=200, **SETTINGS)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_never_raise(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(data)
        df = an.load_articles(path)
        INPUTS["byte files"] += 1
        assert str(path) in accounted(df)
        check_offsets(df)


# --- frames ---------------------------------------------------------------------------------------
cells = st.one_of(
    hostile_text,
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(max_size=8),
    st.lists(hostile_text, max_size=2),
)


@settings(max_examples=200, **SETTINGS)
@given(
    texts=st.lists(cells, min_size=1, max_size=15),
    extra=st.lists(cells, min_size=15, max_size=15),
    id_kind=st.sampled_from(["none", "int", "text", "same"]),
)
def test_every_row_of_a_frame_is_loaded_or_listed(texts, extra, id_kind):
    n = len(texts)
    frame = pd.DataFrame(
        {"text": pd.Series(texts, dtype=object), "outlet": pd.Series(extra[:n], dtype=object)}
    )
    if id_kind != "none":
        frame["id"] = {
            "int": list(range(n)),
            "text": [f"a{i}" for i in range(n)],
            "same": ["x"] * n,
        }[id_kind]
    before = frame.copy()
    df = an.load_articles(frame)
    INPUTS["frame rows"] += n
    table = df.attrs["rejected"]
    whole = len(table) == 1 and table["line"].isna().all()
    assert whole or len(df) + len(table) == n
    assert df["article_id"].is_unique
    pd.testing.assert_frame_equal(frame, before)  # the input is not mutated
    check_offsets(df)


# --- strings --------------------------------------------------------------------------------------
@settings(max_examples=250, **SETTINGS)
@given(texts=st.lists(hostile_text, min_size=20, max_size=30))
def test_text_functions_take_any_string(texts):
    for value in texts:
        INPUTS["strings"] += 1
        fixed, count = text.replace_surrogates(value)
        assert len(fixed) == len(value) and not text.SURROGATE_RE.search(fixed)
        assert count == len(text.SURROGATE_RE.findall(value))
        assert text.word_count(value) == len(text.words(value))
        for a, b in text.paragraph_spans(value):
            assert 0 <= a < b <= len(value) and value[a:b] == value[a:b].strip()
        for a, b in text.sentence_spans(value):
            assert 0 <= a < b <= len(value) and value[a:b].strip() == value[a:b]
        normal = cleaning.normalize_unicode(value)
        assert isinstance(normal, str)
        cleaned = cleaning.clean_body(value, split_title_lines=True)
        assert all(isinstance(c, str) for c in cleaned.captions + cleaned.boilerplate)
        cleaning.caption_credit(value)
        cleaning.is_caption(value)
        cleaning.is_boilerplate(value)
    frame = pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(len(texts))], "text": texts}, dtype=object
    )
    check_offsets(frame)


@settings(max_examples=150, **SETTINGS)
@given(blobs=st.lists(st.binary(max_size=400), min_size=15, max_size=25))
def test_decode_bytes_takes_any_bytes(blobs):
    for data in blobs:
        INPUTS["byte strings"] += 1
        decoded, how = decode_bytes(data)
        assert (decoded is None) == how.startswith(("binary", "undecodable"))


# --- the analyses on loaded text and on texts passed in by hand ---------------------------------
@settings(max_examples=60, **SETTINGS)
@given(texts=st.lists(hostile_text, min_size=1, max_size=6))
def test_the_analyses_take_whatever_load_articles_returns(texts):
    articles = an.load_articles(pd.DataFrame({"text": texts}, dtype=object))
    INPUTS["analysed texts"] += len(texts)
    attributions = an.find_attributions(articles)
    threats = an.find_threats(articles, attributions=attributions)
    bodies = dict(zip(articles["article_id"], articles["text"]))
    for frame, start, end in (
        (threats, "start", "end"),
        (attributions, "cue_start", "cue_end"),
        (attributions, "content_start", "content_end"),
    ):
        for aid, a, b in zip(frame["article_id"], frame[start], frame[end]):
            assert pd.isna(a) or 0 <= a <= b <= len(bodies[aid])


def test_kwic_on_a_text_with_a_lone_surrogate():
    frame = pd.DataFrame(
        {"article_id": ["a"], "text": ["Iran \udcac vowed revenge."]}, dtype=object
    )
    assert len(an.rhetoric.kwic(frame, "reveng*")) == 1


def test_kwic_window_is_checked_with_a_value_error():
    frame = pd.DataFrame({"article_id": ["a"], "text": ["Iran vowed revenge."]})
    with pytest.raises(ValueError, match="window"):
        an.rhetoric.kwic(frame, "reveng*", window=2.5)


def test_find_attributions_on_a_speaker_with_a_lone_surrogate():
    text = "“We will take revenge,” Sala\udcacmi said on Monday."
    frame = pd.DataFrame({"article_id": ["a"], "text": [text]}, dtype=object)
    assert len(an.find_attributions(frame)) == 1


def test_find_attributions_on_a_superscript_digit():
    # found by test_the_analyses_take_whatever_load_articles_returns
    frame = pd.DataFrame({"text": ["Iran vowed to strike back, according to state media.0<¹"]})
    at = an.find_attributions(an.load_articles(frame))
    assert "according to X" in set(at["rule"]) and at["count"].isna().all()


def test_the_suite_generated_at_least_10000_inputs(request):
    generators = [
        "test_every_file_of_a_hostile_folder_is_loaded_or_listed",
        "test_every_json_line_is_one_article_or_one_rejection",
        "test_arbitrary_bytes_never_raise",
        "test_every_row_of_a_frame_is_loaded_or_listed",
        "test_text_functions_take_any_string",
        "test_decode_bytes_takes_any_bytes",
    ]
    ran = {getattr(item, "originalname", None) or item.name for item in request.session.items}
    if not set(generators) <= ran:
        pytest.skip("only part of the property suite was selected")
    total = sum(INPUTS.values())
    print(f"property suite: {total:,} generated inputs {dict(INPUTS)}")
    assert total >= MINIMUM_INPUTS, dict(INPUTS)
