"""Validate: check the package's calls against an analyst's own hand coding.

``coding_sheet`` draws a stratified random sample to code by hand (attributions, stratified by
predicted source type, or sentences, stratified by predicted threat act) and writes it as CSV or
xlsx (with the definitions in a second sheet). ``agreement`` reads the coded sheet back and reports,
per category, precision, recall and F1 of the package against the coder, Cohen's kappa and
Krippendorff's alpha (the ``krippendorff`` package), each with a 95% bootstrap interval, the
confusion table, and the agreement of two coders with each other. ``agreement_sentence`` says it in
one sentence an editor can quote. ``coded_from_labels`` fills a sheet from labels in the format of
the team's seed labels, matching them as the team's development scorer does.
"""

from __future__ import annotations

import json
import math
import unicodedata
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

from .loading import analysable
from .paths import package_data_dir
from .sourcing import SOURCE_TYPES
from .spreadsheets import finish_workbook, safe_text
from .text import split_sentences

__all__ = [
    "coding_sheet",
    "agreement",
    "agreement_sentence",
    "coded_from_labels",
    "coding_definitions",
    "read_sheet",
    "disagreements",
    "agreement_table",
    "ATTRIBUTION_SHEET",
    "SENTENCE_SHEET",
]

NONE = "none"  # the category "not an attribution" / "no threat act"
ATTRIBUTION_SHEET = [
    "item_id",
    "article_id",
    "attribution_id",
    "sentence",
    "speaker",
    "cue",
    "content",
    "predicted_type",
    "coded_type",
]
SENTENCE_SHEET = [
    "item_id",
    "article_id",
    "sentence_id",
    "sentence",
    "predicted_threat_act",
    "coded_threat_act",
]
UNITS = {
    "attribution": ("predicted_type", "coded_type"),
    "sentence": ("predicted_threat_act", "coded_threat_act"),
}
COUNTED_MODES = ("asserted", "conditional")
# spellings a coder may type for a category (British spelling, a spreadsheet's TRUE/FALSE)
_TYPE_ALIASES = {"organisation": "organization", "not_an_attribution": NONE}
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")
_TEXT_COLUMNS = ("sentence", "speaker", "cue", "content")


# --- the sample ----------------------------------------------------------------------------------
def _spans_of(row: dict) -> list[tuple[int, int]]:
    out = []
    for part in ("speaker", "cue", "content"):
        a, b = row.get(f"{part}_start"), row.get(f"{part}_end")
        if not (pd.isna(a) or pd.isna(b)) and int(b) > int(a):
            out.append((int(a), int(b)))
    return out


def _covering(bounds: list[tuple[int, int]], a: int, b: int) -> tuple[int, int]:
    """The run of sentences covering ``[a, b)`` (a position between sentences is left as it is)."""
    first = next((s for s, e in bounds if e > a), a)
    last = next((e for s, e in reversed(bounds) if s < b), b)
    return min(first, a), max(last, b)


def _sentence_bounds(articles: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    sents = split_sentences(articles)
    out: dict[str, list[tuple[int, int]]] = {}
    for aid, s, e in zip(sents["article_id"].astype(str), sents["start"], sents["end"]):
        out.setdefault(aid, []).append((int(s), int(e)))
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _attribution_population(articles: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Every attribution of ``articles`` as a sheet row (without item_id and coded_type)."""
    texts = dict(zip(articles["article_id"].astype(str), articles["text"].astype(str)))
    bounds = _sentence_bounds(articles)
    rows = []
    for r in attributions.to_dict("records"):
        aid = str(r["article_id"])
        if aid not in texts:
            continue
        text, spans = texts[aid], _spans_of(r)
        a, b = (min(s for s, _ in spans), max(e for _, e in spans)) if spans else (0, 0)
        lo, hi = _covering(bounds.get(aid, []), a, b)
        cs, ce = r.get("content_start"), r.get("content_end")
        rows.append(
            {
                "article_id": aid,
                "attribution_id": int(r["attribution_id"]),
                "sentence": _one_line(text[lo:hi]),
                "speaker": None if pd.isna(r.get("speaker")) else r.get("speaker"),
                "cue": r.get("cue"),
                "content": None if pd.isna(cs) or pd.isna(ce) else text[int(cs) : int(ce)],
                "predicted_type": r.get("source_type"),
            }
        )
    return pd.DataFrame(rows, columns=ATTRIBUTION_SHEET[1:-1])


def _threat_sentences(threats: pd.DataFrame) -> set[tuple[str, int]]:
    """(article_id, sentence_id) of the sentences the package calls threats (API.md's rule)."""
    acts = threats[(threats["measure"] == "threat_act") & threats["mode"].isin(COUNTED_MODES)]
    return set(zip(acts["article_id"].astype(str), acts["sentence_id"].astype(int)))


def _sentence_population(articles: pd.DataFrame, threats: pd.DataFrame) -> pd.DataFrame:
    sents = split_sentences(articles)
    keys = _threat_sentences(threats)
    ids = sents["article_id"].astype(str)
    return pd.DataFrame(
        {
            "article_id": ids,
            "sentence_id": sents["sentence_id"].astype(int),
            "sentence": sents["text"].map(_one_line),
            "predicted_threat_act": [
                (a, int(s)) in keys for a, s in zip(ids, sents["sentence_id"])
            ],
        }
    ).reset_index(drop=True)


def _allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Proportional allocation of ``n`` over strata (largest remainder), one at least in each."""
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    quota = {k: n * v / total for k, v in sizes.items()}
    alloc = {k: min(v, max(1, math.floor(quota[k]))) for k, v in sizes.items()}
    while sum(alloc.values()) < n:
        open_ = [k for k in alloc if alloc[k] < sizes[k]]
        alloc[max(open_, key=lambda k: (quota[k] - alloc[k], k))] += 1
    while sum(alloc.values()) > n:
        alloc[max(alloc, key=lambda k: (alloc[k] - quota[k], k))] -= 1
    return alloc


def _stratified(
    pop: pd.DataFrame, col: str, n: int, seed: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    strata = pop[col].astype(str)
    sizes = strata.value_counts().sort_index().to_dict()
    alloc = _allocate(sizes, n)
    picked = []
    for key in sorted(sizes):
        where = np.flatnonzero((strata == key).to_numpy())
        picked.extend(rng.choice(where, size=alloc[key], replace=False).tolist())
    order = rng.permutation(len(picked))
    sample = pop.iloc[[picked[i] for i in order]].reset_index(drop=True)
    table = pd.DataFrame(
        {
            "stratum": list(sizes),
            "population": list(sizes.values()),
            "sampled": [alloc[k] for k in sizes],
        }
    )
    return sample, table


def coding_definitions(unit: str = "attribution") -> pd.DataFrame:
    """The columns and categories a coder reads (``data/coding_definitions.csv``).

    >>> coding_definitions("sentence")["name"].tolist()[:3]
    ['item_id', 'article_id', 'sentence_id']
    """
    table = pd.read_csv(package_data_dir() / "coding_definitions.csv")
    return table[table["unit"] == unit].drop(columns="unit").reset_index(drop=True)


def _write_xlsx(sheet: pd.DataFrame, path: Path, unit: str, strata: pd.DataFrame) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        sheet.to_excel(writer, sheet_name="coding", index=False)
        coding_definitions(unit).to_excel(writer, sheet_name="definitions", index=False)
        strata.to_excel(writer, sheet_name="sample", index=False)
        finish_workbook(writer.book, max_width=80)


def _write(sheet: pd.DataFrame, path: str | Path, unit: str, strata: pd.DataFrame) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(sheet, path, unit, strata)
    elif path.suffix.lower() == ".csv":
        text_cols = [c for c in _TEXT_COLUMNS if c in sheet]
        safe = sheet.assign(**{c: sheet[c].map(safe_text) for c in text_cols})
        safe.to_csv(path, index=False, encoding="utf-8")
    else:
        raise ValueError(f"coding_sheet writes .csv or .xlsx, not {path.suffix or 'no suffix'}")
    return path


def coding_sheet(
    articles: pd.DataFrame,
    *,
    unit: str = "attribution",
    n: int = 100,
    seed: int = 0,
    path: str | Path | None = None,
    attributions: pd.DataFrame | None = None,
    threats: pd.DataFrame | None = None,
    blind: bool = False,
) -> pd.DataFrame:
    """A random sample to code by hand, stratified by the package's call, in random order.

    ``unit="attribution"``: attributions stratified by predicted source type; ``unit="sentence"``:
    sentences stratified by predicted threat act. Strata get a proportional share of ``n`` (at
    least one item each; all items when there are fewer than ``n``); ``attrs["strata"]`` holds the
    sizes. With ``path`` the sheet is written as ``.csv`` or ``.xlsx`` (with the definitions and the
    strata in further sheets). ``blind=True`` leaves the predicted column out, so the coder does not
    see the package's call; ``agreement(coded, predicted=...)`` then supplies it. Duplicates and
    articles in another language are left out, as in the summaries.

    >>> import analysis as an
    >>> sheet = coding_sheet(an.load_articles(an.paths.data_dir()), n=10, seed=1)
    >>> len(sheet), sheet.columns.tolist()[-2:], bool(sheet["coded_type"].isna().all())
    (10, ['predicted_type', 'coded_type'], True)
    >>> strata = sheet.attrs["strata"]  # every predicted type of the article, one item at least
    >>> int(strata["sampled"].sum()), bool((strata["sampled"] >= 1).all())
    (10, True)
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be 'attribution' or 'sentence', not {unit!r}")
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive whole number, not {n!r}")
    kept, _ = analysable(articles, include_duplicates=False)
    predicted_col, coded_col = UNITS[unit]
    if unit == "attribution":
        from .sourcing import find_attributions

        at = find_attributions(kept) if attributions is None else attributions
        pop = _attribution_population(kept, at)
    else:
        from .rhetoric import find_threats

        th = find_threats(kept) if threats is None else threats
        pop = _sentence_population(kept, th)
    sample, strata = _stratified(pop, predicted_col, n, seed)
    sample.insert(0, "item_id", range(1, len(sample) + 1))
    sample[coded_col] = pd.Series([None] * len(sample), dtype="object")
    if blind:
        sample = sample.drop(columns=predicted_col)
    if path is not None:
        _write(sample, path, unit, strata)
    sample.attrs["strata"] = strata
    return sample


# --- reading a coded sheet back -------------------------------------------------------------------
def read_sheet(coded: pd.DataFrame | str | Path) -> pd.DataFrame:
    """A coded sheet as a frame: a copy of a frame, or a ``.csv`` / ``.xlsx`` file read as text."""
    if isinstance(coded, pd.DataFrame):
        return coded.copy()
    path = Path(coded)
    if not path.exists():
        raise FileNotFoundError(f"no coded sheet at {path}")
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"a coded sheet is a .csv or .xlsx file, not {path.name}")
    # only an empty cell is missing: "None" or "NA" typed by a coder is a value, not a gap
    options = {"dtype": str, "keep_default_na": False, "na_values": [""]}
    try:
        if suffix == ".csv":
            return pd.read_csv(path, **options)
        return pd.read_excel(path, sheet_name=0, engine="openpyxl", **options)
    except Exception as exc:  # any unreadable file is a bad sheet, said in one message
        raise ValueError(f"cannot read the coded sheet {path.name}: {exc}") from exc


def _sheet_unit(sheet: pd.DataFrame) -> str:
    found = [u for u, (_, coded) in UNITS.items() if coded in sheet.columns]
    if len(found) != 1:
        raise ValueError(
            "a coded sheet has a coded_type column (attributions) or a coded_threat_act column "
            f"(sentences); this one has columns {list(sheet.columns)}"
        )
    return found[0]


def _norm_type(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    s = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    if not s:
        return None
    s = _TYPE_ALIASES.get(s, s)
    return s if s in (*SOURCE_TYPES, NONE) else f"?{value}"


def _norm_bool(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    s = str(value).strip().lower()
    if s.endswith(".0"):  # a spreadsheet's 1.0
        s = s[:-2]
    if not s:
        return None
    return "threat_act" if s in _TRUE else NONE if s in _FALSE else f"?{value}"


def _labels(sheet: pd.DataFrame, column: str, unit: str) -> pd.Series:
    norm = _norm_type if unit == "attribution" else _norm_bool
    out = sheet[column].map(norm)
    bad = out.dropna()
    bad = bad[bad.str.startswith("?")]
    if len(bad):
        allowed = [*SOURCE_TYPES, NONE] if unit == "attribution" else ["true", "false"]
        ids = sheet["item_id"] if "item_id" in sheet else sheet.index + 1
        shown = "; ".join(f"item {ids[i]}: {v[1:]!r}" for i, v in bad.head(5).items())
        raise ValueError(
            f"{len(bad)} value(s) of {column} are not categories ({shown}); use one of "
            f"{', '.join(allowed)}, or leave the cell empty when the item is not coded"
        )
    return out


def _predicted_from(sheet: pd.DataFrame, predicted: pd.DataFrame, unit: str) -> pd.Series:
    """The package's call for each row from a fresh frame (find_attributions / find_threats)."""
    need = ["article_id", "attribution_id" if unit == "attribution" else "sentence_id"]
    missing = [c for c in need if c not in sheet]
    if missing:
        raise ValueError(f"the coded sheet lacks {missing}, needed to match predicted=")
    if unit == "attribution":
        calls = {
            (str(a), int(i)): t
            for a, i, t in zip(
                predicted["article_id"], predicted["attribution_id"], predicted["source_type"]
            )
        }
        keys = zip(sheet["article_id"].astype(str), pd.to_numeric(sheet["attribution_id"]))
        return pd.Series(
            [calls.get((a, int(i)), NONE) if not pd.isna(i) else NONE for a, i in keys],
            index=sheet.index,
        )
    keys = _threat_sentences(predicted)
    ids = zip(sheet["article_id"].astype(str), pd.to_numeric(sheet["sentence_id"]))
    return pd.Series(
        ["threat_act" if (a, int(s)) in keys else NONE for a, s in ids], index=sheet.index
    )


def _prepared(coded: pd.DataFrame | str | Path, predicted: pd.DataFrame | None) -> dict:
    """The sheet's unit and, per coded row, the package's and the coders' categories."""
    sheet = read_sheet(coded).reset_index(drop=True)
    if sheet.empty:
        raise ValueError("the coded sheet has no rows")
    unit = _sheet_unit(sheet)
    predicted_col, coded_col = UNITS[unit]
    if predicted is not None:
        pred = _predicted_from(sheet, predicted, unit)
    elif predicted_col in sheet:
        pred = _labels(sheet, predicted_col, unit).fillna(NONE)  # a row the coder added
    else:
        raise ValueError(f"the coded sheet has no {predicted_col} column (blind): pass predicted=")
    first = _labels(sheet, coded_col, unit)
    if first.isna().all():
        raise ValueError(f"no row of the coded sheet is coded: {coded_col} is empty in all rows")
    second = _labels(sheet, f"{coded_col}_2", unit) if f"{coded_col}_2" in sheet else None
    ids = sheet["item_id"] if "item_id" in sheet else pd.Series(sheet.index + 1)
    return {
        "unit": unit,
        "pred": pred,
        "first": first,
        "second": second,
        "skipped": pd.DataFrame(
            {"item_id": ids[first.isna()], "reason": f"{coded_col} is empty"}
        ).reset_index(drop=True),
    }


# --- agreement statistics ------------------------------------------------------------------------
def confusions(a: np.ndarray, b: np.ndarray, k: int, rows: np.ndarray | None = None) -> np.ndarray:
    """Confusion matrices ``[..., a, b]`` of integer codes; ``rows`` (B, n) resamples the items.

    >>> confusions(np.array([0, 1, 1]), np.array([0, 1, 0]), 2).tolist()
    [[1, 0], [1, 1]]
    """
    if rows is None:
        return np.bincount(a * k + b, minlength=k * k).reshape(k, k)
    flat = a[rows] * k + b[rows] + (np.arange(len(rows)) * k * k)[:, None]
    return np.bincount(flat.ravel(), minlength=len(rows) * k * k).reshape(len(rows), k, k)


def kappa(c: np.ndarray) -> np.ndarray:
    """Cohen's kappa of confusion matrices ``[..., k, k]``; NaN when chance agreement is total."""
    n = c.sum(axis=(-2, -1)).astype(float)
    observed = np.trace(c, axis1=-2, axis2=-1) / n
    expected = (c.sum(axis=-1) * c.sum(axis=-2)).sum(axis=-1) / n**2
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected < 1, (observed - expected) / (1 - expected), np.nan)


def alpha_nominal(c: np.ndarray) -> np.ndarray:
    """Krippendorff's alpha (nominal, two coders, no gaps) of confusion matrices ``[..., k, k]``.

    Through the coincidence matrix ``o = c + c.T`` over ``m = 2n`` values: alpha =
    1 - (m - 1) (m - trace o) / (m^2 - sum of squared value counts). It gives what the
    ``krippendorff`` package gives (``tests/test_validate.py``) and runs on many matrices at once.
    """
    o = c + np.swapaxes(c, -2, -1)
    m = o.sum(axis=(-2, -1)).astype(float)
    disagree = m - np.trace(o, axis1=-2, axis2=-1)
    expected = m**2 - (o.sum(axis=-1) ** 2).sum(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 0, 1 - (m - 1) * disagree / expected, np.nan)


def _alpha_package(a: np.ndarray, b: np.ndarray) -> float:
    """The point estimate from the ``krippendorff`` package; NaN when only one value occurs."""
    if len(np.unique(np.concatenate([a, b]))) < 2:
        return float("nan")
    data = np.vstack([a, b]).astype(float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _binary(c: np.ndarray, positive: np.ndarray) -> np.ndarray:
    """2x2 matrices [..., a, b], index 1 = "in ``positive``" (a category, or every attribution)."""
    neg = ~positive
    cells = [
        [
            c[..., neg, :][..., :, neg].sum(axis=(-2, -1)),
            c[..., neg, :][..., :, positive].sum((-2, -1)),
        ],
        [
            c[..., positive, :][..., :, neg].sum((-2, -1)),
            c[..., positive, :][..., :, positive].sum((-2, -1)),
        ],
    ]
    return np.moveaxis(np.array(cells), (0, 1), (-2, -1))


def _measures(c: np.ndarray) -> dict[str, np.ndarray]:
    """Package (rows) against coder (columns) on 2x2 matrices: precision, recall, F1, accuracy,
    kappa, alpha."""
    tp, fp, fn = c[..., 1, 1], c[..., 1, 0], c[..., 0, 1]
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "n": c[..., :, 1].sum(axis=-1),
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "accuracy": _ratio(np.trace(c, axis1=-2, axis2=-1), c.sum(axis=(-2, -1))),
        "cohen_kappa": kappa(c),
        "krippendorff_alpha": alpha_nominal(c),
    }


def _interval(values: np.ndarray) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if len(finite) == 0:
        return float("nan"), float("nan")
    lo, hi = np.percentile(finite, [2.5, 97.5])
    return float(lo), float(hi)


def _with_interval(point: dict, boot: dict) -> dict:
    out = {"n": int(point["n"])}
    for key, value in point.items():
        if key == "n":
            continue
        lo, hi = _interval(np.asarray(boot[key], dtype=float))
        out |= {key: float(value), f"{key}_ci_low": lo, f"{key}_ci_high": hi}
    return out


def _compare(a: np.ndarray, b: np.ndarray, categories: list[str], n_boot: int, seed: int) -> list:
    """One row per category (that category against the rest) and one row ``all``: detection
    (anything but ``none``) for precision, recall and F1; every category for accuracy, kappa and
    alpha; ``type_accuracy`` on the items both call something other than ``none``."""
    k = len(categories)
    c = confusions(a, b, k)
    resample = np.random.default_rng(seed).integers(0, len(a), size=(n_boot, len(a)))
    cb = confusions(a, b, k, resample)
    rows = []
    for j, cat in enumerate(categories):
        pos = np.arange(k) == j
        row = _with_interval(_measures(_binary(c, pos)), _measures(_binary(cb, pos)))
        row["krippendorff_alpha"] = _alpha_package((a == j).astype(int), (b == j).astype(int))
        rows.append({"category": cat, **row})
    some = np.array([cat != NONE for cat in categories])
    row = _with_interval(_measures(_binary(c, some)), _measures(_binary(cb, some)))
    whole = {
        "accuracy": _ratio(np.trace(c), c.sum()),
        "cohen_kappa": kappa(c),
        "krippendorff_alpha": alpha_nominal(c),
        "type_accuracy": _ratio(np.trace(c[some][:, some]), c[some][:, some].sum()),
    }
    whole_boot = {
        "accuracy": _ratio(np.trace(cb, axis1=1, axis2=2), cb.sum(axis=(1, 2))),
        "cohen_kappa": kappa(cb),
        "krippendorff_alpha": alpha_nominal(cb),
        "type_accuracy": _ratio(
            np.trace(cb[:, some][:, :, some], axis1=1, axis2=2), cb[:, some][:, :, some].sum((1, 2))
        ),
    }
    row |= _with_interval({"n": len(a), **whole}, whole_boot)
    row["krippendorff_alpha"] = _alpha_package(a, b)
    rows.append({"category": "all", **row})
    return rows


def _confusion(a: np.ndarray, b: np.ndarray, categories: list[str], names: tuple[str, str]):
    c = confusions(a, b, len(categories))
    table = pd.DataFrame(c, index=categories, columns=categories)
    used = [cat for i, cat in enumerate(categories) if cat != NONE or c[i].sum() or c[:, i].sum()]
    table = table.loc[used, used]
    table.index.name, table.columns.name = names
    return table


CODER_COLUMNS = ["n", "accuracy", "cohen_kappa", "krippendorff_alpha"]


def _with_coders(table, prep, code, categories, out_attrs, n_boot, seed) -> pd.DataFrame:
    """``table`` with the ``coders_*`` columns: coder 1 against coder 2 on the items both coded."""
    both = prep["first"].notna() & prep["second"].notna()
    if not both.any():
        return table
    a = prep["first"][both].map(code).to_numpy(dtype=int)
    b = prep["second"][both].map(code).to_numpy(dtype=int)
    coders = pd.DataFrame(_compare(a, b, categories, n_boot, seed))
    cols = [c for c in coders if any(c.startswith(k) for k in CODER_COLUMNS)]
    out_attrs["coders_confusion"] = _confusion(a, b, categories, ("coder 1", "coder 2"))
    return table.merge(
        coders[["category", *cols]].rename(columns={c: f"coders_{c}" for c in cols}),
        on="category",
    )


def agreement(
    coded: pd.DataFrame | str | Path,
    *,
    predicted: pd.DataFrame | None = None,
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Agreement of the package with a coded sheet (a frame, or a ``.csv`` / ``.xlsx`` path).

    One row per category: ``n`` (items the coder put in it), ``precision``, ``recall``, ``f1``,
    ``accuracy``, ``cohen_kappa`` and ``krippendorff_alpha`` of that category against the rest. The
    row ``category == "all"``: ``n`` coded items; precision, recall and F1 of detection (the package
    and the coder both see an attribution / a threat act, whatever its type); ``accuracy``, kappa
    and alpha over every category (``none`` included); ``type_accuracy`` on the items both call
    attributions. Each figure has a 95% bootstrap interval (``<figure>_ci_low``/``_ci_high``,
    ``n_boot`` resamples of the items, fixed ``seed``). With a second coder's column
    (``coded_type_2`` / ``coded_threat_act_2``) the ``coders_*`` columns give the coders'
    agreement with each other on the items both coded. ``predicted`` (a ``find_attributions`` or
    ``find_threats`` frame) replaces the sheet's predicted column, to re-score a coded sheet.
    Rows left uncoded are skipped (``attrs["skipped"]``); ``attrs["confusion"]`` is the package
    (rows) against the coder (columns).

    >>> sheet = pd.DataFrame({"item_id": [1, 2, 3, 4],
    ...     "predicted_type": ["media", "anonymous", "anonymous", None],
    ...     "coded_type": ["media", "anonymous", "named_person", "anonymous"]})
    >>> a = agreement(sheet).set_index("category")
    >>> print(a.loc[["all"], ["n", "precision", "recall", "accuracy", "type_accuracy"]].to_string())
              n  precision  recall  accuracy  type_accuracy
    category
    all       4        1.0    0.75       0.5         0.6667
    """
    prep = _prepared(coded, predicted)
    unit = prep["unit"]
    categories = [*SOURCE_TYPES, NONE] if unit == "attribution" else ["threat_act", NONE]
    code = {c: i for i, c in enumerate(categories)}
    mask = prep["first"].notna()
    a = prep["pred"][mask].map(code).to_numpy(dtype=int)
    b = prep["first"][mask].map(code).to_numpy(dtype=int)
    table = pd.DataFrame(_compare(a, b, categories, n_boot, seed))
    if unit == "sentence":
        table = table.drop(columns=[c for c in table if c.startswith("type_accuracy")])
    out_attrs = {"confusion": _confusion(a, b, categories, ("package", "coder"))}
    if prep["second"] is not None:
        table = _with_coders(table, prep, code, categories, out_attrs, n_boot, seed)
    used = set(out_attrs["confusion"].index) | set(out_attrs["confusion"].columns)
    table = table[table["category"].isin(used | set(categories[:-1]) | {"all"})]
    table = table.reset_index(drop=True).round(4)
    for col in ("n", "coders_n"):
        if col in table:
            table[col] = table[col].astype(int)
    table.attrs |= out_attrs | {"unit": unit, "skipped": prep["skipped"], "n_boot": n_boot}
    return table


def disagreements(
    coded: pd.DataFrame | str | Path, *, predicted: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The coded rows where the package and the coder differ, with both calls as categories.

    >>> sheet = pd.DataFrame({"item_id": [1, 2], "predicted_type": ["media", "anonymous"],
    ...                       "coded_type": ["Media", "named person"]})
    >>> disagreements(sheet)[["item_id", "package", "coder"]].values.tolist()
    [[2, 'anonymous', 'named_person']]
    """
    prep = _prepared(coded, predicted)
    sheet = read_sheet(coded).reset_index(drop=True)
    sheet = sheet.assign(package=prep["pred"], coder=prep["first"])
    return sheet[sheet["coder"].notna() & (sheet["package"] != sheet["coder"])].reset_index(
        drop=True
    )


def agreement_table(result: pd.DataFrame) -> pd.DataFrame:
    """``agreement``'s figures as a report shows them: each with its 95% interval, by category.

    >>> sheet = pd.DataFrame({"predicted_threat_act": [True, True, False, False],
    ...                       "coded_threat_act": [True, False, False, False]})
    >>> agreement_table(agreement(sheet, n_boot=100)).loc["all", "precision"]
    '0.50 (0.00 to 1.00)'
    """
    stats = ["precision", "recall", "f1", "accuracy", "cohen_kappa", "krippendorff_alpha"]
    stats += [s for s in ("type_accuracy", "coders_cohen_kappa") if s in result]
    out = result.set_index("category")[["n"]].copy()
    for s in stats:
        lo, hi = result[f"{s}_ci_low"].to_numpy(), result[f"{s}_ci_high"].to_numpy()
        out[s] = [
            "" if pd.isna(v) else f"{v:.2f}" + ("" if pd.isna(a) else f" ({a:.2f} to {b:.2f})")
            for v, a, b in zip(result[s], lo, hi)
        ]
    return out


def _were(k: int, one: str, many: str) -> str:
    return f"was not {one}" if k == 1 else f"were not {many}"


def _pct(x: float) -> str:
    return "n/a" if pd.isna(x) else f"{x:.0%}"


def _kappa_text(row: pd.Series, prefix: str = "") -> str:
    k = row[f"{prefix}cohen_kappa"]
    if pd.isna(k):
        return "κ not defined: a single category"
    lo, hi = row[f"{prefix}cohen_kappa_ci_low"], row[f"{prefix}cohen_kappa_ci_high"]
    return f"κ {k:.2f}, 95% interval {lo:.2f} to {hi:.2f}"


def agreement_sentence(result: pd.DataFrame, *, coded_by: str = "coded by hand") -> str:
    """The result of ``agreement`` in sentences an editor can quote.

    >>> sheet = pd.DataFrame({"item_id": [1, 2, 3], "predicted_threat_act": [True, False, False],
    ...                       "coded_threat_act": ["yes", "no", "yes"]})
    >>> print(agreement_sentence(agreement(sheet, n_boot=200)))  # doctest: +ELLIPSIS
    On 3 sentences coded by hand, the package's threat-act calls agreed with the coder in 67%
    (κ 0.40, ...). ...
    """
    allrow = result.set_index("category").loc["all"]
    conf = result.attrs["confusion"]
    n = int(allrow["n"])
    some = [c for c in conf.index if c != NONE]
    pred_some = int(conf.loc[some].to_numpy().sum())
    coded_some = int(conf[some].to_numpy().sum())
    found = int(conf.loc[some, some].to_numpy().sum())
    if result.attrs["unit"] == "attribution":
        text = (
            f"On {n} attributions {coded_by}, the package agreed with the coder in "
            f"{_pct(allrow['accuracy'])} ({_kappa_text(allrow)}). Of the {coded_some} "
            f"attributions the coder marked, it found {found} (recall {_pct(allrow['recall'])}) "
            f"and gave {_pct(allrow['type_accuracy'])} of those the coder's source type; "
            f"{pred_some - found} of its {pred_some} "
            f"{_were(pred_some - found, 'an attribution', 'attributions')} to the coder (precision "
            f"{_pct(allrow['precision'])})."
        )
    else:
        text = (
            f"On {n} sentences {coded_by}, the package's threat-act calls agreed with the coder in "
            f"{_pct(allrow['accuracy'])} ({_kappa_text(allrow)}). Of the {coded_some} sentences "
            f"the coder marked as threats, it flagged {found} (recall {_pct(allrow['recall'])}); "
            f"{pred_some - found} of its {pred_some} "
            f"{_were(pred_some - found, 'a threat', 'threats')} to the coder (precision "
            f"{_pct(allrow['precision'])})."
        )
    if "coders_accuracy" in result:
        text += (
            f" The two coders agreed with each other in {_pct(allrow['coders_accuracy'])} "
            f"({_kappa_text(allrow, 'coders_')}, {int(allrow['coders_n'])} items)."
        )
    return text


# --- a sheet coded from labels -------------------------------------------------------------------
_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text folded for finding a snippet (NFKC, straight quotes, case, one space) with, for each
    character, the index of the original one."""
    out, idx, space = [], [], True
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_FOLD).casefold():
            if c.isspace():
                if space:
                    continue
                c, space = " ", True
            else:
                space = False
            out.append(c)
            idx.append(i)
    return "".join(out), idx


class _Finder:
    """Snippets found in a text by their folded form, exactly or (failing that) fuzzily."""

    def __init__(self, text: str):
        self.norm, self.idx = _normalised(text)

    def _back(self, a: int, b: int) -> tuple[int, int]:
        return self.idx[a], self.idx[b - 1] + 1

    def all(self, needle: str) -> list[tuple[int, int]]:
        n = _normalised(needle)[0].strip()
        out, p = [], self.norm.find(n) if n else -1
        while p >= 0:
            out.append(self._back(p, p + len(n)))
            p = self.norm.find(n, p + 1)
        return out

    def first(self, needle: str) -> tuple[int, int] | None:
        from rapidfuzz import fuzz

        found = self.all(needle)
        if found or not self.norm:
            return found[0] if found else None
        n = _normalised(needle)[0].strip()
        hit = fuzz.partial_ratio_alignment(n, self.norm, score_cutoff=90)
        return (
            self._back(hit.dest_start, hit.dest_end)
            if hit and hit.dest_end > hit.dest_start
            else None
        )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _greedy(cands: list[tuple[float, int, int]], taken: set[int] | None = None) -> dict[int, int]:
    """One-to-one matching, best-scoring pairs first."""
    match, used = {}, set(taken or ())
    for _, g, p in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if g not in match and p not in used:
            match[g] = p
            used.add(p)
    return match


def _match_labels(
    text: str, bounds: list[tuple[int, int]], labels: list[dict], preds: list[dict]
) -> tuple[dict[int, int], dict[int, tuple[int, int] | None]]:
    """Labels to predictions, by the rule of the team's scorer for the example article: the
    prediction's speaker overlaps the labelled speaker in the labelled sentence (first), or the
    sentences its spans cover hold the label's snippet; required labels before optional ones."""
    finder = _Finder(text)
    ranges = [
        (_covering(bounds, min(a for a, _ in s), max(b for _, b in s)) if s else None)
        for s in (_spans_of(p) for p in preds)
    ]
    cands: dict[bool, list] = {True: [], False: []}
    located = {}
    for gi, g in enumerate(labels):
        span = located[gi] = finder.first(str(g["sentence_contains"]))
        if span is None:
            continue
        lo, hi = _covering(bounds, *span)
        occ = [o for o in finder.all(str(g.get("speaker") or "")) if lo <= o[0] and o[1] <= hi]
        for pi, p in enumerate(preds):
            close = sum(_overlap(s, span) for s in _spans_of(p)) / max(span[1] - span[0], 1)
            sp = _spans_of({k: p.get(k) for k in ("speaker_start", "speaker_end")})
            if sp and any(_overlap(sp[0], o) > 0 for o in occ):
                cands[_required(g)].append((2.0 + close, gi, pi))
            elif ranges[pi] and ranges[pi][0] <= span[0] and span[1] <= ranges[pi][1]:
                cands[_required(g)].append((1.0 + close, gi, pi))
    match = _greedy(cands[True])
    match |= _greedy(cands[False], taken=set(match.values()))
    return match, located


def _required(label: dict) -> bool:
    value = label.get("required", True)
    return (
        True if value is None or (isinstance(value, float) and math.isnan(value)) else bool(value)
    )


def _read_labels(labels: pd.DataFrame | list[dict] | str | Path) -> list[dict]:
    if isinstance(labels, pd.DataFrame):
        return labels.to_dict("records")
    if isinstance(labels, (str, Path)):
        with open(labels, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    return list(labels)


def _label_article(label: dict, ids: list[str]) -> str:
    for candidate in (label.get("article_id"), Path(str(label.get("article") or "")).stem):
        if candidate is not None and str(candidate) in ids:
            return str(candidate)
    if len(ids) == 1:
        return ids[0]
    raise ValueError(
        f"label {label.get('sentence_contains')!r}: no article {label.get('article')!r}"
    )


def coded_from_labels(
    articles: pd.DataFrame,
    labels: pd.DataFrame | list[dict] | str | Path,
    *,
    attributions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """A coding sheet of every attribution of the labelled articles, coded from labels.

    ``labels`` (a JSONL path, records or a frame) are in the format of the team's seed labels:
    ``sentence_contains`` (a unique snippet of the sentence), ``speaker``, ``source_type``,
    ``required`` (false where reasonable coders differ), ``article`` or ``article_id``. Each label
    is matched to at most one prediction (``_match_labels``); a matched prediction gets the label's
    type, an unmatched one ``none``, and a label no prediction matched is added as a row with an
    empty ``predicted_type`` (a miss). ``label_required`` and ``label`` say where each code came
    from (empty on a prediction no label matched).
    """
    from .sourcing import find_attributions

    records = _read_labels(labels)
    ids = [str(x) for x in articles["article_id"]]
    by_article: dict[str, list[dict]] = {}
    for g in records:
        by_article.setdefault(_label_article(g, ids), []).append(g)
    chosen = articles[articles["article_id"].astype(str).isin(by_article)]
    at = find_attributions(chosen) if attributions is None else attributions
    at = at[at["article_id"].astype(str).isin(by_article)]
    bounds = _sentence_bounds(chosen)
    texts = dict(zip(chosen["article_id"].astype(str), chosen["text"].astype(str)))
    rows = []
    for aid, golds in by_article.items():
        preds = at[at["article_id"].astype(str) == aid].to_dict("records")
        match, located = _match_labels(texts[aid], bounds.get(aid, []), golds, preds)
        rows += _coded_rows(texts[aid], bounds.get(aid, []), aid, golds, preds, match, located)
    sheet = pd.DataFrame(rows)
    sheet.insert(0, "item_id", range(1, len(sheet) + 1))
    sheet["attribution_id"] = sheet["attribution_id"].astype("Int64")
    return sheet


def _coded_rows(text, bounds, aid, golds, preds, match, located) -> list[dict]:
    pop = _attribution_population(
        pd.DataFrame({"article_id": [aid], "text": [text]}), pd.DataFrame(preds)
    ).to_dict("records")
    label_of = {p: g for g, p in match.items()}
    rows = []
    for pi, row in enumerate(pop):
        g = golds[label_of[pi]] if pi in label_of else None
        rows.append(
            row
            | {
                "coded_type": g["source_type"] if g else NONE,
                "label_required": _required(g) if g else None,
                "label": g["sentence_contains"] if g else None,
            }
        )
    for gi, g in enumerate(golds):
        if gi in match:
            continue
        span = located.get(gi)
        lo, hi = _covering(bounds, *span) if span else (0, 0)
        rows.append(
            {
                "article_id": aid,
                "attribution_id": None,
                "sentence": _one_line(text[lo:hi]) if span else g["sentence_contains"],
                "speaker": g.get("speaker"),
                "cue": g.get("cue"),
                "content": None,
                "predicted_type": None,
                "coded_type": g["source_type"],
                "label_required": _required(g),
                "label": g["sentence_contains"],
            }
        )
    return rows
