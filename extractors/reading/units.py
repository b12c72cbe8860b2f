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

from . import patterns

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
    if _offset(unit) or _offset(target):  # 50 °F is 10 °C: a scale and an offset
        return float(f"{registry().Quantity(value, unit).to(target).magnitude:.9g}")
    return float(f"{value * factor(unit, target):.9g}")


# ---- surface forms: extractors/data/units.tsv (generated from this registry) + units-extra.tsv

BLOCKED = "-"


def _rows(name: str) -> list[dict]:
    from .lexicons import read_tsv

    return read_tsv(name)


@cache
def glued_forms(dimension: str) -> frozenset[str]:
    """The forms a dimension reads only glued to the digits ("16,000t", never "5 t")."""
    return frozenset(row["form"] for row in _rows("units-extra.tsv")
                     if row["dimension"] == dimension and row["case"] == "glued")


@cache
def surface_forms(dimension: str) -> tuple[dict[str, str], frozenset[str]]:
    """The unit surface forms a dimension reads: (lower-cased form -> pint unit, the forms
    that match only as written). Generated forms first, the hand table on top; a hand row
    with unit `-` removes the form.

    >>> lexicon, exact = surface_forms("power")
    >>> lexicon["megawatts"], lexicon["mw"], "MW" in exact, "w" in lexicon
    ('megawatt', 'megawatt', True, False)
    """
    lexicon, exact = {}, set()
    for row in _rows("units.tsv") + _rows("units-extra.tsv"):
        if row["dimension"] != dimension:
            continue
        key = patterns.key(row["form"])
        if row["unit"] == BLOCKED and row["case"] == "exact":  # one spelling only: "L", not "l"
            exact.discard(row["form"])
            if not any(patterns.fold(f) == key for f in exact):
                lexicon.pop(key, None)
            continue
        if row["unit"] == BLOCKED or row["case"] == "any":
            exact = {f for f in exact if patterns.fold(f) != key}  # blocked, or read in any case
        if row["unit"] == BLOCKED:
            lexicon.pop(key, None)
            continue
        lexicon[key] = row["unit"]
        if row["case"] in ("exact", "glued"):
            exact.add(row["form"])  # "kB" and "KB": both spellings, each only as written
    return lexicon, frozenset(exact)


@cache
def _offset(unit: str) -> bool:
    """Whether converting from or to the unit adds an offset (degrees Celsius, Fahrenheit)."""
    units = registry()
    try:
        return not units._units[unit].is_multiplicative
    except KeyError:
        return False
