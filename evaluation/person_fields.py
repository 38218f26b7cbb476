"""devscore's wikinews_dev matching, then the fields it does not score: ``speaker_name`` and
``source_org``.

``../shared/tools/devscore.py`` scores detection and ``source_type``; the coders of
``devsets/wikinews_dev`` also coded each person's full name and the organisation a person speaks
for ("the organisation a person speaks for when stated", GUIDELINES.md). This matches predictions
to gold exactly as devscore's wikinews_dev section does (its own functions: content overlap of at
least half the shorter, else a speaker overlap; one-to-one, required gold first) and compares, on
the matched pairs whose gold type is ``named_person`` or ``anonymous``:

- ``speaker_name`` (named_person only): exact after case folding and whitespace;
- ``source_org``: both empty, equal (case folded, a leading "the" and a possessive dropped), one
  inside the other ("Cuban health ministry" / "health ministry"), ours empty while gold has one,
  ours set while gold is empty, or different.

    .venv/bin/python evaluation/person_fields.py            # figures
    .venv/bin/python evaluation/person_fields.py --misses 30  # and 30 disagreements of each kind

devscore is read from ``../shared/tools`` (never copied); so are the gold and the articles.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter

import pandas as pd
from content_overlap import _devscore  # evaluation/content_overlap.py, beside this script

import analysis as an

_SPACES = re.compile(r"\s+")


def _norm(value) -> str:
    """Case folded, spaces collapsed, a leading "the" and a final possessive dropped."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = _SPACES.sub(" ", str(value)).strip().casefold()
    text = re.sub(r"^the ", "", text)
    return re.sub(r"['’]s?$", "", text)


def org_agreement(gold, ours) -> str:
    """How our ``source_org`` compares with the gold one."""
    g, o = _norm(gold), _norm(ours)
    if not g and not o:
        return "both empty"
    if g == o:
        return "equal"
    if not o:
        return "ours empty"
    if not g:
        return "gold empty"
    return "one inside the other" if g in o or o in g else "different"


def matched_pairs(ds) -> list[dict]:
    """(gold attribution, predicted row, article text) of every pair devscore's wikinews_dev
    matching makes."""
    root = ds.DEVSETS / "wikinews_dev"
    gold = ds.read_jsonl(root / "gold.jsonl")
    texts = {r["id"]: r for r in ds.read_jsonl(root / "articles.jsonl")}
    ids = [g["id"] for g in gold]
    frame = pd.DataFrame(
        {
            "article_id": ids,
            "title": [texts[i]["title"] for i in ids],
            "text": [texts[i]["text"] for i in ids],
        }
    )
    loaded = an.load_articles(frame)
    found = an.find_attributions(loaded)
    by_article = {aid: rows.to_dict("records") for aid, rows in found.groupby("article_id")}
    loaded_text = dict(zip(loaded["article_id"], loaded["text"]))
    pairs = []
    for g in gold:
        text = loaded_text[g["id"]]
        omap = ds.offset_map(texts[g["id"]]["text"], text)
        preds = by_article.get(g["id"], [])
        match = _match(ds, g["attributions"], preds, omap)
        pairs += [
            {"gold": g["attributions"][gi], "pred": preds[pi], "text": text, "article_id": g["id"]}
            for gi, pi in match.items()
        ]
    return pairs


def _span(row: dict, part: str):
    a, b = row.get(f"{part}_start"), row.get(f"{part}_end")
    if a is None or b is None or pd.isna(a) or pd.isna(b) or b <= a:
        return None
    return int(a), int(b)


def _match(ds, gold_rows: list[dict], preds: list[dict], omap) -> dict[int, int]:
    """devscore's score_wikinews_dev candidates and greedy matching, required gold first."""
    cands = []
    for gi, t in enumerate(gold_rows):
        content = omap(*t["content"]) if t["content"] else None
        source = omap(*t["speaker"]) if t["speaker"] else None
        for pi, p in enumerate(preds):
            score, pc, ps = 0.0, _span(p, "content"), _span(p, "speaker")
            if content and pc:
                ov = ds.overlap(content, pc)
                shorter = min(content[1] - content[0], pc[1] - pc[0])
                if shorter > 0 and ov >= 0.5 * shorter:
                    score = 1.0 + ov / max(content[1] - content[0], 1)
            if not score and source and ps and ds.overlap(source, ps) > 0:
                score = 0.5
            if score:
                cands.append((score, gi, pi))
    return ds.greedy_match([c for c in cands if gold_rows[c[1]].get("required", True)])


def _show(label: str, counts: Counter) -> None:
    total = sum(counts.values())
    print(f"{label}: n {total}")
    for key, n in counts.most_common():
        print(f"  {key:22} {n:4}  {n / total:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--misses", type=int, default=0, metavar="K", help="list K disagreements")
    args = ap.parse_args(argv)
    pairs = matched_pairs(_devscore())
    names, orgs, listed = Counter(), Counter(), {"name": [], "org": []}
    for p in pairs:
        gold, pred = p["gold"], p["pred"]
        if gold["source_type"] not in ("named_person", "anonymous"):
            continue
        row = (p["article_id"], gold.get("speaker_name"), pred.get("speaker"))
        if gold["source_type"] == "named_person":
            same = _norm(gold["speaker_name"]) == _norm(pred.get("speaker_name"))
            names["equal" if same else "different"] += 1
            if not same:
                listed["name"].append((*row, pred.get("speaker_name")))
        kind = org_agreement(gold.get("source_org"), pred.get("source_org"))
        orgs[f"{gold['source_type']}: {kind}"] += 1
        if kind not in ("both empty", "equal"):
            listed["org"].append((*row, kind, gold.get("source_org"), pred.get("source_org")))
    print(f"wikinews_dev matched pairs: {len(pairs)} (devscore's matching)")
    _show("speaker_name of gold named_person", names)
    _show("source_org of gold named_person and anonymous", orgs)
    for key, rows in listed.items():
        for row in random.Random(0).sample(rows, min(args.misses, len(rows))):
            print(key, *row, sep=" | ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
