"""The threat lexicon as data: rows with role, measure, cue behaviour and exclusions, lemmas
inflected.

``data/threat_lexicon.csv`` holds one row per term. Columns beyond the dictionary engine's own
(``term``, ``role``, ``category``, ``source``, ``note``):

- ``measure``: what a match of the row counts as when no construction decides otherwise (empty for a
  non-force act, which counts only under a commissive cue: a report of sanctions is no threat);
- ``pos``: ``verb`` or ``noun`` makes ``term`` a lemma whose inflections are generated (lemminflect,
  offline): "arrest" gives "arrests", "arresting", "arrested"; a verb's past forms are reports;
- ``behaviour``: how a cue behaves, as flags (``BEHAVIOURS``), so that a rule never depends on how a
  word is spelled;
- ``reach``, ``not_followed_by``, ``not_preceded_by``: how far a cue may be, and the words that
  cancel a match ("strike a deal", "heart attack");
- ``cameo``: the CAMEO THREATEN (13x) family the act belongs to.

A user's CSV lexicon with the same columns is read the same way, exclusions included.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..inflection import inflections
from ..lexicon import Lexicon, Term, _pattern_parts, load_lexicon
from ..paths import package_data_dir

#: the cue behaviours a row may name in its ``behaviour`` column, and what each does
BEHAVIOURS = {
    "month_homograph": "capitalised inside a sentence it is the month ('in May'), not the modal",
    "reaches_back": "speculation anywhere before the act ('experts fear ... might')",
    "needs_low": "a likelihood noun: negated when a 'low' word follows ('the chances were low')",
    "demotes_act": "a negation that makes an act talk of danger, not a denied threat ('unlikely')",
    "addressee_first": "the addressee comes first ('warned Manila of', 'threatened X with')",
    "needs_actor": "a threat only after an actor ('the storm threatens to' is likelihood)",
    "needs_complement": "governs only through 'to' or 'that' ('ordered them to attack', not "
    "'ordered the raid')",
    "needs_to": "governs only through 'to', not 'that' ('told them to attack'; 'told Fox that' is "
    "speech)",
    "negation_inside": "the row's own negation is part of it ('will not tolerate'): not a denial",
    "prevents_act": "a deterrent that names what it prevents ('will not allow Iran to develop "
    "...'): an outcome no one acts for ('not allow Donald Trump to become president', 'the accord "
    "to pass') is political resolve, no threat",
    "self_hedge": "a modal that is the speaker's own hedged threat after 'we' or 'says it'",
    "conditional_hedge": "a modal that is the speaker's own hedged threat under a condition only "
    "('said they might resume attacks if the talks failed'; without one it is speculation)",
    "suffered": "an act its subject suffers ('will pay a heavy price', 'will face consequences'): "
    "foretold of someone, it is the threat",
    "obligation": "a cue of duty ('has to', 'have to'): the act is a threat only as the speaker's "
    "own ('we will have to make an arrest') or one its subject suffers ('he has to pay for his "
    "crimes'); another's duty ('the U.S. has to keep Moscow out') is advocacy",
    "ultimatum": "a cue that states its own condition ('do X or face Y'): the act it governs is "
    "conditional",
    "bare_future": "a future or modal with no verb of commitment ('will', 'going to'): inside a "
    "quotation, after 'he' or 'she', it foretells someone else's act",
    "advocacy": "governs an act given as a verb or a force noun "
    "('called for attacks'), not a non-force or political noun ('called for sanctions': advocacy)",
    "political_goal": "an act that, asked for as a noun, is a political demand ('the removal of')",
    "noun_homograph": "after a determiner or capitalised it is a noun ('a Plan to fight')",
    "verbal_sense": "an attack verb that can be verbal: no act before ', saying'",
    "needs_violence_context": "violence only beside another word of violence in its sentence",
    "threat_noun": "a threat act when an actor follows ('threats of the army', 'threats by X')",
    "habitual_risk": "no cue after a habitual past ('when we were children ... would hit us')",
    "appeal": "a directive that appeals to someone with no authority over them ('called on',"
    " 'urged'): force asked of a government, an official or a country is advocacy ('called on the"
    " United States to attack', 'urged Obama to retaliate'); asked of followers it is incitement",
    "needs_party": "an act done to someone: a threat or violence only with someone as its object "
    "or in the passive ('vowed to investigate the official', 'executed for treason'; 'investigate "
    "the incident', 'execute our campaign plan' are neither)",
    "advice_gerund": "a warning against doing: advice when what follows 'against' is an -ing word "
    "that is no act ('warned the Fed against buying bonds'), a threat before a force act or a noun "
    "('warned Iran against attacking', 'warning North Korea against future provocations')",
    "supposition": "a condition that opens a supposed clause: violence inside it is supposed, "
    "not reported ('If Hamas chooses violence')",
    "relations_subject": "a passive halt ('will be suspended') is a threat only when a noun of "
    "relations, trade or aid is its subject ('Trade and exchanges ... will be suspended')",
    "after_act": "a cue that follows the act it governs ('strikes will be taken', 'attacks could')",
}
ROLES = ("act", "explicit", "salience", "report", "cue")
_PAST_TAGS = ("VBD", "VBN")


@dataclass
class ThreatLexicon(Lexicon):
    """A lexicon with its rows: ``rows[(key, pattern)]`` is the row a term came from (with ``form``,
    the inflection tag of a generated form)."""

    rows: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict, repr=False)
    _flags: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False)
    _exclusions: dict[tuple[str, str], tuple] = field(default_factory=dict, repr=False)

    def digest(self) -> str:
        """A SHA-256 of the terms and their rows (lexicons that differ in an exclusion differ)."""
        h = hashlib.sha256(super().digest().encode())
        for k in sorted(self.rows):
            h.update(repr((k, sorted(self.rows[k].items()))).encode())
        return h.hexdigest()

    def select(self, prefix: str) -> ThreatLexicon:
        """The sub-lexicon of keys under ``prefix``, rows kept."""
        terms = [t for t in self.terms if t.key == prefix or t.key.startswith(prefix + ".")]
        rows = {
            (t.key, t.pattern): self.rows[(t.key, t.pattern)]
            for t in terms
            if (t.key, t.pattern) in self.rows
        }
        return ThreatLexicon(
            terms, case_sensitive=self.case_sensitive, name=f"{self.name}[{prefix}]", rows=rows
        )

    def row(self, term: Term) -> dict[str, str]:
        """The row of ``term`` ({} for a term of a plain dictionary)."""
        return self.rows.get((term.key, term.pattern), {})

    def flags(self, term: Term) -> frozenset[str]:
        """The behaviour flags of ``term``'s row (split once per term: asked for every match)."""
        key = (term.key, term.pattern)
        found = self._flags.get(key)
        if found is None:
            found = frozenset(filter(None, self.row(term).get("behaviour", "").split("|")))
            self._flags[key] = found
        return found

    def exclusions(self, term: Term) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """The word tuples of the row's ``not_followed_by`` and ``not_preceded_by`` ("a deal|the
        deal" -> (("a", "deal"), ("the", "deal"))), parsed once per term (asked for every match;
        most rows have none: ``((), ())``)."""
        key = (term.key, term.pattern)
        found = self._exclusions.get(key)
        if found is None:
            row = self.row(term)
            found = tuple(
                tuple(tuple(alt.split()) for alt in (row.get(col) or "").split("|") if alt)
                for col in ("not_followed_by", "not_preceded_by")
            )
            self._exclusions[key] = found
        return found

    def has(self, term: Term, flag: str) -> bool:
        """Does the row of ``term`` name behaviour ``flag``?"""
        return flag in self.flags(term)


def validate_rows(rows: list[dict[str, str]], where: str) -> None:
    """A clear error for a row naming a role, a part of speech or a behaviour the code lacks."""
    for n, r in enumerate(rows, start=2):
        if r.get("role") and r["role"] not in ROLES:
            raise ValueError(f"{where} line {n}: role {r['role']!r} is not one of {ROLES}")
        if r.get("pos") not in (None, "", "verb", "noun"):
            raise ValueError(f"{where} line {n}: pos {r['pos']!r} is not 'verb' or 'noun'")
        for flag in filter(None, (r.get("behaviour") or "").split("|")):
            if flag not in BEHAVIOURS:
                raise ValueError(
                    f"{where} line {n}: behaviour {flag!r} unknown (known: {', '.join(BEHAVIOURS)})"
                )


def expand_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows with every lemma entry replaced by one row per generated form (``form`` = its tag); an
    enumerated row of the same key and spelling wins over a generated one."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    for r in rows:
        if not r.get("pos"):
            out[(_key(r), r["term"].lower())] = {**r, "form": r.get("form", "")}
    for r in rows:
        if r.get("pos"):
            for form, tag in inflections(r["term"].lower(), r["pos"]).items():
                out.setdefault(
                    (_key(r), form), {**r, "term": form, "form": tag, "lemma": r["term"]}
                )
    return list(out.values())


def is_past(row: Mapping[str, str]) -> bool:
    """Is the row a generated past form (a report of an act: "arrested", "struck")?"""
    return row.get("form", "") in _PAST_TAGS


def _key(r: Mapping[str, str]) -> str:
    return str(r.get("key") or ".".join(str(r[c]) for c in ("role", "category") if r.get(c)))


def read_csv_lexicon(path: Path, *, case_sensitive: bool = False) -> ThreatLexicon:
    """A CSV lexicon with its rows, validated, lemmas inflected."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        raw = [r for r in csv.DictReader(fh) if r.get("term") and not r["term"].startswith("#")]
    validate_rows(raw, str(path))
    rows = expand_rows(raw)
    base = Lexicon.from_records(rows, case_sensitive=case_sensitive, name=path.stem)
    table = {(t.key, t.pattern): r for t, r in zip(base.terms, _with_parts(rows, case_sensitive))}
    return ThreatLexicon(base.terms, case_sensitive=case_sensitive, name=path.stem, rows=table)


def _with_parts(rows: list[dict[str, str]], case_sensitive: bool) -> list[dict[str, str]]:
    # from_records drops rows whose term has no word: keep the rows aligned with the terms
    return [r for r in rows if _pattern_parts(str(r["term"]), case_sensitive)]


def _stamp(path: str) -> tuple[int, int]:
    st = Path(path).stat()
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=16)
def _load_file(path: str, stamp: tuple[int, int]) -> Lexicon:
    """Loaded once per path *and* modification stamp: an edited file is read again (issue #15)."""
    del stamp  # part of the cache key only
    if path.lower().endswith(".csv"):
        return read_csv_lexicon(Path(path))
    return load_lexicon(path)


def package_lexicon_path() -> Path:
    """The package's threat lexicon file."""
    return package_data_dir() / "threat_lexicon.csv"


def threat_lexicon(lexicon: Lexicon | str | Path | Mapping | None = None) -> Lexicon:
    """The lexicon ``find_threats`` uses: the package's threat lexicon, or a user's one.

    A path is read again when the file changes (its modification time or size).

    >>> lex = threat_lexicon()
    >>> sorted({k.split(".")[0] for k in lex.keys})
    ['act', 'cue', 'explicit', 'report', 'salience']
    """
    if lexicon is None or isinstance(lexicon, (str, Path)):
        path = str(package_lexicon_path() if lexicon is None else lexicon)
        return _load_file(path, _stamp(path))
    return load_lexicon(lexicon)
