"""Shared fixtures: the shipped example article and the team's read-only ../shared folder."""

from __future__ import annotations

import importlib.util
import json
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


@pytest.fixture(scope="session")
def example_articles():
    """The shipped example article, loaded as analysts load it."""
    return an.load_articles(paths.data_dir() / f"{EXAMPLE_ID}.txt")


@pytest.fixture(scope="session")
def example(example_articles):
    return example_articles.iloc[0]
