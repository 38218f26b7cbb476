"""Every threat act the package flags in the PolNeAR texts, with its sentence.

The precision audit of issue #12: read what is flagged (PolNeAR has no threat labels, so this is a
reading, not a score). The distinct article texts of ``../shared/devsets/polnear/<split>.jsonl``
(read from there, never copied) go through ``find_attributions`` and ``find_threats``; each
``threat_act`` row is printed with its mode, rule, speaker and sentence (the matched words in
``[[ ]]``), then the count by mode. ``--count`` prints the counts only.

    .venv/bin/python evaluation/threat_acts.py --split dev
    .venv/bin/python evaluation/threat_acts.py --split train --count
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import analysis as an
from analysis.text import iter_sentences

# one reader of the PolNeAR texts: the benchmarks' (benchmarks/corpus.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus import polnear_texts  # noqa: E402


def polnear_frame(split: str) -> pd.DataFrame:
    """The distinct article texts of one PolNeAR split (``article_id``, ``text``), as the
    benchmarks read them (``benchmarks/corpus.py``)."""
    return polnear_texts((split,))[["article_id", "text"]]


def threat_acts(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``threat_act`` rows of ``find_threats`` (speakers from ``find_attributions``)."""
    threats = an.find_threats(frame, attributions=an.find_attributions(frame))
    return threats[threats["measure"] == "threat_act"]


def _in_context(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, the match marked."""
    a, b = next((s, e) for _, s, e in iter_sentences(text) if s <= start < e)
    return f"{text[a:start]}[[{text[start:end]}]]{text[end:b]}".strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--count", action="store_true", help="print the counts only")
    args = parser.parse_args(argv)
    frame = polnear_frame(args.split)
    acts = threat_acts(frame)
    if not args.count:
        texts = dict(zip(frame["article_id"], frame["text"]))
        for r in acts.itertuples():
            print(f"{r.article_id} | {r.mode} | {r.rule} | speaker: {r.speaker}")
            print(f"    {_in_context(texts[r.article_id], r.start, r.end)}\n")
    counts = acts["mode"].value_counts().to_dict()
    print(f"{len(acts)} threat acts in {len(frame)} articles ({args.split}): {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
