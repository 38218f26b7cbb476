"""Sourcing data: the word lists and lexicons the rules read (reporting verbs, source lexicon, word classes)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from ..paths import package_data_dir


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


_FUNCTION_CAPS = frozenset(
    "the in on at but however and for after before while as a an according with by from to of "
    "if when although though since this that these those it its he she they we i".split()
)


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


_PERSON_HEADS = frozenset(
    "nominee candidate hopeful frontrunner front-runner senator congressman congresswoman".split()
)


# weak verbs report only with one of these (or a quotation) in the sentence
_COMPLEMENTS = frozenset("that whether if of about to".split()) | {"according", "citing", "quoted"}


@lru_cache(maxsize=1)
def _cue_vocabulary() -> frozenset[str]:
    return frozenset(_lexicon().verbs) | {"according", "citing", "quoted", "quotes", "quoting"}
