"""Small tables for the viewer's tests (tests/test_site.py, tests/test_site_browser.py): real
figures extracted from handmade texts, a few handmade ones that overlap or nest, two claims,
and hostile documents, in a DuckDB connection with the columns of extractors/dataset/records.py."""

from __future__ import annotations

import datetime as dt
import hashlib

import duckdb

from extractors import extract
from extractors.dataset.duckdb_io import TYPES
from extractors.dataset.records import Claim, ClaimQuantity, Document, Text, columns, table_schema

PUBLIC = "Public domain in the United States: a work of the US federal government."
COPYRIGHT = "Copyright its publisher: only figures and their sentences are published."
PAYLOAD = "window.__pwned = (window.__pwned || 0) + 1; console.log('pwned')"
HOSTILE = (f'<script>{PAYLOAD}</script><img src=x onerror="{PAYLOAD}">'
           f'" onmouseover="{PAYLOAD}" x="[bold]markup[/bold] [link=javascript:alert(1)]click[/link]')
# A paragraph of the copyrighted article that holds no figure: it must never be published.
UNPUBLISHED = "This paragraph of the article holds no figure and the package never publishes it."

TEXTS = {
    "wh_2024-01-02_aid": (
        "The United States has provided $175 billion in aid to Ukraine since February 2022, "
        "according to the State Department. ATACMS missiles can travel up to 300 km. Over 2,000 "
        "attacks on hospitals were recorded, and 12 people were killed.\r\n\r\nOn Monday the "
        "Pentagon said a further $2 billion in military aid would follow."),
    "news_2024-01-03": (
        "The US has given more than $170 billion in aid to Ukraine, officials said.\n\n"
        + UNPUBLISHED + " " + UNPUBLISHED + "\n\n"
        "Russia launched 40 missiles overnight, and about 300 km of the front line was shelled, "
        "while the Kiel Institute counted $120 billion in aid."),
    # A long public-domain text whose figure is far below the top of its page.
    "wh_2023-12-01_long": "A statement with no figures in it, only words. " * 300 + "In all 12 people were killed.",
    "hostile_full": (
        f'<img src=x onerror="{PAYLOAD}"> Officials said 12 people were killed '
        f'<script>{PAYLOAD}</script> and 5 km away [bold]bold[/bold] javascript:alert(1).'),
    "Hostile id/../\"x\" <b>": (
        f'He said <script>{PAYLOAD}</script> that 7 people were wounded " onmouseover="{PAYLOAD}".\n\n'
        + UNPUBLISHED),
}


def _documents() -> list:
    def doc(doc_id, text, **fields):
        values = dict(doc_id=doc_id, path=f"corpus/{doc_id}.txt", language="en",
                      sha256=hashlib.sha256(text.encode()).hexdigest(), characters=len(text),
                      rights=COPYRIGHT, full_text=False)
        values.update(fields)
        return values

    return [
        Document(**doc("wh_2024-01-02_aid", TEXTS["wh_2024-01-02_aid"], title="Fact sheet: aid to Ukraine",
                       outlet="The White House", url="https://www.whitehouse.gov/fact-sheet/",
                       published=dt.date(2024, 1, 2), rights=PUBLIC, full_text=True,
                       section="fact-sheets")).model_dump(),
        Document(**doc("news_2024-01-03", TEXTS["news_2024-01-03"], title="Aid tally tops $170 billion",
                       outlet="The Daily Example", url="https://news.example/aid?x=1&y=<2>",
                       published=dt.date(2024, 1, 3), notes="Outlet from the byline.")).model_dump(),
        Document(**doc("wh_2023-12-01_long", TEXTS["wh_2023-12-01_long"], title="A long statement",
                       outlet="The White House", published=dt.date(2023, 12, 1), rights=PUBLIC,
                       full_text=True)).model_dump(),
        # Hostile provenance: the models would refuse a javascript: URL; the viewer must not
        # trust that they were used.
        doc("hostile_full", TEXTS["hostile_full"], title=HOSTILE, outlet=HOSTILE, url=f"javascript:{PAYLOAD}",
            published=dt.date(2023, 5, 6), rights=HOSTILE, notes=HOSTILE, full_text=True, section=HOSTILE,
            language="en"),
        doc('Hostile id/../"x" <b>', TEXTS['Hostile id/../"x" <b>'], title=None, outlet=HOSTILE,
            url=f" javascript:{PAYLOAD}", notes=HOSTILE),
    ]


def _figures() -> list[dict]:
    rows = []
    for doc_id, text in TEXTS.items():
        context = 5000 if doc_id.startswith(("wh_", "hostile_full")) else 300
        for q in extract(text, doc_id, context):
            rows.append(q.model_dump())
    by_id = {r["quantity_id"]: r for r in rows}

    def add(doc_id, text_of_figure, like, occurrence=0, **fields):
        """A handmade figure at the `occurrence`th place of `text_of_figure` in the document,
        otherwise like the figure `like` (what its sentence is, what it is about)."""
        text = TEXTS[doc_id]
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(text_of_figure, start + 1)
        end = start + len(text_of_figure)
        row = dict(by_id[like])
        row.update(quantity_id=f"{doc_id}:{start}-{end}", start=start, end=end, text=text_of_figure,
                   rule="handmade.test", **fields)
        rows.append(row)

    # Nested in "Over 2,000 attacks" and, inside it, "2,000" once more; crossing its end.
    add("wh_2024-01-02_aid", "2,000 attacks", "wh_2024-01-02_aid:159-177", category="other")
    add("wh_2024-01-02_aid", "2,000", "wh_2024-01-02_aid:159-177", category="troops", subject=HOSTILE)
    add("wh_2024-01-02_aid", "attacks on hospitals", "wh_2024-01-02_aid:159-177", category="damage")
    # The same on a document whose text is not published, inside its sentence.
    q40 = next(r for r in rows if r["doc_id"] == "news_2024-01-03" and r["text"] == "40 missiles")
    add("news_2024-01-03", "40", q40["quantity_id"], category="other")
    add("news_2024-01-03", "missiles overnight", q40["quantity_id"], category="other")
    # "12 people were killed", in three documents, are casualties (the claim below joins them),
    # whether or not the reader takes a text with no war named for a war figure.
    for r in rows:
        if r["text"] == "12 people":
            r.update(category="casualties", measure="killed")
    # A hostile attribution on a real figure.
    for r in rows:
        if r["doc_id"] == "hostile_full" and r["text"] == "12 people":
            r.update(attributed_to=HOSTILE, attribution_kind="person", attributed_source=HOSTILE)
    return rows


def _claims(figures: list[dict]) -> tuple[list[dict], list[dict]]:
    def figure(doc_id, text):
        return next(r for r in figures if r["doc_id"] == doc_id and r["text"] == text)

    aid = [figure("wh_2024-01-02_aid", "$175 billion"), figure("news_2024-01-03", "more than $170 billion"),
           figure("news_2024-01-03", "$120 billion")]
    sources = ["State Department", "The Daily Example", "Kiel Institute"]
    bounds = [(175e9, 175e9, True), (170e9, None, True), (120e9, 120e9, False)]
    claims = [Claim(claim_id="c0123456789abcdef", category="aid", subject="aid, United States to Ukraine",
                    donor="United States", recipient="Ukraine", normalized_unit="USD",
                    period="since February 2022", first_published=dt.date(2024, 1, 2),
                    last_published=dt.date(2024, 1, 3), documents=2, sources=3, publishers=2, quantities=3,
                    lowest_value=120e9, highest_value=175e9, lowest_bound=120e9, highest_bound=175e9,
                    consensus_low=175e9, consensus_high=175e9, agree=False,
                    disagreeing_sources="Kiel Institute").model_dump(),
              Claim(claim_id="cfedcba9876543210", category="casualties", measure="killed",
                    subject=HOSTILE, normalized_unit="count", documents=3, sources=2, publishers=1, quantities=3,
                    lowest_value=12.0, highest_value=12.0, lowest_bound=12.0, highest_bound=12.0,
                    consensus_low=12.0, consensus_high=12.0, agree=True).model_dump()]
    members = [ClaimQuantity(quantity_id=q["quantity_id"], claim_id="c0123456789abcdef", doc_id=q["doc_id"],
                             source=s, low=lo, high=hi, agrees=a).model_dump()
               for q, s, (lo, hi, a) in zip(aid, sources, bounds)]
    for doc_id in ("wh_2024-01-02_aid", "hostile_full", "wh_2023-12-01_long"):
        q = figure(doc_id, "12 people")
        members.append(ClaimQuantity(quantity_id=q["quantity_id"], claim_id="cfedcba9876543210", doc_id=doc_id,
                                     source=HOSTILE, low=12.0, high=12.0, agrees=True).model_dump())
    return claims, members


def tables() -> dict[str, list[dict]]:
    """The rows of every table, as dicts of the records' columns."""
    figures = _figures()
    claims, members = _claims(figures)
    documents = _documents()
    texts = [Text(doc_id=d["doc_id"], text=TEXTS[d["doc_id"]]).model_dump() for d in documents if d["full_text"]]
    return {"documents": documents, "quantities": figures, "texts": texts, "claims": claims,
            "claim_quantities": members}


def connection(rows: dict[str, list[dict]] | None = None, reverse: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding the tables (`reverse`: their rows inserted in reverse order)."""
    rows = tables() if rows is None else rows
    con = duckdb.connect(":memory:")
    for name, table in rows.items():
        schema = table_schema(name)
        names = columns(name)
        kinds = {f["name"]: TYPES[f["type"]] for f in schema["fields"]}
        con.execute(f"CREATE TABLE {name} ({', '.join(f'{chr(34)}{c}{chr(34)} {kinds[c]}' for c in names)})")
        ordered = list(reversed(table) if reverse else table)
        if ordered:
            # One insert of a column-wise Arrow table: DuckDB's executemany inserts row by row,
            # seconds for the thousands of rows of `many_members`.
            import pyarrow

            batch = pyarrow.table({c: [r.get(c) for r in ordered] for c in names})  # noqa: F841 (read by name)
            con.execute(f"INSERT INTO {name} SELECT * FROM batch")
    return con


MANY_CLAIM = "c1111111111111111"


def many_members(count: int = 2000, older: int = 60) -> dict[str, list[dict]]:
    """The tables, and a claim of `count` members: a figure a sentence of two documents whose
    text is published, the older (2024-02-01) holding the first `older` of them; the n-th
    member states `n people were killed`, bounds n to n, its source alternating."""
    rows = tables()
    like = next(r for r in rows["quantities"] if r["doc_id"] == "hostile_full" and r["text"] == "12 people")
    n = 0
    for doc_id, published, figures in (("many_older", dt.date(2024, 2, 1), older),
                                       ("many_newer", dt.date(2024, 2, 2), count - older)):
        sentences, position = [], 0
        for _ in range(figures):
            n += 1
            sentence = f"In report {n} officials said {n} people were killed."
            start = position + sentence.index(f"{n} people")
            end = start + len(f"{n} people")
            q = dict(like)
            q.update(quantity_id=f"{doc_id}:{start}-{end}", doc_id=doc_id, start=start, end=end,
                     text=f"{n} people", sentence=sentence, sentence_start=position, value=float(n),
                     low=float(n), high=float(n), normalized_value=float(n), normalized_low=float(n),
                     normalized_high=float(n), attributed_to=None, attribution_kind=None,
                     attributed_source=None, linked_to=None, rule="handmade.test")
            rows["quantities"].append(q)
            source = "Officials" if n % 2 else "Reporters"
            rows["claim_quantities"].append(ClaimQuantity(
                quantity_id=q["quantity_id"], claim_id=MANY_CLAIM, doc_id=doc_id, source=source,
                low=float(n), high=float(n), agrees=n <= count // 2).model_dump())
            sentences.append(sentence)
            position += len(sentence) + 1
        text = " ".join(sentences)
        rows["documents"].append(Document(
            doc_id=doc_id, path=f"corpus/{doc_id}.txt", title=f"Many reports ({doc_id})", outlet="The White House",
            published=published, language="en", sha256=hashlib.sha256(text.encode()).hexdigest(),
            characters=len(text), rights=PUBLIC, full_text=True).model_dump())
        rows["texts"].append(Text(doc_id=doc_id, text=text).model_dump())
    rows["claims"].append(Claim(
        claim_id=MANY_CLAIM, category="casualties", measure="killed", subject="people killed, in many reports",
        normalized_unit="count", first_published=dt.date(2024, 2, 1), last_published=dt.date(2024, 2, 2),
        documents=2, sources=2, publishers=1, quantities=count, lowest_value=1.0, highest_value=float(count),
        lowest_bound=1.0, highest_bound=float(count), agree=False,
        disagreeing_sources="Officials; Reporters").model_dump())
    return rows


MARKDOWN_ID = "wh_2024-02-05_markdown"
# Hard-wrapped White House Markdown: emphasis around a figure, a figure in a link's text and
# across a line break, `\_` escapes, a heading, lists, the HTML its conversion left (a comment,
# tags in a paragraph, a block), and what must not render: a javascript: link, HTML, an image.
MARKDOWN = (
    "President Biden announced **$1.7 billion** in *new* security\n"
    "assistance for Ukraine, including [155mm artillery\n"
    "rounds](https://www.defense.gov/News/Releases/Release/Article/3000000/) and\n"
    "HIMARS\\_ammunition.\n\n"
    "### What the package holds\n\n"
    "- 20 million rounds of small arms ammunition;\n"
    "- up to 300 km of razor wire, and\n"
    "  over 2,000 anti-armor systems.\n\n"
    f'1. A note in a [link to 5 km](javascript:alert(1)) and <img src=x onerror="{PAYLOAD}">.\n'
    "2. ![a picture of 3 tanks](https://evil.example/tank.png)\n\n"
    "<!-- -->\n\n"
    "<u>Investing in Democracy</u><sup>1</sup>\n\n"
    "<table><tr><td>4 trucks</td></tr></table>\n\n"
    "\\[[Statement](https://www.whitehouse.gov/briefing-room/statements-releases/2022/03/01/statement/), 3/1/22\\]\n")


def with_markdown(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The tables and a Markdown document (its path ends in .md, its text is published), with
    its figures and two handmade ones: one across a line break inside a link's text (holding
    "155mm"), one inside a link's address (which no page can highlight)."""
    rows = {k: [dict(r) for r in v] for k, v in rows.items()}
    figures = [q.model_dump() for q in extract(MARKDOWN, MARKDOWN_ID, 5000)]
    like = next(q for q in figures if q["text"] == "155mm")
    for text in ("155mm artillery\nrounds", "3000000"):
        start = MARKDOWN.index(text)
        q = dict(like)
        q.update(quantity_id=f"{MARKDOWN_ID}:{start}-{start + len(text)}", start=start, end=start + len(text),
                 text=text, rule="handmade.test")
        figures.append(q)
    rows["quantities"] += figures
    rows["documents"].append(Document(
        doc_id=MARKDOWN_ID, path=f"corpus/whitehouse/{MARKDOWN_ID}.md", title="Fact sheet, in Markdown",
        outlet="The White House", published=dt.date(2024, 2, 5), language="en",
        sha256=hashlib.sha256(MARKDOWN.encode()).hexdigest(), characters=len(MARKDOWN), rights=PUBLIC,
        full_text=True).model_dump())
    rows["texts"].append(Text(doc_id=MARKDOWN_ID, text=MARKDOWN).model_dump())
    return rows


OPTIONAL = ("conflict", "place", "place_text")  # columns of quantities a viewer reads where they are


def with_columns(con: duckdb.DuckDBPyConnection, values: dict[str, dict[str, str]]) -> duckdb.DuckDBPyConnection:
    """`con` with the quantities table's columns `values` set (column -> quantity_id -> value;
    the column added where the table lacks it), as the tables of a package that has them."""
    present = {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'quantities'").fetchall()}
    for column, by_id in values.items():
        if column not in present:
            con.execute(f'ALTER TABLE quantities ADD COLUMN "{column}" VARCHAR')
        for quantity_id, value in by_id.items():
            con.execute(f'UPDATE quantities SET "{column}" = ? WHERE quantity_id = ?', [value, quantity_id])
    return con


def without_columns(con: duckdb.DuckDBPyConnection, names=OPTIONAL) -> duckdb.DuckDBPyConnection:
    """`con` without the quantities table's columns `names`, as a package written before them."""
    present = {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'quantities'").fetchall()}
    for column in names:
        if column in present:
            con.execute(f'ALTER TABLE quantities DROP COLUMN "{column}"')
    return con
