"""Mentions: the noun-phrase head classes shared by sourcing and threat language.

What the head word of a noun phrase names decides two measurements: the source type of a speaker
("the ministry said": an organisation; "a spokesman said": an unnamed person) and whether the
words before a threat verb can act at all ("the parliament threatened" is a threat, "the storm
threatens" is not). Both read one vocabulary, built here from the package's data files, each word
with the file and column it came from:

- ``data/threat_actors.csv``: who can threaten (persons, groups, institutions, pronouns), what
  cannot act (animals, weather, things: ``non_actor``) and words that head no noun phrase
  (``function``); read first, so its decisions stand;
- ``data/noun_heads.csv``: the speaker head classes (roles, outlets, an organisation's voice, ...);
- ``data/source_lexicon.csv``: the source kinds (anonymous people, roles, titles, organisation
  words, media nouns, document nouns, places, nationalities, pronouns).

Head classes: ``person`` (a person by role or occupation), ``title``, ``organization``,
``media``, ``document``, ``group``, ``place``, ``pronoun``; ``non_actor`` and ``function``; and,
for a capitalised word the data do not know, ``name`` (``mention_class``).

>>> head_class("ministry"), head_class("spokesmen"), head_class("storm"), head_class("table")
('organization', 'person', 'non_actor', None)
>>> head_source("ministry"), head_source("newspaper")
('threat_actors.csv class institution', 'noun_heads.csv class media_name_head')
"""

from __future__ import annotations

import csv
from functools import lru_cache

import pandas as pd

from .english import is_plural_noun
from .inflection import can_be_verb, inflections
from .parallel import register_warm_up
from .paths import package_data_dir

HEAD_CLASSES = (
    "person",
    "title",
    "organization",
    "media",
    "document",
    "group",
    "place",
    "pronoun",
    "non_actor",
    "function",
)
# the classes whose head can act: threaten, attack, retaliate (a document says neither: "the
# statement threatened" speaks for its issuer, "the plan threatens jobs" is no threat)
ACTOR_CLASSES = frozenset(("person", "title", "organization", "media", "group", "place", "pronoun"))

_THREAT_ACTOR_CLASSES = {
    "person": "person",
    "group": "group",
    "institution": "organization",
    "pronoun": "pronoun",
    "non_actor": "non_actor",
    "function": "function",
}
_NOUN_HEAD_CLASSES = {
    "person_role_head": "person",
    "organization_voice": "document",
    "collective_organization_head": "organization",
    "place_authority_head": "organization",
    "media_name_head": "media",
    "outlet_noun": "media",
    "organization_name_word": "organization",
}
# head words that make a name only when written as one ("the Security Council", "Human Rights
# Watch"); the words that name a body as common nouns too ("the union") are collective heads
_NAME_WORD_SOURCE = "noun_heads.csv class organization_name_word"
_SOURCE_KINDS = {
    "anonymous": "person",
    "role": "person",
    "title": "title",
    "person_title": "title",
    "org_keyword": "organization",
    "org_name": "organization",
    "media_noun": "media",
    "media_outlet": "media",
    "document_noun": "document",
    "place": "place",
    "demonym": "place",
    "pronoun": "pronoun",
}
# classes whose words are nouns with plurals ("spokesman" -> "spokesmen"); names and pronouns not
_COUNT_NOUN_CLASSES = frozenset(
    ("person", "organization", "media", "document", "group", "non_actor")
)


def _rows(name: str) -> list[dict[str, str]]:
    with open(package_data_dir() / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _add(found: dict[str, tuple[str, str]], word: str, cls: str, source: str) -> None:
    """Record ``word`` (and its plurals, for count nouns) unless an earlier file decided it."""
    word = word.strip().lower()
    if not word or " " in word:
        return  # multi-word terms are names and phrases, not head words
    found.setdefault(word, (cls, source))
    if cls in _COUNT_NOUN_CLASSES:
        for form, tag in inflections(word, "noun", guess_unknown=False).items():
            if tag == "NNS":
                found.setdefault(form, (cls, source))


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, tuple[str, str]]:
    """word -> (head class, where it came from)."""
    found: dict[str, tuple[str, str]] = {}
    for n, r in enumerate(_rows("threat_actors.csv"), start=2):
        cls = _THREAT_ACTOR_CLASSES.get(r["class"])
        if cls is None:
            raise ValueError(f"threat_actors.csv line {n}: class {r['class']!r} unknown")
        _add(found, r["word"], cls, f"threat_actors.csv class {r['class']}")
    for r in _rows("noun_heads.csv"):
        cls = _NOUN_HEAD_CLASSES.get(r["class"])
        if cls is not None:
            _add(found, r["word"], cls, f"noun_heads.csv class {r['class']}")
    for r in _rows("source_lexicon.csv"):
        cls = _SOURCE_KINDS.get(r["kind"])
        if cls is not None:
            _add(found, r["term"], cls, f"source_lexicon.csv kind {r['kind']}")
    return found


register_warm_up(_vocabulary)  # built once here, not in every worker


def head_class(word: str) -> str | None:
    """The head class of a (lower-cased or not) head word, or None when the data do not know it.

    >>> head_class("Officials"), head_class("newspaper"), head_class("he")
    ('person', 'media', 'pronoun')
    """
    hit = _vocabulary().get(word.lower())
    return hit[0] if hit else None


def head_source(word: str) -> str | None:
    """Which data file and class or kind gave ``word`` its head class (to explain a decision)."""
    hit = _vocabulary().get(word.lower())
    return hit[1] if hit else None


def mention_class(word: str, capitalised: bool) -> str | None:
    """The class of a noun phrase's head as written: its head class, else ``name`` for a
    capitalised word the data do not know ("Khamenei", "Hamas"), else None.

    >>> mention_class("Khamenei", True), mention_class("ministry", False), mention_class("x", False)
    ('name', 'organization', None)
    """
    cls = head_class(word)
    if cls is None and capitalised:
        return "name"
    return cls


_AGENT_PLURAL_ENDINGS = ("ers", "ists", "ians", "ents", "ants")


def is_people_noun(low: str) -> bool:
    """A plural noun of people in the tagger lexicon by its agent ending ("developers" of
    "develop", "voters", "scientists", "residents", "dissidents"); "Salami", which the lexicon
    also lists as a plural, is a surname, and so are "Waters", "Summers" (no verb before "-ers").

    >>> is_people_noun("dissidents"), is_people_noun("voters"), is_people_noun("waters")
    (True, True, False)
    """
    if not (low.endswith(_AGENT_PLURAL_ENDINGS) and is_plural_noun(low)):
        return False
    if low.endswith("ers"):
        return can_be_verb(low[:-3]) or can_be_verb(low[:-2])  # develop-ers, vote-rs
    return True


def is_agent_noun(low: str) -> bool:
    """A noun of a person by its agent ending alone, singular or plural, in the tagger lexicon or
    not: "-er"/"-or" on a verb ("heckler", "user", "employer"), "-ist", "-ian", "-ee", "-man",
    "-woman", "-crat" ("physician", "attendee", "bureaucrats"). Broader than ``is_people_noun``:
    for a head no class knows, to tell a possible person from an event or a thing.

    >>> is_agent_noun("heckler"), is_agent_noun("attendee"), is_agent_noun("applause")
    (True, True, False)
    """
    word = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    if word.endswith(("ist", "ian", "ee", "man", "woman", "crat")) and len(word) > 5:
        return True
    for tail in ("er", "or"):
        stem = word[: -len(tail)]
        if word.endswith(tail) and len(stem) > 1 and (can_be_verb(stem) or can_be_verb(stem + "e")):
            return True  # "heckl-er", "us-er", "employ-er"
    return False


def can_act(word: str, capitalised: bool) -> bool | None:
    """True when a noun phrase headed by ``word`` can act (threaten, attack), False for an animal,
    a storm or a thing, None when the word says neither. A capitalised unknown word is a name.

    >>> can_act("parliament", False), can_act("birds", False), can_act("Hamas", True)
    (True, False, True)
    >>> can_act("when", False) is None, can_act("plan", False) is None
    (True, True)
    """
    cls = mention_class(word, capitalised)
    if cls is None and is_people_noun(word.lower()):
        return True  # "thousands of dissidents", "residents threatened to"
    if cls is None or cls in ("function", "document"):
        return None  # "When threatened, ...": no noun phrase, so no actor (and no name either)
    if not capitalised and head_source(word) == _NAME_WORD_SOURCE:
        return None  # "national security", "an international network": a name's word, no name
    return cls == "name" or cls in ACTOR_CLASSES


def find_mentions(articles: pd.DataFrame, *, processes: int | None = None) -> pd.DataFrame:
    """The article-level registry of mentions: one row per mention of a person, an organisation
    or an outlet, with ``article_id``, ``start``, ``end`` (offsets into ``text``), ``text``,
    ``kind`` (``person``, ``organization``, ``media``) and ``name`` (a person's full name as the
    article gives it, "Salami" -> "Hossein Salami"; else the words as written). The names are the
    ones ``find_attributions`` resolves speakers with; articles in another language are skipped
    and listed in ``attrs["skipped"]``.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "Iran expert Afshon Ostovar spoke to Reuters. Ostovar said the Pentagon was wrong."]})
    >>> find_mentions(arts)[["text", "kind", "name"]].values.tolist()
    [['Afshon Ostovar', 'person', 'Afshon Ostovar'], ['Reuters', 'media', 'Reuters'],
     ['Ostovar', 'person', 'Afshon Ostovar'], ['Pentagon', 'organization', 'Pentagon']]
    """
    from .loading import analysable
    from .parallel import concat, map_chunks
    from .sourcing.extract import mentions_frame

    kept, skipped = analysable(articles)
    parts = map_chunks(mentions_frame, kept[["article_id", "text"]], processes=processes)
    return concat(parts, skipped=skipped)
