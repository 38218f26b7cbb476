"""Screenshots of the no-code reports an editor opens, and the page count of the summary printed.

    python evaluation/screenshots.py [--reports DIR ...] [--out docs/screenshots] [--width 1280]

Renders ``05-summary-no-code.html`` and ``03-sourcing-no-code.html`` of each reports folder (by
default ``reports/`` of ``make report`` and ``reports/articles/`` of
``make report CORPUS=../shared/data/articles.jsonl``; build them first) to full-page PNGs with
headless Chromium, and prints 05 to PDF beside it (``html/05-summary-no-code.pdf``, with the
page size the reports' print CSS asks for) and reports its page count. Network is off: only
``file:`` and ``data:`` URLs load. The PNGs are reduced to 256 colours (Pillow, which matplotlib
brings), so a long report stays well under a megabyte.

Needs Chromium (``/usr/bin/chromium``, or ``--chromium PATH``) and the playwright package (dev
extra), which drives it: Chromium's own ``--screenshot`` flag captures only the window, not the
whole page.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("05-summary-no-code", "03-sourcing-no-code")
SUMMARY = "05-summary-no-code"
DEFAULT_REPORTS = {"article": ROOT / "reports", "corpus": ROOT / "reports" / "articles"}
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b(?!s)")


def pdf_page_count(pdf: bytes) -> int:
    """The number of pages of a PDF Chromium printed: its ``/Type /Page`` objects (``/Pages``
    nodes not counted; Chromium writes page dictionaries uncompressed).

    >>> pdf_page_count(b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page >>")
    2
    """
    return len(_PAGE_OBJECT.findall(pdf))


def _fewer_colours(png: Path, colours: int = 256) -> None:
    """Rewrite ``png`` with an adaptive palette of ``colours`` (octree: the charts' few flat
    colours are kept exact), no dithering (text stays crisp)."""
    from PIL import Image

    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colours, method=Image.Quantize.FASTOCTREE, dither=0)
    small.save(png, optimize=True)


def render(
    reports: dict[str, Path], out: Path, *, chromium: str, width: int = 1280
) -> list[tuple[str, Path, int | None]]:
    """Full-page PNGs of the no-code reports of each ``label -> reports folder`` and a PDF of the
    summary; returns ``(label, file written, pages or None)`` for each file written.

    A reports folder without its HTML raises ``FileNotFoundError`` naming the command that makes
    it.
    """
    from playwright.sync_api import sync_playwright

    pages = {}
    for label, folder in reports.items():
        for name in PAGES:
            html = folder / "html" / f"{name}.html"
            if not html.exists():
                raise FileNotFoundError(
                    f"{html} is missing: run `make report` (the shipped article) or "
                    "`make report CORPUS=...` first"
                )
            pages[label, name] = html
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file://", "data:"))
                else route.abort()
            ),
        )
        for (label, name), html in pages.items():
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            png = out / f"{label}-{name}.png"
            page.screenshot(path=str(png), full_page=True)
            _fewer_colours(png)
            written.append((label, png, None))
            if name == SUMMARY:
                pdf = html.with_suffix(".pdf")  # beside its report, not committed
                data = page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
                written.append((label, pdf, pdf_page_count(data)))
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, render, print one line per file; exit 2 when something is missing."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--reports",
        action="append",
        metavar="LABEL=DIR",
        help="a reports folder (holding html/) under a label; repeatable "
        "(default: article=reports corpus=reports/articles)",
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the files"
    )
    parser.add_argument("--width", type=int, default=1280, help="window width in pixels")
    parser.add_argument(
        "--chromium",
        default=shutil.which("chromium") or shutil.which("chromium-browser"),
        help="the Chromium executable (default: chromium on PATH)",
    )
    args = parser.parse_args(argv)
    if not args.chromium:
        print(
            "error: no chromium on PATH (apt-get install chromium, or --chromium)", file=sys.stderr
        )
        return 2
    reports = DEFAULT_REPORTS
    if args.reports:
        if not all("=" in r for r in args.reports):
            parser.error("--reports takes LABEL=DIR, e.g. --reports corpus=reports/articles")
        reports = {k: Path(v) for k, v in (r.split("=", 1) for r in args.reports)}
    try:
        written = render(reports, args.out, chromium=args.chromium, width=args.width)
    except (FileNotFoundError, ImportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for label, path, pages in written:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        extra = f": {pages} page(s)" if pages is not None else ""
        print(f"{label}: {shown} ({path.stat().st_size // 1024} KB){extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
