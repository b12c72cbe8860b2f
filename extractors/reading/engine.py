"""The engine: numerals once, amounts, every dimension's reading, one overlap policy.

One pass of the numeral pattern finds every number; each dimension then looks only at the
few characters around a number (anchored matches), so the cost grows with the text's
length plus its number of numbers, never with text times rules.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace
from typing import NamedTuple

import regex

from . import numerals, units
from .patterns import one_line, quick_init
from .about import agreement, aid, attribution, classify, cues, introduces, noun_class, situate
from .about.conflicts import Setting
from .about.transcripts import Transcript
from .dimensions import Reading, asked_about, next_word
from .qualifiers import Amount, amounts, bounds, qualify, scaled
from .quantity import Quantity, with_shared_fields_set

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
    `published` (the document's date) tell which war a figure is about and when; `author`
    (the publisher) and the speaker turns of a transcript who speaks.

    >>> [(q.text, q.value, q.normalized_unit) for q in extract("a range of 190 miles (300km)")]
    [('190 miles', 190.0, 'km'), ('300km', 300.0, 'km')]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs a str, not {type(text).__name__}")
    return _extract(text, doc_id, context, wrapped, author, published, Setting(text, title, published), 0,
                    Transcript(text, title, published, author))


def _extract(text: str, doc_id: str | None, context: int, wrapped: bool | None, author: str | None,
             published: dt.date | None, setting: Setting, origin: int, transcript: Transcript) -> list[Quantity]:
    """The figures of `text`, the part of the document `setting` and `transcript` read from
    `origin` on (a window of a long one)."""
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
    del candidates  # the readings not chosen: freed before the figures are made
    if not chosen:
        return []
    sentences = Sentences(text, context, wrapped, len(chosen))
    # In hard-wrapped text a line break inside a paragraph is a space: a name written across
    # it ("the Ministry of\n   Defence") is read whole, from a copy of the same length.
    attributions = attribution.Attributions(_unwrapped(text) if sentences.wrapped else text)
    first_words = cues.FirstWords(text)  # the cue words of every figure's sentence, found once
    quantities, shared = [], {}
    for i, candidate in enumerate(chosen):
        chosen[i] = None  # a reading is freed as its figure is made: never both held for every figure
        quantities.append(_quantity(text, doc_id, candidate, sentences, attributions, author, published,
                                    transcript, first_words, shared))
    del chosen, candidate
    # Each step relabels the figures in this one list: a figure it copies frees the one before.
    quantities = agreement.agree(text, quantities, noun_class, introduces)
    return aid.settle(text, situate(text, quantities, setting, origin), author, published)


# A document longer than this is read in windows, so that the memory a document takes is
# bounded by the window, never by the document: a 20 MB page of figures is read as four
# hundred short ones. A figure held takes about 2.5 KB (its sentence 0.65 KB of it, where no
# sentence ends), and up to 12 KB where its sentence is a published text's 5,000 characters
# either side: at one figure every 5 characters, a window holds 10,000 figures, whatever
# the text's length (scripts/benchmark.py hostile, extract_document).
WINDOW = 50_000
# Where one window's own part ends and the next one's begins: after the last paragraph
# break in the window's second half, or failing that the last line break, sentence end or
# space there, or anywhere in text with none of them.
_WINDOW_ENDS = (regex.compile(r"\n[ \t\u00a0]*\n\s*"), regex.compile(r"\n\s*"),
                regex.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"), regex.compile(r"\s+"))
# Each window reads this many characters either side of its own part (the last one's fewer
# where the text ends): far more than any figure with its qualifier and unit, and than every
# look next to a number (patterns.WINDOW, 120), so that two windows read the characters
# around the end of one's part, and the figures there, alike. A figure is the window's
# whose own part holds its first character: wherever the part ends, inside a figure or
# not, the figure is read whole once (a regression: a window that ended at a space inside
# "up to 300 km" published "300 km" exact, and in text without spaces "12345 km" as "45 km").
OVERLAP = 1_000


class Window(NamedTuple):
    """A window: the characters read (start, end) and the part whose figures it gives."""

    start: int
    end: int
    own_start: int
    own_end: int


def windows(text: str, size: int = WINDOW) -> list[Window]:
    r"""The windows a long text is read in: each reads at most `size` characters, its own
    part ending at the best break (_WINDOW_ENDS) in the second half of what it reads, less
    the overlap (OVERLAP, at most an eighth of `size`) it reads past that end; the next
    starts the overlap before it.

    >>> [tuple(w) for w in windows("one.\n\ntwo two.\n\nthree four.", size=20)]
    [(0, 18, 0, 16), (14, 27, 16, 27)]
    """
    overlap = min(OVERLAP, size // 8)
    found, start, own_start = [], 0, 0
    while len(text) - start > size:
        lowest, highest = start + size // 2, start + size - overlap
        own_end = highest
        for pattern in _WINDOW_ENDS:
            ends = [m.end() for m in pattern.finditer(text, lowest, highest)]
            if ends:
                own_end = ends[-1]
                break
        found.append(Window(start, own_end + overlap, own_start, own_end))
        start, own_start = own_end - overlap, own_end
    found.append(Window(start, len(text), own_start, len(text)))
    return found


def extract_document(text: str, doc_id: str | None = None, context: int = MAX_CONTEXT,
                     window: int = WINDOW, author: str | None = None, title: str | None = None,
                     published: dt.date | None = None):
    r"""`extract` for a document of any length, yielding its figures a window at a time (see
    WINDOW). A text no longer than a window gives exactly what `extract` gives; a longer one
    is read window by window (`windows`) with the whole text's line-wrap style, each window
    giving the figures that begin in its own part, at their offsets into the whole text.

    >>> [(q.text, q.start) for q in extract_document("5 km.\n\n" * 3, "d", window=10)]
    [('5 km', 0), ('5 km', 7), ('5 km', 14)]
    """
    if len(text) <= window:
        yield from extract(text, doc_id, context, author=author, title=title, published=published)
        return
    wrapped = is_hard_wrapped(text)
    setting = Setting(text, title, published)  # the wars are the whole document's, whatever the window
    transcript = Transcript(text, title, published, author)  # a turn runs across windows
    given_to = 0  # where the last figure given ends: two windows never give overlapping figures
    for start, end, own_start, own_end in windows(text, window):
        for quantity in _extract(text[start:end], doc_id, context, wrapped, author, published, setting, start,
                                 transcript.window(start)):
            if own_start <= quantity.start + start < own_end and quantity.start + start >= given_to:
                given_to = quantity.end + start
                yield _shifted(quantity, start, doc_id) if start else quantity


def extract_iter(text: str, doc_id: str | None = None, context: int = MAX_CONTEXT, author: str | None = None,
                 title: str | None = None, published: dt.date | None = None):
    """Every figure in `text`, yielded a window at a time (`extract_document`): the memory it
    takes is a window's (WINDOW characters), whatever the text's length or its number of
    figures. Use it for texts of any length (a crawl, a dump, a scanned report); `extract`
    returns every figure of the text in one list, which holds them all at once (about 2.5 KB
    a figure: 0.6 GB for the 200,000 figures of 1 MB of '$$$5 '). Up to WINDOW characters
    both give the same figures; past it, the figures of a window (each read whole, with
    OVERLAP characters of context either side of the window's own part).

    >>> [(q.text, q.start) for q in extract_iter("5 km and 6 km")]
    [('5 km', 0), ('6 km', 9)]
    """
    yield from extract_document(text, doc_id, context, author=author, title=title, published=published)


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
              published: dt.date | None = None, transcript: Transcript | None = None,
              first_words: cues.FirstWords | None = None, shared: dict | None = None) -> Quantity:
    """The figure of a candidate. `shared`, one dict for a document's figures (made in text
    order), gives the figures of one sentence one string of it, and equal strings (the
    figure as written, its unit and subject) one object: a list of every figure of a text
    (`extract`) holds each sentence once, not once a figure."""
    if shared is None:
        shared = {}
    reading = candidate.reading
    amount = reading.amount
    value, low, high = bounds(amount.value, amount.low, amount.high, candidate.qualifier)
    sentence_start, sentence_end = sentences.around(candidate.start, candidate.end)
    if transcript is not None:  # a sentence stays in its speaker's turn, without the label
        sentence_start, sentence_end = transcript.in_turn((sentence_start, sentence_end), candidate.start)
    about = classify(text, sentence_start, sentence_end, candidate.start, candidate.end,
                     reading.dimension, reading.unit, reading.subject, first_words)
    target = reading.normalized_unit
    before = lambda: _sentence_before(text, sentences, sentence_start)  # noqa: E731
    if transcript is None:
        source = attributions.attribute((sentence_start, sentence_end), candidate.start, before, author)
        turn = None
    else:  # who speaks where the figure is (about/transcripts.py)
        source = transcript.attribute(attributions, (sentence_start, sentence_end), candidate.start, before, author)
        turn = transcript.turn_at(candidate.start)
    speaker = turn.speaker if turn is not None else None
    # Each bound converted once: an exact figure's value, low and high are one number.
    pint_unit = reading.pint_unit
    normalized_value = units.convert(value, pint_unit, target)
    normalized_low = normalized_value if low is value else units.convert(low, pint_unit, target)
    normalized_high = normalized_value if high is value else \
        normalized_low if high is low else units.convert(high, pint_unit, target)
    # Validated from a dict by the model's own validator: what Quantity(**fields) and
    # Quantity.model_validate do, without packing the arguments or the classmethod's call.
    return with_shared_fields_set(Quantity.__pydantic_validator__.validate_python({
        "quantity_id": quantity_id(doc_id, candidate.start, candidate.end),
        "doc_id": doc_id,
        "reported": published,
        "start": candidate.start,
        "end": candidate.end,
        "text": _same(shared, text[candidate.start:candidate.end]),
        "sentence": _sentence(shared, text, sentence_start, sentence_end),
        "sentence_start": sentence_start,
        "dimension": reading.dimension,
        "category": about.category,
        "measure": about.measure,
        "value": value,
        "low": low,
        "high": high,
        "qualifier": candidate.qualifier,
        "unit": _same(shared, reading.unit),
        "normalized_value": normalized_value,
        "normalized_low": normalized_low,
        "normalized_high": normalized_high,
        "normalized_unit": target,
        "subject": _same(shared, one_line(about.subject)),
        "donor": about.donor,
        "recipient": about.recipient,
        "aid_kind": about.aid_kind,
        "stage": about.stage,
        "attributed_to": one_line(source.attributed_to) if source else None,
        "attribution_kind": source.kind if source else None,
        "attributed_source": source.source if source else None,
        "speaker": speaker.person if speaker else None,
        "speaker_label": speaker.label or None if speaker else None,
        "speaker_role": speaker.role if speaker else None,
        "speaker_for": speaker.speaks_for if speaker else None,
        "is_question": bool(speaker and speaker.is_question),
        "rule": reading.rule,
        "extractor_version": VERSION,
    }))


def _sentence(shared: dict, text: str, start: int, end: int) -> str:
    """text[start:end], the object the figure before was given where its sentence is the
    same: a sentence's figures come one after another, so only the last one is kept."""
    last = shared.get(_SENTENCE)
    if last is not None and last[0] == start and last[1] == end:
        return last[2]
    sentence = text[start:end]
    shared[_SENTENCE] = (start, end, sentence)
    return sentence


_SENTENCE = object()  # the key of the last sentence in `shared`, no string's


def _same(shared: dict, string: str | None) -> str | None:
    """The one object of the strings equal to `string` in `shared` (None as it is)."""
    return None if string is None else shared.setdefault(string, string)


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
# A list item's marker ("- ", "* ", "1. ") opens no sentence: people read the item's words (and
# the CSV's formula guard would put a ' before a sentence that begins with "-").
_LIST_MARKER = regex.compile(r"(?:[-*+\u2022][ \t\u00a0]+|[0-9]{1,3}[.)][ \t\u00a0]+)+")
# Hard-wrapped: most lines that run on into another line stop short of a wrap width.
_WRAP_WIDTH = 100


_LINE_BREAK_IN_PARAGRAPH = regex.compile(r"(?<!\n[ \t\u00a0]*)\n(?![ \t\u00a0]*\n)")


def _unwrapped(text: str) -> str:
    r"""The text with each line break inside a paragraph a space: the same length, so that
    every offset into it is one into the text.

    >>> _unwrapped("the Ministry of\n   Defence said.\n\nNext.")
    'the Ministry of    Defence said.\n\nNext.'
    """
    return _LINE_BREAK_IN_PARAGRAPH.sub(" ", text) if "\n" in text else text


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




# No boundary holds a letter or ends a look-ahead past one: boundaries found from a letter to
# a letter are those a scan of the whole text finds there.
_LETTER = regex.compile(r"\p{L}")
_LETTER_BEFORE = regex.compile(r"(?r)\p{L}")
# Most sentences end within this many characters either side of a figure.
_NEAR = 160


class Sentences:
    """Sentence bounds of a text, found where figures ask for them, looked up by bisection.

    The bounds around a figure are read from the last letter before its context to the first
    letter after it (MAX_CONTEXT or FULL_CONTEXT characters either side): a boundary is
    made of spaces, line breaks and punctuation, never of a letter, so the bounds found there
    are those of a scan of the whole text; each stretch is read once, and a text with no
    letters once whole.

    >>> text = "Forces advanced 5 km.[12] The U.S. sent 2 tanks. Dr. Li said so."
    >>> sentences = Sentences(text)
    >>> [text[s:e] for s, e in (sentences.around(16, 20), sentences.around(39, 46))]
    ['Forces advanced 5 km.[12]', 'The U.S. sent 2 tanks.']
    >>> text = "It includes:\\n\\n- 40 tanks;\\n-   2. 300 rounds."
    >>> [text[slice(*Sentences(text).around(text.index(f), text.index(f) + 2))] for f in ("40", "300")]
    ['40 tanks;', '300 rounds.']
    """

    def __init__(self, text: str, context: int = MAX_CONTEXT, wrapped: bool | None = None,
                 figures: int | None = None):
        self.text = text
        self.context = context
        self.starts = [0]
        if wrapped is None:
            wrapped = is_hard_wrapped(text)
        self.wrapped = wrapped
        self.pattern = _WRAPPED_BOUNDARY if wrapped else _BOUNDARY
        self._read: list[tuple[int, int]] = []  # (letter, letter) stretches read, sorted, apart
        if figures is not None and figures * 2 * _NEAR >= len(text):
            self._cover(0, len(text))  # figures that ask about most of the text: one pass over it

    def _cover(self, low: int, high: int) -> None:
        """Find every boundary that ends in text[low + 1:high]: read from the last letter at or
        before `low` to the first at or after `high`, but for the stretches read already."""
        read, text = self._read, self.text
        i = bisect.bisect_right(read, (low, len(text) + 1))
        if i and read[i - 1][1] >= high:
            return
        if i and read[i - 1][1] >= low:  # on from the letter where a stretch read ends
            i -= 1
            start, position, j = read[i][0], read[i][1], i + 1
        else:
            bound = read[i - 1][1] if i else 0
            letter = _LETTER_BEFORE.search(text, bound, low + 1)
            start = position = letter.start() if letter else bound
            j = i
        while j < len(read) and read[j][0] <= high:  # a stretch read inside: read up to it, on after it
            self._scan(position, read[j][0])
            position = read[j][1]
            j += 1
        if position < high:
            letter = _LETTER.search(text, high, len(text))
            end = letter.start() if letter else len(text)
            self._scan(position, end)
            position = end
        read[i:j] = [(start, position)]

    def _scan(self, start: int, end: int) -> None:
        """The boundaries between two letters (or the text's ends), none of them known yet."""
        text, kept = self.text, []
        for boundary in self.pattern.finditer(text, start, min(len(text), end + 1)):
            at = boundary.start()
            # An abbreviation ends in the period right before the space (`\.$`): look only there.
            if text[at - 1] != "." or boundary.group("block") is not None or \
                    not _ABBREVIATION.search(text, max(0, at - 12), at):
                kept.append(boundary.end())
        if kept:
            i = bisect.bisect_right(self.starts, start)
            self.starts[i:i] = kept

    def every_start(self) -> list[int]:
        """The start of every sentence of the text (read whole, once): for tools that split a
        text into sentences, not for the reader, which asks only around its figures.

        >>> Sentences("One tank. Two guns. Three.").every_start()
        [0, 10, 20]
        """
        self._cover(0, len(self.text))
        return list(self.starts)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentence holding text[start:end], whitespace trimmed; a figure
        that straddles a boundary gets the sentences it touches. A sentence is cut to
        MAX_CONTEXT characters either side of the figure, at a space where there is one, so
        that text with no sentence ends costs no more per figure than text with them."""
        # The boundaries NEAR characters either side are read first (most sentences end
        # there), the rest of the context only where none does.
        size = len(self.text)
        near = min(self.context + 1, _NEAR)
        self._cover(max(0, start - near), min(size, end + near))
        i = bisect.bisect_right(self.starts, start) - 1
        if self.starts[i] <= start - near and start - near > 0 and near <= self.context:
            self._cover(max(0, start - self.context - 1), start)
            i = bisect.bisect_right(self.starts, start) - 1
        j = bisect.bisect_left(self.starts, end)
        if (j == len(self.starts) or self.starts[j] > end + near) and end + near < size and near <= self.context:
            self._cover(end - 1, min(size, end + self.context + 1))
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
        marker = _LIST_MARKER.match(self.text, sentence_start, start)
        if marker is not None:
            sentence_start = marker.end()
        return sentence_start, sentence_end
