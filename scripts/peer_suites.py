"""Score our extractors on peer extractors' own test suites (/work/shared/peer-suites/).

    .venv/bin/python scripts/peer_suites.py [--examples N] [--json PATH] [--platform dotnet]

Suites and what of ours answers them
------------------------------------
Microsoft Recognizers-Text English specs, one row per model:

    Number        the numeral layer, `extractors.reading.numerals.scan` (every number in the text)
    NumberRange   the qualifier layer (numerals joined into ranges, "more than", "up to" ...);
                  only bounded amounts are predictions, bare numbers are not ranges
    Percent       extract(), percentage figures only
    Currency      extract(), currency figures only
    Dimension     extract(), length, mass, volume, area and speed figures (the peer also has
                  information and angle units: those stay in the row as misses)
    Age, Temperature   we have no such dimensions: no predictions, the row is all misses

quantulum3 0.10.0's `quantities.json` (and, as an extra row, `quantities.ambiguity.json`):
extract(), every dimension. `errors.json` inputs must not crash extract().

Records kept
------------
A Recognizers record lists in `NotSupported` / `NotSupportedByDesign` the platforms where the
peer itself fails it. We keep the records the peer passes on one platform, `--platform`
(default `dotnet`, the reference implementation the specs are written for), so the peer's own
score on what we keep is 1.0 by construction; `--platform python` keeps the stricter subset
the Python port passes. Records with no expected result stay: they test precision.
Expected results with no value (a bare unit mention: "dollar", "fahrenheit", "percent")
are not figures and are left out of the counts (reported as `ignored`).

quantulum3 passes its own quantities.json 101/101: it is its regression suite, so it
measures our coverage of its forms, not held-out accuracy. A span there is the first
occurrence of `surface` in the sentence; a range is written as value +/- uncertainty,
which we read as [value - uncertainty, value + uncertainty].

Matching
--------
A prediction and an expected figure match (value match) when their spans overlap and:
  * the expected figure is a point v: a number our figure states equals v. Our figure states
    its `value`; a range or vague amount (no `value`) states its `low` and `high`, so the
    peer's "10 feet" matches our "eight to 10 feet" (8-10). "more than $5" states 5.
  * the expected figure is a range [lo, hi] (either end may be open in NumberRange): our
    `low` and `high` equal lo and hi (None equals None). Open/closed ends are not compared:
    our qualifier keeps that distinction ("over" is exclusive, "at least" inclusive).
Numbers are equal within a relative tolerance of 1e-6 (absolute 1e-9 around zero).
Values are compared as written: for money the peer's value against our `value` (units of
the currency as written), for "50 cents" 50.

Value+unit match: a value match whose unit agrees. Each peer unit name maps, in the explicit
tables below, to the dimension it belongs to, the normalized units of ours that name it
(an ISO 4217 code, km, percent, day, count) and the factor from the peer's unit to that
normalized unit. The unit agrees when our `normalized_unit` is one of those and our
normalized figure equals the peer's value times the factor: lengths are compared in km
(so "200 miles" must be 321.8688 km, and a mile read as a km fails), "50 cents" must be
0.50 USD, durations in days. A peer unit absent from the tables never agrees.

Each expected figure matches at most one prediction and vice versa: greedily, expected
figures in order, each taking the first free prediction that matches. The value match and
the value+unit match are counted as two separate matchings over the same figures.
TP = matched pairs, FP = predictions left, FN = expected figures left. P = TP/(TP+FP),
R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN) (their harmonic mean); "-" where a ratio is 0/0.
The micro-averages sum TP/FP/FN over the primary rows (the `ours only`, `in scope` and
`ambiguity` rows are left out); their value+unit F1 sums only the rows that have units.

Subset rows (`Dimension, ours only`, `quantulum3, in scope`): expected figures whose unit
is not in one of our dimensions (OUR_DIMENSIONS) are removed,
together with any prediction they value-match; the rest is scored as above (the quantulum3
subset also leaves out our counts, as it leaves out quantulum's bare numbers).

`--examples N` prints, per suite, N missed figures (with whatever of ours overlaps them,
of any dimension: "ours there"), N spurious ones and N whose value matched but unit did not.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractors import extract  # noqa: E402
from extractors.reading.numerals import scan  # noqa: E402

PEER_SUITES = Path("/work/shared/peer-suites")
PLATFORMS = ("dotnet", "python", "javascript", "java")
OUR_DIMENSIONS = {"length", "mass", "volume", "area", "speed", "currency", "percentage",
                  "duration", "temperature", "power", "energy", "data", "frequency", "pressure",
                  "sound", "rotation"}  # what counts as "in scope"


# --- Unit tables: peer unit name -> (our dimension, our normalized units, factor to them) ---

@dataclass(frozen=True)
class Unit:
    dimension: str
    codes: frozenset[str]
    factor: float = 1.0


def _unit(dimension: str, codes: str, factor: float = 1.0) -> Unit:
    return Unit(dimension, frozenset(codes.split()), factor)


KM = {"kilometre": 1.0, "metre": 1e-3, "decimetre": 1e-4, "centimetre": 1e-5,
      "millimetre": 1e-6, "nanometre": 1e-12, "picometre": 1e-15, "attometre": 1e-21,
      "mile": 1.609344, "foot": 3.048e-4, "inch": 2.54e-5, "yard": 9.144e-4,
      "nautical mile": 1.852}
DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
        "month": 30.4375, "year": 365.25, "decade": 3652.5, "century": 36525.0}
# Other measures, as factors to our normalized units (kg, L, km2, km/h).
KG = {"kilogram": 1.0, "gram": 1e-3, "milligram": 1e-6, "microgram": 1e-9, "tonne": 1000.0,
      "metric ton": 1000.0, "pound": 0.45359237, "pound-mass": 0.45359237,
      "ounce": 0.028349523125}
LITRES = {"litre": 1.0, "millilitre": 1e-3, "centilitre": 1e-2, "gallon": 3.785411784,
          "barrel": 158.987294928, "cubic foot": 28.316846592, "cubic metre": 1000.0,
          "cubic kilometre": 1e12, "cubic centimetre": 1e-3, "cup": 0.2365882365,
          "tablespoon": 0.01478676478125, "teaspoon": 0.00492892159375}
KM2 = {"square kilometre": 1.0, "square metre": 1e-6, "square mile": 2.589988110336,
       "acre": 0.004046872609874252, "hectare": 0.01}
KMH = {"kilometre per hour": 1.0, "mile per hour": 1.609344}
# A figure in a currency with no code of ours can only match on value ("sen", "markka").
NO_CODE = ""

# Recognizers-Text's unit names, one table per model: "Pound" is money in one, weight in the other.
RT_CURRENCY: dict[str, Unit] = {
    # A bare "$" or "dollar" is read as US dollars, as our extractor does.
    "Dollar": _unit("currency", "USD"),
    "United States dollar": _unit("currency", "USD"),
    "Cent": _unit("currency", "USD", 0.01),
    "Euro": _unit("currency", "EUR"),
    "Pound": _unit("currency", "GBP"),
    "British pound": _unit("currency", "GBP"),
    "Pence": _unit("currency", "GBP", 0.01),
    "Penny": _unit("currency", "GBP", 0.01),
    "Chinese yuan": _unit("currency", "CNY"),
    "Japanese yen": _unit("currency", "JPY"),
    "Canadian dollar": _unit("currency", "CAD"),
    "Australian dollar": _unit("currency", "AUD"),
    "New Zealand dollar": _unit("currency", "NZD"),
    "Hong Kong dollar": _unit("currency", "HKD"),
    "Swiss franc": _unit("currency", "CHF"),
    "Franc": _unit("currency", "CHF FRF BEF LUF XOF XAF"),  # 1989 WSJ text: mostly French
    "Turkish lira": _unit("currency", "TRY"),
    "Rupee": _unit("currency", "INR PKR LKR NPR"),
    "Sri Lankan rupee": _unit("currency", "LKR"),
    "Mexican peso": _unit("currency", "MXN"),
    "Finnish markka": _unit("currency", "FIM"),
    "Peseta": _unit("currency", "ESP"),
    "Netherlands guilder": _unit("currency", "NLG"),
    "Costa Rican colón": _unit("currency", "CRC"),
    "Georgian lari": _unit("currency", "GEL"),
    "Lao kip": _unit("currency", "LAK"),
    "Bitcoin": _unit("currency", "XBT BTC"),
    "Satoshi": _unit("currency", "XBT BTC", 1e-8),
    "Sen": _unit("currency", NO_CODE),  # a subunit of the yen, ringgit or rupiah: unknowable
}
# Lengths, weights, volumes, areas and speeds; the model's information and angle units are
# not in the table: out of scope for the `in our dimensions` row, and never agree.
RT_DIMENSION: dict[str, Unit] = {
    "Kilogram": _unit("mass", "kg", KG["kilogram"]),
    "Gram": _unit("mass", "kg", KG["gram"]),
    "Microgram": _unit("mass", "kg", KG["microgram"]),
    "Pound": _unit("mass", "kg", KG["pound"]),
    "Ounce": _unit("mass", "kg", KG["ounce"]),
    "Metric ton": _unit("mass", "kg", KG["metric ton"]),
    "Ton": _unit("mass", "kg", KG["tonne"]),  # our "tons" are metric tonnes, by convention
    "Gallon": _unit("volume", "L", LITRES["gallon"]),
    "Milliliter": _unit("volume", "L", LITRES["millilitre"]),
    "Barrel": _unit("volume", "L", LITRES["barrel"]),
    "Cubic foot": _unit("volume", "L", LITRES["cubic foot"]),
    "Cup": _unit("volume", "L", LITRES["cup"]),
    "Tablespoon": _unit("volume", "L", LITRES["tablespoon"]),
    "Teaspoon": _unit("volume", "L", LITRES["teaspoon"]),
    "Square meter": _unit("area", "km2", KM2["square metre"]),
    "Square kilometer": _unit("area", "km2", KM2["square kilometre"]),
    "Acre": _unit("area", "km2", KM2["acre"]),
    "Kilometer per hour": _unit("speed", "km/h", KMH["kilometre per hour"]),
    "Mile per hour": _unit("speed", "km/h", KMH["mile per hour"]),
    "Kilometer": _unit("length", "km", KM["kilometre"]),
    "Meter": _unit("length", "km", KM["metre"]),
    "Decimeter": _unit("length", "km", KM["decimetre"]),
    "Centimeter": _unit("length", "km", KM["centimetre"]),
    "Millimeter": _unit("length", "km", KM["millimetre"]),
    "Picometer": _unit("length", "km", KM["picometre"]),
    "Mile": _unit("length", "km", KM["mile"]),
    "Foot": _unit("length", "km", KM["foot"]),
    "Inch": _unit("length", "km", KM["inch"]),
    "Yard": _unit("length", "km", KM["yard"]),
}
# An age would be a duration in unit terms, but the Age row keeps no dimension of ours.
RT_AGE: dict[str, Unit] = {
    "Year": _unit("duration", "day", DAYS["year"]),
    "Month": _unit("duration", "day", DAYS["month"]),
    "Week": _unit("duration", "day", DAYS["week"]),
    "Day": _unit("duration", "day", DAYS["day"]),
}
# Temperatures: the value as written agrees or not; units are compared in degrees Celsius,
# which only the Celsius figures can match by a factor (Fahrenheit has an offset).
RT_TEMPERATURE: dict[str, Unit] = {"C": _unit("temperature", "degree_Celsius"),
                                   "Degree Celsius": _unit("temperature", "degree_Celsius")}
# Percent results carry no unit name; the loader names them "Percent".
RT_PERCENT: dict[str, Unit] = {"Percent": _unit("percentage", "percent")}

QUANTULUM_UNITS: dict[str, Unit] = {
    **{name: _unit("length", "km", factor) for name, factor in KM.items()},
    **{name: _unit("duration", "day", factor) for name, factor in DAYS.items()},
    **{name: _unit("mass", "kg", factor) for name, factor in KG.items()},
    **{name: _unit("volume", "L", factor) for name, factor in LITRES.items()},
    **{name: _unit("area", "km2", factor) for name, factor in KM2.items()},
    **{name: _unit("speed", "km/h", factor) for name, factor in KMH.items()},
    "megayear": _unit("duration", "day", DAYS["year"] * 1e6),
    "gigayear": _unit("duration", "day", DAYS["year"] * 1e9),
    "dollar": _unit("currency", "USD"),
    "cent": _unit("currency", "USD", 0.01),
    "dime": _unit("currency", "USD", 0.1),
    "euro": _unit("currency", "EUR"),
    "pound sterling": _unit("currency", "GBP"),
    "penny": _unit("currency", "GBP", 0.01),
    "yen": _unit("currency", "JPY"),
    "percentage": _unit("percentage", "percent"),
    # quantulum's bare numbers; ours are counts when they count something ("50 cars").
    "dimensionless": _unit("count", "count"),
    "dozen": _unit("count", "count", 12.0),
    "baker's dozen": _unit("count", "count", 13.0),
    "gross": _unit("count", "count", 144.0),
}


# --- Figures -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Expected:
    """A peer's figure: a point `value`, or a range [low, high] when value is None."""

    start: int
    end: int  # exclusive
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # the peer's unit name

    def describe(self) -> str:
        amount = (_num(self.value) if self.value is not None
                  else f"[{_num(self.low)}, {_num(self.high)}]")
        return f"{self.text!r} = {amount} {self.unit or ''}".rstrip()


@dataclass(frozen=True)
class Predicted:
    """One of our figures, as written and normalized."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    normalized_value: float | None = None
    normalized_low: float | None = None
    normalized_high: float | None = None
    normalized_unit: str | None = None
    dimension: str = ""  # ours, or "numeral" / "amount" for the number layers
    qualifier: str = ""
    unit: str = ""  # as written

    def describe(self) -> str:
        if self.value is not None:
            amount, normalized = _num(self.value), _num(self.normalized_value)
        else:
            amount = f"[{_num(self.low)}, {_num(self.high)}]"
            normalized = f"[{_num(self.normalized_low)}, {_num(self.normalized_high)}]"
        if not self.normalized_unit:
            return f"{self.text!r} = {amount} ({self.dimension} {self.qualifier})"
        return (f"{self.text!r} = {amount} {self.unit} -> {normalized} {self.normalized_unit}"
                f" ({self.dimension} {self.qualifier})")


@dataclass
class Record:
    text: str
    expected: list[Expected]


def _num(x: float | None) -> str:
    return "None" if x is None else f"{x:.10g}"


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _scaled(x: float | None, factor: float) -> float | None:
    return None if x is None else x * factor


def _stated(p: Predicted) -> list[tuple[float, float | None]]:
    """The numbers a prediction states, each with its normalized form."""
    if p.value is not None:
        return [(p.value, p.normalized_value)]
    ends = ((p.low, p.normalized_low), (p.high, p.normalized_high))
    return [(x, n) for x, n in ends if x is not None]


def overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def matches(e: Expected, p: Predicted, units: dict[str, Unit] | None = None) -> bool:
    """Value match; with a unit table, value+unit match (see the module docstring)."""
    if not overlap(e, p):
        return False
    unit = None
    if units is not None:
        unit = units.get(e.unit or "")
        if unit is None or p.normalized_unit not in unit.codes:
            return False
    if e.value is not None:
        return any(close(raw, e.value) and (unit is None or close(norm, e.value * unit.factor))
                   for raw, norm in _stated(p))
    if not (close(p.low, e.low) and close(p.high, e.high)):
        return False
    return unit is None or (close(p.normalized_low, _scaled(e.low, unit.factor))
                            and close(p.normalized_high, _scaled(e.high, unit.factor)))


def pair_up(expected: list[Expected], predicted: list[Predicted], units=None):
    """Greedy one-to-one matching: (pairs, unmatched expected, unmatched predicted)."""
    free = list(predicted)
    pairs, missed = [], []
    for e in expected:
        p = next((p for p in free if matches(e, p, units)), None)
        if p is None:
            missed.append(e)
        else:
            free.remove(p)
            pairs.append((e, p))
    return pairs, missed, free


# --- Tallies -------------------------------------------------------------------------------

def _prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall, F1 (= 2TP / (2TP + FP + FN)); None where undefined (0/0)."""
    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None
    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    unit_tp: int = 0  # value+unit matches; FP/FN for value+unit follow from the totals

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def expected(self) -> int:
        return self.tp + self.fn

    def value_prf(self):
        return _prf(self.tp, self.fp, self.fn)

    def unit_prf(self):
        return _prf(self.unit_tp, self.predicted - self.unit_tp, self.expected - self.unit_tp)

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.unit_tp += other.unit_tp


@dataclass
class Result:
    suite: str
    records: int
    tally: Tally
    scores_units: bool
    peer_own: str
    primary: bool
    excluded_records: int = 0
    ignored_expected: int = 0
    crashes: int = 0
    unit_tally: Tally | None = None  # micro-average rows: the rows that score units
    missed: list[tuple[str, Expected, list[Predicted]]] = field(default_factory=list)
    spurious: list[tuple[str, Predicted]] = field(default_factory=list)
    wrong_unit: list[tuple[str, Expected, Predicted]] = field(default_factory=list)


# --- What of ours answers each suite ---------------------------------------------------------

class Predictor:
    """Our figures for a text, counting crashes instead of stopping."""

    def __init__(self, read: Callable[[str], list[Predicted]]):
        self.read = read
        self.crashes = 0

    def __call__(self, text: str) -> list[Predicted]:
        try:
            return self.read(text)
        except Exception as error:  # a crash is a finding, not the end of the run
            self.crashes += 1
            print(f"  crash on {text[:60]!r}: {type(error).__name__}: {error}", file=sys.stderr)
            return []


def quantities(text: str) -> list[Predicted]:
    """extract(): every figure of every dimension (a suite keeps the dimensions it scores)."""
    return [Predicted(q.start, q.end, q.text, q.value, q.low, q.high, q.normalized_value,
                      q.normalized_low, q.normalized_high, q.normalized_unit, q.dimension,
                      q.qualifier, q.unit)
            for q in extract(text)]


def numerals(text: str) -> list[Predicted]:
    """The numeral layer: every number, vague amounts as their range."""
    return [Predicted(n.start, n.end, n.text, n.value, n.low if n.value is None else None,
                      n.high if n.value is None else None, dimension="numeral", qualifier=n.kind)
            for n in scan(text)]


def bounded_amounts(text: str) -> list[Predicted]:
    """The qualifier layer: amounts with a range or a bound ("more than 20", "5-10")."""
    from extractors.reading.qualifiers import amounts, bounds, qualify  # internal layer, may move

    found = []
    for amount in amounts(text, list(scan(text))):
        start, end, qualifier = qualify(text, amount, amount.start, amount.end)
        if qualifier in ("exact", "approximately"):
            continue
        _, low, high = bounds(amount.value, amount.low, amount.high, qualifier)
        found.append(Predicted(start, end, text[start:end], None, low, high,
                               dimension="amount", qualifier=qualifier))
    return found


# --- Loading the suites ----------------------------------------------------------------------

def _platforms(record: dict) -> set[str]:
    listed = ",".join(record.get(k) or "" for k in ("NotSupported", "NotSupportedByDesign"))
    return {p.strip().lower() for p in listed.split(",") if p.strip()}


_INTERVAL = re.compile(r"^\s*([\[(])\s*([^,]*?)\s*,\s*([^\])]*?)\s*([\])])\s*$")


def _recognizers_expected(result: dict, model: str) -> Expected | None:
    resolution = result.get("Resolution") or {}
    raw = resolution.get("value")
    if raw in (None, "", "null"):
        return None  # a bare unit mention, not a figure
    start, end, unit = result["Start"], result["End"] + 1, resolution.get("unit")
    if model == "NumberRange":
        interval = _INTERVAL.match(raw)
        low, high = (float(x) if x else None for x in interval.group(2, 3))
        return Expected(start, end, result["Text"], None, low, high)
    if model == "Percent":
        raw, unit = raw.rstrip("%"), "Percent"
    return Expected(start, end, result["Text"], float(raw), unit=unit)


def load_recognizers(path: Path, model: str, platform: str):
    """(records kept, records excluded, expected results ignored)."""
    with path.open(encoding="utf-8-sig") as handle:
        raw = json.load(handle)
    kept, excluded, ignored = [], 0, 0
    for record in raw:
        if platform in _platforms(record):
            excluded += 1
            continue
        expected = []
        for result in record.get("Results") or []:
            figure = _recognizers_expected(result, model)
            if figure is None:
                ignored += 1
            else:
                expected.append(figure)
        kept.append(Record(record["Input"], expected))
    return kept, excluded, ignored


def load_quantulum(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    records = []
    for record in raw:
        text, expected = record["req"], []
        for result in record["res"]:
            start = text.find(result["surface"])
            value, spread = float(result["value"]), result.get("uncertainty")
            end = start + len(result["surface"])
            if spread:
                expected.append(Expected(start, end, result["surface"], None,
                                         value - spread, value + spread, result["unit"]))
            else:
                expected.append(Expected(start, end, result["surface"], value, unit=result["unit"]))
        records.append(Record(text, expected))
    return records


# --- Scoring ---------------------------------------------------------------------------------

@dataclass
class Suite:
    name: str
    records: list[Record]
    predictor: Predictor
    units: dict[str, Unit] | None  # None: the suite has no units (Number, NumberRange)
    peer_own: str
    keep: set[str] | None = None  # the dimensions of ours the suite scores; None: all
    primary: bool = True
    in_scope: Callable[[Expected], bool] | None = None  # subset rows
    excluded_records: int = 0
    ignored_expected: int = 0


def score(suite: Suite) -> Result:
    tally = Tally()
    result = Result(suite.name, len(suite.records), tally, suite.units is not None,
                    suite.peer_own, suite.primary, suite.excluded_records,
                    suite.ignored_expected)
    for record in suite.records:
        ours = suite.predictor(record.text)
        expected = record.expected
        predicted = [p for p in ours if suite.keep is None or p.dimension in suite.keep]
        if suite.in_scope is not None:
            outside = [e for e in expected if not suite.in_scope(e)]
            _, _, predicted = pair_up(outside, predicted)  # drop what out-of-scope figures explain
            expected = [e for e in expected if suite.in_scope(e)]
        pairs, missed, spurious = pair_up(expected, predicted)
        tally.tp += len(pairs)
        tally.fn += len(missed)
        tally.fp += len(spurious)
        result.missed += [(record.text, e, [p for p in ours if overlap(e, p)]) for e in missed]
        result.spurious += [(record.text, p) for p in spurious]
        if suite.units is not None:
            unit_pairs, _, _ = pair_up(expected, predicted, suite.units)
            tally.unit_tp += len(unit_pairs)
            agreed = {id(e) for e, _ in unit_pairs}
            result.wrong_unit += [(record.text, e, p) for e, p in pairs if id(e) not in agreed]
    result.crashes = suite.predictor.crashes
    return result


def in_our_dimensions(units: dict[str, Unit]) -> Callable[[Expected], bool]:
    def in_scope(e: Expected) -> bool:
        unit = units.get(e.unit or "")
        return unit is not None and unit.dimension in OUR_DIMENSIONS
    return in_scope


RECOGNIZERS_MODELS = [
    # (model, file, what of ours answers it, the dimensions of ours kept, unit table)
    ("Number", "Number_English_NumberModel.json", numerals, None, None),
    ("NumberRange", "Number_English_NumberRangeModel.json", bounded_amounts, None, None),
    ("Percent", "Number_English_PercentModel.json", quantities, {"percentage"}, RT_PERCENT),
    ("Currency", "NumberWithUnit_English_CurrencyModel.json", quantities, {"currency"},
     RT_CURRENCY),
    ("Dimension", "NumberWithUnit_English_DimensionModel.json", quantities,
     {"length", "mass", "volume", "area", "speed", "power", "energy", "data", "frequency",
      "pressure", "sound", "rotation"}, RT_DIMENSION),
    ("Age", "NumberWithUnit_English_AgeModel.json", quantities, set(), RT_AGE),
    ("Temperature", "NumberWithUnit_English_TemperatureModel.json", quantities, {"temperature"},
     RT_TEMPERATURE),
]


def build_suites(root: Path, platform: str) -> list[Suite]:
    suites = []
    for model, filename, read, keep, units in RECOGNIZERS_MODELS:
        records, excluded, ignored = load_recognizers(root / "recognizers-text" / filename,
                                                      model, platform)
        own = f"1.00 ({platform})" if records else "-"
        suites.append(Suite(f"RT {model}", records, Predictor(read), units, own, keep,
                            excluded_records=excluded, ignored_expected=ignored))
        if model == "Dimension":
            suites.append(Suite("RT Dimension, ours only", records, Predictor(read), units,
                                own, keep, primary=False, in_scope=in_our_dimensions(units),
                                excluded_records=excluded, ignored_expected=ignored))
    quantulum = root / "quantulum3"
    records = load_quantulum(quantulum / "quantities.json")
    own = f"1.00 ({len(records)}/{len(records)})"
    suites.append(Suite("quantulum3", records, Predictor(quantities), QUANTULUM_UNITS, own))
    suites.append(Suite("quantulum3, in scope", records, Predictor(quantities), QUANTULUM_UNITS,
                        own, OUR_DIMENSIONS, primary=False,
                        in_scope=in_our_dimensions(QUANTULUM_UNITS)))
    ambiguity = load_quantulum(quantulum / "quantities.ambiguity.json")
    suites.append(Suite("quantulum3 ambiguity", ambiguity, Predictor(quantities),
                        QUANTULUM_UNITS, "n/a", primary=False))
    return suites


def crash_check(path: Path) -> tuple[int, int]:
    """(inputs, crashes) of extract() on quantulum3's errors.json."""
    with path.open(encoding="utf-8") as handle:
        inputs = json.load(handle)
    crashes = 0
    for text in inputs:
        try:
            extract(text)
        except Exception as error:
            crashes += 1
            print(f"  crash on {text!r}: {type(error).__name__}: {error}", file=sys.stderr)
    return len(inputs), crashes


# --- Reporting -------------------------------------------------------------------------------

def micro(results: list[Result], name: str, keep: Callable[[Result], bool]) -> Result:
    tally, units = Tally(), Tally()
    chosen = [r for r in results if r.primary and keep(r)]
    for r in chosen:
        tally.add(r.tally)
        if r.scores_units:
            units.add(r.tally)
    return Result(name, sum(r.records for r in chosen), tally, True, "", False, unit_tally=units)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def table(results: list[Result], averages: list[Result]) -> str:
    head = (f"{'suite':<27} {'records':>7} {'TP':>5} {'FP':>5} {'FN':>5} "
            f"{'P':>5} {'R':>5} {'F1':>5}  {'F1 v+u':>6}  {'peer own':<14} {'crashes':>7}")
    lines = [head, "-" * len(head)]

    def line(r: Result, unit_f1: float | None) -> str:
        p, rec, f1 = (_fmt(x) for x in r.tally.value_prf())
        crashes = "" if r.unit_tally is not None else str(r.crashes)
        return (f"{r.suite:<27} {r.records:>7} {r.tally.tp:>5} {r.tally.fp:>5} {r.tally.fn:>5} "
                f"{p:>5} {rec:>5} {f1:>5}  {_fmt(unit_f1):>6}  {r.peer_own:<14} {crashes:>7}")

    for r in results:
        lines.append(line(r, r.tally.unit_prf()[2] if r.scores_units else None))
    lines.append("-" * len(head))
    for r in averages:
        lines.append(line(r, r.unit_tally.unit_prf()[2]))
    return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    snippet = text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]
    snippet = snippet.replace("\n", " ")
    return ("..." if left else "") + snippet + ("..." if right < len(text) else "")


WHERE = " " * 11 + "in: "


def examples(results: list[Result], n: int) -> str:
    out = []
    for r in results:
        if not (r.missed or r.spurious or r.wrong_unit):
            continue
        out.append(f"\n=== {r.suite}: {len(r.missed)} missed, {len(r.spurious)} spurious, "
                   f"{len(r.wrong_unit)} value right but unit wrong")
        for text, e, ours in r.missed[:n]:
            out.append(f"  MISSED   {e.describe()}\n{WHERE}{_context(text, e.start, e.end)}")
            if ours:
                out.append("           ours there: " + "; ".join(p.describe() for p in ours))
        for text, p in r.spurious[:n]:
            out.append(f"  SPURIOUS {p.describe()}\n{WHERE}{_context(text, p.start, p.end)}")
        for text, e, p in r.wrong_unit[:n]:
            out.append(f"  UNIT     expected {e.describe()}, got {p.describe()}\n"
                       f"{WHERE}{_context(text, e.start, e.end)}")
    return "\n".join(out)


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def as_json(results, averages, errors, platform) -> dict:
    def row(r: Result, unit_tally: Tally | None) -> dict:
        p, rec, f1 = (_round(x) for x in r.tally.value_prf())
        data = {"suite": r.suite, "records": r.records, "tp": r.tally.tp, "fp": r.tally.fp,
                "fn": r.tally.fn, "precision": p, "recall": rec, "f1": f1}
        if unit_tally is not None:
            up, ur, uf = (_round(x) for x in unit_tally.unit_prf())
            data.update(unit_tp=unit_tally.unit_tp, unit_precision=up, unit_recall=ur,
                        unit_f1=uf)
        return data

    rows = []
    for r in results:
        data = row(r, r.tally if r.scores_units else None)
        data.update(peer_own=r.peer_own, primary=r.primary, excluded_records=r.excluded_records,
                    ignored_expected=r.ignored_expected, crashes=r.crashes)
        rows.append(data)
    return {"platform": platform, "suites": rows,
            "micro": [row(a, a.unit_tally) for a in averages],
            "quantulum3_errors": {"inputs": errors[0], "crashes": errors[1]}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suites", type=Path, default=PEER_SUITES, help="the peer-suites folder")
    parser.add_argument("--platform", choices=PLATFORMS, default="dotnet",
                        help="keep the Recognizers-Text records the peer passes on this platform")
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="print N missed, N spurious and N wrong-unit figures per suite")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the numbers as JSON")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    results = [score(suite) for suite in build_suites(args.suites, args.platform)]
    errors = crash_check(args.suites / "quantulum3" / "errors.json")
    averages = [
        micro(results, "micro, extract() suites", lambda r: r.scores_units),
        micro(results, "micro, all primary rows", lambda r: True),
    ]

    print(table(results, averages))
    excluded = sum(r.excluded_records for r in results if r.primary)
    ignored = sum(r.ignored_expected for r in results if r.primary)
    print(f"\nRecognizers-Text: records kept are those the peer passes on {args.platform} "
          f"({excluded} excluded); {ignored} expected results with no value ignored.")
    print("Age, Temperature: we have no such dimensions, so nothing is predicted "
          "(P undefined: -). F1 = 2TP/(2TP+FP+FN); F1 v+u: value and unit agree.")
    print(f"quantulum3 errors.json: {errors[0]} inputs, {errors[1]} crashes. "
          f"Crashes on all suites: {sum(r.crashes for r in results) + errors[1]}. "
          f"Time: {time.perf_counter() - began:.1f}s.")
    if args.examples:
        print(examples(results, args.examples))
    if args.json:
        args.json.write_text(json.dumps(as_json(results, averages, errors, args.platform),
                                        indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
