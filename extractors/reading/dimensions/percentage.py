"""Percentages ("65 per cent", "40%", "12 percent", "three-quarters of") and percentage
points, which are differences of percentages and keep a unit of their own."""

from __future__ import annotations

import regex

from ..patterns import case_blind, match_after, next_char
from .. import numerals
from ..qualifiers import exactly, scaled
from . import WAR_IN_UKRAINE, Example, Reading, alternation, lookup, same_value

NAME = "percentage"

LEXICON = {
    "%": "percent", "per cent": "percent", "percent": "percent", "pct": "percent",
    "per-cent": "percent", "percents": "percent", "percentage": "percent",
    "percentage points": "percentage_point", "percentage point": "percentage_point",
    "pct points": "percentage_point",
}
NORMALIZED = {"percent": "percent", "percentage_point": "percentage_point"}

_UNIT = regex.compile(
    rf"[ \u00a0\u202f]?(?P<unit>{alternation(LEXICON)})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
# A fraction written in words is a share of what follows: "three-quarters of the city".
_SHARE_OF = regex.compile(r"[ \u00a0]+of\b")
# What each reading reads first after the number: "in" (one in five), a unit, "of".
_STARTS = case_blind({form[0] for form in LEXICON} | {"i", "o"})


# "one in five patients": a proportion, written as a tally of a whole.
_ONE_IN = regex.compile(r"[ \u00a0]+in[ \u00a0]+(?=[0-9]|[a-z])", regex.IGNORECASE)
_PROPORTION_WORD = regex.compile(r"[\p{L}][\p{L}'’-]*")


def _proportion(text: str, amount) -> Reading | None:
    """"One in five patients" is 20 percent of patients (rule percentage.one_in)."""
    numeral = amount.numeral
    if amount.qualifier != "exact" or numeral.value is None or not numeral.value.is_integer():
        return None
    link = match_after(_ONE_IN, text, amount.end)
    if link is None:
        return None
    whole = next(numerals.scan(text, link.end(), min(len(text), link.end() + 30)), None)
    if whole is None or whole.start != link.end() or not whole.value or whole.value <= numeral.value:
        return None
    end = reached = whole.end
    from .count import is_counted_noun  # a proportion of people counted: "one in five patients"

    for i, word in enumerate(_PROPORTION_WORD.finditer(text, reached, min(len(text), reached + 60))):
        if i == 3 or text[reached:word.start()].strip():
            break  # three words at most, and nothing but spaces between them
        reached = word.end()
        if is_counted_noun(word.group()):
            end = reached
            break
    share = exactly(amount, numeral.value / whole.value * 100)
    return Reading(amount.start, end, NAME, text[amount.start:whole.end], "percent", "percent",
                   "percentage.one_in", share)


def read(text: str, amount) -> Reading | None:
    if next_char(text, amount.end) not in _STARTS:
        return None  # nothing a reading starts with follows the number
    proportion = _proportion(text, amount)
    if proportion is not None:
        return proportion
    match = match_after(_UNIT, text, amount.end)
    if match is not None:
        unit = match.group("unit")
        pint_unit = lookup(LEXICON, unit)
        return Reading(amount.start, match.end(), NAME, unit, pint_unit, NORMALIZED[pint_unit],
                       "percentage.number_percent", amount)
    numeral = amount.numeral
    if (numeral.kind == "words" and amount.qualifier != "range" and numeral.value is not None
            and 0 < numeral.value < 1 and match_after(_SHARE_OF, text, amount.end)):
        as_percent = scaled(amount, 100)
        return Reading(amount.start, amount.end, NAME, numeral.text, "percent", "percent",
                       "percentage.fraction_of", as_percent)
    return None


EXAMPLES = [
    *same_value(["65 per cent", "65%", "65 percent", "65 pct", "65 %", "sixty-five per cent"],
                value=65, normalized_value=65, normalized_unit="percent"),
    Example("almost 40 per cent", value=40, high=40, low=None, qualifier="almost"),
    Example("2.5 percentage points", value=2.5, normalized_unit="percentage_point"),
    Example("10-15%", low=10, high=15, qualifier="range"),
    Example("three-quarters of the city", span="three-quarters", value=75,
            normalized_unit="percent"),
    Example("Half of the budget went to defence.", span="Half", value=50, normalized_unit="percent"),
    Example("a third of the city", span="a third", normalized_value=33.3333333),
    Example("One in five patients was diabetic.", span="One in five patients", value=20,
            normalized_unit="percent"),
    Example("one in 10 homes", span="one in 10 homes", value=10),
    Example(title=WAR_IN_UKRAINE, text="while 65 per cent of energy production capacity has been destroyed",
            span="65 per cent", value=65, category="damage", measure="destroyed",
            subject="energy production capacity"),
    Example("almost 40 per cent of the population need humanitarian assistance",
            span="almost 40 per cent", value=40, category="other", subject="population"),
]

NEGATIVES = ["per cent", "a percentage of", "one of the top concerns", "one in the morning",
             "five in a row",
             "https://example.com/?q=30%25%2020%", "a change of \u22125 per cent"]
