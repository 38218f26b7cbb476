"""load_articles: every format, the column mapping, each rejection reason, encodings, duplicates."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import analysis as an
from analysis.loading import SCHEMA, decode_bytes, detect_language

from .conftest import polnear_train_text

BODY = (
    "Officials in the capital said on Monday that the talks had collapsed after two days.\n\n"
    "“We will not accept these terms,” the foreign minister told reporters outside the "
    "ministry.\n\n"
    "Analysts said the breakdown could delay a ceasefire by several weeks."
)
BODY2 = (
    "The city council voted on Tuesday to expand the bus network to three new districts.\n\n"
    "“This is about getting people to work,” the mayor said after the vote, which passed eight "
    "to three."
)


def check_schema(df: pd.DataFrame) -> None:
    assert list(df.columns[: len(SCHEMA)]) == SCHEMA
    assert df["article_id"].is_unique
    assert str(df["published"].dtype).startswith("datetime64")
    assert all(isinstance(c, list) for c in df["captions"])


# --- formats -------------------------------------------------------------------------------------
def test_txt_with_sidecar_and_md(tmp_path):
    (tmp_path / "talks.txt").write_text(
        "Talks collapse\n\nMinister rejects terms\n\n" + BODY, encoding="utf-8"
    )
    (tmp_path / "talks.meta.json").write_text(
        json.dumps(
            {
                "outlet": "Example Times",
                "published": "2024-03-04",
                "url": "https://example.org/talks",
            }
        )
    )
    (tmp_path / "bus.md").write_text("Council expands buses\n\n" + BODY2, encoding="utf-8")
    df = an.load_articles(tmp_path)
    check_schema(df)
    talks = df.set_index("article_id").loc["talks"]
    assert talks["title"] == "Talks collapse" and talks["subtitle"] == "Minister rejects terms"
    assert talks["outlet"] == "Example Times" and talks["url"] == "https://example.org/talks"
    assert talks["published"] == pd.Timestamp("2024-03-04")
    assert talks["text"] == BODY
    bus = df.set_index("article_id").loc["bus"]
    # the first paragraph ends like a sentence, so it is body, not a subtitle
    assert bus["subtitle"] is None and bus["text"] == BODY2
    assert df.attrs["rejected"].empty


def test_json_object_list_and_jsonl(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "x1", "title": "T", "text": BODY}))
    (tmp_path / "many.json").write_text(
        json.dumps([{"id": "x2", "text": BODY2}, {"id": "x3", "body": BODY}])
    )
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"text": BODY}) + "\n\n" + json.dumps({"text": BODY2}) + "\n"
    )
    df = an.load_articles(tmp_path)
    check_schema(df)
    assert sorted(df["article_id"]) == ["lines#1", "lines#3", "x1", "x2", "x3"]
    assert df.set_index("article_id").loc["x3", "text"] == BODY


def test_csv_tsv_parquet(tmp_path):
    frame = pd.DataFrame(
        {
            "id": ["c1", "c2"],
            "headline": ["H1", "H2"],
            "content": [BODY, BODY2],
            "publication": ["Daily", "Weekly"],
            "date": ["2024-01-02", "2024-01-03T10:00:00+02:00"],
        }
    )
    frame.to_csv(tmp_path / "a.csv", index=False)
    frame.assign(id=["t1", "t2"]).to_csv(tmp_path / "a.tsv", index=False, sep="\t")
    frame.assign(id=["p1", "p2"]).to_parquet(tmp_path / "a.parquet")
    df = an.load_articles([tmp_path / "a.csv", tmp_path / "a.tsv", tmp_path / "a.parquet"])
    check_schema(df)
    assert len(df) == 6
    row = df.set_index("article_id").loc["c2"]
    assert row["title"] == "H2" and row["outlet"] == "Weekly" and row["text"] == BODY2
    assert row["published"] == pd.Timestamp("2024-01-03 08:00:00")  # converted to UTC


def test_html_main_text_and_metadata_hostile_markup_removed(tmp_path):
    html = f"""<html><head><title>Talks collapse | Example Times</title>
    <meta property="og:site_name" content="Example Times">
    <meta name="date" content="2024-03-04"><script>alert('x')</script></head>
    <body><nav>Home | World | Sign in</nav><article><h1>Talks collapse</h1>
    {"".join(f"<p>{p}</p>" for p in BODY.split(chr(10) * 2))}
    <p>Analysts warned that <img src=x onerror="alert(1)"> the <b>next round</b> would be
    harder still.</p>
    </article><footer>Subscribe to our newsletter</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    df = an.load_articles(tmp_path / "page.html")
    check_schema(df)
    row = df.iloc[0]
    assert row["text"].startswith("Officials in the capital said")
    assert "alert" not in row["text"] and "<" not in row["text"] and "Sign in" not in row["text"]
    assert row["text"].count("\n\n") >= 3
    assert row["outlet"] == "Example Times"


def test_folder_glob_list_and_dataframe(tmp_path):
    sub = tmp_path / "2024" / "march"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("Title A\n\n" + BODY)
    (tmp_path / "b.txt").write_text("Title B\n\n" + BODY2)
    assert len(an.load_articles(tmp_path)) == 2  # recursive
    assert set(an.load_articles(str(tmp_path / "**" / "*.txt"))["title"]) == {"Title A", "Title B"}
    assert len(an.load_articles([sub / "a.txt", tmp_path / "b.txt"])) == 2
    frame = pd.DataFrame({"text": [BODY, BODY2], "outlet": ["X", "Y"]})
    df = an.load_articles(frame)
    check_schema(df)
    assert list(df["article_id"]) == ["row#0", "row#1"]
    assert list(frame.columns) == ["text", "outlet"]  # input not mutated


def test_article_ids_stable_across_runs(tmp_path):
    (tmp_path / "lines.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in (BODY, BODY2)))
    first = an.load_articles(tmp_path)["article_id"].tolist()
    assert first == an.load_articles(tmp_path)["article_id"].tolist() == ["lines#1", "lines#2"]


def test_duplicate_ids_are_made_unique_and_reported(tmp_path):
    (tmp_path / "d.jsonl").write_text(
        "\n".join(json.dumps({"id": "same", "text": t}) for t in (BODY, BODY2))
    )
    df = an.load_articles(tmp_path / "d.jsonl")
    assert list(df["article_id"]) == ["same", "same~2"]
    assert df.attrs["renamed_ids"] == ["same -> same~2"]


# --- column mapping ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "record, expected",
    [
        # news-please / CC-News
        (
            {
                "maintext": BODY,
                "title": "T",
                "date_publish": "2019-05-01 10:00:00",
                "source_domain": "example.org",
                "description": "Dek",
                "url": "https://example.org/a",
            },
            {
                "title": "T",
                "subtitle": "Dek",
                "outlet": "example.org",
                "published": pd.Timestamp("2019-05-01 10:00"),
            },
        ),
        # All the News
        (
            {
                "id": 17283,
                "title": "T",
                "publication": "Breitbart",
                "author": "A. Writer",
                "date": "2016-06-01",
                "content": BODY,
            },
            {
                "article_id": "17283",
                "outlet": "Breitbart",
                "authors": "A. Writer",
                "published": pd.Timestamp("2016-06-01"),
            },
        ),
        # plain corpora
        (
            {"id": "p-1", "headline": "H", "body": BODY, "publisher": "Wire"},
            {"article_id": "p-1", "title": "H", "outlet": "Wire"},
        ),
        ({"article": BODY, "publication": "Daily"}, {"outlet": "Daily"}),
    ],
)
def test_column_mapping(tmp_path, record, expected):
    (tmp_path / "r.jsonl").write_text(json.dumps(record))
    df = an.load_articles(tmp_path / "r.jsonl")
    check_schema(df)
    row = df.iloc[0]
    assert row["text"] == BODY
    for key, value in expected.items():
        assert row[key] == value, key


def test_clashing_input_columns_get_orig_prefix(tmp_path):
    record = {
        "text": BODY,
        "language": "english",
        "word_count": "999",
        "captions": "none",
        "date": "2020-01-01",
        "published": "yes",
    }
    (tmp_path / "r.jsonl").write_text(json.dumps(record))
    row = an.load_articles(tmp_path / "r.jsonl").iloc[0]
    assert row["language"] == "en" and row["orig_language"] == "english"
    assert row["word_count"] == 40 and row["orig_word_count"] == "999"
    assert row["orig_captions"] == "none"
    # "published" is the schema name and wins ("yes" is no date: NaT); "date" is kept as it is
    assert pd.isna(row["published"]) and row["date"] == "2020-01-01"


# --- rejections ----------------------------------------------------------------------------------
def reasons(df):
    return {
        (
            r.source_path.rsplit("/", 1)[-1],
            r.reason.split(" (")[0].split(":")[0],
            r.line if pd.notna(r.line) else None,
        )
        for r in df.attrs["rejected"].itertuples()
    }


def test_each_rejection_reason_is_recorded(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "nocol.csv").write_text("name,value\na,1\n")
    (tmp_path / "broken.jsonl").write_text(
        json.dumps({"text": BODY})
        + "\n{not json\n"
        + json.dumps([1])
        + "\n"
        + json.dumps({"text": ""})
        + "\n"
        + json.dumps({"text": BODY2})
        + "\n"
    )
    (tmp_path / "bad.json").write_text('[{"text": ')
    (tmp_path / "orphan.meta.json").write_text("{}")
    (tmp_path / "only_boilerplate.txt").write_text(
        "Title\n\nRegister for free\nSign in or Register\n"
    )
    df = an.load_articles(tmp_path)
    assert len(df) == 2  # the two good JSON lines
    got = reasons(df)
    assert ("empty.txt", "empty file", None) in got
    assert ("blank.txt", "empty file", None) in got
    assert any(name == "binary.txt" and reason.startswith("binary file") for name, reason, _ in got)
    assert ("image.png", "unsupported file type .png", None) in got
    assert any(name == "nocol.csv" and reason == "no text column" for name, reason, _ in got)
    assert ("broken.jsonl", "malformed JSON line", 2) in got
    assert ("broken.jsonl", "JSON line is a list, not an object", 3) in got
    assert ("broken.jsonl", "line has no text", 4) in got
    assert any(name == "bad.json" and reason == "malformed JSON" for name, reason, _ in got)
    assert ("orphan.meta.json", "sidecar metadata with no article file beside it", None) in got
    assert any(
        name == "only_boilerplate.txt" and reason.startswith("no body text")
        for name, reason, _ in got
    )
    assert list(df.attrs["rejected"].columns) == ["source_path", "reason", "line"]


def test_missing_paths_and_empty_globs_are_recorded(tmp_path):
    df = an.load_articles([tmp_path / "nope.txt", str(tmp_path / "*.jsonl")])
    assert len(df) == 0 and list(df.columns[: len(SCHEMA)]) == SCHEMA
    assert set(df.attrs["rejected"]["reason"]) == {
        "no such file or folder",
        "no file matches this pattern",
    }


def test_errors_raise_fails_fast(tmp_path):
    (tmp_path / "broken.jsonl").write_text(json.dumps({"text": BODY}) + "\n{oops\n")
    with pytest.raises(an.ArticleLoadError, match=r"broken.jsonl, line 2: malformed JSON line"):
        an.load_articles(tmp_path / "broken.jsonl", errors="raise")
    with pytest.raises(ValueError):
        an.load_articles(tmp_path, errors="ignore")


# --- encodings and Unicode -----------------------------------------------------------------------
TEXT = "Iran’s “severe revenge” – café naïveté\n\n" + BODY


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_encodings(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(TEXT.encode(encoding))
    row = an.load_articles(tmp_path / "a.txt").iloc[0]
    assert row["title"] == "Iran’s “severe revenge” – café naïveté"
    assert row["text"] == BODY


def test_latin1_and_detection():
    assert decode_bytes("café crème".encode("latin-1")) == ("café crème", "cp1252")
    # 0x81 is undefined in cp1252: Latin-1 takes the text when such a byte is rare
    assert decode_bytes(b"caf\xe9 au lait, cr\xe8me br\xfbl\xe9e. " * 20 + b"\x81")[1] == "latin-1"
    assert decode_bytes(b"\x00\x01\x02\x03\x00\x05")[0] is None


def test_mojibake_repaired_nfc_and_curly_quotes_kept(tmp_path):
    broken = "Iranâ€™s leader vowed â€œsevere revengeâ€\x9d.".encode("utf-8")
    decomposed = "Cafe\u0301 owners said the strike was “unprecedented.”"
    (tmp_path / "a.jsonl").write_bytes(
        json.dumps({"text": broken.decode("utf-8")}).encode()
        + b"\n"
        + json.dumps({"text": decomposed}).encode()
    )
    df = an.load_articles(tmp_path / "a.jsonl")
    assert df.loc[0, "text"] == "Iran’s leader vowed “severe revenge”."
    assert df.loc[1, "text"] == "Café owners said the strike was “unprecedented.”"


@pytest.mark.parametrize(
    "article, name",
    [
        ("usa-today_2016-06-30_three-amigos-take-on-donald-trum", "Enrique Peña Nieto"),
        ("usa-today_2015-11-20_campaign-cash-tied-to-turkish-gr", "Fethullah Gülen"),
    ],
)
def test_mojibake_decomposed_after_the_fact_is_repaired(article, name):
    # PolNeAR train (not copied) holds mojibake whose characters were later taken apart: "A" and a
    # combining tilde for the "Ã" of "PeÃ±a", "1⁄4" for the "¼" of "GÃ¼len"; once composed again
    # it is repaired, so the name is whole (it was cut to "Enrique PeÃ")
    text = an.load_articles(pd.DataFrame({"text": [polnear_train_text(article)]}))["text"][0]
    assert name in text
    assert "Ã" not in text


# --- duplicates and language ---------------------------------------------------------------------
def test_duplicates_flagged_not_dropped():
    wire = BODY + "\n\nThe talks are expected to resume next month in Geneva, diplomats said."
    edited = wire.replace("on Monday", "on Monday evening")
    frame = pd.DataFrame(
        {
            "id": ["orig", "copy", "edit", "other", "early"],
            "text": [wire, wire, edited, BODY2, wire],
            "date": ["2024-03-02", "2024-03-03", "2024-03-04", "2024-03-02", "2024-03-01"],
        }
    )
    df = an.load_articles(frame).set_index("article_id")
    # "early" was published first, so the others point to it
    assert df["duplicate_of"].to_dict() == {
        "orig": "early",
        "copy": "early",
        "edit": "early",
        "other": None,
        "early": None,
    }


def test_language_flag():
    assert detect_language(BODY) == "en"
    fr = (
        "Les responsables ont déclaré lundi que les négociations avaient échoué après deux "
        "jours de discussions "
        "difficiles dans la capitale."
    )
    de = (
        "Die Verhandlungen sind nach zwei Tagen gescheitert, sagten Beamte am Montag in der "
        "Hauptstadt."
    )
    df = an.load_articles(pd.DataFrame({"text": [BODY, fr, de]}))
    assert df["language"].tolist() == ["en", "fr", "de"]


def test_out_of_range_dates_become_nat_without_losing_others(tmp_path):
    # found by the property test: a year of -1 made pandas raise for the whole column
    (tmp_path / "d.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in (
                {"id": "a", "date": -1, "text": BODY},
                {"id": "b", "date": "2024-02-03", "text": BODY2},
            )
        )
    )
    df = an.load_articles(tmp_path / "d.jsonl")
    assert pd.isna(df.loc[0, "published"]) and df.loc[1, "published"] == pd.Timestamp("2024-02-03")


def test_jsonl_record_with_unicode_line_separators_inside_a_string_is_one_record(tmp_path):
    # pandas (force_ascii=False) and other writers leave U+2028, U+0085 and U+001D raw inside JSON
    # strings;
    # JSON lines end at "\n" only, so the record must load whole, not as two malformed lines
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "text": [
                "Officials said the talks failed.\u2028They will resume.",
                "Second\x85article text with a separator.",
            ],
        }
    )
    path = tmp_path / "c.jsonl"
    frame.to_json(path, orient="records", lines=True, force_ascii=False)
    assert "\u2028" in path.read_text(encoding="utf-8")
    df = an.load_articles(path)
    assert df["article_id"].tolist() == ["a", "b"] and df.attrs["rejected"].empty
    assert "They will resume" in df.loc[0, "text"]


def test_json_file_holding_json_lines_reports_the_file_line_of_a_bad_line(tmp_path):
    path = tmp_path / "c.json"
    good = json.dumps({"id": "a", "text": BODY})
    path.write_text(
        "\n\n" + good + "\n{broken\n" + json.dumps({"id": "b", "text": BODY2}) + "\n",
        encoding="utf-8",
    )
    df = an.load_articles(path)
    assert df["article_id"].tolist() == ["a", "b"]
    assert df.attrs["rejected"]["line"].tolist() == [
        4
    ]  # blank lines 1-2, "a" on 3, the broken line on 4
