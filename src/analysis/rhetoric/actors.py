"""Who can threaten: is the noun phrase before a threat verb an actor (a person, a group, an
institution, a country), or an animal, a storm, a thing?

The head nouns come from ``data/threat_actors.csv`` (``word``, ``class``, ``source``, ``note``;
plurals generated); a capitalised word (a name) is an actor. This is the threat side of the shared
mention layer (issue #15): one function, ``is_actor``, so that it can move there unchanged.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from ..paths import package_data_dir

ACTOR_CLASSES = ("pronoun", "group", "institution", "person")
NON_ACTOR = "non_actor"  # animals, weather, things: never an actor
FUNCTION = "function"  # a conjunction or subordinator heads no noun phrase: says nothing either way


@lru_cache(maxsize=1)
def actor_heads() -> dict[str, str]:
    """word (singular and plural) -> class, from ``data/threat_actors.csv``."""
    from lemminflect import getAllInflections

    out: dict[str, str] = {}
    with open(package_data_dir() / "threat_actors.csv", encoding="utf-8", newline="") as fh:
        for n, r in enumerate(csv.DictReader(fh), start=2):
            cls = r["class"]
            if cls not in ACTOR_CLASSES + (NON_ACTOR, FUNCTION):
                raise ValueError(f"threat_actors.csv line {n}: class {cls!r} unknown")
            word = r["word"].lower()
            out.setdefault(word, cls)
            if cls in ACTOR_CLASSES[1:] or cls == NON_ACTOR:
                for plural in getAllInflections(word, upos="NOUN").get("NNS", ()):
                    out.setdefault(plural, cls)
    return out


def is_actor(tokens: list[str], caps, i: int) -> bool | None:
    """True when token ``i`` heads a noun phrase that can act, False for an animal, a storm or a
    thing, None when the word says neither (a common noun the data does not know).

    ``caps[i]`` tells whether the token is capitalised as written (a name, "Iran", "Hamas").

    >>> toks = "the parliament threatened the storm threatens".split()
    >>> caps = [False] * len(toks)
    >>> is_actor(toks, caps, 1), is_actor(toks, caps, 4), is_actor(toks, caps, 2)
    (True, False, None)
    """
    cls = actor_heads().get(tokens[i])
    if cls == FUNCTION:
        return None  # "When threatened, ...": no noun phrase, so no actor (and no name either)
    if cls is not None:
        return cls != NON_ACTOR
    if caps[i]:
        return True
    return None
