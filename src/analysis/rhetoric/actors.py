"""Who can threaten: is the noun phrase before a threat verb an actor (a person, a group, an
institution, a country), or an animal, a storm, a thing?

The threat side of the shared mention layer (``analysis.mentions``): the head word's class comes
from the same vocabulary that types speakers (``data/threat_actors.csv`` first, then the speaker
head classes and source kinds); a capitalised word (a name) is an actor.
"""

from __future__ import annotations

from ..mentions import can_act


def is_actor(tokens: list[str], caps, i: int) -> bool | None:
    """True when token ``i`` heads a noun phrase that can act, False for an animal, a storm or a
    thing, None when the word says neither (a common noun the data does not know).

    ``caps[i]`` tells whether the token is capitalised as written (a name, "Iran", "Hamas").

    >>> toks = "the parliament threatened the storm threatens".split()
    >>> caps = [False] * len(toks)
    >>> is_actor(toks, caps, 1), is_actor(toks, caps, 4), is_actor(toks, caps, 2)
    (True, False, None)
    """
    return can_act(tokens[i], bool(caps[i]))
