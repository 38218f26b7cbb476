"""Build ``src/analysis/data/first_names.csv``: first names whose gender is near-certain, for the
pronoun agreement of ``analysis.sourcing.coreference`` ("she" is not Donald Trump).

The source is the name-gender table of nomquamgender 0.1.4 (MIT licence, Ian Van Buskirk 2022;
https://github.com/ianvanbuskirk/nomquamgender): per name, the number of sources that list it,
the number of people counted and the share of women, p(gf). A name is kept when at least
``--sources`` sources and ``--count`` people back it and p(gf) is at most ``--margin`` (male) or at
least 1 - ``--margin`` (female), 0.1 by default as in the package itself: "Jan", "Robin", "Kim",
"Bernie" are left out, so an uncertain name never turns a pronoun away. Only plain ASCII names
(with one inner hyphen) are kept.

The package is not a runtime dependency (22 MB of JSON for a few thousand rows used); it is
installed for this script only:

    .venv/bin/pip install nomquamgender==0.1.4
    .venv/bin/python tools/build_first_names.py
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "analysis" / "data" / "first_names.csv"
SOURCE = "nomquamgender-0.1.4"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=10)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--margin", type=float, default=0.1)
    args = parser.parse_args(argv)
    # read the table without importing the package (its import needs numpy and unidecode)
    spec = find_spec("nomquamgender")
    if spec is None or version("nomquamgender") != "0.1.4":
        parser.error("needs nomquamgender 0.1.4: .venv/bin/pip install nomquamgender==0.1.4")
    package = Path(spec.submodule_search_locations[0])
    table = json.loads((package / "name_data.json").read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, p_female, *_rest) in sorted(table.items()):
        if sources < args.sources or count < args.count:
            continue
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", name):
            continue
        if p_female <= args.margin:
            rows.append((name, "male", p_female, count))
        elif p_female >= 1 - args.margin:
            rows.append((name, "female", p_female, count))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["name", "gender", "p_female", "count", "source"])
        out.writerows((*row, SOURCE) for row in rows)
    print(f"{len(rows)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
