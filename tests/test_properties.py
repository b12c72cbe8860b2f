"""Properties every extraction keeps, whatever the text: checked on generated text.

Why: the rules are regular expressions over text that news sites, scrapers and OCR hand us,
and the published tables promise things of every row that no example list can cover:
`text == doc_text[start:end]`, a `sentence` that is the slice of the document at
`sentence_start` and holds the figure, `low <= value <= high` (and the same of the
normalized columns) wherever they are set, finite numbers only, and the same rows on every
run. Two kinds of text are generated:

- arbitrary Unicode (no surrogates), weighted towards what breaks offsets and case-blind
  matching: combining marks, right-to-left text and marks, NUL and other controls, line and
  paragraph separators, other scripts' digits;
- news-like text: sentence templates with figures written the ways news writes them
  (thousands separators of every kind, decimals, "½", scale words and glued "bn"/"m", number
  words and vague amounts, huge digit strings), units and currencies, qualifiers and ranges
  with every dash, then perhaps upper-, lower- or title-cased as a whole and with case-folding
  characters ("ſ", "İ", "ı", "ß", KELVIN SIGN, ANGSTROM SIGN, the "ﬁ" ligature) swapped in or
  inserted, which change length or meaning when a rule lower-cases or case-folds.

tests/test_hostile.py already runs a small alphabet-soup suite and the pathological
inputs; this suite adds the news grammar, the Unicode edge cases and the numeric properties.
`check(text)` runs every property on one text and the strategies are module-level, so
that scripts/fuzz.py runs the very same definitions for a long campaign (not in CI).
A property that fails on a real defect is kept failing, never weakened: the minimal
input goes into `@example` of that property, so that it is tried on every run. Each test
asserts one property, so a text that extract() raises on is the no-exception test's
failure alone; the other tests pass over it (`_extracted`).
"""

from __future__ import annotations

import math
import string

from hypothesis import HealthCheck, example, given, reject, settings
from hypothesis import strategies as st

from extractors import extract
from extractors.dataset.records import Quantity

FIELDS = tuple(Quantity.model_fields)
NUMBERS = ("value", "low", "high", "normalized_value", "normalized_low", "normalized_high")
BOUNDS = (("low", "value", "high"), ("normalized_low", "normalized_value", "normalized_high"))


class PropertyFailed(AssertionError):
    """A property that does not hold: which one, on which field, and how."""

    def __init__(self, prop: str, field: str, detail: str):
        super().__init__(f"{prop} [{field}]: {detail}")
        self.prop, self.field, self.detail = prop, field, detail


# ---- the properties: each takes the text and what extract() gave for it ----------------

def check_spans(text: str, quantities: list[Quantity]) -> None:
    """Each figure's `text` is the document's slice at [start, end), inside the document."""
    for q in quantities:
        if not 0 <= q.start <= q.end <= len(text):
            raise PropertyFailed("span", "start/end", f"[{q.start}, {q.end}) outside a text of {len(text)}")
        if text[q.start:q.end] != q.text:
            raise PropertyFailed("span", "text", f"{q.text!r} != doc[{q.start}:{q.end}] = {text[q.start:q.end]!r}")


def check_sentences(text: str, quantities: list[Quantity]) -> None:
    """Each `sentence` is the document's slice at `sentence_start`, and holds the figure at
    [start - sentence_start, end - sentence_start)."""
    for q in quantities:
        s = q.sentence_start
        if text[s:s + len(q.sentence)] != q.sentence:
            raise PropertyFailed("sentence", "sentence", f"not doc[{s}:{s + len(q.sentence)}]: {q.sentence!r}")
        if not s <= q.start <= q.end <= s + len(q.sentence):
            raise PropertyFailed("sentence", "sentence_start",
                                 f"[{s}, {s + len(q.sentence)}) does not hold [{q.start}, {q.end})")
        if q.sentence[q.start - s:q.end - s] != q.text:
            raise PropertyFailed("sentence", "sentence", f"its slice is {q.sentence[q.start - s:q.end - s]!r}, not {q.text!r}")


def check_bounds(quantities: list[Quantity]) -> None:
    """low <= value <= high, and normalized_low <= normalized_value <= normalized_high, for
    every pair of them that is set."""
    for q in quantities:
        for names in BOUNDS:
            values = [(name, getattr(q, name)) for name in names]
            present = [(name, v) for name, v in values if v is not None]
            for (a, x), (b, y) in zip(present, present[1:]):
                if not x <= y:
                    raise PropertyFailed("bounds", f"{a}<={b}", f"{x!r} > {y!r} in {q.text!r}")
            if len(present) == 3 and not present[0][1] <= present[2][1]:
                raise PropertyFailed("bounds", f"{names[0]}<={names[2]}", f"in {q.text!r}")


def check_finite(quantities: list[Quantity]) -> None:
    """Every number published is finite: no inf, no nan."""
    for q in quantities:
        for name in NUMBERS:
            v = getattr(q, name)
            if v is not None and not math.isfinite(v):
                raise PropertyFailed("finite", name, f"{v!r} in {q.text!r}")


def _same(a, b) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def check_deterministic(text: str, quantities: list[Quantity]) -> None:
    """extract() on the same text again (a fresh, equal string object) gives the same
    figures, field by field."""
    again = extract((text + "\x00")[:-1])  # equal, but not the same object: no cache by identity
    if len(again) != len(quantities):
        raise PropertyFailed("deterministic", "count", f"{len(quantities)} figures, then {len(again)}")
    for first, second in zip(quantities, again):
        for name in FIELDS:
            if not _same(getattr(first, name), getattr(second, name)):
                raise PropertyFailed("deterministic", name,
                                     f"{getattr(first, name)!r}, then {getattr(second, name)!r} ({first.text!r})")


def check(text: str) -> list[Quantity]:
    """Every property on one text: extract() raises nothing (its exception propagates as it
    is), then spans, sentences, bounds, finiteness and determinism; a property that does not
    hold raises PropertyFailed. Returns the figures."""
    quantities = extract(text)
    check_spans(text, quantities)
    check_sentences(text, quantities)
    check_bounds(quantities)
    check_finite(quantities)
    check_deterministic(text, quantities)
    return quantities


# ---- strategies -------------------------------------------------------------------------

# Case-folding characters: each changes length when lower- or upper-cased, or folds to an
# ASCII letter that a case-blind pattern matches ("\u212a" KELVIN SIGN folds to "k").
FOLDING = ["ſ", "İ", "ı", "ß", "\u212a", "\u212b", "ﬁ", "ﬂ", "ẞ", "ς", "ǅ", "ﬀ"]
# Characters that break offsets or boundaries: NUL and controls, line and paragraph
# separators, NEL, bidi marks and overrides, combining marks, BOM, zero-width space,
# Hebrew and Arabic letters, other scripts' digits, fullwidth and mathematical digits.
SPECIAL = ["\x00", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\r", "\n", "\t",
           "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069",
           "\u0300", "\u0301", "\u0307", "\u0327", "\u20dd", "\u0488", "\ufeff", "\u200b",
           "\u200d", "\u05d0", "\u05e9", "\u0627", "\u0644", "\u0661", "\u06f5", "\u0966",
           "\uff15", "\U0001d7d3", "\u00b2", "\u2155", "\u00a0", "\u2009", "\u202f", "\u3000",
           *FOLDING]
NEWS_CHARACTERS = list("0123456789 ,.-–—−$€£%½()/") + ["km", "mi", "kg", " per cent", "bn", "m"]

unicode_characters = st.one_of(
    st.characters(exclude_categories=("Cs",)),                 # anything but surrogates
    st.characters(categories=("Mn", "Mc", "Me")),              # combining marks
    st.characters(categories=("Zl", "Zp", "Zs", "Cc", "Cf")),  # separators, controls, bidi
    st.sampled_from(SPECIAL),
)
# Figures as news writes them, to splice between runs of arbitrary characters.
FRAGMENTS = ["5 km", "over 2,000 troops", "between 5 and 10 billion", "$1.5bn", "tens of thousands",
             "½ mile", "3–4 km/h", "20 per cent", "US$5m", "up to 300 km", "a dozen drones", "2,000-plus",
             "10\u202f000 tonnes", "£2 million", "nearly 90%", "190 miles (300km)", "MİLES", "kmſ", "K"]
# Arbitrary Unicode: runs of any characters, with figures' characters and fragments among
# them so that the rules get to run on them.
unicode_texts = st.lists(st.one_of(st.text(unicode_characters, min_size=1, max_size=24),
                                   st.sampled_from(NEWS_CHARACTERS + FRAGMENTS)),
                         max_size=12).map("".join)

SEPARATORS = [",", ".", "\u2009", "\u202f", "\u00a0", " ", "'"]
plain_numbers = st.integers(0, 10**7).map(str)
grouped_numbers = st.builds(lambda n, sep: f"{n:,}".replace(",", sep),
                            st.integers(1000, 10**13), st.sampled_from(SEPARATORS))
decimals = st.builds(lambda whole, point, frac: f"{whole}{point}{frac}",
                     st.integers(0, 99_999), st.sampled_from([".", ","]), st.integers(0, 9999))
vulgar = st.sampled_from(["½", "¼", "¾", "⅓", "⅔", "⅛", "2½", "10 ½", "1/2", "3/4", "10 1/2",
                          "1/3", "7/8", "24/7", "17/11", "0/5", "5/0"])
scaled_numbers = st.builds(
    lambda n, scale: n + scale, st.one_of(plain_numbers, decimals, grouped_numbers),
    st.sampled_from([" million", " billion", " trillion", "bn", "m", "k", " mln", "tn", " bln",
                     "\u00a0million", "\nbillion", " hundred", " thousand", "M", "BN"]))
number_words = st.sampled_from([
    "two", "a dozen", "dozens", "tens of thousands", "a half", "half a million", "hundred",
    "a hundred", "two hundred and fifty", "hundreds", "three million", "twenty-five", "million",
    "one and a half", "three-quarters", "thousands", "millions", "hundreds of thousands",
    "a quarter million", "nine billion", "a million", "billions", "tens of billions", "scores",
    "zero", "half", "an estimated two", "ninety-nine trillion", "a billion"])
huge_numbers = st.builds(lambda n, tail: "9" * n + tail, st.integers(14, 400),
                         st.sampled_from(["", ".5", " billion", "bn", "m", ",999", "e9"]))
numbers = st.one_of(plain_numbers, grouped_numbers, decimals, vulgar, scaled_numbers,
                    number_words, huge_numbers)

units = st.sampled_from([
    "km", "kilometres", "kilometers", "miles", "mile", "mi", "kg", "kilograms", "tonnes", "t",
    "tons", "per cent", "percent", "%", "percentage points", "km/h", "mph", "kph", "sq km",
    "square miles", "hectares", "days", "years", "months", "hours", "troops", "people",
    "drones", "missiles", "tanks", "civilians", "soldiers", "homes", "attacks", "dollars",
    "euros", "pounds", "°C", "°F", "degrees", "MW", "GW", "kWh", "GB", "litres", "barrels",
    "metres", "m", "ft", "feet", "in", "dB", "Hz", "rpm", "kPa", "euro cents", "cents", ""])
currencies = st.sampled_from(["", "", "", "$", "€", "£", "US$", "C$", "A$", "USD ", "EUR ",
                              "GBP ", "¥", "₴", "Rs ", "$ "])
qualifiers = st.sampled_from(["", "", "over ", "up to ", "at least ", "about ", "more than ",
                              "nearly ", "almost ", "some ", "fewer than ", "less than ",
                              "around ", "just over ", "no more than ", "as many as ",
                              "an estimated ", "approximately ", "~", "roughly ", "under "])
dashes = st.sampled_from(["-", "–", "—", "−", " - ", " – ", " to ", " or ", "-to-"])
joins = st.sampled_from(["", " ", " ", "\u00a0", "-", "\u202f", "\n"])
# How an amount is put together: {q} qualifier, {c} currency, {a} {b} numbers, {d} a dash
# or range word, {j} what joins the number to its unit {u}.
SHAPES = ["{q}{c}{a}{j}{u}", "{q}{c}{a}{j}{u}", "{c}{a}{d}{c}{b}{j}{u}", "between {c}{a} and {c}{b}{j}{u}",
          "from {c}{a}{d}{c}{b}{j}{u}", "{c}{a}-plus{j}{u}", "{c}{a}{j}{u} or more", "{q}{c}{a}{j}{u}-plus",
          "{q}{c}{a}{j}{u} plus", "{c}{a}{j}{u} or so", "{q}{a}{j}{u} ({b}{j}{u})", "{a}{j}{u} {b}{j}{u}",
          "{q}{a}{d}{b}", "{a}{u}"]


_PARTS = {"q": qualifiers, "c": currencies, "a": numbers, "b": numbers, "d": dashes, "j": joins, "u": units}


@st.composite
def amounts(draw) -> str:
    """One figure as news writes it: a qualified number, a range, with a unit or currency."""
    shape = draw(st.sampled_from(SHAPES))
    drawn = {}
    for _, name, _, _ in string.Formatter().parse(shape):  # only the parts the shape has
        if name and name not in drawn:
            drawn[name] = draw(_PARTS[name])
    return shape.format(**drawn)


TEMPLATES = [
    "{A} were killed in the attack.", "Russia launched {a} drones overnight, the air force said.",
    "The missile has a range of {a}.", "Ukraine received {a} in aid from the U.S. on June 3.",
    "Prices rose {a} in 2023, to {a}.", "A convoy travelled {a} ({a}) in {a}.", "## {A}",
    "- {a} of ammunition", '"We lost {a}," Gen. Smith said.', "Strikes hit {a} of the grid, damaging {a}.",
    "In 2022, {a} fled; by 2024 {a} had returned.", "[{a}](https://example.org/{a}) and www.a.com/{a}",
    "{a}", "{A}. {A}!", "KYIV, March {a} (Reuters) — {a} troops advanced {a}.", "> {a} homes were destroyed",
    "The U.S. pledged {a}, the E.U. {a} and Japan {a}.", "**{A}**:", "Temperatures fell to {a} by {a}.",
    "{a}, {a} and {a}", "Shahed-{a} and {a} drones", "the {a}-year-old and {a} others",
    "Handed over {a} tanks; took over {a} villages.", "Mr. Li said {a}... {a}?", "{a}/{a}",
]
SENTENCE_BREAKS = st.sampled_from([" ", "  ", "\n", "\n\n", "\r\n", "\u2028", "\u2029", "\n\n## ", "\n- ", "\t"])


@st.composite
def news_sentences(draw) -> str:
    template = draw(st.sampled_from(TEMPLATES))
    filled = []
    for i, part in enumerate(template.replace("{A}", "{a!c}").split("{a")):
        if i == 0:
            filled.append(part)
            continue
        amount = draw(amounts())
        if part.startswith("!c}"):
            amount, part = amount[:1].upper() + amount[1:], part[3:]
        else:
            part = part[1:]
        filled.append(amount + part)
    return "".join(filled)


@st.composite
def news_texts(draw) -> str:
    """News-like text: sentences of figures, then perhaps upper- or lower-cased whole, with
    case-folding characters swapped in for letters or inserted anywhere."""
    sentences = draw(st.lists(news_sentences(), min_size=1, max_size=4))
    breaks = draw(st.lists(SENTENCE_BREAKS, min_size=len(sentences), max_size=len(sentences)))
    text = "".join(s + b for s, b in zip(sentences, breaks)).rstrip(" ")
    case = draw(st.sampled_from(["as written", "as written", "upper", "lower", "title"]))
    text = {"as written": text, "upper": text.upper(), "lower": text.lower(), "title": text.title()}[case]
    for position, swap in draw(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(sorted(SWAPS))), max_size=6)):
        at = text.find(swap, position % (len(text) + 1))
        if at < 0:
            at = text.find(swap)
        if at >= 0:
            text = text[:at] + draw(st.sampled_from(SWAPS[swap])) + text[at + len(swap):]
    for position, inserted in draw(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(SPECIAL)), max_size=4)):
        at = position % (len(text) + 1)
        text = text[:at] + inserted + text[at:]
    return text


# What a case-folding character stands in for: the letters it folds or cases to.
SWAPS = {"s": ["ſ"], "S": ["ſ", "ẞ"], "i": ["ı", "İ", "i\u0307"], "I": ["İ", "ı"], "k": ["\u212a"],
         "K": ["\u212a"], "A": ["\u212b"], "a": ["\u212b", "å"], "fi": ["ﬁ"], "FI": ["ﬁ"], "fl": ["ﬂ"],
         "ss": ["ß"], "SS": ["ß", "ẞ"], "ff": ["ﬀ"], "m": ["\u217f", "\u1d0d"], "e": ["\u0435"],
         "o": ["\u043e", "\u00f8"], "-": ["\u2011", "\u2010", "\ufe63", "\uff0d"], ",": ["\uff0c", "\u060c"],
         " ": ["\u2000", "\u205f", "\u1680"]}

texts = st.one_of(unicode_texts, news_texts())

# CI: deterministic (derandomize), no example database, no deadline (a loaded machine). A
# sample of 150 texts a property in the suite; the campaign of hundreds of thousands, which
# found every defect listed below, is scripts/fuzz.py.
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ---- the suite -------------------------------------------------------------------------

def _extracted(text: str) -> list[Quantity]:
    """extract(text) for the tests of one property each: a text that extract() raises on is
    left to test_extract_raises_nothing_on_any_text (which fails on it), so that each test
    reports the property it names and no other."""
    try:
        return extract(text)
    except Exception:
        reject()


# Defects found by this suite and scripts/fuzz.py, each the minimal text, one per line of
# code that raises. All are one defect: a pattern matched case-blind (`regex.IGNORECASE`
# matches "İ" to "i" and "ſ" to "s") whose match is then looked up in a table after
# `str.lower()`, which maps "İ" to "i" + U+0307 and leaves "ſ" as it is: the key is in no
# table, and the lookup raises KeyError.
@PROPERTY_SETTINGS
@example("1 mİllion")  # numerals.py _from_match: SCALES[scale.lower()]
@example("quarter mİllion")  # numerals.py parse_words: SCALES[token]
@example("mİllions")  # numerals.py _from_match: VAGUE[word]
@example("tens of billionſ")  # numerals.py _from_match: VAGUE[vague_scale.lower()]
@example("5 centſ")  # dimensions/currency.py read: lookup(SUFFIXES, ...)
@example("5 square mİles")  # dimensions/__init__.py UnitAfter.__call__: lookup(self.lexicon, ...)
@example("5 percentage poİnts")  # dimensions/percentage.py read: lookup(LEXICON, ...)
@example("aſ many as 5 km")  # qualifiers.py qualify: BEFORE[phrase]
@example("5 km or ſo")  # qualifiers.py qualify: AFTER[phrase]
@example("loſt billions civilians")  # about/__init__.py _measure_in: cues.BY_CLASS[klass][cues.key(...)]
@example("UK receİved USD 5")  # about/cues.py stage_near: STAGES_TABLE[key(...)]
@given(texts)
def test_extract_raises_nothing_on_any_text(text):
    extract(text)


@PROPERTY_SETTINGS
@given(texts)
def test_figure_text_is_the_document_slice_at_its_offsets(text):
    check_spans(text, _extracted(text))


@PROPERTY_SETTINGS
@given(texts)
def test_sentence_is_the_document_slice_at_sentence_start_and_holds_the_figure(text):
    check_sentences(text, _extracted(text))


@PROPERTY_SETTINGS
@given(texts)
def test_low_value_high_are_ordered_and_so_are_their_normalized_values(text):
    check_bounds(_extracted(text))


@PROPERTY_SETTINGS
@given(texts)
def test_every_number_is_finite(text):
    check_finite(_extracted(text))


@PROPERTY_SETTINGS
@given(texts)
def test_extraction_is_deterministic_field_by_field(text):
    check_deterministic(text, _extracted(text))


def test_check_runs_every_property_on_a_news_sentence():
    """check() is what scripts/fuzz.py runs: it passes on a plain sentence and returns the figures."""
    quantities = check("Russia launched over 2,000 drones, up to 300 km, between 5 and 10 km/h.")
    assert [q.text for q in quantities] == ["over 2,000 drones", "up to 300 km", "between 5 and 10 km/h"]
