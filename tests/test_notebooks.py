"""Notebooks: committed clean, executed headless on the shipped data (and the shared articles), exported to HTML."""

import json
from pathlib import Path

import nbformat
import pytest

from analysis import paths, reports

from .conftest import shared_path

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
def shipped_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    files = reports.run_notebooks(output=out, figures=out / "figures")
    return out, files


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


def test_notebooks_run_on_the_shared_articles(tmp_path):
    corpus = shared_path("data", "articles.jsonl")
    files = reports.run_notebooks(corpus=str(corpus), output=tmp_path, figures=tmp_path / "figures")
    assert len(files) == 2 * len(reports.NOTEBOOKS)
    # a corpus with two outlets gets its per-outlet chart
    assert (tmp_path / "figures" / "02_threats_by_outlet.png").exists()
    assert not (tmp_path / "figures" / "02_threats_by_paragraph.png").exists()
    assert not any(
        Path(paths.figures_dir()).glob("*by_outlet*")
    )  # nothing written over the committed figures
