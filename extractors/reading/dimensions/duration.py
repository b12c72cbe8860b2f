"""Durations ("1,000 days", "two months", "three years", "24 hours", "a 1,000-day war"),
normalized to days with pint (a month is 1/12 of pint's 365.25-day year)."""

from __future__ import annotations

import regex

from .. import units
from ..patterns import search_before
from . import Example, UnitAfter, same_value

NAME = "duration"
NORMALIZED_UNIT = "day"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
LEXICON, EXACT_FORMS = units.surface_forms(NAME)

# An age ("a 42-year-old man") is a duration too; its span takes in "old".
_UNITS = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=EXACT_FORMS, after=r"(?P<age>(?:-|[ \u00a0]+)olds?\b)?")
UNIT_FIRST_WORDS = _UNITS.first_words  # read() reads nothing where _UNITS reads nothing


# "One" with a single unit is a tally only where the text counts time ("for one day", "in one
# year"); elsewhere it names a moment ("one day he left", "one year later"): no figure.
_TALLY_BEFORE = regex.compile(
    r"\b(?:for|in|within|after|over|lasted|lasting|last|every|per|than|about|only|just|nearly|almost|"
    r"least|more|up\s+to|takes?|took|spent|spend|served|serve|sentenced\s+to)\s+$", regex.IGNORECASE)


def read(text: str, amount):
    reading = _UNITS(text, amount)
    if reading is None:
        return None
    numeral = amount.numeral
    if numeral.kind == "words" and numeral.text.lower() == "one" and amount.qualifier == "exact" \
            and not search_before(_TALLY_BEFORE, text, amount.start, 20):
        return None
    return reading


EXAMPLES = [
    *same_value(["1,000 days", "1000 days", "one thousand days", "1,000-day"], value=1000,
                normalized_value=1000, normalized_unit="day"),
    *same_value(["two months", "2 months", "Two months"], value=2, normalized_value=60.875),
    Example("Three years", value=3, normalized_value=1095.75),
    Example("24 hours", value=24, normalized_value=1),
    Example("two decades", value=2, normalized_value=7305),
    Example("a fortnight-long", span="a fortnight", value=1, normalized_value=14,
            gap="'a' alone is not a numeral, so 'a fortnight', 'a year' are not read"),
    Example("just over two months", value=2, low=2, qualifier="more_than"),
    Example("Tuesday will mark 1,000 days since Russia launched its full-scale invasion",
            span="1,000 days", value=1000, category="other"),
    Example("Later on Friday he held his first phone call with Putin in two years.",
            span="two years", value=2, normalized_value=730.5),
    Example("a 1,000-day war", span="1,000-day", value=1000),
    Example("The 42-year-old man had been detained", span="42-year-old", value=42),
    Example("a man aged 58 years old", span="58 years old", value=58),
    Example("two 16-year-olds", span="16-year-olds", value=16),
    Example("Three and a half years ago", span="Three and a half years", value=3.5),
    Example("to be divided between the three and six month issues", span="six month", value=6),
    Example("Nine mths", value=9, normalized_value=273.9375),
    Example("They talked for one hour", span="one hour", value=1),
    Example("within one year", span="one year", value=1),
]

NEGATIVES = ["One day he left the city", "one year later, the war went on", "just days after", "months of requests", "next year", "in 2024 years ago",
             "November 17, 2024", "on January 20", "a year", "the first time"]
