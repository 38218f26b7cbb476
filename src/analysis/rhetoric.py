"""Threat language: three measures (threat acts, threat salience, violence), modes, KWIC, sentiment.

A word list cannot tell "Iran will attack" from "Iran attacked": both contain *attack*. So the
lexicon (``data/threat_lexicon.csv``) gives every term a *role*:

- ``act``: a coercive act (attack, revenge, set ablaze, expel, sanction, ...). It is a
  **threat act** when a commissive cue governs it ("will", "vowed", "threatened to", "ready to"),
  a directive cue ("instructed that", "called on ... to"), or a blood-revenge formula ("would
  suffice for revenge"); otherwise it keeps the measure its row gives (``violence`` for a report
  of an attack, ``threat_salience`` for talk of revenge, nothing for a report of sanctions). A
  past form ("attacked", "killed") is a report, never a threat.
- ``explicit``: threats on their own ("threatened", "Death to ...", "ultimatum").
- ``salience``: talk of danger and threat ("threat", "danger", "blood lust", "travel advisory").
- ``cue``: commissive, directive, hypothetical, negation, condition, coordination markers.

Modes: ``negated`` ("will not retaliate", "unlikely to attack", "the chances of an attack were
low"), ``hypothetical`` ("could target", "the possibility of rocket fire": speculation, counted as
threat salience), ``conditional`` ("If ..., we will ..." — still a threat), else ``asserted``.
Every match says which cue decided it (``cue``, ``rule``), so a count can be explained.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .loading import analysable, rows_by_article, rows_of  # noqa: F401  (analysable also reachable as analysis.rhetoric.analysable)
from .lexicon import (
    Lexicon,
    Term,
    _matches_in_tokens,
    _norm,
    load_lexicon,
    normalize_for_matching,
    tokenize,
)
from .progress import progress
from .text import WORD_RE, iter_sentences, split_sentences

__all__ = [
    "MEASURES",
    "find_threats",
    "threat_summary",
    "kwic",
    "sentence_sentiment",
    "threat_lexicon",
    "threat_passages",
    "attach_speakers",
    "analysable",
]

MEASURES = ("threat_act", "threat_salience", "violence")
THREAT_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "matched_text",
    "term",
    "category",
    "measure",
    "mode",
    "negated",
    "hypothetical",
    "speaker",
    "speaker_type",
    "cue",
    "rule",
]

_WINDOW = 10  # tokens a commissive or directive cue reaches forward
_IRREGULAR_PAST = frozenset("struck slain blew blown fought burnt drove".split())
# "would not hesitate to use force" is not a negated threat
_NOT_NEGATING = frozenset("hesitate hesitation shy flinch".split())


@lru_cache(maxsize=8)
def _load_default(path: str | None) -> Lexicon:
    return load_lexicon(path)


def threat_lexicon(lexicon: Lexicon | str | Path | Mapping | None = None) -> Lexicon:
    """The lexicon ``find_threats`` uses: the package's threat lexicon, or a user's one.

    >>> lex = threat_lexicon()
    >>> sorted({k.split(".")[0] for k in lex.keys})
    ['act', 'cue', 'explicit', 'report', 'salience']
    """
    if lexicon is None or isinstance(lexicon, (str, Path)):
        return _load_default(None if lexicon is None else str(lexicon))
    return load_lexicon(lexicon)


def _lexicon_rows() -> dict[tuple[str, str], dict[str, str]]:
    """(key, pattern) -> the CSV row of the package lexicon (measure, reach, exclusions)."""
    import csv

    from .paths import package_data_dir

    out = {}
    with open(package_data_dir() / "threat_lexicon.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out[(f"{r['role']}.{r['category']}", r["term"])] = r
    return out


_ROWS: dict[tuple[str, str], dict[str, str]] | None = None


def _row(term: Term) -> dict[str, str]:
    global _ROWS
    if _ROWS is None:
        _ROWS = _lexicon_rows()
    return _ROWS.get((term.key, term.pattern), {})


def _measure_of(term: Term) -> str:
    row = _row(term)
    if row:
        return row["measure"]
    # a user's rule lexicon: the role decides
    role = term.key.split(".", 1)[0]
    return {"explicit": "threat_act", "salience": "threat_salience"}.get(role, "violence")


def _excluded(term: Term, tokens: list[str], i: int, j: int) -> bool:
    """The row's ``not_followed_by``/``not_preceded_by`` words: "strike a deal", "heart attack"."""
    row = _row(term)
    nf, np_ = row.get("not_followed_by"), row.get("not_preceded_by")
    if nf:
        for alt in nf.split("|"):
            words = alt.split()
            # "strike a deal", and one word may stand between: "target Indiana voters"
            if tokens[j : j + len(words)] == words or (
                len(words) == 1 and tokens[j + 1 : j + 2] == words
            ):
                return True
    if np_ and i > 0:
        for alt in np_.split("|"):
            words = alt.split()
            if i >= len(words) and tokens[i - len(words) : i] == words:
                return True
    return False


def _is_past_form(tokens: list[str], i: int, j: int) -> bool:
    """A report of a past act ("attacked", "have been killed"), not "will be destroyed"."""
    head = tokens[j - 1] if j - i == 1 else tokens[i]
    past = (head.endswith("ed") and len(head) > 4) or head in _IRREGULAR_PAST
    if not past:
        return False
    # "will be destroyed", "would be hunted down and punished": a passive future, not a report
    return not any(t in ("be", "being") for t in tokens[max(0, i - 4) : i])


_ROLE_RANK = {"explicit": 0, "act": 1, "report": 2, "salience": 3}
_TARGET_ROLES = ("act", "explicit", "salience", "report")
_BE_FORMS = frozenset(
    "be is are was were been being am feel feels felt get gets got remain remains".split()
)
_AUX = frozenset(
    "has have had also again repeatedly publicly openly already even recently reportedly once "
    "previously often never".split()
)
_AGENTS = frozenset("he she they we i who".split())
# directives that report an executed act when they take a plain object ("authorized the raid that killed")
_NEEDS_COMPLEMENT = frozenset(
    "order orders ordered ordering authorize authorized authorised command commanded "
    "instruct instructs instructed instructing".split()
)


def _longest_targets(targets: list[tuple[str, int, int, Term]]) -> list[tuple[str, int, int, Term]]:
    """Across keys, a match inside a longer one is the same words: keep the longest ("revenge attack",
    not also "attack"); on equal spans an explicit threat beats an act, an act beats a report or salience."""
    ranked = sorted(
        targets, key=lambda t: (-(t[2] - t[1]), _ROLE_RANK.get(t[0].split(".")[0], 4), t[1])
    )
    kept: list[tuple[str, int, int, Term]] = []
    for t in ranked:
        if any(k[1] <= t[1] and t[2] <= k[2] for k in kept):
            continue
        kept.append(t)
    return sorted(kept, key=lambda t: t[1])


def _classify_sentence(
    tokens: list[str],
    caps: list[bool],
    a: int,
    b: int,
    matches: list[tuple[str, int, int, Term]],
    breaks: frozenset[int] = frozenset(),
) -> list[tuple]:
    """Decide measure and mode for every target match of one sentence (tokens ``a``..``b``).

    Returns ``(i, j, term, category, measure, mode, cue, rule)`` tuples.
    """
    cues: dict[str, list[tuple[int, int, Term]]] = {}
    targets = []
    for key, i, j, term in matches:
        role, _, kind = key.partition(".")
        if role == "cue":
            if kind == "hypothetical" and term.pattern == "may" and caps[i] and i > a:
                continue  # "in May": the month, not the modal
            cues.setdefault(kind, []).append((i, j, term))
        elif not _excluded(term, tokens, i, j):
            targets.append((key, i, j, term))
    targets = _longest_targets(targets)
    bridge = {p for (i, j, _t) in cues.get("bridge", ()) for p in range(i, j)}
    starts_at = {kind: {c[0] for c in found} for kind, found in cues.items()}

    def cue_in(kind: str, lo: int, hi: int) -> tuple[int, int, Term] | None:
        found = [c for c in cues.get(kind, ()) if lo <= c[0] and c[1] <= hi]
        return found[-1] if found else None

    def bridged(cj: int, i: int, directive: bool, loose: bool, needs_to: bool = False) -> bool:
        if loose:
            return i - cj <= 6
        if i - cj > 8:
            return False
        unknown = [p for p in range(cj, i) if p not in bridge]
        tos = [p for p in range(cj, i) if tokens[p] in ("to", "that", "of")]
        if (
            directive and tos
        ):  # "called on Shiite militias to attack", "warned Manila of": the addressee first
            unknown = [p for p in unknown if p > tos[0]]
        elif needs_to:
            return False  # "authorized the raid that killed ...": an executed order is a report
        if unknown == [i - 1] and "-" in tokens[i - 1] and not caps[i - 1]:
            unknown = []  # one hyphenated modifier right before the act: "lone-wolf attacks"
        return not unknown and (directive or i - cj <= 6)

    frame = cues["frame"][0] if cues.get("frame") else None
    condition = cues["condition"][0] if cues.get("condition") else None
    governing = [("commissive", c) for c in cues.get("commissive", ())] + [
        ("directive", c) for c in cues.get("directive", ())
    ]
    governing.sort(key=lambda g: g[1][1])
    last_act_end: dict[tuple[int, int], int] = {}
    used: set[tuple[int, int]] = set()
    out = []
    for key, i, j, term in targets:
        role, _, category = key.partition(".")
        if role not in _TARGET_ROLES:  # a plain dictionary: the key names measure and category
            role, (measure, _, category) = "plain", key.partition(".")
        else:
            measure = _measure_of(term)
        loose = _row(term).get("reach") == "loose"
        gov = None
        if role == "act":
            for kind, (ci, cj, cterm) in reversed(governing):
                if cj > i:
                    continue
                prev_end = last_act_end.get((ci, cj))
                if (
                    prev_end is not None
                    and i - prev_end <= _WINDOW
                    and cue_in("coordination", prev_end, i)
                ):
                    gov = (kind, ci, cj, cterm)  # coordinated acts share the cue
                    break
                between = [
                    t
                    for t in targets
                    if cj <= t[1] < i and t[0].split(".")[0] in ("act", "explicit")
                ]
                if between:
                    continue
                addressee = kind == "directive" or cterm.pattern.startswith(("warn", "threaten"))
                if bridged(cj, i, addressee, loose, cterm.pattern in _NEEDS_COMPLEMENT):
                    gov = (kind, ci, cj, cterm)
                    break
        lo_neg = max(a, gov[1] - 3) if gov else max(a, i - 5)
        # a negation belongs to the clause of the cue: "If they do not leave, we will attack" is not negated
        clause_start = max(
            (p for p in breaks if lo_neg < p <= (gov[1] if gov else i)), default=lo_neg
        )
        negation = cue_in("negation", clause_start, i)
        if (
            negation is not None
            and negation[1] < len(tokens)
            and tokens[negation[1]] in _NOT_NEGATING
        ):
            negation = None
        hypothetical = cue_in("hypothetical", max(a, min(gov[2] if gov else i, i - 6)), i)
        if hypothetical is None:
            hypothetical = next(
                (
                    c
                    for c in cues.get("hypothetical", ())
                    if c[2].pattern.startswith("fear") and c[1] <= i
                ),
                None,
            )
        low = None
        if hypothetical is not None and hypothetical[2].pattern.startswith(
            ("chance", "likelihood", "risk")
        ):
            low = cue_in("low", j, min(b, j + 8))
        past = role == "act" and _is_past_form(tokens, i, j)
        cue_text, rule = None, ""
        if role == "act" and not past and (gov is not None or frame is not None):
            if gov is not None:
                last_act_end[(gov[1], gov[2])] = j
                used.add((gov[1], gov[2]))
                cue_text, kind = gov[3].pattern, gov[0]
            else:
                cue_text, kind = frame[2].pattern, "frame"
            agentless = (
                gov is not None
                and cue_text.startswith("threaten")
                and not _has_agent(tokens, caps, a, gov[1], starts_at)
            )
            if agentless:
                measure, mode, rule = (
                    "threat_salience",
                    "hypothetical",
                    f"'{cue_text}' without an actor: likelihood",
                )
            elif negation is not None:
                measure, mode, rule = (
                    "threat_act",
                    "negated",
                    f"{kind} cue '{cue_text}', negated by '{negation[2].pattern}'",
                )
            elif hypothetical is not None and (gov is None or hypothetical[0] >= gov[1]):
                measure, mode = "threat_salience", "hypothetical"
                rule = f"{kind} cue '{cue_text}', speculation '{hypothetical[2].pattern}'"
            else:
                measure = "threat_act"
                mode = "conditional" if condition is not None else "asserted"
                rule = f"{kind} cue '{cue_text}'" + (
                    f", condition '{condition[2].pattern}'" if condition else ""
                )
        elif role == "explicit" and term.pattern.startswith("threaten"):
            measure, mode, rule = _threaten_verb(tokens, caps, a, b, i, j, starts_at, negation)
        elif negation is not None or low is not None:
            neg = low or negation
            mode = "negated"
            if role == "act" and (low is not None or neg[2].pattern == "unlikely") and not past:
                measure = "threat_salience"
            rule = f"negated: '{neg[2].pattern}'"
        elif hypothetical is not None and role in ("act", "report") and not past:
            measure, mode, rule = (
                "threat_salience",
                "hypothetical",
                f"speculation: '{hypothetical[2].pattern}'",
            )
        elif hypothetical is not None and role in ("explicit", "salience", "plain"):
            mode, rule = "hypothetical", f"speculation: '{hypothetical[2].pattern}'"
        else:
            mode = "conditional" if role == "explicit" and condition is not None else "asserted"
            if past:
                measure, rule = "violence", "past-tense report"
            else:
                rule = {
                    "explicit": "explicit threat",
                    "report": "violence term",
                    "salience": "threat-salience term",
                }.get(role, f"{role} term, no commissive cue")
        if not measure:
            continue  # e.g. a report of sanctions: neither violence nor a threat
        out.append((i, j, term, category, measure, mode, cue_text, rule, role))
    # a "threatened to <act>" verb hands its threat to the act; alone, it is judged by _threaten_verb
    return [o[:8] for o in out if not (o[8] == "explicit" and (o[0], o[1]) in used)]


def _has_agent(
    tokens: list[str], caps: list[bool], a: int, i: int, starts_at: dict[str, set[int]]
) -> bool:
    """Is the word before a 'threaten' verb (past auxiliaries and adverbs) an actor, not "the storm"?"""
    prev = i - 1
    while prev >= a and tokens[prev] in _AUX:
        prev -= 1
    return prev >= a and (
        tokens[prev] in _AGENTS or caps[prev] or prev in starts_at.get("agent", ())
    )


def _threaten_verb(
    tokens: list[str],
    caps: list[bool],
    a: int,
    b: int,
    i: int,
    j: int,
    starts_at: dict[str, set[int]],
    negation,
) -> tuple[str, str, str]:
    """ "threatened to veto" is a threat; "threatens to change the race" is likelihood; "feel threatened" salience."""
    k = j
    while k < b and tokens[k] in _AUX:
        k += 1  # "they threaten also to divide ..."
    j = k
    nxt = tokens[j] if j < b else ""
    if negation is not None:
        return "threat_act", "negated", f"threaten verb, negated by '{negation[2].pattern}'"
    prev = i - 1
    while prev >= a and tokens[prev] in _AUX:
        prev -= 1
    agent = _has_agent(tokens, caps, a, i, starts_at)
    if nxt == "to" and j + 1 < b:
        verb = tokens[j + 2] if tokens[j + 1] == "not" and j + 2 < b else tokens[j + 1]
        pos = j + 2 if tokens[j + 1] == "not" else j + 1
        if agent:
            return "threat_act", "asserted", f"threatened to '{verb}' (by an actor)"
        if pos in starts_at.get("nonforce", ()):
            return "threat_act", "asserted", f"threatened to '{verb}' (a coercive act)"
        return "threat_salience", "asserted", f"'threatens to {verb}': likelihood, not a threat"
    if (prev >= a and tokens[prev] in _BE_FORMS) or nxt == "by":
        return "threat_salience", "asserted", "passive or felt threat"
    if agent:
        return "threat_act", "asserted", "threaten verb with an actor"
    return "threat_salience", "asserted", "threaten verb without an actor"


class _Caps:
    """``caps[i]``: does token ``i`` start with a capital? Computed only for the tokens asked about."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str, starts: list[int]):
        self.text, self.starts = text, starts

    def __getitem__(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()


_SPLIT_CACHE: dict[str, tuple[Lexicon, Lexicon]] = {}


def _split_lexicon(lex: Lexicon) -> tuple[Lexicon, Lexicon]:
    """(targets, cues) of a lexicon, built once per lexicon."""
    key = lex.digest()
    if key not in _SPLIT_CACHE:
        cues = [t for t in lex.terms if t.key.startswith("cue.")]
        targets = [t for t in lex.terms if not t.key.startswith("cue.")]
        _SPLIT_CACHE[key] = (
            Lexicon(targets, case_sensitive=lex.case_sensitive, name=lex.name),
            Lexicon(cues, case_sensitive=lex.case_sensitive, name=lex.name),
        )
    return _SPLIT_CACHE[key]


def find_threats(
    articles: pd.DataFrame,
    *,
    lexicon: Lexicon | str | Path | Mapping | None = None,
    attributions: pd.DataFrame | None = None,
    processes: int | None = None,
) -> pd.DataFrame:
    """One row per threat-language match, with its measure, mode, speaker and the cue that decided it.

    Columns (``../shared/API.md``): ``article_id``, ``sentence_id``, ``start``, ``end``,
    ``matched_text``, ``term``, ``category``, ``measure``, ``mode``, ``negated``, ``hypothetical``,
    ``speaker``, ``speaker_type``; plus ``cue`` and ``rule`` (why the match got its measure and mode).
    Offsets index into ``articles.text``. Articles in another language are skipped and listed in
    ``attrs["skipped"]``. ``attributions`` (from ``find_attributions``) gives each match its
    speaker; without it the speaker is None.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "“We will take revenge,” the general said. The strike killed six people. "
    ...     "Officials said Iran is unlikely to attack."]})
    >>> find_threats(arts)[["matched_text", "measure", "mode", "rule"]].values.tolist()
    [['take revenge', 'threat_act', 'asserted', "commissive cue 'will'"], ['strike', 'violence', 'asserted', 'act term, no commissive cue'], ['killed', 'violence', 'asserted', 'past-tense report'], ['attack', 'threat_salience', 'negated', "negated: 'unlikely'"]]
    """
    lex = threat_lexicon(lexicon)
    rule_mode = any(k.startswith("act.") for k in lex.keys)
    if not rule_mode:
        # a plain dictionary (measure.category keys): its matches, with modes from the package's cues
        cues = threat_lexicon(None).select("cue")
        lex = Lexicon(lex.terms + cues.terms, case_sensitive=lex.case_sensitive, name=lex.name)
    kept, skipped = analysable(articles)
    from functools import partial

    from .parallel import concat, map_chunks

    parts = map_chunks(
        partial(_threats_frame, lex=lex), kept[["article_id", "text"]], processes=processes
    )
    out = concat(parts)
    if attributions is not None:
        out = attach_speakers(out, attributions)
    out.attrs["skipped"] = skipped
    out.attrs["lexicon"] = lex.name
    out.attrs["lexicon_sha256"] = lex.digest()
    return out


def _threats_frame(kept: pd.DataFrame, *, lex: Lexicon) -> pd.DataFrame:
    targets_lex, cues_lex = _split_lexicon(lex)
    rows: dict[str, list] = {c: [] for c in THREAT_COLUMNS}
    for aid, text in progress(
        zip(kept["article_id"], kept["text"]), total=len(kept), desc="threats"
    ):
        if not isinstance(text, str) or not text:
            continue
        norm = normalize_for_matching(text, case_sensitive=lex.case_sensitive)
        for sid, (_, s_start, s_end) in enumerate(iter_sentences(text)):
            # word tokens of the sentence, found in C; offsets are computed only where a target was found
            if norm is not None:
                toks = WORD_RE.findall(norm, s_start, s_end)
            else:
                toks = [
                    _norm(m.group(), lex.case_sensitive)
                    for m in WORD_RE.finditer(text, s_start, s_end)
                ]
            targets = _matches_in_tokens(toks, targets_lex)
            if not targets:
                continue
            spans = [m.span() for m in WORD_RE.finditer(text, s_start, s_end)]
            starts = [x for x, _ in spans]
            ends = [y for _, y in spans]
            caps = _Caps(text, starts)
            a, b = 0, len(toks)
            # cues are looked up only in sentences that hold a target: most sentences hold none
            matches = targets + _matches_in_tokens(toks, cues_lex)
            breaks = frozenset(
                t
                for t in range(a + 1, b)
                if any(ch in ",;:" for ch in text[ends[t - 1] : starts[t]])
            )
            for i, j, term, category, measure, mode, cue, rule in _classify_sentence(
                toks, caps, a, b, matches, breaks
            ):
                rows["article_id"].append(aid)
                rows["sentence_id"].append(sid)
                rows["start"].append(starts[i])
                rows["end"].append(ends[j - 1])
                rows["matched_text"].append(text[starts[i] : ends[j - 1]])
                rows["term"].append(term.pattern)
                rows["category"].append(category)
                rows["measure"].append(measure)
                rows["mode"].append(mode)
                rows["negated"].append(mode == "negated")
                rows["hypothetical"].append(mode == "hypothetical")
                rows["speaker"].append(None)
                rows["speaker_type"].append(None)
                rows["cue"].append(cue)
                rows["rule"].append(rule)
    out = pd.DataFrame(rows, columns=THREAT_COLUMNS)
    return out.astype(
        {
            "sentence_id": "int64",
            "start": "int64",
            "end": "int64",
            "negated": "bool",
            "hypothetical": "bool",
            "speaker": "object",
            "speaker_type": "object",
            "cue": "object",
        }
    )


def attach_speakers(matches: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Give each match the speaker of the innermost attribution whose content holds it.

    The speaker is the attribution's ``speaker_name`` when it has one, else its ``speaker`` text;
    ``speaker_type`` is its ``source_type``. Matches in no attribution's content keep None (the
    article's own voice). Returns a new frame.

    >>> m = pd.DataFrame({"article_id": ["a", "a"], "start": [5, 60], "end": [12, 66]})
    >>> at = pd.DataFrame({"article_id": ["a", "a"], "content_start": [0, 3], "content_end": [40, 20],
    ...                    "speaker": ["the report", "He"], "speaker_name": [None, "Hossein Salami"],
    ...                    "source_type": ["media", "named_person"]})
    >>> attach_speakers(m, at)[["speaker", "speaker_type"]].values.tolist()
    [['Hossein Salami', 'named_person'], [None, None]]
    """
    n = len(matches)
    speakers = np.full(n, None, dtype=object)
    types = np.full(n, None, dtype=object)
    if n and len(attributions):
        # article by article through integer codes: only one article's spans are Python objects at a time
        # (a table of every attribution's span cost hundreds of MB on large corpora)
        m_codes, m_ids = pd.factorize(matches["article_id"])
        rows, first, last = rows_by_article(attributions, pd.Index(m_ids))
        content_start = attributions["content_start"].to_numpy(dtype="int64")[rows]
        content_end = attributions["content_end"].to_numpy(dtype="int64")[rows]
        speaker = attributions["speaker"].to_numpy(dtype=object)[rows]
        name = (
            attributions["speaker_name"].to_numpy(dtype=object)[rows]
            if "speaker_name" in attributions
            else np.full(len(rows), None, dtype=object)
        )
        type_codes, type_names = pd.factorize(attributions["source_type"])
        type_codes = type_codes[rows]
        m_start = matches["start"].to_numpy(dtype="int64")
        m_end = matches["end"].to_numpy(dtype="int64")
        for code, at in pd.Series(np.arange(n)).groupby(m_codes, sort=False).indices.items():
            lo, hi = int(first[code]), int(last[code])
            if lo == hi:
                continue
            spans = list(
                zip(content_start[lo:hi].tolist(), content_end[lo:hi].tolist(), range(lo, hi))
            )
            for k in at.tolist():
                s, e = int(m_start[k]), int(m_end[k])
                best = None
                for cs, ce, j in spans:
                    if cs <= s and e <= ce and (best is None or ce - cs < best[1] - best[0]):
                        best = (cs, ce, j)
                if best is not None:
                    j = best[2]
                    who = name[j]
                    speakers[k] = who if isinstance(who, str) and who else speaker[j]
                    types[k] = type_names[type_codes[j]] if type_codes[j] >= 0 else None
    return matches.assign(
        speaker=pd.Series(speakers, index=matches.index, dtype="object"),
        speaker_type=pd.Series(types, index=matches.index, dtype="object"),
    )


def threat_summary(
    articles: pd.DataFrame,
    *,
    lexicon: Lexicon | str | Path | Mapping | None = None,
    threats: pd.DataFrame | None = None,
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """One row per article: ``words`` and, per measure, counts, rate per 1,000 words and modes.

    For each measure: ``<measure>`` (asserted and conditional matches), ``<measure>_per_1k``,
    ``<measure>_negated``, ``<measure>_hypothetical``; and ``<measure>.<category>`` counts
    (asserted and conditional). ``words`` counts all word tokens of the body. Duplicates and
    articles in another language are left out and listed in ``attrs["excluded"]``.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["“We will take revenge,” the general said. "
    ...                      "The strike killed six people. Iran is unlikely to attack."]})
    >>> s = threat_summary(arts)
    >>> s[["words", "threat_act", "threat_act_per_1k", "violence", "threat_salience_negated"]].to_dict("records")
    [{'words': 17, 'threat_act': 1, 'threat_act_per_1k': 58.824, 'violence': 2, 'threat_salience_negated': 1}]
    """
    kept, excluded = analysable(articles, include_duplicates=include_duplicates)
    if threats is None:
        threats = find_threats(kept, lexicon=lexicon)
    # the four columns counted, not every column of what can be a very long frame
    threats = rows_of(threats[["article_id", "measure", "mode", "category"]], kept)
    # one text at a time: Series.map would first turn every text into a Python string at once
    words_per_article = [len(WORD_RE.findall(t)) if isinstance(t, str) else 0 for t in kept["text"]]
    out = pd.DataFrame(
        {
            "article_id": kept["article_id"].to_numpy(),
            "words": np.asarray(words_per_article, dtype="int64"),
        }
    )
    counted = threats[threats["mode"].isin(["asserted", "conditional"])]
    words = out["words"].where(out["words"] > 0)
    for measure in MEASURES:
        sub = counted[counted["measure"] == measure]
        out[measure] = (
            out["article_id"].map(sub.groupby("article_id").size()).fillna(0).astype("int64")
        )
        out[f"{measure}_per_1k"] = (out[measure] * 1000 / words).fillna(0.0).round(3)
        for mode in ("negated", "hypothetical"):
            m = threats[(threats["measure"] == measure) & (threats["mode"] == mode)]
            out[f"{measure}_{mode}"] = (
                out["article_id"].map(m.groupby("article_id").size()).fillna(0).astype("int64")
            )
    # one column per measure and category of the lexicon, found or not, so every corpus (and every
    # partition of a large one) has the same columns
    lex = threat_lexicon(lexicon)
    roles = {"act", "explicit", "salience", "report"}
    if any(k.startswith("act.") for k in lex.keys):
        categories = sorted({k.split(".", 1)[1] for k in lex.keys if k.split(".", 1)[0] in roles})
        pairs = [(m, c) for m in MEASURES for c in categories]
    else:
        pairs = [tuple(k.split(".", 1)) if "." in k else (k, k) for k in lex.keys]
    pairs += [p for p in counted.groupby(["measure", "category"]).size().index if p not in pairs]
    by_pair = counted.groupby(["measure", "category", "article_id"]).size()
    for measure, category in pairs:
        col = f"{measure}.{category}"
        if (measure, category) in by_pair.index.droplevel(2):
            out[col] = (
                out["article_id"].map(by_pair.loc[(measure, category)]).fillna(0).astype("int64")
            )
        else:
            out[col] = 0
    out.attrs["excluded"] = excluded
    return out


def kwic(articles: pd.DataFrame, pattern: str, *, window: int = 8) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with ``window`` words either side.

    ``pattern`` uses the lexicon syntax: a glob on whole words ("retaliat*") or a phrase
    ("set ablaze", "take * revenge").

    >>> from analysis import load_articles, paths
    >>> k = kwic(load_articles(paths.data_dir()), "reveng*", window=3)
    >>> k[["sentence_id", "left", "match", "right"]].head(1).values.tolist()
    [[0, 'instructed that a', 'revenge', 'attack on US']]
    >>> len(k), k["sentence_id"].nunique()
    (8, 8)
    """
    lex = Lexicon.from_mapping({"kwic": [pattern]})
    rows: dict[str, list] = {
        c: [] for c in ("article_id", "sentence_id", "start", "end", "left", "match", "right")
    }
    for aid, text in zip(articles["article_id"], articles["text"]):
        if not isinstance(text, str):
            continue
        toks, starts, ends = tokenize(text)
        sent_starts = [s for _, s, _ in iter_sentences(text)]
        for _, i, j, _term in _matches_in_tokens(toks, lex):
            lo, hi = max(0, i - window), min(len(toks), j + window)
            rows["article_id"].append(aid)
            rows["sentence_id"].append(max(0, bisect.bisect_right(sent_starts, starts[i]) - 1))
            rows["start"].append(starts[i])
            rows["end"].append(ends[j - 1])
            rows["left"].append(text[starts[lo] : starts[i]].strip() if lo < i else "")
            rows["match"].append(text[starts[i] : ends[j - 1]])
            rows["right"].append(text[ends[j - 1] : ends[hi - 1]].strip() if hi > j else "")
    return pd.DataFrame(rows).astype({"sentence_id": "int64", "start": "int64", "end": "int64"})


_ANALYZER = None


def _polarity_subjectivity(text: str) -> tuple[float, float]:
    global _ANALYZER
    if _ANALYZER is None:
        from textblob.en.sentiments import PatternAnalyzer

        _ANALYZER = PatternAnalyzer()
    result = _ANALYZER.analyze(text)
    return float(result[0]), float(result[1])


def _score_chunk(texts: list[str]) -> list[tuple[float, float]]:
    return [_polarity_subjectivity(t) for t in texts]


def sentiment_scores(
    texts: list[str], *, processes: int | None = None, dedupe: bool = True, chunk: int = 2000
) -> list[tuple[float, float]]:
    """TextBlob (pattern) ``(polarity, subjectivity)`` of each text, exactly as TextBlob gives them.

    Identical sentences are scored once (``dedupe``: their scores are identical by definition), and
    large inputs are spread over ``processes`` worker processes (default: all cores).

    >>> sentiment_scores(["It was a terrible day.", "It was a terrible day.", "We will take revenge."])
    [(-1.0, 1.0), (-1.0, 1.0), (0.0, 0.0)]
    """
    import os

    unique = list(dict.fromkeys(texts)) if dedupe else list(texts)
    workers = processes or os.cpu_count() or 1
    if workers > 1 and len(unique) >= 4 * chunk:
        from concurrent.futures import ProcessPoolExecutor
        import multiprocessing

        parts = [unique[k : k + chunk] for k in range(0, len(unique), chunk)]
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            scored = [s for part in pool.map(_score_chunk, parts) for s in part]
    else:
        scored = _score_chunk(unique)
    if not dedupe:
        return scored
    by_text = dict(zip(unique, scored))
    return [by_text[t] for t in texts]


def sentence_sentiment(
    articles: pd.DataFrame, *, processes: int | None = None, dedupe: bool = True
) -> pd.DataFrame:
    """The sentences frame (``split_sentences``) with TextBlob ``polarity`` and ``subjectivity``.

    TextBlob's pattern analyser works offline; sentences come from our splitter, not TextBlob's
    (which needs NLTK corpora). Sentiment is not a threat score: "We will take revenge" scores 0.0.
    Large corpora use all cores (``processes``); identical sentences are scored once (``dedupe``).

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["We will take revenge. It was a terrible day."]})
    >>> sentence_sentiment(arts)[["text", "polarity", "subjectivity"]].values.tolist()
    [['We will take revenge.', 0.0, 0.0], ['It was a terrible day.', -1.0, 1.0]]
    """
    sents = split_sentences(articles)
    scores = sentiment_scores(sents["text"].tolist(), processes=processes, dedupe=dedupe)
    sents["polarity"] = pd.Series([p for p, _ in scores], index=sents.index, dtype="float64")
    sents["subjectivity"] = pd.Series([q for _, q in scores], index=sents.index, dtype="float64")
    return sents


def threat_passages(
    articles: pd.DataFrame, threats: pd.DataFrame, *, top: int = 10
) -> pd.DataFrame:
    """The sentences with the most counted threat acts, with their words, speakers and modes, strongest first.

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["We will attack and destroy them. Calm returned."]})
    >>> threat_passages(arts, find_threats(arts))[["sentence_id", "threat_acts", "matches"]].values.tolist()
    [[0, 2, 'attack; destroy']]
    """
    acts = threats[
        (threats["measure"] == "threat_act") & threats["mode"].isin(["asserted", "conditional"])
    ]
    if acts.empty:
        return pd.DataFrame(
            columns=["article_id", "sentence_id", "threat_acts", "matches", "speakers", "sentence"]
        )
    grouped = (
        acts.groupby(["article_id", "sentence_id"])
        .agg(
            threat_acts=("matched_text", "size"),
            matches=("matched_text", lambda s: "; ".join(s)),
            speakers=(
                "speaker",
                lambda s: "; ".join(sorted({x if isinstance(x, str) else "(article)" for x in s})),
            ),
        )
        .reset_index()
    )
    sents = split_sentences(articles[articles["article_id"].isin(set(grouped["article_id"]))])
    out = grouped.merge(
        sents[["article_id", "sentence_id", "text"]].rename(columns={"text": "sentence"}),
        on=["article_id", "sentence_id"],
        how="left",
    )
    return (
        out.sort_values(["threat_acts", "article_id", "sentence_id"], ascending=[False, True, True])
        .head(top)
        .reset_index(drop=True)
    )
