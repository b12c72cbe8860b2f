"""Percentages ("65 per cent", "40%", "12 percent", "three-quarters of") and percentage
points, which are differences of percentages and keep a unit of their own."""

from __future__ import annotations

import regex

from ..patterns import match_after
from ..qualifiers import scaled
from . import Example, Reading, alternation, lookup, same_value

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


def read(text: str, amount) -> Reading | None:
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
    Example("while 65 per cent of energy production capacity has been destroyed",
            span="65 per cent", value=65, category="damage", measure="destroyed",
            subject="energy production capacity"),
    Example("almost 40 per cent of the population need humanitarian assistance",
            span="almost 40 per cent", value=40, category="other", subject="population"),
]

NEGATIVES = ["per cent", "a percentage of", "one of the top concerns",
             "https://example.com/?q=30%25%2020%", "a change of \u22125 per cent"]
