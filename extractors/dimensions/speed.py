"""Speed ("188 miles an hour", "10 km/h", "Mach 5" is left out), normalized to km/h; read
before length so that "188 miles an hour" is never a distance."""

from __future__ import annotations

from . import Example, UnitAfter, same_value

NAME = "speed"

LEXICON = {
    "km/h": "kilometer / hour", "kmh": "kilometer / hour", "kph": "kilometer / hour",
    "kmph": "kilometer / hour", "km/hr": "kilometer / hour", "km an hour": "kilometer / hour",
    "km per hour": "kilometer / hour", "kilometres per hour": "kilometer / hour",
    "kilometers per hour": "kilometer / hour", "kilometres an hour": "kilometer / hour",
    "kilometers an hour": "kilometer / hour",
    "mph": "mile / hour", "miles per hour": "mile / hour", "miles an hour": "mile / hour",
    "mile per hour": "mile / hour", "knots": "knot", "knot": "knot",
    "m/s": "meter / second", "metres per second": "meter / second",
    "meters per second": "meter / second", "metres a second": "meter / second",
}

NORMALIZED_UNIT = "km/h"

read = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT)

EXAMPLES = [
    *same_value(["100 km/h", "100 kph", "100 kilometres per hour", "100kmph"], value=100,
                normalized_value=100),
    Example("winds of 188 miles an hour", span="188 miles an hour", value=188,
            normalized_value=302.556672),
    Example("30 knots", value=30, normalized_value=55.56),
]

NEGATIVES = ["the Knots Landing series"]
