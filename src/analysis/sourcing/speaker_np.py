"""Speaker noun phrases: the person name a speaker phrase holds, its head noun and head class.

A speaker phrase is read as segments (split at commas, dashes and brackets: "Salah al-Obaidi, a
top aide to al-Sadr"), the first of which holds the head. Within a segment, a run of capitalised
words is split at its last title or role word ("Selangor State Police Chief | Abdul Samah Mat",
"Secretary of State | Condoleezza Rice"); what follows is a person's name when it holds no
organisation, place or outlet word. The word right before a name says what it names: a role
("analyst Hazem al-Nuaeimi") a person, a media noun ("press agency Prensa Latina") an outlet.

The head class decides the source type when no person is named (``speaker_type``): an outlet is
media; an organisation's statement or website is the organisation (``organization_voice``); other
documents are documents; people by role or occupation are anonymous; organisations, metonyms and
states acting together are organisations. The classes live in ``data/noun_heads.csv`` and
``data/source_lexicon.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..english import first_names, is_common_word, is_content_word_only, is_noun_only
from ..mentions import head_class
from ..paths import package_data_dir
from .data import (
    _DETERMINERS,
    _FRACTIONS,
    _FUNCTION_CAPS,
    _GROUP_HEADS,
    _HEAD_STOPS,
    _MEDIA_HEADS,
    _MODIFIER_OPENERS,
    _NAME_PARTICLES,
    _NOT_OUTLET_MODIFIERS,
    _NUMBERS,
    _ORGANIZATION_HEADS,
    _PARTISAN_LABELS,
    _PERSON_RELATIVES,
    _PREPOSITIONS,
    _PRONOUNS,
    _TIME_PREMODIFIERS,
    _TIME_WORDS,
    SourcingDataError,
    _lexicon,
    _rows,
    first_name_genders,
    given_name_start,
    is_title,
    not_in_names,
)
from .tokens import _Tok, is_possessive, name_word, strip_possessive

HEAD_CLASSES = (
    "organization_voice person_role_head collective_organization_head place_authority_head "
    "media_name_head organization_name_word outlet_noun quantifier partitive_head"
).split()
_SEGMENT_BREAKS = frozenset(",;()[]—–")
# lexicon kinds whose words never belong to a person's name
_NOT_NAME_KINDS = (
    "title",
    "role",
    "person_title",
    "place",
    "demonym",
    "org_keyword",
    "org_name",
    "media_outlet",
    "media_noun",
    "document_noun",
    "anonymous",
)
_PERSON_BEFORE_KINDS = ("title", "role", "person_title", "anonymous")


@lru_cache(maxsize=1)
def head_classes() -> dict[str, frozenset[str]]:
    """The head-noun classes of ``data/noun_heads.csv`` (class -> lower-cased words), checked."""
    path = package_data_dir() / "noun_heads.csv"
    found: dict[str, set[str]] = {}
    for line, r in _rows(path, ("class", "word", "note")):
        if r["class"] not in HEAD_CLASSES or not r["word"] or not r["note"]:
            raise SourcingDataError(f"{path}:{line}: unknown class or empty word/note ({r})")
        found.setdefault(r["class"], set()).add(r["word"].lower())
    missing = [c for c in HEAD_CLASSES if c not in found]
    if missing:
        raise SourcingDataError(f"{path}: no row of class {', '.join(missing)}")
    return {k: frozenset(v) for k, v in found.items()}


def _core(tok: _Tok) -> str:
    """The word without a possessive or an abbreviation's period, lower-cased."""
    return strip_possessive(tok.text).rstrip(".").lower()


def _kind_of(word: str) -> frozenset[str]:
    """The lexicon kinds of ``_NOT_NAME_KINDS`` that hold the word, remembered per word: a phrase
    asks for each of its words several times, and the words recur across articles."""
    found = _KINDS_OF.get(word)
    if found is None:
        if len(_KINDS_OF) >= _KINDS_OF_LIMIT:
            _KINDS_OF.clear()
        found = _KINDS_OF[word] = _kinds_in_lexicon(word)
    return found


def _kinds_in_lexicon(word: str) -> frozenset[str]:
    kinds = _lexicon().kinds
    found = frozenset(k for k in _NOT_NAME_KINDS if word in kinds.get(k, ()))
    if not found and "-" in word and is_title(word):
        found = frozenset(("title",))  # "Vice-President", "Editor-in-Chief": a compound of titles
    return found


# ``_kind_of`` of each word asked: bounded like the other memos, cleared by ``clear_memo``
_KINDS_OF: dict[str, frozenset[str]] = {}
_KINDS_OF_LIMIT = 100_000


def _is_particle(tok: _Tok) -> bool:
    """ "al", "bin", "de" alone, or joined to a capitalised part: "al-Megrahi", "el-Sisi"."""
    low = tok.low
    if low in _NAME_PARTICLES:
        return True
    head, _, rest = tok.text.partition("-")
    return bool(rest) and head.lower() in _NAME_PARTICLES and rest[:1].isupper()


def _capitalised(tok: _Tok) -> bool:
    return (
        tok.is_word
        and (tok.cap or _is_particle(tok))
        and not not_in_names(tok.text)
        and tok.low not in head_classes()["quantifier"]
    )


def segments(toks: list[_Tok]) -> list[list[_Tok]]:
    """The phrase split at commas, dashes and brackets; empty segments dropped."""
    out: list[list[_Tok]] = [[]]
    bracket = False
    for t in toks:
        if t.text in "()":
            bracket = t.text == "("  # "(JIG)", "(D-Ga.)": an aside, neither a split nor a word
        elif bracket:
            continue
        elif t.text in _SEGMENT_BREAKS:
            out.append([])
        elif t.is_word:
            out[-1].append(t)
    return [s for s in out if s]


def _runs(seg: list[_Tok]) -> list[tuple[int, int]]:
    """(start, end) of the runs of capitalised words of a segment."""
    runs, start = [], None
    for i, t in enumerate(seg + [_Tok(",", 0, 0)]):
        # a month that is also a name continues a run ("Theresa May"), it opens none ("May 3")
        time_word = _core(t) in _TIME_WORDS and not (
            start is not None and month_as_surname(seg[i - 1], t)
        )
        if i < len(seg) and _capitalised(t) and not time_word:
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def month_as_surname(prev: _Tok, tok: _Tok) -> bool:
    """Is a capitalised month that is also a first name a surname, right after a capitalised word
    that is no time word ("Theresa May", "Yin Myint May"; "Last May", "Tuesday May 3" are times)?"""
    return (
        tok.cap
        and _core(tok) in first_name_genders()
        and prev.cap
        and prev.is_word
        and _core(prev) not in _TIME_WORDS
        and _core(prev) not in _TIME_PREMODIFIERS
    )


def _name_in_run(seg: list[_Tok], a: int, b: int) -> tuple[str | None, int]:
    """The person name ending a run, and where it starts (after the last title, role or
    organisation word). A single word counts only right after a title or role."""
    cut = a
    for i in range(a, b - 1):
        if _kind_of(_core(seg[i])) or _core(seg[i]) in head_classes()["organization_name_word"]:
            cut = i + 1
    cut += given_name_start([_core(t) for t in seg[cut:b]])  # "Offensive Things | Donald Trump"
    words = seg[cut:b]
    if not words or any(_kind_of(_core(t)) - {"place"} for t in words[:-1]):
        return None, cut
    # "Mr. Singer", "Mr. King", "Ms. Hill": after a courtesy title (word_classes.csv
    # gender_title) one capitalised word is a surname, whatever else the lexicon knows it as
    # ("Justice Department" is no such title's)
    titled = (
        len(words) == 1 and cut > 0 and _core(seg[cut - 1]) in _lexicon().values["gender_title"]
    )
    if _kind_of(" ".join(_core(t) for t in words)) and not titled:
        return None, cut  # "North Korea", "New York Times": a known place or outlet
    if any(_core(t) in head_classes()["organization_name_word"] for t in words):
        return None, cut
    last_kinds = _kind_of(_core(words[-1]))
    if len(words) == 1:
        before = _core(seg[cut - 1]) if cut > 0 else ""
        # "al-Sadr": a surname; "Al-Shabaab" (a capital particle, alone): an organisation's name
        joined = "-" in words[0].text and _is_particle(words[0]) and words[0].text[0].islower()
        licensed = _kind_of(before) & set(_PERSON_BEFORE_KINDS)
        if before in head_classes()["quantifier"]:
            licensed = frozenset()  # "Some Germans", "many Latinos": people counted, no surname
        if (last_kinds and not titled) or not (joined or licensed):
            return None, cut
    elif last_kinds - {"place", "title"} and not first_name_with_word_surname(words):
        return None, cut  # "Amnesty International", "Fox News": not a person
    elif _people_label(words[-1]) and _core(words[0]) not in first_names():
        return None, cut  # "another New Hampshire Democrat": a party or a people, described
    elif common_words_run(words):
        return None, cut  # "Real Clear Politics", "Team Trump", "Black Lives Matter": no person
    if _core(words[0]) in _NAME_PARTICLES and len(words) == 1:
        return None, cut
    name = " ".join(name_word(t.text) for t in words)
    return name, cut


def common_words_run(words: list[_Tok]) -> bool:
    """Do ordinary words open and close the capitalised run, with no first name ("Real Clear
    Politics", "United Technologies", "Team Trump", "Fascist Trump" on a shirt)? A person's
    name opens with a given name or closes with a surname that is no common noun ("Rand Paul",
    "Pat Miller", "Kim Wells")."""
    if len(words) < 2 or any(is_possessive(t.text) for t in words[:-1]):
        return False  # "Purple PAC's Crane": an owner's name before a person's
    last = _core(words[-1])
    return (
        is_content_word_only(_core(words[0])) and is_content_word_only(last) and is_noun_only(last)
    )


def _people_label(tok: _Tok) -> bool:
    """A party label or a people's name, singular or plural ("Democrat", "Republicans",
    "Germans"): the head of a description, no surname."""
    low = _core(tok)
    singular = low.removesuffix("s")
    return singular in _PARTISAN_LABELS or "demonym" in (_kind_of(low) | _kind_of(singular))


# the kinds of a lexicon word that is also a surname after a first name: an outlet ("Marc Lamont
# Hill", "The Hill") or a title ("Amy Pope", "Pete King", "Angus King"); an organisation's or a
# group's word is never one ("Donald Trump Foundation")
_SURNAME_WORD_KINDS = frozenset(("media_outlet", "title", "person_title", "place", "demonym"))


def first_name_with_word_surname(words: list[_Tok]) -> bool:
    """Does a run that opens with a first name end in a word the lexicon knows as an outlet or a
    title ("Marc Lamont Hill", "Amy Pope, deputy homeland security advisor", "New York
    Congressman Pete King")? It is a person's name; the outlets' own multi-word names are known
    ("Fox News")."""
    first = _core(words[0])
    # a first name that is also a place is none here ("China’s South | China Sea")
    return (
        first in first_name_genders()
        and not _kind_of(first)
        and _kind_of(_core(words[-1])) <= _SURNAME_WORD_KINDS
    )


@dataclass(frozen=True)
class SpeakerPhrase:
    """What a speaker phrase is: its head noun, the person it names (if any) and the word before
    that name (which says what the name names)."""

    head: str
    name: str | None
    before_name: str
    words: tuple[str, ...]
    capitalised: tuple[str, ...]


def _head_region(seg: list[_Tok]) -> list[_Tok]:
    """The words of a segment before its first post-modifier ("officials | of the ministry",
    "A statement | released by ...", "A draft resolution | being considered ...")."""
    for i, t in enumerate(seg):
        if i > 0 and not t.cap and (t.low in _HEAD_STOPS or _participle_after_noun(seg, i)):
            return seg[:i]
        if _time_adjunct_after_noun(seg, i):
            return seg[:i]
    return seg


def _time_adjunct_after_noun(seg: list[_Tok], i: int) -> bool:
    """A time adjunct after a determiner and a noun ("a report | last year", "a report | Tuesday
    from WKOW", "data released | Friday"): a time is never the head ("USA Today" is a name)."""
    if i < 2 or not seg[i - 1].is_word or _core(seg[i - 1]) in _TIME_PREMODIFIERS:
        return False
    low = _core(seg[i])
    if low in _TIME_PREMODIFIERS:
        return i + 1 < len(seg) and _core(seg[i + 1]) in _TIME_WORDS
    # a capitalised time word only after a common noun: "USA Today" is a name
    return (
        low in _TIME_WORDS
        and not is_possessive(seg[i].text)
        and not (seg[i].cap and (seg[i - 1].cap or seg[i].text.isupper()))
    )


def _participle_after_noun(seg: list[_Tok], i: int) -> bool:
    """A reduced relative clause: a lower-case -ed or -ing word after two or more words, or after
    a capitalised head ("House Republicans supporting the bill", "Democrats involved in the
    talks"; not "the embattled governor", "Gov. Mike Redding")."""
    low = seg[i].low
    if seg[i].cap or len(low) <= 4 or not low.endswith(("ed", "ing")):
        return False
    if i >= 2:
        return True
    # after a capitalised head, only where a complement follows ("involved in", "supporting the"):
    # "U.S. lobbying records", "Oversight ranking Democrat" are a modifier and its noun
    after = seg[i + 1].low if i + 1 < len(seg) else ""
    return (
        i == 1
        and seg[0].cap
        and seg[0].low not in _FUNCTION_CAPS
        and not is_possessive(seg[0].text)
        and (after in _PREPOSITIONS or after in _DETERMINERS)
    )


def _role_names_run(seg: list[_Tok], lo: int, a: int) -> bool:
    """Does a role word right before the run at ``a`` name it, with no agent or participle between
    the head region's end ``lo`` and it ("Fight for $15 organizing director Kendall Fells",
    "former secretary of state Hillary Clinton"; not "a survey conducted by analyst Elena X")?"""
    if a == 0 or not _kind_of(_core(seg[a - 1])) & {"title", "role"}:
        return False
    between = seg[max(0, lo - 1) : a - 1]
    if any(
        t.low == "for" and k > 0 and _kind_of(_core(between[k - 1])) & _PERSON_KINDS
        for k, t in enumerate(between)
    ):
        return False  # "A spokesman for candidate Hillary Clinton": whom the speaker speaks for
    return not any(
        t.low in ("by", "including") or (t.low.endswith("ed") and not t.cap) for t in between
    )


_PERSON_KINDS = frozenset(("anonymous", "role", "title"))


def _plain_noun_before_name(seg: list[_Tok], a: int, b: int) -> bool:
    """Does a run of two capitalised words or more end a phrase right after a lower-case noun
    of a role the lexicon lacks ("master of ceremonies Asab Al-Tabchi")? The noun names the
    run's holder, unless it is a function word or a participle ("officials of Amnesty
    International", "a survey conducted by ...")."""
    if b - a < 2 or a == 0 or b != len(seg):
        return False
    before = seg[a - 1]
    if before.cap or not before.is_word or before.low.endswith(("ed", "ing")):
        return False
    if before.text[:1].isdigit():
        return False  # "an exhibit at 900 Grand Concourse": an address
    return (
        before.low not in _PREPOSITIONS
        and before.low not in _DETERMINERS
        and before.low not in ("and", "or", "but", "by", "including", "like", "as", "what")
        and not any(t.low in ("by", "including", "for") or t.low.endswith("ed") for t in seg[:a])
    )


def _without_place_of(seg: list[_Tok]) -> list[_Tok]:
    """The segment without a closing "of <place>" after a capitalised word ("CBC Chairman G.K.
    Butterfield | of North Carolina", "Sen. Chuck Schumer | of New York"): where a person is from
    follows the name and hides it from the run that must end the segment."""
    runs = _runs(seg)
    if not runs or runs[-1][1] != len(seg):
        return seg
    a = runs[-1][0]
    if a < 2 or seg[a - 1].low != "of" or not _capitalised(seg[a - 2]):
        return seg
    if _kind_of(" ".join(_core(t) for t in seg[a:])) != {"place"}:
        return seg
    run = _runs(seg[: a - 1])[-1]
    person = any(_kind_of(_core(t)) & {"title", "role"} for t in seg[run[0] : run[1]]) or (
        _core(seg[run[0]]) in first_name_genders()
    )
    # a title or a first name says the run is a person's ("the conservative Gun Owners of
    # America", "the Communications Workers of America" are organisations)
    return seg[: a - 1] if person else seg


def _find_name(segs: list[list[_Tok]]) -> tuple[str | None, str]:
    """A person's name in the head segment or a later appositive: the run that ends the segment."""
    for k, seg in enumerate(segs):
        seg = _without_place_of(seg) if k == 0 else seg
        runs = _runs(seg)
        if not runs or runs[-1][1] != len(seg):
            continue
        a, b = runs[-1]
        owner = max((i for i in range(a, b - 1) if is_possessive(seg[i].text)), default=None)
        if owner is not None and b - owner > 2:
            # "The Korean Institute for Defense Analyses's Kim Chang-su": the name after the owner
            name, cut = _name_in_run(seg, owner + 1, b)
            if name:
                return name, _core(seg[owner])
        region = _head_region(seg)
        if (
            a >= len(region)
            and not (region[-1].cap and _kind_of(_core(region[-1])) & {"title", "role"})
            and not (k == 0 and _role_names_run(seg, len(region), a))
            and not (k == 0 and _plain_noun_before_name(seg, a, b))
        ):
            # "officials of Amnesty International": the run is a modifier; a role right before it
            # names it ("Fight for $15 organizing director Kendall Fells")
            continue
        name, cut = _name_in_run(seg, a, b)
        if name and (k == 0 or len(name.split()) >= 2):
            return name, (_core(seg[cut - 1]) if cut > 0 else "")
    return None, ""


def analyse(toks: list[_Tok]) -> SpeakerPhrase:
    """The head noun, person name and capitalised words of a speaker phrase."""
    segs = segments(toks)
    if not segs:
        return SpeakerPhrase("", None, "", (), ())
    region = _head_region(segs[0])
    head = _core(region[-1])
    name, before = _find_name(segs)
    caps = tuple(_core(t) for t in region if _capitalised(t))
    return SpeakerPhrase(head, name, before, tuple(_core(t) for t in segs[0]), caps)


def _names_media(phrase: SpeakerPhrase) -> bool:
    kinds, heads = _lexicon().kinds, head_classes()
    outlets = kinds.get("media_outlet", ())
    if phrase.name and phrase.before_name in heads["outlet_noun"]:
        return True  # "press agency Prensa Latina", "the newspaper Haaretz"
    named = set((phrase.name or "").lower().split())  # "Marc Lamont Hill" is no "The Hill"
    if any(w in outlets and w not in named for w in phrase.capitalised):
        return True
    if " ".join(phrase.capitalised) in outlets:
        return True
    last = phrase.capitalised[-1] if phrase.capitalised else ""
    if last and last == phrase.head and _after_outlet_noun(phrase):
        return True  # "the secularist magazine MicroMega", "the science publication Nature"
    if phrase.head.endswith(".com"):
        return True  # "Gawker.com": a website by its address
    # "the Guardian" names the outlet, "Mayor Don Guardian" a person whose name holds the word;
    # a compound of such words names one too ("the Chicago Sun-Times", "the Omaha World-Herald")
    if last == phrase.head and _outlet_compound(last):
        return phrase.capitalised[0] not in first_names()  # "Jean Paul-Post" is a person
    return bool(last) and last == phrase.head and last in heads["media_name_head"] and not named


def _after_outlet_noun(phrase: SpeakerPhrase) -> bool:
    """Does an outlet noun ("magazine", "publication", "newspaper") stand right before the
    capitalised head, naming it?"""
    words, outlets = phrase.words, head_classes()["outlet_noun"]
    if len(words) < 2 or words[-1] != phrase.head or words[-2] not in outlets:
        return False
    # "the space agency NASA": an agency is an outlet only as a news or press agency
    return words[-2] != "agency" or bool({"news", "press"} & set(words))


def _outlet_staff(phrase: SpeakerPhrase) -> bool:
    """A person of an outlet: "NBC’s Ali Vitali", "CNN correspondent Jane Doe" name a person
    (two words or more, none of them the outlet's), who speaks for the outlet."""
    outlets = _lexicon().kinds.get("media_outlet", ())
    if phrase.before_name in head_classes()["outlet_noun"]:
        return False  # "press agency Prensa Latina": the outlet's own name
    name = (phrase.name or "").split()
    if name and _outlet_compound(name[-1].lower()):
        return False  # "the Omaha World-Herald": the outlet's own name
    return len(name) >= 2 and not any(w.lower() in outlets for w in name)


def _outlet_compound(word: str) -> bool:
    """A hyphenated word that an outlet's word closes ("sun-times", "world-herald")."""
    return "-" in word and word.rsplit("-", 1)[1] in head_classes()["media_name_head"]


def _is_place_word(word: str) -> bool:
    """A place or a nationality adjective: the lexicon's, or a capitalised -an/-ese/-i word
    ("Malaysian", "Chinese", "Iraqi") that the lexicon lacks."""
    kinds = _lexicon().kinds
    if word in kinds.get("place", ()) or word in kinds.get("demonym", ()):
        return True
    return word[:1].isalpha() and word.endswith(("an", "ese", "i", "ish")) and len(word) > 4


def _report_type(phrase: SpeakerPhrase, media_seen: bool) -> str:
    """ "the Reuters report": media; "the CIA report", "a 2006 US report": a document; "the
    report" after an outlet was named: media; "Reports indicate": unidentified, anonymous."""
    if _names_media(phrase) or _carried_by_outlet(phrase):
        return "media"
    if phrase.capitalised and phrase.words[0] != "reports":
        return "document"
    if phrase.words[0] == "reports":
        return "anonymous"
    return "media" if media_seen else "document"


def _carried_by_outlet(phrase: SpeakerPhrase) -> bool:
    """Does an outlet carry the report, after "in", "by" or "from" ("a report in the Des Moines
    Register", "an earlier report in a New Hampshire paper")? A report by an outlet is media
    (API.md). The outlet is a known one or a phrase ending in a newspaper's name word."""
    words = phrase.words
    k = words.index(phrase.head) if phrase.head in words else len(words)
    if k + 1 >= len(words) or words[k + 1] not in ("in", "by", "from"):
        return False
    carrier: list[str] = []
    for w in words[k + 2 :]:
        if w in _MODIFIER_OPENERS or w in _PREPOSITIONS:
            break  # "a report in Politico that ...", "a report by the panel of experts"
        if w not in _DETERMINERS:
            carrier.append(w)
    if not carrier:
        return False
    outlets = _lexicon().kinds.get("media_outlet", ())
    last = carrier[-1]
    return (
        " ".join(carrier) in outlets
        or last in _MEDIA_HEADS
        or (last in head_classes()["media_name_head"] and len(carrier) > 1)
    )


def _partisan_people(phrase: SpeakerPhrase) -> bool:
    """Is a party's plural counted or described as people ("Several Republicans", "two Democrats",
    "senior Democrats on the House Judiciary Committee", "Republicans who have praised his
    candidacy", "House Republicans supporting the bill", "Democrats trying to regain control of
    the Senate")? A bare "Republicans said", "the Democrats", "House Republicans" stay the party."""
    head = phrase.head
    if not head.endswith("s") or head.removesuffix("s") not in _PARTISAN_LABELS:
        return False
    at = phrase.words.index(head) if head in phrase.words else 0
    before, after = phrase.words[:at], phrase.words[at + 1 :]
    counted = any(w in head_classes()["quantifier"] or w in _NUMBERS or w.isdigit() for w in before)
    # a lower-case modifier other than a determiner ("senior", "moderate") picks people out
    described = any(w not in phrase.capitalised and w not in _DETERMINERS for w in before)
    if counted or described:
        return True
    first = after[0] if after else ""
    return first in _PERSON_RELATIVES or (len(first) > 4 and first.endswith(("ing", "ed")))


def _organization_head_type(phrase: SpeakerPhrase) -> str:
    """The type of a phrase headed by an organisation word: an outlet's body after a media noun
    ("the editorial board"), people when a party's plural is counted ("Several Republicans"), else
    the organisation ("Putin's administration", "the intelligence agency")."""
    head = phrase.head
    at = phrase.words.index(head) if head in phrase.words else 0
    modifier = phrase.words[at - 1] if at > 0 else ""
    if modifier in _lexicon().kinds.get("media_noun", ()) and modifier not in _NOT_OUTLET_MODIFIERS:
        return "media"
    return "anonymous" if _partisan_people(phrase) else "organization"


def type_without_name(phrase: SpeakerPhrase, media_seen: bool) -> str | None:
    """The source type of a phrase that names no person, by its head noun; None when unknown."""
    kinds, heads = _lexicon().kinds, head_classes()
    head = phrase.head
    if head in heads["organization_voice"] and not _names_media(phrase):
        return "organization"
    if head in phrase.capitalised and any(
        w in heads["organization_name_word"] for w in phrase.capitalised[1:]
    ):
        return "organization"  # "Reporters Without Borders", "Human Rights Watch"
    generic_outlet = head in _MEDIA_HEADS and head in kinds.get("media_noun", ())
    if head == "agency" and not {"news", "press"} & set(phrase.words):
        generic_outlet = False  # "South Korea's national intelligence agency": not an outlet
    if _names_media(phrase) or generic_outlet:
        return "media"
    if head in ("report", "reports"):
        return _report_type(phrase, media_seen)
    if head in kinds.get("document_noun", ()):
        return "document"
    if head in heads["place_authority_head"]:
        return "organization" if any(_is_place_word(w) for w in phrase.words) else "anonymous"
    orgs = kinds.get("org_name", ())
    if head in _GROUP_HEADS and any(w in orgs for w in phrase.capitalised):
        return "organization"  # "Yemen's Iranian-backed Houthi rebels": a named group
    if head in heads["collective_organization_head"]:
        return "organization"
    if head == "members" and any(
        w in kinds.get("org_name", ()) or w in kinds.get("org_keyword", ())
        for w in phrase.words[2:]
    ):
        return "organization"  # "The members of the Security Council": the council speaking
    if head in heads["person_role_head"] or head in kinds.get("anonymous", ()):
        return "organization" if _people_noun_in_a_name(phrase) else "anonymous"
    if head in _ORGANIZATION_HEADS or head in kinds.get("org_keyword", ()):
        return _organization_head_type(phrase)
    if head.endswith("ing") and head[:-3] in kinds.get("document_noun", ()):
        return "document"  # "polling by the A.F.L.-C.I.O.": the poll
    # what the rules above leave open, the shared mention layer decides ("the militia", "the
    # regime": heads the threat side knows as groups and institutions)
    return _MENTION_TYPES.get(head_class(head) or "")


def _people_noun_in_a_name(phrase: SpeakerPhrase) -> bool:
    """Is a common noun of people capitalised after a capitalised word, inside a name ("the
    Communications Workers of America", "United Auto Workers", "Concerned Women for America")?
    Capitals on the head itself mark an organisation's name; a capital on the first word alone
    does not ("Union advocates", "Three of the witnesses")."""
    caps, words, head = phrase.capitalised, phrase.words, phrase.head
    if head not in caps or not is_common_word(head) or head.removesuffix("s") in _PARTISAN_LABELS:
        return False
    at = words.index(head)
    return at > 0 and words[at - 1] in caps


# a head class of the shared mention layer (analysis.mentions) as a source type
_MENTION_TYPES = {
    "person": "anonymous",
    "title": "anonymous",
    "organization": "organization",
    "group": "organization",  # "the rebels said": a group acting as one (wikinews_dev coding)
    "media": "media",
    "document": "document",
}


def speaker_type(toks: list[_Tok], media_seen: bool) -> tuple[str, str | None] | None:
    """(source_type, person name as written) of a speaker phrase, or None when the head noun does
    not decide (the caller's older rules then apply).

    >>> from .tokens import _tokens
    >>> def t(s): return speaker_type(_tokens(s, 0, len(s)), False)
    >>> t("Iraqi political analyst Hazem al-Nuaeimi")
    ('named_person', 'Hazem al-Nuaeimi')
    >>> t("Selangor State Police Chief Abdul Samah Mat")
    ('named_person', 'Abdul Samah Mat')
    >>> t("Cuban press agency Prensa Latina"), t("The Daily Telegraph"), t("An Iraqi policeman")
    (('media', None), ('media', None), ('anonymous', None))
    >>> t("the statement"), t("The CIA report"), t("Malaysian authorities")
    (('organization', None), ('document', None), ('organization', None))
    >>> t("Medical authorities")
    ('anonymous', None)
    >>> t("master of ceremonies Asab Al-Tabchi")
    ('named_person', 'Asab Al-Tabchi')
    >>> t("a number of writers"), t("Three of the witnesses")
    (('anonymous', None), ('anonymous', None))
    >>> t("Mr. King"), t("the Afghan team's coach")
    (('named_person', 'King'), ('anonymous', None))
    >>> t("U.S.-based Aurora Innovation"), t("London-based analyst John Smith")
    (('organization', None), ('named_person', 'John Smith'))
    """
    return _speaker_type_of(tuple(t.text for t in toks), media_seen)


def _based_before_name(words: list[_Tok], name: str) -> bool:
    """Is the name right after a "<place>-based" modifier ("U.S.-based Aurora Innovation",
    "Boston-based Acme")? A firm or a group is based somewhere; a person is described by a role
    ("London-based analyst John Smith" keeps its noun between). The tokenizer splits "U.S.-based"
    into "U.S." and "based"."""
    first = name.split()[0]
    last = name.split()[-1]
    if first.lower() in first_name_genders() and first != last and not is_common_word(last.lower()):
        return False  # "Texas-based Matt Mackowiak": a person's name ("Aurora Innovation": none)
    return any(w.low.endswith("based") and nxt.text == first for w, nxt in zip(words, words[1:]))


def _after_partitive(toks: list[_Tok]) -> list[_Tok] | None:
    """The noun phrase after "of" in a quantity of it ("Three of the witnesses", "a number of
    writers", "62 percent of respondents", "most of the delegates"): a quantity word right before
    an "of" among the first six tokens; its type is the phrase's. None when the phrase is no such
    quantity."""
    at = next((k for k, t in enumerate(toks[:6]) if t.low == "of"), None)
    if not at or at + 1 >= len(toks) or not all(t.is_word for t in toks[:at]):
        return None  # "Benjamin J. Rhodes, one of the president's closest aides": an apposition
    if any(t.cap for t in toks[1:at]) or (toks[0].cap and _is_name_word(toks[0])):
        return None  # "PolitiFact rated 32% of ...": a name before the quantity
    quantity = _core(toks[at - 1])
    if not (quantity.isdigit() or quantity in _FRACTIONS or _is_quantity_word(quantity)):
        return None
    return toks[at + 1 :]


def _is_quantity_word(low: str) -> bool:
    """A number word, a quantifier or a quantity noun (``partitive_head``): "three", "most",
    "dozens", "majority"."""
    classes = head_classes()
    return low in _NUMBERS or low in classes["quantifier"] or low in classes["partitive_head"]


def _is_name_word(tok: _Tok) -> bool:
    """A capitalised word that opens a quantity only when it is a quantity or a determiner
    ("Three of", "Hundreds of", "Nearly all of", "The majority of"), not a name."""
    low = _core(tok)
    return not (_is_quantity_word(low) or low in _DETERMINERS or low in _APPROXIMATORS)


# words that may open a quantity before its number or quantifier ("Nearly all", "More than half")
_APPROXIMATORS = frozenset(("about", "nearly", "almost", "more", "less", "over", "roughly", "some"))


def clear_memo() -> None:
    """Forget the speaker phrases typed so far (benchmarks time every run cold)."""
    _speaker_type_of.cache_clear()
    _KINDS_OF.clear()


@lru_cache(maxsize=65536)
def _speaker_type_of(texts: tuple[str, ...], media_seen: bool) -> tuple[str, str | None] | None:
    """``speaker_type`` of the token texts: the decision reads the words only, never their
    offsets, and the same phrases ("he", "officials", "Trump") recur in every article."""
    toks = [_Tok(x, 0, 0) for x in texts]
    words = [t for t in toks if t.is_word]
    if len(words) == 1 and words[0].low in _PRONOUNS:
        return None
    rest = _after_partitive(toks)
    if rest is not None:
        kind = _speaker_type_of(tuple(t.text for t in rest), media_seen)
        if kind is not None and kind[0] == "anonymous":
            # "Three of the witnesses", "a number of writers", "dozens of officials"; a share of
            # an organisation or a party keeps the older rules ("62 percent of Democrats")
            return kind
    phrase = analyse(toks)
    if phrase.name:
        if _names_media(phrase) and not _outlet_staff(phrase):
            return "media", None
        if _based_before_name(words, phrase.name):
            return "organization", None
        return "named_person", phrase.name
    kind = type_without_name(phrase, media_seen)
    tail = _capitalised_tail(words)
    before = words[: len(words) - len(tail)]
    if kind is None and common_words_run(tail) and _only_determiners(before):
        kind = "organization"  # "the Eagle Forum", "Black Lives Matter": a name of no person
    if kind is None and len(words) == 1 and WEB_ADDRESS.fullmatch(words[0].low):
        kind = "organization"  # "ouest-france.fr": a site the lexicon does not know as media
    return (kind, None) if kind else None


#: a web address as one token ("ouest-france.fr", "politico.com"): the name of a site
WEB_ADDRESS = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|[a-z]{2})")


def _only_determiners(words: list[_Tok]) -> bool:
    return all(t.low in _DETERMINERS for t in words)


def _capitalised_tail(words: list[_Tok]) -> list[_Tok]:
    """The capitalised words that close the phrase ("the | Eagle Forum")."""
    k = len(words)
    while k > 0 and words[k - 1].cap:
        k -= 1
    return words[k:]
