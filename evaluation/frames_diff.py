"""List the rows that differ between two snapshots of ``frames_snapshot.py``, for reading.

``frames_snapshot.py --compare`` says whether a frame changed; this prints each changed
attribution or threat row, before and after, with the text around it, so that a change can be
read (by you or a second reader) row by row. Rows are keyed by their article and offsets.

    PYTHONPATH=/tmp/base/src .venv/bin/python evaluation/frames_snapshot.py --out /tmp/snap_old
    .venv/bin/python evaluation/frames_snapshot.py --out /tmp/snap_new
    .venv/bin/python evaluation/frames_diff.py /tmp/snap_old /tmp/snap_new --frame attributions

The texts are read from ``../shared`` (``frames_snapshot.CORPORA``), never copied.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from frames_snapshot import CORPORA, _frame  # evaluation/frames_snapshot.py, beside this script

KEYS = {
    "attributions": ["article_id", "cue_start", "content_start"],
    "threats": ["article_id", "start", "end"],
}
SHOWN = {
    "attributions": ["speaker", "source_type", "speaker_name", "source_org", "content_end", "cue"],
    "threats": ["matched_text", "measure", "mode", "speaker", "term"],
}


def changed_rows(old: pd.DataFrame, new: pd.DataFrame, frame: str) -> list[tuple]:
    """(key, old values or None, new values or None) of every row that differs."""
    key, shown = KEYS[frame], SHOWN[frame]
    before, after = (df.drop_duplicates(key).set_index(key)[shown] for df in (old, new))
    out = []
    for k in before.index.union(after.index):
        a = before.loc[k].tolist() if k in before.index else None
        b = after.loc[k].tolist() if k in after.index else None
        if str(a) != str(b):
            out.append((k, a, b))
    return out


def _context(text: str, at: int) -> str:
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, max(at - 1, 0))) + 1
    return text[max(0, start - 80) : at + 150]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--frame", choices=sorted(KEYS), default="attributions")
    args = parser.parse_args(argv)
    for corpus, path in CORPORA.items():
        files = [d / f"{corpus}.{args.frame}.pkl" for d in (args.old, args.new)]
        if not path.exists() or not all(f.exists() for f in files):
            print(f"== {corpus}: absent, skipped")
            continue
        texts = dict(_frame(path)[["article_id", "text"]].itertuples(index=False))
        rows = changed_rows(*(pd.read_pickle(f) for f in files), args.frame)
        for k, a, b in rows:
            at = next((int(x) for x in k[1:] if x is not None and x == x), 0)
            print(f"[{corpus}] {k[0]} @{at}\n   OLD {a}\n   NEW {b}")
            print(f"   ...{_context(texts[k[0]], at)!r}")
        print(f"== {corpus}: {len(rows)} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
