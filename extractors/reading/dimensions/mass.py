"""Mass: weights and cargo ("16,000 metric tons", "200lbs", "3 kg"), normalized to kilograms.

"Tons" are read as metric tonnes, as most outlets outside the US use the word; "25 pounds"
is a weight unless the text around it is about money (the currency dimension decides).
"""

from __future__ import annotations

from .. import units
from . import Example, UnitAfter, same_value

NAME = "mass"
NORMALIZED_UNIT = "kg"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
LEXICON, EXACT_FORMS = units.surface_forms(NAME)

read = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=EXACT_FORMS, glued=units.glued_forms(NAME))
UNIT_FIRST_WORDS = read.first_words

EXAMPLES = [
    *same_value(["16,000 metric tons", "16,000 tonnes", "16,000 tons", "16,000t"], value=16000,
                normalized_value=16e6, normalized_unit="kg"),
    *same_value(["200lbs", "200 lbs", "200 pounds"], value=200, normalized_value=90.718474),
    Example("a three-ton truck", span="three-ton", value=3),
    Example("120 μg", value=120, normalized_value=1.2e-7),
    Example("he lost 25 pounds this year", span="25 pounds", value=25),
    Example("5 pounds of flour", span="5 pounds", value=5),
    Example("Russia shipped 246,000 tonnes of durum wheat", span="246,000 tonnes", value=246000),
]

NEGATIVES = ["he paid 25 pounds for it", "5 G networks", "Grade 5 T cells"]
