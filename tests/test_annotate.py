"""The annotated article: every attribution and threat phrase in the DOM, nesting, escaping."""

from __future__ import annotations

from html.parser import HTMLParser

import matplotlib
import pandas as pd
import pytest

import analysis as an
from analysis.annotate import articles_to_annotate, measure_colours, type_colours
from analysis.figures import STYLE
from analysis.sourcing import SOURCE_TYPES
from analysis.text import paragraph_spans

VOID = {"br", "meta", "img", "hr", "input", "link"}


class DomText(HTMLParser):
    """Parses the page strictly: every end tag must close the innermost open element. Collects the
    text of every marked element (pieces of one span joined in order), the tags and attributes seen,
    and the body text without the reference markers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.marks: dict[tuple, str] = {}
        self.attrs: dict[tuple, dict] = {}
        self.tags: list[tuple[str, dict]] = []
        self.body: list[str] = []
        self.paragraphs = 0

    def _key(self, tag, attrs):
        cls = attrs.get("class", "")
        if "data-att" in attrs:
            part = next(p for p in ("speaker", "cue", "content") if f"an-{p}" in cls.split())
            return ("att", int(attrs["data-att"]), part)
        if "data-threat" in attrs:
            return ("threat", int(attrs["data-threat"]))
        return None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in VOID:
            if tag == "br":
                self.handle_data("\n")
            return
        key = self._key(tag, attrs)
        if key is not None:
            self.marks.setdefault(key, "")
            self.attrs.setdefault(key, attrs)
        if tag == "p" and self._in_body():
            self.paragraphs += 1
        self.stack.append((tag, {**attrs, "_key": key}))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag == "p" and self._in_body():
            self.body.append("\n\n")

    def _in_body(self):
        return any("an-body" in a.get("class", "").split() for _, a in self.stack)

    def handle_data(self, data):
        if any("an-ref" in a.get("class", "").split() for _, a in self.stack):
            return
        for _, a in self.stack:
            if a.get("_key") is not None:
                self.marks[a["_key"]] += data
        if self._in_body():
            self.body.append(data)


def parse(page: str) -> DomText:
    dom = DomText()
    dom.feed(page)
    dom.close()
    assert not dom.stack, dom.stack
    return dom


@pytest.fixture(scope="module")
def frames(example_articles):
    at = an.find_attributions(example_articles)
    th = an.find_threats(example_articles, attributions=at)
    return at, th


@pytest.fixture(scope="module")
def page(example_articles, frames):
    at, th = frames
    return an.annotate(example_articles, attributions=at, threats=th)


def test_every_attribution_and_threat_phrase_is_in_the_dom(example, frames, page):
    at, th = frames
    dom = parse(page.html)
    text = example["text"]
    assert {k[1] for k in dom.marks if k[0] == "att"} == set(at["attribution_id"])
    for r in at.itertuples():
        if not pd.isna(r.speaker_start):
            assert dom.marks[("att", r.attribution_id, "speaker")] == r.speaker
            assert r.speaker == text[r.speaker_start : r.speaker_end]
        if r.cue_end > r.cue_start:  # a quotation continuing a speaker has no cue (cue "")
            assert dom.marks[("att", r.attribution_id, "cue")] == text[r.cue_start : r.cue_end]
        content = text[r.content_start : r.content_end]
        assert dom.marks[("att", r.attribution_id, "content")] == content
        assert dom.attrs[("att", r.attribution_id, "content")]["data-type"] == r.source_type
    threat_keys = sorted(k[1] for k in dom.marks if k[0] == "threat")
    assert threat_keys == list(range(len(th)))
    for k, r in enumerate(th.itertuples()):
        assert dom.marks[("threat", k)] == r.matched_text == text[r.start : r.end]
        attrs = dom.attrs[("threat", k)]
        assert (attrs["data-measure"], attrs["data-mode"]) == (r.measure, r.mode)
        assert f"an-mode-{r.mode}" in attrs["class"]
    # the body is the article's text, paragraph for paragraph: nothing lost, nothing doubled
    assert dom.paragraphs == len(paragraph_spans(text))
    assert "".join(dom.body).strip() == "\n\n".join(text[a:b] for a, b in paragraph_spans(text))


def test_hover_titles_say_why(frames, page):
    at, th = frames
    dom = parse(page.html)
    for r in at.itertuples():
        title = dom.attrs[("att", r.attribution_id, "content")]["title"]
        assert f"rule: {r.rule}" in title and f"type: {r.source_type}" in title
        name = r.speaker_name if isinstance(r.speaker_name, str) else "—"
        assert f"name: {name}" in title and "org: " in title and "count: " in title
    for k, r in enumerate(th.itertuples()):
        title = dom.attrs[("threat", k)]["title"]
        assert f"term: {r.term}" in title and f"category: {r.category}" in title
        assert f"rule: {r.rule}" in title and "cue: " in title


def test_relayed_chains_are_linked(frames, page):
    at, _ = frames
    dom = parse(page.html)
    ids = {a["id"] for _, a in dom.tags if "id" in a}
    links = {a["href"] for t, a in dom.tags if t == "a" and "href" in a}
    pfx = next(a["id"] for _, a in dom.tags if a.get("class") == "an-annot")
    relayed = at[at["relayed_via"].notna()]
    assert len(relayed) >= 5  # Khamenei via the Times, via the three sources, ...
    for r in relayed.itertuples():
        assert f"#{pfx}-a{int(r.relayed_via)}" in links
    assert {href[1:] for href in links if href.startswith("#")} <= ids


def test_house_colours_of_the_charts(page):
    cycle = matplotlib.rc_params_from_file(str(STYLE), use_default_template=False)[
        "axes.prop_cycle"
    ].by_key()["color"]
    colours = type_colours()
    assert [colours[t] for t in SOURCE_TYPES] == [c.lower() for c in cycle[: len(SOURCE_TYPES)]]
    for t in SOURCE_TYPES:
        assert f".an-t-{t}.an-speaker{{border-color:{colours[t]}" in page.html
    for m, c in measure_colours().items():
        assert f".an-m-{m}{{border-color:{c}}}" in page.html


def test_legend_and_what_cleaning_removed(example, page):
    dom = parse(page.html)
    assert "Legend" in page.html
    legend = [a for t, a in dom.tags if "an-legend" in a.get("class", "")]
    assert len(legend) == 1
    removed = [t for t, _ in dom.tags if t == "li"]
    assert len(removed) == len(example["captions"]) + len(example["boilerplate"])
    assert an.reports.escape(example["captions"][0]) in page.html
    assert "@media print" in page.html


def test_page_is_static_and_fetches_nothing(page):
    dom = parse(page.html)
    tags = {t for t, _ in dom.tags}
    assert not tags & {"script", "img", "iframe", "link", "object", "embed"}
    for _, attrs in dom.tags:
        assert not [k for k in attrs if k.startswith("on")]
        for k in ("src", "href"):
            assert attrs.get(k, "#").startswith("#")
    assert "url(" not in page.html and "@import" not in page.html
    assert page._repr_html_() in page.html and page.html.startswith("<!DOCTYPE html>")
    # what the no-code reports do to a page changes nothing here
    assert an.reports.make_static(page.fragment) == page.fragment


def test_save(tmp_path, page):
    out = page.save(tmp_path / "sub" / "example.html")
    assert out.read_text(encoding="utf-8") == page.html


HOSTILE_TEXT = (
    "Officials said <img src=x onerror=\"window.__xss = 'img'\"> the talks had collapsed.\n\n"
    "“We will attack the rebels <script>window.__xss = 'script'</script> tomorrow,” the general "
    "said on Monday."
)


def hostile_articles():
    return pd.DataFrame(
        {
            "article_id": ['x"><script>alert(1)</script>'],
            "title": ["<script>alert('title')</script>Talks"],
            "text": [HOSTILE_TEXT],
            "captions": [["<img src=x onerror=alert(3)> caption"]],
            "boilerplate": [["</ul><script>alert(4)</script>"]],
        }
    )


def test_article_text_is_escaped():
    arts = hostile_articles()
    page = an.annotate(arts)
    dom = parse(page.html)
    assert not [t for t, _ in dom.tags if t in {"script", "img"}]
    assert not [k for _, a in dom.tags for k in a if k.startswith("on")]
    assert "&lt;script&gt;window.__xss = &#x27;script&#x27;&lt;/script&gt;" in page.html
    assert "".join(dom.body).strip() == HOSTILE_TEXT
    at = an.find_attributions(arts)
    assert len(at) and {k[1] for k in dom.marks if k[0] == "att"} == set(at["attribution_id"])


def test_overlapping_spans_nest():
    # hand-made frames whose spans cross: a speaker inside another attribution's content, a threat
    # phrase that starts inside one content span and ends in the next, a content over two paragraphs
    text = "The minister said the general warned that they will attack soon.\n\nHe said more."
    s = text.index
    at = pd.DataFrame(
        [
            {"article_id": "n", "attribution_id": 0, "speaker": "The minister", "speaker_start": 0,
             "speaker_end": 12, "cue": "said", "cue_start": 13, "cue_end": 17, "content_start": 18,
             "content_end": len(text), "source_type": "named_person", "relayed_via": None},
            {"article_id": "n", "attribution_id": 1, "speaker": "the general",
             "speaker_start": s("the general"), "speaker_end": s("the general") + 11,
             "cue": "warned", "cue_start": s("warned"), "cue_end": s("warned") + 6,
             "content_start": s("they"), "content_end": s("attack") + 3,
             "source_type": "anonymous", "relayed_via": 0},
        ]
    )  # fmt: skip
    th = pd.DataFrame(
        [{"article_id": "n", "start": s("will"), "end": s("soon"), "matched_text": "will attack ",
          "term": "attack", "category": "attack", "measure": "threat_act", "mode": "asserted",
          "cue": "will", "rule": "test"}]
    )  # fmt: skip
    arts = pd.DataFrame({"article_id": ["n"], "title": ["t"], "text": [text]})
    page = an.annotate(arts, attributions=at, threats=th)
    dom = parse(page.html)  # asserts that every end tag closes the innermost element
    assert dom.marks[("att", 1, "content")] == text[s("they") : s("attack") + 3]
    assert dom.marks[("att", 0, "content")] == text[18:].replace("\n\n", "")
    assert dom.marks[("threat", 0)] == "will attack "
    assert dom.marks[("att", 1, "speaker")] == "the general"
    assert page.html.count("an-cont") >= 2  # the threat reopened, the content in paragraph two


def test_bad_input_is_a_clear_error(example_articles, frames):
    at, th = frames
    with pytest.raises(ValueError, match="no article 'nope'"):
        an.annotate(example_articles, attributions=at, threats=th, article_id="nope")
    with pytest.raises(ValueError, match="outside the article's text"):
        an.annotate(example_articles, attributions=at.assign(content_end=10**6), threats=th)
    with pytest.raises(ValueError, match="text column"):
        an.annotate(pd.DataFrame({"article_id": []}))


def test_articles_to_annotate(frames, example_articles):
    _, th = frames
    assert articles_to_annotate(example_articles, th) == [example_articles["article_id"][0]]
    with pytest.raises(ValueError, match="no article other"):
        articles_to_annotate(example_articles, th, names="other")
