"""Issue 14's reproducers, each as real files in a temporary folder: bad input is loaded, repaired
or listed in ``attrs["rejected"]`` with a reason; it never raises and never loses an article."""

from __future__ import annotations

import datetime
import json
import os

import matplotlib.pyplot as plt
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import analysis as an
from analysis import plotting, reports
from analysis.checks import check_number
from analysis.loading import decode_bytes, flag_duplicates
from analysis.stats import share_table, wilson_interval

BODY = "Officials in the capital said on Monday that the talks had collapsed after two days."
BODY2 = "The city council voted on Tuesday to expand the bus network to three new districts."


def article(title: str, body: str = BODY) -> str:
    return f"{title}\n\n{body}\n"


def rejected(df: pd.DataFrame) -> dict[str, str]:
    """File name (or the path's tail) -> reason, for the rejections of a load."""
    table = df.attrs["rejected"]
    return {os.path.basename(p): r for p, r in zip(table["source_path"], table["reason"])}


# --- a corpus folder is a boundary ---------------------------------------------------------------
@pytest.fixture
def linked_corpus(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    (corpus / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(article("Secret", BODY2))
    (corpus / "a.txt").write_text(article("Title A"))
    (corpus / "sub" / "b.txt").write_text(article("Title B", BODY2 + " The vote was close."))
    (corpus / "innocent.txt").symlink_to("../outside/secret.txt")
    (corpus / "outside_folder").symlink_to(outside, target_is_directory=True)
    (corpus / "sub" / "loop").symlink_to("..", target_is_directory=True)
    (corpus / "dangling.txt").symlink_to("nowhere.txt")
    (corpus / "alias.txt").symlink_to("a.txt")
    (corpus / "sublink").symlink_to("sub", target_is_directory=True)
    (corpus / ".hidden.txt").write_text(article("Hidden"))
    (corpus / ".git").mkdir()
    (corpus / ".git" / "config").write_text("[core]\n")
    return corpus


def test_links_are_not_followed_out_of_the_folder_and_every_entry_is_listed(linked_corpus):
    df = an.load_articles(linked_corpus)
    assert sorted(df["article_id"]) == ["a", "sub/b"]
    assert "secret" not in " ".join(df["text"]).lower()
    got = rejected(df)
    assert got["innocent.txt"] == "symbolic link outside the corpus (not followed)"
    assert got["outside_folder"] == "symbolic link to a folder outside the corpus (not followed)"
    assert got["loop"].startswith("symbolic link loop")
    assert got["dangling.txt"].startswith("dangling symbolic link")
    assert got["alias.txt"].startswith("same file as") and got["alias.txt"].endswith("link)")
    assert got["sublink"].startswith("same folder as")
    assert got[".hidden.txt"].startswith("hidden file")
    assert got[".git"].startswith("hidden folder")
    assert "config" not in got  # a hidden folder is one rejection, not one per file in it


@pytest.mark.parametrize("pattern", ["**/*", "**/*.txt", "*.txt", "**"])
def test_a_glob_root_is_a_boundary_too(linked_corpus, pattern):
    df = an.load_articles(str(linked_corpus / pattern))
    assert "secret" not in " ".join(df["text"]).lower()
    assert df["article_id"].is_unique
    got = rejected(df)
    assert got["innocent.txt"] == "symbolic link outside the corpus (not followed)"
    assert got["dangling.txt"].startswith("dangling symbolic link")
    assert got[".hidden.txt"].startswith("hidden file")
    assert (len(df) == 2) == ("**" in pattern)  # sub/b.txt only through a ** pattern
    if "**" in pattern:  # folders such a pattern would have searched
        assert got["outside_folder"].startswith("symbolic link to a folder outside")
        assert got["loop"].startswith("symbolic link loop") and got[".git"].startswith("hidden")


def test_a_glob_through_a_link_loop_loads_the_article_once(tmp_path):
    # issue 14: a **/* glob followed a loop 40 levels deep and loaded 41 copies of one article
    (tmp_path / "a.txt").write_text(article("Only once"))
    (tmp_path / "again").symlink_to(".", target_is_directory=True)
    df = an.load_articles(str(tmp_path / "**" / "*.txt"))
    assert df["title"].tolist() == ["Only once"]
    assert rejected(df)["again"].startswith("symbolic link loop")


def test_a_folder_matched_by_a_glob_is_listed(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "a.txt").write_text(article("Inside"))
    (tmp_path / "b.txt").write_text(article("Top", BODY2))
    df = an.load_articles(str(tmp_path / "*"))
    assert df["title"].tolist() == ["Top"]
    assert rejected(df)["2024"].startswith("a folder matched by the pattern")


def test_a_pipe_is_listed_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the run for ever
    (tmp_path / "a.txt").write_text(article("A"))
    df = an.load_articles(tmp_path)
    assert len(df) == 1 and rejected(df)["pipe.txt"].startswith("not a regular file")
    assert rejected(an.load_articles(tmp_path / "pipe.txt"))["pipe.txt"].startswith("not a regular")


# --- deep JSON, lone surrogates ------------------------------------------------------------------
def test_deep_json_is_a_rejection_not_a_recursion_error(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text(
        json.dumps({"id": "ok", "text": BODY}) + "\n" + "[" * 100_000 + "]" * 100_000 + "\n"
    )
    (tmp_path / "good.txt").write_text(article("Good", BODY2))
    df = an.load_articles(tmp_path)
    assert sorted(df["article_id"]) == ["good", "ok"]  # the rest of the folder is not lost
    table = df.attrs["rejected"].set_index(
        df.attrs["rejected"]["source_path"].map(os.path.basename)
    )
    assert table.loc["deep.json", "reason"].startswith("JSON is nested too deeply")
    assert table.loc["deep.jsonl", "reason"].startswith("JSON line is nested too deeply")
    assert table.loc["deep.jsonl", "line"] == 2


def test_lone_surrogates_are_replaced_and_counted(tmp_path):
    # scraped data carries them: a JSON "\udcac" escape decodes to a lone surrogate
    line = '{"id": "a", "text": "Officials said \\udcac the talks collapsed.", "x\\ud800": "y"}'
    (tmp_path / "s.jsonl").write_text(line + "\n" + json.dumps({"id": "b", "text": BODY}) + "\n")
    df = an.load_articles(tmp_path)
    assert df["article_id"].tolist() == ["a", "b"] and df.attrs["rejected"].empty
    assert df.loc[0, "text"] == "Officials said \ufffd the talks collapsed."
    assert df["surrogates_replaced"].tolist() == [2, 0]  # one in the text, one in a column name
    sentences = an.split_sentences(df)
    assert sentences["text"].tolist()[0] == df.loc[0, "text"]


def test_a_file_name_with_undecodable_bytes_is_loaded(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 file system: a lone surrogate
    (tmp_path / name).write_text(article("Cafe"))
    df = an.load_articles(tmp_path)
    assert df["title"].tolist() == ["Cafe"] and "\ufffd" in df.loc[0, "source_path"]


def test_split_sentences_takes_a_text_with_a_lone_surrogate():
    text = "Officials said \udcac the talks collapsed. They left."
    frame = pd.DataFrame({"article_id": ["a"], "text": [text]}, dtype=object)
    sentences = an.split_sentences(frame)
    assert [text[a:b] for a, b in zip(sentences["start"], sentences["end"])] == list(
        sentences["text"]
    )
    assert len(sentences) == 2


# --- wrong types, encodings ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "kind, values, says",
    [
        ("int", pa.array([1, 2]), "holds int64 values"),
        ("list", pa.array([["a b", "c"], ["d"]]), "holds a list in every row"),
        ("struct", pa.array([{"x": 1}, {"x": 2}]), "holds a structure"),
        ("binary", pa.array([b"Officials said x.", b"y"]), "holds binary data in every row"),
        ("timestamp", pa.array([datetime.datetime(2020, 1, 1)] * 2), "holds datetime64"),
    ],
)
def test_parquet_text_column_of_the_wrong_type_is_rejected(tmp_path, kind, values, says):
    pq.write_table(pa.table({"id": ["a", "b"], "text": values}), tmp_path / f"{kind}.parquet")
    df = an.load_articles(tmp_path / f"{kind}.parquet")
    assert len(df) == 0  # never "b'Officials said x.'" or "['a b' 'c']" as an article
    reason = rejected(df)[f"{kind}.parquet"]
    assert reason.startswith("text column 'text' ") and says in reason and "not text" in reason


def test_records_whose_text_is_not_text_are_rejected_one_by_one(tmp_path):
    records = [
        {"id": "n", "text": 17},
        {"id": "d", "text": {"body": BODY}},
        {"id": "ok", "text": BODY},
        {"id": "paras", "text": [BODY, BODY2]},  # a list of paragraphs is text
    ]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    df = an.load_articles(tmp_path / "r.jsonl")
    assert df["article_id"].tolist() == ["ok", "paras"]
    assert df.loc[1, "text"] == BODY + "\n\n" + BODY2
    assert df.attrs["rejected"]["reason"].tolist() == [
        "line text is a number, not text",
        "line text is a structure (JSON object), not text",
    ]
    frame = an.load_articles(pd.DataFrame({"text": [1, 2]}))
    assert frame.empty and "holds int64 values" in frame.attrs["rejected"]["reason"][0]


def test_a_csv_field_longer_than_the_csv_module_limit_is_one_article(tmp_path):
    # found while fuzzing: a 220 KB article in a CSV loaded as "table has no rows"
    long = BODY + " " + " ".join([BODY2] * 2_600)
    pd.DataFrame({"id": ["big", "small"], "text": [long, BODY]}).to_csv(
        tmp_path / "a.csv", index=False
    )
    df = an.load_articles(tmp_path / "a.csv")
    assert df["article_id"].tolist() == ["big", "small"] and len(df.loc[0, "text"]) > 131_072


CYRILLIC = "Официальные лица заявили в понедельник, что переговоры сорвались после двух дней."


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cyrillic_single_byte_text_is_detected(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(article("Переговоры", CYRILLIC).encode(encoding))
    row = an.load_articles(tmp_path / "a.txt").iloc[0]
    assert row["title"] == "Переговоры" and row["text"] == CYRILLIC  # not "Ïðèâåò"
    assert row["encoding"].replace("-", "_") == encoding.replace("-", "_")


def test_a_short_cyrillic_word_is_not_read_as_cp1252():
    assert decode_bytes("Привет".encode("cp1251")) == ("Привет", "cp1251")
    # found by the property suite: 0x98 is undefined in cp1251, so these bytes stay cp1252
    assert decode_bytes(b"\x98\xe0") == ("˜à", "cp1252")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252"])
def test_encoding_column_and_western_text_still_cp1252(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(article("Café naïveté", BODY).encode(encoding))
    row = an.load_articles(tmp_path / "a.txt").iloc[0]
    assert row["title"] == "Café naïveté" and row["encoding"] == encoding


def test_mojibake_is_still_repaired(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "Iranâ€™s leader vowed revenge."}))
    row = an.load_articles(tmp_path / "a.jsonl").iloc[0]
    assert row["text"] == "Iran’s leader vowed revenge." and row["encoding"] == "utf-8"


def test_a_frame_has_no_encoding():
    df = an.load_articles(pd.DataFrame({"text": [BODY]}))
    assert df.loc[0, "encoding"] is None and df.loc[0, "surrogates_replaced"] == 0


# --- captions ------------------------------------------------------------------------------------
def test_figcaptions_and_inline_photo_credits_go_to_captions(tmp_path):
    page = f"""<html><head><title>Talks collapse</title></head><body><article>
    <h1>Talks collapse</h1>
    <p>{BODY} The meetings were difficult, diplomats said.</p>
    <figure><img src="a.jpg"><figcaption>The minister leaves the ministry on Monday.
      Photo: Jane Roe/Example Times</figcaption></figure>
    <p>“We will not accept these terms,” the foreign minister told reporters outside.</p>
    <figure><img src="b.jpg"><figcaption>Protesters outside the parliament.</figcaption></figure>
    <p>Protesters gathered outside the parliament building. Image: Jane Roe.</p>
    <p>{BODY2} Analysts said the breakdown could delay a ceasefire by several weeks.</p>
    </article></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    row = an.load_articles(tmp_path / "page.html").iloc[0]
    assert row["captions"] == [
        "Protesters gathered outside the parliament building. Image: Jane Roe.",
        "The minister leaves the ministry on Monday. Photo: Jane Roe/Example Times",
        "Protesters outside the parliament.",
    ]
    assert "Jane Roe" not in row["text"] and "Protesters" not in row["text"]
    assert row["text"].startswith("Officials in the capital")


def test_a_credit_on_a_line_of_its_own_is_a_caption(tmp_path):
    (tmp_path / "a.txt").write_text(f"Title\n\n{BODY}\n\nImage: Jane Roe.\n\n{BODY2}\n")
    row = an.load_articles(tmp_path / "a.txt").iloc[0]
    assert row["captions"] == ["Image: Jane Roe."] and row["text"] == f"{BODY}\n\n{BODY2}"


# --- labels from data, options -------------------------------------------------------------------
def test_an_outlet_named_like_mathtext_is_drawn_as_written(tmp_path):
    hostile = "$\\href{javascript:alert(1)}{x}$"
    texts = [
        "“We will take revenge,” the commander said on Monday after the strike on the base.",
        "The council voted on Tuesday to expand the bus network to three new districts.",
    ]
    frame = pd.DataFrame({"id": ["a", "b"], "text": texts, "outlet": [hostile, "Plain $5 news"]})
    articles = an.load_articles(frame)
    summary = an.threat_summary(articles)
    fig, data = plotting.rates_by_group(summary, articles, by="outlet")
    an.save_figure(fig, "outlets", data=data, folder=tmp_path, close=True)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert hostile in labels
    assert hostile in (tmp_path / "outlets.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "call, option",
    [
        (lambda: an.load_articles(BODY, errors="ignore"), "errors"),
        (lambda: an.load_articles(pd.DataFrame({"text": [BODY]}), duplicate_threshold=2), "dup"),
        (lambda: an.load_articles(17), "source"),
        (lambda: flag_duplicates(pd.DataFrame({"text": [BODY]}), threshold="high"), "threshold"),
        (lambda: wilson_interval(1, 2, z=-1), "z"),
        (lambda: wilson_interval(3, 2), "k"),
        (lambda: wilson_interval(1.5, 2), "k"),
        (lambda: share_table(pd.Series({"a": 1}), label=3), "label"),
        (lambda: plotting.threats_by_speaker(pd.DataFrame(), top=2.5), "top"),
        (lambda: plotting.rates_by_group(pd.DataFrame(), pd.DataFrame(), by="year"), "by"),
        (lambda: plotting.threat_categories(pd.DataFrame(), n_articles=-1), "n_articles"),
        (lambda: an.cleaning.clean_body(BODY, split_title_lines="yes"), "split_title_lines"),
        (lambda: an.cleaning.normalize_unicode(None), "text"),
        (lambda: an.save_figure(plt.figure(), "../escape"), "name"),
        (lambda: reports.headline_figures(None, None, None, include_duplicates=1), "include"),
    ],
)
def test_options_are_checked_with_a_value_error_naming_the_option(call, option):
    with pytest.raises(ValueError, match=option):
        call()
    plt.close("all")


def test_check_number_accepts_numpy_and_whole_floats():
    import numpy as np

    assert check_number("window", np.int64(3), low=0, integer=True) == 3
    assert check_number("window", 3.0, low=0, integer=True) == 3


# --- calm corpus ---------------------------------------------------------------------------------
def test_headline_of_a_calm_corpus_has_zeros_and_none_found():
    articles = an.load_articles(pd.DataFrame({"id": ["a1"], "text": [BODY2]}))
    at = an.find_attributions(articles)
    th = an.find_threats(articles, attributions=at)
    assert len(at) == 0 and len(th) == 0
    shown = reports.format_headline(reports.headline_figures(articles, th, at))
    assert shown.loc["threat acts per 1,000 words", "value"] == "0.00"
    assert shown.loc["attributions to named person sources", "value"] == "none found"
    assert shown.loc["sentences with a threat act", "value"] == "0.0%"


def test_corpus_problem_names_what_is_wrong(tmp_path):
    (tmp_path / "fr.txt").write_text(
        "Titre\n\nLes responsables ont déclaré lundi que les négociations avaient échoué après "
        "deux jours de discussions difficiles dans la capitale du pays."
    )
    problem = reports.corpus_problem(str(tmp_path), an.load_articles(tmp_path))
    assert "can be analysed" in problem and "language fr" in problem
    with pytest.raises(ValueError, match="no such file or folder"):
        reports.require_articles(an.load_articles(tmp_path / "nope"), tmp_path / "nope")
