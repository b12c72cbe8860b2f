"""The static viewer in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
playwright, nothing downloaded. Pages open as file:// URLs and over http, with no console
error and no Content-Security-Policy violation; highlights are their figures' text; a claim's
member link lands on its figure, focused and in view; the index's filters filter across pages;
a category's page sorts by the column clicked;
the search finds what the index's files say, and its results land on their figures; a chart is
drawn with its axis in dollars; no page is wider than a 390-pixel phone; hostile documents run
nothing.

Without /usr/bin/chromium the tests are skipped, except where the environment variable CI is
set (.ci/run sets it and installs chromium), where they fail."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from extractors.views import site

from . import site_tables

CHROMIUM = Path("/usr/bin/chromium")

if not CHROMIUM.is_file() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium) and CI is unset", allow_module_level=True)

# The page size of the index is made small so that 5 documents take 3 pages: the filters must
# read the rows of every page.
PAGE_SIZE = 2

# Recorded in every page before its own scripts: violations of the CSP, and the payload's flag.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def tables():
    rows = site_tables.tables()
    rows["claims"][0]["stage"] = "committed"  # an aid announcement, for the aid chart
    return rows


@pytest.fixture(scope="module")
def built(tmp_path_factory, tables) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site, "PAGE_SIZE", PAGE_SIZE)
        site.write_site(site_tables.connection(tables), out)
    return out


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        pytest.fail(f"CI is set and {CHROMIUM} is absent: the browser tests need Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI is set and playwright is not installed (the test extra)")
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class Tab:
    """A page with what it reported: console messages, uncaught errors, dialogs."""

    def __init__(self, browser, base: str):
        self.context = browser.new_context(viewport={"width": 1100, "height": 700})
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.base = base
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, relative: str):
        self.page.goto(self.base + relative)
        self.page.wait_for_load_state("load")
        return self.page

    def assert_clean(self):
        """Nothing went wrong and nothing ran that the site did not write."""
        page = self.page
        assert page.evaluate("document.documentElement.getAttribute('data-viewer')") == "ready", \
            "site.js did not run"
        assert page.evaluate("window.__violations") == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert [m for m in self.console if m[0] in ("error", "warning") or "pwned" in m[1]] == []
        assert self.errors == [] and self.dialogs == []


@pytest.fixture(params=["file", "http"])
def tab(request, browser, built):
    base = built.as_uri() + "/" if request.param == "file" else request.getfixturevalue("server")
    opened = Tab(browser, base)
    yield opened
    opened.context.close()


def test_every_page_loads_clean_and_marks_are_their_figures_text(tab, built, tables):
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html"))
    assert len([p for p in pages if p.startswith("index")]) == 3
    by_doc = {}  # doc_id -> a mark's id (its figure's offsets: site.mark_id) -> the figure's text
    for q in tables["quantities"]:
        by_doc.setdefault(q["doc_id"], {})[site.mark_id(q["quantity_id"], q["doc_id"])] = q["text"]
    highlighted = 0
    for relative in pages:
        page = tab.open(relative)
        tab.assert_clean()
        if relative.startswith("doc/"):
            doc_id = page.evaluate("document.querySelector('dd code').textContent")
            marks = page.evaluate("[...document.querySelectorAll('mark.fig')].map(m => [m.id, m.textContent])")
            assert marks, relative
            for identifier, text in marks:
                assert by_doc[doc_id][identifier] == text
            highlighted += len(marks)
    crossing = 2  # tests/site_tables.py: two handmade figures cross another
    assert highlighted == len(tables["quantities"]) - crossing


def test_a_member_link_lands_on_its_figure_focused_and_in_view(tab, tables):
    page = tab.open("claims/1.html")
    member = next(q for q in tables["quantities"] if q["doc_id"] == "wh_2023-12-01_long")
    page.locator("a.member[href*='wh_2023-12-01_long']").click()
    page.wait_for_url("**/doc/wh_2023-12-01_long.html#q-*")
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'MARK'")
    active = page.evaluate("""(() => { const m = document.activeElement, r = m.getBoundingClientRect();
        return [m.id, m.textContent, r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
                scrollY]; })()""")
    assert active[:2] == [site.mark_id(member["quantity_id"], member["doc_id"]), member["text"]]
    assert active[2] is True and active[3] > 1000  # scrolled down to it
    # Its details show on focus, and are no part of its text.
    tip = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert member["text"] in tip and "claim:" in tip and "rule:" in tip
    tab.assert_clean()
    # Enter on a figure opens its claim.
    page.keyboard.press("Enter")
    page.wait_for_url("**/claims/1.html#cfedcba9876543210")
    tab.assert_clean()


def test_the_filters_filter_every_page(tab, tables):
    page = tab.open("index-2.html")
    rows = page.locator("#documents tbody tr")
    assert rows.count() == PAGE_SIZE
    page.fill("#f-text", "aid")
    page.wait_for_function("() => document.querySelector('#documents').hasAttribute('data-filtered')")
    titles = rows.locator("td:nth-child(3) a").all_text_contents()
    expected = [d["title"] for d in tables["documents"] if "aid" in (d["title"] or "").lower()
                or "aid" in (d["outlet"] or "").lower() or "aid" in d["doc_id"].lower()]
    assert sorted(titles) == sorted(expected) and 0 < len(titles) < len(tables["documents"])
    assert "2 of 5 documents match" in page.text_content("#f-count")
    page.fill("#f-text", "TALLY  tops")
    page.wait_for_function("() => document.querySelectorAll('#documents tbody tr').length === 1")
    assert rows.locator("a").first.text_content() == "Aid tally tops $170 billion"
    page.fill("#f-text", "")
    page.wait_for_function("() => !document.querySelector('#documents').hasAttribute('data-filtered')")
    assert rows.count() == PAGE_SIZE and page.locator("nav.pages").first.is_visible()
    page.select_option("#f-outlet", "o:The White House")
    page.wait_for_function("() => document.querySelector('#documents').getAttribute('data-filtered') === '2'")
    assert rows.locator("td:nth-child(2)").all_text_contents() == ["The White House"] * 2
    page.select_option("#f-category", "weapon_range")
    page.wait_for_function("() => document.querySelector('#documents').getAttribute('data-filtered') === '1'")
    assert rows.locator("a").first.text_content() == "Fact sheet: aid to Ukraine"
    page.select_option("#f-outlet", "none")
    page.wait_for_function("() => document.querySelector('#documents').getAttribute('data-filtered') === '0'")
    assert "0 of 5" in page.text_content("#f-count")
    tab.assert_clean()


def test_a_category_page_sorts_by_a_column(tab, tables):
    """A click on a column's header sorts the page's figures by it (a second click reverses),
    the values within a unit (the unit of the most figures first), an empty cell last and ties
    in the page's order, newest first; the select sorts them too (a phone has no header row)."""
    import datetime as dt

    from .test_site import _figure_key

    published = {d["doc_id"]: d.get("published") for d in tables["documents"]}
    figures = [q for q in tables["quantities"] if q["category"] == "other"]
    newest = sorted(figures, key=lambda q: (published[q["doc_id"]] is None,
                                            -(published[q["doc_id"]] or dt.date.min).toordinal(),
                                            q["doc_id"], q["start"], q["quantity_id"]))
    units = {}
    for q in figures:
        units[q["normalized_unit"]] = units.get(q["normalized_unit"], 0) + 1
    assert len(units) > 1 and any(q["subject"] is None for q in figures)  # what the test needs of the tables

    def value(q):
        return next((x for x in (q["normalized_value"], q["normalized_high"], q["normalized_low"]) if x is not None), None)

    def by_value(descending):
        def key(q):
            v = value(q)
            return (-units[q["normalized_unit"]], q["normalized_unit"] is None, q["normalized_unit"] or "",
                    v is None, 0 if v is None else (-v if descending else v))
        return [_figure_key(q) for q in sorted(newest, key=key)]  # a stable sort: ties stay newest first

    def by_subject():
        return [_figure_key(q) for q in sorted(newest, key=lambda q: (q["subject"] is None, (q["subject"] or "").lower()))]

    page = tab.open("category/other.html")
    tab.assert_clean()

    def shown():
        hrefs = page.eval_on_selector_all("#figures tbody tr td:nth-child(2) a", "as => as.map(a => a.getAttribute('href'))")
        return [tuple(h.removeprefix("../doc/").replace(".html#", "#").split("#")) for h in hrefs]

    def sorted_column():
        return page.eval_on_selector_all("#figures th[aria-sort]", "ts => ts.map(t => [t.textContent, t.getAttribute('aria-sort')])")

    assert shown() == [_figure_key(q) for q in newest] and sorted_column() == [["Published", "descending"]]
    page.click("#figures th >> text=Value")
    assert shown() == by_value(True) and sorted_column() == [["Value", "descending"]]
    page.click("#figures th >> text=Value")
    assert shown() == by_value(False) and sorted_column() == [["Value", "ascending"]]
    page.click("#figures th >> text=Subject")
    assert shown() == by_subject() and sorted_column() == [["Subject", "ascending"]]
    assert page.is_visible("#sort-by") and page.input_value("#sort-by") == "3-a"
    page.select_option("#sort-by", label="Published, newest first")
    assert shown() == [_figure_key(q) for q in newest] and sorted_column() == [["Published", "descending"]]
    page.select_option("#sort-by", label="Value, largest first")
    assert shown() == by_value(True)
    tab.assert_clean()


def test_hostile_documents_run_nothing(tab, built):
    for relative in ["doc/hostile_full.html", f"doc/{site.doc_file(site_tables._documents()[-1]['doc_id'])}.html",
                     "claims/1.html"]:
        page = tab.open(relative)
        for element in page.locator("h1, h2, dd, mark, td, .excerpt, .text").all():
            element.hover()
        for mark in page.locator("mark").all():
            mark.focus()
        for link in page.locator("a[href^='http'], .unlinked").all():
            assert "javascript" not in (link.get_attribute("href") or "")
        tab.assert_clean()
    # The index shows the hostile titles through site.js (rows from index/rows-N.js), as text.
    page = tab.open("index.html")
    page.fill("#f-text", "pwned")  # the hostile title, and the other hostile document's outlet
    page.wait_for_function("() => document.querySelector('#documents').getAttribute('data-filtered') === '2'")
    assert site_tables.HOSTILE in page.locator("#documents tbody tr a").all_text_contents()
    for element in page.locator("#documents td").all():
        element.hover()
    tab.assert_clean()


def test_the_built_site_in_chromium(browser):
    """dist/site, where `extract build` has written it: the index filters, the search finds
    figures and its first result lands on its figure, the first claim's first member link lands
    on its figure, no page of those reports an error."""
    from .conftest import ROOT

    built = ROOT / "dist" / "site"
    if not (built / "index.html").is_file():
        pytest.skip("dist/site is not built (extract build writes it)")
    tab = Tab(browser, built.as_uri() + "/")
    try:
        page = tab.open("index.html")
        tab.assert_clean()
        before = page.locator("#documents tbody tr").count()
        page.fill("#f-text", "ukraine")
        page.wait_for_function("() => document.querySelector('#documents').hasAttribute('data-filtered')")
        titles = page.locator("#documents tbody tr").all_text_contents()
        assert 0 < len(titles) and all("ukraine" in t.lower() for t in titles) and len(titles) <= max(before, 500)
        page = tab.open("search.html#q=ukraine")
        _wait_for_results(page)
        tab.assert_clean()
        first = page.locator("#results li a.figure").first
        text, href = first.text_content(), first.get_attribute("href")
        assert int(page.get_attribute("#results", "data-matches")) > 50 and page.locator("#s-more").is_visible()
        first.click()
        page.wait_for_url("**/doc/*.html#q-*")
        page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=href.partition("#")[2])
        # The figure's mark, or, for a figure not highlighted, the row of the table that stands for it.
        assert text in page.evaluate("document.activeElement.textContent")
        tab.assert_clean()
        page = tab.open("claims/1.html")
        tab.assert_clean()
        links = page.locator("a.member")
        if links.count():
            href = links.first.get_attribute("href")
            links.first.click()
            page.wait_for_url("**/doc/*.html#q-*")
            page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'MARK'")
            assert page.evaluate("document.activeElement.id") == href.partition("#")[2]
            tab.assert_clean()
    finally:
        tab.context.close()


def test_the_screenshots_script(browser, built, tmp_path):
    """scripts/screenshots.py renders a document (a figure focused, its details shown), the
    claims, the search (on a screen and a phone) and the charts into PNGs (run as a program:
    playwright's sync API runs one per thread)."""
    import struct
    import subprocess
    import sys

    from .conftest import ROOT

    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(built), "--out", str(tmp_path),
                           "--query", "atac"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "document.png (wh_2024-01-02_aid.html#q-31-43)" in done.stdout  # the first claim's first member
    assert "search-phone.png (atac)" in done.stdout
    for name, size in (("document.png", (1280, 860)), ("claims.png", (1280, 860)), ("search.png", (1280, 860)),
                       ("search-phone.png", (390, 844)), ("charts.png", (1280, 860))):
        data = (tmp_path / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == size, name


def _wait_for_results(page, count: int | None = None):
    page.wait_for_function("n => { const l = document.querySelector('#results');"
                           " return l.hasAttribute('data-matches') && (n === null ? true : l.getAttribute('data-matches') === String(n))"
                           " && l.children.length === Math.min(+l.getAttribute('data-matches'), 50); }", arg=count)


def test_the_search_finds_figures_and_lands_on_them(tab, built, tables):
    from .test_site import Index, _words

    index = Index(built)
    page = tab.open("search.html")
    tab.assert_clean()
    assert page.locator("#results li").count() == 0 and page.locator("#search").is_visible()
    # The beginning of a word of a figure's sentence; then two words, both to be found.
    for query in ("atac", "People killed", "over 2,000", "aid ukraine", "nosuchword"):
        expected = index.find(*_words(query))
        page.fill("#s-text", query)
        _wait_for_results(page, len(expected))
        hrefs = page.locator("#results li a.figure").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs == [f"doc/{d}.html#{m}" for d, m in expected], query
        assert (page.text_content("#s-count") == "No figure matches") == (not expected)
    # A facet alone: the casualties, newest first; then a word within them.
    page.fill("#s-text", "")
    page.select_option("#s-category", "category=casualties")
    expected = index.find("category=casualties")
    _wait_for_results(page, len(expected))
    assert len(expected) >= 2 and page.locator("#results li .badge").all_text_contents()[0].startswith("casualties")
    page.fill("#s-text", "hospitals")
    expected = index.find("category=casualties", "hospitals")
    _wait_for_results(page, len(expected))
    assert 0 < len(expected) < len(index.find("category=casualties"))
    # The query is in the address, and a result lands on its figure, focused.
    assert "q=hospitals" in page.url and "category=category%3Dcasualties" in page.url
    first = page.locator("#results li a.figure").first
    text = first.text_content()
    first.click()
    page.wait_for_url("**/doc/*.html#q-*")
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'MARK'")
    assert page.evaluate("document.activeElement.textContent") == text
    tab.assert_clean()
    page = tab.open("search.html#q=atac")
    _wait_for_results(page, 1)
    assert page.input_value("#s-text") == "atac"
    tab.assert_clean()


def test_a_chart_is_drawn_with_its_axis_in_dollars(tab):
    page = tab.open("charts.html")
    tab.assert_clean()
    chart = page.locator("svg#chart-aid")
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    bars = chart.locator("rect.bar")
    assert bars.count() == 1 and bars.first.locator("title").text_content() == "2024-01: $120 B"
    bar = bars.first.bounding_box()
    assert box["x"] <= bar["x"] and bar["x"] + bar["width"] <= box["x"] + box["width"] and bar["height"] > 50
    labels = chart.locator("text.ticklabel").all_text_contents()
    assert "$100 B" in labels and "$0" in labels
    casualties = page.locator("svg#chart-casualties rect.bar")
    assert casualties.count() >= 2
    # The numbers behind the bars, one click away.
    page.locator("#aid summary").click()
    assert page.locator("#aid table.chartdata td").all_text_contents()[:2] == ["2024-01", "$120 B"]
    tab.assert_clean()


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory, tables) -> Path:
    """The site with a Markdown document and its data page, written for the phone test."""
    from extractors.dataset.records import TABLES, table_schema

    out = tmp_path_factory.mktemp("phone") / "site"
    package = {"title": "A package", "resources": [
        {"name": name, "path": f"{name}.csv", "format": "csv", "bytes": 2048, "schema": table_schema(name),
         "description": f"The table {name}."} for name in TABLES]}
    site.write_site(site_tables.connection(site_tables.with_markdown(tables)), out, package)
    return out


def test_every_page_fits_a_phone(browser, phone_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        pages = sorted(p.relative_to(phone_site).as_posix() for p in phone_site.rglob("*.html"))
        assert {"search.html", "charts.html", "data.html", "category/aid.html",
                f"doc/{site_tables.MARKDOWN_ID}.html"} <= set(pages)
        for relative in [*pages, "search.html#q=aid", "search.html#q=killed"]:
            page.goto(phone_site.as_uri() + "/" + relative)
            page.wait_for_load_state("load")
            if relative.startswith("search.html#"):
                page.wait_for_function("() => document.querySelectorAll('#results li').length > 0")
            widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                                   " document.body.scrollWidth]")
            assert widths[0] <= 390 and widths[1] == 390 and widths[2] <= 390, (relative, widths)
            if relative in (f"doc/{site_tables.MARKDOWN_ID}.html", "doc/wh_2024-01-02_aid.html"):
                marks = page.locator("mark.fig")
                assert marks.count() > 3
                for k in range(marks.count()):  # a figure's details, shown on focus, stay on the screen
                    marks.nth(k).focus()
                    shown = page.evaluate("(() => { const m = document.activeElement, s = getComputedStyle(m, '::after');"
                                          " return [document.documentElement.scrollWidth, s.content.length, s.position]; })()")
                    assert shown[0] <= 390 and shown[1] > 10 and shown[2] == "fixed", (relative, k, shown)
    finally:
        context.close()
