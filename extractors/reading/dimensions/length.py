"""Length: distances and weapon ranges, normalized to kilometres with pint.

"190 miles (300km)" is two figures, linked to each other by the engine.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..patterns import match_after
from ..qualifiers import exactly
from .. import units
from . import WAR_IN_UKRAINE, Example, Reading, UnitAfter, same_value

NAME = "length"
NORMALIZED_UNIT = "km"

# The unit vocabulary is data: extractors/data/units.tsv (from pint's registry) and
# units-extra.tsv (reviewed additions and exclusions).
LEXICON, EXACT_FORMS = units.surface_forms(NAME)

_UNITS = UnitAfter(NAME, LEXICON, NORMALIZED_UNIT, case_sensitive=EXACT_FORMS)
UNIT_FIRST_WORDS = _UNITS.first_words  # read() reads nothing where _UNITS reads nothing
# "5 ft 2 in", "5 feet and 2 inches": one height, in feet.
_INCHES_AFTER = regex.compile(r"[ \u00a0]+(?:and[ \u00a0]+)?(?P<inches>[0-9]{1,2}(?:\.[0-9]+)?)[ \u00a0]*(?:in|inch|inches)(?![\p{L}])")


def read(text: str, amount) -> Reading | None:
    reading = _UNITS(text, amount)
    if reading is None or reading.pint_unit != "foot" or amount.qualifier != "exact":
        return reading
    inches = match_after(_INCHES_AFTER, text, reading.end)
    if inches is None or float(inches.group("inches")) >= 12:
        return reading
    feet = amount.value + float(inches.group("inches")) / 12
    return replace(reading, end=inches.end(), rule="length.feet_inches", amount=exactly(amount, feet))


EXAMPLES = [
    *same_value(["300km", "300 km", "300 kilometres", "300 kilometers", "300-km", "300 KM",
                 "300\u00a0km"], value=300, normalized_value=300, normalized_unit="km"),
    *same_value(["190 miles", "190 mi", "190-mile"], value=190, normalized_value=305.77536),
    *same_value(["up to 306 kilometers", "as many as 306 km"], value=306, high=306,
                low=None, qualifier="up_to"),
    Example("200-300 km", value=None, low=200, high=300, qualifier="range"),
    Example("between 200 and 300 kilometres", low=200, high=300, qualifier="range"),
    Example("from 70 to 80 km", low=70, high=80, qualifier="range"),
    Example("10 nautical miles", value=10, normalized_value=18.52),
    Example("10 Nautical\u00a0Miles", value=10, normalized_value=18.52),
    Example("500 metres", value=500, normalized_value=0.5),
    Example("a 2m wall", span="2m", value=2, normalized_value=0.002),
    Example("30,000 feet", value=30000, normalized_value=9.144),
    Example(title=WAR_IN_UKRAINE, text="US-made Atacms rockets, which have a range of 190 miles (300km) – a decision",
            span="190 miles", value=190, category="weapon_range", subject="Atacms rockets"),
    Example(title=WAR_IN_UKRAINE, text="US-made Atacms rockets, which have a range of 190 miles (300km) – a decision",
            span="300km", value=300, category="weapon_range", subject="Atacms rockets"),
    Example(title=WAR_IN_UKRAINE, text="ATACMS missiles can travel up to 300 km, and sources suggest",
            span="up to 300 km", high=300, qualifier="up_to", category="weapon_range",
            subject="ATACMS missiles"),
    Example("Russian forces advanced 5 km west of Bakhmut.", span="5 km", value=5,
            category="other"),
    Example(title=WAR_IN_UKRAINE, text="The Storm Shadow has a range of more than 250km.", span="more than 250km",
            low=250, qualifier="more_than", category="weapon_range", subject="Storm Shadow"),
    Example("a 2-mile-long convoy", span="2-mile", value=2),
    *same_value(["5 ft 2 in", "5 feet 2 inches", "5 feet and 2 inches"], value=5 + 2 / 12,
                normalized_value=0.0015748),
    Example("10 1/2 miles", value=10.5),
    Example('a pen that is 10" long', span='10"', value=10,
            gap='an inch mark is also a closing quote ("2024" said): left out for precision'),
    Example("a HIMARS strike on an ammunition depot approximately 60 km east of the city",
            span="approximately 60 km", category="other"),
    Example(title=WAR_IN_UKRAINE, text="the 25km range of 152mm artillery", span="152mm", category="other"),
    Example(title=WAR_IN_UKRAINE, text="the 25km range of 152mm artillery", span="25km", category="weapon_range"),
    Example("Russian forces fired rockets on settlements within a 20km range of Siversk",
            span="20km", category="other"),
    Example("If you want to travel from Kunming to Shanghai, a mere 2,252 kilometers, the rail system",
            span="2,252 kilometers", category="other"),
    Example("Russian 152 millimeter self-propelled howitzers have a maximum range of close to 25 kilometers.",
            span="close to 25 kilometers", value=25, high=25, qualifier="almost",
            category="weapon_range", subject="Russian 152 millimeter self-propelled howitzers"),
    Example(title=WAR_IN_UKRAINE, text="referring to the roughly 25-kilometer maximum effective range of the 152mm artillery system.",
            span="roughly 25-kilometer", value=25, qualifier="approximately", category="weapon_range",
            subject="152mm artillery system"),
    Example("Ukrainian forces advanced eight kilometers from Studenok toward the HIMARS depot.",
            span="eight kilometers", category="other"),
]

NEGATIVES = [
    "F-16 jets", "S-400 systems", "Su-34 bombers", "M142 HIMARS", "the 5 million people",
    "2 managers", "a 12-year-old boy", "Kh-101 missiles", "about 10 minutes",
]
