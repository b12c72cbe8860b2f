"""Rotational speed: "7,500 rpm", "3,000 revolutions per minute"."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "rotation"
NORMALIZED_UNIT = "revolutions_per_minute"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
read = UnitAfter.table(NAME, NORMALIZED_UNIT)
UNIT_FIRST_WORDS = read.first_words
LEXICON = read.lexicon

EXAMPLES = [
    *same_value(["7,500 rpm", "7,500 RPM", "7,500 revolutions per minute"], value=7500, normalized_value=7500),
    Example("The engine makes 612 horsepower at 7,500 rpm", span="7,500 rpm", value=7500),
    Example("a 33 rpm record", span="33 rpm", value=33),
    Example("1,800 rpm", value=1800),
    Example("idles at 800rpm", span="800rpm", value=800),
]

NEGATIVES = ["RPMs"]
