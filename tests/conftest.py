"""Shared fixtures: the shipped example article, the team's read-only ../shared folder, and
``make report`` run once per session on each (the notebook, browser and command-line tests read
the same run)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

import analysis as an
from analysis import paths

EXAMPLE_ID = "000_345e2a4f327659b1"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test (with the reason) when it is absent."""
    p = paths.shared_dir().joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent: the team's shared/ folder is not beside this checkout")
    return p


def load_devscore():
    """``../shared/tools/devscore.py`` as a module (the held-out evaluation's own matching rules),
    or skip the test when it is absent."""
    path = shared_path("tools", "devscore.py")
    spec = importlib.util.spec_from_file_location("devscore", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@lru_cache(maxsize=1)
def _polnear_train(path: Path) -> tuple[dict, ...]:
    return tuple(read_jsonl(path))


def polnear_train_text(id_prefix: str = "", *, holding: str = "") -> str:
    """The whole text (headline first) of the PolNeAR train article whose id starts with
    ``id_prefix`` and whose text holds ``holding`` (read once from ../shared, never copied; the
    test skips when it is absent)."""
    rows = _polnear_train(shared_path("devsets", "polnear", "train.jsonl"))
    return next(r["text"] for r in rows if r["id"].startswith(id_prefix) and holding in r["text"])


def polnear_train_body(id_prefix: str = "", *, holding: str = "") -> str:
    """The body of that article, its headline paragraph left out as devscore does."""
    return polnear_train_text(id_prefix, holding=holding).partition("\n\n")[2]


@pytest.fixture(scope="session")
def example_articles():
    """The shipped example article, loaded as analysts load it."""
    return an.load_articles(paths.data_dir() / f"{EXAMPLE_ID}.txt")


@pytest.fixture(scope="session")
def example(example_articles):
    return example_articles.iloc[0]


def make_report(*args: str) -> subprocess.CompletedProcess:
    """``make report ARGS`` from the project root, as an analyst runs it (the step lines on, as
    by default: ``ANALYSIS_PROGRESS`` is not passed on)."""
    env = {k: v for k, v in os.environ.items() if k != "ANALYSIS_PROGRESS"}
    return subprocess.run(
        ["make", "--no-print-directory", "report", *args],
        cwd=paths.project_root(),
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


@dataclass
class Report:
    """A finished ``make report``: its output folder and the process (stdout, stderr)."""

    out: Path
    done: subprocess.CompletedProcess


@pytest.fixture(scope="session")
def shipped_report(tmp_path_factory) -> Report:
    """``make report`` on the shipped article named as a corpus: figures go to OUTPUT/figures,
    never over figures/."""
    out = tmp_path_factory.mktemp("reports")
    done = make_report(f"CORPUS=data/{EXAMPLE_ID}.txt", f"OUTPUT={out}")
    assert done.returncode == 0, done.stderr[-2000:]
    return Report(out, done)


@pytest.fixture(scope="session")
def shared_report(tmp_path_factory) -> Report:
    """``make report`` on the 20 articles of ../shared/data, the corpus given relative to the
    project as the README shows it."""
    shared_path("data", "articles.jsonl")
    out = tmp_path_factory.mktemp("shared-reports")
    done = make_report("CORPUS=../shared/data/articles.jsonl", f"OUTPUT={out}")
    assert done.returncode == 0, done.stderr[-2000:]
    return Report(out, done)
