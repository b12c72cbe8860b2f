"""Area: land and territory ("1,000 square kilometres", "45-acre", "190 km2"), normalized to
square kilometres."""

from __future__ import annotations

from .. import units
from . import Example, UnitAfter, same_value

NAME = "area"
NORMALIZED_UNIT = "km2"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
LEXICON, EXACT_FORMS = units.surface_forms(NAME)

read = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=EXACT_FORMS)
UNIT_FIRST_WORDS = read.first_words

EXAMPLES = [
    *same_value(["1,000 square kilometres", "1,000 sq km", "1,000 km2", "1,000 km²"],
                value=1000, normalized_value=1000),
    Example("a 45-acre site", span="45-acre", value=45, normalized_value=0.182109267),  # pint: US survey acre
    Example("660 square meters", value=660, normalized_value=0.00066),
    Example("Ukraine has liberated over 6,000 square kilometers", span="over 6,000 square kilometers",
            low=6000, qualifier="more_than"),
    Example("300 hectares", value=300, normalized_value=3),
]

NEGATIVES = ["ha ha", "a square mile of"]
