"""Documents as subjects: the noun phrase of a document noun ("poll", "survey", "records",
"footage") that a finding verb ("show", "find", "indicate") reports with, across the
post-modifiers the subject finder does not cross: "A CNN/ORC poll of South Carolina released on
Tuesday showed ...", "Polls in New Hampshire show ...", "polls showing her well behind",
"polls that show him leading".

The word classes come from the lexicons (``document_noun`` in ``source_lexicon.csv``) and from
pattern's tagger lexicon (which words can only be a finite verb); the walk is structural.
"""

from __future__ import annotations

from ..english import is_ly_adverb, reporting_verb_forms, tagger_lexicon
from .data import _CLAUSE_AUXILIARIES, _PREPOSITIONS, _lexicon
from .tokens import _Tok

# how far back from the verb a document noun may stand (its post-modifiers in between)
_REACH = 20
# a finite verb (or a modal) and nothing else in the tagger lexicon: "came", "says", "will"
_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))
# the tags of words that modify a noun before it, and of function words ("Despite", "Also")
_MODIFIER_TAGS = frozenset(("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "VBN", "VBG"))
_FUNCTION_TAGS = frozenset(("IN", "RB", "DT", "PRP", "CC"))
_VERB_TAGS = frozenset(("VBD", "VBG"))
_PRONOUN_TAGS = frozenset(("PRP",))
_ANY_VERB_TAGS = frozenset(("VB", "VBD", "VBN", "VBP", "VBZ", "VBG"))
# auxiliaries of the finding verb's own group ("are showing", "have found")
_VERB_GROUP = frozenset(("is", "are", "was", "were", "has", "have", "had"))
_ADJECTIVE_TAGS = frozenset(("JJ", "JJR", "JJS", "CD"))
# tokens no noun phrase runs across
_BREAKS = frozenset(';:()[]—–“”"‘’')
# the words that open a noun phrase before its modifiers ("A University of New Hampshire poll")
_OPENERS = frozenset(
    "a an the this that these those its their his her our my your another each every no any".split()
)


def _only_finite(tok: _Tok) -> bool:
    """Can the word only be a finite verb or an auxiliary ("came", "says", "is", "would")?"""
    if tok.cap or not tok.is_word:
        return False
    if tok.low in _CLAUSE_AUXILIARIES:
        return True
    tags = tagger_lexicon().get(tok.low)
    return bool(tags) and tags <= _FINITE_TAGS


def document_head_before(toks: list[_Tok], i: int) -> int | None:
    """Index of the document noun whose noun phrase (head and post-modifiers, a relative
    "that"/"which" at its end) runs right up to the verb at ``i``; None when a finite verb, a
    clause break or a quotation mark stands between, or no document noun is near."""
    documents = _lexicon().kinds.get("document_noun", ())
    k = i - 1
    while k > 0 and (toks[k].low in _VERB_GROUP or (not toks[k].cap and is_ly_adverb(toks[k].low))):
        k -= 1  # "results ... are showing", "polls have consistently found": the verb group
    if k > 0 and toks[k].low in ("that", "which"):
        return document_antecedent(toks, k)  # "polls that show him leading"
    participle = toks[i].low.endswith("ing")
    while k >= max(0, i - _REACH):
        tok = toks[k]
        if _ends_noun_phrase(toks, k):
            return None
        if tok.is_word and tok.low in documents:
            if not _common_noun_use(toks, k):
                return None  # "Survey I", "the Institute for the Study of Labor": a name
            commas = sum(t.text == "," for t in toks[k + 1 : i])
            # "The poll, released on ..., showed": a parenthetical's commas come in pairs; one
            # comma before the verb ends a list ("had excellent results in his exam, shows ...")
            if commas % 2:
                return None
            head, start = _outer_noun_phrase(toks, k, documents)
            # a finite verb's document is its subject, opening the clause ("He discussed the polls
            # on the TV show", "Researchers who examined the records found": no subject)
            return head if participle or _opens_clause(toks, start) else None
        k -= 1
    return None


def document_antecedent(toks: list[_Tok], k: int) -> int | None:
    """The document noun right before the relative "that"/"which" at ``k`` ("polls that show":
    the relative clause's antecedent is the finding's subject), or None."""
    if k < 1:
        return None
    return k - 1 if toks[k - 1].low in _lexicon().kinds.get("document_noun", ()) else None


def _outer_noun_phrase(toks: list[_Tok], k: int, documents) -> tuple[int, int]:
    """(head, start of the phrase that must open the clause) for the document noun at ``k``: in a
    prepositional phrase of another noun, that noun's phrase ("Early results of an entrance poll
    ... are showing": the results, themselves a document; "a comparison with his previous filings
    show", "A Real Clear Politics average of polls shows": the document, in the outer phrase)."""
    start = noun_phrase_start(toks, k)
    if start < 2 or toks[start - 1].low not in _PREPOSITIONS or not toks[start - 2].is_word:
        return k, start
    outer = start - 2
    outer_start = noun_phrase_start(toks, outer)
    if toks[outer].low in documents and _common_noun_use(toks, outer):
        return outer, outer_start
    return k, outer_start


def _opens_clause(toks: list[_Tok], start: int) -> bool:
    """Can the noun phrase at ``start`` be its clause's subject: not the object of a verb ("He
    discussed the polls on the TV show", "Researchers who examined the records found") or of a
    preposition; after a reporting verb it opens its complement ("revealed its polling shows")."""
    if start == 0:
        return True
    before = toks[start - 1]
    if not before.is_word or before.cap:
        return True
    if before.low in _PREPOSITIONS:
        return False
    tags = tagger_lexicon().get(before.low, frozenset())
    return not (tags & _ANY_VERB_TAGS) or before.low in reporting_verb_forms()


def _ends_noun_phrase(toks: list[_Tok], k: int) -> bool:
    """Does the token at ``k`` stand outside any noun phrase's post-modifiers: a clause break, a
    finite verb, a personal pronoun (a subject of its own) or an infinitive?"""
    tok = toks[k]
    if tok.text in _BREAKS or tok.text in ("-", "--") or _only_finite(tok):
        return True
    return tagger_lexicon().get(tok.low) == _PRONOUN_TAGS or _infinitive(toks, k)


def _infinitive(toks: list[_Tok], k: int) -> bool:
    """ "data to help brands find": "to" and a verb open a clause of their own."""
    if toks[k].low != "to" or k + 1 >= len(toks):
        return False
    return "VB" in tagger_lexicon().get(toks[k + 1].low, ())


def _common_noun_use(toks: list[_Tok], k: int) -> bool:
    """Is the document noun at ``k`` a common noun, not a word of a name ("the Institute for the
    Study of Labor")? Lower case, or capitalised at the sentence's start ("Polls show", "The
    poll, released ...")."""
    return not toks[k].cap or k == 0 or (k == 1 and toks[0].low in _OPENERS)


def follows_post_modifier(toks: list[_Tok], start: int) -> bool:
    """Does the noun phrase at ``start`` stand inside a post-modifier, after a preposition or a
    participle ("Polls in New Hampshire", "a poll released Tuesday")?"""
    if start == 0:
        return False
    before = toks[start - 1]
    return before.low in _PREPOSITIONS or (before.low.endswith("ed") and not before.cap)


def noun_phrase_start(toks: list[_Tok], head: int) -> int:
    """Where the noun phrase of ``head`` starts: back over its modifiers ("A University of New
    Hampshire poll", "Trump's tax returns") to a determiner, a possessive or a clause break."""
    k = head
    while k > 0 and head - k < 8:
        prev = toks[k - 1]
        if prev.low in _OPENERS or prev.low.endswith(("'s", "’s")):
            return k - 1
        inner_of = prev.low == "of" and k - 2 >= 0 and toks[k - 2].cap and toks[k].cap
        if not (inner_of or _premodifier(prev, toks[k - 2] if k >= 2 else None)):
            return k
        k -= 1
    return k


def _premodifier(tok: _Tok, before: _Tok | None) -> bool:
    """Can the word modify a noun before it: a name, a noun, an adjective, a number, a participle
    ("exit polls", "the leaked emails", "2016 polls", "CNN/ORC"), not a preposition, an adverb, a
    verb? A word that can be a past or -ing verb is a modifier only after an opener or an
    adjective: "Sanders highlighted polls that show" is a clause."""
    if not tok.is_word:
        return False
    tags = tagger_lexicon().get(tok.low)
    if tags is None:
        return True  # a word the tagger does not know: a name, a number, "CNN/ORC"
    if tags & _VERB_TAGS:
        prior = tagger_lexicon().get(before.low, frozenset()) if before is not None else frozenset()
        return before is not None and (before.low in _OPENERS or bool(prior & _ADJECTIVE_TAGS))
    return bool(tags & _MODIFIER_TAGS) and not (tok.cap and tags & _FUNCTION_TAGS)
