"""Frequency: "2.4 GHz", "50 Hz", normalized to hertz."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "frequency"
NORMALIZED_UNIT = "hertz"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
read = UnitAfter.table(NAME, NORMALIZED_UNIT)
UNIT_FIRST_WORDS = read.first_words
LEXICON = read.lexicon

EXAMPLES = [
    *same_value(["2.4 GHz", "2.4 gigahertz", "2.4GHz"], normalized_value=2.4e9),
    Example("the 50 Hz grid", span="50 Hz", normalized_value=50),
    Example("100 megahertz", normalized_value=1e8),
    Example("a 3 kHz tone", span="3 kHz", normalized_value=3000),
    Example("5 hertz", normalized_value=5),
]

NEGATIVES = ["the Hertz rental"]
