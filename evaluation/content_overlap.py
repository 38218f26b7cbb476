"""devscore, content matches only: the held-out rule "statement found (content overlaps ≥ half)".

``../shared/tools/devscore.py`` also matches a gold attribution through its speaker alone (a
predicted speaker span that overlaps the gold source) when no predicted content overlaps it; the
held-out sourced-statements evaluation does not. This runs devscore unchanged, except that every
predicted speaker span is hidden from its matching, so a gold item counts as found only when a
predicted content overlaps at least half of the shorter of the two contents. Speaker figures in
its output are therefore empty; detection and recall by cue are what it is for.

    .venv/bin/python evaluation/content_overlap.py --only polnear,wikinews_dev
    .venv/bin/python evaluation/content_overlap.py --only polnear --split train

Arguments are devscore's. devscore is read from ``../shared/tools`` (``paths.shared_dir()``;
never copied).
"""

from __future__ import annotations

import importlib.util
import sys

from devscore_table import SCORER as DEVSCORE  # evaluation/devscore_table.py, beside this script


def _devscore():
    if not DEVSCORE.exists():
        raise SystemExit(
            f"{DEVSCORE} is absent: the team's shared/ folder is not beside this checkout"
        )
    spec = importlib.util.spec_from_file_location("devscore", DEVSCORE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["devscore"] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ds = _devscore()
    rows = ds.attribution_rows

    def content_only(frame):
        out = rows(frame)
        for predictions in out.values():
            for p in predictions:
                p["speaker_span"] = None  # no match through the speaker alone
        return out

    ds.attribution_rows = content_only
    return ds.main(argv)


if __name__ == "__main__":
    sys.exit(main())
