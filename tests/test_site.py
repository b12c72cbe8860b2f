"""The static viewer (extractors/views/site.py) and `extract show` (extractors/views/terminal.py), read as
HTML and text: every highlight is its figure's text, hostile fields are text, a document whose
text is not published shows only its figures' sentences, and the same tables give the same bytes.
tests/test_site_browser.py drives the same site in Chromium."""

from __future__ import annotations

import html.parser
import io
import datetime as dt
import json
import math
import re
from pathlib import Path

import pytest

from extractors.views import charts, markdown, search, site
from extractors.views.terminal import show_document

from . import site_tables
from .site_tables import HOSTILE, PAYLOAD, TEXTS, UNPUBLISHED


class Page(html.parser.HTMLParser):
    """A page as its parser reads it: every start tag with its attributes, the text of every
    element with an id, and the ids of the marks each mark is nested in."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "col", "area", "base", "source", "wbr"}

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: dict[str, list[str]] = {}
        self.open: list[tuple[str, str | None]] = []
        self.marks: dict[str, dict] = {}
        self.parents: dict[str, list[str]] = {}
        self.data: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        assert len(attributes) == len(attrs), f"an attribute twice in <{tag}>: {attrs}"
        self.tags.append((tag, attributes))
        if tag in self.VOID:
            return
        identifier = attributes.get("id")
        if identifier is not None:
            assert identifier not in self.texts, f"id {identifier} twice"
            self.texts[identifier] = []
        if tag == "mark":
            self.marks[identifier] = attributes
            self.parents[identifier] = [i for t, i in self.open if t == "mark"]
        self.open.append((tag, identifier))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.open and self.open[-1][0] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):
        self.data.append(data)
        for _, identifier in self.open:
            if identifier is not None:
                self.texts[identifier].append(data)

    def text(self, identifier: str) -> str:
        return "".join(self.texts[identifier])


@pytest.fixture(scope="module")
def tables():
    return site_tables.tables()


@pytest.fixture(scope="module")
def built(tmp_path_factory, tables) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    site.write_site(site_tables.connection(tables), out)
    return out


def _pages(root: Path) -> dict[str, Page]:
    return {p.relative_to(root).as_posix(): Page(p.read_text("utf-8")) for p in sorted(root.rglob("*.html"))}


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_site_has_its_pages(built, tables):
    files = set(_files(built))
    assert {"index.html", "index/rows-1.js", "site.css", "site.js", "claims/1.html"} <= files
    pages = {f"doc/{site.doc_file(d['doc_id'])}.html" for d in tables["documents"]}
    assert pages <= files and len(pages) == len(tables["documents"])
    assert not [f for f in files if f.startswith("doc/") and f not in pages]


def test_every_figure_is_highlighted_with_its_text_or_listed(built, tables):
    pages = _pages(built)
    for document in tables["documents"]:
        doc_id = document["doc_id"]
        page = pages[f"doc/{site.doc_file(doc_id)}.html"]
        figures = [q for q in tables["quantities"] if q["doc_id"] == doc_id]
        assert len(page.marks) + sum(1 for t, a in page.tags if t == "tr" and a.get("id", "").startswith("q-")) \
            == len(figures)
        for q in figures:
            identifier = site.mark_id(q["quantity_id"], doc_id)
            assert identifier in page.texts, q["quantity_id"]  # a mark, or the row that stands for it
            if identifier in page.marks:
                mark = page.marks[identifier]
                assert page.text(identifier) == q["text"]
                assert mark["tabindex"] == "0" and mark["class"] == f"fig cat-{q['category']}"
                assert mark["data-tip"].startswith(q["text"] + "\n")
                assert f"rule: {q['rule']}" in mark["data-tip"]


def test_overlapping_figures_nest_or_are_listed(built):
    page = _pages(built)["doc/wh_2024-01-02_aid.html"]
    # "Over 2,000 attacks" holds "2,000 attacks", which holds "2,000".
    assert page.parents["q-164-177"] == ["q-159-177"]
    assert page.parents["q-164-169"] == ["q-159-177", "q-164-177"]
    # "attacks on hospitals" crosses the end of "2,000 attacks": listed, not highlighted.
    assert "q-170-190" not in page.marks
    assert "not highlighted: overlaps “2,000 attacks”" in page.text("q-170-190")
    # The text around the marks is the text: CR LF kept, as a reference.
    source = (built / "doc" / "wh_2024-01-02_aid.html").read_text("utf-8")
    assert "&#13;\n&#13;\n" in source
    text_div = re.search(r'<div class="text" lang="en">(.*?)</div>', source, re.S).group(1)
    assert html_text(text_div) == TEXTS["wh_2024-01-02_aid"]
    news = _pages(built)["doc/news_2024-01-03.html"]
    assert news.parents["q-257-259"] == ["q-257-268"] and "q-260-278" not in news.marks


def test_the_table_of_figures_states_a_value_its_bounds_and_unit_in_one_cell(built, tables):
    figure = {"value": 45.0, "low": 45.0, "high": 45.0, "unit": "years"}
    assert site.stated(figure) == "45 years"
    assert site.stated({**figure, "low": 40.0, "high": 50.0}) == "45 (bounds 40 – 50) years"
    assert site.stated({**figure, "value": None, "low": 1000.0, "high": None, "unit": None}) == "≥ 1,000"
    source = (built / "doc" / "wh_2024-01-02_aid.html").read_text("utf-8")
    assert "<th>Qualifier</th><th>Stated</th><th>Normalized</th>" in source and "<th>Bounds</th>" not in source
    page = _pages(built)["doc/wh_2024-01-02_aid.html"]
    for q in (q for q in tables["quantities"] if q["doc_id"] == "wh_2024-01-02_aid"):
        identifier = site.mark_id(q["quantity_id"], q["doc_id"])
        row = page.text(f"f-{identifier[2:]}" if identifier in page.marks else identifier)
        assert site.stated(q) in row, q["quantity_id"]
    # A row is focusable where it stands for a figure not highlighted (a link to the figure lands on it).
    assert '<tr id="q-170-190" tabindex="-1">' in source and re.search(r'<tr id="f-[0-9-]+" tabindex', source) is None


def html_text(fragment: str) -> str:
    page = Page(f"<div id='x'>{fragment}</div>")
    return page.text("x")


def test_a_document_whose_text_is_not_published_shows_only_its_sentences(built, tables):
    everything = b"".join(_files(built).values()).decode("utf-8")
    assert UNPUBLISHED not in everything
    for document in tables["documents"]:
        if document["full_text"]:
            continue
        source = (built / "doc" / f"{site.doc_file(document['doc_id'])}.html").read_text("utf-8")
        assert '<div class="text"' not in source
        excerpts = re.findall(r'<p class="excerpt[^"]*"[^>]*data-start="([0-9]+)">(.*?)</p>', source, re.S)
        sentences = {(q["sentence_start"], q["sentence"]) for q in tables["quantities"]
                     if q["doc_id"] == document["doc_id"]}
        assert excerpts
        for start, fragment in excerpts:  # every character of an excerpt is in a sentence, at its place
            start, excerpt = int(start), html_text(fragment)
            covered = [False] * len(excerpt)
            for at, sentence in sentences:
                if start <= at and excerpt[at - start:at - start + len(sentence)] == sentence:
                    covered[at - start:at - start + len(sentence)] = [True] * len(sentence)
            assert all(covered), excerpt
    # The copyrighted article's two sentences, not what lies between them.
    news = "".join(_pages(built)["doc/news_2024-01-03.html"].data)
    assert "more than $170 billion" in news and "Russia launched 40 missiles" in news


def test_sentences_that_overlap_are_joined_once():
    quantities = [
        {"quantity_id": "d:10-14", "start": 10, "end": 14, "text": "5 km", "sentence_start": 0, "sentence": "abcdefghij5 km to"},
        {"quantity_id": "d:15-17", "start": 15, "end": 17, "text": "to", "sentence_start": 5, "sentence": "fghij5 km to go"},
        {"quantity_id": "d:40-42", "start": 40, "end": 42, "text": "xy", "sentence_start": 38, "sentence": "__xy"},
    ]
    parts = site.segments(quantities, None)
    assert [(s.start, s.text) for s in parts] == [(0, "abcdefghij5 km to go"), (38, "__xy")]
    assert [len(s.quantities) for s in parts] == [2, 1]


HOSTILE_STRINGS = ["<script", "onerror=", "onmouseover=", "javascript:"]


def test_hostile_fields_are_text(built):
    for name, page in _pages(built).items():
        for tag, attributes in page.tags:
            assert tag not in ("img", "iframe", "object", "embed", "form", "svg:script", "style"), (name, tag)
            if tag == "script":
                assert set(attributes) == {"src", "defer"} and attributes["src"].endswith("site.js"), name
            for attribute, value in attributes.items():
                assert not attribute.startswith("on") and attribute not in ("style", "srcdoc", "formaction"), \
                    (name, tag, attribute)
                if attribute in ("href", "src", "action", "xlink:href"):
                    assert re.match(r"(https?://|\.\./|doc/|claims/|category/|index|site\.|search|#|data:,$"
                                    r"|[a-z0-9_-]+\.html$)", value), (name, value)
        assert any(t == "meta" and a.get("http-equiv") == "Content-Security-Policy" and a["content"] == site.CSP
                   for t, a in page.tags), name
    hostile = _pages(built)["doc/hostile_full.html"]
    shown = "".join(hostile.data)
    assert HOSTILE in shown  # the title, outlet, rights and notes, as text
    assert f'<img src=x onerror="{PAYLOAD}"> Officials said' in shown  # the text, as text
    assert f"javascript:{PAYLOAD}" in shown  # the URL, shown, not a link
    assert not any(t == "a" and "javascript" in a.get("href", "") for t, a in hostile.tags)
    mark = hostile.marks["q-102-111"]
    assert f"attributed to: {HOSTILE} (person)" in mark["data-tip"]
    claims = _pages(built)["claims/1.html"]
    assert HOSTILE in "".join(claims.data)
    data = (built / "index" / "rows-1.js").read_text("utf-8")
    assert data.startswith("NF.addRows(1, ") and data.endswith(");\n")
    assert HOSTILE in [row[3] for row in json.loads(data[len("NF.addRows(1, "):-3])]  # data, shown as text by site.js


def test_unsafe_ids_get_safe_unique_names():
    ids = ["A", "a", "con", "../etc/passwd", 'x" onmouseover="y', "doc id", "doc-id", "é", "a" * 300]
    names = [site.doc_file(i) for i in ids]
    assert len(set(n.lower() for n in names)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,99}(\.[0-9a-f]{16})?|doc\.[0-9a-f]{16}", n) for n in names), names
    assert site.doc_file("doc-id") == "doc-id"
    assert re.fullmatch(r"q-h[0-9a-f]{16}", site.mark_id('d:1-2" onmouseover="x', "d"))
    assert site.mark_id("d:1-2", "d") == "q-1-2" and site.mark_id("e:1-2", "d") != "q-1-2"
    assert site.claim_anchor("c0123456789abcdef") == "c0123456789abcdef"
    assert re.fullmatch(r"c-h[0-9a-f]{16}", site.claim_anchor('"><script>'))
    assert site.web_link("https://a.example/x?y=1") and not site.web_link("javascript:alert(1)")
    assert not site.web_link(" https://a.example") and not site.web_link("http:///x") and not site.web_link("data:,x")


def test_claims_link_members_and_figures_link_claims(built, tables):
    pages = _pages(built)
    claims = pages["claims/1.html"]
    links = [a["href"] for t, a in claims.tags if t == "a" and "member" in a.get("class", "")]
    assert len(links) == len(tables["claim_quantities"])
    for href in links:
        page, _, fragment = href.partition("#")
        target = pages[page.removeprefix("../")]
        assert fragment in target.marks
    assert "c0123456789abcdef" in claims.texts and "cfedcba9876543210" in claims.texts
    mark = pages["doc/wh_2024-01-02_aid.html"].marks["q-31-43"]
    assert mark["data-claim"] == "../claims/1.html#c0123456789abcdef"
    assert "claim: aid, United States to Ukraine (c0123456789abcdef)" in mark["data-tip"]
    # One row of the number line per member, an arrow for the unbounded end of "more than".
    svg = re.search(r'id="c0123456789abcdef".*?(<svg.*?</svg>)', (built / "claims/1.html").read_text("utf-8"), re.S)
    assert svg.group(1).count('<g class="member') == 3 and svg.group(1).count("<polygon") == 1
    assert svg.group(1).count('class="consensus"') == 1


def test_the_same_tables_give_the_same_bytes(tmp_path, built, tables):
    site.write_site(site_tables.connection(tables, reverse=True), tmp_path / "again")
    assert _files(tmp_path / "again") == _files(built)
    site.write_site(site_tables.connection(tables), tmp_path / "again")  # over itself
    assert _files(tmp_path / "again") == _files(built)


def test_pages_and_stale_files(tmp_path, tables, monkeypatch):
    out = tmp_path / "site"
    (out / "doc").mkdir(parents=True)
    (out / "doc" / "gone.html").write_text("stale")
    (out / "keep.txt").write_text("not the site's")
    for stale in ("search/terms-99.js", "search/rows-99.js", "category/gone.html", "category/aid-9.html"):
        (out / stale).parent.mkdir(exist_ok=True)
        (out / stale).write_text("stale")
    monkeypatch.setattr(site, "PAGE_SIZE", 3)
    monkeypatch.setattr(site, "CLAIMS_PAGE_SIZE", 1)
    site.write_site(site_tables.connection(tables), out)
    files = _files(out)
    assert "doc/gone.html" not in files and "keep.txt" in files
    assert not [f for f in files if f.endswith(("-99.js", "gone.html", "aid-9.html"))]
    assert "search/terms-0.js" in files and "category/aid.html" in files
    assert {"index.html", "index-2.html", "index/rows-1.js", "index/rows-2.js", "claims/1.html", "claims/2.html"} \
        <= set(files) and "index-3.html" not in files and "claims/3.html" not in files
    pages = _pages(out)
    rows = [len([t for t, a in pages[p].tags if t == "tr"]) - 1 for p in ("index.html", "index-2.html")]
    assert rows == [3, 2]  # 5 documents, newest first
    assert all(p.tags[[t for t, _ in p.tags].index("body")][1]["data-pages"] == "2"
               for p in (pages["index.html"], pages["index-2.html"]))
    data = [json.loads(files[f"index/rows-{n}.js"].decode()[len(f"NF.addRows({n}, "):-3]) for n in (1, 2)]
    assert [r[1] for r in data[0] + data[1]] == ["2024-01-03", "2024-01-02", "2023-12-01", "2023-05-06", ""]
    # The second claim's figures point to the second page of claims.
    mark = pages["doc/hostile_full.html"].marks["q-102-111"]
    assert mark["data-claim"] == "../claims/2.html#cfedcba9876543210"


def test_the_index_pages_follow_its_order_across_pages(tmp_path, tables, monkeypatch):
    """Pages of the index read a page at a time (after the last row of the page before) hold
    every document once, in the index's order, where pages end among documents of one date or
    among undated ones; the documents' pages, read in batches, are the same whatever the batch."""
    rows = {k: [dict(r) for r in v] for k, v in tables.items()}
    base = rows["documents"][0]
    for doc_id, published in (("same_day_b", base["published"]), ("same_day_a", base["published"]),
                              ("undated_b", None), ("undated_a", None), ("undated_c", None)):
        rows["documents"].append(dict(base, doc_id=doc_id, published=published, full_text=False, title=doc_id))
    # Newest first, undated last; by doc_id among the same date.
    dated = sorted((d for d in rows["documents"] if d.get("published")), key=lambda d: d["doc_id"])
    expected = ([d["doc_id"] for d in sorted(dated, key=lambda d: d["published"], reverse=True)]
                + sorted(d["doc_id"] for d in rows["documents"] if not d.get("published")))
    assert expected[1:4] == ["same_day_a", "same_day_b", "wh_2024-01-02_aid"] and len(expected) == 10
    site.write_site(site_tables.connection(rows), tmp_path / "whole")
    for size in (1, 2, 3):
        monkeypatch.setattr(site, "PAGE_SIZE", size)
        monkeypatch.setattr(site, "DOCUMENT_BATCH", size)
        out = tmp_path / f"pages-{size}"
        site.write_site(site_tables.connection(rows, reverse=True), out)
        files = _files(out)
        pages = -(-len(expected) // size)
        data = [json.loads(files[f"index/rows-{n}.js"].decode()[len(f"NF.addRows({n}, "):-3]) for n in range(1, pages + 1)]
        assert [r[4] for chunk in data for r in chunk] == expected, size
        assert all(len(chunk) == size for chunk in data[:-1]) and f"index/rows-{pages + 1}.js" not in files
        whole = _files(tmp_path / "whole")
        assert {k: v for k, v in files.items() if k.startswith("doc/")} == {k: v for k, v in whole.items() if k.startswith("doc/")}


def test_a_site_without_claims(tmp_path, tables):
    rows = {k: v for k, v in tables.items() if k not in ("claims", "claim_quantities")}
    site.write_site(site_tables.connection(rows), tmp_path / "site")
    claims = (tmp_path / "site" / "claims" / "1.html").read_text("utf-8")
    assert "No claims in this package." in claims
    page = Page((tmp_path / "site" / "doc" / "wh_2024-01-02_aid.html").read_text("utf-8"))
    assert page.marks and not any("data-claim" in m for m in page.marks.values())


def test_show_document_highlights_figures_without_reading_markup(tables):
    from rich.console import Console

    console = Console(record=True, width=100, force_terminal=True, color_system="truecolor")
    show_document(site_tables.connection(tables), "hostile_full", console)
    plain = console.export_text()
    assert "[bold]bold[/bold]" in plain and "javascript:alert(1)" in plain
    assert "12 people" in plain and "Figures" in plain and "casualties" in plain
    # What a terminal would run is shown, one visible character each: ESC, BEL; CR as a space.
    rows = {k: [dict(r) for r in v] for k, v in tables.items()}
    for row in rows["documents"]:
        if row["doc_id"] == "hostile_full":
            row["title"] = "title \x1b]0;retitled\x07 \x1b[2J"
    buffer = io.StringIO()
    show_document(site_tables.connection(rows), "hostile_full", Console(file=buffer, width=100, color_system=None))
    assert "\x1b" not in buffer.getvalue() and "\x07" not in buffer.getvalue() and "\r" not in buffer.getvalue()
    assert "title ␛]0;retitled␇ ␛[2J" in buffer.getvalue()
    buffer = io.StringIO()
    show_document(site_tables.connection(rows), "wh_2024-01-02_aid", Console(file=buffer, width=100, color_system=None))
    assert "\r" not in buffer.getvalue() and "12 people" in buffer.getvalue().replace("\n", " ")
    console = Console(record=True, width=100)
    show_document(site_tables.connection(tables), "news_2024-01-03", console)
    plain = console.export_text()
    assert "more than $170 billion" in plain and UNPUBLISHED not in plain
    with pytest.raises(KeyError) as error:
        show_document(site_tables.connection(tables), "nope", Console(file=io.StringIO()))
    assert str(error.value).startswith("no document 'nope' in the package")


@pytest.mark.parametrize("ends", [
    [(None, None), (None, 5.0), (3.0, None)],  # unbounded members
    [(1.0, 1.0), (1e9, 1e9), (float("inf"), None), (float("-inf"), 2.0)],  # log scale, infinities
    [(-5.0, -1.0), (0.0, 0.0), (float("nan"), 2.0)],
    [],
])
def test_the_number_line_draws_any_bounds(ends):
    claim = {"consensus_low": ends[0][0] if ends else None, "consensus_high": None}
    members = [{"low": lo, "high": hi, "agrees": i % 2 == 0, "source": "s", "text": "t"} for i, (lo, hi) in enumerate(ends)]
    svg = site.claim_svg(claim, members)
    assert svg.startswith("<svg") and svg.endswith("</svg>") and svg.count('<g class="member') == len(ends)
    assert not re.search(r'="[^"]*(nan|inf)', svg)
    assert svg.count("<polygon") == sum((lo is None) + (hi is None) for lo, hi in ends)


def test_a_claim_with_many_members_shows_the_first_and_counts_the_others(tmp_path):
    """A claim's section lists and draws its first CLAIM_MEMBERS_SHOWN members (by date, document
    and position), each a link to its figure, and says how many more there are; its number line
    spans them all. Its figures still link to it."""
    many = 1_200  # members: more than a page of them, with a thousands separator
    rows = site_tables.many_members(many, older=60)
    out = tmp_path / "site"
    site.write_site(site_tables.connection(rows), out)
    shown = site.CLAIM_MEMBERS_SHOWN
    assert shown < many - 60
    source = (out / "claims" / "1.html").read_text("utf-8")
    section = re.search(rf'<section class="claim" id="{site_tables.MANY_CLAIM}">.*?</section>', source, re.S).group(0)
    assert f"{many} figures" in section  # the claim's own count
    svg = re.search(r"<svg.*?</svg>", section, re.S).group(0)
    assert svg.count('<g class="member') == shown and f"and {many - shown:,} more</text>" in svg
    assert f'aria-label="bounds of the first {shown} of the {many:,} figures on a number line"' in svg
    assert f">{many:,}</text>" in svg and ">1</text>" in svg  # the extent of all, not of the shown
    assert section.count('<tr class="agrees">') + section.count('<tr class="disagrees">') == shown
    assert f"and {many - shown:,} more figures, not listed here" in section
    # The older document's 60 figures first, then the newer's, each in order of position.
    links = re.findall(r'<a class="member" href="([^"]+)">([^<]+)</a>', section)
    assert [text for _, text in links] == [f"{n} people" for n in range(1, shown + 1)]
    pages = _pages(out)
    for href, text in links:
        page, _, fragment = href.partition("#")
        target = pages[page.removeprefix("../")]
        assert target.text(fragment) == text
    assert [href.startswith("../doc/many_older.html#") for href, _ in links] == [True] * 60 + [False] * (shown - 60)
    # The other claims are as they were, and a figure not shown still links to its claim.
    assert 'id="c0123456789abcdef"' in source and 'id="cfedcba9876543210"' in source
    last = next(q for q in rows["quantities"] if q["text"] == f"{many} people")
    mark = pages["doc/many_newer.html"].marks[site.mark_id(last["quantity_id"], "many_newer")]
    assert mark["data-claim"] == f"../claims/1.html#{site_tables.MANY_CLAIM}"
    # The same bytes from the rows in another order.
    site.write_site(site_tables.connection(rows, reverse=True), tmp_path / "again")
    assert _files(tmp_path / "again") == _files(out)


def test_the_built_site_highlights_the_packages_figures():
    """dist/site, where `extract build` has written it: each highlight is its figure's text.
    That its bytes are what the build writes is .ci/run's check of the whole of dist/ (here
    it would cost a second writing of the site, 20 s of CPU)."""
    import duckdb

    from .conftest import ROOT

    built = ROOT / "dist" / "site"
    if not (built / "index.html").is_file():
        pytest.skip("dist/site is not built (extract build writes it)")
    connection = duckdb.connect(":memory:")
    quantities = (ROOT / "dist" / "quantities.parquet").as_posix()
    texts = {(site.doc_file(d), site.mark_id(q, d)): text for d, q, text in connection.execute(
        f"SELECT doc_id, quantity_id, text FROM read_parquet('{quantities}')").fetchall()}  # a mark's id is its figure's
    for path in sorted((built / "doc").glob("*.html")):
        source = path.read_text("utf-8")
        # The marks are in the article (the figures' table links to them): read only it.
        page = Page(source[source.index("<article"):source.index("</article>") + len("</article>")])
        for identifier in page.marks:
            assert page.text(identifier) == texts[path.stem, identifier], (path.name, identifier)


# ---------------------------------------------------------------------------------------------
# Markdown: rendered, its highlights on the stored characters.

def test_markdown_renders_with_highlights_on_the_stored_characters(tmp_path, tables):
    rows = site_tables.with_markdown(tables)
    out = tmp_path / "site"
    site.write_site(site_tables.connection(rows), out)
    source = (out / "doc" / f"{site_tables.MARKDOWN_ID}.html").read_text("utf-8")
    page = Page(source)
    figures = {site.mark_id(q["quantity_id"], q["doc_id"]): q for q in rows["quantities"]
               if q["doc_id"] == site_tables.MARKDOWN_ID}
    # Every mark holds its figure's characters, exactly, whatever markup is around it.
    assert len(page.marks) == len(figures) - 1
    for identifier in page.marks:
        assert page.text(identifier) == figures[identifier]["text"]
    div = re.search(r'<div class="text markdown" lang="en">(.*?)</div>\n</article>', source, re.S).group(1)
    # The marks are added to the rendering and change nothing else in it.
    assert re.sub(r"<mark [^>]*>|</mark>", "", div) == markdown.to_html(site_tables.MARKDOWN)
    # Emphasis, links, `\_`, lists and headings are rendered, and the marks sit inside them.
    assert re.search(r"<strong><mark [^>]*>\$1\.7 billion</mark></strong>", div)
    link = re.search(r'<a href="https://www\.defense\.gov/[^"]*" rel="noopener noreferrer nofollow">(.*?)</a>', div, re.S)
    assert link and html_text(link.group(1)) == "155mm artillery\nrounds"
    assert page.parents[site.mark_id(f"{site_tables.MARKDOWN_ID}:96-101", site_tables.MARKDOWN_ID)] == \
        [site.mark_id(f"{site_tables.MARKDOWN_ID}:96-118", site_tables.MARKDOWN_ID)]
    assert "HIMARS_ammunition" in div and "\\_" not in div
    assert "<h3>" in div and div.count("<li>") == 4 and "<ul>" in div and "<ol>" in div
    # What must not render does not: a javascript: link, raw HTML, an image.
    assert not any(t == "img" for t, _ in page.tags)
    assert not any(t == "a" and not a.get("href", "").startswith(("https://", "../", "#", "data:", "index", "search",
                                                                     "category/", "charts", "claims/", "data."))
                   for t, a in page.tags)
    shown = "".join(page.data)
    assert "A note in a [link to 5 km](javascript:alert(1)) and ." in shown and site_tables.PAYLOAD not in source
    # The document's own HTML: a tag in a paragraph is dropped (its text stays), a comment too,
    # any other block is shown as text.
    assert "<p>Investing in Democracy1</p>" in div and "<!--" not in div and "<u>" not in div
    assert '<p class="raw">&lt;table&gt;&lt;tr&gt;&lt;td&gt;' in div and "&lt;/table&gt;" in div
    # The figure inside a link's address is listed, with the reason.
    in_url = next(identifier for identifier, q in figures.items() if q["text"] == "3000000")
    assert in_url not in page.marks and "not highlighted: in Markdown the page does not show as text" in page.text(in_url)
    # A plain-text document is shown as stored, every character.
    assert '<div class="text" lang="en">' in (out / "doc" / "wh_2024-01-02_aid.html").read_text("utf-8")


def test_markdown_keeps_a_text_that_holds_its_placeholders_as_stored():
    assert markdown.render("a \ue000\ue100\ue001 b", [(0, 1)], lambda i: "<mark>a</mark>") is None
    html_, lost = markdown.render("*a* b", [(1, 2)], lambda i: "<mark>a</mark>")
    assert html_ == "<p><em><mark>a</mark></em> b</p>\n" and lost == []


# ---------------------------------------------------------------------------------------------
# The search's index, read as site.js reads it.

def _data(text: str) -> tuple[int, object]:
    head, _, rest = text.partition("(")
    n, _, data = rest.partition(", ")
    assert text.endswith(");\n")
    return int(n), json.loads(data[:-3])


def _words(text: str) -> list[str]:
    """Words as site.js and the index make them."""
    folded = re.sub(r"(\d),(\d)", r"\1\2", re.sub(r"(\d),(\d)", r"\1\2", text.lower()))
    return [w for w in re.split(r"[\W_]+", folded) if w]


class Index:
    def __init__(self, out: Path):
        self.page = Page((out / "search.html").read_text("utf-8"))
        body = dict(self.page.tags)["body"]
        self.figures, self.shards = int(body["data-figures"]), int(body["data-shards"])
        self.rows, self.docs = [], []
        for k in range(len(list((out / "search").glob("rows-*.js")))):
            n, block = _data((out / "search" / f"rows-{k}.js").read_text("utf-8"))
            assert n == k and len(block["rows"]) <= search.ROWS_BLOCK
            self.rows += [(row, block["docs"][row[0]]) for row in block["rows"]]
        self.terms = {}
        for s in range(self.shards):
            n, terms = _data((out / "search" / f"terms-{s}.js").read_text("utf-8"))
            for word in terms:
                assert search.shard_of(word, self.shards) == s == n, word
            self.terms.update(terms)

    def numbers(self, word: str) -> set[int]:
        exact = len(word) < 2 or "=" in word
        found = set()
        for key, deltas in self.terms.items():
            if (key == word) if exact else ("=" not in key and key.startswith(word)):
                n = 0
                for d in deltas:
                    n += d
                    found.add(n)
        return found

    def find(self, *words: str) -> list[tuple[str, str]]:
        """(doc page, mark) of the figures holding every word, in the order of the results."""
        sets = [self.numbers(w) for w in words]
        return [(self.rows[n][1][0], self.rows[n][0][1]) for n in sorted(set.intersection(*sets))]


def _figure_key(q) -> tuple[str, str]:
    return site.doc_file(q["doc_id"]), site.mark_id(q["quantity_id"], q["doc_id"])


def test_the_search_finds_every_figure_by_its_words(built, tables):
    index = Index(built)
    listed = {d["doc_id"] for d in tables["documents"]}
    figures = [q for q in tables["quantities"] if q["doc_id"] in listed]
    assert index.figures == len(index.rows) == len(figures)
    # Newest first: the figures of the newest document, then the next.
    published = {d["doc_id"]: d.get("published") for d in tables["documents"]}
    dates = [row[1][1] for row in index.rows]
    assert dates == sorted(dates, key=lambda d: (d == "", "".join(chr(0x10000 - ord(c)) for c in d)))
    assert {(r[1][0], r[0][1]) for r in index.rows} == {_figure_key(q) for q in figures}
    for q in figures:
        wanted = [*_words(q["text"]), *_words(q["subject"] or ""), *_words(q["category"])]
        assert _figure_key(q) in index.find(*wanted), q["quantity_id"]
    # A word of the sentence, the beginning of a word, a figure's words with a comma.
    assert index.find("according") == [("wh_2024-01-02_aid", "q-31-43")]  # "$175 billion ... according to"
    atacms = next(q for q in figures if q["text"] == "up to 300 km" and q["doc_id"] == "wh_2024-01-02_aid")
    assert index.find("atac") == [_figure_key(atacms)]  # "ATACMS missiles can travel up to 300 km"
    assert ("wh_2024-01-02_aid", "q-159-177") in index.find(*_words("over 2,000"))
    assert index.find("category=aid") == [_figure_key(q) for q in sorted(
        (q for q in figures if q["category"] == "aid"),
        key=lambda q: (published[q["doc_id"]] is None, -(published[q["doc_id"]] or dt.date.min).toordinal(),
                       q["doc_id"], q["start"], -q["end"], q["quantity_id"]))]
    assert index.find("nosuchword") == []
    # A result shows the figure, what it is about, its document, and the words around it.
    row, doc = next(r for r in index.rows if r[0][1] == "q-31-43" and r[1][0] == "wh_2024-01-02_aid")
    assert row[2:4] == ["$175 billion", "aid"] and row[5] == "$175 B" and doc[2] == "Fact sheet: aid to Ukraine"
    shown = [c for c in search.OPTIONAL_COLUMNS if c in site_tables.columns("quantities")]
    assert row[-2].endswith("has provided ") and row[-1].startswith(" in aid to Ukraine") and len(row) == 11 + len(shown)
    assert 'data-facet="category"' in (built / "search.html").read_text("utf-8")


def test_the_search_reads_conflict_and_place_where_the_table_has_them(tmp_path, tables):
    killed = next(q for q in tables["quantities"] if q["doc_id"] == "wh_2024-01-02_aid" and q["text"] == "12 people")
    aid = next(q for q in tables["quantities"] if q["text"] == "$175 billion")
    unnamed = next(q for q in tables["quantities"] if q["doc_id"] == "hostile_full" and q["text"] == "12 people")
    connection = site_tables.with_columns(site_tables.connection(tables), {
        "conflict": {killed["quantity_id"]: "test-war", aid["quantity_id"]: "test-war", unnamed["quantity_id"]: None},
        "place": {killed["quantity_id"]: "UA-63"}, "place_text": {killed["quantity_id"]: "Kharkiv"}})
    out = tmp_path / "site"
    site.write_site(connection, out)
    index = Index(out)
    assert index.find("kharkiv") == [_figure_key(killed)] == index.find("ua", "63")
    assert set(index.find("conflict=test-war")) == {_figure_key(killed), _figure_key(aid)}
    row = next(r for r, _ in index.rows if r[1] == _figure_key(killed)[1] and r[2] == "12 people")
    assert len(row) == 13 and row[9:11] == ["test-war", "Kharkiv (UA-63)"]
    search_page = (out / "search.html").read_text("utf-8")
    assert 'data-columns="conflict,place"' in search_page
    assert '<option value="conflict=test-war">test-war (2)</option>' in search_page
    # The category pages show the columns, and the casualties are charted by conflict.
    casualties = (out / "category" / "casualties.html").read_text("utf-8")
    assert '<th data-sort="text">Conflict</th><th data-sort="text">Place</th>' in casualties and "<td>Kharkiv (UA-63)</td>" in casualties
    chart = (out / "charts.html").read_text("utf-8")
    assert "Casualty figures reported per month, by conflict" in chart and "test-war" in chart
    assert "no conflict named" in chart


def test_a_package_without_conflict_and_place_has_neither(tmp_path, tables):
    out = tmp_path / "site"
    site.write_site(site_tables.without_columns(site_tables.connection(tables)), out)
    index = Index(out)
    assert {len(row) for row, _ in index.rows} == {11} and index.find("conflict=russia-ukraine") == []
    search_page = (out / "search.html").read_text("utf-8")
    assert 'data-columns=""' in search_page and 'data-facet="conflict"' not in search_page
    assert ">Conflict</th>" not in (out / "category" / "casualties.html").read_text("utf-8")
    chart = (out / "charts.html").read_text("utf-8")
    assert "Casualty figures reported per month<" in chart and "by conflict" not in chart


# ---------------------------------------------------------------------------------------------
# A page per category, the charts, the claims' agreement, the data page.

def _category_marks(out: Path, category: str) -> list[tuple[str, str]]:
    marks, n = [], 1
    while (path := out / "category" / site.category_file(category, n)).is_file():
        marks += re.findall(r'<td><a href="\.\./doc/([^"#]+)\.html#([^"]+)">', path.read_text("utf-8"))
        n += 1
    return marks


def test_a_page_per_category_newest_first_with_its_sort_keys(tmp_path, tables, monkeypatch):
    """A category's pages list its figures newest first (site.js sorts a page by a column:
    tests/test_site_browser.py), each value cell with what the value column sorts by."""
    monkeypatch.setattr(site, "CATEGORY_PAGE_SIZE", 2)
    out = tmp_path / "site"
    site.write_site(site_tables.connection(tables), out)
    published = {d["doc_id"]: d.get("published") for d in tables["documents"]}
    index = (out / "category" / "index.html").read_text("utf-8")
    for category in {q["category"] for q in tables["quantities"]}:
        figures = [q for q in tables["quantities"] if q["category"] == category]
        assert f'href="{site.category_file(category)}">{category}</a>' in index
        newest = sorted(figures, key=lambda q: (published[q["doc_id"]] is None,
                                                -(published[q["doc_id"]] or dt.date.min).toordinal(),
                                                q["doc_id"], q["start"], q["quantity_id"]))
        assert _category_marks(out, category) == [_figure_key(q) for q in newest], category
        pages = sorted(p.name for p in (out / "category").glob(f"{site.css_name(category)}*.html"))
        assert len(pages) == -(-len(figures) // 2), category  # one order only: no page per sort
    page = (out / "category" / "aid.html").read_text("utf-8")
    assert '<th data-sort="date" aria-sort="descending">Published</th>' in page
    assert '<th data-sort="value">Value</th>' in page and 'id="sort-by"' in page
    assert "it sorts this page’s 2 figures" in page
    monkeypatch.undo()  # the page size as it is: the test tables' categories fit one page each
    site.write_site(site_tables.connection(tables), tmp_path / "whole")
    whole = (tmp_path / "whole" / "category" / "aid.html").read_text("utf-8")
    assert "this page’s" not in whole and not (tmp_path / "whole" / "category" / "aid-2.html").exists()
    assert '<td class="num" data-v="175000000000.0" data-u="USD" title="175,000,000,000 USD">$175 B</td>' in whole


def test_a_figure_sorts_by_its_value_or_else_a_bound():
    figure = {"normalized_value": None, "normalized_low": 5.0, "normalized_high": None}
    assert site.sort_value(figure) == "5.0"
    assert site.sort_value({**figure, "normalized_high": math.inf}) == "Infinity"
    assert site.sort_value({**figure, "normalized_value": 2.5}) == "2.5"
    assert site.sort_value({**figure, "normalized_low": None}) == ""


def test_charts_are_drawn_as_svg_with_money_axes(tmp_path, tables):
    rows = {k: [dict(r) for r in v] for k, v in tables.items()}
    rows["claims"][0]["stage"] = "committed"  # $120 billion to $175 billion, first reported 2024-01-02
    out = tmp_path / "site"
    site.write_site(site_tables.connection(rows), out)
    page = (out / "charts.html").read_text("utf-8")
    aid = re.search(r'<svg class="chart" id="chart-aid".*?</svg>', page, re.S).group(0)
    assert aid.count('<rect class="bar') == 1 and "<title>2024-01: $120 B</title>" in aid
    ticks = re.findall(r'<text class="ticklabel" x="[0-9.]+" y="[0-9.]+" text-anchor="end">([^<]*)</text>', aid)
    assert ticks == ["$0", "$50 B", "$100 B", "$150 B"]
    casualties = re.search(r'<svg class="chart" id="chart-casualties".*?</svg>', page, re.S).group(0)
    published = {d["doc_id"]: d.get("published") for d in rows["documents"]}
    months = {}
    for q in rows["quantities"]:
        if q["category"] == "casualties" and published.get(q["doc_id"]):
            month = published[q["doc_id"]].strftime("%Y-%m")
            months[month] = months.get(month, 0) + 1
    bars = {}  # month -> figures, over the bars of its series (one a conflict, where the table has them)
    for month, n in re.findall(r'data-month="([0-9-]+)"[^>]*><title>[0-9-]+: ([0-9,]+)(?: \([^)]*\))?</title>', casualties):
        bars[month] = bars.get(month, 0) + int(n.replace(",", ""))
    assert bars == months and len(bars) >= 2
    # Without claims, the aid chart says why it is empty.
    bare = {k: v for k, v in rows.items() if k not in ("claims", "claim_quantities")}
    site.write_site(site_tables.connection(bare), tmp_path / "bare")
    assert "This package has no claims" in (tmp_path / "bare" / "charts.html").read_text("utf-8")


def test_the_number_line_reads_money_in_currency_units(built):
    claims = (built / "claims" / "1.html").read_text("utf-8")
    svg = re.search(r'id="c0123456789abcdef".*?(<svg.*?</svg>)', claims, re.S).group(1)
    labels = re.findall(r'class="ticklabel"[^>]*>([^<]*)</text>', svg)
    assert "$120 B" in labels and "$175 B" in labels and not any(re.search(r"\d (m|bn)$", x) for x in labels)


def test_agreement_is_shown_only_where_two_sources_state_a_claim(tmp_path, tables):
    rows = {k: [dict(r) for r in v] for k, v in tables.items()}
    rows["claims"][0].update(sources=1, agree=True)
    site.write_site(site_tables.connection(rows), tmp_path / "site")
    source = (tmp_path / "site" / "claims" / "1.html").read_text("utf-8")
    one = re.search(r'<section class="claim" id="c0123456789abcdef">.*?</section>', source, re.S).group(0)
    two = re.search(r'<section class="claim" id="cfedcba9876543210">.*?</section>', source, re.S).group(0)
    assert "one source: nothing to compare it with" in one and "the sources agree" not in one
    assert 'class="agrees"' not in one and one.count('<tr class="single">') == 3
    assert '<g class="member single">' in one and "the sources agree" in two


def test_the_data_page_links_the_files_and_explains_every_column(tmp_path, tables):
    from extractors.dataset.records import TABLES, table_schema

    resources = []
    for name in TABLES:
        resources.append({"name": name, "path": f"{name}.csv", "format": "csv", "bytes": 2048,
                          "description": f"The {name}.", "schema": table_schema(name)})
        resources.append({"name": f"{name}-parquet", "path": [f"{name}/part-00000.parquet", f"{name}/part-00001.parquet"],
                          "format": "parquet", "files": [{"bytes": 10}, {"bytes": 20}], "schema": table_schema(name)})
    package = {"title": "A package", "resources": resources + [{"name": "data-card", "path": "README.md"}]}
    site.write_site(site_tables.connection(tables), tmp_path / "site", package)
    page = Page((tmp_path / "site" / "data.html").read_text("utf-8"))
    links = [a["href"] for t, a in page.tags if t == "a"]
    for name in TABLES:
        assert f"../{name}.csv" in links and f"../{name}/part-00001.parquet" in links
        section = page.text(f"table-{site.css_name(name)}")
        for f in table_schema(name)["fields"]:
            assert f["name"] in section and f["description"] in section, (name, f["name"])
    assert "../datapackage.json" in links and "../README.md" in links
    site.write_site(site_tables.connection(tables), tmp_path / "bare")
    assert "without its package’s descriptor" in (tmp_path / "bare" / "data.html").read_text("utf-8")
