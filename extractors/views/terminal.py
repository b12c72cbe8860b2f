"""`extract show DOC_ID`: a document in the terminal, its figures highlighted by category.

What it shows of a document is what the package publishes (as the static viewer,
extractors/views/site.py): the whole text where `texts` holds it, else each figure's sentence. Text
from the tables goes to rich as `rich.text.Text` with styles, never as a markup string, so
`[bold]` or `[link=...]` in an article is printed as written.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .site import (bounds, iso_date, layout, normalized, number, published_texts, read_claims, read_documents,
                   read_quantities, segments)

STYLES = {  # the 16 standard colours, so that every terminal shows seven distinct ones
    "weapon_range": "black on magenta",
    "aid": "black on green",
    "casualties": "bright_white on red",
    "damage": "black on yellow",
    "troops": "black on cyan",
    "attacks": "bright_white on blue",
    "other": "black on white",
}
NESTED = "underline"  # a figure inside another: its category's style, underlined


class UnknownDocument(KeyError):
    """A doc_id the package does not hold (a KeyError whose message reads as written)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _style(category: str) -> str:
    return STYLES.get(category, "reverse")


# What a terminal would act on rather than show: C0 controls but for tab and line feed, DEL and
# C1 controls (ESC starts the escape sequences that recolour, retitle or clear a terminal).
# Each becomes one visible character, so that the figures' offsets still hold.
_CONTROLS = {**{c: chr(0x2400 + c) for c in range(32) if c not in (9, 10, 13)}, 13: " ", 127: "\u2421",
             **{c: "\ufffd" for c in range(0x80, 0xa0)}}


def clean(text: str | None) -> str:
    """`text` with nothing a terminal would run, each control as one visible character.

    >>> clean("a\\r\\nb\\x1b[31m")
    'a \\nb\u241b[31m'
    """
    return (text or "").translate(_CONTROLS)


def plain(value) -> Text:
    """A value from the tables as a rich Text: shown as written, never read as markup."""
    return Text(clean("" if value is None else str(value)))


def document_text(segment, placed) -> Text:
    """A segment of a document as a rich Text, each placed figure styled by its category."""
    text = Text(clean(segment.text))
    for item in placed:  # the outer first, so that a nested figure's style shows on top
        style = _style(item.quantity["category"])
        text.stylize(f"{style} {NESTED}" if item.parent else style, item.start, item.end)
    return text


def stated(q: dict) -> str:
    """What a figure states: its bounds, or its value where it states no bound (`about 300`)."""
    if q["low"] is None and q["high"] is None:
        return number(q["value"]) if q["value"] is not None else "vague"
    return bounds(q["low"], q["high"])


def show_document(connection, doc_id: str, console: Console | None = None) -> None:
    """Print the document `doc_id` of the tables of `connection` (the views of `extract query`)
    to `console`: its provenance, its text (or its figures' sentences) with its figures
    highlighted by category, a legend, and a table of its figures. A doc_id not in
    `documents` raises UnknownDocument (a KeyError; `str()` is its message)."""
    console = console or Console()
    documents = read_documents(connection, doc_id)
    if not documents:
        raise UnknownDocument(f"no document {doc_id!r} in the package "
                       "(extract query \"SELECT doc_id, title FROM documents\" lists them)")
    document = documents[0]
    quantities = read_quantities(connection, [doc_id])
    full = published_texts(connection, [doc_id]).get(doc_id)
    claims = read_claims(connection, {q["quantity_id"] for q in quantities})

    console.print(Text(clean(document["title"] or doc_id), style="bold"), highlight=False)
    facts = [document["outlet"] or "outlet unknown",
             iso_date(document["published"]) or "date unknown", doc_id]
    if document["url"]:
        facts.append(document["url"])
    console.print(Text(clean(" · ".join(facts)), style="dim"), highlight=False)

    counts: dict[str, int] = {}
    for q in quantities:
        counts[q["category"]] = counts.get(q["category"], 0) + 1
    legend = Text()
    legend.append("Figures by category: " if counts else "No figures.", style="dim")
    for i, category in enumerate(sorted(counts, key=lambda c: (list(STYLES).index(c) if c in STYLES else 99, c))):
        if i:
            legend.append(" ")
        legend.append(clean(f" {category} {counts[category]} "), style=_style(category))
    console.print(legend, highlight=False)
    if full is None:
        console.print(Text("The package does not publish this document's text: the sentences of its figures.",
                           style="dim italic"), highlight=False)
    console.print()

    skipped = {}
    for segment in segments(quantities, full):
        placed, left = layout(segment)
        skipped.update((q["quantity_id"], why) for q, why in left)
        shown = document_text(segment, placed)
        if full is None:
            shown = Text.assemble(("… ", "dim"), shown, (" …", "dim"))
        console.print(shown, highlight=False)
        console.print()

    if not quantities:
        return
    table = Table(show_lines=False, header_style="bold", expand=False)
    for name, justify in (("#", "right"), ("figure", "left"), ("category", "left"), ("qualifier", "left"),
                          ("value or bounds", "right"), ("normalized", "right"), ("attributed to", "left"),
                          ("claim", "left")):
        table.add_column(Text(name), justify=justify)
    for i, q in enumerate(quantities, 1):
        figure = Text.assemble((clean(q["text"]), _style(q["category"])))
        if q["quantity_id"] in skipped:
            figure.append(clean(f" (not highlighted: {skipped[q['quantity_id']]})"), style="dim")
        claim = claims.of_quantity.get(q["quantity_id"])
        table.add_row(Text(str(i)), figure,
                      plain(q["category"] + (f" / {q['measure']}" if q["measure"] else "")),
                      plain(q["qualifier"]), plain(f"{stated(q)} {q['unit']}"),
                      plain(f"{normalized(q)} {q['normalized_unit']}"),
                      plain((q["attributed_to"] or "") + (f" ({q['attribution_kind']})"
                                                         if q["attributed_to"] and q["attribution_kind"] else "")),
                      plain(f"{claim['subject']} ({claim['claim_id']})" if claim else ""))
    console.print(table)
