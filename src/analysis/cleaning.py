"""Cleaning of pasted article text: title, subtitle, captions with credits, site boilerplate.

Everything here works by general rules (what a photo credit looks like, what a registration wall
says), never by the wording of one article, and everything removed is kept, so an analyst can see
what was taken out and why (``captions`` and ``boilerplate`` columns).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import ftfy
from rapidfuzz import fuzz

from .checks import check_bool, check_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CleanText",
    "normalize_unicode",
    "clean_body",
    "split_title",
    "is_caption",
    "is_boilerplate",
    "removed_lines",
]

# --- photo credits -------------------------------------------------------------------------------
# News agencies and picture services that appear in credit lines.
_AGENCIES = (
    r"AP|AFP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Xinhua|Anadolu(?: Agency)?|TASS|Sputnik|"
    r"Flash90|Shutterstock|iStock(?:photo)?|Alamy|Bloomberg|UPI|WANA|IRNA|Tasnim|Fars|Mehr|SANA|"
    r"KCNA|Yonhap|ANSA|DPA|dpa|PA(?: Wire)?|Pool|Handout|NurPhoto|Sipa|ZUMA(?: Press)?|"
    r"Wikimedia Commons|Wikipedia|Flickr|Press TV|GPO|IDF|Courtesy"
)
_CREDIT_BODY = re.compile(
    r"""^(?:
        # photo credit: X
        (?:photo|image|picture|video|screenshot|screen\ capture)s?\s*(?:credit|by|courtesy)?
          \s*[:\-]\s*.+
      | (?:credit|courtesy(?:\ of)?)\s*[:\-]?\s*.+        # credit: X, courtesy of X
      | .+\bvia\s+(?:"""
    + _AGENCIES
    + r"""|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})  # X via AP
      | [A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}\s*/\s*[A-Z][\w.&'’ -]{1,40}   # NAME / AGENCY
      | (?:AP|AFP|Reuters|Getty)\s+(?:Photo|Images)(?:\s*/\s*.+)?       # AP Photo/Name
      | (?:"""
    + _AGENCIES
    + r""")(?:\s+(?:photo|file|archive|pool))?                   # (AFP), (Reuters file)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_TRAILING_PAREN = re.compile(r"\(([^()]{1,120})\)\s*$")
_WHOLE_PAREN = re.compile(r"\([^()]{1,120}\)")
# "..., Monday. Photo: Jane Roe/Example Times", "... building. Image: Jane Roe." (a final period
# closes the credit as it closes the caption)
_TRAILING_BARE_CREDIT = re.compile(
    r"(?:^|[.\s])((?:Photo|Image|Picture)s?(?:\s+credit)?\s*:\s*[^.:]{2,80}"
    r"|Credit\s*:\s*[^.:]{2,80})\.?\s*$",
    re.IGNORECASE,
)


def caption_credit(line: str) -> str | None:
    """Return the photo credit that ends ``line``, or None when the line does not end with one.

    >>> caption_credit("Khamenei leads a prayer in Tehran, January 6, 2020. (Iran Press TV via AP)")
    'Iran Press TV via AP'
    >>> caption_credit("Salami speaks in Tehran on November 25, 2019. (ATTA KENARE / AFP)")
    'ATTA KENARE / AFP'
    >>> caption_credit("A bus in Burgas, Bulgaria, July 19 (photo credit: Dano Monkotovic/Flash90)")
    'photo credit: Dano Monkotovic/Flash90'
    >>> caption_credit("The embassy (in Tel Aviv) said it was closed.") is None
    True
    """
    end = line.rstrip()
    if end.endswith(")"):
        opening = end.rfind("(")
        inner = end[opening + 1 : -1].strip()
        if opening < 0 or ")" in inner or not 0 < len(inner) <= 120:
            return None
        return inner if _CREDIT_BODY.match(inner) else None
    if ":" not in line:
        return None
    lowered = line.lower()
    if (
        "credit" not in lowered
        and "photo" not in lowered
        and "image" not in lowered
        and "picture" not in lowered
    ):
        return None
    m = _TRAILING_BARE_CREDIT.search(line)
    # a caption ending in its credit, or a credit on a line of its own ("Image: Jane Roe.")
    alone = m is not None and not line[: m.start(1)].strip() and len(line.split()) <= 6
    if m and (len(line) > len(m.group(1)) + 10 or alone):
        return m.group(1).strip()
    return None


def is_caption(line: str) -> bool:
    """True when ``line`` is a photo caption, recognised by the credit that ends it.

    >>> is_caption("Screen capture shows Khamenei weeping, January 6, 2020. (Iran Press TV via AP)")
    True
    >>> is_caption("Protesters outside the parliament building. Image: Jane Roe.")
    True
    >>> is_caption("Tehran denies the allegation.")
    False
    """
    return caption_credit(line) is not None and len(line.split()) >= 3


# --- site boilerplate ----------------------------------------------------------------------------
_BOILERPLATE_START = re.compile(
    r"""(?ix)
    \W*(?:read\ more|related|see\ also|more\ on\ this|recommended|most\ read|trending|advertisement|
        sponsored(?:\ content)?|share\ (?:this|on)|follow\ us|or\ continue\ with|sign\ in|log\ ?in|
        register|subscribe|you(?:'|’)re\ subscribed|already\ (?:registered|a\ subscriber)|
        never\ miss|get\ (?:notifications|our|the\ latest)|enter\ your\ email|
        please\ use\ the\ following|
        and\ continue\ reading|continue\ reading|click\ here|skip\ to|back\ to\ top|cookie|
        we\ use\ cookies|
        all\ rights\ reserved|copyright|©|terms\ (?:of\ use|and\ conditions)|privacy\ policy|
        by\ registering|registering\ also|sign\ up|newsletter|download\ (?:our|the)\ app|
        check\ your\ (?:email|inbox)|we\ sent\ (?:an\ )?email|
        join\ our|listen\ to\ this\ article|comments?\s*\(\d*\)|print\ this|email\ this|
        categories(?=:))\b
    """
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"""(?ix)
      \b(?:sign\ up|subscribe|register|join|get|enter)\b.{0,60}
        \b(?:newsletters?|podcast|alerts|inbox)\b
    | \b(?:terms\ and\ conditions|daily\ edition\ email|to\ continue\ reading|already\ registered|
        stay\ updated|sign\ up\ to\ get\ an\ email)\b
    """
)
_START_PREFIXES = (
    "read more",
    "related",
    "see also",
    "more on this",
    "recommended",
    "most read",
    "trending",
    "advertisement",
    "sponsored",
    "share this",
    "share on",
    "follow us",
    "or continue with",
    "sign in",
    "log in",
    "login",
    "register",
    "subscribe",
    "you're subscribed",
    "you’re subscribed",
    "already registered",
    "already a subscriber",
    "never miss",
    "get notifications",
    "get our",
    "get the latest",
    "enter your email",
    "please use the following",
    "and continue reading",
    "continue reading",
    "click here",
    "skip to",
    "back to top",
    "cookie",
    "we use cookies",
    "all rights reserved",
    "copyright",
    "©",
    "terms of use",
    "terms and conditions",
    "privacy policy",
    "by registering",
    "registering also",
    "sign up",
    "newsletter",
    "download our app",
    "download the app",
    "check your email",
    "check your inbox",
    "we sent an email",
    "we sent email",
    "join our",
    "listen to this article",
    "comment",
    "print this",
    "email this",
    "categories:",  # a wiki's category footer ("Categories: August 15, 2008 Canada ...")
)
_LEADING_PUNCT = " \t([{*•·-–—\"'“‘"
#: Cheap substring test (on lower-cased text) that decides whether the anywhere-patterns can match.
_ANYWHERE_KEYS = (
    "newsletter",
    "podcast",
    "alerts",
    "inbox",
    "terms and conditions",
    "daily edition",
    "continue reading",
    "already registered",
    "stay updated",
    "sign up to get",
)


def is_boilerplate(line: str, *, _may_match_anywhere: bool = True) -> bool:
    """True when ``line`` is site furniture: registration walls, newsletters, "read more" blocks.

    >>> is_boilerplate("Register for free")
    True
    >>> is_boilerplate("Already registered? Enter your email to sign in.")
    True
    >>> is_boilerplate("Iran has worked up 13 sets of plans for revenge.")
    False
    >>> is_boilerplate("Categories: August 15, 2008 Canada Published North America Politics")
    True
    """
    stripped = line.strip()
    if not stripped:
        return False
    if stripped.lstrip(_LEADING_PUNCT)[:24].lower().startswith(
        _START_PREFIXES
    ) and _BOILERPLATE_START.match(stripped):
        # A long paragraph of reporting is never furniture, whatever word it starts with.
        return stripped.count(" ") < 40
    if not _may_match_anywhere or stripped.count(" ") >= 40:
        return False
    lowered = stripped.lower()
    return any(map(lowered.__contains__, _ANYWHERE_KEYS)) and bool(
        _BOILERPLATE_ANYWHERE.search(stripped)
    )


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_CLOSERS = "\"'”’)]"


def ends_like_sentence(line: str) -> bool:
    """True when ``line`` ends with ``.``, ``!``, ``?`` or a closing quote.

    >>> ends_like_sentence("Iran vows revenge.")
    True
    >>> ends_like_sentence("Supreme leader reportedly tells top security forum he wants it clear")
    False
    """
    line = line.rstrip()
    tail = line.rstrip(_CLOSERS)
    if tail and tail[-1] in ".!?…":
        return True
    return len(tail) < len(line) and line[-1] in '"”’'


# --- Unicode -------------------------------------------------------------------------------------
_MOJIBAKE_HINT = re.compile("[ÃÂâ][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]|\ufffd")
_MOJIBAKE_LEADS = "ÃÂâ\ufffd"
# a vulgar fraction of mojibake taken apart by compatibility normalisation: "Ã1⁄4" was "Ã¼" ("ü")
_FRACTIONS = {"1\u20444": "¼", "1\u20442": "½", "3\u20444": "¾"}
_SPLIT_FRACTION = re.compile("([ÃÂ])(1\u20444|1\u20442|3\u20444)")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_RE = re.compile("[" + _ZERO_WIDTH + "]")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # curly quotes stay as published
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=True,
    normalization="NFC",
    explain=False,
)


def normalize_unicode(text: str) -> str:
    """NFC-normalise, repair mojibake (via ftfy) and unify line breaks; curly quotes are kept.

    >>> normalize_unicode("Iranâ€™s leader")
    'Iran’s leader'
    >>> normalize_unicode("“We will take revenge,” Salami said.\\r\\n")
    '“We will take revenge,” Salami said.\\n'
    """
    check_text("text", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text  # nothing to repair or normalise; checked in C, so most English text stops here
    # composed first: mojibake later decomposed ("A" + a combining tilde for the "Ã" of "PeÃ±a",
    # "1⁄4" for the "¼" of "GÃ¼len") is only mojibake again once its characters are whole
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\u2044" in text:
        text = _SPLIT_FRACTION.sub(lambda m: m.group(1) + _FRACTIONS[m.group(2)], text)
    # a character scan per lead ("Ã", "Â", "â", "�") is far quicker than the regex over every text
    if any(lead in text for lead in _MOJIBAKE_LEADS) and _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text, config=_FTFY_CONFIG)
    # zero-width characters and the BOM carry no text but break word matching
    if any(ch in text for ch in _ZERO_WIDTH):
        text = _ZERO_WIDTH_RE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# --- the cleaner ---------------------------------------------------------------------------------
@dataclass
class CleanText:
    """Result of cleaning one article: the body plus everything taken out of it."""

    text: str
    title: str | None = None
    subtitle: str | None = None
    captions: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


def _dedupe_captions(captions: list[str], *, threshold: float = 80.0) -> list[str]:
    """Collapse repeated and near-repeated captions, keeping the most complete (longest) one."""
    kept: list[str] = []
    for cap in captions:
        body = _strip_credit(cap)
        for i, other in enumerate(kept):
            if fuzz.token_set_ratio(body, _strip_credit(other)) >= threshold:
                if len(cap) > len(other):
                    kept[i] = cap
                break
        else:
            kept.append(cap)
    return kept


def _strip_credit(caption: str) -> str:
    credit = caption_credit(caption)
    if credit and caption.rstrip().endswith(")"):
        return caption[: caption.rfind("(")].strip()
    return caption


def _blocks(text: str) -> list[list[str]]:
    blocks = []
    for chunk in _BLANK_LINE.split(text):
        lines = [line.strip() for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            blocks.append(lines)
    return blocks


def _join_wrapped(lines: list[str]) -> list[str]:
    """Lines of one block become paragraphs; a line that does not end a sentence continues onto
    the next."""
    paras: list[str] = []
    for line in lines:
        if (
            paras
            and not ends_like_sentence(paras[-1])
            and not paras[-1].endswith(":")
            and line[:1].islower()
        ):
            paras[-1] = paras[-1] + " " + line
        else:
            paras.append(line)
    return paras


def clean_body(text: str, *, split_title_lines: bool = False) -> CleanText:
    """Split pasted article text into title, subtitle, body paragraphs, captions and boilerplate.

    Captions are lines ending in a photo credit; near-identical captions collapse to the most
    complete. Boilerplate lines (registration walls, newsletters, "read more") are removed, and so
    is a tail of short non-sentence lines that follows them. Paragraphs are joined by one blank
    line.

    >>> raw = ("Iran vows revenge\\n\\nLeader speaks at funeral\\n\\n"
    ...        "Khamenei at a funeral, January 6, 2020. (Iran Press TV via AP)\\n\\n"
    ...        "“We will take revenge,” Salami said.\\n\\n"
    ...        "read more:\\nRegister for free\\nOr Continue with\\n")
    >>> c = clean_body(raw, split_title_lines=True)
    >>> c.title, c.subtitle, c.text
    ('Iran vows revenge', 'Leader speaks at funeral', '“We will take revenge,” Salami said.')
    >>> c.captions, c.boilerplate
    (['Khamenei at a funeral, January 6, 2020. (Iran Press TV via AP)'],
     ['read more:', 'Register for free', 'Or Continue with'])
    """
    check_bool("split_title_lines", split_title_lines)
    text = normalize_unicode(text)
    blocks = _blocks(text)
    title = subtitle = None
    if split_title_lines and blocks:
        title, subtitle, blocks = _title_and_subtitle(blocks)
    lines: list[tuple[int, str]] = [(bi, line) for bi, block in enumerate(blocks) for line in block]
    kinds = _line_kinds([line for _, line in lines], text)
    _mark_furniture_tail(lines, kinds)
    captions = [line for (_, line), k in zip(lines, kinds) if k == "caption"]
    boilerplate = [line for (_, line), k in zip(lines, kinds) if k == "boilerplate"]
    body_blocks: dict[int, list[str]] = {}
    for (bi, line), k in zip(lines, kinds):
        if k == "body":
            body_blocks.setdefault(bi, []).append(line)
    paragraphs = [p for bi in sorted(body_blocks) for p in _join_wrapped(body_blocks[bi])]
    return CleanText(
        text="\n\n".join(paragraphs),
        title=title,
        subtitle=subtitle,
        captions=_dedupe_captions(captions),
        boilerplate=boilerplate,
    )


def _title_and_subtitle(
    blocks: list[list[str]],
) -> tuple[str, str | None, list[list[str]]]:
    """(title, subtitle or None, the remaining blocks): the first line is the title; a lone
    non-sentence line after it, neither caption nor furniture, is the subtitle."""
    title, rest = blocks[0][0], blocks[0][1:]
    blocks = ([rest] if rest else []) + blocks[1:]
    if (
        blocks
        and len(blocks[0]) == 1
        and not ends_like_sentence(blocks[0][0])
        and not is_caption(blocks[0][0])
        and not is_boilerplate(blocks[0][0])
    ):
        return title, blocks[0][0], blocks[1:]
    return title, None, blocks


def _line_kinds(lines: list[str], text: str) -> list[str]:
    """``caption``, ``boilerplate`` or ``body`` for each line."""
    # Whether the mid-line furniture patterns can match at all is decided once for the whole text.
    lowered = text.lower()
    maybe_anywhere = any(map(lowered.__contains__, _ANYWHERE_KEYS))
    kinds = []
    for line in lines:
        if _WHOLE_PAREN.fullmatch(line.strip()) and caption_credit(line):
            kinds.append("boilerplate")  # a bare credit line ("(h/t RCP Video.)") with no caption
        elif is_caption(line):
            kinds.append("caption")
        elif is_boilerplate(line, _may_match_anywhere=maybe_anywhere):
            kinds.append("boilerplate")
        else:
            kinds.append("body")
    return kinds


def _mark_furniture_tail(lines: list[tuple[int, str]], kinds: list[str]) -> None:
    """A tail after the last reporting paragraph becomes boilerplate (in place): from the first
    boilerplate line after which every line is furniture or short ("Never miss breaking news on
    Israel", "It has a link that will sign you in."), the rest of the page is site furniture."""
    for k in range(len(lines)):
        if kinds[k] != "boilerplate":
            continue
        if all(
            kinds[i] != "body"
            or len(lines[i][1].split()) <= 15
            or is_boilerplate_like_long(lines[i][1])
            for i in range(k + 1, len(lines))
        ):
            for i in range(k + 1, len(lines)):
                if kinds[i] == "body":
                    kinds[i] = "boilerplate"
            return


def is_boilerplate_like_long(line: str) -> bool:
    """A longer tail line that still speaks to the reader about the site, not about the news."""
    return bool(
        re.search(
            r"(?i)\b(?:you(?:'|’)ll receive|our (?:daily|weekly)|your experience|"
            r"comment on articles|by registering|your email)\b",
            line,
        )
    )


def split_title(text: str) -> CleanText:
    """Clean a pasted article whose first line is the title (the ``.txt``/``.md`` layout)."""
    return clean_body(text, split_title_lines=True)


def removed_lines(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per caption or boilerplate line taken out of a body: ``article_id``, ``kind``,
    ``line``.

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "captions": [["A man (AP Photo)"]],
    ...                      "boilerplate": [["Sign in"]]})
    >>> removed_lines(arts).values.tolist()
    [['a', 'caption', 'A man (AP Photo)'], ['a', 'boilerplate', 'Sign in']]
    """
    import pandas as pd

    rows = []
    for aid, caps, boiler in zip(
        articles["article_id"], articles["captions"], articles["boilerplate"]
    ):
        rows += [{"article_id": aid, "kind": "caption", "line": c} for c in (caps or [])]
        rows += [{"article_id": aid, "kind": "boilerplate", "line": b} for b in (boiler or [])]
    return pd.DataFrame(rows, columns=["article_id", "kind", "line"])
