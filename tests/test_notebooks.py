"""Notebooks: committed clean, executed headless by ``make report`` on the shipped article, the
shared articles, a calm corpus, and stopped before running on unusable corpora; exported to HTML."""

import json
import re
from pathlib import Path

import nbformat
import pytest

from analysis import paths, reports

from .conftest import make_report

NOTEBOOK_DIR = paths.project_root() / "notebooks"


def test_notebooks_are_numbered_and_listed():
    names = sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb"))
    assert names == reports.NOTEBOOKS
    assert all(n[:2].isdigit() and n[2] == "-" for n in names)


@pytest.mark.parametrize("name", reports.NOTEBOOKS)
def test_committed_without_outputs_on_python3_with_parameters(name):
    nb = json.loads((NOTEBOOK_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and not c.get("execution_count") for c in code)
    assert "parameters" in code[0]["metadata"].get("tags", [])
    # logic lives in the package: notebook code cells stay short
    assert max(len("".join(c["source"]).splitlines()) for c in code) <= 15


@pytest.fixture(scope="module")
def shipped_run(shipped_report):
    files = sorted((shipped_report.out / "html").glob("*.html"))
    return shipped_report.out, files


def test_every_notebook_runs_on_the_shipped_data(shipped_run):
    out, files = shipped_run
    assert len(files) == 2 * len(reports.NOTEBOOKS)
    for name in reports.NOTEBOOKS:
        nb = nbformat.read(str(out / "executed" / f"{name}.ipynb"), as_version=4)
        errors = [
            o
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.get("outputs", [])
            if o.output_type == "error"
        ]
        assert not errors


def test_committed_figures_are_what_the_notebooks_make(shipped_run):
    out, _ = shipped_run
    made = sorted(p.name for p in (out / "figures").iterdir())
    committed = sorted(p.name for p in paths.figures_dir().iterdir() if not p.name.startswith("."))
    assert made == committed
    for name in made:
        assert (out / "figures" / name).read_bytes() == (paths.figures_dir() / name).read_bytes(), (
            name
        )


def test_html_reports_are_self_contained(shipped_run):
    out, _ = shipped_run
    for page in (out / "html").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html.lower()
        assert 'src="http' not in html and 'href="http' not in html.split("<body")[0]
    with_code = (out / "html" / "02-threat-language.html").read_text(encoding="utf-8")
    no_code = (out / "html" / "02-threat-language-no-code.html").read_text(encoding="utf-8")
    assert "find_threats" in with_code and "find_threats" not in no_code
    assert with_code.count("data:image/png;base64") >= 4


def test_reports_do_not_carry_the_path_of_the_machine_that_built_them(shipped_run):
    from analysis import paths

    out, _ = shipped_run
    root = str(paths.project_root().resolve())
    for page in (out / "html").glob("*-no-code.html"):
        html = page.read_text(encoding="utf-8")
        assert root not in html, page.name
        assert "article(s) from data" in html, page.name


def test_make_report_on_the_shared_articles_given_relative_to_the_project(shared_report):
    # the reproducer of issue 14: a relative CORPUS was read from notebooks/ and found nothing
    tmp_path = shared_report.out
    assert len(list((tmp_path / "html").glob("*.html"))) == 2 * len(reports.NOTEBOOKS)
    # a corpus with two outlets gets its per-outlet chart
    assert (tmp_path / "figures" / "02_threats_by_outlet.png").exists()
    assert (tmp_path / "figures" / "03_anonymous_by_outlet.png").exists()
    assert not (tmp_path / "figures" / "02_threats_by_paragraph.png").exists()
    assert not any(
        Path(paths.figures_dir()).glob("*by_outlet*")
    )  # nothing written over the committed figures
    summary = (tmp_path / "html" / "05-summary-no-code.html").read_text(encoding="utf-8")
    # named as given, relative to the project: not the path of the machine that built it
    assert "20 article(s) from ../shared/data/articles.jsonl" in summary
    assert str(paths.project_root().resolve()) not in summary
    # the editor's summary carries its charts: threat rates, source shares, who threatens
    assert summary.count("data:image/png") >= 3


def test_make_report_on_a_calm_corpus_gives_zeros_and_none_found(tmp_path):
    # no threat language and no attribution anywhere: every report is complete, nothing crashes
    corpus = tmp_path / "calm.jsonl"
    calm = "The council voted on Tuesday to expand the bus network to three new districts."
    corpus.write_text(json.dumps({"id": "a1", "title": "Buses", "text": calm}) + "\n")
    done = make_report(f"CORPUS={corpus}", f"OUTPUT={tmp_path / 'out'}")
    assert done.returncode == 0, done.stderr[-2000:]
    html = tmp_path / "out" / "html"
    assert len(list(html.glob("*.html"))) == 2 * len(reports.NOTEBOOKS)
    summary = (html / "05-summary-no-code.html").read_text(encoding="utf-8")
    assert "none found" in summary and "0.00" in summary
    assert "Traceback" not in summary


@pytest.mark.parametrize(
    "corpus, says",
    [
        ("no/such/corpus.jsonl", "no such file or folder: no/such/corpus.jsonl"),
        ("no/such/*.jsonl", "no file matches the pattern no/such/*.jsonl"),
        ("{empty}", "the folder is empty"),
        ("{unloadable}", "no article could be loaded from"),
    ],
)
def test_make_report_stops_with_one_line_before_any_notebook(tmp_path, corpus, says):
    (tmp_path / "empty").mkdir()
    (tmp_path / "unloadable").mkdir()
    (tmp_path / "unloadable" / "a.txt").write_bytes(b"")
    (tmp_path / "unloadable" / "b.json").write_text("[" * 5000 + "]" * 5000)
    corpus = corpus.format(empty=tmp_path / "empty", unloadable=tmp_path / "unloadable")
    done = make_report(f"CORPUS={corpus}", f"OUTPUT={tmp_path / 'out'}")
    assert done.returncode != 0
    # make adds its own "make: *** [report] Error 2" ("make[1]: ..." under make test)
    ours = [line for line in done.stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*", line)]
    assert len(ours) == 1 and ours[0].startswith("error: ") and says in ours[0], done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "out" / "executed").exists()  # no notebook ran
