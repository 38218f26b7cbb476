"""The fast paths give exactly what the plain definitions give (property-based and on real text).

Each speed-up in the counting and splitting code replaced a simple definition by a quicker one;
these tests keep the simple definition beside it and compare them on arbitrary input.
"""

import re

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import parallel
from analysis.lexicon import lexicon_counts, lexicon_matches
from analysis.text import _NAME_TITLES, WORD_RE, _span_ends_with_title

from .conftest import shared_path

PLAIN_WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")  # the definition, without possessive quantifiers
TRAILING_TITLE = re.compile(r"(?:^|[\s(“\"'])([A-Za-z]+)\.\s*$")  # the title check, as a regex


def _ends_with_title(segment):
    m = TRAILING_TITLE.search(segment)
    return bool(m) and m.group(1).lower() in _NAME_TITLES


SETTINGS = settings(max_examples=300, deadline=None)
pieces = st.text(alphabet="ab’'-_ .\n\u00e9İ1", max_size=40)


@SETTINGS
@given(text=pieces)
def test_possessive_word_regex_equals_the_plain_definition(text):
    assert [m.span() for m in WORD_RE.finditer(text)] == [
        m.span() for m in PLAIN_WORD_RE.finditer(text)
    ]


def test_possessive_word_regex_on_real_articles():
    path = shared_path("devsets", "polnear", "dev.jsonl")
    texts = pd.read_json(path, lines=True)["text"].tolist()
    for text in texts:
        assert WORD_RE.findall(text) == PLAIN_WORD_RE.findall(text)


titled = st.lists(
    st.sampled_from(
        [
            "Gen",
            "gen",
            "Brig",
            "US",
            "U.S",
            "Messrs",
            "Washington",
            "x",
            " ",
            "(",
            "“",
            '"',
            "'",
            ".",
            "\u00a0",
            "\t",
            "é",
            "Lt",
        ]
    ),
    max_size=8,
).map("".join)


@SETTINGS
@given(text=titled)
def test_title_check_without_regex_equals_the_regex(text):
    trimmed = text.strip()
    assert _span_ends_with_title(trimmed, 0, len(trimmed)) == _ends_with_title(trimmed)


words = st.sampled_from(
    ["take", "revenge", "swift", "will", "not", "strike", "strikes", "air", "back", "x"]
)
terms = st.sampled_from(
    [
        "revenge",
        "take revenge",
        "take * revenge",
        "strike*",
        "air strike*",
        "will not",
        "will",
        "strike back",
        "not",
        "*s",
        "x x",
        "strike* back",
        "air strike* back",
        "will *",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(words, max_size=30),
    lexicon=st.dictionaries(
        st.sampled_from(["a", "b", "c"]),
        st.lists(terms, min_size=1, max_size=4),
        min_size=1,
        max_size=3,
    ),
)
def test_counting_path_equals_matches_on_arbitrary_token_sequences(tokens, lexicon):
    # counts come from token frequencies, phrase needles and str.find; matches from a walk over
    # every token
    arts = pd.DataFrame(
        {"article_id": ["a"], "text": [", ".join(tokens[:3]) + " " + " ".join(tokens[3:])]}
    )
    counts = lexicon_counts(arts, lexicon, processes=1).iloc[0]
    matched = lexicon_matches(arts, lexicon)["key"].value_counts()
    for key in lexicon:
        assert counts[key] == matched.get(key, 0), key


def test_chunks_by_text_length_cover_every_article_once_and_balance_the_text():
    rng = np.random.default_rng(7)
    texts = pd.Series(["x" * int(n) for n in rng.pareto(1.5, 1000) * 500 + 50])
    bounds = parallel._bounds_by_length(texts, 2)
    assert bounds[0] == 0 and bounds[-1] == len(texts) and bounds == sorted(set(bounds))
    sizes = [texts.iloc[a:b].str.len().sum() for a, b in zip(bounds, bounds[1:])]
    assert len(sizes) == 16 and max(sizes) < 2.5 * texts.str.len().sum() / len(sizes)


def test_vocabulary_index_is_bounded_and_counts_survive_a_trim():
    from analysis.lexicon import load_lexicon

    lex = load_lexicon({"r": ["retaliat*", "take revenge"]})
    arts = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "text": [
                "They will retaliate and take revenge, w1 w2 w3.",
                "Retaliation: w4 w5 take revenge w6.",
            ],
        }
    )
    before = lexicon_counts(arts, lex, processes=1)
    lex.trim_memo(limit=3)  # more than three tokens indexed: forgotten
    assert len(lex._memo) == 0
    after = lexicon_counts(arts, lex, processes=1)
    pd.testing.assert_frame_equal(before, after)
    assert after["r"].tolist() == [2, 2]


@SETTINGS
@given(text=st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=60))
def test_control_count_on_utf8_bytes_equals_the_regex_on_text(text):
    from analysis.loading import _CONTROL, _utf8_controls

    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        assert _utf8_controls(data) == len(_CONTROL.findall(text))


def test_counting_path_equals_matches_on_real_articles():
    from analysis.lexicon import load_lexicon

    path = shared_path("devsets", "polnear", "dev.jsonl")
    arts = pd.read_json(path, lines=True).rename(columns={"id": "article_id"})[
        ["article_id", "text"]
    ]
    lex = load_lexicon()
    counts = lexicon_counts(arts, lex, processes=1).set_index("article_id")
    matched = lexicon_matches(arts, lex).groupby(["article_id", "key"]).size()
    for key in lex.keys:
        expected = (
            matched.xs(key, level="key")
            if key in matched.index.get_level_values("key")
            else pd.Series(dtype=int)
        )
        got = counts[key]
        assert got.sum() == expected.sum(), key
        assert (
            got[got > 0].sort_index() == expected.reindex(got[got > 0].index).fillna(0)
        ).all(), key
