"""Energy: "100 kWh", "2 terawatt hours", "500 kilocalories", normalized to kilowatt-hours."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "energy"
NORMALIZED_UNIT = "kilowatt_hour"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
read = UnitAfter.table(NAME, NORMALIZED_UNIT)
UNIT_FIRST_WORDS = read.first_words
LEXICON = read.lexicon

EXAMPLES = [
    *same_value(["100 kWh", "100 kilowatt hours", "100 kilowatt-hours"], normalized_value=100),
    Example("a 100 kWh battery", span="100 kWh", normalized_value=100),
    Example("2 terawatt hours", normalized_value=2e9),
    Example("500 kilocalories", normalized_value=0.581111111),
    Example("3 GWh", normalized_value=3e6),
    Example("1,000 joules", normalized_value=0.000277778),
]

NEGATIVES = ["5 J Crew"]
