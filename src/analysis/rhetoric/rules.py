"""Threat-act rules: which measure and mode one lexicon match gets in its sentence, and why.

Each rule is a small named function ``(sentence, target) -> Decision | None``; ``RULES`` is the one
ordered list, tried in turn until one decides. Its name (``Rule``) starts the ``rule`` column of
every
row, followed by the detail ("commissive cue 'will'"). Word classes come from the lexicon's rows
(role, category, behaviour flags), never from how a word is spelled.

Why this order:

1. a *governed* act (a commissive or directive cue, or a blood-revenge frame, governs it) is decided
   first, because the cue decides everything about it: an actor-less "threatens to" makes it
   likelihood, a negation in the cue's clause negates it, speculation makes it talk of danger,
   a condition makes it conditional;
2. then an explicit "threaten" verb standing alone (its actor and complement decide);
3. then negation, advice ("should"), speculation and supposition (inside an if-clause, after a
   future modal) of ungoverned matches (they override the plain term);
4. then a past form of an act, which is a report of violence;
5. last, the term's own measure (explicit threat, violence term, salience term).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from ..english import (
    first_names,
    is_ly_adverb,
    is_noun_only,
    reporting_verb_forms,
    without_possessive,
)
from ..inflection import can_be_verb, is_irregular_past
from ..lexicon import Lexicon, Term
from ..mentions import mention_class
from .actors import is_actor
from .lexicon_data import ThreatLexicon, is_past

WINDOW = 10  # tokens a commissive or directive cue reaches forward
TARGET_ROLES = ("act", "explicit", "salience", "report")
_ROLE_RANK = {"explicit": 0, "act": 1, "report": 2, "salience": 3}

Cue = tuple[int, int, Term]
Match = tuple[str, int, int, Term]


class Rule(str, Enum):
    """The rules, as they appear at the start of the ``rule`` column."""

    NAME = "name"
    VAGUE = "formula without a deterrent"
    VERBAL = "verbal attack"
    ANIMAL_TARGET = "an animal as target"
    ABSTRACT_TARGET = "an idea or an order as target"
    DIGITAL_TARGET = "a computer or a site as target"
    NO_RELATIONS = "no relations halted"
    OUTCOME = "an outcome prevented, no act"
    DEATH = "death, not violence"
    NO_PARTY = "no one acted on"
    THREAT_NOUN = "threat noun with an actor"
    THREAT_MADE = "threat noun as the object of its maker"
    ACTORLESS = "no actor"
    GOVERNED_NEGATED = "negated cue"
    GOVERNED_SPECULATION = "speculative cue"
    ADVOCACY = "non-force act asked of others"
    APPEAL = "force asked of an authority"
    POLICY = "force advocated as a policy"
    ADVICE = "a warning against doing"
    ADVISED = "advised"
    SUPPOSED = "supposed"
    FORESEEN = "foreseen"
    FORETOLD = "another's act foretold"
    GOVERNED = "governed"
    THREATEN_VERB = "threaten verb"
    NEGATED = "negated"
    SPECULATION = "speculation"
    GENERIC_TARGET = "generic target"
    PAST_REPORT = "past-tense report"
    EXPLICIT = "explicit threat"
    TERM = "term"


@dataclass
class Decision:
    measure: str
    mode: str
    rule: Rule
    detail: str = ""

    @property
    def text(self) -> str:
        return f"{self.rule.value}: {self.detail}" if self.detail else self.rule.value


@dataclass
class Sentence:
    """One sentence's tokens (``a``..``b``), its clause breaks, its cues and its target matches."""

    tokens: list[str]
    caps: object
    a: int
    b: int
    breaks: frozenset[int]
    lex: Lexicon
    opens_quote: bool = False
    # quoted(i): does token i stand inside a quotation (None: not known, as for a bare sentence)
    quoted: Callable[[int], bool] | None = None
    # people(): the lower-cased surnames of the article's persons (None: not known)
    people: Callable[[], frozenset[str]] | None = None
    cues: dict[str, list[Cue]] = field(default_factory=dict)
    targets: list[Match] = field(default_factory=list)
    last_act_end: dict[tuple[int, int], int] = field(default_factory=dict)
    used: set[tuple[int, int]] = field(default_factory=set)
    _starts: dict[str, set[int]] = field(default_factory=dict)
    _covered: dict[str, set[int]] = field(default_factory=dict)

    def row(self, term: Term) -> dict[str, str]:
        return self.lex.row(term) if isinstance(self.lex, ThreatLexicon) else {}

    def has(self, term: Term, flag: str) -> bool:
        return isinstance(self.lex, ThreatLexicon) and self.lex.has(term, flag)

    def cue_in(self, kind: str, lo: int, hi: int) -> Cue | None:
        found = [c for c in self.cues.get(kind, ()) if lo <= c[0] and c[1] <= hi]
        return found[-1] if found else None

    def starts(self, kind: str) -> set[int]:
        """Where the cues of ``kind`` start (computed once per sentence and kind)."""
        found = self._starts.get(kind)
        if found is None:
            found = self._starts[kind] = {c[0] for c in self.cues.get(kind, ())}
        return found

    def covered(self, kind: str) -> set[int]:
        """Every token position inside a cue of ``kind`` (a phrase cue covers all its words)."""
        found = self._covered.get(kind)
        if found is None:
            found = self._covered[kind] = {
                p for c in self.cues.get(kind, ()) for p in range(c[0], c[1])
            }
        return found

    def first(self, kind: str) -> Cue | None:
        found = self.cues.get(kind)
        return found[0] if found else None

    def frame_cue(self) -> Cue | None:
        """A blood-revenge frame ("would suffice for revenge") governs every act of its sentence."""
        return self.first("frame")


@dataclass
class Target:
    """One target match and what its sentence says around it."""

    key: str
    role: str
    category: str
    i: int
    j: int
    term: Term
    measure: str
    past: bool = False
    gov: tuple[str, int, int, Term] | None = None
    negation: Cue | None = None
    hypothetical: Cue | None = None
    low: Cue | None = None


# --- the rules ----------------------------------------------------------------------------------
def name_part(s: Sentence, t: Target) -> Decision | None:
    """ "Tropical Storm Alma", "the Grateful Dead", "Operation Desert Storm": a capitalised act or
    violence word beside another capitalised word inside the sentence is part of a name."""
    if t.role not in ("act", "report") or not _is_name(s, t.i, t.j):
        return None
    return Decision("", "asserted", Rule.NAME, "capitalised inside a name")


def _is_name(s: Sentence, i: int, j: int) -> bool:
    if i == s.a or not s.caps[i]:
        return False
    return (i - 1 > s.a and s.caps[i - 1]) or (j < s.b and s.caps[j])


def vague_formula(s: Sentence, t: Target) -> Decision | None:
    """ "would take bold action", "would take corrective action": a veiled formula whose open
    words ("take * action") hold no deterrent modifier ("necessary", "firm", "military", ...;
    a determiner may stand beside one: "take the necessary action") is a policy pledge, not a
    threat."""
    if t.category != "veiled":
        return None
    slots = [t.i + k for k, part in enumerate(t.term.parts) if part == "*"]
    if not slots:
        return None
    deterrent, determiner = s.starts("deterrent_modifier"), s.starts("determiner")
    other = [p for p in slots if p not in deterrent and p not in determiner]
    if not other and any(p in deterrent for p in slots):
        return None
    return Decision(
        "", "asserted", Rule.VAGUE, f"'{s.tokens[(other or slots)[0]]}' is no deterrent"
    )


def verbal_attack(s: Sentence, t: Target) -> Decision | None:
    """ "will attack them, saying ...": an attack in words, neither violence nor a threat."""
    if t.role != "act" or not s.has(t.term, "verbal_sense"):
        return None
    verbal = [p for p in s.starts("verbal") if t.j <= p <= t.j + 4]
    if not verbal or not any(t.j < q <= verbal[0] for q in s.breaks):
        return None
    return Decision("", "asserted", Rule.VERBAL, f"'{s.tokens[verbal[0]]}' after it")


def attack_on_person(s: Sentence, t: Target) -> Decision | None:
    """ "Donald Trump attacked Machado in early-morning tweets", "Sanders's recent attacks on
    Clinton", "Romney fired back in March, attacking Trump for ...": an attack on a person named
    in its clause (a first name or a title before a capitalised word, or a surname the article
    gives a person) or one made "for" doing something is an attack in words, neither violence
    nor a threat."""
    if t.role != "act" or not s.has(t.term, "verbal_sense") or t.j >= s.b:
        return None
    k = t.j + 1 if s.tokens[t.j] in ("on", "against") else t.j
    while k < s.b and k in s.starts("determiner") and k not in s.breaks:
        k += 1
    # the person is the attack's own target, in its clause ("After the attack, Clinton blamed")
    inside = not any(t.j <= p <= k for p in s.breaks)
    if inside and k < s.b and _person_at(s, k):
        return Decision("", "asserted", Rule.VERBAL, f"'{s.tokens[k]}', a person")
    if not s.tokens[t.j - 1].endswith(("ed", "ing")):
        return None  # "since the attacks articulating their vision for confronting terrorism"
    for p in range(t.j, min(s.b - 1, t.j + 6)):
        if p > t.j and p in s.breaks:
            break
        if s.tokens[p] == "for" and s.tokens[p + 1].endswith("ing"):
            return Decision("", "asserted", Rule.VERBAL, f"'for {s.tokens[p + 1]}'")
    return None


def _person_at(s: Sentence, k: int) -> bool:
    """Does a person's name start at token ``k``: a first name or a title, then a capitalised
    word ("Hillary Clinton", "Mr. Trump"), or a surname the article gives a person?"""
    if not s.caps[k]:
        return False
    word = without_possessive(s.tokens[k])
    titled = word in first_names() or mention_class(word, True) == "title"
    if titled and k + 1 < s.b and s.caps[k + 1] and k + 1 not in s.breaks:
        return True
    return s.people is not None and word in s.people()


def animal_target(s: Sentence, t: Target) -> Decision | None:
    """ "Muslims worldwide will kill and ritually sacrifice animals": an act whose object (within
    its clause, a few words on) is an animal is neither violence nor a threat."""
    return _no_act_on(s, t, "animal", Rule.ANIMAL_TARGET)


def abstract_target(s: Sentence, t: Target) -> Decision | None:
    """ "Donald Trump is going to blow up the establishment", "smash the glass ceiling", "destroy
    the myth": an act whose object (within its clause, a few words on) is an idea, an order or a
    record (cue class ``abstract_object``) is a metaphor, neither violence nor a threat."""
    return _no_act_on(s, t, "abstract_object", Rule.ABSTRACT_TARGET)


def _no_act_on(s: Sentence, t: Target, kind: str, rule: Rule) -> Decision | None:
    """Neither violence nor a threat when an act's object is a word of cue class ``kind``."""
    if t.role not in ("act", "report"):
        return None
    p = _object_of_class(s, t, kind)
    return None if p is None else Decision("", "asserted", rule, f"'{s.tokens[p]}'")


def _object_of_class(s: Sentence, t: Target, kind: str) -> int | None:
    """Where a word of cue class ``kind`` opens within the four words after the target, inside its
    clause (its object: "sacrifice animals", "attack the website"), or None."""
    starts = s.starts(kind)
    for p in range(t.j, min(s.b, t.j + 5)):
        if p > t.j and p in s.breaks:
            return None
        if p in starts:
            return p
    return None


def relations_subject(s: Sentence, t: Target) -> Decision | None:
    """ "Trade and exchanges between South and North Korea will be suspended": a passive halt is a
    non-force threat only with a noun of relations, trade or aid in its subject (eight words
    before it at most, no clause break between); "the flight will be suspended" is none."""
    if not s.has(t.term, "relations_subject"):
        return None
    nouns = s.starts("relations_noun")
    for p in range(t.i - 1, max(s.a, t.i - 10) - 1, -1):
        if p in s.breaks:
            break
        if p in nouns:
            return None
    return Decision("", "asserted", Rule.NO_RELATIONS, "no relations, trade or aid as subject")


def outcome_prevented(s: Sentence, t: Target) -> Decision | None:
    """ "we will not allow Donald Trump to become president", "she would not allow the accord to
    pass": what a deterrent formula prevents (``prevents_act``) is an outcome verb (cue class
    ``outcome_verb``) after "to", a few words on: political resolve, no threat. "will not allow
    Iran to develop nuclear weapons" prevents an act and stays a deterrent."""
    if not s.has(t.term, "prevents_act"):
        return None
    outcomes = s.starts("outcome_verb")
    for k in range(t.j, min(s.b - 1, t.j + 8)):
        if k in s.breaks:
            return None
        if s.tokens[k] == "to":
            if k + 1 in outcomes:
                return Decision("", "asserted", Rule.OUTCOME, f"'to {s.tokens[k + 1]}'")
            return None
    return None


def digital_target(s: Sentence, t: Target) -> Decision | None:
    """ "the Church of Scientology's website is being attacked by hackers", "a tool to attack the
    website": an attack (a word with a verbal sense too) on a computer, a website, a server or a
    database (cue class ``digital``), as its object a few words on or as the subject of its
    passive, is a cyber attack, no violence."""
    if t.role != "act" or not s.has(t.term, "verbal_sense"):
        return None
    p = _object_of_class(s, t, "digital")
    if p is None:
        # the subject of the passive: "website is being attacked"
        be = [q for q in range(max(s.a, t.i - 3), t.i) if q in s.starts("be")]
        p = be[0] - 1 if be and be[0] - 1 >= s.a and (be[0] - 1) in s.starts("digital") else None
    return None if p is None else Decision("", "asserted", Rule.DIGITAL_TARGET, f"'{s.tokens[p]}'")


def death_without_violence(s: Sentence, t: Target) -> Decision | None:
    """ "his death was announced", "among the dead in the fire", "the storm killed two people": a
    death (or a killing by a disaster) is violence only beside another word of violence in its
    sentence, and never when a disaster, an accident or an illness is named there."""
    if not s.has(t.term, "needs_violence_context"):
        return None
    disaster = s.first("disaster")
    if t.role == "act" and (disaster is None or t.gov is not None):
        return None  # "killed" is violence unless a disaster killed; "will kill" is a threat
    others = [x for x in s.targets if x[1] != t.i and _violent(s, x)]
    if disaster is None and (others or s.cues.get("violence_context")):
        return None
    if disaster is not None and others:
        return None  # "the attack set a fire that killed ...": violence beside the fire
    why = f"'{disaster[2].pattern}' beside it" if disaster else "no violence beside it"
    return Decision("", "asserted", Rule.DEATH, why)


def _violent(s: Sentence, x: Match) -> bool:
    """Is match ``x`` a word of violence or force (not itself a death, not a non-force act)?"""
    role = x[0].split(".")[0]
    if s.has(x[3], "needs_violence_context") or role not in ("act", "report"):
        return False
    if _is_name(s, x[1], x[2]):
        return False
    # a force act of any measure counts ("vowed severe revenge for Soleimani's death"); a non-force
    # act (no measure of its own: "his death to be investigated") does not
    return bool(measure_of(s, x[3], role))


def no_party(s: Sentence, t: Target) -> Decision | None:
    """ "would continue to investigate the incident", "will continue to execute our campaign
    plan": an act done to someone (its row's ``needs_party``) with no one as its object, active,
    is neither a threat nor violence."""
    if t.role not in ("act", "report") or not s.has(t.term, "needs_party"):
        return None
    before = t.i - 1
    while before >= s.a and is_ly_adverb(s.tokens[before]):
        before -= 1
    if before >= s.a and before in s.starts("be"):
        return None  # "was executed for treason", "will be investigated"
    if t.j < s.b and s.tokens[t.j] != "with" and _someone_acted_on(s, t.j):
        return None
    return Decision("", "asserted", Rule.NO_PARTY, "its object is no one")


def _someone_acted_on(s: Sentence, k: int) -> bool:
    """Is the object from token ``k`` someone, or a quantity of people ("executing thousands of
    dissidents"; "the sentence of the Supreme Court" is a thing: a determiner opens it)?"""
    if _threatens_someone(s, k):
        return True
    quantity = k + 2 < s.b and s.tokens[k + 1] == "of" and k not in s.starts("determiner")
    return quantity and _threatens_someone(s, k + 2)


def governed_actorless(s: Sentence, t: Target) -> Decision | None:
    """ "threatens to disrupt" after no actor ("the storm"), "the birds will attack": no threat."""
    if not _is_governed(t) or t.gov is None or t.gov[0] == "frame":
        return None
    if s.has(t.gov[3], "needs_actor"):
        if has_agent(s, t.gov[1]):
            return None
    elif _subject_actor(s, t.gov[1]) is not False and not _thing_foretells(s, t):
        return None
    return Decision(
        "threat_salience", "hypothetical", Rule.ACTORLESS, f"'{t.gov[3].pattern}': likelihood"
    )


def _thing_foretells(s: Sentence, t: Target) -> bool:
    """Is the subject of a bare future a common noun the data do not know as an actor, or "it",
    and the act its own (active, after the cue)? "the wall that will block them", "it will destroy
    a set of principles", "the president's strategy will not destroy ISIL" foretell what a thing
    does; "the city would be destroyed", "strikes will be taken" keep their actor unsaid."""
    assert t.gov is not None
    _kind, ci, cj, cterm = t.gov
    if not s.has(cterm, "bare_future") or t.i < cj or _passive_between(s, cj, t.i):
        return False
    k = _word_before_subject_gap(s, ci)
    if k >= s.a and _relative_antecedent(s, k) is not None:
        k -= 1  # "the wall that will block them": the relative's noun
    if k < s.a or s.caps[k] or is_actor(s.tokens, s.caps, k) is not None:
        return False
    if s.tokens[k] == "it":  # "The group said it would not retaliate": the reporter itself
        return not any(s.tokens[p] in reporting_verb_forms() for p in range(s.a, k))
    return is_noun_only(s.tokens[k])


def governed_negated(s: Sentence, t: Target) -> Decision | None:
    """ "will not retaliate", "never invade": a denied threat."""
    if not _is_governed(t) or t.negation is None:
        return None
    kind, cue = _gov_text(t)
    return Decision(
        "threat_act",
        "negated",
        Rule.GOVERNED_NEGATED,
        f"{kind} cue '{cue}', '{t.negation[2].pattern}'",
    )


def governed_speculation(s: Sentence, t: Target) -> Decision | None:
    """ "could launch an attack", "may retaliate": speculation is talk of danger."""
    if not _is_governed(t) or t.hypothetical is None:
        return None
    assert t.gov is not None
    if t.gov[0] == "self-hedged":
        return None  # the hedge is the speaker's own: a threat, not speculation
    # "may" before "vowed": the vow is said, the speculation is about something else, unless the
    # speculation opens a clause that holds the act ("the notion that ... is going to invade")
    before = t.gov[0] != "frame" and t.hypothetical[0] < t.gov[1]
    if before and not s.has(t.hypothetical[2], "reaches_back") and not _modal_of(s, t):
        return None
    kind, cue = _gov_text(t)
    return Decision(
        "threat_salience",
        "hypothetical",
        Rule.GOVERNED_SPECULATION,
        f"{kind} cue '{cue}', '{t.hypothetical[2].pattern}'",
    )


def _modal_of(s: Sentence, t: Target) -> bool:
    """Does the speculation word stand right before the governing cue, so that it qualifies the
    cue itself? "Next time, we might have to kill him" speculates about the act."""
    assert t.gov is not None and t.hypothetical is not None
    skip = _skippable(s)
    return all(p in skip for p in range(t.hypothetical[1], t.gov[1]))


def directive_nonforce(s: Sentence, t: Target) -> Decision | None:
    """ "called on people to protest peacefully": a non-force act asked of others is mobilisation or
    advocacy; a non-force act is a threat only under a commissive cue or a condition (issue #12)."""
    if (
        not _is_governed(t)
        or t.measure
        or t.gov is None
        or t.gov[0] not in ("directive", "imperative")
    ):
        return None
    if s.first("condition") is not None:
        return None
    return Decision("", "asserted", Rule.ADVOCACY, f"directive cue '{t.gov[3].pattern}'")


def appeal_to_authority(s: Sentence, t: Target) -> Decision | None:
    """ "has called on the United States to attack the oil", "urged President Obama to
    retaliate": force asked of a government, an official or a country by an appeal (no order) is
    advocacy, talk of force but no threat by the speaker; asked of "its followers" or
    "supporters" it stays incitement, a threat act. Force asked for through a thing, not of
    anyone who could carry it out ("called for a bigger military effort to destroy the Islamic
    State"), is a policy advocated, talk of force too."""
    if not _is_governed(t) or t.gov is None or t.gov[0] != "directive":
        return None
    if not s.has(t.gov[3], "appeal"):
        return None
    head = _addressee_head(s, t.gov[2], t.i)
    if head is None:
        return None
    if _authority(s, head):
        rule = Rule.APPEAL
    elif not s.caps[head] and not is_actor(s.tokens, s.caps, head):
        rule = Rule.POLICY
    else:
        return None
    return Decision("threat_salience", "asserted", rule, f"'{t.gov[3].pattern}' {s.tokens[head]}")


def advice_warning(s: Sentence, t: Target) -> Decision | None:
    """ "warned the Fed against buying bonds": a warning against doing something that is no act of
    force is advice, neither a threat nor talk of danger ("warning North Korea against future
    provocations" and "warned Iran against attacking" stay threats)."""
    if not s.has(t.term, "advice_gerund") or t.j >= s.b:
        return None
    doing = s.tokens[t.j]
    if not doing.endswith("ing") or any(x[1] == t.j for x in s.targets):
        return None
    return Decision("", "asserted", Rule.ADVICE, f"'against {doing}'")


def _addressee_head(s: Sentence, cj: int, i: int) -> int | None:
    """The last word of the addressee between a directive cue and the "to" of its act ("called on
    | the United States | to attack"), or None when the act follows the cue at once."""
    to = next((p for p in range(i - 1, cj - 1, -1) if s.tokens[p] == "to"), None)
    if to is None or to == cj or any(p in s.breaks for p in range(cj + 1, to + 1)):
        return None
    return to - 1


def _authority(s: Sentence, k: int) -> bool:
    """Is token ``k`` the head of a government, an official, an institution or a country (a
    singular name: "Obama", "Russia"; "Muslims" is a people)?"""
    word = s.tokens[k]
    cls = mention_class(word, bool(s.caps[k]))
    if cls in ("organization", "title", "place"):
        return True
    return cls == "name" and not word.endswith("s")


def foretold(s: Sentence, t: Target) -> Decision | None:
    """Another's act foretold is talk of danger, no threat act. Inside a quotation, a bare future
    with "he" or "she" or a person named in full as its subject ("“He will crush you into the
    dirt ...”", "“Donald Trump is going to blow up the establishment”"): the quoted speaker's own
    acts are "we", "I" or their side's name. In reported speech, a person named in full who is
    not the reporter of the clause ("Le Pen ... saying his Democratic rival Hillary Clinton would
    bring war"). A formula whose subject is the target ("he will pay a heavy price") and a
    passive ("said Hillary Clinton would be prosecuted") stay threats."""
    if not _is_governed(t) or t.gov[0] != "commissive":
        return None
    _kind, ci, cj, cterm = t.gov
    if not s.has(cterm, "bare_future") or s.has(t.term, "suffered"):
        return None
    if _passive_between(s, cj, t.i):
        return None
    quoted = s.quoted is not None and s.quoted(ci)
    subject = _foretold_subject(s, ci, quoted)
    if subject is None:
        return None
    if quoted and _reported_before(s, subject):
        return None  # "“Trump has made it pretty clear that ... he will seek the prosecution”"
    return Decision("threat_salience", "hypothetical", Rule.FORETOLD, f"'{s.tokens[subject]}'")


def _foretold_subject(s: Sentence, ci: int, quoted: bool) -> int | None:
    """The subject of the bare future at ``ci`` that makes the act another's ("he definitely
    will", "he is going to", "he'll": the clitic is the cue's own token; a person's full name),
    or None."""
    word = s.tokens[ci].replace("’", "'")
    if quoted and word in ("he'll", "she'll"):
        return ci
    k = _word_before_cue(s, ci, _BE)
    if k is None:
        return None
    if quoted and s.tokens[k] in ("he", "she"):
        return k
    name = _full_name_ending(s, k)
    if name is None or not (quoted or _reported_by_another(s, name, k)):
        return None
    return name


def _full_name_ending(s: Sentence, k: int) -> int | None:
    """Where a person's full name ending at token ``k`` starts: a first name of
    ``first_names.csv`` and one or two capitalised words ("Hillary Clinton", "Marine Le Pen"), no
    clause break inside ("the prime minister of Israel — Israel will" is no name)."""
    if not s.caps[k]:
        return None
    for start in (k - 1, k - 2):
        if start < s.a or not s.caps[start] or start + 1 in s.breaks:
            return None
        if s.tokens[start].lower() in first_names():
            return start
    return None


def _reported_by_another(s: Sentence, name: int, k: int) -> bool:
    """Does a reporting verb outside quotation marks stand before the name at ``name``..``k``,
    with the name's last word not among the words before the verb (the reporter is someone
    else: "Le Pen ..., saying his rival Hillary Clinton would")?"""
    verbs = reporting_verb_forms()
    for p in range(s.a, name):
        if s.tokens[p] in verbs and not (s.quoted is not None and s.quoted(p)):
            return s.tokens[k] not in s.tokens[s.a : p]
    return False


def _word_before_cue(s: Sentence, ci: int, skipping: frozenset[str]) -> int | None:
    """The token before the cue at ``ci``, past -ly adverbs and the words of ``skipping`` (the
    auxiliaries or modals between a subject and its cue), or None at the sentence's start."""
    k = ci - 1
    while k >= s.a and (is_ly_adverb(s.tokens[k]) or s.tokens[k] in skipping):
        k -= 1
    return k if k >= s.a else None


def _reported_before(s: Sentence, k: int) -> bool:
    """Does a reporting verb (or "made it clear") stand before token ``k`` inside the same
    quotation: the pronoun's commitment is reported ("“... he said he will ...”"); the verb that
    introduces the quotation ("Warren said, “He will crush you”") does not count."""
    verbs = reporting_verb_forms()
    return any(
        (s.tokens[p] in verbs or s.tokens[p] == "clear") and s.quoted(p) for p in range(s.a, k)
    )


_BE = frozenset(("is", "'s", "’s", "was"))


def governed(s: Sentence, t: Target) -> Decision | None:
    """ "will take revenge", "called on ... to attack", "if ..., we will strike": a threat act."""
    if not _is_governed(t):
        return None
    kind, cue = _gov_text(t)
    condition = s.first("condition")
    detail = f"'{cue}'" + (f", condition '{condition[2].pattern}'" if condition else "")
    # "sell TikTok by January 19 or face the ban": an ultimatum is its own condition
    ultimatum = t.gov is not None and s.has(t.gov[3], "ultimatum")
    mode = "conditional" if condition is not None or ultimatum else "asserted"
    return Decision("threat_act", mode, Rule.GOVERNED, f"{kind} cue {detail}")


def threaten_verb(s: Sentence, t: Target) -> Decision | None:
    """An explicit 'threaten' verb on its own: "threatened to veto", "felt threatened"."""
    if t.role != "explicit" or not s.has(t.term, "needs_actor"):
        return None
    decision = _threaten_verb(s, t)
    if (
        decision.measure == "threat_act"
        and decision.mode in ("asserted", "conditional")
        and t.hypothetical
        and not any(t.hypothetical[1] <= q <= t.i for q in s.breaks)  # "may be wrong, but Iran"
    ):
        # "Patriot could threaten to liquidate its properties": a threat spoken of as possible
        cue = t.hypothetical[2].pattern
        return Decision(
            decision.measure, "hypothetical", decision.rule, f"{decision.detail}, '{cue}'"
        )
    return decision


def threat_noun(s: Sentence, t: Target) -> Decision | None:
    """ "in the face of threats of the army", "threats by al-Shabaab": a threat noun, its actor."""
    if (
        t.role != "salience"
        or not s.has(t.term, "threat_noun")
        or t.j not in s.starts("agent_preposition")
    ):
        return None
    k = t.j + 1
    while k < s.b and k in s.starts("determiner"):
        k += 1
    if k >= s.b or not is_actor(s.tokens, s.caps, k):
        return None
    while k + 1 < s.b and k + 1 not in s.breaks and _actor_goes_on(s, k):
        k += 1  # "threats by the Islamic State", "threats by Islamic State fighters"
    after = k + 1
    if after < s.b and after not in s.breaks and after not in s.covered("bridge"):
        return None  # "the threat of terrorist actions": the actor word only modifies a noun
    return _threat_act(s, t, Rule.THREAT_NOUN, f"'{s.tokens[k]}'")


def threat_made(s: Sentence, t: Target) -> Decision | None:
    """ "DOJ had issued a threat to both Gov. McCrory and the state", "leveled the same threat",
    "repeated his threats": a threat noun that a verb of uttering (``threat_light_verb``) takes
    as its object, a determiner or two between, is the threat its subject makes. Talk of a
    danger stays salience: "made the threat of terrorism a campaign issue" (of or from after the
    noun), "the threat to national security" (to a thing)."""
    if t.role != "salience" or not s.has(t.term, "threat_noun"):
        return None
    k = t.i - 1
    modifiers = s.starts("determiner") | s.starts("threat_object_modifier")
    while k >= s.a and k not in s.breaks and k in modifiers:
        k -= 1
    if k < s.a or k not in s.starts("threat_light_verb") or not _threat_made_ends(s, t.j):
        return None
    return _threat_act(s, t, Rule.THREAT_MADE, f"'{s.tokens[k]}'")


def _threat_act(s: Sentence, t: Target, rule: Rule, detail: str) -> Decision:
    """A threat act the rule found: negated by the target's own negation, else conditional under
    a condition of the sentence, else asserted."""
    if t.negation is not None:
        return Decision("threat_act", "negated", rule, f"'{t.negation[2].pattern}'")
    return Decision("threat_act", _mode_of(s), rule, detail)


def _mode_of(s: Sentence) -> str:
    """ "conditional" when the sentence holds a condition ("if", "unless", "should he"), else
    "asserted"."""
    return "conditional" if s.first("condition") is not None else "asserted"


def _threat_made_ends(s: Sentence, j: int) -> bool:
    """After a threat noun, does the threat end or go on to its target (a person, a state) or
    its content ("to cut aid", "against")? A ``danger_complement`` ("of", "from", "posed") and
    "to" a thing make it a danger."""
    if j >= s.b or j in s.breaks:
        return True
    if j in s.starts("danger_complement"):
        return False
    if s.tokens[j] == "to":
        k = j + 1
        modifiers = s.starts("determiner") | s.starts("threat_object_modifier")
        while k < s.b and k in modifiers:
            k += 1
        return k < s.b and (is_actor(s.tokens, s.caps, k) or can_be_verb(s.tokens[k]))
    return True


def _actor_goes_on(s: Sentence, k: int) -> bool:
    """Does the actor's noun phrase go on past token ``k``: a name's next capitalised word, or a
    noun of people or groups after it ("Islamic State fighters")?"""
    if s.caps[k] and s.caps[k + 1]:
        return True
    return bool(is_actor(s.tokens, s.caps, k + 1)) and not s.caps[k + 1]


def negated(s: Sentence, t: Target) -> Decision | None:
    """ "ruled out military action", "the chances of an attack were low"."""
    neg = t.low or t.negation
    if neg is None:
        return None
    measure = t.measure
    if t.role == "act" and not t.past and (t.low is not None or s.has(neg[2], "demotes_act")):
        measure = "threat_salience"
    return Decision(measure, "negated", Rule.NEGATED, f"'{neg[2].pattern}'")


def advised(s: Sentence, t: Target) -> Decision | None:
    """ "the allies should declare war", "officers should use force", "should be investigated": what
    someone should do is recommended, not threatened nor reported. A force act advised is talk of
    force (threat salience, hypothetical); a non-force act advised is neither. The speaker's own
    "we should strike back" is a hedged threat (``_self_hedge``)."""
    if t.role not in ("act", "explicit") or t.past:
        return None
    advice = s.cue_in("advice", max(s.a, t.i - 6), t.i)
    if advice is None or any(advice[1] <= q <= t.i for q in s.breaks):
        return None
    measure = "threat_salience" if t.measure else ""
    return Decision(measure, "hypothetical", Rule.ADVISED, f"'{advice[2].pattern}'")


def speculation(s: Sentence, t: Target) -> Decision | None:
    """ "could target American troops": an act spoken of as possible is talk of danger."""
    if t.hypothetical is None:
        return None
    detail = f"'{t.hypothetical[2].pattern}'"
    if t.role in ("act", "report") and not t.past:
        return Decision("threat_salience", "hypothetical", Rule.SPECULATION, detail)
    if t.role in ("explicit", "salience", "plain"):
        return Decision(t.measure, "hypothetical", Rule.SPECULATION, detail)
    return None


def _refers_to_an_event(s: Sentence, i: int) -> bool:
    """Does the noun phrase of the term at ``i`` name a real event: a definite determiner or a
    possessive within three words before it, or a capitalised modifier right before it ("the
    disastrous war", "this bombing", "the Benghazi attacks")?"""
    if i > s.a + 1 and s.caps[i - 1]:
        return True
    definite, opens = s.starts("definite"), s.starts("determiner") | s.starts("condition")
    for p in range(i - 1, max(s.a, i - 4) - 1, -1):
        if p in definite or s.tokens[p].endswith("'s"):
            return True
        if p in s.breaks or p in opens or p in _skippable(s) or s.caps[p]:
            return False  # "if the U.S. does attack": the determiner is the subject's
    return False


def supposed(s: Sentence, t: Target) -> Decision | None:
    """ "If Hamas chooses violence over the cease-fire", "if the U.S. does attack Yemen": an act or
    a report of violence inside a clause that "if" or "unless" opens is supposed, not reported nor
    threatened (talk of force, hypothetical; a non-force act supposed is nothing)."""
    if t.role not in ("act", "report") or t.past:
        return None
    if _refers_to_an_event(s, t.i):
        return None  # "if this bombing stopped", "if you have voted for the disastrous war in Iraq"
    for ci, cj, cterm in s.cues.get("condition", ()):
        if not s.has(cterm, "supposition") or cj > t.i:
            continue
        if not any(cj <= q <= t.i for q in s.breaks):
            measure = "threat_salience" if t.measure else ""
            return Decision(measure, "hypothetical", Rule.SUPPOSED, f"'{s.tokens[ci]}'")
    return None


def foreseen(s: Sentence, t: Target) -> Decision | None:
    """ "use of such munitions would inevitably lead to civilian casualties", "there will be
    violence": a word of violence after a future or conditional modal in its clause foretells it;
    nothing has happened (talk of danger, hypothetical)."""
    if t.role != "report":
        return None
    lo = max(s.a, t.i - 6)
    for ci, cj, cterm in s.cues.get("commissive", ()):
        if lo <= ci and cj <= t.i and s.has(cterm, "bare_future"):
            if not any(cj <= q <= t.i for q in s.breaks):
                return Decision(
                    "threat_salience", "hypothetical", Rule.FORESEEN, f"'{cterm.pattern}'"
                )
    return None


def generic_target(s: Sentence, t: Target) -> Decision | None:
    """ "those who break the law are punished", "anyone who ... will be prosecuted": a passive act
    on
    a generic target, in the present or future, is a deterrent warning, not a report."""
    if t.role != "act" or not t.past or t.i - 1 < s.a or (t.i - 1) not in s.starts("be_present"):
        return None
    lo = max(s.a, t.i - WINDOW)
    target = s.cue_in("generic_target", lo, t.i)
    if target is None or any(lo < p <= target[0] for p in s.starts("negation")):
        return None
    if target[1] >= t.i - 1:
        return None  # "pray for those who are killed": the relative clause itself, a report
    mode = _mode_of(s)
    return Decision("threat_act", mode, Rule.GENERIC_TARGET, f"'{target[2].pattern}'")


def past_report(s: Sentence, t: Target) -> Decision | None:
    """ "Rebels attacked the convoy": a report of violence. A non-force act (no measure of its
    own) in the past is a report of that act, no violence: "Cruz captured two states", "the
    party sued the state", "the city banned rallies"."""
    if not t.past:
        return None
    if t.measure and t.i - 1 >= s.a and (t.i - 1) in s.starts("condition"):
        # "would use nuclear weapons if attacked": a participle after "if" is a supposition
        return Decision("threat_salience", "hypothetical", Rule.PAST_REPORT, "a supposed act")
    if t.role == "act" and not t.measure:
        return Decision("", "asserted", Rule.PAST_REPORT, "a non-force act")
    return Decision("violence", "asserted", Rule.PAST_REPORT)


def explicit(s: Sentence, t: Target) -> Decision | None:
    """ "Death to ...", "an ultimatum": a threat in itself (conditional under a condition)."""
    if t.role != "explicit":
        return None
    mode = _mode_of(s)
    return Decision(t.measure, mode, Rule.EXPLICIT)


def term(s: Sentence, t: Target) -> Decision | None:
    """The term's own measure: a violence term, a salience term, an ungoverned act."""
    detail = {
        "report": "violence",
        "salience": "threat salience",
        "act": "act, no governing cue",
    }.get(t.role, t.role)
    return Decision(t.measure, "asserted", Rule.TERM, detail)


RULES: list[Callable[[Sentence, Target], Decision | None]] = [
    name_part,
    vague_formula,
    verbal_attack,
    attack_on_person,
    animal_target,
    abstract_target,
    outcome_prevented,
    digital_target,
    relations_subject,
    death_without_violence,
    no_party,
    governed_actorless,
    governed_negated,
    governed_speculation,
    directive_nonforce,
    appeal_to_authority,
    advice_warning,
    foretold,
    governed,
    threaten_verb,
    threat_noun,
    threat_made,
    negated,
    advised,
    speculation,
    supposed,
    foreseen,
    generic_target,
    past_report,
    explicit,
    term,
]


# --- what the rules look at
# -------------------------------------------------------------------------
def _is_governed(t: Target) -> bool:
    return t.role == "act" and not t.past and t.gov is not None


def _gov_text(t: Target) -> tuple[str, str]:
    assert t.gov is not None
    return t.gov[0], t.gov[3].pattern


def has_agent(s: Sentence, i: int) -> bool:
    """Is the word before token ``i`` (past auxiliaries, adverbs and date adjuncts skipped) an
    actor, not "the storm"? A participle opening a clause ("..., threatening to pull out of NATO")
    takes the sentence's subject."""
    if s.tokens[i].endswith("ing") and any(i - 3 < q <= i for q in s.breaks):
        return any(is_actor(s.tokens, s.caps, k) for k in range(s.a, min(s.a + 3, i)))
    return bool(_subject_actor(s, i))


def _skippable(s: Sentence) -> set[int]:
    """Positions of auxiliaries, adverbs and date adjuncts ("has repeatedly", "on Monday")."""
    return s.covered("aux") | s.covered("adjunct")


def _word_before_subject_gap(s: Sentence, i: int) -> int:
    """The token before cue ``i`` past auxiliaries, adverbs, adjuncts and "be" ("this is going
    to", "they remain determined to"); ``s.a - 1`` at the sentence's start."""
    prev = i - 1
    skip = _skippable(s) | s.covered("be")
    while prev >= s.a and prev in skip:
        prev -= 1
    return prev


def _relative_antecedent(s: Sentence, k: int) -> int | None:
    """The noun before a relative pronoun at ``k`` ("the group that will strike"), or None."""
    if k in s.starts("relative") and k - 1 >= s.a and k not in s.breaks:
        return k - 1
    return None


def _passive_between(s: Sentence, cj: int, i: int) -> bool:
    """A form of "be" between a cue's end and its act ("would be destroyed"): a passive."""
    return any(p in s.starts("be") for p in range(cj, i))


def _subject_actor(s: Sentence, i: int) -> bool | None:
    """``is_actor`` of the word right before cue ``i`` (auxiliaries, adverbs, adjuncts skipped)."""
    prev = _word_before_subject_gap(s, i)
    if prev < s.a:
        return None
    antecedent = _relative_antecedent(s, prev)
    if antecedent is not None:
        return is_actor(s.tokens, s.caps, antecedent)  # "the group that will strike"
    if prev in s.starts("demonstrative"):
        return False  # "this is going to destroy Germany": a thing or an event, not an actor
    if prev in s.starts("coordination") and prev > s.a:
        # "Sanders supporters are crying fraud and threatening to sit out": the clause's subject
        found = [is_actor(s.tokens, s.caps, k) for k in range(s.a, min(s.a + 4, prev))]
        return True if True in found else (False if False in found else None)
    return is_actor(s.tokens, s.caps, prev)


def _threaten_verb(s: Sentence, t: Target) -> Decision:
    """ "threatened to veto" is a threat; "threatens to change the race" (no actor) and "Trump
    threatened to run away from the field" (an outcome, cue class ``likelihood_verb``) are
    likelihood; "feel threatened" salience."""
    tokens, b, aux = s.tokens, s.b, _skippable(s)
    k = t.j
    while k < b and k in aux:
        k += 1  # "they threaten also to divide ...", "threatened on Monday to"
    if k + 1 < b and tokens[k] == "not" and tokens[k + 1] == "to":
        k += 1  # "has threatened not to show up unless he is paid": a threat to refuse
    nxt = tokens[k] if k < b else ""
    if t.negation is not None:
        return Decision("threat_act", "negated", Rule.THREATEN_VERB, f"'{t.negation[2].pattern}'")
    prev = t.i - 1
    while prev >= s.a and prev in aux:
        prev -= 1
    agent = has_agent(s, t.i)
    if nxt == "to" and k + 1 < b:
        pos = k + 2 if tokens[k + 1] == "not" and k + 2 < b else k + 1
        verb = tokens[pos] if pos < b else tokens[k + 1]
        # "threatened to make Kadzik testify ..., should he fail to": a threat on a condition
        mode = _mode_of(s)
        if pos in s.starts("likelihood_verb"):
            # "Donald Trump threatened to run away from the Republican presidential field": an
            # outcome foretold of its subject, no act it commits to
            return Decision(
                "threat_salience", "asserted", Rule.THREATEN_VERB, f"to '{verb}': likelihood"
            )
        if agent:
            return Decision("threat_act", mode, Rule.THREATEN_VERB, f"to '{verb}' (by an actor)")
        if pos in s.starts("nonforce"):
            return Decision("threat_act", mode, Rule.THREATEN_VERB, f"to '{verb}' (a coercive act)")
        return Decision(
            "threat_salience", "asserted", Rule.THREATEN_VERB, f"to '{verb}': likelihood"
        )
    progressive = s.tokens[t.i].endswith("ing")  # "was threatening them": no passive
    if (prev >= s.a and prev in s.starts("be") and not progressive) or nxt == "by":
        return Decision("threat_salience", "asserted", Rule.THREATEN_VERB, "passive or felt threat")
    if agent and _threatens_someone(s, k):
        return Decision("threat_act", "asserted", Rule.THREATEN_VERB, "an actor threatens an actor")
    if agent:
        return Decision("threat_salience", "asserted", Rule.THREATEN_VERB, "a thing endangered")
    return Decision("threat_salience", "asserted", Rule.THREATEN_VERB, "without an actor")


def _threatens_someone(s: Sentence, k: int) -> bool:
    """Is the object of 'threaten' (from token ``k``, up to its clause's end) someone who can be
    threatened, or does 'with' name the harm? "Al-Shabaab has threatened other African countries",
    "threatened them", "threatened the officials with travel bans" are threat acts; "threatens
    national security", "threatened women's privacy" endanger a thing (a possessive is not the
    object's head)."""
    party, stops = s.starts("threatened_party"), s.starts("object_stop")
    for p in range(k, min(s.b, k + 5)):
        if (p > k and p in s.breaks) or p in stops:
            return False
        if p in party:
            return True
        if p == k and p in s.starts("possessive_determiner"):
            head = _phrase_head(s, p + 1)  # "our campaign plan": the plan, not the campaign
            return head is not None and is_actor(s.tokens, s.caps, head)
        if s.tokens[p].endswith("'s") or _modifies_next(s, p):
            continue  # "Iran's nuclear program", "Western interests": not the object's head
        if is_actor(s.tokens, s.caps, p):
            return True
    return False


def _phrase_head(s: Sentence, k: int) -> int | None:
    """The head of the noun phrase from ``k``, taken as its last word before a break, a stop word
    of an object, a coordination or "of" (four words at most), or None ("our soldiers and then
    fled": "soldiers")."""
    stops = s.starts("object_stop") | s.starts("threatened_party") | s.starts("coordination")
    head = None
    for p in range(k, min(s.b, k + 4)):
        if (p > k and p in s.breaks) or p in stops or s.tokens[p] == "of":
            break
        head = p
    return head


def _modifies_next(s: Sentence, p: int) -> bool:
    """A capitalised word before a lower-case word of the same phrase ("American jobs", "other
    African countries"): a modifier, not the head."""
    nxt = p + 1
    if not s.caps[p] or nxt >= s.b or nxt in s.breaks or s.caps[nxt]:
        return False
    # "threatened Seoul again", "threatened Iran with": an adverb or a preposition follows a head
    later = s.starts("object_stop") | s.starts("threatened_party") | _skippable(s)
    return nxt not in later and not s.tokens[nxt].endswith("ly")


# --- one sentence -------------------------------------------------------------------------------
def classify_sentence(s: Sentence, matches: list[Match]) -> list[tuple]:
    """Decide measure and mode for every target match of one sentence.

    Returns ``(i, j, term, category, measure, mode, cue, rule)`` tuples.
    """
    targets = []
    for key, i, j, t in matches:
        role, _, kind = key.partition(".")
        if role == "cue":
            if excluded(s, t, i, j):
                continue  # a cue row's own exclusions ("collapse of the ceasefire")
            flags = s.lex.flags(t) if isinstance(s.lex, ThreatLexicon) else ()
            if flags and "month_homograph" in flags and s.caps[i] and i > s.a:
                continue  # "in May": the month, not the modal
            if flags and "noun_homograph" in flags and _noun_use(s, i):
                continue  # "his plans to attack": a noun, someone's claim, not a commitment
            s.cues.setdefault(kind, []).append((i, j, t))
        elif not excluded(s, t, i, j):
            targets.append((key, i, j, t))
    s._starts.clear()  # positions looked up while the cues were still being collected
    s._covered.clear()
    s.targets = longest_targets(targets)
    out = []
    for key, i, j, t in s.targets:
        target = _target(s, key, i, j, t)
        decision = next(d for d in (rule(s, target) for rule in RULES) if d is not None)
        if not decision.measure:
            continue  # e.g. a report of sanctions: neither violence nor a threat
        cue = None
        if decision.rule in (
            Rule.GOVERNED,
            Rule.GOVERNED_NEGATED,
            Rule.GOVERNED_SPECULATION,
            Rule.ACTORLESS,
        ):
            assert target.gov is not None
            cue = target.gov[3].pattern
            if target.gov[0] != "frame":
                s.last_act_end[(target.gov[1], target.gov[2])] = j
                s.used.add((target.gov[1], target.gov[2]))
        out.append(
            (
                i,
                j,
                t,
                target.category,
                decision.measure,
                decision.mode,
                cue,
                decision.text,
                target.role,
            )
        )
    # a "threatened to <act>" verb hands its threat to the act; alone, it is judged by its own rule
    return [o[:8] for o in out if not (o[8] == "explicit" and (o[0], o[1]) in s.used)]


def _target(s: Sentence, key: str, i: int, j: int, t: Term) -> Target:
    role, _, category = key.partition(".")
    if role not in TARGET_ROLES:  # a plain dictionary: the key names measure and category
        role, (measure, _, category) = "plain", key.partition(".")
    else:
        measure = measure_of(s, t, role)
    target = Target(key, role, category, i, j, t, measure)
    target.past = role == "act" and is_past_form(s, t, i, j)
    if role == "act":
        target.gov = governing_cue(s, target)
    if target.gov is None and role == "act" and not target.past:
        target.gov = imperative(s, target)
    if target.gov is None and role == "act" and not target.past and s.frame_cue() is not None:
        f = s.frame_cue()
        target.gov = ("frame", f[0], f[1], f[2])
    _modes(s, target)
    return target


def _modes(s: Sentence, t: Target) -> None:
    """The negation, speculation and 'low' cues that reach the target, each scoped as it reaches."""
    gov = t.gov if t.gov is not None and t.gov[0] != "frame" else None
    lo_neg = max(s.a, gov[1] - 3) if gov else max(s.a, t.i - 5)
    # a negation belongs to the clause of the cue: "If they do not leave, we will attack" is not
    # negated
    clause_start = max(
        (p for p in s.breaks if lo_neg < p <= (gov[1] if gov else t.i)), default=lo_neg
    )
    neg = _negation_outside_condition(s, gov, clause_start, t.i)
    neg = neg or _no_before_adjectives(s, lo_neg, t.i)
    if neg is not None and neg[1] in s.starts("unnegating"):
        neg = None  # "would not hesitate to use force" is not a denial
    t.negation = neg
    hyp = s.cue_in("hypothetical", max(s.a, min(gov[2] if gov else t.i, t.i - 6)), t.i)
    if hyp is None:
        hyp = next(
            (
                c
                for c in s.cues.get("hypothetical", ())
                if s.has(c[2], "reaches_back") and c[1] <= t.i
            ),
            None,
        )
    if hyp is None:  # "more such attacks could take place": the modal right after the act noun
        hyp = next(
            (
                c
                for c in s.cues.get("hypothetical", ())
                if c[0] in (t.j, t.j + 1) and s.has(c[2], "after_act")
            ),
            None,
        )
    t.hypothetical = hyp
    if hyp is not None and s.has(hyp[2], "needs_low"):
        t.low = s.cue_in("low", t.j, min(s.b, t.j + 8))


def _negation_outside_condition(
    s: Sentence, gov: tuple[str, int, int, Term] | None, lo: int, i: int
) -> Cue | None:
    """The negation cue between ``lo`` and the act at ``i``, outside a condition that opens the
    cue's complement ("warned that if Trump did not withdraw, harm would come to his kids" is no
    denial)."""
    resume = _past_fronted_condition(s, gov[2], i) if gov else lo
    if not gov or resume == gov[2]:
        return s.cue_in("negation", lo, i)
    return s.cue_in("negation", resume, i) or s.cue_in("negation", lo, gov[2])


def _no_before_adjectives(s: Sentence, lo: int, i: int) -> Cue | None:
    """ "no direct, serious threats against the stadium": "no" a few words before the target,
    past a comma between its adjectives (not a clause break there)."""
    neg = s.cue_in("negation", lo, i)
    if neg is None or s.tokens[neg[0]] != "no" or i - neg[1] > 3:
        return None
    between = range(neg[1], i)
    if any(s.caps[p] or p in s.starts("coordination") for p in between):
        return None  # "There was no response, and attacks followed": another clause
    return neg


def governing_cue(s: Sentence, t: Target) -> tuple[str, int, int, Term] | None:
    """The commissive or directive cue that governs act ``t``, nearest first, or None."""
    if _judged_act(s, t):
        return None  # "warned that such a ban would be unacceptable": judged, not promised
    governing = [("commissive", c) for c in s.cues.get("commissive", ())] + [
        ("directive", c) for c in s.cues.get("directive", ())
    ]
    governing.sort(key=lambda g: g[1][1])
    loose = s.row(t.term).get("reach") == "loose"
    habitual = s.starts("habitual")
    described = s.covered("described_by_participle")
    for kind, (ci, cj, cterm) in reversed(governing):
        if cj > t.i:
            continue
        if s.tokens[ci].endswith("ing") and ci - 1 in described:
            continue  # "those seeking to protest ... have adopted": a description, no commitment
        if _content_of_noun(s, ci) or _asked(s, ci):
            continue  # "a measure that would ban ...", "asked Trump if he would deport ..."
        if habitual and s.has(cterm, "habitual_risk"):
            continue  # "when we were children the police would hit us": a memory
        prev_end = s.last_act_end.get((ci, cj))
        if (
            prev_end is not None
            and t.i - prev_end <= WINDOW
            and s.cue_in("coordination", prev_end, t.i)
        ):
            return (kind, ci, cj, cterm)  # coordinated acts share the cue
        if any(cj <= p < t.i for p in s.starts("event_reference")):
            continue  # "to respond to the massacre": the act is an event referred to
        between = [
            x for x in s.targets if cj <= x[1] < t.i and x[0].split(".")[0] in ("act", "explicit")
        ]
        if between:
            continue
        if s.has(cterm, "advocacy") and not _verbal(s, t) and _advocated(s, t):
            continue  # "called for sanctions", "demanded the removal of": advocacy, not a threat
        if s.has(cterm, "obligation") and not _own_duty(s, ci) and not s.has(t.term, "suffered"):
            continue  # "the U.S. has to keep Moscow out", "You have to cut off ties": advocacy
        addressee = kind == "directive" or s.has(cterm, "addressee_first")
        needs = s.has(cterm, "needs_complement")
        start = _past_fronted_condition(s, cj, t.i)
        if bridged(s, start, t.i, addressee, loose, needs, s.has(cterm, "needs_to")):
            return (kind, ci, cj, cterm)
    return _after_act(s, t) or _self_hedge(s, t)


def _judged_act(s: Sentence, t: Target) -> bool:
    """Is the act a noun (after a determiner) that is the subject of a predicate, a form of "be"
    after at most two auxiliaries and no participle after it ("such a ban would be
    "unacceptable"")? What it says is judged, no one commits to it; "more strikes will be
    taken" is a passive of the act (``_after_act``)."""
    if t.i - 1 not in s.starts("determiner"):
        return False
    k = t.j
    while k < min(s.b, t.j + 2) and k in s.starts("aux"):
        k += 1
    if k >= s.b - 1 or k not in s.starts("be"):
        return False
    return not s.tokens[k + 1].endswith(("ed", "en"))


def _past_fronted_condition(s: Sentence, cj: int, i: int) -> int:
    """Where the cue's complement clause resumes after a condition that opens it ("warned that if
    Trump did not withdraw from the race, harm would come to his kids"): the token after the
    condition's closing break, else ``cj`` itself."""
    k = cj + 1 if cj < i and s.tokens[cj] == "that" else cj
    if k >= i or s.tokens[k] not in ("if", "unless"):
        return cj
    closing = [b for b in s.breaks if k < b <= i]
    return min(closing) if closing else cj


def _own_duty(s: Sentence, ci: int) -> bool:
    """Is the subject of the duty cue at ``ci`` the speaker's side, "we" or "I" ("we will have to
    make an arrest"; a modal and adverbs between)?"""
    k = _word_before_cue(s, ci, _DUTY_MODALS)
    return k is not None and s.tokens[k].replace("’", "'") in ("we", "i", "we'll", "i'll")


_DUTY_MODALS = frozenset(("will", "would", "may", "might", "'ll", "’ll"))


def _content_of_noun(s: Sentence, ci: int) -> bool:
    """Is the cue at ``ci`` the verb of a relative clause on a content noun or a thing, no actor
    ("a measure that would ban", "the wall that will block them from")?"""
    if ci - 2 < s.a or s.tokens[ci - 1] not in ("that", "which"):
        return False
    return ci - 2 in s.covered("content_noun") or is_actor(s.tokens, s.caps, ci - 2) is False


def _asked(s: Sentence, ci: int) -> bool:
    """Is the cue at ``ci`` inside a question that a verb of asking reports ("asked Trump if he
    would deport", "wondered whether they would")? The if/whether opens it within three words
    before the cue, a verb of asking within three words before that."""
    asking = s.covered("question_verb")
    for q in range(ci - 1, max(s.a, ci - 3) - 1, -1):  # the nearest if/whether
        if s.tokens[q] in ("if", "whether"):
            return any(p in asking for p in range(max(s.a, q - 3), q))
    return False


def imperative(s: Sentence, t: Target) -> tuple[str, int, int, Term] | None:
    """A quoted sentence that opens with a verb and its object is an imperative, and the acts of its
    first clause are directed at its hearers: "“Take a knife and attack the tourists,” ..."."""
    if not s.opens_quote or s.a + 1 >= s.b or any(s.a < q <= t.i for q in s.breaks):
        return None
    lead = next((c for c in s.cues.get("imperative_lead", ()) if c[0] == s.a), None)
    if lead is None or lead[1] not in s.starts("object_start"):
        return None
    return ("imperative", lead[0], lead[1], lead[2])


def _noun_use(s: Sentence, i: int) -> bool:
    """Is the cue word at ``i`` a noun: capitalised inside the sentence, or after a determiner?"""
    if i > s.a and s.caps[i]:
        return True
    if i == s.a:
        return False
    # "the group's plans to attack": a possessive before it makes the noun too
    return (i - 1) in s.starts("determiner") or s.tokens[i - 1].endswith("'s")


def _after_act(s: Sentence, t: Target) -> tuple[str, int, int, Term] | None:
    """A future passive right after the act: "more powerful strikes will be taken"."""
    k = t.j
    for ci, cj, cterm in s.cues.get("commissive", ()):
        if ci == k and s.has(cterm, "after_act") and cj + 1 < s.b:
            participle = s.tokens[cj + 1]
            if cj in s.starts("be_passive") and (
                participle.endswith(("ed", "en")) or is_irregular_past(participle)
            ):
                return ("commissive", ci, cj, cterm)
    return None


def _self_hedge(s: Sentence, t: Target) -> tuple[str, int, int, Term] | None:
    """The speaker's own hedged threat: "the government says it may bring charges", "we may", "we
    should strike back", and under a condition "said on Sunday that they might resume attacks if
    the talks failed"."""
    hedges = [*s.cues.get("hypothetical", ()), *s.cues.get("advice", ())]
    condition = s.first("condition") is not None
    for ci, cj, cterm in hedges:
        if cj > t.i or ci <= s.a:
            continue
        if not (s.has(cterm, "self_hedge") or (condition and s.has(cterm, "conditional_hedge"))):
            continue
        subject = s.tokens[ci - 1]
        own = subject in ("we", "i") or (
            subject in ("it", "he", "she", "they") and _reported_pronoun(s, ci - 1)
        )
        if own and bridged(s, cj, t.i, False, False):
            return ("self-hedged", ci, cj, cterm)
    return None


def _reported_pronoun(s: Sentence, k: int) -> bool:
    """Does a reporting verb stand right before the pronoun at ``k``, past date adjuncts and a
    "that" ("says it may", "said Monday it may", "said on Sunday that they might")?"""
    skip = s.covered("adjunct")
    p = k - 1
    while p >= s.a and (p in skip or s.tokens[p] == "that"):
        p -= 1
    return p >= s.a and p in s.starts("report_verb")


def _advocated(s: Sentence, t: Target) -> bool:
    """Is a noun act asked for a political demand (non-force, or a political goal), not incitement
    to force ("called for attacks on ...")?"""
    return not t.measure or s.has(t.term, "political_goal")


def _verbal(s: Sentence, t: Target) -> bool:
    """Is the act given as a verb: a gerund ("driving the US out") or after "to" ("to attack")?"""
    return s.tokens[t.i].endswith("ing") or (t.i > s.a and s.tokens[t.i - 1] == "to")


def bridged(
    s: Sentence,
    cj: int,
    i: int,
    directive: bool,
    loose: bool,
    needs_to: bool = False,
    only_to: bool = False,
) -> bool:
    """Do only bridge words (determiners, adverbs, light verbs) stand between a cue and an act?"""
    tokens = s.tokens
    if loose:
        return i - cj <= 6
    if _coordinated_infinitive(s, cj, i):
        return True
    if i - cj > 8:
        return False
    bridge = s.covered("bridge")
    # an -ly adverb bridges too, whichever it is ("promised to forcibly deport"), but not one
    # that negates ("will hardly attack": a negation cue)
    negation = s.covered("negation")
    unknown = [
        p
        for p in range(cj, i)
        if p not in bridge and (p in negation or not is_ly_adverb(tokens[p]))
    ]
    # the word that closes an addressee ("warned Manila of", "warned the United States on
    # Tuesday against any military action")
    tos = [p for p in range(cj, i) if tokens[p] in ("to", "that", "of", "against")]
    if only_to and not any(tokens[p] == "to" for p in tos):
        return False  # "told Fox that they hit ...": speech, not an order
    if (
        directive and tos
    ):  # "called on Shiite militias to attack", "warned Manila of": addressee first
        unknown = [p for p in unknown if p > tos[0]]
    elif needs_to:
        return False  # "authorized the raid that killed ...": an executed order is a report
    if unknown == [i - 1] and "-" in tokens[i - 1] and not s.caps[i - 1]:
        unknown = []  # one hyphenated modifier right before the act: "lone-wolf attacks"
    if not directive:
        # a directive keeps its strict bridge: "called for a cessation of Palestinian rocket
        # fire" asks that the fire stop
        unknown = _without_name_modifier(s, unknown, i)
    return not unknown and (directive or i - cj <= 6)


def _without_name_modifier(s: Sentence, unknown: list[int], i: int) -> list[int]:
    """ "or face a U.S. ban", "will impose new EU sanctions": the capitalised words between a
    determiner or adjective and a noun act name whose act it is; they bridge like an adjective
    ("How hard will Clinton attack?": a subject after the cue is none)."""
    k = i - 1
    while k >= 0 and k in unknown and s.caps[k]:
        k -= 1
    if k == i - 1 or k < 0 or k in unknown or k not in s.covered("bridge"):
        return unknown
    if k in s.starts("coordination"):
        return unknown  # "cessation of rocket fire and Israeli incursions": another noun's act
    if s.tokens[k] == "to" or k in s.covered("commissive") or k in s.covered("directive"):
        return unknown
    return [p for p in unknown if p <= k]


def _coordinated_infinitive(s: Sentence, cj: int, i: int) -> bool:
    """Is the act the second verb of the cue's to-infinitive, after "and" ("has promised to build
    a massive wall ... and deport millions of undocumented immigrants")? The cue is a reporting
    verb with its "to"; no clause break lies between."""
    tokens = s.tokens
    if i - 1 <= cj or tokens[i - 1] != "and" or i - cj > 12 or cj >= s.b:
        return False
    # the cue's verb before its "to" ("vowed to"), or the cue is the verb and "to" follows it
    if tokens[cj - 1] == "to" and cj - 2 >= s.a:
        verb = tokens[cj - 2]
    elif tokens[cj] == "to":
        verb = tokens[cj - 1]
    else:
        return False
    if verb not in reporting_verb_forms():
        return False  # "have to do the job ... and investigate", "is prepared to run ... and"
    return not any(cj < p <= i for p in s.breaks)


def measure_of(s: Sentence, t: Term, role: str) -> str:
    """The row's measure; for a user's rule lexicon without the column, the role decides."""
    row = s.row(t)
    if "measure" in row:
        return row["measure"]
    return {"explicit": "threat_act", "salience": "threat_salience"}.get(role, "violence")


def excluded(s: Sentence, t: Term, i: int, j: int) -> bool:
    """The row's ``not_followed_by``/``not_preceded_by`` words: "strike a deal", "heart attack"."""
    if not isinstance(s.lex, ThreatLexicon):
        return False  # a plain dictionary has no exclusion columns
    after, before = s.lex.exclusions(t)
    if not after and not before:
        return False  # most rows
    tokens = s.tokens
    for words in after:
        # "strike a deal", and one word may stand between: "target Indiana voters"
        if tuple(tokens[j : j + len(words)]) == words or (
            len(words) == 1 and tuple(tokens[j + 1 : j + 2]) == words
        ):
            return True
    return any(i >= len(words) and tuple(tokens[i - len(words) : i]) == words for words in before)


def is_past_form(s: Sentence, t: Term, i: int, j: int) -> bool:
    """A report of a past act ("attacked", "have been killed"), not "will be destroyed"."""
    row = s.row(t)
    if row.get("form"):
        past = is_past(row)
    else:
        head = s.tokens[j - 1] if j - i == 1 else s.tokens[i]
        past = (head.endswith("ed") and len(head) > 4) or is_irregular_past(head)
    if not past:
        return False
    # "will be destroyed", "would be hunted down and punished": a passive future, not a report
    be = s.starts("be_passive")
    return not any(p in be for p in range(max(0, i - 4), i))


def longest_targets(targets: list[Match]) -> list[Match]:
    """Across keys, a match inside a longer one is the same words: keep the longest ("revenge
    attack",
    not also "attack"); on equal spans an explicit threat beats an act, an act beats a report."""
    ranked = sorted(
        targets, key=lambda t: (-(t[2] - t[1]), _ROLE_RANK.get(t[0].split(".")[0], 4), t[1])
    )
    kept: list[Match] = []
    for t in ranked:
        if any(k[1] <= t[1] and t[2] <= k[2] for k in kept):
            continue
        kept.append(t)
    return sorted(kept, key=lambda t: t[1])
