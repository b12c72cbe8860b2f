"""The engine: numerals once, amounts, every dimension's reading, one overlap policy.

One pass of the numeral pattern finds every number; each dimension then looks only at the
few characters around a number (anchored matches), so the cost grows with the text's
length plus its number of numbers, never with text times rules.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace

import regex

from . import numerals, units
from .patterns import quick_init
from .about import agreement, aid, attribution, classify, introduces, noun_class, situate
from .about.conflicts import Setting
from .dimensions import Reading, asked_about, next_word
from .qualifiers import Amount, amounts, bounds, qualify, scaled
from .quantity import Quantity

VERSION = "0.7.0"  # SemVer, applied to the data too: CHANGELOG.md

# How much of a sentence a figure carries either side: 300 characters where the text is
# not published (a quotation's least context), the whole sentence up to 5,000 where it is.
MAX_CONTEXT = 300
FULL_CONTEXT = 5000


@quick_init
@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    qualifier: str
    reading: Reading
    priority: int


def extract(text: str, doc_id: str | None = None, context: int = MAX_CONTEXT,
            wrapped: bool | None = None, author: str | None = None, title: str | None = None,
            published: dt.date | None = None) -> list[Quantity]:
    """Every figure in `text`, in order of position, each at its exact span. `title` and
    `published` (the document's date) tell which war a figure is about and when.

    >>> [(q.text, q.value, q.normalized_unit) for q in extract("a range of 190 miles (300km)")]
    [('190 miles', 190.0, 'km'), ('300km', 300.0, 'km')]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs a str, not {type(text).__name__}")
    candidates = []
    for amount in amounts(text, list(numerals.scan(text))):
        for variant in _readings_of(amount):
            word = next_word(text, variant.end)
            readings = [(priority, reading) for priority, dimension in asked_about(word)
                        for reading in _as_list(dimension.read(text, variant))]
            claimed = {reading.dimension for _, reading in readings if reading.exclusive}
            if claimed:  # "$ 800 rebates" is money, not a count of rebates
                readings = [(p, r) for p, r in readings if r.dimension in claimed]
            for priority, reading in readings:
                start, end, qualifier = qualify(text, variant, reading.start, reading.end)
                candidates.append(Candidate(start, end, qualifier, reading, priority))
    chosen = _outside_urls(text, resolve_overlaps(candidates))
    if not chosen:
        return []
    sentences = Sentences(text, context, wrapped)
    attributions = attribution.Attributions(text)
    quantities = [_quantity(text, doc_id, candidate, sentences, attributions, author, published)
                  for candidate in chosen]
    quantities = agreement.agree(text, quantities, noun_class, introduces)
    return aid.settle(text, situate(text, quantities, Setting(text, title, published)), author, published)


# A document longer than this is read in windows, each ending at a paragraph break where
# there is one, so that the memory a document takes is bounded by the window, never by the
# document: a 20 MB page of figures is read as four hundred short ones. A figure held takes
# about 4 KB, and up to 13 KB where its sentence is a published text's 5,000 characters
# either side (a text with no sentence end): at one figure every 5 characters, 200,000
# characters held 540 MB, 50,000 hold 135 MB (scripts/benchmark.py hostile).
WINDOW = 50_000
_WINDOW_ENDS = (regex.compile(r"\n[ \t\u00a0]*\n\s*"), regex.compile(r"\n\s*"),
                regex.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"), regex.compile(r"\s+"))


def windows(text: str, size: int = WINDOW) -> list[tuple[int, int]]:
    r"""(start, end) of the windows a long text is read in: each at most `size` characters,
    ending after the last paragraph break in its second half, or failing that the last line
    break, sentence end or space there, or at `size` in text with none of them.

    >>> windows("one.\n\ntwo two.\n\nthree", size=10)
    [(0, 6), (6, 16), (16, 21)]
    """
    spans, start = [], 0
    while len(text) - start > size:
        limit, cut = start + size, None
        for pattern in _WINDOW_ENDS:
            ends = [m.end() for m in pattern.finditer(text, start + size // 2, limit)]
            if ends:
                cut = ends[-1]
                break
        spans.append((start, cut or limit))
        start = cut or limit
    spans.append((start, len(text)))
    return spans


def extract_document(text: str, doc_id: str | None = None, context: int = MAX_CONTEXT,
                     window: int = WINDOW, author: str | None = None, title: str | None = None,
                     published: dt.date | None = None):
    r"""`extract` for a document of any length, yielding its figures a window at a time (see
    WINDOW). A text no longer than a window gives exactly what `extract` gives; a longer one
    is read window by window with the whole text's line-wrap style, and its figures are
    shifted to offsets into the whole text.

    >>> [(q.text, q.start) for q in extract_document("5 km.\n\n" * 3, "d", window=10)]
    [('5 km', 0), ('5 km', 7), ('5 km', 14)]
    """
    if len(text) <= window:
        yield from extract(text, doc_id, context, author=author, title=title, published=published)
        return
    wrapped = is_hard_wrapped(text)
    for start, end in windows(text, window):
        for quantity in extract(text[start:end], doc_id, context, wrapped, author, title, published):
            yield _shifted(quantity, start, doc_id) if start else quantity


def _shifted(quantity: Quantity, offset: int, doc_id: str | None) -> Quantity:
    """A figure found in a window, at its offsets in the whole text."""
    def moved(identifier: str | None) -> str | None:
        if identifier is None:
            return None
        start, end = identifier.rpartition(":")[2].split("-")
        return quantity_id(doc_id, int(start) + offset, int(end) + offset)

    return quantity.model_copy(update={
        "quantity_id": moved(quantity.quantity_id), "linked_to": moved(quantity.linked_to),
        "start": quantity.start + offset, "end": quantity.end + offset,
        "sentence_start": quantity.sentence_start + offset})


# A URL is no text: a link's target in Markdown ("[1,000 days](https://...)": the link text
# is read, the target is not) and a bare address.
_URL = regex.compile(r"\]\([^)\s]*\)|https?://[^\s)\]>\"']+|www\.[^\s)\]>\"']+")


def _outside_urls(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The candidates that do not touch a URL.

    >>> [q.text for q in extract("[2,000 drones](https://x.org/2022/one-year-2-000-drones) and www.a.com/5-km")]
    ['2,000 drones']
    """
    if "://" not in text and "](" not in text and "www." not in text:
        return chosen
    urls = [m.span() for m in _URL.finditer(text)]
    if not urls:
        return chosen
    starts = [start for start, _ in urls]
    kept = []
    for candidate in chosen:
        i = bisect.bisect_left(starts, candidate.end) - 1
        if i >= 0 and urls[i][1] > candidate.start:
            continue
        kept.append(candidate)
    return kept


def _as_list(readings) -> list[Reading]:
    if readings is None:
        return []
    return readings if isinstance(readings, list) else [readings]


def _readings_of(amount: Amount):
    """An amount, and for a glued "m" or "k" both of its readings: "$2m" is two million,
    "a 2m wall" two metres; the overlap policy keeps the reading a dimension covers best."""
    abbreviation = amount.numeral.scale_abbreviation
    if abbreviation is None:
        yield amount
        return
    yield scaled(amount, numerals.SCALES[abbreviation])
    if amount.qualifier != "range":
        yield replace(amount, end=amount.numeral.digits_end)


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """The overlap policy, `longest_then_earliest`, as spaCy's filter_spans: the longest
    span wins, then the earliest, then the dimension registered first; a span that
    overlaps one already kept is dropped. Returns the kept spans in text order.

    The characters the kept spans cover are marked in a bytearray: a span overlaps a kept one
    where it holds a marked character (every candidate span holds one character at least), a
    lookup whatever the number kept, where inserting each into a sorted list moved half of it.
    """
    if not candidates:
        return []
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, c.start, c.priority))
    if any(c.start >= c.end for c in ordered):
        return _resolve_overlaps_sorted(ordered)
    taken = bytearray(max(c.end for c in ordered))
    kept: list[Candidate] = []
    for candidate in ordered:
        start, end = candidate.start, candidate.end
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _resolve_overlaps_sorted(ordered: list[Candidate]) -> list[Candidate]:
    """resolve_overlaps by a sorted list of the kept spans, which an empty span also holds."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    for candidate in ordered:
        i = bisect.bisect_left(taken, (candidate.start, candidate.start))
        overlaps_left = i > 0 and taken[i - 1][1] > candidate.start
        overlaps_right = i < len(taken) and taken[i][0] < candidate.end
        if not (overlaps_left or overlaps_right):
            taken.insert(i, (candidate.start, candidate.end))
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _sentence_before(text: str, sentences: "Sentences", sentence_start: int) -> tuple[int, int]:
    """(start, end) of the sentence before the one at `sentence_start` (empty at the start)."""
    end = sentence_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return sentences.around(end - 1, end) if end else (0, 0)


def quantity_id(doc_id: str | None, start: int, end: int) -> str:
    return f"{doc_id}:{start}-{end}" if doc_id else f"{start}-{end}"


def _quantity(text: str, doc_id: str | None, candidate: Candidate, sentences: "Sentences",
              attributions: attribution.Attributions, author: str | None = None,
              published: dt.date | None = None) -> Quantity:
    reading = candidate.reading
    amount = reading.amount
    value, low, high = bounds(amount.value, amount.low, amount.high, candidate.qualifier)
    sentence_start, sentence_end = sentences.around(candidate.start, candidate.end)
    about = classify(text, sentence_start, sentence_end, candidate.start, candidate.end,
                     reading.dimension, reading.unit, reading.subject)
    target = reading.normalized_unit
    source = attributions.attribute((sentence_start, sentence_end), candidate.start,
                                    lambda: _sentence_before(text, sentences, sentence_start), author)
    # Each bound converted once: an exact figure's value, low and high are one number.
    pint_unit = reading.pint_unit
    normalized_value = units.convert(value, pint_unit, target)
    normalized_low = normalized_value if low is value else units.convert(low, pint_unit, target)
    normalized_high = normalized_value if high is value else \
        normalized_low if high is low else units.convert(high, pint_unit, target)
    # Validated from a dict by the model's own validator: what Quantity(**fields) and
    # Quantity.model_validate do, without packing the arguments or the classmethod's call.
    return Quantity.__pydantic_validator__.validate_python({
        "quantity_id": quantity_id(doc_id, candidate.start, candidate.end),
        "doc_id": doc_id,
        "reported": published,
        "start": candidate.start,
        "end": candidate.end,
        "text": text[candidate.start:candidate.end],
        "sentence": text[sentence_start:sentence_end],
        "sentence_start": sentence_start,
        "dimension": reading.dimension,
        "category": about.category,
        "measure": about.measure,
        "value": value,
        "low": low,
        "high": high,
        "qualifier": candidate.qualifier,
        "unit": reading.unit,
        "normalized_value": normalized_value,
        "normalized_low": normalized_low,
        "normalized_high": normalized_high,
        "normalized_unit": target,
        "subject": about.subject,
        "donor": about.donor,
        "recipient": about.recipient,
        "aid_kind": about.aid_kind,
        "stage": about.stage,
        "attributed_to": source.attributed_to if source else None,
        "attribution_kind": source.kind if source else None,
        "attributed_source": source.source if source else None,
        "rule": reading.rule,
        "extractor_version": VERSION,
    })


# A sentence ends at a paragraph break, at a line that opens a heading, a list item, a quote
# or an HTML comment, after a line that is a bold heading or ends in a colon, or at . ! ?
# (with closing quotes and footnote markers, "forces.[29] The") before a space and a
# capital, a digit or an opening quote, unless the period closes an abbreviation ("U.S.").
# In hard-wrapped text (Markdown as scraped) any other single line break is a space inside
# the sentence; elsewhere every line break ends one (a headline, a dateline, a paragraph).
_BLOCK = (r"\n[ \t\u00a0]*\n\s*"
          r"|\n(?=[ \t\u00a0]*(?:\#{1,6}[ \t]|[-*+][ \t]|[0-9]{1,3}[.)][ \t]|>|<!--))"
          r"|(?<=\*\*|:)[ \t\u00a0]*\n\s*")
# The end of a sentence is matched from its punctuation (\K: the boundary is the space
# after it), which the engine finds faster than a look-behind tried at every space; a block
# break there is left to the block alternative, as it would be where the space begins.
_END = (r"[.!?\u2026][\"'\u201d\u2019)\]*]*(?:\[[0-9]+\])*\K(?!{block})[ \t\u00a0{newline}]+"
        r"(?=[\"'\u201c\u2018(\[*]*[\p{{Lu}}\p{{N}}])")
_BOUNDARY = regex.compile(r"(?P<block>\n+)|" + _END.format(newline="", block=r"\n"))
_WRAPPED_BOUNDARY = regex.compile(rf"(?P<block>{_BLOCK})|" + _END.format(newline=r"\n", block=f"(?:{_BLOCK})"))
_ABBREVIATION = regex.compile(
    r"(?:^|[\s(])(?:(?:\p{L}\.)*\p{L}|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Cpl|Pvt|St|Sen|Rep|Gov|Prof|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Inc|Ltd|Co|Corp|vs|etc|approx|est|Jr|Sr)\.$")
# Hard-wrapped: most lines that run on into another line stop short of a wrap width.
_WRAP_WIDTH = 100


def is_hard_wrapped(text: str) -> bool:
    r"""Whether the text's line breaks are wraps inside paragraphs (Markdown as scraped).

    >>> is_hard_wrapped("A long line of a sentence that was\nwrapped at a width, as pandoc\nwrites it, and\nso on.")
    True
    >>> is_hard_wrapped("Headline\n" + "A paragraph that runs on for a long time. " * 5 + "\n" + "Another. " * 20)
    False
    """
    lines = text.split("\n")
    running_on = [line for line, following in zip(lines, lines[1:]) if line.strip() and following.strip()]
    if len(running_on) < 3:
        return False
    short = sum(len(line) <= _WRAP_WIDTH for line in running_on)
    return short >= 0.8 * len(running_on)




class Sentences:
    """Sentence bounds of a text, found in one pass on first use, looked up by bisection.

    >>> text = "Forces advanced 5 km.[12] The U.S. sent 2 tanks. Dr. Li said so."
    >>> sentences = Sentences(text)
    >>> [text[s:e] for s, e in (sentences.around(16, 20), sentences.around(39, 46))]
    ['Forces advanced 5 km.[12]', 'The U.S. sent 2 tanks.']
    """

    def __init__(self, text: str, context: int = MAX_CONTEXT, wrapped: bool | None = None):
        self.text = text
        self.context = context
        self.starts = [0]
        if wrapped is None:
            wrapped = is_hard_wrapped(text)
        pattern = _WRAPPED_BOUNDARY if wrapped else _BOUNDARY
        for boundary in pattern.finditer(text):
            end = boundary.start()
            # An abbreviation ends in the period right before the space (`\.$`): look only there.
            if text[end - 1] != "." or boundary.group("block") is not None or \
                    not _ABBREVIATION.search(text, max(0, end - 12), end):
                self.starts.append(boundary.end())

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentence holding text[start:end], whitespace trimmed; a figure
        that straddles a boundary gets the sentences it touches. A sentence is cut to
        MAX_CONTEXT characters either side of the figure, at a space where there is one, so
        that text with no sentence ends costs no more per figure than text with them."""
        i = bisect.bisect_right(self.starts, start) - 1
        j = bisect.bisect_left(self.starts, end)
        sentence_start = self.starts[i]
        sentence_end = self.starts[j] if j < len(self.starts) else len(self.text)
        if start - sentence_start > self.context:
            cut = start - self.context
            space = self.text.find(" ", cut, start)
            sentence_start = space + 1 if space >= 0 else cut
        if sentence_end - end > self.context:
            cut = end + self.context
            space = self.text.rfind(" ", end, cut)
            sentence_end = space if space >= 0 else cut
        while sentence_end > end and self.text[sentence_end - 1].isspace():
            sentence_end -= 1
        while sentence_start < start and self.text[sentence_start].isspace():
            sentence_start += 1
        return sentence_start, sentence_end
