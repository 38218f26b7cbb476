"""Reports: headline figures, and ``make report`` — execute the notebooks, export them to HTML.

``python -m analysis.reports [--corpus PATH_OR_GLOB] [--lexicon FILE] [--output DIR]``

With no corpus the notebooks run on ``data/`` and write figures into ``figures/`` (committed) and
reports into ``reports/``. With a corpus they write everything into ``reports/<corpus name>/`` (or
``--output``), never over the committed figures. The tables to take away (CSV and Excel, see
``analysis.tables``) go to ``tables/`` beside the HTML reports.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from . import paths
from .checks import check_bool
from .loading import analysable, load_articles, rows_of
from .progress import StepLog
from .stats import wilson_interval

__all__ = [
    "corpus_overview",
    "headline_figures",
    "format_headline",
    "show_table",
    "corpus_problem",
    "require_articles",
    "run_notebooks",
    "export_html",
    "write_tables",
    "main",
]

NOTEBOOKS = [
    "01-load-and-clean",
    "02-threat-language",
    "03-sourcing",
    "04-who-threatens-whom",
    "05-summary",
    "06-validate",
]


def corpus_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article with what an analyst checks first after loading.

    >>> from analysis import load_articles, paths
    >>> overview = corpus_overview(load_articles(paths.data_dir()))
    >>> overview[["article_id", "words", "captions", "boilerplate_lines"]]
                 article_id  words  captions  boilerplate_lines
    0  000_345e2a4f327659b1    832         4                 20
    """
    return pd.DataFrame(
        {
            "article_id": articles["article_id"],
            "title": articles["title"],
            "outlet": articles["outlet"],
            "published": articles["published"].dt.date,
            "words": articles["word_count"],
            "paragraphs": articles["text"].str.count("\n\n") + 1,
            "captions": articles["captions"].map(len),
            "boilerplate_lines": articles["boilerplate"].map(len),
            "language": articles["language"],
            "duplicate_of": articles["duplicate_of"],
        }
    )


def headline_charts(
    articles: pd.DataFrame,
    threats: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    include_duplicates: bool = False,
) -> list[tuple]:
    """The three charts behind the headline figures, ``(figure, data)`` each, on the same articles
    as ``headline_figures``: threat language per 1,000 words, who the claims come from, who
    threatens.

    >>> import analysis as an
    >>> arts = an.load_articles(an.paths.data_dir())
    >>> at = an.find_attributions(arts)
    >>> charts = headline_charts(arts, an.find_threats(arts, attributions=at), at)
    >>> len(charts), int(charts[1][1]["n"].sum())
    (3, 33)
    """
    from . import plotting
    from .rhetoric import threat_summary
    from .sourcing import with_relied_type

    check_bool("include_duplicates", include_duplicates)
    kept, _excluded = analysable(articles, include_duplicates=include_duplicates)
    th = rows_of(threats, kept)
    return [
        plotting.threat_rates(threat_summary(kept, threats=th)),
        plotting.source_shares(with_relied_type(rows_of(attributions, kept))),
        plotting.threats_by_speaker(th),
    ]


def headline_figures(
    articles: pd.DataFrame,
    threats: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """The figures an editor reads, each with its n, N and a 95% Wilson interval where it is a
    share.

    Duplicates and articles in another language are left out (``attrs["excluded"]``).

    >>> import analysis as an
    >>> arts = an.load_articles(an.paths.data_dir())
    >>> at = an.find_attributions(arts)
    >>> h = headline_figures(arts, an.find_threats(arts, attributions=at), at)
    >>> float(h.set_index("figure").loc["threat acts per 1,000 words", "value"])
    18.029
    """
    from .plotting import SOURCE_TYPE_LABELS
    from .sourcing import SOURCE_TYPES, with_relied_type

    check_bool("include_duplicates", include_duplicates)
    kept, excluded = analysable(articles, include_duplicates=include_duplicates)
    th = rows_of(threats, kept)
    at = with_relied_type(rows_of(attributions, kept))
    rows = [
        _figure(
            "articles analysed",
            len(kept),
            len(kept),
            len(articles),
            f"{len(excluded)} left out (duplicates, other languages)",
        ),
        *_threat_figures(kept, th),
    ]
    rows += [
        _share(
            f"attributions to {SOURCE_TYPE_LABELS[t]} sources",
            int((at["relied_type"] == t).sum()),
            len(at),
            "by the source the article relies on",
        )
        for t in SOURCE_TYPES
    ]
    out = pd.DataFrame(rows)
    out.attrs["excluded"] = excluded
    return out


def _threat_figures(kept: pd.DataFrame, th: pd.DataFrame) -> list[dict]:
    """The rates of the three measures, the share of sentences with a threat act and the share of
    threat acts by quoted speakers (asserted and conditional matches count)."""
    from .text import split_sentences

    words = int(kept["word_count"].sum()) if "word_count" in kept else 0
    counted = th[th["mode"].isin(["asserted", "conditional"])]
    acts = counted[counted["measure"] == "threat_act"]
    threat_sentences = acts[["article_id", "sentence_id"]].drop_duplicates()
    return [
        _rate("threat acts per 1,000 words", len(acts), words, "asserted or conditional threats"),
        _rate(
            "threat salience per 1,000 words",
            int((counted["measure"] == "threat_salience").sum()),
            words,
            "talk of danger",
        ),
        _rate(
            "violence per 1,000 words",
            int((counted["measure"] == "violence").sum()),
            words,
            "reports of violence",
        ),
        _share(
            "sentences with a threat act",
            len(threat_sentences),
            len(split_sentences(kept)),
            "share of sentences",
        ),
        _share(
            "threat acts by quoted speakers",
            int(acts["speaker"].notna().sum()),
            len(acts),
            "not in the article's own voice",
        ),
    ]


def _figure(
    name: str,
    value: float,
    n: int,
    total: int,
    note: str,
    ci: tuple[float, float] = (float("nan"), float("nan")),
) -> dict:
    """One row of ``headline_figures``."""
    return {
        "figure": name,
        "value": value,
        "n": n,
        "N": total,
        "ci_low": ci[0],
        "ci_high": ci[1],
        "note": note,
    }


def _share(name: str, k: int, n: int, note: str) -> dict:
    """A share ``k / n`` with its 95% Wilson interval."""
    lo, hi = wilson_interval(k, n)
    value = round(k / n, 4) if n else float("nan")
    return _figure(name, value, k, n, note, (round(lo, 4), round(hi, 4)))


def _rate(name: str, k: int, words: int, note: str) -> dict:
    """``k`` per 1,000 of ``words``."""
    return _figure(name, round(k * 1000 / words, 3) if words else float("nan"), k, words, note)


_SHARE_COLUMNS = re.compile(r"(share|ci_low|ci_high)$")
READER_ROWS = 300  # rows a reader table shows before it points to the take-away tables


def reader_table(
    table: pd.DataFrame,
    *,
    max_rows: int = READER_ROWS,
    full_table: str | None = None,
    percent: tuple[str, ...] = (),
) -> pd.io.formats.style.Styler:
    """A table as a report shows it: the charts' words for columns and for source types and
    measures (``plotting.COLUMN_LABELS``, ``VALUE_LABELS``), shares in per cent (columns ending in
    ``share``, ``ci_low``, ``ci_high``, or named in ``percent``), counts with thousands separators,
    "—" where nothing applies, no index, text left-aligned and wrapped; "none found" for no rows.
    Over ``max_rows`` rows it shows the first ones and says where every row is (``full_table``).

    >>> t = pd.DataFrame({"article_id": ["a"], "source_type": ["named_person"],
    ...                   "share": [0.4906], "count": [None]})
    >>> html = reader_table(t).to_html()
    >>> all(w in html for w in ("article", "named person", "49.1%", "—"))
    True
    >>> "none found" in reader_table(t.iloc[0:0]).to_html()
    True
    >>> unsafe = pd.DataFrame({"content": ["<script>x</script>"]})
    >>> "&lt;script&gt;" in reader_table(unsafe).to_html()
    True
    """
    from .plotting import COLUMN_LABELS, VALUE_LABELS

    if table.empty:
        return _styled(pd.DataFrame({"": ["none found"]})).hide(axis="columns")
    shown = table.head(max_rows).copy()
    for col, words in VALUE_LABELS.items():
        if col in shown.columns:
            shown[col] = shown[col].map(lambda v, w=words: w.get(v, v) if isinstance(v, str) else v)
    formats = {}
    for col in shown.columns:
        values = shown[col]
        if col in percent or (
            _SHARE_COLUMNS.search(str(col)) and pd.api.types.is_float_dtype(values)
        ):
            formats[col] = "{:.1%}"
        elif pd.api.types.is_integer_dtype(values):
            formats[col] = "{:,}"
        elif pd.api.types.is_float_dtype(values):
            formats[col] = "{:,.2f}"
    labels = _column_labels(list(shown.columns), COLUMN_LABELS)
    widths = [_column_width(shown[c]) for c in shown.columns]
    shown = shown.rename(columns=labels)
    # article text is shown as text, never run as markup (escape="html", every column)
    shown_formats = {labels[c]: formats.get(c) for c in table.columns}
    styler = _styled(shown).format(shown_formats, na_rep="—", escape="html")
    # text that runs long (a content, a sentence) gets room; short codes and counts stay narrow
    styler = styler.set_table_styles(
        [
            {"selector": f"td.col{k}, th.col_heading.col{k}", "props": width}
            for k, width in enumerate(widths)
        ],
        overwrite=False,
    )
    if len(table) > max_rows:
        where = f"; every row in {full_table}" if full_table else ""
        styler = styler.set_caption(f"the first {max_rows:,} of {len(table):,} rows{where}")
    return styler


def _column_width(values: pd.Series) -> str:
    """CSS widths for a column: long text 22–40em, anything else at most 12em, unbroken."""
    text = values.dropna().astype(str)
    mean = text.str.len().mean() if len(text) else 0
    if mean > 40:
        return "min-width: 22em; max-width: 40em;"
    return "max-width: 12em;"


def _column_labels(columns: list, words: dict[str, str]) -> dict:
    """Each column's label: its words, else its name with spaces; a label that two columns would
    share ("sentence_id" and "sentence") keeps the column's own name."""
    wanted = {c: words.get(c, str(c).replace("_", " ")) for c in columns}
    taken = list(wanted.values())
    return {c: (w if taken.count(w) == 1 else str(c)) for c, w in wanted.items()}


def _styled(frame: pd.DataFrame) -> pd.io.formats.style.Styler:
    return frame.style.hide(axis="index").set_table_styles(
        [
            {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
            {
                "selector": "td",
                "props": "text-align: left; vertical-align: top; white-space: normal; "
                "overflow-wrap: break-word;",
            },
            {"selector": "caption", "props": "caption-side: bottom; text-align: left;"},
        ]
    )


def format_headline(headline: pd.DataFrame) -> pd.DataFrame:
    """The headline figures as an editor reads them: shares in per cent with their interval, rates
    per 1,000 words, counts as counts; n and N kept; nothing shown where nothing applies. Rows are
    indexed by the figure's name.

    >>> h = pd.DataFrame([{"figure": "sentences with a threat act", "value": 0.3438, "n": 11,
    ...                    "N": 32, "ci_low": 0.2041, "ci_high": 0.5169, "note": "share"},
    ...                   {"figure": "threat acts per 1,000 words", "value": 18.029, "n": 15,
    ...                    "N": 832, "ci_low": float("nan"), "ci_high": float("nan"), "note": ""}])
    >>> format_headline(h)[["value", "n / N", "95% interval"]].values.tolist()
    [['34.4%', '11 / 32', '20.4% – 51.7%'], ['18.03', '15 / 832 words', '']]

    A calm corpus (no threat act, no attribution) shows zeros and "none found":

    >>> calm = h.assign(value=[float("nan"), 0.0], n=0, N=[0, 14], ci_low=float("nan"))
    >>> format_headline(calm)["value"].tolist()
    ['none found', '0.00']
    """
    rows = []
    for r in headline.itertuples(index=False):
        share = not pd.isna(r.ci_low)
        rate = "per 1,000 words" in r.figure
        rows.append(
            {
                "figure": r.figure,
                "value": _shown_value(r.value, share=share, rate=rate, n=r.n, N=r.N),
                "n / N": f"{int(r.n):,} / {int(r.N):,}" + (" words" if rate else ""),
                "95% interval": f"{r.ci_low:.1%} – {r.ci_high:.1%}" if share else "",
                "note": r.note,
            }
        )
    # indexed by the figure's name, the index left unnamed: a report shows one header row
    return (
        pd.DataFrame(rows, columns=["figure", "value", "n / N", "95% interval", "note"])
        .set_index("figure")
        .rename_axis(None)
    )


def _shown_value(value: float, *, share: bool, rate: bool, n: int, N: int) -> str:
    """One headline value as text; a share or rate with nothing to divide by is "none found"
    (no attribution, no sentence, no word), never a NaN.

    >>> _shown_value(float("nan"), share=False, rate=False, n=0, N=0)
    'none found'
    """
    if pd.isna(value):
        return "none found"
    if share:
        return f"{value:.1%}"
    return f"{value:.2f}" if rate else f"{int(value):,}"


def show_table(table: pd.DataFrame, what: str) -> None:
    """Display ``table`` under a count of its rows, or say that there is none (no empty table in
    a report)."""
    from IPython.display import display

    print(f"{len(table)} {what}" if len(table) else f"no {what}")
    if len(table):
        if (
            "source_path" in table.columns
        ):  # paths inside the project, relative to it: not this machine's
            table = table.assign(
                source_path=table["source_path"].map(lambda p: shown_path(p) if p else p)
            )
        display(table)


# --- running and exporting notebooks -------------------------------------------------------------
_EXTERNAL_LINKS = re.compile(r"<link[^>]*\bhref=[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)
_SCRIPTS = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_EVENT_ATTRS = re.compile(r"""(<[a-zA-Z][^>]*?)\s+on[a-zA-Z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")


def make_static(body: str) -> str:
    """Remove every script, inline event handler and external stylesheet from an HTML page.

    The reports need no JavaScript, so nothing in them can run or fetch: even a tag that reached
    an output unescaped would be inert. Text (escaped as ``&lt;script&gt;``) is left as it is.

    >>> make_static('<p onclick="x()">a &lt;script&gt;</p><script>alert(1)</script>'
    ...             '<img src=x onerror=alert(2)>')
    '<p>a &lt;script&gt;</p><img src=x>'
    """
    body = _SCRIPTS.sub("", body)
    body = _EXTERNAL_LINKS.sub("", body)
    previous = None
    while previous != body:
        previous = body
        body = _EVENT_ATTRS.sub(r"\1", body)
    return re.sub(r"(?i)(href|src)\s*=\s*([\"']?)\s*javascript:[^\"'>\s]*", r"\1=\2#", body)


# The reports' own stylesheet, after nbconvert's. Printed (any report): A4 with margins, no prompts
# or anchor marks, a chart or table never split across pages nor wider than the page, charts small
# enough that the editor's summary (05) fits on two pages, headings kept with what follows.
PRINT_CSS = """
@page { size: A4; margin: 12mm 12mm 14mm; }
@media print {
  body.jp-Notebook, body.jp-Notebook main { margin: 0; padding: 0; }
  .jp-Cell { padding: 0; }
  .jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser, a.anchor-link { display: none !important; }
  .jp-RenderedHTMLCommon h1 { font-size: 18pt; margin: 0 0 4pt; }
  .jp-RenderedHTMLCommon h2 { font-size: 13pt; margin: 8pt 0 2pt; }
  .jp-RenderedHTMLCommon p { margin: 2pt 0 4pt; }
  h1, h2, h3, h4 { break-after: avoid; }
  .jp-OutputArea-child, .jp-RenderedImage, img, table, tr, pre, figure { break-inside: avoid; }
  .jp-OutputArea-output { overflow: visible; }
  .jp-RenderedImage img { max-width: 100%; max-height: 80mm; width: auto; height: auto; }
  .jp-RenderedHTMLCommon table { max-width: 100%; font-size: 8pt; table-layout: auto; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { padding: 1pt 4pt; }
  .jp-RenderedHTMLCommon td { overflow-wrap: break-word; }
}
"""
# The no-code reports read as a document: row labels left-aligned, printed lines (the
# provenance, "no articles left out") in the body font rather than monospace.
NO_CODE_CSS = """
.jp-RenderedHTMLCommon tbody th { text-align: left; }
.jp-RenderedText pre { font-family: var(--jp-content-font-family, sans-serif); }
"""


def export_html(notebook: Path, target: Path, *, hide_code: bool = False) -> Path:
    """Export an executed notebook to one self-contained HTML file (figures embedded, nothing
    fetched), with the reports' stylesheet (``PRINT_CSS``; ``NO_CODE_CSS`` too when the code is
    hidden).

    Article text reaches the page only through pandas tables, which escape it; the page is then
    made static (``make_static``): no script, event handler or external resource is left.
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=hide_code,
        exclude_input_prompt=hide_code,
        exclude_output_prompt=hide_code,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    style = PRINT_CSS + (NO_CODE_CSS if hide_code else "")
    body = body.replace("</head>", f"<style>{style}</style>\n</head>", 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(make_static(body), encoding="utf-8")
    return target


def run_notebooks(
    *,
    corpus: str | None = None,
    lexicon: str | None = None,
    output: Path | None = None,
    figures: Path | None = None,
    notebooks: list[str] | None = None,
    kernel: str = "python3",
    progress: bool = False,
    log: StepLog | None = None,
) -> list[Path]:
    """Execute the notebooks in order with papermill and export each to HTML (with and without
    code).

    Returns the HTML files written. Executed notebooks go to ``<output>/executed``, HTML to
    ``<output>/html``, figures to ``figures`` (the notebooks' ``figures_dir`` parameter).
    ``progress`` shows papermill's bar of cells; ``log`` (a ``StepLog`` with one item per
    notebook) gets a line as each notebook starts, is executed, is exported and is done.
    """
    output = Path(output) if output is not None else paths.reports_dir()
    names = notebooks or NOTEBOOKS
    log = log if log is not None else StepLog(len(names), enabled=False)
    written = []
    for name in names:
        with log.item(name):
            written += _run_one(name, output, log, corpus, lexicon, figures, kernel, progress)
    return written


def _run_one(
    name: str,
    output: Path,
    log: StepLog,
    corpus: str | None,
    lexicon: str | None,
    figures: Path | None,
    kernel: str,
    progress: bool,
) -> list[Path]:
    """Execute one notebook and export it twice (with code, then without); the HTML written."""
    import papermill

    source = paths.project_root() / "notebooks" / f"{name}.ipynb"
    executed = output / "executed" / f"{name}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    log.step("executing")
    papermill.execute_notebook(
        str(source),
        str(executed),
        kernel_name=kernel,
        kernel_manager_class=_ipc_kernel_manager(),
        progress_bar=progress,
        cwd=str(source.parent),
        parameters={
            "corpus": corpus,
            "lexicon": lexicon,
            "figures_dir": str(figures) if figures else None,
        },
    )
    log.step("writing HTML (with code)")
    with_code = export_html(executed, output / "html" / f"{name}.html")
    log.step("writing HTML (no code)")
    return [
        with_code,
        export_html(executed, output / "html" / f"{name}-no-code.html", hide_code=True),
    ]


def _ipc_kernel_manager() -> type:
    """A kernel manager that talks to its kernel over local sockets (IPC) where the platform has
    them: the kernel then does not warn, at every notebook, that TCP runs without encryption."""
    from jupyter_client.manager import AsyncKernelManager

    if os.name != "posix":
        return AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            super().__init__(**kwargs)

    return IPCKernelManager


def provenance(articles: pd.DataFrame, source: str | Path, lexicon_sha256: str) -> str:
    """The line a report opens with: package version, lexicon digest, how many articles from where.

    A source inside the project is shown relative to it ("data"), so a report does not carry the
    path of the machine it was built on.

    >>> from analysis import paths
    >>> line = provenance(pd.DataFrame({"article_id": ["a"]}), paths.data_dir(), "cba71476676e" * 5)
    >>> line.split(", ")[1]
    'lexicon sha256 cba71476676e: 1 article(s) from data'
    """
    from . import __version__

    return (
        f"analysis {__version__}, lexicon sha256 {lexicon_sha256[:12]}: {len(articles)} "
        f"article(s) from {shown_path(source)}"
    )


def shown_path(path: str | Path) -> str:
    """``path`` as a report shows it: relative to the project when inside it, else as given.

    >>> from analysis import paths
    >>> shown_path(paths.data_dir() / "000_345e2a4f327659b1.txt")
    'data/000_345e2a4f327659b1.txt'
    >>> shown_path("/elsewhere/corpus.jsonl")
    '/elsewhere/corpus.jsonl'

    A folder beside the project (the team's ``../shared``) is shown relative to it too, however
    the path was spelled (``make report`` passes it made absolute):

    >>> shown_path(paths.project_root() / ".." / "shared" / "data" / "articles.jsonl")
    '../shared/data/articles.jsonl'
    """
    try:
        root = paths.project_root().resolve()
        # as spelled (a ``../shared`` that is a symbolic link stays beside the project), then with
        # every link resolved
        candidates = (Path(os.path.normpath(os.path.abspath(path))), Path(path).resolve())
    except (ValueError, OSError):
        return str(path)
    beside = root.parent
    for candidate in candidates:
        if candidate.is_relative_to(root):
            return candidate.relative_to(root).as_posix() or "."
        if beside != Path(beside.anchor) and candidate.is_relative_to(beside):
            return Path(os.path.relpath(candidate, root)).as_posix()
    return str(path)


def _corpus_name(corpus: str) -> str:
    name = Path(corpus.rstrip("/*")).name or "corpus"
    return re.sub(r"[^\w.\-]+", "_", Path(name).stem) or "corpus"


FORMATS = ".txt, .md, .json, .jsonl, .csv, .tsv, .parquet or .html"


def corpus_problem(source: str, articles: pd.DataFrame) -> str | None:
    """What is wrong with a corpus no report can be built from, in one line with what to do;
    None when at least one article can be analysed.

    >>> empty = load_articles("no/such/folder")
    >>> corpus_problem("no/such/folder", empty).split(". ")[0]
    'no such file or folder: no/such/folder'
    """
    rejected = articles.attrs.get("rejected", pd.DataFrame(columns=["source_path", "reason"]))
    hint = f"Give CORPUS= a file, a folder or a glob of {FORMATS} files."
    if len(articles) == 0:
        reasons = list(rejected["reason"]) if len(rejected) else []
        if reasons == ["no such file or folder"]:
            where = f"Check the path (relative to {Path.cwd()})."
            return f"no such file or folder: {source}. {where} {hint}"
        if reasons == ["no file matches this pattern"]:
            return f"no file matches the pattern {source}. {hint}"
        if not reasons:
            return f"no article files in {source} (the folder is empty). {hint}"
        counts = pd.Series(reasons).str.split(" [(:]", regex=True).str[0].value_counts()
        listed = "; ".join(f"{k} × {r}" for r, k in counts.head(3).items())
        return (
            f"no article could be loaded from {source}: {len(reasons)} input(s) not loaded "
            f"({listed}). Run `python -m analysis.reports --corpus {source} --summary-only` "
            "for the list."
        )
    kept, left_out = analysable(articles)
    if len(kept) == 0:
        why = "; ".join(f"{k} × {r}" for r, k in left_out["reason"].value_counts().head(3).items())
        return (
            f"none of the {len(articles)} article(s) in {source} can be analysed ({why}): "
            "the analyses read English text only."
        )
    return None


def require_articles(articles: pd.DataFrame, source: str | Path) -> pd.DataFrame:
    """``articles`` when a report can be built from them, else a ``ValueError`` saying what is
    wrong and what to do (the check ``make report`` makes before any notebook runs).

    >>> require_articles(load_articles("no/such/folder"), "no/such/folder")
    Traceback (most recent call last):
    ValueError: no such file or folder: no/such/folder. ...
    """
    problem = corpus_problem(str(source), articles)
    if problem:
        raise ValueError(problem)
    return articles


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.reports``: check the corpus, then run and export the notebooks and
    write the tables, one line per step on standard error (``StepLog``; ``ANALYSIS_PROGRESS=0``
    silences them).

    A corpus no report can be built from stops here, before any notebook runs, with one line on
    standard error and exit status 2; a notebook that fails stops the run with one line and exit 1.
    """
    parser = argparse.ArgumentParser(
        prog="python -m analysis.reports",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--corpus", default=None, help="file, folder or glob (default: the data/ folder)"
    )
    parser.add_argument("--lexicon", default=None, help="lexicon file (YAML, CSV or .dic)")
    parser.add_argument(
        "--output", default=None, help="output folder (default: reports/ or reports/<corpus>/)"
    )
    parser.add_argument(
        "--summary-only", action="store_true", help="print the corpus overview and stop"
    )
    args = parser.parse_args(argv)
    source = args.corpus or str(paths.data_dir())
    try:
        articles = load_articles(source)
    except Exception as exc:  # noqa: BLE001 - one line for the analyst, not a traceback
        return _fail(f"the corpus {source} could not be loaded ({type(exc).__name__}: {exc})", 2)
    problem = corpus_problem(source, articles)
    if problem and not args.summary_only:
        return _fail(problem, 2)
    _print_overview(source, articles)
    if args.summary_only:
        return 0
    if args.corpus:
        output = (
            Path(args.output) if args.output else paths.reports_dir() / _corpus_name(args.corpus)
        )
        figures = output / "figures"
    else:
        output = Path(args.output) if args.output else paths.reports_dir()
        figures = paths.figures_dir()
    # the notebooks run in notebooks/: a relative corpus path is made absolute from here
    corpus = str(Path(args.corpus).expanduser().absolute()) if args.corpus else None
    log = StepLog(len(NOTEBOOKS))
    try:
        files = run_notebooks(
            corpus=corpus, lexicon=args.lexicon, output=output, figures=figures, log=log
        )
    except Exception as exc:  # noqa: BLE001 - papermill's error carries the whole cell traceback
        return _fail(_notebook_failure(exc, output), 1)
    with log.item("tables", numbered=False):
        tables = write_tables(articles, output / "tables", lexicon=args.lexicon, on_step=log.step)
    log.finish(
        f"{len(NOTEBOOKS)} notebooks ({len(files)} HTML reports) and {len(tables)} tables "
        f"written to {shown_path(output)}"
    )
    print(f"\nFigures in {figures}")
    print(f"HTML reports in {output / 'html'}:")
    for f in files:
        print(f"  {f}")
    print(f"Tables in {output / 'tables'}: {', '.join(p.name for p in tables)}")
    return 0


def write_tables(
    articles: pd.DataFrame,
    out_dir: Path,
    *,
    lexicon: str | None = None,
    on_step: Callable[[str], None] | None = None,
) -> list[Path]:
    """The tables to take away (``analysis.tables``) of the corpus a report was built from, in
    ``<output>/tables``; returns the paths written. ``on_step`` is told each step ("writing
    attributions.csv")."""
    from .tables import export_corpus_tables

    return export_corpus_tables(articles, out_dir, lexicon=lexicon, on_step=on_step)


def _print_overview(source: str, articles: pd.DataFrame) -> None:
    rejected = articles.attrs["rejected"]
    with pd.option_context(
        "display.width", 160, "display.max_columns", 20, "display.max_colwidth", 40
    ):
        print(
            f"Loaded {len(articles)} article(s) from {source}; {len(rejected)} input(s) not loaded."
        )
        if len(articles):
            print(corpus_overview(articles).drop(columns=["title"]).to_string(index=False))
        if len(rejected):
            print("\nNot loaded:")
            print(rejected.to_string(index=False))


def _notebook_failure(exc: Exception, output: Path) -> str:
    """One line for a notebook that raised: which notebook, the error, where the traceback is."""
    name = getattr(exc, "ename", type(exc).__name__)
    value = str(getattr(exc, "evalue", exc)).strip().splitlines()
    executed = sorted((output / "executed").glob("*.ipynb"), key=lambda p: p.stat().st_mtime)
    where = f"; the executed notebook with the traceback: {executed[-1]}" if executed else ""
    return f"a notebook failed: {name}: {value[0] if value else ''}{where}"


def _fail(message: str, status: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status


def escape(text: str) -> str:
    """Escape article text for HTML (``<script>`` becomes text).

    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(text, quote=True)


if __name__ == "__main__":
    sys.exit(main())
