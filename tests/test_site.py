"""The static viewer (extractors/views/site.py) and `extract show` (extractors/views/terminal.py), read as
HTML and text: every highlight is its figure's text, hostile fields are text, a document whose
text is not published shows only its figures' sentences, and the same tables give the same bytes.
tests/test_site_browser.py drives the same site in Chromium."""

from __future__ import annotations

import html.parser
import io
import json
import re
from pathlib import Path

import pytest

from extractors.views import site
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
                assert mark["data-qid"] == q["quantity_id"] and mark["tabindex"] == "0"
                assert mark["data-category"] == q["category"] and f"cat-{q['category']}" in mark["class"]
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
                    assert re.match(r"(https?://|\.\./|doc/|claims/|index|site\.|#|data:,$|[0-9]+\.html)",
                                    value), (name, value)
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
    monkeypatch.setattr(site, "PAGE_SIZE", 3)
    monkeypatch.setattr(site, "CLAIMS_PAGE_SIZE", 1)
    site.write_site(site_tables.connection(tables), out)
    files = _files(out)
    assert "doc/gone.html" not in files and "keep.txt" in files
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
    rows = site_tables.many_members(2000, older=60)
    out = tmp_path / "site"
    site.write_site(site_tables.connection(rows), out)
    shown = site.CLAIM_MEMBERS_SHOWN
    assert shown < 2000 - 60
    source = (out / "claims" / "1.html").read_text("utf-8")
    section = re.search(rf'<section class="claim" id="{site_tables.MANY_CLAIM}">.*?</section>', source, re.S).group(0)
    assert "2000 figures" in section  # the claim's own count
    svg = re.search(r"<svg.*?</svg>", section, re.S).group(0)
    assert svg.count('<g class="member') == shown and f"and {2000 - shown:,} more</text>" in svg
    assert f'aria-label="bounds of the first {shown} of the 2,000 figures on a number line"' in svg
    assert ">2,000</text>" in svg and ">1</text>" in svg  # the extent of all 2,000, not of the shown
    assert section.count('<tr class="agrees">') + section.count('<tr class="disagrees">') == shown
    assert f"and {2000 - shown:,} more figures, not listed here" in section
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
    last = next(q for q in rows["quantities"] if q["text"] == "2000 people")
    mark = pages["doc/many_newer.html"].marks[site.mark_id(last["quantity_id"], "many_newer")]
    assert mark["data-claim"] == f"../claims/1.html#{site_tables.MANY_CLAIM}"
    # The same bytes from the rows in another order.
    site.write_site(site_tables.connection(rows, reverse=True), tmp_path / "again")
    assert _files(tmp_path / "again") == _files(out)


def test_the_built_site_shows_the_package(tmp_path):
    """dist/site, where `extract build` has written it: what the tables of dist/ give, each
    highlight its figure's text."""
    import duckdb

    from .conftest import ROOT

    built = ROOT / "dist" / "site"
    if not (built / "index.html").is_file():
        pytest.skip("dist/site is not built (extract build writes it)")
    connection = duckdb.connect(":memory:")
    for name in ("documents", "quantities", "texts", "claims", "claim_quantities"):
        path = ROOT / "dist" / f"{name}.parquet"
        if path.is_file():
            connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path.as_posix()}')")
    site.write_site(connection, tmp_path / "site")
    assert _files(tmp_path / "site") == _files(built)
    texts = dict(connection.execute("SELECT quantity_id, text FROM quantities").fetchall())
    for path in sorted((built / "doc").glob("*.html")):
        page = Page(path.read_text("utf-8"))
        for identifier, mark in page.marks.items():
            assert page.text(identifier) == texts[mark["data-qid"]], (path.name, identifier)
