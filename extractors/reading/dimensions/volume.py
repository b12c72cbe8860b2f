"""Volume: fuel, oil and water ("500,000 barrels", "2.4 billion gallons", "75ml"),
normalized to litres. A barrel is an oil barrel (42 US gallons), a gallon a US gallon."""

from __future__ import annotations

from .. import units
from . import Example, UnitAfter, same_value

NAME = "volume"
NORMALIZED_UNIT = "L"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
LEXICON, EXACT_FORMS = units.surface_forms(NAME)

read = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=EXACT_FORMS)
UNIT_FIRST_WORDS = read.first_words

EXAMPLES = [
    *same_value(["500,000 barrels", "500,000 bbl"], value=500000, normalized_value=79493723.7,
                normalized_unit="L"),
    Example("2.4 billion gallons", value=2.4e9, normalized_value=9084988280),
    Example("75ml", value=75, normalized_value=0.075),
    Example("0.9 trillion cubic feet", value=0.9e12),
    Example("3 tablespoons", value=3),
    Example("Iraq pumps 18.3 mln barrels a day", span="18.3 mln barrels", value=18.3e6),
]

NEGATIVES = ["the L train", "Line 5 L"]
