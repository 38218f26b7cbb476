"""English word classes that sourcing and threat language both read, from data the packages ship:
pattern's English tagger lexicon (in TextBlob) and the package's reporting verbs. Neither package
imports the other for them, so each stays importable alone.

>>> is_common_word("hope"), is_ly_adverb("forcibly"), is_plural_noun("people")
(True, True, True)
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from .paths import package_data_dir

_ADVERB_TAGS = frozenset(("RB", "RBR", "RBS"))
_NOUN_TAGS = frozenset(("NN", "NNS"))
_ADJECTIVE_TAGS = frozenset(("JJ", "JJR", "JJS"))


@lru_cache(maxsize=1)
def tagger_lexicon() -> dict[str, frozenset[str]]:
    """Lower-case word -> its tags in pattern's English tagger lexicon (shipped with TextBlob)."""
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    tags: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, tag = line.partition(" ")
            if word.islower():
                tags.setdefault(word, set()).add(tag.strip())
    return {w: frozenset(t) for w, t in tags.items()}


def _tagged_only(low: str, allowed: frozenset[str]) -> bool:
    """Is the lower-cased word in the tagger lexicon with no tag outside ``allowed``?"""
    tags = tagger_lexicon().get(low)
    return bool(tags) and tags <= allowed


def is_common_word(low: str) -> bool:
    """Is the lower-cased word an ordinary English word of the tagger lexicon ("will", "hope",
    "grant": first names that are also words; "brenda" and "rachel" are not)?

    >>> is_common_word("hope"), is_common_word("brenda")
    (True, False)
    """
    return low in tagger_lexicon()


def is_ly_adverb(low: str) -> bool:
    """Is the lower-cased word an -ly adverb and nothing else in the tagger lexicon ("forcibly",
    "immediately", also "hardly"; not "family", "early", "rally")?

    >>> is_ly_adverb("forcibly"), is_ly_adverb("early"), is_ly_adverb("rally")
    (True, False, False)
    """
    return low.endswith("ly") and _tagged_only(low, _ADVERB_TAGS)


def is_adjective_only(low: str) -> bool:
    """Is the lower-cased word only an adjective in the tagger lexicon ("western", "internal";
    "government" is a noun)?

    >>> is_adjective_only("western"), is_adjective_only("government"), is_adjective_only("his")
    (True, False, False)
    """
    return _tagged_only(low, _ADJECTIVE_TAGS)


def is_plural_noun(low: str) -> bool:
    """Is the lower-cased word only a plural noun in the tagger lexicon ("people", "disclosures")?

    >>> is_plural_noun("people"), is_plural_noun("founder"), is_plural_noun("news")
    (True, False, False)
    """
    return tagger_lexicon().get(low) == frozenset(("NNS",))


def is_regular_plural_noun(low: str) -> bool:
    """Is the lower-cased word a plural noun (``is_plural_noun``) or, missing from the tagger
    lexicon, the regular plural of a word it has only as a singular noun ("emails", "tweets",
    "blogs": the lexicon predates them; it knows "email" and "tweet" as nouns)? For a cue's form,
    never a name: "Sanders" would pass ("sander" is a noun).

    >>> is_regular_plural_noun("emails"), is_regular_plural_noun("reports")
    (True, True)
    >>> is_regular_plural_noun("founders"), is_regular_plural_noun("class")
    (True, False)
    """
    lexicon = tagger_lexicon()
    if low in lexicon:
        return is_plural_noun(low)
    return low.endswith("s") and not low.endswith("ss") and lexicon.get(low[:-1]) == _SINGULAR


_SINGULAR = frozenset(("NN",))


def is_content_word_only(low: str) -> bool:
    """Is the lower-cased word only a common noun, adjective or participle in the tagger lexicon,
    and no first name ("team", "real", "politics", "united"; not "wells", which is also a first
    name, nor "chris", which the lexicon lists as a proper noun, nor "pac", which it lacks)?

    >>> is_content_word_only("team"), is_content_word_only("wells"), is_content_word_only("chris")
    (True, False, False)
    """
    return _tagged_only(low, _CONTENT_TAGS) and low not in first_names()


_CONTENT_TAGS = frozenset(("NN", "NNS", "JJ", "VBN", "VBD", "VBG"))


def is_verb_form_only(low: str) -> bool:
    """Is the lower-cased word only a base form or a participle of a verb in the tagger lexicon,
    and no first name ("see", "given", "dump"; not "jack", "sue", "said", "drew")? Capitalised at
    the head of a run, it is a sentence's first word, not a given name ("See Sexton's full
    timeline", "Given Sanders' ...").

    >>> is_verb_form_only("see"), is_verb_form_only("given"), is_verb_form_only("jack")
    (True, True, False)
    """
    return _tagged_only(low, _VERB_FORM_TAGS) and low not in first_names()


_VERB_FORM_TAGS = frozenset(("VB", "VBN", "VBG"))


def without_possessive(word: str) -> str:
    """``word`` without a final "'s" or "’s" ("Clinton's" -> "Clinton"), for the threat rules
    (sourcing has its own, tuned for its tokens: ``sourcing.tokens.strip_possessive``).

    >>> without_possessive("Clinton’s"), without_possessive("Sanders")
    ('Clinton', 'Sanders')
    """
    return word[:-2] if word.endswith(("'s", "’s")) else word


def is_noun_only(low: str) -> bool:
    """Is the lower-cased word only a noun (singular or plural) in the tagger lexicon ("wall",
    "strategy", "principles"; not "them", "will", "destroy")? The lexicon lists one tag per word,
    its most frequent ("attack" is only a noun there): the actor test decides before this one.

    >>> is_noun_only("wall"), is_noun_only("strategy"), is_noun_only("them"), is_noun_only("will")
    (True, True, False, False)
    """
    return _tagged_only(low, _NOUN_TAGS)


_FINITE_TAGS = frozenset(("VB", "VBP", "VBZ", "VBD", "MD"))


def is_finite_verb(low: str) -> bool:
    """Is the lower-cased word's tag in the tagger lexicon a finite verb's or a modal's
    ("include", "remains", "was", "would"; not "head", "compared", "taking")?

    >>> is_finite_verb("include"), is_finite_verb("was"), is_finite_verb("head")
    (True, True, False)
    >>> is_finite_verb("compared"), is_finite_verb("taking")
    (False, False)
    """
    return _tagged_only(low, _FINITE_TAGS)


def is_adverb(low: str) -> bool:
    """Is the lower-cased word's tag in the tagger lexicon an adverb's ("still", "also")?

    >>> is_adverb("still"), is_adverb("include")
    (True, False)
    """
    return tagger_lexicon().get(low) == frozenset(("RB",))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The lower-cased first names of ``data/first_names.csv`` (nomquamgender's table, built by
    ``tools/build_first_names.py``): "Hillary Clinton" is a person's name, "Cuba" no first name.

    >>> "hillary" in first_names(), "cuba" in first_names()
    (True, False)
    """
    with open(package_data_dir() / "first_names.csv", encoding="utf-8", newline="") as fh:
        return frozenset(r["name"].lower() for r in csv.DictReader(fh))


@lru_cache(maxsize=1)
def reporting_verb_forms() -> frozenset[str]:
    """The cue forms of ``data/reporting_verbs.csv`` ("said", "vowed", "promised"; not the belief
    rows kept for their flags), read here so that threat rules need not import sourcing.

    >>> "vowed" in reporting_verb_forms(), "prepared" in reporting_verb_forms()
    (True, False)
    """
    with open(package_data_dir() / "reporting_verbs.csv", encoding="utf-8", newline="") as fh:
        return frozenset(r["form"].lower() for r in csv.DictReader(fh) if r["cue"] == "yes")
