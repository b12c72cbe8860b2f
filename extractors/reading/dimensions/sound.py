"""Sound level: "85 decibels", "120 dB", read as decibels (a logarithmic level: never converted)."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "sound"
NORMALIZED_UNIT = "decibel"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
read = UnitAfter.table(NAME, NORMALIZED_UNIT)
UNIT_FIRST_WORDS = read.first_words
LEXICON = read.lexicon

EXAMPLES = [
    *same_value(["85 decibels", "85 dB", "85dB"], value=85, normalized_value=85, normalized_unit="decibel"),
    Example("noise of 120 dBA", span="120 dBA", value=120),
    Example("a 60-decibel hum", span="60-decibel", value=60),
    Example("one decibel", value=1),
    Example("90 decibels", value=90),
]

NEGATIVES = ["DB Schenker"]
