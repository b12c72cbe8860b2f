"""Volume: fuel, oil and water ("500,000 barrels", "2.4 billion gallons", "75ml"),
normalized to litres. A barrel is an oil barrel (42 US gallons), a gallon a US gallon."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "volume"
NORMALIZED_UNIT = "L"

LEXICON = {
    "l": "liter", "litre": "liter", "litres": "liter", "liter": "liter", "liters": "liter",
    "ml": "milliliter", "millilitre": "milliliter", "millilitres": "milliliter",
    "milliliter": "milliliter", "milliliters": "milliliter",
    "gallon": "gallon", "gallons": "gallon", "gal": "gallon",
    "barrel": "oil_barrel", "barrels": "oil_barrel", "bbl": "oil_barrel", "bbls": "oil_barrel",
    "cubic metre": "meter ** 3", "cubic metres": "meter ** 3", "cubic meter": "meter ** 3",
    "cubic meters": "meter ** 3", "m3": "meter ** 3", "m³": "meter ** 3",
    "cubic feet": "cubic_foot", "cubic foot": "cubic_foot", "cu ft": "cubic_foot",
    "cubic kilometres": "kilometer ** 3", "cubic kilometers": "kilometer ** 3",
    "cup": "cup", "cups": "cup", "tablespoon": "tablespoon", "tablespoons": "tablespoon",
    "tbsp": "tablespoon", "teaspoon": "teaspoon", "teaspoons": "teaspoon", "tsp": "teaspoon",
    "pint": "pint", "pints": "pint",
}

read = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=frozenset({"l"}))

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
