"""The HTML report in real headless Chromium, network off: figures load, nothing is fetched, no injected script runs.

Needs Debian's chromium (``.ci/run`` installs it) and the playwright package (dev extra) driving it
through its executable path; without chromium the test skips, saying so.
"""

import json
import shutil
from pathlib import Path

import pytest

from analysis import paths, reports

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = [
    {
        "id": "evil-1",
        "title": "<script>window.__xss = 'title'</script>Talks collapse",
        "text": (
            "Officials said <img src=x onerror=\"window.__xss = 'img'\"> the talks had collapsed after two days "
            "of argument in the capital.\n\n“We will attack the rebels <script>window.__xss = 'script'</script> "
            "tomorrow,” the general said on Monday.\n\nAnalysts said the army could target the rebel camps."
        ),
    },
    {
        "id": "calm-2",
        "title": "Council expands buses",
        "text": "The council voted on Tuesday to expand the bus "
        "network to three new districts, the mayor said after the vote.",
    },
]


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
    requested, texts = [], {}
    with playwright.sync_playwright() as p:
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
        page = browser.new_page(viewport={"width": 1200, "height": 1600})

        def guard(route):
            requested.append(route.request.url)
            if route.request.url.startswith(("file://", "data:")):
                route.continue_()
            else:
                route.abort()

        page.route("**/*", guard)
        for name in ("01-load-and-clean", "03-sourcing", "04-who-threatens-whom"):
            html = tmp_path / "out" / "html" / f"{name}.html"
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            images = page.evaluate("[...document.images].map(i => [i.complete, i.naturalWidth])")
            assert images and all(done and width > 0 for done, width in images), name
            assert page.evaluate("typeof window.__xss") == "undefined", name
            page.screenshot(path=str(shots / f"{name}.png"), full_page=False)
            texts[name] = page.inner_text("body")
        browser.close()
    assert not [u for u in requested if not u.startswith(("file://", "data:"))]
    # the hostile markup is shown as text, in full
    assert "<script>window.__xss = 'script'</script>" in texts["03-sourcing"]
    assert "\"window.__xss = 'img'\"> the talks had collapsed" in texts["03-sourcing"]
    assert "<script>window.__xss = 'title'</script>Talks collapse" in texts["01-load-and-clean"]
