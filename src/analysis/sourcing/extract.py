"""The article pass: sentences to attributions, and the frame of ``find_attributions`` and
``attributions_in``."""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick
import pandas as pd

from ..english import is_finite_verb, is_noun_only
from ..loading import analysable
from ..progress import progress
from ..text import WORD_RE, iter_sentences, paragraph_spans, remember_sentences, sentences_of
from .attribution import _Attr
from .constructions import Rule, _process_sentence, _Sentence
from .continuations import with_continuations
from .coreference import article_mentions
from .data import (
    _ADVERBS,
    _BE_FORMS,
    _COMPLEMENTS,
    _DETERMINERS,
    _FINDING_VERBS,
    _FREE_RELATIVES,
    _OBJECT_VERBS,
    _PRONOUNS,
    _RELATIVE_PRONOUNS,
    _STATEMENT_NOUNS,
    _SUBJECT_PRONOUNS,
    _WEAK_VERBS,
    _cue_vocabulary,
    _lexicon,
)
from .source_types import _finish
from .spans import (
    _HAS_QUOTE,
    _in_quote,
    _past_verb,
    _quote_spans,
    stop_at_coordinated_predicates,
    with_quote_marks_read,
)
from .tokens import _Tok, _tokens

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
    "speaker_head",
    "speaker_head_class",
]

# the attribution fields that are columns as they are
_ATTR_COLUMNS = ATTRIBUTION_COLUMNS[2:]
_INT_COLUMNS = (
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "attribution_id",
    "sentence_id",
    "paragraph_id",
)


def _sentences(text: str) -> list[tuple[int, int, int, int]]:
    """(sentence id, paragraph id, start, end) of every sentence of ``text``."""
    return [(sid, pid, s, e) for sid, (pid, s, e) in enumerate(iter_sentences(text))]


@lru_cache(maxsize=1)
def _prefilter_words() -> tuple[frozenset[str], frozenset[str]]:
    """(every cue word, the cue words that report without a complement)."""
    cue_words = _cue_vocabulary()
    strong = cue_words - (_WEAK_VERBS - _OBJECT_VERBS - _FINDING_VERBS)
    # a statement noun reports only with a complement ("announcement that"): a weak cue word
    return cue_words | _STATEMENT_NOUNS, strong


@lru_cache(maxsize=1)
def _complement_words() -> frozenset[str]:
    """The words one of which (or a quotation) a sentence needs before a weak cue word can report
    in it: the complement class, and the subject pronouns (with their clitics) that open a clause
    without "that" ("admitted he made a mistake", "believes they're ready")."""
    clitics = ("", "'s", "’s", "'ll", "’ll", "'d", "’d", "'re", "’re", "'m", "’m", "'ve", "’ve")
    return _COMPLEMENTS | {p + c for p in _SUBJECT_PRONOUNS | {"it"} for c in clitics}


@lru_cache(maxsize=1)
def _cue_word_search() -> ahocorasick.Automaton:
    """An Aho-Corasick automaton (pyahocorasick) of the cue words: each gives (its length - 1,
    whether it reports without a complement)."""
    cue_words, strong_words = _prefilter_words()
    automaton = ahocorasick.Automaton()
    for word in cue_words:
        automaton.add_word(word, (len(word) - 1, word in strong_words))
    automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def _whole_token(lowered: str, a: int, b: int) -> bool:
    """``lowered[a:b]`` is one whole token of ``WORD_RE`` (no word character, nor an apostrophe
    or hyphen joined to one, on either side)."""
    if a > 0:
        ch = lowered[a - 1]
        if _is_word_char(ch) or (ch in "'’-" and a > 1 and _is_word_char(lowered[a - 2])):
            return False
    if b < len(lowered):
        ch = lowered[b]
        if _is_word_char(ch) or (
            ch in "'’-" and b + 1 < len(lowered) and _is_word_char(lowered[b + 1])
        ):
            return False
    return True


def _cue_words_at(lowered: str) -> list[tuple[int, bool]]:
    """(start, strong) of every cue word of the article, in text order: one scan of the whole
    text in C instead of a set of the words of every sentence."""
    hits = []
    for end, (last, strong) in _cue_word_search().iter(lowered):
        start = end - last
        if _whole_token(lowered, start, end + 1):
            hits.append((start, strong))
    return hits


def _candidate_sentences(
    text: str, lowered: str, sentences: list[tuple[int, int, int, int]]
) -> list[bool]:
    """Which sentences may hold a usable cue (most hold none, and are never tokenised): a cue
    word that reports on its own, a colon, or a weaker cue word with a complement word, a
    quotation or a quotation just before."""
    hits = _cue_words_at(lowered)
    out, k = [], 0
    for _sid, _pid, s, e in sentences:
        while k < len(hits) and hits[k][0] < s:
            k += 1
        inside = []
        j = k
        while j < len(hits) and hits[j][0] < e:
            inside.append(hits[j][1])
            j += 1
        out.append(
            any(inside)
            or ":" in text[s:e]
            or (
                bool(inside)
                and (
                    not _complement_words().isdisjoint(WORD_RE.findall(lowered, s, e))
                    or bool(_HAS_QUOTE.search(text, s, e))
                    or _after_quotation(text, s)
                )
            )
        )
    return out


def _after_quotation(text: str, s: int) -> bool:
    """The sentence starting at ``s`` follows a quotation that closed the sentence before
    ("“Why do ...?” | Mrs. Clinton asked."): a weak verb there reports that quotation."""
    before = text[max(0, s - 3) : s].rstrip()
    return before[-1:] in ("”", '"', "'")


# the conjunction (and adverbs) before a coordinated cue, at the end of the first content
_COORDINATION = re.compile(
    r"(?:[\s,;]*\b(?:and|but)\b(?:\s+\w+ly)?(?:\s+(?:also|then|later))?"
    # a short adjunct between: "but in a later interview said"
    r"(?:\s+(?:in|at|on|during|after|before|with|to)\b(?:\s+[\w’'-]+){1,5})?|\s*,)\s*$"
)


def _stop_run_on_contents(text: str, found: list[_Attr]) -> None:
    """A content that runs on into a later speaker's cue ("X feared that ..., the report said")
    stops before that speaker."""
    for at in found:
        for other in found:
            if (
                other is not at
                and other.speaker_start is not None
                and at.content_start < other.speaker_start < at.content_end
                and other.cue_start > at.cue_start
                and (
                    other.content_start <= at.cue_start
                    or _after_closed_quote(text, at.content_start, other.speaker_start)
                )
            ):
                cut = other.speaker_start
                if at.content_start < other.cue_start < cut:
                    cut = other.cue_start  # "..., according to numerous sources": its cue first
                while cut > at.content_start and text[cut - 1] in " ,—–":
                    cut -= 1
                at.content_end = cut
            elif other is not at and (cut := _next_clause_cut(text, at, other)) is not None:
                at.content_end = cut
    _stop_at_coordinated_cues(text, found)


# the last clause boundary before a speaker: a comma, a semicolon or a coordinator, and what
# follows it up to the speaker (a short adjunct at most: "..., at the town hall this week she")
_CLAUSE_BOUNDARY = re.compile(r"(?:[,;]|\b(?:and|but)\b)(?P<rest>(?:\s+[\w’'-]+){0,8}\s*)$")
_EMBEDDING_WORDS = frozenset(("that", "who", "which", "whom", "whose", "whether", "if"))


def _next_clause_cut(text: str, at: _Attr, other: _Attr) -> int | None:
    """Where ``at``'s unquoted content ends when ``other`` (speaker, cue, then its own content)
    opens a new clause inside it ("she said her decision was a mistake, at the town hall this week
    she said she did not believe ..."): before the clause boundary that precedes ``other``'s
    speaker; None when ``other`` is embedded in it ("said that the minister said")."""
    if (
        other.speaker_start is None
        or not at.content_start < other.speaker_start < at.content_end
        or at.content_start < at.cue_end  # "Citing X, the AP reports ...": content around its cue
        or other.cue_start <= at.cue_start
        or other.content_start < other.cue_end
        or other.rule in (Rule.AS_CLAUSE, Rule.PARENTHETICAL)  # an aside inside the clause
        or text[at.content_start : at.content_start + 1] in "“\"'‘`"
    ):
        return None
    m = _CLAUSE_BOUNDARY.search(text, at.content_start, other.speaker_start)
    if m is None or m.start() <= at.content_start:
        return None
    if not _EMBEDDING_WORDS.isdisjoint(m.group("rest").lower().split()):
        return None
    if not _whole_clause(text, at.content_start, m.start()):
        return None
    cut = m.start()
    while cut > at.content_start and text[cut - 1] in " ,":
        cut -= 1
    return cut


def _whole_clause(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a clause of its own, outside any quotation: four words or more with a
    finite verb ("the decision was a mistake"), not an adjunct ("in Wisconsin", "Recently") nor
    words inside a quotation that goes on ("“somewhere between 23")?"""
    toks = _tokens(text, a, b)
    marks = sum(1 for t in toks if t.text in '“”"')
    if marks % 2 or sum(1 for t in toks if t.is_word) < 4:
        return False
    return any(is_finite_verb(t.low) or _past_verb(t) for t in toks if t.is_word and not t.cap)


def _after_closed_quote(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` end with a quotation closed, then a comma? A speaker right after it
    opens a clause of its own ("claimed that “...,” one of the prosecutors said the cases
    differ"), not a report nested in the content."""
    head = text[a:b].rstrip()
    return head.endswith((",”", ',"', ",''", "”,", '",'))


def _stop_at_coordinated_cues(text: str, found: list[_Attr]) -> None:
    """ "X said A, but said B", "X denied A and accused B": the first content ends before the
    conjunction of the second cue of the same speaker."""
    for at in found:
        for other in found:
            if (
                other is not at
                and other.speaker_start == at.speaker_start
                and at.content_start < other.cue_start < at.content_end
            ):
                head = text[at.content_start : other.cue_start]
                m = _COORDINATION.search(head)
                if m:
                    at.content_end = at.content_start + m.start()


def _sentence_attributions(
    text: str, sentence: tuple[int, int, int, int], quotes: list[tuple[int, int]], offset: int
) -> list[_Attr]:
    """The attributions of one sentence, their parent hints made article indices (``offset``)."""
    sid, pid, s, e = sentence
    toks = with_quote_marks_read(text, _tokens(text, s, e), quotes)
    if not toks:
        return []
    found = _process_sentence(_Sentence(text, toks, sid, pid, s, e, quotes))
    found = [at for at in found if not _speaker_holds_a_cue(toks, at)]
    for at in found:
        _speaker_after_clause(toks, at)
    _stop_run_on_contents(text, found)
    stop_at_coordinated_predicates(toks, found)
    for at in found:
        if at.parent_hint is not None:
            at.parent_hint += offset
        # a quotation that opened earlier in the paragraph belongs to the content
        q = _in_quote(at.content_start, quotes)
        if q and q[0] < at.content_start and at.rule.startswith("quote"):
            at.content_start = q[0]
        elif (
            q
            and q[0] == at.content_start
            and q[1] > at.content_end
            and at.rule != Rule.AS_CLAUSE
            and not q[0] <= at.cue_start < q[1]
        ):
            # a quotation the sentence splitter cut: "“We will return. We"; a cue inside the
            # quotation (an as-clause, "“..., according to the police”") reports only its part
            at.content_end = q[1]
    return found


def _speaker_holds_a_cue(toks: list[_Tok], at: _Attr) -> bool:
    """Does the speaker span hold a reporting verb, finite, outside a relative clause ("U.S.
    officials have not said why the team | was denied visas", "Britain, and other nations now
    advised their citizens to get an additional shot, | called a booster")? Then it is a clause,
    no noun phrase, and the cue after it reports nothing ("a source who spoke on condition of
    anonymity said" keeps its relative clause)."""
    if at.speaker_start is None:
        return False
    verbs = _lexicon().verbs
    span = _speaker_span(toks, at)
    for k in span:
        t = toks[k]
        if t.low in _RELATIVE_PRONOUNS or t.low == "that":
            return False
        if t.cap or t.low not in verbs:
            continue  # a name ("Abdourahim Said Bakar"), no cue
        if _finite_here(toks, k, span[0]):
            return True
    return False


def _speaker_span(toks: list[_Tok], at: _Attr) -> list[int]:
    """The indices of the tokens inside ``at``'s speaker span."""
    return [
        k for k, t in enumerate(toks) if at.speaker_start <= t.start and t.end <= at.speaker_end
    ]


def _speaker_after_clause(toks: list[_Tok], at: _Attr) -> None:
    """A speaker span that holds a clause ends in the cue's own subject: after a free relative
    ("It directly contradicted what | Trump and Lewandowski | said", "is less than half of what |
    researchers | say") or a subject pronoun right after a noun, a relative clause without its
    pronoun ("a list of countries | he | said", "the kind of tone | he | said"). The words before
    are the clause that holds the report, not its source."""
    if at.speaker_start is None:
        return
    words = [toks[k] for k in _speaker_span(toks, at) if toks[k].is_word]
    if len(words) < 2:
        return
    opener = max((k for k, t in enumerate(words[:-1]) if t.low in _FREE_RELATIVES), default=None)
    if opener is not None:
        at.speaker_start = words[opener + 1].start
        return
    last, before = words[-1], words[-2]
    if last.low in _SUBJECT_PRONOUNS and not before.cap and is_noun_only(before.low):
        at.speaker_start = last.start


def _finite_here(toks: list[_Tok], k: int, first: int) -> bool:
    """Is the cue form at ``k`` plainly finite, after "not", "have" or an adverb that modifies no
    noun ("have not said", "now advised")? "An earlier report", a participle after a noun ("a
    poll released last week") and a plural noun ("according to press reports") are no verbs."""
    prev = toks[k - 1] if k > first else None
    if prev is None:
        return False
    if prev.low in _NOT_OR_HAVE:
        return True
    if prev.low not in _ADVERBS or prev.low in _BE_FORMS:
        return False  # "a report ... to be released Thursday": a passive in the noun phrase
    before = toks[k - 2] if k - 1 > first else None
    return not (before is not None and before.low in _DETERMINERS)


_NOT_OR_HAVE = frozenset(("not", "have", "has", "had"))


def _without_own_weak_reports(attrs: list[_Attr], text: str) -> list[_Attr]:
    """Drop a weak cue whose speaker is the pronoun that opens another attribution's content:
    the speaker's own clause reported, no second statement ("NASA says it has found the likely
    cause", "Catalan said he agrees speaking Spanish is very important": one statement each)."""
    opens = {o.content_start for o in attrs}
    return [at for at in attrs if not _own_weak_report(at, opens, text)]


def _own_weak_report(at: _Attr, opens: set[int], text: str) -> bool:
    if at.speaker_start is None or at.cue.lower() not in _WEAK_VERBS:
        return False
    if text[at.speaker_start : at.speaker_end].lower() not in _PRONOUNS:
        return False
    start = at.speaker_start
    if text[max(0, start - 5) : start].lower().endswith("that "):
        start -= 5  # "said that it has found"
    return start in opens


def _article_attributions(text: str) -> list[_Attr]:
    """Every attribution of one article, typed, resolved and linked."""
    return _article_pass(text)[0]


def _article_pass(text: str) -> tuple[list[_Attr], dict[str, str]]:
    """(attributions, the article's name registry: surname or name -> full name)."""
    sentences = _sentences(text)
    quotes_by_par = {
        pid: _quote_spans(text, a, b) for pid, (a, b) in enumerate(paragraph_spans(text))
    }
    attrs: list[_Attr] = []
    candidates = _candidate_sentences(text, text.lower(), sentences)
    for sentence, candidate in zip(sentences, candidates):
        if candidate:
            quotes = quotes_by_par.get(sentence[1], [])
            attrs.extend(_sentence_attributions(text, sentence, quotes, len(attrs)))
    attrs = with_continuations(attrs, text, sentences, quotes_by_par)
    attrs = _without_own_weak_reports(attrs, text)
    registry: dict[str, str] = {}
    _finish(attrs, text, registry)
    return attrs, registry


def find_attributions(articles: pd.DataFrame, *, processes: int | None = None) -> pd.DataFrame:
    """One row per attribution: speaker, cue, content span, source type and the rest of
    ``../shared/API.md``.

    Offsets index into ``articles.text``. Extra columns: ``sentence_id``, ``paragraph_id`` and
    ``rule`` (the construction that found it). Articles in another language are skipped and
    listed in ``attrs["skipped"]``. Large corpora are split over ``processes`` worker processes
    (default: all cores; ``analysis.parallel``).

    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "“We will take revenge,” Salami said. Three sources familiar with the talks told the "
    ...     "newspaper that the plan was ready. According to the Reuters news agency, Tehran "
    ...     "denies the allegation."]})
    >>> at = find_attributions(arts)
    >>> at[["speaker", "cue", "source_type", "count", "quote"]].values.tolist()
    [['Salami', 'said', 'named_person', None, 'direct'],
     ['Three sources familiar with the talks', 'told', 'anonymous', 3, 'indirect'],
     ['the Reuters news agency', 'According to', 'media', None, 'indirect'],
     ['Tehran', 'denies', 'organization', None, 'indirect']]
    """
    from ..parallel import concat, map_chunks

    kept, skipped = analysable(articles)
    parts = map_chunks(_attributions_chunk, kept[["article_id", "text"]], processes=processes)
    for _frame, sentences in parts:
        remember_sentences(sentences)  # the next step on these articles does not split them again
    return concat([frame for frame, _ in parts], skipped=skipped)


def _attributions_chunk(kept: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """The attributions of a chunk and the sentence spans it computed (for the parent's cache)."""
    return _attributions_frame(kept), sentences_of(kept["text"].tolist())


def attributions_in(text: str, *, article_id: object = None) -> pd.DataFrame:
    """The attributions of one text, with the columns of ``find_attributions``.

    No language check and no worker processes: the text is taken as one English article
    (``article_id`` fills that column). Not a string: ``TypeError``.

    >>> t = "“We will not accept,” Salami said. According to aides, the plan is ready."
    >>> attributions_in(t)[["speaker", "cue", "source_type", "rule"]].values.tolist()
    [['Salami', 'said', 'named_person', 'quote, then speaker and cue'],
     ['aides', 'According to', 'anonymous', 'according to X']]
    """
    if not isinstance(text, str):
        raise TypeError(f"attributions_in takes a str, not {type(text).__name__}")
    return _attributions_frame(pd.DataFrame({"article_id": [article_id], "text": [text]}))


def _rows(aid: object, attrs: list[_Attr]) -> list[dict]:
    return [
        {"article_id": aid, "attribution_id": k, **{c: getattr(at, c) for c in _ATTR_COLUMNS}}
        | {"rule": str(at.rule)}
        for k, at in enumerate(attrs)
    ]


def _attributions_frame(kept: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict] = []
    for aid, text in progress(
        zip(kept["article_id"], kept["text"]), total=len(kept), desc="attributions"
    ):
        if isinstance(text, str) and text.strip():
            rows.extend(_rows(aid, _article_attributions(text)))
    try:
        out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    except UnicodeEncodeError:  # a text passed in by hand with a lone surrogate: Arrow refuses it
        out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS, dtype="object")
    for col in ("speaker_start", "speaker_end", "count", "relayed_via"):
        out[col] = out[col].astype("Int64")
    for col in _INT_COLUMNS:
        out[col] = out[col].astype("int64")
    for col in ("speaker_name", "source_org", "speaker"):
        out[col] = out[col].astype("object").where(out[col].notna(), None)
    out["count"] = out["count"].astype("object").where(out["count"].notna(), None)
    out["relayed_via"] = out["relayed_via"].astype("object").where(out["relayed_via"].notna(), None)
    return out


MENTION_COLUMNS = ["article_id", "start", "end", "text", "kind", "name"]


def mentions_frame(kept: pd.DataFrame) -> pd.DataFrame:
    """One row per mention of a person, an organisation or an outlet in each article (the
    registry ``find_attributions`` resolves names with): ``kind`` person, organization or media;
    ``name`` the person's full name as the article gives it, else the words as written."""
    rows: list[dict] = []
    for aid, text in zip(kept["article_id"], kept["text"]):
        if isinstance(text, str) and text.strip():
            _attrs, registry = _article_pass(text)
            rows.extend({"article_id": aid, **m} for m in article_mentions(text, registry))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS).astype({"start": "int64", "end": "int64"})
