"""Power: "612 horsepower", "a 1,000 MW plant", "5 kW", normalized to kilowatts."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "power"
NORMALIZED_UNIT = "kilowatt"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
read = UnitAfter.table(NAME, NORMALIZED_UNIT)
UNIT_FIRST_WORDS = read.first_words
LEXICON = read.lexicon

EXAMPLES = [
    *same_value(["1,000 MW", "1,000 megawatts", "1,000MW", "1 GW"], normalized_value=1e6),
    Example("The engine makes 612 horsepower at 7,500 rpm", span="612 horsepower", value=612,
            normalized_value=456.368321),
    Example("a 300 bhp engine", span="300 bhp", value=300),
    Example("a 5 kW panel", span="5 kW", normalized_value=5),
    Example("a 60-watt bulb", span="60-watt", normalized_value=0.06),
]

NEGATIVES = ["5 W of the city", "mW"]
