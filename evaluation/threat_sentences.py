"""The team's own threat sentences in tests/data, run through ``find_threats``: a regression check
of
the rules, NOT a measure of accuracy.

- ``threat_sentences.csv``: 95 sentences the team wrote and labelled while the rules were developed;
- ``threat_sentences_check.csv``: 50 sentences the team wrote afterwards.

They were written in the lexicon's own words (short, no date adjuncts, few non-force threats), so
their scores say how the rules behave on such sentences, not how well they find threats in news:
held-out news scored far lower (issue #12). Accuracy figures come from the team's scorer on real
labelled news: ``python ../shared/tools/devscore.py --only wikinews_dev`` (threat sentences P/R/F1,
threat phrase recall). Each file has ``label`` (1 threat, 0 not) and ``kind`` (threat, violence,
salience, neutral); printed: agreement with those labels and every disagreement.

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
    print(
        "Regression check on the team's own sentences (not accuracy; for accuracy run "
        "../shared/tools/devscore.py --only wikinews_dev):"
    )
    for name in ("threat_sentences.csv", "threat_sentences_check.csv"):
        r = score(DATA / name)
        print(
            f"{r['file']}: {r['sentences']} sentences  precision {r['precision']:.3f}  "
            f"recall {r['recall']:.3f}  "
            f"F1 {r['f1']:.3f}  violence reports flagged {r['violence_flagged']}"
        )
        for row in r["errors"].itertuples():
            print(f"    {'missed' if row.label else 'false alarm'} ({row.kind}): {row.sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
