"""Constructions: the sentence patterns that turn a cue into an attribution (speaker, cue, content).

Each construction is one small function ``(sentence, cue, found) -> _Match | None``: ``None`` says
the construction does not apply to this cue and the next one in ``CONSTRUCTIONS`` is tried; a
``_Match`` says it decides the cue (its ``attributions`` may be empty: the cue then reports
nothing) and no later construction is tried. ``found`` holds the attributions found so far in the
sentence (a participle takes the main clause's speaker, "citing X" relays through the citer).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..english import is_adverb, is_finite_verb, is_plural_noun
from ..inflection import can_be_verb, is_base_verb, is_irregular_past
from ..mentions import head_class as mention_head_class
from ..mentions import is_people_noun, mention_class
from ..text import WORD_RE
from .attribution import _Attr
from .continuations import FLOATING_RULE
from .cues import (
    _REDUCED_CLAUSE_OPENERS,
    _after_comma_past_adverbs,
    _after_message_noun,
    _as_passive,
    _by_agent,
    _find_cues,
    _finite_verb_after_that,
    _opens_complement,
    _reported_passive,
    fronted_participle_comma,
    fronted_participle_start,
    hearsay_complement,
    light_verb_before,
    noun_complement,
    possessive_source,
    source_noun_before,
)
from .data import (
    _ADDRESSEE_VERBS,
    _ADVERBIAL_OPENERS,
    _ADVERBS,
    _AGENT_STOPS,
    _ASK_VERBS,
    _BE_FORMS,
    _CLAUSE_AUXILIARIES,
    _CLOSE_QUOTES,
    _COLON_LEAD_INS,
    _COMPLEMENTS,
    _CONJUNCTIONS,
    _DETERMINERS,
    _FINDING_VERBS,
    _FRONTED_OPENERS,
    _FUNCTION_CAPS,
    _HEARSAY_PASSIVES,
    _INNER_NAME_WORDS,
    _MODALS,
    _NAME_PARTICLES,
    _NOT_A_SPEAKER,
    _NP_OPENERS,
    _NUMBERS,
    _OBJECT_PRONOUNS,
    _OBJECT_VERBS,
    _OPEN_QUOTES,
    _PARTICIPLES,
    _PERSON_RELATIVES,
    _POLL_NOUNS,
    _PREPOSITIONS,
    _PRONOUNS,
    _QUESTION_PUT,
    _QUESTION_WORDS,
    _RECIPIENT_PASSIVES,
    _RELATIVE_PRONOUNS,
    _SENTENCE_CONNECTIVES,
    _STANDING_WORDS,
    _STATEMENT_NOUNS,
    _SUBJECT_PRONOUNS,
    _SUBORDINATORS,
    _TIME_PHRASE_NOUNS,
    _TIME_PREPOSITIONS,
    _TIME_SUBORDINATORS,
    _TIME_WORDS,
    _TO_VERBS,
    _VERB_PREMODIFIERS,
    _WEAK_VERBS,
    _lexicon,
    is_closed_class,
)
from .documents import document_head_before, follows_post_modifier, noun_phrase_start
from .mentions import (
    _first_verb_index,
    _head_noun,
    _noun_phrase_after,
    _person_name,
    _plausible_speaker,
    _subject_before,
    finite_verb_at,
)
from .spans import (
    _clause_right_after,
    _clause_verb,
    _complement_follows,
    _content_after,
    _finite_auxiliary,
    _in_quote,
    _is_clause_end,
    _only_adjuncts_follow,
    _past_verb,
    _quote_before,
    _zero_that_clause,
)
from .speaker_np import WEB_ADDRESS, speaker_type
from .tokens import _is_boundary, _Tok, is_possessive, strip_possessive, without_clitic


class Rule(enum.StrEnum):
    """The construction that found an attribution: the values are the ``rule`` column."""

    SOURCE_COLON = "source: content"
    STATEMENT_COLON = "speaker, predicate: quotation"
    ACCORDING_TO = "according to X"
    CITING = "citing X"
    QUOTED_AS = "X quoted Y as saying"
    STATEMENT_NOUN = "statement noun: source's noun, content"
    PASSIVE_BY = "passive with its agent: content, cue by speaker"
    DOCUMENT_FINDING = "document with its modifiers, finding verb, content"
    POLL_STANDING = "content in the poll: a standing the poll gives"
    PASSIVE_RECIPIENT = "passive of telling: the one told, cue, content (source implicit)"
    HEARSAY_PASSIVE = "hearsay passive: content, be said to (source implicit)"
    PARTICIPLE = "participle after the main clause"
    FRONTED_PARTICIPLE = "fronted participle: cue content, main clause's speaker"
    ANSWER = "question put to the speaker, speaker cue answer"
    RELATIVE_WHO = "relative clause: speaker, who cue content"
    AFTER_RELATIVE = "antecedent, relative clause, then its own cue and content"
    QUOTE_CUE_SPEAKER = "quote, then cue and speaker"
    CONTENT_CUE_SPEAKER = "postposed: content, cue speaker"
    PARENTHETICAL = "parenthetical: content, speaker cue, content"
    AS_CLAUSE = "as-clause: as speaker cue, content"
    QUOTE_SPEAKER_CUE = "quote, then speaker and cue"
    CONTENT_SPEAKER_CUE = "postposed: content, speaker cue"
    SPEAKER_CUE_CONTENT = "speaker, cue, content"
    QUOTE_BEFORE_SENTENCE = "quote in the sentence before, then speaker and cue"
    COORDINATED = "coordinated cue: the speaker of the cue before"
    LONG_SUBJECT = "speaker with a long apposition, cue, content"
    FLOATING_QUOTE = FLOATING_RULE


@dataclass
class _Sentence:
    """One sentence of an article: its tokens, offsets, ids and its paragraph's quotations."""

    text: str
    toks: list[_Tok]
    sid: int
    pid: int
    start: int
    end: int
    quotes: list[tuple[int, int]]

    @property
    def n(self) -> int:
        return len(self.toks)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character offsets of the tokens ``a`` to ``b`` (exclusive)."""
        return self.toks[a].start, self.toks[b - 1].end


@dataclass
class _Cue:
    """A cue found in a sentence (tokens ``i`` to ``j``, of ``kind``) and what the verb
    constructions ask about it, each computed once and only when asked."""

    sentence: _Sentence
    i: int
    j: int
    kind: str

    @property
    def tok(self) -> _Tok:
        return self.sentence.toks[self.i]

    @property
    def prev(self) -> _Tok | None:
        return self.sentence.toks[self.i - 1] if self.i > 0 else None

    @property
    def category(self) -> str | None:
        """The cue verb's category in ``reporting_verbs.csv`` (speech, report, claim, ...)."""
        return _lexicon().verbs.get(self.tok.low)

    @property
    def weak(self) -> bool:
        """A verb that reports only with a complement ("a poll found that ...")."""
        return self.tok.low in _WEAK_VERBS

    @cached_property
    def subject(self) -> tuple[int, int] | None:
        return _subject_before(self.sentence.toks, self.i)

    def attribution(
        self,
        rule: Rule,
        *,
        speaker: tuple[int, int],
        content: tuple[int, int],
        cue: str | None = None,
        cue_end: int | None = None,
        parent_hint: int | None = None,
    ) -> _Attr:
        """An attribution of this cue (its word and span unless given) in this sentence."""
        s = self.sentence
        return _Attr(
            speaker_start=speaker[0],
            speaker_end=speaker[1],
            # the cue as written (API.md): "According to", not "according to"
            cue=s.text[self.tok.start : cue_end or self.tok.end] if cue is None else cue,
            cue_start=self.tok.start,
            cue_end=self.tok.end if cue_end is None else cue_end,
            content_start=content[0],
            content_end=content[1],
            sentence_id=s.sid,
            paragraph_id=s.pid,
            rule=rule,
            parent_hint=parent_hint,
        )


@dataclass
class _Match:
    """A construction's decision on a cue: its attributions (maybe none) and the first token a
    later cue may start at (a speaker after the cue holds no cue of its own)."""

    attributions: list[_Attr] = field(default_factory=list)
    resume_at: int = -1


Construction = Callable[[_Sentence, _Cue, list[_Attr]], "_Match | None"]


# --- the cue kinds that are not verbs -------------------------------------------------------------
def source_colon(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "Graham: Trump's rhetoric is destroying the party": the source before a colon."""
    if cue.kind != "colon":
        return None
    toks, ci = s.toks, cue.i
    start, end = _colon_source(toks, ci)
    if start < end and ci + 1 < s.n:
        q = _in_quote(toks[ci + 1].start, s.quotes) if toks[ci + 1].text in _OPEN_QUOTES else None
        content = (toks[ci + 1].start, max(s.end, q[1]) if q else s.end)
        at = cue.attribution(
            Rule.SOURCE_COLON, speaker=s.span(start, end), content=content, cue=":"
        )
        return _Match([at])
    return _Match()


def _colon_source(toks: list[_Tok], ci: int) -> tuple[int, int]:
    """Token range of the source before the colon at ``ci``: without an opening "Here's",
    "From", "More from", a bracketed party ("(R-S.C.)") or a closing date ("in December 1992")."""
    start, end = 0, ci
    while start < end and (
        toks[start].low in _FUNCTION_CAPS
        or toks[start].low in _COLON_LEAD_INS
        or not toks[start].is_word
    ):
        start += 1
    if end > start and toks[end - 1].text == ")":
        end = next((k for k in range(end - 1, start - 1, -1) if toks[k].text == "("), end)
    cut = next(
        (
            k
            for k in range(start + 1, end)
            if toks[k].low in ("in", "on") and all(_is_date_word(t) for t in toks[k + 1 : end])
        ),
        end,
    )
    return start, cut


def _is_date_word(tok: _Tok) -> bool:
    return tok.text.isdigit() or tok.low in _TIME_WORDS or not tok.is_word


def statement_colon(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "17-year-old Jared Potts echoed: “He speaks his mind ...”", "Rubio fired back forcefully:
    “If they sue us ...”": a clause whose subject is a source, a predicate that is no reporting
    verb of the lexicon, then a colon and the quotation it introduces. The cue is the predicate
    ("echoed:", "shot back:"), the content the quotation (after the sentence when the colon
    closes it)."""
    if cue.kind != "statement_colon":
        return None
    toks, ci = s.toks, cue.i
    verb = _predicate_start(toks, ci)
    if verb is None:
        return _Match()
    subject = _subject_before(toks, verb)
    if subject is None or not _can_state(toks[subject[0] : subject[1]]):
        return _Match()
    if ci + 1 < s.n:
        q = _in_quote(toks[ci + 1].start, s.quotes)
        content = (toks[ci + 1].start, q[1] if q else s.end)
    else:
        content = _after_lead_in(s, ci)
        if content is None or s.text[content[0] : content[0] + 1] not in "“\"'‘`":
            return _Match()  # a colon closing the sentence introduces a quotation only
    cue_text = s.text[toks[verb].start : toks[ci].end]
    at = cue.attribution(
        Rule.STATEMENT_COLON, speaker=s.span(*subject), content=content, cue=cue_text
    )
    at.cue_start = toks[verb].start
    return _Match([at])


def _predicate_start(toks: list[_Tok], colon: int) -> int | None:
    """The first verb of the clause before the colon: a lower-case auxiliary, past form or
    third-person form after the first word; past a fronted clause ("Asked whether ..., Mr. Smith
    shot back:", "When Trump suggested ..., Rubio fired back:")."""
    first = 1
    if toks[0].low in _FRONTED_OPENERS or toks[0].low.endswith("ing"):
        comma = next((k for k in range(1, colon) if toks[k].text == ","), None)
        if comma is None:
            return None
        first = comma + 2
    for k in range(first, colon):
        t = toks[k]
        if not t.is_word or t.cap:
            continue
        if t.low in _CLAUSE_AUXILIARIES or t.low.endswith(("ed", "es")) or is_irregular_past(t.low):
            return k
        if t.low.endswith("s") and not t.low.endswith("ss") and toks[k - 1].cap:
            return k  # "Hoff's letter makes", "Bundy says"
    return None


def _can_state(toks: list[_Tok]) -> bool:
    """A subject that can make a statement: a pronoun, a name, or a phrase the source typing
    knows (people, organisations, outlets, documents)."""
    words = [t for t in toks if t.is_word]
    if len(words) == 1 and words[0].low in _PRONOUNS:
        return True
    one = words[0] if len(words) == 1 else None
    if one is not None and one.cap and not is_closed_class(one.low):
        # "Clinton has since apologized for what happened: “...”": a surname ("The", "You" no)
        if mention_class(one.low, True) == "name":
            return True
    return speaker_type(toks, False) is not None


def according_to(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "According to X, CONTENT." and "CONTENT, according to X." """
    if cue.kind != "according":
        return None
    toks, ci, cj, n = s.toks, cue.i, cue.j, s.n
    np_ = _noun_phrase_after(toks, cj, n, stop_at_relative=False)
    if not np_:
        return _Match()
    sp_a, sp_b = _source_before_clause(toks, *np_)
    if sp_b - sp_a == 1 and _bare_common_noun(toks[sp_a]):
        return _Match()  # "going according to plan": an idiom, no source ("according to aides" is)
    sp_b = _holder_apposed(s, sp_a, sp_b)
    if (
        ci <= 1
        or (toks[ci - 1].text not in "," and _opens_sentence(toks, ci))
        # "At the same time, according to Georgian sources, the troops were ...": an adverbial
        or (_fronted_adverbial(toks, ci) and _words_follow(toks, sp_b, n))
    ):
        after = sp_b + 1 if sp_b < n and not toks[sp_b].is_word else sp_b
        c_start = toks[after].start if after < n else toks[sp_b - 1].end
        content = (c_start, s.end)
    elif _aside_inside_clause(toks, ci, sp_b):
        content = (s.start, s.end)  # "The plan, according to officials, would cost billions"
    else:
        # "CONTENT, according to X" and "CONTENT according to X and Y who adds ..."
        comma = toks[ci - 1].text == ","
        content = (s.start, toks[ci - 1].start if comma else toks[ci - 1].end)
    quote = _in_quote(cue.tok.start, s.quotes)
    if quote is not None:
        content = _quoted_content_of_source(s, quote, ci, sp_b)
    speakers = _coordinated_speakers(toks, sp_a, sp_b)
    ats = [
        cue.attribution(
            Rule.ACCORDING_TO, speaker=s.span(a, b), content=content, cue_end=toks[cj - 1].end
        )
        for a, b in speakers
    ]
    return _Match(ats, resume_at=speakers[-1][1])


def _holder_apposed(s: _Sentence, a: int, b: int) -> int:
    """The end of an "according to" source that is one unnamed role followed by its holder's name
    between commas ("According to the Afghan team's coach, Alireza Mehraban, in their first
    matchup, ..."): after the name; else ``b``. A group ("according to police, John Smith, 45,
    was ...") or a number after the name (an age) leaves the name to the content."""
    toks = s.toks
    k = b + 1
    while k < s.n and k - b <= 4 and toks[k].is_word and toks[k].cap:
        k += 1
    if b >= s.n or toks[b].text != "," or k == b + 1 or k + 1 >= s.n or toks[k].text != ",":
        return b
    if toks[k + 1].low in _NUMBERS or toks[k + 1].text[:1].isdigit():
        return b
    role = toks[a:b]
    if is_plural_noun(role[-1].low) or (speaker_type(role, False) or ("",))[0] != "anonymous":
        return b
    return k if _person_name(toks[b + 1 : k]) is not None else b


def _quoted_content_of_source(
    s: _Sentence, quote: tuple[int, int], ci: int, sp_b: int
) -> tuple[int, int]:
    """What a quoted speaker attributes to the source of an "according to" inside the quotation:
    the quoted words after the source ("“It seems, according to various sources, | that he is
    dressed as a woman,”"), or before it when it closes them ("“the driver fired on the crowd, |
    according to the police”")."""
    toks = s.toks
    after = sp_b + 1 if sp_b < s.n and toks[sp_b].text == "," else sp_b
    end = min(quote[1], s.end)
    if after < s.n and toks[after].is_word and toks[after].start < end:
        while end > toks[after].start and s.text[end - 1] in ",\"”’' ":
            end -= 1  # the closing mark and its comma stay with the quotation
        return toks[after].start, end
    before = ci - 1 if toks[ci - 1].text == "," else ci  # the words before ", according to"
    return max(quote[0], s.start), toks[before].start


_ASIDE_MARKS = frozenset(",—–-")
# words that open a clause and cannot close one ("because, according to Trump, the media ...")
_CLAUSE_OPENERS = _CONJUNCTIONS | _SUBORDINATORS | _FRONTED_OPENERS | {"that"}


def _aside_inside_clause(toks: list[_Tok], ci: int, sp_b: int) -> bool:
    """Is "according to X" an aside set off inside its clause, a mark before it and after its
    source, the clause open before it ("... and, according to officials, adopted a new
    strategy") or its finite verb right after it ("Other major cleavages, according to the poll,
    include ...", "most Americans - 63 percent, according to the report - still believe")? Then
    the content is the clause on both sides; an apposition of the source after it is not the
    clause (", according to Andy Smith, director of ...")."""
    n = len(toks)
    if ci < 2 or toks[ci - 1].text not in _ASIDE_MARKS:
        return False
    if sp_b + 1 >= n or toks[sp_b].text not in _ASIDE_MARKS:
        return False
    if toks[ci - 2].low in _CLAUSE_OPENERS:
        return True
    k = sp_b + 1
    while k < n and is_adverb(toks[k].low):
        k += 1
    return k < n and not toks[k].cap and is_finite_verb(toks[k].low)


def _bare_common_noun(tok: _Tok) -> bool:
    """One lower-case word after "according to" that names no source: not a pronoun ("according
    to him"), no word the lexicon types as people or an institution ("according to aides",
    "according to police"), and a document noun only when it is also a verb's base form
    ("according to plan", "according to schedule"; "according to data" names one)."""
    if tok.cap or tok.low in _OBJECT_PRONOUNS or WEB_ADDRESS.fullmatch(tok.low):
        return False  # "according to ouest-france.fr": a web address names its site
    kind = speaker_type([tok], False)
    if kind is None:
        return True
    # "according to plan", "according to schedule": a document noun that is also a verb's base;
    # "according to data", "according to testimony" name a source
    return kind[0] == "document" and is_base_verb(tok.low)


def _source_before_clause(toks: list[_Tok], a: int, b: int) -> tuple[int, int]:
    """ "According to Rathbun the Scientology property in question was returned by mail", "According
    to the Saudi Interior Ministry over 345 Muslim pilgrims have been killed": with no comma, the
    phrase after "according to" runs into its content's clause (a form of "be" or "have" inside
    it); the source is the name that opens the phrase (a determiner, then capitalised words)."""
    verb = next((k for k in range(a + 1, b) if toks[k].low in _CLAUSE_VERBS), None)
    if verb is None or any(t.low in _RELATIVE_PRONOUNS for t in toks[a:verb]):
        return a, b  # "... José Ramón Balaguer who adds that it will not be long"
    end = a + 1 if toks[a].low in _DETERMINERS else a
    while end < verb and toks[end].is_word and toks[end].cap:
        end += 1
    if not (a < end < verb and toks[end - 1].cap and _opens_clause_subject(toks, end)):
        return a, b
    return a, end


def _opens_clause_subject(toks: list[_Tok], k: int) -> bool:
    """Does a new noun phrase open at ``k`` (a determiner, a number, "over 345", "there"), not the
    rest of the name's phrase ("State Department | cables at the time")?"""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    number = toks[k].text[:1].isdigit() or (nxt is not None and nxt.text[:1].isdigit())
    return toks[k].low in _DETERMINERS or toks[k].low == "there" or number


_CLAUSE_VERBS = _BE_FORMS | frozenset(("have", "has", "had"))


def _opens_sentence(toks: list[_Tok], ci: int) -> bool:
    """Only a connective or an adverb before "according to" ("But according to X, ...")."""
    return all(not t.is_word or t.low in ("but", "and", "yet", "so") for t in toks[:ci])


def _coordinated_speakers(toks: list[_Tok], a: int, b: int) -> list[tuple[int, int]]:
    """ "Cuban vice-premier Carlos Lage and Cuba's health minister José Ramón Balaguer": two
    speakers when "and" joins two phrases that each name someone; else the one phrase. A relative
    clause after the second ("... Balaguer who adds that ...") is not part of it."""
    for k in range(a + 1, b - 1):
        if toks[k].low == "and" and toks[k - 1].cap and toks[k + 1].is_word:
            end = next((j for j in range(k + 1, b) if toks[j].low in ("who", "which")), b)
            left, right = toks[a:k], toks[k + 1 : end]
            if speaker_type(left, False) and speaker_type(right, False):
                return [(a, k), (k + 1, end)]
    return [(a, b)]


def citing(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "..., citing X": X is relayed through the attribution the sentence found before."""
    if cue.kind != "citing":
        return None
    np_ = _noun_phrase_after(s.toks, cue.j, s.n)
    if not np_:
        return _Match()
    if speaker_type(s.toks[np_[0] : np_[1]], False) is None:
        # "..., citing legal risks": a reason, not a source; the citer said it
        return _main_clause_participle(s, cue, found)
    at = cue.attribution(
        Rule.CITING,
        speaker=s.span(*np_),
        content=(s.start, s.end),
        parent_hint=len(found) - 1 if found else None,
    )
    return _Match([at], resume_at=np_[1])


def quoted_as(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "the report quoted X as saying ...": the report (when named) and X, relayed through it."""
    if cue.kind != "quoted_as":
        return None
    toks, cj, n = s.toks, cue.j, s.n
    subj = cue.subject
    as_idx = next(k for k in range(cj, n) if toks[k].low == "as")
    c_from = as_idx + 2
    if c_from < n and toks[c_from].low == "that":
        c_from += 1
    c_start = toks[c_from].start if c_from < n else s.end
    out = []
    if subj:
        content = (toks[cj].start, s.end)
        out.append(cue.attribution(Rule.QUOTED_AS, speaker=s.span(*subj), content=content))
    if as_idx > cj:
        end = as_idx
        while end > cj and toks[end - 1].text in ",":
            end -= 1
        out.append(
            cue.attribution(
                Rule.QUOTED_AS,
                speaker=s.span(cj, end),
                content=(c_start, s.end),
                cue="quoted ... as saying",
                parent_hint=len(found) if subj else None,
            )
        )
    return _Match(out, resume_at=c_from)


# --- reporting verbs ------------------------------------------------------------------------------
def passive_by(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "O'Malley's move was first reported by MSNBC.", "Both incidents were claimed by the
    so-called Islamic State": a passive with its agent; the agent is the speaker and the subject
    the content. A question or request verb reports its complement instead ("Asked by
    Stephanopoulos to respond to Trump's criticism, Carson said ...", "was asked by a reporter
    whether ...")."""
    if cue.kind != "verb" or not cue.tok.low.endswith("ed") or not _reported_passive(s.toks, cue.i):
        return None  # "was rejected by voters", "was criticized by rivals": not a report
    toks = s.toks
    by = _by_agent(toks, cue.i)
    agent = _agent_phrase(toks, by + 1, s.n)
    if agent is None or not _inverted_speaker(toks[agent[0] : agent[1]]):
        return None
    verb = cue.tok.low
    if verb in _ASK_VERBS or verb in _TO_VERBS:
        content = _content_after(toks, _past_time_adjunct(toks, agent[1]), s.n, s.end, True, verb)
        if content is None:
            return _Match()
        start, end = content[0], content[1]
        fronted = cue.i == 0 or (cue.i == 1 and toks[0].low in _REDUCED_CLAUSE_OPENERS)
        if fronted:  # "(When) asked by X ...,": the question ends where the main clause starts
            end = next(
                (t.start for t in toks[agent[1] :] if t.text == "," and t.start > start), end
            )
        content = (start, end)
    elif toks[cue.i + 1].low == "as" and by > cue.i + 2:
        content = (toks[cue.i + 2].start, toks[by - 1].end)  # "hailed as a “hero” by X": what X
        # called the subject
    elif _as_passive(toks, cue.i):
        content = _host_of_as_passive(s, cue.i, agent[1])
        if content is None:
            return _Match()
    elif cue.subject is not None:
        content = s.span(*cue.subject)
    else:
        return _Match()
    at = cue.attribution(Rule.PASSIVE_BY, speaker=s.span(*agent), content=content)
    return _Match([at], resume_at=agent[1])


def _past_time_adjunct(toks: list[_Tok], k: int) -> int:
    """The index after a time adjunct opening at ``k`` ("asked by Ingraham | on Thursday | about
    ..."), or ``k`` when none opens there."""
    if k + 1 < len(toks) and toks[k].low in _TIME_PREPOSITIONS and toks[k + 1].low in _TIME_WORDS:
        return k + 2
    return k


def _host_of_as_passive(s: _Sentence, i: int, agent_end: int) -> tuple[int, int] | None:
    """The clause an as-passive reports: after it when it opens the sentence ("As reported by
    Western Journalism, investigators found ..."), before it when a comma or a dash sets it off
    ("..., as first reported by the New York Times on Tuesday."); None otherwise."""
    toks = s.toks
    as_i = next(k for k in range(i - 1, -1, -1) if toks[k].low == "as")
    if all(t.low in _SENTENCE_CONNECTIVES for t in toks[:as_i]):
        comma = next((k for k in range(agent_end, s.n) if toks[k].text == ","), None)
        if comma is None or comma + 1 >= s.n:
            return None
        return toks[comma + 1].start, s.end
    if toks[as_i - 1].text in ",—–-":
        return s.start, toks[as_i - 1].start
    return None


# words that end an agent after "by": its own complement or an adjunct ("asked by Fox Business
# moderator Gerard Baker whether ...", "criticized by rivals for failing ...")


def _agent_phrase(toks: list[_Tok], k: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase of a passive's agent, starting at ``k``."""
    np_ = _noun_phrase_after(toks, k, hi)
    if np_ is None:
        return None
    end = next(
        (
            j
            for j in range(k + 1, np_[1])
            if toks[j].low in _AGENT_STOPS
            or toks[j].low in _QUESTION_WORDS
            or (toks[j].low.endswith("ly") and not toks[j].cap)
            or toks[j].low in ("already", "also")
        ),
        np_[1],
    )
    return k, end


def fronted_participle(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "Noting that only Sen. Mark Kirk voted with Democrats, Tester added: “...”": a reporting
    participle opening the sentence reports its complement for the main clause's subject, the
    noun phrase after the comma up to its verb."""
    if cue.kind != "verb" or cue.i > 1 or fronted_participle_start(s.toks) != cue.i:
        return None
    toks, c = s.toks, cue.i + 1  # the complement's first word
    comma = fronted_participle_comma(toks, cue.i)
    that_clause = toks[c].low == "that" and any(_finite_main_verb(t) for t in toks[c + 1 : comma])
    if not (that_clause or _zero_that_clause(toks, c, comma)):  # "Recalling that moment, ..."
        return _Match()  # "Responding to this criticism, ...", "Reading from a text, ...": no
        # statement is given
    verb = next(
        (k for k in range(comma + 1, min(s.n, comma + 10)) if _finite_main_verb(toks[k])), None
    )
    end = verb
    while end is not None and end > comma + 1 and toks[end - 1].low in _ADVERBS:
        end -= 1  # "Mexicans often lament": the adverb is the verb's
    # "While saying ..., he continued"; a bare participle before "he said" may be a gerund
    # subject ("Finding what is under the surface is not as simple as ..., he said")
    pronoun = cue.i == 1 and end == comma + 2 and toks[comma + 1].low in _SUBJECT_PRONOUNS
    if end is None or not (pronoun or _plausible_speaker(toks[comma + 1 : end])):
        return _Match()
    at = cue.attribution(
        Rule.FRONTED_PARTICIPLE,
        speaker=s.span(comma + 1, end),
        content=(toks[cue.j].start, toks[comma - 1].end),
    )
    return _Match([at])


def _question_put_before(toks: list[_Tok], sp_a: int) -> bool:
    """Does a question put to the speaker ("Asked if ...", "When asked about ...") open the
    sentence and end right before the subject at ``sp_a``?"""
    k = 1 if toks[0].low in _TIME_SUBORDINATORS or toks[0].low == "if" else 0
    if sp_a < k + 3 or toks[k].low not in _QUESTION_PUT or toks[k].cap != (k == 0):
        return False
    return toks[sp_a - 1].text in ",”\"'"


def answer(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "Asked if he was ever bullied, the Republican presidential candidate said no.": the
    question put to the speaker is not what they said; the answer after the cue is, however
    short ("said Ryan", "said yes, but ...")."""
    if cue.kind != "verb" or cue.subject is None or found:
        return None  # a later cue ("... said X and suggested Y") is the first one's
    subj = _after_last_comma(s, cue.subject)
    toks, j, n = s.toks, cue.j, s.n
    if not _question_put_before(toks, subj[0]) or not any(t.is_word for t in toks[j:n]):
        return None
    if _only_adjuncts_follow(toks, j, n, cue.tok.low) or all(
        t.low in _TIME_WORDS for t in toks[j:n] if t.is_word
    ):
        return None  # "Asked about it, Trump said Monday.": the answer is before the cue
    content = _content_after(toks, j, n, s.end, cue.weak, cue.tok.low)
    start = content[0] if content else toks[j].start
    at = cue.attribution(Rule.ANSWER, speaker=s.span(*subj), content=(start, s.end))
    return _Match([at])


def _finite_main_verb(tok: _Tok) -> bool:
    """A lower-case finite verb: a cue, an auxiliary or a past or -s form ("Tester added", "Trump
    reminded", "Schlafly put")."""
    if tok.cap or not tok.is_word:
        return False
    low = tok.low
    return (
        low in _lexicon().verbs
        or low in _CLAUSE_AUXILIARIES
        or is_finite_verb(low)
        or (low.endswith(("ed", "s")) and can_be_verb(low))
    )


def participle(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "..., warning of ...": a participle after a comma takes the subject of the main clause."""
    prev = cue.prev
    verb = cue.tok.low
    if (
        cue.kind != "verb"
        or verb not in _PARTICIPLES
        or prev is None
        or not (
            _after_comma_past_adverbs(s.toks, cue.i)
            or _after_preposition(s.toks, cue.i)
            or _opens_complement(s.toks, cue.i)
            or _after_message_noun(s.toks, cue.i)
        )
        or verb in ("citing",)
    ):
        return None
    return _main_clause_participle(s, cue, found)


def _relative_who(toks: list[_Tok], i: int) -> int | None:
    """Where the antecedent of a relative clause with the cue ends: the comma before ", who
    [adverbs] CUE" or ", which CUE" ("the Huffington Post, which originally said"), or "who" itself
    in a restrictive clause ("voters who say", "the superdelegates who’ve already said"); None."""
    k = i - 1
    while k > 0 and (
        toks[k].low in _VERB_PREMODIFIERS
        or toks[k].low in _CLAUSE_AUXILIARIES
        or (toks[k].low.endswith("ly") and len(toks[k].low) > 4 and not toks[k].cap)
        or (is_adverb(toks[k].low) and not toks[k].cap)  # "which together vowed"
    ):
        k -= 1
    relative = without_clitic(toks[k].low)  # "who’s called for"
    if relative == "that" and k >= 2 and source_noun_before(toks, k) is not None:
        return k  # "a BBC report released on Wednesday that claimed that ...": a document's
    if k >= 4 and relative == "whom" and toks[k - 1].low == "of" and toks[k - 3].text == ",":
        return k - 3  # "family members of 9/11 victims, many of whom say": the antecedent's comma
    if k < 2 or relative not in _RELATIVE_PRONOUNS:
        return None
    if toks[k - 1].text in ",—–-":
        return k - 1
    if relative == "which" and toks[k - 1].cap:
        return k  # "the Chicago Police Department which reported": a restrictive clause on a name
    return k if relative == "who" and toks[k - 1].is_word and not toks[k - 1].cap else None


def after_relative(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "Roffman, who estimates that his legal costs were "in the seven figures," described the
    emotional impact as ...": the main clause's verb right after a relative clause found before
    (only punctuation between) is said by that clause's antecedent."""
    if cue.kind != "verb" or not found or found[-1].rule != Rule.RELATIVE_WHO:
        return None
    prev = found[-1]
    between = s.text[prev.content_end : cue.tok.start]
    if prev.content_end > cue.tok.start or "," not in between or any(c.isalnum() for c in between):
        return None  # "Donald Trump - who previously said ... - said": the dash's own reading
    content = _content_after(s.toks, cue.j, s.n, s.end, cue.weak, cue.tok.low)
    if content is None:
        return None
    at = cue.attribution(
        Rule.AFTER_RELATIVE,
        speaker=(prev.speaker_start, prev.speaker_end),
        content=(content[0], content[1]),
    )
    return _Match([at])


def _main_clause_resumes(toks: list[_Tok], k: int, n: int) -> bool:
    """Does the main clause's verb (or a clause without "that") come at ``k``, right after the
    comma that closes a relative clause, past a quotation mark closing with it ("Roffman, who
    estimates that his legal costs were "in the seven figures," described ...")?"""
    if k + 1 < n and toks[k].text in _CLOSE_QUOTES:
        k += 1
    return _finite_verb(toks[k]) or _zero_that_clause(toks, k, n)


def relative_who(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "... Ted Cruz, who said he would only use waterboarding sparingly, in emergency
    scenarios", "said Army Capt. Christian Pardo, who said he would not vote for ...": a cue in a
    relative clause; the speaker is its antecedent (the speaker found before it when they are the
    same words), the content ends with the clause."""
    if cue.kind != "verb" or cue.tok.low.endswith("ing"):
        return None
    if cue.category not in _RELATIVE_CATEGORIES:
        return None  # "who requested anonymity", "who endorsed him": not a report
    comma = _relative_who(s.toks, cue.i)
    if comma is None:
        return None
    toks = s.toks
    end = comma
    if toks[comma].low == "that":  # "a CIA report issued two weeks earlier that concluded ..."
        end = (source_noun_before(toks, comma) or comma - 1) + 1  # the noun, not its modifier
    a = _antecedent_start(toks, end)
    if a is None:
        return None
    speaker = s.span(a, end)
    prior = next((f for f in found if f.speaker_end == speaker[1]), None)
    if prior is not None:
        speaker = (prior.speaker_start, prior.speaker_end)
    elif not (
        _inverted_speaker(toks[a:end])
        or _nominal_phrase(toks[a:end])
        or _quantity_start(toks, end) == a  # "four in 10 who said"
    ):
        return None
    content = _content_after(toks, cue.j, s.n, s.end, cue.weak, cue.tok.low)
    if content is None:
        # "Geoffrey Garin, a Democratic pollster who advised Hillary Clinton's 2008 campaign":
        # the relative clause reports nothing, and its verb is no cue for a quotation before it
        return _Match()
    start, end = content[0], content[1]
    # the relative clause closes at a comma before the main clause's verb: "Plouffe, who called
    # him “a psychopath,” has repeatedly emphasized ..."
    main = next(
        (
            toks[k].start
            for k in range(cue.j, s.n - 1)
            if toks[k].text == ","
            and toks[k].start > start
            and _main_clause_resumes(toks, k + 1, s.n)
        ),
        None,
    )
    if toks[comma].text in "—–-":
        # "Donald Trump - who previously said he would ... - said": the clause ends at its dash
        main = next(
            (toks[k - 1].end for k in range(cue.j, s.n) if toks[k].text == toks[comma].text), main
        )
    at = cue.attribution(Rule.RELATIVE_WHO, speaker=speaker, content=(start, main or end))
    return _Match([at])


_RELATIVE_CATEGORIES = frozenset(("speech", "report", "claim", "warn", "deny"))


def _finite_verb(tok: _Tok) -> bool:
    """A lower-case auxiliary or past-tense form: the main clause resuming after a relative."""
    return not tok.cap and (
        tok.low in _CLAUSE_AUXILIARIES or (tok.low.endswith("ed") and len(tok.low) > 4)
    )


def _antecedent_start(toks: list[_Tok], comma: int) -> int | None:
    """Where the noun phrase before ", who" starts: a name (capitalised words, "of", "for" and
    "and" between them: "the National Council for Peace and Order"), or a phrase opened by a
    determiner or a possessive name ("the African Union's election observers", "a young
    child"); None when neither closes there."""
    k = comma - 1
    while k >= 0 and toks[k].is_word and not _boundary_word(toks[k]):
        if toks[k].low in _TIME_WORDS:
            return None  # "Sen. Rob Portman this year, who ...": a time adjunct, not the antecedent
        if toks[k].low in _NP_OPENERS:
            return k
        if is_possessive(toks[k].text) or (k == comma - 1 and toks[k].cap):
            start = _name_start(toks, k)
            if start > 0 and toks[start - 1].low in _PREPOSITIONS:
                return _apposition_head(toks, start) or start
            return start
        k -= 1
    if is_plural_noun(toks[comma - 1].low):
        return _bare_plural_start(toks, comma)  # "with family members of 9/11 victims, many of"
    return _quantity_start(toks, comma)  # "compared with 23 percent who said ..."


# the words of a share of people: "23 percent", "four in 10", "nearly a third"
_SHARE_WORDS = frozenset(("percent", "%", "in", "a", "third", "quarter", "half", "nearly"))


def _quantity_start(toks: list[_Tok], end: int) -> int | None:
    """Where a quantity of people ending at ``end`` starts ("compared with | 23 percent | who
    said", "compared to nearly | four in 10 | who said"): numbers and share words back to a
    preposition or punctuation, one number at least; else None."""
    k = end
    while k > 0 and (
        toks[k - 1].text.isdigit()
        or toks[k - 1].low in _NUMBERS
        or (toks[k - 1].low in _SHARE_WORDS)
    ):
        k -= 1
    numbers = [t for t in toks[k:end] if t.text.isdigit() or t.low in _NUMBERS]
    return k if numbers and k < end else None


def _bare_plural_start(toks: list[_Tok], end: int) -> int | None:
    """Where a noun phrase with no determiner that ends in a plural noun at ``end - 1`` starts
    ("family members of 9/11 victims", "black voters"): back over modifiers and "of", to a
    preposition, a verb or punctuation; None when no word is left."""
    k = end - 1
    while k - 1 >= 0:
        t = toks[k - 1]
        if t.text in ("/",) or (t.text.isdigit()):
            k -= 1
            continue
        if not t.is_word or t.cap and t.low in _FUNCTION_CAPS:
            break
        if t.low != "of" and (t.low in _PREPOSITIONS or t.low in _ADVERBIAL_OPENERS):
            break
        if is_finite_verb(t.low) or _past_verb(t) or t.low in _lexicon().verbs:
            break
        k -= 1
    return k if k < end else None


def _past_place_of_apposition(toks: list[_Tok], a: int, b: int) -> tuple[int, int]:
    """The span of the person a restrictive "who" after a name refers to: ``a:b`` itself, or,
    when that name is a preposition's object inside an apposition, the name the apposition
    describes ("said Elizabeth Arnold, 32, a former staff member for the Sanders campaign in
    Philadelphia who said ...": Arnold, not Philadelphia)."""
    if a == 0 or toks[a - 1].low not in _PREPOSITIONS:
        return a, b
    head = _apposition_head(toks, a)
    if head is None:
        return a, b
    end = head
    while end < a and toks[end].text != ",":
        end += 1
    return head, end


def _apposition_head(toks: list[_Tok], k: int) -> int | None:
    """ "Armin Laschet, the leader of the opposition in North-Rhine Westphalia, who ...": a name
    after a preposition inside an apposition is not the antecedent; the name before the
    apposition is (its start, or None when the phrase is no apposition)."""
    comma = next((c for c in range(k - 1, 0, -1) if toks[c].text == ","), None)
    if comma is None or toks[comma + 1].low not in ("the", "a", "an"):
        return None
    if comma >= 3 and toks[comma - 1].text.isdigit() and toks[comma - 2].text == ",":
        comma -= 2  # "Elizabeth Arnold, 32, a former staff member ...": an age between them
    return _name_start(toks, comma - 1) if toks[comma - 1].cap else None


def _name_start(toks: list[_Tok], k: int) -> int:
    """The first token of the name ending at ``k`` (lower-case "of", "for", "and" inside it, and a
    determiner before it)."""
    i = k
    while i > 0 and (
        (toks[i - 1].is_word and toks[i - 1].cap)
        or (toks[i - 1].low in _INNER_NAME_WORDS and i >= 2 and toks[i - 2].cap)
    ):
        i -= 1
    while i <= k and toks[i].low in _INNER_NAME_WORDS - {"the"}:
        i += 1
    if i > 0 and toks[i - 1].low in ("the", "a", "an"):
        i -= 1
    return i


def _boundary_word(tok: _Tok) -> bool:
    """A word a noun phrase does not cross walking back: a verb form, an auxiliary, a
    preposition or a conjunction."""
    low = tok.low
    return (
        low in _CLAUSE_AUXILIARIES
        or low in _PREPOSITIONS
        or low in ("and", "but", "or", "that", "which")
        or (not tok.cap and low.endswith(("ed", "ing")) and len(low) > 4)
    )


def _after_preposition(toks: list[_Tok], i: int) -> bool:
    """A gerund after "by", "in" or "while" (adverbs between): "in openly warning", "by saying"."""
    p = i - 1
    while p >= 0 and toks[p].low.endswith("ly") and not toks[p].cap:
        p -= 1
    return p >= 0 and toks[p].low in ("by", "in", "while")


def _main_clause_speaker(s: _Sentence, found: list[_Attr]) -> tuple[int, int] | None:
    """The speaker of the sentence's main clause: its first attribution's, else its subject."""
    main = next((f for f in reversed(found) if f.speaker_start is not None), None)
    if main is not None:
        return main.speaker_start, main.speaker_end
    first = _subject_before(s.toks, _first_verb_index(s.toks))
    return s.span(*first) if first else None


def _main_clause_participle(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match:
    """The participle's content, said by the main clause's speaker, or by the subject of a
    "with" clause ("..., with Boswell stating: “...”")."""
    own = _with_subject(s.toks, cue.i) or _absolute_subject(s.toks, cue.i)
    owner = _message_owner(s.toks, cue.i) if own is None else None
    if owner is not None:
        a, b = s.span(*owner)
        last = s.toks[owner[1] - 1].text
        # the owner's name without its "'s" (or the bare apostrophe of "Sanders’")
        sp: tuple[int, int] | None = (a, b - (len(last) - len(strip_possessive(last))))
    else:
        sp = s.span(*own) if own is not None else _main_clause_speaker(s, found)
    if sp and sp[0] >= cue.tok.start:
        # the subject found lies after the participle, inside its quotation: the subject of the
        # first verb before it ("When he returned he began by saying, “...”")
        first = _subject_before(s.toks, _first_verb_index(s.toks, before=cue.i))
        sp = s.span(*first) if first and first[1] <= cue.i else None
    if sp and cue.weak and not found and own is None and not _source_phrase(s, sp):
        # "the camera is facing the ground, and she becomes increasingly upset, shouting ...": the
        # subject of the clause the participle follows; none ("the Orlando attack was a searing
        # moment, highlighting ..."): an event, no source
        sp = _nearest_clause_source(s, cue.i)
        if sp is None:
            return _Match()
    content = _content_after(s.toks, cue.j, s.n, s.end, False, cue.tok.low)
    if sp and content:
        at = cue.attribution(Rule.PARTICIPLE, speaker=sp, content=(content[0], content[1]))
        return _Match([at])
    return _Match()


def _nearest_clause_source(s: _Sentence, i: int) -> tuple[int, int] | None:
    """The span of the subject of the last clause before the participle at ``i`` when it can be a
    source ("Chastened by the analyses, ..., Trump revised his plan, promising ..."), else None."""
    for k in range(i - 1, 0, -1):
        if s.toks[k].low in _CLAUSE_AUXILIARIES or finite_verb_at(s.toks, k):
            found = _subject_before(s.toks, k)
            span = s.span(*found) if found else None
            return span if span and _source_phrase(s, span) else None
    return None


def _source_phrase(s: _Sentence, span: tuple[int, int]) -> bool:
    """Is the subject at ``span`` a phrase that can be a source? Its head (the last word before a
    comma or a relative, past adverbs: "Sanders instead", "Sanders himself, who ...") is a name or
    a pronoun, a possessive name owns it ("Beck's contention"), or the head is a noun of people
    or of a source class ("striking coal miners"; ``speaker_type`` decides for organisations,
    outlets and documents). An event ("the Orlando attack") or an act ("the move") is no source."""
    words: list[_Tok] = []
    for t in s.toks:
        if t.start < span[0] or t.end > span[1]:
            continue
        if t.text == "," or t.low in _RELATIVE_PRONOUNS:
            break
        words.append(t)
    while words and (is_adverb(words[-1].low) or words[-1].low in _REFLEXIVES):
        words.pop()
    if not any(t.is_word for t in words):
        return False
    head = words[-1]
    if head.cap or without_clitic(head.low) in _PRONOUNS:
        return True
    if any(is_possessive(t.text) and t.cap for t in words):
        return True
    if mention_head_class(head.low) is not None or is_people_noun(head.low):
        return True
    return speaker_type(words, False) is not None


_REFLEXIVES = frozenset(("himself", "herself", "itself", "themselves", "instead"))


def _message_owner(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The owner of a statement noun right before the participle at ``i`` ("U.N. Deputy
    Secretary-General Asha-Rose Migiro's remarks calling ...", "Trump's tweet calling ..."):
    the capitalised words that end in the possessive; else None."""
    p = i - 1
    if p < 1 or toks[p].low not in _STATEMENT_NOUNS or not is_possessive(toks[p - 1].text):
        return None
    start = p - 1
    while start > 0 and toks[start - 1].is_word and toks[start - 1].cap:
        start -= 1
    return (start, p) if toks[start].cap else None


def _absolute_subject(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The quantifier between a comma and the participle at ``i``, its own subject in an absolute
    clause ("filled some walls with graffiti, one reading: ...", "..., many chanting ...")."""
    if i >= 2 and toks[i - 2].text == "," and toks[i - 1].low in _ABSOLUTE_SUBJECTS:
        return i - 1, i
    return None


_ABSOLUTE_SUBJECTS = frozenset(("one", "some", "many", "others", "most", "several", "few", "all"))


def _with_subject(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The noun phrase between "with" and the participle at ``i`` ("with Boswell stating", "with
    one poster writing"): the participle's own subject, up to four words, no comma or verb."""
    for k in range(i - 2, max(-1, i - 6), -1):
        if toks[k].low == "with":
            end = i
            while end > k + 1 and toks[end - 1].low.endswith("ly") and not toks[end - 1].cap:
                end -= 1  # "with Trump reportedly yelling": the adverb is not the subject's
            words = toks[k + 1 : end]
            return (k + 1, end) if words and all(_noun_phrase_word(t) for t in words) else None
        if not toks[k].is_word:
            return None
    return None


def _noun_phrase_word(tok: _Tok) -> bool:
    """A word a noun phrase holds: no verb, auxiliary, preposition or clause word ("with Trump
    while saying", "with the party in denouncing")."""
    return (
        tok.is_word
        and tok.low not in _lexicon().verbs
        and tok.low not in _CLAUSE_AUXILIARIES
        and tok.low not in _PREPOSITIONS
        and not _is_boundary(tok)
    )


def _after_quote(s: _Sentence, cue: _Cue) -> bool:
    prev = cue.prev
    return prev is not None and (
        prev.text in _CLOSE_QUOTES
        or (prev.text == "," and cue.i >= 2 and s.toks[cue.i - 2].text in _CLOSE_QUOTES)
    )


def _inverted_speaker(toks: list[_Tok]) -> bool:
    """A speaker after its cue: a name, a source noun phrase ("the statement", "officials"),
    not a clause ("he doesn't believe the effort ...")."""
    return _plausible_speaker(toks) or speaker_type(toks, False) is not None


def _source_after_cue(toks: list[_Tok]) -> bool:
    """After an unquoted content and its inverted cue, a speaker: a name or a source noun, or a
    determiner before a head of a source class ("..., said the Pentagon", "..., reported the
    Washington Examiner"); never a prepositional phrase ("accused by the Turkish government")."""
    if _plausible_speaker(toks):
        return True
    return toks[0].low in _DETERMINERS and speaker_type(toks, False) is not None


def _nominal_phrase(toks: list[_Tok]) -> bool:
    """After a quotation and its cue, a noun phrase the lexicon does not type is still the
    speaker ("said the 46-year-old", "says a narrator", "said master of ceremonies Asab
    Al-Tabchi"): it opens with a determiner or a capitalised word, and holds no verb of its own
    (which would make it a clause: "said he doesn't ...")."""
    words = [t for t in toks if t.is_word]
    if not words or words[0].low in _PRONOUNS:
        return False
    opens = words[0].low in _NP_OPENERS or is_possessive(words[0].text) or words[0].cap
    # or a role in lower case before the holder's name ("said master of ceremonies Asab Al-Tabchi")
    named = len(words) >= 3 and words[-1].cap and words[-2].cap
    return (opens or named) and not any(
        t.low in _CLAUSE_AUXILIARIES or t.low.endswith(("n't", "n’t")) for t in words
    )


def quote_cue_speaker(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "“...,” said Salami": an inverted cue right after a quotation, the speaker after it."""
    if cue.kind != "verb" or not _after_quote(s, cue) or cue.subject:
        return None
    np_ = _noun_phrase_after(s.toks, cue.j, s.n)
    q = _quote_before(s.toks, cue.i, s.quotes)
    if np_ and not (
        _inverted_speaker(s.toks[np_[0] : np_[1]]) or _nominal_phrase(s.toks[np_[0] : np_[1]])
    ):
        return None  # "Humphrey, who calls Trump a “sociopath,” said he doesn't ...": a clause
    if np_ and q:
        np_ = _with_apposed_name(s, np_)
        resume = _apposition_before_quote(s.toks, np_[1], s.n) or np_[1]
        content = (q[0], _split_quote_end(s, resume, q[1]))
        at = cue.attribution(Rule.QUOTE_CUE_SPEAKER, speaker=s.span(*np_), content=content)
        return _Match([at], resume_at=resume)
    return _Match()


def _apposition_before_quote(toks: list[_Tok], k: int, n: int) -> int | None:
    """The comma before the second part of a split quotation when an apposition of the inverted
    speaker stands between (“...,” says Margaret Huang, executive director of the U.S. branch of
    Amnesty International, “and as a result ...”); None when there is none. The apposition holds
    no verb and no quotation mark of its own."""
    if k >= n or toks[k].text != ",":
        return None
    for j in range(k + 1, min(n - 1, k + 20)):
        t = toks[j]
        if t.text == "," and toks[j + 1].text in _OPEN_QUOTES:
            return j
        if t.text in _OPEN_QUOTES or t.text in _CLOSE_QUOTES or t.text in ".;:":
            return None
        if t.is_word and not t.cap and (t.low in _lexicon().verbs or _finite_verb(t)):
            return None
    return None


def _with_apposed_name(s: _Sentence, np_: tuple[int, int]) -> tuple[int, int]:
    """An inverted speaker that is a role and closes on the name of its holder ("said EU
    commissioner for Home Affairs, Cecilia Malmström."): the name, set off by a comma and ending
    the sentence, is part of the speaker."""
    toks, b = s.toks, np_[1]
    if b + 1 >= s.n or toks[b].text != ",":
        return np_
    end = s.n - 1 if toks[s.n - 1].text in ".!?" else s.n
    words = toks[b + 1 : end]
    if (
        0 < len(words) <= 4
        and all(t.is_word and (t.cap or t.low in _NAME_PARTICLES) for t in words)
        and words[0].cap
    ):
        return np_[0], end
    return np_


def _split_quote_end(s: _Sentence, k: int, end: int) -> int:
    """The end of a split quotation's second part ("“Israel,” he said, “is not bound ...”"): the
    quotation that opens right after the comma at token ``k``; else ``end``, the first part's. The
    content covers both parts, the cue between them (one statement, one row)."""
    toks = s.toks
    if k + 1 < s.n and toks[k].text == "," and toks[k + 1].text in _OPEN_QUOTES:
        opening = toks[k + 1].start
        second = next((q for q in s.quotes if q[0] == opening), None)
        if second is not None:
            return second[1]
    return end


def content_cue_speaker(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "CONTENT, said Alan Abramowitz, a demographer at Emory.", "..., say some Democrats, who
    ...":
    an unquoted content before an inverted cue and its speaker."""
    prev, toks, ci = cue.prev, s.toks, cue.i
    if cue.kind != "verb" or cue.weak or prev is None or prev.text != "," or ci < 3:
        return None
    np_ = _noun_phrase_after(toks, cue.j, s.n)
    if not np_ or not _source_after_cue(toks[np_[0] : np_[1]]):
        return None
    if cue.subject is not None and not _clause_as_subject(toks, cue.subject):
        if not _described_source_closes(s, np_):
            return None
    np_ = _with_apposed_name(s, np_)
    before = sum(1 for t in toks[: ci - 1] if t.is_word)
    if _resumes_after_inverted_aside(s, np_[1]) and before >= 1:
        # "And Trump, said Sunshine, who remains friendly with her former boss, doesn't forgive
        # or forget": the speaker and cue set off inside the clause, which is the content
        at = cue.attribution(
            Rule.CONTENT_CUE_SPEAKER, speaker=s.span(*np_), content=(s.start, s.end)
        )
        return _Match([at], resume_at=np_[1])
    closes = np_[1] >= s.n or toks[np_[1]].text in ",;." or _described_source_closes(s, np_)
    if closes and before >= 4:
        content = (s.start, prev.start)
        at = cue.attribution(Rule.CONTENT_CUE_SPEAKER, speaker=s.span(*np_), content=content)
        return _Match([at], resume_at=np_[1])
    # no speaker after the verb: "Rep. Scott (D-Va.), ranking member ..., said he ...", whose
    # subject closes before the comma, is for the constructions below
    return None


def _described_source_closes(s: _Sentence, np_: tuple[int, int]) -> bool:
    """After an inverted cue, a described source that the sentence ends with (a relative clause
    of its own allowed): the speaker, whatever noun phrase the subject finder found before the
    comma ("Mr. Obama warned the Chinese leader, Xi Jinping, during their meeting ..., | said an
    American official who was briefed on the details ..."); a noun phrase cannot be what is said."""
    toks = s.toks
    verb = toks[np_[0] - 1].low
    if verb in _ADDRESSEE_VERBS or verb in _OBJECT_VERBS:
        return False  # "..., told The Hill": the addressee; "stressed his experience": the object
    who = next((k for k in range(*np_) if toks[k].low in _PERSON_RELATIVES), None)
    head = toks[np_[0] : np_[1] if who is None else who]
    if not head or head[0].low not in _ARTICLES or any(_clause_verb(t) for t in head):
        return False  # "said the group is not an advocacy group": a clause
    if (speaker_type(head, False) or ("document",))[0] == "document":
        return False  # "tweeted a warning": what was said
    rest = [t for t in toks[np_[1] : s.n] if t.is_word or t.text in ",;:"]
    if who is not None:
        # the relative clause runs to the end ("who was briefed ... and spoke anonymously"); a
        # comma after it may open the main clause ("the staff member who succeeded him ...,
        # Paul Manafort, should be terminated": the content)
        return not any(t.text in ",;:" for t in rest)
    return not rest or rest[0].low in _PERSON_RELATIVES


_ARTICLES = frozenset(("a", "an", "the"))


def _clause_as_subject(toks: list[_Tok], subject: tuple[int, int]) -> bool:
    """Is a "subject" the subject finder gave a clause, a lower-case finite verb before its first
    comma ("Cruz also lacks support from his colleagues, whom he has alienated ..., | said Larry
    Sabato": the content, with the speaker after the cue)?"""
    a, b = subject
    first = next((k for k in range(a, b) if toks[k].text == ","), b)
    return any(
        not t.cap and t.is_word and is_finite_verb(t.low) and t.low not in _lexicon().verbs
        for t in toks[a + 1 : first]
    )


def _resumes_after_inverted_aside(s: _Sentence, k: int) -> bool:
    """Does the clause resume after the inverted speaker that ends at ``k``: a comma, then words
    with a lower-case finite verb or auxiliary of their own ("..., said Sunshine, | doesn't forgive
    or forget")? An apposition after the speaker ("said Sunshine, who remains friendly with her
    former boss,") is skipped to its closing comma."""
    toks = s.toks
    if k >= s.n or toks[k].text != ",":
        return False
    rest = toks[k + 1 :]
    if rest and rest[0].low in ("who", "whom", "whose", "which"):
        close = next((j for j, t in enumerate(rest) if t.text == ","), None)
        if close is None:
            return False
        rest = rest[close + 1 :]
    words = [t for t in rest[:4] if t.is_word]
    return any(_clause_verb(t) for t in words[:3])


# the verb categories of reporting_verbs.csv that report in an as-clause ("As X noted, ...")
_AS_CATEGORIES = frozenset(("speech", "report", "claim"))


def _as_before(toks: list[_Tok], sp_a: int) -> int | None:
    """The index of "as" opening the clause of a subject starting at ``sp_a`` ("as Sanders’
    campaign manager suggested": past a possessive's pieces), or None."""
    for k in range(sp_a - 1, max(-1, sp_a - 4), -1):
        if toks[k].low == "as":
            return k
        if not toks[k].is_word and toks[k].text not in ("’", "'"):
            return None
        if toks[k].is_word and not toks[k].cap:
            return None
    return None


def _opens_a_clause_before(toks: list[_Tok], as_i: int) -> bool:
    """Does a complementiser or subordinator, then a comma, stand right before the "as" at
    ``as_i`` ("given that, as ...", "because, as ...")?"""
    return (
        as_i >= 2
        and toks[as_i - 1].text == ","
        and (toks[as_i - 2].low == "that" or toks[as_i - 2].low in _SUBORDINATORS)
    )


def as_clause(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "As The Washington Post reported, even if Sanders managed to split delegates ...",
    "... rather than a “regional” candidate, as Sanders’ campaign manager suggested": a speaker and
    cue in an as-clause; the content is the host clause (after the clause, or before it)."""
    if cue.kind != "verb" or cue.subject is None:
        return None
    if cue.category not in _AS_CATEGORIES:
        return None  # "as people continue", "as they hoped": a time or manner clause
    if cue.tok.low.startswith(("spok", "speak", "talk")):
        return None  # "As Blumenthal spoke, the NRA was ...": a time clause
    toks = s.toks
    sp_a, sp_b = cue.subject
    if toks[sp_a].low == "as":
        sp_a += 1
    as_i = _as_before(toks, sp_a) if toks[sp_a - 1].low != "as" or sp_a == 0 else sp_a - 1
    if as_i is None or sp_a >= sp_b:
        return None
    close = next((k for k in range(cue.j, s.n) if toks[k].text in ",:;"), s.n)
    if (
        close - cue.j > 5
        or any(t.low == "that" or t.text in _OPEN_QUOTES for t in toks[cue.j : close])
        or (close - cue.j > 2 and _zero_that_clause(toks, cue.j, close))
    ):
        # the as-clause holds a complement of its own: not "As X noted," ("as a number of
        # writers suggested such a list was important": a time clause, the verb's own report;
        # "just as she said she would" is an ellipsis, the host clause its content)
        return None
    rest = close + 1 < s.n and any(t.is_word for t in toks[close + 1 :])
    if all(t.low in _SENTENCE_CONNECTIVES for t in toks[:as_i]):
        if not rest:
            return _Match()
        content = (toks[close + 1].start, s.end)
    elif toks[as_i - 1].text == "," and not rest:
        content = (s.start, toks[as_i - 1].start)  # "..., as X suggested."
    elif toks[as_i - 1].low in ("and", "but") and rest:
        # "A, and as Comey noted, B": the as-clause opens the second conjunct, which it reports
        content = (toks[close + 1].start, s.end)
    elif rest and _opens_a_clause_before(toks, as_i) and not _finite_auxiliary(toks[close + 1]):
        # "given that, as The Times reported on Saturday, he has ...": the as-clause interrupts
        # the clause that "that" (or "because", "if") opens; that clause is the content ("And
        # that, as Trump points out, is ...": a demonstrative, its verb comes next)
        content = (toks[close + 1].start, s.end)
    elif sum(1 for t in toks[: as_i - 1] if t.is_word) >= 4:
        # "We say Iraq sovereignty will not be achieved ..., as Bush claimed, but ...": the clause
        # before it
        content = (s.start, toks[as_i - 1].start)
    elif toks[as_i - 1].text == ",":
        content = (s.start, s.end)  # "And that, as Trump points out, is ...": the whole sentence
    else:
        return None  # "as soon as", "such as X said": not an as-clause of a source
    at = cue.attribution(Rule.AS_CLAUSE, speaker=s.span(sp_a, sp_b), content=content)
    return _Match([at])


def parenthetical(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "Nor does she have any plans, advisers say, to take cues ...": a speaker and cue set off by
    commas; the content is the sentence around them (or before them, when they close it)."""
    if cue.kind != "verb" or cue.subject is None or cue.weak:
        return None
    toks, cj, n = s.toks, cue.j, s.n
    sp_a, sp_b = cue.subject
    commas = [k for k in range(sp_a, sp_b) if toks[k].text == ","]
    if cj + 1 < n and toks[cj].text == "," and toks[cj + 1].text in _OPEN_QUOTES:
        return None  # "X, a spokesman, said, “...”": the quotation is the content
    if not (
        commas
        and (cj >= n or toks[cj].text in ",.;")
        and commas[-1] + 1 < sp_b
        and sum(1 for t in toks[: commas[-1]] if t.is_word) >= 2
        and not any(t.text in _CLOSE_QUOTES or t.text in _OPEN_QUOTES for t in toks[:sp_b])
    ):
        return None
    sp_a = commas[-1] + 1
    lone_pronoun = sp_b - sp_a == 1 and toks[sp_a].low in _PRONOUNS  # "Prosecutors, he said, had"
    appositive = (
        toks[commas[-1] - 1].cap
        and (toks[sp_a].low in ("a", "an", "the", "who") or toks[sp_a].cap)
        # "Like his comments about Mr. Curiel, Mr. Graham said, ...": a fronted adverbial, no name
        and toks[0].low not in _ADVERBIAL_OPENERS
    )
    if not (lone_pronoun or _plausible_speaker(toks[sp_a:sp_b])) or appositive:
        # "Raphael Lemkin, a lawyer, said ...": an appositive of a name, not a speaker set off by
        # commas ("Mr. Obama, officials said, has ..." is); the other constructions read the cue
        return None
    closes = cj >= n or toks[cj].text in ".;" or (toks[cj].text == "," and cj + 1 >= n)
    content = (s.start, toks[commas[-1]].start if closes else s.end)
    at = cue.attribution(Rule.PARENTHETICAL, speaker=s.span(sp_a, sp_b), content=content)
    return _Match([at])


def quote_speaker_cue(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "“...,” Salami said"; a quotation that closes a longer sentence is mixed: "X feared that Y
    “...,” Z said"."""
    if cue.kind != "verb" or cue.subject is None:
        return None
    sp_a, sp_b = cue.subject
    q = _quote_before(s.toks, sp_a, s.quotes)
    # whatever follows the cue ("“...,” Christie said when asked whether ..."), the quotation is the
    # content, unless the cue opens a clause of its own ("“...,” he said that ...", "... “been
    # friends for some time,” he claimed they had never met")
    if q is None or (cue.j < s.n and s.toks[cue.j].low in ("that", "whether", "if")):
        return None
    if _opens_own_clause(s.toks, cue.j, s.n, cue.tok.low) or _quoted_title(s, q, cue):
        return None
    if cue.j + 1 < s.n and s.toks[cue.j].text == ":" and s.toks[cue.j + 1].text in _OPEN_QUOTES:
        return None  # "... “down the line” he warned: “It’s not going to ...”": the quotation after
    c_start = q[0] if q[0] <= s.start or not s.text[s.start : q[0]].strip() else s.start
    content = (c_start, _split_quote_end(s, cue.j, q[1]))
    at = cue.attribution(Rule.QUOTE_SPEAKER_CUE, speaker=s.span(sp_a, sp_b), content=content)
    return _Match([at])


def _quoted_title(s: _Sentence, q: tuple[int, int], cue: _Cue) -> bool:
    """Is the quotation a title or a name inside a phrase ("on Fox News channel’s | “Sunday Morning
    Futures,” Rep. Darrell Issa said Democratic ...", "In an extended appearance on | "Morning
    Joe," co-host Mika Brzezinski asked Trump how ...")? A preposition or a possessive stands
    right before its opening mark, and the cue has a content of its own after it ("But Mr. Kim's
    ''execution has been challenged,'' Mr. Solomon said" quotes a statement)."""
    k = next((i for i, t in enumerate(s.toks) if t.start == q[0]), None)
    if not k or not _words_follow(s.toks, cue.j, s.n):
        return False
    before = s.toks[k - 1]
    return before.low in _PREPOSITIONS or is_possessive(before.text)


def _opens_own_clause(toks: list[_Tok], j: int, n: int, verb: str) -> bool:
    """A clause without "that" right after the cue, opening with a noun phrase ("he claimed they
    had never met"), not an adjunct ("wrote after the report was released", "writes in what is
    presented as her memoir")."""
    if j >= n or not _clause_right_after(toks, j, n, verb):
        return False
    first = toks[j]
    return (
        without_clitic(first.low) in _SUBJECT_PRONOUNS
        or first.low in _DETERMINERS
        or (first.cap and first.low not in _FUNCTION_CAPS)
    )


def _after_last_comma(s: _Sentence, subj: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "... the Justice Department, a former official said.": a subject widened over a comma
    whose part after the comma is a speaker of its own is that part (the content is before)."""
    if subj is None:
        return None
    commas = [k for k in range(subj[0], subj[1]) if s.toks[k].text == ","]
    if commas and commas[-1] + 1 < subj[1] and subj[0] > 0 and s.toks[subj[0] - 1].is_word:
        part = s.toks[commas[-1] + 1 : subj[1]]
        if part[0].low in ("a", "an", "the") and _plausible_speaker(part):
            return commas[-1] + 1, subj[1]
    return subj


def content_speaker_cue(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "CONTENT, the report said." / "CONTENT, X declared, Y told the newspaper." """
    subj = _after_last_comma(s, cue.subject)
    if cue.kind != "verb" or subj is None or subj[0] == 0 or s.toks[subj[0] - 1].text not in ',”"':
        return None
    # "CONTENT, X said during his campaign speech to be ...": an adjunct, however long
    adjunct = _only_adjuncts_follow(s.toks, cue.j, s.n, cue.tok.low) and not _opens_adverbially(
        s.toks
    )
    if not adjunct and (
        not _is_clause_end(s.toks, cue.j, s.n) or _complement_follows(s.toks, cue.j, s.n)
    ):
        return None
    toks, j = s.toks, cue.j
    if j + 1 < s.n and toks[j].text == "," and toks[j + 1].text in _OPEN_QUOTES:
        return None  # "Reflecting on his career, the leader said, “...”": the quotation is it
    sp_a, sp_b = subj
    conjunct = sp_a >= 2 and toks[sp_a - 2].low in ("and", "but", "or")
    resumed = None
    if j + 1 < s.n and toks[j].text == ",":
        resumed = _resumed_verb(toks, j + 1)
        if resumed is None and not conjunct and _resumed_clause(toks, j + 1, s.n) is not None:
            if _fronted_adverbial(toks, sp_a):
                # "In the early 1990s, Ms. Ripert said, when she was earning ..., a boss ...":
                # what follows the cue, never the adverbial
                at = cue.attribution(
                    Rule.PARENTHETICAL,
                    speaker=s.span(sp_a, sp_b),
                    content=(toks[j + 1].start, s.end),
                )
                return _Match([at])
            resumed = j + 1
    if resumed is not None:
        # "A comic tone, she said, would make ...": the sentence around the speaker and cue; the
        # verb after them is the interrupted clause's, no cue of its own ("..., Frank notes,
        # applaud ...")
        at = cue.attribution(
            Rule.PARENTHETICAL, speaker=s.span(sp_a, sp_b), content=(s.start, s.end)
        )
        return _Match([at], resume_at=resumed + 1)
    k = j + 1 if j < s.n and toks[j].text == "," else j
    if k > j and k < s.n and conjunct:
        # "to help his clients and, he argued, to help stabilize Ukraine": the second conjunct
        at = cue.attribution(
            Rule.PARENTHETICAL, speaker=s.span(sp_a, sp_b), content=(toks[k].start, s.end)
        )
        return _Match([at])
    # "..., scientists said in a report released Monday.": only an adjunct follows the cue
    adjunct_after = k < s.n and _only_adjuncts_follow(toks, k, s.n, cue.tok.low)
    if _fronted_adverbial(toks, sp_a) and _words_follow(toks, j, s.n) and not adjunct_after:
        # "In response, Twitter said it ...": the content follows the cue when it holds one
        after = speaker_cue_content(s, cue, found)
        if after is not None and after.attributions:
            return after
        if cue.weak and k == j and not _says_something(toks, j, s.n):
            return _Match()  # "In the past five years, we have added 1 million jobs": no complement
        # "In the end, Mr. Rosenthal said, union voters almost always ...", "Late last month, the
        # company wrote a detailed letter ...": what follows the cue, never the adverbial
        rule = Rule.PARENTHETICAL if k > j else Rule.SPEAKER_CUE_CONTENT
        at = cue.attribution(rule, speaker=s.span(sp_a, sp_b), content=(toks[k].start, s.end))
        return _Match([at])
    if not adjunct_after and _words_follow(toks, j, s.n) and _no_content_before(s, sp_a):
        # "PORTLAND, Maine - On Friday morning, ..., Gary Johnson told a joke.", "..., indeed, he
        # had publicly stated of politicians, “...”": the cue's complement is the content
        after = speaker_cue_content(s, cue, found)
        if after is not None and after.attributions and _holds_words(s, after.attributions[0]):
            return after
    return _postposed(s, cue, sp_a, sp_b)


def _holds_words(s: _Sentence, at: _Attr) -> bool:
    """Two words at least in the content (not a lone quotation mark or "a")."""
    return len(WORD_RE.findall(s.text, at.content_start, at.content_end)) >= 2


def _no_content_before(s: _Sentence, sp_a: int) -> bool:
    """What stands before the speaker cannot be what is said, whatever its commas: adverbials
    with no clause of their own ("In his autobiography, ''A Time for Truth,'' published in
    2015,", "With his campaign appearing in disarray after ...", a dateline "PORTLAND, Maine -
    On Friday morning,"), or anything when a quotation opens after the cue and none before."""
    toks = s.toks
    before = toks[:sp_a]
    if not any(t.text in _OPEN_QUOTES or t.text in _CLOSE_QUOTES for t in before) and any(
        t.text in _OPEN_QUOTES for t in toks[sp_a:]
    ):
        return True
    if _holds_a_clause(before) or any(t.text in ";:" for t in before):
        return False
    first = next((t for t in before if t.is_word), None)
    dateline = first is not None and len(first.text) > 1 and first.text.isupper()
    return first is not None and (dateline or _opens_adverbial(first))


def _says_something(toks: list[_Tok], k: int, n: int) -> bool:
    """Does what follows a weak cue hold what it reports: a quotation, a complement word ("to",
    "that", "for"), a statement or document noun ("released a statement", "wrote a letter") or a
    participle that reports ("..., urging")? "we have added 1 million jobs" holds none."""
    documents = _lexicon().kinds.get("document_noun", ())
    return any(
        t.text in _OPEN_QUOTES
        or t.low in _COMPLEMENTS
        or t.low in _STATEMENT_NOUNS
        or t.low in documents
        or (t.low in _PARTICIPLES and t.low.endswith("ing"))
        for t in toks[k:n]
    )


def _postposed(s: _Sentence, cue: _Cue, sp_a: int, sp_b: int) -> _Match:
    """ "CONTENT, X said ...": everything before the speaker (its comma left out)."""
    c_end = s.toks[sp_a - 1].start
    while c_end > s.start and s.text[c_end - 1] in " ,":
        c_end -= 1
    content = (s.start, max(s.start, c_end))
    at = cue.attribution(Rule.CONTENT_SPEAKER_CUE, speaker=s.span(sp_a, sp_b), content=content)
    return _Match([at])


def _fronted_adverbial(toks: list[_Tok], sp_a: int) -> bool:
    """The words before the speaker are one adverbial, not a content: a single comma-free segment
    that an adverbial opener begins ("So far", "Even though the park allows it", "Addressing the
    gala Thursday") or of at most two words ("Nonetheless")."""
    before = toks[: sp_a - 1] if sp_a and toks[sp_a - 1].text == "," else toks[:sp_a]
    quotes = [t for t in before if t.text in _OPEN_QUOTES or t.text in _CLOSE_QUOTES]
    if (
        any(t.text in ";:" for t in before)
        or len(quotes) % 2
        or (quotes and quotes[0] is before[0])
    ):
        return False  # a quotation, not an adverbial with a quoted word in it
    commas = [k for k, t in enumerate(before) if t.text == ","]
    if commas and not all(
        _date_or_place(before[a + 1 : b]) for a, b in zip(commas, commas[1:] + [len(before)])
    ):
        return False  # "In November, 2009," and "In Kabul, Afghanistan," are one adverbial
    words = (
        [t for t in before[: commas[0]] if t.is_word]
        if commas
        else [t for t in before if t.is_word]
    )
    return bool(words) and (len(words) <= 2 or _opens_adverbial(words[0]) or _time_adverbial(words))


def _time_adverbial(words: list[_Tok]) -> bool:
    """A segment that a time phrase opens: "Shortly after my sentence", "Soon after X was booed",
    "The day after the primary", "Late last month" (an -ly adverb before an opener, or a time
    word among the first three words, no clause auxiliary before it)."""
    if any(t.low in _TIME_SUBORDINATORS for t in words[:3]):
        return True  # "Soon after X was booed", "Shortly before he was sworn in": a time clause
    if _holds_a_clause(words) or any(t.low in _CLAUSE_AUXILIARIES for t in words):
        return False  # "Last year was the hottest on record": a clause, the content
    first = words[0]
    if first.low.endswith("ly") and len(words) > 1 and _opens_adverbial(words[1]):
        return first.low not in _lexicon().kinds.get("place", ())  # "Italy in particular"
    return any(
        t.low in _TIME_WORDS or (t.low in _TIME_PHRASE_NOUNS and not t.cap) for t in words[:3]
    ) and not any(can_be_verb(t.low) and t.low.endswith("ed") for t in words)


def _date_or_place(seg: list[_Tok]) -> bool:
    """A segment that continues an adverbial after a comma: a year, a date or a place name
    (at most three words, each a number, a capitalised word or a time word)."""
    words = [t for t in seg if t.is_word]
    return 0 < len(words) <= 3 and all(
        t.text.isdigit() or t.cap or t.low in _TIME_WORDS for t in words
    )


def _opens_adverbial(tok: _Tok) -> bool:
    """A word that opens an adverbial: an adverbial opener or a participle ("Addressing ...")."""
    return tok.low in _ADVERBIAL_OPENERS or tok.low.endswith("ing")


def _opens_adverbially(toks: list[_Tok]) -> bool:
    """The sentence opens with an adverbial ("Friday morning, as ...", "Outside the campaign"):
    what stands before the speaker need not be a content."""
    first = next((t for t in toks if t.is_word), None)
    return first is not None and _opens_adverbial(first)


def _words_follow(toks: list[_Tok], j: int, n: int) -> bool:
    """Two words or more follow the cue, one of them lower-case and no time word: an object or a
    clause, not only "on Monday" or "Sen. Smith"."""
    rest = [t for t in toks[j:n] if t.is_word]
    return len(rest) >= 2 and any(not t.cap and t.low not in _TIME_WORDS for t in rest)


def _resumed_verb(toks: list[_Tok], k: int) -> int | None:
    """After "..., she said," the index of the verb of the interrupted clause at ``k``, adverbs
    skipped, or None: an auxiliary ("would make", "was", "had"), a finite verb ("all of whom, she
    explained, needed a boost", "Democrats, Frank notes, applaud ..."), or a past form not
    opening a participle phrase ("..., he said, based on ...")."""
    while k + 1 < len(toks) and is_adverb(toks[k].low):
        k += 1
    tok = toks[k]
    if tok.cap or not tok.is_word:
        return None
    if _clause_verb(tok):
        return k  # also negated: "Voters, Clinton suggested, don’t have to worry ..."
    after = toks[k + 1].low if k + 1 < len(toks) else ""
    past = tok.low.endswith("ed") and can_be_verb(tok.low) and after not in _PARTICIPLE_LINKS
    return k if past else None


def _resumed_clause(toks: list[_Tok], k: int, n: int) -> int | None:
    """After "..., he said," the index of a clause that carries on the interrupted sentence: an
    infinitive ("it is his job, he said, to talk to Congress"), a relative clause with its verb
    ("a provision, Corker said, that is meant to ..."), or a subordinate clause with its subject
    and verb ("In the early 1990s, Ms. Ripert said, when she was earning ..."); None otherwise
    ("..., he said, when asked", "..., she said, to applause": adjuncts of the saying)."""
    if k + 1 >= n or toks[k].cap:
        return None
    low, nxt = toks[k].low, toks[k + 1]
    if low == "to":
        return k if is_base_verb(nxt.low) and not nxt.cap else None
    if low in _RELATIVE_WORDS:
        return k if _clause_verb(nxt) else None
    if low in _SUBORDINATORS or low in _TIME_SUBORDINATORS:
        return k if _zero_that_clause(toks, k + 1, n) else None
    return None


# words after a past participle that make it open a participle phrase, not the clause's verb
_PARTICIPLE_LINKS = frozenset(("by", "on", "to", "with", "in", "from", "as", "at", "for", ","))


def _holds_a_clause(toks: list[_Tok]) -> bool:
    """A "subject" with a finite verb of its own outside a relative clause ("many people were
    wounded in the blasts"): a clause, not a speaker."""
    for k, t in enumerate(toks):
        if t.low in ("who", "which", "that", "whose"):
            return False
        if k > 0 and t.low in _CLAUSE_AUXILIARIES and not t.cap:
            return True
    return False


def _can_speak(toks: list[_Tok]) -> bool:
    """A subject that can be a source: a pronoun, a capitalised word, or a head noun of a class
    of sources (people, organisations, outlets, documents)."""
    words = [t for t in toks if t.is_word]
    if any(t.cap or without_clitic(t.low) in _PRONOUNS or t.low == "who" for t in words):
        return True  # "he’d", "who in 2012 said"
    roles = _lexicon().kinds.get("role", frozenset())
    return speaker_type(toks, False) is not None or bool(words and words[-1].low in roles)


def _closing_subject(toks: list[_Tok], a: int, b: int) -> int | None:
    """Where a pronoun or a run of capitalised words closing ``toks[a:b]`` starts, or None."""
    if toks[b - 1].low in _PRONOUNS:
        return b - 1
    k = b
    while k > a and toks[k - 1].is_word and toks[k - 1].cap:
        k -= 1
    return k if k < b and k > a and not toks[k - 1].cap else None


def coordinated_cue(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "He suggested ..., called her “third-rate” and ...", "Sanders called him divisive and
    accused him of ...": a cue right after a comma or a conjunction that follows an attribution
    of the sentence shares its speaker."""
    prev = cue.prev
    if cue.kind != "verb" or not found or prev is None or prev.low not in (",", "and", "but"):
        return None
    # the main clause's cue: the last one not reported inside another's content ("X said that he
    # had noted A but warned that B": X warned)
    main = next(
        (
            f
            for f in reversed(found)
            if not any(o.content_start <= f.cue_start < o.content_end for o in found if o is not f)
        ),
        found[-1],
    )
    if main.speaker_start is None or main.cue_start >= cue.tok.start:
        return None
    if main.rule in (Rule.CITING, Rule.ACCORDING_TO) and prev.low == ",":
        return None  # "Mr. Manafort, citing the polls, said ...": the aside's source is the one
        # cited; the main clause's subject says it
    own = _subordinate_subject(s, main, cue)
    if own is not None:
        # "pointed out that while Manning had gone through a formal trial and acknowledged
        # wrongdoing, ...": Manning acknowledged, inside what Ernest pointed out
        content = _content_after(s.toks, cue.j, s.n, s.end, cue.weak, cue.tok.low)
        if content is None:
            return _Match()
        at = cue.attribution(Rule.COORDINATED, speaker=s.span(*own), content=content[:2])
        return _Match([at])
    if main.rule == Rule.RELATIVE_WHO and prev.low == "," and _prepositional_antecedent(s, main):
        return None  # "Shelton, the president of the union, which endorsed X, said": the comma
        # closes the relative clause, whose antecedent is a part of the main clause's subject
    subject = cue.subject
    if subject is not None and s.span(*subject)[0] > main.cue_start:
        return None  # a subject of its own after the first cue: "..., and the report said"
    content = _content_after(s.toks, cue.j, s.n, s.end, cue.weak, cue.tok.low)
    if content is None:
        return None
    speaker = (main.speaker_start, main.speaker_end)
    at = cue.attribution(Rule.COORDINATED, speaker=speaker, content=(content[0], content[1]))
    return _Match([at])


def _subordinate_subject(s: _Sentence, main: _Attr, cue: _Cue) -> tuple[int, int] | None:
    """The subject of a subordinate clause that opens between the main cue and this one, with a
    finite verb of its own before the "and" ("X pointed out that while | Manning | had gone
    through a trial and acknowledged ...", "although at the mention of email | she | laughed and
    admitted"): the coordinated verb is that subject's; None when there is none (a bracketed
    aside does not count: "called them “rapists” (although he allowed ...) and promised")."""
    toks = s.toks
    lo = next((k for k, t in enumerate(toks) if t.start >= main.cue_end), cue.i)
    depth = 0
    for k in range(lo, cue.i - 2):
        depth += (toks[k].text == "(") - (toks[k].text == ")")
        if depth or toks[k].low not in _SUBORDINATORS:
            continue
        if any(t.text in ",;" for t in toks[k : cue.i]):
            return None
        verb = next((v for v in range(k + 1, cue.i - 1) if _finite_main_verb(toks[v])), None)
        if verb is None:
            return None
        start = k + 1
        if toks[start].low in _PREPOSITIONS:  # "at the mention of email | she"
            start = next((j for j in range(start, verb) if toks[j].low in _PRONOUNS), verb)
        return (start, verb) if start < verb and _plausible_speaker(toks[start:verb]) else None
    return None


def _prepositional_antecedent(s: _Sentence, relative: _Attr) -> bool:
    """Is the antecedent of a relative clause's report the object of a preposition ("the president
    of | the Communications Workers of America, which endorsed ...")?"""
    k = next((i for i, t in enumerate(s.toks) if t.start == relative.speaker_start), None)
    return k is not None and k > 0 and s.toks[k - 1].low in _PREPOSITIONS


def quote_before_sentence(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "“Who do they think they are?” | Trump said.": a sentence of only a speaker and a cue
    after a quotation that closed the sentence before (with "?", "!" or ".") quotes that."""
    if cue.kind != "verb" or cue.subject is None or cue.subject[0] != 0:
        return None
    rest = [t for t in s.toks[cue.j :] if t.is_word]
    if len(rest) > 3:
        return None  # "Trump said on Friday": a short adjunct at most
    q = next((q for q in reversed(s.quotes) if q[1] <= s.start), None)
    if q is None or s.text[q[1] : s.start].strip():
        return None
    at = cue.attribution(Rule.QUOTE_BEFORE_SENTENCE, speaker=s.span(*cue.subject), content=q)
    return _Match([at])


def speaker_cue_content(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "X said (that) ...", "X told Y that ...", "X noted to the Times that ...", "a poll showed
    Clinton ahead"."""
    if cue.kind != "verb" or cue.subject is None:
        return None
    if _passive_cue(s.toks, cue.i):
        return None  # "militants who have been described as loyal to ...": the one described
    sp_a, sp_b = cue.subject
    if cue.i > 1 and s.toks[cue.i - 1].low == "who" and s.toks[cue.i - 2].cap:
        # "... José Ramón Balaguer who adds that": the name right before the relative pronoun
        sp_b = cue.i - 1
        sp_a = _closing_subject(s.toks, max(0, sp_a - 1), sp_b) or sp_a
        sp_a, sp_b = _past_place_of_apposition(s.toks, sp_a, sp_b)
    if cue.weak and not _can_speak(s.toks[sp_a:sp_b]):
        return _Match()  # "the bombings underlined ...": an event, not a source
    if _reduced_relative(s.toks, cue):
        return _Match()  # "A $160 billion megamerger announced Monday would turn ...": a modifier
    if _holds_a_clause(s.toks[sp_a:sp_b]):
        # "by the time he said", "updated to note that Carson posted": the subject closes the clause
        sp_a = _closing_subject(s.toks, sp_a, sp_b)
        if sp_a is None:
            return _Match()
    verb, weak = cue.tok.low, cue.weak
    subj_head = _head_noun(s.toks[sp_a:sp_b])
    if (
        weak
        and verb in _FINDING_VERBS
        and subj_head is not None
        and subj_head.low in _lexicon().kinds.get("document_noun", ())
    ):
        weak = False  # "a poll showed Clinton ahead": documents report without "that"
    content = _content_after(s.toks, cue.j, s.n, s.end, weak, verb) or _after_lead_in(s, cue.j)
    if content is not None and _is_lead_in(s, content[0]):
        # "In a 1963 speech, he declared:" | "“It is very appropriate ...”": what follows
        content = _following_paragraph(s) or content
    if content is None:
        return _Match()
    at = cue.attribution(
        Rule.SPEAKER_CUE_CONTENT, speaker=s.span(sp_a, sp_b), content=(content[0], content[1])
    )
    return _Match([at])


def _passive_cue(toks: list[_Tok], i: int) -> bool:
    """Is the cue at ``i`` a passive participle after a form of "be" (adverbs between)? Its
    subject is what was described or rejected, never the speaker ("militants who have been
    described as loyal to ...", "The plan was reportedly rejected by Boris Johnson": the agent,
    if any, is read by passive_by)."""
    low = toks[i].low
    if not (low.endswith(("ed", "en")) or is_irregular_past(low)):
        return False
    k = i - 1
    while k >= 0 and (toks[k].low in _VERB_PREMODIFIERS or is_adverb(toks[k].low)):
        k -= 1
    return k >= 0 and toks[k].low in _BE_FORMS and not toks[k].cap


_RELATIVE_WORDS = _RELATIVE_PRONOUNS | {"that"}


def _reduced_relative(toks: list[_Tok], cue: _Cue) -> bool:
    """Is the -ed cue a participle modifying the noun before it, the sentence's verb coming
    after it ("A $160 billion megamerger announced Monday would turn ...", "the emails released
    Monday were ...")? A time word may stand between; then an auxiliary or modal with no subject
    of its own; no relative word or auxiliary before the cue's subject."""
    if not cue.tok.low.endswith("ed") or cue.subject is None:
        return False
    a, b = cue.subject
    last = toks[b - 1]
    if last.cap or last.low in _PRONOUNS:
        return False  # "the information Snowden released was ...": an object's relative clause
    if (
        cue.j < len(toks)
        and toks[cue.j].low in ("of", "as")
        and is_plural_noun(last.low)
        and any(
            not t.cap and (t.low in _CLAUSE_AUXILIARIES or _past_verb(t)) for t in toks[a + 1 : b]
        )
    ):
        return True  # "the US expelled 35 Russian diplomats accused of espionage": a modifier
    before = toks[max(0, a - 1) : cue.i]
    if any(t.low in _RELATIVE_WORDS or t.low in _CLAUSE_AUXILIARIES for t in before):
        # "which some have argued was intended", "a trip that investigators found was funded":
        # a relative clause whose gap is the content's subject reports that content
        return False
    k = cue.j
    while k < len(toks) and (toks[k].low in _TIME_WORDS or toks[k].low in _TIME_PREPOSITIONS):
        k += 1
    return k < len(toks) and not toks[k].cap and toks[k].low in _CLAUSE_AUXILIARIES | _MODALS


def _after_lead_in(s: _Sentence, k: int) -> tuple[int, int] | None:
    """ "Cruz continued:" | "“You look at the questions ...”": a cue whose colon closes its
    sentence (a time or place adjunct between) reports what follows, to the end of that
    paragraph (a quotation there is the content, however many sentences it runs over)."""
    toks = s.toks
    colon = next((j for j in range(k, min(s.n, k + 8)) if toks[j].text == ":"), None)
    if colon is None or colon + 1 != s.n or any(t.text in ",;" for t in toks[k:colon]):
        return None
    return _following_paragraph(s)


def _is_lead_in(s: _Sentence, start: int) -> bool:
    """The sentence closes with a colon and its words from ``start`` are no statement of their own
    (no quotation; a few words, or an adjunct): they lead in to one that follows ("called them on
    it:", "describes itself in the following way:", "reported after the FBI left the scene:"), not
    "told Gomi he did not believe Kim would be a good leader:"."""
    if s.n == 0 or s.toks[-1].text != ":":
        return False
    rest = [t for t in s.toks if t.start >= start]
    if any(t.text in _OPEN_QUOTES for t in rest):
        return False
    before = [t for t in s.toks if t.end <= start]
    if before and before[-1].low == "that" and any(_finite_verb(t) for t in rest):
        return False  # "pointed out that veterans’ issues were largely ignored:": a that-clause
    words = [t for t in rest if t.is_word]
    return len(words) <= 6 or words[0].low in _ADVERBIAL_OPENERS


def _following_paragraph(s: _Sentence) -> tuple[int, int] | None:
    """From the next sentence to the end of its paragraph (a quotation there is the content,
    however many sentences it runs over)."""
    text = s.text
    start = s.end
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return None
    end = text.find("\n\n", start)
    return start, len(text) if end < 0 else end


def passive_recipient(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "was told by officials that ...": a passive of telling with its agent; the agent speaks.
    Without one ("“I'm told two things: ...”", "she was told to disconnect from her mother",
    "Clinton is assured of winning at least 118") the cue is read and nothing is reported: the
    source is implicit and the one told is no source (the shared-articles reading, 2026-12-02:
    4 of 4 such rows were no attribution; on PolNeAR train 7 of 23 matched a gold one)."""
    if cue.kind != "verb" or cue.tok.low not in _RECIPIENT_PASSIVES or not _after_be(s.toks, cue.i):
        return None
    by = _by_agent(s.toks, cue.i)
    agent = _agent_phrase(s.toks, by + 1, s.n) if by is not None else None
    if agent is None:
        return _Match()
    speaker = s.span(*agent)
    content = _content_after(s.toks, agent[1] if agent else cue.j, s.n, s.end, False, cue.tok.low)
    if content is None:
        return None  # "“Leave now,” she was told.": the quotation before is another's to read
    at = cue.attribution(Rule.PASSIVE_RECIPIENT, speaker=speaker, content=content[:2])
    return _Match([at])


def hearsay_passive(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "this attack is said to be the worst", "advisers were said to be urging the governor": a
    hearsay passive reports its whole clause (subject and infinitive) from an implicit source; the
    subject is what is said of, no speaker (API.md)."""
    toks = s.toks
    if (
        cue.kind != "verb"
        or cue.tok.low not in _HEARSAY_PASSIVES
        or not _after_be(toks, cue.i)
        or not hearsay_complement(toks, cue.j)
    ):
        return None
    if toks[cue.j].low == "that":  # "It is said that the plan would fail": the clause after
        start = toks[cue.j + 1].start
    else:
        subject = cue.subject
        start = toks[subject[0]].start if subject is not None else toks[cue.j].start
    at = cue.attribution(Rule.HEARSAY_PASSIVE, speaker=(None, None), content=(start, s.end))
    return _Match([at])


def _after_be(toks: list[_Tok], i: int) -> bool:
    """A form of "be" (or its clitic: "I'm", "they're") before the word at ``i``, past adverbs."""
    k = i - 1
    while k >= 0 and toks[k].low in _VERB_PREMODIFIERS:
        k -= 1
    if k < 0:
        return False
    word = toks[k].low.replace("’", "'")
    return word in _BE_FORMS or word.endswith(("'m", "'re"))


def document_finding(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "A CNN/ORC poll of South Carolina released on Tuesday showed Mr. Trump with a 16-point
    lead", "Polls in New Hampshire show ...", "polls showing her well behind": a finding verb whose
    subject is a document noun with post-modifiers the subject finder does not cross (a
    prepositional or participle phrase, a time, commas); the document reports without "that".
    A subject the finder read is kept unless it stands inside such a post-modifier."""
    if cue.kind != "verb" or cue.tok.low not in _FINDING_VERBS:
        return None
    head = document_head_before(s.toks, cue.i)
    if head is None:
        return None
    subject = cue.subject
    inside = subject is not None and subject[0] <= head < subject[1]
    participle = cue.tok.low.endswith("ing")
    if inside and not participle and _document_headed(s.toks[subject[0] : subject[1]]):
        return None  # "a poll showed": the subject as read, for speaker_cue_content
    if not (
        subject is None
        or inside  # "The poll, released on ... by ..., showed": the finder's head was wrong
        or participle  # "polls showing her well behind": the noun before is the subject
        or (subject[0] > head and follows_post_modifier(s.toks, subject[0]))
    ):
        return None  # "In the report, the committee found": the committee is the subject
    content = _content_after(s.toks, cue.j, s.n, s.end, False, cue.tok.low)
    if content is None:
        return None
    if participle or s.toks[cue.i - 1].low in ("that", "which"):
        content = _to_first_comma(s, cue.j, content)  # "Despite polls showing her well behind, ..."
    start = noun_phrase_start(s.toks, head)
    at = cue.attribution(
        Rule.DOCUMENT_FINDING, speaker=s.span(start, head + 1), content=content[:2]
    )
    return _Match([at])


def poll_standing(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "In the new Post-ABC poll, the real estate mogul wins about 1 in 3 GOP primary voters",
    "Clinton led Sanders more than 2-1 in an NBC News/Wall Street Journal/Marist South Carolina
    poll": a poll named in a phrase is the source of the standing its clause gives (a figure or
    a word of standing, and no reporting verb in the sentence)."""
    if cue.kind != "poll":
        return None
    toks, ci = s.toks, cue.i
    head = next((k for k in range(ci + 1, s.n) if toks[k].low in _POLL_NOUNS), None)
    if head is None:
        return None
    if not _gives_a_standing(toks[:ci] + toks[head + 1 :]):
        return _Match()  # "the poll was conducted by telephone": a mention, no finding
    if not any(t.is_word for t in toks[:ci]) or ci == 1 and toks[0].low in ("and", "but"):
        comma = next((k for k in range(head + 1, s.n) if toks[k].text == ","), None)
        if comma is None or comma + 1 >= s.n:
            return _Match()
        content = (toks[comma + 1].start, s.end)  # "In the CBS poll, Trump's lead ..."
    elif sum(1 for t in toks[:ci] if t.is_word) < 3:
        return _Match()
    elif _clause_goes_on(toks, head + 1, s.n):
        content = (s.start, s.end)  # "His 34% support among women in an ABC News poll ... is"
    else:
        content = (s.start, toks[ci - 1].end)
    at = cue.attribution(Rule.POLL_STANDING, speaker=s.span(ci + 1, head + 1), content=content)
    return _Match([at])


def _gives_a_standing(toks: list[_Tok]) -> bool:
    """A figure or a word of standing outside the poll's phrase; a number after "of" counts
    people asked ("a survey of 800 voters"), no finding."""
    return any(
        (t.text[:1].isdigit() and (k == 0 or toks[k - 1].low != "of")) or t.low in _STANDING_WORDS
        for k, t in enumerate(toks)
    )


def _clause_goes_on(toks: list[_Tok], k: int, n: int) -> bool:
    """After the poll's phrase, the verb of the clause it interrupted, before any comma."""
    for t in toks[k:n]:
        if t.text in ",;":
            return False
        if t.low in _CLAUSE_AUXILIARIES and not t.cap:
            return True
    return False


def _to_first_comma(s: _Sentence, k: int, content: tuple[int, int, bool]) -> tuple[int, int, bool]:
    """A finding inside a noun phrase (a participle or a relative clause) ends at the first comma
    after its verb: what follows is the main clause ("Despite polls showing her well behind,
    Clinton campaigned ...")."""
    stop = next((t for t in s.toks[k:] if t.text in ",;" and t.start > content[0]), None)
    return (content[0], stop.start, content[2]) if stop is not None else content


def _document_headed(toks: list[_Tok]) -> bool:
    head = _head_noun(toks)
    return head is not None and head.low in _lexicon().kinds.get("document_noun", ())


def long_subject(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "Rep. Bobby Scott (D-Va.), ranking member of the committee and one of the bill's chief
    negotiators, said he fully supports it", "Yet some voters who have listened to his speeches
    over the decades, on television or at campaign events, said he had less magnetism": the
    sentence opens with a name or a noun phrase, an apposition or a relative clause too long or
    too punctuated for the subject finder runs up to the comma before the verb, and the verb opens
    its own complement. The speaker is the phrase before the first comma or relative pronoun."""
    if cue.kind != "verb" or cue.subject is not None or cue.prev is None or cue.weak:
        return None
    toks = s.toks
    if cue.prev.text != "," or cue.tok.low.endswith("ing"):
        return None  # "..., asking ...": a participle, not a finite verb with a subject
    if not _complement_follows(toks, cue.j, s.n):
        return None
    a = 0
    while a < cue.i and toks[a].low in _SENTENCE_CONNECTIVES:
        a += 1
    b = next(
        (k for k in range(a, cue.i) if toks[k].text in ",(—–-" or _opens_relative(toks, k)), None
    )
    if b is None or not 0 < b - a <= 6 or toks[a].low in _FUNCTION_CAPS:
        return None
    if not (toks[a].cap or _opens_relative(toks, b)):
        return None  # a lower-case opening is a noun phrase only before its relative clause
    if speaker_type(toks[a:b], False) is None and not _bare_name(toks[a:b]):
        return None  # the opening words must type as a source ("Now", "There's also a series")
    content = _content_after(toks, cue.j, s.n, s.end, cue.weak, cue.tok.low)
    if content is None:
        return None
    at = cue.attribution(Rule.LONG_SUBJECT, speaker=s.span(a, b), content=content[:2])
    return _Match([at])


def _opens_relative(toks: list[_Tok], k: int) -> bool:
    """Does a relative clause of people open at ``k``, right after a noun ("some voters | who
    have listened to ...", "The judges | who ruled that ...", "Wilcox, | whose education ...")?"""
    return toks[k].low in _PERSON_RELATIVES and k > 0 and toks[k - 1].is_word


def _bare_name(toks: list[_Tok]) -> bool:
    """Capitalised words that no word class knows, the last a name ("Wilcox", "Mark Kessel"):
    a person's name the head-noun rules leave open."""
    words = [t for t in toks if t.is_word]
    return (
        bool(words) and all(t.cap for t in words) and mention_class(words[-1].text, True) == "name"
    )


def statement_noun(s: _Sentence, cue: _Cue, found: list[_Attr]) -> _Match | None:
    """ "North Korea's announcement Tuesday that it would no longer honor ...", "the statement of
    the Chairman of SADC that conditions do not exist ...", "Julian Assange's promise to ...", "He
    made a statement that ...": a noun that reports a statement, its source as a possessive, after
    of/by/from or the subject of a light verb, its content a that-clause, a to-infinitive or
    (after "call", "demand") a for-phrase."""
    if cue.kind != "noun":
        return None
    toks, k = s.toks, cue.i
    comp = noun_complement(toks, k)
    owner = possessive_source(toks, k)
    if comp is None:
        return _Match()
    if owner is not None:
        a, b = owner
        last = toks[b - 1]
        # without the possessive's "'s" or a bare "’" ("Sanders’ statement")
        speaker = (toks[a].start, last.start + len(strip_possessive(last.text)))
    elif toks[k + 1].low in ("of", "by", "from"):
        speaker = (toks[k + 2].start, toks[comp - 1].end)
    else:
        # "He made a statement that ...": the light verb's subject made it
        light = light_verb_before(toks, k)
        subject = _subject_before(toks, light) if light is not None else None
        if subject is None or _finite_verb_after_that(toks, comp):
            return _Match()  # "made statements that damaged his reputation": a relative clause
        speaker = s.span(*subject)
    c_start = toks[comp + 1].start if toks[comp].low in ("that", "for") else toks[comp].start
    at = cue.attribution(Rule.STATEMENT_NOUN, speaker=speaker, content=(c_start, s.end))
    return _Match([at], resume_at=comp)


# The order decides which construction reads a cue, so it goes from the most specific to the
# most general:
# - the five cue kinds that are not verbs first (each reads only its own kind);
# - a passive with its agent ("was reported by MSNBC") before any construction reads the words
#   before the verb as its speaker: the agent after "by" is; then the passives whose subject is no
#   speaker ("she was told ...", "advisers are said to be ...": the source is implicit);
# - a document noun with post-modifiers before a finding verb ("A poll released Tuesday by ...
#   showed") before the participle and subject readings, which would stop at its modifiers;
# - a participle after a comma before anything asks for a subject: its speaker is the main
#   clause's, and the words before it are that clause, not a subject;
# - a cue in a relative clause (", who said ...") before any construction reads "who" or the
#   words before it as a subject: its antecedent is the speaker;
# - the inverted cues (no subject before the verb: "“...,” said X", "..., said X") before the
#   constructions that need a subject;
# - with a subject, an as-clause ("As X noted, ...", "..., as X said") first: its comma is the
#   clause's, not a parenthetical's, and its content is the host clause;
# - then a speaker set off by commas ("..., advisers say, ...") before a quotation
#   closing before the speaker ("“...,” Salami said"), which goes before an unquoted content
#   before the speaker ("..., the report said"): the comma that ends the content also opens the
#   parenthetical, and a quotation is the stronger evidence of where the content is;
# - a cue coordinated with an earlier cue of the sentence ("..., called her ... and accused") takes
#   that cue's speaker before any subject is read from the words before it (which are the first
#   cue's content);
# - a sentence of only a speaker and a cue after a quotation that closed the sentence before
#   ("“...?” | Trump said.") before "speaker, cue, content", which would find no content;
# - "speaker, cue, content": it reads whatever follows the verb;
# - last, a sentence-opening name whose apposition the subject finder could not cross: only
#   when no construction found a subject.
CONSTRUCTIONS: tuple[Construction, ...] = (
    source_colon,
    statement_colon,
    according_to,
    citing,
    quoted_as,
    statement_noun,
    passive_by,
    passive_recipient,
    hearsay_passive,
    document_finding,
    poll_standing,
    fronted_participle,
    participle,
    relative_who,
    after_relative,
    answer,
    quote_cue_speaker,
    content_cue_speaker,
    as_clause,
    parenthetical,
    quote_speaker_cue,
    content_speaker_cue,
    coordinated_cue,
    quote_before_sentence,
    speaker_cue_content,
    long_subject,
)


def _repeated_verb(s: _Sentence, cue: _Cue, found: list[_Attr]) -> bool:
    """ "said Sunday said": a verb right after the previous cue's verb is the same cue."""
    prev = cue.prev
    return (
        cue.kind == "verb"
        and prev is not None
        and prev.low in _lexicon().verbs
        and not prev.cap
        and bool(found)
        and found[-1].cue_start == prev.start
    )


_SPEAKER_WORD = re.compile(r"[\w’'-]+")


def _reports(s: _Sentence, at: _Attr, match: _Match) -> bool:
    """Does the attribution report something said by someone: a content, and a speaker that is
    not a word like "There", "Having", "Contributing" (kept when a relay points at it)?"""
    if at.content_end <= at.content_start:
        return False
    if at.speaker_start is None or any(a.parent_hint is not None for a in match.attributions):
        return True
    words = _SPEAKER_WORD.findall(s.text[at.speaker_start : at.speaker_end])
    return not (len(words) == 1 and without_clitic(words[0].lower()) in _NOT_A_SPEAKER)


def _process_sentence(s: _Sentence) -> list[_Attr]:
    """The attributions of one sentence: each cue goes to the first construction that takes it."""
    found: list[_Attr] = []
    resume_at = -1
    for ci, cj, kind in _find_cues(s.toks, s.quotes):
        if ci < resume_at:
            continue
        cue = _Cue(s, ci, cj, kind)
        if _repeated_verb(s, cue, found):
            continue
        for construction in CONSTRUCTIONS:
            match = construction(s, cue, found)
            if match is not None:
                # an attribution with no content reports nothing ("Do these people read, ..."),
                # nor one whose speaker no one is ("There is no inconsistency in saying ...")
                found.extend(a for a in match.attributions if _reports(s, a, match))
                resume_at = max(resume_at, match.resume_at)
                break
    return found
