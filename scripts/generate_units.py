"""Regenerate extractors/data/units.tsv: the surface forms of every unit the extractors read,
from pint's registry (names, plurals, British spellings, symbols and aliases).

    .venv/bin/python scripts/generate_units.py           # rewrite the file
    .venv/bin/python scripts/generate_units.py --check   # exit 1 if the file drifted

Which units each dimension reads is decided here (UNITS: the units news writes, not every
unit pint knows: "5 chains" or "3 rods" would read furniture and fishing as lengths); what
they are called comes from pint. Hand additions and the forms that must never match bare
("in", "a", "s", "h", "min") are in extractors/data/units-extra.tsv, read on top.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.reading import units  # noqa: E402

OUT = ROOT / "extractors" / "data" / "units.tsv"
HEADER = "form\tunit\tdimension\tcase\tsource"

# dimension -> (pint unit, prefixes it takes in news); a compound is "numerator / denominator"
# or "square X" / "cubic X".
UNITS = {
    "length": [("meter", ["kilo", "", "centi", "milli", "deci", "nano", "pico"]), ("mile", [""]),
               ("nautical_mile", [""]), ("foot", [""]), ("yard", [""]), ("inch", [""])],
    "area": [("square meter", ["kilo", ""]), ("square mile", [""]), ("square foot", [""]),
             ("acre", [""]), ("hectare", [""])],
    "volume": [("liter", ["", "milli"]), ("gallon", [""]), ("oil_barrel", [""]), ("cubic meter", ["", "kilo"]),
               ("cubic_foot", [""]), ("cup", [""]), ("tablespoon", [""]), ("teaspoon", [""]), ("pint", [""])],
    "mass": [("gram", ["kilo", "", "milli", "micro"]), ("metric_ton", [""]), ("pound", [""]),
             ("ounce", [""]), ("stone", [""])],
    "speed": [("meter / hour", ["kilo"]), ("mile / hour", [""]), ("knot", [""]), ("meter / second", [""])],
    "duration": [("second", [""]), ("minute", [""]), ("hour", [""]), ("day", [""]), ("week", [""]),
                 ("fortnight", [""]), ("month", [""]), ("year", [""]), ("century", [""])],
    "temperature": [("degree_Celsius", [""]), ("degree_Fahrenheit", [""]), ("kelvin", [""])],
    "power": [("watt", ["", "kilo", "mega", "giga", "tera"]), ("horsepower", [""])],
    "energy": [("watt_hour", ["", "kilo", "mega", "giga", "tera"]), ("joule", ["", "kilo", "mega", "giga"]),
               ("calorie", ["", "kilo"]), ("british_thermal_unit", [""])],
    "data": [("byte", ["", "kilo", "mega", "giga", "tera", "peta"]), ("bit", ["kilo", "mega", "giga", "tera"])],
    "frequency": [("hertz", ["", "kilo", "mega", "giga"])],
    "pressure": [("pascal", ["", "kilo", "mega", "hecto"]), ("bar", ["", "milli"]),
                 ("pound_force_per_square_inch", [""]), ("atmosphere", [""])],
    "sound": [("decibel", [""])],
    "rotation": [("revolutions_per_minute", [""])],
}
IRREGULAR = {"foot": "feet", "inch": "inches", "century": "centuries", "hertz": "hertz",
             "stone": "stone", "celsius": "celsius", "fahrenheit": "fahrenheit", "kelvin": "kelvins",
             "horsepower": "horsepower", "revolutions": "revolutions", "inches": "inches"}


def plural(word: str) -> str:
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def british(name: str) -> str:
    return name.replace("meter", "metre").replace("liter", "litre")


def _plurals(name: str) -> list[str]:
    """"kilometer" -> kilometers; "mile per hour" -> miles per hour; "degree Celsius" ->
    degrees Celsius; "cubic foot" -> cubic feet."""
    words = name.split(" ")
    if "per" in words:
        at = words.index("per") - 1
    elif words[0] == "degree":
        at = 0
    else:
        at = len(words) - 1
    words[at] = plural(words[at])
    return [" ".join(words)]


def _symbol(registry, unit: str) -> str | None:
    try:
        return registry.get_symbol(unit)
    except Exception:  # a compound: build it from its parts
        return None


def forms_of(registry, base: str, prefix: str) -> list[tuple[str, str, str]]:
    """(form, pint unit, source) for one unit with one prefix."""
    rows = []
    if " / " in base:
        numerator, denominator = base.split(" / ")
        unit = f"{prefix}{numerator} / {denominator}"
        num_name, den_name = f"{prefix}{numerator}", denominator
        article = "an" if den_name[0] in "aeiouh" else "a"  # "an hour", "a second"
        for name in {num_name, british(num_name)}:
            for joiner in ("per", article):
                rows.append((f"{plural(name)} {joiner} {den_name}", unit, "pint:name"))
            rows.append((f"{name} per {den_name}", unit, "pint:name"))
        symbol = f"{registry.get_symbol(num_name)}/{registry.get_symbol(den_name)}"
        rows.append((symbol, unit, "pint:symbol"))
        return rows
    power = {"square": 2, "cubic": 3}.get(base.split(" ")[0])
    if power:
        inner = f"{prefix}{base.split(' ', 1)[1]}"
        unit = f"{inner} ** {power}"
        for name in {inner, british(inner)}:
            word = base.split(" ")[0]
            rows.append((f"{word} {name}", unit, "pint:name"))
            rows.append((f"{word} {plural(name)}", unit, "pint:plural"))
        symbol = registry.get_symbol(inner)
        rows.append((f"{symbol}{'²' if power == 2 else '³'}", unit, "pint:symbol"))
        rows.append((f"{symbol}{power}", unit, "pint:symbol"))
        return rows
    unit = f"{prefix}{base}"
    name = unit.replace("_", " ")
    for spelled in {name, british(name)}:
        rows.append((spelled, unit, "pint:name"))
        for p in _plurals(spelled):
            rows.append((p, unit, "pint:plural"))
    symbol = _symbol(registry, unit)
    if symbol and "_" not in symbol:
        rows.append((symbol, unit, "pint:symbol"))
    definition = registry._units.get(base)
    if definition is not None and not prefix:
        for alias in definition.aliases:
            if "_" not in alias and not any(c.isdigit() for c in alias):
                rows.append((alias, unit, "pint:alias"))
    return rows


def _case(form: str, source: str) -> str:
    """Names match in any case; a symbol only as written, unless it is lower case and
    longer than a letter ("km", "mph" are "KM", "MPH" in headlines; "MW" is no "mW")."""
    if source == "pint:symbol" or source == "pint:alias" and len(form) <= 3:
        return "any" if form.islower() and len(form) > 1 else "exact"
    return "any"


def units_rows() -> list[tuple[str, str, str, str, str]]:
    registry = units.registry()
    rows = {}
    for dimension, specs in UNITS.items():
        for base, prefixes in specs:
            for prefix in prefixes:
                for form, unit, source in forms_of(registry, base, prefix):
                    key = (form if _case(form, source) == "exact" else form.lower(), dimension)
                    rows.setdefault(key, (form, unit, dimension, _case(form, source), source))
    return sorted(rows.values(), key=lambda r: (r[2], r[0].lower(), r[0]))


def render(rows) -> str:
    return HEADER + "\n" + "".join("\t".join(r) + "\n" for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file drifted")
    args = parser.parse_args()
    text = render(units_rows())
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} drifted from pint's registry: run scripts/generate_units.py", file=sys.stderr)
            sys.exit(1)
        print(f"{OUT}: up to date")
        return
    OUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUT}: {text.count(chr(10)) - 1} forms")


if __name__ == "__main__":
    main()
