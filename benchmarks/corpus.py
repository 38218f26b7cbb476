"""The benchmark corpus: the distinct real articles of ../shared/devsets/polnear (read there,
never copied)."""

from __future__ import annotations

import json
import sys

import pandas as pd

from analysis import paths


def polnear_texts(splits: tuple[str, ...] = ("train", "dev")) -> pd.DataFrame:
    """``article_id``, ``text``, ``outlet``, ``date`` of the distinct PolNeAR articles of
    ``splits``, in file order."""
    root = paths.shared_dir() / "devsets" / "polnear"
    if not (root / "train.jsonl").exists():
        sys.exit(f"{root} is absent: the team's shared/ folder is not beside this checkout")
    rows = []
    for split in splits:
        with open(root / f"{split}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                rows.append(
                    {
                        "article_id": r["id"],
                        "text": r["text"],
                        "outlet": r["publisher"],
                        "date": r["date"],
                    }
                )
    return pd.DataFrame(rows).drop_duplicates("text").reset_index(drop=True)
