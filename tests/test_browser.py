"""HTML reports in real headless Chromium, network off: figures load, nothing is fetched or run;
the editor's summary prints on two A4 pages.

Needs Debian's chromium (``.ci/run`` installs it) and the playwright package (dev extra) driving it
through its executable path; without chromium the test skips, saying so.
"""

import json
import re
import shutil

import pytest

from analysis import paths, reports

from .conftest import EXAMPLE_ID

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = [
    {
        "id": "evil-1",
        "title": "<script>window.__xss = 'title'</script>Talks collapse",
        "text": (
            "Officials said <img src=x onerror=\"window.__xss = 'img'\"> the talks had collapsed "
            "after two days of argument in the capital.\n\n“We will attack the rebels "
            "<script>window.__xss = 'script'</script> tomorrow,” the general said on Monday.\n\n"
            "Analysts said the army could target the rebel camps."
        ),
    },
    {
        "id": "calm-2",
        "title": "Council expands buses",
        "text": "The council voted on Tuesday to expand the bus "
        "network to three new districts, the mayor said after the vote.",
    },
]


INERT = """() => ({pages: document.querySelectorAll('.an-annot').length,
    scripts: document.scripts.length, images: document.querySelectorAll('.an-annot img').length,
    xss: typeof window.__xss})"""


def _offline_page(p, height=2000):
    """A Chromium page that may load file: and data: URLs only; requests and dialogs recorded."""
    browser = p.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    )
    page = browser.new_page(viewport={"width": 1200, "height": height})
    requested, dialogs = [], []

    def guard(route):
        requested.append(route.request.url)
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", guard)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return browser, page, requested, dialogs


@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_report_in_headless_chromium_offline(tmp_path):
    playwright = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in HOSTILE), encoding="utf-8")
    reports.run_notebooks(
        corpus=str(corpus),
        output=tmp_path / "out",
        figures=tmp_path / "out" / "figures",
        notebooks=["01-load-and-clean", "03-sourcing", "04-who-threatens-whom"],
    )
    shots = paths.reports_dir() / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    texts = {}
    with playwright.sync_playwright() as p:
        browser, page, requested, dialogs = _offline_page(p, height=1600)
        for name in ("01-load-and-clean", "03-sourcing", "04-who-threatens-whom"):
            html = tmp_path / "out" / "html" / f"{name}.html"
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            images = page.evaluate("[...document.images].map(i => [i.complete, i.naturalWidth])")
            assert images and all(done and width > 0 for done, width in images), name
            assert page.evaluate("typeof window.__xss") == "undefined", name
            page.screenshot(path=str(shots / f"{name}.png"), full_page=False)
            texts[name] = page.inner_text("body")
        annotated, annotated_text = {}, {}
        for name in ("03-sourcing", "04-who-threatens-whom"):
            page.goto((tmp_path / "out" / "html" / f"{name}-no-code.html").as_uri())
            page.wait_for_load_state("load")
            annotated[name] = page.evaluate(INERT)
            annotated_text[name] = page.inner_text(".an-annot")
        browser.close()
    assert not [u for u in requested if not u.startswith(("file://", "data:"))] and not dialogs
    # the no-code reports of 03 and 04 carry the annotated articles (both hostile ones), inert
    for name in ("03-sourcing", "04-who-threatens-whom"):
        assert annotated[name] == {"pages": 2, "scripts": 0, "images": 0, "xss": "undefined"}, name
        assert "<script>window.__xss = 'script'</script>" in annotated_text[name], name
    # the hostile markup is shown as text, in full
    assert "<script>window.__xss = 'script'</script>" in texts["03-sourcing"]
    assert "\"window.__xss = 'img'\"> the talks had collapsed" in texts["03-sourcing"]
    assert "<script>window.__xss = 'title'</script>Talks collapse" in texts["01-load-and-clean"]


# the text of every marked span in the page, pieces of one span joined, reference markers left out
MARKS = """() => {
  const out = {};
  for (const el of document.querySelectorAll('[data-att], [data-threat]')) {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.an-ref').forEach(r => r.remove());
    const part = [...el.classList].find(c => ['an-speaker', 'an-cue', 'an-content'].includes(c));
    const key = el.dataset.att !== undefined
      ? `att:${el.dataset.att}:${part}` : `threat:${el.dataset.threat}`;
    out[key] = (out[key] || '') + copy.textContent;
  }
  return out;
}"""


def _browse_annotated(playwright, example, evil) -> dict:
    """What Chromium shows of the annotated example and the annotated hostile article."""
    shots = paths.reports_dir() / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser, page, requested, dialogs = _offline_page(p)
        page.goto(example.as_uri())
        page.wait_for_load_state("load")
        marks = page.evaluate(MARKS)
        speaker_colour = page.evaluate(
            "getComputedStyle(document.querySelector('.an-body .an-speaker.an-t-named_person'))"
            ".borderBottomColor"
        )
        page.screenshot(path=str(shots / "annotated-example.png"), full_page=True)
        page.emulate_media(media="print")
        print_adjust = page.evaluate(
            "getComputedStyle(document.querySelector('.an-body .an-speaker')).printColorAdjust"
        )
        page.emulate_media(media="screen")
        page.goto(evil.as_uri())
        page.wait_for_load_state("load")
        inert = page.evaluate(INERT)
        evil_text = page.inner_text("body")
        browser.close()
    return {
        "marks": marks,
        "speaker_colour": speaker_colour,
        "print_adjust": print_adjust,
        "inert": inert,
        "evil_text": evil_text,
        "requested": requested,
        "dialogs": dialogs,
    }


@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_annotated_article_in_headless_chromium_offline(tmp_path, example_articles):
    playwright = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    import pandas as pd

    import analysis as an
    from analysis.annotate import type_colours

    at = an.find_attributions(example_articles)
    th = an.find_threats(example_articles, attributions=at)
    text = example_articles["text"].iloc[0]
    example = an.annotate(example_articles, attributions=at, threats=th).save(tmp_path / "ex.html")
    hostile = pd.DataFrame(
        {
            "article_id": ["evil-1"],
            "title": ["<script>alert('title')</script>Talks collapse"],
            "text": [HOSTILE[0]["text"].replace("window.__xss = 'img'", "alert('img')")],
            "captions": [["<img src=x onerror=\"alert('caption')\"> a caption"]],
            "boilerplate": [["<script>alert('boilerplate')</script>"]],
        }
    )
    evil = an.annotate(hostile).save(tmp_path / "evil.html")
    seen = _browse_annotated(playwright, example, evil)
    marks, inert, evil_text = seen["marks"], seen["inert"], seen["evil_text"]
    requested, dialogs = seen["requested"], seen["dialogs"]
    assert not [u for u in requested if not u.startswith(("file://", "data:"))]
    assert not dialogs
    # every attribution and threat phrase of the frames, counted in the DOM, with its text
    assert {k.split(":")[1] for k in marks if k.startswith("att:")} == {
        str(i) for i in at["attribution_id"]
    }
    assert sorted(int(k.split(":")[1]) for k in marks if k.startswith("threat:")) == list(
        range(len(th))
    )
    for r in at.itertuples():
        if r.cue_end > r.cue_start:  # a quotation continuing a speaker has no cue
            assert marks[f"att:{r.attribution_id}:an-cue"] == text[r.cue_start : r.cue_end]
        assert marks[f"att:{r.attribution_id}:an-content"] == text[r.content_start : r.content_end]
        if not pd.isna(r.speaker_start):
            assert marks[f"att:{r.attribution_id}:an-speaker"] == r.speaker
    for k, r in enumerate(th.itertuples()):
        assert marks[f"threat:{k}"] == r.matched_text
    red = type_colours()["named_person"]
    assert seen["speaker_colour"] == "rgb({}, {}, {})".format(
        *(int(red[i : i + 2], 16) for i in (1, 3, 5))
    )
    assert seen["print_adjust"] == "exact"
    # the hostile article: shown as text, nothing ran
    assert inert == {"pages": 1, "scripts": 0, "images": 0, "xss": "undefined"}
    assert "<script>window.__xss = 'script'</script>" in evil_text
    assert "<img src=x onerror=\"alert('img')\">" in evil_text
    assert "<script>alert('title')</script>Talks collapse" in evil_text


# a page of the PDF Chromium prints (not the /Pages tree); its page dictionaries are uncompressed
PDF_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
PDF_BOX = re.compile(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]")
SHOWN = """() => [...document.querySelectorAll('.jp-InputPrompt, .jp-OutputPrompt, a.anchor-link')]
    .filter(e => getComputedStyle(e).display !== 'none').length"""


@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
@pytest.mark.parametrize(
    "run, corpus",
    [
        ("shipped_report", f"1 article(s) from data/{EXAMPLE_ID}.txt"),
        ("shared_report", "20 article(s) from ../shared/data/articles.jsonl"),
    ],
)
def test_the_editors_summary_names_its_corpus_holds_its_charts_and_prints_on_two_pages(
    request, run, corpus
):
    playwright = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    html = request.getfixturevalue(run).out / "html" / "05-summary-no-code.html"
    with playwright.sync_playwright() as p:
        browser, page, requested, dialogs = _offline_page(p, height=900)
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        charts = page.evaluate(
            "[...document.querySelectorAll('.jp-RenderedImage img')]"
            ".map(i => [i.complete, i.naturalWidth])"
        )
        text = page.inner_text("body")
        page.emulate_media(media="print")
        prompts = page.evaluate(SHOWN)
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        browser.close()
    assert not [u for u in requested if not u.startswith(("file://", "data:"))] and not dialogs
    assert corpus in text
    # threat rates, who the claims come from, who threatens: all three drawn
    assert len(charts) == 3 and all(done and width > 0 for done, width in charts)
    assert prompts == 0
    pages = len(PDF_PAGE.findall(pdf))
    assert 1 <= pages <= 2, f"05 prints on {pages} pages"
    # A4 as the print CSS asks (595 x 842 points), not the browser's default Letter
    boxes = {(round(float(w)), round(float(h))) for w, h in PDF_BOX.findall(pdf)}
    assert boxes == {(595, 842)}
