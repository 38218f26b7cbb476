"""Sourcing tokens: the tokenizer (words, abbreviations, quote marks, punctuation, with offsets) and
clause boundaries."""

from __future__ import annotations

import re

from .data import (
    _CLAUSE_STOPS,
    _CLOSE_QUOTES,
    _FINAL_ABBREVIATIONS,
    _OPEN_QUOTES,
    _RELATIVE_PRONOUNS,
)

_TOKEN_RE = re.compile(
    r"[A-Za-z]\.(?:[A-Za-z]\.)+|[A-Z](?![A-Z]+\.)\w{0,3}\.(?![\w.])|\d{1,3}(?:,\d{3})+(?![\d])"
    r"|\w+(?:['’\-]\w+|\.\w+)*|''|``|[“”\"‘’,;:()\[\]—–]"
    r"|(?<=\s)-{1,2}(?=\s)"  # a hyphen between spaces is a dash ("ire - he called her")
)


class _Tok:
    """A token with its offsets; ``low``, ``is_word`` and ``cap`` are computed once."""

    __slots__ = ("text", "start", "end", "low", "is_word", "cap")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.low, self.is_word, self.cap = _properties(text)

    def __repr__(self) -> str:
        return f"_Tok({self.text!r}, {self.start}, {self.end})"


# (low, is_word, cap) of each token text seen: most tokens of a corpus are repeats, and
# computing them again was a fifth of the tokenizer's time; bounded like the other memos
_PROPERTIES: dict[str, tuple[str, bool, bool]] = {}
_PROPERTIES_LIMIT = 200_000


def _properties(text: str) -> tuple[str, bool, bool]:
    low = text.lower()
    first = text[:1]
    low = low.rstrip(".") if low[-1:] == "." else low
    base, apostrophe, _clitic = low.replace("’", "'").partition("'")
    if apostrophe and base in _RELATIVE_PRONOUNS:
        low = base  # "who's running": the relative pronoun (its text keeps the contraction)
    return low, first.isalnum(), first.isupper()


def _tokens(text: str, a: int, b: int) -> list[_Tok]:
    """Tokens of ``text[a:b]``: abbreviations keep their period ("Gen.", "U.S."), words do not,
    punctuation is kept."""
    memo = _PROPERTIES
    if len(memo) > _PROPERTIES_LIMIT:
        memo.clear()
    out = []
    new = object.__new__
    for m in _TOKEN_RE.finditer(text, a, b):
        word = m.group()
        props = memo.get(word)
        if props is None:
            props = memo[word] = _properties(word)
        tok = new(_Tok)
        tok.text = word
        tok.start, tok.end = m.span()
        tok.low, tok.is_word, tok.cap = props
        out.append(tok)
    if out and _full_stop_inside(out[-1], b):
        # the full stop is no token, as after any other word
        last = out[-1]
        out[-1] = _Tok(last.text[:-1], last.start, last.end - 1)
    if text.find(" -", a, b) >= 0:
        out = [_Tok("—", t.start, t.end) if t.text in ("-", "--") else t for t in out]
    if text.find("s’ ", a, b) >= 0 or text.find("s' ", a, b) >= 0:
        out = _join_bare_possessives(out, text)
    return out


def _join_bare_possessives(toks: list[_Tok], text: str) -> list[_Tok]:
    """ "Sanders’ campaign manager": an apostrophe right after a word in -s, before a space, with
    no single quotation open, is the word's possessive, not a closing quote."""
    out: list[_Tok] = []
    open_single = False
    for t in toks:
        prev = out[-1] if out else None
        if (
            t.text in ("’", "'")
            and not open_single
            and prev is not None
            and prev.is_word
            and prev.end == t.start
            and prev.low.endswith("s")
            and text[t.end : t.end + 1] == " "
        ):
            out[-1] = _Tok(prev.text + t.text, prev.start, t.end)
            continue
        if t.text == "‘":
            open_single = True
        elif t.text == "’":
            open_single = False
        elif t.text == "'":
            open_single = not open_single
        out.append(t)
    return out


def _full_stop_inside(tok: _Tok, b: int) -> bool:
    """The span's last token is a capitalised word read as an abbreviation ("Gil.") whose period
    ends the sentence: no abbreviation that can end one ("Inc.", "Jr.")."""
    word = tok.text[:-1]
    return (
        tok.end == b
        and tok.text.endswith(".")
        and word.isalpha()
        and tok.cap
        and tok.low not in _FINAL_ABBREVIATIONS
    )


def strip_possessive(text: str) -> str:
    """``text`` without a final possessive "'s" or "’s" ("Iran's" -> "Iran").

    >>> strip_possessive("Iran’s"), strip_possessive("Jones")
    ('Iran', 'Jones')
    """
    if text[-1:] not in _POSSESSIVE_LAST:
        return text  # most words: one character compared, not four endings ("" goes on: no match)
    if text.endswith(_POSSESSIVE_ENDINGS):
        return text[:-2]
    return text[:-1] if text.endswith(_BARE_POSSESSIVE_ENDINGS) else text


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def name_word(text: str) -> str:
    """A word of a person's name as written: no possessive, no abbreviation's period, except an
    initial's ("Sen." -> "Sen", "Clinton's" -> "Clinton", "F." stays, as in "John F. Kennedy").

    >>> name_word("Clinton's"), name_word("Sen."), name_word("F."), name_word("G.K.")
    ('Clinton', 'Sen', 'F.', 'G.K.')
    """
    word = strip_possessive(text)
    return word if _INITIALS.fullmatch(word) else word.rstrip(".")


def without_clitic(word: str) -> str:
    """``word`` before an apostrophe's clitic ("he's" -> "he", "i'll" -> "i", "who’s" -> "who").

    >>> without_clitic("he's"), without_clitic("I’ll"), without_clitic("said")
    ('he', 'I', 'said')
    """
    return word.partition("'")[0].partition("’")[0]  # before the first of either apostrophe


def is_possessive(text: str) -> bool:
    """Does ``text`` end in a possessive "'s" or "’s"?"""
    return text.endswith(_POSSESSIVE_ENDINGS) or text.endswith(_BARE_POSSESSIVE_ENDINGS)


_POSSESSIVE_ENDINGS = ("'s", "’s")
_BARE_POSSESSIVE_ENDINGS = ("s'", "s’")  # "Sanders’ campaign": joined by the tokenizer
_POSSESSIVE_LAST = "s'’"  # the last character of every ending above


def _is_boundary(tok: _Tok) -> bool:
    return (
        tok.text in ",;:()[]—–"
        or tok.text in ("-", "--")
        or tok.text in _OPEN_QUOTES
        or tok.text in _CLOSE_QUOTES
        or tok.low in _CLAUSE_STOPS
    )
