"""The command line, run in-process on the 20 real articles of ../shared/data (and --help in a
subprocess, as a user runs it); the step lines of ``make report`` read from the session's run on
the shipped article."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pandas as pd
import pytest

import analysis as an
from analysis import reports
from analysis.cli import main
from analysis.progress import StepLog
from analysis.tables import TABLES
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def corpus() -> str:
    return str(shared_path("data", "articles.jsonl"))


@pytest.fixture(scope="module")
def frames(corpus):
    arts = an.load_articles(corpus)
    at = an.find_attributions(arts)
    return arts, at, an.find_threats(arts, attributions=at)


def test_summary_prints_the_threat_and_sourcing_summary_as_csv(corpus, frames, capsys):
    arts, at, th = frames
    assert main(["summary", corpus]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# analysis_version: {an.__version__}, lexicon_sha256: ")
    back = pd.read_csv(io.StringIO(out), skiprows=1)
    threats = an.threat_summary(arts, threats=th)
    sourcing = an.sourcing_summary(arts, attributions=at)
    assert back["article_id"].tolist() == threats["article_id"].tolist()
    assert len(back) == 20
    assert back["threat_act"].tolist() == threats["threat_act"].tolist()
    assert back["anonymous"].tolist() == sourcing["anonymous"].tolist()
    assert back["attributions"].sum() == len(at)


def test_kwic_prints_one_line_per_match_with_the_match_in_brackets(corpus, frames, capsys):
    assert main(["kwic", corpus, "retaliat*", "--window", "5"]) == 0
    captured = capsys.readouterr()
    table = an.kwic(frames[0], "retaliat*", window=5)
    lines = captured.out.splitlines()
    assert len(table) > 0 and len(lines) == len(table)
    for line, row in zip(lines, table.itertuples()):
        assert line.startswith(f"{row.article_id}  sentence {row.sentence_id + 1}  ")
        assert f"[{row.match}]" in line
    assert captured.err.strip() == f"{len(table)} match(es) of 'retaliat*'"


def test_kwic_csv_is_the_kwic_table(corpus, frames, capsys):
    assert main(["kwic", corpus, "attack*", "--csv"]) == 0
    back = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    table = an.kwic(frames[0], "attack*")
    assert list(back.columns) == list(table.columns)
    assert back["match"].tolist() == table["match"].tolist()


def test_export_writes_every_table(corpus, frames, tmp_path, capsys):
    assert main(["export", corpus, "--out", str(tmp_path / "t")]) == 0
    assert f"Tables in {tmp_path / 't'}" in capsys.readouterr().out
    for name in TABLES:
        assert (tmp_path / "t" / f"{name}.csv").exists()
    threats = pd.read_csv(tmp_path / "t" / "threats.csv", skiprows=1)
    assert len(threats) == len(frames[2])
    assert (tmp_path / "t" / "tables.xlsx").exists()


def test_report_summary_only_prints_the_overview(corpus, capsys):
    assert main(["report", corpus, "--summary-only"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Loaded 20 article(s) from {corpus}; 0 input(s) not loaded.")
    assert "cand-001" in out


def test_a_missing_corpus_is_one_line_and_status_2(tmp_path, capsys):
    missing = str(tmp_path / "nothing.jsonl")
    assert main(["summary", missing]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: no such file or folder: {missing}.") and err.count("\n") == 1


def test_an_empty_pattern_is_refused(corpus, capsys):
    assert main(["kwic", corpus, " "]) == 2
    assert capsys.readouterr().err.startswith("error: the pattern is empty")


def test_a_negative_window_is_refused_by_argparse(corpus, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["kwic", corpus, "attack", "--window", "-2"])
    assert stop.value.code == 2
    assert "a number of words" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["report", "export", "kwic", "summary"])
def test_help_of_each_command_through_python_m(command):
    # -W error: running the CLI as a module must raise no runpy warning (-m analysis.reports does)
    done = subprocess.run(
        [sys.executable, "-W", "error::RuntimeWarning", "-m", "analysis.cli", command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: analysis {command} ")
    assert done.stderr == ""


def test_make_report_shows_each_notebook_and_step_on_stderr(shipped_report):
    done = shipped_report.done
    # the run's own lines (a kernel may add "[IPKernelApp] ERROR | KeyboardInterrupt caught in
    # kernel." as it is shut down, now and then)
    ours = re.compile(r"\[\d+/\d+\] |tables: |done: ")
    lines = [line for line in done.stderr.splitlines() if ours.match(line)]
    n = len(reports.NOTEBOOKS)
    expected = []
    for i, name in enumerate(reports.NOTEBOOKS, 1):
        expected += [
            f"[{i}/{n}] {name}: {step}"
            for step in (
                "started",
                "executing",
                "writing HTML (with code)",
                "writing HTML (no code)",
            )
        ]
        expected.append(f"[{i}/{n}] {name}: done in")
    expected += ["tables: started", "tables: finding attributions in 1 article(s)"]
    expected += ["tables: finding threat language"]
    expected += [f"tables: writing {t}.csv" for t in TABLES] + ["tables: writing tables.xlsx"]
    expected += ["tables: done in", "done: "]
    # each line in order, the "done in" ones with their seconds
    assert len(lines) == len(expected), done.stderr
    for line, start in zip(lines, expected):
        assert line.startswith(start), (line, start)
        if start.endswith("done in"):
            assert re.fullmatch(r".*: done in \d+\.\d s", line), line
    assert re.fullmatch(
        rf"done: {n} notebooks \({2 * n} HTML reports\) and 6 tables written to \S+ in \d+\.\d s",
        lines[-1],
    )
    assert "executing" not in done.stdout  # the report's own listing stays on stdout


def test_the_step_lines_are_silenced_by_analysis_progress_0(monkeypatch, capsys):
    monkeypatch.setenv("ANALYSIS_PROGRESS", "0")
    log = StepLog(1)
    with log.item("01-load-and-clean"):
        log.step("executing")
    log.finish("1 notebook")
    assert capsys.readouterr().err == ""
    monkeypatch.delenv("ANALYSIS_PROGRESS")
    shown = StepLog(1)
    with shown.item("01-load-and-clean"):
        pass
    assert capsys.readouterr().err.splitlines()[0] == "[1/1] 01-load-and-clean: started"


def test_a_step_log_needs_a_number_of_items():
    with pytest.raises(ValueError, match="a number of items"):
        StepLog(-1)
