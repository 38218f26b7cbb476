"""The command line: ``analysis report|export|kwic|summary CORPUS ...``.

``analysis report [CORPUS]`` builds the reports (what ``python -m analysis.reports`` does);
``analysis export CORPUS --out DIR`` writes the tables to take away (CSV and Excel);
``analysis kwic CORPUS PATTERN`` prints every match of a pattern in its context;
``analysis summary CORPUS`` prints the per-article threat and sourcing summary as CSV.

Also runs as ``python -m analysis.cli``. A corpus nothing can be read from stops with one line
on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

__all__ = ["main", "summary_table", "kwic_lines"]

CORPUS_HELP = "file, folder or glob of articles (.txt, .md, .json, .jsonl, .csv, .parquet, .html)"


def summary_table(articles: pd.DataFrame, *, lexicon: str | Path | None = None) -> pd.DataFrame:
    """One row per analysable article: its threat summary, then its sourcing summary.

    >>> import analysis as an
    >>> s = summary_table(an.load_articles(an.paths.data_dir()))
    >>> s.columns[:3].tolist(), "attributions" in s, "anonymous_share" in s, len(s)
    (['article_id', 'words', 'threat_act'], True, True, 1)
    """
    from .rhetoric import find_threats, threat_summary
    from .sourcing import find_attributions, sourcing_summary

    attributions = find_attributions(articles)
    threats = find_threats(articles, lexicon=lexicon, attributions=attributions)
    th = threat_summary(articles, threats=threats)
    so = sourcing_summary(articles, attributions=attributions)
    out = th.merge(
        so.drop(columns=[c for c in so if c in th and c != "article_id"]),
        on="article_id",
        how="left",
        validate="one_to_one",
    )
    out.attrs = {}
    return out


def kwic_lines(table: pd.DataFrame, *, width: int = 50) -> list[str]:
    """Keyword-in-context lines from a ``kwic`` table: article, sentence (from 1), the left
    context right-aligned (at most ``width`` characters), the match in brackets, the right
    context.

    >>> k = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "left": ["vowed to take"],
    ...                   "match": ["revenge"], "right": ["on the US"]})
    >>> kwic_lines(k, width=15)
    ['a  sentence 1  vowed to take [revenge] on the US']
    """
    lines = []
    # the left contexts aligned on the match, no wider than the longest one needs
    width = min(width, max((len(x) for x in table["left"]), default=0))
    for r in table.itertuples(index=False):
        left = r.left[-width:] if len(r.left) > width else r.left
        lines.append(
            f"{r.article_id}  sentence {r.sentence_id + 1}  {left:>{width}} [{r.match}] "
            f"{r.right[:width]}".rstrip()
        )
    return lines


def _load(corpus: str) -> pd.DataFrame:
    """The corpus's articles, or a ``ValueError`` saying in one line what is wrong."""
    from .loading import load_articles
    from .reports import corpus_problem

    try:
        articles = load_articles(corpus)
    except Exception as exc:  # noqa: BLE001 - one line for the analyst, not a traceback
        raise ValueError(
            f"the corpus {corpus} could not be loaded ({type(exc).__name__}: {exc})"
        ) from exc
    problem = corpus_problem(corpus, articles)
    if problem:
        raise ValueError(problem)
    return articles


def _report(args: argparse.Namespace) -> int:
    from .reports import main as reports_main

    corpus = args.corpus_option or args.corpus
    argv = ["--corpus", corpus] if corpus else []
    argv += ["--lexicon", args.lexicon] if args.lexicon else []
    argv += ["--output", args.output] if args.output else []
    argv += ["--summary-only"] if args.summary_only else []
    return reports_main(argv)


def _export(args: argparse.Namespace) -> int:
    from .tables import export_corpus_tables

    written = export_corpus_tables(_load(args.corpus), Path(args.out), lexicon=args.lexicon)
    print(f"Tables in {args.out}:")
    for path in written:
        print(f"  {path}")
    return 0


def _kwic(args: argparse.Namespace) -> int:
    from .rhetoric import kwic

    if not args.pattern.strip():
        raise ValueError('the pattern is empty: give a word, a glob ("retaliat*") or a phrase')
    table = kwic(_load(args.corpus), args.pattern, window=args.window)
    if args.csv:
        sys.stdout.write(table.to_csv(index=False))
        return 0
    for line in kwic_lines(table):
        print(line)
    print(f"{len(table)} match(es) of {args.pattern!r}", file=sys.stderr)
    return 0


def _summary(args: argparse.Namespace) -> int:
    from .figures import provenance
    from .rhetoric import threat_lexicon

    table = summary_table(_load(args.corpus), lexicon=args.lexicon)
    digest = threat_lexicon(args.lexicon).digest()
    header = ", ".join(f"{k}: {v}" for k, v in provenance(digest).items())
    sys.stdout.write(f"# {header}\n" + table.to_csv(index=False))
    return 0


def _words(value: str) -> int:
    """A ``--window`` of zero or more words (argparse reports anything else)."""
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"a number of words (0 or more), not {value!r}")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analysis",
        description=__doc__.replace("``", ""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    report = sub.add_parser(
        "report", help="run the notebooks and write figures, HTML reports and tables"
    )
    report.add_argument("corpus", nargs="?", help=CORPUS_HELP + " (default: the data/ folder)")
    report.add_argument(
        "--corpus", dest="corpus_option", metavar="CORPUS", help="the corpus, as an option"
    )
    report.add_argument(
        "--output", help="output folder (default: reports/ or reports/<corpus name>/)"
    )
    report.add_argument(
        "--summary-only", action="store_true", help="print the corpus overview and stop"
    )
    export = sub.add_parser("export", help="write the tables to take away (CSV and tables.xlsx)")
    export.add_argument("corpus", help=CORPUS_HELP)
    export.add_argument("--out", required=True, help="folder to write the tables into")
    kwic = sub.add_parser("kwic", help="print every match of a pattern with its context")
    kwic.add_argument("corpus", help=CORPUS_HELP)
    kwic.add_argument("pattern", help='lexicon syntax: a glob ("retaliat*") or a phrase')
    kwic.add_argument("--window", type=_words, default=8, help="words either side (default: 8)")
    kwic.add_argument("--csv", action="store_true", help="print the kwic table as CSV")
    summary = sub.add_parser(
        "summary", help="print the per-article threat and sourcing summary as CSV"
    )
    summary.add_argument("corpus", help=CORPUS_HELP)
    for p in (report, export, summary):
        p.add_argument("--lexicon", help="lexicon file (YAML, CSV or .dic; default: the package's)")
    return parser


COMMANDS = {"report": _report, "export": _export, "kwic": _kwic, "summary": _summary}


def main(argv: list[str] | None = None) -> int:
    """``analysis COMMAND ...``: parse the arguments and run one command; returns the exit
    status."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (ValueError, OSError) as exc:  # a bad corpus, pattern or lexicon: one line
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
