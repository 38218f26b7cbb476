"""Explain: one article marked up as HTML, so an analyst sees why every number came out.

``annotate`` draws the attributions (speaker coloured by source type in the house colours of the
charts, content shaded, cue in bold, relayed chains linked) and the threat-language matches (boxed
by measure, dashed when negated, dotted when hypothetical) over the article's body, with hover
titles, a legend, the tables behind the marks and what cleaning removed. The markup is built from
a sorted list of span boundaries, so overlapping spans nest; all article text is escaped with
``html.escape``; the page holds no script and fetches nothing.
"""

from __future__ import annotations

import hashlib
import html
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.colors import to_hex, to_rgb

from .figures import STYLE
from .rhetoric import MEASURES
from .sourcing import SOURCE_TYPES
from .text import paragraph_spans

__all__ = ["Annotated", "annotate", "articles_to_annotate"]

COUNTED_MODES = ("asserted", "conditional")
# nesting order when two spans cover the same characters: content outside, the cue innermost
_RANK = {"content": 0, "threat": 1, "speaker": 2, "cue": 3}


@dataclass(frozen=True)
class Annotated:
    """An annotated article: ``_repr_html_()`` shows it in Jupyter; ``.html`` is a whole page."""

    article_id: str
    title: str
    fragment: str

    @property
    def html(self) -> str:
        """The standalone HTML page (what ``save`` writes): no script, nothing fetched."""
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{_esc(self.title or self.article_id)}</title>\n</head>\n<body>\n"
            f"{self.fragment}\n</body>\n</html>\n"
        )

    def _repr_html_(self) -> str:
        return self.fragment

    def save(self, path: str | Path) -> Path:
        """Write the standalone page to ``path`` (UTF-8) and return the path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.html, encoding="utf-8")
        return path


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    tag: str
    attrs: tuple[tuple[str, str], ...]

    def open(self, continued: bool = False) -> str:
        attrs = [(k, v) for k, v in self.attrs if not (continued and k == "id")]
        if continued:
            attrs = [(k, f"{v} an-cont" if k == "class" else v) for k, v in attrs]
        return f"<{self.tag}" + "".join(f' {k}="{_esc(v)}"' for k, v in attrs) + ">"

    def close(self) -> str:
        return f"</{self.tag}>"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _shown(value: object) -> str:
    """A cell as the page shows it: an em dash for a missing value, whole numbers without ``.0``."""
    if _missing(value):
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _int(value: object) -> int | None:
    return None if _missing(value) else int(value)


@lru_cache(maxsize=1)
def _house_colours() -> tuple[str, ...]:
    """The colour cycle of ``data/house.mplstyle``, the one every chart uses."""
    rc = matplotlib.rc_params_from_file(str(STYLE), use_default_template=False)
    return tuple(to_hex(c) for c in rc["axes.prop_cycle"].by_key()["color"])


def type_colours() -> dict[str, str]:
    """Source type -> colour, as ``plotting.threats_by_speaker`` assigns them (``C0``, ``C1``, ...).

    >>> type_colours()["named_person"], type_colours()["article"]
    ('#c0392b', '#8e44ad')
    """
    from .plotting import SOURCE_TYPE_COLOURS

    cycle = _house_colours()
    return {t: cycle[int(c[1:]) % len(cycle)] for t, c in SOURCE_TYPE_COLOURS.items()}


def measure_colours() -> dict[str, str]:
    """Measure -> colour, as ``plotting.threat_categories`` assigns them."""
    cycle = _house_colours()
    return {m: cycle[i % len(cycle)] for i, m in enumerate(MEASURES)}


def _rgba(colour: str, alpha: float) -> str:
    r, g, b = (round(255 * x) for x in to_rgb(colour))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _css() -> str:
    """The stylesheet, scoped to ``.an-annot`` so that it changes nothing else on a page."""
    rules = [
        ".an-annot{font-family:Georgia,'DejaVu Serif',serif;line-height:1.75;color:#222;"
        "background:#fff;max-width:64em;padding:.5em 1em;font-size:15px}",
        ".an-annot .an-body,.an-annot .an-legend,.an-annot>p{max-width:46em}",
        ".an-annot h2{font-family:'DejaVu Sans',sans-serif;font-size:1.35em;margin:.2em 0}",
        ".an-annot h3{font-family:'DejaVu Sans',sans-serif;font-size:1.05em;margin:1.4em 0 .4em}",
        ".an-annot .an-sub{font-style:italic;margin:.2em 0}",
        ".an-annot .an-meta,.an-annot .an-note{color:#555;font-size:.85em}",
        ".an-annot .an-body p{margin:0 0 .9em}",
        ".an-annot .an-speaker{border-bottom:3px solid;padding:0 1px}",
        ".an-annot .an-cue{font-weight:bold}",
        ".an-annot .an-threat{border:2px solid;border-radius:3px;padding:0 1px;background:none;"
        "color:inherit}",
        ".an-annot .an-mode-negated{border-style:dashed}",
        ".an-annot .an-mode-hypothetical{border-style:dotted}",
        ".an-annot .an-mode-negated::after{content:'¬';font-size:.7em;vertical-align:super}",
        ".an-annot .an-mode-hypothetical::after{content:'?';font-size:.7em;vertical-align:super}",
        ".an-annot .an-mode-conditional::after{content:'if';font-size:.6em;vertical-align:super}",
        ".an-annot .an-cont::after{content:none}",
        ".an-annot sup.an-ref{font-family:'DejaVu Sans',sans-serif;font-size:.62em;color:#444;"
        "white-space:nowrap}",
        ".an-annot sup.an-ref a{color:inherit}",
        ".an-annot .an-legend{font-family:'DejaVu Sans',sans-serif;font-size:.8em;line-height:2;"
        "border:1px solid #ddd;padding:.3em .6em;margin:.6em 0 1em}",
        ".an-annot .an-legend span{margin-right:.9em;white-space:nowrap}",
        ".an-annot table{border-collapse:collapse;font-family:'DejaVu Sans',sans-serif;"
        "font-size:.75em;line-height:1.35;margin:.3em 0;width:100%}",
        ".an-annot th,.an-annot td{border-bottom:1px solid #e6e6e6;padding:2px 6px;"
        "text-align:left;vertical-align:top}",
        ".an-annot ul.an-removed{font-size:.8em;line-height:1.4;color:#555}",
        "@media print{.an-annot{max-width:none;font-size:11pt;padding:0}"
        ".an-annot *{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
        ".an-annot .an-legend,.an-annot tr,.an-annot p{break-inside:avoid}"
        ".an-annot a{color:inherit;text-decoration:none}}",
    ]
    for t, colour in type_colours().items():
        rules.append(
            f".an-annot .an-t-{t}.an-speaker{{border-color:{colour};"
            f"background:{_rgba(colour, 0.22)}}}"
        )
        rules.append(f".an-annot .an-t-{t}.an-content{{background:{_rgba(colour, 0.09)}}}")
    for m, colour in measure_colours().items():
        rules.append(f".an-annot .an-m-{m}{{border-color:{colour}}}")
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def _type_class(value: object) -> str:
    return str(value) if value in SOURCE_TYPES else "article"


def _attribution_title(row: dict, part: str) -> str:
    lines = [
        f"attribution {row['attribution_id']}: {part}",
        f"rule: {_shown(row.get('rule'))}",
        f"type: {_shown(row.get('source_type'))}",
        f"name: {_shown(row.get('speaker_name'))}",
        f"org: {_shown(row.get('source_org'))}",
        f"count: {_shown(row.get('count'))}",
        f"speaker: {_shown(row.get('speaker'))}",
        f"cue: {_shown(row.get('cue'))}",
        f"quote: {_shown(row.get('quote'))}",
    ]
    if not _missing(row.get("relayed_via")):
        lines.append(f"relayed via attribution {_int(row['relayed_via'])}")
    return "\n".join(lines)


def _threat_title(row: dict) -> str:
    return "\n".join(
        [
            f"{_shown(row.get('measure'))} ({_shown(row.get('mode'))})",
            f"term: {_shown(row.get('term'))}",
            f"category: {_shown(row.get('category'))}",
            f"cue: {_shown(row.get('cue'))}",
            f"rule: {_shown(row.get('rule'))}",
            f"speaker: {_shown(row.get('speaker'))}",
        ]
    )


def _checked(start: object, end: object, n: int, what: str) -> tuple[int, int] | None:
    """A span as ints, None when absent or empty; an offset outside the text is an error."""
    a, b = _int(start), _int(end)
    if a is None or b is None or b <= a:
        return None
    if a < 0 or b > n:
        raise ValueError(
            f"{what}: span {a}-{b} lies outside the article's text ({n} characters); were the "
            "frames computed from these articles?"
        )
    return a, b


def _attribution_spans(rows: list[dict], n: int, pfx: str) -> list[_Span]:
    spans = []
    for row in rows:
        aid = int(row["attribution_id"])
        t = _type_class(row.get("source_type"))
        data = (("data-att", str(aid)), ("data-type", t))
        anchor_done = False
        for part, tag in (("speaker", "span"), ("cue", "b"), ("content", "span")):
            span = _checked(
                row.get(f"{part}_start"), row.get(f"{part}_end"), n, f"attribution {aid}"
            )
            if span is None:
                continue
            attrs = [("class", f"an-{part} an-t-{t}"), ("title", _attribution_title(row, part))]
            if part != "content" and not anchor_done:
                attrs.insert(0, ("id", f"{pfx}-a{aid}"))
                anchor_done = True
            spans.append(_Span(*span, part, tag, (*attrs, *data)))
    return spans


def _threat_spans(rows: list[dict], n: int) -> list[_Span]:
    spans = []
    for k, row in enumerate(rows):
        span = _checked(row.get("start"), row.get("end"), n, f"threat match {k}")
        if span is None:
            continue
        measure = row.get("measure") if row.get("measure") in MEASURES else "other"
        mode = str(row.get("mode")) if not _missing(row.get("mode")) else "asserted"
        attrs = (
            ("class", f"an-threat an-m-{measure} an-mode-{mode}"),
            ("title", _threat_title(row)),
            ("data-threat", str(k)),
            ("data-measure", str(measure)),
            ("data-mode", mode),
        )
        spans.append(_Span(*span, "threat", "mark", attrs))
    return spans


def _markers(rows: list[dict], pfx: str) -> dict[int, list[str]]:
    """``[3]`` after each attribution's speaker (or cue); ``[3 via 4]`` links to the reporter."""
    out: dict[int, list[str]] = {}
    for row in rows:
        aid = int(row["attribution_id"])
        at = _int(row.get("speaker_end"))
        at = at if at is not None and _int(row.get("speaker_start")) is not None else None
        at = at if at is not None else _int(row.get("cue_end"))
        if at is None:
            continue
        via = _int(row.get("relayed_via"))
        label = f"{aid}" if via is None else f'{aid} via <a href="#{pfx}-a{via}">{via}</a>'
        out.setdefault(at, []).append(f'<sup class="an-ref">[{label}]</sup>')
    return out


def _text(text: str, a: int, b: int) -> str:
    return _esc(text[a:b]).replace("\n", "<br>")


def _nest(text: str, lo: int, hi: int, spans: list[_Span], markers: dict[int, list[str]]) -> str:
    """Markup of ``text[lo:hi]``: spans clipped to the range, opened longest first at each boundary;
    a span still open when an inner-opened one must close is closed and reopened (``an-cont``)."""
    inside = [s for s in spans if s.start < hi and s.end > lo]
    clip = {id(s): (max(s.start, lo), min(s.end, hi)) for s in inside}
    starts: dict[int, list[_Span]] = {}
    for s in sorted(inside, key=lambda s: (clip[id(s)][0], -clip[id(s)][1], _RANK[s.kind])):
        starts.setdefault(clip[id(s)][0], []).append(s)
    points = {lo, hi, *(e for _, e in clip.values()), *starts}
    points |= {p for p in markers if lo < p <= hi}
    out, stack, pos = [], [], lo
    for p in sorted(points):
        out.append(_text(text, pos, p))
        pos = p
        reopen = []
        while any(clip[id(s)][1] == p for s in stack):
            top = stack.pop()
            out.append(top.close())
            if clip[id(top)][1] != p:
                reopen.append(top)
        for s in reversed(reopen):
            out.append(s.open(continued=True))
            stack.append(s)
        if lo < p <= hi:
            out.extend(markers.get(p, []))
        for s in starts.get(p, []):
            out.append(s.open(continued=s.start < lo))
            stack.append(s)
    return "".join(out)


def _legend() -> str:
    items = [
        f'<span><span class="an-speaker an-t-{t}">{t.replace("_", " ")}</span></span>'
        for t in SOURCE_TYPES
    ]
    items.append('<span><span class="an-content an-t-anonymous">content</span> shaded</span>')
    items.append('<span><b class="an-cue">cue</b> in bold</span>')
    items.append('<span><sup class="an-ref">[3 via <a>4</a>]</sup> relayed through 4</span>')
    for m in MEASURES:
        items.append(f'<span><mark class="an-threat an-m-{m}">{m.replace("_", " ")}</mark></span>')
    items.append(
        '<span><mark class="an-threat an-m-threat_act">asserted</mark> / '
        '<mark class="an-threat an-m-threat_act an-mode-conditional">conditional</mark> counted'
        "</span>"
    )
    items.append(
        '<span><mark class="an-threat an-m-threat_act an-mode-negated">negated</mark> / '
        '<mark class="an-threat an-m-threat_act an-mode-hypothetical">hypothetical</mark> '
        "not counted</span>"
    )
    return (
        '<div class="an-legend"><b>Legend</b> (hover a mark for its rule): '
        + " ".join(items)
        + "</div>"
    )


def _table(rows: list[dict], columns: list[str], caption: str) -> str:
    if not rows:
        return f'<p class="an-note">No {caption}.</p>'
    labels = {"attribution_id": "#", "threat": "#"}
    head = "".join(f"<th>{_esc(labels.get(c, c.replace('_', ' ')))}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc(_shown(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _as_list(value: object) -> list[str]:
    if value is None or isinstance(value, (str, float)):
        return [value] if isinstance(value, str) and value else []
    return [str(v) for v in value]


def _removed(article: pd.Series) -> str:
    parts = ["<h3>Removed by cleaning (not analysed)</h3>"]
    for key, label in (("captions", "Captions and credits"), ("boilerplate", "Site boilerplate")):
        lines = _as_list(article.get(key))
        items = "".join(f"<li>{_esc(x)}</li>" for x in lines)
        parts.append(
            f'<p class="an-note">{label}: {len(lines)}</p>'
            + (f'<ul class="an-removed">{items}</ul>' if lines else "")
        )
    return "".join(parts)


ATTRIBUTION_TABLE = [
    "attribution_id",
    "speaker",
    "cue",
    "source_type",
    "speaker_name",
    "source_org",
    "count",
    "relayed_via",
    "quote",
    "rule",
]
THREAT_TABLE = [
    "threat",
    "matched_text",
    "measure",
    "category",
    "mode",
    "term",
    "cue",
    "speaker",
    "rule",
]


def _rows(frame: pd.DataFrame | None, article_id: str) -> list[dict]:
    if frame is None or frame.empty:
        return []
    return frame[frame["article_id"].astype(str) == article_id].to_dict("records")


def _pick(articles: pd.DataFrame, article_id: str | None) -> pd.Series:
    if not isinstance(articles, pd.DataFrame) or "text" not in articles or articles.empty:
        raise ValueError("annotate needs an articles frame (from load_articles) with a text column")
    if article_id is None:
        return articles.iloc[0]
    hit = articles[articles["article_id"].astype(str) == str(article_id)]
    if hit.empty:
        shown = ", ".join(map(str, articles["article_id"].head(5)))
        raise ValueError(f"no article {article_id!r} in the frame (article_id: {shown}, ...)")
    return hit.iloc[0]


def _frames(
    one: pd.DataFrame, attributions: pd.DataFrame | None, threats: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    from .rhetoric import find_threats
    from .sourcing import find_attributions

    if attributions is None:
        attributions = find_attributions(one)
    if threats is None:
        threats = find_threats(one, attributions=attributions)
    return attributions, threats


def _header(article: pd.Series, aid: str, atts: list[dict], ths: list[dict]) -> str:
    title = "" if _missing(article.get("title")) else str(article.get("title"))
    sub = "" if _missing(article.get("subtitle")) else str(article.get("subtitle"))
    acts = sum(
        1 for t in ths if t.get("measure") == "threat_act" and t.get("mode") in COUNTED_MODES
    )
    published = article.get("published")
    when = None if _missing(published) or pd.isna(published) else pd.Timestamp(published).date()
    meta = [f"article {aid}"]
    meta += [f"outlet {article['outlet']}"] if not _missing(article.get("outlet")) else []
    meta += [f"published {when}"] if when else []
    return (
        f"<h2>{_esc(title) or '(no title)'}</h2>"
        + (f'<p class="an-sub">{_esc(sub)}</p>' if sub else "")
        + f'<p class="an-meta">{_esc(" · ".join(meta))}</p>'
        + f'<p class="an-meta">{len(atts)} attributions; {len(ths)} threat-language matches, '
        f"{acts} of them counted threat acts (asserted or conditional). The title is not analysed."
        "</p>"
    )


def annotate(
    articles: pd.DataFrame,
    *,
    attributions: pd.DataFrame | None = None,
    threats: pd.DataFrame | None = None,
    article_id: str | None = None,
) -> Annotated:
    """One article (the first, or ``article_id``) marked up with its attributions and threats.

    Frames not given are computed on that article. Offsets must index its ``text``.

    >>> import analysis as an
    >>> arts = an.load_articles(an.paths.data_dir())
    >>> at = an.find_attributions(arts)
    >>> page = annotate(arts, attributions=at)
    >>> import re
    >>> len(set(re.findall(r'data-att="(\\d+)"', page.html))) == len(at), "<script" in page.html
    (True, False)
    """
    article = _pick(articles, article_id)
    aid = str(article["article_id"]) if "article_id" in article else "0"
    if "article_id" in articles:
        one = articles[articles["article_id"].astype(str) == aid].head(1)
    else:
        one = articles.loc[[article.name]].assign(article_id=aid)
    attributions, threats = _frames(one, attributions, threats)
    text = "" if _missing(article["text"]) else str(article["text"])
    atts, ths = _rows(attributions, aid), _rows(threats, aid)
    pfx = "an" + hashlib.sha1(aid.encode("utf-8")).hexdigest()[:8]
    spans = _attribution_spans(atts, len(text), pfx) + _threat_spans(ths, len(text))
    markers = _markers(atts, pfx)
    body = "".join(
        f"<p>{_nest(text, a, b, spans, markers)}</p>" for a, b in paragraph_spans(text) if b > a
    )
    fragment = (
        f'<div class="an-annot" id="{pfx}">{_css()}'
        + _header(article, aid, atts, ths)
        + _legend()
        + f'<div class="an-body">{body}</div>'
        + "<h3>Attributions</h3>"
        + _table(atts, ATTRIBUTION_TABLE, "attributions")
        + "<h3>Threat language</h3>"
        + _table([{"threat": k, **t} for k, t in enumerate(ths)], THREAT_TABLE, "threat matches")
        + _removed(article)
        + "</div>"
    )
    title = "" if _missing(article.get("title")) else str(article.get("title"))
    return Annotated(article_id=aid, title=title, fragment=fragment)


def articles_to_annotate(
    articles: pd.DataFrame, threats: pd.DataFrame, *, names: object = None, top: int = 3
) -> list[str]:
    """The article ids a report annotates: ``names`` (a list, or a comma-separated string) when
    given, else the ``top`` articles with the most counted threat acts (ties in corpus order).

    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["x", "y", "z"]})
    >>> th = pd.DataFrame({"article_id": ["c", "c", "b"], "measure": ["threat_act"] * 3,
    ...                    "mode": ["asserted", "conditional", "negated"]})
    >>> articles_to_annotate(arts, th, top=2), articles_to_annotate(arts, th, names="b, a")
    (['c', 'a'], ['b', 'a'])
    """
    ids = [str(x) for x in articles["article_id"]]
    if names is not None and not (isinstance(names, float) and math.isnan(names)):
        wanted = [x.strip() for x in names.split(",")] if isinstance(names, str) else list(names)
        wanted = [str(x) for x in wanted if str(x)]
        unknown = [x for x in wanted if x not in ids]
        if unknown:
            raise ValueError(f"annotate: no article {', '.join(unknown)} in the corpus")
        return wanted
    acts = threats[(threats["measure"] == "threat_act") & threats["mode"].isin(COUNTED_MODES)]
    counts = acts["article_id"].astype(str).value_counts()
    order = sorted(range(len(ids)), key=lambda i: (-int(counts.get(ids[i], 0)), i))
    return [ids[i] for i in order[:top]]
