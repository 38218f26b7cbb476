"""Every inflected form of a lemma row, for the word lists of threats and sourcing alike: an
analyst writes "retaliate" or "say" once, and the package matches "retaliated", "says" and
"saying" (lemminflect's tables, shipped with the package, so nothing is downloaded)."""

from __future__ import annotations

from functools import lru_cache

from .parallel import register_warm_up


def inflections(term: str, pos: str = "verb", *, guess_unknown: bool = True) -> dict[str, str]:
    """Every form of a lemma entry, each with its Penn tag: the first word of a verb phrase is
    inflected ("take revenge" -> "took revenge"), the last word of a noun phrase. A word not in
    lemminflect's tables gets its regular forms when ``guess_unknown``, else only itself.

    >>> sorted(inflections("strike", "verb").items())
    [('stricken', 'VBN'), ('strike', 'VB'), ('strikes', 'VBZ'), ('striking', 'VBG'), ('struck',
    'VBD')]
    >>> inflections("death threat", "noun")["death threats"]
    'NNS'
    >>> sorted(inflections("label"))
    ['label', 'labeled', 'labeling', 'labelled', 'labelling', 'labels']
    """
    from lemminflect import getAllInflections, getAllInflectionsOOV

    words = term.split()
    k = 0 if pos == "verb" else len(words) - 1
    upos = "VERB" if pos == "verb" else "NOUN"
    forms = getAllInflections(words[k], upos=upos)
    if not forms and guess_unknown:
        forms = getAllInflectionsOOV(words[k], upos=upos)
    base = "VB" if pos == "verb" else "NN"
    out = {term: base}
    for tag, spelled in forms.items():
        for s in spelled:
            phrase = " ".join(words[:k] + [s.lower()] + words[k + 1 :])
            # a base form keeps its base tag: "strike" is VB, not VBP
            out.setdefault(phrase, tag)
    return out


@lru_cache(maxsize=4096)
def is_irregular_past(word: str) -> bool:
    """Is ``word`` a past form that is not also the verb's base ("struck", "fought"; not "hit")?

    >>> is_irregular_past("struck"), is_irregular_past("went"), is_irregular_past("hit")
    (True, True, False)
    """
    from lemminflect import getAllInflections, getAllLemmas

    for lemma in getAllLemmas(word, upos="VERB").get("VERB", ()):
        forms = getAllInflections(lemma, upos="VERB")
        if word != lemma and any(word in forms.get(tag, ()) for tag in ("VBD", "VBN")):
            return True
    return False


@lru_cache(maxsize=4096)
def is_unmarked_past(word: str) -> bool:
    """Is ``word`` a verb whose past is spelled as its base ("cut", "hit", "put", "set"; not
    "struck", "said")? After a subject pronoun it is the clause's finite verb ("he cut into Bush").

    >>> is_unmarked_past("cut"), is_unmarked_past("hit"), is_unmarked_past("struck")
    (True, True, False)
    """
    from lemminflect import getAllInflections

    return word in getAllInflections(word, upos="VERB").get("VBD", ())


@lru_cache(maxsize=8192)
def is_base_verb(word: str) -> bool:
    """Is ``word`` the base form of a verb lemminflect knows ("agree", "ban", "have"; not
    "nomination", "young", "the")? What can follow "to" in an infinitive.

    >>> is_base_verb("agree"), is_base_verb("ban"), is_base_verb("nomination"), is_base_verb("the")
    (True, True, False, False)
    """
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return any(word in lemmas.get(pos, ()) for pos in ("VERB", "AUX"))


@lru_cache(maxsize=8192)
def can_be_verb(word: str) -> bool:
    """Can ``word`` be a form of a verb lemminflect knows ("linked", "says", "address"; not "his",
    "weekly")?

    >>> can_be_verb("linked"), can_be_verb("says"), can_be_verb("his")
    (True, True, False)
    """
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return "VERB" in lemmas or "AUX" in lemmas


def _load_tables() -> None:
    from lemminflect import getAllInflections, getAllLemmas

    getAllLemmas("struck", upos="VERB")
    getAllInflections("strike", upos="VERB")


# lemminflect reads its tables at the first lookup: once here, not in every worker
register_warm_up(_load_tables)
