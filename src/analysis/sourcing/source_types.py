"""Source types: the type of each speaker (named person, anonymous, organisation, media, document),
names resolved within the article, quote kinds."""

from __future__ import annotations

import re

from ..english import first_names, is_noun_only, is_verb_form_only
from ..mentions import head_class, is_agent_noun, is_people_noun, mention_class
from ..text import WORD_RE, paragraph_spans
from .attribution import _Attr
from .coreference import (
    _role_words,
    attach_apposed_names,
    attach_appositions,
    people_by_surname,
    person_mentions,
    register_text_names,
    resolve_descriptors,
    resolve_pronouns,
)
from .data import (
    _AUTHORED_DOCUMENTS,
    _CLOSE_QUOTES,
    _DESCRIBED_PERSON_HEADS,
    _GOVERNING_PLACE_HEADS,
    _GROUP_HEADS,
    _INTERVIEWER_LABELS,
    _MEDIA_HEADS,
    _MODIFIER_OPENERS,
    _NAME_SUFFIXES,
    _NOT_A_NAME,
    _NUMBERS,
    _OBJECT_PRONOUNS,
    _OPEN_QUOTES,
    _ORGANIZATION_HEADS,
    _PARTISAN_LABELS,
    _PEOPLE_HEADS,
    _PERSON_RELATIVES,
    _POSSESSIVE_PRONOUNS,
    _PRONOUNS,
    _REPORT_NP_EDGE,
    _SHARE_NOUNS,
    _SURNAME_PREFIXES,
    _TEXT_HEADS,
    _TIME_WORDS,
    _lexicon,
    first_name_genders,
    given_name_start,
    is_closed_class,
    not_in_names,
)
from .mentions import (
    _before_relative,
    _count,
    _head_noun,
    _looks_like_name,
    _multiword_hits,
    _name_before,
    _org_in,
    _person_name,
    _register,
    _resolve_name,
    _speaks_for,
    _strip_titles,
    surname_without_article,
    word_positions,
)
from .relays import _link_relays
from .speaker_np import common_words_run, first_name_with_word_surname, head_classes, speaker_type
from .tokens import _Tok, _tokens, is_possessive, strip_possessive, without_clitic

SOURCE_TYPES = ("named_person", "anonymous", "organization", "media", "document")


def _classify(
    toks: list[_Tok], registry: dict[str, str], media_seen: bool
) -> tuple[str, str | None]:
    """(source_type, speaker_name) of a speaker noun phrase, by the rules of ../shared/API.md;
    ``pronoun`` for a lone pronoun (resolved by the caller). The noun-phrase structure decides
    first (``speaker_np``); the older rules below decide what it leaves open. A bracketed aside
    or a quoted title is no part of it ("Price (D-Newport News)" names no outlet, "Hemsley, the
    co-author of "Going Viral"" no person "Going Viral")."""
    toks = _without_asides(toks)
    words = [t for t in toks if t.is_word]
    single = without_clitic(words[0].low) if len(words) == 1 else None
    if single in _PRONOUNS or single in _OBJECT_PRONOUNS:
        return "pronoun", None  # "He's", "I'll": a pronoun with its verb's clitic
    if single in _NOT_A_NAME or (single and is_closed_class(words[0].text)):
        # "Another said", "There is ...", "Whenever", "Therefore": no one's name
        return "anonymous", None
    person = _registered_surname(toks, registry) or _titled_name_at_end(words, registry)
    if person:
        return "named_person", person  # "Guardian said" after "Mayor Don Guardian": the person
    author = _message_author(toks)
    if author is not None:
        if author[0].low in _POSSESSIVE_PRONOUNS or author[0].low in _PERSON_OBJECT_PRONOUNS:
            return "pronoun", None  # "His letter said", "One post by him read": resolved later
        name = _author_name(author, registry)
        if name:
            return "named_person", name  # "Trump's tweet said", "an email from Neera Tanden"
    decided = speaker_type(toks, media_seen)
    if decided is not None:
        kind, name = decided
        return kind, (_resolve_name(name, registry) or name) if name else None
    if not words:
        return "anonymous", None
    titled = _titled_name(toks, registry)
    if titled:
        return "named_person", titled  # "Undersecretary for Education Mr. Toccafondi"
    head = _head_noun(toks)
    head_low = strip_possessive(head.low) if head else ""
    if _is_media(toks, words, head_low, media_seen):
        return "media", None
    head_pos = next(
        (i for i, t in enumerate(toks) if head is not None and t is head), len(toks) - 1
    )
    name = _person_name(_name_tokens(toks, head_pos), registry)
    if head_low in _lexicon().kinds.get("document_noun", ()) and not name:
        return "document", None
    if name:
        # "Iran's parliament", "the Pentagon": an organisation phrase is not a person even if
        # capitalised
        return "named_person", _resolve_name(name, registry) or name
    if head is not None and head.cap and _who_follows(toks, head_pos):
        # "Williams, who is running to be an alternate": "who" makes the name a person's
        surname = strip_possessive(head.text)
        return "named_person", _resolve_name(surname, registry) or surname
    return _unnamed_type(toks, words, head_low, head_pos)


def _without_asides(toks: list[_Tok]) -> list[_Tok]:
    """``toks`` without what stands in round brackets (a party and state, an acronym) or in
    quotation marks (a title: "“The Apprentice”"); an unclosed mark keeps what follows."""
    if not any(t.text == "(" or t.text in _OPEN_QUOTES for t in toks):
        return toks
    out, skip_to = [], -1
    for k, t in enumerate(toks):
        if k <= skip_to:
            continue
        closer = ")" if t.text == "(" else (_CLOSE_QUOTES if t.text in _OPEN_QUOTES else None)
        if closer is not None:
            close = next((c for c in range(k + 1, len(toks)) if toks[c].text in closer), None)
            if close is not None:
                skip_to = close
                continue
        out.append(t)
    return out or toks


def _titled_name(toks: list[_Tok], registry: dict[str, str]) -> str | None:
    """The name after a personal title ("Mr.", "Dr.", "Sen.") that ends the phrase, after a title
    phrase of capitalised words: "Undersecretary for Education Mr. Toccafondi" names that person,
    whatever the head noun before the name."""
    titles = _lexicon().kinds.get("person_title", ())
    k = len(toks) - 2
    while k >= 0 and toks[k + 1].is_word and toks[k + 1].cap:
        if toks[k].low in titles:
            if not all(t.cap or t.low in _TITLE_PHRASE_WORDS for t in toks[:k]):
                return None  # "Gov. Kasich, a Republican who has refused to endorse Mr. Trump"
            name = _person_name(toks[k:], registry)
            return (_resolve_name(name, registry) or name) if name else None
        k -= 1
    return None  # the titled name must end the phrase: "those who ... for Mr. Rubio" is no one


# the lower-case words a title phrase before a name may hold ("Undersecretary for Education")
_TITLE_PHRASE_WORDS = frozenset(("for", "of", "the", "and"))


_ACROSS_FULL_STOP = re.compile(r"[a-z]{2}\. ")


def _titled_name_at_end(words: list[_Tok], registry: dict[str, str]) -> str | None:
    """The person whose full name, as the article registers it, ends the phrase after a title or
    role word, with only an organisation's name before it ("Centers for Disease Control Director
    Thomas Frieden": the director, not the Centers). A lower-case word before the title makes the
    name someone else's ("a spokeswoman for Gov. Chris Christie")."""
    full = registry.get(strip_possessive(words[-1].text)) if words else None
    if not full or " " not in full:
        return None
    n = len(full.split())
    if len(words) <= n + 1 or " ".join(t.text for t in words[-n:]) != full:
        return None
    title = words[-n - 1].low.rstrip(".")
    if title not in _role_words():
        return None
    before = words[: -n - 1]
    if not before[0].cap or any(not t.cap and not is_closed_class(t.text) for t in before):
        return None
    return full


def _registered_surname(toks: list[_Tok], registry: dict[str, str]) -> str | None:
    """The full name of a person the article names, for a speaker that is that person's surname
    alone, capitalised: the article's own name beats the lexicon ("Guardian", "Post", "King")."""
    words = [t for t in toks if t.is_word]
    if len(words) != 1 or not words[0].cap:
        return None
    word = strip_possessive(words[0].text)
    # a surname in capitals is a transcript's speaker label ("PENCE: ..."), an acronym none the
    # article registers as a surname ("CNN")
    full = registry.get(word.title() if word.isupper() else word)
    # a full name across a full stop ("South China Sea. Critics") is none; an initial's period
    # is no full stop ("John F. Kerry")
    return full if full and " " in full and not _ACROSS_FULL_STOP.search(full) else None


def _message_author(toks: list[_Tok]) -> list[_Tok] | None:
    """The owner of a message a person writes ("Trump's tweet", "His letter", "One post by him",
    "a letter from Sanders"): the possessive words before it, or the words after by/from; None
    when the phrase is no such message."""
    words = [t for t in toks if t.is_word]
    # a lower-case message noun: "Rupert Murdoch's New York Post" is an outlet
    heads = [k for k, t in enumerate(words) if t.low in _AUTHORED_DOCUMENTS and not t.cap]
    if not heads:
        return None
    k = heads[-1]
    if k + 2 < len(words) and words[k + 1].low in ("by", "from"):
        return words[k + 2 :]  # "One post by him", "a letter from Sanders"
    if k != len(words) - 1 or k == 0:
        return None
    if words[0].low in _POSSESSIVE_PRONOUNS:
        return words[:1]  # "His letter", "her latest tweet"
    owner = [i for i in range(k) if is_possessive(words[i].text)]
    return words[: owner[-1] + 1] if owner else None  # "Hillary Clinton's letter"


def _author_name(author: list[_Tok], registry: dict[str, str]) -> str | None:
    """The person who owns a message, when the owner is a person: a name the speaker-phrase rules
    call a person's, or a surname the article registered ("the Justice Department's letter" is
    no one's)."""
    person = _registered_surname(author, registry)
    if person:
        return person
    decided = speaker_type(author, False)
    if decided is None or decided[0] != "named_person" or not decided[1]:
        return None
    return _resolve_name(decided[1], registry) or decided[1]


# the object pronouns of one person: "a letter from them" may be an organisation's
_PERSON_OBJECT_PRONOUNS = frozenset(("him", "her", "me"))


def _pronoun_word(toks: list[_Tok]) -> str | None:
    """The pronoun a pronoun speaker resolves as: the one word ("He's" -> "he"), or the owner of a
    message ("His letter" -> "he", "One post by him" -> "he")."""
    single = _single_word_core(toks)
    if single is not None:
        return _OBJECT_PRONOUNS.get(single, single)
    author = _message_author(toks)
    if author:
        low = author[0].low
        return _POSSESSIVE_PRONOUNS.get(low) or _OBJECT_PRONOUNS.get(low, low)
    return None


def _single_word_core(toks: list[_Tok]) -> str | None:
    """The lower-cased word of a one-word speaker without its clitic ("He's" -> "he"), or None."""
    words = [t for t in toks if t.is_word]
    if len(words) != 1:
        return None
    return without_clitic(words[0].low)


def _who_follows(toks: list[_Tok], k: int) -> bool:
    """A relative clause with "who" (or "whom", "whose") right after token ``k``, past a comma."""
    j = k + 1
    if j < len(toks) and toks[j].text == ",":
        j += 1
    return j < len(toks) and toks[j].low in _PERSON_RELATIVES


def _is_media(toks: list[_Tok], words: list[_Tok], head_low: str, media_seen: bool) -> bool:
    """An outlet or its report ("the Reuters news agency", "CNN", "the report" after an outlet)."""
    lex = _lexicon()
    lows = [t.low for t in words]
    # what follows the head ("officials who ... spoke to Hebrew media") does not type the source
    cut = next((i for i, t in enumerate(words) if t.low in _MODIFIER_OPENERS), len(words))
    words_head, lows_head = words[:cut], lows[:cut]
    outlet = bool(_multiword_hits(lows_head, "media_outlet")) or any(
        strip_possessive(w.text).lower() in lex.kinds.get("media_outlet", ()) and w.cap
        for w in words_head
    )
    if head_low in lex.kinds.get("media_noun", ()) and (outlet or head_low in _MEDIA_HEADS):
        return True
    if outlet and not _person_name(toks):
        return True
    return head_low in ("report", "reports") and media_seen


def _name_tokens(toks: list[_Tok], head_pos: int) -> list[_Tok]:
    """The tokens where a person's name counts: before the head ("Hezbollah leader Hassan
    Nasrallah") or in an apposition ("the commander of the IRGC, Hossein Salami"), not inside a
    modifier ("a book analyzing Trump's ...")."""
    name_toks = list(toks[: head_pos + 1])
    seg: list[_Tok] = []
    for t in toks[head_pos + 1 :] + [_Tok(",", 0, 0)]:
        if t.text == ",":
            if seg and _looks_like_name(seg):
                name_toks += [_Tok(",", 0, 0)] + seg
            seg = []
        else:
            seg.append(t)
    return name_toks


def _unnamed_type(
    toks: list[_Tok], words: list[_Tok], head_low: str, head_pos: int
) -> tuple[str, str | None]:
    """The type of a speaker with no person's name (pronouns are decided before): a group, an
    anonymous source or a described person, a lone surname, an institution."""
    lex = _lexicon()
    lows = [t.low for t in words]
    phrase = " ".join(lows)
    anonymity = any(p in phrase for p in lex.kinds.get("anonymity_phrase", ()))
    if head_low in _GROUP_HEADS and not anonymity and _names_an_org(words):
        return "organization", None  # "Yemen's Iranian-backed Houthi rebels": a named group
    # a person described, not named ("the Democratic presidential nominee"): resolved later or
    # anonymous
    if (
        head_low in lex.kinds.get("anonymous", ())
        or anonymity
        or head_low in lex.kinds.get("role", ())
        or head_low in _DESCRIBED_PERSON_HEADS
    ):
        return "anonymous", None
    # institutions, governments, groups and metonyms
    caps = [
        strip_possessive(w.text)
        for w in toks[: head_pos + 1]
        if w.is_word
        and w.cap
        and not not_in_names(w.text)
        and w.low not in _NUMBERS
        and w.low not in lex.kinds.get("anonymous", ())
    ]
    if lows[0] in head_classes()["quantifier"] and head_low.endswith("s"):
        return "anonymous", None  # "Some Germans", "many Latinos": people counted, no institution
    if len(words) != 2 and head_low.removesuffix("s") in _PARTISAN_LABELS:
        # "a Republican said", "House Republicans supporting the bill": people, not the party
        return "anonymous", None
    if is_people_noun(head_low) and not (len(words) > 1 and toks[head_pos].cap):
        # "Developers say", "Cement makers", "Chinese researchers": people the article does not
        # identify, whatever capitals come before; a capitalised head is a name's word ("Auto
        # Workers")
        return "anonymous", None
    if len(words) == 1 and len(caps) == 1 and _unknown_capital(caps[0]):
        return "named_person", caps[0]  # a surname the article does not expand ("Salami said")
    if caps or head_low in lex.kinds.get("org_keyword", ()) or head_low in _ORGANIZATION_HEADS:
        return "organization", None
    return "anonymous", None


def _names_an_org(words: list[_Tok]) -> bool:
    orgs = _lexicon().kinds.get("org_name", ())
    return any(strip_possessive(w.text).lower() in orgs for w in words)


_KNOWN_NOT_SURNAME = ("place", "org_name", "media_outlet", "demonym", "org_keyword", "title")


def _unknown_capital(word: str) -> bool:
    """A capitalised word of no lexicon kind, not an acronym, not a web address and not written
    in camel case: a surname ("Salami said"; not "according to Factcheck.org", "HuffPo",
    "CrowdTangle"; "McCain", "DeSantis" are surnames)."""
    lex = _lexicon().kinds
    known = any(word.lower() in lex.get(k, ()) for k in _KNOWN_NOT_SURNAME)
    if known or is_people_noun(word.lower()):
        return False  # "Developers say": a plural noun of people opening the sentence
    return not word.isupper() and "." not in word and not _camel_case(word)


# the endings of plural agent nouns ("developers", "scientists", "historians", "residents")
def _camel_case(word: str) -> bool:
    """A capital inside the word, after the first letter, other than after a surname's prefix
    ("McCain", "DeSantis", "O'Neill") or a hyphen ("Al-Sadr")."""
    inner = [k for k in range(1, len(word)) if word[k].isupper() and word[k - 1] != "-"]
    return bool(inner) and not any(
        word.startswith(p) and inner[0] == len(p) for p in _SURNAME_PREFIXES
    )


def _finish(attrs: list[_Attr], text: str, registry: dict[str, str]) -> list[_Attr]:
    """Types, names, organisations, counts, relays and quote kinds for one article's
    attributions."""
    speakers = [
        _tokens(text, at.speaker_start, at.speaker_end) if at.speaker_start is not None else []
        for at in attrs
    ]
    # register full names first so surnames resolve wherever they appear
    for at, toks in zip(attrs, speakers):
        name = _person_name(toks) if at.speaker_start is not None else None
        if name and len(name.split()) >= 2:
            _register(registry, name)
    _register_surnames(attrs, speakers, text, registry)
    register_text_names(text, registry)
    _surnames_to_first_named(registry, text)
    pronouns: dict[int, str] = {}
    _type_speakers(attrs, speakers, text, registry, pronouns)
    _full_names_of_lone_words(attrs, speakers, registry)
    _titled_namesakes(attrs, registry)
    _names_of_groups(attrs, text, registry)
    attach_appositions(attrs, text, registry)
    attach_apposed_names(attrs, text, registry)
    resolve_descriptors(attrs, text, registry, speakers=speakers)
    if pronouns:  # the person mentions and paragraph starts serve the pronouns only
        starts = [a for a, _b in paragraph_spans(text)]
        mentions = person_mentions(text, registry)
        resolve_pronouns(attrs, pronouns, mentions, starts, text, people=registry.values())
    _carry_person_orgs(attrs, text)
    attrs[:] = [at for at in attrs if _fallback_verdict(at)]  # in place: the caller keeps the list
    _link_relays(attrs)
    return attrs


def _fallback_verdict(at: _Attr) -> bool:
    """Keep an attribution typed anonymous only because nothing else fitted? Its head is a noun
    of no class: kept as anonymous when the noun can name people (``people_head``, an agent noun:
    "heckler", "employer", "physician"; a share: "a lot of", "two-thirds"), retyped document when
    it names a text (``text_head``: "excerpts of his speech"), dropped when it names an event, an
    act or a thing ("The trip suggests", "The rise of terrorism threatens", "Its job:"):
    narration, no source. A head that is no noun (a span cut wrongly) is kept: nothing to judge."""
    head = (at.speaker_head or "").lower()
    if at.source_type != "anonymous" or at.speaker_head_class is not None or not is_noun_only(head):
        return True
    last = head.rsplit("-", 1)[-1]  # "ex-wife", "three-quarters"
    if last in _TEXT_HEADS:
        at.source_type = "document"
        return True
    return (
        last in _PEOPLE_HEADS
        or is_people_noun(last)
        or is_agent_noun(last)
        or _share_word(last)
        or last in _GOVERNING_PLACE_HEADS
    )


def _share_word(low: str) -> bool:
    """A share or quantity of people ("a lot of", "two-thirds", "a quarter of", "the rest of")."""
    heads = head_classes()
    return (
        low in heads["partitive_head"]
        or low in heads["quantifier"]
        or low in _SHARE_NOUNS
        or low.endswith(("third", "thirds", "quarter", "quarters", "fourths", "fifths"))
    )


def _surnames_to_first_named(registry: dict[str, str], text: str) -> None:
    """A surname two people of the article share stands for the one the text names first (in
    place): news names its main person in full first and the namesake later in full each time
    ("Hillary Clinton ... her husband, Bill Clinton ... Clinton said"), whoever spoke first.
    Names with one first name are one person ("Hillary Clinton", "Hillary Rodham Clinton")."""
    full_names = (p for p in registry.values() if len(p.split()) >= 2)
    for surname, names in people_by_surname(full_names).items():
        if surname.rstrip(".").lower() in _NAME_SUFFIXES or surname not in registry:
            continue
        people: dict[str, list[str]] = {}  # by first name: one first name, one person
        for full in names:
            people.setdefault(full.split()[0], []).append(full)
        if len(people) < 2:
            continue
        found = {p: text.find(p) for names in people.values() for p in names}
        first = min((p for p in found if found[p] >= 0), key=found.get, default=None)
        group = people[first.split()[0]] if first is not None else []
        if group and registry[surname] not in group:
            # the shortest of that person's names, as for pronouns ("Hillary Clinton", not
            # "Hillary Rodham Clinton")
            registry[surname] = min(group, key=lambda p: (len(p), found[p]))


def _titled_namesakes(attrs: list[_Attr], registry: dict[str, str]) -> None:
    """A speaker "Mr. Obama" or "Mrs. Clinton" is the person of that surname whose first name
    has the title's gender, when the name found has the other (in place)."""
    titles, given = _lexicon().values["gender_title"], first_name_genders()
    by_surname = people_by_surname(registry.values())  # once: a long article has many people
    for at in attrs:
        words = (at.speaker or "").replace(".", " ").split()
        if at.source_type != "named_person" or len(words) != 2 or not at.speaker_name:
            continue
        wanted = titles.get(words[0].lower())
        surname = strip_possessive(words[1])
        if not wanted or given.get(at.speaker_name.split()[0].lower(), wanted) == wanted:
            continue
        # a namesake of the title's gender by first name, else one of no known gender ("Barack")
        namesakes = [p for p in by_surname.get(surname, ()) if p != at.speaker_name]
        fits = {p for p in namesakes if given.get(p.split()[0].lower()) == wanted} or {
            p for p in namesakes if p.split()[0].lower() not in given
        }
        if len({p.split()[0] for p in fits}) == 1:
            at.speaker_name = min(fits, key=len)


def _full_names_of_lone_words(
    attrs: list[_Attr], speakers: list[list[_Tok]], registry: dict[str, str]
) -> None:
    """A person named in full with a title by the typing of one speaker span ("Deputy National
    Security Advisor ... John O. Brennan") is registered, and a speaker named by one word
    ("Brennan", "Ban", "Obeidi") takes the full name the article gives that word."""
    for at, toks in zip(attrs, speakers):
        name = at.speaker_name
        if (
            at.source_type == "named_person"
            and name
            and " " in name
            and name.split()[-1] not in registry  # "Donald J. Trump" after "Donald Trump": one
            and _titled_span(toks)
        ):
            _register(registry, name)
    for at in attrs:
        name = at.speaker_name
        if at.source_type == "named_person" and name and " " not in name:
            full = _resolve_name(name, registry)
            at.speaker_name = full if full and " " in full else name


def _titled_span(toks: list[_Tok]) -> bool:
    """Does a title or role word stand in the speaker span (a person's, not "Ford Motor")?"""
    kinds = _lexicon().kinds
    return any(t.low in kinds.get(k, ()) for t in toks for k in ("title", "role"))


def _carry_person_orgs(attrs: list[_Attr], text: str) -> None:
    """The organisation stated where the article first names a person holds at every attribution
    of that person that states none ("Israel Foreign Ministry spokesman Yigal Palmor ... Palmor
    added": both speak for the ministry; wikinews_dev GUIDELINES: the organisation a person speaks
    for when stated). Only an introduction is carried, a speaker span with the full name or the
    article's first mention: an organisation read from another speaker span ("Mr. Rubio joined
    Democrats in", "The Twitter account Trump") stays with that attribution."""
    orgs: dict[str, str | None] = {}
    for at in attrs:
        # a speaker span that names the person in full is an introduction too ("Monmouth
        # University political scientist Patrick Murray")
        if (
            at.source_type == "named_person"
            and at.source_org
            and at.speaker_name in (at.speaker or "")
        ):
            orgs.setdefault(at.speaker_name, at.source_org)
    for at in attrs:
        if at.source_type == "named_person" and not at.source_org and at.speaker_name:
            if at.speaker_name not in orgs:
                orgs[at.speaker_name] = _org_where_named(text, at.speaker_name)
            at.source_org = orgs[at.speaker_name]


# the characters that end the sentence before a name
_SENTENCE_ENDS = ".!?\n"


def _org_where_named(text: str, name: str) -> str | None:
    """The organisation stated around the first mention of ``name`` in the article: in the noun
    phrase before it ("Cuban Vice President | Carlos Lage") or in an apposition after it ("Brad
    Adams, | Human Rights Watch's Asia director,")."""
    at = text.find(name)
    if at < 0:
        return None
    # the noun phrase before the name, inside its sentence (the tokens skip a full stop: "... in
    # the West Bank. Rahm Emanuel" must not read "West Bank" as his)
    start = max(0, at - 120)
    start = max([start] + [text.rfind(c, start, at) + 1 for c in _SENTENCE_ENDS])
    before = _tokens(text, start, at) if text[start:at].strip() else []
    k = len(before)
    while k > 0 and _in_name_phrase(before[k - 1]):
        k -= 1
    name_toks = _tokens(text, at, at + len(name))
    found = _org_in(before[k:] + name_toks, person=name) if k < len(before) else None
    if found or text[at + len(name) : at + len(name) + 2] != ", ":
        return found
    after_end = min(
        (
            i
            for i in (text.find(",", at + len(name) + 2), text.find(".", at + len(name) + 2))
            if i > 0
        ),
        default=len(text),
    )
    apposition = _tokens(text, at + len(name) + 2, after_end)
    apposition = _before_relative(apposition)
    verbs = _lexicon().verbs
    verb = next(
        (k for k, t in enumerate(apposition) if t.low in verbs or is_verb_form_only(t.low)), None
    )
    # "Jarret Brachman, consultant to the US government on terrorism | said ... to The New York
    # Times,": the apposition ends where the clause's verb begins
    return _org_in(apposition[:verb], person=name)


def _in_name_phrase(tok: _Tok) -> bool:
    """Can ``tok`` stand in the noun phrase that introduces a name ("Israel's | deputy foreign
    minister | ...")? Capitalised words and the title, role and office words."""
    return tok.is_word and (tok.cap or _speaks_for(tok.low))


# a name before a group's head noun in the article ("The al-Shabaab group claimed ...", "the
# Houthi movement"): the name is that group's wherever it stands alone. "\bThe" as
# "The(?<=\bThe)": the pattern opens with its letters, so the search jumps between them instead of
# trying the word boundary at every character (half the time of the scan)
_GROUP_NAME = re.compile(
    r"[Tt]he(?<=\b[Tt]he) ((?:[Aa]l-)?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}) ([a-z]+)\b"
)


def _names_of_groups(attrs: list[_Attr], text: str, registry: dict[str, str]) -> None:
    """A speaker typed a person for a lone capitalised word the article itself uses as a group's
    name ("Al-Shabaab has also threatened ..." after "The al-Shabaab group") is that group, an
    organisation (in place). The head is a collective noun ("group", "militia", "movement"); a
    person the article registers keeps the name."""
    lone = [at for at in attrs if at.source_type == "named_person" and _lone_name(at)]
    if not lone:
        return
    groups = {
        m.group(1).lower()
        for m in _GROUP_NAME.finditer(text)
        if head_class(m.group(2)) == "group"
        and not m.group(2).endswith("s")  # "The Trump troops": people, no group named Trump
        and m.group(1) not in registry
    }
    for at in lone:
        if (at.speaker or "").lower() in groups and at.speaker not in registry:
            at.source_type, at.speaker_name = "organization", None


def _lone_name(at: _Attr) -> bool:
    """Is the speaker one capitalised word, the way a surname alone is written?"""
    words = (at.speaker or "").split()
    return len(words) == 1 and words[0][:1].isupper()


def _known_word(low: str, kinds: tuple[str, ...]) -> bool:
    lex = _lexicon().kinds
    return any(low in lex.get(k, ()) for k in kinds)


_NOT_A_SURNAME = ("place", "org_name", "media_outlet", "demonym")
_NOT_IN_A_NAME = ("place", "org_name", "media_outlet", "title")


def _lone_surname(toks: list[_Tok], registry: dict[str, str]) -> str | None:
    """The one capitalised word closing a speaker the registry cannot resolve ("Ostovar said",
    "Mr. Obama said"), or None."""
    words = [t for t in toks if t.is_word]
    caps = [t for t in words if t.cap or _article_surname(t.text)]
    if (
        len(caps) == 2
        and caps[0].low in _lexicon().kinds.get("person_title", ())
        and caps[1] is words[-1]
    ):
        caps = caps[1:]  # "Mr. Obama": look for "Barack Obama"
    if len(caps) == 1 and caps[0] is words[-1] and not _resolve_name(caps[0].text, registry):
        return strip_possessive(caps[0].text)
    return None


def _article_surname(word: str) -> bool:
    """A surname that opens with a lower-case Arabic article ("al-Maliki", "el-Sisi"): a name, as
    a capitalised word is."""
    bare = surname_without_article(word)
    return bare is not None and word[:1].islower() and bare[:1].isupper()


def _full_name_for(text: str, word: str, index: dict[str, list[int]] | None = None) -> str | None:
    """The full name the article gives a surname ("Iran expert Afshon Ostovar"), the most
    frequent one, on a tie the shortest."""
    found_names: dict[str, int] = {}
    for m in _name_before(text, word, index):
        run = _strip_titles([t for t in _tokens(text, m[0], m[1]) if t.is_word])
        owner = max((k for k, t in enumerate(run[:-1]) if is_possessive(t.text)), default=-1)
        run = run[owner + 1 :]  # "Fox News’ Sean Hannity": the name after the owner
        # "Senate Majority Whip John Cornyn", "Comedian Sarah Silverman": the name opens at its
        # first name
        run = run[given_name_start([t.low for t in run]) :]
        words = [t.text for t in run]
        if (
            len(words) < 2
            or common_words_run(run)
            or word in words[:-1]
            or any(
                (_known_word(w.lower(), _NOT_IN_A_NAME) and not _title_surname(run, k))
                or not_in_names(w)
                or w.lower() in _TIME_WORDS
                or (k == 0 and is_verb_form_only(w.lower()))
                for k, w in enumerate(words)
            )
        ):
            continue
        name = " ".join(words)
        found_names[name] = found_names.get(name, 0) + 1
    if not found_names:
        return None
    return max(found_names, key=lambda k: (found_names[k], -len(k)))


def _title_surname(run: list[_Tok], k: int) -> bool:
    """Is the word at ``k`` the surname that closes a first name's run, though the lexicon knows it
    as a title ("Pete King", "Amy Pope")?"""
    return k == len(run) - 1 and k > 0 and first_name_with_word_surname(run)


_SCANS_BEFORE_INDEX = 3


def _register_surnames(
    attrs: list[_Attr], speakers: list[list[_Tok]], text: str, registry: dict[str, str]
) -> None:
    """ "Ostovar said" where the article names "Iran expert Afshon Ostovar" earlier (or later)."""
    searched: set[str] = set()
    index: dict[str, list[int]] | None = None
    for at, toks in zip(attrs, speakers):
        word = _lone_surname(toks, registry) if at.speaker_start is not None else None
        if word is None or word in searched:
            continue
        searched.add(word)
        if _known_word(word.lower(), _NOT_A_SURNAME):
            continue
        if index is None and len(searched) > _SCANS_BEFORE_INDEX:
            # a few surnames are found by str.find; an article with many gets an index of every
            # capitalised word once, so that a long article stays linear
            index = word_positions(text)
        name = _full_name_for(text, word, index)
        if name:
            _register(registry, name)


def _type_speakers(
    attrs: list[_Attr],
    speakers: list[list[_Tok]],
    text: str,
    registry: dict[str, str],
    pronouns: dict[int, str],
) -> None:
    """Speaker text, type, name, organisation, count and quote kind of each attribution; a
    pronoun is listed in ``pronouns`` for ``coreference.resolve_pronouns``."""
    media_seen = False
    for idx, (at, toks) in enumerate(zip(attrs, speakers)):
        at.speaker = (
            text[at.speaker_start : at.speaker_end] if at.speaker_start is not None else None
        )
        seen = media_seen
        if at.speaker and _bare_report(at.speaker):
            seen = _report_antecedent_is_media(text, at.speaker_start, at.speaker_end, media_seen)
        kind, name = _classify(toks, registry, seen)
        if kind == "named_person" and _content_says_it(text, at, name, registry):
            kind, name = "organization", None
        label = _transcript_label_name(text, at, toks)
        if label and kind != "named_person":
            kind, name = "named_person", label
        if _interviewer_label(text, at, toks):
            kind, name = "media", None  # "Q: Does Ted Cruz?": the publication's interviewer
        if kind == "pronoun":
            # resolved once every descriptor is (coreference.py); "him" as "he"
            pronouns[idx] = _pronoun_word(toks)
        at.source_type, at.speaker_name = kind, name
        media_seen = media_seen or kind == "media"
        at.speaker_head, at.speaker_head_class = _head_and_class(toks)
        at.source_org = (
            _org_in(toks, person=name) if kind in ("named_person", "anonymous") else None
        )
        at.count = _count(toks) if kind == "anonymous" else None
        at.quote = _quote_kind(text[at.content_start : at.content_end].strip())


def _transcript_label_name(text: str, at: _Attr, toks: list[_Tok]) -> str | None:
    """The surname a transcript's speaker label gives ("“WALLACE: Do you really see ...": Wallace):
    one word in capitals before the colon, right after the opening mark of its paragraph. A
    transcript names its speakers; an acronym there is rare (the label is a person's)."""
    one = _one_word_speaker(at, toks)
    if one is None or text[at.speaker_end : at.speaker_end + 1] != ":":
        return None
    word = one.text
    before = text[max(0, at.speaker_start - 2) : at.speaker_start]
    opens = before.endswith(("“", '"')) and (at.speaker_start < 2 or before[0] == "\n")
    if not (word.isupper() and len(word) > 2 and opens):
        return None
    return word.title()


def _interviewer_label(text: str, at: _Attr, toks: list[_Tok]) -> bool:
    """Is the speaker an interview transcript's question label ("Q:" opening a paragraph, word
    class ``interviewer_label``): the publication's interviewer, so media (an organisation
    before)?"""
    word = _one_word_speaker(at, toks)
    if word is None or word.text not in _INTERVIEWER_LABELS:
        return False
    opens = at.speaker_start == 0 or text[at.speaker_start - 1] == "\n"
    return opens and ":" in (text[at.speaker_end : at.speaker_end + 1], text[at.speaker_end - 1])


def _one_word_speaker(at: _Attr, toks: list[_Tok]) -> _Tok | None:
    """The speaker's one word, when it is one word (a transcript's label), else None."""
    words = [t for t in toks if t.is_word]
    if len(words) != 1 or at.speaker_start is None or at.speaker_end is None:
        return None
    return words[0]


def _content_says_it(text: str, at: _Attr, name: str | None, registry: dict[str, str]) -> bool:
    """Is a bare name that no first name, title or registered full name makes a person's
    ("Merck", "Wealth-X") spoken of as "its" in its own indirect content ("Merck reported success
    in testing its version of the pill"): a company or a body (a person's content says "his" or
    "her")? A quotation's "its" is the quoted speaker's, about anything."""
    speaker = text[at.speaker_start : at.speaker_end] if at.speaker_start is not None else ""
    if not name or speaker != name or name in registry.values() or " " in name:
        return False
    if name.lower() in first_names() or name in registry:
        return False
    content = text[at.content_start : at.content_end].lstrip()
    if not content or content[0] in "“\"‘'":
        return False
    lows = [w.lower() for w in WORD_RE.findall(content)[:5]]  # its own: near the start
    return "its" in lows and not any(w in ("he", "she", "his", "her", "him") for w in lows)


# an earlier mention of a report: up to three words before it, and an agent after it ("a report on
# Tuesday by the semi-official Tasnim news agency")
_REPORT_MENTION = re.compile(
    r"((?:[\w’'\-.]+\s+){0,3})reports?\b"
    r"((?:\s+(?:on|last|this|released)\s+\w+)?\s+(?:by|from)\s+(?:[\w’'\-.]+\s*){1,5})?"
)


def _bare_report(speaker: str) -> bool:
    """A speaker whose head is "report(s)", at its end or before its agent ("the report", "the
    congressional report", "a 2009 report by the Center for Economic and Policy Research")."""
    words = speaker.lower().split()
    at = _report_at(words)
    return at is not None and (at == len(words) - 1 or words[at + 1] in ("by", "from"))


def _report_at(words: list[str]) -> int | None:
    return next((k for k, w in enumerate(words) if w in ("report", "reports")), None)


def _report_antecedent_is_media(text: str, start: int, end: int, media_seen: bool) -> bool:
    """Is the report ``text[start:end]`` a news outlet's? By its own modifiers ("the Reuters
    report", "the congressional report"), else by the last report the article mentioned before it
    ("a report by the Tasnim news agency": media; "a congressional report", "a report by the CIA":
    a document); when neither says whose, as before: media once an outlet has spoken."""
    words = text[start:end].split()
    at = _report_at([w.lower() for w in words]) or 0
    own = _report_evidence(words[:at], words[at + 1 :])
    if own is not None:
        return own
    last = None
    for last in _REPORT_MENTION.finditer(text, max(0, start - 4000), start):
        pass
    if last is None:
        return media_seen
    found = _report_evidence(last.group(1).split(), (last.group(2) or "").split())
    return media_seen if found is None else found


def _report_evidence(before: list[str], agent: list[str]) -> bool | None:
    """Media (True), a document (False) or unknown (None), by the words before "report" (after the
    last determiner or preposition) and its "by"/"from" agent."""
    edges = [k for k, w in enumerate(before) if w.lower() in _REPORT_NP_EDGE]
    modifiers = before[edges[-1] + 1 :] if edges else before
    words = [strip_possessive(w).strip(".,").lower() for w in modifiers + agent]
    words = [w for w in words if w and w not in _REPORT_NP_EDGE]
    if not words:
        return None
    kinds = _lexicon().kinds
    outlets, media_nouns = kinds.get("media_outlet", ()), kinds.get("media_noun", ())
    return any(w in outlets or w in media_nouns for w in words) or bool(
        _multiword_hits(words, "media_outlet")
    )


def _head_and_class(toks: list[_Tok]) -> tuple[str | None, str | None]:
    """The speaker phrase's head word and its class in the shared mention layer
    (``analysis.mentions``), the same vocabulary that decides threat actors: so that a table
    shows why a speaker got its type ("ministry": organization; "spokesman": person)."""
    head = _head_noun(toks)
    if head is None:
        return None, None
    word = strip_possessive(head.text)
    return word, mention_class(word, head.cap)


_STRAIGHT_QUOTE_OPENING = re.compile(r'(^|\s)"\w')  # compiled once: a call per attribution


def _quote_kind(seg: str) -> str:
    """direct (the content is one quotation), mixed (it holds one) or indirect."""
    if seg and seg[0] in "“\"‘`'" and seg.rstrip(" ,.")[-1:] in "”\"’'":
        return "direct"
    if any(q in seg for q in "“”") or _STRAIGHT_QUOTE_OPENING.search(seg):
        return "mixed"
    return "indirect"
