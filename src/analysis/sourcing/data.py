"""Sourcing data: one loader that reads and checks every data file the sourcing rules read.

- ``data/reporting_verbs.csv``: one row per word form: ``form``, ``lemma``, ``category``, ``cue``
  (``yes``: the form is a reporting cue; ``no``: a form kept only for a behaviour flag), the
  behaviour flags (``yes`` or empty, see ``VERB_FLAGS``) and a ``note``;
- ``data/source_lexicon.csv``: ``term``, ``kind`` (anonymity descriptors, outlets, document nouns,
  organisation words, places, titles, role nouns, pronouns) and ``note``;
- ``data/word_classes.csv``: ``class``, ``word``, ``value`` (a number's count, a pronoun's number)
  and ``note``: the function-word classes the constructions read;
- ``data/first_names.csv``: ``name``, ``gender``, ``p_female``, ``count``, ``source``: first names
  of near-certain gender, for pronoun agreement (``first_name_genders``).

Every class, kind and flag the rules name is checked at load time: a file that lacks one fails
with a ``SourcingDataError`` that names the file, the row or the missing name. The Python word
sets below are derived from the files, never written in code.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..english import is_common_word, tagger_lexicon
from ..inflection import inflections
from ..paths import package_data_dir

# what each flag of reporting_verbs.csv means to the rules
VERB_FLAGS = {
    "weak": "reports only with a content clause or a quote ('a poll found that ...', not "
    "'police found a body')",
    "to_infinitive": "a weak verb whose content can be a to-infinitive ('vowed to ...')",
    "object_content": "a weak verb whose plain object is its content ('denied the allegation')",
    "question": "its content can open with if/whether ('asked whether ...')",
    "finding": "a document subject reports with it without 'that' ('a poll showed Clinton ahead')",
    "participle": "after a comma, reports with the main clause's subject ('..., warning of ...')",
    "noun_like": "also a noun: after a determiner it is not a verb ('the report said')",
    "addressee": "its plain object is the person addressed, not the content: after a postposed "
    "cue, 'told the paper over the phone' is an adjunct",
}
# the function-word classes the constructions read (word_classes.csv)
WORD_CLASSES = (
    "clause_stop time_word adverb speaker_pronoun number function_cap determiner preposition "
    "modal be_form person_head complement non_verb_cue verb_premodifier collective_subject "
    "colon_label descriptor_opener name_connector name_particle time_premodifier "
    "time_preposition subject_opening_connective subject_preposition not_speaker_opener "
    "clause_auxiliary not_verb_word head_stop modifier_opener media_head group_head "
    "described_person_head partisan_label organization_head postposed_object question_word "
    "object_pronoun colon_lead_in agent_stop inner_name_word np_opener sentence_connective "
    "subordinator fronted_opener subject_pronoun adverbial_opener complement_preposition "
    "relative_pronoun person_relative statement_noun statement_noun_complement "
    "final_abbreviation for_statement_noun of_complement_verb not_a_name not_a_speaker "
    "org_connector time_phrase_noun gender_title pronoun_gender period_abbreviation "
    "place_name_head unnamed_person_head person_noun_gender report_np_edge present_finite "
    "past_finite not_outlet_modifier surname_prefix negative_subject preposition_sense "
    "as_complement_verb statement_occasion poll_noun standing_word fraction "
    "coordinating_conjunction"
).split()
# the kinds of source_lexicon.csv the rules read
LEXICON_KINDS = (
    "anonymous anonymity_phrase role title person_title place demonym org_name org_keyword "
    "media_outlet media_noun document_noun pronoun"
).split()
_YES_EMPTY = ("yes", "")


class SourcingDataError(ValueError):
    """A data file of the sourcing rules is missing a column, a class, a kind, or has a bad row."""


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, str]  # cue form -> category
    kinds: dict[str, frozenset[str]]  # source lexicon kind -> lower-cased terms
    multi: dict[str, tuple[tuple[str, ...], ...]]  # kind -> its multi-word terms, longest first
    flags: dict[str, frozenset[str]]  # behaviour flag -> forms
    classes: dict[str, frozenset[str]]  # word class -> words
    values: dict[str, dict[str, str]]  # word class -> word -> value


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of a CSV file that must have ``columns``."""
    if not path.is_file():
        raise SourcingDataError(f"{path}: the file is missing")
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise SourcingDataError(f"{path}: missing column(s) {', '.join(missing)}")
        return [(k + 2, {c: (r[c] or "") for c in reader.fieldnames}) for k, r in enumerate(reader)]


def _forms_of(r: dict[str, str]) -> list[tuple[str, str]]:
    """(form, tag) of a row: its one form, or with ``*`` every inflection of its lemma."""
    if r["form"] != "*":
        return [(r["form"].lower(), "")]
    return sorted(inflections(r["lemma"].lower(), "verb", guess_unknown=False).items())


def _flag_fits(flag: str, tag: str) -> bool:
    """A generated form takes a row's flag when the flag fits its tag: a participle flag only
    the -ing form ("..., urging ..."), a noun flag only the base and -s forms ("the blasts")."""
    if flag == "participle":
        return tag in ("", "VBG")
    if flag == "noun_like":
        return tag in ("", "VB", "VBP", "VBZ")
    return True


def _load_verbs(path: Path) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    verbs: dict[str, str] = {}
    flags: dict[str, set[str]] = {f: set() for f in VERB_FLAGS}
    explicit = set()
    for line, r in _rows(path, ("form", "lemma", "category", "cue", *VERB_FLAGS, "note")):
        bad = [f for f in VERB_FLAGS if r[f] not in _YES_EMPTY]
        if (
            not r["form"]
            or (r["form"] == "*" and not r["lemma"])
            or r["cue"] not in ("yes", "no")
            or bad
        ):
            raise SourcingDataError(
                f"{path}:{line}: need a form (or * and a lemma), cue yes/no and flags yes or empty "
                f"(got {r})"
            )
        for form, tag in _forms_of(r):
            if r["form"] == "*" and form in explicit:
                continue  # a form listed on its own row keeps that row's behaviour
            if r["form"] != "*":
                explicit.add(form)
            if r["cue"] == "yes":
                verbs[form] = r["category"]
            for f in VERB_FLAGS:
                # a generated participle flag belongs to the -ing form only ("..., urging ...")
                if r[f] == "yes" and _flag_fits(f, tag):
                    flags[f].add(form)
    return verbs, {f: frozenset(v) for f, v in flags.items()}


def _load_lexicon(path: Path) -> tuple[dict, dict]:
    kinds: dict[str, set[str]] = {}
    multi: dict[str, list[tuple[str, ...]]] = {}
    for _line, r in _rows(path, ("term", "kind", "note")):
        term = r["term"].strip()
        kinds.setdefault(r["kind"], set()).add(term.lower().rstrip("."))
        words = tuple(w.lower().rstrip(".") for w in re.findall(r"[\w.'’\-]+", term))
        if len(words) > 1:
            multi.setdefault(r["kind"], []).append(words)
    _require(path, "kind", LEXICON_KINDS, kinds)
    return (
        {k: frozenset(v) for k, v in kinds.items()},
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in multi.items()},
    )


def _load_classes(path: Path) -> tuple[dict, dict]:
    classes: dict[str, set[str]] = {}
    values: dict[str, dict[str, str]] = {}
    for line, r in _rows(path, ("class", "word", "value", "note")):
        if not r["class"] or not r["word"] or not r["note"]:
            raise SourcingDataError(f"{path}:{line}: need a class, a word and a note (got {r})")
        classes.setdefault(r["class"], set()).add(r["word"])
        values.setdefault(r["class"], {})[r["word"]] = r["value"]
    _require(path, "class", WORD_CLASSES, classes)
    return {k: frozenset(v) for k, v in classes.items()}, values


def _require(path: Path, what: str, names: Iterable[str], found: dict) -> None:
    missing = [n for n in names if n not in found]
    if missing:
        raise SourcingDataError(
            f"{path}: no row of {what} {', '.join(missing)} (the rules read it)"
        )


def load(data_dir: Path) -> _Lexicon:
    """Read and check the three data files of ``data_dir``; raises ``SourcingDataError``."""
    verbs, flags = _load_verbs(data_dir / "reporting_verbs.csv")
    kinds, multi = _load_lexicon(data_dir / "source_lexicon.csv")
    classes, values = _load_classes(data_dir / "word_classes.csv")
    path = data_dir / "word_classes.csv"
    for word, number in values["speaker_pronoun"].items():
        if number not in ("sg", "pl") or word not in kinds["pronoun"]:
            raise SourcingDataError(
                f"{path}: speaker_pronoun {word!r} needs value sg or pl and a pronoun row in "
                "source_lexicon.csv"
            )
    for name in ("gender_title", "pronoun_gender", "person_noun_gender"):
        if not all(v in ("male", "female") for v in values[name].values()):
            raise SourcingDataError(f"{path}: every {name} row needs value male or female")
    if not all(v.isdigit() for v in values["number"].values()):
        raise SourcingDataError(f"{path}: every number row needs its count in value")
    return _Lexicon(verbs, kinds, multi, flags, classes, values)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Lower-cased first name -> "male" or "female", for names whose gender is near-certain
    (``data/first_names.csv``, built by ``tools/build_first_names.py`` from nomquamgender's table;
    "Jan", "Kim", "Bernie" are not in it). A pronoun does not take a person of the other gender.

    >>> names = first_name_genders()
    >>> names["hillary"], names["donald"], "jan" in names
    ('female', 'male', False)
    """
    path = package_data_dir() / "first_names.csv"
    titles = _lexicon().kinds.get("person_title", frozenset())
    out = {}
    for line, r in _rows(path, ("name", "gender")):
        if r["gender"] not in ("male", "female"):
            raise SourcingDataError(f"{path}:{line}: gender must be male or female")
        if r["name"].lower() not in titles:  # "Judge", "Sheikh", "King" are titles first
            out[r["name"].lower()] = r["gender"]
    return out


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return load(package_data_dir())


def word_class(name: str) -> frozenset[str]:
    """The words of a class of ``word_classes.csv``; a class the file lacks is an error."""
    classes = _lexicon().classes
    if name not in classes:
        raise SourcingDataError(f"word_classes.csv has no class {name!r}")
    return classes[name]


def verb_flag(name: str) -> frozenset[str]:
    """The forms of ``reporting_verbs.csv`` with a behaviour flag."""
    if name not in VERB_FLAGS:
        raise SourcingDataError(f"reporting_verbs.csv has no flag {name!r}")
    return _lexicon().flags[name]


_WEAK_VERBS = verb_flag("weak")
_TO_VERBS = verb_flag("to_infinitive")
_OBJECT_VERBS = verb_flag("object_content")
_ADDRESSEE_VERBS = verb_flag("addressee")
_ASK_VERBS = verb_flag("question")
_FINDING_VERBS = verb_flag("finding")
_PARTICIPLES = verb_flag("participle")


def _tagged_nouns() -> frozenset[str]:
    """The reporting-verb forms pattern's tagger lexicon knows as nouns ("dispute", "hint",
    "praise", "stresses"): nouns after a determiner or a modifier, like the forms flagged
    ``noun_like`` ("A dispute is erupting", "Republican calls for"); -ing forms stay verbs."""
    tags = tagger_lexicon()
    return frozenset(
        v
        for v in _lexicon().verbs
        if not v.endswith("ing") and tags.get(v, frozenset()) & {"NN", "NNS"}
    )


_NOUN_LIKE = verb_flag("noun_like") | _tagged_nouns()

# Tags of closed word classes in pattern's English lexicon (shipped with TextBlob): adverbs,
# prepositions, determiners, conjunctions, pronouns, interjections, wh-words. A capitalised word of
# these classes is never part of a person's name ("Even Lindsey Graham", "Why Hillary Clinton",
# "Despite Mr. Trump", "Therefore, Gulf sources" on PolNeAR train); modals are left out ("Will",
# "May" are names), and so are the particles of names and the words of place names.
_CLOSED_TAGS = frozenset("RB RBR RBS WRB IN DT PDT WDT WP WP$ CC EX TO UH PRP PRP$".split())
_NUMBER = frozenset(("CD",))


@lru_cache(maxsize=1)
def closed_class_words() -> frozenset[str]:
    """Lower-case words that TextBlob's tagger lexicon gives a closed-class tag ("even",
    "therefore", "despite", "why", "both") or only a number's ("one", "million"), and the
    auxiliaries that invert a clause (``inverted_auxiliary``: "Does", "Had"), name particles
    excepted.

    >>> {"even", "despite", "why"} <= closed_class_words(), "trump" in closed_class_words()
    (True, False)
    """
    words = {w for w, tags in tagger_lexicon().items() if tags & _CLOSED_TAGS or tags == _NUMBER}
    # "One Sanders-endorsed candidate", "Does Rubio, like Tilton, ...": a number word or an
    # auxiliary that inverts a clause opens the sentence, no name
    words |= word_class("inverted_auxiliary")
    # words of the lexicon's place names stay ("South Carolina", "North Korea")
    places = {w for n in _lexicon().kinds.get("place", ()) for w in n.split()[:-1]}
    return frozenset(words - _NAME_PARTICLES - (places - _FUNCTION_WORDS_OF_PLACES))


def is_closed_class(word: str) -> bool:
    """Is ``word`` (as written) a closed-class word? A short acronym is not ("US" is no "us"; a
    headline's "THAN" is "than").

    >>> is_closed_class("Even"), is_closed_class("US"), is_closed_class("Graham")
    (True, False, False)
    """
    return word.lower() in closed_class_words() and not (1 < len(word) < 4 and word.isupper())


def given_name_start(lows: list[str]) -> int:
    """Where a person's name starts in a run of capitalised words (lower-cased): after the last
    ordinary English word that stands right before a first name of ``first_names.csv`` and is no
    first name itself ("Offensive Things | Donald Trump", "Conservative Icon | Morton Blackwell", a
    title-case headline's words), or a hyphenated modifier ("South Korean-born | Monte Haines");
    0 when none. Two words at least stay, and no place is cut ("New
    York", "South Carolina").

    >>> given_name_start("offensive things donald trump".split())
    2
    >>> given_name_start(["bill", "clinton"]), given_name_start(["j.", "gerald", "hebert"])
    (0, 0)
    """
    names, places = first_name_genders(), _lexicon().kinds.get("place", ())
    start = 0
    for i in range(len(lows) - 2):
        word, nxt = lows[i], lows[i + 1]
        if len(word.rstrip(".")) < 2:
            continue  # an initial: "J. Gerald Hebert"
        if compound_modifier(word) and not is_title(nxt.rstrip(".")):
            start = (
                i + 1
            )  # "South Korean-born | Monte Haines" ("Manhattan-made Mr. Trump": a title)
        elif nxt in names and word not in names and is_common_word(word.rstrip(".")):
            if f"{word} {nxt}" not in places and not _opens_place(f"{word} {nxt}", places):
                start = i + 1
    return start


def _opens_place(words: str, places: frozenset[str]) -> bool:
    return any(p.startswith(words + " ") for p in places)


def is_title(low: str) -> bool:
    """Is the lower-cased word a title (source_lexicon.csv kind title), or a hyphenated compound
    that opens and closes with one ("vice-president", "editor-in-chief", "secretary-general")?

    >>> is_title("gov"), is_title("editor-in-chief"), is_title("anti-war")
    (True, True, False)
    """
    titles = _lexicon().kinds.get("title", ())
    if low in titles:
        return True
    parts = low.split("-")
    return len(parts) > 1 and parts[0] in titles and parts[-1] in titles


def not_in_names(word: str) -> bool:
    """A function word or a closed-class word, capitalised or not, is never part of a name.

    >>> not_in_names("The"), not_in_names("Even"), not_in_names("Graham")
    (True, True, False)
    """
    return word.lower() in _FUNCTION_CAPS or is_closed_class(word)


_FUNCTION_WORDS_OF_PLACES = frozenset(("of", "the", "and"))

_CLAUSE_STOPS = word_class("clause_stop")
_OF_COMPLEMENT_VERBS = word_class("of_complement_verb")
_TIME_WORDS = word_class("time_word")
_STATE_ABBREVIATIONS = word_class("state_abbreviation")
_TIME_SUBORDINATORS = word_class("time_subordinator")
_PARTICIPLE_OPENERS = word_class("participle_opener")
_QUESTION_PUT = word_class("question_put")
_COMPLEMENT_QUESTION_WORDS = word_class("complement_question_word")
_ADVERBS = word_class("adverb")
_NOT_A_NAME = word_class("not_a_name")
_NOT_A_SPEAKER = word_class("not_a_speaker")
_ORG_CONNECTORS = word_class("org_connector")
_TIME_PHRASE_NOUNS = word_class("time_phrase_noun")
_FUNCTION_CAPS = word_class("function_cap")
_DETERMINERS = word_class("determiner")
_PREPOSITIONS = word_class("preposition")
_MODALS = word_class("modal")
_BE_FORMS = word_class("be_form")
_RECIPIENT_PASSIVES = word_class("recipient_passive")
_HEARSAY_PASSIVES = word_class("hearsay_passive")
_ASPECTUAL_BEFORE_TO = word_class("aspectual_before_to")
_PERSON_HEADS = word_class("person_head")
# weak verbs report only with one of these (or a quotation) in the sentence
_COMPLEMENTS = word_class("complement")
_QUESTION_WORDS = word_class("question_word")
_COLON_LEAD_INS = word_class("colon_lead_in")
_AGENT_STOPS = word_class("agent_stop")
_INNER_NAME_WORDS = word_class("inner_name_word")
_NP_OPENERS = word_class("np_opener")
_SENTENCE_CONNECTIVES = word_class("sentence_connective")
_SUBORDINATORS = word_class("subordinator")
_LIGHT_VERBS = word_class("light_verb")
_TIME_DETERMINERS = word_class("time_determiner")
_DURATION_UNITS = word_class("duration_unit")
_FRONTED_OPENERS = word_class("fronted_opener")
_ADVERBIAL_OPENERS = (
    word_class("adverbial_opener")
    | _PREPOSITIONS
    | _SUBORDINATORS
    | _FRONTED_OPENERS
    | _SENTENCE_CONNECTIVES
    | _TIME_WORDS
)
_SUBJECT_PRONOUNS = word_class("subject_pronoun")
_COMPLEMENT_PREPOSITIONS = word_class("complement_preposition")
_NOUN_MODIFIER_PREPOSITIONS = word_class("noun_modifier_preposition")
_RELATIVE_PRONOUNS = word_class("relative_pronoun")
_FREE_RELATIVES = word_class("free_relative")
_PERSON_RELATIVES = word_class("person_relative")
_STATEMENT_NOUNS = word_class("statement_noun")
_STATEMENT_OCCASIONS = word_class("statement_occasion")
_POLL_NOUNS = word_class("poll_noun")
_FRACTIONS = word_class("fraction")
_CONJUNCTIONS = word_class("coordinating_conjunction")
_STANDING_WORDS = word_class("standing_word")
_FINAL_ABBREVIATIONS = word_class("final_abbreviation")
_STATEMENT_COMPLEMENTS = word_class("statement_noun_complement")
_FOR_STATEMENT_NOUNS = word_class("for_statement_noun")
_NUMBERS = {w: int(v) for w, v in _lexicon().values["number"].items()}
_PRONOUNS = dict(_lexicon().values["speaker_pronoun"])
# object pronoun -> its subject form ("according to him": resolved as "he")
_OBJECT_PRONOUNS = dict(_lexicon().values["object_pronoun"])
_AS_COMPLEMENT_VERBS = word_class("as_complement_verb")
# a verb form -> the prepositions after which it reports nothing ("compared with", "adding to")
_PREPOSITION_SENSES = {
    w: frozenset(v.split("|")) for w, v in _lexicon().values["preposition_sense"].items()
}
_POSSESSIVE_PRONOUNS = dict(_lexicon().values["possessive_pronoun"])
_AUTHORED_DOCUMENTS = word_class("authored_document")

# quote marks are punctuation, not words
_OPEN_QUOTES = frozenset({"“", '"', "‘", "``", "''"})
_CLOSE_QUOTES = frozenset({"”", '"', "’", "''"})


@lru_cache(maxsize=1)
def _cue_vocabulary() -> frozenset[str]:
    return frozenset(_lexicon().verbs) | word_class("non_verb_cue")


_VERB_PREMODIFIERS = word_class("verb_premodifier")
_COLLECTIVE_SUBJECTS = word_class("collective_subject")
_COLON_LABELS = word_class("colon_label")
_DESCRIPTOR_OPENERS = word_class("descriptor_opener")
_NAME_CONNECTORS = word_class("name_connector")
_NAME_PARTICLES = word_class("name_particle")
_STATE_OFFICES = word_class("state_office")
_NON_STATE_DEMONYMS = word_class("non_state_demonym")
_TIME_PREMODIFIERS = word_class("time_premodifier")
_TIME_PREPOSITIONS = word_class("time_preposition")
_SUBJECT_OPENERS = _TIME_WORDS | word_class("subject_opening_connective")
_SUBJECT_PREPOSITIONS = _PREPOSITIONS | word_class("subject_preposition")
_NOT_SPEAKER_OPENERS = word_class("not_speaker_opener")
_CLAUSE_AUXILIARIES = word_class("clause_auxiliary")
_NOT_VERB_WORDS = word_class("not_verb_word")
_HEAD_STOPS = word_class("head_stop")
_MODIFIER_OPENERS = word_class("modifier_opener")
_MEDIA_HEADS = word_class("media_head")
_GROUP_HEADS = word_class("group_head")
_DESCRIBED_PERSON_HEADS = word_class("described_person_head")
_PARTISAN_LABELS = word_class("partisan_label")
_PLACE_NAME_HEADS = word_class("place_name_head")
_UNNAMED_PERSON_HEADS = word_class("unnamed_person_head")
_REPORT_NP_EDGE = word_class("report_np_edge")
_PRESENT_FINITE = word_class("present_finite")
_PAST_FINITE = word_class("past_finite")
_NOT_OUTLET_MODIFIERS = word_class("not_outlet_modifier")
_SURNAME_PREFIXES = tuple(sorted(word_class("surname_prefix")))
_SURNAME_ARTICLES = word_class("surname_article")
_NOT_PERSON_LAST = word_class("not_person_last")
_COMPOUND_MODIFIER_TAILS = word_class("compound_modifier_tail")


def compound_modifier(low: str) -> bool:
    """A hyphenated modifier before a name ("korean-born", "texas-based"): its last part is of
    ``compound_modifier_tail`` (word_classes.csv).

    >>> compound_modifier("korean-born"), compound_modifier("al-maliki")
    (True, False)
    """
    head, dash, tail = low.rpartition("-")
    return bool(head and dash) and tail in _COMPOUND_MODIFIER_TAILS


_ORGANIZATION_HEADS = word_class("organization_head")
_POSTPOSED_OBJECTS = word_class("postposed_object")
_INTERVIEWER_LABELS = word_class("interviewer_label")
_PEOPLE_HEADS = word_class("people_head")
_TEXT_HEADS = word_class("text_head")
_NAME_SUFFIXES = word_class("name_suffix")
_SHARE_NOUNS = word_class("share_noun")
_GOVERNING_PLACE_HEADS = word_class("governing_place_head")
