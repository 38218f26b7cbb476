"""Mentions: noun phrases (the speaker before or after a cue), head nouns, person names,
organisations, counts and the article's name registry."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..english import is_plural_noun
from ..inflection import can_be_verb, is_irregular_past, is_unmarked_past
from ..mentions import is_people_noun
from .cues import _is_verb_use
from .data import (
    _ADVERBIAL_OPENERS,
    _ADVERBS,
    _CLAUSE_AUXILIARIES,
    _CLOSE_QUOTES,
    _CONJUNCTIONS,
    _DESCRIPTOR_OPENERS,
    _DETERMINERS,
    _FRACTIONS,
    _FUNCTION_CAPS,
    _HEAD_STOPS,
    _MODALS,
    _NAME_CONNECTORS,
    _NAME_PARTICLES,
    _NON_STATE_DEMONYMS,
    _NOT_SPEAKER_OPENERS,
    _NOT_VERB_WORDS,
    _NP_OPENERS,
    _NUMBERS,
    _OPEN_QUOTES,
    _ORG_CONNECTORS,
    _ORGANIZATION_HEADS,
    _PARTISAN_LABELS,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVE_PRONOUNS,
    _STATE_ABBREVIATIONS,
    _STATE_OFFICES,
    _STATEMENT_OCCASIONS,
    _SUBJECT_OPENERS,
    _SUBJECT_PREPOSITIONS,
    _SUBJECT_PRONOUNS,
    _SURNAME_ARTICLES,
    _TIME_DETERMINERS,
    _TIME_PREMODIFIERS,
    _TIME_PREPOSITIONS,
    _TIME_WORDS,
    _lexicon,
    given_name_start,
    is_title,
    not_in_names,
)
from .spans import _clause_verb
from .speaker_np import first_name_with_word_surname, month_as_surname
from .tokens import _is_boundary, _Tok, is_possessive, name_word, strip_possessive


def _looks_like_name(toks: list[_Tok]) -> bool:
    words = [t for t in toks if t.is_word]
    return bool(words) and all(t.cap for t in words if t.low not in _NAME_CONNECTORS)


def _looks_like_descriptor(toks: list[_Tok]) -> bool:
    words = [t for t in toks if t.is_word]
    if not words:
        return False
    first = words[0].low
    return (
        first in _DESCRIPTOR_OPENERS
        or not words[0].cap
        or first in _lexicon().kinds.get("role", ())
        or first in _lexicon().kinds.get("title", ())
    )


def _holds_verb(toks: list[_Tok]) -> bool:
    """A verb among the words between a relative "that" and the cue ("officials that spoke on
    condition of anonymity said"); with none, "that" opens a complement clause ("should remember
    that social scientists say") and the subject starts after it."""
    verbs = _lexicon().verbs
    return any(
        t.is_word
        and not t.cap
        and (t.low in _CLAUSE_AUXILIARIES or t.low in verbs or t.low.endswith("ed"))
        for t in toks
    )


def _walk_back(toks: list[_Tok], j: int, lo: int, participle: bool) -> int:
    """Index of the first token of the noun phrase ending at ``j`` (walks back to a clause
    boundary)."""
    i = j
    while i >= lo:
        t = toks[i]
        if t.text == ")" and _interruption_start(toks, i, lo) is not None:
            i = _interruption_start(toks, i, lo) - 1  # "Rep. Sander M. Levin (Mich.), a ..."
            continue
        if t.low == "and" and 0 < i < len(toks) - 1 and toks[i - 1].cap and toks[i + 1].cap:
            i -= 1  # "the National Council for Peace and Order": "and" inside a name
            continue
        if _is_boundary(t) or (participle and t.low == "with"):
            # "officials who spoke on condition of anonymity said": walk through the relative clause
            if (
                t.low in ("who", "that", "which")  # "The document which had the stamp ..."
                and i > lo
                and toks[i - 1].is_word
                and not _is_boundary(toks[i - 1])
                and (t.low == "who" or _holds_verb(toks[i + 1 : j + 1]))
            ):
                i -= 1
                continue
            break
        if (
            t.low in _lexicon().verbs
            and not t.cap
            and _is_verb_use(toks, i)
            and not _is_participle_modifier(toks, i)
        ):
            if any(u.low == "who" for u in toks[max(lo, i - 3) : i]):
                i -= 1
                continue
            break
        i -= 1
    return i + 1


def _is_participle_modifier(toks: list[_Tok], i: int) -> bool:
    """ "analysts quoted in the report", "a news report published Wednesday": a participle after a
    noun."""
    t = toks[i]
    if not t.low.endswith("ed") or i == 0:
        return False
    prev, nxt = toks[i - 1], toks[i + 1] if i + 1 < len(toks) else None
    if (
        nxt is not None
        and nxt.low in ("in", "by", "on", "at", "of")
        and prev.is_word
        and (not prev.cap or i == 1)
    ):
        return True  # "diplomats accused of espionage": a passive participle after its noun
    return (
        prev.is_word
        and not prev.cap
        and prev.low not in _PRONOUNS
        and prev.low not in _ADVERBS
        and nxt is not None
        and nxt.low in _TIME_WORDS
    )


def _first_subject(toks: list[_Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """The subject at the start of the clause (for "X did this, and then said ..."), past a
    fronted adverbial ("In his speech, Obama positioned Clinton ... and said ...")."""
    lo = _past_fronted_adverbial(toks, lo, hi)
    if lo < hi and toks[lo].low in _PRONOUNS:
        return lo, lo + 1  # "He favored ... and once told ...": a capitalised pronoun too
    i = lo
    while i < hi and (
        toks[i].cap
        or toks[i].low in ("the", "a", "an", "of")
        or not toks[i].is_word
        and toks[i].text not in ",;:"
    ):
        i += 1
    if i == lo and i < hi and toks[i].low in _PRONOUNS:
        return lo, lo + 1
    if lo < i < hi and toks[i - 1].low in ("the", "a", "an"):
        i = _noun_words_after(toks, i, hi)  # "But the former president showed ... and described"
        i = _through_apposition(toks, _through_name_after_of(toks, i, hi), hi)
    elif lo < i < hi and toks[i - 1].cap and is_plural_noun(toks[i].low):
        # "Malaysian authorities completed ... but announced": the plural noun a capitalised
        # modifier opens
        i = _noun_words_after(toks, i, hi)
    if i > lo and (
        any(t.cap for t in toks[lo:i]) or (i - lo > 1 and toks[lo].low in ("the", "a", "an"))
    ):
        # a name, or a descriptor after a determiner ("But the former president showed ... and")
        start = lo
        while start < i and toks[start].low in _FUNCTION_CAPS - {"the", "a", "an"}:
            start += 1
        while (
            i - 1 > start
            and not toks[i - 1].cap
            and toks[i - 1].low in _ADVERBS
            and toks[i - 2].low not in _TIME_WORDS  # "A month later": a time phrase
        ):
            i -= 1  # "The employee first said ..., but ... said": the adverb is the verb's
        return (start, i) if start < i else None
    return None


def _past_fronted_adverbial(toks: list[_Tok], lo: int, hi: int) -> int:
    """Where the clause of a first subject starts: past a conjunction ("But on Tuesday, he stood
    ...": it opens no adverbial, it precedes one) and up to three fronted adverbials of twenty
    tokens ("Once in my early 20s, when my mother mentioned the devil ..., | I")."""
    if lo + 1 < hi and toks[lo].low in _CONJUNCTIONS:
        lo += 1
    return _past_fronted_adverbials(toks, lo, hi, reach=21, rounds=3)


def _past_fronted_adverbials(toks: list[_Tok], lo: int, hi: int, *, reach: int, rounds: int) -> int:
    """The index past the comma-closed segments from ``lo`` that an adverbial opener begins ("In
    his speech, | Obama ...", "Yesterday, in his weekly radio address, | Obama ..."), each with its
    comma within ``reach`` tokens, at most ``rounds`` of them."""
    for _ in range(rounds):
        if lo >= hi or not toks[lo].is_word or toks[lo].low not in _ADVERBIAL_OPENERS:
            return lo
        comma = next((k for k in range(lo + 1, min(hi, lo + reach)) if toks[k].text == ","), None)
        if comma is None:
            return lo
        lo = comma + 1
    return lo


def _through_name_after_of(toks: list[_Tok], i: int, hi: int) -> int:
    """The end of the name after a noun phrase's closing "for" or "of" ("A spokesman for |
    Gaddafi", "the head of | the Kremlin"), else ``i``."""
    if i == 0 or toks[i - 1].low not in ("for", "of"):
        return i
    k = i
    while k < hi and toks[k].low in ("the", "a", "an"):
        k += 1
    end = k
    while end < hi and toks[end].is_word and toks[end].cap:
        end += 1
    return end if end > k else i


def _through_apposition(toks: list[_Tok], i: int, hi: int) -> int:
    """The end of a name set off by commas after the subject ("A spokesman for Gaddafi, | Moussa
    Ibrahim, | echoed ... and said"), else ``i``."""
    if i >= hi or toks[i].text != ",":
        return i
    end = i + 1
    while end < hi and toks[end].is_word and toks[end].cap:
        end += 1
    return end if end - i > 2 and end < hi and toks[end].text == "," else i


def _noun_words_after(toks: list[_Tok], i: int, hi: int) -> int:
    """The end of up to four lower-case words after a determiner that no verb form is ("the
    former president | showed"): the rest of the noun phrase."""
    end = i
    while end < min(hi, i + 4) and toks[end].is_word and not toks[end].cap:
        verb_like = can_be_verb(toks[end].low) or toks[end].low in _lexicon().verbs
        if verb_like and not (end == i and _noun_after_determiner(toks, i)):
            break
        end += 1
    return end


def _noun_after_determiner(toks: list[_Tok], i: int) -> bool:
    """Is the word right after a determiner its noun, though it can be a verb ("The judge | rubbed
    his chin", "the attack | killed")? A determiner is never followed by the finite verb; a
    following past or -s form is the verb of the noun phrase ("the judge rubbed")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    low = toks[i].low
    if i == 0 or toks[i - 1].low not in ("the", "a", "an"):
        return False  # "Trump | primes supporters": no determiner, the verb may follow a name
    if low.endswith(("ed", "ing")) or is_irregular_past(low):
        return False  # "the embattled", "the rising": a modifier, the noun comes later
    return (
        nxt is not None
        and nxt.is_word
        and not nxt.cap
        and (nxt.low.endswith(("ed", "s")) or is_irregular_past(nxt.low))
    )


def _subject_before(toks: list[_Tok], k: int, lo: int = 0) -> tuple[int, int] | None:
    """Token range of the subject noun phrase of the cue at ``k``.

    Handles adverbs and time adverbials before the verb ("similarly said Sunday"), appositions
    ("Brig. Gen. X, commander of Y, said"; "the commander of Y, Hossein Salami, threatened";
    "Sarandon, 69, told"), relative pronouns ("Barkley, who said ...") and coordinated verbs
    ("The judge rubbed his chin, and then said ...").
    """
    participle = toks[k].low.endswith("ing")
    j = _skip_adverbials(toks, k, lo)
    if j < lo:
        return None
    if _quoted_words_close_apposition(toks, j, k, lo):
        # "Humphrey, who calls Trump a “sociopath,” said": the comma inside the closing mark
        p = _before_quoted_words(toks, j, lo, j)
        if p != j:
            found = _subject_before_apposition(toks, p, j, lo, participle)
            # the closing mark stays with its quoted words in the speaker's span
            return None if found is None else _trim_subject(toks, found[0], j + 1)
    if toks[j].text == "," and j + 1 < k and toks[j + 1].low == "then":
        first = _first_subject(toks, lo, j)  # "Kasich ... offered the man a job, then says"
        return None if first is None else _trim_subject(toks, *first)
    if toks[j].text == ",":
        span = _subject_before_adjunct(toks, j, lo) or _subject_closed_by_comma(
            toks, j, lo, participle
        )
    else:
        final, span = _subject_ending_at(toks, j, lo, participle)
        if final:
            return span
    return None if span is None else _trim_subject(toks, *_widen_over_coordination(toks, *span, lo))


def _widen_over_coordination(toks: list[_Tok], start: int, end: int, lo: int) -> tuple[int, int]:
    """ "..., she and another reporter said", "..., current and former officials said": one word
    (a pronoun, a name or a modifier) and "and" before the subject, right after a comma or at the
    clause start, coordinate with it."""
    if start - 2 < lo or toks[start - 1].low != "and":
        return start, end
    first = toks[start - 2]
    before = toks[start - 3] if start - 3 >= lo else None
    if not first.is_word or first.low in _lexicon().verbs or first.low.endswith(("ed", "ing")):
        return start, end
    if before is None or before.text in ",;:—–":
        return start - 2, end
    left = _descriptor_conjunct(toks, start - 1, lo)
    return (left, end) if left is not None else (start, end)


def _descriptor_conjunct(toks: list[_Tok], and_at: int, lo: int) -> int | None:
    """Where a noun phrase coordinated before "and" starts, when it opens its clause with a
    determiner and holds no verb: "The Democratic presidential front-runner and former secretary
    of state said", "the Florida senator and Republican presidential candidate said" (one person
    described twice, or two people); else None."""
    k = and_at - 1
    while k > lo and toks[k - 1].is_word and and_at - k < 6:
        k -= 1
    if k > lo and toks[k - 1].text not in ",;:—–“”\"'":
        return None
    seg = toks[k:and_at]
    if not seg or seg[0].low not in _NP_OPENERS:
        return None
    verbs = _lexicon().verbs
    if any(t.low in verbs or can_be_verb(t.low) for t in seg[1:] if not t.cap):
        return None  # "The talks failed and officials said", "The storm hit and the governor said"
    return k


def _subject_before_adjunct(toks: list[_Tok], j: int, lo: int) -> tuple[int, int] | None:
    """ "Clinton, during a town hall meeting in Columbus, Ohio, said": the subject, then an adjunct
    between commas (which may hold commas of its own), then the verb."""
    commas = [c for c in range(lo + 1, j) if toks[c].text == ","]
    for c in commas:
        if c + 1 >= j or toks[c + 1].low not in _ADJUNCT_OPENERS:
            continue
        start = _run_start(toks, c - 1, lo)
        head = toks[start:c]
        city = _city_before_place(toks, c, lo)
        if city is not None:
            # "officials familiar with the server taken from Mrs. Clinton's house in Chappaqua,
            # N.Y., speaking on ...": the noun phrase runs on over the city; inside a relative
            # clause ("who was to travel to Columbus, Ohio, on Wednesday") it is not the subject
            return _phrase_over_city(toks, city, c, lo)
        if 0 < len(head) <= 6 and (head[-1].cap or head[-1].low in _PRONOUNS):
            return None if _apposed_to_an_object(toks, start, lo) else (start, c)
        return None
    return None


def _apposed_to_an_object(toks: list[_Tok], start: int, lo: int) -> bool:
    """Is the name at ``start`` set off by a comma after a clause that already has its verb, so
    an apposition to that verb's object, not the subject of a later cue ("Mr. Obama warned the
    Chinese leader, | Xi Jinping, during their recent meeting ..., said an American official")?"""
    if start - 1 <= lo or toks[start - 1].text != ",":
        return False
    return any(_clause_verb(t) for t in toks[lo : start - 1])


def _interruption_start(toks: list[_Tok], j: int, lo: int) -> int | None:
    """Where a bracket or a pair of dashes closing at ``j`` opens (a parenthetical between a
    subject and its verb), or None."""
    opener, reach = ("(", 16) if toks[j].text == ")" else ("—–-", 30)
    marks = 0  # quotation marks inside: a quotation wholly inside the aside is part of it
    for p in range(j - 1, max(lo, j - reach) - 1, -1):
        if toks[p].text in opener:
            # a bracket that opens with a quotation is one ("Exodus 18:21 (''select out of ...'')"),
            # no aside about the subject ("Siad (also known as "Inda'ade") said")
            quoted = opener == "(" and p + 1 < j and toks[p + 1].text in _OPEN_QUOTES
            return p if p > lo and marks % 2 == 0 and not quoted else None
        if toks[p].text in _CLOSE_QUOTES or toks[p].text in _OPEN_QUOTES:
            marks += 1
    return None


_ADJUNCT_OPENERS = frozenset(
    ("during", "speaking", "in", "at", "on", "after", "before", "while", "when", "asked")
)


def _skip_adverbials(toks: list[_Tok], k: int, lo: int) -> int:
    """The last token before the cue at ``k`` that is not an adverb or a time adverbial."""
    j = k - 1
    while j >= lo:
        low = toks[j].low
        if (
            toks[j].text == ","
            and j - 2 >= lo
            and toks[j - 2].text == ","
            and toks[j - 1].low in _ADVERBS
        ):
            j -= 3  # "The US embassy in Israel, however, released"
        elif (
            low == "to"
            and j - 2 >= lo
            and toks[j - 1].low == "on"
            and toks[j - 2].low
            in (
                "went",
                "goes",
                "go",
            )
        ):
            j -= 3  # "Huang went on to call ..."
        elif toks[j].text in ")—–-" and _interruption_start(toks, j, lo) is not None:
            # "The United Nations (UN) called", "Gaddafi — in hiding since June — said"
            j = _interruption_start(toks, j, lo) - 1
        elif (low in _ADVERBS and not (toks[j].cap and low in _MODALS)) or (
            low.endswith("ly") and not toks[j].cap and len(low) > 4
        ):
            j -= 1  # a capitalised modal is a name ("columnist George Will said")
        elif low in _TIME_WORDS and not (j > lo and month_as_surname(toks[j - 1], toks[j])):
            j -= 1
            while j >= lo and toks[j].low in _TIME_PREMODIFIERS:
                j -= 1  # "last week", "this past week"
        else:
            break
    return j


def _subject_closed_by_comma(
    toks: list[_Tok], j: int, lo: int, participle: bool
) -> tuple[int, int] | None:
    """An apposition or relative clause closes right before the verb (the comma at ``j``): the
    subject is the noun phrase before where it opens."""
    if j - 1 > lo and toks[j - 1].text == ")":
        # "Sen. Jack Reed (D-R.I.), said": the bracket closes the subject itself
        start = _walk_back(toks, j - 1, lo, participle)
        return (start, j) if start < j - 1 else None
    p = j - 1
    while (
        p >= lo
        and p > j - 25
        and toks[p].text not in ",;:"
        and toks[p].text not in _OPEN_QUOTES
        and toks[p].text not in _CLOSE_QUOTES
    ):
        p -= 1
    if p >= lo and toks[p].text in _CLOSE_QUOTES and p < j - 1:
        p = _before_quoted_words(toks, p, lo, j)  # "..., who calls Trump a “sociopath” now, said"
    if p < lo or toks[p].text != "," or p == j - 1:
        return None
    # a comma of a "City, Place" opens no apposition, the one before it may: the comma after the
    # place ("Biden Jr., who was to travel to Columbus, Ohio, on Wednesday ..., said") goes back
    # to the city's comma, the city's comma ("Mr. Daniloff, now 81 and retired in Cambridge,
    # Mass., said") to the one before it; with none before ("The mayor of Springfield, Ill.,
    # said") the apposition rule below decides
    for inner in (_city_before_place(toks, p, lo), p if _place_after_city(toks, p, j) else None):
        outer = None if inner is None else _subject_closed_by_comma(toks, inner, lo, participle)
        if outer is not None:
            return outer[0], j
    return _subject_before_apposition(toks, p, j, lo, participle)


def _run_start(toks: list[_Tok], k: int, lo: int) -> int:
    """Where the run of words that ends before ``k`` starts: back to a boundary or ``lo``."""
    start = k
    while start > lo and toks[start - 1].is_word and not _is_boundary(toks[start - 1]):
        start -= 1
    return start


def _phrase_over_city(toks: list[_Tok], city: int, c: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase that ends with "City, Place" at the comma ``c``: back from the city's
    comma to a boundary, at most 15 words; None when a relative pronoun opens it."""
    start = _run_start(toks, city, lo)
    words = [t for t in toks[start:city] if t.is_word]
    if not words or len(words) > 15 or any(t.low in _RELATIVE_PRONOUNS for t in words):
        return None
    return start, c


def _city_before_place(toks: list[_Tok], p: int, lo: int) -> int | None:
    """The comma between a city and its state or country when the comma at ``p`` closes that
    place ("Columbus, | Ohio |," "Albany, | New York |,"), else None."""
    for k in (p - 1, p - 2):
        comma = k - 1
        if comma - 1 < lo or toks[comma].text != ",":
            continue
        if _place_after_city(toks, comma, p):
            return comma
    return None


def _place_after_city(toks: list[_Tok], p: int, j: int) -> bool:
    """Is ``toks[p + 1 : j]`` a state or a country after a capitalised word and the comma at
    ``p`` ("Cambridge, Mass.", "Columbus, Ohio", "Doha, Qatar")?"""
    if p < 1 or not toks[p - 1].cap or not toks[p - 1].is_word:
        return False
    place = " ".join(t.low for t in toks[p + 1 : j])
    return place in _STATE_ABBREVIATIONS or place in _lexicon().kinds.get("place", ())


def _subject_before_apposition(
    toks: list[_Tok], p: int, j: int, lo: int, participle: bool
) -> tuple[int, int] | None:
    """The subject whose apposition or relative clause opens at the comma ``p`` and closes at
    ``j`` before the verb: the name before it, past an age ("Yin Myint May, 60, a doctor,"). A
    stretch opening with a conjunction and a subject pronoun is a clause, not an apposition ("the
    plant is hanging on, but it is under pressure from imports, said its chief executive")."""
    if p + 2 < j and toks[p + 1].low in _CONJUNCTIONS and toks[p + 2].low in _PRONOUNS:
        return None
    for _ in range(3):  # "Yin Myint May, 60, a doctor, said": past an age to the name
        head_start = _walk_back(toks, p - 1, lo, participle)
        if head_start > p - 1:
            return None
        head = toks[head_start:p]
        antecedent = _antecedent_of_relative(toks, head_start, lo, participle)
        if antecedent is not None:
            return antecedent, j  # "Ban Ki-moon, who is in Doha, Qatar meeting with ..., said"
        apposed_name = _names_only(toks[p + 1 : j])
        apposition = toks[p + 1 : j]
        named = (
            (any(t.cap or t.low in _PRONOUNS for t in head if t.is_word) and not _adverb_only(head))
            or apposed_name
            # "the other candidate on the stage, former Secretary of State Hillary Clinton, drew":
            # an apposition that ends in a full name names a lower-case head
            or (
                head[0].low in ("the", "a", "an")
                and len(apposition) >= 2
                and all(t.is_word and t.cap for t in apposition[-2:])
            )
        )
        # a role before an apposed name may be long ("Deputy director for the Middle East and
        # North Africa for Amnesty International, Hassiba Hadj Sahraoui, said")
        full_name = apposed_name and sum(1 for t in toks[p + 1 : j] if t.is_word) >= 2
        if named and len(head) <= (20 if full_name else 10):
            name = _name_before_apposition(toks, head_start, lo, participle)
            if name is not None:
                # "Senator Richard Shelby, the Alabama Republican who heads the Senate Banking
                # Committee, which oversees the Fed, said": the name the apposition describes
                return name, j
            return head_start, j  # "And a third, Daniel Traynor, said": the name apposed
        if not (head_start - 1 >= lo and toks[head_start - 1].text == "," and len(head) <= 2):
            return None
        p = head_start - 1
    return None


def _quoted_words_close_apposition(toks: list[_Tok], j: int, k: int, lo: int) -> bool:
    """Does a quotation whose comma stands inside its closing mark at ``j`` end an apposition
    before the cue at ``k``? Not when a speaker follows the cue ("''...,'' said Bryan English":
    the quotation is what is said)."""
    if toks[j].text not in _CLOSE_QUOTES or j - 1 <= lo or toks[j - 1].text != ",":
        return False
    after = toks[k + 1] if k + 1 < len(toks) else None
    if after is not None and (after.cap or after.low in _NP_OPENERS) and not _clause_after(toks, k):
        return False
    return True


def _clause_after(toks: list[_Tok], k: int) -> bool:
    """Does a clause open right after the cue at ``k``: a noun phrase of up to five words, then a
    finite auxiliary or modal before any comma ("said the candidate could win"; "said Bryan
    English, a ..." is an inverted speaker)?"""
    for t in toks[k + 2 : k + 7]:
        if not t.is_word or t.low in _CLAUSE_OPENING_WORDS:
            return False  # "said one source who was ...": a speaker and its relative clause
        if not t.cap and (t.low in _CLAUSE_AUXILIARIES or t.low in _MODALS):
            return True
    return False


_CLAUSE_OPENING_WORDS = frozenset(("who", "whom", "whose", "which", "that", "when", "where", "as"))


def _before_quoted_words(toks: list[_Tok], close: int, lo: int, j: int) -> int:
    """The comma before a short quotation that ends at ``close`` inside an apposition or a
    relative clause ("who calls Trump a “sociopath,”"): the scan for where the clause opens goes
    on past the quoted words; ``close`` when no opening mark or comma is found within reach."""
    p = close - 1
    while p >= lo and close - p < 8 and toks[p].text not in _OPEN_QUOTES:
        p -= 1
    if p < lo or toks[p].text not in _OPEN_QUOTES:
        return close
    p -= 1
    while p >= lo and p > j - 25 and toks[p].text not in ",;:" and toks[p].text not in _OPEN_QUOTES:
        p -= 1
    return p if p >= lo and toks[p].text == "," else close


def _antecedent_of_relative(toks: list[_Tok], k: int, lo: int, participle: bool) -> int | None:
    """Where the noun phrase before ", who ..." starts, when a relative pronoun opens the stretch
    at ``k`` (a relative clause holding commas of its own, "who is in Doha, Qatar meeting with
    ...", is no subject: its antecedent is); else None."""
    if toks[k].low not in ("who", "which") or k - 2 < lo or toks[k - 1].text != ",":
        return None
    start = _walk_back(toks, k - 2, lo, participle)
    # a noun phrase, not a clause ("First there was ... editor Bret Stephens, who, after ...")
    return start if 0 < k - 1 - start <= 10 else None


def _adverb_only(head: list[_Tok]) -> bool:
    """A head of one word that opens an adverbial or is a function word ("Instead", "However"):
    no subject with an apposition after it ("Instead, the city moved on, said X")."""
    return len(head) == 1 and (head[0].low in _ADVERBIAL_OPENERS or head[0].low in _FUNCTION_CAPS)


def _name_before_apposition(toks: list[_Tok], k: int, lo: int, participle: bool) -> int | None:
    """Where a name starts that the apposition opening with a determiner at ``k`` follows, set
    off by a comma ("Senator Richard Shelby, the Alabama Republican who ..."); else None."""
    if toks[k].low not in ("the", "a", "an") or k - 2 < lo or toks[k - 1].text != ",":
        return None
    start = _walk_back(toks, k - 2, lo, participle)
    return start if start <= k - 2 and _names_only(toks[start : k - 1]) else None


def _names_only(seg: list[_Tok]) -> bool:
    """A segment of one to four capitalised words and nothing else ("Daniel Traynor")."""
    words = [t for t in seg if t.is_word]
    return 0 < len(words) <= 4 and len(words) == len(seg) and all(t.cap for t in words)


def _subject_ending_at(
    toks: list[_Tok], j: int, lo: int, participle: bool
) -> tuple[bool, tuple[int, int] | None]:
    """(final, span) of the noun phrase ending at ``j``; ``final`` when the span is the answer
    as it is (a coordinated verb takes the subject of the clause before)."""
    end = j + 1
    i = _walk_back(toks, j, lo, participle) - 1
    start = i + 1
    if start >= end:
        # "..., and then said": the subject of the clause before
        if i >= lo and toks[i].low in ("and", "but", "then"):
            return True, _first_subject(toks, lo, i)
        return True, None
    if (
        [t.low for t in toks[start:end]] == ["then"]
        and i >= lo
        and toks[i].low in ("and", "but", ",")
    ):
        return True, _first_subject(toks, lo, i)  # "... and then said", "..., then says"
    if _adjunct_after_coordinator(toks, start, end, i, lo):
        # "..., but in a later interview said ...": the subject of the clause before
        return True, _first_subject(toks, lo, i)
    if i >= lo and toks[i].text == ",":
        start = _widen_over_apposition(toks, start, end, i, lo)
    if [t.low for t in toks[start:end]] in (["who"], ["which"]) and i >= lo and toks[i].text == ",":
        ante = _walk_back(toks, i - 1, lo, participle)
        if ante < i:
            start, end = ante, i
    return False, (start, end)


def _adjunct_after_coordinator(toks: list[_Tok], start: int, end: int, i: int, lo: int) -> bool:
    """Is ``toks[start:end]`` a prepositional adjunct of common words right after "and" or "but"
    at ``i`` ("but in a later interview said", "and at the rally added"): no subject of its
    own, so the verb is coordinated with the clause before?"""
    span = toks[start:end]
    return (
        i >= lo
        and toks[i].low in ("and", "but")
        and 2 <= len(span) <= 6
        and span[0].low in _PREPOSITIONS
        and all(t.is_word and not t.cap and t.low not in _PRONOUNS for t in span)
        and not (end < len(toks) and is_plural_noun(toks[end].low))  # "in the four states that"
    )


def _widen_over_apposition(toks: list[_Tok], start: int, end: int, i: int, lo: int) -> int:
    """ "the commander of the IRGC, Hossein Salami threatened" and "Brig. Gen. X, commander of Y
    said": the subject takes in the phrase before the comma at ``i``."""
    seg = toks[start:end]
    if len(seg) == 1 and seg[0].low in _PRONOUNS:
        return start  # "At an interview with Bloomberg Politics, he said": no apposition
    p = i - 1
    while p >= lo and not _is_boundary(toks[p]):
        p -= 1
    while p + 1 < i and toks[p + 1].low in _CONJUNCTIONS:
        p += 1  # "But the other candidate on the stage, former Secretary of State X, drew"
    prev = toks[p + 1 : i]
    places = _lexicon().kinds.get("place", frozenset())
    city = prev[-1].cap and prev[-2].low in ("in", "of", "from") if len(prev) >= 2 else False
    if city and seg and all(t.low in places for t in seg if t.is_word):
        return p + 1  # "UN officials in Rome, Italy said": the comma is inside a place
    roles = _lexicon().kinds.get("role", ())
    short_np = 0 < len(prev) <= 9 and not any(
        t.is_word and not t.cap and t.low.endswith("ed") for t in prev
    )
    role_in_prev = any(t.low in roles for t in prev)
    if (
        prev
        and short_np
        and (
            (_looks_like_name(seg) and role_in_prev and prev[0].low in ("the", "a", "an"))
            or (_looks_like_name(seg) and prev[0].low in roles)
            or (_looks_like_descriptor(seg) and _has_name(prev) and not _opens_plural(seg))
        )
    ):
        return p + 1
    return start


def _opens_plural(seg: list[_Tok]) -> bool:
    """Does a descriptor of two words or more open with a plural noun ("people familiar with the
    planning", "sources close to him")? It is a subject of its own, no apposition to the name
    before its comma (a lone plural is left to the parenthetical reading: "plans, advisers
    say,")."""
    return len(seg) >= 2 and is_plural_noun(seg[0].low)


# a relative or free-relative pronoun before the subject pronoun of its clause ("who he said",
# "what he called"): the pronoun is the speaker
_RELATIVE_OPENERS = frozenset(("who", "whom", "what", "which"))


def _free_relative_subject(toks: list[_Tok], start: int, end: int) -> int | None:
    """Where the noun phrase starts after "what" (a preposition may open the span) when up to
    three words with no verb form, auxiliary or clause word follow it ("in what | officials",
    "what | Sroka"); else None."""
    if start + 1 < end and toks[start].low in _PREPOSITIONS and toks[start + 1].low == "what":
        start += 1
    if not 2 <= end - start <= 4 or toks[start].low != "what":
        return None
    plain = all(
        t.is_word
        and t.low not in _lexicon().verbs
        and t.low not in _CLAUSE_AUXILIARIES
        and t.low not in _RELATIVE_OPENERS
        for t in toks[start + 1 : end]
    )
    return start + 1 if plain else None


def _trim_subject(toks: list[_Tok], start: int, end: int) -> tuple[int, int] | None:
    """The subject without a leading adverbial or connective and a trailing relative pronoun;
    None when what is left is not a subject."""
    # a leading time adverbial: "On Monday a top commander ..."
    while start < end and (
        toks[start].low in _TIME_PREPOSITIONS
        and start + 1 < end
        and toks[start + 1].low in _TIME_WORDS
    ):
        start += 2
    while start < end and (toks[start].low in _SUBJECT_OPENERS or not toks[start].is_word):
        start += 1
    if (
        end - start == 3
        and toks[start].low in _TIME_DETERMINERS
        and toks[start + 1].low in _TIME_WORDS
        and toks[end - 1].low in _SUBJECT_PRONOUNS
    ):
        start = end - 1  # "this week she said", "last month they said": the time, then the subject
    if (
        end - start == 2
        and toks[start].low in _RELATIVE_OPENERS
        and toks[start + 1].low in _PRONOUNS
    ):
        start += 1  # "daughters, who he said were living in Russia", "what he called ...": he
    elif (after_what := _free_relative_subject(toks, start, end)) is not None:
        start = after_what  # "in what officials called a hate crime", "what Sroka called ..."
    while end > start and toks[end - 1].low in ("who", "which", "that"):
        end -= 1
    if start >= end:
        return None
    first = toks[start]
    approximate = (
        first.low == "about"
        and start + 1 < end
        and (
            toks[start + 1].text[:1].isdigit()
            or toks[start + 1].low in _NUMBERS
            or toks[start + 1].low in _FRACTIONS
        )
    )  # "About 9 percent said", "About four in 10 said", "about half of voters say"
    if first.low in _SUBJECT_PREPOSITIONS and not approximate:  # "About 9 percent said"
        # "In a Bloomberg interview Trump declared": the subject is the name at the end
        runs = _cap_runs(toks[start:end])
        if runs and runs[-1][-1] is toks[end - 1]:
            start = toks.index(runs[-1][0], start)
        else:
            start = _subject_after_fronted_phrase(toks, start, end)
            if start is None:
                return None
    elif start > 0 and toks[start - 1].low in _ADVERBIAL_OPENERS:
        # "After the meeting Merkel said": the phrase after the opener is its object, and the
        # name closing the span the subject
        start = _name_after_object(toks, start, end)
    if any(t.low in _MODALS and not t.cap for t in toks[start:end]) or (
        first.is_word
        and not first.cap
        and first.low.endswith("ed")
        and first.low not in _lexicon().kinds.get("anonymous", ())
        and not (end - start >= 3 and toks[end - 1].cap)  # "retired neurosurgeon Ben Carson"
    ):
        # "they should change the laws rather than", "built near a stream": not a subject
        return None
    return start, end


def _subject_after_fronted_phrase(toks: list[_Tok], start: int, end: int) -> int | None:
    """Where the subject starts after a fronted prepositional phrase with no comma ("At the town
    hall this week she said", "In a statement the ministry said"): a pronoun closing the span, or
    the noun phrase its last determiner opens, after the phrase's own object; None otherwise."""
    if (
        start > 0
        and not _is_boundary(toks[start - 1])
        and toks[start - 1].low not in ("and", "but")
    ):
        return None  # "... to slip into a speech of this magnitude, said X": no fronted phrase
    if toks[start].low in ("to", "of"):
        return None  # "to pay for the programs she has proposed": an infinitive, a relative clause
    if toks[end - 1].low in _SUBJECT_PRONOUNS:
        return end - 1
    if not all(t.is_word for t in toks[start:end]):
        return None  # "In a poll the same month, 38 percent": a comma, a quotation, a bracket
    opener = next(
        (p for p in range(end - 2, start + 1, -1) if toks[p].low in ("the", "a", "an")), None
    )
    if opener is None or not any(t.is_word and not t.cap for t in toks[start + 1 : opener]):
        return None
    if any(t.low in _lexicon().verbs or t.low in _CLAUSE_AUXILIARIES for t in toks[opener:end]):
        return None
    return opener


def _name_after_object(toks: list[_Tok], start: int, end: int) -> int:
    """Where a name closing ``toks[start:end]`` starts when the words before it are a fronted
    preposition's object: a determiner, then common nouns that no vocabulary class knows ("After
    the meeting Merkel said"); else ``start`` ("the host Steve Doocy", "the Associated Press",
    "X, a spokeswoman for the DNC" keep their span)."""
    from ..mentions import head_class

    runs = _cap_runs(toks[start:end])
    if not runs or runs[-1][-1] is not toks[end - 1] or toks[start].low not in _NP_OPENERS:
        return start
    name_at = toks.index(runs[-1][0], start)
    between = toks[start + 1 : name_at]
    if not between or len(between) > 3:
        return start
    if any(
        not t.is_word or t.cap or head_class(t.low) or t.low in _NP_OPENERS | _ADVERBIAL_OPENERS
        for t in between
    ):
        return start  # "a gaffe by House Majority Leader X": the name is a preposition's object
    return name_at


def _ends_inverted_speaker(toks: list[_Tok], i: int, hi: int) -> bool:
    """ "to <someone>", "in/on <a date>" or "in/during" a statement's occasion after a speaker
    that follows its cue ("said the ministry in a statement", "said the Pentagon during a
    briefing"; "officials in Kabul", "one GOP source in the room" keep their place)."""
    t = toks[i]
    if t.low == "to" and not t.cap:
        return True
    nxt = toks[i + 1] if i + 1 < hi else None
    if nxt is None or t.cap:
        return False
    if t.low in ("in", "during") and nxt.low in _DETERMINERS and _occasion_within(toks, i + 1, hi):
        return True
    return t.low in ("in", "on") and (nxt.text[:1].isdigit() or nxt.low in _TIME_WORDS)


def _occasion_within(toks: list[_Tok], k: int, hi: int) -> bool:
    """A noun of a statement's medium or occasion among the five words from ``k`` (the
    determiner first: "a Friday tweet", "the second GOP debate"), before any punctuation."""
    for t in toks[k : min(hi, k + 5)]:
        if not t.is_word:
            return False
        if t.low in _STATEMENT_OCCASIONS:
            return True
    return False


def _noun_phrase_after(
    toks: list[_Tok], k: int, hi: int, *, stop_at_relative: bool = True
) -> tuple[int, int] | None:
    """Token range of the noun phrase that starts at ``k`` ("according to X, ...", "citing X")."""
    i = k
    while i < hi:
        t = toks[i]
        if t.text in ",;:()[]—–" or t.text in _OPEN_QUOTES or t.text in _CLOSE_QUOTES:
            break
        if stop_at_relative and t.low in ("which", "that", "as", "and") and i > k:
            if t.low == "and" and i + 1 < hi and toks[i + 1].low in _lexicon().verbs:
                break
            if t.low == "that" and toks[i - 1].low in _PREPOSITIONS:
                pass  # "the planning of that attack": a determiner
            elif t.low != "and":
                break
        if stop_at_relative and i > k and _ends_inverted_speaker(toks, i, hi):
            break  # "said Kim to Gomi in 2012": the speaker ends before its addressee or time
        in_name = t.cap and toks[i - 1].cap  # "Abdourahim Said Bakar": a name, not the verb
        if (
            stop_at_relative
            and t.low in _lexicon().verbs
            and i > k
            and not in_name
            and _is_verb_use(toks, i)
        ):
            break
        i += 1
    if i <= k:
        return None
    return k, i


def _has_name(toks: list[_Tok]) -> bool:
    return _person_name(toks) is not None


def _strip_titles(words: list[_Tok]) -> list[_Tok]:
    lex = _lexicon().kinds
    titles, places, demonyms = lex.get("title", ()), lex.get("place", ()), lex.get("demonym", ())
    out = list(words)
    while out and (
        out[0].low in titles
        or is_title(out[0].low)
        or out[0].low.rstrip("’s").rstrip("'s") in places
        or strip_possessive(out[0].low) in places
        or out[0].low in demonyms
    ):
        out = out[1:]
    return out


def _cap_runs(toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for t in toks:
        if t.is_word and t.cap and (not_in_names(t.text) or t.low in _TIME_WORDS):
            if cur:
                runs.append(cur)
            cur = []
            continue
        if t.is_word and (t.cap or (cur and t.low in _NAME_PARTICLES)):
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _is_org_run(words: list[str]) -> bool:
    lex = _lexicon()
    phrase = " ".join(words).lower()
    if phrase in lex.kinds.get("org_name", ()) or phrase in lex.kinds.get("media_outlet", ()):
        return True
    keywords = lex.kinds.get("org_keyword", ())
    return any(w.lower() in keywords for w in words)


def _person_name(toks: list[_Tok], registry: dict[str, str] | None = None) -> str | None:
    """The person's name in a noun phrase ("Ali Khamenei" in "Iran's Supreme Leader Ayatollah Ali
    Khamenei")."""
    lex = _lexicon()
    best = None
    for run in _cap_runs(toks):
        titled = any(t.low in lex.kinds.get("person_title", ()) for t in run[:-1])
        title_idx = [
            k for k, t in enumerate(run[:-1]) if t.low in lex.kinds.get("person_title", ())
        ]
        if title_idx:
            # "New Jersey Gov. Chris Christie", "Mr. King": the name is what follows the last title
            run = run[title_idx[-1] + 1 :]
            if len(run) == 1:
                words = [name_word(run[0].text)]
                if (
                    words[0].lower() not in lex.kinds.get("place", ())
                    and words[0].lower() not in _FUNCTION_CAPS
                ):
                    name = words[0]
                    if best is None or len(name) > len(best):
                        best = name
                continue
        owner = [k for k, t in enumerate(run[:-1]) if is_possessive(t.text)]
        if owner:
            run = run[owner[-1] + 1 :]  # "NBC’s Ali Vitali": the name follows its owner
        run = _strip_titles(run)
        run = run[
            given_name_start([t.low for t in run]) :
        ]  # "Conservative Icon | Morton Blackwell"
        # stop a name at a possessive or an organisation word
        words = _without_leading_place([strip_possessive(t.text) for t in run])
        if not words:
            continue
        if _is_org_run(words) or " ".join(words).lower() in lex.kinds.get("place", ()):
            continue
        # "Mark Cuban", "Pete King": a first name and a surname the lexicon knows as a word
        known_surname = len(words) == len(run) and first_name_with_word_surname(run)
        if not known_surname and any(
            w.lower() in lex.kinds.get("place", ())
            or w.lower() in lex.kinds.get("org_name", ())
            or w.lower() in lex.kinds.get("media_outlet", ())
            or w.lower() in lex.kinds.get("demonym", ())
            for w in words
        ):
            # "Hezbollah leader Hassan Nasrallah" splits on the title; what is left must be a name
            words = [
                w
                for w in words
                if w.lower() not in lex.kinds.get("place", ())
                and w.lower() not in lex.kinds.get("org_name", ())
                and w.lower() not in lex.kinds.get("demonym", ())
            ]
            if not words:
                continue
        words = [name_word(w) for w in words if not is_title(w.lower().rstrip("."))]
        if not words:
            continue
        name = " ".join(words)
        if len(words) >= 2 or titled or (registry is not None and _resolve_name(name, registry)):
            if best is None or len(name) > len(best):
                best = name
    return best


def _without_leading_place(words: list[str]) -> list[str]:
    """The run without a known place of two or three words that opens it ("Afghan Ambassador to
    the | United States | Hamdullah Mohib": the place ends the title's phrase; the name follows)."""
    places = _lexicon().kinds.get("place", ())
    for n in (3, 2):
        if len(words) > n and " ".join(words[:n]).lower() in places:
            return words[n:]
    return words


def _resolve_name(name: str, registry: dict[str, str]) -> str | None:
    """Map a surname, a first-and-last name or a misspelling to a full name seen in the article."""
    if name in registry:
        return registry[name]
    parts = name.split()
    # every registered full name is also registered under its surname (_register): one lookup,
    # not a pass over the registry (quadratic on a long article)
    full = registry.get(parts[-1])
    if full is not None and len(parts) <= len(full.split()) and _same_first_name(parts, full):
        return full
    if len(parts) == 1:
        given = _only_person_named_first(name, registry)
        if given:
            return given
    if len(parts) == 1 and len(name) >= 5:
        # in registration order, the first person of a surname kept (a set's order would change
        # with the hash seed once two people share a surname: "Khizr Khan", "Ghazala Khan")
        surnames: dict[str, str] = {}
        for full in dict.fromkeys(registry.values()):
            surnames.setdefault(full.split()[-1], full)
        hit = process.extractOne(name, list(surnames), scorer=fuzz.ratio, score_cutoff=85)
        if hit:
            return surnames[hit[0]]
    return None


def _register(registry: dict[str, str], name: str) -> str:
    """Add a full name (and its surname) to the article's registry; return the canonical full
    name."""
    known = _resolve_name(name, registry) if registry else None
    if known and len(known.split()) >= len(name.split()):
        return known
    registry[name] = name
    # the surname stays with the first person registered under it ("Trump" is Donald Trump when
    # Melania Trump comes later)
    surname = name.split()[-1]
    registry.setdefault(surname, name)
    # "al-Obeidi" is also "Obeidi": the Arabic article is often dropped on a later mention
    bare = surname_without_article(surname)
    if bare:
        registry.setdefault(bare, name)
    return name


def surname_without_article(word: str) -> str | None:
    """The surname after its Arabic article ("al-Obeidi" -> "Obeidi"), or None without one.

    >>> surname_without_article("al-Obeidi"), surname_without_article("Smith-Jones")
    ('Obeidi', None)
    """
    article, dash, bare = word.partition("-")
    return bare if dash and bare and article.lower() in _SURNAME_ARTICLES else None


def _only_person_named_first(word: str, registry: dict[str, str]) -> str | None:
    """The one registered person whose name opens with ``word``: a family name written first
    ("Ban" for Ban Ki-moon, "Kim", "Lee") or a given name used alone ("Khaled", "Sombat");
    none when two people share it."""
    found = {f for f in registry.values() if f.startswith(word + " ")}
    return found.pop() if len(found) == 1 else None


def _same_first_name(parts: list[str], full: str) -> bool:
    """Can the name of ``parts`` be ``full``: a surname alone, or a first name (or its initial)
    that ``full`` has ("Donald Trump" is not "Melania Trump")?"""
    if len(parts) < 2:
        return True
    first, given = parts[0].rstrip(".").lower(), [g.lower() for g in full.split()[:-1]]
    return any(g == first or (len(first) == 1 and g.startswith(first)) for g in given)


def _org_in(toks: list[_Tok], *, person: str | None = None) -> str | None:
    """The organisation a person speaks for: "of the Naval Postgraduate School", "Hezbollah
    leader"; never the words of ``person``, the speaker's own name, closing the phrase ("Secretary
    of State Condoleezza Rice" speaks for no "State Condoleezza Rice")."""
    lex = _lexicon()
    text_toks = list(toks)
    if _former_office(text_toks):
        return None  # "former UN chief Kofi Annan": a former office holder speaks for no one
    for idx, t in enumerate(text_toks):
        if t.low == "for" and idx > 0 and _speaks_for(text_toks[idx - 1].low):
            # "a spokesperson for Acme Power", "a spokeswoman for YouTube": whom they speak for
            run = _without_trailing_name(_cap_run_after(text_toks, idx + 1), toks, person)
            if run:
                return " ".join(strip_possessive(u.text) for u in run)
        if t.low == "of" and not (idx > 0 and text_toks[idx - 1].low in _PARTISAN_LABELS):
            # "Democrat of New York" names the senator's state, not whom they speak for
            run = _without_trailing_name(_name_after_of(text_toks, idx), toks, person)
            words = [strip_possessive(u.text) for u in run]
            words = (
                [w for w in words if w.lower() not in lex.kinds.get("place", ())]
                if len(run) > 1 and is_possessive(run[0].text)
                else words
            )
            if words and (
                _is_org_run(words) or len(words) >= 2 or _office_of_state(text_toks, idx)
            ):
                return " ".join(words)
    for run in _cap_runs(toks):
        words = [strip_possessive(t.text) for t in run]
        owner = next((k for k, t in enumerate(run[:-1]) if is_possessive(t.text)), None)
        if owner is not None and " ".join(words[: owner + 1]).lower() in lex.kinds.get(
            "media_outlet", ()
        ):
            return " ".join(words[: owner + 1])  # "NBC’s Ali Vitali": the outlet they report for
        phrase = " ".join(words)
        if phrase.lower() in lex.kinds.get("org_name", ()):
            return phrase
        for w in words:
            if w.lower() in lex.kinds.get("org_name", ()):
                return w
    return _body_before_role(_before_relative(toks), person)


# words that make an office a past one ("former UN chief", "ex-minister" is one word)
_FORMER = frozenset(("former", "ex"))


def _former_office(toks: list[_Tok]) -> bool:
    """Does "former" open the office before any name ("former UN chief Kofi Annan", "a former
    Democratic National Committee chairman")? After a name it is one office of several ("a senior
    fellow at the Hoover Institution and a former ambassador" still speaks for Hoover)."""
    for t in toks:
        if t.low in _FORMER:
            return True
        if t.is_word and t.cap:
            return False
    return False


def _before_relative(toks: list[_Tok]) -> list[_Tok]:
    """The speaker's noun phrase before a relative clause ("Ban Ki-moon, | who is in Doha meeting
    with Qatar's Emir": Qatar is whom the Emir speaks for, not Ban)."""
    cut = next((k for k, t in enumerate(toks) if t.low in _RELATIVE_PRONOUNS), len(toks))
    return toks[:cut]


def _body_before_role(toks: list[_Tok], person: str | None) -> str | None:
    """The body a role belongs to, read from the noun phrase: a body's possessive ("Human Rights
    Watch's Asia director"), a name up to its organisation word ("Israel Foreign Ministry
    spokesman"), a state's demonym before an office ("Israeli Prime Minister")."""
    runs = _cap_runs(toks)
    # a named organisation first, wherever it stands ("France's far-right National Front party
    # leader": the National Front, not France)
    named = next((n for n in (_named_body(run, toks, person) for run in runs) if n), None)
    if named:
        return named
    for run in runs:
        # "Libya's | foreign minister": the possessive may close the run of capitals
        owner = next((k for k, t in enumerate(run) if is_possessive(t.text)), None)
        if owner is not None and _body_owner(run[: owner + 1], toks):
            return " ".join(strip_possessive(t.text) for t in run[: owner + 1])
    return _state_of_office(toks)


def _body_owner(owner: list[_Tok], toks: list[_Tok]) -> bool:
    """Is the possessor of a role a body ("Libya's foreign minister", "the Chamber's strategist")?
    A place or an organisation's name, before a role; a person's possessive ("Mitt Romney's
    adviser", "Kim Jong Un's half-brother") is not, nor the end of a longer name ("Democracy for
    | America's executive director"), nor a former role ("Florida's former governor")."""
    if not any(_speaks_for(t.low) for t in toks):
        return False
    at = toks.index(owner[0])
    if at > 0 and toks[at - 1].low in _ORG_CONNECTORS or any(t.low in _FORMER for t in toks):
        return False
    words = [strip_possessive(t.text) for t in owner]
    return " ".join(words).lower() in _lexicon().kinds.get("place", ()) or _is_org_run(words)


def _named_body(run: list[_Tok], toks: list[_Tok], person: str | None) -> str | None:
    """A run of capitals up to its first organisation word, before the person's own name
    ("Israel Foreign Ministry | spokesman Yigal Palmor", "Senate | Majority Leader Mitch
    McConnell"); an organisation word that ends the run takes the rest of its name ("Center | for
    Strategic and International Studies")."""
    keywords = _lexicon().kinds.get("org_keyword", ())
    own = set(person.split()) if person else set()
    # the first organisation word: "White House | Press Secretary", "Democratic National
    # Committee | Black Caucus" (the body, not a unit or an office inside it)
    last = next((k for k, t in enumerate(run) if t.low in keywords), None)
    if last is None or any(t.text in own for t in run[: last + 1]):
        return None
    body = run[: last + 1]
    if last == len(run) - 1:
        body += _rest_of_name(toks, toks.index(run[-1]) + 1)
    if len(body) < 2:
        return None  # an organisation word alone is an office or a capital ("Press Secretary")
    # a possessive inside the name stays ("Russia's Defence Ministry"); the one that ends it goes
    return " ".join([t.text for t in body[:-1]] + [strip_possessive(body[-1].text)])


def _rest_of_name(toks: list[_Tok], k: int) -> list[_Tok]:
    """The connectors and capitals that go on an organisation's name from token ``k`` ("for |
    Strategic and International Studies"), up to a possessive, which closes it."""
    rest: list[_Tok] = []
    for j in range(k, len(toks)):
        u, nxt = toks[j], toks[j + 1] if j + 1 < len(toks) else None
        if u.low in _ORG_CONNECTORS and nxt is not None and nxt.is_word and nxt.cap:
            rest.append(u)
        elif u.is_word and u.cap and rest:
            rest.append(u)
            if is_possessive(u.text):
                break
        else:
            break
    return rest if rest and rest[-1].low not in _ORG_CONNECTORS else []


def _office_of_state(toks: list[_Tok], idx: int) -> bool:
    """ "prime minister | of | Israel": an office of a state before the "of" at ``idx``, one place
    after it; the person speaks for that state."""
    places = _lexicon().kinds.get("place", ())
    nxt = toks[idx + 1] if idx + 1 < len(toks) else None
    return (
        idx > 0
        and toks[idx - 1].low in _STATE_OFFICES
        and nxt is not None
        and strip_possessive(nxt.text).lower() in places
    )


def _state_of_office(toks: list[_Tok]) -> str | None:
    """A state's demonym before one of its bodies or offices: "British military spokesman" speaks
    for the British military, "Israeli Prime Minister ...", "a Libyan official", "Cuban
    vice-premier" for that state's government. Not a former office holder, not a demonym of no
    state ("Western diplomats")."""
    for k, t in enumerate(toks[:-1]):
        size = _state_demonym_at(toks, k)
        following = toks[k + size] if size and k + size < len(toks) else None
        if following is None or not following.is_word:
            continue
        if k > 0 and toks[k - 1].low in _FORMER:
            return None
        demonym = " ".join(u.text for u in toks[k : k + size])
        if following.low in _ORGANIZATION_HEADS and not following.cap:
            return f"{demonym} {following.text}"
        if following.low.rpartition("-")[2] in _STATE_OFFICES:
            return f"{demonym} government"
    return None


def _state_demonym_at(toks: list[_Tok], k: int) -> int:
    """How many words the demonym of a state at ``k`` takes ("North Korean": 2, "Kenyan": 1), 0
    when there is none. Besides the listed demonyms, a capitalised word made from a listed place
    by a demonym suffix ("Kenya" -> "Kenyan", "Zimbabwe" -> "Zimbabwean", "Italy" -> "Italian",
    "Iraq" -> "Iraqi", "Somalia" -> "Somali")."""
    demonyms = _lexicon().kinds.get("demonym", ())
    t = toks[k]
    two = f"{t.low} {toks[k + 1].low}" if k + 1 < len(toks) else ""
    size = 2 if two in demonyms else 1 if t.low in demonyms or _derived_demonym(t) else 0
    if size and " ".join(u.low for u in toks[k : k + size]) in _NON_STATE_DEMONYMS:
        return 0
    return size


def _derived_demonym(tok: _Tok) -> bool:
    """Is a capitalised word a demonym made from a listed place by a regular suffix?"""
    if not (tok.cap and tok.is_word) or len(tok.low) < 5:
        return False
    places, w = _lexicon().kinds.get("place", ()), tok.low
    stems = []
    if w.endswith("ian"):
        stems += [w[:-3] + "y", w[:-3] + "ia", w[:-1]]  # Italy, Syria -> Syrian, Malaysia
    if w.endswith("an"):
        stems += [w[:-1], w[:-2] + "e", w[:-2] + "a"]  # Kenya, Zimbabwe, Cuba
    if w.endswith("i"):
        stems += [w[:-1], w + "a", w[:-1] + "a"]  # Iraq, Somalia
    if w.endswith("ese"):
        stems += [w[:-3], w[:-3] + "a"]  # Japan, China
    return any(stem in places for stem in stems)


def _without_trailing_name(run: list[_Tok], toks: list[_Tok], person: str | None) -> list[_Tok]:
    """An organisation's run of capitals without the person's name that closes the phrase after
    it ("Envoy for Syria John Smith", "Minister of Foreign Affairs Sergei Lavrov": the name is
    the speaker, not part of what they speak for)."""
    if not person or len(run) < 2 or run[-1] is not toks[-1]:
        return run
    size = len(person.split())
    tail = " ".join(u.text for u in run[-size:])
    return run[:-size] if tail == person else run


def _speaks_for(word: str) -> bool:
    """A person noun that speaks for someone after "for" ("spokesperson", "lawyer", "adviser");
    "activists fighting for Kurdish rights" do not."""
    kinds = _lexicon().kinds
    return any(word in kinds.get(k, ()) for k in ("anonymous", "role", "title"))


def _name_after_of(toks: list[_Tok], idx: int) -> list[_Tok]:
    """The capitalised words after the "of" at ``idx`` ("the" or "a" skipped before them), with the
    connectors of one name between them ("of | the Communications Workers of America")."""
    run: list[_Tok] = []
    for j, u in enumerate(toks[idx + 1 :], start=idx + 1):
        if not u.is_word:
            break
        if u.low in ("the", "a") and not run:
            continue
        if u.cap or (run and _connector_in_a_name(run, toks, j)):
            run.append(u)
        else:
            break
    return run


def _connector_in_a_name(run: list[_Tok], toks: list[_Tok], j: int) -> bool:
    """Does the lower-case word at ``j`` join two parts of one organisation's name ("Workers | of
    | America", "House Ways | and | Means Committee")? Not before a time word ("History and
    Culture | on Saturday"); "and" only after two words or more ("Georgia | and John Boozman of
    Arkansas", "Mommy | and Me" are two names or a title)."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if toks[j].low not in _ORG_CONNECTORS or nxt is None or not (nxt.cap and nxt.is_word):
        return False
    if nxt.low in _TIME_WORDS:
        return False
    return toks[j].low != "and" or len(run) >= 2


def _cap_run_after(toks: list[_Tok], k: int) -> list[_Tok]:
    """The capitalised words from token ``k`` on ("the" skipped before them, a name's connector
    kept between them: "Movement for Democratic Change"), after an owner's possessive
    ("Tsvangirai's Movement for ..." -> "Movement for ...")."""
    run: list[_Tok] = []
    for j in range(k, len(toks)):
        u = toks[j]
        if u.low == "the" and not run:
            continue
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if run and u.low in _ORG_CONNECTORS and nxt is not None and nxt.cap and nxt.is_word:
            run.append(u)
            continue
        if not (u.is_word and u.cap):
            break
        run.append(u)
    owner = [i for i, u in enumerate(run[:-1]) if is_possessive(u.text)]
    return run[owner[-1] + 1 :] if owner else run


def _count(toks: list[_Tok]) -> int | None:
    words = [t.low for t in toks if t.is_word]
    for i, w in enumerate(words[:4]):
        if w in _NUMBERS:
            if w == "dozen" and i > 0 and words[i - 1] == "two":
                return 24
            return _NUMBERS[w]
        number = w.replace(",", "")  # "20,000" is one token
        if number.isdecimal():  # not isdigit: a superscript '¹' is a digit but no number
            return int(number)
    return None


def _head_noun(toks: list[_Tok]) -> _Tok | None:
    """The head of a noun phrase: the last word before "of", "who", "familiar", "in", ..."""
    words = [t for t in toks if t.is_word]
    for i, t in enumerate(words):
        if i > 0 and (
            t.low in _HEAD_STOPS or (t.low.endswith("ing") and not t.cap and len(t.low) > 5)
        ):
            return _before_time_adjunct(words[:i])
    return _before_time_adjunct(words) if words else None


def _before_time_adjunct(words: list[_Tok]) -> _Tok:
    """The last word before a time adjunct closing a noun phrase ("a report | last year", "a
    study | last year by economists", "a report | Tuesday"): a time is never the head."""
    k = len(words)
    while k > 1 and words[k - 1].low in _TIME_WORDS:
        k -= 1
    if k < len(words) and k > 1 and words[k - 1].low in _TIME_PREMODIFIERS:
        k -= 1
    return words[k - 1] if k >= 1 else words[-1]


def _multiword_hits(lows: list[str], kind: str) -> list[str]:
    """The multi-word entries of ``kind`` found in the lower-cased words (a final possessive is
    ignored)."""
    index = _multiword_index(kind)
    out = []
    for i, w in enumerate(lows):
        for words in index.get(w, ()):
            n = len(words)
            got = lows[i : i + n]
            if len(got) == n and (
                tuple(got) == words or tuple(got[:-1]) + (strip_possessive(got[-1]),) == words
            ):
                out.append(" ".join(words))
    return out


@lru_cache(maxsize=16)
def _multiword_index(kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in _lexicon().multi.get(kind, ()):
        index.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in index.items()}


def _plausible_speaker(toks: list[_Tok]) -> bool:
    """A speaker after an inverted cue or between commas: a capitalised name or title ("Alan
    Abramowitz", "Sen. Graham"), or a determiner or number before a word of the source lexicon
    ("some Democrats", "several observers", "advisers"); not a pronoun, a clause ("they will
    vote"), a time or a preposition."""
    words = [t for t in toks if t.is_word]
    if not words or len(words) > 12:
        return False
    first = words[0]
    if (
        first.low in _TIME_WORDS
        or first.low in _PREPOSITIONS
        or first.low in _PRONOUNS
        or first.low in _NOT_SPEAKER_OPENERS
    ):
        return False
    if any(
        (t.low in _lexicon().verbs or t.low in _CLAUSE_AUXILIARIES) and not t.cap for t in words[1:]
    ):  # a verb inside: a clause ("they will vote"); "Abdourahim Said Bakar" is a name
        return False
    if first.cap:
        return True
    kinds = _lexicon().kinds
    known = (
        kinds.get("anonymous", frozenset())
        | kinds.get("role", frozenset())
        | kinds.get("title", frozenset())
    )
    # "..., say civilians": a plural noun of people by its agent ending is a source too
    return any(t.low in known for t in words) or is_people_noun(words[-1].low)


def _first_verb_index(toks: list[_Tok], before: int | None = None) -> int:
    """The main clause's first verb: a past or third-person form lemminflect knows as a verb (an
    irregular past too: "went", "sent"), after any fronted adverbial ("Yesterday, in his weekly
    radio address, Obama linked ..."); with ``before``, the first such verb before that token,
    fronted clauses included ("When he returned he began by saying")."""
    start = _after_fronted_adverbials(toks) if before is None else 0
    for i in range(start + 1, len(toks[:before])):
        if finite_verb_at(toks, i):
            return i
    return 0


def finite_verb_at(toks: list[_Tok], i: int) -> bool:
    """Is the word at ``i`` a clause's verb: a lower-case past or third-person form lemminflect
    knows as a verb, an irregular past ("He went further on Tuesday, saying ...") or an unmarked
    past after a subject pronoun ("Then he cut into Bush, calling him ...")?"""
    t = toks[i]
    return (
        t.is_word
        and not t.cap
        and t.low not in _NOT_VERB_WORDS
        and (
            ((t.low.endswith("ed") or t.low.endswith("s")) and can_be_verb(t.low))
            or is_irregular_past(t.low)
            or (i > 0 and is_unmarked_past(t.low) and toks[i - 1].low in _SUBJECT_PRONOUNS)
        )
    )


def _after_fronted_adverbials(toks: list[_Tok]) -> int:
    """The index where the main clause opens: past every comma-closed segment at the start of the
    sentence that an adverbial opener begins ("Yesterday,", "in his weekly radio address,")."""
    return _past_fronted_adverbials(toks, 0, len(toks), reach=12, rounds=len(toks))


# capitalised words or short titles ("Mr.", "Gen.") on the surname's line: a longer word with a
# period ends a sentence ("from New York. Sanders", "of Donald J. Trump.\n\nMr. Putin")
_RUN_BEFORE = re.compile(r"(?:(?:[A-Z][\w’'\-]+|[A-Z][a-z]{1,2}\.)[ \t\u00a0]+){1,2}$")


_ALNUM_RUN = re.compile(r"[^\W_]+")
# a run of letters and digits that starts with a letter other than a-z: the capitalised candidates
# (the rest are checked with str.isupper); surnames are capitalised, and most words are not
# (the look-behind after the first letter, not before it: the search then jumps between capitals)
_CAPITAL_RUN = re.compile(r"[^\W\d_a-z](?<![^\W_].)[^\W_]*")


def word_positions(text: str) -> dict[str, list[int]]:
    """Where each capitalised run of letters and digits starts in ``text``: one scan, so that
    looking up the occurrences of many surnames in a long article stays linear."""
    index: dict[str, list[int]] = {}
    for m in _CAPITAL_RUN.finditer(text):
        word = m.group()
        if word[0].isupper():
            index.setdefault(word, []).append(m.start())
    return index


def _occurrences(text: str, word: str, index: dict[str, list[int]] | None) -> Iterable[int]:
    """Starts of ``word`` as a whole word: from the index when the word is one capitalised run of
    letters."""
    if index is not None and word[:1].isupper() and _ALNUM_RUN.fullmatch(word):
        yield from index.get(word, ())
        return
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if (end == len(text) or not text[end].isalnum()) and (i == 0 or not text[i - 1].isalnum()):
            yield i
        i = text.find(word, end)


def _name_before(
    text: str, word: str, index: dict[str, list[int]] | None = None
) -> Iterable[tuple[int, int]]:
    """Spans of "First [Middle] <word>" in ``text``: capitalised words right before each occurrence
    of ``word``."""
    for i in _occurrences(text, word, index):
        m = _RUN_BEFORE.search(text, max(0, i - 60), i)
        if m:
            yield m.start(), i + len(word)
