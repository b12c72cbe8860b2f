"""The static viewer: `<package>/site/`, a folder of HTML pages that shows every document with
its figures highlighted, finds figures by their words, lists them by category, charts them over
time, and shows every claim with its members' bounds side by side.

`write_site(connection, out, package)` reads the views `documents`, `quantities`, `texts`,
`claims` and `claim_quantities` of a DuckDB connection (the columns of
extractors/dataset/records.py; the claims tables may be empty or absent; the quantities'
`conflict` and `place` are read where they exist) and writes:

    index.html, index-2.html, ...   the documents, PAGE_SIZE a page, newest first
    index/rows-N.js                 the same rows as data, loaded by site.js when a filter is set
    doc/<file>.html                 a document: its text (Markdown rendered, extractors/views/
                                    markdown.py; or, where its text is not published, its figures'
                                    sentences) with a <mark> per figure
    claims/1.html, claims/2.html    the claims, CLAIMS_PAGE_SIZE a page, each with its first
                                    CLAIM_MEMBERS_SHOWN members (and how many more it has)
    search.html, search/*.js        the search over the figures and its index (extractors/views/search.py)
    category/<name>[-n].html        a category's figures, newest first, CATEGORY_PAGE_SIZE a page
                                    (site.js sorts a page by a column); category/index.html lists them
    charts.html                     charts over time, drawn as SVG here (extractors/views/charts.py)
    data.html                       the package's files and a dictionary of its columns, from
                                    `package` (its descriptor, as a dict)
    site.css, site.js               the only style and script (no inline script, no remote load:
                                    every page's Content-Security-Policy forbids both)

What a page shows of a document is what the package publishes of it: the whole text only for
a document with `full_text` and a row in `texts`; for the others each figure's `sentence`
(overlapping sentences of one document joined, never extended). Every text from the tables
is escaped (`esc`), a URL is a link only if it is http(s), and a `<mark>`'s text is exactly
its figure's `text`: the details are in its `data-tip`, shown by CSS (`::after`), which is
no part of the text. The same tables give the same bytes: rows are read and written in a
fixed order, and nothing depends on the time, the machine or a hash seed.

Nothing grows with the corpus but files: the site is written a page at a time, each page's
rows asked of DuckDB for it (`ORDER BY ... LIMIT` after the last row of the page before, a
batch's figures and claims by its doc_ids; a category's figures and the search's index
streamed in order), and DuckDB sorts, counts and picks a claim's first members within its
memory limit.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..reading.about import CATEGORIES
from . import charts, markdown, search
from .formats import (RESERVED, SAFE_FILE, axis_label, bounds, claim_anchor, css_name, doc_file, esc, iso_date,
                      mark_id, number, value_label, web_link)

PAGE_SIZE = 500  # documents a page of the index
CLAIMS_PAGE_SIZE = 50  # claims a page
DOCUMENT_BATCH = 500  # documents whose texts and figures are read at once
CLAIM_MEMBERS_SHOWN = 100  # members a claim's section lists and draws; it counts the others
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'")
ASSETS = Path(__file__).with_name("site_assets")  # site.css and site.js, copied byte for byte

QUANTITY_COLUMNS = ["quantity_id", "doc_id", "start", "end", "text", "sentence", "sentence_start",
                    "dimension", "category", "measure", "value", "low", "high", "qualifier", "unit",
                    "normalized_value", "normalized_low", "normalized_high", "normalized_unit",
                    "subject", "donor", "recipient", "aid_kind", "stage", "attributed_to",
                    "attribution_kind", "attributed_source", "linked_to", "rule"]
DOCUMENT_COLUMNS = ["doc_id", "path", "title", "outlet", "url", "published", "language", "rights",
                    "notes", "full_text", "section", "characters"]
CLAIM_COLUMNS = ["claim_id", "category", "measure", "subject", "donor", "recipient", "aid_kind",
                 "stage", "normalized_unit", "period", "first_published", "last_published",
                 "documents", "sources", "quantities", "lowest_bound", "highest_bound",
                 "consensus_low", "consensus_high", "agree", "disagreeing_sources"]


def normalized(q: dict) -> str:
    """A figure's normalized value as shown: its value, or the interval of its bounds."""
    if q["normalized_value"] is not None:
        return number(q["normalized_value"])
    return bounds(q["normalized_low"], q["normalized_high"])


def stated(q: dict) -> str:
    """A figure's value as stated, in its unit: its value, its bounds where they are not that
    value alone (or where it has none), and its unit: `45 years`, `5 (bounds 4 – 6) km`,
    `1,000 – 10,000 rockets`."""
    interval = bounds(q["low"], q["high"])
    if q["value"] is None:
        shown = interval
    elif interval == number(q["value"]):
        shown = interval
    else:
        shown = f"{number(q['value'])} (bounds {interval})"
    return f"{shown} {q['unit']}" if q["unit"] else shown


# ---------------------------------------------------------------------------------------------
# Reading the tables.

def _table_exists(connection, name: str) -> bool:
    rows = connection.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT internal "
        "UNION ALL SELECT count(*) FROM duckdb_views() WHERE view_name = ? AND NOT internal",
        [name, name]).fetchall()
    return sum(r[0] for r in rows) > 0


def _dicts(connection, sql: str, parameters: list | None = None) -> list[dict]:
    result = connection.execute(sql, parameters or [])
    names = [d[0] for d in result.description]
    rows: list[dict] = []
    while chunk := result.fetchmany(1024):  # not every row as a tuple and as a dict at once
        rows.extend(dict(zip(names, row)) for row in chunk)
    return rows


def _select(columns: list[str], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{c}"' for c in columns)


def read_documents(connection, doc_id: str | None = None) -> list[dict]:
    where = "WHERE doc_id = ?" if doc_id is not None else ""
    rows = _dicts(connection, f"SELECT {_select(DOCUMENT_COLUMNS)} FROM documents {where}",
                  [doc_id] if doc_id is not None else None)
    return sorted(rows, key=lambda d: d["doc_id"])


INDEX_COLUMNS = ["doc_id", "published", "outlet", "title", "full_text"]  # what the index shows


def next_documents(connection, columns: list[str], after: dict | None, count: int,
                   by_doc_id: bool = False) -> list[dict]:
    """The `count` documents (their `columns`) that follow the document `after` (None: from
    the first) in the index's order (newest first, undated last, by doc_id among the same
    date), or by doc_id. DuckDB keeps only `count` rows as it reads the table."""
    if by_doc_id:
        order = "doc_id"
        where, parameters = ("WHERE doc_id > ?", [after["doc_id"]]) if after else ("", [])
    else:
        order = "published DESC NULLS LAST, doc_id"
        if after is None:
            where, parameters = "", []
        elif after["published"] is None:
            where, parameters = "WHERE published IS NULL AND doc_id > ?", [after["doc_id"]]
        else:
            where = "WHERE published < ? OR (published = ? AND doc_id > ?) OR published IS NULL"
            parameters = [after["published"], after["published"], after["doc_id"]]
    return _dicts(connection, f"SELECT {_select(columns)} FROM documents {where} ORDER BY {order} LIMIT {int(count)}",
                  parameters)


def _range(values: list[str]) -> list:
    """The least and the greatest of `values`: a range DuckDB can skip a table's row groups by."""
    return [min(values), max(values)] if values else [None, None]


def category_counts(connection, doc_ids: list[str]) -> dict[str, dict[str, int]]:
    """doc_id -> category -> how many figures, of the documents `doc_ids`."""
    counts: dict[str, dict[str, int]] = {}
    for doc_id, category, n in connection.execute(
            "SELECT doc_id, category, count(*) FROM quantities WHERE doc_id BETWEEN ? AND ? "
            "AND doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL", [*_range(doc_ids), list(doc_ids)]).fetchall():
        counts.setdefault(doc_id, {})[category] = n
    return counts


def read_quantities(connection, doc_ids: list[str]) -> list[dict]:
    """The figures of the documents `doc_ids`, by document and position. `sentence` is read
    only for documents whose text is not published (a published text's figures are shown in it)."""
    columns = [c for c in QUANTITY_COLUMNS if c != "sentence"]
    rows = _dicts(connection, f"""
        WITH batch AS (SELECT unnest($1::VARCHAR[]) AS doc_id)
        SELECT {_select(columns, 'q')},
               CASE WHEN p.doc_id IS NULL THEN q.sentence END AS sentence
        FROM quantities q
        LEFT JOIN (SELECT t.doc_id FROM texts t JOIN documents d USING (doc_id)
                   WHERE d.full_text AND t.doc_id BETWEEN $2 AND $3 AND t.doc_id IN (SELECT doc_id FROM batch)) p
          ON p.doc_id = q.doc_id
        WHERE q.doc_id BETWEEN $2 AND $3 AND q.doc_id IN (SELECT doc_id FROM batch)""", [list(doc_ids), *_range(doc_ids)])
    return sorted(rows, key=lambda q: (q["doc_id"], q["start"], -q["end"], q["quantity_id"]))


def published_texts(connection, doc_ids: list[str]) -> dict[str, str]:
    """The whole text of each of the documents `doc_ids` whose text is published."""
    rows = connection.execute(
        "SELECT t.doc_id, t.text FROM texts t JOIN documents d USING (doc_id) WHERE d.full_text "
        "AND t.doc_id BETWEEN ? AND ? AND t.doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [*_range(doc_ids), list(doc_ids)]).fetchall()
    return dict(sorted(rows))


def _has_claims(connection) -> bool:
    return _table_exists(connection, "claims") and _table_exists(connection, "claim_quantities")


def ordered_claims_sql() -> str:
    """The claims in the order their pages show them, each with its `_position` (from 0): the
    claims stated by the most documents first, in each category; then by subject."""
    rank = " ".join(f"WHEN '{c.replace(chr(39), chr(39) * 2)}' THEN {i}" for i, c in enumerate(CATEGORIES))
    return (f"SELECT {_select(CLAIM_COLUMNS)}, row_number() OVER (ORDER BY CASE category {rank} "
            f"ELSE {len(CATEGORIES)} END, coalesce(category, ''), coalesce(documents, 0) DESC, "
            f"coalesce(quantities, 0) DESC, coalesce(subject, ''), claim_id) - 1 AS _position FROM claims")


@dataclass
class ClaimIndex:
    """Where the claim of each of some figures is: quantity_id -> its claim (`claim_id`,
    `subject` and `_position`, its place in the claims' pages)."""

    of_quantity: dict[str, dict] = field(default_factory=dict)

    def page_of(self, claim: dict) -> int:
        return claim["_position"] // CLAIMS_PAGE_SIZE + 1

    def href(self, claim: dict, prefix: str = "../") -> str:
        return f"{prefix}claims/{self.page_of(claim)}.html#{claim_anchor(claim['claim_id'])}"


def _claim_links(connection, quantity_ids: list[str]) -> ClaimIndex:
    if not quantity_ids:
        return ClaimIndex()
    # A figure is in one claim at most (claim_quantities' key); were it in more, the last by claim_id.
    rows = _dicts(connection, f"""
        SELECT cq.quantity_id, c.claim_id, c.subject, c._position
        FROM claim_quantities cq JOIN ({ordered_claims_sql()}) c ON c.claim_id = cq.claim_id
        WHERE cq.quantity_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY cq.quantity_id, c.claim_id, c._position""", [list(quantity_ids)])
    return ClaimIndex({r["quantity_id"]: r for r in rows})


def read_claims(connection, quantity_ids) -> ClaimIndex:
    """The claims of the figures `quantity_ids` (none where the tables hold no claims)."""
    if not _has_claims(connection):
        return ClaimIndex()
    return _claim_links(connection, sorted(set(quantity_ids)))


@dataclass
class ClaimMembers:
    """A claim's members as its section shows them: the first CLAIM_MEMBERS_SHOWN, how many it
    has, and the least and greatest finite bound of them all (the number line's extent)."""

    shown: list[dict] = field(default_factory=list)
    total: int = 0
    extent: tuple[float, float] | None = None


def read_claim_members(connection, claim_ids: list[str], shown: int) -> dict[str, ClaimMembers]:
    """claim_id -> the members of the claims `claim_ids`: by date (undated last), document and
    position; at most `shown` of each.

    Nothing is held of all the members of a claim: DuckDB counts them and keeps, as it reads
    them, the `shown` first (date, document) of each (arg_min's n); the members up to the last
    of those are then read, the figures' positions and texts looked up for them alone, and put
    in order here."""
    if not claim_ids:
        return {}
    document = "{'undated': d.published IS NULL, 'published': d.published, 'doc_id': coalesce(cq.doc_id, '')}"
    # The claims as a joined list (not a filter, whose selectivity DuckDB would guess and then
    # hash the members rather than the documents' dates).
    members = ("(SELECT unnest($1::VARCHAR[]) AS claim_id) page JOIN claim_quantities cq ON cq.claim_id = page.claim_id "
               "LEFT JOIN (SELECT doc_id, published FROM documents) d ON d.doc_id = cq.doc_id")
    finite = ", ".join(f"{agg}(CASE WHEN isfinite(cq.{end}) THEN cq.{end} END) AS _{agg}_{end}"
                       for agg in ("min", "max") for end in ("low", "high"))
    rows = _dicts(connection, f"""
        WITH k AS (SELECT cq.claim_id, count(*) AS _total, {finite}, list_max(arg_min({document}, {document}, $2)) AS _last
                   FROM {members} GROUP BY cq.claim_id)
        SELECT cq.quantity_id, cq.claim_id, cq.doc_id, cq.source, cq.low, cq.high, cq.agrees, d.published,
               d.doc_id IS NOT NULL AS listed, k.* EXCLUDE (claim_id, _last)
        FROM {members} JOIN k ON k.claim_id = cq.claim_id
        WHERE {document} <= k._last""", [list(claim_ids), shown])
    figures = {q: (start, text) for q, start, text in connection.execute(
        "SELECT quantity_id, start, text FROM quantities WHERE quantity_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({r["quantity_id"] for r in rows})]).fetchall()}
    result: dict[str, ClaimMembers] = {}
    for row in rows:
        row["start"], row["text"] = figures.get(row["quantity_id"], (None, None))
        members_ = result.get(row["claim_id"])
        if members_ is None:
            values = [row[f"_{a}_{e}"] for a in ("min", "max") for e in ("low", "high") if row[f"_{a}_{e}"] is not None]
            members_ = result[row["claim_id"]] = ClaimMembers(
                total=row["_total"], extent=(min(values), max(values)) if values else None)
        members_.shown.append(row)
    titles = {d: (t, o) for d, t, o in connection.execute(
        "SELECT doc_id, title, outlet FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({r["doc_id"] for r in rows if r["doc_id"] is not None})]).fetchall()}
    for members_ in result.values():
        members_.shown.sort(key=lambda m: (m["published"] is None, m["published"] or 0, m["doc_id"] or "",
                                           m["start"] if m["start"] is not None else -1, m["quantity_id"]))
        del members_.shown[shown:]
        for m in members_.shown:
            m["title"], m["outlet"] = titles.get(m["doc_id"], (None, None))
    return result


# ---------------------------------------------------------------------------------------------
# A document's text with its figures: segments (the whole text, or joined sentences) and, in
# each, the figures laid out as nested marks.

@dataclass
class Segment:
    start: int  # where the segment starts in the stored text
    text: str
    quantities: list[dict] = field(default_factory=list)


def segments(quantities: list[dict], text: str | None) -> list[Segment]:
    """What a page shows of a document: its whole `text`, or, where that is not published,
    its figures' sentences, those that overlap or touch joined into one excerpt (where they
    agree on the characters they share), in order of position. Each figure is in the
    segment of its own sentence."""
    if text is not None:
        return [Segment(0, text, list(quantities))]
    pieces = sorted({(q["sentence_start"], q["sentence"]) for q in quantities})
    result: list[Segment] = []
    home: dict[tuple[int, str], Segment] = {}
    for start, sentence in pieces:
        last = result[-1] if result else None
        if last is not None and start <= last.start + len(last.text):
            shared_end = min(last.start + len(last.text), start + len(sentence))
            if last.text[start - last.start:shared_end - last.start] == sentence[:shared_end - start]:
                if start + len(sentence) > last.start + len(last.text):
                    last.text += sentence[last.start + len(last.text) - start:]
                home[(start, sentence)] = last
                continue
        segment = Segment(start, sentence)
        result.append(segment)
        home[(start, sentence)] = segment
    for q in quantities:
        home[(q["sentence_start"], q["sentence"])].quantities.append(q)
    return result


@dataclass
class Placed:
    quantity: dict
    start: int  # in the segment
    end: int
    parent: str | None = None  # quantity_id of the figure it is nested in


def layout(segment: Segment) -> tuple[list[Placed], list[tuple[dict, str]]]:
    """The figures of a segment that are highlighted, and the others with the reason why.

    Figures are taken in order of start (the longer first): a figure inside the one open is
    nested in it; one that crosses the end of the one open is not highlighted (it is listed
    in the page's table of figures), nor is one whose text is not at its offsets."""
    placed, skipped, stack = [], [], []
    order = sorted(segment.quantities, key=lambda q: (q["start"], -q["end"], q["quantity_id"]))
    for q in order:
        start, end = q["start"] - segment.start, q["end"] - segment.start
        if not (0 <= start < end <= len(segment.text)) or segment.text[start:end] != q["text"]:
            skipped.append((q, "its text is not at its offsets in what is published"))
            continue
        while stack and stack[-1].end <= start:
            stack.pop()
        if stack and end > stack[-1].end:
            skipped.append((q, f"overlaps “{stack[-1].quantity['text']}”"))
            continue
        item = Placed(q, start, end, stack[-1].quantity["quantity_id"] if stack else None)
        placed.append(item)
        stack.append(item)
    return placed, skipped


def render_segment(segment: Segment, placed: list[Placed], open_tag) -> str:
    """The segment's text as HTML with a `<mark>` (from `open_tag(quantity)`) around each
    placed figure, nested as `layout` placed them."""
    out, position, stack = [], 0, []
    text = segment.text
    for item in placed:  # in layout's order: by start, the outer first
        while stack and stack[-1].end <= item.start:
            top = stack.pop()
            out.append(esc(text[position:top.end]) + "</mark>")
            position = top.end
        out.append(esc(text[position:item.start]) + open_tag(item.quantity))
        position = item.start
        stack.append(item)
    while stack:
        top = stack.pop()
        out.append(esc(text[position:top.end]) + "</mark>")
        position = top.end
    out.append(esc(text[position:]))
    return "".join(out)


MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_markdown(document: dict) -> bool:
    """Whether a document's text is Markdown: its file's name says so (`corpus/whitehouse/*.md`)."""
    path = (document.get("path") or "").lower()
    return path.endswith(MARKDOWN_SUFFIXES)


def render_markdown(segment: Segment, placed: list[Placed], open_tag) -> tuple[str, list[tuple[dict, str]]] | None:
    """A whole Markdown text as HTML with its placed figures' marks (extractors/views/markdown.py
    says how they combine), and the figures it could not place with the reason; None where the
    text cannot be rendered so (it is then shown as stored)."""
    roots = [p for p in placed if p.parent is None]

    def marked(i: int) -> str:
        root = roots[i]
        inside = [Placed(p.quantity, p.start - root.start, p.end - root.start, p.parent) for p in placed
                  if root.start <= p.start and p.end <= root.end]
        return render_segment(Segment(0, segment.text[root.start:root.end]), inside, open_tag)

    done = markdown.render(segment.text, [(r.start, r.end) for r in roots], marked)
    if done is None:
        return None
    html_, lost = done
    unplaced = [(p.quantity, "in Markdown the page does not show as text (a link’s address or title)")
                for i in lost for p in placed if roots[i].start <= p.start and p.end <= roots[i].end]
    return html_, unplaced


# ---------------------------------------------------------------------------------------------
# Pages.

def page(title: str, body: str, depth: int, kind: str, attributes: str = "") -> str:
    prefix = "../" * depth
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · newsfigures</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{prefix}site.css">
<script src="{prefix}site.js" defer></script>
</head>
<body data-page="{kind}"{attributes}>
<header class="top"><nav><a class="brand" href="{prefix}index.html">newsfigures</a> <a href="{prefix}index.html">Documents</a> <a href="{prefix}search.html">Search</a> <a href="{prefix}category/index.html">Categories</a> <a href="{prefix}charts.html">Charts</a> <a href="{prefix}claims/1.html">Claims</a> <a href="{prefix}data.html">Data</a></nav></header>
<main>
{body}
</main>
</body>
</html>
"""


def _category_badges(counts: dict[str, int]) -> str:
    return " ".join(f'<span class="badge cat-{css_name(c)}">{esc(c)} {counts[c]}</span>'
                    for c in _ordered_categories(counts))


def _ordered_categories(names) -> list[str]:
    return sorted(names, key=lambda c: (CATEGORIES.index(c) if c in CATEGORIES else len(CATEGORIES), c))


def _pages_nav(current: int, total: int, name) -> str:
    if total <= 1:
        return ""
    links = []
    for n in range(1, total + 1):
        if n == current:
            links.append(f'<span aria-current="page">{n}</span>')
        else:
            links.append(f'<a href="{name(n)}">{n}</a>')
    return f'<nav class="pages" aria-label="pages">Page {" ".join(links)}</nav>'


def _index_name(n: int) -> str:
    return "index.html" if n == 1 else f"index-{n}.html"


def index_row(document: dict, counts: dict[str, int]) -> list:
    """A document as a row of the index's data (index/rows-N.js): what site.js shows and filters."""
    return [doc_file(document["doc_id"]), iso_date(document["published"]),
            document["outlet"] or "", document["title"] or "", document["doc_id"],
            1 if document["full_text"] else 0,
            [[c, counts[c]] for c in _ordered_categories(counts)]]


@dataclass
class IndexFacts:
    """What every page of the index shows: the package's totals and the filters' options."""

    documents: int
    figures: int
    claims: int
    outlets: list[str]
    categories: list[str]

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.documents / PAGE_SIZE))


def index_facts(connection, claims: int) -> IndexFacts:
    (documents,), (figures,) = (connection.execute(sql).fetchone() for sql in (
        "SELECT count(*) FROM documents", "SELECT count(*) FROM quantities WHERE doc_id IS NOT NULL"))
    outlets = sorted(o for (o,) in connection.execute(
        "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL AND outlet <> ''").fetchall())
    categories = {c for (c,) in connection.execute(
        "SELECT DISTINCT category FROM quantities WHERE doc_id IS NOT NULL").fetchall()}
    return IndexFacts(documents, figures, claims, outlets, _ordered_categories(categories | set(CATEGORIES)))


def index_page(n: int, facts: IndexFacts, documents: list[tuple[dict, dict[str, int]]]) -> tuple[str, str]:
    """Page `n` of the index, of `documents` (each with its figures by category, in the index's
    order), as its HTML and its data (index/rows-N.js)."""
    total = facts.pages
    options_outlet = ['<option value="all">every outlet</option>', '<option value="none">(no outlet)</option>']
    options_outlet += [f'<option value="o:{esc(o)}">{esc(o)}</option>' for o in facts.outlets]
    options_category = ['<option value="all">every category</option>']
    options_category += [f'<option value="{esc(c)}">{esc(c)}</option>' for c in facts.categories]
    rows = []
    data = []
    for d, per in documents:
        row = index_row(d, per)
        data.append(row)
        title = d["title"] or d["doc_id"]
        excerpt = "" if d["full_text"] else ' <span class="note">sentences only</span>'
        rows.append(
            f'<tr><td class="date">{esc(row[1])}</td><td>{esc(d["outlet"] or "")}</td>'
            f'<td><a href="doc/{esc(row[0])}.html">{esc(title)}</a>{excerpt}'
            f'<br><span class="docid">{esc(d["doc_id"])}</span></td>'
            f'<td class="num">{sum(per.values())}</td><td class="counts">{_category_badges(per)}</td></tr>')
    nav = _pages_nav(n, total, _index_name)
    body = f"""<h1>Documents</h1>
<p class="summary">{facts.documents:,} documents, {facts.figures:,} figures, {facts.claims:,} claims; newest first, {PAGE_SIZE} a page. To find figures by what they say, <a href="search.html">search the figures</a>.</p>
<div id="filters" class="filters" role="search" hidden>
<label>Filter <input id="f-text" type="search" placeholder="title, outlet, id, date" autocomplete="off"></label>
<label>Outlet <select id="f-outlet">{''.join(options_outlet)}</select></label>
<label>Category <select id="f-category">{''.join(options_category)}</select></label>
<output id="f-count" aria-live="polite"></output>
</div>
{nav}
<table id="documents" class="documents">
<thead><tr><th>Published</th><th>Outlet</th><th>Title</th><th>Figures</th><th>By category</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
{nav}"""
    html_ = page("Documents" if n == 1 else f"Documents, page {n}", body, 0, "index",
                 f' data-pages="{total}" data-page-number="{n}"')
    return html_, f"NF.addRows({n}, " + json.dumps(data, ensure_ascii=True, separators=(",", ":")) + ");\n"


def tip(q: dict, claim: dict | None) -> str:
    """A figure's details, as its tooltip shows them (plain text, one line each)."""
    lines = [f"{q['text']}", f"{q['category']}{' / ' + q['measure'] if q['measure'] else ''} · {q['dimension']}"]
    stated = f"value {number(q['value'])}" if q["value"] is not None else "no single value"
    lines.append(f"{q['qualifier']}: {stated}; bounds {bounds(q['low'], q['high'])} ({q['unit']})")
    lines.append(f"normalized: {normalized(q)} {q['normalized_unit']}")
    if q["subject"]:
        lines.append(f"subject: {q['subject']}")
    if q["donor"] or q["recipient"] or q["aid_kind"] or q["stage"]:
        aid = " → ".join(x for x in (q["donor"], q["recipient"]) if x)
        lines.append("aid: " + ", ".join(x for x in (aid, q["aid_kind"], q["stage"]) if x))
    if q["attributed_to"]:
        kind = f" ({q['attribution_kind']})" if q["attribution_kind"] else ""
        lines.append(f"attributed to: {q['attributed_to']}{kind}")
    else:
        lines.append("attributed to: no one named")
    lines.append(f"rule: {q['rule']}")
    if claim is not None:
        lines.append(f"claim: {claim['subject']} ({claim['claim_id']}); click or Enter opens it")
    return "\n".join(line.replace("\r", " ") for line in lines)


def _excerpt_class(segment: Segment, document: dict) -> str:
    """`excerpt`, with `first` where it starts the text and `last` where it ends it (no `…` there)."""
    classes = ["excerpt"]
    if segment.start == 0:
        classes.append("first")
    if document.get("characters") is not None and segment.start + len(segment.text) >= document["characters"]:
        classes.append("last")
    return " ".join(classes)


def document_page(document: dict, quantities: list[dict], text: str | None, claims: ClaimIndex) -> str:
    doc_id = document["doc_id"]
    parts = segments(quantities, text)
    placed_ids, skipped = set(), []
    html_parts = []

    def open_tag(q: dict) -> str:
        claim = claims.of_quantity.get(q["quantity_id"])
        # The figure is its id (mark_id: its offsets) and its category its class; the rest is its tip.
        attributes = [f'id="{mark_id(q["quantity_id"], doc_id)}"', f'class="fig cat-{css_name(q["category"])}"',
                      'tabindex="0"', f'data-tip="{esc(tip(q, claim))}"']
        if claim is not None:
            attributes.append(f'data-claim="{esc(claims.href(claim))}"')
        return f"<mark {' '.join(attributes)}>"

    rendered = text is not None and is_markdown(document)
    for segment in parts:
        placed, left = layout(segment)
        skipped.extend(left)
        shown = render_markdown(segment, placed, open_tag) if rendered else None
        if shown is None:
            rendered = False
            shown = render_segment(segment, placed, open_tag), []
        html_, unplaced = shown
        skipped.extend(unplaced)
        gone = {q["quantity_id"] for q, _ in unplaced}
        placed_ids.update(p.quantity["quantity_id"] for p in placed if p.quantity["quantity_id"] not in gone)
        html_parts.append(html_)
    reasons = {q["quantity_id"]: why for q, why in skipped}
    counts: dict[str, int] = {}
    for q in quantities:
        counts[q["category"]] = counts.get(q["category"], 0) + 1

    title = document["title"] or doc_id
    meta = [("Outlet", esc(document["outlet"] or "unknown")),
            ("Published", esc(iso_date(document["published"]) or "unknown"))]
    link = web_link(document["url"])
    if link:
        meta.append(("URL", f'<a href="{esc(link)}" rel="noopener noreferrer nofollow">{esc(document["url"])}</a>'))
    elif document["url"]:
        meta.append(("URL", f'<span class="unlinked">{esc(document["url"])}</span>'))
    meta += [("Document", f'<code>{esc(doc_id)}</code>'), ("Language", esc(document["language"]))]
    for label, key in (("Section", "section"), ("Rights", "rights"), ("Provenance", "notes")):
        if document[key]:
            meta.append((label, esc(document[key])))
    dl = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in meta)
    language = esc(document["language"] or "en")
    if text is not None:
        if rendered:
            shown = f'<div class="text markdown" lang="{language}">{html_parts[0]}</div>'
            notice = ('<p class="notice">The whole text, as published in the package’s <code>texts</code> table, '
                      'its Markdown rendered; each highlight holds the stored characters at its figure’s offsets.</p>')
        else:
            shown = f'<div class="text" lang="{language}">{html_parts[0]}</div>'
            notice = '<p class="notice">The whole text, as published in the package’s <code>texts</code> table.</p>'
    else:
        shown = "\n".join(f'<p class="{_excerpt_class(s, document)}" lang="{language}" data-start="{s.start}">{h}</p>'
                          for s, h in zip(parts, html_parts)) or '<p class="notice">No figures.</p>'
        notice = ('<p class="notice">The package does not publish this document’s text: only the sentences of '
                  'its figures are shown, as the <code>quantities</code> table holds them.</p>')
    legend = _category_badges(counts)
    rows = []
    for number_, q in enumerate(quantities, 1):
        qid = mark_id(q["quantity_id"], doc_id)
        claim = claims.of_quantity.get(q["quantity_id"])
        if q["quantity_id"] in placed_ids:
            row, figure = f'<tr id="f-{qid[2:]}">', f'<a href="#{qid}">{esc(q["text"])}</a>'
        else:  # the row stands for the figure: a link to it lands here, and focuses it
            row = f'<tr id="{qid}" tabindex="-1">'
            figure = f'{esc(q["text"])} <span class="note">not highlighted: {esc(reasons.get(q["quantity_id"], ""))}</span>'
        attribution = esc(q["attributed_to"] or "")
        if q["attribution_kind"]:
            attribution += f' <span class="note">{esc(q["attribution_kind"])}</span>'
        claim_cell = (f'<a href="{esc(claims.href(claim))}">{esc(claim["subject"])}</a>' if claim is not None else "")
        rows.append(  # the numbers' cells (#, Stated, Normalized) are right-aligned by the CSS, by column
            f'{row}<td>{number_}</td><td>{figure}</td>'
            f'<td><span class="badge cat-{css_name(q["category"])}">{esc(q["category"])}</span>'
            f'{" " + esc(q["measure"]) if q["measure"] else ""}</td><td>{esc(q["qualifier"])}</td>'
            f'<td>{esc(stated(q))}</td><td>{esc(normalized(q))} {esc(q["normalized_unit"])}</td>'
            f'<td>{esc(q["subject"] or "")}</td><td>{attribution}</td><td><code>{esc(q["rule"])}</code></td>'
            f'<td>{claim_cell}</td></tr>')
    table = (f"""<div class="scroll"><table class="figures">
<thead><tr><th>#</th><th>Figure</th><th>Category</th><th>Qualifier</th><th>Stated</th><th>Normalized</th><th>Subject</th><th>Attributed to</th><th>Rule</th><th>Claim</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table></div>""" if rows else '<p class="notice">No figures.</p>')
    body = f"""<article>
<h1>{esc(title)}</h1>
<dl class="meta">
{dl}
</dl>
<p class="legend">{legend or "No figures."}</p>
{notice}
{shown}
</article>
<h2 id="figures">Figures</h2>
{table}"""
    return page(title, body, 1, "document")


def _fmt(x: float) -> str:
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def claim_svg(claim: dict, members: list[dict], total: int | None = None,
              extent: tuple[float, float] | None = None, compared: bool = True) -> str:
    """The members' bounds on one number line: a row each (a dot for one value, a bar for an
    interval, an arrow for an unbounded end), the consensus band behind them. Where `members`
    are the first of `total`, a last row says how many more there are, and the line spans
    `extent` (the least and greatest finite bound of them all) rather than the shown ones'."""
    more = total - len(members) if total is not None and total > len(members) else 0
    if more:
        values = [v for v in (extent or ()) if math.isfinite(v)]
    else:
        values = [v for m in members for v in (m["low"], m["high"]) if v is not None and math.isfinite(v)]
    values += [v for v in (claim["consensus_low"], claim["consensus_high"]) if v is not None and math.isfinite(v)]
    width, left, right, row, top = 520, 28, 12, 16, 8
    lines = max(1, len(members)) + (1 if more else 0)
    height = top + row * lines + 26
    if not values:
        lo, hi = 0.0, 1.0
    else:
        lo, hi = min(values), max(values)
    logarithmic = lo > 0 and hi / lo >= 100
    if logarithmic:
        a, b = math.log10(lo), math.log10(hi)
    else:
        a, b = lo, hi
    if a == b:
        a, b = a - (abs(a) * 0.1 or 1), b + (abs(b) * 0.1 or 1)
    pad = (b - a) * 0.06
    a, b = a - pad, b + pad
    span = width - left - right

    def x(v: float) -> float:  # an unbounded or non-finite end at the edge of the line
        if math.isnan(v) or v == -math.inf or (logarithmic and v <= 0):
            return float(left)
        if v == math.inf:
            return float(width - right)
        u = math.log10(v) if logarithmic else v
        return min(max(left + (u - a) / (b - a) * span, left), width - right)

    x0, x1 = left, width - right
    parts = [f'<svg class="numberline" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" aria-label="{esc(f"bounds of the first {len(members):,} of the {total:,} figures on a number line" if more else f"bounds of the {len(members)} figures on a number line")}">']
    c_lo, c_hi = claim["consensus_low"], claim["consensus_high"]
    if c_lo is not None or c_hi is not None:
        bx0 = x(c_lo) if c_lo is not None else x0
        bx1 = x(c_hi) if c_hi is not None else x1
        parts.append(f'<rect class="consensus" x="{_fmt(bx0)}" y="{top - 4}" width="{_fmt(max(bx1 - bx0, 2))}" '
                     f'height="{row * max(1, len(members)) + 4}"><title>consensus {esc(bounds(c_lo, c_hi))}</title></rect>')
    for i, m in enumerate(members):
        y = top + row * i + row / 2
        kind = _member_class(m, compared)
        parts.append(f'<text class="rowlabel" x="{left - 6}" y="{_fmt(y + 4)}" text-anchor="end">{i + 1}</text>')
        label = f"{m['source']}: {m['text'] or ''} ({bounds(m['low'], m['high'])})"
        low, high = m["low"], m["high"]
        shape = [f'<g class="member {kind}"><title>{esc(label)}</title>']
        if low is not None and high is not None and x(high) - x(low) < 1:
            shape.append(f'<circle cx="{_fmt(x(low))}" cy="{_fmt(y)}" r="4"/>')
        else:
            sx = x(low) if low is not None else x0 + 6
            ex = x(high) if high is not None else x1 - 6
            shape.append(f'<line x1="{_fmt(sx)}" y1="{_fmt(y)}" x2="{_fmt(ex)}" y2="{_fmt(y)}"/>')
            if low is None:
                shape.append(f'<polygon points="{x0},{_fmt(y)} {x0 + 7},{_fmt(y - 4)} {x0 + 7},{_fmt(y + 4)}"/>')
            else:
                shape.append(f'<line class="end" x1="{_fmt(sx)}" y1="{_fmt(y - 4)}" x2="{_fmt(sx)}" y2="{_fmt(y + 4)}"/>')
            if high is None:
                shape.append(f'<polygon points="{x1},{_fmt(y)} {x1 - 7},{_fmt(y - 4)} {x1 - 7},{_fmt(y + 4)}"/>')
            else:
                shape.append(f'<line class="end" x1="{_fmt(ex)}" y1="{_fmt(y - 4)}" x2="{_fmt(ex)}" y2="{_fmt(y + 4)}"/>')
        shape.append("</g>")
        parts.append("".join(shape))
    if more:
        parts.append(f'<text class="more" x="{left}" y="{_fmt(top + row * len(members) + row / 2 + 4)}">'
                     f'and {more:,} more</text>')
    axis = top + row * lines + 4
    parts.append(f'<line class="axis" x1="{x0}" y1="{axis}" x2="{x1}" y2="{axis}"/>')
    if values:
        ticks = sorted({lo, hi} | ({c for c in (c_lo, c_hi) if c is not None and math.isfinite(c)}))
        placed_at: list[float] = []
        for t in ticks:
            tx = x(t)
            if any(abs(tx - p) < 60 for p in placed_at):
                continue
            placed_at.append(tx)
            anchor = "start" if tx < x0 + 30 else "end" if tx > x1 - 30 else "middle"
            parts.append(f'<line class="tick" x1="{_fmt(tx)}" y1="{axis}" x2="{_fmt(tx)}" y2="{axis + 4}"/>'
                         f'<text class="ticklabel" x="{_fmt(tx)}" y="{axis + 16}" text-anchor="{anchor}">{esc(axis_label(t, claim.get("normalized_unit")))}</text>')
    if logarithmic:
        parts.append(f'<text class="ticklabel" x="{x1}" y="{top - 0}" text-anchor="end">log scale</text>')
    parts.append("</svg>")
    return "".join(parts)


def agreement_shown(claim: dict) -> bool:
    """Whether a claim's page says that its sources agree or disagree: only where two sources or
    more state it (one source's figures, however many, are not an agreement)."""
    return (claim.get("sources") or 0) >= 2


def _member_class(member: dict, compared: bool) -> str:
    return ("agrees" if member["agrees"] else "disagrees") if compared else "single"


def claim_section(claim: dict, members: ClaimMembers) -> str:
    """A claim as its page shows it: its facts, its members' bounds on a number line and a
    table of its members, each a link to its figure (the first CLAIM_MEMBERS_SHOWN of them)."""
    compared = agreement_shown(claim)
    rows = []
    for i, m in enumerate(members.shown, 1):
        doc_id = m["doc_id"]
        document = esc(m["title"] or doc_id or "")
        if doc_id is not None and m["listed"]:
            base = f"../doc/{doc_file(doc_id)}.html"
            document = f'<a href="{esc(base)}">{document}</a>'
            figure = (f'<a class="member" href="{esc(base)}#{mark_id(m["quantity_id"], doc_id)}">'
                      f'{esc(m["text"])}</a>' if m["text"] is not None else esc(m["quantity_id"]))
        else:
            figure = esc(m["text"] if m["text"] is not None else m["quantity_id"])
        date = iso_date(m["published"])
        agrees = ("yes" if m["agrees"] else "no") if compared else "—"
        rows.append(f'<tr class="{_member_class(m, compared)}"><td class="num" data-label="#">{i}</td>'
                    f'<td data-label="Source">{esc(m["source"])}</td><td data-label="Document">{document}<br>'
                    f'<span class="docid">{esc(date)}</span></td>'
                    f'<td data-label="Figure">{figure}</td><td class="num" data-label="Bounds">{esc(bounds(m["low"], m["high"]))}</td>'
                    f'<td data-label="Agrees">{agrees}</td></tr>')
    more = members.total - len(members.shown)
    if more > 0:
        rows.append(f'<tr class="more"><td class="note" colspan="6">and {more:,} more figure{"s" if more != 1 else ""}, '
                    f'not listed here: the package’s <code>claim_quantities</code> table holds every one</td></tr>')
    what = ", ".join(esc(v) for v in (claim["category"], claim["measure"], claim["normalized_unit"],
                                      claim["period"]) if v)
    dates = " – ".join(sorted({iso_date(d) for d in (claim["first_published"], claim["last_published"]) if d}))
    consensus = (bounds(claim["consensus_low"], claim["consensus_high"])
                 if claim["consensus_low"] is not None or claim["consensus_high"] is not None else "none")
    if not compared:
        verdict = '<span class="agree one">one source: nothing to compare it with</span>'
    elif claim["agree"]:
        verdict = '<span class="agree yes">the sources agree</span>'
    else:
        verdict = '<span class="agree no">the sources disagree</span>'
    disagreeing = (f'; outside the agreeing set: {esc(claim["disagreeing_sources"])}'
                   if claim["disagreeing_sources"] else "")
    return f"""<section class="claim" id="{claim_anchor(claim['claim_id'])}">
<h2>{esc(claim["subject"])}</h2>
<p class="claimfacts">{what} · {claim["documents"]} document{"s" if claim["documents"] != 1 else ""}, {claim["sources"]} source{"s" if claim["sources"] != 1 else ""}, {claim["quantities"]} figure{"s" if claim["quantities"] != 1 else ""}{" · " + esc(dates) if dates else ""}<br>{verdict}; consensus {esc(consensus)}{disagreeing} <code class="docid">{esc(claim["claim_id"])}</code></p>
<div class="claimbody">
{claim_svg(claim, members.shown, members.total, members.extent, compared)}
<table class="members stack">
<thead><tr><th>#</th><th>Source</th><th>Document</th><th>Figure</th><th>Bounds</th><th>Agrees</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</div>
</section>"""


def claims_page(n: int, total_claims: int, sections: list[str]) -> str:
    """Page `n` of the claims, of the claims' `sections`."""
    nav = _pages_nav(n, max(1, math.ceil(total_claims / CLAIMS_PAGE_SIZE)), lambda k: f"{k}.html")
    body = (f'<h1>Claims</h1>\n<p class="summary">{total_claims:,} claims: the same fact as each source states it, '
            f'its figures’ bounds on a number line (the shaded band is where they all agree). '
            f'{CLAIMS_PAGE_SIZE} a page.</p>\n{nav}\n'
            + ("\n".join(sections) or '<p class="notice">No claims in this package.</p>') + f"\n{nav}")
    return page("Claims" if n == 1 else f"Claims, page {n}", body, 1, "claims")


# ---------------------------------------------------------------------------------------------
# Finding figures: the search, a page per category, the charts, the data and its columns.

def search_page(facts: search.SearchFacts) -> str:
    """search.html: a box and selects whose results site.js draws from search/*.js."""
    selects = []
    for column, options in facts.facets.items():
        label = {"category": "Category", "conflict": "Conflict"}.get(column, column)
        choices = [f'<option value="">every {esc(column)}</option>'] + [
            f'<option value="{esc(word)}">{esc(value)} ({n:,})</option>' for word, value, n in options]
        selects.append(f'<label>{esc(label)} <select id="s-{esc(column)}" data-facet="{esc(column)}">'
                       f'{"".join(choices)}</select></label>')
    searched = ", ".join(["its text", "subject", "donor, recipient and who it is attributed to", "category",
                          "measure", *facts.optional, "the sentence around it"])
    body = f"""<h1>Search the figures</h1>
<p class="summary">{facts.figures:,} figures, each found by the words of {esc(searched)}; newest first. A word finds the words it begins (“HIMAR” finds HIMARS; “2,000” is 2000); every word must be found.</p>
<div id="search" class="filters" role="search" hidden>
<label>Find <input id="s-text" type="search" placeholder="HIMARS, Patriot, killed, Kyiv" autocomplete="off" spellcheck="false"></label>
{chr(10).join(selects)}
<output id="s-count" aria-live="polite"></output>
</div>
<noscript><p class="notice">The search needs site.js; the categories’ pages list every figure without it.</p></noscript>
<ol id="results" class="results"></ol>
<p><button id="s-more" type="button" hidden>Show more</button></p>"""
    return page("Search", body, 0, "search",
                f' data-figures="{facts.figures}" data-shards="{facts.shards}" data-block="{search.ROWS_BLOCK}"'
                f' data-columns="{esc(",".join(facts.optional))}"')


CATEGORY_PAGE_SIZE = 2000  # figures a page of a category: most categories' all on one page
# A category's figures as its pages list them: newest first (site.js sorts a page by a column).
CATEGORY_ORDER = "d.published DESC NULLS LAST, q.doc_id, q.start, q.quantity_id"


def category_file(category: str, n: int = 1) -> str:
    """A category's page `n` (in category/)."""
    return f"{css_name(category)}{'' if n == 1 else f'-{n}'}.html"


def category_rows(connection, category: str, optional: list[str]):
    """The figures of a category, newest first, as a stream of lists of dicts (DuckDB sorts)."""
    extra = "".join(f', q."{c}"' for c in optional)
    result = connection.execute(f"""
        SELECT q.quantity_id, q.doc_id, q.text, q.measure, q.normalized_value, q.normalized_low, q.normalized_high,
               q.normalized_unit, q.subject, q.donor, q.recipient, q.attributed_to{extra}, d.published, d.title
        FROM quantities q JOIN documents d ON d.doc_id = q.doc_id
        WHERE q.category = ? ORDER BY {CATEGORY_ORDER}""", [category])
    names = [d[0] for d in result.description]
    while chunk := result.fetchmany(CATEGORY_PAGE_SIZE):
        yield [dict(zip(names, row)) for row in chunk]


def sort_value(q: dict) -> str:
    """What site.js sorts a figure by when sorted by value (its `data-v`): its normalized value,
    else its upper bound, else its lower; "" where it has none."""
    v = next((x for x in (q["normalized_value"], q["normalized_high"], q["normalized_low"]) if x is not None), None)
    if v is None or math.isnan(v):
        return ""
    return "Infinity" if v == math.inf else "-Infinity" if v == -math.inf else repr(float(v))


# A category table's columns: (label, how site.js sorts it: a date, a value, or text).
CATEGORY_COLUMNS = [("Published", "date"), ("Figure", "text"), ("Value", "value"), ("Subject", "text"),
                    ("Who", "text"), ("Attributed to", "text"), ("Document", "text")]


def category_page(category: str, n: int, total: int, rows: list[dict], optional: list[str]) -> str:
    """Page `n` of a category's figures, newest first. Sorting by a column is site.js's (a
    click on its header, or the select it shows): it sorts the rows of the page, the value
    column by each cell's `data-v` within its unit (`data-u`), the most common unit first."""
    pages = max(1, math.ceil(total / CATEGORY_PAGE_SIZE))
    written = ' aria-sort="descending"'  # the order the page is written in: newest first
    headers = "".join(f'<th data-sort="{kind}"{written if kind == "date" else ""}>{esc(label)}</th>'
                      for label, kind in [*CATEGORY_COLUMNS, *((c.capitalize(), "text") for c in optional)])
    lines = []
    for q in rows:  # the phone's labels are the CSS's (table.category), by column: none is written a row
        who = " → ".join(x for x in (q["donor"], q["recipient"]) if x) or (q["measure"] or "")
        extra = "".join(f"<td>{esc(search.place_shown(q) if c == 'place' else q.get(c) or '')}</td>" for c in optional)
        exact = f"{number(q['normalized_value'])} {q['normalized_unit'] or ''}" if q["normalized_value"] is not None \
            else f"{bounds(q['normalized_low'], q['normalized_high'])} {q['normalized_unit'] or ''}"
        value = sort_value(q)
        keys = (f' data-v="{value}"' if value else "") + (
            f' data-u="{esc(q["normalized_unit"])}"' if q["normalized_unit"] is not None else "")
        lines.append(
            f'<tr><td>{esc(iso_date(q["published"]))}</td>'
            f'<td><a href="../doc/{esc(doc_file(q["doc_id"]))}.html#{mark_id(q["quantity_id"], q["doc_id"])}">'
            f'{esc(q["text"])}</a></td><td class="num"{keys} title="{esc(exact.strip())}">'
            f'{esc(value_label(q["normalized_value"], q["normalized_low"], q["normalized_high"], q["normalized_unit"]))}</td>'
            f'<td>{esc(q["subject"] or "")}</td><td>{esc(who)}</td><td>{esc(q["attributed_to"] or "")}</td>'
            f'<td>{esc(q["title"] or q["doc_id"])}</td>{extra}</tr>')
    nav = _pages_nav(n, pages, lambda k: category_file(category, k))
    scope = (f"; it sorts this page’s {len(rows):,} figures, the pages being newest first" if pages > 1 else "")
    chart = {"aid": "charts.html#aid", "casualties": "charts.html#casualties"}.get(category)
    body = f"""<h1><span class="badge cat-{css_name(category)}">{esc(category)}</span> figures</h1>
<p class="summary">{total:,} figures of the category {esc(category)}, newest first{f", {CATEGORY_PAGE_SIZE:,} a page" if pages > 1 else ""}.{f' <a href="../{chart}">Chart over time</a>.' if chart else ''}</p>
<div id="sorts" class="filters" hidden><label>Sort by <select id="sort-by"></select></label>
<span class="note"><span class="wide">or click a column’s header; </span>values are compared within a unit, the most common unit first{scope}.</span></div>
{nav}
<table id="figures" class="category stack{" with-" + "-".join(optional) if optional else ""}">
<thead><tr>{headers}</tr></thead>
<tbody>
{chr(10).join(lines)}
</tbody>
</table>
{nav}"""
    title = f"{category} figures"
    return page(title if n == 1 else f"{title}, page {n}", body, 1, "category")


def categories_index(counts: list[tuple[str, int]]) -> str:
    rows = "\n".join(f'<tr><td><a class="badge cat-{css_name(c)}" href="{esc(category_file(c))}">{esc(c)}</a></td>'
                     f'<td class="num">{n:,}</td></tr>' for c, n in counts)
    body = f"""<h1>Categories</h1>
<p class="summary">What the figures are about. Each category’s page lists its figures, newest first, sortable by any column.</p>
<table class="categories"><thead><tr><th>Category</th><th class="num">Figures</th></tr></thead>
<tbody>
{rows}
</tbody></table>"""
    return page("Categories", body, 1, "categories")


def charts_page(drawn: list[charts.Chart]) -> str:
    body = ("<h1>Charts over time</h1>\n<p class=\"summary\">Drawn when the site was written, from the package’s "
            "tables; each bar’s title gives its month and value.</p>\n" + "\n".join(charts.figure(c) for c in drawn))
    return page("Charts", body, 0, "charts")


def _size(value) -> str:
    if value is None:
        return ""
    for scale, name in ((1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")):
        if value >= scale:
            return f"{value / scale:.1f} {name}"
    return f"{value:,} bytes"


def data_page(package: dict | None) -> str:
    """data.html: the package's files to download and its columns, from its descriptor (the one
    in the package folder, whose paths are relative to it: the site is its sub-folder)."""
    if package is None:
        body = ('<h1>Data</h1>\n<p class="notice">This site was written without its package’s descriptor: '
                'its files are listed in the package’s <code>datapackage.json</code>.</p>')
        return page("Data", body, 0, "data")
    tables = [r for r in package.get("resources", []) if isinstance(r.get("schema"), dict)]
    rows, dictionary = [], []
    for resource in tables:
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        links = " ".join(f'<a href="../{esc(p)}">{esc(p)}</a>' for p in paths)
        size = resource.get("bytes") or sum(f.get("bytes") or 0 for f in resource.get("files", [])) or None
        rows.append(f'<tr><td data-label="Table">{esc(resource["name"])}</td><td data-label="Format">{esc(resource.get("format", ""))}</td>'
                    f'<td data-label="Files">{links}</td><td class="num" data-label="Size">{esc(_size(size))}</td></tr>')
    seen = set()
    for resource in tables:
        table = resource["name"].removesuffix("-parquet")
        if table in seen:
            continue
        seen.add(table)
        fields = "\n".join(
            f'<tr><td data-label="Column"><code>{esc(f["name"])}</code></td><td data-label="Type">{esc(f.get("type", ""))}</td>'
            f'<td data-label="Meaning">{esc(f.get("description", ""))}</td></tr>' for f in resource["schema"].get("fields", []))
        description = (resource.get("description") or "").strip()
        dictionary.append(f"""<section class="columns" id="table-{esc(css_name(table))}">
<h3><code>{esc(table)}</code></h3>
<p class="note">{esc(description)}</p>
<table class="fields stack"><thead><tr><th>Column</th><th>Type</th><th>Meaning</th></tr></thead>
<tbody>
{fields}
</tbody></table>
</section>""")
    body = f"""<h1>Data</h1>
<p class="summary">{esc(package.get("title") or package.get("name") or "The package")}: a <a href="https://datapackage.org/">Frictionless Data Package</a>. Its descriptor, <a href="../datapackage.json">datapackage.json</a>, lists every file with its size and hash and every column with its type; its data card, <a href="../README.md">README.md</a>, says how it was made and how far to trust it.</p>
<h2>Files</h2>
<table class="downloads stack"><thead><tr><th>Table</th><th>Format</th><th>Files</th><th class="num">Size</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<h2>Columns</h2>
<p class="note">Generated from the tables’ schemas (<code>schema/*.json</code>, the descriptor’s <code>schema</code>).</p>
{chr(10).join(dictionary)}"""
    return page("Data", body, 0, "data")


# ---------------------------------------------------------------------------------------------

def _doc_files_held(connection, stems: list[str]) -> set[str]:
    """Which of the file stems `stems` (of doc/*.html) are the page of a document."""
    safe = [s for s in stems if SAFE_FILE.fullmatch(s) and s not in RESERVED]
    digests = [s.rpartition(".")[2] for s in stems if re.fullmatch(r".+\.[0-9a-f]{16}", s)]
    held = set()
    if safe:
        held |= {d for (d,) in connection.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [safe]).fetchall()}
    if digests:
        held |= {doc_file(d) for (d,) in connection.execute(
            "SELECT doc_id FROM documents WHERE left(sha256(doc_id), 16) IN (SELECT unnest(?::VARCHAR[]))",
            [digests]).fetchall()}
    return held & set(stems)


FOLDERS = ("doc", "claims", "index", "search", "category")  # the site's own folders


def _remove_stale(connection, out: Path, kept: set[str]) -> None:
    """Remove the files of an earlier site in `out` that this one did not write: the .html, .js
    and .css files in `out` itself and in its FOLDERS. A document's page is kept where it is a
    document's of the tables (looked up a thousand files at a time); any other file where it
    is one of `kept` (the relative paths this site wrote)."""
    pending: list[tuple[Path, str]] = []  # doc/<stem>.html, asked about together

    def flush() -> None:
        held = _doc_files_held(connection, [stem for _, stem in pending])
        for path, stem in pending:
            if stem not in held:
                path.unlink()
        pending.clear()

    def visit(folder: Path, relative: str, top: bool) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = f"{relative}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    if not top or entry.name in FOLDERS:
                        visit(Path(entry.path), f"{name}/", False)
                    continue
                if not entry.is_file() or Path(entry.name).suffix not in (".html", ".js", ".css") or name in kept:
                    continue
                if relative == "doc/" and entry.name.endswith(".html"):
                    pending.append((Path(entry.path), entry.name[:-len(".html")]))
                    if len(pending) >= 1000:
                        flush()
                else:
                    os.unlink(entry.path)
        flush()

    visit(out, "", True)


def write_site(connection, out: Path, package: dict | None = None) -> None:
    """Write the static viewer of the tables of `connection` into the folder `out`; its data
    page lists the files and columns of `package` (the descriptor of the package folder that
    holds `out`, as a dict), where it is given.

    What is in memory at a time is a page's: PAGE_SIZE documents (their rows, texts and
    figures, and their figures' claims, looked up for them), CLAIMS_PAGE_SIZE claims and
    the first CLAIM_MEMBERS_SHOWN members of each, CATEGORY_PAGE_SIZE figures of a category,
    or a file of the search's index; DuckDB sorts and counts the rest. Files of an earlier
    site in `out` that this one does not write are removed (only the kinds the site writes:
    .html, .js, .css in its own folders)."""
    out = Path(out)
    has_claims = _has_claims(connection)
    total_claims = connection.execute("SELECT count(*) FROM claims").fetchone()[0] if has_claims else 0
    facts = index_facts(connection, total_claims)
    written: set[str] = set()

    def write(relative: str, content: str | bytes) -> None:
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        if not relative.startswith("doc/"):  # a document's page is kept by looking it up, not held here
            written.add(relative)

    for name in ("site.css", "site.js"):
        write(name, (ASSETS / name).read_bytes())
    # The index, a page at a time in its order: the page and its data.
    after = None
    for n in range(1, facts.pages + 1):
        batch = next_documents(connection, INDEX_COLUMNS, after, PAGE_SIZE)
        counts = category_counts(connection, [d["doc_id"] for d in batch])
        html_, data = index_page(n, facts, [(d, counts.get(d["doc_id"], {})) for d in batch])
        write(_index_name(n), html_)
        write(f"index/rows-{n}.js", data)
        after = batch[-1] if batch else None
    # The documents' pages, DOCUMENT_BATCH documents (their texts, figures and the figures'
    # claims) in memory at a time, by doc_id (a batch's figures are a range of the table's).
    after = None
    while batch := next_documents(connection, DOCUMENT_COLUMNS, after, DOCUMENT_BATCH, by_doc_id=True):
        ids = [d["doc_id"] for d in batch]
        texts = published_texts(connection, ids)
        by_doc: dict[str, list[dict]] = {}
        for q in read_quantities(connection, ids):
            by_doc.setdefault(q["doc_id"], []).append(q)
        claims = (_claim_links(connection, [q["quantity_id"] for qs in by_doc.values() for q in qs])
                  if has_claims else ClaimIndex())
        for document in batch:
            doc_id = document["doc_id"]
            write(f"doc/{doc_file(doc_id)}.html",
                  document_page(document, by_doc.get(doc_id, []), texts.get(doc_id), claims))
        after = batch[-1]
    # The claims, a page at a time, each page's members read for it.
    claim_pages = max(1, math.ceil(total_claims / CLAIMS_PAGE_SIZE))
    for n in range(1, claim_pages + 1):
        first, last = (n - 1) * CLAIMS_PAGE_SIZE, n * CLAIMS_PAGE_SIZE
        sections = []
        if has_claims:
            claims = _dicts(connection, f"SELECT * FROM ({ordered_claims_sql()}) "
                                        "WHERE _position >= ? AND _position < ? ORDER BY _position", [first, last])
            members = read_claim_members(connection, [c["claim_id"] for c in claims], CLAIM_MEMBERS_SHOWN)
            for claim in claims:
                sections.append(claim_section(claim, members.get(claim["claim_id"], ClaimMembers())))
        write(f"claims/{n}.html", claims_page(n, total_claims, sections))
    # The search, and a page per category, a page of figures at a time.
    found = search.write_index(connection, write)
    write("search.html", search_page(found))
    per_category = dict(connection.execute(
        "SELECT q.category, count(*) FROM quantities q JOIN documents d ON d.doc_id = q.doc_id "
        "WHERE q.category IS NOT NULL GROUP BY 1").fetchall())
    counts = [(c, per_category[c]) for c in _ordered_categories(per_category)]
    write("category/index.html", categories_index(counts))
    for category, total in counts:
        for n, rows in enumerate(category_rows(connection, category, found.read), 1):
            write(f"category/{category_file(category, n)}", category_page(category, n, total, rows, found.optional))
    write("charts.html", charts_page([charts.aid_announced(connection, has_claims),
                                      charts.casualties_reported(connection, "conflict" in found.optional)]))
    write("data.html", data_page(package))
    _remove_stale(connection, out, written)
