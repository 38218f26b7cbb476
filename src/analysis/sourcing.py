"""Sourcing: who said what. Attribution extraction, source types, name resolution, summaries.

Rules over our own tokens and sentences, with data files an analyst can read and edit:
``data/reporting_verbs.csv`` (cues) and ``data/source_lexicon.csv`` (anonymity descriptors, outlets,
document nouns, organisation words, places, titles, role nouns).

Constructions found (each with a unit test in ``tests/test_sourcing.py``):

- direct quotes with the speaker after or before: "“...,” Salami said", "“...,” said Salami",
  "X said: “...”"; floating quotes that continue the previous speaker;
- indirect speech with the speaker before the cue ("X said (that) ...", "X told Y that ...",
  "X noted to the Times that ...") or after it ("..., the report said", "..., X declared, Y told
  the newspaper");
- "according to X", "citing X", "X's report said", "the report quoted X as saying";
- participles: "..., warning of ...", "with the officials saying ...".

Each attribution gets a source type (``named_person``, ``anonymous``, ``organization``,
``media``, ``document``), the person's full name (surnames, titles, pronouns, later-named
descriptors and misspellings resolved within the article), the organisation a person speaks
for, the number of people when given, and the attribution it is relayed through.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .loading import analysable, rows_by_article, rows_of
from .paths import package_data_dir
from .progress import progress
from .text import WORD_RE, iter_sentences, paragraph_spans

__all__ = [
    "find_attributions",
    "sourcing_summary",
    "with_relied_type",
    "SOURCE_TYPES",
    "ATTRIBUTION_COLUMNS",
]

SOURCE_TYPES = ("named_person", "anonymous", "organization", "media", "document")
ATTRIBUTION_COLUMNS = [
    "article_id",
    "attribution_id",
    "speaker",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "source_type",
    "speaker_name",
    "source_org",
    "count",
    "relayed_via",
    "quote",
    "sentence_id",
    "paragraph_id",
    "rule",
]

# --- data files ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, str]
    kinds: dict[str, frozenset[str]]
    multi: dict[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    verbs: dict[str, str] = {}
    with open(package_data_dir() / "reporting_verbs.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            verbs[r["form"].lower()] = r["category"]
    kinds: dict[str, set[str]] = {}
    multi: dict[str, list[tuple[str, ...]]] = {}
    with open(package_data_dir() / "source_lexicon.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            term = r["term"].strip()
            kinds.setdefault(r["kind"], set()).add(term.lower().rstrip("."))
            words = tuple(w.lower().rstrip(".") for w in re.findall(r"[\w.'’\-]+", term))
            if len(words) > 1:
                multi.setdefault(r["kind"], []).append(words)
    return _Lexicon(
        verbs,
        {k: frozenset(v) for k, v in kinds.items()},
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in multi.items()},
    )


# verbs that report only with a content clause or a quote ("a poll found that ...", not "police found a body")
_WEAK_VERBS = frozenset(
    "show shows showed find finds found believe believes believed think thinks thought hope hoped hopes expect expects "
    "expected fear feared fears agree agreed agrees continue continued answer answered release released issue issued "
    "order ordered call called calls praise praised praises criticize criticized criticise criticised condemn condemned "
    "condemns suggest suggested suggests estimate estimated estimates predict predicts indicate indicated indicates "
    "respond responded recall recalled recalls speak spoke observe observed mention mentioned reply replied ask asked "
    "asks asking publish published brief briefed inform informed reveal revealed reveals instruct instructed quote "
    "quoted cite cited remark remarked comment commented write wrote writes writing post posted state states stated "
    "stating maintain maintained maintains dismiss dismissed dismisses dispute disputed disputes reject rejected rejects "
    "charge charged charges blame blamed blames admit admitted admits add adds added adding "
    "demand demanded demands urge urged urges promise promised promises pledge pledged pledges vow vows vowed vowing "
    "threaten threatens threatened threatening warn warns warned warning".split()
)
# of the weak verbs, those that take a to-infinitive as their content ("vowed to", "threatened to")
_TO_VERBS = frozenset(
    "vow vows vowed vowing pledge pledged pledges promise promised promises threaten threatens "
    "threatened threatening urge urged urges demand demanded demands call called calls warn warns "
    "warned warning order ordered instruct instructed".split()
)
# weak verbs whose plain object is their content ("denied the allegation", "accused Iran of ...")
_OBJECT_VERBS = frozenset(
    "call called calls criticize criticized criticizes criticise criticised praise praised praises "
    "slam slammed slams blast blasted blasts mock mocked mocks defend defended defends "
    "deny denies denied denying accuse accused accuses accusing claim claims claimed claiming "
    "dismiss dismissed dismisses reject rejected rejects dispute disputed disputes blame blamed "
    "blames confirm confirms confirmed refute refuted condemn condemned condemns "
    "announce announces announced".split()
)
_ASK_VERBS = frozenset("ask asked asks asking wonder wondered question questioned".split())
_FINDING_VERBS = frozenset(
    "show shows showed find finds found suggest suggests suggested indicate indicates indicated "
    "estimate estimates estimated predict predicts predicted".split()
)
_PARTICIPLES = frozenset(
    "saying telling adding noting warning claiming citing arguing insisting stating declaring "
    "explaining accusing denying vowing threatening urging calling reporting asserting".split()
)
_CLAUSE_STOPS = frozenset(
    "that and but which while as because when after before if although though however whereas "
    "where whom whose since until unless so or nor yet".split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow "
    "january february march april may june july august september october november december "
    "morning evening afternoon night week month year earlier later weekend".split()
)
_ADVERBS = frozenset(
    "also similarly publicly privately reportedly repeatedly previously recently later earlier "
    "again once already still then however meanwhile separately too further openly personally "
    "has have had would will was is were are be been being did does do not never just only even "
    "quickly immediately initially first last late subsequently additionally allegedly apparently "
    "falsely flatly firmly strongly sharply angrily bluntly often frequently sometimes always usually together "
    "now currently formerly".split()
)
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "dozen": 12,
    "a dozen": 12,
    "two dozen": 24,
    "both": 2,
    "a pair of": 2,
}
_OPEN_QUOTES = frozenset({"“", '"', "‘", "``", "''"})
_CLOSE_QUOTES = frozenset({"”", '"', "’", "''"})
_PRONOUNS = {"he": "sg", "she": "sg", "they": "pl", "we": "pl", "i": "sg"}

_TOKEN_RE = re.compile(
    r"[A-Za-z]\.(?:[A-Za-z]\.)+|[A-Z]\w{0,3}\.(?![\w.])|\w+(?:['’\-]\w+|\.\w+)*|''|``|[“”\"‘’,;:()\[\]—–]"
)


class _Tok:
    """A token with its offsets; ``low``, ``is_word`` and ``cap`` are computed once."""

    __slots__ = ("text", "start", "end", "low", "is_word", "cap")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        low = text.lower()
        self.low = low.rstrip(".") if low[-1:] == "." else low
        first = text[:1]
        self.is_word = first.isalnum()
        self.cap = first.isupper()

    def __repr__(self) -> str:
        return f"_Tok({self.text!r}, {self.start}, {self.end})"


def _tokens(text: str, a: int, b: int) -> list[_Tok]:
    """Tokens of ``text[a:b]``: abbreviations keep their period ("Gen.", "U.S."), words do not, punctuation is kept."""
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, a, b)]


@dataclass
class _Attr:
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    sentence_id: int
    paragraph_id: int
    rule: str
    speaker: str | None = None
    source_type: str | None = None
    speaker_name: str | None = None
    source_org: str | None = None
    count: int | None = None
    relayed_via: int | None = None  # index into the article's list
    quote: str = "indirect"
    parent_hint: int | None = None  # for "citing X": the attribution that cites
    extras: dict = field(default_factory=dict)


# --- noun phrases ------------------------------------------------------------------------------------
def _is_boundary(tok: _Tok) -> bool:
    return (
        tok.text in ",;:()[]—–"
        or tok.text in _OPEN_QUOTES
        or tok.text in _CLOSE_QUOTES
        or tok.low in _CLAUSE_STOPS
    )


def _looks_like_name(toks: list[_Tok]) -> bool:
    words = [t for t in toks if t.is_word]
    return bool(words) and all(
        t.cap for t in words if t.low not in ("of", "al", "bin", "de", "van", "von", "der")
    )


def _looks_like_descriptor(toks: list[_Tok]) -> bool:
    words = [t for t in toks if t.is_word]
    if not words:
        return False
    first = words[0].low
    return (
        first in ("the", "a", "an", "of", "who", "which", "whose")
        or not words[0].cap
        or first in _lexicon().kinds.get("role", ())
        or first in _lexicon().kinds.get("title", ())
    )


def _walk_back(toks: list[_Tok], j: int, lo: int, participle: bool) -> int:
    """Index of the first token of the noun phrase ending at ``j`` (walks back to a clause boundary)."""
    i = j
    while i >= lo:
        t = toks[i]
        if _is_boundary(t) or (participle and t.low == "with"):
            # "officials who spoke on condition of anonymity said": walk through the relative clause
            if (
                t.low in ("who", "that")
                and i > lo
                and toks[i - 1].is_word
                and not _is_boundary(toks[i - 1])
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
    """ "analysts quoted in the report", "a news report published Wednesday": a participle after a noun."""
    t = toks[i]
    if not t.low.endswith("ed") or i == 0:
        return False
    prev, nxt = toks[i - 1], toks[i + 1] if i + 1 < len(toks) else None
    if (
        nxt is not None
        and nxt.low in ("in", "by", "on", "at")
        and prev.is_word
        and (not prev.cap or i == 1)
    ):
        return True
    return (
        prev.is_word
        and not prev.cap
        and prev.low not in _PRONOUNS
        and prev.low not in _ADVERBS
        and nxt is not None
        and nxt.low in _TIME_WORDS
    )


def _first_subject(toks: list[_Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """The subject at the start of the clause (for "X did this, and then said ...")."""
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
    if i > lo and any(t.cap for t in toks[lo:i]):
        start = lo
        while start < i and toks[start].low in _FUNCTION_CAPS - {"the", "a", "an"}:
            start += 1
        return (start, i) if start < i else None
    return None


def _subject_before(toks: list[_Tok], k: int, lo: int = 0) -> tuple[int, int] | None:
    """Token range of the subject noun phrase of the cue at ``k``.

    Handles adverbs and time adverbials before the verb ("similarly said Sunday"), appositions
    ("Brig. Gen. X, commander of Y, said"; "the commander of Y, Hossein Salami, threatened";
    "Sarandon, 69, told"), relative pronouns ("Barkley, who said ...") and coordinated verbs
    ("The judge rubbed his chin, and then said ...").
    """
    participle = toks[k].low.endswith("ing")
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
        elif low in _ADVERBS or (low.endswith("ly") and not toks[j].cap and len(low) > 4):
            j -= 1
        elif low in _TIME_WORDS:
            j -= 1
            if j >= lo and toks[j].low in ("on", "last", "this", "late", "early", "in", "next"):
                j -= 1
        else:
            break
    if j < lo:
        return None
    if toks[j].text == ",":
        # an apposition or relative clause closes right before the verb: find where it opens
        p = j - 1
        while (
            p >= lo
            and p > j - 25
            and toks[p].text not in ",;:"
            and toks[p].text not in _OPEN_QUOTES
            and toks[p].text not in _CLOSE_QUOTES
        ):
            p -= 1
        if p < lo or toks[p].text != "," or p == j - 1:
            return None
        head_start = _walk_back(toks, p - 1, lo, participle)
        if head_start > p - 1:
            return None
        head = toks[head_start:p]
        if not any(t.cap or t.low in _PRONOUNS for t in head if t.is_word) or len(head) > 10:
            return None
        start, end = head_start, j
    else:
        end = j + 1
        i = _walk_back(toks, j, lo, participle) - 1
        start = i + 1
        if start >= end:
            # "..., and then said": the subject of the clause before
            if i >= lo and toks[i].low in ("and", "but", "then"):
                return _first_subject(toks, lo, i)
            return None
        if (
            [t.low for t in toks[start:end]] == ["then"]
            and i >= lo
            and toks[i].low in ("and", "but")
        ):
            return _first_subject(toks, lo, i)
        # "the commander of the IRGC, Hossein Salami threatened" and "Brig. Gen. X, commander of Y said"
        if i >= lo and toks[i].text == ",":
            seg = toks[start:end]
            p = i - 1
            while p >= lo and not _is_boundary(toks[p]):
                p -= 1
            prev = toks[p + 1 : i]
            short_np = 0 < len(prev) <= 9 and not any(
                t.is_word and not t.cap and t.low.endswith("ed") for t in prev
            )
            role_in_prev = any(t.low in _lexicon().kinds.get("role", ()) for t in prev)
            if (
                prev
                and short_np
                and (
                    (_looks_like_name(seg) and role_in_prev and prev[0].low in ("the", "a", "an"))
                    or (_looks_like_name(seg) and prev[0].low in _lexicon().kinds.get("role", ()))
                    or (_looks_like_descriptor(seg) and _has_name(prev))
                )
            ):
                start = p + 1
        if (
            [t.low for t in toks[start:end]] in (["who"], ["which"])
            and i >= lo
            and toks[i].text == ","
        ):
            ante = _walk_back(toks, i - 1, lo, participle)
            if ante < i:
                start, end = ante, i
    # a leading time adverbial: "On Monday a top commander ..."
    while start < end and (
        toks[start].low in ("on", "in", "at", "last", "late", "early")
        and start + 1 < end
        and toks[start + 1].low in _TIME_WORDS
    ):
        start += 2
    while start < end and (
        toks[start].low in _TIME_WORDS | {"meanwhile", "however", "but", "and", "so", "yet", "then"}
        or not toks[start].is_word
    ):
        start += 1
    while end > start and toks[end - 1].low in ("who", "which", "that"):
        end -= 1
    if start >= end:
        return None
    first = toks[start]
    if first.low in _PREPOSITIONS | {"during", "after", "before", "into", "through", "under"}:
        # "In a Bloomberg interview Trump declared": the subject is the name at the end
        runs = _cap_runs(toks[start:end])
        if runs and runs[-1][-1] is toks[end - 1]:
            start = toks.index(runs[-1][0], start)
        else:
            return None
    if any(t.low in _MODALS for t in toks[start:end]) or (
        first.is_word
        and not first.cap
        and first.low.endswith("ed")
        and first.low not in _lexicon().kinds.get("anonymous", ())
    ):
        return (
            None  # "they should change the laws rather than", "built near a stream": not a subject
        )
    return start, end


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
        if stop_at_relative and t.low in _lexicon().verbs and i > k and _is_verb_use(toks, i):
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
        or out[0].low.rstrip("’s").rstrip("'s") in places
        or re.sub(r"['’]s$", "", out[0].low) in places
        or out[0].low in demonyms
    ):
        out = out[1:]
    return out


_FUNCTION_CAPS = frozenset(
    "the in on at but however and for after before while as a an according with by from to of "
    "if when although though since this that these those it its he she they we i".split()
)


def _cap_runs(toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for t in toks:
        if t.is_word and t.cap and (t.low in _FUNCTION_CAPS or t.low in _TIME_WORDS):
            if cur:
                runs.append(cur)
            cur = []
            continue
        if t.is_word and (
            t.cap or (cur and t.low in ("al", "bin", "de", "van", "von", "der", "el"))
        ):
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
    """The person's name in a noun phrase ("Ali Khamenei" in "Iran's Supreme Leader Ayatollah Ali Khamenei")."""
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
                words = [re.sub(r"['’]s$", "", run[0].text).rstrip(".")]
                if (
                    words[0].lower() not in lex.kinds.get("place", ())
                    and words[0].lower() not in _FUNCTION_CAPS
                ):
                    name = words[0]
                    if best is None or len(name) > len(best):
                        best = name
                continue
        run = _strip_titles(run)
        # stop a name at a possessive or an organisation word
        words = [re.sub(r"['’]s$", "", t.text) for t in run]
        if not words:
            continue
        if _is_org_run(words) or " ".join(words).lower() in lex.kinds.get("place", ()):
            continue
        if any(
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
        words = [
            w.rstrip(".") for w in words if w.lower().rstrip(".") not in lex.kinds.get("title", ())
        ]
        if not words:
            continue
        name = " ".join(words)
        if len(words) >= 2 or titled or (registry is not None and _resolve_name(name, registry)):
            if best is None or len(name) > len(best):
                best = name
    return best


def _resolve_name(name: str, registry: dict[str, str]) -> str | None:
    """Map a surname, a first-and-last name or a misspelling to a full name seen in the article."""
    if name in registry:
        return registry[name]
    parts = name.split()
    for key, full in registry.items():
        if parts[-1] == key.split()[-1] and len(parts) <= len(key.split()):
            return full
    if len(parts) == 1 and len(name) >= 5:
        surnames = {full.split()[-1]: full for full in set(registry.values())}
        hit = process.extractOne(name, list(surnames), scorer=fuzz.ratio, score_cutoff=85)
        if hit:
            return surnames[hit[0]]
    return None


def _register(registry: dict[str, str], name: str) -> str:
    """Add a full name (and its surname) to the article's registry; return the canonical full name."""
    known = _resolve_name(name, registry) if registry else None
    if known and len(known.split()) >= len(name.split()):
        return known
    registry[name] = name
    registry[name.split()[-1]] = name
    return name


def _org_in(toks: list[_Tok]) -> str | None:
    """The organisation a person speaks for: "of the Naval Postgraduate School", "Hezbollah leader"."""
    lex = _lexicon()
    text_toks = list(toks)
    for idx, t in enumerate(text_toks):
        if t.low == "of":
            run = []
            for u in text_toks[idx + 1 :]:
                if not u.is_word:
                    break
                if u.low in ("the", "a") and not run:
                    continue
                if u.cap:
                    run.append(u)
                else:
                    break
            words = [re.sub(r"['’]s$", "", u.text) for u in run]
            words = (
                [w for w in words if w.lower() not in lex.kinds.get("place", ())]
                if len(run) > 1 and run[0].text.endswith(("’s", "'s"))
                else words
            )
            if words and (_is_org_run(words) or len(words) >= 2):
                return " ".join(words)
    for run in _cap_runs(toks):
        words = [re.sub(r"['’]s$", "", t.text) for t in run]
        phrase = " ".join(words)
        if phrase.lower() in lex.kinds.get("org_name", ()) or phrase.lower() in lex.kinds.get(
            "org_name", ()
        ):
            return phrase
        for w in words:
            if w.lower() in lex.kinds.get("org_name", ()):
                return w
    return None


def _count(toks: list[_Tok]) -> int | None:
    words = [t.low for t in toks if t.is_word]
    for i, w in enumerate(words[:4]):
        if w in _NUMBERS:
            if w == "dozen" and i > 0 and words[i - 1] == "two":
                return 24
            return _NUMBERS[w]
        if w.isdigit():
            return int(w)
    return None


def _head_noun(toks: list[_Tok]) -> _Tok | None:
    """The head of a noun phrase: the last word before "of", "who", "familiar", "in", ..."""
    words = [t for t in toks if t.is_word]
    for i, t in enumerate(words):
        if i > 0 and (
            t.low
            in (
                "of",
                "who",
                "familiar",
                "in",
                "at",
                "from",
                "with",
                "close",
                "quoted",
                "present",
                "on",
                "that",
                "which",
                "to",
                "for",
                "by",
                "whose",
                "about",
                "like",
            )
            or (t.low.endswith("ing") and not t.cap and len(t.low) > 5)
        ):
            return words[i - 1]
    return words[-1] if words else None


def _classify(
    toks: list[_Tok], registry: dict[str, str], media_seen: bool
) -> tuple[str, str | None]:
    """(source_type, speaker_name) of a speaker noun phrase, by the rules of ../shared/API.md."""
    lex = _lexicon()
    words = [t for t in toks if t.is_word]
    if not words:
        return "anonymous", None
    lows = [t.low for t in words]
    phrase = " ".join(lows)
    head = _head_noun(toks)
    # what follows the head ("officials who ... spoke to Hebrew media") does not type the source
    cut = next(
        (i for i, t in enumerate(words) if t.low in ("who", "which", "that", "familiar", "close")),
        len(words),
    )
    words_head, lows_head = words[:cut], lows[:cut]
    head_low = re.sub(r"['’]s$", "", head.low) if head else ""
    # an outlet or its report
    outlet = bool(_multiword_hits(lows_head, "media_outlet")) or any(
        re.sub(r"['’]s$", "", w.text).lower() in lex.kinds.get("media_outlet", ()) and w.cap
        for w in words_head
    )
    if head_low in lex.kinds.get("media_noun", ()) and (
        outlet
        or head_low
        in (
            "newspaper",
            "news",
            "agency",
            "broadcaster",
            "media",
            "television",
            "tv",
            "radio",
            "outlet",
            "outlets",
            "magazine",
            "daily",
            "tabloid",
            "reporter",
            "reporters",
            "journalist",
            "journalists",
            "correspondent",
            "press",
            "wire",
            "network",
            "channel",
            "station",
            "website",
            "paper",
        )
    ):
        return "media", None
    if outlet and not _person_name(toks):
        return "media", None
    if head_low in ("report", "reports") and media_seen:
        return "media", None
    head_pos = next(
        (i for i, t in enumerate(toks) if head is not None and t is head), len(toks) - 1
    )
    # a name counts before the head ("Hezbollah leader Hassan Nasrallah") or in an apposition
    # ("the commander of the IRGC, Hossein Salami"), not inside a modifier ("a book analyzing Trump's ...")
    name_toks = list(toks[: head_pos + 1])
    seg: list[_Tok] = []
    for t in toks[head_pos + 1 :] + [_Tok(",", 0, 0)]:
        if t.text == ",":
            if seg and _looks_like_name(seg):
                name_toks += [_Tok(",", 0, 0)] + seg
            seg = []
        else:
            seg.append(t)
    name = _person_name(name_toks, registry)
    if head_low in lex.kinds.get("document_noun", ()) and not name:
        return "document", None
    if name:
        # "Iran's parliament", "the Pentagon": an organisation phrase is not a person even if capitalised
        full = _resolve_name(name, registry) or name
        return "named_person", full
    if len(words) == 1 and lows[0] in _PRONOUNS:
        return "pronoun", None
    anon = lex.kinds.get("anonymous", ())
    anonymity = any(p in phrase for p in lex.kinds.get("anonymity_phrase", ()))
    group_heads = {
        "rebels",
        "militants",
        "insurgents",
        "fighters",
        "forces",
        "troops",
        "militia",
        "militias",
        "guerrillas",
        "separatists",
        "jihadists",
        "extremists",
    }
    if (
        head_low in group_heads
        and not anonymity
        and any(
            re.sub(r"['’]s$", "", w.text).lower() in lex.kinds.get("org_name", ()) for w in words
        )
    ):
        return "organization", None  # "Yemen's Iranian-backed Houthi rebels": a named group
    if head_low in anon or anonymity:
        return "anonymous", None
    # a person described, not named ("the Democratic presidential nominee"): resolved later or anonymous
    if head_low in lex.kinds.get("role", ()) or head_low in (
        "nominee",
        "candidate",
        "hopeful",
        "frontrunner",
        "front-runner",
        "senator",
        "congressman",
        "woman",
        "man",
    ):
        return "anonymous", None
    # institutions, governments, groups and metonyms
    caps = [
        re.sub(r"['’]s$", "", w.text)
        for w in toks[: head_pos + 1]
        if w.is_word and w.cap and w.low not in _FUNCTION_CAPS
    ]
    if len(words) == 1 and words[0].low in (
        "republican",
        "democrat",
        "independent",
        "conservative",
        "liberal",
    ):
        return "anonymous", None
    if len(words) == 1 and len(caps) == 1:
        word = caps[0]
        known = any(
            word.lower() in lex.kinds.get(k, ())
            for k in ("place", "org_name", "media_outlet", "demonym", "org_keyword", "title")
        )
        if not known and not word.isupper():
            return "named_person", word  # a surname the article does not expand ("Salami said")
    if caps or head_low in lex.kinds.get("org_keyword", ()):
        return "organization", None
    if head_low in (
        "government",
        "regime",
        "administration",
        "ministry",
        "military",
        "army",
        "police",
        "embassy",
        "parliament",
        "court",
        "company",
        "party",
        "campaign",
        "group",
        "council",
        "agency",
        "committee",
        "coalition",
        "alliance",
        "rebels",
        "militants",
        "union",
        "state",
        "authorities",
        "authority",
    ):
        return "organization", None
    return "anonymous", None


def _multiword_hits(lows: list[str], kind: str) -> list[str]:
    """The multi-word entries of ``kind`` found in the lower-cased words (a final possessive is ignored)."""
    index = _multiword_index(kind)
    out = []
    for i, w in enumerate(lows):
        for words in index.get(w, ()):
            n = len(words)
            got = lows[i : i + n]
            if len(got) == n and (
                tuple(got) == words or tuple(got[:-1]) + (re.sub(r"['’]s$", "", got[-1]),) == words
            ):
                out.append(" ".join(words))
    return out


@lru_cache(maxsize=16)
def _multiword_index(kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in _lexicon().multi.get(kind, ()):
        index.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in index.items()}


# --- quotes ------------------------------------------------------------------------------------------
_QUOTE_MARK = re.compile(r"''|``|[“”\"]")


def _quote_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans (quote marks included) of the quotations of one paragraph; an unclosed quote runs to its end.

    >>> t = "He said “we will,” and ''not now.'' Then it came."
    >>> [t[x:y] for x, y in _quote_spans(t, 0, len(t))]
    ['“we will,”', "''not now.''"]
    """
    marks = [(m.start(), m.group()) for m in _QUOTE_MARK.finditer(text, a, b)]
    spans = []
    k = 0
    while k < len(marks):
        pos, mark = marks[k]
        if mark in ("”",) or (mark == '"' and pos > a and text[pos - 1].isalnum()):
            k += 1  # a closing mark with no opening one, or an inch sign
            continue
        closes = ("''",) if mark in ("''", "``") else ("”", '"') if mark == "“" else ('"',)
        j = k + 1
        while j < len(marks) and marks[j][1] not in closes:
            j += 1
        end = marks[j][0] + len(marks[j][1]) if j < len(marks) else b
        if end - pos > 3:
            spans.append((pos, end))
        k = j + 1
    return spans


def _in_quote(pos: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    for q in quotes:
        if q[0] <= pos < q[1]:
            return q
    return None


# --- the extractor -----------------------------------------------------------------------------------
def _find_cues(toks: list[_Tok], quotes: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(first token, end token, kind) of every cue outside quotes."""
    verbs = _lexicon().verbs
    out = []
    i = 0
    n = len(toks)
    words = [t for t in toks if t.is_word and t.text[0].isalpha()]
    headline = (
        len(words) >= 3 and sum(t.cap for t in words) / len(words) >= 0.7
    )  # Title Case: "County Says ..."
    # "Graham: Trump's rhetoric is destroying the party" (a headline or lead that opens with a source)
    colon = next((k for k, t in enumerate(toks[:7]) if t.text == ":"), None)
    if (
        colon
        and 0 < colon <= 4
        and colon + 1 < n
        and any(t.cap for t in toks[:colon])
        and not any(
            t.low in verbs
            or t.low in _PREPOSITIONS
            or t.low
            in (
                "latest",
                "update",
                "watch",
                "breaking",
                "exclusive",
                "analysis",
                "opinion",
                "video",
                "editorial",
                "note",
                "correction",
            )
            for t in toks[:colon]
        )
        and not _in_quote(toks[colon].start, quotes)
    ):
        out.append((colon, colon + 1, "colon"))
    candidates = _cue_vocabulary()
    while i < n:
        t = toks[i]
        low = t.low
        if low not in candidates or _in_quote(t.start, quotes):
            i += 1
            continue
        if low == "according":
            if i + 1 < n and toks[i + 1].low == "to":
                out.append((i, i + 2, "according"))
                i += 2
                continue
        elif low == "citing":
            out.append((i, i + 1, "citing"))
            i += 1
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
            i += 1
            continue
        if (
            low in verbs
            and t.is_word
            and (not t.cap or (headline and i > 0))
            and _is_verb_use(toks, i)
        ):
            out.append((i, i + 1, "verb"))
        i += 1
    return out


_DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your another any each every no "
    "new latest recent previous earlier official initial separate same first second final".split()
)
_NOUN_LIKE = frozenset(
    "report reports call calls order orders claim claims charge charges warning warnings estimate "
    "estimates quote quotes promise promises pledge pledges vow vows demand demands comment comments "
    "release releases issue issues state states note notes show shows find finds fear fears hope "
    "hopes answer answers reply replies tweet tweets post posts remark remarks statement statements "
    "finding findings testimony question questions".split()
)
_PREPOSITIONS = frozenset("in by at on from to with of for about".split())
_MODALS = frozenset(
    "can can't cannot could couldn't would wouldn't should shouldn't might may must will won't shall "
    "wo ca 'd".split()
)
_BE_FORMS = frozenset("is are was were be been being am".split())


def _is_verb_use(toks: list[_Tok], i: int) -> bool:
    """Is a reporting-verb form used as a finite verb here ("the report said": "report" is a noun)?"""
    low = toks[i].low
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and prev.low == "to":
        return False  # an infinitive: "a decision ... to declare"
    back = i - 1
    while back >= 0 and toks[back].low in (
        "not",
        "never",
        "also",
        "already",
        "then",
        "just",
        "n't",
    ):
        back -= 1
    if back >= 0 and toks[back].low in _MODALS:
        return False  # "can't say", "would say": not a report of speech
    if (
        back >= 0
        and toks[back].low in _BE_FORMS
        and low.endswith("ed")
        and not (nxt is not None and nxt.low == "as")
    ):
        return False  # a passive ("the deal was announced"), except "was quoted as saying"
    if low in _NOUN_LIKE:
        if (
            prev is None
            or prev.low in _DETERMINERS
            or prev.text.endswith(("’s", "'s"))
            or (
                prev.is_word
                and prev.cap
                and prev.low not in _PRONOUNS
                and i > 1
                and toks[i - 2].low in _DETERMINERS
            )
        ):
            return False
        kinds = _lexicon().kinds
        if (
            prev.is_word
            and not prev.cap
            and prev.low not in _PRONOUNS
            and prev.low not in _ADVERBS
            and not any(
                prev.low in kinds.get(k, ()) for k in ("anonymous", "media_noun", "document_noun")
            )
            and prev.low
            not in ("company", "government", "campaign", "group", "party", "agency", "ministry")
        ):
            return False  # "home state", "lurid tweets": a noun after a noun or adjective
        if nxt is not None and nxt.low in _lexicon().verbs and not nxt.cap:
            return False  # "the report quoted", "the reports said"
    if low.endswith("ing") and low not in ("according",):
        # a participle reports only after a comma ("..., warning of") or in "with X saying"
        return prev is not None and (
            prev.text in ",—–" or any(t.low == "with" for t in toks[max(0, i - 6) : i])
        )
    if (
        low.endswith("ed")
        and nxt is not None
        and nxt.low in ("in", "by")
        and prev is not None
        and prev.is_word
        and (not prev.cap or i == 1)
    ):
        return False  # "analysts quoted in the report": a participle modifier
    return True


def _content_after(
    toks: list[_Tok], k: int, hi: int, sent_end: int, weak: bool, verb: str
) -> tuple[int, int, bool] | None:
    """Content span after a preposed cue; the flag says whether a clause or quote was found."""
    i = k
    # "told the newspaper that", "noted to the Times that", "said on Monday that"
    for j in range(k, min(hi, k + 12)):
        t = toks[j]
        if t.low == "that" or (t.low in ("if", "whether") and verb in _ASK_VERBS) or t.text == ":":
            if j + 1 < hi:
                return toks[j + 1].start, sent_end, True
        if t.text in ("“", '"', "``", "''"):
            return t.start, sent_end, True
        if t.text in ",;" and j > k:
            break
    if k >= hi:
        return None
    first = toks[i]
    if first.text in (":",) and i + 1 < hi:
        return toks[i + 1].start, sent_end, True
    if first.low == "to" and verb in _TO_VERBS:
        return first.start, sent_end, True
    if first.low in ("of", "about") and verb.startswith(("warn", "caution")) and i + 1 < hi:
        return toks[i + 1].start, sent_end, True
    if first.text in ",;" or first.text in _CLOSE_QUOTES:
        return None
    if weak:
        if verb in _OBJECT_VERBS:
            end = next((t.start for t in toks[k:hi] if t.text in ",;"), sent_end)
            return first.start, end, True
        return None
    return first.start, sent_end, True


def _process_sentence(
    text: str,
    toks: list[_Tok],
    sid: int,
    pid: int,
    s_start: int,
    s_end: int,
    quotes: list[tuple[int, int]],
) -> list[_Attr]:
    found: list[_Attr] = []
    cues = _find_cues(toks, quotes)
    verbs = _lexicon().verbs
    n = len(toks)
    consumed_until = -1
    for ci, cj, kind in cues:
        if ci < consumed_until:
            continue
        cue_tok = toks[ci]
        if kind == "colon":
            start = 0
            while start < ci and toks[start].low in _FUNCTION_CAPS:
                start += 1
            if start < ci and ci + 1 < n:
                found.append(
                    _Attr(
                        toks[start].start,
                        toks[ci - 1].end,
                        ":",
                        cue_tok.start,
                        cue_tok.end,
                        toks[ci + 1].start,
                        s_end,
                        sid,
                        pid,
                        "source: content",
                    )
                )
            continue
        if kind == "according":
            np_ = _noun_phrase_after(toks, cj, n, stop_at_relative=False)
            if not np_:
                continue
            sp_a, sp_b = np_
            # "According to X, CONTENT." or "CONTENT, according to X."
            if ci == 0 or (ci > 0 and toks[ci - 1].text not in ","):
                c_start = toks[sp_b + 1].start if sp_b + 1 < n else toks[sp_b - 1].end
                c_end = s_end
            else:
                c_start, c_end = s_start, toks[ci - 1].start
            found.append(
                _Attr(
                    toks[sp_a].start,
                    toks[sp_b - 1].end,
                    "according to",
                    cue_tok.start,
                    toks[cj - 1].end,
                    c_start,
                    c_end,
                    sid,
                    pid,
                    "according to X",
                )
            )
            consumed_until = sp_b
            continue
        if kind == "citing":
            np_ = _noun_phrase_after(toks, cj, n)
            if not np_:
                continue
            sp_a, sp_b = np_
            a = _Attr(
                toks[sp_a].start,
                toks[sp_b - 1].end,
                "citing",
                cue_tok.start,
                cue_tok.end,
                s_start,
                s_end,
                sid,
                pid,
                "citing X",
            )
            a.parent_hint = len(found) - 1 if found else None
            found.append(a)
            consumed_until = sp_b
            continue
        if kind == "quoted_as":
            subj = _subject_before(toks, ci)
            as_idx = next(k for k in range(cj, n) if toks[k].low == "as")
            np_ = (cj, as_idx) if as_idx > cj else None
            c_from = as_idx + 2
            if c_from < n and toks[c_from].low == "that":
                c_from += 1
            c_start = toks[c_from].start if c_from < n else s_end
            if subj:
                found.append(
                    _Attr(
                        toks[subj[0]].start,
                        toks[subj[1] - 1].end,
                        "quoted",
                        cue_tok.start,
                        cue_tok.end,
                        toks[cj].start,
                        s_end,
                        sid,
                        pid,
                        "X quoted Y as saying",
                    )
                )
            if np_:
                end = np_[1]
                while end > np_[0] and toks[end - 1].text in ",":
                    end -= 1
                b = _Attr(
                    toks[np_[0]].start,
                    toks[end - 1].end,
                    "quoted ... as saying",
                    cue_tok.start,
                    cue_tok.end,
                    c_start,
                    s_end,
                    sid,
                    pid,
                    "X quoted Y as saying",
                )
                b.parent_hint = len(found) - 1 if subj else None
                found.append(b)
            consumed_until = c_from
            continue
        # --- reporting verbs
        verb = cue_tok.low
        weak = verb in _WEAK_VERBS
        prev = toks[ci - 1] if ci > 0 else None
        # "said Sunday said": a doubled verb is one cue
        if (
            prev is not None
            and prev.low in verbs
            and not prev.cap
            and found
            and found[-1].cue_start == prev.start
        ):
            continue
        # participles after a comma take the subject of the main clause: "..., warning of ..."
        if (
            verb in _PARTICIPLES
            and prev is not None
            and prev.text in ",—–"
            and verb not in ("citing",)
        ):
            main = next((f for f in reversed(found) if f.speaker_start is not None), None)
            if main is not None:
                sp = (main.speaker_start, main.speaker_end)
            else:
                first = _subject_before(toks, _first_verb_index(toks))
                sp = (toks[first[0]].start, toks[first[1] - 1].end) if first else None
            content = _content_after(toks, cj, n, s_end, False, verb)
            if sp and content:
                found.append(
                    _Attr(
                        sp[0],
                        sp[1],
                        verb,
                        cue_tok.start,
                        cue_tok.end,
                        content[0],
                        content[1],
                        sid,
                        pid,
                        "participle after the main clause",
                    )
                )
            continue
        # "with the security officials saying ..."
        subj = _subject_before(toks, ci)
        after_quote = prev is not None and (
            prev.text in _CLOSE_QUOTES
            or (prev.text == "," and ci >= 2 and toks[ci - 2].text in _CLOSE_QUOTES)
        )
        postposed = (
            subj is not None
            and subj[0] > 0
            and toks[subj[0] - 1].text in ',”"'
            and _is_clause_end(toks, cj, n)
        )
        if after_quote and not subj:
            # “...,” said Salami
            np_ = _noun_phrase_after(toks, cj, n)
            q = _quote_before(toks, ci, quotes)
            if np_ and q:
                found.append(
                    _Attr(
                        toks[np_[0]].start,
                        toks[np_[1] - 1].end,
                        verb,
                        cue_tok.start,
                        cue_tok.end,
                        q[0],
                        q[1],
                        sid,
                        pid,
                        "quote, then cue and speaker",
                    )
                )
                consumed_until = np_[1]
            continue
        if subj is None and not weak and prev is not None and prev.text == "," and ci >= 4:
            # "CONTENT, said Alan Abramowitz, a demographer at Emory." / "..., say some Democrats, who ...":
            # an unquoted content before an inverted cue and its speaker
            np_ = _noun_phrase_after(toks, cj, n)
            if (
                np_
                and (np_[1] >= n or toks[np_[1]].text in ",;.")
                and _plausible_speaker(toks[np_[0] : np_[1]])
                and sum(1 for t in toks[: ci - 1] if t.is_word) >= 4
            ):
                c_end = prev.start
                found.append(
                    _Attr(
                        toks[np_[0]].start,
                        toks[np_[1] - 1].end,
                        verb,
                        cue_tok.start,
                        cue_tok.end,
                        s_start,
                        c_end,
                        sid,
                        pid,
                        "postposed: content, cue speaker",
                    )
                )
                consumed_until = np_[1]
            continue
        if subj is None:
            # a pronoun-less passive or an imperative: no attribution
            continue
        sp_a, sp_b = subj
        commas = [k for k in range(sp_a, sp_b) if toks[k].text == ","]
        if (
            commas
            and not weak
            and (cj >= n or toks[cj].text in ",.;")
            and commas[-1] + 1 < sp_b
            and sum(1 for t in toks[: commas[-1]] if t.is_word) >= 4
            and not any(t.text in _CLOSE_QUOTES or t.text in _OPEN_QUOTES for t in toks[:sp_b])
        ):
            # "Nor does she have any plans, advisers say, to take cues ...": a speaker and cue set off by commas;
            # the content is the sentence around them (or before them, when they close it)
            sp_a = commas[-1] + 1
            if not _plausible_speaker(toks[sp_a:sp_b]) or any(
                t.cap for t in toks[commas[-1] - 1 : commas[-1]]
            ):
                continue  # "Raphael Lemkin, who coined ...": an appositive of a name, not a speaker set off by commas
            closes = cj >= n or toks[cj].text in ".;" or (toks[cj].text == "," and cj + 1 >= n)
            c_end = toks[commas[-1]].start if closes else s_end
            found.append(
                _Attr(
                    toks[sp_a].start,
                    toks[sp_b - 1].end,
                    verb,
                    cue_tok.start,
                    cue_tok.end,
                    s_start,
                    c_end,
                    sid,
                    pid,
                    "parenthetical: content, speaker cue, content",
                )
            )
            continue
        q = _quote_before(toks, sp_a, quotes)
        if q is not None and _is_clause_end(toks, cj, n):
            # “...,” Salami said; a quotation that closes a longer sentence is mixed: X feared that Y “...,” Z said
            c_start = q[0] if q[0] <= s_start or not text[s_start : q[0]].strip() else s_start
            found.append(
                _Attr(
                    toks[sp_a].start,
                    toks[sp_b - 1].end,
                    verb,
                    cue_tok.start,
                    cue_tok.end,
                    c_start,
                    q[1],
                    sid,
                    pid,
                    "quote, then speaker and cue",
                )
            )
            continue
        if postposed:
            # "CONTENT, the report said." / "CONTENT, X declared, Y told the newspaper."
            c_end = toks[sp_a - 1].start
            while c_end > s_start and text[c_end - 1] in " ,":
                c_end -= 1
            c_start = s_start
            for f in found:
                if (
                    f.content_start == s_start
                    and f.cue_start < toks[sp_a].start
                    and f.rule.startswith("postposed")
                ):
                    pass
            found.append(
                _Attr(
                    toks[sp_a].start,
                    toks[sp_b - 1].end,
                    verb,
                    cue_tok.start,
                    cue_tok.end,
                    c_start,
                    max(c_start, c_end),
                    sid,
                    pid,
                    "postposed: content, speaker cue",
                )
            )
            continue
        subj_head = _head_noun(toks[sp_a:sp_b])
        if (
            weak
            and verb in _FINDING_VERBS
            and subj_head is not None
            and subj_head.low in _lexicon().kinds.get("document_noun", ())
        ):
            weak = False  # "a poll showed Clinton ahead": documents report without "that"
        content = _content_after(toks, cj, n, s_end, weak, verb)
        if content is None:
            continue
        found.append(
            _Attr(
                toks[sp_a].start,
                toks[sp_b - 1].end,
                verb,
                cue_tok.start,
                cue_tok.end,
                content[0],
                content[1],
                sid,
                pid,
                "speaker, cue, content",
            )
        )
    return found


def _plausible_speaker(toks: list[_Tok]) -> bool:
    """A speaker after an inverted cue or between commas: a capitalised name or title ("Alan Abramowitz",
    "Sen. Graham"), or a determiner or number before a word of the source lexicon ("some Democrats",
    "several observers", "advisers"); not a pronoun, a clause ("they will vote"), a time or a preposition."""
    words = [t for t in toks if t.is_word]
    if not words or len(words) > 12:
        return False
    first = words[0]
    if (
        first.low in _TIME_WORDS
        or first.low in _PREPOSITIONS
        or first.low in _PRONOUNS
        or first.low in ("who", "which", "that", "it", "itself", "its", "their", "his", "her")
    ):
        return False
    if any(
        t.low in _lexicon().verbs
        or t.low
        in (
            "will",
            "would",
            "should",
            "could",
            "can",
            "may",
            "might",
            "must",
            "had",
            "has",
            "have",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
        )
        for t in words[1:]
    ):
        return False
    if first.cap:
        return True
    kinds = _lexicon().kinds
    known = (
        kinds.get("anonymous", frozenset())
        | kinds.get("role", frozenset())
        | kinds.get("title", frozenset())
    )
    return any(t.low in known for t in words)


def _first_verb_index(toks: list[_Tok]) -> int:
    for i, t in enumerate(toks):
        if (
            i > 0
            and t.is_word
            and not t.cap
            and t.low not in ("the", "a", "an", "of", "in", "on", "at", "for", "and")
            and (t.low.endswith("ed") or t.low.endswith("s"))
        ):
            return i
    return 0


def _is_clause_end(toks: list[_Tok], k: int, n: int) -> bool:
    """After a postposed cue only an adverbial or object remains before a comma or the end."""
    for j in range(k, min(n, k + 6)):
        t = toks[j]
        if t.text in ",;" or t.text in _CLOSE_QUOTES:
            return True
        if t.low in ("that",) or t.text in ("“", "``"):
            return False
    return k + 6 >= n or all(
        not t.is_word
        or t.cap
        or t.low in _TIME_WORDS
        or t.low in ("the", "newspaper", "on", "in", "to", "a", "reporters")
        for t in toks[k:n]
    )


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


_RUN_BEFORE = re.compile(r"(?:[A-Z][\w’'\-]+\.?\s+){1,2}$")


def _name_before(text: str, word: str) -> Iterable[tuple[int, int]]:
    """Spans of "First [Middle] <word>" in ``text``: capitalised words right before each occurrence of ``word``."""
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if (end == len(text) or not text[end].isalnum()) and (i == 0 or not text[i - 1].isalnum()):
            window_start = max(0, i - 60)
            m = _RUN_BEFORE.search(text, window_start, i)
            if m:
                yield m.start(), end
        i = text.find(word, end)


def _finish(attrs: list[_Attr], text: str, registry: dict[str, str]) -> list[_Attr]:
    """Types, names, organisations, counts, relays and quote kinds for one article's attributions."""
    media_seen = False
    last_person: _Attr | None = None
    for at in attrs:
        at.extras["toks"] = (
            _tokens(text, at.speaker_start, at.speaker_end) if at.speaker_start is not None else []
        )
    # first pass: register full names so surnames resolve wherever they appear
    for at in attrs:
        if at.speaker_start is None:
            continue
        toks = at.extras["toks"]
        name = _person_name(toks)
        if name and len(name.split()) >= 2:
            _register(registry, name)
    lex = _lexicon()
    searched: set[str] = set()
    for at in attrs:
        if at.speaker_start is None:
            continue
        toks = [t for t in at.extras["toks"] if t.is_word]
        caps = [t for t in toks if t.cap]
        if (
            len(caps) == 2
            and caps[0].low in lex.kinds.get("person_title", ())
            and caps[1] is toks[-1]
        ):
            caps = caps[1:]  # "Mr. Obama": look for "Barack Obama"
        if len(caps) == 1 and caps[0] is toks[-1] and not _resolve_name(caps[0].text, registry):
            word = re.sub(r"['’]s$", "", caps[0].text)
            if word in searched:
                continue
            searched.add(word)
            if (
                word.lower() in lex.kinds.get("place", ())
                or word.lower() in lex.kinds.get("org_name", ())
                or word.lower() in lex.kinds.get("media_outlet", ())
                or word.lower() in lex.kinds.get("demonym", ())
            ):
                continue
            # "Ostovar said" where the article named "Iran expert Afshon Ostovar" earlier (or later)
            found_names: dict[str, int] = {}
            for m in _name_before(text, word):
                run = _strip_titles([t for t in _tokens(text, m[0], m[1]) if t.is_word])
                words = [t.text for t in run]
                if (
                    len(words) < 2
                    or word in words[:-1]
                    or any(
                        w.lower() in lex.kinds.get("place", ())
                        or w.lower() in lex.kinds.get("org_name", ())
                        or w.lower() in lex.kinds.get("media_outlet", ())
                        or w.lower() in _FUNCTION_CAPS
                        or w.lower() in lex.kinds.get("title", ())
                        or w.lower() in _TIME_WORDS
                        for w in words
                    )
                ):
                    continue
                name = " ".join(words)
                found_names[name] = found_names.get(name, 0) + 1
            if found_names:
                _register(registry, max(found_names, key=lambda k: (found_names[k], -len(k))))
    for idx, at in enumerate(attrs):
        toks = at.extras["toks"]
        at.speaker = (
            text[at.speaker_start : at.speaker_end] if at.speaker_start is not None else None
        )
        kind, name = _classify(toks, registry, media_seen)
        if kind == "pronoun":
            low = toks[0].low if toks else ""
            ref = (
                last_person if _PRONOUNS.get(low) == "sg" else (attrs[idx - 1] if idx > 0 else None)
            )
            if ref is not None:
                kind, name = ref.source_type, ref.speaker_name
                at.extras["resolved_from"] = ref.speaker
            else:
                kind, name = "anonymous", None
        at.source_type, at.speaker_name = kind, name
        if kind == "media":
            media_seen = True
        if kind == "named_person":
            last_person = at
        at.source_org = _org_in(toks) if kind in ("named_person", "anonymous") else None
        at.count = _count(toks) if kind == "anonymous" else None
        # quote kind
        seg = text[at.content_start : at.content_end].strip()
        if seg and seg[0] in "“\"‘`'" and seg.rstrip(" ,.")[-1:] in "”\"’'":
            at.quote = "direct"
        elif any(q in seg for q in "“”") or re.search(r'(^|\s)"\w', seg):
            at.quote = "mixed"
        else:
            at.quote = "indirect"
    _resolve_descriptors(attrs, text, registry)
    _link_relays(attrs)
    return attrs


_PERSON_HEADS = frozenset(
    "nominee candidate hopeful frontrunner front-runner senator congressman congresswoman".split()
)


def _resolve_descriptors(attrs: list[_Attr], text: str, registry: dict[str, str]) -> None:
    """A descriptor the article names elsewhere is that person: "a top commander of Iran's missile array said"
    named in the next paragraph, "the Democratic presidential nominee" named as such in the article."""
    roles = _lexicon().kinds.get("role", ()) | _PERSON_HEADS
    for i, at in enumerate(attrs):
        if at.source_type != "anonymous" or at.speaker_start is None or at.count:
            continue
        toks = [t for t in _tokens(text, at.speaker_start, at.speaker_end) if t.is_word]
        if (
            not toks
            or toks[0].low not in ("a", "an", "the")
            or any(
                p in (at.speaker or "").lower()
                for p in _lexicon().kinds.get("anonymity_phrase", ())
            )
        ):
            continue
        head = _head_noun(toks)
        if head is None or head.low not in roles:
            continue
        for later in attrs[i + 1 :]:
            if later.paragraph_id > at.paragraph_id + 2:
                break
            if (
                later.source_type == "named_person"
                and later.speaker
                and head.low in later.speaker.lower()
            ):
                at.source_type, at.speaker_name = "named_person", later.speaker_name
                at.extras["named_later_by"] = later.speaker
                break
        else:
            if toks[0].low != "the":
                continue
            # "the Democratic presidential nominee" where the article says "Democratic presidential nominee Hillary Clinton"
            modifiers = [t.text for t in toks[1:] if t is not head][:3]
            phrase = r"\s+".join(re.escape(w) for w in modifiers + [head.text])
            m = re.search("(?i:" + phrase + r")\s+((?:[A-Z][\w’'\-.]+\s?){1,3})", text)
            if m:
                name = _person_name(_tokens(text, m.start(1), m.end(1)), registry)
                if name:
                    at.source_type = "named_person"
                    at.speaker_name = _resolve_name(name, registry) or name
                    at.extras["named_elsewhere_as"] = m.group(0)


def _link_relays(attrs: list[_Attr]) -> None:
    """``relayed_via``: "citing X" relays X through the citer; an attribution whose cue lies inside another's
    content is relayed through the innermost such attribution."""
    for at in attrs:
        if at.rule == "citing X" and at.parent_hint is not None:
            parent = attrs[at.parent_hint]
            at.content_start, at.content_end = parent.content_start, parent.content_end
            at.quote = "indirect"  # the citation itself reports, it does not quote
    for i, at in enumerate(attrs):
        if at.rule in ("citing X", "X quoted Y as saying") and at.parent_hint is not None:
            at.relayed_via = at.parent_hint
            continue
        best = None
        for j, other in enumerate(attrs):
            if j == i or other.relayed_via == i:
                continue
            if other.content_start <= at.cue_start < other.content_end and (
                at.speaker_start is None or other.content_start <= at.speaker_start
            ):
                size = other.content_end - other.content_start
                # the innermost content; on a tie the later one (the people a report cites) is closer
                if (
                    best is None
                    or size < attrs[best].content_end - attrs[best].content_start
                    or (size == attrs[best].content_end - attrs[best].content_start and j > best)
                ):
                    best = j
        at.relayed_via = best


def _floating_quotes(
    attrs: list[_Attr],
    text: str,
    sentences: list[tuple[int, int, int, int]],
    quotes_by_par: dict[int, list[tuple[int, int]]],
) -> None:
    """A sentence that is wholly a quotation, with no cue, continues the previous speaker's content."""
    by_sentence = {a.sentence_id for a in attrs}
    for sid, pid, s, e in sentences:
        if sid in by_sentence:
            continue
        seg = text[s:e].strip()
        if not seg or seg[0] not in '“"':
            continue
        prev = [
            a
            for a in attrs
            if a.sentence_id < sid and a.paragraph_id >= pid - 1 and a.quote in ("direct", "mixed")
        ]
        if not prev:
            continue
        last = max(prev, key=lambda a: a.sentence_id)
        if any(a.sentence_id > last.sentence_id and a.sentence_id < sid for a in attrs):
            continue
        last.content_end = max(last.content_end, e)
        last.extras["floating_quote"] = True


# weak verbs report only with one of these (or a quotation) in the sentence
_COMPLEMENTS = frozenset("that whether if of about to".split()) | {"according", "citing", "quoted"}
_HAS_QUOTE = re.compile("[“”\"]|''|``")


@lru_cache(maxsize=1)
def _cue_vocabulary() -> frozenset[str]:
    return frozenset(_lexicon().verbs) | {"according", "citing", "quoted", "quotes", "quoting"}


def _article_attributions(text: str) -> list[_Attr]:
    sentences = []
    for sid, (pid, s, e) in enumerate(iter_sentences(text)):
        sentences.append((sid, pid, s, e))
    quotes_by_par = {
        pid: _quote_spans(text, a, b) for pid, (a, b) in enumerate(paragraph_spans(text))
    }
    attrs: list[_Attr] = []
    cue_words = _cue_vocabulary()
    strong_words = cue_words - (_WEAK_VERBS - _OBJECT_VERBS - _FINDING_VERBS)
    complements = _COMPLEMENTS
    lowered = text.lower()
    for sid, pid, s, e in sentences:
        # most sentences hold no usable cue: set operations (in C) say so before any tokenising
        words = set(WORD_RE.findall(lowered, s, e))
        if (
            strong_words.isdisjoint(words)
            and ":" not in text[s:e]
            and (
                cue_words.isdisjoint(words)
                or (complements.isdisjoint(words) and not _HAS_QUOTE.search(text, s, e))
            )
        ):
            continue
        toks = _tokens(text, s, e)
        if not toks:
            continue
        quotes = quotes_by_par.get(pid, [])
        offset = len(attrs)
        found = _process_sentence(text, toks, sid, pid, s, e, quotes)
        # a content that runs on into a later speaker's cue ("X feared that ..., the report said") stops before it
        for at in found:
            for other in found:
                if (
                    other is not at
                    and other.speaker_start is not None
                    and at.content_start < other.speaker_start < at.content_end
                    and other.content_start <= at.cue_start
                    and other.cue_start > at.cue_start
                ):
                    cut = other.speaker_start
                    while cut > at.content_start and text[cut - 1] in " ,—–":
                        cut -= 1
                    at.content_end = cut
        for at in found:
            if at.parent_hint is not None:
                at.parent_hint += offset
            # a quotation that opened earlier in the paragraph belongs to the content
            q = _in_quote(at.content_start, quotes)
            if q and q[0] < at.content_start and at.rule.startswith("quote"):
                at.content_start = q[0]
            attrs.append(at)
    registry: dict[str, str] = {}
    _finish(attrs, text, registry)
    _floating_quotes(attrs, text, sentences, quotes_by_par)
    return attrs


def find_attributions(articles: pd.DataFrame, *, processes: int | None = None) -> pd.DataFrame:
    """One row per attribution: speaker, cue, content span, source type and the rest of ``../shared/API.md``.

    Offsets index into ``articles.text``. Extra columns: ``sentence_id``, ``paragraph_id`` and
    ``rule`` (the construction that found it). Articles in another language are skipped and
    listed in ``attrs["skipped"]``. Large corpora are split over ``processes`` worker processes
    (default: all cores; ``analysis.parallel``).

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "“We will take revenge,” Salami said. Three sources familiar with the talks told the newspaper that "
    ...     "the plan was ready. According to the Reuters news agency, Tehran denies the allegation."]})
    >>> at = find_attributions(arts)
    >>> at[["speaker", "cue", "source_type", "count", "quote"]].values.tolist()
    [['Salami', 'said', 'named_person', None, 'direct'], ['Three sources familiar with the talks', 'told', 'anonymous', 3, 'indirect'], ['the Reuters news agency', 'according to', 'media', None, 'indirect'], ['Tehran', 'denies', 'organization', None, 'indirect']]
    """
    from .parallel import concat, map_chunks

    kept, skipped = analysable(articles)
    parts = map_chunks(_attributions_frame, kept[["article_id", "text"]], processes=processes)
    return concat(parts, skipped=skipped)


def _attributions_frame(kept: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict] = []
    for aid, text in progress(
        zip(kept["article_id"], kept["text"]), total=len(kept), desc="attributions"
    ):
        if not isinstance(text, str) or not text.strip():
            continue
        attrs = _article_attributions(text)
        for k, at in enumerate(attrs):
            rows.append(
                {
                    "article_id": aid,
                    "attribution_id": k,
                    "speaker": at.speaker,
                    "speaker_start": at.speaker_start,
                    "speaker_end": at.speaker_end,
                    "cue": at.cue,
                    "cue_start": at.cue_start,
                    "cue_end": at.cue_end,
                    "content_start": at.content_start,
                    "content_end": at.content_end,
                    "source_type": at.source_type,
                    "speaker_name": at.speaker_name,
                    "source_org": at.source_org,
                    "count": at.count,
                    "relayed_via": at.relayed_via,
                    "quote": at.quote,
                    "sentence_id": at.sentence_id,
                    "paragraph_id": at.paragraph_id,
                    "rule": at.rule,
                }
            )
    out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    for col in ("speaker_start", "speaker_end", "count", "relayed_via"):
        out[col] = out[col].astype("Int64")
    for col in (
        "cue_start",
        "cue_end",
        "content_start",
        "content_end",
        "attribution_id",
        "sentence_id",
        "paragraph_id",
    ):
        out[col] = out[col].astype("int64")
    for col in ("speaker_name", "source_org", "speaker"):
        out[col] = out[col].astype("object").where(out[col].notna(), None)
    out["count"] = out["count"].astype("object").where(out["count"].notna(), None)
    out["relayed_via"] = out["relayed_via"].astype("object").where(out["relayed_via"].notna(), None)
    return out


def sourcing_summary(
    articles: pd.DataFrame,
    *,
    attributions: pd.DataFrame | None = None,
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """One row per article: attributions, counts and shares per source type, distinct sources, own voice.

    A relayed attribution counts toward the type of the source the article relies on (the
    outermost one) and is also listed by its own type in ``relayed_<type>``. ``named_sources``
    and ``anonymous_sources`` count distinct sources; ``unattributed_share`` is the share of body
    words in no attribution's content (the article's own voice). Duplicates and other languages
    are left out and listed in ``attrs["excluded"]``.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "Officials said the talks failed. “We will not accept,” Salami said. Salami said it again. The end came."]})
    >>> s = sourcing_summary(arts)
    >>> s[["attributions", "anonymous", "named_person", "named_sources", "anonymous_sources"]].to_dict("records")
    [{'attributions': 3, 'anonymous': 1, 'named_person': 2, 'named_sources': 1, 'anonymous_sources': 1}]
    """
    kept, excluded = analysable(articles, include_duplicates=include_duplicates)
    if attributions is None:
        attributions = find_attributions(kept)
    at = with_relied_type(rows_of(attributions, kept))
    out = pd.DataFrame({"article_id": kept["article_id"].to_numpy()})
    ids = out["article_id"]

    def per_article(rows: pd.DataFrame, column: str) -> pd.DataFrame:
        # one grouping per table, over the two columns it needs (a filter per type copied every column)
        return rows.groupby(["article_id", column], sort=False).size().unstack(fill_value=0)

    def counts(table: pd.DataFrame, column: str) -> pd.Series:
        if column not in table.columns:
            return pd.Series(0, index=out.index, dtype="int64")
        return ids.map(table[column]).fillna(0).astype("int64")

    out["attributions"] = (
        ids.map(at.groupby("article_id", sort=False).size()).fillna(0).astype("int64")
    )
    relied = per_article(at[["article_id", "relied_type"]], "relied_type")
    for t in SOURCE_TYPES:
        out[t] = counts(relied, t)
    for t in SOURCE_TYPES:
        out[f"{t}_share"] = (out[t] / out["attributions"].where(out["attributions"] > 0)).round(4)
    relayed = per_article(
        at.loc[at["is_relayed"].to_numpy(), ["article_id", "source_type"]], "source_type"
    )
    for t in SOURCE_TYPES:
        out[f"relayed_{t}"] = counts(relayed, t)
    named = at.loc[(at["source_type"] == "named_person").to_numpy(), ["article_id", "speaker_name"]]
    out["named_sources"] = (
        ids.map(named.groupby("article_id")["speaker_name"].nunique()).fillna(0).astype("int64")
    )
    anon = at.loc[(at["source_type"] == "anonymous").to_numpy(), ["article_id", "speaker"]]
    anon = anon.assign(
        key=anon["speaker"].str.lower().str.replace(r"^(the|a|an)\s+", "", regex=True)
    )
    out["anonymous_sources"] = (
        ids.map(anon.groupby("article_id")["key"].nunique()).fillna(0).astype("int64")
    )
    out["unattributed_share"] = _unattributed_shares(kept, at)
    out.attrs["excluded"] = excluded
    return out


def with_relied_type(attributions: pd.DataFrame) -> pd.DataFrame:
    """A copy with ``relied_type`` (the type of the outermost source the article relies on, following
    ``relayed_via``) and ``is_relayed``.

    >>> at = pd.DataFrame({"article_id": ["a", "a"], "attribution_id": [0, 1], "relayed_via": [1, None],
    ...                    "source_type": ["named_person", "media"]})
    >>> with_relied_type(at)[["relied_type", "is_relayed"]].values.tolist()
    [['media', True], ['media', False]]
    """
    # vectorised: each row's parent row found by one index lookup, chains followed a step at a time for
    # all rows together (a per-row walk over namedtuples cost hundreds of MB on large corpora)
    n = len(attributions)
    relayed = pd.to_numeric(attributions["relayed_via"], errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )
    is_relayed = ~np.isnan(relayed)
    # the few distinct type strings, shared by every row (not a new Python string per row)
    type_codes, type_names = pd.factorize(attributions["source_type"])
    types = np.append(np.asarray(type_names, dtype=object), None)[
        type_codes
    ]  # code -1 (missing): None
    position = np.arange(n)
    if is_relayed.any():
        # one integer key per (article, attribution): article codes, not article strings, so no Python
        # string is made per row
        codes = pd.factorize(attributions["article_id"])[0].astype("int64")
        ids = pd.to_numeric(attributions["attribution_id"], errors="coerce").to_numpy(
            dtype="float64", na_value=-1
        )
        span = int(max(np.nanmax(ids, initial=0), np.nanmax(relayed, initial=0))) + 2
        own = pd.Index(codes * span + ids.astype("int64"))
        wanted = codes * span + np.where(is_relayed, relayed, -1).astype("int64")
        positions = np.arange(n)
        if (
            not own.is_unique
        ):  # a malformed frame repeating an (article, attribution) pair: the last one counts
            last = ~own.duplicated(keep="last")
            own, positions = own[last], positions[last]
        found = own.get_indexer(wanted)
        parent = np.where(
            found >= 0, positions[found], -1
        )  # -1: not relayed, or relayed outside the frame
        parent[~is_relayed] = -1
        current = position.copy()
        for _ in range(32):
            step = parent[current]
            moving = step >= 0
            if not moving.any():
                break
            current[moving] = step[moving]
        else:  # still moving after 32 steps: a cycle (or a very long chain); walk those rows one by one
            for row in np.flatnonzero(parent[current] >= 0):
                cur, seen = row, set()
                while parent[cur] >= 0 and cur not in seen:
                    seen.add(cur)
                    cur = parent[cur]
                current[row] = cur
        position = current
    return attributions.assign(
        relied_type=pd.Series(types[position], index=attributions.index, dtype="object"),
        is_relayed=is_relayed,
    )


def _unattributed_shares(kept: pd.DataFrame, at: pd.DataFrame) -> list[float]:
    """``_unattributed_share`` of every article of ``kept``, with the content spans of ``at``.

    Spans are taken article by article through integer codes, so only one article's spans are Python
    objects at a time (a table of every span cost hundreds of MB at 100,000 articles)."""
    ids = pd.Index(kept["article_id"]).unique()
    rows, first, last = rows_by_article(at, ids)
    starts = at["content_start"].to_numpy(dtype="int64")[rows]
    ends = at["content_end"].to_numpy(dtype="int64")[rows]
    shares = []
    for code, text in zip(ids.get_indexer(kept["article_id"]).tolist(), kept["text"]):
        lo, hi = int(first[code]), int(last[code])
        spans = list(zip(starts[lo:hi].tolist(), ends[lo:hi].tolist()))
        shares.append(_unattributed_share(text if isinstance(text, str) else "", spans))
    return shares


def _unattributed_share(text: str, spans: Iterable[tuple[int, int]]) -> float:
    """Share of the body's words outside every attribution's content (the article's own voice).

    >>> _unattributed_share("one two three four", [(4, 13)])
    0.5
    """
    total = len(WORD_RE.findall(text))
    if not total:
        return 0.0
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    inside = sum(len(WORD_RE.findall(text, a, b)) for a, b in merged)
    return round(1 - min(inside, total) / total, 4)
