"""Cues: which words of a sentence are reporting cues (verbs used as finite verbs, "according to",
"citing", "quoted as", a source's colon)."""

from __future__ import annotations

from ..english import (
    first_names,
    is_adjective_only,
    is_adverb,
    is_finite_verb,
    is_noun_only,
    is_plural_noun,
    is_regular_plural_noun,
    tagger_lexicon,
)
from ..inflection import can_be_verb, is_base_verb, is_irregular_past
from ..mentions import is_people_noun
from .data import (
    _ADVERBIAL_OPENERS,
    _ADVERBS,
    _AS_COMPLEMENT_VERBS,
    _ASK_VERBS,
    _ASPECTUAL_BEFORE_TO,
    _BE_FORMS,
    _CLAUSE_STOPS,
    _CLOSE_QUOTES,
    _COLLECTIVE_SUBJECTS,
    _COLON_LABELS,
    _CONJUNCTIONS,
    _DETERMINERS,
    _FINDING_VERBS,
    _FOR_STATEMENT_NOUNS,
    _FUNCTION_CAPS,
    _HEARSAY_PASSIVES,
    _LIGHT_VERBS,
    _MODALS,
    _NOUN_LIKE,
    _NOUN_MODIFIER_PREPOSITIONS,
    _NUMBERS,
    _OF_COMPLEMENT_VERBS,
    _OPEN_QUOTES,
    _PARTICIPLE_OPENERS,
    _PARTICIPLES,
    _POLL_NOUNS,
    _PREPOSITION_SENSES,
    _PREPOSITIONS,
    _PRONOUNS,
    _QUESTION_WORDS,
    _RECIPIENT_PASSIVES,
    _STATEMENT_COMPLEMENTS,
    _STATEMENT_NOUNS,
    _STATEMENT_OCCASIONS,
    _SUBORDINATORS,
    _TIME_PREPOSITIONS,
    _TIME_SUBORDINATORS,
    _TIME_WORDS,
    _VERB_PREMODIFIERS,
    _cue_vocabulary,
    _lexicon,
    is_closed_class,
)
from .data import (
    _CLAUSE_AUXILIARIES as _CLAUSE_AUX,
)
from .documents import document_antecedent, document_head_before
from .spans import _clause_verb, _in_quote, _relative_that
from .speaker_np import head_classes
from .tokens import _Tok, is_possessive, without_clitic


def _source_colon(toks: list[_Tok], quotes: list[tuple[int, int]]) -> int | None:
    """ "Graham: Trump's rhetoric is destroying the party": a headline or lead that opens with a
    source, then a colon (within the first five tokens); or a source introducing a quotation
    ("From the report: “...”", "Rep. Trey Gowdy (R-S.C.): “...”", "Here's Clinton in December
    1992: “...”"); the colon's index, or None."""
    verbs = _lexicon().verbs
    quoted = _colon_before_quote(toks, quotes)
    if quoted is not None:
        return quoted
    colon = next((k for k, t in enumerate(toks[:7]) if t.text == ":"), None)
    if (
        colon
        and 0 < colon <= 4
        and colon + 1 < len(toks)
        and any(t.cap for t in toks[:colon])
        and not any(
            t.low in verbs or t.low in _PREPOSITIONS or t.low in _COLON_LABELS for t in toks[:colon]
        )
        and (not _in_quote(toks[colon].start, quotes) or _transcript_label(toks, colon))
        and not _no_label_before(toks, colon)
    ):
        return colon
    return None


def _no_label_before(toks: list[_Tok], colon: int) -> bool:
    """Are the words before a colon a clause or function words, no source's label ("The pattern
    is clear:", "But that was notable:", "Now we know:", "So:", "Plus:"), unless a possessive name
    owns them?"""
    words = [t for t in toks[:colon] if t.is_word]
    if all(is_closed_class(t.low) for t in words):
        return True
    if any(t.cap and is_possessive(t.text) for t in words):
        return False  # "Clinton’s response was: ...": the owner of the words is the source
    return any(
        not t.cap and (t.low in _CLAUSE_AUX or is_finite_verb(t.low) or _past_form(t.low))
        for t in words[1:]
    )


def _past_form(low: str) -> bool:
    """A lower-case past form of a verb ("remained", "included")."""
    return low.endswith("ed") and len(low) > 4 and can_be_verb(low)


def _transcript_label(toks: list[_Tok], colon: int) -> bool:
    """A transcript's speaker label inside a quoted block: the paragraph's opening mark, then a
    name in capitals, then the colon ("“WALLACE: Do you really see those two as equivalent?",
    "“PENCE: And that's why ...")."""
    words = toks[1:colon]
    return (
        toks[0].text in _OPEN_QUOTES
        and bool(words)
        and all(t.is_word and t.text.isupper() and len(t.text) > 1 for t in words)
    )


def _colon_before_quote(toks: list[_Tok], quotes: list[tuple[int, int]]) -> int | None:
    """A colon within the first twelve tokens, right before an opening quotation mark, after a
    phrase holding a capitalised word or a document noun and no reporting verb (a verb before
    the colon is read by the verb constructions)."""
    verbs = _lexicon().verbs
    colon = next((k for k, t in enumerate(toks[:12]) if t.text == ":"), None)
    if not colon or colon + 1 >= len(toks) or toks[colon + 1].text not in _OPEN_QUOTES:
        return None
    before = [t for t in toks[:colon] if t.is_word]
    kinds = _lexicon().kinds
    documents = kinds.get("document_noun", frozenset()) | kinds.get("media_noun", frozenset())
    if (
        not before
        or any(
            t.low in verbs and not t.cap and _is_verb_use(toks, k)
            for k, t in enumerate(toks[:colon])
        )
        or any(t.low in _CLAUSE_AUX and not t.cap for t in before)  # a clause: statement_colon
        or not any((t.cap and t.low not in _FUNCTION_CAPS) or t.low in documents for t in before)
        or _in_quote(toks[colon].start, quotes)
    ):
        return None
    return colon


def _find_cues(toks: list[_Tok], quotes: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(first token, end token, kind) of every cue outside quotes."""
    verbs = _lexicon().verbs
    out = []
    n = len(toks)
    headline = None  # Title Case ("County Says ..."): asked of a capitalised verb only
    colon = _source_colon(toks, quotes)
    if colon is not None:
        out.append((colon, colon + 1, "colon"))
    candidates = _cue_vocabulary()
    resume = 0  # past "according to": its "to" is no cue
    # only the words of the cue vocabulary can be cues: the others are never looked at
    for i in [k for k, t in enumerate(toks) if t.low in candidates]:
        if i < resume:
            continue
        t = toks[i]
        low = t.low
        if _in_quote(t.start, quotes) and not _reported_in_quote(toks, i):
            continue
        if low == "according":
            if i + 1 < n and toks[i + 1].low == "to":
                out.append((i, i + 2, "according"))
                resume = i + 2
                continue
        elif low == "citing":
            out.append((i, i + 1, "citing"))
            continue
        elif low in ("quoted", "quotes", "quoting") and i > 0:
            # "the report quoted X as saying"
            if any(
                toks[k].low == "as"
                and k + 1 < n
                and toks[k + 1].low in ("saying", "telling", "stating", "warning")
                for k in range(i + 1, min(n, i + 25))
            ):
                out.append((i, i + 1, "quoted_as"))
            continue
        if i <= 1 and fronted_participle_start(toks) == i:
            out.append((i, i + 1, "verb"))  # "Noting that ..., Tester added: ..."
            continue
        fronted_passive = i == 0 and t.cap and _reported_passive(toks, i)  # "Asked by X"
        if t.cap and i > 0 and headline is None:
            headline = _title_case(toks)
        if (
            low in verbs
            and t.is_word
            and (not t.cap or (headline and i > 0) or fronted_passive)
            and _is_verb_use(toks, i)
        ):
            out.append((i, i + 1, "verb"))
    statement = _statement_colon(toks, quotes, out)
    if statement is not None:
        out.append((statement, statement + 1, "statement_colon"))
    if not out:  # a poll's standing with no reporting cue of its own ("..., in the CBS poll")
        out.extend((k, k + 1, "poll") for k in _poll_prepositions(toks, quotes))
    taken = {c[0] for c in out}
    out.extend(
        (k, k + 1, "noun")
        for k, t in enumerate(toks)
        if t.low in _STATEMENT_NOUNS
        and k not in taken
        and not t.cap
        and not _in_quote(t.start, quotes)
        and noun_complement(toks, k) is not None
        and (
            possessive_source(toks, k) is not None
            or _source_after_noun(toks, k)
            or light_verb_before(toks, k) is not None
        )
    )
    return out


def fronted_participle_start(toks: list[_Tok]) -> int | None:
    """Where a reporting participle opening the sentence stands: 0 ("Noting that ..., Tester
    added"), 1 after a conjunction that takes one ("After saying he was nervous ..., the man
    ended up ..."); None when the sentence opens otherwise."""
    p = 1 if toks and toks[0].cap and toks[0].low in _PARTICIPLE_OPENERS else 0
    if fronted_participle_comma(toks, p) is None or toks[p].cap != (p == 0):
        return None
    return p


def fronted_participle_comma(toks: list[_Tok], p: int = 0) -> int | None:
    """The comma that closes a reporting participle at ``p`` opening the sentence with its
    complement ("Noting that only Sen. Mark Kirk voted with Democrats, | Tester added: ...",
    "Noting he majored in philosophy, | Allen said ..."); None when the sentence opens otherwise.
    A name or a pronoun must follow the comma: the main clause's subject says it."""
    if len(toks) < p + 5 or toks[p].low not in _PARTICIPLES:
        return None
    nxt = toks[p + 1]
    if not toks[p].low.endswith("ing") or not nxt.is_word or nxt.cap and nxt.low != "i":
        return None
    for k in range(p + 2, min(len(toks) - 1, 40)):
        if toks[k].text in ";:" or toks[k].text in _OPEN_QUOTES:
            return None
        if toks[k].text == ",":
            nxt = toks[k + 1]
            return k if nxt.cap or nxt.low in _PRONOUNS or nxt.low in _DETERMINERS else None
    return None


def _poll_prepositions(toks: list[_Tok], quotes: list[tuple[int, int]]) -> list[int]:
    """Where "in" opens a phrase that a poll noun closes, outside quotes: "in an NBC News/Wall
    Street Journal/Marist South Carolina poll", "In the new Post-ABC poll" (up to ten words
    between, no punctuation: "in Iowa, a CNN-ORC survey" is two phrases)."""
    out = []
    for k, t in enumerate(toks):
        if t.low not in _POLL_NOUNS or _in_quote(t.start, quotes):
            continue
        p = k - 1
        while p >= 0 and k - p <= 10 and _in_poll_name(toks[p]):
            p -= 1
        if p >= 0 and toks[p].low == "in" and p + 1 < k:
            nxt = toks[p + 1]
            if nxt.low in _DETERMINERS or nxt.cap or is_possessive(nxt.text):
                out.append(p)
    return out


def _in_poll_name(tok: _Tok) -> bool:
    """A word of a poll's noun phrase: no preposition, clause word or verb in lower case ("in
    Iowa according to the latest poll" is no poll's name)."""
    if not tok.is_word or tok.low in _PREPOSITIONS or tok.low in _CLAUSE_STOPS:
        return False  # "in a row that the Rasmussen poll has shown": a clause, no name
    return tok.cap or tok.low not in _lexicon().verbs


def _title_case(toks: list[_Tok]) -> bool:
    """Is the sentence in Title Case (a headline: "County Says ...")? Seven in ten of its words
    that open with a letter are capitalised, three words at least."""
    words = [t for t in toks if t.is_word and t.text[0].isalpha()]
    return len(words) >= 3 and sum([t.cap for t in words]) / len(words) >= 0.7


def noun_complement(toks: list[_Tok], k: int) -> int | None:
    """The token that opens the content of the statement noun at ``k`` ("that", "to", "for"),
    past a few time words or names ("announcement Tuesday that"), or past "of/by/from <source>"
    ("the statement of the Chairman of SADC that"); else None."""
    n = len(toks)
    j = k + 1
    if j < n and toks[j].low in ("of", "by", "from"):
        j += 1
        while j < min(n, k + 12) and toks[j].is_word and toks[j].low not in _STATEMENT_COMPLEMENTS:
            j += 1
    else:
        while j < min(n, k + 4) and toks[j].is_word and (toks[j].cap or toks[j].low in _TIME_WORDS):
            j += 1
    if j + 1 >= n:
        return None
    word = toks[j].low
    if word == "to" and not is_base_verb(toks[j + 1].low):
        return None  # "Trump's claim to the nomination", "his appeal to young voters"
    if word in _STATEMENT_COMPLEMENTS or (word == "for" and toks[k].low in _FOR_STATEMENT_NOUNS):
        return j
    return None


def possessive_source(toks: list[_Tok], k: int) -> tuple[int, int] | None:
    """(first token, end token) of a capitalised possessive right before the noun at ``k``
    ("North Korea's announcement", "Julian Assange's promise"), a leading "the" included."""
    if k == 0 or not toks[k - 1].cap or not is_possessive(toks[k - 1].text):
        return None
    a = k - 1
    while a > 0 and toks[a - 1].cap and a > k - 5:
        a -= 1
    if a > 0 and toks[a - 1].low == "the":
        a -= 1
    return a, k


def light_verb_before(toks: list[_Tok], k: int) -> int | None:
    """The index of a light verb ("made", "gave", "issued": word_classes light_verb) before the
    statement noun at ``k``, a determiner or adjectives between ("He made a statement that ...",
    "issued a stern warning that"); None otherwise."""
    j = k - 1
    while j >= 0 and k - j <= 4 and toks[j].is_word and not toks[j].cap:
        if toks[j].low in _LIGHT_VERBS:
            return j
        if not (toks[j].low in _DETERMINERS or is_adjective_only(toks[j].low)):
            return None
        j -= 1
    return None


def _source_after_noun(toks: list[_Tok], k: int) -> bool:
    """ "the statement of the Chairman of SADC that ...": a determiner before the noun and a
    source after "of", "by" or "from"."""
    return (
        k > 0
        and toks[k - 1].low in ("the", "a", "an")
        and k + 2 < len(toks)
        and toks[k + 1].low in ("of", "by", "from")
        and any(t.cap for t in toks[k + 2 : k + 6])
    )


def _statement_colon(
    toks: list[_Tok], quotes: list[tuple[int, int]], found: list[tuple[int, int, str]]
) -> int | None:
    """ "17-year-old Jared Potts echoed: “...”", "Mr. Smith shot back: ''...''": a colon after a
    clause with no reporting cue of its own, before a quotation (or closing the sentence, the
    quotation following); the colon's index, or None. ``statement_colon`` decides whether the
    clause's subject is a source."""
    colon = next((k for k, t in enumerate(toks) if t.text == ":" and k > 1), None)
    if colon is None or _in_quote(toks[colon].start, quotes):
        return None
    if any(k < colon or kind == "colon" for k, _j, kind in found):
        return None  # "X said: “...”", "From the report: “...”": read by other constructions
    if colon + 1 < len(toks) and toks[colon + 1].text not in _OPEN_QUOTES:
        return None
    return colon


_QUOTED_PERSONS = frozenset(("i", "you", "it", "let's"))


def _reported_in_quote(toks: list[_Tok], i: int) -> bool:
    """A speaker quoted as reporting a third party ("“Muqtada al-Sadr has told us not to ...”",
    "“The Secretary-General urges ...”"): a verb cue whose subject is a noun, not a pronoun; the
    quoted speaker's own "we think", "I urge" are part of the quotation."""
    if toks[i].low == "according":
        # "“It seems, according to various sources, that he is ...”": a source the quoted
        # speaker cites (not "according to plan", "according to age groups")
        return i + 1 < len(toks) and toks[i + 1].low == "to" and _source_word_after(toks, i + 2)
    if _lexicon().verbs.get(toks[i].low) in (None, "belief", "document", "question"):
        return False
    back = i - 1
    while back >= 0 and (toks[back].low in _VERB_PREMODIFIERS or toks[back].low in _CLAUSE_AUX):
        back -= 1
    if back < 0 or not toks[back].is_word:
        return False
    prev = toks[back]
    person = without_clitic(prev.low)  # "what we've been saying": the quoted speaker's own words
    if person in _PRONOUNS or person in _QUOTED_PERSONS or prev.low.endswith("ly"):
        return False
    if prev.low in _PREPOSITIONS and toks[i].low.endswith("ing"):
        return False  # "“... a symbol in calling for fundamental political rights”": a gerund
    # not an adjective before a noun ("the utmost caution")
    return not (i + 1 < len(toks) and toks[i + 1].text in _CLOSE_QUOTES and back == i - 1)


_SOURCE_KINDS = ("anonymous", "media_noun", "document_noun", "media_outlet", "org_keyword")


def _source_word_after(toks: list[_Tok], k: int) -> bool:
    """Does a source open at ``k``, past determiners and quantifiers: a capitalised word or a
    noun the source lexicon knows ("the Pew Hispanic Center", "various sources", "data from")?"""
    kinds = _lexicon().kinds
    quantifiers = head_classes()["quantifier"]
    while k < len(toks) and (
        toks[k].low in _DETERMINERS
        or toks[k].low in quantifiers
        or toks[k].low in _NUMBERS
        or toks[k].low in ("various", "multiple")
    ):
        k += 1
    if k >= len(toks) or not toks[k].is_word:
        return False
    return toks[k].cap or any(toks[k].low in kinds.get(kind, ()) for kind in _SOURCE_KINDS)


def _after_comma(toks: list[_Tok], i: int) -> bool:
    """A comma (or dash) right before token ``i``, also inside a closing quotation mark
    ("... a “distortion,” describing ...")."""
    prev = toks[i - 1] if i > 0 else None
    if prev is None:
        return False
    if prev.text in ",—–":
        return True
    return prev.text in _CLOSE_QUOTES and i > 1 and toks[i - 2].text == ","


def _after_comma_past_adverbs(toks: list[_Tok], i: int) -> bool:
    """A comma (``_after_comma``) right before token ``i``, or before the -ly adverbs that stand
    right before it ("..., eventually saying", "..., repeatedly insisting")."""
    p = i - 1
    while p > 0 and toks[p].low.endswith("ly") and not toks[p].cap and len(toks[p].low) > 4:
        p -= 1
    return _after_comma(toks, p + 1)


def _name_before_past(toks: list[_Tok], back: int, i: int) -> bool:
    """Is a capitalised modal before a past form a name ("Will wrote", "In particular, Will
    wrote, ...", "May said": George Will, Theresa May)? A modal takes a base form, never a past."""
    low = toks[i].low
    return toks[back].cap and (low.endswith("ed") or is_irregular_past(low))


def _coordinated_participle(toks: list[_Tok], i: int) -> bool:
    """Is the -ing form at ``i`` coordinated ("and", "but") with a reporting participle that
    follows a comma earlier in the sentence ("..., calling him a “stiff” and accusing him of
    ...", "..., saying she's experienced but suggesting that ...")? It reports as that one does."""
    if i < 3 or toks[i - 1].low not in ("and", "but"):
        return False
    return any(
        toks[k].low.endswith("ing") and toks[k].low in _PARTICIPLES and _after_comma(toks, k)
        for k in range(max(1, i - 30), i - 1)
    )


def _after_message_noun(toks: list[_Tok], i: int) -> bool:
    """ "The town released a statement Wednesday saying ...", "sent a tweet saying": the
    participle after a message noun (a document noun of the source lexicon; a time word
    between) reports for the main clause's subject."""
    p = i - 1
    while p > 0 and toks[p].low in _TIME_WORDS:
        p -= 1
    if p > 0 and toks[p].low in _STATEMENT_NOUNS and is_possessive(toks[p - 1].text):
        return True  # "Migiro's remarks calling the situation ...": the owner's statement
    return p > 0 and toks[p].low in _lexicon().kinds.get("document_noun", ())


def _opens_complement(toks: list[_Tok], i: int) -> bool:
    """A quotation or "that" right after the word (past a comma or colon)."""
    j = i + 1
    while j < len(toks) and toks[j].text in ",:":
        j += 1
    return j < len(toks) and (toks[j].text in _OPEN_QUOTES or toks[j].low == "that")


def _went_on_to(toks: list[_Tok], i: int) -> bool:
    """ "Huang went on to call ...": "go on to" and its verb report like a finite verb."""
    return i >= 3 and toks[i - 2].low == "on" and toks[i - 3].low in ("went", "goes", "go")


def _negated(toks: list[_Tok], i: int) -> bool:
    """A negation among the three tokens before a cue, within its clause ("did not mention",
    "hasn't said"; not "not only said")."""
    for k in range(i - 1, max(-1, i - 4), -1):
        low = toks[k].low
        if toks[k].text in ",;:" or toks[k].text in _CLOSE_QUOTES:
            return False
        if low in ("not", "never") or low.endswith(("n't", "n’t")):
            return not (k + 1 < len(toks) and toks[k + 1].low == "only")
    return False


def _adjective_after_preposition(toks: list[_Tok], i: int) -> bool:
    """An -ed form right after a preposition is an adjective or a participle, never a finite
    verb ("under repeated assault", "a story about alleged fraud")."""
    prev = toks[i - 1] if i > 0 else None
    return (
        toks[i].low.endswith("ed")
        and prev is not None
        and not prev.cap
        and (_plain_preposition(prev.low))
    )


def _plain_preposition(low: str) -> bool:
    """Is the word only a preposition in the tagger lexicon ("under", "with", "amid")? Not "that"
    (a relative: "the paper that reported"), "as" or "if" ("as expected", "if asked whether"), nor
    a word the project reads as an adverb ("has since denounced")."""
    if low in ("that", "as", "if") or low in _ADVERBS:
        return False  # "has since denounced": an adverb
    return tagger_lexicon().get(low) == _PREPOSITION_TAG


_PREPOSITION_TAG = frozenset(("IN",))


def _finite_verb_after_that(toks: list[_Tok], j: int) -> bool:
    """Is the "that" at ``j`` followed by a finite verb, so a relative pronoun ("a report that
    claimed", "emails that were")? A gerund or a bare form opens a clause ("shows that getting
    ...", "estimates that close to 19,000 ...")."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None or nxt.cap or not nxt.is_word:
        return False
    low = nxt.low
    return (
        low in _CLAUSE_AUX
        or (low.endswith(("ed", "s")) and not low.endswith("ss") and can_be_verb(low))
        or is_irregular_past(low)  # "a statement that sought to address ..."
    )


def source_noun_before(toks: list[_Tok], k: int) -> int | None:
    """The index of the document or outlet noun that closes the phrase before ``k``, right before
    it or before a participle that modifies it ("a BBC report | that", "a CIA report | issued two
    weeks earlier | that"); else None."""
    kinds = _lexicon().kinds
    nouns = kinds.get("document_noun", frozenset()) | kinds.get("media_noun", frozenset())
    for j in range(k - 1, max(-1, k - 7), -1):
        t = toks[j]
        if not t.is_word:
            return None
        if t.low in nouns and not t.cap:
            modified = j + 1 < k and toks[j + 1].low.endswith("ed") and not toks[j + 1].cap
            return j if j == k - 1 or modified else None
    return None


def _is_determiner(tok: _Tok) -> bool:
    return tok.low in _DETERMINERS or is_possessive(tok.text)


def _preposition_sense(toks: list[_Tok], i: int) -> bool:
    """Is the form at ``i`` right before a preposition after which it reports nothing ("compared
    with 23 percent", "adding to her delegate lead"), with no colon, quotation or "that" opening
    a content just after ("adding to CNN: “I feel no pity”" reports)?"""
    if toks[i].low in _AS_COMPLEMENT_VERBS:
        return not _as_follows(toks, i)  # "refers to X as Y" reports; "refers to a new tax" not
    if i + 1 >= len(toks) or toks[i + 1].low not in _PREPOSITION_SENSES.get(toks[i].low, ()):
        return False
    after = toks[i + 2 : i + 5]
    return not any(t.text == ":" or t.text in _OPEN_QUOTES or t.low == "that" for t in after)


def _as_follows(toks: list[_Tok], i: int) -> bool:
    """Does "as" follow the form at ``i`` within eight tokens, before a clause stop?"""
    for t in toks[i + 1 : i + 9]:
        if t.text in ",;:" or t.text in _CLOSE_QUOTES:
            return False
        if t.low == "as":
            return True
    return False


def _occasion_after(toks: list[_Tok], k: int) -> bool:
    """Does "in" at ``k`` open the occasion of a statement ("explained in its release", "wrote in
    a letter", "said in a statement"): a statement_occasion noun within three words?"""
    return any(t.low in _STATEMENT_OCCASIONS for t in toks[k + 1 : k + 4])


def _participle_reports(toks: list[_Tok], i: int, back: int) -> bool:
    """Does the -ing cue at ``i`` report? Only after a comma ("..., warning of"), in "with X
    saying", as a progressive ("residents are pleading for"), as a gerund after "by", "in" or
    "while", or with a complement of its own; never as the object of another preposition
    ("banning migrants from claiming asylum", "accused of saying")."""
    if _opens_complement(toks, i):
        return True  # "criticized Israel for the toll saying, “...”": the participle's quote
    progressive = back >= 0 and toks[back].low in _BE_FORMS
    p = i - 1
    while p >= 0 and toks[p].low.endswith("ly") and not toks[p].cap:
        p -= 1
    gerund = p >= 0 and toks[p].low in ("by", "in", "while")  # "in openly warning", "by saying"
    if p >= 0 and p == i - 1 and toks[p].low in _PREPOSITIONS and not gerund:
        return False
    return (
        i > 0
        and (
            progressive
            or gerund
            or _after_comma_past_adverbs(toks, i)  # "..., warning of", "..., eventually saying"
            or _after_message_noun(toks, i)
            or any(t.low == "with" for t in toks[max(0, i - 6) : i])
            or _coordinated_participle(toks, i)
        )
    )


def _no_report_after_be(toks: list[_Tok], i: int) -> bool:
    """After a form of "be", is the cue word at ``i`` no report: an adjective ("Moves to reduce the
    backlog are welcome") or a passive ("the deal was announced"), except "was quoted as saying"
    and a passive with its agent ("was first reported by MSNBC": passive_by reads it)?"""
    low = toks[i].low
    if not low.endswith(("ed", "en", "ing")) and not is_irregular_past(low):
        return True
    return (
        _passive_participle(low)
        and not _reporting_passive(toks, i)
        and not _reported_passive(toks, i)
    )


def _is_verb_use(toks: list[_Tok], i: int) -> bool:
    """Is a reporting-verb form used as a finite verb here ("the report said": "report" is a
    noun)?"""
    low = toks[i].low
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (
        _preposition_sense(toks, i)  # "..., compared with 23 percent who said"
        or _after_infinitive_to(toks, i)
        or _finding_participle_without_document(toks, i)
        or _aspectual(toks, i)
        or _adjective_after_preposition(toks, i)  # "under repeated assault", "with renewed calls"
        or _adjective_after_number(toks, i)  # "by 271 pledged delegates"
        or _lets_say(toks, i)  # "Let's say they're in the majority": a supposition
        or _set_phrase(toks, i)  # "easier said than done", "as they say": nobody is reported
    ):
        return False
    back = i - 1
    while back >= 0 and toks[back].low in _VERB_PREMODIFIERS:
        back -= 1
    if back >= 0 and toks[back].low in _MODALS and not _name_before_past(toks, back, i):
        return False  # "can't say", "would say": not a report of speech
    if _negated(toks, i):
        return False  # "did not explain", "has not said": no statement is reported
    if back >= 0 and toks[back].low in _BE_FORMS and _no_report_after_be(toks, i):
        return False
    if _as_passive(toks, i) and _reported_passive(toks, i):
        return True  # "as (first) reported by the New York Times": passive_by reads it
    if _past_form_before_main_verb(toks, i):
        return False  # "New polls released Sunday showed Clinton taking a lead": a participle
    if _naming_participle(toks, i) or _called_one_name(toks, i):
        return False  # "a periodical called Nameh", "a group called the “We The People Foundation”"
    if prev is not None and _is_determiner(prev) and is_adjective_only(low):
        return False  # "aside from a brief return": an adjective (the verb "brief" is rare)
    if (
        low.endswith(("ed", "ing"))
        and prev is not None
        and _is_determiner(prev)
        # "a BBC report that claimed": "that" is the report's relative pronoun, no determiner
        and not (prev.low == "that" and source_noun_before(toks, i - 1) is not None)
    ):
        if not _adverb_after_subject(toks, i - 1):
            return False  # "a disputed election", "detailed plans": an adjective
    if low in _NOUN_LIKE and not _went_on_to(toks, i) and _is_noun_use(toks, i):
        return False
    if low.endswith("ing") and low not in ("according",):
        return _participle_reports(toks, i, back)
    if (
        low.endswith("ed")
        and nxt is not None
        and nxt.low in ("in", "by")
        and prev is not None
        and prev.is_word
        and (not prev.cap or i == 1)
        and not ((prev.cap or prev.low in _PRONOUNS) and _complement_within(toks, i + 1, 12))
        and not (nxt.low == "in" and _own_complement(toks, i + 1, 12))
        and not _pronoun_subject(toks, i)  # "She also argued in favor of ...": a finite verb
        and not _after_be_form(toks, i)  # "was (first) reported by": a passive
        and not (nxt.low == "by" and prev.low in _REDUCED_CLAUSE_OPENERS)
        and not (nxt.low == "in" and low not in _ASK_VERBS and _occasion_after(toks, i + 1))
    ):
        return False  # "analysts quoted in the report": a participle modifier
    return True


# a subordinator before a reduced passive clause: "when asked by a reporter if ...", "after
# being told by" (the subject and "was" left out), a passive with its agent
_REDUCED_CLAUSE_OPENERS = _SUBORDINATORS | _TIME_SUBORDINATORS


# the verb categories of reporting_verbs.csv whose passive with an agent reports a statement
# ("was reported by MSNBC", "was asked by a reporter whether"); "was criticized by rivals" is not
_PASSIVE_CATEGORIES = frozenset(("speech", "report", "claim", "question"))


def _reported_passive(toks: list[_Tok], i: int) -> bool:
    """A passive of a reporting verb with its agent: the construction ``passive_by`` reads it."""
    return (
        _lexicon().verbs.get(toks[i].low) in _PASSIVE_CATEGORIES and _by_agent(toks, i) is not None
    )


def _by_agent(toks: list[_Tok], i: int) -> int | None:
    """The index of "by" right after a past participle (an adverb or a short time adjunct
    between), the agent of a passive ("was first reported by MSNBC", "was asked by a reporter");
    else None; past an as-predicate too ("was described as a “hero” by the President")."""
    predicate_end = _as_predicate_end(toks, i)
    if predicate_end is not None:
        return predicate_end
    for k in range(i + 1, min(len(toks), i + 3)):
        if toks[k].low == "by":
            return k if k + 1 < len(toks) and toks[k + 1].is_word else None
        if not (toks[k].low in _ADVERBS or toks[k].low.endswith("ly")):
            return None
    return None


def _as_predicate_end(toks: list[_Tok], i: int) -> int | None:
    """The index of the "by" that closes an as-predicate right after the participle at ``i``
    ("hailed | as a “hero” | by the President of Gabon"), up to eight words with no clause mark
    between; else None."""
    if i + 2 >= len(toks) or toks[i + 1].low != "as" or not _passive_context(toks, i):
        return None  # "acknowledged as much in an article by ...": active, no agent
    for k in range(i + 2, min(len(toks) - 1, i + 11)):
        if toks[k].low == "by":
            return k if k > i + 2 and toks[k + 1].is_word else None
        if toks[k].text in ",;:()—–" or toks[k].low in _CLAUSE_STOPS:
            return None
    return None


def _passive_context(toks: list[_Tok], i: int) -> bool:
    """Is the participle at ``i`` passive: after a form of "be" ("was described as"), or opening
    an aside after a comma or a dash ("the investigation — often labeled as a “witch hunt” by
    Democrats —"), adverbs between?"""
    if _after_be_form(toks, i):
        return True
    k = i - 1
    while k >= 0 and (toks[k].low in _ADVERBS or toks[k].low.endswith("ly")):
        k -= 1
    return k >= 0 and toks[k].text in ",—–("


def _naming_participle(toks: list[_Tok], i: int) -> bool:
    """ "called" right after a noun that a determiner opens ("a banned periodical called Nameh"),
    before a name or a quotation: the thing's name, not a report."""
    if toks[i].low not in ("called", "dubbed", "named", "titled") or i < 2:
        return False
    prev, nxt = toks[i - 1], toks[i + 1] if i + 1 < len(toks) else None
    if prev.text == "," and _apposed_name(toks, i):
        return True  # "an additional shot, called a booster, to fight the new variant"
    if prev.low in ("something", "anything") and nxt is not None and nxt.is_word:
        return True  # "with something called a tax on Wall Street speculation"
    if (
        nxt is not None
        and nxt.low == "the"
        and i + 2 < len(toks)
        and toks[i + 2].cap
        and prev.is_word
        and not prev.cap
    ):
        nxt = toks[i + 2]  # "a resistance movement called the Ethiopian People's ... Party"
    if nxt is None or not (nxt.cap or nxt.text in _OPEN_QUOTES) or not prev.is_word or prev.cap:
        return False
    if prev.low in _PRONOUNS or prev.low in _lexicon().kinds.get("anonymous", ()):
        return False  # "officials called Trump ...": a source's words
    return any(t.low in ("a", "an") for t in toks[max(0, i - 4) : i - 1])


def _past_form_before_main_verb(toks: list[_Tok], i: int) -> bool:
    """Is the past form at ``i`` followed by a time adjunct only, then a lower-case finite verb
    with no subject of its own? Then that verb is the main clause's and the form either modifies
    the noun before it ("New polls released Sunday showed ...") or is a relative clause's verb
    whose object is the gap ("This ad that Trump released today is horrific"): no content. After
    a pronoun the time word can only be the content's subject ("he said today was the day")."""
    low, n = toks[i].low, len(toks)
    if i == 0 or not (low.endswith("ed") or is_irregular_past(low)):
        return False
    prev = toks[i - 1]
    if not prev.is_word or prev.low in _PRONOUNS or prev.low in _ADVERBS or is_adverb(prev.low):
        return False  # "Nasrallah similarly said Sunday said that": an adverb goes with a verb
    if prev.cap and not any(t.low in _RELATIVES for t in toks[max(0, i - 4) : i - 1]):
        return False  # "Trump said Tuesday is the deadline": the name is the subject
    k = i + 1 + (i + 1 < n and toks[i + 1].low in _TIME_PREPOSITIONS)
    start = k
    while k < n and toks[k].low in _TIME_WORDS:
        k += 1
    return start < k < n and _clause_verb(toks[k])


def _called_one_name(toks: list[_Tok], i: int) -> bool:
    """ "called" with one name or one quotation after it and nothing said about it: a thing's
    name when the clause's verb follows ("a group within Scientology called the Sea Org was first
    persuaded"), a name or a telephone call when the clause ends ("a group called the “We The
    People Foundation.”", "Mr. Obama called Naghmeh Abedini."). Speech calls something something
    ("called Wall Street bankers “fat cats”"), or calls what a relative word before it stands for
    ("a country that the previous Republican nominee, Mitt Romney, called “our No.1 foe.”")."""
    if toks[i].low != "called" or i + 1 >= len(toks):
        return False
    k = _one_name_end(toks, i + 1 + (toks[i + 1].low == "the"))
    if k is None or (toks[k - 1].text in _CLOSE_QUOTES and _people_before(toks, i)):
        return False  # "lawmakers called “...”": people calling something that
    if k < len(toks) and toks[k].text not in _CLAUSE_ENDS:
        return _clause_verb(toks[k])
    return not any(t.low in _GAP_WORDS for t in toks[max(0, i - 15) : i])


def _people_before(toks: list[_Tok], i: int) -> bool:
    """A name, a pronoun or a noun of people right before token ``i``."""
    prev = toks[i - 1] if i else None
    if prev is None or not prev.is_word:
        return False
    anonymous = _lexicon().kinds.get("anonymous", ())
    return prev.cap or prev.low in _PRONOUNS or prev.low in anonymous or is_people_noun(prev.low)


def _one_name_end(toks: list[_Tok], k: int) -> int | None:
    """The end of one quotation or one run of capitalised words (with "of", "for", "and" inside)
    opening at ``k``; None when neither opens there."""
    if k >= len(toks):
        return None
    if toks[k].text in _OPEN_QUOTES:
        close = next((q for q in range(k + 1, len(toks)) if toks[q].text in _CLOSE_QUOTES), None)
        return None if close is None else close + 1
    if not toks[k].cap:
        return None
    start = k
    while k < len(toks) and (toks[k].cap or toks[k].low in ("of", "for", "and")):
        k += 1
    while k > start and toks[k - 1].low in ("of", "for", "and"):
        k -= 1
    return k


_CLAUSE_ENDS = frozenset((".", ";", "!", "?"))
# relative words that stand for what is called something ("what he called", "which she called")
_GAP_WORDS = frozenset(("what", "which", "whom", "who", "that"))


def _apposed_name(toks: list[_Tok], i: int) -> bool:
    """After a comma, "called" and one short indefinite noun phrase closed by a comma or the
    sentence's end (", called a booster,"): the name of the thing before, no report."""
    if i + 2 >= len(toks) or toks[i + 1].low not in ("a", "an"):
        return False
    end = next((k for k in range(i + 2, min(len(toks), i + 6)) if not toks[k].is_word), None)
    return end is not None and toks[end].text in (",", ".", ";")


def _after_be_form(toks: list[_Tok], i: int) -> bool:
    """A form of "be" before token ``i``, adverbs between ("was first", "has been publicly")."""
    k = i - 1
    while (
        k >= 0
        and toks[k].low not in _BE_FORMS
        and (toks[k].low in _ADVERBS or toks[k].low.endswith("ly"))
    ):
        k -= 1
    return k >= 0 and toks[k].low in _BE_FORMS


def _adverb_after_subject(toks: list[_Tok], k: int) -> bool:
    """ "MSNBC first reported", "he earlier said", "was first reported by": a word that is a
    determiner or an adverb ("first", "earlier") after a subject (a capitalised word or a
    pronoun) or an auxiliary is the adverb."""
    return (
        k >= 1
        and toks[k].low in _ADVERBS
        and toks[k - 1].is_word
        and (toks[k - 1].cap or toks[k - 1].low in _PRONOUNS or toks[k - 1].low in _CLAUSE_AUX)
    )


def _complement_within(toks: list[_Tok], k: int, reach: int) -> bool:
    """ "Pate claimed in an interview that ...": after a name or a pronoun, "that", a quotation or
    a colon within ``reach`` tokens makes an "-ed in/by" form the verb of a report, not a
    participle modifier ("A statement released by the UN ... addressed reports that" keeps the
    veto: a noun before it)."""
    return any(
        t.low == "that" or t.text in _OPEN_QUOTES or t.text == ":" for t in toks[k : k + reach]
    )


def _after_infinitive_to(toks: list[_Tok], i: int) -> bool:
    """An infinitive ("a decision ... to declare") or a participle right after one ("trying to
    investigate alleged abuses": before the object), not "went on to say"."""
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.low == "to" and not _went_on_to(toks, i):
        return True
    return (
        i >= 2
        and toks[i - 2].low == "to"
        and not prev.cap
        and toks[i].low.endswith("ed")
        and is_base_verb(prev.low)
        and not _went_on_to(toks, i - 1)
    )


def _pronoun_subject(toks: list[_Tok], i: int) -> bool:
    """A subject pronoun right before the verb at ``i``, adverbs skipped ("she also argued"): no
    participle modifies a pronoun, so the verb is finite."""
    k = _before_adverbs(toks, i)
    return k >= 0 and toks[k].low in _PRONOUNS


def _as_passive(toks: list[_Tok], i: int) -> bool:
    """Does "as" stand right before the participle at ``i`` (adverbs between): "As reported by
    Western Journalism, ...", "..., as first reported by the New York Times"?"""
    k = _before_adverbs(toks, i)
    return k >= 0 and toks[k].low == "as"


def _before_adverbs(toks: list[_Tok], i: int) -> int:
    """The index of the last token before ``i`` that is no adverb (-1 if none): adverbs of the
    data and lower-case -ly words ("Italy" is none) are skipped."""
    k = i - 1
    while k >= 0 and (toks[k].low in _ADVERBS or (toks[k].low.endswith("ly") and not toks[k].cap)):
        k -= 1
    return k


def _own_complement(toks: list[_Tok], k: int, reach: int) -> bool:
    """ "The GOP front-runner predicted in March that ...": a "that" or a quotation within
    ``reach`` tokens with no other verb before it is the complement of this "-ed in" form, which
    is then the verb of a report; in "officials quoted in the report said that ..." it is the
    other verb's."""
    verbs = _lexicon().verbs
    for j in range(k, min(len(toks), k + reach)):
        t = toks[j]
        if t.text in _OPEN_QUOTES or (t.low == "that" and not _relative_that(toks, j)):
            return True
        if t.low in verbs or (t.low.endswith("ed") and can_be_verb(t.low)):
            return False
    return False


def _aspectual(toks: list[_Tok], i: int) -> bool:
    """ "the Sams continued to shun conventional medical treatment": before a to-infinitive the
    word only says an act goes on; nothing is said."""
    if toks[i].low not in _ASPECTUAL_BEFORE_TO or i + 2 >= len(toks) or toks[i + 1].low != "to":
        return False
    return toks[i + 2].low not in _lexicon().verbs  # "continued to insist that ...": it reports


def _reporting_passive(toks: list[_Tok], i: int) -> bool:
    """A passive that still reports: "was quoted as saying", "was described as", and hearsay with
    a to-infinitive or a that-clause ("this attack is said to be the worst", "it is said that";
    constructions.hearsay_passive)."""
    if i + 1 >= len(toks):
        return False
    if toks[i + 1].low == "as":
        return True
    return toks[i].low in _HEARSAY_PASSIVES and hearsay_complement(toks, i + 1)


def hearsay_complement(toks: list[_Tok], k: int) -> bool:
    """Does a hearsay complement open at ``k``: "to" and a verb ("said to be"; not "said to him",
    "said to the committee"), or "that" ("it is said that ...")?"""
    if k >= len(toks):
        return False
    if toks[k].low == "that":
        return k + 1 < len(toks)
    return toks[k].low == "to" and k + 1 < len(toks) and is_base_verb(toks[k + 1].low)


def _passive_participle(low: str) -> bool:
    """A past participle after "be" makes a passive, no report ("the deal was announced", "the
    document was found wet on a street"), regular or not; a passive of telling keeps its
    recipient (constructions.passive_recipient), hearsay its clause (_reporting_passive)."""
    if low in _RECIPIENT_PASSIVES:
        return False
    return low.endswith("ed") or is_irregular_past(low)


def _finding_participle_without_document(toks: list[_Tok], i: int) -> bool:
    """ "polls showing her well behind": a finding participle reports for a document noun only
    ("showing respect to the FBI", "showing who was in charge" report nothing)."""
    low = toks[i].low
    return low.endswith("ing") and low in _FINDING_VERBS and document_head_before(toks, i) is None


def _relative_after_document(toks: list[_Tok], i: int) -> bool:
    """Is the word at ``i`` the verb of a relative clause on a document noun ("polls that show",
    "records which show"), where "that" is no determiner?"""
    if i < 2 or toks[i - 1].low not in ("that", "which"):
        return False
    return document_antecedent(toks, i - 1) is not None


def _document_finding_verb(toks: list[_Tok], i: int) -> bool:
    """Is the word at ``i`` a finding verb after a document noun and its post-modifiers ("Polls
    in New Hampshire show"), no determiner or possessive right before it ("the poll's show")?"""
    prev = toks[i - 1] if i > 0 else None
    return (
        toks[i].low in _FINDING_VERBS
        and toks[i].low not in _lexicon().kinds.get("document_noun", ())  # "poll estimates show"
        and prev is not None
        and prev.low not in _DETERMINERS
        and not is_possessive(prev.text)
        and document_head_before(toks, i) is not None
    )


_CLAUSE_OPENERS = _QUESTION_WORDS | {"that"}


def _plural_noun_before_its_verb(toks: list[_Tok], i: int) -> bool:
    """Is the form at ``i`` a plural noun (its tag in the tagger lexicon) with a prepositional
    phrase, then the clause's own finite verb before any comma or "that" ("Pentagon reports on
    the attacks also lacked any reference")? A verb would have no second verb of its own there."""
    if i + 2 >= len(toks) or not is_regular_plural_noun(toks[i].low):
        return False
    if _plural_before_its_auxiliary(toks, i):
        return True  # "at least four classified Clinton emails had their markings changed"
    if toks[i + 1].low not in _NOUN_MODIFIER_PREPOSITIONS:
        return False
    for k in range(i + 2, min(len(toks), i + 10)):
        t = toks[k]
        if not t.is_word or t.low in _CLAUSE_OPENERS or t.low in _PRONOUNS:
            # "Trump claims on Twitter he won", "hints at what his plans might include": a
            # clause of its own, the verb's complement
            return False
        if not t.cap and (t.low in _CLAUSE_AUX or is_finite_verb(t.low)):
            return True
    return False


def _plural_before_its_auxiliary(toks: list[_Tok], i: int) -> bool:
    """Is the plural form at ``i`` right before a lower-case auxiliary, so the subject of that
    clause ("classified Clinton emails had", "Antiabortion advocates have been")? A reporting
    verb takes a clause or a quotation, not an auxiliary; in a relative clause the form is its
    verb ("what the American Society of Civil Engineers estimates will be needed")."""
    nxt = toks[i + 1]
    if i == 0 or nxt.cap or nxt.low not in _CLAUSE_AUX or toks[i - 1].low in _PRONOUNS:
        return False
    for k in range(i - 1, -1, -1):
        if not toks[k].is_word:
            return True
        if toks[k].low in _RELATIVES:
            return False
    return True


_RELATIVES = frozenset(("what", "who", "whom", "which", "that"))


def _modifies_a_noun(toks: list[_Tok], i: int) -> bool:
    """Is a singular form right before a lower-case word that is only a noun in the tagger
    lexicon ("state | security forces", "state | lawmakers", "report | card")? A reporting verb
    takes a clause or a quotation, not a bare noun."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    low = toks[i].low
    if i == 0 or not toks[i - 1].is_word:
        return False  # "..., claim residents.": an inverted cue after its content
    return (
        nxt is not None
        and is_noun_only(low)  # "state", "report", "protest"; not "call", "warning" ("warning
        # of"), "urging voters": the tagger lexicon's noun
        and not low.endswith(("s", "ing"))
        and nxt.is_word
        and not nxt.cap
        and is_noun_only(nxt.low)
    )


def _lets_say(toks: list[_Tok], i: int) -> bool:
    """Is the cue at ``i`` the "say" of "let's say" or "let us say" (a supposition, no report)?"""
    if i < 1 or toks[i].low != "say":
        return False
    prev = toks[i - 1].low.replace("’", "'")
    return prev == "let's" or (prev == "us" and i >= 2 and toks[i - 2].low == "let")


_GENERIC_SAYERS = frozenset(("they", "you", "people"))  # "as they say": a saying, no source


def _set_phrase(toks: list[_Tok], i: int) -> bool:
    """Is the cue at ``i`` part of a set phrase that reports no one: "said than done" ("easier
    said than done"), or "as they say" / "as you say" / "as people say" (a saying)?"""
    low = toks[i].low
    if low == "said":
        return [t.low for t in toks[i + 1 : i + 3]] == ["than", "done"]
    return (
        low == "say"
        and i >= 2
        and toks[i - 2].low == "as"
        and toks[i - 1].low in _GENERIC_SAYERS
        and not (i + 1 < len(toks) and toks[i + 1].low == "that")
    )


def _adjective_after_number(toks: list[_Tok], i: int) -> bool:
    """Is the -ed form at ``i`` an adjective between a number and a plural noun ("leads by 271
    pledged delegates", "nearly 300 pledged delegates")?"""
    return (
        0 < i < len(toks) - 1
        and toks[i].low.endswith("ed")
        and toks[i - 1].text[:1].isdigit()
        and is_plural_noun(toks[i + 1].low)
    )


def _counted_plural(prev: _Tok, tok: _Tok) -> bool:
    """Is ``tok`` a plural noun form counted by the number right before it ("20 states", "four
    states")? A count before a form makes it a noun, whatever follows ("that Gallup ...")."""
    if not (tok.low.endswith("s") and is_regular_plural_noun(tok.low)):
        return False
    return prev.text[:1].isdigit() or (not prev.cap and prev.low in _NUMBERS)


def _modifier_before_plural(prev: _Tok, tok: _Tok) -> bool:
    """Is ``tok`` a plural noun form ("states", "emails") after a number or a capitalised adjective
    or demonym ("44 emails", "Western states", "Soviet states")? A name before it would be the
    verb's subject ("Trump states")."""
    if not tok.low.endswith("s"):
        return False
    if prev.text[:1].isdigit():
        return True
    if not prev.cap or prev.low in first_names():
        return False  # "Frank notes": a name, the verb's subject
    return is_adjective_only(prev.low) or prev.low in _lexicon().kinds.get("demonym", ())


def _name_modifying_plural(toks: list[_Tok], i: int) -> bool:
    """Is the plural noun at ``i`` the head of a phrase whose capitalised name modifies it, a
    number, a possessive or an adjective opening the phrase ("the latest Federal Election
    Commission reports", "in many Asian states")? After a determiner, a conjunction or
    "that" the name is the verb's subject ("the Associated Press reports", "and Trump states")."""
    if not toks[i].low.endswith("s") or i < 2 or not toks[i - 1].cap:
        return False
    k = i - 1
    while k > 0 and toks[k].cap and toks[k].is_word and i - k <= 5:
        k -= 1
    before = toks[k]
    if before.cap or not before.is_word or before.low == "that":
        return False
    # not a determiner: it opens names too ("the Associated Press reports")
    plural = is_regular_plural_noun(toks[i].low)
    return plural and (
        before.text[:1].isdigit() or is_possessive(before.text) or is_adjective_only(before.low)
    )


def _verb_before_object(tok: _Tok) -> bool:
    """A lower-case -ing or -ed word, the verb whose object the next words are ("winning")."""
    return tok.is_word and not tok.cap and len(tok.low) > 4 and tok.low.endswith(("ing", "ed"))


def _is_noun_use(toks: list[_Tok], i: int) -> bool:
    """A form that is also a noun ("report", "claims") used as a noun here."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and _counted_plural(prev, toks[i]):
        return True  # "The 20 states that Gallup classifies", "the first four states that vote"
    if (
        prev is not None
        and nxt is not None
        and nxt.low == "that"
        and prev.low not in _DETERMINERS
        and not _finite_verb_after_that(toks, i + 1)  # "a BBC report that claimed ...": a noun
    ):
        return False  # "one Comoros soldier reports that ...": a verb with its clause
    if _relative_after_document(toks, i) or _document_finding_verb(toks, i):
        return False  # "polls that show him leading", "Polls in New Hampshire show": a verb
    if (
        nxt is not None
        and nxt.low == "of"
        and not toks[i].low.endswith("ing")  # ", warning of rocket fire": a participle
        and toks[i].low not in _OF_COMPLEMENT_VERBS
        and (prev is None or (prev.low not in _PRONOUNS and prev.text != ","))
    ):
        return True  # "the East Coast state of Delaware", "claims of fraud": a noun and its "of"
    if _plural_noun_before_its_verb(toks, i):
        return True  # "Pentagon reports on the attacks also lacked any reference ..."
    if prev is not None and _modifier_before_plural(prev, toks[i]):
        return True  # "Western states", "44 emails", "internal DNC emails": a plural noun
    if _name_modifying_plural(toks, i):
        return True  # "the latest Federal Election Commission reports"
    if _modifies_a_noun(toks, i):
        return True  # "state security forces", "state lawmakers": a noun modifying a noun
    if (
        prev is None
        or prev.low in _DETERMINERS
        or is_possessive(prev.text)
        or (
            prev.is_word
            and prev.cap
            and prev.low not in _PRONOUNS
            and i > 1
            and (toks[i - 2].low in _DETERMINERS or toks[i - 2].text[:1].isdigit())
        )
    ):
        return True  # "the Reuters report", "A 2006 US report", "the 10-year Treasury note"
    if (
        prev.low in head_classes()["quantifier"]
        and i >= 2
        and toks[i - 2].low in _ADVERBIAL_OPENERS
        and toks[i - 2].low not in _CONJUNCTIONS
    ):
        # after a preposition: "averaging 5 percent across all states" ("they all report", "Some
        # claim the vote was rigged", "But some claim ..." are verbs)
        return True
    if prev.low in head_classes()["quantifier"] and i >= 2 and _verb_before_object(toks[i - 2]):
        return True  # "to start winning some states": the object of a verb, no subject
    kinds = _lexicon().kinds
    if (
        prev.is_word
        and not prev.cap
        and prev.low not in _PRONOUNS
        and prev.low not in _ADVERBS
        and not any(
            prev.low in kinds.get(k, ()) for k in ("anonymous", "media_noun", "document_noun")
        )
        and prev.low not in _COLLECTIVE_SUBJECTS
    ):
        return True  # "home state", "lurid tweets": a noun after a noun or adjective
    # "the report quoted", "the reports said"
    return nxt is not None and nxt.low in _lexicon().verbs and not nxt.cap
