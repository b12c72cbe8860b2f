"""Area: land and territory ("1,000 square kilometres", "45-acre", "190 km2"), normalized to
square kilometres."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "area"
NORMALIZED_UNIT = "km2"

LEXICON = {
    "square kilometres": "kilometer ** 2", "square kilometers": "kilometer ** 2",
    "square kilometre": "kilometer ** 2", "square kilometer": "kilometer ** 2",
    "sq km": "kilometer ** 2", "sq. km": "kilometer ** 2", "km2": "kilometer ** 2",
    "km²": "kilometer ** 2", "square km": "kilometer ** 2",
    "square metres": "meter ** 2", "square meters": "meter ** 2", "square metre": "meter ** 2",
    "square meter": "meter ** 2", "sq m": "meter ** 2", "m2": "meter ** 2", "m²": "meter ** 2",
    "square miles": "mile ** 2", "square mile": "mile ** 2", "sq mi": "mile ** 2",
    "sq miles": "mile ** 2", "square feet": "foot ** 2", "square foot": "foot ** 2",
    "sq ft": "foot ** 2", "acre": "acre", "acres": "acre", "hectare": "hectare",
    "hectares": "hectare", "ha": "hectare",
}

read = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=frozenset({"ha"}))

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
