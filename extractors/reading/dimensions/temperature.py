"""Temperature: "-5 °C", "40 degrees Fahrenheit", "2 to 2.5 degrees Celsius (3.6 to 4.5 °F)",
normalized to degrees Celsius with pint, offsets included (50 °F is 10 °C).

A change of temperature ("rose by 2 degrees Celsius", "warming of 1.5 °C") is a difference,
normalized without the offset (3.6 °F of warming is 2 °C of warming): its unit is pint's
`delta_degree_Celsius`.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .. import units
from ..patterns import search_before
from . import Example, UnitAfter, same_value

NAME = "temperature"
NORMALIZED_UNIT = "degree_Celsius"
DIFFERENCE_UNIT = "delta_degree_Celsius"

LEXICON, EXACT_FORMS = units.surface_forms(NAME)
_UNITS = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=EXACT_FORMS)
UNIT_FIRST_WORDS = _UNITS.first_words  # read() reads nothing where _UNITS reads nothing
# "rose by", "a rise of", "warming of", "up", "cooler": the figure is a difference.
_CHANGE_BEFORE = regex.compile(
    r"\b(?:by|rise\s+of|increase\s+of|drop\s+of|fall\s+of|warming\s+of|cooling\s+of|up|down|"
    r"(?:warmer|cooler|hotter|colder)\s+by)\s+(?:(?:about|some|around|nearly|almost|over|more\s+than|up\s+to|between|from)\s+)?$",
    regex.IGNORECASE)


def read(text: str, amount):
    reading = _UNITS(text, amount)
    if reading is None:
        return None
    if reading.pint_unit == "kelvin" or not search_before(_CHANGE_BEFORE, text, amount.start, 40):
        return reading
    return replace(reading, pint_unit=f"delta_{reading.pint_unit}", normalized_unit=DIFFERENCE_UNIT,
                   rule=f"{NAME}.difference")


EXAMPLES = [
    *same_value(["50 °F", "50°F", "50 degrees Fahrenheit", "50 deg F"], value=50, normalized_value=10,
                normalized_unit="degree_Celsius"),
    Example("it was 21 degrees Celsius", span="21 degrees Celsius", value=21, normalized_value=21),
    Example("Temperatures rose by 2 to 2.5 degrees Celsius (3.6 to 4.5 °F).", span="3.6 to 4.5 °F",
            low=3.6, high=4.5, normalized_unit="delta_degree_Celsius",
            gap="the difference cue stands before the first half of the pair; the bracketed half does not see it"),
    Example("Temperatures rose by 2 to 2.5 degrees Celsius", span="2 to 2.5 degrees Celsius", low=2, high=2.5,
            normalized_unit="delta_degree_Celsius"),
    Example("a warming of 1.5 °C", span="1.5 °C", value=1.5, normalized_value=1.5,
            normalized_unit="delta_degree_Celsius"),
    Example("300 kelvin", value=300, normalized_value=26.85),
]

NEGATIVES = ["5K run", "the C-17 landed", "Section 5 C of the law"]
