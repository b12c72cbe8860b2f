"""Figures that state one thing agree: both halves of a "X (Y)" pair, and the items of a
listed breakdown.

A pair is one figure written in two units ("190 miles (300km)", "over $150bn (€130bn) in
aid"): both halves carry the same qualifier, category, measure, subject, donor, recipient,
kind and stage, taken from the half that says more (the first, where both do).

A breakdown is a list of figures joined only by commas, "and", "or" or "as well as" ("the
package includes 45 patrol boats and over 300 trucks"), past an apposition ("2,250
Palestinians, a majority of them civilians, and 73 Israelis"): an item the labeller left as
`other` takes the labels of the item before it, where both count the same class of thing
(or both are money). A labelled item keeps its own labels ("killed 5 soldiers and wounded
3 civilians").

A part takes the labels of its whole: a figure after "including" or "among them" ("killed
17 people, including four children"), and a partitive ("100 servicemen, 15 of whom"). The
whole's casualty labels win over the troops a part's soldiers would be by themselves
("killed 241 personnel, including 220 Marines").
"""

from __future__ import annotations

import bisect
import re

import regex

from ..patterns import match_after
from ..qualifiers import bounds
from ..quantity import Quantity
from . import APPOSITION
from .actors import parties

_CONVERSION_GAP = regex.compile(r"[ \u00a0]*[(\[][ \u00a0]*")
_CONVERSION_CLOSE = regex.compile(r"[ \u00a0]*[)\]]")
# Between two items: the first one's complement ("of artillery ammunition", "in Poland"),
# a comma or semicolon, a conjunction.
_LIST_GLUE = regex.compile(
    r"(?:\s+(?:of|in|for|to|from)\s+[^,;:.()\n]{1,40}?)?\s*(?:[,;]\s*)?"
    r"(?:(?:and|or|as\s+well\s+as|plus|along\s+with|and\s+also|including)\s+)?(?:(?:the|some|about|around|nearly|almost|over|"
    r"more\s+than|at\s+least|up\s+to|another|an\s+additional|additional|a\s+total\s+of)\s+)*",
    regex.IGNORECASE)
# What introduces a breakdown of the figure before it: "$50 billion in security
# assistance, including nearly 700 tanks".
_INCLUDING = regex.compile(r"(?:including|includes|include|such\s+as|of\s+which|among\s+(?:them|whom)|comprising)\s+(?:the\s+)?"
                           r"(?:(?:some|about|around|nearly|almost|over|more\s+than|at\s+least|up\s+to)\s+)?$", regex.IGNORECASE)
# A list item's introduction: the last line before the list, ending in a colon.
_LIST_ITEM = regex.compile(r"[ \t]*(?:[-*+]|[0-9]{1,3}[.)])[ \t]+")
_INTRO_BACK = 3000
_LABELS = ("category", "measure", "subject", "donor", "recipient", "aid_kind", "stage")


def agree(text: str, quantities: list[Quantity], noun_class, introduces) -> list[Quantity]:
    """The figures with pairs linked and agreeing, and breakdowns labelled alike.
    `introduces(intro)` says what category a list's introduction gives its items.

    A figure relabelled replaces its old self in the list given (which is returned): the
    old one is freed at once, not held until every figure is relabelled."""
    quantities = _pairs(text, quantities)
    quantities = _list_items(text, quantities, noun_class, introduces)
    return _breakdowns(text, quantities, noun_class)


def _says_more(q: Quantity) -> int:
    return (q.category != "other") * 4 + sum(getattr(q, k) is not None for k in _LABELS[1:])


def _pairs(text: str, quantities: list[Quantity]) -> list[Quantity]:
    linked = quantities  # replaced in place (agree)
    for i in range(len(linked) - 1):
        first, second = linked[i], linked[i + 1]
        if not (first.dimension == second.dimension and first.dimension != "count"
                and _CONVERSION_GAP.fullmatch(text, first.end, second.start)
                and match_after(_CONVERSION_CLOSE, text, second.end)):
            continue
        source = first if _says_more(first) >= _says_more(second) else second
        qualifier = first.qualifier if first.qualifier != "exact" else second.qualifier
        labels = {k: getattr(source, k) for k in _LABELS}
        linked[i] = _with(first, labels, qualifier, second.quantity_id)
        linked[i + 1] = _with(second, labels, qualifier, first.quantity_id)
    return linked


def _with(q: Quantity, labels: dict, qualifier: str, partner: str) -> Quantity:
    update = dict(labels, linked_to=partner)
    if qualifier != q.qualifier and q.qualifier == "exact":
        value, low, high = bounds(q.value, q.value, q.value, qualifier)
        scale = q.normalized_value / q.value if q.value else 1.0
        update.update(qualifier=qualifier, value=value, low=low, high=high,
                      normalized_low=None if low is None else float(f"{low * scale:.9g}"),
                      normalized_high=None if high is None else float(f"{high * scale:.9g}"))
    return q.model_copy(update=update)


_MATERIEL = ("weapons", "equipment")
# What a strike damages or destroys: a list of them is one breakdown ("60 strongholds, 15
# depots, 43 armored fighting vehicles").
_DAMAGED = ("structures", "places", "equipment", "weapons")


def _breakdowns(text: str, quantities: list[Quantity], noun_class) -> list[Quantity]:
    out = quantities  # replaced in place (agree)
    labelled = -1  # the last figure before i with a category: only such a one lends labels
    for i in range(1, len(out)):
        if out[i - 1].category != "other":
            labelled = i - 1
        current = out[i]
        # A labelled figure keeps its labels, but for the troops soldiers are by themselves and
        # the casualties "lost" says, where they are part of a toll
        if current.category not in ("other", "troops", "casualties") or current.linked_to or labelled < i - 8 \
                or current.category == "casualties" and current.measure != "casualties":
            continue
        current_class = _class(current, noun_class)
        source = None
        for previous in reversed(out[max(0, i - 8):i]):
            if previous.end < current.sentence_start:
                break  # another sentence (or one so long that its window is cut)
            if previous.category == "other":
                continue
            previous_class = _class(previous, noun_class)
            alike = current.dimension == previous.dimension and (
                current.dimension != "count" or current_class == previous_class
                or {current_class, previous_class} <= set(_MATERIEL)
                or previous.category == "damage" and {current_class, previous_class} <= set(_DAMAGED))
            part = alike and (current.rule == "count.part_of" or _INCLUDING.search(text, previous.end, current.start))
            glued = alike and _glued(text, previous.end, current.start)
            if current.category == "troops" and not (previous.category == "casualties" and (part or glued)):
                break  # soldiers are troops unless they are part of a toll or listed in it
            if current.category == "casualties" and not (part and previous.category == "casualties"):
                break  # "1,300 lives lost, including at least 27 Americans": killed, as the whole
            if glued:
                source = previous  # "45 patrol boats and over 300 trucks"
                break
            # "$50 billion in security assistance, including nearly 700 tanks"; "killed 17
            # people, including four children"
            if previous.category == "aid" and _INCLUDING.search(text, previous.end, current.start) \
                    and (current.dimension == previous.dimension or current_class in _MATERIEL) or part:
                source = previous
                break
            if alike:
                break
        if source is not None:
            labels = {k: getattr(source, k) for k in _LABELS if k != "subject"}
            if current.dimension != source.dimension:
                labels.update(aid_kind=source.aid_kind or "military")
            if labels["category"] == "aid":  # an item's own party wins: "$30 million in Moldova"
                _, recipient = parties(current.sentence, current.start - current.sentence_start,
                                           current.end - current.sentence_start)
                labels.update(recipient=recipient or labels["recipient"])
            out[i] = current.model_copy(update=labels)
    return out


def _class(q: Quantity, noun_class) -> str | None:
    """The class of what a figure counts; casualties count people, whatever their noun
    ("1,300 lives lost, including at least 27 Americans")."""
    if q.dimension != "count":
        return None
    return "people" if q.category == "casualties" else noun_class(q.subject or q.unit)


def _glued(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], between two figures, joins them as items of one list, past
    an apposition after the first."""
    apposition = match_after(APPOSITION, text, start, end - start)
    return bool(_LIST_GLUE.fullmatch(text, apposition.end() if apposition else start, end))


def _list_items(text: str, quantities: list[Quantity], noun_class, introduces) -> list[Quantity]:
    """Figures of a list's items take the category their introduction gives ("The package
    includes:" then "- 200 grenade launchers and ammunition;")."""
    out = quantities  # replaced in place (agree)
    lines = _LineStarts(text)
    for i, q in enumerate(out):
        if q.category != "other" or not _LIST_ITEM.match(text, lines.before(q.sentence_start)):
            continue
        intro = _introduction(text, q.sentence_start)
        if intro is None:
            continue
        labels = introduces(intro, q.dimension, noun_class(q.subject or q.unit) if q.dimension == "count" else None)
        if labels:
            out[i] = q.model_copy(update=labels)
    return out


class _LineStarts:
    """Where the line holding a position starts, by bisection in the text's line breaks, found
    in one pass when first asked: looking back for the break from each figure took as long as
    its line, so a long line of figures was read once for each of them."""

    def __init__(self, text: str):
        self.text = text
        self.breaks: list[int] | None = None

    def before(self, start: int) -> int:
        if self.breaks is None:
            self.breaks = [m.start() for m in re.finditer("\n", self.text)]
        i = bisect.bisect_left(self.breaks, start)
        return self.breaks[i - 1] + 1 if i else 0


def _introduction(text: str, start: int) -> str | None:
    """The paragraph that introduces the list holding the item at `start`, where the
    nearest prose line above the list's items (and their wrapped, indented lines) ends in
    a colon."""
    limit = max(0, start - _INTRO_BACK)
    end = text.rfind("\n", limit, start)
    while end > limit:
        line_start = text.rfind("\n", limit, end) + 1
        line = text[line_start:end]
        prose = line.strip() and not line[:1].isspace() and not _LIST_ITEM.match(line) \
            and not line.startswith("<!--")
        if prose:
            if not line.rstrip().rstrip("*").endswith(":"):
                return None
            paragraph_start = text.rfind("\n\n", limit, line_start)
            return text[paragraph_start + 2 if paragraph_start >= 0 else limit:end]
        end = line_start - 1
    return None
