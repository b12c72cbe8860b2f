"""The search's index: every figure findable by the words of its text, subject, actors,
category, measure, conflict and place, and of its sentence (up to SENTENCE characters either
side of it: "HIMARS" finds the figures of a sentence about HIMARS), in
files a static page loads a few at a time.

Figures are numbered newest first (by their document's date, then document and position), and
the index is two kinds of file, each a script that hands its data to site.js (a page opened
as a file may load scripts, not fetch data):

    search/rows-K.js    figures K*ROWS_BLOCK to (K+1)*ROWS_BLOCK - 1: what a result shows
                        (the figure, its value, what it is about, its document, its context)
    search/terms-S.js   shard S of the inverted index: word -> the figures' numbers (ascending,
                        as differences), for the words whose first two characters hash to S

A query loads the shard of each of its words (a word matches the words it begins), intersects
their numbers, and loads the blocks of the results it shows: the files it loads are as many as
its words and its results' blocks, whatever the size of the archive. The shards are as many as
the figures need (FIGURES_PER_SHARD a shard), so that they stay small as the archive grows;
a shard holds every figure of its words, so the one of a word in every sentence ("the")
grows with the archive (`scripts/site_bench.py` measures them).

Words are made alike here (in DuckDB's SQL) and in site.js: lower case, a comma between digits
dropped ("2,000" is "2000"), split at every character that is neither a letter nor a digit. A
category and a conflict are also facet words (`category=aid`), which the page's selects add.
DuckDB numbers, splits and sorts within its memory limit (spilling to disk); Python holds a
block of figures, or a shard's words, at a time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from .formats import doc_file, iso_date, mark_id, value_label

ROWS_BLOCK = 250  # figures a rows file (about 50 KB): a query loads the blocks of the 50 results it shows
FIGURES_PER_SHARD = 500  # figures per terms file (about 50 KB of their words)
CONTEXT = 60  # characters of the figure's sentence shown on either side
SENTENCE = 300  # characters of the figure's sentence searched on either side (all a sentence may hold)
OPTIONAL_COLUMNS = ("conflict", "place")  # searched and shown where the table has them
PLACE_TEXT = "place_text"  # the place as written (`place` is an id: `UA-63`), searched and shown with it
# The hash of a word's first two code points (c1, c2; 0 for a word of one): the same in JS,
# whose numbers hold the product exactly (below 2**53).
HASH_A, HASH_B = 2654435761, 40503


def shard_count(figures: int) -> int:
    return max(1, math.ceil(figures / FIGURES_PER_SHARD))


def shard_of(word: str, shards: int) -> int:
    """The terms file of a word (as site.js and the SQL below compute it).

    >>> shard_of("himars", 4) == shard_of("hi", 4), shard_of("é", 7)
    (True, 3)
    """
    first = ord(word[0])
    second = ord(word[1]) if len(word) > 1 else 0
    return (first * HASH_A + second * HASH_B) % shards


def columns_of(connection, table: str) -> list[str]:
    return [d[0] for d in connection.execute(f'SELECT * FROM "{table}" LIMIT 0').description]


@dataclass
class SearchFacts:
    """What the search page needs to know of its index: how many figures and files, and the
    options of its selects (facet word, label, how many figures)."""

    figures: int = 0
    shards: int = 1
    blocks: int = 0
    optional: list[str] = field(default_factory=list)
    read: list[str] = field(default_factory=list)  # the optional columns, and place_text with place
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)


def _words_sql(expression: str) -> str:
    folded = f"regexp_replace(regexp_replace(lower({expression}), '(\\d),(\\d)', '\\1\\2', 'g'), '(\\d),(\\d)', '\\1\\2', 'g')"
    return f"regexp_split_to_array({folded}, '[^\\pL\\pN]+')"


def _numbered_sql(optional: list[str]) -> str:
    """The figures, numbered, each with the CONTEXT characters of its sentence before and after
    it (`before`, `after`; none where the sentence does not hold the figure at its offset),
    whether the sentence goes on past them (`cut_before`, `cut_after`), and the SENTENCE
    characters either side whose words are searched (`around`)."""
    extra = "".join(f', q."{c}"' for c in optional)
    at = "(q.start - coalesce(q.sentence_start, 0))"
    holds = f"({at} >= 0 AND substr(q.sentence, {at} + 1, length(q.text)) = q.text)"
    return f"""
        SELECT row_number() OVER (ORDER BY d.published DESC NULLS LAST, q.doc_id, q.start, q."end" DESC,
                                  q.quantity_id) - 1 AS n,
               q.quantity_id, q.doc_id, q.start, q.text, q.category,
               q.measure, q.normalized_value, q.normalized_low, q.normalized_high, q.normalized_unit,
               q.subject, q.donor, q.recipient, q.attributed_to{extra}, d.published, d.title,
               CASE WHEN {holds} THEN substr(q.sentence, greatest({at} - {CONTEXT}, 0) + 1,
                                             {at} - greatest({at} - {CONTEXT}, 0)) ELSE '' END AS before,
               CASE WHEN {holds} THEN substr(q.sentence, {at} + length(q.text) + 1, {CONTEXT}) ELSE '' END AS after,
               {holds} AND {at} > {CONTEXT} AS cut_before,
               {holds} AND length(q.sentence) > {at} + length(q.text) + {CONTEXT} AS cut_after,
               CASE WHEN {holds} THEN substr(q.sentence, greatest({at} - {SENTENCE}, 0) + 1,
                                             {at} - greatest({at} - {SENTENCE}, 0) + length(q.text) + {SENTENCE})
                    ELSE '' END AS around
        FROM quantities q JOIN documents d ON d.doc_id = q.doc_id"""


def _context(q: dict) -> tuple[str, str]:
    """The figure's context as a result shows it: spaces folded, `…` where the sentence goes on
    (and the word cut there left out)."""
    before, after = q["before"] or "", q["after"] or ""
    if q["cut_before"] and len(before.split(None, 1)) > 1:
        before = before.split(None, 1)[1]
    if q["cut_after"] and len(after.rsplit(None, 1)) > 1:
        after = after.rsplit(None, 1)[0]
    before = ("…" if q["cut_before"] else "") + " ".join(before.split()) + (" " if before[-1:].isspace() else "")
    after = (" " if after[:1].isspace() else "") + " ".join(after.split()) + ("…" if q["cut_after"] else "")
    return before, after


def place_shown(q: dict) -> str:
    """A figure's place as a page shows it: as written, with its id (`Kharkiv (UA-63)`)."""
    place, written = q.get("place") or "", q.get(PLACE_TEXT) or ""
    return f"{written} ({place})" if written and place and written != place else written or place


def _row(q: dict, doc: int, optional: list[str]) -> list:
    """A figure as search/rows-K.js holds it (site.js reads it by position)."""
    before, after = _context(q)
    aid = " → ".join(x for x in (q["donor"], q["recipient"]) if x)
    shown = [place_shown(q) if c == "place" else q.get(c) or "" for c in optional]
    return [doc, mark_id(q["quantity_id"], q["doc_id"]), q["text"], q["category"] or "", q["measure"] or "",
            value_label(q["normalized_value"], q["normalized_low"], q["normalized_high"], q["normalized_unit"]),
            q["subject"] or "", aid, q["attributed_to"] or "", *shown, before, after]


def _script(call: str, n: int, data) -> str:
    return f"NF.{call}({n}, " + json.dumps(data, ensure_ascii=True, separators=(",", ":")) + ");\n"


def write_index(connection, write) -> SearchFacts:
    """Write search/rows-K.js and search/terms-S.js through `write(relative, text)`; the facts of
    what was written."""
    available = columns_of(connection, "quantities")
    optional = [c for c in OPTIONAL_COLUMNS if c in available]
    written = [PLACE_TEXT] if "place" in optional and PLACE_TEXT in available else []
    figures = connection.execute("SELECT count(*) FROM quantities q JOIN documents d ON d.doc_id = q.doc_id").fetchone()[0]
    facts = SearchFacts(figures=figures, shards=shard_count(figures), blocks=math.ceil(figures / ROWS_BLOCK),
                        optional=optional, read=optional + written)
    numbered = _numbered_sql(facts.read)
    # The rows, a block at a time, in the figures' order.
    result = connection.execute(f"SELECT * FROM ({numbered}) ORDER BY n")
    names = [d[0] for d in result.description]
    block = 0
    while chunk := result.fetchmany(ROWS_BLOCK):
        documents: dict[str, int] = {}
        docs, rows = [], []
        for values in chunk:
            q = dict(zip(names, values))
            if q["doc_id"] not in documents:
                documents[q["doc_id"]] = len(docs)
                docs.append([doc_file(q["doc_id"]), iso_date(q["published"]), q["title"] or q["doc_id"]])
            rows.append(_row(q, documents[q["doc_id"]], optional))
        write(f"search/rows-{block}.js", _script("addFigures", block, {"docs": docs, "rows": rows}))
        block += 1
    # The facets: the categories and (where the table has them) the conflicts, with their counts.
    for column in ("category", *(c for c in optional if c == "conflict")):
        options = [(f"{column}={value.lower()}", value, n) for value, n in connection.execute(
            f'SELECT "{column}", count(*) FROM quantities q JOIN documents d ON d.doc_id = q.doc_id '
            f'WHERE "{column}" IS NOT NULL AND "{column}" <> \'\' GROUP BY 1 ORDER BY 2 DESC, 1').fetchall()]
        if options:  # a select with nothing to choose is left out
            facts.facets[column] = options
    # The words, a shard at a time.
    searched = ["text", "subject", "donor", "recipient", "attributed_to", "category", "measure", *optional,
                *written, "around"]
    words = _words_sql("concat_ws(' ', " + ", ".join(f'"{c}"' for c in searched) + ")")
    facets = " ".join(f"UNION ALL SELECT n, '{c}=' || lower(\"{c}\") FROM f WHERE \"{c}\" IS NOT NULL AND \"{c}\" <> ''"
                      for c in facts.facets)
    second = "CASE WHEN length(word) > 1 THEN unicode(substr(word, 2, 1)) ELSE 0 END"
    # Each (word, figure) as a row, sorted (DuckDB sorts on disk past its memory limit; an
    # aggregate of every word's figures would have to hold them): a word's figures follow one
    # another, in order, a figure as often as it holds the word.
    result = connection.execute(f"""
        WITH f AS ({numbered}),
        w AS (SELECT n, unnest({words}) AS word FROM f {facets})
        SELECT (unicode(word)::BIGINT * {HASH_A} + {second}::BIGINT * {HASH_B}) % {facts.shards} AS shard, word, n
        FROM w WHERE word <> '' ORDER BY shard, word, n""")
    done = set()
    current, terms, last = None, {}, None

    def flush() -> None:
        if current is not None:
            write(f"search/terms-{current}.js", _script("addTerms", current, terms))
            done.add(current)

    while chunk := result.fetchmany(10000):
        for shard, word, n in chunk:
            if shard != current:
                flush()
                current, terms = shard, {}
            if word not in terms:
                terms[word], last = [], 0
            elif n == last:
                continue
            terms[word].append(n - last)
            last = n
    flush()
    for shard in range(facts.shards):  # a shard no word falls in is an empty file, not a missing one
        if shard not in done:
            write(f"search/terms-{shard}.js", _script("addTerms", shard, {}))
    return facts
