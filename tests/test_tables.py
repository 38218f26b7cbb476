"""The tables to take away: every CSV and sheet read back matches the frames it was written from."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from openpyxl import load_workbook

import analysis as an
from analysis.tables import TABLES, export_tables, take_away_tables
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def corpus_frames():
    arts = an.load_articles(shared_path("data", "articles.jsonl"))
    at = an.find_attributions(arts)
    return arts, at, an.find_threats(arts, attributions=at)


@pytest.fixture(scope="module")
def exported(corpus_frames, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    return out, export_tables(*corpus_frames, out)


def test_every_table_is_written(exported):
    out, written = exported
    assert [p.name for p in written] == [f"{n}.csv" for n in TABLES] + ["tables.xlsx"]
    assert all(p.parent == out and p.stat().st_size > 0 for p in written)


def test_csv_tables_read_back_with_the_frames_columns_and_rows(corpus_frames, exported):
    out, _ = exported
    frames = take_away_tables(*corpus_frames)
    assert len(frames["articles"]) == 20 and len(frames["threats"]) > 0
    for name, frame in frames.items():
        back = pd.read_csv(out / f"{name}.csv", skiprows=1)
        assert list(back.columns) == list(frame.columns), name
        assert len(back) == len(frame), name
    arts = pd.read_csv(out / "articles.csv", skiprows=1)
    # the whole article text travels (analysts read it), newlines and quotes included
    assert arts["text"].tolist() == corpus_frames[0]["text"].tolist()


def test_csv_tables_open_with_version_and_lexicon_digest(corpus_frames, exported):
    out, _ = exported
    digest = corpus_frames[2].attrs["lexicon_sha256"]
    for name in TABLES:
        first = (out / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# analysis_version: {an.__version__}, lexicon_sha256: {digest}"


def test_workbook_has_a_sheet_per_table_and_an_about_sheet(corpus_frames, exported):
    out, _ = exported
    frames = take_away_tables(*corpus_frames)
    sheets = pd.read_excel(out / "tables.xlsx", sheet_name=None)
    assert list(sheets) == [*TABLES, "about"]
    for name, frame in frames.items():
        assert list(sheets[name].columns) == list(frame.columns), name
        assert len(sheets[name]) == len(frame), name
    about = sheets["about"].set_index("item")["value"]
    assert about["analysis_version"] == an.__version__
    assert about["lexicon_sha256"] == corpus_frames[2].attrs["lexicon_sha256"]
    assert about["threats"] == f"{len(frames['threats'])} rows"


def test_text_a_spreadsheet_would_run_is_kept_as_text(tmp_path):
    # the kind of cell a hostile page could carry into an analyst's spreadsheet
    arts = pd.DataFrame(
        {
            "article_id": ["a"],
            "title": ['=HYPERLINK("http://example.com","x")'],
            "text": ["@SUM(1+1) Officials said the talks failed."],
        }
    )
    at = an.find_attributions(arts)
    export_tables(arts, at, an.find_threats(arts, attributions=at), tmp_path)
    back = pd.read_csv(tmp_path / "articles.csv", skiprows=1)
    assert back.loc[0, "title"] == "'" + arts.loc[0, "title"]
    assert back.loc[0, "text"].startswith("'@SUM")
    ws = load_workbook(tmp_path / "tables.xlsx")["articles"]
    title = ws["B2"]
    assert title.data_type == "s" and title.value == arts.loc[0, "title"]


def test_lists_in_cells_are_json_and_nothing_is_lost(tmp_path):
    arts = an.load_articles(an.paths.data_dir())
    at = an.find_attributions(arts)
    export_tables(arts, at, an.find_threats(arts, attributions=at), tmp_path)
    back = pd.read_csv(tmp_path / "articles.csv", skiprows=1)
    assert back.loc[0, "captions"].startswith('["')
    assert json.loads(back.loc[0, "captions"]) == list(arts.loc[0, "captions"])


def test_a_text_longer_than_an_excel_cell_is_cut_there_and_said_so(corpus_frames, tmp_path):
    # the 20 real articles as one long article: longer than Excel's 32,767 characters per cell
    text = "\n\n".join(corpus_frames[0]["text"])
    arts = pd.DataFrame({"article_id": ["long"], "text": [text]})
    assert len(text) > 32_767
    at = an.find_attributions(arts)
    export_tables(arts, at, an.find_threats(arts, attributions=at), tmp_path)
    assert pd.read_csv(tmp_path / "articles.csv", skiprows=1).loc[0, "text"] == text
    sheets = pd.read_excel(tmp_path / "tables.xlsx", sheet_name=None)
    assert sheets["articles"].loc[0, "text"] == text[:32_767]
    about = sheets["about"].set_index("item")["value"]
    assert about["articles"] == "1 rows; 1 cell(s) cut to 32,767 characters (whole in the CSV)"
