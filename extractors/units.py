"""The one pint registry: pint's defaults plus the project's definitions in units.txt.

Dimensions map surface forms ("km", "kilometres", "mi") to canonical pint names themselves
and ask this module for the factor to their normalized unit; raw text never reaches pint's
parser, which would answer "dimensionless" for words it does not know.

>>> round(factor("mile", "kilometer"), 6), factor("month", "day"), factor("USD", "USD")
(1.609344, 30.4375, 1.0)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pint

DEFINITIONS = Path(__file__).with_name("units.txt")


@cache
def registry() -> pint.UnitRegistry:
    """The shared registry, built on first use (pint takes a moment to load)."""
    units = pint.UnitRegistry(cache_folder=None)
    units.load_definitions(str(DEFINITIONS))
    return units


@cache
def factor(unit: str, target: str) -> float:
    """How many `target` one `unit` is; raises pint's DimensionalityError across dimensions."""
    units = registry()
    return float(units.Quantity(1.0, unit).to(target).magnitude)


def convert(value: float | None, unit: str, target: str) -> float | None:
    """`value` in `unit` expressed in `target`, rounded to 9 significant digits
    so float noise ("305.77536000000003") never reaches the published data."""
    if value is None:
        return None
    return float(f"{value * factor(unit, target):.9g}")
