"""Screenshots of the static viewer (extractors/views/site.py) for the docs: a document page, with a
figure focused so that its details show, the first page of claims, the search with a query's
results (on a screen, and on a 390-pixel phone), and the charts.

    .venv/bin/python scripts/screenshots.py [SITE] [--out docs/screenshots] [--doc DOC_FILE] [--query WORDS]

SITE is a built site's folder (default dist/site). The pages are opened as file:// URLs in
Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright; nothing is downloaded.
Writes OUT/document.png, OUT/claims.png, OUT/search.png, OUT/search-phone.png and OUT/charts.png.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def pick_document(site: Path) -> tuple[str, str | None]:
    """(page, mark id): the document of the first member of a claim on the first page of claims
    whose whole text is published (else the first member's), at that member; else the document
    of the index with the most categories of figures, at its first figure that is not `other`."""
    claims = site / "claims" / "1.html"
    if claims.is_file():
        links = re.findall(r'class="member" href="\.\./doc/([^"#]+)#(q-[A-Za-z0-9-]+)"', claims.read_text("utf-8"))
        for page, mark in links:
            if '<div class="text' in (site / "doc" / page).read_text("utf-8"):  # the whole text, Markdown or plain
                return page, mark
        if links:
            return links[0]
    best, best_score = None, -1
    for index in sorted(site.glob("index*.html")):
        for row in re.findall(r"<tr>.*?</tr>", index.read_text("utf-8")):
            href = re.search(r'href="doc/([^"]+)"', row)
            if href:
                score = len(re.findall(r'class="badge cat-(?!other)', row))
                if score > best_score:
                    best, best_score = href.group(1), score
    if best is None:
        sys.exit(f"error: {site}: no document pages (build the site first)")
    page = (site / "doc" / best).read_text("utf-8")
    mark = re.search(r'<mark id="(q-[A-Za-z0-9-]+)" class="fig cat-(?!other)', page) or re.search(r'<mark id="(q-[A-Za-z0-9-]+)"', page)
    return best, mark.group(1) if mark else None


def capture(tab, path: Path) -> None:
    """A screenshot of the tab once it has drawn a frame. Chromium now and then refuses a
    capture ("Protocol error (Page.captureScreenshot): Unable to capture screenshot", most
    often the first after a cold start) and takes the same picture when asked again: so
    wait for two animation frames, and ask once more on that refusal only."""
    tab.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    try:
        tab.screenshot(path=str(path))
    except Exception as error:  # playwright's Error; any other failure is raised as it is
        if "Unable to capture screenshot" not in str(error):
            raise
        tab.wait_for_timeout(250)
        tab.screenshot(path=str(path))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "dist" / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--doc", help="the document page to show (a file of SITE/doc/), with an optional #q-... figure")
    parser.add_argument("--query", default="drawdown", help="the words the search screenshots look for")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        sys.exit(f"error: {site}: no index.html (build the site first: extract build)")
    if not Path(CHROMIUM).is_file():
        sys.exit(f"error: {CHROMIUM}: no Chromium (apt-get install chromium, or set $CHROMIUM)")
    if args.doc:
        page, _, mark = args.doc.partition("#")
        mark = mark or None
    else:
        page, mark = pick_document(site)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            view = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
            errors = []
            view.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            url = (site / "doc" / page).as_uri() + (f"#{mark}" if mark else "")
            view.goto(url)
            view.wait_for_load_state("load")
            if mark:  # the page focused it; scroll it to a third of the height to leave room for its tooltip
                view.evaluate("id => { const m = document.getElementById(id); m.focus({preventScroll: true});"
                              " window.scrollBy(0, m.getBoundingClientRect().top - innerHeight / 3); }", mark)
            capture(view, args.out / "document.png")
            view.goto((site / "claims" / "1.html").as_uri())
            view.wait_for_load_state("load")
            capture(view, args.out / "claims.png")
            search = (site / "search.html").as_uri() + "#q=" + quote(args.query)
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True)
            phone.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            for tab, name in ((view, "search.png"), (phone, "search-phone.png")):
                tab.goto(search)
                tab.wait_for_load_state("load")
                tab.wait_for_function("() => document.querySelector('#results').hasAttribute('data-shown')"
                                      " || document.querySelector('#results').getAttribute('data-matches') === '0'")
                capture(tab, args.out / name)
            view.goto((site / "charts.html").as_uri())
            view.wait_for_load_state("load")
            capture(view, args.out / "charts.png")
            if errors:
                sys.exit("error: the pages logged errors: " + "; ".join(errors))
        finally:
            browser.close()
    print(f"{args.out / 'document.png'} ({page}{'#' + mark if mark else ''}), {args.out / 'claims.png'}, "
          f"{args.out / 'search.png'} and {args.out / 'search-phone.png'} ({args.query}), {args.out / 'charts.png'}")


if __name__ == "__main__":
    main()
