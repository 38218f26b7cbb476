"""Snapshot the package's result frames on the shared real corpora, or compare with a snapshot.

A refactor must change no result: run this on the old commit and on the new code and compare.

    # the old code, from a worktree of the base commit (its package on PYTHONPATH)
    git worktree add /tmp/base 9368674
    PYTHONPATH=/tmp/base/src .venv/bin/python evaluation/frames_snapshot.py --out /tmp/snap_base
    # the new code
    .venv/bin/python evaluation/frames_snapshot.py --compare /tmp/snap_base

Corpora: PolNeAR train and dev (``../shared/devsets/polnear/``, headline paragraph as the title, as
``../shared/tools/devscore.py`` gives them), wikinews_dev and ``../shared/data/articles.jsonl``.
Frames: ``find_attributions``, ``find_threats`` (given the attributions), ``sourcing_summary`` and
``threat_summary`` (given the frames). Exit status 1 when any frame differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

import analysis as an

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = {
    "polnear_train": SHARED / "devsets/polnear/train.jsonl",
    "polnear_dev": SHARED / "devsets/polnear/dev.jsonl",
    "wikinews_dev": SHARED / "devsets/wikinews_dev/articles.jsonl",
    "shared_data": SHARED / "data/articles.jsonl",
}


def _frame(path: Path) -> pd.DataFrame:
    """The corpus as ``article_id``, ``title``, ``text`` (PolNeAR: first paragraph = title)."""
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    ids, titles, texts = [], [], []
    for r in rows:
        text, title = r["text"], r.get("title")
        if title is None:
            first, _, rest = text.partition("\n\n")
            title, text = first.strip(), rest
        ids.append(str(r["id"]))
        titles.append(title)
        texts.append(text)
    return pd.DataFrame({"article_id": ids, "title": titles, "text": texts})


def frames(path: Path) -> dict[str, pd.DataFrame]:
    """The four result frames of one corpus."""
    articles = an.load_articles(_frame(path))
    attributions = an.find_attributions(articles)
    threats = an.find_threats(articles, attributions=attributions)
    return {
        "attributions": attributions,
        "threats": threats,
        "sourcing_summary": an.sourcing_summary(articles, attributions=attributions),
        "threat_summary": an.threat_summary(articles, threats=threats),
    }


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    out = df.reset_index(drop=True).copy()
    out.attrs = {}
    return out.astype(object).where(out.notna(), None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write a snapshot (pickles) into this folder")
    group.add_argument("--compare", type=Path, help="compare with the snapshot in this folder")
    args = parser.parse_args()
    differ = 0
    for corpus, path in CORPORA.items():
        if not path.exists():
            print(f"{corpus}: {path} absent, skipped")
            continue
        for name, df in frames(path).items():
            target = (args.out or args.compare) / f"{corpus}.{name}.pkl"
            if args.out:
                target.parent.mkdir(parents=True, exist_ok=True)
                _plain(df).to_pickle(target)
                print(f"{corpus}.{name}: {len(df)} rows written")
                continue
            old, new = pd.read_pickle(target), _plain(df)
            same = old.columns.tolist() == new.columns.tolist() and old.equals(new)
            differ += not same
            verdict = "identical" if same else "DIFFERENT"
            print(f"{corpus}.{name}: {len(old)} -> {len(new)} rows, {verdict}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
