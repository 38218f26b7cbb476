"""Spans: quotations of a paragraph and the content span a cue reports."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..english import is_finite_verb, reporting_verb_forms, tagger_lexicon
from ..inflection import can_be_verb, is_base_verb, is_irregular_past
from .data import (
    _ADDRESSEE_VERBS,
    _ADVERBIAL_OPENERS,
    _ADVERBS,
    _ASK_VERBS,
    _CLAUSE_AUXILIARIES,
    _CLAUSE_STOPS,
    _CLOSE_QUOTES,
    _COMPLEMENT_PREPOSITIONS,
    _COMPLEMENT_QUESTION_WORDS,
    _DETERMINERS,
    _DURATION_UNITS,
    _FINDING_VERBS,
    _MODALS,
    _NUMBERS,
    _OBJECT_VERBS,
    _OPEN_QUOTES,
    _PARTICIPLES,
    _PAST_FINITE,
    _POSTPOSED_OBJECTS,
    _PRESENT_FINITE,
    _PRONOUNS,
    _QUESTION_WORDS,
    _STATEMENT_NOUNS,
    _SUBJECT_PRONOUNS,
    _SUBORDINATORS,
    _TIME_PHRASE_NOUNS,
    _TIME_WORDS,
    _TO_VERBS,
)
from .tokens import _Tok, is_possessive, without_clitic

# each alternative a literal, so that the search jumps between quote marks (a class among the
# alternatives makes it try every character)
_QUOTE_MARK = re.compile(r"''|``|“|”|\"")
_DOUBLE_QUOTES = ("“", "”", '"')


def _quote_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans (quote marks included) of the quotations of one paragraph; an unclosed quote runs to
    its end.

    >>> t = "He said “we will,” and ''not now.'' Then it came."
    >>> [t[x:y] for x, y in _quote_spans(t, 0, len(t))]
    ['“we will,”', "''not now.''"]
    """
    marks = [(m.start(), m.group()) for m in _QUOTE_MARK.finditer(text, a, b)]
    spans = []
    k = 0
    while k < len(marks):
        pos, mark = marks[k]
        if (
            mark == "”"
            and pos > a
            and not text[pos - 1].isspace()
            and not _opens_after_cue(text, pos)
        ) or (mark == '"' and pos > a and text[pos - 1].isalnum()):
            k += 1  # a closing mark with no opening one, or an inch sign
            continue
        # double quotes pair by position, not by glyph: typed text mixes them ("“Apparently
        # not,“ he said", "\"You know, ...,” he said"), and a mark that opens after a space
        # closes at the next double quote, whichever it is
        closes = ("''",) if mark in ("''", "``") else _DOUBLE_QUOTES
        j = k + 1
        while j < len(marks) and marks[j][1] not in closes:
            j += 1
        end = marks[j][0] + len(marks[j][1]) if j < len(marks) else b
        if end - pos > 3:
            spans.append((pos, end))
        k = j + 1
    return spans


def _opens_after_cue(text: str, pos: int) -> bool:
    """Does a closing double mark open a quotation, typed after a reporting verb's comma or colon
    ("He says,” there are a lot of people ...”")? A space or a letter follows it; after any other
    word the mark closes a quotation whose opening was lost ("..., ” added Rep. Clyburn")."""
    if text[pos - 1] not in ",:" or pos + 1 >= len(text):
        return False
    if not (text[pos + 1] in " \u00a0" or text[pos + 1].isalpha()):
        return False
    word = _WORD_BEFORE.search(text, max(0, pos - 30), pos - 1)
    return word is not None and word.group(1).lower() in reporting_verb_forms()


_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")


def with_quote_marks_read(text: str, toks: list[_Tok], quotes: list[tuple[int, int]]) -> list[_Tok]:
    """The tokens with each double mark read as what it does in the paragraph's quotations, so
    that every construction looking for a quote's ends sees them (offsets unchanged): an opening
    mark attached to a quotation's last word closes it ("“Apparently not,“ he said"), and a
    closing mark that opens a quotation opens it ("He says,” there are ...”").

    >>> from analysis.sourcing.tokens import _tokens
    >>> def marks(t):
    ...     toks = with_quote_marks_read(t, _tokens(t, 0, len(t)), _quote_spans(t, 0, len(t)))
    ...     return [k.text for k in toks if not k.is_word]
    >>> marks("“Apparently not,“ he said.")
    ['“', ',', '”']
    >>> marks('"Scott defended the “Look at him!” line.')
    ['"', '“', '”']
    """
    if not quotes:
        return toks  # a mark is read anew only at a quotation's end: most sentences have none
    ends = {b - 1 for a, b in quotes}
    starts = {a for a, b in quotes}
    out = toks[:]
    for k, t in enumerate(toks):
        if t.text == "”":
            if t.start in starts:
                out[k] = _Tok("“", t.start, t.end)
        elif t.text == "“" and t.start in ends and t.start not in starts and _attached(text, t):
            out[k] = _Tok("”", t.start, t.end)
    return out


def _attached(text: str, t: _Tok) -> bool:
    """Is the mark attached to the word or mark before it, as a closing mark is? After a space it
    opens ('"Pastor Scott defended Trump’s “Look at ...!” line': the straight mark never closed)."""
    return t.start > 0 and not text[t.start - 1].isspace()


def _in_quote(pos: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    for q in quotes:
        if q[0] <= pos < q[1]:
            return q
    return None


_CONTENT_PREPOSITIONS = frozenset(("of", "about", "for", "against"))


def _that_is_subject(toks: list[_Tok], j: int) -> bool:
    """ "said that is a distortion": "that" is the clause's subject (a verb follows), not "that"
    introducing the clause; the content then starts at "that"."""
    return j + 1 < len(toks) and toks[j + 1].low in ("is", "was", "has", "had", "will")


def _colon(toks: list[_Tok], j: int) -> bool:
    """A colon that opens content, not one inside a time or score ("9:42", "3:1")."""
    if toks[j].text != ":":
        return False
    digits = 0 < j < len(toks) - 1 and toks[j - 1].text.isdigit() and toks[j + 1].text[:1].isdigit()
    return not digits


def _content_after(
    toks: list[_Tok], k: int, hi: int, sent_end: int, weak: bool, verb: str
) -> tuple[int, int, bool] | None:
    """Content span after a preposed cue; the flag says whether a clause or quote was found."""
    if (
        k + 2 < hi
        and toks[k].text == ","
        and toks[k + 1].low in _ADVERBS
        and toks[k + 2].text == ","
    ):
        k += 3  # "He said, however, that ...": an adverb set off by commas
    clause = _clause_after_adjunct(toks, k, hi, verb)
    if clause is not None:
        return toks[clause].start, sent_end, True  # "said on Twitter he won", "said Monday she"
    if _clause_right_after(toks, k, hi, verb):
        return toks[k].start, sent_end, True  # "said the program is a “critical part ...”"
    start = _complement_start(toks, k, hi, verb)
    if start is None and k < hi and toks[k].text == ",":
        start = _that_after_adjunct(toks, k, hi)  # "stated, amidst reports of ..., that ..."
    if start is not None:
        return start, sent_end, True
    if k >= hi:
        return None
    first = toks[k]
    if first.text in (":",) and k + 1 < hi:
        return toks[k + 1].start, sent_end, True
    if first.low == "to" and verb in _TO_VERBS:
        return first.start, sent_end, True
    if verb.startswith(("warn", "caution")):
        # "warned of", "warned Medvedev on Sunday of serious consequences": after the addressee
        of = next((j for j in range(k, min(hi, k + 8)) if toks[j].low in ("of", "against")), None)
        if of is not None and of + 1 < hi and not any(t.text in ",;" for t in toks[k:of]):
            # the addressee is part of what is said ("warning North Korea against future
            # provocations"), a bare "warned of" is not
            return (toks[k] if of > k else toks[of + 1]).start, sent_end, True
    if first.text == "," and _clause_after_comma(toks, k + 1, hi):
        return toks[k + 1].start, sent_end, True  # "She said, if elected, she would ..."
    if first.text in ",;" or first.text in _CLOSE_QUOTES:
        return None
    if first.low in _COMPLEMENT_QUESTION_WORDS and verb not in _FINDING_VERBS:
        # "described how, growing up, Rafael turned into ..."; "shows how deeply the party
        # misjudged" is a finding, read by the document constructions
        return first.start, sent_end, True
    if weak:
        return _weak_content(toks, k, hi, sent_end, verb)
    return first.start, sent_end, True


_ADJUNCT_PREPOSITIONS = frozenset(("on", "in", "during", "at", "after", "before", "via", "over"))
# the clause's subject after an adjunct: a pronoun, or a determiner opening a noun phrase
_CLAUSE_SUBJECT_OPENERS = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my"))


def _clause_after_adjunct(toks: list[_Tok], k: int, hi: int, verb: str) -> int | None:
    """Where a clause without "that" opens after an adjunct of the cue: a time word ("said Monday
    she would not run"), a prepositional phrase ("said on Twitter he won", "said in an interview
    the talks had failed", "during a rally in Ohio"), or, after a verb of telling, its addressee
    ("told reporters on Tuesday the plan would work"). The adjunct holds no verb, comma, quotation
    or "that"; None when no such clause follows within a few words."""
    if k >= hi or verb in _ASK_VERBS:
        return None
    first = toks[k]
    if not (
        first.low in _TIME_WORDS or first.low in _ADJUNCT_PREPOSITIONS or verb in _ADDRESSEE_VERBS
    ):
        return None
    for j in range(k + 1, min(hi, k + 7)):
        t, before = toks[j], toks[j - 1]
        if not t.is_word or t.low == "that" or _finite_auxiliary(t) or t.low in _QUESTION_WORDS:
            return None
        if t.low in _COMPLEMENT_PREPOSITIONS and t.low not in _ADJUNCT_PREPOSITIONS:
            return None  # "reminded voters of the six years his family had lived": the verb's own
        if before.low in _ADJUNCT_PREPOSITIONS or before.low in _DETERMINERS:
            continue  # the adjunct's noun phrase has not closed yet
        opens = t.low in _SUBJECT_PRONOUNS or t.low in _CLAUSE_SUBJECT_OPENERS
        if opens and _clause_right_after(toks, j, hi, verb):
            return j
    return None


def _clause_right_after(toks: list[_Tok], k: int, hi: int, verb: str) -> bool:
    """A clause without "that" opens right after the cue, before any "that" or quotation: the
    content starts there, not at a quotation inside it ("said the absentee program is a
    “critical part of our strategy”", "says he respects Clinton and calls her “...”")."""
    if k >= hi or not toks[k].is_word or toks[k].low == "that" or verb in _ASK_VERBS:
        return False
    if not _zero_that_clause(toks, k, hi):
        return False
    # the subject of that clause holds no "that" or quotation of its own ("told reporters that")
    for t in toks[k : min(hi, k + 7)]:
        if t.low == "that" or t.text in _OPEN_QUOTES or t.text == ":":
            return False
        if _finite_auxiliary(t) and not t.cap:
            return True
    return True


def _clause_after_comma(toks: list[_Tok], k: int, hi: int) -> bool:
    """An unquoted clause after "said,": a subordinate clause opening it ("if elected, she
    would"), or a subject and a finite verb ("said, he would")."""
    if k >= hi:
        return False
    if toks[k].low in _SUBORDINATORS:
        return any(t.text == "," for t in toks[k + 1 : hi])
    if toks[k].is_word and toks[k].low not in _ADVERBS and _zero_that_clause(toks, k, hi):
        return True
    # "says, win or lose in Tuesday’s crucial Florida primary, he’s staying": past an aside
    comma = next((c for c in range(k + 1, min(hi, k + 12)) if toks[c].text == ","), None)
    return (
        comma is not None
        and comma + 1 < hi
        and without_clitic(toks[comma + 1].low) in _SUBJECT_PRONOUNS
        and _zero_that_clause(toks, comma + 1, hi)
    )


def _that_after_adjunct(toks: list[_Tok], k: int, hi: int) -> int | None:
    """After an adjunct set off by commas right after the cue, where ", that" opens the clause."""
    for j in range(k + 1, min(hi - 2, k + 20)):
        if toks[j].text == "," and toks[j + 1].low == "that":
            return toks[j + 2].start
        if toks[j].text in ";:" or toks[j].text in _CLOSE_QUOTES:
            return None
    return None


def _complement_start(toks: list[_Tok], k: int, hi: int, verb: str) -> int | None:
    """Where a complement clause or quotation opens within a few tokens of the cue ("told the
    newspaper that", "noted to the Times that", "said on Monday that", "asked whether", "said:",
    a quotation), before any comma; None when there is none."""
    for j in range(k, min(hi, k + 12)):
        t = toks[j]
        if t.low == "that" and _that_is_subject(toks, j):
            return t.start  # "said that is a distortion"
        if t.low in _QUESTION_WORDS and verb in _ASK_VERBS and j + 1 < hi:
            return t.start  # the indirect question with its question word: "how he is feeling"
        if t.low == "that" and _relative_after_object(toks, k, j, verb):
            # "proposed a constitutional amendment that would impose term limits": "that" opens a
            # relative clause on the object, which is the content with it
            return toks[k].start
        if t.low == "that" and _relative_on_a_noun(toks, k, j):
            return None  # "spoke with several people who live in countries that were included"
        if (t.low == "that" or _colon(toks, j)) and j + 1 < hi:
            if toks[j + 1].text == "," and j + 2 < hi:
                return toks[j + 2].start  # "said that, “The EU is ...”": past the comma
            return toks[j + 1].start
        if t.text in ("“", '"', "``", "''"):
            # a quotation after other words is quoted inside the content, whose start is the
            # cue's own complement, not a "that" further on
            return t.start if _adjunct_before_quote(toks, k, j, verb) else None
        if j > k and t.low in _PARTICIPLES and t.low.endswith("ing"):
            return None  # "criticized Israel for the toll saying, “...”": the quotation is the
            # participle's
        if t.text in ",;" and j > k:
            nxt = toks[j + 1] if j + 1 < hi else None
            # "''" opens a quotation only after a space (",''" closes one)
            opening = nxt is not None and (
                nxt.text in ("“", '"', "``") or (nxt.text == "''" and nxt.start > t.end)
            )
            if opening:
                return toks[j + 1].start  # "wrote to his followers, “...”"
            return None
    return None


def _relative_on_a_noun(toks: list[_Tok], k: int, j: int) -> bool:
    """Is the "that" at ``j`` (after the cue's first token ``k``) a relative pronoun on a noun of
    the object, an auxiliary or a finite verb right after it ("countries that were included",
    "an economy that works"), not a complementiser after an adjunct ("said Saturday that")?"""
    if j <= k or j + 1 >= len(toks):
        return False
    noun, nxt = toks[j - 1], toks[j + 1]
    if not noun.is_word or noun.cap or noun.low in _TIME_WORDS or nxt.cap:
        return False
    return nxt.low in _CLAUSE_AUXILIARIES or is_finite_verb(nxt.low)


def _relative_that(toks: list[_Tok], j: int) -> bool:
    """ "the survey that was released Monday": a verb right after "that" makes it a relative
    pronoun, not the opener of a complement clause (which a subject follows)."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None or nxt.cap or nxt.low in _PRONOUNS or nxt.low in _DETERMINERS:
        return False
    if is_possessive(nxt.text):
        return False
    return nxt.low in _CLAUSE_AUXILIARIES or can_be_verb(nxt.low)


# the words that open a verb's object noun phrase ("found the likely cause ...")
_OBJECT_OPENERS = frozenset("a an the its his her their this these those".split())


def _relative_after_object(toks: list[_Tok], k: int, j: int, verb: str) -> bool:
    """Is the "that" at ``j`` a relative pronoun on the verb's object ("has found the likely
    cause of a crash that grounded its helicopter"), not the complementiser ("said in a
    statement that", "told reporters that")? The verb takes no addressee, its object opens with a
    determiner right after it, and the word before "that" is a lower-case noun, not a noun of
    content ("confirmed the news that ...")."""
    if j - k < 2 or verb in _ADDRESSEE_VERBS or toks[k].low not in _OBJECT_OPENERS:
        return False
    before = toks[j - 1]
    if before.low in _TIME_WORDS or before.low in _TIME_PHRASE_NOUNS:
        return False  # "said this week that ...": a time adjunct, not an object
    if not _relative_that(toks, j):
        return False  # "warned the public that the storm was coming": a subject follows
    return before.is_word and not before.cap and before.low not in _STATEMENT_NOUNS


def _adjunct_before_quote(toks: list[_Tok], k: int, j: int, verb: str) -> bool:
    """Do only an adjunct or the addressee stand between the cue and the quotation at ``j``
    ("said on Monday “...”", "told reporters “...”")? Then the quotation is the content; after
    other words it is quoted inside the content ("called the long lines "unacceptable."", "said
    judges who handled “high-profile cases” were fired")."""
    if j == k:
        return True
    first = toks[k]
    if first.low in _ADVERBIAL_OPENERS or first.low.endswith("ly") or first.text in ",:":
        return True
    return verb in _ADDRESSEE_VERBS and _opens_addressee(first) and j - k <= 4


def _opens_addressee(tok: _Tok) -> bool:
    """Can ``tok`` open the addressee of a verb that has one ("told reporters", "told the paper",
    "told him", "told CNN"): a word, not "that", an opener of an adverbial or a clause's verb."""
    return tok.is_word and tok.low != "that" and tok.low not in _ADVERBIAL_OPENERS


def _weak_content(
    toks: list[_Tok], k: int, hi: int, sent_end: int, verb: str
) -> tuple[int, int, bool] | None:
    """The content of a verb that reports only with a complement (no "that" or quote found)."""
    first = toks[k]
    if verb in _TO_VERBS and _to_after_addressee(toks, k, hi):
        return first.start, sent_end, True  # "urged the government of Pakistan to ensure ..."
    if verb in _ASK_VERBS:
        asked = _question_after_addressee(toks, k, hi)
        if asked is not None:  # "asked Carson about his relationship with ...", "asked him why"
            return toks[asked].start, sent_end, True
    if first.low in _CONTENT_PREPOSITIONS and k + 1 < hi:
        if _duration_after(toks, k + 1, hi):
            return None  # "spoke for 77 minutes": how long, not what
        return toks[k + 1].start, sent_end, True  # "complained of", "pleading for"
    gerund = k + 1 if first.low == "to" and k + 1 < hi else k
    if _is_gerund(toks[gerund]):
        # "suggested raising questions about ...", "admitted to victimizing about 100 Americans"
        return toks[gerund].start, sent_end, True
    if verb in _OBJECT_VERBS:
        # the object ends at a comma or at a participle that reports on ("... toll saying, “...”")
        stop = next(
            (j for j in range(k, hi) if toks[j].text in ",;" or _participle_cue(toks[j])), None
        )
        end = sent_end if stop is None else toks[stop - 1].end if stop > k else toks[stop].start
        return first.start, end, True
    if _zero_that_clause(toks, k, hi):
        return first.start, sent_end, True  # "suggested the claims were based on ..."
    return None


def _duration_after(toks: list[_Tok], k: int, hi: int) -> bool:
    """Does a length of time open at ``k`` ("77 minutes", "an hour", "nearly two hours")?"""
    words = [t.low for t in toks[k : min(hi, k + 4)] if t.is_word]
    return any(w in _DURATION_UNITS for w in words[:3]) and (
        words[0][:1].isdigit() or words[0] in _NUMBERS or words[0] in ("a", "an", "nearly", "about")
    )


_ASKED = frozenset(("him", "her", "them", "us", "me", "you"))  # the one asked, as an object


def _question_after_addressee(toks: list[_Tok], k: int, hi: int) -> int | None:
    """Where a question's content opens after the one asked (a name or a pronoun of up to four
    words): "about" and its topic, or a question word ("asked Bennett about Carson's comments",
    "asked them why"); else None."""
    j = k
    while j < hi and j - k < 4 and toks[j].is_word and (toks[j].cap or toks[j].low in _ASKED):
        j += 1
    if j == k or j + 1 >= hi:
        return None
    if toks[j].low == "about":
        return j + 1
    return j if toks[j].low in _QUESTION_WORDS else None


def _is_gerund(tok: _Tok) -> bool:
    """A lower-case -ing form of a verb (not "bring", "spring"): a gerund object."""
    low = tok.low
    return not tok.cap and low.endswith("ing") and can_be_verb(low) and not is_base_verb(low)


def _participle_cue(tok: _Tok) -> bool:
    return tok.low in _PARTICIPLES and tok.low.endswith("ing")


def _to_after_addressee(toks: list[_Tok], k: int, hi: int) -> bool:
    """An addressee of up to eight words, then a to-infinitive, before any comma."""
    for j in range(k + 1, min(hi, k + 9)):
        if toks[j].text in ",;:" or toks[j].low in _CLAUSE_STOPS:
            return False
        if toks[j].low == "to":
            return True
    return False


def _zero_that_clause(toks: list[_Tok], k: int, hi: int) -> bool:
    """A clause without "that" after the verb: a subject of up to six words, then a finite
    auxiliary or copula ("the claims were", "the plan is", "Iran would") before any comma."""
    if k < hi and without_clitic(toks[k].low) in _SUBJECT_PRONOUNS:
        return True  # "indicated he seeks closer ties", "said she'll run"
    if (
        k + 1 < hi
        and toks[k].low == "it"
        and (toks[k + 1].low in _CLAUSE_AUXILIARIES or _past_verb(toks[k + 1]))
    ):
        return True  # "has stated it imposed military rule", "admitted it made a mistake"
    for j in range(k + 1, min(hi, k + 7)):
        t = toks[j]
        if not t.is_word or t.low in _CLAUSE_STOPS:
            return False
        if not t.cap and (_finite_auxiliary(t) or _present_third_person(t.low)):
            return True  # "the claims were", "the photo violates DNC rules"
        if j == k + 1 or toks[j - 1].cap:
            if toks[k].cap and _past_tense(t) and all(u.cap for u in toks[k:j]):
                return True  # "suggested Trump went too far", "said Clinton wanted ..."
    return False


def _present_third_person(low: str) -> bool:
    """A form the tagger lexicon knows only as a verb's third person singular ("violates",
    "undermines"; not "rules", "breaks", which are also plural nouns)."""
    return low.endswith("s") and tagger_lexicon().get(low) == frozenset(("VBZ",))


def _past_tense(t: _Tok) -> bool:
    """A lower-case past form right after a name: "went", "wanted" (not a participle modifier:
    the caller asks only after a capitalised subject)."""
    low = t.low
    if t.cap or not t.is_word:
        return False
    return (low.endswith("ed") and len(low) > 4) or is_irregular_past(low)


def _past_verb(tok: _Tok) -> bool:
    """A past form that can be a finite verb, of any length and case ("expelled", "said", "used");
    ``_past_tense`` asks the same of a lower-case word after a name."""
    return (tok.low.endswith("ed") and can_be_verb(tok.low)) or is_irregular_past(tok.low)


def _finite_auxiliary(t: _Tok) -> bool:
    """An auxiliary, a copula or a modal, also negated ("don't", "wasn't", "won't")."""
    low = t.low
    if low in _CLAUSE_AUXILIARIES or low in _MODALS or low in ("do", "does", "did"):
        return True
    return low.endswith(("n't", "n’t")) and len(low) > 3


def _clause_verb(t: _Tok) -> bool:
    """A lower-case finite verb or auxiliary ("is", "won't", "remains"): a phrase holding one is a
    clause, not a noun phrase."""
    return t.is_word and not t.cap and (_finite_auxiliary(t) or is_finite_verb(t.low))


def _complement_follows(toks: list[_Tok], j: int, n: int) -> bool:
    """The cue opens a complement of its own right after it (past a comma): a colon, an opening
    quotation, "that", or a clause without "that" ("said the ruling was wrong"). Then the words
    before the speaker are a fronted adverbial ("After the court ruled, Gunn said ..."), not the
    content."""
    k = j + 1 if j < n and toks[j].text == "," else j
    if k >= n:
        return False
    t = toks[k]
    if _colon(toks, k) or t.text in ("“", "``"):
        return True
    if t.text in ('"', "''") and k + 1 < n and toks[k + 1].is_word:
        return True
    # "Mr. Cruz described how, growing up, Rafael turned into ..."
    opener = t.low == "that" or t.low in _COMPLEMENT_QUESTION_WORDS
    return k == j and (opener or _zero_that_clause(toks, k, n))


def _is_clause_end(toks: list[_Tok], k: int, n: int) -> bool:
    """After a postposed cue only an adverbial or object remains before a comma or the end."""
    for j in range(k, min(n, k + 6)):
        t = toks[j]
        if t.text in ",;" or t.text in _CLOSE_QUOTES:
            return True
        if t.low in ("that",) or t.text in ("“", "``"):
            return False
    return k + 6 >= n or all(
        not t.is_word or t.cap or t.low in _TIME_WORDS or t.low in _POSTPOSED_OBJECTS
        for t in toks[k:n]
    )


def _only_adjuncts_follow(toks: list[_Tok], k: int, n: int, verb: str) -> bool:
    """After a postposed cue an adjunct, however long, up to the end: "said during his campaign
    speech to be a national delegate", "insisted Thursday during a whistle stop tour", and after
    the addressee of a verb that has one, "told the paper over the phone from his home". It opens
    with an adverbial opener or an -ly adverb; no "that" and no quotation follows."""
    rest = toks[k:n]
    if not rest or any(t.low == "that" or t.text in _OPEN_QUOTES for t in rest):
        return False
    first = rest[0]
    in_object = verb in _ADDRESSEE_VERBS and _opens_addressee(first)
    for j, t in enumerate(rest[:6]):
        if j and not in_object:
            return False
        if t.is_word and not t.cap and (t.low in _ADVERBIAL_OPENERS or t.low.endswith("ly")):
            # right after the cue these open the verb's own complement: "spoke of", "called on X
            # to", "described as", "criticized by", "agreed with"
            return j > 0 or t.low not in _COMPLEMENT_PREPOSITIONS
        if t.is_word and t.cap and t.low in _TIME_WORDS:
            return True  # "insisted Thursday during ..."
        if not t.is_word and t.text not in ("’", "'"):
            return False
    return False


def _quote_before(
    toks: list[_Tok], k: int, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The quotation that ends right before token ``k`` (past a comma)."""
    j = k - 1
    while j >= 0 and toks[j].text in ",":
        j -= 1
    if j >= 0 and toks[j].text in _CLOSE_QUOTES:
        for q in quotes:
            if q[1] == toks[j].end:
                return q
    return None


_HAS_QUOTE = re.compile("[“”\"]|''|``")


def stop_at_coordinated_predicates(toks: list[_Tok], found: list) -> None:
    """An indirect content after its cue ends where the clause of the cue goes on: a predicate
    coordinated with the cue ("said he makes $41,000 a year and questioned how ...": a past form
    after a content in the present), or ", but" and a new subject ("said he will vote for Clinton,
    but he hasn't endorsed her"). A content shorter than the statement still overlaps it; one
    that runs on swallows the next statement."""
    if not found:
        return  # a sentence with no attribution: no token looked at
    conjunctions = [k for k, t in enumerate(toks) if t.low == "and" or t.low == "but"]
    if not conjunctions:
        return  # most sentences: nothing to cut at
    starts = [t.start for t in toks]
    for at in found:
        if at.content_start < at.cue_end or at.content_end <= at.content_start:
            continue
        lo, hi = bisect_left(starts, at.content_start), bisect_left(starts, at.content_end)
        if hi - lo < 4 or toks[lo].text in _OPEN_QUOTES:
            continue
        if not any(lo + 2 <= k <= hi - 3 for k in conjunctions):
            continue
        c0 = bisect_left(starts, at.cue_start)
        cue = toks[c0 : bisect_left(starts, at.cue_end)]
        own_aux = toks[c0 - 1].low if c0 > 0 and _finite_auxiliary(toks[c0 - 1]) else None
        cut = _coordination_cut(toks, list(range(lo, hi)), cue, own_aux) if cue else None
        if cut is not None:
            end = toks[cut - 1].end if cut > lo else at.content_start
            at.content_end = min(at.content_end, end)


def _coordination_cut(
    toks: list[_Tok], inside: list[int], cue: list[_Tok], own_aux: str | None
) -> int | None:
    """The index of the first "and"/"but" of the content that ends it (outside quotations), or
    None; the comma or dash before it goes too. ``own_aux``: the cue's auxiliary ("has said")."""
    cue_past = _past_tense(cue[-1])
    present: bool | None = None  # computed when first needed
    quoted = False
    for k in inside[2:]:
        t = toks[k]
        if t.text in _OPEN_QUOTES or t.text in _CLOSE_QUOTES:
            # a straight mark opens or closes; a curly one says which
            quoted = (t.text in _OPEN_QUOTES) if t.text in "“‘" or t.text in "”’" else not quoted
        if quoted or t.low not in ("and", "but") or k + 2 > inside[-1]:
            continue
        before = toks[k - 1].text
        j = _skip_plain_adverbs(toks, k + 1, inside[-1])
        new_subject = (
            t.low == "but"
            and before in (",", "—")
            and without_clitic(toks[j].low) in _SUBJECT_PRONOUNS
            and j + 1 < len(toks)
            and _finite_auxiliary(toks[j + 1])
        )
        if not new_subject and cue_past and present is None:
            present = _present_clause(toks, inside[:8])
        if new_subject or (
            cue_past
            and present
            and (
                _coordinated_predicate(toks, k, j, inside, own_aux)
                or _narrative_resumes(toks, k, j, before)
            )
        ):
            return k - 1 if before in (",", "—") else k
    return None


def _narrative_resumes(toks: list[_Tok], k: int, j: int, before: str) -> bool:
    """After a content in the present reported by a past cue, ", and" and a subject pronoun with
    a past form: the report's own narrative goes on ("Rubio said the real extremist on abortion
    is Hillary Clinton, and he railed against ..."), not the statement."""
    return (
        toks[k].low == "and"
        and before in (",", "—")
        and without_clitic(toks[j].low) in _SUBJECT_PRONOUNS
        and j + 1 < len(toks)
        and _past_tense(toks[j + 1])
        and can_be_verb(toks[j + 1].low)
    )


def _skip_plain_adverbs(toks: list[_Tok], j: int, last: int) -> int:
    """Past adverbs ("also", "then", "repeatedly"), not past auxiliaries."""
    while j < last and (
        (toks[j].low in _ADVERBS and not _finite_auxiliary(toks[j]))
        or (toks[j].low.endswith("ly") and len(toks[j].low) > 4)
    ):
        j += 1
    return j


def _coordinated_predicate(
    toks: list[_Tok], k: int, j: int, inside: list[int], own_aux: str | None
) -> bool:
    """Is the word at ``j`` (after "and" at ``k``) a verb coordinated with the cue: a past form,
    after the cue's own auxiliary if it has one ("has said ... and has expressed"); not the last
    item of a list ("pools, water parks and improved dining")?"""
    if _finite_auxiliary(toks[j]) or toks[j].low in ("be", "been"):
        if toks[j].low != own_aux:
            return False  # "have been located and will be withheld": the content's own verbs
        j = _skip_plain_adverbs(toks, j + 1, inside[-1])
    if not (_past_tense(toks[j]) and can_be_verb(toks[j].low)):
        return False
    commas = [c for c in inside if c < k and toks[c].text == ","]
    return not (len(commas) >= 2 and k - commas[-1] <= 4)


def _present_clause(toks: list[_Tok], head: list[int]) -> bool:
    """Does the content open with a clause in the present ("he makes", "it is", "she will")?"""
    for k in head:
        low = toks[k].low
        if low in _PRESENT_FINITE:
            return True
        if low in _PAST_FINITE or _past_tense(toks[k]):
            return False
        if k > head[0] and without_clitic(toks[k - 1].low) in _SUBJECT_PRONOUNS:
            return low.endswith("s") and can_be_verb(low)
    return False
