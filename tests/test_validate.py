"""Validation against hand coding: the sample, sheet files, agreement, devscore's seed figures."""

from __future__ import annotations

import json
import types
from pathlib import Path

import krippendorff
import numpy as np
import openpyxl
import pandas as pd
import pytest

import analysis as an
from analysis import validate
from analysis.sourcing import SOURCE_TYPES

from .conftest import EXAMPLE_ID, load_devscore, shared_path

SEED = Path(__file__).parent / "data" / "seed_attributions.jsonl"


@pytest.fixture(scope="module")
def seed_sheet(example_articles):
    return an.coded_from_labels(example_articles, SEED)


# --- the statistics ------------------------------------------------------------------------------
def test_kappa_and_alpha_by_hand():
    # 10 items, package (rows) against coder (columns):
    #              coder yes  coder no
    # package yes      4          1        package says yes 5 times, coder says yes 6 times
    # package no       2          3
    # observed agreement p_o = (4 + 3) / 10 = 0.7
    # chance agreement   p_e = (5 * 6 + 5 * 4) / 100 = 0.5
    # kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    # alpha: coincidences o = c + c.T = [[8, 3], [3, 6]] over m = 20 values, value counts 11 and 9;
    # alpha = 1 - (m - 1) * (off-diagonal 6) / (m^2 - 11^2 - 9^2) = 1 - 19 * 6 / 198 = 0.42424...
    package = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
    coder = np.array([1, 1, 1, 1, 0, 1, 1, 0, 0, 0])
    c = validate.confusions(package, coder, 2)
    assert c.tolist() == [[3, 2], [1, 4]]  # index 0 = "no": [[no/no, no/yes], [yes/no, yes/yes]]
    assert float(validate.kappa(c)) == pytest.approx(0.4)
    assert float(validate.alpha_nominal(c)) == pytest.approx(1 - 19 * 6 / 198)
    assert krippendorff.alpha(
        reliability_data=np.vstack([package, coder]).astype(float), level_of_measurement="nominal"
    ) == pytest.approx(1 - 19 * 6 / 198)
    sheet = pd.DataFrame({"predicted_threat_act": package == 1, "coded_threat_act": coder == 1})
    row = an.agreement(sheet).set_index("category").loc["all"]
    assert row["cohen_kappa"] == pytest.approx(0.4)
    assert row["krippendorff_alpha"] == pytest.approx(0.4242, abs=1e-4)
    assert (row["precision"], row["recall"], row["accuracy"]) == (0.8, pytest.approx(0.6667), 0.7)


def test_alpha_formula_is_the_krippendorff_package_on_random_codings():
    rng = np.random.default_rng(7)
    for k, n in [(2, 15), (3, 40), (6, 100), (6, 9)]:
        a, b = rng.integers(0, k, n), rng.integers(0, k, n)
        b[: n // 2] = a[: n // 2]  # some agreement, as in real coding
        ours = float(validate.alpha_nominal(validate.confusions(a, b, k)))
        theirs = krippendorff.alpha(
            reliability_data=np.vstack([a, b]).astype(float), level_of_measurement="nominal"
        )
        assert ours == pytest.approx(theirs, abs=1e-12)
    # the bootstrap path (many matrices at once) gives the same as one matrix at a time
    rows = rng.integers(0, n, size=(5, n))
    many = validate.alpha_nominal(validate.confusions(a, b, k, rows))
    one = [float(validate.alpha_nominal(validate.confusions(a[r], b[r], k))) for r in rows]
    assert many.tolist() == pytest.approx(one)


def test_intervals_hold_the_estimate_and_repeat_with_the_seed(seed_sheet):
    a = an.agreement(seed_sheet)
    b = an.agreement(seed_sheet)
    pd.testing.assert_frame_equal(a, b)
    row = a.set_index("category").loc["all"]
    for stat in ("cohen_kappa", "krippendorff_alpha", "accuracy", "recall", "precision"):
        assert row[f"{stat}_ci_low"] <= row[stat] <= row[f"{stat}_ci_high"], stat
    assert a.attrs["n_boot"] == 1000
    other = an.agreement(seed_sheet, seed=1).set_index("category").loc["all"]
    assert other["cohen_kappa"] == row["cohen_kappa"]  # only the interval depends on the seed


def test_columns_are_those_of_the_contract(seed_sheet):
    a = an.agreement(seed_sheet)
    for col in ("category", "n", "precision", "recall", "f1", "cohen_kappa", "krippendorff_alpha"):
        assert col in a.columns
    for col in ("cohen_kappa", "krippendorff_alpha"):
        assert {f"{col}_ci_low", f"{col}_ci_high"} <= set(a.columns)
    assert a["category"].tolist() == [*SOURCE_TYPES, "none", "all"]
    confusion = a.attrs["confusion"]
    assert int(confusion.to_numpy().sum()) == len(seed_sheet)
    assert (confusion.index.name, confusion.columns.name) == ("package", "coder")


# --- the figures devscore gives on the same items ------------------------------------------------
def _compare_with_devscore(articles, attributions):
    """devscore's seed section on ``attributions`` against agreement() on the sheet coded from the
    same seed labels: recall, type accuracy on matched items and end-to-end type accuracy, for the
    required and the optional labels apart, as devscore reports them."""
    devscore = load_devscore()
    product = devscore.Product()
    product.module = types.SimpleNamespace(
        load_articles=an.load_articles, find_attributions=lambda frame: attributions
    )
    res = devscore.score_seed(product, types.SimpleNamespace(misses=0))
    sheet = an.coded_from_labels(articles, SEED, attributions=attributions)
    for required, key in ((True, "required"), (False, "optional")):
        ours = an.agreement(sheet[sheet["label_required"] == required])
        row = ours.set_index("category").loc["all"]
        theirs = res[key]
        assert row["n"] == theirs["n"], key
        assert row["recall"] == pytest.approx(theirs["recall"], abs=1e-4), key
        assert row["accuracy"] == pytest.approx(theirs["end_to_end_type_accuracy"], abs=1e-4), key
        if theirs["matched"]:
            assert row["type_accuracy"] == pytest.approx(
                theirs["type_accuracy_on_matched"], abs=1e-4
            ), key
        missed = sheet[(sheet["label_required"] == required) & sheet["predicted_type"].isna()]
        assert sorted(missed["label"]) == sorted(theirs["missed"]), key
    return res


def test_seed_labels_shipped_are_the_shared_ones():
    assert SEED.read_bytes() == shared_path("devsets", "seed_attributions.jsonl").read_bytes()


def test_agreement_gives_devscore_figures_on_the_seed_items():
    articles = an.load_articles(shared_path("devsets", f"{EXAMPLE_ID}.txt"))
    res = _compare_with_devscore(articles, an.find_attributions(articles))
    assert res["required"]["n"] == 30


def test_agreement_follows_devscore_when_the_predictions_are_worse():
    # the same comparison on predictions made worse on purpose (some dropped, some retyped), so
    # that the figures compared are not all 1.0
    articles = an.load_articles(shared_path("devsets", f"{EXAMPLE_ID}.txt"))
    at = an.find_attributions(articles)
    worse = at.drop(index=at.index[[1, 5, 9, 17, 25]]).reset_index(drop=True)
    swap = {"named_person": "anonymous", "anonymous": "organization", "media": "document"}
    retyped = worse.index[::4]
    worse.loc[retyped, "source_type"] = worse.loc[retyped, "source_type"].map(
        lambda t: swap.get(t, "named_person")
    )
    res = _compare_with_devscore(articles, worse)
    assert res["required"]["recall"] < 1 and res["required"]["type_accuracy_on_matched"] < 1


# --- the coding sheet ----------------------------------------------------------------------------
def test_attribution_sheet_is_a_stratified_random_sample(example_articles):
    at = an.find_attributions(example_articles)
    sheet = an.coding_sheet(example_articles, n=12, seed=3, attributions=at)
    assert sheet.columns.tolist() == validate.ATTRIBUTION_SHEET
    assert sheet["item_id"].tolist() == list(range(1, 13))
    assert sheet["coded_type"].isna().all()
    counts = at["source_type"].value_counts()
    strata = sheet.attrs["strata"].set_index("stratum")
    assert strata["population"].to_dict() == counts.to_dict()
    assert strata["sampled"].sum() == 12 and (strata["sampled"] >= 1).all()
    assert sheet["predicted_type"].value_counts().to_dict() == strata["sampled"].to_dict()
    # each row is one attribution of the article, with its text
    text = example_articles["text"].iloc[0]
    merged = sheet.merge(at, on=["article_id", "attribution_id"])
    assert len(merged) == 12
    for r in merged.itertuples():
        assert r.content == text[r.content_start : r.content_end]
        assert r.predicted_type == r.source_type
        assert " ".join(r.content.split())[:40] in r.sentence or r.content_start < r.cue_start
    again = an.coding_sheet(example_articles, n=12, seed=3, attributions=at)
    pd.testing.assert_frame_equal(sheet, again)
    other = an.coding_sheet(example_articles, n=12, seed=4, attributions=at)
    assert other["attribution_id"].tolist() != sheet["attribution_id"].tolist()
    everything = an.coding_sheet(example_articles, n=500, attributions=at)
    assert sorted(everything["attribution_id"]) == sorted(at["attribution_id"])


def test_sentence_sheet_marks_the_package_threat_acts(example_articles):
    th = an.find_threats(example_articles)
    sheet = an.coding_sheet(example_articles, unit="sentence", n=500, threats=th)
    assert sheet.columns.tolist() == validate.SENTENCE_SHEET
    assert len(sheet) == len(an.split_sentences(example_articles))
    acts = th[(th["measure"] == "threat_act") & th["mode"].isin(["asserted", "conditional"])]
    flagged = set(sheet.loc[sheet["predicted_threat_act"], "sentence_id"])
    assert flagged == set(acts["sentence_id"])
    small = an.coding_sheet(example_articles, unit="sentence", n=6, threats=th, seed=2)
    share = 6 * len(flagged) / len(sheet)  # proportional, at least one of each
    assert abs(small["predicted_threat_act"].sum() - max(1, share)) <= 1


def test_sheets_written_and_read_back(tmp_path, example_articles, seed_sheet):
    at = an.find_attributions(example_articles)
    xlsx = tmp_path / "sheet.xlsx"
    sheet = an.coding_sheet(example_articles, n=8, path=xlsx, attributions=at)
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["coding", "definitions", "sample"]
    defs = [r[0] for r in book["definitions"].iter_rows(min_row=2, values_only=True)]
    assert {"coded_type", *SOURCE_TYPES, "none"} <= set(defs)
    back = pd.read_excel(xlsx, sheet_name="coding")
    assert back["attribution_id"].tolist() == sheet["attribution_id"].tolist()
    # a coder fills it in (here from the seed-coded sheet) and saves it; agreement reads the file
    codes = seed_sheet.dropna(subset=["attribution_id"]).set_index("attribution_id")["coded_type"]
    back["coded_type"] = back["attribution_id"].map(codes)
    back.to_excel(xlsx, index=False)
    from_file = an.agreement(xlsx)
    from_frame = an.agreement(back)
    pd.testing.assert_frame_equal(from_file, from_frame)
    csv = tmp_path / "sheet.csv"
    back.to_csv(csv, index=False)
    pd.testing.assert_frame_equal(an.agreement(csv), from_frame)


def test_article_text_never_becomes_a_spreadsheet_formula(tmp_path):
    arts = pd.DataFrame(
        {
            "article_id": ["f1"],
            "text": [
                '=HYPERLINK("http://evil.example","x") the mayor said on Monday.\n\n'
                "Officials said the council would vote again next week."
            ],
        }
    )
    an.coding_sheet(arts, unit="sentence", path=tmp_path / "s.xlsx")
    cells = [
        c for row in openpyxl.load_workbook(tmp_path / "s.xlsx")["coding"].iter_rows() for c in row
    ]
    assert not [c for c in cells if c.data_type == "f"]
    assert any(str(c.value).startswith("=HYPERLINK") for c in cells)
    an.coding_sheet(arts, unit="sentence", path=tmp_path / "s.csv")
    assert "'=HYPERLINK" in (tmp_path / "s.csv").read_text(encoding="utf-8")


def test_blind_sheet_is_scored_with_predicted(example_articles, seed_sheet):
    at = an.find_attributions(example_articles)
    blind = an.coding_sheet(example_articles, n=100, attributions=at, blind=True)
    assert "predicted_type" not in blind
    codes = seed_sheet.dropna(subset=["attribution_id"]).set_index("attribution_id")["coded_type"]
    blind["coded_type"] = blind["attribution_id"].map(codes)
    with pytest.raises(ValueError, match="pass predicted="):
        an.agreement(blind)
    scored = an.agreement(blind, predicted=at)
    open_ = seed_sheet[seed_sheet["attribution_id"].notna()]
    pd.testing.assert_frame_equal(
        scored.drop(columns=[c for c in scored if "_ci_" in c]),
        an.agreement(open_).drop(columns=[c for c in scored if "_ci_" in c]),
        check_like=True,
    )


def test_two_coders_and_their_agreement(seed_sheet):
    sheet = seed_sheet.copy()
    second = sheet["coded_type"].copy()
    second.iloc[[0, 4, 7]] = ["anonymous", "media", "organization"]
    sheet["coded_type_2"] = second
    a = an.agreement(sheet)
    assert {
        "coders_n",
        "coders_accuracy",
        "coders_cohen_kappa",
        "coders_krippendorff_alpha",
    } <= set(a)
    row = a.set_index("category").loc["all"]
    assert row["coders_n"] == len(sheet)
    same = (second == sheet["coded_type"]).mean()
    assert same < 1 and row["coders_accuracy"] == pytest.approx(same, abs=1e-4)
    # the coders' agreement is the package's formula with coder 1 in the package's place
    as_package = pd.DataFrame({"predicted_type": sheet["coded_type"], "coded_type": second})
    direct = an.agreement(as_package).set_index("category").loc["all"]
    assert row["coders_cohen_kappa"] == direct["cohen_kappa"]
    assert row["coders_krippendorff_alpha"] == direct["krippendorff_alpha"]
    assert "two coders agreed" in an.agreement_sentence(a)


def test_sentence_an_editor_can_quote(seed_sheet):
    text = an.agreement_sentence(an.agreement(seed_sheet), coded_by="coded from the seed labels")
    row = an.agreement(seed_sheet).set_index("category").loc["all"]
    assert text.startswith(f"On {len(seed_sheet)} attributions coded from the seed labels, ")
    assert f"{row['accuracy']:.0%}" in text and f"κ {row['cohen_kappa']:.2f}" in text


# --- bad sheets ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sheet, message",
    [
        (pd.DataFrame(), "no rows"),
        (pd.DataFrame({"item_id": [1], "speaker": ["x"]}), "coded_type column"),
        (pd.DataFrame({"predicted_type": ["media"], "coded_type": [None]}), "no row .* is coded"),
        (pd.DataFrame({"predicted_type": ["media"], "coded_type": ["journalist"]}), "'journalist'"),
        (
            pd.DataFrame({"predicted_threat_act": [True], "coded_threat_act": ["maybe"]}),
            "true, false",
        ),
        (
            pd.DataFrame(
                {"predicted_type": ["media"], "coded_type": ["media"], "coded_threat_act": [1]}
            ),
            "coded_type column",
        ),
    ],
)
def test_malformed_sheets_are_a_clear_value_error(sheet, message):
    with pytest.raises(ValueError, match=message):
        an.agreement(sheet)


def test_bad_files_are_a_clear_value_error(tmp_path):
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    (tmp_path / "sheet.json").write_text(json.dumps([{"coded_type": "media"}]), encoding="utf-8")
    for name, message in (
        ("empty.csv", "cannot read"),
        ("broken.xlsx", "cannot read"),
        ("sheet.json", ".csv or .xlsx"),
    ):
        with pytest.raises(ValueError, match=message):
            an.agreement(tmp_path / name)
    with pytest.raises(ValueError, match="needed to match predicted="):
        an.agreement(pd.DataFrame({"coded_threat_act": [True]}), predicted=pd.DataFrame())
    with pytest.raises(FileNotFoundError):
        an.agreement(tmp_path / "absent.csv")
    with pytest.raises(ValueError, match="unit"):
        an.coding_sheet(pd.DataFrame({"article_id": ["a"], "text": ["x"]}), unit="paragraph")
    with pytest.raises(ValueError, match=".csv or .xlsx"):
        an.coding_sheet(
            pd.DataFrame({"article_id": ["a"], "text": ["Officials said it."]}),
            path=tmp_path / "s.txt",
        )


def test_coder_spellings_are_read(example_articles):
    sheet = pd.DataFrame(
        {
            "predicted_type": ["organization", "named_person", None],
            "coded_type": ["Organisation", " Named person ", "None"],
        }
    )
    conf = an.agreement(sheet).attrs["confusion"]
    assert conf.loc["organization", "organization"] == 1
    assert conf.loc["named_person", "named_person"] == 1
    assert conf.loc["none", "none"] == 1
