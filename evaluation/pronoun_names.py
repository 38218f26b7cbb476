"""How often a "he" or "she" speaker gets a person of the other gender, on the PolNeAR texts.

PolNeAR has no speaker names, so the check is the article's own: a person it calls "Mr. X" is a man,
"Mrs./Ms./Miss X" a woman (a surname given both titles is left out). Of the he/she speakers resolved
to such a person, the count whose gender disagrees with the pronoun is printed. The titles are read
here, not from the package, so the same command measures an older commit too
(``PYTHONPATH=<worktree>/src``).

    .venv/bin/python evaluation/pronoun_names.py --split train
"""

from __future__ import annotations

import argparse
import re
import sys

from threat_acts import polnear_frame  # evaluation/threat_acts.py, beside this script

import analysis as an

_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w’'-]+)")
_ASKS = {"he": "male", "she": "female"}


def titled_genders(text: str) -> dict[str, str]:
    """Surname -> gender for the surnames the text gives one gendered title only."""
    seen: dict[str, set[str]] = {}
    for m in _TITLE.finditer(text):
        seen.setdefault(m.group(2), set()).add("male" if m.group(1) == "Mr" else "female")
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    args = parser.parse_args(argv)
    frame = polnear_frame(args.split)
    texts = dict(zip(frame["article_id"], frame["text"]))
    at = an.find_attributions(frame)
    pronouns = at[at["speaker"].str.lower().isin(_ASKS) & at["speaker_name"].notna()]
    checked = wrong = 0
    for r in pronouns.itertuples():
        gender = titled_genders(texts[r.article_id]).get(r.speaker_name.split()[-1])
        if gender:
            checked += 1
            wrong += gender != _ASKS[r.speaker.lower()]
    print(
        f"{args.split}: {len(pronouns)} he/she speakers with a name; {checked} of them a person "
        f"the article gives a gendered title; {wrong} of those of the other gender"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
