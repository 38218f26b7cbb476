"""Threat-act detection scored on the hand-labelled sentences in tests/data (sentence level, as the team's
held-out check scores it: a sentence is a threat when it has a ``threat_act`` match that is asserted or
conditional).

- ``threat_sentences.csv``: 95 sentences written and labelled while the rules were developed;
- ``threat_sentences_check.csv``: 50 sentences written afterwards, to see how the rules generalise.

Each file has ``label`` (1 threat, 0 not) and ``kind`` (threat, violence, salience, neutral). Reported:
precision, recall, F1, and the share of violence reports flagged as threats, plus every error.

Usage: ``python evaluation/threat_sentences.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

import analysis as an

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def score(path: Path) -> dict:
    df = pd.read_csv(path)
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(df))], "text": df["sentence"]})
    th = an.find_threats(arts)
    flagged = set(
        th[(th["measure"] == "threat_act") & th["mode"].isin(["asserted", "conditional"])][
            "article_id"
        ]
    )
    df["pred"] = [str(i) in flagged for i in range(len(df))]
    truth = df["label"] == 1
    tp, fp, fn = (
        int((df["pred"] & truth).sum()),
        int((df["pred"] & ~truth).sum()),
        int((~df["pred"] & truth).sum()),
    )
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    violence = df["kind"] == "violence"
    errors = df[df["pred"] != truth]
    return {
        "file": path.name,
        "sentences": len(df),
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "violence_flagged": f"{int((df['pred'] & violence).sum())}/{int(violence.sum())}",
        "errors": errors,
    }


def main() -> int:
    for name in ("threat_sentences.csv", "threat_sentences_check.csv"):
        r = score(DATA / name)
        print(
            f"{r['file']}: {r['sentences']} sentences  precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
            f"F1 {r['f1']:.3f}  violence reports flagged {r['violence_flagged']}"
        )
        for row in r["errors"].itertuples():
            print(f"    {'missed' if row.label else 'false alarm'} ({row.kind}): {row.sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
