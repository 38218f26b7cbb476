"""Property-based tests: loading never raises with errors="collect", whatever the input."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis as an

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(
    data=st.binary(max_size=2000),
    suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl", ".csv", ".html", ".parquet", ".tsv"]),
)
def test_arbitrary_bytes_never_raise(tmp_path, data, suffix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    df = an.load_articles(path)
    rejected = df.attrs["rejected"]
    # loaded or rejected, never lost
    assert len(df) > 0 or len(rejected) > 0
    assert df["article_id"].is_unique


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
records = st.dictionaries(
    st.sampled_from(["id", "text", "body", "title", "date", "publisher", "url", "x"]),
    json_values,
    max_size=6,
)


@SETTINGS
@given(lines=st.lists(st.one_of(records.map(json.dumps), st.text(max_size=40)), max_size=12))
def test_arbitrary_json_lines_never_raise(tmp_path, lines):
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    df = an.load_articles(path)
    nonblank = sum(1 for line in lines if line.strip())
    rejected = df.attrs["rejected"]
    if nonblank:
        # every non-blank line is an article or a rejection (or the file as a whole is rejected)
        assert len(df) + len(rejected) >= min(1, nonblank)
    assert df["article_id"].is_unique
