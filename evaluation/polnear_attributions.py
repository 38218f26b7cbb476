"""Attribution detection measured on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Reads ``../shared/devsets/polnear/<split>.jsonl`` (never copied into the repository) and scores
``analysis.find_attributions`` against the human-annotated attributions, matching as
``../shared/API.md`` says: a predicted attribution matches a gold one when their content spans
overlap by at least half of the shorter span, or their speaker spans overlap. Matching is one to
one (greedy, best overlap first).

Reported:
- detection precision, recall and F1 over all gold attributions;
- the same with gold restricted to *speech* (PolNeAR also annotates beliefs, intentions and
  feelings: "wants", "plans", "thought"): gold whose cue is a speech verb in
  ``analysis/data/reporting_verbs.csv`` (categories speech, report, warn, claim, deny, accuse)
  or "according to"; predictions matching non-speech gold are left out of that precision;
- speaker-span match: among matched pairs with an explicit gold source, the share whose speaker
  spans overlap.

Usage: ``python evaluation/polnear_attributions.py [--split dev|train] [--limit N] [--misses K]``
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time

import pandas as pd

import analysis as an
from analysis import paths

SPEECH_EXTRA = {"according to", ":"}


def load_split(split: str) -> list[dict]:
    path = paths.shared_dir() / "devsets" / "polnear" / f"{split}.jsonl"
    if not path.exists():
        sys.exit(f"{path} is absent: the team's shared/ folder is not beside this checkout")
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def speech_forms() -> set[str]:
    with open(paths.package_data_dir() / "reporting_verbs.csv", encoding="utf-8") as fh:
        forms = {
            r["form"].lower()
            for r in csv.DictReader(fh)
            if r["category"] in ("speech", "report", "warn", "claim", "deny", "accuse")
        }
    # beliefs and feelings are in the verb list for extraction, not speech
    return forms - {
        "believe",
        "believes",
        "believed",
        "think",
        "thinks",
        "thought",
        "fear",
        "feared",
        "fears",
        "hope",
        "hoped",
        "hopes",
        "expect",
        "expects",
        "expected",
    }


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in spans)


def match(gold: list[dict], pred: pd.DataFrame) -> list[tuple[int, int, bool]]:
    """Greedy one-to-one matching: (gold index, pred index, speaker spans overlap)."""
    pairs = []
    for gi, g in enumerate(gold):
        g_content = [tuple(s) for s in g["content"]["spans"]]
        g_source = [tuple(s) for s in g["source"]["spans"]] if g.get("source") else []
        for pi, p in enumerate(pred.itertuples()):
            p_content = [(p.content_start, p.content_end)]
            p_source = (
                [(int(p.speaker_start), int(p.speaker_end))]
                if p.speaker_start is not None and not pd.isna(p.speaker_start)
                else []
            )
            c = _overlap(g_content, p_content)
            shorter = min(_length(g_content), _length(p_content)) or 1
            s = _overlap(g_source, p_source) if g_source and p_source else 0
            if c >= shorter / 2 or s > 0:
                pairs.append((c / shorter + (1 if s > 0 else 0), gi, pi, s > 0))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _score, gi, pi, sp in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, sp))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(articles: list[dict]) -> dict:
    frame = pd.DataFrame(
        {"article_id": [a["id"] for a in articles], "text": [a["text"] for a in articles]}
    )
    t0 = time.perf_counter()
    pred = an.find_attributions(frame)
    seconds = time.perf_counter() - t0
    forms = speech_forms()
    tot = {
        "gold": 0,
        "pred": 0,
        "tp": 0,
        "gold_speech": 0,
        "tp_speech": 0,
        "pred_speech": 0,
        "speaker_pairs": 0,
        "speaker_ok": 0,
    }
    misses: dict[
        str, list[str]
    ] = {}  # missed speech attributions by cue, with the text around the cue
    for art in articles:
        gold = art["attributions"]
        p = pred[pred["article_id"] == art["id"]].reset_index(drop=True)
        pairs = match(gold, p)
        is_speech = [
            (g["cue"] or {}).get("text", "").lower().strip() in forms | SPEECH_EXTRA for g in gold
        ]
        matched_gold = {gi for gi, _, _ in pairs}
        tot["gold"] += len(gold)
        tot["pred"] += len(p)
        tot["tp"] += len(pairs)
        tot["gold_speech"] += sum(is_speech)
        tot["tp_speech"] += sum(1 for gi, _, _ in pairs if is_speech[gi])
        # speech precision: predictions not matched to a non-speech gold
        tot["pred_speech"] += len(p) - sum(1 for gi, _, _ in pairs if not is_speech[gi])
        for gi, g in enumerate(gold):
            if is_speech[gi] and gi not in matched_gold:
                cue = (g["cue"] or {}).get("text", "").lower().strip()
                start, end = (
                    g["cue"]["spans"][0] if g.get("cue") and g["cue"].get("spans") else (0, 0)
                )
                misses.setdefault(cue, []).append(
                    art["text"][max(0, start - 120) : end + 80].replace("\n", " ")
                )
        for gi, _pi, sp in pairs:
            if gold[gi].get("source"):
                tot["speaker_pairs"] += 1
                tot["speaker_ok"] += int(sp)
        del matched_gold
    p_all = prf(tot["tp"], tot["pred"], tot["gold"])
    p_speech = prf(tot["tp_speech"], tot["pred_speech"], tot["gold_speech"])
    return {
        "articles": len(articles),
        "gold": tot["gold"],
        "predicted": tot["pred"],
        "matched": tot["tp"],
        "precision": p_all[0],
        "recall": p_all[1],
        "f1": p_all[2],
        "gold_speech": tot["gold_speech"],
        "speech_precision": p_speech[0],
        "speech_recall": p_speech[1],
        "speech_f1": p_speech[2],
        "speaker_match": tot["speaker_ok"] / tot["speaker_pairs"] if tot["speaker_pairs"] else 0.0,
        "seconds": seconds,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--misses",
        type=int,
        default=0,
        metavar="K",
        help="also list missed speech attributions by cue: the K most frequent cues, 3 examples each",
    )
    args = parser.parse_args(argv)
    articles = load_split(args.split)[: args.limit]
    r = evaluate(articles)
    print(
        f"PolNeAR {args.split}: {r['articles']} articles, {r['gold']} gold attributions, {r['predicted']} predicted "
        f"({r['seconds']:.2f} s)"
    )
    print(
        f"  all attributions : precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}"
    )
    print(
        f"  speech only      : precision {r['speech_precision']:.3f}  recall {r['speech_recall']:.3f}  "
        f"F1 {r['speech_f1']:.3f}  ({r['gold_speech']} gold)"
    )
    print(
        f"  speaker span match among matched pairs with an explicit source: {r['speaker_match']:.3f}"
    )
    if args.misses:
        missed = sorted(r["misses"].items(), key=lambda kv: (-len(kv[1]), kv[0]))
        print(f"  missed speech attributions: {sum(len(v) for v in r['misses'].values())}; by cue:")
        for cue, examples in missed[: args.misses]:
            print(f"    {len(examples):4d}  {cue!r}")
            for example in examples[:3]:
                print(f"          ... {example} ...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
