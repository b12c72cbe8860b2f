"""Speed ("188 miles an hour", "10 km/h", "Mach 5" is left out), normalized to km/h; read
before length so that "188 miles an hour" is never a distance."""

from __future__ import annotations

from .. import units
from . import Example, UnitAfter, same_value

NAME = "speed"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
LEXICON, EXACT_FORMS = units.surface_forms(NAME)

NORMALIZED_UNIT = "km/h"

read = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=EXACT_FORMS)
UNIT_FIRST_WORDS = read.first_words

EXAMPLES = [
    *same_value(["100 km/h", "100 kph", "100 kilometres per hour", "100kmph"], value=100,
                normalized_value=100),
    Example("winds of 188 miles an hour", span="188 miles an hour", value=188,
            normalized_value=302.556672),
    Example("30 knots", value=30, normalized_value=55.56),
]

NEGATIVES = ["the Knots Landing series"]
