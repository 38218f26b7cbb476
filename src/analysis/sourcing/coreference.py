"""Coreference of speakers: who a descriptor ("the government spokesman") or a pronoun ("he",
"they", "it") stands for, within one article.

- A descriptor (a, an or the + a role noun, no count, no anonymity phrase) is the named person
  whose own speaker phrase holds the same role noun, the nearest such attribution before or after
  it (earlier first); failing that, a name the article gives right after the descriptor's words
  ("government spokesman Abdourahim Said Bakar") or in an apposition ("Michael Flynn, the U.S.
  military's intelligence chief").
- A pronoun is the nearest earlier speaker it can agree with: "he", "she", "I" a single person
  (named or not), "they", "we" a group or an organisation, "it" an organisation, an outlet or a
  document. Nothing within the last three paragraphs: anonymous.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from rapidfuzz import fuzz

from ..english import is_common_word, is_finite_verb, is_noun_only, is_plural_noun
from .attribution import _Attr
from .data import (
    _FRONTED_OPENERS,
    _FUNCTION_CAPS,
    _NAME_SUFFIXES,
    _NOT_PERSON_LAST,
    _PARTISAN_LABELS,
    _PERSON_HEADS,
    _PLACE_NAME_HEADS,
    _PRONOUNS,
    _UNNAMED_PERSON_HEADS,
    _lexicon,
    first_name_genders,
    is_closed_class,
)
from .mentions import _head_noun, _person_name, _register, _resolve_name
from .speaker_np import speaker_type
from .tokens import _Tok, _tokens, is_possessive, strip_possessive

_PARAGRAPHS_BACK = 3
_WINDOW = 6000  # characters either side of a descriptor searched for the name it stands for
# one to four capitalised words: written "[A-Z](?:...\s[A-Z]){0,3}..." (the same strings, the same
# match) so that it opens with its capital, and a search that starts with the name jumps from
# capital to capital instead of trying every character ("(?:[A-Z]...\s){0,3}" opens with a repeat)
_NAME = r"([A-Z](?:[\w’'\-.]+\s[A-Z]){0,3}[\w’'\-.]+)"


def _descriptor_head(at: _Attr, words: list[_Tok]) -> _Tok | None:
    """The role noun of an anonymous speaker that may name a person elsewhere, else None."""
    if at.source_type != "anonymous" or at.speaker_start is None or at.count or not words:
        return None
    if words[0].low not in ("a", "an", "the"):
        return None
    phrases = _lexicon().kinds.get("anonymity_phrase", ())
    if any(p in (at.speaker or "").lower() for p in phrases):
        return None
    head = _head_noun(words)
    if head is None or not (head.low in _descriptor_heads() or _person_compound(head.low)):
        return None
    if head.low not in _role_heads() and words[0].low != "the":
        return None  # "a Sanders supporter": someone unnamed; "the actress" may be named
    return head


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    """Role and person-role head nouns (a descriptor of any determiner may name with them)."""
    return frozenset(_lexicon().kinds.get("role", frozenset()) | _PERSON_HEADS)


@lru_cache(maxsize=1)
def _descriptor_heads() -> frozenset[str]:
    """Role nouns and singular nouns of people ("the actress", "the businessman"): a descriptor
    headed by one may stand for a person the article names with it ("actress America Ferrera")."""
    return _role_heads() | _singular_people()


def _person_compound(low: str) -> bool:
    """Is the singular noun a compound of "-man", "-woman" or "-person" the lexicon lacks
    ("radioman", "anchorwoman", "chairperson"; not "human", "German")?"""
    for tail in ("woman", "man", "person"):
        stem = low[: -len(tail)] if low.endswith(tail) else ""
        if len(stem) >= 3 and is_common_word(stem):
            return True
    return False


def _nearby(attrs: list[_Attr], i: int):
    """Indexes of the attributions within a few paragraphs of ``attrs[i]``, earlier ones first,
    nearest first (the list is in text order, so each side stops at the first one too far)."""
    pid, reach = attrs[i].paragraph_id, _PARAGRAPHS_BACK + 1
    j = i - 1
    while j >= 0 and pid - attrs[j].paragraph_id <= reach:
        yield j
        j -= 1
    j = i + 1
    while j < len(attrs) and attrs[j].paragraph_id - pid <= reach:
        yield j
        j += 1


def _holds_role(speaker: str, role: str) -> bool:
    """The role noun, or its abbreviation as a title ("general" in "Gen. David Petraeus",
    "senator" in "Sen. Graham": a capitalised prefix of the word and a period)."""
    if re.search(rf"\b{re.escape(role)}\b", speaker, re.IGNORECASE):
        return True
    if len(role) < 5:
        return False
    return any(
        role.startswith(m.group(1).lower()) for m in re.finditer(r"\b([A-Z][a-z]{1,4})\.", speaker)
    )


def _named_with_role(attrs: list[_Attr], i: int, role: str) -> _Attr | None:
    """The nearest named speaker (earlier first, then later) whose phrase holds the role noun."""
    for j in _nearby(attrs, i):
        other = attrs[j]
        if other.source_type == "named_person" and other.speaker:
            if _holds_role(other.speaker, role):
                return other
    return None


def _name_in_text(text: str, words: list[_Tok], head: _Tok, registry: dict[str, str]) -> str | None:
    """A name the article gives with the descriptor's words: "<modifiers> <role> Name" or
    "Name, the <modifiers> <role>"; the longest run of modifiers first, at least one."""
    at = next((k for k, t in enumerate(words) if t is head), len(words))
    modifiers = [t.text for t in words[1:at] if t.is_word]  # the words before the head only
    # a window around the descriptor: the name is given near it, and a long article stays linear
    lo, hi = max(0, head.start - _WINDOW), head.end + _WINDOW
    text = text[lo:hi]
    lowered = text.lower().replace("-", " ")  # "Secretary-General" is "Secretary General"
    # the longest run of modifiers first; the head alone last, for a definite descriptor only
    # ("the actress" <- "actress America Ferrera"; "a Sanders supporter" is someone unnamed)
    shortest = 0 if words[0].low == "the" else 1
    for k in range(min(3, len(modifiers)), shortest - 1, -1):
        if " ".join(modifiers[-k:] + [head.text]).lower().replace("-", " ") not in lowered:
            continue  # a plain search first: the regexes below scan every capital of the text
        for a, b in _names_with_descriptor(text, tuple(modifiers[-k:] + [head.text])):
            name = _person_name(_tokens(text, a, b), registry)
            if name and len(name.split()) >= 2:
                return _resolve_name(name, registry) or name
    return _titled_name(text, head, registry)


def _names_with_descriptor(text: str, words: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    r"""Spans of the names of "<words> Name", then of "Name, the <words>": the groups of
    ``(?i:<words>)\s+{_NAME}`` and ``{_NAME},\s+(?:a|an|the)\s+(?i:<words>)\b``, in the order
    of ``finditer``. The descriptor's part is compiled per descriptor, the name's once: compiled
    together, each pattern took half a millisecond (an article pass asks for hundreds)."""
    before, after = _descriptor_patterns(words)
    yield from _names_after(text, before)
    yield from _names_before(text, after)


def _names_after(text: str, pattern: re.Pattern) -> Iterator[tuple[int, int]]:
    r"""The names right after the matches of ``pattern`` (which ends in ``\s+``). A name opens with
    a capital, so it starts where the whitespace ends; where none does, the scan goes on one
    character after the match's start, as ``finditer`` would."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        name = _NAME_AT.match(text, m.end())
        if name is None:
            pos = m.start() + 1
            continue
        yield name.span(1)
        pos = name.end()


def _names_before(text: str, pattern: re.Pattern) -> Iterator[tuple[int, int]]:
    """The names that end right before the matches of ``pattern`` (which opens with a comma). A
    name holds no comma, so it is the leftmost one that ends at the match after the comma
    before it; where none does, the scan goes on after that comma."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        comma = m.start()
        lo = max(pos, text.rfind(",", pos, comma) + 1)
        name = _NAME_TO_END.search(text, lo, comma)
        if name is None:
            pos = comma + 1
            continue
        yield name.span(1)
        pos = m.end()


_NAME_AT = re.compile(_NAME)
_NAME_TO_END = re.compile(rf"{_NAME}\Z")  # \Z: at the ``endpos`` given to ``search``


@lru_cache(maxsize=8192)
def _descriptor_patterns(words: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """ "<words> " and ", the <words>", compiled once per descriptor: an article pass asks for
    hundreds of them, more than ``re``'s own cache keeps."""
    phrase = r"\s+".join(re.escape(w).replace(r"\-", r"[-\s]") for w in words)
    return (
        re.compile(rf"(?i:{phrase})\s+"),
        re.compile(rf",\s+(?:a|an|the)\s+(?i:{phrase})\b"),
    )


def _titled_name(text: str, head: _Tok, registry: dict[str, str]) -> str | None:
    """ "The general" where the article says "Gen. David Petraeus": the role as a title, written
    out or abbreviated, before a name (roles that are titles only)."""
    if head.low not in _lexicon().kinds.get("title", ()) or len(head.low) < 5:
        return None
    # an abbreviation is capitalised ("Gen.", "Sen."): "spot." at a sentence's end is none
    abbreviation = re.escape(head.low[:3].capitalize())
    pattern = rf"\b(?:(?i:{re.escape(head.low)})|{abbreviation}[a-z]?\.)\s+{_NAME}"
    for m in re.finditer(pattern, text):
        name = _person_name(_tokens(text, m.start(1), m.end(1)), registry)
        if name and len(name.split()) >= 2:
            return _resolve_name(name, registry) or name
    return None


# a capitalised name (titles and initials inside) closing right before ", " and the speaker span
# (words on one line; a period only after a title or an initial: "Cruz.\n\nRachel Berg" is two)
_NAME_BEFORE_COMMA = re.compile(
    r"(?<![\w’'\-])((?:(?:[A-Z][a-z]{0,2}\.|[A-Z][\w’'\-]*) +){0,3}[A-Z][\w’'\-]+),[ \t]+$"
)
_APPOSITION_OPENERS = frozenset(("a", "an", "the", "one"))


def attach_appositions(attrs: list[_Attr], text: str, registry: dict[str, str]) -> None:
    """An anonymous speaker that is only an apposition to the person named right before it
    ("Rachel Berg, a philanthropist from Monsey, New York, said"; "Matthew Prince, chief executive
    of CloudFlare, said"; "Hillary Clinton, 43, said") is that person: the span is widened to the
    name, typed named_person (in place). A span that already opens with the name and its comma
    ("Sanders, the senator from Vermont, said"; "Christian Estrosi, a former mayor of Nice, said")
    is typed the same way. The apposition is singular and opens with a/an/the/one, a lower-case
    noun or an age; the name is a person's ("In Texas, half of GOP primary voters" is not; nor a
    plural head: "Mr. Obama, officials said")."""
    for at in attrs:
        if at.source_type != "anonymous" or at.speaker_start is None or at.count:
            continue
        found = _name_and_apposition(at, text)
        if found is None:
            continue
        relative = _relative_clause(found[1])
        if not relative and not _apposition(found[1], at.speaker_head):
            continue
        toks = [t for t in _tokens(text, *found[0]) if t.is_word]
        while toks and toks[0].low in _FUNCTION_CAPS:
            toks = toks[1:]  # "But Murshed Zaheed, acting political director"
        # "Zucker, who in the past has voiced ...": the name a relative clause opens after is its
        # subject, whatever its kind of word
        inside = relative or found[0][0] >= at.speaker_start
        name = _apposed_person(toks, registry, inside=inside) if toks else None
        if name is None:
            continue
        at.speaker_start = min(at.speaker_start, toks[0].start)
        at.speaker = text[at.speaker_start : at.speaker_end]
        at.source_type, at.speaker_name = "named_person", name


# a descriptor, a comma and a capitalised name after it inside the speaker span ("Another
# pollster, David Woodard of Clemson University"; "Clinton's husband, Bill"; "his wife, Jane")
_NAME_AFTER_DESCRIPTOR = re.compile(
    r",[ \t]+((?:(?:[A-Z][a-z]{0,3}\.) +)?[A-Z][\w’'\-]+(?: [A-Z][\w’'\-.]*){0,2})(?=$|[ ,])"
)
_POSSESSOR = re.compile(r"^([A-Z][\w\-]+)['’]s? ")


def attach_apposed_names(attrs: list[_Attr], text: str, registry: dict[str, str]) -> None:
    """An anonymous descriptor with a person's name in apposition after its comma is that person
    (in place): "Another pollster, David Woodard of Clemson University, said"; a kin noun and a
    first name alone take the possessor's surname ("Clinton's husband, Bill": Bill Clinton) or
    stay the first name ("his wife, Jane"). One person only: a plural head ("rivals, Sens. Ted
    Cruz ... and Marco Rubio") and an organisation ("One of them, UnitedHealth Group") are not."""
    for at in attrs:
        if at.source_type != "anonymous" or at.count or not at.speaker:
            continue
        m = _NAME_AFTER_DESCRIPTOR.search(at.speaker)
        if (
            m is None
            or " and " in at.speaker[m.end() :]
            or _looks_plural((at.speaker_head or "").lower())
        ):
            continue
        name = _apposed_name(at.speaker[: m.start()], m.group(1), registry)
        if name:
            at.source_type, at.speaker_name = "named_person", name


def _apposed_name(descriptor: str, words: str, registry: dict[str, str]) -> str | None:
    """The full name that ``words`` give after the ``descriptor`` of one person, else None."""
    toks = [t for t in _tokens(words, 0, len(words)) if t.is_word]
    found = speaker_type(toks, False) if toks else None
    if found and found[0] == "named_person" and found[1] and len(found[1].split()) >= 2:
        return _resolve_name(found[1], registry) or found[1]
    if len(toks) != 1 or toks[0].low not in first_name_genders():
        return None
    kin = descriptor.lower().split()[-1:]
    if not kin or kin[0] not in _lexicon().values["person_noun_gender"]:
        return None  # "the nominee, Devine": no kin noun before a lone first name
    owner = _POSSESSOR.match(descriptor)
    if owner is None:
        return toks[0].text  # "his wife, Jane": the first name is all the article gives
    full = f"{toks[0].text} {owner.group(1)}"
    return _resolve_name(full, registry) or full


# the same name opening the speaker span itself, its comma and the apposition after it
_NAME_COMMA_AT = re.compile(
    r"((?:(?:[A-Z][a-z]{0,2}\.|[A-Z][\w’'\-]*) +){0,3}[A-Z][\w’'\-]+),[ \t]+"
)


def _name_and_apposition(at: _Attr, text: str) -> tuple[tuple[int, int], list[str]] | None:
    """The offsets of a capitalised name and the words of its apposition: the name closing right
    before the speaker span with a comma (the span is the apposition), or opening the span."""
    m = _NAME_BEFORE_COMMA.search(text, max(0, at.speaker_start - 80), at.speaker_start)
    if m is not None:
        return m.span(1), (at.speaker or "").split()
    m = _NAME_COMMA_AT.match(text, at.speaker_start, at.speaker_end)
    if m is not None:
        return m.span(1), text[m.end() : at.speaker_end].split()
    return None


def _relative_clause(words: list[str]) -> bool:
    """Do the words of a speaker span open a relative clause about a person ("who helped found the
    DLC")?"""
    return bool(words) and words[0].lower() == "who"


def _apposed_person(toks: list[_Tok], registry: dict[str, str], *, inside: bool) -> str | None:
    """The full name of the person the capitalised words before an apposition name: a person name
    the article resolves, or a first name and a surname ("Rachel Berg"; "Christian Estrosi", whose
    first name is also an adjective). Words of no known kind count only ``inside`` a speaker span
    that opens with them: before the span they may be a clause's subject of its own ("Trump, many
    said"; "Clinton, a top aide said, ..."). "Trump National Doral" is no person of the article."""
    found = speaker_type(toks, False)
    words = " ".join(t.text for t in toks)
    first_name = toks[0].low in first_name_genders() and len(toks) >= 2
    if found and found[0] == "named_person" and found[1]:
        words = found[1]
    elif found is not None or not inside:
        return None  # typed something else: an organisation, a group
    name = _resolve_name(words, registry)
    if name is None and first_name:
        name = words  # "Rachel Berg": a first name makes a person
    return name if name is not None and len(name.split()) >= 2 else None


def _apposition(words: list[str], head: str | None) -> bool:
    """Can these words of the speaker span be an apposition: singular, opening with a/an/the/one,
    a lower-case word (not "who": a relative clause is no apposition) or an age?"""
    if not words:
        return False
    first = words[0].lower()
    if words[0].isdigit():
        return len(words) == 1  # "Hillary Clinton, 43, said"
    if first not in _APPOSITION_OPENERS:
        # a lower-case open-class noun: "chief executive of CloudFlare", not "these people",
        # "his son", "referring to ...", "disclosures filed"
        if not words[0][0].islower() or is_closed_class(first) or is_plural_noun(first):
            return False
        if first.endswith(("ing", "ed")) and len(words) > 1 and is_closed_class(words[1].lower()):
            return False  # "referring to the candidate's ...", not "acting political director"
    return not _looks_plural((head or words[-1]).lower())


def resolve_descriptors(
    attrs: list[_Attr],
    text: str,
    registry: dict[str, str],
    *,
    speakers: list[list[_Tok]] | None = None,
) -> None:
    """Give a descriptor the article names elsewhere that person's type and name (in place).
    ``speakers``: each attribution's speaker tokens, when the caller has them already. Failing a
    name given with the descriptor's words, an epithet takes the nearest named speaker before it
    (``_epithet``, ``_salient_person``)."""
    gender_of: dict[str, str] | None = None  # computed for the first epithet only
    mentions: list[tuple[int, str]] | None = None  # likewise
    for i, at in enumerate(attrs):
        if at.source_type != "anonymous" or at.speaker_start is None:
            continue  # only an anonymous speaker can be a descriptor (_descriptor_head)
        toks = (
            speakers[i] if speakers is not None else _tokens(text, at.speaker_start, at.speaker_end)
        )
        words = [t for t in toks if t.is_word]
        if _partisan_epithet(at, words):
            # "the Wisconsin Republican": the person the text described with that state and party
            if mentions is None:
                mentions = person_mentions(text, registry)
            name = _described_person(mentions, text, at, words)
            if name:
                at.source_type, at.speaker_name = "named_person", name
            continue
        head = _descriptor_head(at, words)
        if head is None:
            name = _title_descriptor(text, at, words, registry)
            if name:
                at.source_type, at.speaker_name = "named_person", name
            continue
        named = _named_with_role(attrs, i, head.low)
        if named is not None:
            name = named.speaker_name
        else:
            name = _name_in_text(text, words, head, registry)
        if not name and _epithet(text, at, words, head):
            if gender_of is None:
                gender_of = genders(text, registry.values())
            if mentions is None:
                mentions = person_mentions(text, registry)
            name = _described_person(mentions, text, at, words) or _salient_person(
                attrs, i, head.low, gender_of
            )
        if name:
            at.source_type, at.speaker_name = "named_person", name


def _title_descriptor(
    text: str, at: _Attr, words: list[_Tok], registry: dict[str, str]
) -> str | None:
    """ "The admiral said" where the article says "Adm. Harry B. Harris Jr.": "the" and a title
    that is a noun but no role word of the descriptors (``person_title``: "admiral", "colonel",
    "rabbi", "professor") stand for the person the text gives that title (``_titled_name``)."""
    if at.count or len(words) < 2 or words[0].low != "the":
        return None
    head = words[-1]
    titles = _lexicon().kinds.get("person_title", ())
    if head.low not in titles or not is_noun_only(head.low) or is_plural_noun(head.low):
        return None
    name = _titled_name(text, head, registry)
    parts = (name or "").split()
    if len(parts) > 2 and parts[-1].rstrip(".").lower() in _NAME_SUFFIXES:
        # "Adm. Harry B. Harris Jr." is the "Harry B. Harris" the article's speakers are
        return _resolve_name(" ".join(parts[:-1]), registry) or name
    return name


_SALIENT_PARAGRAPHS = 2  # an epithet refers to a speaker of this paragraph or the two before


def _epithet(text: str, at: _Attr, words: list[_Tok], head: _Tok) -> bool:
    """Is the descriptor an epithet for someone the article has named ("The New York
    businessman", "the former secretary of State", "The candidate")? "The" + a singular person
    noun that is not one of the unnamed (``unnamed_person_head``: "the official", "the woman"), no
    possessive ("the former vice president's spokeswoman" is someone else), and no earlier
    indefinite mention of the same noun ("a partner at the firm ... the partner": someone
    introduced unnamed)."""
    low = head.low
    if words[0].low != "the" or low in _UNNAMED_PERSON_HEADS or _looks_plural(low):
        return False
    if any(is_possessive(t.text) for t in words):
        return False
    return not _introduced_before(text, low, at.speaker_start)


def _introduced_before(text: str, noun: str, end: int) -> bool:
    """Does an indefinite phrase of ``noun`` come before ``end`` ("a partner at ...", "one senior
    partner")? Only modifiers stand between: "an interview with the president" introduces no
    president."""
    pattern = rf"\b(?:a|an|another|one)[ \t]+((?:[\w’'-]+[ \t]+){{0,3}}){re.escape(noun)}\b"
    for m in re.finditer(pattern, text[:end], re.IGNORECASE):
        if not any(is_closed_class(w) for w in m.group(1).split()):
            return True
    return False


def _looks_plural(word: str) -> bool:
    """A plural noun by the tagger lexicon or by its -s ("officials"; not "the actress", "the
    boss")."""
    return is_plural_noun(word) or (word.endswith("s") and not word.endswith("ss"))


def _salient_person(attrs: list[_Attr], i: int, head: str, gender_of: dict[str, str]) -> str | None:
    """The named speaker an epithet stands for: of the named speakers before ``attrs[i]`` in its
    paragraph or the two before, of the gender the head noun says if it says one
    (``person_noun_gender``: "businessman") and not described by an unnamed person noun
    ("spokeswoman Monica Klein" is not "the Mayor"), the nearest. (The one the article mentions
    most instead was right in 3 and wrong in 4 of the 8 PolNeAR train rows where they differ.)"""
    at = attrs[i]
    wanted = _lexicon().values["person_noun_gender"].get(head)
    for j in range(i - 1, -1, -1):
        other = attrs[j]
        if at.paragraph_id - other.paragraph_id > _SALIENT_PARAGRAPHS:
            break
        name = other.speaker_name
        if other.source_type != "named_person" or not name:
            continue
        if other.speaker_start is None or other.speaker_start >= at.speaker_start:
            continue  # a coordinated cue's copy is listed after, not before, in the text
        if wanted and gender_of.get(name, wanted) != wanted:
            continue
        described = {w.strip(",.").lower() for w in (other.speaker or "").split()}
        if described & _UNNAMED_PERSON_HEADS and head not in described:
            continue
        return name
    return None


def _partisan_epithet(at: _Attr, words: list[_Tok]) -> bool:
    """Is the speaker "the" + capitalised modifiers + a singular party label ("the Wisconsin
    Republican", "The South Carolina Republican"; not "the Republican", too many to choose from,
    nor "the Republicans")?"""
    return (
        at.count is None
        and len(words) >= 3
        and words[0].low == "the"
        and words[-1].low in _PARTISAN_LABELS
        and all(t.cap for t in words[1:])
    )


def _described_person(
    mentions: list[tuple[int, str]], text: str, at: _Attr, words: list[_Tok]
) -> str | None:
    """The person an epithet stands for when the text has described someone in its words: of the
    people named before it, the nearest whose mentions stand next to every content word of the
    epithet, a title standing for its noun ("The Vermont senator": "Vermont Sen. Bernie Sanders";
    "the billionaire businessman": "Trump, the billionaire businessman"); else None."""
    # its head noun and its capitalised modifiers ("Vermont"): lower-case adjectives ("former",
    # "billionaire") are often left out of the description the text gave first
    wanted = set().union(
        *(_description_words(t.text) for t in words[1:] if t.cap or t is words[-1])
    )
    if not wanted:
        return None
    before = [m for m in mentions if m[0] < at.speaker_start]
    described: dict[str, set[str]] = {}
    for offset, name in before:
        described.setdefault(name, set()).update(_words_around(text, offset))
    for _offset, name in reversed(before):
        if wanted <= described[name]:
            return name
    return None


def _words_around(text: str, offset: int) -> set[str]:
    """The description words next to a mention at ``offset``: the words of its noun phrase before
    it (back to punctuation, a closed-class word or a verb form: "former Vermont Sen. Bernie
    Sanders", not "President Obama praised Hillary Clinton") and an apposition after it ("Trump,
    the billionaire businessman,")."""
    before = []
    for word in reversed(text[max(0, offset - 80) : offset].split()[-7:]):
        low = word.lower()
        if word[-1] in _PHRASE_ENDS or is_closed_class(low) or (word.islower() and _verb_form(low)):
            break
        before.append(word)
    found = _CAP_WORD.match(text, offset)
    end = found.end() if found else offset
    after = ""
    if text.startswith(", ", end):
        stop = _APPOSITION_END.search(text, end + 2, end + 80)
        after = text[end + 2 : stop.start() if stop else end + 2]
    party = _PARTY_AND_STATE.match(text, end)  # "Paul Ryan (R-Wis.)", "Bernie Sanders of Vermont"
    if party:
        after += " " + " ".join(g for g in party.groups() if g)
    return set().union(*(_description_words(w) for w in [*before, *after.split()]))


# "(R-Wis.)", "(D-N.Y.)", " of Vermont": a party letter and a state's abbreviation, or a place
_PARTY_AND_STATE = re.compile(
    r" \((R|D|I)-([A-Z][\w.]*(?: [A-Z][\w.]*)?)\)| of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)


def _verb_form(low: str) -> bool:
    """A lower-case word that is a verb's form here: -ed, -ing or a finite verb ("praised")."""
    return low.endswith(("ed", "ing")) or is_finite_verb(low)


_APPOSITION_END = re.compile(r"[,.;:()]")
_PHRASE_ENDS = frozenset(',;:”"’)')  # "“Judge,” Brafman said": no description of Brafman


def _description_words(word: str) -> set[str]:
    """The words a word of a description stands for, compared across forms: lower case, no
    punctuation or hyphen ("front-runner", "frontrunner"), a title as its noun ("Sen." as
    "senator"), a party's word as one ("GOP", "Republican"), a state's abbreviation as its name
    ("N.Y." as "new", "york"); none for a closed-class word ("the", "of") or a number."""
    bare = word.strip(".,;:()\"'“”‘’")
    low = bare.lower().replace("-", "")
    if bare[:1].isupper() and word.endswith(".") and low in _lexicon().values["state_abbreviation"]:
        return set(_lexicon().values["state_abbreviation"][low].split())
    low = _lexicon().values["description_word"].get(low, low)
    return set() if not low or is_closed_class(low) or low.isdigit() else {low}


def _agrees(pronoun: str, other: _Attr) -> bool:
    """Can the pronoun stand for the speaker of ``other``?"""
    number = _PRONOUNS.get(pronoun)
    if pronoun == "it":
        return other.source_type in ("organization", "media", "document")
    plural_speaker = bool(other.count and other.count > 1) or _plural_head(other)
    if number == "sg":
        if other.source_type == "anonymous" and not _same_gender(pronoun, other):
            return False  # "his mother, insisting ... he said": she is no "he"
        return other.source_type in ("named_person", "anonymous") and not plural_speaker
    if other.source_type == "named_person":
        # "Richard Alba and Nancy Foner ... They compare ...": named people coordinated
        return " and " in (other.speaker or "")
    return other.source_type in ("organization", "media") or (
        other.source_type == "anonymous" and plural_speaker
    )


def _same_gender(pronoun: str, other: _Attr) -> bool:
    """May an unnamed speaker be of the pronoun's gender: its head noun gives none, or the same
    (``person_noun_gender``: "mother", "wife", "businessman")?"""
    values = _lexicon().values
    wanted = values["pronoun_gender"].get(pronoun)
    has = values["person_noun_gender"].get((other.speaker_head or "").lower())
    return not wanted or not has or has == wanted


def _plural_head(at: _Attr) -> bool:
    """Is the speaker phrase's head plural ("advocates in the transgender community": its head,
    not its last word)?"""
    words = (at.speaker or "").split()
    last = (at.speaker_head or (words[-1] if words else "")).lower()
    return last.endswith("s") and not last.endswith(("ss", "'s", "’s")) and len(words) > 0


# a run of capitalised words (particles and hyphens inside): the candidates for a person's name
_CAP_RUN = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:(?:al|bin|de|van|von|la)[\s-])?[A-Z][\w’'\-]*)*")
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the)\s+((?:[\w’'\-]+\s+){0,3}[\w’'\-]+)")


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Role and title words (and singular people nouns: "member", "aide") that name a person."""
    kinds = _lexicon().kinds
    words = kinds.get("role", frozenset()) | kinds.get("person_title", frozenset())
    return frozenset(w for w in words | _singular_people() if len(w) > 2)


@lru_cache(maxsize=1)
def _singular_people() -> frozenset[str]:
    """The singular nouns of people of the source lexicon ("aide", "actress", "member")."""
    return frozenset(w for w in _lexicon().kinds.get("anonymous", ()) if not w.endswith("s"))


_WORD_CHARS = frozenset("_’'-")


def _word_before(text: str, a: int) -> str | None:
    r"""The word (and an optional period) right before the whitespace that precedes offset ``a``,
    within 30 characters (``([\w’'-]+)\.?\s+$``), read backwards: a regex anchored at the end
    is tried at every position of the window."""
    window = text[max(0, a - 30) : a]
    stripped = window.rstrip()
    if not stripped or len(stripped) == len(window):
        return None
    end = len(stripped) - 1 if stripped[-1] == "." else len(stripped)
    k = end
    while k > 0 and (stripped[k - 1].isalnum() or stripped[k - 1] in _WORD_CHARS):
        k -= 1
    return stripped[k:end] if k < end else None


def _with_role(text: str, a: int, b: int) -> bool:
    """Is the run ``text[a:b]`` preceded by a role word ("lawmaker Nassar al-Rubaie") or followed
    by one in an apposition ("Moussa Ibrahim, a spokesman")?"""
    roles = _role_words()
    before = _word_before(text, a)
    if before and before.lower() in roles:
        return True
    if _PERSON_AFTER.match(text, b, min(len(text), b + 12)):
        return True  # "Franson Reneus, 18, from Lee County": an age set off marks a person
    after = _ROLE_AFTER.match(text, b, min(len(text), b + 60))
    return bool(after) and any(w.lower() in roles for w in after.group(1).split())


# an age set off after a name marks a person, whatever role is given or not (a "who" clause does
# not: "Bear Stearns, who", "Meanwhile Rihanna, who" on PolNeAR train)
_PERSON_AFTER = re.compile(r",\s+\d{1,3},")


def _opens_with_first_name(text: str, a: int, b: int) -> bool:
    """Is the run ``text[a:b]`` two or three words opening with a first name of near-certain
    gender ("62-year-old Brenda Johnson", "Rachel Berg, a philanthropist")? A first name that is
    also a word ("Will", "Hope", "Mark") counts only inside a sentence: a sentence or a title-case
    headline opens with a capital ("Will Trump Win"). No word may be a place ("Virginia Beach"),
    the last word no initial and no place head (``place_name_head``)."""
    words = text[a:b].split()
    first = words[0].lower()
    words = [w for w in words if not (len(w) == 2 and w.endswith("."))]  # a middle initial
    if not 2 <= len(words) <= 3 or first not in first_name_genders():
        return False
    if len(words[-1]) == 1 or words[-1].lower() in _PLACE_NAME_HEADS:
        return False  # "Donald J. Trump" cut at the initial; "Hermenegildo Galeana Street"
    places = _lexicon().kinds.get("place", ())
    if any(w.lower() in places for w in words) or text[a:b].lower() in places:
        return False
    if is_common_word(first):
        before = text[max(0, a - 3) : a].rstrip()
        return bool(before) and (before[-1].islower() or before[-1] in ",;")
    return True


def _first_name_after_titles(text: str, a: int, b: int) -> int | None:
    """Where a person's name starts inside the run ``text[a:b]`` after capitalised ordinary words
    ("Senate Minority Leader Harry M. Reid", "Wherever Hillary Clinton goes"): the offset of a
    first name that opens the rest of the run as ``_opens_with_first_name`` accepts, else None."""
    words = text[a:b].split()
    last = words[-1].lower()
    if last in _PARTISAN_LABELS or last in _NOT_PERSON_LAST:
        return None  # "South Carolina Republican", "The Sunshine State": no one's name
    given = first_name_genders()
    if not any(w.lower() in given for w in words[1:-1]):
        return None  # most runs hold no first name after their first word: one look-up each
    for m in list(re.finditer(r"\S+", text[a:b]))[:-1][:4]:
        word = m.group().rstrip(".").lower()
        if m.start() > 0 and _opens_with_first_name(text, a + m.start(), b):
            return a + m.start()
        if not (is_common_word(word) or word in _office_heads() or word in _FUNCTION_CAPS):
            return None  # "Hillary Clinton Foundation ...": a name's own words come first
    return None


def register_text_names(text: str, registry: dict[str, str]) -> None:
    """Register the people the article names with a role, speakers or not, so that pronouns
    and surnames resolve to them. One scan for capitalised runs; the role is looked up around
    each run (a set lookup, not a regex of every role word)."""
    titled = _titled_surnames(text)
    for m in _CAP_RUN.finditer(text):
        a, b = m.span()
        if text.find(" ", a, b) < 0:
            continue  # one word (most runs): no name, as the test on the trimmed run says below
        newline = text.find("\n", a, b)
        if newline > a:
            b = newline  # "By Rachel Berg\nThe city council": a name ends with its line
        if " " not in text[a:b].strip():
            continue
        b = a + len(text[a:b].rstrip())
        tail = _INITIAL_TAIL.match(text, b) if len(text[a:b].split()[-1]) == 1 else None
        if tail:
            b = tail.end()  # "Donald J. Trump": the run goes on past the middle initial
        if not (
            _with_role(text, a, b)
            or _opens_with_first_name(text, a, b)
            or _namesake_run(text, a, b, registry)
        ):
            start = _first_name_after_titles(text, a, b)
            a = _titled_name_start(text, a, b, titled) if start is None else start
            if a is None:
                continue
        found = speaker_type(_tokens(text, a, b), False)
        name = found[1] if found and found[0] == "named_person" else None
        if name and len(name.split()) >= 2 and not _resolve_name(name, registry):
            _register(registry, name)


def _namesake_run(text: str, a: int, b: int, registry: dict[str, str]) -> bool:
    """Is the run ``text[a:b]`` two words, the surname of a person registered before and a first
    name before it that is no ordinary word ("Rakeyia Scott" after "Keith Lamont Scott": his wife,
    whose first name the data lack)?"""
    words = text[a:b].split()
    return (
        len(words) == 2
        and words[1] in registry
        and words[1].rstrip(".").lower() not in _NAME_SUFFIXES  # "Harris Jr."
        and not _first_name_variant(words[0], registry[words[1]])  # "Hilary Clinton": Hillary
        and _given_name_before(text, a + len(words[0]) + 1) == words[0]
    )


def _titled_name_start(text: str, a: int, b: int, titled: dict[str, frozenset[str]]) -> int | None:
    """Where a person's name starts in the run ``text[a:b]`` that ends with a first name and a
    surname the text gives a title elsewhere ("When Kashiya Nwanguma learned" beside "Ms.
    Nwanguma": a person whose first name the data lack), after ordinary capitalised words only;
    else None."""
    words = list(re.finditer(r"\S+", text[a:b]))
    if len(words) < 2 or words[-1].group() not in titled:
        return None
    given = words[-2]
    if _given_name_before(text, a + words[-1].start()) != given.group():
        return None
    for m in words[:-2]:
        word = m.group().rstrip(".").lower()
        if not (is_common_word(word) or word in _office_heads() or word in _FUNCTION_CAPS):
            return None  # "Kashiya" after a name's own words: no name of two words
    return a + given.start()


# a middle initial's period and the surname after it ("Mikhail B. Khodorkovsky")
_INITIAL_TAIL = re.compile(r"\. [A-Z][\w’'\-]+")
_CAP_WORD = re.compile(r"(?<![\w’'-])(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w’'\-]*")


def person_mentions(text: str, registry: dict[str, str]) -> list[tuple[int, str]]:
    """(offset, full name) of every mention of a person the article names, by surname (the
    registry holds each full name's surname), in text order ("Iraqi lawmaker Nassar al-Rubaie
    ... He said": "he" is al-Rubaie even when al-Rubaie was no speaker before)."""
    if not registry:
        return []
    out = []
    known = registry.get  # a look-up per capitalised word of the article: bound once
    for m in _CAP_WORD.finditer(text):
        word = strip_possessive(m.group())
        full = known(word)
        if not full or word.rstrip(".").lower() in _NAME_SUFFIXES:
            continue  # "Jr." is no one's surname
        given = _given_name_before(text, m.start())
        if given is not None and not _first_name_variant(given, full):
            # "Rakeyia Scott" where "Scott" is Keith Lamont Scott: another person of the surname,
            # the one registered with that first name or none the registry knows
            full = known(f"{given} {word}")
            if full is None:
                continue
        out.append((m.start(), full))
    return out


def _first_name_variant(given: str, full: str) -> bool:
    """Can ``given`` be a first or middle name of ``full`` as the article writes it
    (``same_first_name``)?"""
    return any(same_first_name(given, word) for word in full.split()[:-1])


def same_first_name(one: str, other: str) -> bool:
    """Are two first names one as an article writes it: the same word, a short form ("Pete" of
    "Peter") or a misspelling ("Hilary" of "Hillary")?

    >>> same_first_name("Pete", "Peter"), same_first_name("Hilary", "Hillary")
    (True, True)
    >>> same_first_name("Bill", "Hillary")
    False
    """
    a, b = one.lower(), other.lower()
    return a.startswith(b) or b.startswith(a) or fuzz.ratio(a, b) >= 80


def _given_name_before(text: str, start: int) -> str | None:
    """The capitalised word right before a surname at ``start`` when it can be a first name: a
    first name of the data, or a word of no English lexicon ("Rakeyia"); not an ordinary word
    ("President Obama", "Democrat Clinton"), a title or an abbreviation ("Gov. Walker")."""
    if start < 3 or text[start - 1] != " " or not text[start - 2].isalpha():
        return None
    m = _WORD_BEFORE.search(text, max(0, start - 40), start - 1)
    if m is None or not m.group()[:1].isupper() or not m.group()[1:].islower():
        return None  # "FlagShareLikeReplyPaige Lavender": page furniture glued to a name
    low = m.group().lower()
    if low in _lexicon().kinds.get("title", ()) or low in _office_heads():
        return None
    if low in first_name_genders() or not is_common_word(low):
        return m.group()
    return None


_WORD_BEFORE = re.compile(r"(?<![\w’'.-])[\w’'-]+$")


def _nearest_mention(
    mentions: list[tuple[int, str]],
    before: int,
    after: int,
    unlike: frozenset[str] = frozenset(),
    namesake: dict[str, str] | None = None,
) -> tuple[int, str] | None:
    """The last person mention in ``[after, before)`` whose name is not in ``unlike`` (the
    people of the other gender than the pronoun's); a mention of someone in ``unlike`` counts for
    their ``namesake`` of the pronoun's gender ("Clinton" is Hillary Clinton for "she" where the
    surname was registered for Bill Clinton first)."""
    namesake = namesake or {}
    k = bisect.bisect_left(mentions, (before, "")) - 1
    while k >= 0 and mentions[k][0] >= after:
        offset, name = mentions[k]
        if name not in unlike:
            return mentions[k]
        if name in namesake:
            return offset, namesake[name]
        k -= 1
    return None


def people_by_surname(people: Iterable[str]) -> dict[str, list[str]]:
    """The distinct names of ``people`` grouped by their last word, in order.

    >>> people_by_surname(["Bill Clinton", "Hillary Clinton", "Trump", "Bill Clinton"])
    {'Clinton': ['Bill Clinton', 'Hillary Clinton'], 'Trump': ['Trump']}
    """
    out: dict[str, list[str]] = {}
    for name in dict.fromkeys(people):
        if name.split():
            out.setdefault(name.split()[-1], []).append(name)
    return out


def _namesakes(people: Iterable[str], gender_of: dict[str, str], wanted: str) -> dict[str, str]:
    """Full name of the other gender -> the one person of ``wanted`` gender with its surname."""
    out = {}
    for names in people_by_surname(people).values():
        fits = [n for n in names if gender_of.get(n) == wanted]
        # "Hillary Rodham Clinton" and "Hillary Clinton" are one person: the same first name
        if fits and len({n.split()[0] for n in fits}) == 1:
            shortest = min(fits, key=len)
            out.update((n, shortest) for n in names if gender_of.get(n, wanted) != wanted)
    return out


@lru_cache(maxsize=1)
def _gender_title() -> re.Pattern:
    """A gendered title (word_classes.csv gender_title: "Mr", "Mrs", "Ms", "Miss") and the
    surname after it."""
    titles = sorted(
        (t.capitalize() for t in _lexicon().values["gender_title"]), key=len, reverse=True
    )
    # "\bMrs" as "Mrs(?<=\bMrs)": the word boundary checked behind the title, so that the pattern
    # opens with the titles' letters and the search jumps between them (one that opens with \b is
    # tried at every character)
    alternatives = "|".join(rf"{re.escape(t)}(?<=\b{re.escape(t)})" for t in titles)
    return re.compile(rf"({alternatives})\.?\s+([A-Z][\w’'-]+)")


def genders(text: str, names: Iterable[str], *, first_names: bool = True) -> dict[str, str]:
    """Full name -> "male" or "female" for the people the article names: by the gendered title it
    gives them ("Mrs. Clinton", "Mr. Trump"; a surname with both titles has none), else (with
    ``first_names``) by a first name of near-certain gender ("Debbie Kepler";
    ``data.first_name_genders``). The article's own title wins over the first name.

    >>> genders("Mr. Sanders met Hillary Clinton.", ["Bernie Sanders", "Hillary Clinton"])
    {'Bernie Sanders': 'male', 'Hillary Clinton': 'female'}
    """
    seen = _titled_surnames(text)
    given = first_name_genders() if first_names else {}
    people = list(dict.fromkeys(names))
    shared = _shared_surnames(people)
    out = {}
    for full in people:
        parts = full.split()
        if not parts:
            continue
        first = parts[0].lower() if len(parts) >= 2 else ""
        found = seen.get(parts[-1], frozenset())
        if len(found) == 1 and not (parts[-1] in shared and first in given):
            out[full] = next(iter(found))
        elif first in given and (not found or parts[-1] in shared):
            # "Mrs. Clinton" is one of the Clintons: Bill Clinton stays a man
            out[full] = given[first]
    return out


def _mentions_by_title_gender(
    mentions: list[tuple[int, str]], text: str
) -> tuple[list[tuple[int, str]], dict[str, tuple[list, list]]]:
    """The mentions that open a sentence, and for each gender the (mentions, subjects) a pronoun
    of that gender may mean (``_of_title_gender``), filtered once, not once per pronoun."""
    subjects = [m for m in mentions if _opens_sentence(text, m[0])]
    titled_at = _titled_mentions(text) if text else {}
    by_gender = {
        g: (_of_title_gender(mentions, titled_at, g), _of_title_gender(subjects, titled_at, g))
        for g in ("male", "female")
    }
    return subjects, by_gender


def _of_title_gender(
    mentions: list[tuple[int, str]], titled_at: dict[int, str], wanted: str | None
) -> list[tuple[int, str]]:
    """The mentions a pronoun of gender ``wanted`` may mean: none whose title says the other."""
    if not wanted or not titled_at:
        return mentions
    return [m for m in mentions if titled_at.get(m[0], wanted) == wanted]


def _titled_mentions(text: str) -> dict[int, str]:
    """Offset of each surname after a gendered title ("Mrs. Clinton") -> that title's gender."""
    titles = _lexicon().values["gender_title"]
    return {m.start(2): titles[m.group(1).lower()] for m in _gender_title().finditer(text)}


def _shared_surnames(people: list[str]) -> frozenset[str]:
    """The surnames two or more of ``people`` share ("Bill Clinton", "Hillary Clinton")."""
    full_names = (p for p in people if len(p.split()) >= 2)
    return frozenset(s for s, names in people_by_surname(full_names).items() if len(names) > 1)


@lru_cache(maxsize=4)
def _titled_surnames(text: str) -> dict[str, frozenset[str]]:
    """Surname -> the genders of the titles the text gives it ("Mrs. Clinton": female), one scan
    per article (the pronouns and the epithets both ask)."""
    titles = _lexicon().values["gender_title"]
    seen: dict[str, set[str]] = {}
    for m in _gender_title().finditer(text):
        seen.setdefault(strip_possessive(m.group(2)), set()).add(titles[m.group(1).lower()])
    return {k: frozenset(v) for k, v in seen.items()}


def _antecedent(
    attrs: list[_Attr], i: int, word: str, container: dict[int, int] | None = None
) -> int | None:
    """The index of the nearest earlier attribution whose speaker the pronoun agrees with. A
    speaker named inside another's content (``container``: index -> the enclosing attribution) is
    no antecedent outside that content ("Clinton said ... Comey told Congress ... She insisted")."""
    at, container = attrs[i], container or {}
    for j in range(i - 1, -1, -1):
        other = attrs[j]
        if at.paragraph_id - other.paragraph_id > _PARAGRAPHS_BACK:
            return None
        if j in container and not _inside_content(at, attrs[container[j]]):
            continue
        if other.speaker_start is not None and _agrees(word, other):
            return j
    return None


def _nested_speakers(attrs: list[_Attr]) -> dict[int, int]:
    """Index of each attribution whose speaker stands inside another's content -> that other: the
    content opening before the speaker that reaches furthest (one sort and a bisection each, so a
    long article stays linear-logarithmic)."""
    order = sorted(range(len(attrs)), key=lambda k: attrs[k].content_start)
    starts = [attrs[k].content_start for k in order]
    reach, best = [], []  # the furthest content end so far, and whose it is
    for k in order:
        if not reach or attrs[k].content_end > reach[-1]:
            reach.append(attrs[k].content_end)
            best.append(k)
        else:
            reach.append(reach[-1])
            best.append(best[-1])
    out: dict[int, int] = {}
    for j, other in enumerate(attrs):
        if other.speaker_start is None:
            continue
        n = bisect.bisect_right(starts, other.speaker_start)
        if n and reach[n - 1] >= other.speaker_end and best[n - 1] != j:
            out[j] = best[n - 1]
    return out


def _inside_content(at: _Attr, outer: _Attr) -> bool:
    """Does the speaker of ``at`` stand inside the content of ``outer``?"""
    return (
        at.speaker_start is not None
        and outer.content_start <= at.speaker_start
        and at.speaker_end <= outer.content_end
    )


def _unresolved_reference(other: _Attr, unanchored: bool) -> bool:
    """Is ``other`` an anonymous speaker that only refers back to someone the code could not
    find: a pronoun left without an antecedent, or "the" + an office ("the Republican", "the
    senator", "the candidate", "the pope"; an office holder is someone the article names)? It
    introduces nobody, so a person named before it may still be who a later pronoun means
    ("Carson said ... the Republican said ... He brushed off these concerns"). "The woman" or
    "the spokesman" introduce someone unnamed: a later "she" is that woman."""
    if unanchored:
        return True  # also an "it" typed by the noun before it ("a 2001 memorandum ... It says")
    if other.source_type != "anonymous" or other.count:
        return False
    if (other.speaker_head or "").lower() in _PRONOUNS:
        return True  # also a pronoun inside a longer span ("whether he", "“When I")
    words = [w.strip(",.;:") for w in (other.speaker or "").lower().split()]
    return len(words) >= 2 and words[0] == "the" and words[-1] in _office_heads()


@lru_cache(maxsize=1)
def _office_heads() -> frozenset[str]:
    """Titles of offices (person_title), candidacies (person_head) and party labels."""
    titles = _lexicon().kinds.get("person_title", frozenset())
    return frozenset(titles | _PERSON_HEADS | _PARTISAN_LABELS)


def resolve_pronouns(
    attrs: list[_Attr],
    pronouns: dict[int, str],
    mentions: list[tuple[int, str]] = (),
    paragraph_starts: list[int] = (),
    text: str = "",
    people: Iterable[str] = (),
) -> None:
    """Give each pronoun speaker (index -> lower-cased pronoun) the type, name and organisation of
    the nearest earlier speaker it agrees with, within the last paragraphs; a person the article
    names after that speaker and before the pronoun wins for "he", "she" and "I" (not one of the
    other gender: ``genders``); else anonymous. ``people``: the article's registered full names."""
    mentions = list(mentions)
    speakers = (a.speaker_name for a in attrs if a.source_type == "named_person" and a.speaker_name)
    people = list(dict.fromkeys([*people, *(full for _, full in mentions), *speakers]))
    gender_of = genders(text, people) if text else {}
    # a title is the article's own word; a first name's gender is likely only ("Yasmeen Afdhal ...
    # He described"), so a person of the other gender by first name is passed over, not refused
    titled = genders(text, people, first_names=False) if text else {}
    asks = _lexicon().values["pronoun_gender"]
    namesakes = {g: _namesakes(people, gender_of, g) for g in ("male", "female")}
    unanchored: set[int] = set()  # pronouns left anonymous for want of any antecedent
    subjects, by_title_gender = _mentions_by_title_gender(mentions, text)
    nested = _nested_speakers(attrs)
    for i in sorted(pronouns):
        at, word = attrs[i], pronouns[i]
        j = _antecedent(attrs, i, word, nested)
        ref = attrs[j] if j is not None else None
        if _PRONOUNS.get(word) == "sg" and word != "it" and at.speaker_start is not None:
            first_par = max(0, at.paragraph_id - _PARAGRAPHS_BACK)
            floor = paragraph_starts[first_par] if first_par < len(paragraph_starts) else 0
            if ref is not None and ref.speaker_end is not None:
                if not _unresolved_reference(ref, j in unanchored):
                    floor = max(floor, ref.speaker_end)
            # "“No thanks to Nathan Deal,” he added": a person named in the pronoun's own quotation
            # is not who speaks it (in "Grayson has introduced ..., he said" the subject is)
            before = at.speaker_start
            if at.quote == "direct":
                before = min(before, at.content_start)
            wanted = asks.get(word)
            unlike = _of_other_gender(gender_of, wanted)
            namesake = namesakes.get(wanted)
            # "Mrs. Clinton" is no mention of Bill Clinton for "he"
            mentions_w, subjects_w = by_title_gender.get(wanted, (mentions, subjects))
            # a person named as a sentence's subject since the antecedent first ("Gates told the
            # AP that he and Manafort ... He called"); a person named otherwise (an object, an
            # interviewer) only when the antecedent is no named person of the pronoun's gender
            mention = _nearest_mention(subjects_w, before, floor, unlike, namesake)
            if mention is None and not _named_antecedent(ref, j in unanchored, wanted, gender_of):
                mention = _nearest_mention(mentions_w, before, floor, unlike, namesake)
                if mention is None:
                    refused = _of_other_gender(titled, wanted)
                    mention = _nearest_mention(mentions_w, before, floor, refused)
            if mention is not None:
                at.source_type, at.speaker_name = "named_person", mention[1]
                continue
        if (
            ref is None
            or _unresolved_reference(ref, j in unanchored)
            or _pair_after(at, word, ref, text, mentions)
        ):
            _type_unanchored(at, word, text, mentions)
            unanchored.add(i)
        else:
            at.source_type, at.speaker_name = ref.source_type, ref.speaker_name
            at.source_org, at.count = ref.source_org, ref.count
            # "Clinton said ... she added": the surname's first person may be the wrong namesake;
            # with none, the nearest earlier person of the pronoun's gender the article names ("I",
            # resolved to Donald Trump, is no antecedent of "she")
            wanted = asks.get(word)
            if wanted and gender_of.get(ref.speaker_name) not in (None, wanted):
                namesake = namesakes[wanted].get(ref.speaker_name)
                if namesake is None and at.speaker_start is not None:
                    unlike = _of_other_gender(gender_of, wanted)
                    mention = _nearest_mention(mentions, at.speaker_start, 0, unlike)
                    namesake = mention[1] if mention is not None else None
                at.speaker_name = namesake or ref.speaker_name


# what an "it" stands for, by the head class of the noun (the shared mention layer): a group
# that is an "it" is an organisation ("The group seeks ... what it calls")
_IT_TYPES = {
    "document": "document",
    "organization": "organization",
    "media": "media",
    "group": "organization",
}


def _type_unanchored(at: _Attr, word: str, text: str, mentions: list[tuple[int, str]] = ()) -> None:
    """Type a pronoun speaker no earlier speaker stands for (in place): anonymous, unless an "it"
    stands for a text, an organisation or an outlet named before it (``_thing_it_stands_for``)
    or a "they" for two people named together before it (``_named_pair_before``)."""
    at.source_type, at.speaker_name = "anonymous", None
    if at.speaker_start is None:
        return
    if word == "it":
        at.source_type = _thing_it_stands_for(text, at.speaker_start) or "anonymous"
    elif word == "they":
        pair = _named_pair_before(text, at.speaker_start, mentions)
        if pair is not None:  # the last of the two, as for "Mike Crapo and Jim Risch said"
            at.source_type, at.speaker_name = "named_person", pair


# a surname, "and" and the capitalised words (a first name, a title) before the next surname
_AND_BETWEEN_NAMES = re.compile(r"[\w’'\-.]+,? and (?:[A-Z][\w’'\-.]* ){0,3}")


def _pair_after(
    at: _Attr, word: str, ref: _Attr, text: str, mentions: list[tuple[int, str]]
) -> bool:
    """Does a "they" stand for two people named together after its antecedent speaker ("...
    Democrats said ... Take Idaho Republican Sens. Mike Crapo and Jim Risch. Last week, they
    ...")?"""
    if word != "they" or at.speaker_start is None or ref.speaker_end is None:
        return False
    return _named_pair_before(text, at.speaker_start, mentions, ref.speaker_end) is not None


def _named_pair_before(
    text: str, at: int, mentions: list[tuple[int, str]], after: int = 0
) -> str | None:
    """The second name of the last two people the text names joined by "and", in the sentence of
    ``at`` or the one before and from ``after`` on ("Idaho Republican Sens. Mike Crapo and Jim
    Risch. Last week, they enthusiastically endorsed ..."), else None."""
    lo = max(_sentences_back(text, at, 1), after)
    k = bisect.bisect_left(mentions, (at, "")) - 1
    while k >= 1 and mentions[k - 1][0] >= lo:
        (first, one), (second, other) = mentions[k - 1], mentions[k]
        if one != other and _AND_BETWEEN_NAMES.fullmatch(text, first, second):
            return other
        k -= 1
    return None


_IT_SENTENCES_BACK = 1  # the sentences before an "it" searched for the noun it stands for


def _thing_it_stands_for(text: str, at: int) -> str | None:
    """The source type of the nearest noun before a speaker "it" at ``at``, in its sentence or
    the two before, that can speak as an "it": a text ("The email, released by Judicial Watch,
    was sent ... “I just tried you ...,” it reads."), an organisation or an outlet; None when
    there is none ("It means including people": narration). An "it" never stands for people."""
    from ..mentions import head_class

    for tok in reversed(_tokens(text, _sentences_back(text, at, _IT_SENTENCES_BACK), at)):
        if tok.is_word:
            found = _IT_TYPES.get(head_class(tok.low) or "")
            if found:
                return found
    return None


def _sentences_back(text: str, at: int, n: int) -> int:
    """Where the sentence ``n`` sentences before the one holding ``at`` starts (at most 800
    characters back). Only a period (not a title's), "!" or "?" ends a sentence here: a closing
    quote mark does not (“I am still Sanders,” it read.)."""
    lo = start = max(0, at - 800)
    end = at
    for _ in range(n + 1):
        end = max(text.rfind(ch, lo, end) for ch in ".!?")
        while end >= 0 and _title_period(text, end):
            end = max(text.rfind(ch, lo, end) for ch in ".!?")
        if end < 0:
            return start
    return end + 1


def _of_other_gender(gender_of: dict[str, str], wanted: str | None) -> frozenset[str]:
    """The names whose known gender is not the pronoun's (none when the pronoun has none)."""
    return frozenset(n for n, g in gender_of.items() if wanted and g != wanted)


def _named_antecedent(
    ref: _Attr | None, unanchored: bool, wanted: str | None, gender_of: dict[str, str]
) -> bool:
    """Is the antecedent a named person the pronoun can be (not of the other gender)?"""
    if ref is None or ref.source_type != "named_person" or not ref.speaker_name:
        return False
    if _unresolved_reference(ref, unanchored):
        return False
    return not wanted or gender_of.get(ref.speaker_name, wanted) == wanted


_SENTENCE_END = frozenset('.!?\n"”')


def _opens_sentence(text: str, offset: int) -> bool:
    """Is the name at ``offset`` the first noun phrase of its sentence (its subject, mostly)? Only
    capitalised words (a first name, a title, "But", "In Iowa,") stand between it and the sentence
    start."""
    k = offset
    for _ in range(6):
        j = k
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == 0 or text[j - 1] == ";":  # a clause of its own ("...; Gov. Mary Fallin vetoed")
            return True
        if text[j - 1] in _SENTENCE_END and not _title_period(text, j - 1):
            return True
        if text[j - 1] == ",":
            return _fronted_adverbial(text, j - 1)  # "In May 2001, Fiorina ended ..."
        w = j
        while w > 0 and (text[w - 1].isalnum() or text[w - 1] in "’'-."):
            w -= 1
        if w == j or not (text[w].isupper() or _descriptor_word(text[w:j])):
            return False  # a lower-case word before it: an object, a complement
        k = w
    return False


def _descriptor_word(word: str) -> bool:
    """A lower-case word of a descriptor before a name at a sentence's start ("The economist
    Robert J. Shapiro recently measured", "A spokesman Ed Smith"): a role word or an article."""
    low = word.lower()
    return low in ("the", "a", "an") or low in _role_words()


def _title_period(text: str, dot: int) -> bool:
    """Is the period at ``dot`` a title's abbreviation ("Capt.", "Sen.", "Mr.") or a middle
    initial ("George W. Bush"), not a sentence's end ("he called her Capt. Humayun Khan", "an
    adviser to then-President George W. Bush, also questioned")?"""
    if text[dot] != ".":
        return False
    w = dot
    while w > 0 and text[w - 1].isalpha():
        w -= 1
    word = text[w:dot]
    if len(word) == 1 and word.isupper():
        return w > 0 and text[w - 1] == " "  # an initial after a first name, not "U.S."
    return word[:1].isupper() and word.lower() in _lexicon().kinds.get("person_title", ())


def _sentence_end_before(text: str, lo: int, at: int) -> int:
    """The offset of the last sentence end in ``text[lo:at]`` (a title's period is none), or -1."""
    end = at
    while True:
        end = max((text.rfind(ch, lo, end) for ch in _SENTENCE_END), default=-1)
        if end < 0 or not _title_period(text, end):
            return end


def _fronted_adverbial(text: str, comma: int) -> bool:
    """Does a short phrase (six words at most) or a fronted clause of any length ("When Mr. Trump
    tried to defend his remarks ..., Mr. Kasich forcefully differed") open the sentence before
    ``comma``?"""
    lo = max(0, comma - 300)
    start = _sentence_end_before(text, lo, comma)
    if start < 0 and lo > 0:
        return False
    words = text[start + 1 : comma].split()
    if not words:
        return False
    if len(words) <= 6:
        return True
    opener = words[0].strip("“\"'(").lower()
    return opener in _FRONTED_OPENERS and "," not in text[start + 1 : comma]


def article_mentions(text: str, registry: dict[str, str]) -> list[dict]:
    """The people, organisations and outlets an article mentions, in text order: a person by any
    part of a name the registry holds (its span widened to the full name where the text writes it
    out), an organisation or an outlet by a run of capitalised words whose last word the shared
    mention layer classes so ("the Islamic Revolutionary Guards Corps", "Reuters")."""
    from ..mentions import mention_class

    out: list[dict] = []
    covered = -1
    for m in _CAP_RUN.finditer(text):
        run_start, run_end = m.span()
        words = list(_CAP_WORD.finditer(text, run_start, run_end))
        while words and words[0].group().lower() in _FUNCTION_CAPS:
            words = words[1:]  # "Although Yemen’s ...": a sentence-opening word is no part of it
        if not words:
            continue
        run_start = words[0].start()
        persons = [w for w in words if registry.get(strip_possessive(w.group()))]
        if persons:
            last = persons[-1]
            full = registry[strip_possessive(last.group())]
            end = last.start() + len(strip_possessive(last.group()))
            start = end - len(full) if text[max(0, end - len(full)) : end] == full else last.start()
            out.append(_mention(text, max(start, run_start), end, "person", full))
            covered = end
            continue
        tail = strip_possessive(words[-1].group()) if words else ""
        kind = mention_class(tail, True) if tail else None
        places = _lexicon().kinds.get("place", ())
        if strip_possessive(text[run_start:run_end]).lower() in places:
            continue  # "West Bank", "United States": a place, whatever its last word
        if kind in ("organization", "media") and run_start >= covered:
            end = run_start + len(strip_possessive(text[run_start:run_end]))
            out.append(_mention(text, run_start, end, kind, text[run_start:end]))
    return out


def _mention(text: str, start: int, end: int, kind: str, name: str) -> dict:
    return {"start": start, "end": end, "text": text[start:end], "kind": kind, "name": name}
