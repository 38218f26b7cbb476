"""The README's accuracy table, from the held-out evaluation's own scorer.

Runs ``../shared/tools/devscore.py --json`` (its matching rules, the shared dev sets) and prints
the figures as a Markdown table; with ``--readme`` it writes the table into README.md between the
``devscore table`` markers. Every figure of the table is one of the scorer's, unchanged; the
"before" column is the scorer's output at commit 9368674, kept here as the starting point. The
last rows come from ``evaluation/content_overlap.py`` (the same scorer, content matches only).

    .venv/bin/python evaluation/devscore_table.py --readme
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from analysis import paths

ROOT = Path(__file__).resolve().parents[1]
SCORER = paths.shared_dir() / "tools" / "devscore.py"
# devscore.py at commit 9368674 (the session note of that commit): the starting point
BEFORE = {
    "wikinews detection recall": 0.700,
    "wikinews detection precision": 0.929,
    "wikinews type accuracy (matched)": 0.791,
    "wikinews threat sentences F1": 0.356,
    "wikinews threat sentences precision": 0.727,
    "wikinews threat sentences recall": 0.235,
    "wikinews threat-act phrase recall": 0.210,
    "PolNeAR dev speech-cue recall": 0.839,
    "PolNeAR dev recall, all attributions": 0.491,
    "PolNeAR dev precision": 0.914,
    "seed (example article) required recall": 1.000,
}


CONTENT_ONLY = ROOT / "evaluation" / "content_overlap.py"


def scores(script: Path = SCORER) -> dict:
    """devscore's metrics as one JSON object (it runs in this interpreter's environment);
    ``script`` = ``CONTENT_ONLY`` for its content-overlap-only variant."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "devscore.json"
        subprocess.run(
            [sys.executable, str(script), "--json", str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return json.loads(out.read_text(encoding="utf-8"))


def content_rows(d: dict) -> list[tuple[str, float, str]]:
    """Rows of the content-overlap-only run (evaluation/content_overlap.py)."""
    wn, pn = d["wikinews_dev"], d["polnear"]
    return [
        ("wikinews statements found, content overlap only", wn["detection"]["recall"], ""),
        (
            "PolNeAR dev speech-cue statements found, content overlap only",
            pn["recall_by_cue"]["speech"]["recall"],
            "",
        ),
    ]


def rows(d: dict) -> list[tuple[str, float, str]]:
    """(figure, value, bar) for the table."""
    wn, pn, seed = d["wikinews_dev"], d["polnear"], d["seed"]
    return [
        ("wikinews detection recall", wn["detection"]["recall"], "≥ 0.90"),
        ("wikinews detection precision", wn["detection"]["precision"], "≥ 0.90"),
        ("wikinews type accuracy (matched)", wn["type_accuracy_on_matched"], "≥ 0.93"),
        ("wikinews threat sentences F1", wn["threat_sentences"]["f1"], "≥ 0.85"),
        ("wikinews threat sentences precision", wn["threat_sentences"]["precision"], ""),
        ("wikinews threat sentences recall", wn["threat_sentences"]["recall"], ""),
        ("wikinews threat-act phrase recall", wn["threat_phrase_recall"]["threat_act"], "≥ 0.85"),
        ("wikinews violence phrase recall", wn["threat_phrase_recall"]["violence"], ""),
        (
            "wikinews threat-salience phrase recall",
            wn["threat_phrase_recall"]["threat_salience"],
            "",
        ),
        ("PolNeAR dev speech-cue recall", pn["recall_by_cue"]["speech"]["recall"], "≥ 0.92"),
        ("PolNeAR dev recall, all attributions", pn["detection"]["recall"], "reported"),
        ("PolNeAR dev precision", pn["detection"]["precision"], ""),
        ("seed (example article) required recall", seed["required"]["recall"], "30 / 30"),
    ]


def table(d: dict, content_only: dict | None = None) -> str:
    lines = [
        "| figure (devscore) | before (9368674) | now | bar |",
        "|---|---:|---:|---|",
    ]
    for name, value, bar in rows(d):
        before = f"{BEFORE[name]:.3f}" if name in BEFORE else "—"  # a row added after 9368674
        lines.append(f"| {name} | {before} | {value:.3f} | {bar} |")
    for name, value, bar in content_rows(content_only) if content_only else []:
        lines.append(f"| {name} | — | {value:.3f} | {bar} |")
    wn = d["wikinews_dev"]
    confusion = ", ".join(f"{k} {v}" for k, v in sorted(wn["type_confusion"].items()))
    lines.append("")
    lines.append(f"wikinews_dev type confusion (gold->predicted): {confusion}.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    text = table(scores(), scores(CONTENT_ONLY))
    print(text)
    if args.readme:
        readme = ROOT / "README.md"
        body = readme.read_text(encoding="utf-8")
        head, _, rest = body.partition("<!-- devscore table -->")
        _, _, tail = rest.partition("<!-- /devscore table -->")
        block = f"<!-- devscore table -->\n{text}\n<!-- /devscore table -->"
        readme.write_text(head + block + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
