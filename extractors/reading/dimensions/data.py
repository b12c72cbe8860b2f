"""Data size: "512GB of storage", "2 terabytes", "100 MB", normalized to bytes (SI prefixes: a GB is 10^9 bytes)."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "data"
NORMALIZED_UNIT = "byte"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
read = UnitAfter.table(NAME, NORMALIZED_UNIT)
UNIT_FIRST_WORDS = read.first_words
LEXICON = read.lexicon

EXAMPLES = [
    Example("the tablet has 512GB of storage", span="512GB", value=512, normalized_value=512e9),
    *same_value(["2 terabytes", "2 TB", "2TB"], normalized_value=2e12),
    Example("a 100 MB file", span="100 MB", normalized_value=1e8),
    Example("8 gigabits", normalized_value=1e9),
    Example("64 kilobytes", normalized_value=64000),
]

NEGATIVES = ["5B people", "a Plan B", "5 Mb"]
