"""Tables to take away: the articles, attributions, threat matches and per-article summaries as
CSV files and one Excel workbook, each marked with the package version and the lexicon's SHA-256.

Read a CSV back with ``pd.read_csv(path, skiprows=1)``: its first line is the provenance comment
(``comment="#"`` would also cut any text holding a ``#``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .figures import provenance
from .spreadsheets import finish_workbook, safe_text

__all__ = ["TABLES", "export_corpus_tables", "export_tables", "take_away_tables"]

TABLES = ("articles", "attributions", "threats", "sourcing_summary", "threat_summary")

# Excel's own limits: a longer cell is cut (and said so), a longer sheet is left out (and said so)
_EXCEL_CELL_CHARS = 32_767
_EXCEL_ROWS = 1_048_575  # one row is the header


def take_away_tables(
    articles: pd.DataFrame, attributions: pd.DataFrame, threats: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """The five tables an analyst takes away, by name (``TABLES``), without pandas ``attrs``.

    The summaries are computed from the attributions and threats given (duplicates and other
    languages left out, as ``sourcing_summary`` and ``threat_summary`` do).

    >>> import analysis as an
    >>> arts = an.load_articles(an.paths.data_dir())
    >>> at = an.find_attributions(arts)
    >>> th = an.find_threats(arts, attributions=at)
    >>> t = take_away_tables(arts, at, th)
    >>> list(t) == list(TABLES), len(t["threats"]) == len(th), t["threats"].attrs
    (True, True, {})
    """
    from .rhetoric import threat_summary
    from .sourcing import sourcing_summary

    tables = {
        "articles": articles,
        "attributions": attributions,
        "threats": threats,
        "sourcing_summary": sourcing_summary(articles, attributions=attributions),
        "threat_summary": threat_summary(articles, threats=threats),
    }
    out = {}
    for name, table in tables.items():
        table = table.copy()
        table.attrs = {}
        out[name] = table
    return out


def _cell(value: object) -> object:
    """A list or mapping in a cell (captions, boilerplate lines) as JSON text, readable anywhere."""
    if isinstance(value, (list, tuple, dict, set)):
        return json.dumps(list(value) if isinstance(value, set) else value, ensure_ascii=False)
    return value


def _plain(table: pd.DataFrame) -> pd.DataFrame:
    """Cells a CSV or a spreadsheet holds as they are: JSON for containers, dates without a zone
    (in UTC)."""
    out = {}
    for col in table.columns:
        s = table[col]
        if isinstance(s.dtype, pd.DatetimeTZDtype):
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        elif s.dtype == object:
            s = s.map(_cell)
        out[col] = s
    return pd.DataFrame(out, index=table.index)


def _csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (``validate``'s
    guard)."""
    text_cols = [c for c in table.columns if not pd.api.types.is_numeric_dtype(table[c])]
    return table.assign(**{c: table[c].map(safe_text) for c in text_cols})


def _provenance_line(lexicon_sha256: str) -> str:
    return "# " + ", ".join(f"{k}: {v}" for k, v in provenance(lexicon_sha256).items()) + "\n"


def _excel_ready(table: pd.DataFrame) -> tuple[pd.DataFrame, int, int]:
    """``table`` with characters XML cannot hold removed and cells cut to Excel's limit; returns
    the table, how many cells lost characters and how many were cut."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cleaned = cut = 0

    def fit(value: object) -> object:
        nonlocal cleaned, cut
        if not isinstance(value, str):
            return value
        fixed = ILLEGAL_CHARACTERS_RE.sub("", value)
        cleaned += fixed != value
        if len(fixed) > _EXCEL_CELL_CHARS:
            cut += 1
            fixed = fixed[:_EXCEL_CELL_CHARS]
        return fixed

    text_cols = [c for c in table.columns if not pd.api.types.is_numeric_dtype(table[c])]
    return table.assign(**{c: table[c].map(fit) for c in text_cols}), cleaned, cut


def _write_xlsx(tables: dict[str, pd.DataFrame], path: Path, lexicon_sha256: str) -> Path:
    about = [{"item": k, "value": v} for k, v in provenance(lexicon_sha256).items()]
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in tables.items():
            if len(table) > _EXCEL_ROWS:
                about.append(
                    {
                        "item": name,
                        "value": f"{len(table)} rows: too many for Excel, "
                        f"left out (see {name}.csv)",
                    }
                )
                continue
            ready, cleaned, cut = _excel_ready(table)
            ready.to_excel(writer, sheet_name=name, index=False)
            note = f"{len(table)} rows"
            if cleaned:
                note += f"; {cleaned} cell(s) with control characters removed"
            if cut:
                note += (
                    f"; {cut} cell(s) cut to {_EXCEL_CELL_CHARS:,} characters (whole in the CSV)"
                )
            about.append({"item": name, "value": note})
        pd.DataFrame(about).to_excel(writer, sheet_name="about", index=False)
        finish_workbook(writer.book, max_width=60, header_rows=1)
    return path


def export_tables(
    articles: pd.DataFrame,
    attributions: pd.DataFrame,
    threats: pd.DataFrame,
    out_dir: str | Path,
    *,
    lexicon_sha256: str | None = None,
    on_step: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write ``<table>.csv`` for each of ``TABLES`` and ``tables.xlsx`` (a sheet each and an
    ``about`` sheet) into ``out_dir``; returns the paths written. ``on_step`` (if given) is
    called with ``"writing <file>"`` before each file.

    Each CSV opens with ``# analysis_version: ..., lexicon_sha256: ...``; the workbook's ``about``
    sheet holds the same and the rows of each sheet. ``lexicon_sha256`` defaults to the one
    ``find_threats`` recorded in ``threats.attrs``. Text a spreadsheet would run as a formula
    (starting with = + - @) gets a leading apostrophe in the CSV and is stored as text in the
    workbook. Lists in cells (captions) are written as JSON.

    >>> import analysis as an, tempfile
    >>> arts = an.load_articles(an.paths.data_dir())
    >>> at = an.find_attributions(arts)
    >>> out = export_tables(arts, at, an.find_threats(arts, attributions=at), tempfile.mkdtemp())
    >>> [p.name for p in out]  # doctest: +NORMALIZE_WHITESPACE
    ['articles.csv', 'attributions.csv', 'threats.csv', 'sourcing_summary.csv',
     'threat_summary.csv', 'tables.xlsx']
    >>> out[0].read_text(encoding="utf-8").splitlines()[0].split(": ")[:2]
    ['# analysis_version', '0.1.0, lexicon_sha256']
    """
    if lexicon_sha256 is None:
        lexicon_sha256 = threats.attrs.get("lexicon_sha256")
    if lexicon_sha256 is None:
        from .rhetoric import threat_lexicon

        lexicon_sha256 = threat_lexicon(None).digest()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {k: _plain(v) for k, v in take_away_tables(articles, attributions, threats).items()}
    written = []
    header = _provenance_line(lexicon_sha256)
    step = on_step or (lambda _what: None)
    for name, table in tables.items():
        path = out_dir / f"{name}.csv"
        step(f"writing {path.name}")
        path.write_text(header + _csv_safe(table).to_csv(index=False), encoding="utf-8")
        written.append(path)
    step("writing tables.xlsx")
    written.append(_write_xlsx(tables, out_dir / "tables.xlsx", lexicon_sha256))
    return written


def export_corpus_tables(
    articles: pd.DataFrame,
    out_dir: str | Path,
    *,
    lexicon: str | Path | None = None,
    on_step: Callable[[str], None] | None = None,
) -> list[Path]:
    """Find the attributions and threats of ``articles`` (with ``lexicon``, default the
    package's) and write the tables of ``export_tables`` into ``out_dir``; ``on_step`` is told
    each step ("finding attributions", "writing threats.csv", ...).

    >>> import analysis as an, tempfile
    >>> out = export_corpus_tables(an.load_articles(an.paths.data_dir()), tempfile.mkdtemp())
    >>> out[-1].name
    'tables.xlsx'
    """
    from .rhetoric import find_threats
    from .sourcing import find_attributions

    step = on_step or (lambda _what: None)
    step(f"finding attributions in {len(articles)} article(s)")
    attributions = find_attributions(articles)
    step("finding threat language")
    threats = find_threats(articles, lexicon=lexicon, attributions=attributions)
    return export_tables(articles, attributions, threats, out_dir, on_step=on_step)
