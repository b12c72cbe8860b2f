"""Pressure: "32 psi", "1,013 hPa", "2 atmospheres", normalized to kilopascals."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "pressure"
NORMALIZED_UNIT = "kilopascal"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
read = UnitAfter.table(NAME, NORMALIZED_UNIT)
UNIT_FIRST_WORDS = read.first_words
LEXICON = read.lexicon

EXAMPLES = [
    *same_value(["32 psi", "32 pounds per square inch"], normalized_value=220.632233),
    Example("a low of 960 hPa", span="960 hPa", normalized_value=96),
    Example("2 atmospheres", normalized_value=202.65),
    Example("100 kilopascals", normalized_value=100),
    Example("5 megapascals", normalized_value=5000),
]

NEGATIVES = ["5 bars of chocolate", "an ATM"]
